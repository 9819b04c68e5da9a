using System.Globalization;
using Usm.Cli.Inputs;
using Usm.Cli.Output;
using Usm.Cli.Svg;
using Usm.Model.Serialization;
using Usm.Model.Prioritisation;

namespace Usm.Cli.Demo;

/// <summary>The demo's artefacts for <c>usm demo --out DIR</c> and <c>--svg DIR</c>.</summary>
internal static class DemoArtefacts
{
    /// <summary>
    /// Adds every artefact to <paramref name="files"/> (written together when the caller commits them) and returns
    /// their names.
    /// </summary>
    public static IReadOnlyList<string> Add(OutputFiles files, string folder, DemoScenario s, Report report)
    {
        var names = new List<string>();
        void Put(string name, string text)
        {
            files.Add(Path.Combine(folder, name), text);
            names.Add(name);
        }

        Put("report.md", ReportRenderer.ToMarkdown(report));
        Put("report.json", ReportRenderer.ToJson(report));
        Put("risks.csv", ReportRenderer.ToCsv(report));
        names.AddRange(AddSvg(files, folder, s));
        // The library's own interchange formats, so that the other commands can be tried on the demo's data.
        Put("system.json", UsmJson.WriteManagementSystem(s.System));
        Put("risk-database.json", UsmJson.WriteRiskDatabase(s.Database));
        Put("register.csv", RegisterCsv(s));
        return names;
    }

    /// <summary>
    /// The demo's risk register as CSV (<see cref="RiskRegisterCsv.Export"/>) plus the three analysis columns that
    /// <c>usm prioritise</c> and <c>usm plan-sprint</c> read: <c>effort</c>, <c>probability</c> and <c>impact</c> (its
    /// size) of each risk's inherent estimate, 0 where a risk has none.
    /// </summary>
    public static string RegisterCsv(DemoScenario s)
    {
        var table = UsmCsv.ReadTable(RiskRegisterCsv.Export(s.Database.Risks)).Value;
        var byId = s.Database.Risks.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rows = table.Rows.Select(row =>
        {
            var risk = byId[row[0]];
            var estimate = risk.Inherent?.Estimate;
            return row.Concat(
            [
                (risk.Effort ?? 0).ToString(CultureInfo.InvariantCulture),
                (estimate?.Probability ?? 0).ToString("R", CultureInfo.InvariantCulture),
                Math.Abs(estimate?.Impact ?? 0).ToString("R", CultureInfo.InvariantCulture),
            ]);
        });
        return UsmCsv.WriteTable(new CsvTable([.. table.Header, Register.EffortCriterion, RiskCandidates.Probability, RiskCandidates.Impact], rows));
    }

    /// <summary>Adds only the pictures (<c>usm demo --svg DIR</c>): the heat map and the sprint burn-up.</summary>
    public static IReadOnlyList<string> AddSvg(OutputFiles files, string folder, DemoScenario s)
    {
        files.Add(Path.Combine(folder, "heatmap.svg"), ModelCharts.HeatMap(s.Database, s.Matrix, $"{s.System.Name}: open improvement risks"));
        files.Add(Path.Combine(folder, "burnup.svg"), ModelCharts.BurnUp(s.Programme, s.Database, $"{s.Programme.Name}: sprint burn-up"));
        return ["heatmap.svg", "burnup.svg"];
    }
}
