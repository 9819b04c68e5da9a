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

    /// <summary>
    /// docs/notebooks.md mirrors the samples: every <c>csharp</c> block whose first line is <c>// sample: NAME</c> must
    /// appear verbatim (without that line) in <c>samples/NAME.cs</c>, so that the notebook cells cannot drift from the
    /// tested scripts.
    /// </summary>
    [Fact]
    public void NotebookCells_AppearVerbatimInTheirSamples()
    {
        const string Marker = "// sample: ";
        var doc = File.ReadAllText(RepositoryPaths.Combine("docs", "notebooks.md")).ReplaceLineEndings("\n").Split('\n');
        var cells = new List<(string Sample, int Line, string Code)>();
        for (var i = 0; i < doc.Length; i++)
        {
            if (doc[i].TrimEnd() != "```csharp" || i + 1 >= doc.Length || !doc[i + 1].StartsWith(Marker, StringComparison.Ordinal))
            {
                continue;
            }

            var end = Array.FindIndex(doc, i + 1, l => l.TrimEnd() == "```");
            Assert.True(end > i, $"docs/notebooks.md: the csharp block at line {i + 1} is not closed");
            cells.Add((doc[i + 1][Marker.Length..].Trim(), i + 2, string.Join('\n', doc[(i + 2)..end])));
            i = end;
        }

        Assert.NotEmpty(cells);
        foreach (var (sample, line, code) in cells)
        {
            var path = RepositoryPaths.Combine("samples", sample + ".cs");
            Assert.True(File.Exists(path), $"docs/notebooks.md line {line}: no sample samples/{sample}.cs");
            var source = File.ReadAllText(path).ReplaceLineEndings("\n");
            Assert.True(code.Trim().Length > 0 && source.Contains(code, StringComparison.Ordinal),
                $"docs/notebooks.md line {line}: this cell is not verbatim in samples/{sample}.cs (keep the notebook identical to the sample):\n{code}");
        }
    }
}
