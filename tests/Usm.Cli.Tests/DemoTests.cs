using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace Usm.Cli.Tests;

/// <summary>The demo runs the whole USM loop on the sample organisation.</summary>
public class DemoTests
{
    [Fact]
    public void Demo_ShowsAllSixSteps_InOrder()
    {
        var run = CliRunner.InProcess("demo");
        Assert.True(run.ExitCode == 0, run.Error);
        var at = 0;
        foreach (var heading in new[] { "1. The service management system", "2. Readiness: the 10 prerequisites", "3. Baseline scan", "4. Scan gaps registered as improvement risks", "5. Prioritised two ways", "6. The next improvement sprint" })
        {
            var found = run.Out.IndexOf(heading, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{heading}' missing or out of order");
            at = found;
        }

        Assert.Contains("Spearman's rho", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Json_NumbersMatchTheModel()
    {
        var run = CliRunner.InProcess("demo", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var sections = doc.RootElement.GetProperty("sections").EnumerateArray().ToList();
        var sprint = sections.Single(s => s.GetProperty("title").GetString()!.StartsWith("6.", StringComparison.Ordinal));
        var chosen = sprint.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("decision").GetString() == "Chosen").ToList();
        Assert.NotEmpty(chosen);
        Assert.True(chosen.Sum(r => r.GetProperty("effort").GetInt32()) <= Demo.DemoScenario.SprintCapacity);

        var scenario = Demo.DemoScenario.Run();
        Assert.Equal(scenario.Selection.SelectedIds.Order(StringComparer.Ordinal), chosen.Select(r => r.GetProperty("risk").GetString()!).Order(StringComparer.Ordinal));
        Assert.Empty(scenario.SystemFindings.Findings);
        Assert.True(scenario.Selection.IsOptimal);
        Assert.True(scenario.Selection.IsCoverageMet);
    }

    [Fact]
    public void Demo_IsDeterministic()
    {
        Assert.Equal(CliRunner.InProcess("demo", "--format", "json").Out, CliRunner.InProcess("demo", "--format", "json").Out);
    }

    [Fact]
    public void Demo_Out_WritesArtefacts_ThatMatchTheModel()
    {
        var folder = Path.Combine(Path.GetTempPath(), "usm-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRunner.InProcess("demo", "--out", folder, "--format", "markdown");
            Assert.True(run.ExitCode == 0, run.Error);
            foreach (var name in new[] { "report.md", "report.json", "risks.csv", "heatmap.svg", "burnup.svg", "system.json", "risk-database.json", "register.csv" })
            {
                Assert.True(File.Exists(Path.Combine(folder, name)), name + " not written");
            }

            var scenario = Demo.DemoScenario.Run();
            var svg = XDocument.Load(Path.Combine(folder, "heatmap.svg"));
            var counts = svg.Descendants().Select(e => e.Attribute("data-cell")?.Value).OfType<string>().Sum(v => int.Parse(v.Split('|')[2], CultureInfo.InvariantCulture));
            Assert.Equal(scenario.Database.OpenCount, counts);
            XDocument.Load(Path.Combine(folder, "burnup.svg"));

            var csv = File.ReadAllLines(Path.Combine(folder, "risks.csv"));
            Assert.Equal(scenario.Database.Count + 1, csv.Length); // header + one row per risk
            Assert.StartsWith("risk,title,", csv[0], StringComparison.Ordinal);

            // The library-format artefacts read back with no errors and hold the demo's data.
            var system = Usm.Model.Serialization.UsmJson.ReadManagementSystem(File.ReadAllText(Path.Combine(folder, "system.json")));
            Assert.True(system.IsSuccess, system.ToString());
            Assert.Equal(scenario.System.Name, system.Value.Name);
            var database = Usm.Model.Serialization.UsmJson.ReadRiskDatabase(File.ReadAllText(Path.Combine(folder, "risk-database.json")), NodaTime.SystemClock.Instance);
            Assert.True(database.IsSuccess, database.ToString());
            Assert.Equal(scenario.Database.Count, database.Value.Count);
            var register = Usm.Model.Serialization.RiskRegisterCsv.Import(File.ReadAllText(Path.Combine(folder, "register.csv")));
            Assert.True(register.IsSuccess, register.ToString());
            Assert.Equal(scenario.Database.Risks.Select(r => r.Id).Order(StringComparer.Ordinal), register.Value.Select(r => r.Id));

            // The register carries the analysis columns, so the other commands rank it as they rank the database: an
            // EMV ranking of the CSV equals the database's, and its scores are not all zero.
            Assert.Equal(File.ReadAllText(TestData.PathOf("register.csv")), File.ReadAllText(Path.Combine(folder, "register.csv")));
            var fromCsv = CliRunner.InProcess("prioritise", Path.Combine(folder, "register.csv"), "--method", "emv", "--format", "csv");
            var fromJson = CliRunner.InProcess("prioritise", Path.Combine(folder, "risk-database.json"), "--method", "emv", "--format", "csv");
            Assert.True(fromCsv.ExitCode == 0, fromCsv.Error);
            Assert.Equal(RankedIdsAndScores(fromJson.Out), RankedIdsAndScores(fromCsv.Out));
            Assert.Contains(RankedIdsAndScores(fromCsv.Out), row => row.Score != "0");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static List<(string Id, string Score)> RankedIdsAndScores(string csv) =>
        [.. Usm.Model.Serialization.UsmCsv.ReadTable(csv).Value.Rows.Select(cells => (cells[1], cells[2]))];

    [Fact]
    public void Demo_Out_ToAnUnwritablePlace_IsAUserError()
    {
        var file = Path.GetTempFileName(); // a file where a folder is expected
        try
        {
            var run = CliRunner.InProcess("demo", "--out", Path.Combine(file, "sub"));
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("usm: ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public class DemoSvgTests
{
    [Fact]
    public void Demo_Svg_WritesOnlyThePictures_AndTheirNumbersMatchTheModel()
    {
        var folder = Path.Combine(Path.GetTempPath(), "usm-svg-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRunner.InProcess("demo", "--svg", folder, "--format", "json");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(["burnup.svg", "heatmap.svg"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            var scenario = Demo.DemoScenario.Run();
            var heat = System.Xml.Linq.XDocument.Load(Path.Combine(folder, "heatmap.svg"));
            var cells = heat.Descendants().Select(e => e.Attribute("data-cell")?.Value).OfType<string>().ToList();
            Assert.Equal(scenario.Matrix.EffectScale.Count * scenario.Matrix.LikelihoodScale.Count, cells.Count);
            Assert.Equal(scenario.Database.OpenCount, cells.Sum(v => int.Parse(v.Split('|')[2], System.Globalization.CultureInfo.InvariantCulture)));

            var burn = System.Xml.Linq.XDocument.Load(Path.Combine(folder, "burnup.svg"));
            var planned = burn.Descendants().Select(e => e.Attribute("data-series")?.Value).OfType<string>().Single(v => v.StartsWith("planned ", StringComparison.Ordinal));
            Assert.Equal("planned " + scenario.Programme.Sprint(1).PlannedEffort.ToString(System.Globalization.CultureInfo.InvariantCulture), planned);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
