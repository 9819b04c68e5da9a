using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Assessment;

public class ReadinessTests
{
    private static readonly ReadinessFacts s_allTrue = new(true, true, true, true, true, true, true, true, 12, true, true, true);

    private static Scan Baseline(string label) =>
        new("baseline", UsmInstruments.Baseline, new LocalDate(2026, 1, 10), [new Respondent("r1", "coach")],
            UsmInstruments.Baseline.Questions.Where(q => q.Scale.Kind == AnswerScaleKind.Ordinal).Select(q => new Answer("r1", q.Id, AnswerValue.Level(label))));

    [Fact]
    public void AllFactsTrue_AndAFullBaseline_IsReady()
    {
        var report = ReadinessCheck.Evaluate(s_allTrue, Baseline("fully in place"));
        Assert.True(report.IsReady, report.ToString());
        Assert.Equal(10, report.Count(ReadinessStatus.Satisfied));
    }

    [Fact]
    public void NoEvidence_IsUnknownExceptTheBaselineWhichIsMissing()
    {
        var report = ReadinessCheck.Evaluate();
        Assert.False(report.IsReady);
        Assert.Equal(ReadinessStatus.NotSatisfied, report[Prerequisite.BaselineScan].Status);
        Assert.Equal(9, report.Count(ReadinessStatus.Unknown));
        Assert.Contains("No evidence was supplied.", report[Prerequisite.Training].Reasons);
    }

    [Fact]
    public void Prerequisite2_NeedsABaselineScan()
    {
        Assert.Equal(ReadinessStatus.NotSatisfied, ReadinessCheck.Evaluate(s_allTrue)[Prerequisite.BaselineScan].Status);
        var withScan = ReadinessCheck.Evaluate(s_allTrue, Baseline("fully in place"))[Prerequisite.BaselineScan];
        Assert.Equal(ReadinessStatus.Satisfied, withScan.Status);
        Assert.Contains(withScan.Reasons, r => r.Contains("'baseline'", StringComparison.Ordinal) && r.Contains("usm-baseline 1.0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, true, ReadinessStatus.Satisfied)]
    [InlineData(true, false, ReadinessStatus.PartlySatisfied)]
    [InlineData(false, true, ReadinessStatus.PartlySatisfied)]
    [InlineData(false, false, ReadinessStatus.NotSatisfied)]
    [InlineData(true, null, ReadinessStatus.PartlySatisfied)]
    [InlineData(null, null, ReadinessStatus.Unknown)]
    public void Prerequisite5_NeedsAnSdcToolWithWorkflowAdministrationAndAMir(bool? sdc, bool? mir, ReadinessStatus expected)
    {
        var result = ReadinessCheck.Evaluate(new ReadinessFacts(sdcToolWithWorkflowAdministration: sdc, managedInfrastructureRegister: mir))[Prerequisite.ManagementTools];
        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(true, 3, ReadinessStatus.Satisfied, ReadinessStatus.Satisfied)]
    [InlineData(true, 0, ReadinessStatus.Satisfied, ReadinessStatus.PartlySatisfied)]
    [InlineData(false, 0, ReadinessStatus.NotSatisfied, ReadinessStatus.NotSatisfied)]
    [InlineData(true, null, ReadinessStatus.Satisfied, ReadinessStatus.PartlySatisfied)]
    public void Prerequisites6And7_NeedARiskDatabaseWithRegisteredImprovements(bool database, int? registered, ReadinessStatus six, ReadinessStatus seven)
    {
        var report = ReadinessCheck.Evaluate(new ReadinessFacts(riskDatabase: database, registeredImprovements: registered));
        Assert.Equal(six, report[Prerequisite.ImprovementsAsRisks].Status);
        Assert.Equal(seven, report[Prerequisite.ImprovementInventory].Status);
    }

    [Theory]
    [InlineData(Prerequisite.ManagementCommitment)]
    [InlineData(Prerequisite.Training)]
    [InlineData(Prerequisite.ImprovementsAsRisks)]
    [InlineData(Prerequisite.ImprovementSprints)]
    [InlineData(Prerequisite.Communication)]
    [InlineData(Prerequisite.StaffInvolvement)]
    public void SingleFactPrerequisites_FollowTheirFact(Prerequisite prerequisite)
    {
        ReadinessFacts With(bool? value) => prerequisite switch
        {
            Prerequisite.ManagementCommitment => new(managementCommitment: value),
            Prerequisite.Training => new(staffTrained: value),
            Prerequisite.ImprovementsAsRisks => new(riskDatabase: value),
            Prerequisite.ImprovementSprints => new(prioritisationMechanismAgreed: value),
            Prerequisite.Communication => new(communicationPlan: value),
            _ => new(soundingBoardOfStaff: value),
        };

        Assert.Equal(ReadinessStatus.Satisfied, ReadinessCheck.Evaluate(With(true))[prerequisite].Status);
        Assert.Equal(ReadinessStatus.NotSatisfied, ReadinessCheck.Evaluate(With(false))[prerequisite].Status);
        Assert.Equal(ReadinessStatus.Unknown, ReadinessCheck.Evaluate(With(null))[prerequisite].Status);
        Assert.All(Enum.GetValues<Prerequisite>().Where(p => p != prerequisite && p != Prerequisite.BaselineScan && !(prerequisite == Prerequisite.ImprovementsAsRisks && p == Prerequisite.ImprovementInventory)),
            p => Assert.Equal(ReadinessStatus.Unknown, ReadinessCheck.Evaluate(With(true))[p].Status));
    }

    [Fact]
    public void Prerequisite8_NeedsAnAgreedPrioritisationMechanism()
    {
        Assert.Equal(ReadinessStatus.Satisfied, ReadinessCheck.Evaluate(new ReadinessFacts(prioritisationMechanismAgreed: true))[Prerequisite.ImprovementSprints].Status);
        var no = ReadinessCheck.Evaluate(new ReadinessFacts(prioritisationMechanismAgreed: false))[Prerequisite.ImprovementSprints];
        Assert.Equal(ReadinessStatus.NotSatisfied, no.Status);
        Assert.Contains("No: a prioritisation mechanism is agreed before the first sprint does not hold.", no.Reasons);
    }

    [Fact]
    public void Prerequisites4_9And10_ComeFromTheDeployment()
    {
        var deployment = new Deployment("d", AdoptionApproach.SupportedDeployment, [DeploymentTests.Leader, DeploymentTests.Coach])
            .WithSoundingBoard(["s1", "s2"], DeploymentTests.PositionOf);
        var report = ReadinessCheck.Evaluate(new ReadinessFacts(resourcesAllocated: true), deployment: deployment);
        Assert.Equal(ReadinessStatus.PartlySatisfied, report[Prerequisite.StructureAndResources].Status);
        Assert.Contains(report[Prerequisite.StructureAndResources].Reasons, r => r.Contains("'p-anna'", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.NotSatisfied, report[Prerequisite.Communication].Status);
        Assert.Equal(ReadinessStatus.Satisfied, report[Prerequisite.StaffInvolvement].Status);

        var withSteering = deployment
            .WithParticipant(new DeploymentParticipant("p-dirk", "Dirk", DeploymentRole.SteeringGroupMember, true))
            .WithCommunication(new CommunicationItem("all staff", "kick-off", "meeting"));
        var later = ReadinessCheck.Evaluate(new ReadinessFacts(resourcesAllocated: true), deployment: withSteering);
        Assert.Equal(ReadinessStatus.Satisfied, later[Prerequisite.StructureAndResources].Status);
        Assert.Equal(ReadinessStatus.Satisfied, later[Prerequisite.Communication].Status);
    }

    [Fact]
    public void Prerequisite10_ExplicitFactOverridesTheDeployment()
    {
        var deployment = new Deployment("d", AdoptionApproach.Training, [DeploymentTests.Leader]);
        Assert.Equal(ReadinessStatus.NotSatisfied, ReadinessCheck.Evaluate(deployment: deployment)[Prerequisite.StaffInvolvement].Status);
        Assert.Equal(ReadinessStatus.Satisfied, ReadinessCheck.Evaluate(new ReadinessFacts(soundingBoardOfStaff: true), deployment: deployment)[Prerequisite.StaffInvolvement].Status);
    }

    [Fact]
    public void ScanAnswers_LowerTheStatus_WhenTheyRateBelowF()
    {
        // Facts say all is well, but the baseline rates every prerequisite question "partly in place" (50 %, P).
        var report = ReadinessCheck.Evaluate(s_allTrue, Baseline("partly in place"));
        var tools = report[Prerequisite.ManagementTools];
        Assert.Equal(ReadinessStatus.Satisfied, tools.FactStatus);
        Assert.Equal(ReadinessStatus.PartlySatisfied, tools.ScanStatus);
        Assert.Equal(50.0, tools.ScanScore);
        Assert.Equal(ReadinessStatus.PartlySatisfied, tools.Status);
        Assert.Contains(tools.Reasons, r => r.Contains("pre-05 at 50 % (P)", StringComparison.Ordinal));
        Assert.False(report.IsReady);
    }

    [Fact]
    public void ScanAnswersAlone_AreEvidence()
    {
        var report = ReadinessCheck.Evaluate(baseline: Baseline("not in place"));
        Assert.Equal(ReadinessStatus.NotSatisfied, report[Prerequisite.Training].Status);
        Assert.Null(report[Prerequisite.Training].FactStatus);
    }

    [Fact]
    public void Report_IsReadable()
    {
        var text = ReadinessCheck.Evaluate(new ReadinessFacts(managementCommitment: true, riskDatabase: false)).ToString();
        Assert.StartsWith("Readiness: not ready (1 of 10 satisfied", text, StringComparison.Ordinal);
        Assert.Contains(" 1 ManagementCommitment: Satisfied", text, StringComparison.Ordinal);
        Assert.Contains("    - No: a risk database exists does not hold.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ready_OnlyWhenEveryPrerequisiteIsSatisfied() =>
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(AssessmentArbitraries.BaselineScans(), Gen.Choose(0, 4095).ToArbitrary(), (scan, bits) =>
        {
            bool? B(int i) => (bits >> i & 1) == 1;
            var facts = new ReadinessFacts(B(0), B(1), B(2), B(3), B(4), B(5), B(6), B(7), B(8) == true ? 4 : 0, B(9), B(10), B(11));
            var report = ReadinessCheck.Evaluate(facts, scan);
            return report.Results.Length == 10
                && report.IsReady == report.Results.All(r => r.Status == ReadinessStatus.Satisfied)
                && report.Results.All(r => r.Reasons.Length > 0)
                && report.Results.All(r => r.ScanStatus is null || r.Status <= r.ScanStatus)
                && report.Results.All(r => r.FactStatus is null || r.Status <= r.FactStatus);
        }), maxTest: 300);
}
