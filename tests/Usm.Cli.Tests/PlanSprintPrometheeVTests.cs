using System.Text.Json;
using Usm.Cli.Inputs;
using Usm.Model.Prioritisation;

namespace Usm.Cli.Tests;

/// <summary><c>usm plan-sprint --selector promethee-v</c>: PROMETHEE V over the register's PROMETHEE II net flows.</summary>
public class PlanSprintPrometheeVTests
{
    private static string D(string name) => TestData.PathOf(name);

    private static JsonElement Section(string json, string titleStart)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("title").GetString()!.StartsWith(titleStart, StringComparison.Ordinal)).Clone();
    }

    private static string Plan(string json, string item) =>
        Section(json, "Plan").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("item").GetString() == item).GetProperty("value").ToString();

    private static void AssertUsageError(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("usm: ", StringComparison.Ordinal) && l.Contains(expected, StringComparison.Ordinal));
        Assert.Equal("Run 'usm --help' for usage.", lines[^1]);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("net-flow", PrometheeVValue.NetFlow)]
    [InlineData("shift-by-minimum", PrometheeVValue.ShiftByMinimum)]
    [InlineData("shift-by-one", PrometheeVValue.ShiftByOne)]
    public void SampleRegister_SelectsAsTheLibrary(string option, PrometheeVValue value)
    {
        var run = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "12", "--require-coverage", "--selector", "promethee-v", "--promethee-value", option, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);

        var register = Register.Load(D("register.csv"), NodaTime.SystemClock.Instance);
        var method = RankingMethod.Promethee([Criterion.Benefit("expected-value", 2), Criterion.Benefit("likelihood", 1), Criterion.Cost("effort", 1)]);
        var items = register.Candidates.Ids.Select(id => new PrometheeVItem(id, (int)register.Candidates[register.Candidates.IndexOf(id)].Effort, register.ResourcesOf(id))).ToList();
        var library = PrometheeV.Select(register.Candidates, method, items, new SprintSelectOptions(12, requireResourceCoverage: true), value);

        Assert.Equal(string.Join(", ", library.SelectedIds), Plan(run.Out, "selected"));
        Assert.Equal(library.Objective, double.Parse(Plan(run.Out, "objective"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(value.ToString(), Plan(run.Out, "value mapping"));
        Assert.Equal("yes", Plan(run.Out, "optimal"));
        Assert.Equal("required, met", Plan(run.Out, "coverage"));
        var rows = Section(run.Out, "Decisions").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(44, rows.Count);
        foreach (var row in rows)
        {
            var e = library.Explain(row.GetProperty("id").GetString()!);
            Assert.Equal(e.NetFlow, row.GetProperty("net flow").GetDouble());
            Assert.Equal(e.Rank, row.GetProperty("rank").GetInt32());
            Assert.Equal(e.Value, row.GetProperty("value").GetDouble());
            Assert.EndsWith(row.GetProperty("why").GetString()!, e.Summary, StringComparison.Ordinal);
            Assert.StartsWith(e.IsSelected ? "in: " : "out: ", row.GetProperty("why").GetString()!, StringComparison.Ordinal);
        }

        // Selected first, then by rank.
        var selected = rows.TakeWhile(r => r.GetProperty("decision").GetString() is "Chosen" or "MustInclude").Count();
        Assert.Equal(library.SelectedIds.Length, selected);
    }

    [Fact]
    public void CliDocsExample_IsTheRealOutput()
    {
        var doc = File.ReadAllText(RepositoryPaths.Combine("docs", "cli.md")).ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(doc, "$ usm plan-sprint register.csv --capacity 12 --require-coverage --selector promethee-v");
        Assert.True(start > 0, "docs/cli.md has no PROMETHEE V example");
        var end = Array.IndexOf(doc, "```", start);
        var run = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "12", "--require-coverage", "--selector", "promethee-v");
        Assert.True(run.ExitCode == 0, run.Error);
        var output = run.Out.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToHashSet(StringComparer.Ordinal);
        var shown = doc[(start + 1)..end].Where(l => l != "...").ToList();
        Assert.True(shown.Count > 10);
        foreach (var line in shown)
        {
            Assert.True(output.Contains(line.TrimEnd()), $"docs/cli.md shows a line the command does not print: {line}");
        }
    }

    [Fact]
    public void BothRegisterFormats_AndTwoRuns_GiveTheSamePlan()
    {
        string[] rest = ["--capacity", "15", "--selector", "promethee-v", "--format", "csv"];
        var csv = CliRunner.InProcess(["plan-sprint", D("register.csv"), .. rest]);
        var again = CliRunner.InProcess(["plan-sprint", D("register.csv"), .. rest]);
        var json = CliRunner.InProcess(["plan-sprint", D("risk-database.json"), .. rest]);
        Assert.True(csv.ExitCode == 0 && json.ExitCode == 0, csv.Error + json.Error);
        Assert.Equal(csv.Out, again.Out);
        Assert.Equal(csv.Out, json.Out);
        Assert.StartsWith("id,decision,net flow,rank,value,effort,why\r\n", csv.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MethodPromethee_IsAccepted_AndTheCriteriaOptionReachesTheFlows()
    {
        var plain = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "12", "--selector", "promethee-v", "--format", "csv");
        var named = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "12", "--selector", "promethee-v", "--method", "promethee", "--format", "csv");
        var other = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "12", "--selector", "promethee-v", "--criteria", "impact=1,cost:effort=3", "--format", "csv");
        Assert.True(named.ExitCode == 0 && other.ExitCode == 0, named.Error + other.Error);
        Assert.Equal(plain.Out, named.Out);
        Assert.NotEqual(plain.Out, other.Out);
    }

    [Fact]
    public void TheSearchCutShort_IsReportedAsNotProvenOptimal()
    {
        // A capacity this large puts the exact selector beyond its work budget (with coverage, 8 × n × C), so it falls back to greedy.
        var run = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "1000000000", "--require-coverage", "--selector", "promethee-v", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("not proven optimal", Plan(run.Out, "optimal"));
        Assert.Equal("Heuristic", Plan(run.Out, "status"));
        Assert.NotEmpty(Section(run.Out, "Reasons").GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public void MustIncludeBeyondCapacity_ExitOne_Infeasible()
    {
        var run = CliRunner.InProcess("plan-sprint", D("risk-database.json"), "--capacity", "5", "--must", "R-lop-01", "--selector", "promethee-v", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("usm: no feasible plan: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("Infeasible", Plan(run.Out, "status"));
    }

    [Fact]
    public void CsvCriterionWithoutAColumn_AndABadFlow_AreOneLineInputErrors()
    {
        var noColumn = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "5", "--selector", "promethee-v", "--criteria", "urgency=1");
        Assert.Equal(2, noColumn.ExitCode);
        Assert.Equal($"usm: {D("register.csv")}: PROMETHEE II reads 'urgency', but the register has no column for it (every risk would score 0); add the column or point the method elsewhere with --criteria.", noColumn.Error.Trim());
        var badWeight = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "5", "--selector", "promethee-v", "--criteria", "impact=-1");
        Assert.Equal(2, badWeight.ExitCode);
        Assert.StartsWith("usm: ", badWeight.Error, StringComparison.Ordinal);
        Assert.Single(badWeight.Error.Trim().Split('\n'));
    }

    [Fact]
    public void MustUnknownRisk_ExitTwo()
    {
        var run = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "5", "--must", "R-none", "--selector", "promethee-v");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--must: 'R-none' is not an open risk of", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--selector", "magic", "--selector 'magic': use score or promethee-v.")]
    [InlineData("--promethee-value", "net", "--promethee-value 'net': use net-flow, shift-by-minimum or shift-by-one.")]
    [InlineData("--method", "emv", "--selector promethee-v chooses by PROMETHEE net flows; --method emv cannot be used with it")]
    [InlineData("--document", "out.json", "--document is not offered with --selector promethee-v")]
    public void BadOptions_AreUsageErrors_NamingTheOption(string option, string value, string expected)
    {
        string[] selector = option == "--selector" ? [] : ["--selector", "promethee-v"];
        AssertUsageError(CliRunner.InProcess(["plan-sprint", D("register.csv"), "--capacity", "5", .. selector, option, value]), expected);
    }

    [Fact]
    public void ScoreSelector_IsTheDefault_AndUnchanged()
    {
        var byDefault = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "12", "--format", "csv");
        var named = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "12", "--selector", "score", "--promethee-value", "shift-by-one", "--format", "csv");
        Assert.Equal(0, byDefault.ExitCode);
        Assert.Equal(byDefault.Out, named.Out);
        Assert.StartsWith("id,decision,value,effort,value/effort,why\r\n", byDefault.Out, StringComparison.Ordinal);
    }
}
