using NodaTime;
using Usm.Model.Assessment;

namespace Usm.Model.Tests.Assessment;

public class ScoringTests
{
    private static readonly LocalDate s_date = new(2026, 1, 12);

    // Two areas: "a" holds q1 (five-level, weight 1) and q2 (percentage, weight 3); "b" holds q3 (yes/no).
    internal static readonly Instrument Small = new("small", "1", "Small instrument", [
        new InstrumentArea("a", "Area A", [
            new Question("q1", "First", AnswerScale.FiveLevel, UsmElement.For(Resource.People)),
            new Question("q2", "Second", AnswerScale.Percentage, UsmElement.For(UsmProcess.Change), weight: 3),
        ]),
        new InstrumentArea("b", "Area B", [new Question("q3", "Third", AnswerScale.YesNo, UsmElement.For(Prerequisite.ManagementTools))], weight: 2),
    ]);

    private static Scan Scan(params Answer[] answers) =>
        new("s1", Small, s_date, [new Respondent("r1", "operator"), new Respondent("r2", "team lead"), new Respondent("r3", "customer")], answers);

    private static Answer A(string respondent, string question, AnswerValue value) => new(respondent, question, value);

    // Rating bands of ISO/IEC 33020:2019 §5.2.2 (process attribute rating scale), reproduced in Automotive SPICE PAM 3.1
    // §3.2.1: N 0-15 %, P >15-50 %, L >50-85 %, F >85-100 %
    // (https://devnull.samersoff.net/pub/aspice31/Automotive_SPICE_PAM_31_EN_files/part18.htm).
    [Theory]
    [InlineData(0.0, AchievementRating.NotAchieved)]
    [InlineData(15.0, AchievementRating.NotAchieved)]
    [InlineData(15.000000000000002, AchievementRating.PartiallyAchieved)]
    [InlineData(50.0, AchievementRating.PartiallyAchieved)]
    [InlineData(50.00000000000001, AchievementRating.LargelyAchieved)]
    [InlineData(85.0, AchievementRating.LargelyAchieved)]
    [InlineData(85.00000000000001, AchievementRating.FullyAchieved)]
    [InlineData(100.0, AchievementRating.FullyAchieved)]
    public void Rate_UsesTheIso33020BandsExactly(double percent, AchievementRating expected) => Assert.Equal(expected, AchievementRatings.Rate(percent));

    [Fact]
    public void Rate_BoundariesAreTheNextDoubleAbove()
    {
        Assert.Equal(AchievementRating.PartiallyAchieved, AchievementRatings.Rate(Math.BitIncrement(15.0)));
        Assert.Equal(AchievementRating.LargelyAchieved, AchievementRatings.Rate(Math.BitIncrement(50.0)));
        Assert.Equal(AchievementRating.FullyAchieved, AchievementRatings.Rate(Math.BitIncrement(85.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => AchievementRatings.Rate(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AchievementRatings.Rate(double.NaN));
    }

    [Fact]
    public void BandValues_RateBackToTheirOwnBand()
    {
        foreach (var rating in Enum.GetValues<AchievementRating>())
        {
            Assert.Equal(rating, AchievementRatings.Rate(AchievementRatings.BandValue(rating)));
        }

        Assert.Equal("NPLF", new string([.. Enum.GetValues<AchievementRating>().Select(AchievementRatings.Letter)]));
    }

    [Theory]
    [InlineData(AnswerStatistic.Mean, 40.0)]
    [InlineData(AnswerStatistic.Median, 20.0)]
    [InlineData(AnswerStatistic.Minimum, 0.0)]
    public void Statistic_CombinesRespondents(AnswerStatistic statistic, double expected)
    {
        var scan = Scan(A("r1", "q2", AnswerValue.Percent(0)), A("r2", "q2", AnswerValue.Percent(20)), A("r3", "q2", AnswerValue.Percent(100)));
        Assert.Equal(expected, scan.Score(ScoringOptions.Default.WithStatistic(statistic)).Question("q2").Score);
    }

    [Fact]
    public void Median_OfAnEvenCount_IsTheMeanOfTheMiddleTwo()
    {
        var scan = Scan(A("r1", "q1", AnswerValue.Level("ad hoc")), A("r2", "q1", AnswerValue.Level("largely in place")));
        Assert.Equal(50.0, scan.Score(ScoringOptions.Default.WithStatistic(AnswerStatistic.Median)).Question("q1").Score);
    }

    [Theory]
    [InlineData(ScoreAggregation.WeightedMean, 25.0, AchievementRating.PartiallyAchieved)]
    [InlineData(ScoreAggregation.WeakestLink, 0.0, AchievementRating.NotAchieved)]
    [InlineData(ScoreAggregation.ThresholdLadder, 25.0, AchievementRating.PartiallyAchieved)]
    public void AreaAggregation_WeighsQuestions(ScoreAggregation aggregation, double expected, AchievementRating rating)
    {
        // q1 = 100 % (weight 1), q2 = 0 % (weight 3): weighted mean (100·1 + 0·3) / 4 = 25.
        var scan = Scan(A("r1", "q1", AnswerValue.Level("fully in place")), A("r1", "q2", AnswerValue.Percent(0)));
        var area = scan.Score(ScoringOptions.Default.WithAggregation(aggregation)).Area("a");
        Assert.Equal(expected, area.Score);
        Assert.Equal(rating, area.Rating);
    }

    [Fact]
    public void ThresholdLadder_RatesEachScoreBeforeAveraging()
    {
        // q1 = 75 % (L, band 200/3), q2 = 90 % (F, band 100): (200/3 · 1 + 100 · 3) / 4 = 91.67 → F.
        var scan = Scan(A("r1", "q1", AnswerValue.Level("largely in place")), A("r1", "q2", AnswerValue.Percent(90)));
        var result = scan.Score(ScoringOptions.Default.WithAggregation(ScoreAggregation.ThresholdLadder));
        Assert.Equal(((200.0 / 3) + 300) / 4, result.Area("a").Score!.Value, 12);
        Assert.Equal(AchievementRating.FullyAchieved, result.Area("a").Rating);
        var plain = scan.Score();
        Assert.Equal((75.0 + 270) / 4, plain.Area("a").Score);
    }

    [Fact]
    public void Overall_UsesAreaWeights()
    {
        // Area a = 25 % (weight 1), area b = 100 % (weight 2): (25 + 200) / 3 = 75.
        var scan = Scan(A("r1", "q1", AnswerValue.Level("fully in place")), A("r1", "q2", AnswerValue.Percent(0)), A("r1", "q3", AnswerValue.Yes));
        var result = scan.Score();
        Assert.Equal(75.0, result.Overall);
        Assert.Equal(AchievementRating.LargelyAchieved, result.OverallRating);
        Assert.Equal(0.0, scan.Score(ScoringOptions.Default.WithAggregation(ScoreAggregation.WeakestLink)).Overall);
    }

    [Fact]
    public void MissingAnswers_Exclude_IsTheDefaultAndNeverCountsAsZero()
    {
        // Only r1 answers q1 (100 %); nobody answers q2. Under the default rule q2 has no score and drops out of area a,
        // so area a is 100 %, not the 25 % a zero for q2 would give.
        var result = Scan(A("r1", "q1", AnswerValue.Level("fully in place"))).Score();
        Assert.Equal(MissingAnswerRule.Exclude, ScoringOptions.Default.MissingAnswers);
        Assert.Equal(100.0, result.Question("q1").Score);
        Assert.Equal(1, result.Question("q1").AnsweredCount);
        Assert.Equal(2, result.Question("q1").MissingCount);
        Assert.Null(result.Question("q2").Score);
        Assert.Null(result.Question("q2").Rating);
        Assert.Equal(100.0, result.Area("a").Score);
        Assert.Equal(1, result.Area("a").ScoredQuestionCount);
        Assert.Null(result.Area("b").Score);
        Assert.Equal(100.0, result.Overall);
        Assert.Equal(1.0 / 9, result.Coverage, 12);
    }

    [Fact]
    public void MissingAnswers_CountAsLowest_AddsZeroForEachMissingRespondent()
    {
        var result = Scan(A("r1", "q1", AnswerValue.Level("fully in place"))).Score(ScoringOptions.Default.WithMissingAnswers(MissingAnswerRule.CountAsLowest));
        Assert.Equal(100.0 / 3, result.Question("q1").Score!.Value, 12);
        Assert.Equal(0.0, result.Question("q2").Score);
    }

    [Fact]
    public void MissingAnswers_Reject_ThrowsNamingTheScanAndAMissingAnswer()
    {
        var scan = Scan(A("r1", "q1", AnswerValue.Level("fully in place")));
        var ex = Assert.Throws<IncompleteScanException>(() => scan.Score(ScoringOptions.Default.WithMissingAnswers(MissingAnswerRule.Reject)));
        Assert.Equal("s1", ex.ScanId);
        Assert.Equal(8, ex.MissingCount);
        Assert.Contains("'s1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'r1' on 'q2'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoAnswers_GiveNoScoresRatherThanZero()
    {
        var result = Scan().Score();
        Assert.Null(result.Overall);
        Assert.All(result.Areas, a => Assert.Null(a.Score));
        Assert.Equal(0.0, result.Coverage);
    }

    [Fact]
    public void Scan_RejectsUnknownQuestionUnknownRespondentWrongScaleAndDuplicates()
    {
        Assert.Contains("'q9'", Assert.Throws<ArgumentException>(() => Scan(A("r1", "q9", AnswerValue.Yes))).Message, StringComparison.Ordinal);
        Assert.Contains("'r9'", Assert.Throws<ArgumentException>(() => Scan(A("r9", "q1", AnswerValue.Yes))).Message, StringComparison.Ordinal);
        Assert.Contains("'q3'", Assert.Throws<ArgumentException>(() => Scan(A("r1", "q3", AnswerValue.Percent(5)))).Message, StringComparison.Ordinal);
        Assert.Contains("'nonsense'", Assert.Throws<ArgumentException>(() => Scan(A("r1", "q1", AnswerValue.Level("nonsense")))).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => Scan(A("r1", "q3", AnswerValue.Yes), A("r1", "q3", AnswerValue.No))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Scan("s", Small, s_date, [new Respondent("r", "x"), new Respondent("r", "y")], []));
        Assert.Throws<ArgumentException>(() => new Answer("r1", "q1", default));
    }

    [Fact]
    public void WithAnswer_ReplacesAndLeavesTheOriginalUnchanged()
    {
        var scan = Scan(A("r1", "q3", AnswerValue.No));
        var changed = scan.WithAnswer("r1", "q3", AnswerValue.Yes);
        Assert.Equal(0.0, scan.Score().Question("q3").Score);
        Assert.Equal(100.0, changed.Score().Question("q3").Score);
        Assert.Single(changed.Answers);
    }

    [Fact]
    public void Result_UnknownIds_Throw()
    {
        var result = Scan().Score();
        Assert.Throws<ArgumentException>(() => result.Question("nope"));
        Assert.Throws<ArgumentException>(() => result.Area("nope"));
    }
}
