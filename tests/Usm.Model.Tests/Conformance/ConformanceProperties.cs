using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Conformance;
using Usm.Model.Routines;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Conformance;

/// <summary>The laws of the conformance checker, checked on generated workflows.</summary>
public class ConformanceProperties
{
    private static ConformanceOptions OptionsFor(ProcessStepCatalogue catalogue) => new(WorkflowArbitraries.Profiles, catalogue);

    private static string[] Render(FindingReport report) => [.. report.Findings.Select(f => f.ToString())];

    [Fact]
    public void WorkflowBuiltFromAnyPatternWithAnyCatalogue_Conforms() =>
        PropertyCheck.Run(Prop.ForAll(WorkflowArbitraries.Conforming().ToArbitrary(), sample =>
        {
            var report = ConformanceChecker.Check(sample.Workflow, OptionsFor(sample.Catalogue));
            return report.IsEmpty.Label(report.ToString());
        }), maxTest: 1000);

    [Fact]
    public void AnySingleIllegalHandOffInserted_IsReportedAtThatStep()
    {
        var gen =
            from sample in WorkflowArbitraries.ConformingStatic()
            from position in Gen.Choose(1, sample.Workflow.Steps.Length)
            let previous = sample.Workflow.Steps[position - 1].Process
            from process in Gen.Elements(UsmProcesses.All.Where(p => p != previous && !ProcessModel.CanHandOff(previous, p)).ToArray())
            select (sample, position, process);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (sample, position, process) = t;
            var steps = sample.Workflow.Steps;
            var inserted = WorkflowArbitraries.Step("inserted", process, null, sample.Workflow.RoutineType);
            var mutated = sample.Workflow.WithSteps(steps.Insert(position, inserted));
            var repeats = steps.Take(position).Any(s => s.Process == process);
            var expected = repeats ? "USM-WF-003" : "USM-WF-004";
            var report = ConformanceChecker.Check(mutated, OptionsFor(sample.Catalogue));
            return report.Findings.Any(f => f.RuleId == expected && f.StepIndex == position && f.BranchIndex is null)
                .Label($"{expected} at {position} expected; got: {report}");
        }));
    }

    // The mutation law: a single change that breaks exactly one rule yields that rule's findings and no other.
    [Theory]
    [InlineData("USM-WF-001")]
    [InlineData("USM-WF-002")]
    [InlineData("USM-WF-003")]
    [InlineData("USM-WF-004")]
    [InlineData("USM-WF-005")]
    [InlineData("USM-WF-006")]
    [InlineData("USM-WF-007")]
    [InlineData("USM-WF-008")]
    [InlineData("USM-WF-009")]
    [InlineData("USM-WF-010")]
    [InlineData("USM-WF-011")]
    [InlineData("USM-RT-001")]
    [InlineData("USM-RT-002")]
    [InlineData("USM-RT-003")]
    [InlineData("USM-RT-004")]
    [InlineData("USM-RT-005")]
    [InlineData("USM-RT-006")]
    [InlineData("USM-RT-007")]
    [InlineData("USM-RT-008")]
    [InlineData("USM-RT-009")]
    [InlineData("USM-RT-010")]
    [InlineData("USM-RT-011")]
    public void SingleMutation_BreakingOneRule_YieldsOnlyThatRule(string ruleId)
    {
        var gen = WorkflowArbitraries.ConformingStatic().Select(s => (Sample: s, Mutated: Mutate(ruleId, s))).Where(t => t.Mutated is not null);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var report = ConformanceChecker.Check(t.Mutated!, OptionsFor(t.Sample.Catalogue));
            return (report.RuleIds.Length == 1 && report.RuleIds[0] == ruleId).Label(report.ToString());
        }), maxTest: 200, name: nameof(SingleMutation_BreakingOneRule_YieldsOnlyThatRule) + ruleId);
    }

    // WF-012 needs a fork, so its mutation runs on generated dynamic workflows: a later, non-fork step of the trigger's
    // process appended to the trunk moves the fork away from the fork point.
    [Fact]
    public void SingleMutation_MovingTheForkOffTheForkPoint_YieldsOnlyWF012()
    {
        var gen = WorkflowArbitraries.ConformingDynamic().Select(sample =>
        {
            var trunk = sample.Workflow.Steps;
            var fork = sample.Catalogue.Find(trunk[^1].CatalogueKey)!;
            var later = sample.Catalogue.StepsOf(fork.Process).FirstOrDefault(s => s.Order > fork.Order && !s.IsForkPoint);
            var mutated = later is null ? null : sample.Workflow.WithSteps(trunk.Add(WorkflowArbitraries.Step("later", later.Process, later.Key, sample.Workflow.RoutineType)));
            return (Sample: sample, Mutated: mutated);
        }).Where(t => t.Mutated is not null);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var report = ConformanceChecker.Check(t.Mutated!, OptionsFor(t.Sample.Catalogue));
            return (report.RuleIds.Length == 1 && report.RuleIds[0] == "USM-WF-012").Label(report.ToString());
        }), maxTest: 200);
    }

    private static Workflow? Mutate(string ruleId, WorkflowArbitraries.Sample sample)
    {
        var w = sample.Workflow;
        var steps = w.Steps;
        var procedure = w.RoutineType != RoutineType.Process;
        Workflow MapActivity(Func<Activity, Activity> map) =>
            w.WithSteps(steps.SetItem(0, steps[0].WithActivities(steps[0].Activities.SetItem(0, map(steps[0].Activities[0])))));
        switch (ruleId)
        {
            case "USM-WF-001":
                return w.WithSteps([]);
            case "USM-WF-004":
                // Put a whole Recover block before the final Operate block: the block before it may not hand off to Recover.
                var lastStart = steps.Length - steps.Reverse().TakeWhile(s => s.Process == steps[^1].Process).Count();
                if (lastStart == 0 || steps.Any(s => s.Process == UsmProcess.Recover))
                {
                    return null;
                }

                var recover = sample.Catalogue.StepsOf(UsmProcess.Recover).Select((s, i) => WorkflowArbitraries.Step("recover" + i, UsmProcess.Recover, s.Key, w.RoutineType));
                return w.WithSteps(steps.InsertRange(lastStart, recover));
            case "USM-WF-009":
                var foreign = sample.Catalogue.Steps.First(s => s.Process != steps[0].Process).Key;
                return w.WithSteps(steps.Insert(1, WorkflowArbitraries.Step("foreign", steps[0].Process, foreign, w.RoutineType)));
            case "USM-WF-002":
                var other = UsmProcesses.AllCallTypes.First(c => UsmProcesses.TriggeredProcess(c) != steps[0].Process);
                return w.WithTrigger(other);
            case "USM-WF-003":
                // Run the last two blocks again (fresh ids): both copies start a repeated block.
                var blocks = Workflow.ProcessBlocks(steps);
                if (blocks.Length < 2)
                {
                    return null;
                }

                var tail = steps.SkipWhile(s => s.Process != blocks[^2]).Select(s => new WorkflowStep(s.Id + "'", s.Process, s.Name, s.Activities.Select(a => new Activity(a.Id + "'", a.Name, a.Responsibilities, a.Tool, a.Instruction)), s.CatalogueKey));
                return w.WithSteps(steps.AddRange(tail));
            case "USM-WF-010":
                // Swap two neighbouring catalogue steps of one block.
                var k = Enumerable.Range(0, steps.Length - 1).FirstOrDefault(i => steps[i].Process == steps[i + 1].Process, -1);
                return k < 0 ? null : w.WithSteps(steps.SetItem(k, steps[k + 1]).SetItem(k + 1, steps[k]));
            case "USM-WF-005":
                return Workflow.ProcessBlocks(steps).Length < 2 ? null : w.WithSteps(steps.Where(s => s.Process != UsmProcess.Operate));
            case "USM-WF-006":
                return w.WithBranches(Dynamicity.Dynamic, []);
            case "USM-WF-007":
                return steps.Length < 2 ? null : w.WithSteps(steps.SetItem(1, new WorkflowStep(steps[0].Id, steps[1].Process, steps[1].Name, steps[1].Activities, steps[1].CatalogueKey)));
            case "USM-WF-008":
                return w.WithSteps(steps.Insert(1, WorkflowArbitraries.Step("unknown", steps[0].Process, "no.such.step", w.RoutineType)));
            case "USM-WF-011":
                // Drop the hand-off steps of the first block, when others remain there to show it implements the catalogue.
                var blockEnd = steps.TakeWhile(s => s.Process == steps[0].Process).Count();
                if (blockEnd == steps.Length)
                {
                    return null;
                }

                var next = steps[blockEnd].Process;
                var kept = steps.Take(blockEnd).Where(s => sample.Catalogue.Find(s.CatalogueKey)?.HandOffTargets.Contains(next) != true).ToList();
                return kept.Count == 0 || kept.Count == blockEnd ? null : w.WithSteps(kept.Concat(steps.Skip(blockEnd)));
            case "USM-RT-001":
                return procedure ? null : MapActivity(a => a.WithResponsibilities([new Responsibility("operator", RaciRoles.Responsible)]));
            case "USM-RT-002":
                return w.RoutineType == RoutineType.WorkInstruction ? null : MapActivity(a => a.WithHow("SDC tool", null));
            case "USM-RT-003":
                return procedure ? w.WithSteps(steps.SetItem(0, steps[0].WithActivities([]))) : null;
            case "USM-RT-006":
                return procedure ? MapActivity(a => a.WithResponsibilities(a.Responsibilities.Where(r => !r.IsResponsible))) : null;
            case "USM-RT-007":
                return procedure ? MapActivity(a => a.WithResponsibilities(a.Responsibilities.Add(new Responsibility("solution-team", RaciRoles.None)))) : null;
            case "USM-RT-008":
                return procedure ? MapActivity(a => a.WithResponsibilities(a.Responsibilities.Add(a.Responsibilities[^1]))) : null;
            case "USM-RT-010":
                return w.RoutineType == RoutineType.WorkInstruction ? MapActivity(a => a.WithHow(a.Tool, null)) : null;
            case "USM-RT-004":
                return procedure ? MapActivity(a => a.WithResponsibilities([])) : null;
            case "USM-RT-005":
                return procedure ? MapActivity(a => a.WithResponsibilities(a.Responsibilities.Add(new Responsibility("solution-team", RaciRoles.Accountable)))) : null;
            case "USM-RT-009":
                return procedure ? MapActivity(a => a.WithResponsibilities(a.Responsibilities.Add(new Responsibility("stranger", RaciRoles.Informed)))) : null;
            case "USM-RT-011":
                return steps.Length < 2 ? null : w.WithSteps(steps.SetItem(1, steps[1].WithActivities([steps[0].Activities[0]])));
            default:
                throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "No mutation for this rule.");
        }
    }

    [Fact]
    public void Checking_IsDeterministic_AndIndependentOfProfileOrder()
    {
        var gen = from workflow in WorkflowArbitraries.Mixed()
                  from profiles in Gen.Shuffle(WorkflowArbitraries.Profiles.Add("ghost").ToArray())
                  select (workflow, profiles);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var sorted = ConformanceChecker.Check(t.workflow, new ConformanceOptions(t.profiles.Order(StringComparer.Ordinal)));
            var shuffled = ConformanceChecker.Check(t.workflow, new ConformanceOptions(t.profiles));
            var again = ConformanceChecker.Check(t.workflow, new ConformanceOptions(t.profiles));
            return Render(sorted).SequenceEqual(Render(shuffled)) && Render(shuffled).SequenceEqual(Render(again));
        }));
    }

    [Fact]
    public void Findings_DoNotDependOnTheOrderOfResponsibilities()
    {
        var gen = from workflow in WorkflowArbitraries.Mixed()
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (workflow, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            Activity Shuffle(Activity a) => a.WithResponsibilities(a.Responsibilities.OrderBy(_ => random.Next()));
            WorkflowStep ShuffleStep(WorkflowStep s) => s.WithActivities(s.Activities.Select(Shuffle));
            var w = t.workflow;
            var shuffled = w.WithSteps(w.Steps.Select(ShuffleStep)).WithBranches(w.Dynamicity, w.Branches.Select(b => new WorkflowBranch(b.Name, b.Steps.Select(ShuffleStep))));
            var options = new ConformanceOptions(WorkflowArbitraries.Profiles);
            return Render(ConformanceChecker.Check(w, options)).SequenceEqual(Render(ConformanceChecker.Check(shuffled, options)));
        }));
    }

    [Fact]
    public void Report_NeverHoldsASuppressedRuleWithItsRootCause()
    {
        PropertyCheck.Run(Prop.ForAll(WorkflowArbitraries.AnyWorkflow().ToArbitrary(), workflow =>
        {
            var report = ConformanceChecker.Check(workflow, new ConformanceOptions(WorkflowArbitraries.Profiles));
            var ids = report.RuleIds;
            bool At(string rule, Finding root) => report.Findings.Any(f => f.RuleId == rule && f.BranchIndex == root.BranchIndex && f.StepIndex == root.StepIndex && f.ActivityIndex == root.ActivityIndex);
            var pathRules = new[] { "USM-WF-002", "USM-WF-003", "USM-WF-004", "USM-WF-005", "USM-WF-010", "USM-WF-011", "USM-WF-012" };
            var ok = (!ids.Contains("USM-WF-001") || !ids.Intersect(pathRules).Any())
                && (!ids.Contains("USM-WF-006") || !ids.Contains("USM-WF-012"))
                && report.ForRule("USM-WF-003").All(root => !At("USM-WF-004", root) && !At("USM-WF-011", root))
                && report.ForRule("USM-WF-004").All(root => !At("USM-WF-011", root))
                && report.ForRule("USM-RT-004").All(root => !At("USM-RT-005", root) && !At("USM-RT-006", root))
                && report.Findings.Where(f => f.RuleId is "USM-WF-008" or "USM-WF-009").All(root => !At("USM-WF-010", root) && !At("USM-WF-012", root));
            return ok.Label(report.ToString());
        }), maxTest: 1000);
    }

    [Fact]
    public void Findings_AreInTheDocumentedOrder_AndNeverRepeated()
    {
        PropertyCheck.Run(Prop.ForAll(WorkflowArbitraries.AnyWorkflow().ToArbitrary(), workflow =>
        {
            var findings = ConformanceChecker.Check(workflow).Findings;
            var ordered = findings.OrderBy(f => f.BranchIndex ?? -1).ThenBy(f => f.StepIndex ?? -1).ThenBy(f => f.ActivityIndex ?? -1)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal);
            return findings.SequenceEqual(ordered) && findings.Distinct().Count() == findings.Length;
        }));
    }

    [Fact]
    public void AnyWorkflow_NeverThrows_AndEveryFindingHasItsRulesSeverity()
    {
        PropertyCheck.Run(Prop.ForAll(WorkflowArbitraries.AnyWorkflow().ToArbitrary(), workflow =>
            ConformanceChecker.Check(workflow).Findings.All(f => ConformanceChecker.GetRule(f.RuleId).Severity == f.Severity)));
    }

    // Generators reach every rule: over many random workflows, each rule fires at least once.
    [Fact]
    public void AnyWorkflowGenerator_ReachesEveryRule()
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var options = new ConformanceOptions(WorkflowArbitraries.Profiles);
        PropertyCheck.Run(Prop.ForAll(WorkflowArbitraries.AnyWorkflow().ToArbitrary(), workflow =>
        {
            fired.UnionWith(ConformanceChecker.Check(workflow, options).RuleIds);
            return true;
        }), maxTest: 3000);

        Assert.Equal(ConformanceChecker.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), fired.Order(StringComparer.Ordinal));
    }

    // The pattern law behind WF-002..WF-005: on a keyless process-level path, those four rules are all silent exactly
    // when the path's process blocks are one of the patterns the trigger starts.
    [Fact]
    public void PathRulesSilent_ExactlyWhenTheSequenceIsAPatternOfTheTrigger()
    {
        var gen = from trigger in Gen.Elements(UsmProcesses.AllCallTypes.ToArray())
                  from count in Gen.Choose(1, 6)
                  from processes in Gen.ListOf(Gen.Elements(UsmProcesses.All.ToArray()), count)
                  select (trigger, processes);
        var pathRules = new[] { "USM-WF-002", "USM-WF-003", "USM-WF-004", "USM-WF-005" };
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var steps = t.processes.Select((p, i) => new WorkflowStep("s" + i, p, "step"));
            var workflow = new Workflow("w", "w", t.trigger, RoutineType.Process, steps);
            var silent = !ConformanceChecker.Check(workflow).RuleIds.Intersect(pathRules).Any();
            var pattern = WorkflowPattern.FromProcesses(Workflow.ProcessBlocks(workflow.Steps));
            return (silent == (pattern is not null && pattern.Trigger == t.trigger)).Label(string.Join(" ", t.processes));
        }), maxTest: 3000);
    }
}
