using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Usm.Cli;

/// <summary>
/// The one clock of a command: every read of the time goes through it. It reads, in this order, the command's
/// <c>--now INSTANT</c> option, the <c>SOURCE_DATE_EPOCH</c> environment variable
/// (https://reproducible-builds.org/specs/source-date-epoch/), and the environment's own clock
/// (<see cref="CliEnvironment.Clock"/>, the system clock outside tests). With either of the first two the time is fixed,
/// so a command's output is the same on every run.
/// </summary>
/// <remarks>
/// The variable is looked at only when the time is read (or <see cref="Fixed"/> is asked): a command that never reads
/// the time is not stopped by a malformed value it does not use.
/// </remarks>
internal sealed class CliClock : IClock
{
    /// <summary>The reproducible-builds variable: whole seconds since 1970-01-01T00:00:00Z.</summary>
    public const string SourceDateEpoch = "SOURCE_DATE_EPOCH";

    /// <summary>The latest instant either way of fixing the time may give: the last second of the year 9999.</summary>
    public static readonly Instant Latest = Instant.FromUtc(9999, 12, 31, 23, 59, 59);

    /// <summary>The <c>--now</c> option of the commands whose output holds the time.</summary>
    public static readonly Option<Instant?> NowOption = new("--now")
    {
        Description = $"Use this instant (ISO-8601 UTC, for example 2026-03-09T09:00:00Z) as the current time, so that the output is the same on every run. Without it, the {SourceDateEpoch} environment variable (seconds since 1970-01-01T00:00:00Z) is used if set.",
        HelpName = "INSTANT",
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            var text = result.Tokens[^1].Value;
            var parsed = InstantPattern.ExtendedIso.Parse(text);
            if (!parsed.Success)
            {
                result.AddError($"--now '{text}': expected an instant in ISO-8601 UTC, such as 2026-03-09T09:00:00Z.");
                return null;
            }

            if (parsed.Value < Instant.FromUnixTimeSeconds(0) || parsed.Value > Latest)
            {
                result.AddError($"--now '{text}': use an instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.");
                return null;
            }

            return parsed.Value;
        },
    };

    private readonly Instant? _now;
    private readonly CliEnvironment _env;

    private CliClock(Instant? now, CliEnvironment env)
    {
        _now = now;
        _env = env;
    }

    /// <summary>The clock of a command: its <c>--now</c> value if it has that option and it is given.</summary>
    public static CliClock For(ParseResult parse, CliEnvironment env) =>
        new(parse.GetResult(NowOption) is { } result ? result.GetValueOrDefault<Instant?>() : null, env);

    /// <summary>
    /// The fixed time and where it comes from (<c>--now</c> or the variable), or null when the environment's clock is
    /// used.
    /// </summary>
    /// <exception cref="CliException">The variable is set but is not a whole number of seconds from 0 to the end of 9999.</exception>
    public (Instant At, string Source)? Fixed =>
        _now is { } now ? (now, "--now")
        : FromVariable(_env.Variable(SourceDateEpoch)) is { } epoch ? (epoch, SourceDateEpoch)
        : null;

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Fixed?.At ?? _env.Clock.GetCurrentInstant();

    /// <summary>
    /// Reads a <c>SOURCE_DATE_EPOCH</c> value: decimal digits only (as <c>date +%s</c> prints them), no sign, no
    /// fraction, no spaces, at most the end of the year 9999. An unset or empty variable means "not set".
    /// </summary>
    /// <exception cref="CliException">Anything else; the message names the variable and the value.</exception>
    internal static Instant? FromVariable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.All(char.IsAsciiDigit)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= Latest.ToUnixTimeSeconds())
        {
            return Instant.FromUnixTimeSeconds(seconds);
        }

        throw new CliException(string.Create(CultureInfo.InvariantCulture,
            $"{SourceDateEpoch} '{value}': expected whole seconds since 1970-01-01T00:00:00Z (as 'date +%s' prints), from 0 to {Latest.ToUnixTimeSeconds()}; unset it to use the current time."));
    }
}
