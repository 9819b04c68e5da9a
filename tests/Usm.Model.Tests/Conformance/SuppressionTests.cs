using Usm.Model.Conformance;
using Usm.Model.Routines;
using Usm.Model.Tests.Generators;

namespace Usm.Model.Tests.Conformance;

/// <summary>Each documented suppression: the root cause is reported, the rule that would only restate it is not.</summary>
public class SuppressionTests
{
    private static WorkflowStep S(string id, UsmProcess process, string? key = null) =>
        WorkflowArbitraries.Step(id, process, key, RoutineType.Process);

    private static IEnumerable<string> Rules(Workflow workflow, ConformanceOptions? options = null) =>
        ConformanceChecker.Check(workflow, options).Findings.Select(f => f.RuleId);

    [Fact]
    public void EmptyTrunk_SuppressesEveryPathRule()
    {
        // The only branch starts in the wrong process, repeats Change and stops in Change: all silenced by WF-001.
        var workflow = new Workflow("w", "w", CallType.Wish, RoutineType.Process, [], Dynamicity.Dynamic,
            [new WorkflowBranch("a", [S("a", UsmProcess.Change), S("b", UsmProcess.Recover)]), new WorkflowBranch("b", [S("c", UsmProcess.Operate, "operate.close"), S("d", UsmProcess.Operate, "operate.accept")])]);
        Assert.Equal(new[] { "USM-WF-001" }, Rules(workflow));
    }

    [Fact]
    public void RepeatedProcess_SuppressesIllegalHandOffAtTheSameStep()
    {
        // Change → Operate → Change: Operate → Change is also no edge, but the repeat is the root cause.
        var workflow = new Workflow("w", "w", CallType.ChangeRequest, RoutineType.Process, [S("a", UsmProcess.Change), S("b", UsmProcess.Operate), S("c", UsmProcess.Change)]);
        var report = ConformanceChecker.Check(workflow);
        Assert.Equal(new[] { "USM-WF-003", "USM-WF-005" }, report.Findings.Select(f => f.RuleId));
        Assert.Equal(2, report.ForRule("USM-WF-003").Single().StepIndex);
    }

    [Fact]
    public void RepeatedProcess_SuppressesMissingHandOffStepAtTheSameStep()
    {
        // Operate → Change → Operate: Change → Operate is an edge and the Change block lacks its deploy step, but the
        // second Operate block is a repeat, so only WF-003 is reported there.
        var workflow = new Workflow("w", "w", CallType.ServiceRequest, RoutineType.Process,
            [S("a", UsmProcess.Operate, "operate.accept"), S("b", UsmProcess.Change, "change.accept"), S("c", UsmProcess.Operate, "operate.accept")]);
        var report = ConformanceChecker.Check(workflow);
        Assert.Equal(new[] { "USM-WF-004", "USM-WF-003" }, report.Findings.Select(f => f.RuleId));
        Assert.Equal(new[] { 1, 2 }, report.Findings.Select(f => f.StepIndex!.Value));
        Assert.Empty(report.ForRule("USM-WF-011"));
    }

    [Fact]
    public void UnknownOrForeignKey_KeepsTheStepOutOfOrderAndHandOffRules()
    {
        // Operate steps: execute (4), an unknown key, Change's deploy step (6 in Change), review (5). Were the foreign
        // step counted, review would come after position 6 and break the order; it is left out, so only WF-008 and
        // WF-009 fire.
        var workflow = new Workflow("w", "w", CallType.ServiceRequest, RoutineType.Process,
            [S("a", UsmProcess.Operate, "operate.execute"), S("b", UsmProcess.Operate, "operate.nothing"), S("c", UsmProcess.Operate, "change.deploy"), S("d", UsmProcess.Operate, "operate.review")]);
        Assert.Equal(new[] { "USM-WF-008", "USM-WF-009" }, Rules(workflow));
    }

    [Fact]
    public void UnknownKeyOnTheForkStep_SuppressesTheForkRule()
    {
        var incident = WorkflowArbitraries.CanonicalDynamic(CallType.Incident);
        var workflow = incident.WithSteps(incident.Steps.Add(S("extra", UsmProcess.Recover, "recover.nothing")));
        Assert.Equal(new[] { "USM-WF-008" }, Rules(workflow));
    }

    [Fact]
    public void InconsistentDynamicity_SuppressesTheForkRule()
    {
        // Static with branches, and the trunk ends at a step that is no fork point: only WF-006.
        var incident = WorkflowArbitraries.CanonicalDynamic(CallType.Incident);
        var workflow = incident.WithSteps(incident.Steps.Add(S("x", UsmProcess.Recover, "recover.review"))).WithBranches(Dynamicity.Static, incident.Branches);
        Assert.Equal(new[] { "USM-WF-006" }, Rules(workflow));
        Assert.Contains("USM-WF-012", Rules(workflow.WithBranches(Dynamicity.Dynamic, incident.Branches)));
    }

    [Fact]
    public void ActivityWithoutProfiles_SuppressesAccountableAndResponsibleRules()
    {
        var example = RuleExamples.All.Single(e => e.RuleId == "USM-RT-004");
        Assert.Equal(new[] { "USM-RT-004" }, Rules(example.Violating, example.Options));
    }

    [Fact]
    public void TrunkProblem_IsReportedOnceNotPerBranch()
    {
        // Improve → Recover in the trunk (no edge), then three branches: the trunk's finding appears once.
        var risk = WorkflowArbitraries.CanonicalDynamic(CallType.Risk);
        var workflow = risk.WithSteps(risk.Steps.Insert(1, S("r", UsmProcess.Recover)).Insert(2, S("i", UsmProcess.Improve)));
        var report = ConformanceChecker.Check(workflow);
        Assert.Equal(3, workflow.Branches.Length);
        Assert.Single(report.ForRule("USM-WF-004"));
        Assert.Single(report.ForRule("USM-WF-003"));
        Assert.Equal(2, report.Findings.Length);
    }
}
