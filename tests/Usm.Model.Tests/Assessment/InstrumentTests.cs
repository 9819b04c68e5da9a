using Usm.Model.Assessment;

namespace Usm.Model.Tests.Assessment;

public class InstrumentTests
{
    private static Question Q(string id, AnswerScale? scale = null) => new(id, "Text of " + id, scale ?? AnswerScale.FiveLevel, UsmElement.Services);

    [Fact]
    public void Baseline_HasIdVersionAndFiftyThreeQuestions()
    {
        var baseline = UsmInstruments.Baseline;
        Assert.Equal("usm-baseline", baseline.Id);
        Assert.Equal("1.0", baseline.Version);
        Assert.Equal("usm-baseline 1.0", baseline.Key);
        Assert.Equal(53, baseline.Questions.Length);
        Assert.Equal(9, baseline.Areas.Length);
    }

    [Fact]
    public void Baseline_CoversEveryPrerequisiteResourceProcessAndTheServices()
    {
        var elements = UsmInstruments.Baseline.Questions.Select(q => q.Element).ToHashSet();
        foreach (var p in Enum.GetValues<Prerequisite>())
        {
            Assert.Contains(UsmElement.For(p), elements);
        }

        foreach (var r in Enum.GetValues<Resource>())
        {
            Assert.Contains(UsmElement.For(r), elements);
        }

        foreach (var p in UsmProcesses.All)
        {
            Assert.Contains(UsmElement.For(p), elements);
        }

        Assert.Contains(UsmElement.Services, elements);
        Assert.Contains(elements, e => e.Kind == UsmElementKind.WorkflowPattern);
    }

    [Fact]
    public void Baseline_HasTwoMaturityCriteriaPerLevel()
    {
        var byLevel = UsmInstruments.Baseline.Questions.Where(q => q.MaturityCriterion is not null).GroupBy(q => q.MaturityCriterion!.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enum.GetValues<ValueMaturityLevel>().ToDictionary(l => l, _ => 2), byLevel);
    }

    [Fact]
    public void Baseline_ImprovementLoopAskesAboutRiskDatabaseSprintsMechanismAndSoundingBoard()
    {
        var loop = UsmInstruments.Baseline.Areas.Single(a => a.Id == "improvement").Questions;
        Assert.Contains(loop, q => q.Text.Contains("risk database", StringComparison.Ordinal));
        Assert.Contains(loop, q => q.Text.Contains("sprint", StringComparison.Ordinal));
        Assert.Contains(loop, q => q.Text.Contains("prioritisation mechanism", StringComparison.Ordinal));
        Assert.Contains(loop, q => q.Text.Contains("sounding-board", StringComparison.Ordinal));
    }

    [Fact]
    public void FiveLevelScale_MapsLevelsToQuarterSteps()
    {
        var scale = AnswerScale.FiveLevel;
        Assert.Equal([0.0, 25, 50, 75, 100], scale.Levels.Select(l => scale.Achievement(AnswerValue.Level(l.Label))));
    }

    [Fact]
    public void OrdinalScale_NormalisesFromLowestToHighestScore()
    {
        var scale = AnswerScale.Ordinal(new ScaleLevel("low", -2), new ScaleLevel("mid", 1), new ScaleLevel("high", 10));
        Assert.Equal(0.0, scale.Achievement(AnswerValue.Level("low")));
        Assert.Equal(25.0, scale.Achievement(AnswerValue.Level("mid")));
        Assert.Equal(100.0, scale.Achievement(AnswerValue.Level("high")));
    }

    [Fact]
    public void OrdinalScale_ScoresThatDoNotRise_AreRejectedNamingTheLevels()
    {
        var ex = Assert.Throws<ArgumentException>(() => AnswerScale.Ordinal(new ScaleLevel("a", 1), new ScaleLevel("b", 1)));
        Assert.Contains("'b'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("levels", ex.ParamName);
    }

    [Fact]
    public void OrdinalScale_RepeatedLabelOrSingleLevel_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => AnswerScale.Ordinal(new ScaleLevel("a", 1), new ScaleLevel("a", 2)));
        Assert.Throws<ArgumentException>(() => AnswerScale.Ordinal(new ScaleLevel("a", 1)));
    }

    [Fact]
    public void YesNoAndPercentage_MapToThemselves()
    {
        Assert.Equal(100.0, AnswerScale.YesNo.Achievement(AnswerValue.Yes));
        Assert.Equal(0.0, AnswerScale.YesNo.Achievement(AnswerValue.No));
        Assert.Equal(37.5, AnswerScale.Percentage.Achievement(AnswerValue.Percent(37.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerValue.Percent(100.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerValue.Percent(double.NaN));
    }

    [Fact]
    public void Achievement_AnswerOfTheWrongKind_Throws() =>
        Assert.Throws<ArgumentException>(() => AnswerScale.YesNo.Achievement(AnswerValue.Percent(50)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Question_NonPositiveWeight_IsRejected(double weight)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Question("q", "t", AnswerScale.YesNo, UsmElement.Services, weight));
        Assert.Equal("weight", ex.ParamName);
    }

    [Fact]
    public void Instrument_RepeatedQuestionIdAcrossAreas_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Instrument("i", "1", "I", [new InstrumentArea("a", "A", [Q("q1")]), new InstrumentArea("b", "B", [Q("q1")])]));
        Assert.Contains("'q1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Instrument_RepeatedAreaIdOrEmptyArea_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new Instrument("i", "1", "I", [new InstrumentArea("a", "A", [Q("q1")]), new InstrumentArea("a", "B", [Q("q2")])]));
        Assert.Throws<ArgumentException>(() => new InstrumentArea("a", "A", []));
    }

    [Fact]
    public void UsmElement_AffectedResources_FollowTheElement()
    {
        Assert.Equal([Resource.Technology], UsmElement.For(Prerequisite.ManagementTools).AffectedResources.ToArray());
        Assert.Equal([Resource.People], UsmElement.For(Prerequisite.StaffInvolvement).AffectedResources.ToArray());
        Assert.Equal([Resource.People], UsmElement.For(Resource.People).AffectedResources.ToArray());
        Assert.Equal([Resource.Process], UsmElement.For(UsmProcess.Recover).AffectedResources.ToArray());
        Assert.Equal([Resource.Process], UsmElement.For(WorkflowPattern.W3).AffectedResources.ToArray());
        Assert.Equal([Resource.Process], UsmElement.Services.AffectedResources.ToArray());
    }

    [Fact]
    public void UsmElement_EqualityAndText()
    {
        Assert.Equal(UsmElement.For(WorkflowPattern.W7), UsmElement.For(WorkflowPattern.W7));
        Assert.NotEqual(UsmElement.For(UsmProcess.Agree), UsmElement.For(UsmProcess.Change));
        Assert.Equal("prerequisite 5 ManagementTools", UsmElement.For(Prerequisite.ManagementTools).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => UsmElement.For((Prerequisite)11));
    }
}
