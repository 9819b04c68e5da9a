using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Usm.Model.Serialization;

/// <summary>
/// System.Text.Json converters for NodaTime values, built on NodaTime's own ISO text patterns. A value that does not
/// parse becomes a <see cref="JsonException"/>, which the readers turn into a <see cref="ReadError"/> with the path.
/// </summary>
internal static class NodaTimeText
{
    /// <summary>Instants: extended ISO 8601 in UTC, for example <c>2024-03-01T09:30:00.125Z</c>.</summary>
    public static IPattern<Instant> Instant => InstantPattern.ExtendedIso;

    /// <summary>Offset date-times, accepted on input for instants written with an offset (<c>…+02:00</c>).</summary>
    public static IPattern<OffsetDateTime> OffsetDateTime => OffsetDateTimePattern.ExtendedIso;

    /// <summary>Dates: ISO 8601, for example <c>2024-03-01</c>.</summary>
    public static IPattern<LocalDate> Date => LocalDatePattern.Iso;

    /// <summary>Parses an instant written in UTC or with an offset.</summary>
    public static ParseResult<Instant> ParseInstant(string text)
    {
        var utc = Instant.Parse(text);
        if (utc.Success)
        {
            return utc;
        }

        var offset = OffsetDateTime.Parse(text);
        return offset.Success ? ParseResult<Instant>.ForValue(offset.Value.ToInstant()) : utc;
    }

    /// <summary>Parses an ISO 8601 date interval <c>start/end</c> (both dates inclusive).</summary>
    public static DateInterval? ParseInterval(string text, out string? error)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = $"Expected a date interval 'start/end' but found '{text}'.";
            return null;
        }

        var start = Date.Parse(text[..slash]);
        var end = Date.Parse(text[(slash + 1)..]);
        if (!start.Success || !end.Success)
        {
            error = $"Expected a date interval 'yyyy-MM-dd/yyyy-MM-dd' but found '{text}'.";
            return null;
        }

        if (end.Value < start.Value)
        {
            error = $"The interval '{text}' ends before it starts.";
            return null;
        }

        error = null;
        return new DateInterval(start.Value, end.Value);
    }

    /// <summary>
    /// Formats a date in ISO 8601. The ISO pattern prints a date's own year, month and day, so a date in another
    /// calendar (Julian, Hebrew, ...) would come out as a different day; it is converted to the ISO calendar first, and
    /// the same day is written (and read back as an ISO date).
    /// </summary>
    public static string FormatDate(LocalDate date) => Date.Format(date.WithCalendar(CalendarSystem.Iso));

    /// <summary>Formats a date interval as <c>start/end</c>, both dates in ISO 8601 (see <see cref="FormatDate"/>).</summary>
    public static string FormatInterval(DateInterval interval) => FormatDate(interval.Start) + "/" + FormatDate(interval.End);

    public static string ReadString(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"Expected {what} as a string but found {reader.TokenType}.");
}

/// <summary>Converts <see cref="Instant"/> to and from extended ISO 8601 text.</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The form the writer gives is read straight from the bytes; any other text goes through the NodaTime patterns.
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence && IsoInstantText.TryParse(reader.ValueSpan, out var instant))
        {
            return instant;
        }

        var text = NodaTimeText.ReadString(ref reader, "an ISO 8601 instant");
        var result = NodaTimeText.ParseInstant(text);
        return result.Success ? result.Value : throw new JsonException($"Expected an ISO 8601 instant such as 2024-03-01T09:30:00Z but found '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) => writer.WriteStringValue(NodaTimeText.Instant.Format(value));
}

/// <summary>Converts <see cref="LocalDate"/> to and from ISO 8601 text.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = NodaTimeText.ReadString(ref reader, "an ISO 8601 date");
        var result = NodaTimeText.Date.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"Expected an ISO 8601 date such as 2024-03-01 but found '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) => writer.WriteStringValue(NodaTimeText.FormatDate(value));
}

/// <summary>Converts <see cref="DateInterval"/> to and from ISO 8601 <c>start/end</c> text (both inclusive).</summary>
internal sealed class DateIntervalJsonConverter : JsonConverter<DateInterval>
{
    public override DateInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = NodaTimeText.ReadString(ref reader, "an ISO 8601 date interval");
        return NodaTimeText.ParseInterval(text, out var error) ?? throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options) => writer.WriteStringValue(NodaTimeText.FormatInterval(value));
}
