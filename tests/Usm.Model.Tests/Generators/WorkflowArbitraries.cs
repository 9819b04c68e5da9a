using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Routines;

namespace Usm.Model.Tests.Generators;

/// <summary>Builders and FsCheck generators for workflows, conforming and otherwise.</summary>
internal static class WorkflowArbitraries
{
    /// <summary>The profiles every generated procedure uses; pass them as known profile ids.</summary>
    public static readonly ImmutableArray<string> Profiles = ["coordinator", "operator", "service-manager", "solution-team"];

    /// <summary>Builds conforming activities for a routine type: one Accountable, one Responsible, an Informed.</summary>
    public static Activity ConformingActivity(string id, RoutineType routine, bool reverseResponsibilities = false)
    {
        if (routine == RoutineType.Process)
        {
            return new Activity(id, "Activity " + id);
        }

        IEnumerable<Responsibility> raci =
        [
            new Responsibility("coordinator", RaciRoles.Accountable),
            new Responsibility("operator", RaciRoles.Responsible),
            new Responsibility("service-manager", RaciRoles.Informed | RaciRoles.Consulted),
        ];
        if (reverseResponsibilities)
        {
            raci = raci.Reverse();
        }

        return routine == RoutineType.WorkInstruction
            ? new Activity(id, "Activity " + id, raci, tool: "SDC tool", instruction: "Record the call in the SDC tool.")
            : new Activity(id, "Activity " + id, raci);
    }

    /// <summary>Builds one conforming step; ids are derived from <paramref name="id"/>.</summary>
    public static WorkflowStep Step(string id, UsmProcess process, string? catalogueKey, RoutineType routine) =>
        new(id, process, "Step " + id, [ConformingActivity(id + ".a", routine)], catalogueKey);

    /// <summary>Builds the steps of one process block from standard steps.</summary>
    public static IEnumerable<WorkflowStep> Block(IEnumerable<StandardStep> steps, RoutineType routine, string prefix) =>
        steps.Select((s, i) => Step(prefix + i, s.Process, s.Key, routine));

    /// <summary>The canonical static workflow of a pattern: every catalogue step of each process, in order.</summary>
    public static Workflow Canonical(WorkflowPattern pattern, RoutineType routine = RoutineType.Process, ProcessStepCatalogue? catalogue = null)
    {
        catalogue ??= ProcessStepCatalogue.Default;
        var steps = pattern.Processes.SelectMany((p, b) => Block(catalogue.StepsOf(p), routine, "b" + b + "s"));
        return new Workflow(pattern.Code.ToLowerInvariant(), pattern.EnglishName, pattern.Trigger, routine, steps);
    }

    /// <summary>
    /// The canonical dynamic workflow of an incident or a risk with the default catalogue: the trigger's process up to
    /// its fork step, then one branch per pattern the trigger starts.
    /// </summary>
    public static Workflow CanonicalDynamic(CallType trigger, RoutineType routine = RoutineType.Process)
    {
        var catalogue = ProcessStepCatalogue.Default;
        var start = UsmProcesses.TriggeredProcess(trigger);
        var fork = catalogue.StepsOf(start).First(s => s.IsForkPoint);
        var trunk = Block(catalogue.StepsOf(start).Where(s => s.Order <= fork.Order), routine, "t");
        var branches = WorkflowPattern.StartedBy(trigger).Select(p => new WorkflowBranch(
            p.Code, p.Processes.Skip(1).SelectMany((proc, b) => Block(catalogue.StepsOf(proc), routine, p.Code + "b" + b + "s"))));
        return new Workflow("dyn-" + trigger, "Dynamic " + trigger, trigger, routine, trunk, Dynamicity.Dynamic, branches);
    }

    /// <summary>Any valid step catalogue: one to four steps per process, random hand-off targets along the graph.</summary>
    public static Gen<ProcessStepCatalogue> AnyCatalogue()
    {
        Gen<IEnumerable<StandardStep>> ProcessSteps(UsmProcess process) =>
            from count in Gen.Choose(1, 4)
            from masks in Gen.ListOf(Gen.Choose(0, 7), count)
            select masks.Select((mask, i) => new StandardStep(
                UsmProcesses.Code(process).ToLowerInvariant() + "." + i, process, i + 1, "Step " + i, "Stap " + i,
                ProcessModel.HandOffTargets(process).Where((_, t) => (mask & (1 << t)) != 0)));

        return from a in ProcessSteps(UsmProcess.Agree)
               from c in ProcessSteps(UsmProcess.Change)
               from r in ProcessSteps(UsmProcess.Recover)
               from o in ProcessSteps(UsmProcess.Operate)
               from i in ProcessSteps(UsmProcess.Improve)
               select ProcessStepCatalogue.Create(a.Concat(c).Concat(r).Concat(o).Concat(i));
    }

    /// <summary>The default catalogue half of the time, a random one otherwise.</summary>
    public static Gen<ProcessStepCatalogue> SomeCatalogue() =>
        Gen.Frequency((1, Gen.Constant(ProcessStepCatalogue.Default)), (1, AnyCatalogue()));

    /// <summary>A workflow built from a pattern and a catalogue, together with that catalogue.</summary>
    public sealed record Sample(Workflow Workflow, ProcessStepCatalogue Catalogue)
    {
        public override string ToString() => Workflow + " [" + string.Join(", ", Workflow.AllSteps.Select(s => s.Process + ":" + s.CatalogueKey)) + "]";
    }

    /// <summary>
    /// A static workflow generated from any pattern with any catalogue: each block keeps a random ordered subset of
    /// its process's standard steps, always with a hand-off step to the next block when the catalogue has one.
    /// </summary>
    public static Gen<Sample> ConformingStatic() =>
        from catalogue in SomeCatalogue()
        from pattern in Gen.Elements(WorkflowPattern.All.ToArray())
        from routine in Gen.Elements(RoutineType.Process, RoutineType.Procedure, RoutineType.WorkInstruction)
        from keep in Gen.ListOf(Gen.Elements(true, false), 40)
        from reverse in Gen.Elements(true, false)
        select new Sample(BuildStatic(pattern, routine, catalogue, keep, reverse), catalogue);

    private static Workflow BuildStatic(WorkflowPattern pattern, RoutineType routine, ProcessStepCatalogue catalogue, IReadOnlyList<bool> keep, bool reverse) =>
        new(pattern.Code, pattern.EnglishName, pattern.Trigger, routine, BuildBlocks(pattern.Processes, routine, catalogue, keep, reverse, "b"));

    // Each block keeps a random ordered subset of its process's standard steps, always with a hand-off step to the
    // next block when the catalogue has one.
    private static List<WorkflowStep> BuildBlocks(IReadOnlyList<UsmProcess> processes, RoutineType routine, ProcessStepCatalogue catalogue, IReadOnlyList<bool> keep, bool reverse, string prefix)
    {
        var steps = new List<WorkflowStep>();
        var bit = prefix.Length;
        for (var b = 0; b < processes.Count; b++)
        {
            var process = processes[b];
            var standard = catalogue.StepsOf(process);
            var next = b + 1 < processes.Count ? processes[b + 1] : (UsmProcess?)null;
            var handOff = next is { } n ? standard.FirstOrDefault(s => s.HandOffTargets.Contains(n)) : null;
            var chosen = standard.Where(s => keep[bit++ % keep.Count] || s == handOff).ToList();
            if (chosen.Count == 0)
            {
                chosen.Add(standard[0]);
            }

            var blockPrefix = prefix + b + "s";
            steps.AddRange(chosen.Select((s, i) => new WorkflowStep(blockPrefix + i, process, s.EnglishName, [ConformingActivity(blockPrefix + i + ".a", routine, reverse)], s.Key)));
        }

        return steps;
    }

    /// <summary>
    /// A dynamic incident or risk workflow generated with any catalogue that has a fork point in the trigger's process:
    /// the trunk keeps a random subset of the steps before the fork step and ends with it; each branch is built like a
    /// static workflow for one pattern the fork step can reach. Yields null when the catalogue has no such fork point.
    /// </summary>
    public static Gen<Sample> ConformingDynamic() =>
        (from catalogue in SomeCatalogue()
         from trigger in Gen.Elements(CallType.Incident, CallType.Risk)
         from routine in Gen.Elements(RoutineType.Process, RoutineType.Procedure, RoutineType.WorkInstruction)
         from keep in Gen.ListOf(Gen.Elements(true, false), 40)
         from reverse in Gen.Elements(true, false)
         select BuildDynamic(trigger, routine, catalogue, keep, reverse))
        .Where(s => s is not null).Select(s => s!);

    private static Sample? BuildDynamic(CallType trigger, RoutineType routine, ProcessStepCatalogue catalogue, IReadOnlyList<bool> keep, bool reverse)
    {
        var start = UsmProcesses.TriggeredProcess(trigger);
        var patterns = WorkflowPattern.StartedBy(trigger);
        var fork = catalogue.StepsOf(start).FirstOrDefault(s => patterns.Count(p => s.HandOffTargets.Contains(p.Processes[1])) >= 2);
        if (fork is null)
        {
            return null;
        }

        var trunk = catalogue.StepsOf(start).Where(s => s.Order < fork.Order && keep[s.Order % keep.Count]).Append(fork)
            .Select((s, i) => new WorkflowStep("t" + i, start, s.EnglishName, [ConformingActivity("t" + i + ".a", routine, reverse)], s.Key));
        var branches = patterns.Where(p => fork.HandOffTargets.Contains(p.Processes[1]))
            .Select(p => new WorkflowBranch(p.Code, BuildBlocks([.. p.Processes.Skip(1)], routine, catalogue, keep, reverse, p.Code)));
        return new Sample(new Workflow("dyn", "Dynamic " + trigger, trigger, routine, trunk, Dynamicity.Dynamic, branches), catalogue);
    }

    /// <summary>A conforming static or dynamic workflow, with any catalogue.</summary>
    public static Gen<Sample> Conforming() =>
        Gen.Frequency(
            (3, ConformingStatic()),
            (1, ConformingDynamic()));

    private static readonly string[] s_keys =
        [.. ProcessStepCatalogue.Default.Steps.Select(s => s.Key).Where((_, i) => i % 3 == 0), "agree.realise", "change.deploy", "recover.recover", "improve.deploy", "unknown.step"];

    private static readonly string[] s_profileIds = [.. Profiles, "ghost"];

    /// <summary>Any workflow, mostly nonconforming: random processes, keys, ids, RACI, tools and branches.</summary>
    public static Gen<Workflow> AnyWorkflow()
    {
        var responsibility =
            from profile in Gen.Elements(s_profileIds)
            from roles in Gen.Choose(0, 15)
            select new Responsibility(profile, (RaciRoles)roles);
        var activity =
            from id in Gen.Choose(0, 30)
            from raciCount in Gen.Choose(0, 3)
            from raci in Gen.ListOf(responsibility, raciCount)
            from tool in Gen.Elements<string?>(null, "tool")
            from instruction in Gen.Elements<string?>(null, "  ", "do it")
            select new Activity("a" + id, "activity", raci, tool, instruction);
        var step =
            from id in Gen.Choose(0, 20)
            from process in Gen.Elements(UsmProcesses.All.ToArray())
            from key in Gen.Frequency((2, Gen.Constant<string?>(null)), (3, Gen.Elements(s_keys).Select(k => (string?)k)))
            from count in Gen.Choose(0, 2)
            from activities in Gen.ListOf(activity, count)
            select new WorkflowStep("s" + id, process, "step", activities, key);
        var branch =
            from count in Gen.Choose(0, 4)
            from steps in Gen.ListOf(step, count)
            from name in Gen.Elements("left", "right")
            select new WorkflowBranch(name, steps);
        return from trigger in Gen.Elements(UsmProcesses.AllCallTypes.ToArray())
               from routine in Gen.Elements(RoutineType.Process, RoutineType.Procedure, RoutineType.WorkInstruction)
               from dynamicity in Gen.Elements(Dynamicity.Static, Dynamicity.Dynamic)
               from trunkCount in Gen.Choose(0, 7)
               from trunk in Gen.ListOf(step, trunkCount)
               from branchCount in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
               from branches in Gen.ListOf(branch, branchCount)
               select new Workflow("wf", "any", trigger, routine, trunk, dynamicity, branches);
    }

    /// <summary>Either a conforming workflow or any workflow, so that properties see both.</summary>
    public static Gen<Workflow> Mixed() =>
        Gen.Frequency((1, Conforming().Select(s => s.Workflow)), (2, AnyWorkflow()));
}
