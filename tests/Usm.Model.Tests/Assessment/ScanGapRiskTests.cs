using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Improvement;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Assessment;

public class ScanGapRiskTests
{
    private static System.Collections.Immutable.ImmutableArray<ImprovementProposal> Proposals()
    {
        var scan = new Scan("scan-1", ScoringTests.Small, new LocalDate(2026, 3, 1), [new Respondent("r1", "operator")],
            [new Answer("r1", "q2", AnswerValue.Percent(60)), new Answer("r1", "q3", AnswerValue.No)]);
        return ScanGaps.Propose(scan.Score());
    }

    [Fact]
    public void ToRisk_IsAnIdentifiedOpportunityWithTheScanGapAsOrigin()
    {
        var proposal = Proposals().Single(p => p.Gap.Id == "q3");
        var risk = ScanGapRisks.ToRisk(proposal);
        Assert.Equal("scan-1/q/q3", risk.Id);
        Assert.Equal(RiskPolarity.Opportunity, risk.Polarity);
        Assert.Equal(RiskOrigin.FromScanGap("scan-1", "q3"), risk.Origin);
        Assert.Equal(RiskOriginKind.ScanGap, risk.Origin.Kind);
        Assert.Equal([Resource.Technology], risk.Resources.ToArray());
        Assert.Equal(RiskStatus.Identified, risk.Status);
        Assert.Equal(ScanGapRisks.DefaultCategory, risk.Category);
        Assert.Equal(proposal.Title, risk.Title);
    }

    [Fact]
    public void ToRisk_AreaGap_TakesTheUnionOfItsQuestionsResources()
    {
        var risk = ScanGapRisks.ToRisk(Proposals().Single(p => p.Gap.Id == "a"), "maturity");
        Assert.Equal([Resource.People, Resource.Process], risk.Resources.ToArray());
        Assert.Equal("maturity", risk.Category);
        Assert.Equal(RiskOrigin.FromScanGap("scan-1", "a"), risk.Origin);
    }

    [Fact]
    public void SuggestedAssessment_DerivesTheEffectFromTheGapSize()
    {
        var effect = new OrdinalScale("effect", ["negligible", "minor", "moderate", "major", "severe"]);
        var likelihood = new OrdinalScale("likelihood", ["rare", "unlikely", "possible", "likely", "almost certain"]);
        var proposals = Proposals();
        // q3 = 0 % against 85 %: gap 85 → ⌈0.85 · 5⌉ = 5 → index 4; q2 = 60 %: gap 25 → ⌈1.25⌉ = 2 → index 1.
        Assert.Equal(4, ScanGapRisks.SuggestedAssessment(proposals.Single(p => p.Gap.Id == "q3"), effect, likelihood).Effect);
        Assert.Equal(1, ScanGapRisks.SuggestedAssessment(proposals.Single(p => p.Gap.Id == "q2"), effect, likelihood).Effect);
        Assert.Equal(2, ScanGapRisks.SuggestedAssessment(proposals[0], effect, likelihood).Likelihood);
    }

    [Fact]
    public void Register_AddsOneRiskPerProposal_AndRejectsARepeat()
    {
        var empty = new RiskDatabase(FixedClock.At(2026, 3, 2));
        var proposals = Proposals();
        var database = ScanGapRisks.Register(empty, proposals, "coach");
        Assert.Equal(proposals.Length, database.Count);
        Assert.Equal(0, empty.Count);
        Assert.All(database.Risks, r => Assert.Equal(RiskOriginKind.ScanGap, r.Origin.Kind));
        Assert.Equal(proposals.Length, database.ByPolarity(RiskPolarity.Opportunity).Length);
        var ex = Assert.Throws<ArgumentException>(() => ScanGapRisks.Register(database, proposals.Take(1), "coach"));
        Assert.Contains("'scan-1/q/q3'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryGapBelowTarget_BecomesExactlyOneRegisteredRisk() =>
        PropertyCheck.Run(Prop.ForAll(AssessmentArbitraries.Scans(), Gen.Choose(0, 100).ToArbitrary(), (scan, target) =>
        {
            var result = scan.Score();
            var proposals = ScanGaps.Propose(result, GapTargets.Uniform(target));
            var database = ScanGapRisks.Register(new RiskDatabase(FixedClock.At(2026, 3, 2)), proposals, "coach");
            var gaps = result.Questions.Count(q => q.Score < target) + result.Areas.Count(a => a.Score < target);
            return database.Count == gaps
                && database.Risks.All(r => r.Polarity == RiskPolarity.Opportunity && r.Origin.ScanId == scan.Id && !r.Resources.IsEmpty);
        }), maxTest: 200);
}

public class ImprovementEvidenceTests
{
    [Fact]
    public void RiskDatabaseAndProgramme_AnswerPrerequisites6To8()
    {
        var database = new RiskDatabase(FixedClock.At(2026, 3, 2));
        var programme = new ImprovementProgramme("IP-1", "Renovation");
        var none = ReadinessCheck.Evaluate(ImprovementEvidence.ReadinessFacts(database, programme));
        Assert.Equal(ReadinessStatus.Satisfied, none[Prerequisite.ImprovementsAsRisks].Status);
        Assert.Equal(ReadinessStatus.PartlySatisfied, none[Prerequisite.ImprovementInventory].Status);
        Assert.Equal(ReadinessStatus.NotSatisfied, none[Prerequisite.ImprovementSprints].Status);

        var scan = new Scan("scan-1", ScoringTests.Small, new LocalDate(2026, 3, 1), [new Respondent("r1", "operator")], [new Answer("r1", "q3", AnswerValue.No)]);
        var filled = ScanGapRisks.Register(database, ScanGaps.Propose(scan.Score()), "coach");
        var agreed = programme.AgreeMechanism(new RiskMatrixPrioritisation(Usm.Model.Tests.Improvement.Samples.Matrix), new LocalDate(2026, 3, 3));
        var report = ReadinessCheck.Evaluate(ImprovementEvidence.ReadinessFacts(filled, agreed));
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.ImprovementInventory].Status);
        Assert.Contains("Yes: improvements are registered as risks (2 registered).", report[Prerequisite.ImprovementInventory].Reasons);
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.ImprovementSprints].Status);
    }

    [Fact]
    public void NothingSupplied_KeepsTheKnownFacts()
    {
        var facts = ImprovementEvidence.ReadinessFacts(null, null, new ReadinessFacts(riskDatabase: false));
        Assert.False(facts.RiskDatabase);
        Assert.Null(facts.RegisteredImprovements);
        Assert.Null(facts.PrioritisationMechanismAgreed);
    }
}
