using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Assessment;

public class GapTests
{
    private static ScanResult Result(double q2, AnswerValue q3, string? q1 = null)
    {
        var answers = new List<Answer> { new("r1", "q2", AnswerValue.Percent(q2)), new("r1", "q3", q3) };
        if (q1 is not null)
        {
            answers.Add(new Answer("r1", "q1", AnswerValue.Level(q1)));
        }

        return new Scan("scan-1", ScoringTests.Small, new LocalDate(2026, 3, 1), [new Respondent("r1", "operator")], answers).Score();
    }

    [Fact]
    public void Find_ReportsQuestionsAndAreasBelowTarget_LargestFirst()
    {
        // q1 unanswered; q2 = 60 (25 below 85), q3 = no (85 below); area a = 60, area b = 0.
        var gaps = ScanGaps.Find(Result(60, AnswerValue.No));
        Assert.Equal(["q3", "b", "q2", "a"], gaps.Select(g => g.Id));
        Assert.Equal([GapScope.Question, GapScope.Area, GapScope.Question, GapScope.Area], gaps.Select(g => g.Scope));
        var q2 = gaps.Single(g => g.Id == "q2");
        Assert.Equal(25.0, q2.Gap);
        Assert.Equal(GapSize.Medium, q2.Size);
        Assert.Equal(GapSize.Large, gaps.Single(g => g.Id == "q3").Size);
        Assert.Equal([Resource.Technology], gaps.Single(g => g.Id == "q3").AffectedResources.ToArray());
        Assert.Equal([Resource.People, Resource.Process], gaps.Single(g => g.Id == "a").AffectedResources.ToArray());
    }

    [Fact]
    public void Find_UnscoredQuestionsYieldNoGap_AndScoresAtTargetYieldNone()
    {
        var gaps = ScanGaps.Find(Result(85, AnswerValue.Yes));
        Assert.Empty(gaps);
    }

    [Fact]
    public void Targets_CanBeOverriddenPerQuestionAndArea()
    {
        var targets = GapTargets.Uniform(50).WithQuestionTarget("q2", 90).WithAreaTarget("b", 0);
        var gaps = ScanGaps.Find(Result(60, AnswerValue.No), targets);
        Assert.Equal(["q3", "q2"], gaps.Select(g => g.Id));
        Assert.Equal(90.0, targets.ForQuestion("q2"));
        Assert.Equal(50.0, targets.ForArea("a"));
        Assert.Throws<ArgumentOutOfRangeException>(() => GapTargets.Uniform(101));
    }

    [Theory]
    [InlineData(14.9, GapSize.Small, 0)]
    [InlineData(15.0, GapSize.Medium, 0)]
    [InlineData(34.9, GapSize.Medium, 1)]
    [InlineData(35.0, GapSize.Large, 1)]
    [InlineData(85.0, GapSize.Large, 4)]
    public void GapSize_AndSuggestedEffect_FollowTheGap(double gap, GapSize size, int effectOnFiveLevels)
    {
        var found = ScanGaps.Find(Result(100 - gap, AnswerValue.Yes), GapTargets.Uniform(100)).Single(g => g.Id == "q2");
        Assert.Equal(size, found.Size);
        // 0-based, like RiskAssessment and OrdinalScale: index 4 is the top of a five-level scale.
        Assert.Equal(effectOnFiveLevels, found.SuggestedEffectIndex(5));
        Assert.Equal(0, found.SuggestedEffectIndex(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => found.SuggestedEffectIndex(0));
    }

    [Fact]
    public void Propose_GivesOneProposalPerGap_WithTheScanAsOrigin()
    {
        var proposals = ScanGaps.Propose(Result(60, AnswerValue.No));
        Assert.Equal(["scan-1/q/q3", "scan-1/a/b", "scan-1/q/q2", "scan-1/a/a"], proposals.Select(p => p.Id));
        Assert.All(proposals, p => Assert.Equal("scan-1", p.ScanId));
        Assert.All(proposals, p => Assert.NotEmpty(p.AffectedResources));
        Assert.Contains("25 points below its target of 85 %", proposals[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryGapBelowTarget_YieldsExactlyOneProposal_AndNoneAtOrAboveTarget() =>
        PropertyCheck.Run(Prop.ForAll(AssessmentArbitraries.Scans(), Gen.Choose(0, 100).ToArbitrary(), (scan, target) =>
        {
            var result = scan.Score();
            var proposals = ScanGaps.Propose(result, GapTargets.Uniform(target));
            var below = result.Questions.Where(q => q.Score < target).Select(q => "q/" + q.QuestionId)
                .Concat(result.Areas.Where(a => a.Score < target).Select(a => "a/" + a.AreaId))
                .Select(x => scan.Id + "/" + x)
                .Order(StringComparer.Ordinal);
            return proposals.Select(p => p.Id).Order(StringComparer.Ordinal).SequenceEqual(below)
                && proposals.All(p => p.Gap.Gap > 0 && !p.AffectedResources.IsEmpty);
        }), maxTest: 500);
}
