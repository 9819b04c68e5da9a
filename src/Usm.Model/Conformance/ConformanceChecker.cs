using System.Collections.Immutable;
using Usm.Model.Internal;
using Usm.Model.Routines;

namespace Usm.Model.Conformance;

/// <summary>
/// Checks a <see cref="Workflow"/> against the USM method and reports every problem as a <see cref="Finding"/>: the
/// tool-vendor feature of the library. A nonconforming workflow is a normal input: the checker never throws for it,
/// only for programmer errors such as a null argument.
/// </summary>
/// <remarks>
/// <para>The rules are listed in <see cref="Rules"/> and in docs/conformance-rules.md. Rule ids are stable:
/// <c>USM-WF-nnn</c> for workflow and path rules, <c>USM-RT-nnn</c> for routine rules.</para>
/// <para>No cascades: when a root cause fires, the rules that would only restate it stay silent. An empty trunk
/// (USM-WF-001) silences every path rule; a repeated process (USM-WF-003) silences USM-WF-004 and USM-WF-011 at the
/// same hand-off; an illegal hand-off (USM-WF-004) silences USM-WF-011 there; an unknown or foreign catalogue key
/// (USM-WF-008, USM-WF-009) keeps the step out of USM-WF-010 to USM-WF-012; inconsistent dynamicity (USM-WF-006)
/// silences USM-WF-012; an activity without responsibilities (USM-RT-004) silences USM-RT-005 and USM-RT-006.
/// A problem in the trunk is reported once, not once per branch.</para>
/// <para>Findings are ordered deterministically: workflow-level findings first, then by branch (trunk first), step
/// index, activity index, rule id and message (ordinal). The order of an activity's responsibilities and of the
/// known profile ids never changes the report.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class ConformanceChecker
{
    /// <summary>Gets every rule the checker applies: the workflow rules (<c>USM-WF</c>) by number, then the routine rules (<c>USM-RT</c>) by number.</summary>
    public static ImmutableArray<ConformanceRule> Rules => RuleCatalogue.All;

    /// <summary>Gets a rule by its id.</summary>
    /// <param name="id">The rule id, for example <c>USM-WF-004</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">No rule has the id <paramref name="id"/>.</exception>
    public static ConformanceRule GetRule(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var rule in RuleCatalogue.All)
        {
            if (string.Equals(rule.Id, id, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        throw new ArgumentException(Preconditions.Invariant($"No conformance rule has the id '{id}'."), nameof(id));
    }

    /// <summary>Checks a workflow against every rule.</summary>
    /// <param name="workflow">The workflow to check.</param>
    /// <param name="options">The known profiles and the step catalogue; null means <see cref="ConformanceOptions.Default"/>.</param>
    /// <returns>The findings, in the documented order; empty when the workflow conforms fully.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workflow"/> is null.</exception>
    public static FindingReport Check(Workflow workflow, ConformanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var run = new CheckRun(workflow, options ?? ConformanceOptions.Default);
        return new FindingReport(run.Execute());
    }

    private readonly record struct Location(int? Branch, int Step);

    private readonly record struct PathEntry(WorkflowStep Step, Location Location, StandardStep? Standard);

    private sealed class CheckRun(Workflow workflow, ConformanceOptions options)
    {
        private readonly List<Finding> _findings = [];
        private readonly HashSet<Finding> _seen = [];
        private readonly ProcessStepCatalogue _catalogue = options.Catalogue;
        private StandardStep?[][] _standard = [];

        public List<Finding> Execute()
        {
            var emptyTrunk = workflow.Steps.IsEmpty;
            if (emptyTrunk)
            {
                Add(RuleCatalogue.EmptyTrunk, "steps", null, null, null, Preconditions.Invariant($"The workflow '{workflow.Id}' has no trunk steps, so no path can start at the process its {workflow.Trigger} triggers."));
            }

            var branchCount = workflow.Branches.Length;
            var dynamicityBad = workflow.Dynamicity == Dynamicity.Static ? branchCount > 0 : branchCount < 2;
            if (dynamicityBad)
            {
                var message = workflow.Dynamicity == Dynamicity.Static
                    ? Preconditions.Invariant($"The workflow is static but has {branchCount} branch(es); a static workflow follows one fixed path.")
                    : Preconditions.Invariant($"The workflow is dynamic but has {branchCount} branch(es); a dynamic workflow forks into at least two.");
                Add(RuleCatalogue.DynamicityMatchesBranches, "branches", null, null, null, message);
            }

            CheckStepsAndRoutines();
            if (!emptyTrunk)
            {
                if (branchCount == 0)
                {
                    CheckPath(null);
                }
                else
                {
                    for (var b = 0; b < branchCount; b++)
                    {
                        CheckPath(b);
                    }

                    if (!dynamicityBad)
                    {
                        CheckFork();
                    }
                }
            }

            _findings.Sort(CompareFindings);
            return _findings;
        }

        private static int CompareFindings(Finding x, Finding y)
        {
            var c = (x.BranchIndex ?? -1).CompareTo(y.BranchIndex ?? -1);
            if (c == 0)
            {
                c = (x.StepIndex ?? -1).CompareTo(y.StepIndex ?? -1);
            }

            if (c == 0)
            {
                c = (x.ActivityIndex ?? -1).CompareTo(y.ActivityIndex ?? -1);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(x.RuleId, y.RuleId);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
        }

        private void Add(ConformanceRule rule, string path, Location? at, int? activityIndex, string? subjectId, string message)
        {
            var finding = new Finding(rule.Id, rule.Severity, message, path, subjectId, at?.Branch, at?.Step, activityIndex);
            if (_seen.Add(finding))
            {
                _findings.Add(finding);
            }
        }

        private static string PathOf(Location at) =>
            at.Branch is { } b ? Preconditions.Invariant($"branches[{b}].steps[{at.Step}]") : Preconditions.Invariant($"steps[{at.Step}]");

        private string Describe(Location at, WorkflowStep step) =>
            at.Branch is { } b
                ? Preconditions.Invariant($"branch {b} ('{workflow.Branches[b].Name}') step {at.Step} '{step.Id}' ({step.Process})")
                : Preconditions.Invariant($"trunk step {at.Step} '{step.Id}' ({step.Process})");

        private void Add(ConformanceRule rule, Location at, WorkflowStep step, string message) =>
            Add(rule, PathOf(at), at, null, step.Id, message);

        private string RoutineName => workflow.RoutineType switch
        {
            RoutineType.Process => "process-level routine",
            RoutineType.Procedure => "procedure",
            _ => "work instruction",
        };

        private static bool HasText(string? text) => !string.IsNullOrWhiteSpace(text);

        private static string Quoted(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => "'" + id + "'"));

        private void CheckStepsAndRoutines()
        {
            var segments = new ImmutableArray<WorkflowStep>[workflow.Branches.Length + 1];
            segments[0] = workflow.Steps;
            for (var b = 0; b < workflow.Branches.Length; b++)
            {
                segments[b + 1] = workflow.Branches[b].Steps;
            }

            _standard = new StandardStep?[segments.Length][];
            var stepIds = new Dictionary<string, (Location At, WorkflowStep Step)>(StringComparer.Ordinal);
            var activityIds = new Dictionary<string, (Location At, WorkflowStep Step, int Index)>(StringComparer.Ordinal);
            for (var s = 0; s < segments.Length; s++)
            {
                var steps = segments[s];
                _standard[s] = new StandardStep?[steps.Length];
                for (var i = 0; i < steps.Length; i++)
                {
                    var step = steps[i];
                    var at = new Location(s == 0 ? null : s - 1, i);
                    if (!stepIds.TryAdd(step.Id, (at, step)))
                    {
                        var first = stepIds[step.Id];
                        Add(RuleCatalogue.UniqueStepIds, at, step, Preconditions.Invariant($"{Describe(at, step)} repeats the id of {Describe(first.At, first.Step)}."));
                    }

                    _standard[s][i] = ResolveStandard(at, step);
                    CheckRoutine(at, step, activityIds);
                }
            }
        }

        private StandardStep? ResolveStandard(Location at, WorkflowStep step)
        {
            if (step.CatalogueKey is null)
            {
                return null;
            }

            var standard = _catalogue.Find(step.CatalogueKey);
            if (standard is null)
            {
                Add(RuleCatalogue.KnownCatalogueStep, at, step, Preconditions.Invariant($"{Describe(at, step)} names the catalogue key '{step.CatalogueKey}', which the step catalogue does not hold."));
                return null;
            }

            if (standard.Process != step.Process)
            {
                Add(RuleCatalogue.CatalogueStepInOwnProcess, at, step, Preconditions.Invariant($"{Describe(at, step)} names the catalogue step '{standard.Key}', which belongs to {standard.Process}, not {step.Process}."));
                return null;
            }

            return standard;
        }

        private string DescribeActivity(Location at, WorkflowStep step, int index) =>
            Preconditions.Invariant($"activity {index} '{step.Activities[index].Id}' of {Describe(at, step)}");

        private void Report(ConformanceRule rule, Location at, WorkflowStep step, int index, string message) =>
            Add(rule, Preconditions.Invariant($"{PathOf(at)}.activities[{index}]"), at, index, step.Activities[index].Id, message);

        private void CheckRoutine(Location at, WorkflowStep step, Dictionary<string, (Location At, WorkflowStep Step, int Index)> activityIds)
        {
            var routine = workflow.RoutineType;
            var withPeople = routine != RoutineType.Process;
            if (withPeople && step.Activities.IsEmpty)
            {
                Add(RuleCatalogue.StepHasActivities, at, step, Preconditions.Invariant($"{Describe(at, step)} has no activities, so the {RoutineName} cannot say who performs it."));
            }

            for (var j = 0; j < step.Activities.Length; j++)
            {
                var activity = step.Activities[j];
                if (!activityIds.TryAdd(activity.Id, (at, step, j)))
                {
                    var first = activityIds[activity.Id];
                    Report(RuleCatalogue.UniqueActivityIds, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} repeats the id of {DescribeActivity(first.At, first.Step, first.Index)}."));
                }

                var responsibilities = activity.Responsibilities;
                if (routine == RoutineType.Process && !responsibilities.IsEmpty)
                {
                    Report(RuleCatalogue.ProcessHasNoPeople, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} names the profiles {Quoted(responsibilities.Select(r => r.ProfileId).Distinct().Order(StringComparer.Ordinal))}, but a process-level routine says only what happens, never who."));
                }

                if (routine != RoutineType.WorkInstruction && (HasText(activity.Tool) || HasText(activity.Instruction)))
                {
                    Report(RuleCatalogue.HowOnlyInWorkInstruction, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} carries a tool or an instruction, but only a work instruction says how; this routine is a {RoutineName}."));
                }

                if (routine == RoutineType.WorkInstruction && !HasText(activity.Instruction))
                {
                    Report(RuleCatalogue.WorkInstructionSaysHow, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} has no instruction text, so the work instruction does not say how it is done."));
                }

                if (withPeople)
                {
                    CheckResponsibilities(at, step, j);
                }
            }
        }

        private void CheckResponsibilities(Location at, WorkflowStep step, int j)
        {
            var responsibilities = step.Activities[j].Responsibilities;
            if (responsibilities.IsEmpty)
            {
                Report(RuleCatalogue.ActivityHasProfiles, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} names no profile, so the {RoutineName} does not say who performs it."));
                return;
            }

            // Cheap scan first; sorted lists are built only when there is something to report.
            string? accountable = null;
            var manyAccountable = false;
            var anyResponsible = false;
            var anyRoleless = false;
            var anyDuplicate = false;
            var anyUnknown = false;
            var known = options.KnownProfileIds;
            for (var r = 0; r < responsibilities.Length; r++)
            {
                var responsibility = responsibilities[r];
                var id = responsibility.ProfileId;
                if (responsibility.IsAccountable)
                {
                    if (accountable is null)
                    {
                        accountable = id;
                    }
                    else if (!string.Equals(accountable, id, StringComparison.Ordinal))
                    {
                        manyAccountable = true;
                    }
                }

                anyResponsible |= responsibility.IsResponsible;
                anyRoleless |= responsibility.Roles == RaciRoles.None;
                anyUnknown |= known is not null && !known.Contains(id);
                for (var q = 0; q < r && !anyDuplicate; q++)
                {
                    anyDuplicate = string.Equals(responsibilities[q].ProfileId, id, StringComparison.Ordinal);
                }
            }

            if (accountable is null || manyAccountable)
            {
                var all = responsibilities.Where(r => r.IsAccountable).Select(r => r.ProfileId).Distinct().Order(StringComparer.Ordinal).ToList();
                Report(RuleCatalogue.OneAccountable, at, step, j, all.Count == 0
                    ? Preconditions.Invariant($"The {DescribeActivity(at, step, j)} has no Accountable profile; exactly one must answer for the result.")
                    : Preconditions.Invariant($"The {DescribeActivity(at, step, j)} has {all.Count} Accountable profiles ({Quoted(all)}); exactly one must answer for the result."));
            }

            if (!anyResponsible)
            {
                Report(RuleCatalogue.SomeResponsible, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} has no Responsible profile; at least one must do the work."));
            }

            if (anyRoleless)
            {
                var roleless = responsibilities.Where(r => r.Roles == RaciRoles.None).Select(r => r.ProfileId).Distinct().Order(StringComparer.Ordinal);
                Report(RuleCatalogue.ResponsibilityHasRole, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} lists {Quoted(roleless)} without any RACI role."));
            }

            if (anyDuplicate)
            {
                var duplicates = responsibilities.GroupBy(r => r.ProfileId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal);
                Report(RuleCatalogue.ProfileListedOnce, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} lists {Quoted(duplicates)} more than once; combine each profile's roles into one entry."));
            }

            if (anyUnknown)
            {
                var unknown = responsibilities.Select(r => r.ProfileId).Where(id => !known!.Contains(id)).Distinct().Order(StringComparer.Ordinal);
                Report(RuleCatalogue.KnownProfile, at, step, j, Preconditions.Invariant($"The {DescribeActivity(at, step, j)} names {Quoted(unknown)}, which the organisation's profiles do not include."));
            }
        }

        private List<PathEntry> Entries(int? branch)
        {
            var entries = new List<PathEntry>(workflow.Steps.Length + (branch is { } n ? workflow.Branches[n].Steps.Length : 0));
            for (var i = 0; i < workflow.Steps.Length; i++)
            {
                entries.Add(new PathEntry(workflow.Steps[i], new Location(null, i), _standard[0][i]));
            }

            if (branch is { } b)
            {
                var steps = workflow.Branches[b].Steps;
                for (var i = 0; i < steps.Length; i++)
                {
                    entries.Add(new PathEntry(steps[i], new Location(b, i), _standard[b + 1][i]));
                }
            }

            return entries;
        }

        private void CheckPath(int? branch)
        {
            var entries = Entries(branch);
            var first = entries[0];
            var expected = UsmProcesses.TriggeredProcess(workflow.Trigger);
            if (first.Step.Process != expected)
            {
                Add(RuleCatalogue.StartsAtTrigger, first.Location, first.Step, Preconditions.Invariant($"A {workflow.Trigger} triggers {expected}, but the first step, {Describe(first.Location, first.Step)}, belongs to {first.Step.Process}."));
            }

            var seen = 1 << (int)first.Step.Process;
            var blockStart = 0;
            StandardStep? previous = null;
            for (var k = 0; k < entries.Count; k++)
            {
                var entry = entries[k];
                var to = entry.Step.Process;
                if (k > 0 && to != entries[k - 1].Step.Process)
                {
                    var from = entries[k - 1].Step.Process;
                    var where = Describe(entry.Location, entry.Step);
                    if ((seen & (1 << (int)to)) != 0)
                    {
                        Add(RuleCatalogue.ContiguousBlocks, entry.Location, entry.Step, Preconditions.Invariant($"{where} starts a second {to} block after {from}; each process forms one contiguous block on a path."));
                    }
                    else if (!ProcessModel.CanHandOff(from, to))
                    {
                        var allowed = ProcessModel.HandOffTargets(from);
                        var targets = allowed.IsEmpty ? "no process" : string.Join(" or ", allowed);
                        Add(RuleCatalogue.HandOffFollowsGraph, entry.Location, entry.Step, Preconditions.Invariant($"{from} hands off to {to} at {where}, but the process model lets {from} hand off to {targets} only."));
                    }
                    else
                    {
                        CheckHandOffStep(entries, blockStart, k, from, to);
                    }

                    seen |= 1 << (int)to;
                    blockStart = k;
                    previous = null;
                }

                if (entry.Standard is { } standard)
                {
                    if (previous is not null && standard.Order <= previous.Order)
                    {
                        Add(RuleCatalogue.CatalogueOrder, entry.Location, entry.Step, Preconditions.Invariant($"{Describe(entry.Location, entry.Step)} implements '{standard.Key}' (catalogue position {standard.Order}) after '{previous.Key}' (position {previous.Order}) in the same {to} block."));
                    }

                    previous = standard;
                }
            }

            var last = entries[^1];
            if (last.Step.Process != UsmProcess.Operate)
            {
                var pathName = branch is { } b ? Preconditions.Invariant($"The path through branch {b} ('{workflow.Branches[b].Name}')") : "The workflow";
                Add(RuleCatalogue.EndsInOperate, last.Location, last.Step, Preconditions.Invariant($"{pathName} runs {string.Join(" → ", Workflow.ProcessBlocks(entries.Select(e => e.Step)))} and ends at {Describe(last.Location, last.Step)}; every workflow pattern ends in Operate."));
            }
        }

        private void CheckHandOffStep(List<PathEntry> entries, int blockStart, int boundary, UsmProcess from, UsmProcess to)
        {
            var implementsCatalogue = false;
            for (var i = blockStart; i < boundary; i++)
            {
                if (entries[i].Standard is { } standard)
                {
                    if (standard.HandOffTargets.Contains(to))
                    {
                        return;
                    }

                    implementsCatalogue = true;
                }
            }

            if (!implementsCatalogue)
            {
                return;
            }

            var handOffKeys = _catalogue.StepsOf(from).Where(s => s.HandOffTargets.Contains(to)).Select(s => s.Key).ToList();
            if (handOffKeys.Count > 0)
            {
                var entry = entries[boundary];
                var start = entries[blockStart];
                Add(RuleCatalogue.HandOffStep, entry.Location, entry.Step, Preconditions.Invariant($"{from} hands off to {to} at {Describe(entry.Location, entry.Step)}, but the {from} block that starts at {Describe(start.Location, start.Step)} has no hand-off step to {to} (catalogue: {Quoted(handOffKeys)})."));
            }
        }

        private void CheckFork()
        {
            var index = workflow.Steps.Length - 1;
            if (_standard[0][index] is { IsForkPoint: false } standard)
            {
                var at = new Location(null, index);
                var step = workflow.Steps[index];
                Add(RuleCatalogue.ForkAtForkPoint, at, step, Preconditions.Invariant($"The workflow forks after {Describe(at, step)}, which implements '{standard.Key}'; that step has {standard.HandOffTargets.Length} hand-off target(s), so it is not a fork point."));
            }
        }
    }
}
