using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Usm.Model;
using Usm.Model.Improvement;
using Usm.Model.Improvement.Simulation;

namespace Usm.Cli.Tests;

/// <summary><c>usm simulate</c>: pinned output on the sample register, determinism, the CSV mapping, bad options and hostile inputs.</summary>
public partial class SimulateCommandTests
{
    private static string D(string name) => TestData.PathOf(name);

    private const string Identity = "id,title,polarity,category,resources,origin-kind,origin-person-id";

    /// <summary>A register CSV with the identity columns, then <paramref name="extra"/> columns; each row is "polarity,cells".</summary>
    private static string Register(string extra, params string[] rows)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("usm-cli-").FullName, "r.csv");
        var text = new StringBuilder(Identity + "," + extra + "\n");
        for (var i = 0; i < rows.Length; i++)
        {
            var comma = rows[i].IndexOf(',', StringComparison.Ordinal);
            text.Append(CultureInfo.InvariantCulture, $"R-{i + 1},T{i + 1},{rows[i][..comma]},c,people,reported-by-person,p1{rows[i][comma..]}\n");
        }

        File.WriteAllText(file, text.ToString());
        return file;
    }

    private static JsonElement Section(string json, string titleStart)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("title").GetString()!.StartsWith(titleStart, StringComparison.Ordinal)).Clone();
    }

    private static JsonElement Row(JsonElement table, string scope, string? id = null) =>
        table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("scope").GetString() == scope
            && (id is null || r.GetProperty("id").GetString() == id));

    private static double Fact(string json, string item) =>
        Section(json, "Portfolio").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("item").GetString() == item).GetProperty("value").GetDouble();

    private static void AssertUsageError(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("usm: ", StringComparison.Ordinal) && l.Contains(expected, StringComparison.Ordinal));
        Assert.Equal("Run 'usm --help' for usage.", lines[^1]);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    private static void AssertInputError(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("usm: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    // Pinned output

    [Theory]
    [InlineData("table", "txt")]
    [InlineData("json", "json")]
    [InlineData("csv", "csv")]
    [InlineData("markdown", "md")]
    public void SampleRegister_Output_IsPinned(string format, string extension)
    {
        var run = CliRunner.InProcess("simulate", D("register.csv"), "--iterations", "2000", "--seed", "7", "--threshold", "0", "--threshold", "500000", "--format", format);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(string.Empty, run.Error);
        // The title names the file as given; pin it with the name the docs use. The table format's title rule is drawn to
        // the console width around the full path, so its length depends on where the repository is checked out: drop
        // the rule's tail before comparing.
        var output = TitleRuleTail().Replace(run.Out.Replace(D("register.csv"), "register.csv", StringComparison.Ordinal), string.Empty);
        var path = Path.Combine(TestData.Folder, "expected", "simulate-register." + extension);
        if (Environment.GetEnvironmentVariable("USM_UPDATE_DATA") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, output);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with USM_UPDATE_DATA=1.");
        Assert.True(output == File.ReadAllText(path), $"{path} differs from the output; run the tests with USM_UPDATE_DATA=1 if the change is deliberate.");
    }

    [Fact]
    public void CliDocsExample_IsTheRealOutput()
    {
        var doc = File.ReadAllText(RepositoryPaths.Combine("docs", "cli.md")).ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(doc, "$ usm simulate register.csv --iterations 2000 --seed 7 --threshold 500000");
        var end = Array.IndexOf(doc, "$ usm simulate register.csv --seed -1");
        Assert.True(start > 0 && end > start, "docs/cli.md has no simulate example");
        var run = CliRunner.InProcess("simulate", D("register.csv"), "--iterations", "2000", "--seed", "7", "--threshold", "500000");
        Assert.True(run.ExitCode == 0, run.Error);
        var output = run.Out.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToHashSet(StringComparer.Ordinal);
        var shown = doc[(start + 1)..end].Where(l => l != "..." && !l.StartsWith("──", StringComparison.Ordinal)).ToList();
        Assert.True(shown.Count > 10);
        foreach (var line in shown)
        {
            Assert.True(output.Contains(line.TrimEnd()), $"docs/cli.md shows a line the command does not print: {line}");
        }

        var error = CliRunner.InProcess("simulate", D("register.csv"), "--seed", "-1");
        Assert.Equal(string.Join("\n", doc[(end + 1)..(end + 3)]), error.Error.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void CliDocsThreatsExample_IsTheRealOutput()
    {
        var doc = File.ReadAllText(RepositoryPaths.Combine("docs", "cli.md")).ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(doc, "$ usm simulate simulate-threats.csv --threshold 10000 --format markdown");
        Assert.True(start > 0, "docs/cli.md has no threats example");
        var end = Array.IndexOf(doc, "```", start);
        var run = CliRunner.InProcess("simulate", D("simulate-threats.csv"), "--threshold", "10000", "--format", "markdown");
        Assert.True(run.ExitCode == 0, run.Error);
        var output = run.Out.ReplaceLineEndings("\n").Split('\n').ToHashSet(StringComparer.Ordinal);
        var shown = doc[(start + 1)..end].Where(l => l != "...").ToList();
        Assert.Equal(9, shown.Count);
        Assert.All(shown, line => Assert.Contains(line, output));
    }

    [Fact]
    public void SampleRegister_Json_MatchesTheLibrary_AndTheModel()
    {
        var run = CliRunner.InProcess("simulate", D("risk-database.json"), "--iterations", "3000", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var table = Section(run.Out, "Simulated values");
        var net = Row(table, "net");
        // The demo's 44 open risks are opportunities with single amounts: the exact expected value is their exposure.
        var database = Usm.Model.Serialization.UsmJson.ReadRiskDatabase(File.ReadAllText(D("risk-database.json")), NodaTime.SystemClock.Instance).Value;
        Assert.Equal(database.Exposure, net.GetProperty("expected value").GetDouble(), 6);
        var library = RiskSimulation.Run(database, new RiskSimulationOptions(iterations: 3000));
        Assert.Equal(library.Net.Mean, net.GetProperty("mean").GetDouble());
        Assert.Equal(library.Percentile(0.95), net.GetProperty("P95").GetDouble());
        Assert.Equal(library.Net.StandardDeviation, net.GetProperty("standard deviation").GetDouble());
        Assert.Equal(library.ModelStandardDeviation, Fact(run.Out, "model standard deviation (exact)"));
        Assert.Equal(library["R-lop-01"].OccurrenceShare, Row(table, "opportunity", "R-lop-01").GetProperty("occurrence share").GetDouble());
        // The mean converges to the expected value: within five standard errors.
        Assert.InRange(net.GetProperty("mean").GetDouble(), database.Exposure - (5 * library.Net.StandardError), database.Exposure + (5 * library.Net.StandardError));
        Assert.Equal(0, Row(table, "threats").GetProperty("mean").GetDouble());
        Assert.Equal(library.Explanation, Assert.Single(Section(run.Out, "Explanation").GetProperty("lines").EnumerateArray()).GetString());
        // Risks by share of the variance, largest first.
        var shares = table.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("scope").GetString() == "opportunity").Select(r => r.GetProperty("variance share").GetDouble()).ToList();
        Assert.Equal(44, shares.Count);
        Assert.Equal(shares.OrderByDescending(s => s), shares);
    }

    [Fact]
    public void BothRegisterFormats_GiveTheSameSimulation()
    {
        var json = CliRunner.InProcess("simulate", D("risk-database.json"), "--iterations", "1000", "--format", "csv");
        var csv = CliRunner.InProcess("simulate", D("register.csv"), "--iterations", "1000", "--format", "csv");
        Assert.True(json.ExitCode == 0 && csv.ExitCode == 0, json.Error + csv.Error);
        Assert.Equal(json.Out, csv.Out);
    }

    [Fact]
    public void NegativeZeroThreshold_IsTheThresholdZero()
    {
        // "-0" parses as the double -0, which equals 0 but prints as "-0"; it is one threshold with 0, shown as 0.
        var run = CliRunner.InProcess("simulate", D("simulate-threats.csv"), "--iterations", "100", "--threshold", "-0", "--threshold", "0", "--format", "csv");
        var table = CliRunner.InProcess("simulate", D("simulate-threats.csv"), "--iterations", "100", "--threshold", "-0", "--threshold", "0", "--format", "markdown");
        Assert.True(run.ExitCode == 0 && table.ExitCode == 0, run.Error + table.Error);
        Assert.Contains("| probability of a net loss above 0 |", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("above -0", table.Out, StringComparison.Ordinal);
    }

    // Determinism

    [Fact]
    public void TwoRuns_AreByteIdentical_InProcessAndAsAProcess()
    {
        string[] args = ["simulate", D("register.csv"), "--iterations", "1500", "--threshold", "400000"];
        var first = CliRunner.InProcess(args);
        var second = CliRunner.InProcess(args);
        var process = CliRunner.Process(args);
        Assert.True(first.ExitCode == 0 && process.ExitCode == 0, first.Error + process.Error);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(first.Out, process.Out);
    }

    [Fact]
    public void Seed_ChangesTheOutput_AndTheDefaultIs2000()
    {
        var byDefault = CliRunner.InProcess("simulate", D("register.csv"), "--iterations", "1000", "--format", "json");
        var explicitDefault = CliRunner.InProcess("simulate", D("register.csv"), "--iterations", "1000", "--seed", "2000", "--format", "json");
        var other = CliRunner.InProcess("simulate", D("register.csv"), "--iterations", "1000", "--seed", "2001", "--format", "json");
        var largest = CliRunner.InProcess("simulate", D("register.csv"), "--iterations", "1000", "--seed", ulong.MaxValue.ToString(CultureInfo.InvariantCulture), "--format", "json");
        Assert.True(largest.ExitCode == 0, largest.Error);
        Assert.Equal(byDefault.Out, explicitDefault.Out);
        Assert.Contains("seed 2000", byDefault.Out, StringComparison.Ordinal);
        Assert.NotEqual(Row(Section(byDefault.Out, "Simulated values"), "net").GetProperty("mean").GetDouble(), Row(Section(other.Out, "Simulated values"), "net").GetProperty("mean").GetDouble());
        Assert.Contains("seed 18446744073709551615", largest.Out, StringComparison.Ordinal);
    }

    // The CSV mapping, threats, thresholds, skipped risks

    [Fact]
    public void CsvRegister_ThreePointAndSingleAmounts_AreSimulatedAsTheLibraryDoes()
    {
        var file = Register(
            "status,inherent-effect,inherent-likelihood,probability,impact,impact-minimum,impact-most-likely,impact-maximum",
            "threat,identified,2,1,0.3,,2000,5000,40000",
            "threat,classified,1,1,0.1,25000,,,",
            "opportunity,,0,3,0.7,,3000,6000,8000",
            "threat,,,,,,,,",
            "threat,closed,1,1,0.5,1000,,,");
        var run = CliRunner.InProcess("simulate", file, "--iterations", "4000", "--seed", "11", "--threshold", "10000", "--threshold", "0", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);

        static Risk Risk(string id, RiskPolarity polarity, QuantitativeEstimate? estimate)
        {
            var risk = new Risk(id, "T", "", polarity, RiskOrigin.ReportedBy("p1"), [Resource.People], "c");
            return estimate is null ? risk : risk.Apply(new ClassifyRisk(new RiskAssessment(0, 0, estimate)));
        }

        var library = RiskSimulation.Run(
            [
                Risk("R-1", RiskPolarity.Threat, QuantitativeEstimate.FromThreePoint(2000, 5000, 40000, 0.3)),
                Risk("R-2", RiskPolarity.Threat, QuantitativeEstimate.FromProbabilityAndImpact(0.1, 25000)),
                Risk("R-3", RiskPolarity.Opportunity, QuantitativeEstimate.FromThreePoint(3000, 6000, 8000, 0.7)),
                Risk("R-4", RiskPolarity.Threat, null),
            ],
            new RiskSimulationOptions(iterations: 4000, seed: 11));
        var table = Section(run.Out, "Simulated values");
        Assert.Equal(library.Net.Mean, Row(table, "net").GetProperty("mean").GetDouble());
        Assert.Equal(library.Threats.Percentile(0.05), Row(table, "threats").GetProperty("P5").GetDouble());
        Assert.Equal(library.Opportunities.Mean, Row(table, "opportunities").GetProperty("mean").GetDouble());
        Assert.Equal(library["R-1"].VarianceShare, Row(table, "threat", "R-1").GetProperty("variance share").GetDouble());
        Assert.Equal(library.ProbabilityOfLossGreaterThan(10000), Fact(run.Out, "probability of a net loss above 10000"));
        Assert.Equal(library.ProbabilityBelow(0), Fact(run.Out, "probability of a net loss (below 0)"));
        Assert.Equal(library.ProbabilityOfLossGreaterThan(0), Fact(run.Out, "probability of a net loss above 0"));
        Assert.True(library.ProbabilityOfLossGreaterThan(10000) > 0);
        Row(table, "skipped: no estimate", "R-4");
        Row(table, "skipped: not open", "R-5");
        Assert.Equal(1, Fact(run.Out, "skipped: no estimate"));
        Assert.Equal(1, Fact(run.Out, "skipped: not open"));
        Assert.Equal(3, Fact(run.Out, "risks simulated"));
    }

    [Fact]
    public void Residual_OnADatabaseWithoutResidualEstimates_DrawsTheInherentOnes_AndOnCsvSaysSo()
    {
        var inherent = CliRunner.InProcess("simulate", D("risk-database.json"), "--iterations", "800", "--format", "csv");
        var residual = CliRunner.InProcess("simulate", D("risk-database.json"), "--iterations", "800", "--residual", "--format", "csv");
        Assert.True(residual.ExitCode == 0, residual.Error);
        Assert.Equal(inherent.Out, residual.Out);
        var csv = CliRunner.InProcess("simulate", D("register.csv"), "--iterations", "800", "--residual", "--format", "markdown");
        Assert.Contains("residual estimates", csv.Out, StringComparison.Ordinal);
        Assert.Contains("A CSV register holds no residual estimates, so --residual draws every risk from its inherent estimate.", csv.Out, StringComparison.Ordinal);
    }

    // Bad options: each one is a usage error naming the option

    [Theory]
    [InlineData("--iterations", "0", "--iterations 0: use a whole number from 1 to 1000000.")]
    [InlineData("--iterations", "1000001", "--iterations 1000001: use a whole number from 1 to 1000000.")]
    [InlineData("--iterations", "99999999999", "--iterations '99999999999': expected a whole number.")]
    [InlineData("--iterations", "1e3", "--iterations '1e3': expected a whole number.")]
    [InlineData("--seed", "-1", "--seed '-1': use a whole number from 0 to 18446744073709551615.")]
    [InlineData("--seed", "1.5", "--seed '1.5': use a whole number from 0 to 18446744073709551615.")]
    [InlineData("--seed", "18446744073709551616", "--seed '18446744073709551616': use a whole number from 0 to 18446744073709551615.")]
    [InlineData("--seed", "abc", "--seed 'abc': use a whole number")]
    [InlineData("--missing", "ignore", "--missing 'ignore': use skip or refuse.")]
    [InlineData("--threshold", "-5", "--threshold '-5': use a loss amount, a number of 0 or more")]
    [InlineData("--threshold", "NaN", "--threshold 'NaN': use a loss amount")]
    [InlineData("--threshold", "Infinity", "--threshold 'Infinity': use a loss amount")]
    [InlineData("--threshold", "1,5", "--threshold '1,5': use a loss amount")]
    public void BadOption_IsAUsageError_NamingIt(string option, string value, string expected)
    {
        AssertUsageError(CliRunner.InProcess("simulate", D("register.csv"), option, value), expected);
    }

    // Hostile inputs: one line, exit 2

    [Fact]
    public void RegisterWithoutEstimates_ExitTwo_OneLine()
    {
        var file = Register("effort", "threat,2", "opportunity,3");
        AssertInputError(CliRunner.InProcess("simulate", file), $"{file}: none of the 2 open risks has a quantitative estimate (a CSV register gives one in the columns probability and impact, or impact-minimum, impact-most-likely, impact-maximum), so there is nothing to simulate.");
    }

    [Fact]
    public void DatabaseWithoutEstimates_ExitTwo_OneLine()
    {
        var clock = new FixedClock(NodaTime.Instant.FromUtc(2026, 3, 9, 9, 0));
        static Risk Risk(string id) => new(id, "T " + id, "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p1"), [Resource.People], "c");
        var folder = Directory.CreateTempSubdirectory("usm-cli-").FullName;
        var bare = Path.Combine(folder, "bare.json");
        var unassessed = new RiskDatabase(clock).Register(Risk("R-1"), "p1").Register(Risk("R-2"), "p1").Apply("R-2", new ClassifyRisk(new RiskAssessment(1, 1)), "p1");
        File.WriteAllText(bare, Usm.Model.Serialization.UsmJson.WriteRiskDatabase(unassessed));
        AssertInputError(CliRunner.InProcess("simulate", bare), $"{bare}: none of the 2 open risks has a quantitative estimate (its assessment has no estimate), so there is nothing to simulate.");
        AssertInputError(CliRunner.InProcess("simulate", bare, "--missing", "refuse"), $"{bare}: --missing refuse: risk 'R-1' has no quantitative estimate (its assessment has no estimate); give it one, or leave it out with --missing skip.");
    }

    [Fact]
    public void MissingRefuse_NamesTheFirstRiskWithoutAnEstimate()
    {
        var file = Register("probability,impact", "threat,0.5,100", "threat,,", "threat,,");
        AssertInputError(CliRunner.InProcess("simulate", file, "--missing", "refuse"), "--missing refuse: risk 'R-2' has no quantitative estimate");
        var skipped = CliRunner.InProcess("simulate", file, "--missing", "skip", "--iterations", "100");
        Assert.True(skipped.ExitCode == 0, skipped.Error);
    }

    [Theory]
    [InlineData("probability,impact", "threat,0.5,1e308", "($[0].impact): An impact amount must be from 0 to 1E+15")]
    [InlineData("probability,impact", "threat,1.5,100", "($[0].probability):")]
    [InlineData("probability,impact", "threat,0.5,", "($[0].impact): The cell is empty, but an estimate needs both probability and impact")]
    [InlineData("impact", "threat,100", "$[0].probability: The column 'probability' is missing")]
    [InlineData("probability,impact-minimum,impact-most-likely,impact-maximum", "threat,0.5,10,,30", "($[0].impact-most-likely): The cell is empty, but a three-point impact needs all of")]
    [InlineData("probability,impact-minimum,impact-most-likely,impact-maximum", "threat,0.5,10,40,30", "($[0].impact-maximum): The maximum impact 30 is below the most likely 40.")]
    [InlineData("probability,impact-minimum,impact-most-likely,impact-maximum", "threat,0.5,-1,4,30", "($[0].impact-minimum): An impact amount must be from 0")]
    [InlineData("probability,impact,inherent-effect", "threat,0.5,10,1.5", "($[0].inherent-effect): '1.5' is not a level")]
    public void HostileEstimateCells_ExitTwo_OneLineNamingTheCell(string columns, string row, string expected)
    {
        var file = Register(columns, row);
        AssertInputError(CliRunner.InProcess("simulate", file), expected);
    }

    [Fact]
    public void HugeAmounts_AtTheLibrarysLimit_AreSimulated()
    {
        var file = Register("probability,impact", "threat,1,1e15", "threat,1,1e15", "opportunity,0.5,1e15");
        var run = CliRunner.InProcess("simulate", file, "--iterations", "50", "--threshold", "1e308", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(-1.5e15, Row(Section(run.Out, "Simulated values"), "net").GetProperty("expected value").GetDouble());
        Assert.Equal(0, Fact(run.Out, "probability of a net loss above 1E+308"));
    }

    [Fact]
    public void MissingAndMalformedFiles_ExitTwo()
    {
        var gone = CliRunner.InProcess("simulate", "gone.csv");
        Assert.Equal(2, gone.ExitCode);
        Assert.Equal("usm: gone.csv: file not found.", gone.Error.Trim());
        var malformed = CliRunner.InProcess("simulate", D("malformed.json"));
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains(": line 5, column 1 ", malformed.Error, StringComparison.Ordinal);
    }

    /// <summary>The run of rule characters (and spaces) that ends the table format's first line.</summary>
    [GeneratedRegex(@"(?<=\A[^\n]*?) ─+ *(?=\r?\n)")]
    private static partial Regex TitleRuleTail();
}
