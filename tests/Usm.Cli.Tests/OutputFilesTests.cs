using System.Text.Json;

namespace Usm.Cli.Tests;

/// <summary>
/// The commands' output files are all-or-nothing: written to temporary files first and renamed into place only when
/// every one is written, so a failure leaves the old files as they were and no temporary behind.
/// </summary>
public class OutputFilesTests
{
    private static readonly string[] DemoFiles = ["burnup.svg", "heatmap.svg", "register.csv", "report.json", "report.md", "risk-database.json", "risks.csv", "system.json"];

    private static string Folder() => Directory.CreateTempSubdirectory("usm-out-").FullName;

    private static string D(string name) => TestData.PathOf(name);

    // Every entry of a folder, recursively, with each file's content: what a failed command must not change.
    private static SortedDictionary<string, string> Snapshot(string folder)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            entries[Path.GetRelativePath(folder, path)] = Directory.Exists(path) ? "<dir>" : File.ReadAllText(path);
        }

        return entries;
    }

    private static void AssertNoTemporaries(string folder) =>
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories), p => OutputFiles.IsTemporary(Path.GetFileName(p)));

    private static void AssertInputError(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.StartsWith("usm: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Out_NormalRun_WritesExactlyTheArtefacts_AndNoTemporary()
    {
        var folder = Folder();
        var run = CliRunner.InProcess("demo", "--out", folder, "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(DemoFiles, Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // A second run replaces every file in place with the same content, again without a temporary.
        var before = Snapshot(folder);
        Assert.Equal(0, CliRunner.InProcess("demo", "--out", folder, "--svg", folder, "--format", "csv").ExitCode);
        Assert.Equal(before, Snapshot(folder));
    }

    [Theory]
    [InlineData("report.md")] // the first file written
    [InlineData("risk-database.json")] // a file after most of the others
    [InlineData("register.csv")] // the last file written
    public void Demo_Out_ADirectoryWhereAFileGoes_ChangesNoOtherFile_AndLeavesNoTemporary(string blocked)
    {
        var folder = Folder();
        foreach (var name in DemoFiles.Where(n => n != blocked))
        {
            File.WriteAllText(Path.Combine(folder, name), "old " + name);
        }

        Directory.CreateDirectory(Path.Combine(folder, blocked));
        File.WriteAllText(Path.Combine(folder, blocked, "inside.txt"), "keep");
        var before = Snapshot(folder);

        var run = CliRunner.InProcess("demo", "--out", folder, "--format", "csv");

        AssertInputError(run, Path.Combine(folder, blocked) + ": is a directory");
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public void Demo_AFolderThatCannotBeCreated_AfterOtherFilesAreWritten_ChangesNoFile_AndRemovesTheirTemporaries()
    {
        // The --out files' temporaries are written first; the --svg folder then fails (a file is where a folder goes).
        var folder = Folder();
        foreach (var name in DemoFiles)
        {
            File.WriteAllText(Path.Combine(folder, name), "old " + name);
        }

        var fileInTheWay = Path.Combine(folder, "not-a-folder");
        File.WriteAllText(fileInTheWay, "a file");
        var before = Snapshot(folder);

        var run = CliRunner.InProcess("demo", "--out", folder, "--svg", Path.Combine(fileInTheWay, "svg"), "--format", "csv");

        AssertInputError(run, Path.Combine(fileInTheWay, "svg", "heatmap.svg") + ": ");
        Assert.Contains("no file was written", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public void Demo_AFailure_RemovesTheFoldersItCreated()
    {
        var parent = Folder();
        var fileInTheWay = Path.Combine(parent, "not-a-folder");
        File.WriteAllText(fileInTheWay, "a file");
        var created = Path.Combine(parent, "new", "deeper");

        var run = CliRunner.InProcess("demo", "--out", created, "--svg", Path.Combine(fileInTheWay, "svg"), "--format", "csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["not-a-folder"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public void Document_And_Convert_OntoADirectory_AreRefused_AndWriteNothing()
    {
        var folder = Folder();
        var document = Directory.CreateDirectory(Path.Combine(folder, "ranking.json")).FullName;
        var converted = Directory.CreateDirectory(Path.Combine(folder, "db.json")).FullName;
        var before = Snapshot(folder);

        AssertInputError(CliRunner.InProcess("prioritise", D("register.csv"), "--method", "emv", "--document", document), document + ": is a directory");
        AssertInputError(CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "10", "--document", document), document + ": is a directory");
        AssertInputError(CliRunner.InProcess("convert", D("register.csv"), converted), converted + ": is a directory");
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public void Document_And_Convert_ReplaceAnOldFile_WithoutATemporary()
    {
        var folder = Folder();
        var document = Path.Combine(folder, "ranking.json");
        var converted = Path.Combine(folder, "out.csv");
        File.WriteAllText(document, "old");
        File.WriteAllText(converted, "old");

        Assert.Equal(0, CliRunner.InProcess("prioritise", D("register.csv"), "--method", "emv", "--document", document).ExitCode);
        Assert.Equal(0, CliRunner.InProcess("convert", D("risk-database.json"), converted).ExitCode);

        Assert.True(Usm.Model.Serialization.UsmJson.ReadRanking(File.ReadAllText(document)).IsSuccess);
        Assert.StartsWith("id,", File.ReadAllText(converted), StringComparison.Ordinal);
        Assert.Equal(["out.csv", "ranking.json"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnOutputThatIsASymbolicLink_IsWrittenThroughTheLink_AndTheLinkStays()
    {
        var folder = Folder();
        var real = Path.Combine(folder, "real.csv");
        File.WriteAllText(real, "old");
        var link = Path.Combine(folder, "link.csv");
        File.CreateSymbolicLink(link, "real.csv");

        var run = CliRunner.InProcess("convert", D("risk-database.json"), link);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("real.csv", new FileInfo(link).LinkTarget);
        Assert.StartsWith("id,", File.ReadAllText(real), StringComparison.Ordinal);
        AssertNoTemporaries(folder);
    }

    [Fact]
    public void OutputFiles_TheSameTargetTwice_IsWrittenOnce_WithTheLaterText()
    {
        var folder = Folder();
        var files = new OutputFiles();
        files.Add(Path.Combine(folder, "a.txt"), "first");
        files.Add(Path.Combine(folder, ".", "a.txt"), "second");
        files.Add(Path.Combine(folder, "b.txt"), "b");
        files.Commit();

        Assert.Equal("second", File.ReadAllText(Path.Combine(folder, "a.txt")));
        Assert.Equal(["a.txt", "b.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OutputFiles_ARenameThatFailsAfterTheChecks_NamesTheFilesAlreadyReplaced_AndLeavesNoTemporary()
    {
        // The one failure the checks before the renames cannot rule out: something changes the folder meanwhile (here a
        // directory appears where the second file goes, just before its rename).
        var folder = Folder();
        var (a, b, c) = (Path.Combine(folder, "a.txt"), Path.Combine(folder, "b.txt"), Path.Combine(folder, "c.txt"));
        File.WriteAllText(a, "old a");
        File.WriteAllText(c, "old c");
        var files = new OutputFiles();
        files.Add(a, "new a");
        files.Add(b, "new b");
        files.Add(c, "new c");

        var e = Assert.Throws<CliException>(() => files.Commit(target =>
        {
            if (target == b)
            {
                Directory.CreateDirectory(b);
            }
        }));

        Assert.StartsWith(b + ": ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(already replaced: {a}; the others are unchanged).", e.Message, StringComparison.Ordinal);
        Assert.Equal("new a", File.ReadAllText(a));
        Assert.Equal("old c", File.ReadAllText(c));
        Assert.True(Directory.Exists(b));
        AssertNoTemporaries(folder);
    }

    [Theory]
    [InlineData("/dev/null")]
    [InlineData("/dev/stdout")]
    [InlineData("/dev/new-file.json")]
    [InlineData("/proc/self/fd/1")]
    [InlineData("/sys/x.json")]
    public void OutputFiles_ADeviceOrSystemPath_IsRefused_BeforeAnythingIsWritten(string path)
    {
        // Only Add is called, never Commit: if the check ever went missing, this test must not replace /dev/null (tests
        // may run as root), so no test runs a command against a device path.
        var e = Assert.Throws<CliException>(() => new OutputFiles().Add(path, "x"));
        Assert.StartsWith(path + ": is a device or system path (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputFiles_IsTemporary_KnowsItsOwnNames_Only()
    {
        Assert.True(OutputFiles.IsTemporary(".usm-abcd1234.xyz.tmp"));
        Assert.False(OutputFiles.IsTemporary("usm-abcd1234.xyz.tmp"));
        Assert.False(OutputFiles.IsTemporary(".usm-report.md"));
    }

    [Fact]
    public void OutputFiles_WriteUtf8WithoutAByteOrderMark_AsBefore()
    {
        var folder = Folder();
        OutputFiles.Write(Path.Combine(folder, "x.json"), "{\"é\": 1}");
        Assert.Equal("{\"é\": 1}"u8.ToArray(), File.ReadAllBytes(Path.Combine(folder, "x.json")));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "x.json")));
        Assert.Equal(1, doc.RootElement.GetProperty("é").GetInt32());
    }
}

/// <summary>
/// The check that an output is not its input sees through symbolic links anywhere on either path: a linked folder, a
/// linked file, a link to a link, a relative link, and <c>..</c> after a link (which the operating system applies to
/// the link's target, not to the link).
/// </summary>
public class SameFileTests
{
    // Resolved itself, so that the expected paths hold even if the temporary folder sits behind a link.
    private static string Folder() => Files.RealPath(Directory.CreateTempSubdirectory("usm-same-").FullName);

    // root/b/x.json (the input), root/a/link-to-b -> ../b (relative), root/c/link-to-a-link -> root/a/link-to-b (absolute).
    private static (string Root, string Input) Layout()
    {
        var root = Folder();
        var b = Directory.CreateDirectory(Path.Combine(root, "b")).FullName;
        var a = Directory.CreateDirectory(Path.Combine(root, "a")).FullName;
        var c = Directory.CreateDirectory(Path.Combine(root, "c")).FullName;
        var input = Path.Combine(b, "x.json");
        File.Copy(TestData.PathOf("risk-database.json"), input);
        Directory.CreateSymbolicLink(Path.Combine(a, "link-to-b"), Path.Combine("..", "b"));
        Directory.CreateSymbolicLink(Path.Combine(c, "link-to-a-link"), Path.Combine(a, "link-to-b"));
        return (root, input);
    }

    [Theory]
    [InlineData("a/link-to-b/x.json")]
    [InlineData("c/link-to-a-link/x.json")]
    [InlineData("a/link-to-b/../b/x.json")] // .. after the link is the parent of b, not a
    [InlineData("a/./link-to-b//x.json")]
    public void Convert_ToTheInputThroughALinkedFolder_IsRefused_AndTheInputIsUnchanged(string output)
    {
        var (root, input) = Layout();
        var before = File.ReadAllText(input);
        var outPath = Path.Combine(root, output.Replace('/', Path.DirectorySeparatorChar));

        var run = CliRunner.InProcess("convert", input, outPath, "--now", "2026-03-09T09:00:00Z");

        Assert.True(run.ExitCode == 2, run.Error);
        Assert.Contains($"OUT {outPath} is the input file {input}", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(input));
    }

    [Fact]
    public void TheInputThroughALinkedFolder_AndTheRealOutput_AreRefusedToo()
    {
        var (root, input) = Layout();
        var viaLink = Path.Combine(root, "a", "link-to-b", "x.json");
        var run = CliRunner.InProcess("prioritise", viaLink, "--method", "emv", "--document", input);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the input file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkToTheInputFile_InALinkedFolder_IsRefused()
    {
        var (root, input) = Layout();
        File.CreateSymbolicLink(Path.Combine(root, "b", "alias.json"), "x.json");
        var run = CliRunner.InProcess("convert", input, Path.Combine(root, "c", "link-to-a-link", "alias.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the input file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RealPath_ResolvesEveryLinkOnTheWay_AndKeepsAMissingTail()
    {
        var (root, input) = Layout();
        Assert.Equal(input, Files.RealPath(Path.Combine(root, "c", "link-to-a-link", "x.json")));
        Assert.Equal(Path.Combine(root, "b", "new", "y.json"), Files.RealPath(Path.Combine(root, "a", "link-to-b", "new", "y.json")));
        Assert.Equal(Path.Combine(root, "b"), Files.RealPath(Path.Combine(root, "a", "link-to-b", ".")));

        // A lexical normalisation would say a/link-to-b/.. is a; the file system says it is root.
        Assert.Equal(root, Files.RealPath(Path.Combine(root, "a", "link-to-b", "..")));
        Assert.NotEqual(Path.GetFullPath(Path.Combine(root, "a", "link-to-b", "..", "b", "x.json")), Files.RealPath(Path.Combine(root, "a", "link-to-b", "..", "b", "x.json")));
    }

    [Fact]
    public void RealPath_OfARelativePath_StartsAtTheCurrentFolder()
    {
        var relative = Path.Combine("some", "file.json");
        Assert.Equal(Files.RealPath(Path.Combine(Directory.GetCurrentDirectory(), relative)), Files.RealPath(relative));
    }

    [Fact]
    public void ALoopOfLinks_IsAnInputError_NotAHang()
    {
        var root = Folder();
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(root, "one"), "two");
            Directory.CreateSymbolicLink(Path.Combine(root, "two"), "one");
            var output = Path.Combine(root, "one", "x.json");

            var run = CliRunner.InProcess("convert", TestData.PathOf("risk-database.json"), output);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{output}: more than {Files.MaxSymbolicLinks} symbolic links", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            // A loop of links left in the temporary folder would trouble tools that walk it.
            Directory.Delete(root, recursive: true);
        }
    }
}
