namespace Usm.Cli.Tests;

/// <summary>README.md opens with the main-job command; this runs it exactly as written.</summary>
[Collection(DotnetBuildCollection.Name)]
public class ReadmeCommandTests
{
    [Fact]
    public void ReadmeMainJobCommand_RunsAsWritten()
    {
        var readme = File.ReadAllLines(RepositoryPaths.Combine("README.md"));
        var command = readme.Select(l => l.Trim()).First(l => l.StartsWith("dotnet run --project src/Usm.Cli", StringComparison.Ordinal));
        Assert.Equal("dotnet run --project src/Usm.Cli -- demo", command);

        var run = CliRunner.Shell(command, TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("6. The next improvement sprint", run.Out, StringComparison.Ordinal);
    }
}
