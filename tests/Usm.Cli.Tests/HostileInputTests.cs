using System.Globalization;
using System.Text;
using System.Text.Json;
using Usm.Model.Serialization;

namespace Usm.Cli.Tests;

/// <summary>
/// Input a reviewer built to break the tool: every case ends in one <c>usm: …</c> line and exit code 2 (or a correct
/// result), never a stack trace.
/// </summary>
public class HostileInputTests
{
    private const string Identity = "id,title,polarity,category,resources,origin-kind,origin-person-id";

    private static string Folder() => Directory.CreateTempSubdirectory("usm-cli-").FullName;

    /// <summary>Writes a minimal register: the identity columns, then <paramref name="extra"/> columns; one row per entry of <paramref name="cells"/>.</summary>
    private static string Register(string extra, params string[] cells)
    {
        var file = Path.Combine(Folder(), "r.csv");
        var text = new StringBuilder(Identity + (extra.Length > 0 ? "," + extra : string.Empty) + "\n");
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R-{i + 1},T{i + 1},threat,c,people;process,reported-by-person,p1");
            text.Append(cells[i].Length > 0 ? "," + cells[i] : string.Empty).Append('\n');
        }

        File.WriteAllText(file, text.ToString());
        return file;
    }

    private static void AssertInputError(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("usm: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private static void AssertUsageError(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("usm: ", StringComparison.Ordinal) && l.Contains(expected, StringComparison.Ordinal));
        Assert.Equal("Run 'usm --help' for usage.", lines[^1]);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    // 1. Crashes that are input errors

    [Theory]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"id,title\"")]
    public void JsonFileHoldingAScalar_IsNotReadAsCsv(string content)
    {
        // Found by review (session 5): a .json file holding null was read as a one-column CSV register.
        var file = Path.Combine(Folder(), "register.json");
        File.WriteAllText(file, content);
        AssertInputError(CliRunner.InProcess("prioritise", file, "--method", "emv"), $"{file}: a .json file whose content is not a JSON object");
    }

    [Fact]
    public void NegativeEffort_NamesTheFileAndTheRow()
    {
        var file = Register("effort,probability,impact", "2,0.5,100", "-3,0.5,100");
        AssertInputError(CliRunner.InProcess("prioritise", file, "--method", "emv"), $"{file}: line 3, column 54 ($[1].effort): Effort -3 is negative");
    }

    [Fact]
    public void EmptyHeaderName_NamesTheFileAndTheColumn()
    {
        var file = Register(string.Empty, "3", "4");
        File.WriteAllText(file, File.ReadAllText(file).Replace("origin-person-id\n", "origin-person-id,\n", StringComparison.Ordinal));
        AssertInputError(CliRunner.InProcess("prioritise", file, "--method", "emv"), $"{file}: $: Column 8 of the header has no name");
    }

    [Fact]
    public void PlanSprint_InfiniteScore_IsAnInputErrorNamingTheFileAndRisk()
    {
        // RICE = 2 resources × 1e308 × 1 ÷ 1 overflows to infinity.
        var file = Register("effort,probability,impact", "1,1,1e308", "1,1,5");
        foreach (var method in new[] { "rice", "ice-product" })
        {
            AssertInputError(CliRunner.InProcess("plan-sprint", file, "--capacity", "5", "--method", method), $"{file}: cannot plan a sprint");
        }

        AssertInputError(CliRunner.InProcess("plan-sprint", file, "--capacity", "5", "--method", "rice"), "'R-1'");
    }

    [Fact]
    public void PlanSprint_ValuesThatOverflowWhenSummed_IsAnInputError()
    {
        var file = Register("effort,probability,impact", "1,1,1.7e308", "1,1,1.7e308");
        AssertInputError(CliRunner.InProcess("plan-sprint", file, "--capacity", "5", "--method", "emv"), $"{file}: cannot plan a sprint with the EMV scores as values:");
    }

    [Fact]
    public void Prioritise_DocumentWithAnInfiniteScore_IsAnInputError_AndNothingIsWritten()
    {
        var file = Register("effort,probability,impact", "1,1,1e308", "1,1,5");
        var document = Path.Combine(Folder(), "ranking.json");
        AssertInputError(CliRunner.InProcess("prioritise", file, "--method", "rice", "--document", document), $"{file}: cannot write the document {document}: Item 'R-1'");
        Assert.False(File.Exists(document));
    }

    [Fact]
    public void Compare_OneOpenRisk_SaysTwoAreNeeded()
    {
        var file = Register("effort,probability,impact", "1,0.5,10");
        AssertInputError(CliRunner.InProcess("compare", file, "--methods", "emv,cd3"), $"{file}: the register has 1 open risk; compare needs at least two open risks");
    }

    [Theory]
    [InlineData("--classes", "1000000000", "--classes 1000000000: use a whole number from 1 to 100.")]
    [InlineData("--classes", "0", "--classes 0: use a whole number from 1 to 100.")]
    [InlineData("--effect-levels", "100000", "--effect-levels 100000: use a whole number from 2 to 100.")]
    [InlineData("--likelihood-levels", "1", "--likelihood-levels 1: use a whole number from 2 to 100.")]
    [InlineData("--likelihood-levels", "2147483648", "--likelihood-levels '2147483648': expected a whole number.")]
    public void RiskMatrix_OptionsOutOfRange_AreUsageErrors(string option, string value, string expected)
    {
        AssertUsageError(CliRunner.InProcess("prioritise", TestData.PathOf("risk-database.json"), "--method", "risk-matrix", option, value), expected);
    }

    [Fact]
    public void RiskMatrix_TheLargestScaleAndClassCount_Rank()
    {
        var run = CliRunner.InProcess("prioritise", TestData.PathOf("risk-database.json"), "--method", "risk-matrix", "--effect-levels", "100", "--likelihood-levels", "100", "--classes", "100", "--top", "1");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Theory]
    [InlineData("FILE", "validate", "")]
    [InlineData("--document", "prioritise", "REGISTER", "--method", "emv", "--document", "")]
    [InlineData("--document", "plan-sprint", "REGISTER", "--capacity", "3", "--document", "")]
    [InlineData("--out", "demo", "--out", "")]
    [InlineData("--svg", "demo", "--svg", "")]
    [InlineData("OUT", "convert", "REGISTER", "")]
    [InlineData("REGISTER", "compare", "", "--methods", "emv,cd3")]
    [InlineData("INTERIM", "scan", "compare", "BASELINE", "")]
    public void EmptyPaths_AreUsageErrorsNamingTheArgument(string named, params string[] args)
    {
        var actual = args.Select(a => a switch { "REGISTER" => TestData.PathOf("register.csv"), "BASELINE" => TestData.PathOf("scan-baseline.json"), _ => a }).ToArray();
        AssertUsageError(CliRunner.InProcess(actual), named + ": the file name is empty.");
    }

    [Fact]
    public void FailedWriteToStandardOutput_IsOneLine_ExitTwo()
    {
        var error = new StringWriter();
        var exit = Program.Run(["model"], new CliEnvironment(new FullDiskWriter(), error, interactive: false, colour: false));
        Assert.Equal(2, exit);
        Assert.Equal("usm: cannot write the output: No space left on device", error.ToString().Trim());
    }

    [Fact]
    public void FailedWriteOfTheReadErrorsDocument_StillOneLine()
    {
        var error = new StringWriter();
        var exit = Program.Run(["validate", TestData.PathOf("malformed.json"), "--format", "json"], new CliEnvironment(new FullDiskWriter(), error, interactive: false, colour: false));
        Assert.Equal(2, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("usm: " + TestData.PathOf("malformed.json") + ": line 5", line, StringComparison.Ordinal);
        Assert.EndsWith("; cannot write the output: No space left on device", line.TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public void FailedWriteToStandardOutput_RealProcess_DevFull()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Linux only
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "usm.dll");
        var run = CliRunner.Shell($"dotnet '{dll}' demo > /dev/full", TimeSpan.FromMinutes(2));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usm: cannot write the output: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyOtherArgumentException_IsStillOneLine_WithoutTheParameterSuffix()
    {
        // The last line of defence in Program.Run: whatever the commands do not turn into a CliException themselves.
        var error = new StringWriter();
        var exit = Program.Run(["model"], new CliEnvironment(new RefusingWriter(), error, interactive: false, colour: false));
        Assert.Equal(2, exit);
        Assert.Equal("usm: The value is refused.", error.ToString().Trim());
    }

    private sealed class RefusingWriter : StringWriter
    {
        public override void Write(char value) => throw new ArgumentException("The value is refused.", nameof(value));

        public override void Write(string? value) => throw new ArgumentException("The value is refused.", nameof(value));

        public override void Write(char[] buffer, int index, int count) => throw new ArgumentException("The value is refused.", nameof(buffer));

        public override void WriteLine(string? value) => throw new ArgumentException("The value is refused.", nameof(value));
    }

    private sealed class FullDiskWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    // 2. Reading input

    [Fact]
    public void LargerThanTheLibraryLimit_IsRefusedNamingTheLimit()
    {
        var file = Path.Combine(Folder(), "big.csv");
        var limit = ReaderOptions.Default.MaxDocumentBytes;
        using (var stream = File.Create(file))
        {
            stream.SetLength(limit + 1);
        }

        AssertInputError(CliRunner.InProcess("validate", file), $"{file}: the file is larger than the limit of {limit} bytes.");
        Assert.Equal("x", Files.ReadAllText(WriteBytes("x"u8.ToArray()), limit: 1));
        Assert.Throws<CliException>(() => Files.ReadAllText(WriteBytes("xy"u8.ToArray()), limit: 1));
    }

    [Fact]
    public void EndlessInput_IsRefusedAtTheLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Linux only
        }

        AssertInputError(CliRunner.InProcess("validate", "/dev/zero"), "/dev/zero: the file is larger than the limit of");
    }

    private static string WriteBytes(byte[] bytes)
    {
        var file = Path.Combine(Folder(), "f.csv");
        File.WriteAllBytes(file, bytes);
        return file;
    }

    [Fact]
    public void InvalidUtf8_IsRefusedWithTheByteOffset_AndConvertWritesNothing()
    {
        var text = Identity + "\nR-1,Caf\u00e9,threat,c,people,reported-by-person,p1\n";
        var bytes = Encoding.Latin1.GetBytes(text);
        var file = WriteBytes(bytes);
        var offset = Array.IndexOf(bytes, (byte)0xE9);
        AssertInputError(CliRunner.InProcess("validate", file), $"{file}: not valid UTF-8 (byte offset {offset})");
        var output = Path.Combine(Folder(), "out.json");
        AssertInputError(CliRunner.InProcess("convert", file, output), "not valid UTF-8");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Utf8ByteOrderMark_IsSkipped()
    {
        var bom = WriteBytes([.. Encoding.UTF8.Preamble, .. File.ReadAllBytes(TestData.PathOf("register.csv"))]);
        var run = CliRunner.InProcess("prioritise", bom, "--method", "emv", "--top", "1", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("1,R-lop-01,39600,", run.Out.Split("\r\n")[1], StringComparison.Ordinal);

        var offset = WriteBytes([0xEF, 0xBB, 0xBF, .. "id,"u8, 0xFF]);
        AssertInputError(CliRunner.InProcess("validate", offset), "not valid UTF-8 (byte offset 6)");
    }

    [Fact]
    public void Utf16_IsNamed()
    {
        var file = WriteBytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Identity)]);
        AssertInputError(CliRunner.InProcess("validate", file), $"{file}: the file is UTF-16 or UTF-32");
    }

    [Fact]
    public void Directory_SaysItIsADirectory()
    {
        var folder = Folder();
        AssertInputError(CliRunner.InProcess("validate", folder), $"{folder}: is a directory");
    }

    // 3. Wide registers

    [Fact]
    public void WideRegister_ThousandsOfExtraColumns_Loads_AndEveryColumnIsACriterion()
    {
        const int columns = 4000;
        var header = "effort," + string.Join(',', Enumerable.Range(0, columns).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)));
        string Row(int scale) => "1," + string.Join(',', Enumerable.Range(0, columns).Select(i => (i * scale).ToString(CultureInfo.InvariantCulture)));
        var file = Register(header, Row(1), Row(3), Row(2));
        var run = CliRunner.InProcess("prioritise", file, "--method", "cd3", "--map", "value=c3999", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("1,R-2,11997,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,R-3,7998,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,R-1,3999,", lines[3], StringComparison.Ordinal);
    }

    // 4. An output that is the input

    [Fact]
    public void DocumentOrConvertOutput_ThatIsTheInput_IsRefusedBeforeWriting()
    {
        var folder = Folder();
        var register = Path.Combine(folder, "register.csv");
        File.Copy(TestData.PathOf("register.csv"), register);
        var database = Path.Combine(folder, "db.json");
        File.Copy(TestData.PathOf("risk-database.json"), database);
        var before = File.ReadAllText(register);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, register);

        AssertUsageError(CliRunner.InProcess("prioritise", register, "--method", "emv", "--document", relative), $"--document {relative} is the input file {register}");
        AssertUsageError(CliRunner.InProcess("plan-sprint", register, "--capacity", "5", "--document", Path.Combine(folder, ".", "register.csv")), "is the input file");
        AssertUsageError(CliRunner.InProcess("convert", database, Path.Combine(folder, "..", Path.GetFileName(folder), "db.json")), "is the input file");
        Assert.Equal(before, File.ReadAllText(register));
        Assert.Equal(File.ReadAllText(TestData.PathOf("risk-database.json")), File.ReadAllText(database));
    }

    // 5. Status

    [Fact]
    public void CsvRegister_RowsThatAreNotOpen_AreLeftOut_LikeTheJsonPath()
    {
        var table = UsmCsv.ReadTable(File.ReadAllText(TestData.PathOf("register.csv"))).Value;
        var status = table.ColumnIndex("status");
        var id = table.ColumnIndex("id");
        var rows = table.Rows.Select(r => r[id] == "R-lop-01" ? r.SetItem(status, "withdrawn") : r[id] == "R-agr-01" ? r.SetItem(status, "closed") : r).ToList();
        var file = Path.Combine(Folder(), "r.csv");
        File.WriteAllText(file, UsmCsv.WriteTable(new CsvTable(table.Header, rows.Select(r => r.AsEnumerable()))));

        var run = CliRunner.InProcess("prioritise", file, "--method", "emv", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var ids = doc.RootElement.GetProperty("sections")[0].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(42, ids.Count);
        Assert.DoesNotContain("R-lop-01", ids);
        Assert.DoesNotContain("R-agr-01", ids);
        AssertInputError(CliRunner.InProcess("plan-sprint", file, "--capacity", "5", "--must", "R-lop-01"), "'R-lop-01' is not an open risk");

        File.WriteAllText(file, UsmCsv.WriteTable(new CsvTable(table.Header, rows.Select((r, i) => (i == 3 ? r.SetItem(status, "zombie") : r).AsEnumerable()))));
        AssertInputError(CliRunner.InProcess("prioritise", file, "--method", "emv"), "($[3].status): 'zombie' is not a risk status (expected identified, classified, known-error,");
    }

    // 6. Positions of bad cells

    [Fact]
    public void BadNumber_AfterAMultiLineCell_NamesTheCellsRealLineAndColumn()
    {
        // Row R-1's title spans lines 2-4, so R-2 is on line 5; its effort cell starts at character 54.
        var file = Register("effort", "2", "abc");
        File.WriteAllText(file, File.ReadAllText(file).Replace("T1,", "\"T1\nline two\nline three\",", StringComparison.Ordinal));
        var run = CliRunner.InProcess("prioritise", file, "--method", "emv");
        AssertInputError(run, "line 5, column 54");
        AssertInputError(run, "$[1].effort");
        AssertInputError(run, "'abc' is not a number.");
    }

    // 7. Parse errors in words

    [Theory]
    [InlineData("prioritise", "--top", "abc")]
    [InlineData("plan-sprint", "--capacity", "1.5")]
    [InlineData("prioritise", "--classes", "x")]
    public void NumberOptions_ThatDoNotParse_SayWhatIsExpected(string command, string option, string value)
    {
        string[] rest = option == "--capacity" ? [] : ["--capacity", "3"];
        var run = CliRunner.InProcess([command, TestData.PathOf("register.csv"), "--method", "risk-matrix", .. rest, option, value]);
        AssertUsageError(run, $"{option} '{value}': expected a whole number.");
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
    }

    // 8. Criteria without a column

    [Fact]
    public void CsvRegister_MethodCriterionWithoutAColumn_IsAnInputError()
    {
        var file = Register("effort", "2", "3");
        AssertInputError(CliRunner.InProcess("prioritise", file, "--method", "emv"), $"{file}: EMV reads 'probability', 'impact', but the register has no column for them");
        var withImpact = Register("effort,impact,p", "2,5,0.5", "3,6,0.4");
        AssertInputError(CliRunner.InProcess("prioritise", withImpact, "--method", "emv"), "EMV reads 'probability', but the register has no column for it");
        var mapped = CliRunner.InProcess("prioritise", withImpact, "--method", "emv", "--map", "probability=p");
        Assert.True(mapped.ExitCode == 0, mapped.Error);
        AssertInputError(CliRunner.InProcess("prioritise", file, "--method", "saw", "--criteria", "effort=1,nope=1"), "reads 'nope'");
    }
}
