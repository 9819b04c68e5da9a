using System.Text.Json;
using Usm.Model.Assessment;

namespace Usm.Cli.Tests;

/// <summary><c>usm scan compare</c> on the sample organisation's baseline and interim scans.</summary>
public class ScanCommandTests
{
    [Fact]
    public void ScanCompare_Json_MatchesTheLibrarysComparison()
    {
        var run = CliRunner.InProcess("scan", "compare", TestData.PathOf("scan-baseline.json"), TestData.PathOf("scan-interim.json"), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var expected = ScanComparison.Compare(SampleScans.Baseline, SampleScans.Interim);
        using var doc = JsonDocument.Parse(run.Out);
        var areas = doc.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("title").GetString() == "Areas").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(expected.Areas.Length, areas.Count);
        for (var i = 0; i < areas.Count; i++)
        {
            Assert.Equal(expected.Areas[i].Id, areas[i].GetProperty("area").GetString());
            Assert.Equal(expected.Areas[i].Delta, areas[i].GetProperty("change").ValueKind == JsonValueKind.Null ? null : areas[i].GetProperty("change").GetDouble());
        }
    }

    [Fact]
    public void ScanCompare_NotAScan_ExitTwo()
    {
        var run = CliRunner.InProcess("scan", "compare", TestData.PathOf("system.json"), TestData.PathOf("scan-interim.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("but the command expects scan JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScanCompare_DifferentInstruments_ExitTwo_NamingBothFiles()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("usm-cli-").FullName, "other.json");
        var text = File.ReadAllText(TestData.PathOf("scan-interim.json"));
        var at = text.IndexOf("\"id\": \"usm-baseline\"", StringComparison.Ordinal);
        Assert.True(at > 0);
        File.WriteAllText(file, text[..at] + "\"id\": \"usm-other\"" + text[(at + "\"id\": \"usm-baseline\"".Length)..]);
        var run = CliRunner.InProcess("scan", "compare", TestData.PathOf("scan-baseline.json"), file);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"usm: {TestData.PathOf("scan-baseline.json")} and {file} cannot be compared: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScanCompare_LaterScanFirst_ExitTwo_NamingBothScansAndDates()
    {
        var run = CliRunner.InProcess("scan", "compare", TestData.PathOf("scan-interim.json"), TestData.PathOf("scan-baseline.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"usm: {TestData.PathOf("scan-interim.json")} and {TestData.PathOf("scan-baseline.json")} cannot be compared: Scan '", run.Error, StringComparison.Ordinal);
        Assert.Contains("pass the earlier scan first.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void ScanCompare_MissingFile_ExitTwo()
    {
        var run = CliRunner.InProcess("scan", "compare", "gone.json", TestData.PathOf("scan-interim.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("usm: gone.json: file not found.", run.Error.Trim());
    }

    [Fact]
    public void ScanCompare_Help()
    {
        var run = CliRunner.InProcess("scan", "compare", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("BASELINE", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ScanCompare_RealProcess_Markdown()
    {
        var run = CliRunner.Process("scan", "compare", TestData.PathOf("scan-baseline.json"), TestData.PathOf("scan-interim.json"), "--format", "markdown");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("## Areas", run.Out, StringComparison.Ordinal);
    }
}
