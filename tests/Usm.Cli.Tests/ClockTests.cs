using System.Text.Json;
using NodaTime;

namespace Usm.Cli.Tests;

/// <summary>
/// Reproducible conversion: <c>convert</c> reads the time through one clock, which <c>--now</c> or
/// <c>SOURCE_DATE_EPOCH</c> (https://reproducible-builds.org/specs/source-date-epoch/) fixes, the option first.
/// The variable is passed through the runner's own environment, never the test process's.
/// </summary>
public class ClockTests
{
    private const string Now = "2026-03-09T09:00:00Z";

    // 2026-03-09T09:00:00Z in seconds since the Unix epoch (date -u -d 2026-03-09T09:00:00Z +%s).
    private const string Epoch = "1773046800";

    private static readonly Dictionary<string, string> NoVariables = [];

    private static string Folder() => Directory.CreateTempSubdirectory("usm-clock-").FullName;

    private static string Register => TestData.PathOf("register.csv");

    // Converts the sample register to a risk-database JSON and returns the written bytes.
    private static (CliRun Run, byte[] Written) Convert(IReadOnlyDictionary<string, string> variables, IClock? clock, params string[] options)
    {
        var output = Path.Combine(Folder(), "db.json");
        var run = CliRunner.InProcessWith(variables, clock, ["convert", Register, output, .. options]);
        Assert.True(run.ExitCode == 0, run.Error);
        return (run, File.ReadAllBytes(output));
    }

    private static List<string> EventInstants(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("risk-database").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("at").GetString()!)];
    }

    [Fact]
    public void TheEpochConstant_IsTheInstantOfNow()
    {
        Assert.Equal(Epoch, Instant.FromUtc(2026, 3, 9, 9, 0).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Convert_WithTheSameNow_IsByteIdentical_AndStampsEveryEventWithIt()
    {
        var (first, bytes1) = Convert(NoVariables, null, "--now", Now);
        var (_, bytes2) = Convert(NoVariables, null, "--now", Now);

        Assert.Equal(bytes1, bytes2);
        var instants = EventInstants(bytes1);
        Assert.Equal(44, instants.Count);
        Assert.All(instants, at => Assert.Equal(Now, at));
        Assert.Contains($"registered at {Now} (--now) by actor 'usm-convert'", first.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_WithSourceDateEpoch_IsByteIdentical_AndEqualsTheSameNow()
    {
        var variables = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch };
        var (run, bytes1) = Convert(variables, null);
        var (_, bytes2) = Convert(variables, null);

        Assert.Equal(bytes1, bytes2);
        Assert.Equal(Convert(NoVariables, null, "--now", Now).Written, bytes1);
        Assert.Contains($"registered at {Now} (SOURCE_DATE_EPOCH)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Now_WinsOverSourceDateEpoch()
    {
        var variables = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "0" };
        var (run, bytes) = Convert(variables, null, "--now", Now);
        Assert.All(EventInstants(bytes), at => Assert.Equal(Now, at));
        Assert.Contains("(--now)", run.Out, StringComparison.Ordinal);

        // Without the option the variable holds, even at its smallest value.
        Assert.All(EventInstants(Convert(variables, null).Written), at => Assert.Equal("1970-01-01T00:00:00Z", at));
    }

    [Fact]
    public void WithoutEither_TheEnvironmentsClockIsRead_AndAnEmptyVariableCountsAsUnset()
    {
        var clock = new FixedClock(Instant.FromUtc(2031, 7, 1, 12, 30, 15));
        var (run, bytes) = Convert(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = string.Empty }, clock);
        Assert.All(EventInstants(bytes), at => Assert.Equal("2031-07-01T12:30:15Z", at));
        Assert.Contains("registered at 2031-07-01T12:30:15Z (the current time; --now or SOURCE_DATE_EPOCH fixes it)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutEither_TheSystemClockIsRead()
    {
        var before = SystemClock.Instance.GetCurrentInstant();
        var (_, bytes) = Convert(NoVariables, null);
        var after = SystemClock.Instance.GetCurrentInstant();
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(EventInstants(bytes)[0]).Value;
        Assert.InRange(at, before, after);
    }

    [Theory]
    [InlineData("2026-03-09")]
    [InlineData("yesterday")]
    [InlineData("2026-03-09T09:00:00+01:00")]
    [InlineData("2026-03-09 09:00:00Z")]
    [InlineData("1773046800")]
    [InlineData("")]
    public void Convert_ABadNow_IsAUsageError_NamingTheOptionAndValue_AndWritesNothing(string value)
    {
        var folder = Folder();
        var run = CliRunner.InProcess("convert", Register, Path.Combine(folder, "db.json"), "--now", value);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"usm: --now '{value}': expected an instant in ISO-8601 UTC, such as 2026-03-09T09:00:00Z.", lines[0]);
        Assert.Equal("Run 'usm --help' for usage.", lines[^1]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Convert_ANowBeforeTheEpoch_IsAUsageError()
    {
        var run = CliRunner.InProcess("convert", Register, Path.Combine(Folder(), "db.json"), "--now", "1969-12-31T23:59:59Z");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usm: --now '1969-12-31T23:59:59Z': use an instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("1.5")]
    [InlineData(" 1773046800")]
    [InlineData("1773046800 ")]
    [InlineData("0x10")]
    [InlineData("2026-03-09T09:00:00Z")]
    [InlineData("253402300800")] // one second after the end of 9999
    [InlineData("99999999999999999999")] // more than a long holds
    [InlineData("１２３")] // full-width digits are not ASCII
    public void Convert_AMalformedSourceDateEpoch_IsAnError_NamingIt_AndWritesNothing(string value)
    {
        var folder = Folder();
        var variables = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = value };
        var run = CliRunner.InProcessWith(variables, null, "convert", Register, Path.Combine(folder, "db.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"usm: SOURCE_DATE_EPOCH '{value}': expected whole seconds since 1970-01-01T00:00:00Z", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void AMalformedSourceDateEpoch_IsRefusedEvenWhenTheConversionReadsNoTime_ButNotByCommandsThatNeverReadIt()
    {
        // convert honours the variable, so it checks it whatever the conversion; prioritise never reads the time.
        var variables = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "soon" };
        Assert.Equal(2, CliRunner.InProcessWith(variables, null, "convert", TestData.PathOf("risk-database.json"), Path.Combine(Folder(), "r.csv")).ExitCode);
        var run = CliRunner.InProcessWith(variables, null, "prioritise", TestData.PathOf("risk-database.json"), "--method", "emv");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1773046800", 1773046800L)]
    [InlineData("253402300799", 253402300799L)]
    [InlineData("0001773046800", 1773046800L)]
    public void FromVariable_ReadsWholeSeconds(string value, long seconds)
    {
        Assert.Equal(Instant.FromUnixTimeSeconds(seconds), CliClock.FromVariable(value));
    }

    [Fact]
    public void FromVariable_UnsetOrEmpty_IsNotSet()
    {
        Assert.Null(CliClock.FromVariable(null));
        Assert.Null(CliClock.FromVariable(string.Empty));
    }

    [Fact]
    public void TheToolReadsTheSystemClock_AndTheProcessEnvironment_OnlyInCliEnvironment()
    {
        // Every other read of the time goes through CliClock, and every other variable through CliEnvironment.Variable.
        var folder = RepositoryPaths.Combine("src", "Usm.Cli");
        var offenders = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "CliEnvironment.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => new[] { "SystemClock", "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Environment.GetEnvironmentVariable" }.Any(t => l.Text.Contains(t, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Now_IsInTheConvertHelp()
    {
        var run = CliRunner.InProcess("convert", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--now <INSTANT>", run.Out, StringComparison.Ordinal);
        Assert.Contains("SOURCE_DATE_EPOCH", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RealProcess_HonoursSourceDateEpoch_FromItsEnvironment()
    {
        var folder = Folder();
        var output = Path.Combine(folder, "db.json");
        var run = CliRunner.ProcessWith(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch }, "convert", Register, output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(Convert(NoVariables, null, "--now", Now).Written, File.ReadAllBytes(output));
    }
}
