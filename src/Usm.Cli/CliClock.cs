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
        Description = $"Use this instant (ISO-8601 with Z or an offset, for example 2026-03-09T09:00:00Z or 2026-03-09T10:00:00+01:00) as the current time, so that the output is the same on every run. Without it, the {SourceDateEpoch} environment variable (seconds since 1970-01-01T00:00:00Z) is used if set.",
        HelpName = "INSTANT",
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            var text = result.Tokens[^1].Value;
            if (ParseNow(text, out var error) is not { } instant)
            {
                result.AddError($"--now '{text}': {error}");
                return null;
            }

            return instant;
        },
    };

    // The forms --now reads: RFC 3339 date-times (ISO-8601's extended format with Z or an offset, as
    // `date -Iseconds`, `date --rfc-3339=seconds` and `git log --format=%cI` print them), seconds optional, a fraction
    // of up to nine digits, an offset with or without its colon.
    private static readonly OffsetDateTimePattern[] NowPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HHmm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<+HHmm>"),
    ];

    /// <summary>
    /// Reads a <c>--now</c> value: an ISO-8601 / RFC 3339 date and time with <c>Z</c> or an offset
    /// (<c>2026-03-09T09:00:00Z</c>, <c>2026-03-09T10:00:00+01:00</c>, <c>…+0100</c>; seconds and a fraction
    /// optional; <c>t</c>, <c>z</c> and a space between date and time as RFC 3339 allows), from 1970 to the end of 9999.
    /// </summary>
    /// <returns>The instant, or null with <paramref name="error"/> saying what is wrong (without the value).</returns>
    internal static Instant? ParseNow(string text, out string error)
    {
        // RFC 3339 (section 5.6) allows lower-case t and z, and a space in place of the T.
        var normal = text.Length > 10 && text[10] is ' ' or 't' ? string.Concat(text.AsSpan(0, 10), "T", text.AsSpan(11)) : text;
        if (normal.EndsWith('z'))
        {
            normal = normal[..^1] + "Z";
        }

        foreach (var pattern in NowPatterns)
        {
            var parsed = pattern.Parse(normal);
            if (!parsed.Success)
            {
                continue;
            }

            Instant instant;
            try
            {
                instant = parsed.Value.ToInstant();
            }
            catch (OverflowException)
            {
                instant = Instant.MaxValue; // the end of 9999 at a negative offset: past the last instant NodaTime holds
            }

            if (instant < Instant.FromUnixTimeSeconds(0) || instant > Latest)
            {
                error = "use an instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.";
                return null;
            }

            error = string.Empty;
            return instant;
        }

        error = LocalDateTimePattern.ExtendedIso.Parse(normal).Success
            || LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(normal).Success
            ? "the time has no offset, so it is not one instant: add Z for UTC (2026-03-09T09:00:00Z) or the offset from UTC (2026-03-09T10:00:00+01:00)."
            : LocalDatePattern.Iso.Parse(normal).Success
            ? "a date is not an instant: give a time and Z or an offset, such as 2026-03-09T00:00:00Z."
            : "expected an ISO-8601 instant with Z or an offset, such as 2026-03-09T09:00:00Z or 2026-03-09T10:00:00+01:00.";
        return null;
    }

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
