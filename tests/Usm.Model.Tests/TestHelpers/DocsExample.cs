namespace Usm.Model.Tests.TestHelpers;

/// <summary>
/// Keeps a docs page's C# example and the test that runs it in step. The test holds the example between the markers
/// <c>// --- begin docs example ---</c> and <c>// --- end docs example ---</c>, writing to a local <c>console</c>; the
/// page's first <c>```csharp</c> block must be the same lines with <c>Console.</c> (blank lines and <c>using</c>s aside).
/// </summary>
internal static class DocsExample
{
    /// <summary>The trimmed, non-blank lines between the markers of a test file.</summary>
    /// <param name="testFile">The test file's path below tests/Usm.Model.Tests, e.g. "Prioritisation/ParetoDocsExampleTests.cs".</param>
    public static string[] Lines(string testFile)
    {
        var source = File.ReadAllText(RepositoryPaths.Combine(["tests", "Usm.Model.Tests", .. testFile.Split('/')])).ReplaceLineEndings("\n");
        var start = source.IndexOf("// --- begin docs example ---", StringComparison.Ordinal);
        var end = source.IndexOf("// --- end docs example ---", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{testFile} has no docs example markers.");
        return [.. source[start..end].Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>Asserts that a docs page's first C# block is the example.</summary>
    /// <param name="page">The page's file name in docs/.</param>
    /// <param name="exampleLines">The example's lines, from <see cref="Lines"/>.</param>
    public static void AssertMatchesPage(string page, string[] exampleLines)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("docs", page)).ReplaceLineEndings("\n");
        var start = text.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var block = text[start..text.IndexOf("```", start, StringComparison.Ordinal)]
            .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(exampleLines.Select(l => l.Replace("console.", "Console.", StringComparison.Ordinal)).ToArray(), block);
    }

    /// <summary>
    /// Asserts that the example printed, line by line, what the comment on each of its <c>console.WriteLine</c> lines
    /// says: exactly, or (when <paramref name="exact"/> is false) as the start of the comment, which may go on to say why.
    /// </summary>
    /// <param name="printed">What the example wrote to its console.</param>
    /// <param name="exampleLines">The example's lines, from <see cref="Lines"/>.</param>
    /// <param name="exact">Whether each printed line must equal its comment.</param>
    public static void AssertPrintsItsComments(string printed, string[] exampleLines, bool exact)
    {
        var lines = printed.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var comments = exampleLines.Where(l => l.Contains("console.WriteLine", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("// ", StringComparison.Ordinal) + 3)..].Trim()).ToArray();
        Assert.Equal(comments.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (exact)
            {
                Assert.Equal(comments[i], lines[i]);
            }
            else
            {
                Assert.StartsWith(lines[i], comments[i], StringComparison.Ordinal);
            }
        }
    }
}
