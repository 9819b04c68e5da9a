using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Assessment;

public class MaturityTests
{
    private static Scan BaselineScan(Func<Question, AnswerValue?> answer)
    {
        var answers = UsmInstruments.Baseline.Questions
            .Select(q => (q, a: answer(q)))
            .Where(x => x.a is not null)
            .Select(x => new Answer("r1", x.q.Id, x.a!.Value));
        return new Scan("s", UsmInstruments.Baseline, new LocalDate(2026, 2, 2), [new Respondent("r1", "coach")], answers);
    }

    private static AnswerValue? Criteria(Question q, Func<ValueMaturityLevel, string?> label) =>
        q.MaturityCriterion is { } level && label(level) is { } l ? AnswerValue.Level(l) : null;

    [Fact]
    public void Level_IsTheHighestLevelWithAllLowerLevelsMet()
    {
        // Levels 1 and 2 fully in place, level 3 only partly: the organisation is system-driven.
        var scan = BaselineScan(q => Criteria(q, l => l <= ValueMaturityLevel.SystemDriven ? "fully in place" : "partly in place"));
        var assessment = ValueMaturityAssessment.Of(scan.Score());
        Assert.Equal(ValueMaturityLevel.SystemDriven, assessment.Level);
        Assert.Equal(BusinessStrategy.OperationalExcellence, assessment.Strategy);
        Assert.Equal(ValueMaturityLevel.ServiceDriven, assessment.NextLevel);
        Assert.Equal(["val-3a", "val-3b"], assessment.Levels[2].UnmetCriteria.ToArray());
    }

    [Fact]
    public void Level_IsBottomUp_HigherCriteriaDoNotCountOverAGap()
    {
        // Everything fully in place except level 2: the organisation stays at level 1 although levels 3-5 look met.
        var scan = BaselineScan(q => Criteria(q, l => l == ValueMaturityLevel.SystemDriven ? "ad hoc" : "fully in place"));
        var assessment = ValueMaturityAssessment.Of(scan.Score());
        Assert.Equal(ValueMaturityLevel.TechnologyDriven, assessment.Level);
        Assert.True(assessment.Levels[4].CriteriaMet);
        Assert.False(assessment.Levels[4].IsReached);
    }

    [Fact]
    public void Level_AllCriteriaMet_IsBusinessDrivenWithCustomerExcellence()
    {
        var assessment = ValueMaturityAssessment.Of(BaselineScan(q => Criteria(q, _ => "largely in place")).Score());
        Assert.Equal(ValueMaturityLevel.BusinessDriven, assessment.Level);
        Assert.Equal(BusinessStrategy.CustomerExcellence, assessment.Strategy);
        Assert.Null(assessment.NextLevel);
    }

    [Fact]
    public void Level_UnansweredCriterion_IsNotMet()
    {
        var scan = BaselineScan(q => q.Id == "val-1b" ? null : Criteria(q, _ => "fully in place"));
        var assessment = ValueMaturityAssessment.Of(scan.Score());
        Assert.Null(assessment.Level);
        Assert.Equal(["val-1b"], assessment.Levels[0].UnscoredCriteria.ToArray());
        Assert.Equal(BusinessStrategy.OperationalExcellence, assessment.Strategy);
        Assert.Equal(ValueMaturityLevel.TechnologyDriven, assessment.NextLevel);
    }

    [Fact]
    public void Threshold_DefaultsToLargely_AndCanBeRaised()
    {
        // "partly in place" is 50 %: P, below the default threshold L. "largely in place" is 75 %: L, below F.
        Assert.Null(ValueMaturityAssessment.Of(BaselineScan(q => Criteria(q, _ => "partly in place")).Score()).Level);
        var largely = BaselineScan(q => Criteria(q, _ => "largely in place")).Score();
        Assert.Equal(AchievementRating.LargelyAchieved, ValueMaturityAssessment.Of(largely).Threshold);
        Assert.Null(ValueMaturityAssessment.Of(largely, AchievementRating.FullyAchieved).Level);
    }

    [Fact]
    public void InstrumentWithoutCriteria_ReachesNoLevel()
    {
        var assessment = ValueMaturityAssessment.Of(new Scan("s", ScoringTests.Small, new LocalDate(2026, 1, 1), [], []).Score());
        Assert.Null(assessment.Level);
        Assert.All(assessment.Levels, l => Assert.False(l.CriteriaMet));
    }

    [Theory]
    [InlineData(null, BusinessStrategy.OperationalExcellence)]
    [InlineData(ValueMaturityLevel.TechnologyDriven, BusinessStrategy.OperationalExcellence)]
    [InlineData(ValueMaturityLevel.SystemDriven, BusinessStrategy.OperationalExcellence)]
    [InlineData(ValueMaturityLevel.ServiceDriven, BusinessStrategy.ServiceExcellence)]
    [InlineData(ValueMaturityLevel.CustomerDriven, BusinessStrategy.CustomerExcellence)]
    [InlineData(ValueMaturityLevel.BusinessDriven, BusinessStrategy.CustomerExcellence)]
    public void StrategyFor_FollowsTheLevel(ValueMaturityLevel? level, BusinessStrategy expected) => Assert.Equal(expected, ValueMaturityAssessment.StrategyFor(level));

    [Fact]
    public void Level_NeverExceedsTheLowestUnmetLevel() =>
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(AssessmentArbitraries.BaselineScans(), scan => Check(scan)), maxTest: 300);

    [Fact]
    public void Level_NeverExceedsTheLowestUnmetLevel_OnGeneratedInstruments() =>
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(AssessmentArbitraries.Scans(), scan => Check(scan)), maxTest: 500);

    private static bool Check(Scan scan)
    {
        var assessment = ValueMaturityAssessment.Of(scan.Score());
        var reached = assessment.Level is { } l ? (int)l : 0;
        var lowestUnmet = assessment.Levels.FirstOrDefault(o => !o.CriteriaMet)?.Level is { } u ? (int)u : 6;
        return reached == lowestUnmet - 1
            && assessment.Levels.All(o => o.IsReached == ((int)o.Level <= reached))
            && assessment.Strategy == ValueMaturityAssessment.StrategyFor(assessment.Level);
    }
}
