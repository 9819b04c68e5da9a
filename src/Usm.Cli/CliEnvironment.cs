using System.Text;
using NodaTime;
using Spectre.Console;

namespace Usm.Cli;

/// <summary>
/// Where a command writes: standard output (as text and as a Spectre console), standard error, and whether the
/// terminal is interactive (progress indicators and colour only then); and what it reads from its surroundings: the
/// clock and the environment variables. Tests pass string writers, and their own variables and clock.
/// </summary>
internal sealed class CliEnvironment
{
    private readonly Func<string, string?> _variables;

    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="interactive">Whether progress indicators may be shown.</param>
    /// <param name="colour">Whether colour may be used.</param>
    /// <param name="variables">The environment variables by name (null for none: a test's runs do not see the test process's variables).</param>
    /// <param name="clock">The clock when the command does not fix the time (null: the system clock).</param>
    public CliEnvironment(TextWriter output, TextWriter error, bool interactive, bool colour, Func<string, string?>? variables = null, IClock? clock = null)
    {
        _variables = variables ?? (_ => null);
        Clock = clock ?? SystemClock.Instance;
        output = new OutputWriter(output);
        Out = output;
        Error = error;
        IsInteractive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!colour)
        {
            // A wide fixed width keeps redirected output stable (no wrapping at an unknown terminal width).
            Console.Profile.Width = 160;
        }
        else if (TerminalWidth() is > 0 and var width)
        {
            // Spectre measures the terminal only when it writes to Console.Out itself; here it writes through the guard.
            Console.Profile.Width = width;
        }
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public bool IsInteractive { get; }

    public IAnsiConsole Console { get; }

    /// <summary>
    /// The clock of the surroundings (the system clock outside tests). Commands read the time through
    /// <see cref="CliClock"/>, which uses this clock only when neither <c>--now</c> nor <c>SOURCE_DATE_EPOCH</c> fixes it.
    /// </summary>
    public IClock Clock { get; }

    /// <summary>The value of an environment variable, or null when it is not set.</summary>
    public string? Variable(string name) => _variables(name);

    /// <summary>The process's own console: plain when output is redirected or NO_COLOR is set (https://no-color.org).</summary>
    public static CliEnvironment FromProcess()
    {
        var redirected = System.Console.IsOutputRedirected;
        var noColour = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new CliEnvironment(System.Console.Out, System.Console.Error, interactive: !redirected && !System.Console.IsErrorRedirected, colour: !redirected && !noColour,
            variables: Environment.GetEnvironmentVariable, clock: SystemClock.Instance);
    }

    private static int TerminalWidth()
    {
        try
        {
            return System.Console.IsOutputRedirected ? 0 : System.Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>Runs <paramref name="work"/> with a spinner on an interactive terminal, silently otherwise.</summary>
    public T WithProgress<T>(string label, Func<T> work)
    {
        if (!IsInteractive)
        {
            return work();
        }

        return Console.Status().Start(label, _ => work());
    }
}

/// <summary>
/// A user error (missing file, bad value, malformed input): printed as one line on standard error, without a stack
/// trace, and the process exits with <see cref="ExitCodes.UsageOrInputError"/>.
/// </summary>
internal class CliException(string message) : Exception(message)
{
    /// <summary>
    /// The library's own message of an exception, for one line on standard error: without the
    /// " (Parameter 'name')" suffix and the "Actual value was …" line that <see cref="ArgumentException"/> and
    /// <see cref="ArgumentOutOfRangeException"/> add (the library's messages already name the offending value).
    /// </summary>
    public static string Reason(Exception e)
    {
        var text = e.Message;
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (e is ArgumentOutOfRangeException && newline >= 0)
        {
            text = text[..newline].TrimEnd('\r');
        }

        if (e is ArgumentException { ParamName: { } name })
        {
            var suffix = $" (Parameter '{name}')";
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length];
            }
        }

        return text;
    }
}

/// <summary>
/// A usage error found after parsing (an empty file name, an output that is the input): printed as <c>usm: …</c> plus
/// the hint to run <c>usm --help</c>, exit code <see cref="ExitCodes.UsageOrInputError"/>.
/// </summary>
internal sealed class CliUsageException(string message) : CliException(message);

/// <summary>
/// Standard output that turns a failed write (a full disk, a closed pipe, <c>/dev/full</c>) into a
/// <see cref="CliException"/>, so the tool reports it in one line instead of crashing.
/// </summary>
internal sealed class OutputWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var copy = buffer.ToArray();
        Guard(() => inner.Write(copy));
    }

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    public override string ToString() => inner.ToString() ?? string.Empty;

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new CliException("cannot write the output: " + e.Message);
        }
    }
}

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success, and nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and reports findings (validation) or an infeasible plan.</summary>
    public const int Findings = 1;

    /// <summary>A usage or input error: bad arguments, a missing or malformed file.</summary>
    public const int UsageOrInputError = 2;
}
