using Usm.Cli.Output;
using Usm.Cli.Svg;
using Usm.Model.Serialization;

namespace Usm.Cli.Demo;

/// <summary>Writes the demo's artefacts for <c>usm demo --out DIR</c>.</summary>
internal static class DemoArtefacts
{
    public static IReadOnlyList<string> Write(string folder, DemoScenario s, Report report)
    {
        var written = new List<string>();
        void Put(string name, string text)
        {
            Files.WriteAllText(Path.Combine(folder, name), text);
            written.Add(name);
        }

        Put("report.md", ReportRenderer.ToMarkdown(report));
        Put("report.json", ReportRenderer.ToJson(report));
        Put("risks.csv", ReportRenderer.ToCsv(report));
        Put("heatmap.svg", ModelCharts.HeatMap(s.Database, s.Matrix, $"{s.System.Name}: open improvement risks"));
        Put("burnup.svg", ModelCharts.BurnUp(s.Programme, s.Database, $"{s.Programme.Name}: sprint burn-up"));
        // The library's own interchange formats, so that the other commands can be tried on the demo's data.
        Put("system.json", UsmJson.WriteManagementSystem(s.System));
        Put("risk-database.json", UsmJson.WriteRiskDatabase(s.Database));
        Put("register.csv", RiskRegisterCsv.Export(s.Database.Risks));
        return written;
    }
}
