using System.Text.RegularExpressions;
using Usm.Model.Conformance;
using Usm.Model.Routines;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Conformance;

/// <summary>Keeps docs/conformance-rules.md in step with the code.</summary>
public partial class ConformanceDocsTests
{
    [GeneratedRegex(@"^\|\s*(USM-(?:WF|RT)-\d{3})\s*\|\s*(\w+)\s*\|\s*(\w+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex RuleRow();

    [Fact]
    public void RuleTable_AgreesWithTheCheckersRules()
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("docs", "conformance-rules.md"));
        var documented = RuleRow().Matches(text).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}").ToList();
        var actual = ConformanceChecker.Rules.Select(r => $"{r.Id} {r.Severity} {r.Source.ToString().ToUpperInvariant()}").ToList();
        Assert.Equal(actual, documented);
    }

    // The example in docs/conformance-rules.md, verbatim apart from the console output.
    [Fact]
    public void DocsExample_ReportsTheDocumentedWarning()
    {
        var raci = new[]
        {
            new Responsibility("coordinator", RaciRoles.Accountable),
            new Responsibility("operator", RaciRoles.Responsible),
        };
        var workflow = new Workflow("password-reset", "Password reset", CallType.ServiceRequest, RoutineType.Procedure,
        [
            new WorkflowStep("accept", UsmProcess.Operate, "Accept", [new Activity("register", "Register the call", raci)], "operate.accept"),
            new WorkflowStep("execute", UsmProcess.Operate, "Reset", [new Activity("reset", "Reset the password", raci)], "operate.execute"),
            new WorkflowStep("classify", UsmProcess.Operate, "Classify", [new Activity("prioritise", "Prioritise", raci)], "operate.classify"),
        ]);

        var report = ConformanceChecker.Check(workflow, new ConformanceOptions(["coordinator", "operator"]));
        Assert.Equal(
            "Warning USM-WF-010 at steps[2]: trunk step 2 'classify' (Operate) implements 'operate.classify' (catalogue position 2) after 'operate.execute' (position 4) in the same Operate block.",
            report.ToString());
        Assert.True(report.IsConforming);
    }
}
