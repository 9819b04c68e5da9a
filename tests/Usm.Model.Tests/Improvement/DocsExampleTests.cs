using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>The example of docs/improvement.md, kept compiling and checked (with a fixed clock).</summary>
public class DocsExampleTests
{
    [Fact]
    public void TheDocsExample_Works()
    {
        var effects = new OrdinalScale("Effect", ["Minor", "Moderate", "Major", "Severe"]);
        var likelihoods = new OrdinalScale("Likelihood", ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]);
        var classes = new OrdinalScale("Priority", ["Low", "Medium", "High", "Critical"]);
        var matrix = RiskMatrix.FromFunction(effects, likelihoods, classes, (e, l) => Math.Min(3, (e + l) / 2));

        var db = new RiskDatabase(FixedClock.At(2026, 3, 1))
            .Register(new Risk("R-1", "Backups never restored", "", RiskPolarity.Threat,
                RiskOrigin.FromClosedCall("INC-1042"), [Resource.Technology, Resource.Process], "operational",
                serviceIds: ["svc-mail"], micIds: ["mic-nas-01"]), actorId: "p-ann")
            .Apply("R-1", new ClassifyRisk(new RiskAssessment(effects.IndexOf("Major"), likelihoods.IndexOf("Likely"),
                QuantitativeEstimate.FromThreePoint(2_000, 5_000, 20_000, probability: 0.3))), "p-ann")
            .Apply("R-1", new RecordRootCause("No restore procedure"), "p-bob")
            .Apply("R-1", new AddMeasure(new Measure("M-1", "Monthly restore test", MeasureKind.Mitigate,
                new BusinessCase("Restores proven monthly", 6_000, 0.9, 800, 0.8, effort: 3), CallType.ChangeRequest)), "p-bob")
            .Apply("R-1", new SelectMeasure(expectedResidual: new RiskAssessment(1, 1)), "p-bob");

        var programme = new ImprovementProgramme("IP-1", "Service desk renovation", baselineScanId: "scan-2026-02",
                soundingBoardMemberIds: ["p-kim", "p-lee"])
            .AgreeMechanism(new RiskMatrixPrioritisation(matrix), new LocalDate(2026, 3, 1))
            .PlanSprintByPriority(db, new DateInterval(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 15)), capacity: 10);

        Assert.Equal(-2100, db.Exposure, 9);
        var finding = Assert.Single(programme.Sprint(1).Findings.Findings);
        Assert.Equal(("USM-IMP-001", "People"), (finding.RuleId, finding.SubjectId));
        Assert.Equal(["R-1"], programme.Sprint(1).Items.Select(i => i.RiskId));
        db = db.Apply("R-1", new DeployMeasure("CR-77"), "p-bob");
        Assert.Same(WorkflowPattern.W7, db.Get("R-1").DeployedPattern);
        Assert.Equal(["p-kim", "p-lee"], programme.SoundingBoardMemberIds.AsEnumerable());
    }
}
