using System.Text.Json;

namespace Usm.Cli.Tests;

/// <summary>Formats, exit codes and error paths that every command shares.</summary>
public class OutputAndErrorTests
{
    [Fact]
    public void Model_Table_ShowsProcessesAndPatterns()
    {
        var run = CliRunner.InProcess("model");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The 8 workflow patterns", run.Out, StringComparison.Ordinal);
        Assert.Contains("Recover → Change → Operate", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal); // no ANSI codes when not a terminal
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Model_Json_IsOneValidDocument()
    {
        var run = CliRunner.InProcess("model", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var sections = doc.RootElement.GetProperty("sections").EnumerateArray().ToList();
        var patterns = sections.Single(s => s.GetProperty("title").GetString() == "The 8 workflow patterns");
        Assert.Equal(8, patterns.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Model_Markdown_HasPipeTables()
    {
        var run = CliRunner.InProcess("model", "--format", "markdown");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# ", run.Out, StringComparison.Ordinal);
        Assert.Contains("| W8 |", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_Csv_HasHeaderAndRows()
    {
        var run = CliRunner.InProcess("model", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, run.Out);
        Assert.DoesNotContain(lines, l => l.Contains('│'));
    }

    [Theory]
    [InlineData("demo", "--format", "xml")]
    [InlineData("no-such-command")]
    [InlineData("demo", "--no-such-option")]
    public void UsageErrors_ExitWithTwo_AndOneClearMessage(params string[] args)
    {
        var run = CliRunner.InProcess(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usm: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public void Help_IsAvailableOnEveryCommand()
    {
        var root = CliRunner.InProcess("--help");
        Assert.Equal(0, root.ExitCode);
        var commands = root.Out.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var help = CliRunner.InProcess(command, "--help");
            Assert.True(help.ExitCode == 0, command);
            Assert.Contains("Usage:", help.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RealProcess_RedirectedOutput_IsPlain()
    {
        var run = CliRunner.Process("model");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The 5 processes", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RealProcess_UsageError_ExitCodeTwo()
    {
        var run = CliRunner.Process("demo", "--format", "yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown format 'yaml'", run.Error, StringComparison.Ordinal);
    }
}
