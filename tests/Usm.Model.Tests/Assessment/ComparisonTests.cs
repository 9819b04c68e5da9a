using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Assessment;

public class ComparisonTests
{
    private static Scan On(Instrument instrument, string id, LocalDate date, double q2) =>
        new(id, instrument, date, [new Respondent("r1", "operator")], [new Answer("r1", "q2", AnswerValue.Percent(q2)), new Answer("r1", "q3", AnswerValue.No)]);

    private static Instrument Version(string version) => new(ScoringTests.Small.Id, version, ScoringTests.Small.Name, ScoringTests.Small.Areas);

    [Fact]
    public void Compare_GivesDeltasPerQuestionAreaAndOverall()
    {
        var before = On(ScoringTests.Small, "s1", new LocalDate(2026, 1, 1), 20);
        var after = On(ScoringTests.Small, "s2", new LocalDate(2026, 4, 1), 60).WithAnswer("r1", "q3", AnswerValue.Yes);
        var comparison = ScanComparison.Compare(before, after);
        Assert.Equal(40.0, comparison.Question("q2").Delta);
        Assert.Null(comparison.Question("q1").Delta);
        Assert.Equal(40.0, comparison.Area("a").Delta);
        Assert.Equal(100.0, comparison.Area("b").Delta);
        // Overall: (20 + 0·2) / 3 → (60 + 100·2) / 3.
        Assert.Equal((260.0 / 3) - (20.0 / 3), comparison.Overall.Delta!.Value, 12);
    }

    [Fact]
    public void Compare_LaterScanFirst_ThrowsNamingBothScansAndDates()
    {
        var before = On(ScoringTests.Small, "baseline", new LocalDate(2026, 1, 1), 20);
        var after = On(ScoringTests.Small, "interim", new LocalDate(2026, 4, 1), 60);

        var fromScans = Assert.Throws<ArgumentException>(() => ScanComparison.Compare(after, before));
        var fromResults = Assert.Throws<ArgumentException>(() => ScanComparison.Compare(after.Score(), before.Score()));

        foreach (var ex in new[] { fromScans, fromResults })
        {
            Assert.Equal("to", ex.ParamName);
            Assert.StartsWith("Scan 'baseline' (2026-01-01) is dated before scan 'interim' (2026-04-01); pass the earlier scan first.", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compare_ScansOfOneDate_CompareEitherWay_WithOppositeDeltas()
    {
        var a = On(ScoringTests.Small, "team-a", new LocalDate(2026, 4, 1), 20);
        var b = On(ScoringTests.Small, "team-b", new LocalDate(2026, 4, 1), 60);

        Assert.Equal(40.0, ScanComparison.Compare(a, b).Question("q2").Delta);
        Assert.Equal(-40.0, ScanComparison.Compare(b.Score(), a.Score()).Question("q2").Delta);
    }

    [Fact]
    public void Compare_DifferentVersions_ThrowsNamingBothInstrumentsAndVersions()
    {
        var before = On(ScoringTests.Small, "base", new LocalDate(2026, 1, 1), 20);
        var after = On(Version("2"), "later", new LocalDate(2026, 4, 1), 60);
        var ex = Assert.Throws<InstrumentMismatchException>(() => ScanComparison.Compare(before, after));
        Assert.Contains("'base' uses instrument 'small' version '1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'later' uses instrument 'small' version '2'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("small 1", ex.FirstInstrument);
        Assert.Equal("small 2", ex.SecondInstrument);
        Assert.Equal("to", ex.ParamName);
    }

    [Fact]
    public void Compare_DifferentInstrumentIds_Throws()
    {
        var other = new Instrument("other", "1", "Other", ScoringTests.Small.Areas);
        var ex = Assert.Throws<InstrumentMismatchException>(() => ScanComparison.Compare(On(ScoringTests.Small, "a", new LocalDate(2026, 1, 1), 1), On(other, "b", new LocalDate(2026, 1, 2), 1)));
        Assert.Contains("'other'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SameIdAndVersionButDifferentQuestions_ThrowsInsteadOfPairingUnrelatedQuestions()
    {
        // Same key "small 1", but area "a" now asks something else under other ids: pairing by position would be wrong.
        var edited = new Instrument("small", "1", ScoringTests.Small.Name, [
            new InstrumentArea("a", "Area A", [
                new Question("q1", "First", AnswerScale.FiveLevel, UsmElement.For(Resource.People)),
                new Question("q2", "Second, reworded", AnswerScale.Percentage, UsmElement.For(UsmProcess.Change), weight: 3),
            ]),
            ScoringTests.Small.Areas[1],
        ]);
        var ex = Assert.Throws<InstrumentMismatchException>(() => ScanComparison.Compare(On(ScoringTests.Small, "a", new LocalDate(2026, 1, 1), 1), On(edited, "b", new LocalDate(2026, 1, 2), 1)));
        Assert.Contains("differ in content", ex.Message, StringComparison.Ordinal);
        Assert.Equal("small 1", ex.SecondInstrument);
    }

    [Fact]
    public void Compare_VersionsAreOrdinalLabels_So10And100DoNotCompare()
    {
        var ex = Assert.Throws<InstrumentMismatchException>(() => ScanComparison.Compare(On(Version("1.0"), "a", new LocalDate(2026, 1, 1), 1), On(Version("1.0.0"), "b", new LocalDate(2026, 1, 2), 1)));
        Assert.Contains("compared ordinally", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ResultsWithDifferentOptions_Throws()
    {
        var scan = On(ScoringTests.Small, "s1", new LocalDate(2026, 1, 1), 20);
        Assert.Throws<ArgumentException>(() => ScanComparison.Compare(scan.Score(), scan.Score(ScoringOptions.Default.WithStatistic(AnswerStatistic.Median))));
    }

    [Fact]
    public void ComparingAScanWithItself_GivesZeroChange() =>
        PropertyCheck.Run(Prop.ForAll(AssessmentArbitraries.Scans(), AssessmentArbitraries.Options().ToArbitrary(), (scan, options) =>
        {
            var c = ScanComparison.Compare(scan, scan, options);
            return c.Questions.Concat(c.Areas).Append(c.Overall).All(x => x.Before is null ? x.Delta is null : x.Delta == 0.0);
        }), maxTest: 500);

    [Fact]
    public void ScansWithADifferentInstrumentVersion_NeverCompare() =>
        PropertyCheck.Run(Prop.ForAll(AssessmentArbitraries.Scans(), scan =>
        {
            var changed = new Instrument(scan.Instrument.Id, scan.Instrument.Version + ".1", scan.Instrument.Name, scan.Instrument.Areas);
            var other = new Scan("other", changed, scan.Date, scan.Respondents, scan.Answers);
            try
            {
                ScanComparison.Compare(scan, other);
                return false;
            }
            catch (InstrumentMismatchException ex)
            {
                return ex.Message.Contains(scan.Instrument.Version, StringComparison.Ordinal) && ex.Message.Contains(changed.Version, StringComparison.Ordinal);
            }
        }), maxTest: 200);

    [Fact]
    public void Series_OrdersByDateThenId_AndTheEarliestIsTheBaseline()
    {
        var jan = On(ScoringTests.Small, "jan", new LocalDate(2026, 1, 1), 10);
        var apr = On(ScoringTests.Small, "apr", new LocalDate(2026, 4, 1), 40);
        var aprB = On(ScoringTests.Small, "apr-b", new LocalDate(2026, 4, 1), 45);
        var jul = On(ScoringTests.Small, "jul", new LocalDate(2026, 7, 1), 70);
        var series = ScanSeries.Of([jul, aprB, jan, apr]);
        Assert.Equal(["jan", "apr", "apr-b", "jul"], series.Results.Select(r => r.ScanId));
        Assert.Equal("jan", series.Baseline.ScanId);
        Assert.Equal("jul", series.Latest.ScanId);
        Assert.Equal([10.0, 40, 45, 70], series.QuestionTrend("q2").Select(p => p.Score!.Value));
        Assert.Equal(60.0, series.ProgressSinceBaseline().Question("q2").Delta);
        Assert.Equal(4, series.OverallTrend().Length);
        Assert.Equal(4, series.AreaTrend("a").Length);
    }

    [Fact]
    public void Series_AddIsImmutableAndRejectsMismatchAndDuplicates()
    {
        var series = ScanSeries.StartWith(On(ScoringTests.Small, "jan", new LocalDate(2026, 1, 1), 10));
        var longer = series.Add(On(ScoringTests.Small, "apr", new LocalDate(2026, 4, 1), 40));
        Assert.Single(series.Results);
        Assert.Equal(2, longer.Results.Length);
        Assert.All(series.ProgressSinceBaseline().Questions, q => Assert.True(q.Delta is null or 0.0));
        Assert.Throws<InstrumentMismatchException>(() => longer.Add(On(Version("1.1"), "jul", new LocalDate(2026, 7, 1), 70)));
        Assert.Throws<ArgumentException>(() => longer.Add(On(ScoringTests.Small, "apr", new LocalDate(2026, 5, 1), 40)));
        Assert.Throws<ArgumentException>(() => ScanSeries.Of([]));
    }

    [Fact]
    public void Series_AddNeverReplacesTheBaseline()
    {
        var series = ScanSeries.StartWith(On(ScoringTests.Small, "m-jan", new LocalDate(2026, 1, 1), 10));
        var earlier = Assert.Throws<ArgumentException>(() => series.Add(On(ScoringTests.Small, "dec", new LocalDate(2025, 12, 1), 90)));
        Assert.Contains("'dec' of 2025-12-01 would come before the baseline 'm-jan'", earlier.Message, StringComparison.Ordinal);
        Assert.Equal("scan", earlier.ParamName);
        // Same date: the ordinal id decides the order, so "a-jan" would sort first and take the baseline's place.
        Assert.Throws<ArgumentException>(() => series.Add(On(ScoringTests.Small, "a-jan", new LocalDate(2026, 1, 1), 90)));
        Assert.Equal("m-jan", series.Add(On(ScoringTests.Small, "z-jan", new LocalDate(2026, 1, 1), 90)).Baseline.ScanId);
        // Of still picks the earliest scan as the baseline, whatever the input order.
        Assert.Equal("dec", ScanSeries.Of([On(ScoringTests.Small, "m-jan", new LocalDate(2026, 1, 1), 10), On(ScoringTests.Small, "dec", new LocalDate(2025, 12, 1), 90)]).Baseline.ScanId);
    }

    // Found by review (session 5): a null id was reported as "no question ''" instead of as a null argument.
    [Fact]
    public void LookupsByANullId_ThrowArgumentNullException()
    {
        var from = SampleScans.Baseline.Score();
        var comparison = ScanComparison.Compare(from, SampleScans.Interim.Score());

        Assert.Equal("questionId", Assert.Throws<ArgumentNullException>(() => from.Question(null!)).ParamName);
        Assert.Equal("areaId", Assert.Throws<ArgumentNullException>(() => from.Area(null!)).ParamName);
        Assert.Equal("questionId", Assert.Throws<ArgumentNullException>(() => comparison.Question(null!)).ParamName);
        Assert.Equal("areaId", Assert.Throws<ArgumentNullException>(() => comparison.Area(null!)).ParamName);
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => from.Question("nope")).Message, StringComparison.Ordinal);
    }
}
