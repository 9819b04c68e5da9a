using System.Collections.Immutable;
using Usm.Model.Conformance;
using Usm.Model.Routines;
using Usm.Model.Tests.Generators;

namespace Usm.Model.Tests.Conformance;

/// <summary>
/// One conforming and one violating workflow per rule. The violating workflow is the conforming one with a single
/// change that breaks exactly that rule, so it must yield that rule's findings and no other. The same examples appear
/// in docs/conformance-rules.md.
/// </summary>
internal static class RuleExamples
{
    public sealed record Example(string RuleId, Workflow Conforming, Workflow Violating, ConformanceOptions Options)
    {
        public override string ToString() => RuleId;
    }

    public static readonly ConformanceOptions WithProfiles = new(WorkflowArbitraries.Profiles);

    private static Workflow W(int number, RoutineType routine = RoutineType.Process) =>
        WorkflowArbitraries.Canonical(WorkflowPattern.FromNumber(number), routine);

    private static Workflow MapFirstActivity(Workflow workflow, Func<Activity, Activity> map)
    {
        var first = workflow.Steps[0];
        return workflow.WithSteps(workflow.Steps.SetItem(0, first.WithActivities(first.Activities.SetItem(0, map(first.Activities[0])))));
    }

    private static Workflow WithSteps(Workflow workflow, Func<ImmutableArray<WorkflowStep>, IEnumerable<WorkflowStep>> map) =>
        workflow.WithSteps(map(workflow.Steps));

    public static ImmutableArray<Example> All { get; } = Build();

    private static ImmutableArray<Example> Build()
    {
        var catalogue = ProcessStepCatalogue.Default;
        var w2 = W(2);
        var w5 = W(5);
        var w5p = W(5, RoutineType.Procedure);
        var w5i = W(5, RoutineType.WorkInstruction);
        var incident = WorkflowArbitraries.CanonicalDynamic(CallType.Incident);
        static Activity AddRaci(Activity a, Responsibility r) => a.WithResponsibilities(a.Responsibilities.Add(r));

        return
        [
            // An empty trunk: nothing to start the path.
            new("USM-WF-001", w5, w5.WithSteps([]), WithProfiles),
            // A change request's workflow started with a wish as its trigger.
            new("USM-WF-002", w2, w2.WithTrigger(CallType.Wish), WithProfiles),
            // Change → Operate → Change → Operate: both later blocks repeat a process.
            new("USM-WF-003", w2, WithSteps(w2, s => s.AddRange(WorkflowArbitraries.Block(catalogue.StepsOf(UsmProcess.Change), RoutineType.Process, "x"))
                .AddRange(WorkflowArbitraries.Block(catalogue.StepsOf(UsmProcess.Operate), RoutineType.Process, "y"))), WithProfiles),
            // Change → Recover → Operate: Change may not hand off to Recover.
            new("USM-WF-004", w2, WithSteps(w2, s => s.InsertRange(catalogue.StepsOf(UsmProcess.Change).Length, WorkflowArbitraries.Block(catalogue.StepsOf(UsmProcess.Recover), RoutineType.Process, "r"))), WithProfiles),
            // Change alone: the path never reaches Operate.
            new("USM-WF-005", w2, WithSteps(w2, s => s.Where(x => x.Process == UsmProcess.Change)), WithProfiles),
            // Dynamic, but no branches.
            new("USM-WF-006", w5, w5.WithBranches(Dynamicity.Dynamic, []), WithProfiles),
            // Two steps share the id of the first.
            new("USM-WF-007", w5, WithSteps(w5, s => s.SetItem(1, new WorkflowStep(s[0].Id, s[1].Process, s[1].Name, [new Activity("dup.a", "Activity")], s[1].CatalogueKey))), WithProfiles),
            // A step names a key the catalogue does not hold.
            new("USM-WF-008", w5, WithSteps(w5, s => s.Insert(1, WorkflowArbitraries.Step("extra", UsmProcess.Operate, "operate.dance", RoutineType.Process))), WithProfiles),
            // An Operate step claims Change's test step.
            new("USM-WF-009", w5, WithSteps(w5, s => s.Insert(1, WorkflowArbitraries.Step("extra", UsmProcess.Operate, "change.test", RoutineType.Process))), WithProfiles),
            // Classify before accept.
            new("USM-WF-010", w5, WithSteps(w5, s => s.SetItem(0, s[1]).SetItem(1, s[0])), WithProfiles),
            // Change hands off to Operate without its deploy step.
            new("USM-WF-011", w2, WithSteps(w2, s => s.Where(x => x.CatalogueKey != "change.deploy")), WithProfiles),
            // The incident workflow forks after Recover's review step instead of its recover step.
            new("USM-WF-012", incident, incident.WithSteps(incident.Steps.Add(WorkflowArbitraries.Step("t-review", UsmProcess.Recover, "recover.review", RoutineType.Process))), WithProfiles),
            // A process-level routine names a profile.
            new("USM-RT-001", w5, MapFirstActivity(w5, a => a.WithResponsibilities([new Responsibility("operator", RaciRoles.Responsible)])), WithProfiles),
            // A procedure names a tool.
            new("USM-RT-002", w5p, MapFirstActivity(w5p, a => a.WithHow("SDC tool", null)), WithProfiles),
            // A procedure step without activities.
            new("USM-RT-003", w5p, WithSteps(w5p, s => s.SetItem(0, s[0].WithActivities([]))), WithProfiles),
            // A procedure activity that names nobody.
            new("USM-RT-004", w5p, MapFirstActivity(w5p, a => a.WithResponsibilities([])), WithProfiles),
            // Two Accountable profiles.
            new("USM-RT-005", w5p, MapFirstActivity(w5p, a => AddRaci(a, new Responsibility("solution-team", RaciRoles.Accountable))), WithProfiles),
            // Nobody Responsible.
            new("USM-RT-006", w5p, MapFirstActivity(w5p, a => a.WithResponsibilities(a.Responsibilities.Where(r => !r.IsResponsible))), WithProfiles),
            // A profile listed without a role.
            new("USM-RT-007", w5p, MapFirstActivity(w5p, a => AddRaci(a, new Responsibility("solution-team", RaciRoles.None))), WithProfiles),
            // The same profile listed twice.
            new("USM-RT-008", w5p, MapFirstActivity(w5p, a => AddRaci(a, new Responsibility("service-manager", RaciRoles.Informed))), WithProfiles),
            // A profile the organisation does not have.
            new("USM-RT-009", w5p, MapFirstActivity(w5p, a => AddRaci(a, new Responsibility("ghost", RaciRoles.Consulted))), WithProfiles),
            // A work instruction activity without an instruction.
            new("USM-RT-010", w5i, MapFirstActivity(w5i, a => a.WithHow("SDC tool", null)), WithProfiles),
            // Two activities share an id.
            new("USM-RT-011", w5, WithSteps(w5, s => s.SetItem(1, s[1].WithActivities([new Activity(s[0].Activities[0].Id, "Copy")]))), WithProfiles),
        ];
    }
}
