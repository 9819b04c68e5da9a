using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.ManagementSystem;

namespace Usm.Model.Tests.Assessment;

public class SampleOrganisationReadinessTests
{
    private static readonly ServiceManagementSystem s_sample = SampleOrganisation.Create();

    [Fact]
    public void PositionOf_OperatorsAreStaff_LineAndProcessManagersAreManagers()
    {
        Assert.Equal(StaffPosition.Staff, ManagementSystemEvidence.PositionOf(s_sample, "p-gijs"));
        Assert.Equal(StaffPosition.Manager, ManagementSystemEvidence.PositionOf(s_sample, "p-dana"));
        Assert.Equal(StaffPosition.Manager, ManagementSystemEvidence.PositionOf(s_sample, "p-bram"));
        Assert.Null(ManagementSystemEvidence.PositionOf(s_sample, "nobody"));
    }

    [Fact]
    public void SoundingBoard_IsCheckedAgainstTheSamplePeople()
    {
        var deployment = new Deployment("USM at the sample", AdoptionApproach.SupportedDeployment, [DeploymentTests.Leader, DeploymentTests.Coach]);
        var staffBoard = deployment.WithSoundingBoard(["p-gijs", "p-jet", "p-lotte"], id => ManagementSystemEvidence.PositionOf(s_sample, id));
        Assert.Equal(3, staffBoard.SoundingBoard.Length);
        var ex = Assert.Throws<ArgumentException>(() => deployment.WithSoundingBoard(["p-gijs", "p-dana"], id => ManagementSystemEvidence.PositionOf(s_sample, id)));
        Assert.Contains("'p-dana' is a manager", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleOrganisation_IsPartlyReady_WithAReadableReport()
    {
        // The sample has an SDC tool with registers for all five call types and a MIR; the initiative has a project
        // leader and a staff sounding board but no steering group or communication plan yet; the rest is not known.
        var deployment = new Deployment("USM at the sample", AdoptionApproach.SupportedDeployment, [DeploymentTests.Leader, DeploymentTests.Coach])
            .WithSoundingBoard(["p-gijs", "p-jet"], id => ManagementSystemEvidence.PositionOf(s_sample, id));
        var facts = ManagementSystemEvidence.ReadinessFacts(s_sample, new ReadinessFacts(managementCommitment: true, riskDatabase: true, registeredImprovements: 0));
        var baseline = new Scan("sample-baseline", UsmInstruments.Baseline, new LocalDate(2026, 6, 1), [new Respondent("p-gijs", "operator")],
            [new Answer("p-gijs", "pre-03", AnswerValue.Level("partly in place"))]);

        var report = ReadinessCheck.Evaluate(facts, baseline, deployment);

        Assert.False(report.IsReady);
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.ManagementCommitment].Status);
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.BaselineScan].Status);
        Assert.Equal(ReadinessStatus.PartlySatisfied, report[Prerequisite.Training].Status);
        Assert.Equal(ReadinessStatus.PartlySatisfied, report[Prerequisite.StructureAndResources].Status);
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.ManagementTools].Status);
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.ImprovementsAsRisks].Status);
        Assert.Equal(ReadinessStatus.PartlySatisfied, report[Prerequisite.ImprovementInventory].Status);
        Assert.Equal(ReadinessStatus.Unknown, report[Prerequisite.ImprovementSprints].Status);
        Assert.Equal(ReadinessStatus.NotSatisfied, report[Prerequisite.Communication].Status);
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.StaffInvolvement].Status);
        var text = report.ToString();
        Assert.StartsWith("Readiness: not ready (5 of 10 satisfied, 3 partly, 1 not, 1 unknown)", text, StringComparison.Ordinal);
        Assert.Contains("Yes: an SDC tool with workflow administration is in use.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleBaseline_ClosesTheLoop_GapsBecomeRegisteredRisks_AndTheOrganisationIsPartlyReady()
    {
        var result = SampleScans.Baseline.Score();
        var proposals = ScanGaps.Propose(result);
        var database = ScanGapRisks.Register(new Usm.Model.Improvement.RiskDatabase(TestHelpers.FixedClock.At(2026, 3, 3)), proposals, "p-anna");
        Assert.Equal(proposals.Length, database.Count);
        Assert.All(database.Risks, r => Assert.Equal(SampleScans.BaselineId, r.Origin.ScanId));

        var facts = ImprovementEvidence.ReadinessFacts(database, known: ManagementSystemEvidence.ReadinessFacts(s_sample));
        var report = ReadinessCheck.Evaluate(facts, SampleScans.Baseline);
        Assert.False(report.IsReady);
        Assert.True(report.Count(ReadinessStatus.PartlySatisfied) > 0, report.ToString());
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.BaselineScan].FactStatus);
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.ImprovementInventory].FactStatus);
    }
}
