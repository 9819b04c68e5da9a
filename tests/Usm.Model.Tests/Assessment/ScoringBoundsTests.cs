using NodaTime;
using Usm.Model.Assessment;

namespace Usm.Model.Tests.Assessment;

/// <summary>
/// Weights and level scores are bounded so that scoring never overflows (found by review, session 5: two question
/// weights of 1e308 scored NaN, the threshold ladder threw on the NaN, and levels at ±1e308 gave NaN achievements).
/// </summary>
public class ScoringBoundsTests
{
    private static Question Q(string id, double weight = 1, AnswerScale? scale = null) =>
        new(id, "text " + id, scale ?? AnswerScale.Percentage, UsmElement.For(Resource.People), weight);

    [Theory]
    [InlineData(1e308)]
    [InlineData(1_000_000.0000000001)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    public void QuestionWeight_OutsideTheBound_IsRejectedNamingTheValue(double weight)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Q("q1", weight));
        Assert.Equal("weight", ex.ParamName);
        Assert.Contains("at most 1000000", ex.Message, StringComparison.Ordinal);
        Assert.Contains(weight.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AreaWeight_OutsideTheBound_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new InstrumentArea("A", "a", [Q("q1")], 1e308));
        Assert.Equal("weight", ex.ParamName);
    }

    [Fact]
    public void LargestWeights_ScoreFinitelyUnderEveryAggregation()
    {
        var w = Question.MaxWeight;
        var instrument = new Instrument("I", "1", "n", [
            new InstrumentArea("A", "a", [Q("q1", w), Q("q2", w)], w),
            new InstrumentArea("B", "b", [Q("q3", w)], w),
        ]);
        var scan = new Scan("S", instrument, new LocalDate(2026, 1, 1), [new Respondent("r", "x")], [
            new Answer("r", "q1", AnswerValue.Percent(50)), new Answer("r", "q2", AnswerValue.Percent(50)), new Answer("r", "q3", AnswerValue.Percent(50)),
        ]);

        Assert.Equal(50.0, scan.Score().Area("A").Score);
        Assert.Equal(50.0, scan.Score().Overall);
        var ladder = new ScoringOptions(areaAggregation: ScoreAggregation.ThresholdLadder, overallAggregation: ScoreAggregation.ThresholdLadder);
        Assert.Equal(AchievementRatings.BandValue(AchievementRating.PartiallyAchieved), scan.Score(ladder).Overall);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(-1e308)]
    [InlineData(1_000_000_001.0)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void LevelScore_OutsideTheBound_IsRejected(double score)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ScaleLevel("hi", score));
        Assert.Equal("score", ex.ParamName);
        Assert.Contains("-1000000000 to 1000000000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WidestScale_GivesExactAchievements()
    {
        var wide = AnswerScale.Ordinal(new ScaleLevel("lo", -ScaleLevel.MaxScore), new ScaleLevel("mid", 0), new ScaleLevel("hi", ScaleLevel.MaxScore));

        Assert.Equal(0.0, wide.Achievement(AnswerValue.Level("lo")));
        Assert.Equal(50.0, wide.Achievement(AnswerValue.Level("mid")));
        Assert.Equal(100.0, wide.Achievement(AnswerValue.Level("hi")));
    }
}
