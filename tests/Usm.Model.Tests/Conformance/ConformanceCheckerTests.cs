using Usm.Model.Conformance;
using Usm.Model.Routines;
using Usm.Model.Tests.Generators;

namespace Usm.Model.Tests.Conformance;

public class ConformanceCheckerTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in ConformanceChecker.Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    private static RuleExamples.Example ExampleFor(string id) => RuleExamples.All.Single(e => e.RuleId == id);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_ConformingExample_HasNoFindings(string id)
    {
        var example = ExampleFor(id);
        var report = ConformanceChecker.Check(example.Conforming, example.Options);
        Assert.True(report.IsEmpty, report.ToString());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_ViolatingExample_ReportsThatRuleAndNoOther(string id)
    {
        var example = ExampleFor(id);
        var rule = ConformanceChecker.GetRule(id);
        var report = ConformanceChecker.Check(example.Violating, example.Options);
        Assert.Equal(new[] { id }, report.RuleIds.AsEnumerable());
        Assert.All(report.Findings, f => Assert.Equal(rule.Severity, f.Severity));
        Assert.Equal(rule.Severity != FindingSeverity.Error, report.IsConforming);
    }

    // Every rule has a violating example that fires it alone, so no rule is dead code.
    [Fact]
    public void EveryRule_HasAnExample_SoNoRuleIsUnreachable() =>
        Assert.Equal(ConformanceChecker.Rules.Select(r => r.Id), RuleExamples.All.Select(e => e.RuleId));

    [Fact]
    public void Rules_HaveUniqueOrderedIdsAndCompleteMetadata()
    {
        var ids = ConformanceChecker.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Where(i => i.StartsWith("USM-WF", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Concat(ids.Where(i => i.StartsWith("USM-RT", StringComparison.Ordinal)).Order(StringComparer.Ordinal)), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ConformanceChecker.Rules, r =>
        {
            Assert.Matches("^USM-(WF|RT)-[0-9]{3}$", r.Id);
            Assert.True(Enum.IsDefined(r.Severity) && Enum.IsDefined(r.Source));
            Assert.False(string.IsNullOrWhiteSpace(r.Title) || string.IsNullOrWhiteSpace(r.Description));
            Assert.Same(r, ConformanceChecker.GetRule(r.Id));
        });
    }

    [Fact]
    public void GetRule_UnknownId_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => ConformanceChecker.GetRule("USM-WF-999"));
        Assert.Contains("USM-WF-999", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ConformanceChecker.GetRule(null!));
    }

    // The eight patterns: domain.md §4 (usmtools workflow templates, USM coach Mikko Ahonen, 2022-2023).
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void CanonicalWorkflow_OfEveryPattern_Conforms_AtEveryRoutineLevel(int number)
    {
        foreach (var routine in new[] { RoutineType.Process, RoutineType.Procedure, RoutineType.WorkInstruction })
        {
            var workflow = WorkflowArbitraries.Canonical(WorkflowPattern.FromNumber(number), routine);
            var report = ConformanceChecker.Check(workflow, RuleExamples.WithProfiles);
            Assert.True(report.IsEmpty, report.ToString());
            Assert.Equal(new[] { WorkflowPattern.FromNumber(number) }, workflow.Patterns.AsEnumerable());
        }
    }

    [Theory]
    [InlineData(CallType.Incident, new[] { 3, 4 })]
    [InlineData(CallType.Risk, new[] { 6, 7, 8 })]
    public void CanonicalDynamicWorkflow_Conforms_AndEveryBranchIsAPattern(CallType trigger, int[] patterns)
    {
        var workflow = WorkflowArbitraries.CanonicalDynamic(trigger, RoutineType.Procedure);
        Assert.True(ConformanceChecker.Check(workflow, RuleExamples.WithProfiles).IsEmpty);
        Assert.Equal(patterns, workflow.Patterns.Select(p => p.Number));
    }

    [Fact]
    public void Check_NullWorkflow_Throws() => Assert.Throws<ArgumentNullException>(() => ConformanceChecker.Check(null!));

    [Fact]
    public void Options_RejectNullAndBlankProfileIds()
    {
        Assert.Throws<ArgumentNullException>(() => new ConformanceOptions([null!]));
        var ex = Assert.Throws<ArgumentException>(() => new ConformanceOptions(["ok", " "]));
        Assert.Equal("knownProfileIds", ex.ParamName);
    }

    [Fact]
    public void Options_KeepProfilesSortedAndDefaultCatalogue()
    {
        var options = new ConformanceOptions(["b", "a", "b"]);
        Assert.Equal(new[] { "a", "b" }, options.KnownProfileIds!.AsEnumerable());
        Assert.Same(ProcessStepCatalogue.Default, options.Catalogue);
        Assert.Null(ConformanceOptions.Default.KnownProfileIds);
        Assert.Null(options.WithKnownProfileIds(null).KnownProfileIds);
    }

    [Fact]
    public void Profiles_AreNotCheckedWithoutAProfileList()
    {
        var example = ExampleFor("USM-RT-009");
        Assert.True(ConformanceChecker.Check(example.Violating).IsEmpty);
    }

    [Fact]
    public void IllegalHandOff_FindingNamesLocationProcessesAndAllowedTargets()
    {
        var report = ConformanceChecker.Check(ExampleFor("USM-WF-004").Violating);
        var finding = Assert.Single(report.Findings);
        var changeSteps = ProcessStepCatalogue.Default.StepsOf(UsmProcess.Change).Length;
        Assert.Equal(changeSteps, finding.StepIndex);
        Assert.Null(finding.BranchIndex);
        Assert.Equal($"steps[{changeSteps}]", finding.Path);
        Assert.Equal("r0", finding.SubjectId);
        Assert.Contains("Change hands off to Recover at trunk step 9 'r0' (Recover)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Operate only", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProfile_FindingNamesActivityAndProfile()
    {
        var example = ExampleFor("USM-RT-009");
        var finding = Assert.Single(ConformanceChecker.Check(example.Violating, example.Options).Findings);
        Assert.Equal("steps[0].activities[0]", finding.Path);
        Assert.Equal(0, finding.ActivityIndex);
        Assert.Contains("'ghost'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("trunk step 0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BranchFinding_NamesTheBranch()
    {
        var workflow = WorkflowArbitraries.CanonicalDynamic(CallType.Incident);
        var broken = workflow.WithBranches(Dynamicity.Dynamic, [workflow.Branches[0], new WorkflowBranch("stops early", [WorkflowArbitraries.Step("x", UsmProcess.Change, "change.accept", RoutineType.Process)])]);
        var finding = Assert.Single(ConformanceChecker.Check(broken).Findings);
        Assert.Equal("USM-WF-005", finding.RuleId);
        Assert.Equal(1, finding.BranchIndex);
        Assert.Equal("branches[1].steps[0]", finding.Path);
        Assert.Contains("branch 1 ('stops early')", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Recover → Change", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_AreOrderedWorkflowLevelFirstThenByLocationAndRule()
    {
        // Static with a branch (WF-006), wrong trigger (WF-002) and a nameless activity in a procedure (RT-004).
        var w5 = WorkflowArbitraries.Canonical(WorkflowPattern.W5, RoutineType.Procedure);
        var broken = w5.WithTrigger(CallType.Wish)
            .WithSteps(w5.Steps.SetItem(1, w5.Steps[1].WithActivities([new Activity("bare", "Bare")])))
            .WithBranches(Dynamicity.Static, [new WorkflowBranch("extra", [])]);
        var report = ConformanceChecker.Check(broken);
        Assert.Equal(new[] { "USM-WF-006", "USM-WF-002", "USM-RT-004" }, report.Findings.Select(f => f.RuleId));
    }
}
