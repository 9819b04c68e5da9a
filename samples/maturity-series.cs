#:project ../src/Usm.Model/Usm.Model.csproj
// Value Maturity over a series of scans: the sample organisation's baseline, interim and follow-up scans are scored
// as one ScanSeries; the script prints the overall score and the Value Maturity level of each scan, then the trend of
// every instrument area from the baseline to the latest scan.
// Run from the repository root: dotnet run samples/maturity-series.cs
using System.Globalization;
using Usm.Model.Assessment;

var series = ScanSeries.Of(SampleScans.All);
string Percent(double? score) => score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-";

Console.WriteLine($"Instrument: {series.Instrument.Name} ({series.Results.Length} scans)");
Console.WriteLine();
Console.WriteLine($"{"scan",-28} {"date",-10} {"overall %",9}  Value Maturity level");
foreach (var result in series.Results)
{
    var maturity = ValueMaturityAssessment.Of(result);
    var level = maturity.Level?.ToString() ?? "none";
    var date = result.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    Console.WriteLine($"{result.ScanId,-28} {date,-10} {Percent(result.Overall),9}  {level} (next: {maturity.NextLevel?.ToString() ?? "-"})");
}

Console.WriteLine();
Console.WriteLine("Per-area trend (score %, first to last scan):");
foreach (var area in series.Instrument.Areas)
{
    var trend = series.AreaTrend(area.Id);
    var points = string.Join(" -> ", trend.Select(p => Percent(p.Score)));
    var change = trend[^1].Score - trend[0].Score;
    var delta = change is { } d ? d.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "-";
    Console.WriteLine($"{area.Id,-14} {points,-28} change {delta}");
}

var progress = series.ProgressSinceBaseline();
Console.WriteLine();
var overallChange = progress.To.Overall - progress.From.Overall;
Console.WriteLine($"Overall since baseline: {Percent(progress.From.Overall)} -> {Percent(progress.To.Overall)} ({overallChange?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "-"} points)");
