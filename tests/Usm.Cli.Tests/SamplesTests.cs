namespace Usm.Cli.Tests;

/// <summary>
/// Every script in <c>samples/</c> runs with <c>dotnet run samples/NAME.cs</c> exactly as the docs say, and its output
/// contains every line of <c>samples/NAME.expected.txt</c> (in order), so that the samples never rot.
/// </summary>
[Collection(DotnetBuildCollection.Name)]
public class SamplesTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("samples"), "*.cs").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_RunsAndPrintsTheExpectedLines(string name)
    {
        var expectedPath = RepositoryPaths.Combine("samples", name + ".expected.txt");
        Assert.True(File.Exists(expectedPath), $"samples/{name}.cs has no samples/{name}.expected.txt");
        var expected = File.ReadAllLines(expectedPath).Where(l => l.Length > 0).ToList();

        var run = CliRunner.Shell($"dotnet run samples/{name}.cs", TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Out}\n{run.Error}");

        var lines = run.Out.ReplaceLineEndings("\n").Split('\n');
        var at = 0;
        foreach (var line in expected)
        {
            var found = Array.FindIndex(lines, at, l => l.TrimEnd() == line.TrimEnd());
            Assert.True(found >= 0, $"samples/{name}.cs: expected line not found (in order): '{line}'\n--- output ---\n{run.Out}");
            at = found + 1;
        }
    }
}
