using System.Text.Json;

namespace Usm.Cli.Tests;

/// <summary>Every analysis command in every format, and the missing-file error on every command that reads a file.</summary>
public class FormatMatrixTests
{
    public static TheoryData<string, string> CommandsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "validate", "prioritise", "plan-sprint", "compare", "simulate" })
        {
            foreach (var format in new[] { "table", "json", "csv", "markdown" })
            {
                data.Add(command, format);
            }
        }

        return data;
    }

    private static string[] Args(string command, string file) => command switch
    {
        "validate" => ["validate", file],
        "prioritise" => ["prioritise", file, "--method", "cd3"],
        "plan-sprint" => ["plan-sprint", file, "--capacity", "10"],
        "simulate" => ["simulate", file, "--iterations", "500", "--threshold", "1000"],
        _ => ["compare", file, "--methods", "emv,saw"],
    };

    [Theory]
    [MemberData(nameof(CommandsAndFormats))]
    public void EveryFormat_IsWellFormed(string command, string format)
    {
        var run = CliRunner.InProcess([.. Args(command, TestData.PathOf("register.csv")), "--format", format]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(string.Empty, run.Error);
        switch (format)
        {
            case "json":
                using (var doc = JsonDocument.Parse(run.Out))
                {
                    Assert.True(doc.RootElement.GetProperty("sections").GetArrayLength() > 0);
                }

                break;
            case "csv":
                var lines = run.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                Assert.DoesNotContain('│', lines[0]);
                Assert.Contains(',', lines[0]);
                break;
            case "markdown":
                Assert.StartsWith("# ", run.Out, StringComparison.Ordinal);
                Assert.Contains("|---", run.Out, StringComparison.Ordinal);
                break;
            default:
                Assert.Contains("┌", run.Out, StringComparison.Ordinal);
                Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
                break;
        }
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("prioritise")]
    [InlineData("plan-sprint")]
    [InlineData("compare")]
    [InlineData("simulate")]
    [InlineData("convert")]
    public void MissingFile_ExitTwo_OneLineNamingIt(string command)
    {
        var args = command == "convert" ? ["convert", "gone.csv", Path.Combine(Path.GetTempPath(), "out.json")] : Args(command, "gone.csv");
        var run = CliRunner.InProcess(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("usm: gone.csv: file not found.", run.Error.Trim());
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("prioritise")]
    [InlineData("plan-sprint")]
    [InlineData("compare")]
    [InlineData("simulate")]
    public void MalformedRegister_ExitTwo_WithLineAndColumn(string command)
    {
        var run = CliRunner.InProcess(Args(command, TestData.PathOf("malformed.json")));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(": line 5, column 1 ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongKindOfFile_ForARegister_ExitTwo_SaysWhatItIs()
    {
        var run = CliRunner.InProcess("prioritise", TestData.PathOf("system.json"), "--method", "emv");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("this is a management-system JSON, but the command expects risk-database JSON or risk register CSV", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadNumberInAnAnalysisColumn_NamesRowAndColumn()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("usm-cli-").FullName, "r.csv");
        var lines = File.ReadAllText(TestData.PathOf("register.csv")).Split("\r\n");
        lines[2] = lines[2][..lines[2].LastIndexOf(',')] + ",lots";
        File.WriteAllText(file, string.Join("\r\n", lines));
        var run = CliRunner.InProcess("prioritise", file, "--method", "emv");
        Assert.Equal(2, run.ExitCode);
        // The cell's own line and column (CsvTable.PositionOf), then its path; the line holds no character outside the BMP.
        var column = lines[2].LastIndexOf(',') + 2;
        Assert.Equal($"usm: {file}: line 3, column {column} ($[1].impact): 'lots' is not a number.", run.Error.Trim());
    }
}
