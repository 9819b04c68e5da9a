using NodaTime;

namespace Usm.Model.Serialization;

/// <summary>
/// A strict reader and writer for the one text form the writers give an instant (<see cref="NodaTimeText.Instant"/>, extended
/// ISO 8601 in UTC): <c>yyyy-MM-ddTHH:mm:ssZ</c> with an optional fraction of one to nine digits that does not end in
/// zero, years 0001 to 9999. It answers only for that canonical form, where it gives exactly what the NodaTime pattern
/// gives; anything else (other years, a fraction with trailing zeros, an offset, a leap second, any other text) is
/// deferred to the pattern by returning false.
/// </summary>
internal static class IsoInstantText
{
    private const int ShortestLength = 20; // 2024-03-01T09:30:00Z
    private const int LongestLength = 30;  // 2024-03-01T09:30:00.123456789Z

    /// <summary>Reads the canonical form from UTF-8 bytes; false when the text is anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (text.Length is < ShortestLength or > LongestLength || text[4] != '-' || text[7] != '-' || text[10] != 'T'
            || text[13] != ':' || text[16] != ':' || text[^1] != 'Z'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var nanoseconds = 0;
        if (text.Length > ShortestLength)
        {
            // A fraction: '.', one to nine digits, the last not zero (the writer leaves trailing zeros out).
            var fraction = text[20..^1];
            if (text[19] != '.' || fraction.IsEmpty || fraction[^1] == '0' || !TryDigits(fraction, out nanoseconds))
            {
                return false;
            }

            for (var i = fraction.Length; i < 9; i++)
            {
                nanoseconds *= 10;
            }
        }
        else if (text[19] != 'Z')
        {
            return false;
        }

        var seconds = (DaysFromCivil(year, month, day) * 86_400L) + (hour * 3_600) + (minute * 60) + second;
        instant = Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanoseconds);
        return true;
    }

    /// <summary>
    /// Writes an instant of the years 0001 to 9999 in the canonical form, as UTF-8: the bytes
    /// <see cref="NodaTimeText.Instant"/> formats (the fraction's trailing zeros left out, no fraction for whole
    /// seconds). False for other years, which the pattern writes in another form, or a destination shorter than 30 bytes.
    /// </summary>
    public static bool TryFormat(Instant instant, Span<byte> destination, out int written)
    {
        written = 0;
        var utc = instant.InUtc();
        if (utc.Year is < 1 or > 9999 || destination.Length < LongestLength)
        {
            return false;
        }

        WriteDigits(destination[..4], utc.Year);
        destination[4] = (byte)'-';
        WriteDigits(destination.Slice(5, 2), utc.Month);
        destination[7] = (byte)'-';
        WriteDigits(destination.Slice(8, 2), utc.Day);
        destination[10] = (byte)'T';
        WriteDigits(destination.Slice(11, 2), utc.Hour);
        destination[13] = (byte)':';
        WriteDigits(destination.Slice(14, 2), utc.Minute);
        destination[16] = (byte)':';
        WriteDigits(destination.Slice(17, 2), utc.Second);
        written = 19;
        var nanoseconds = utc.NanosecondOfSecond;
        if (nanoseconds != 0)
        {
            destination[19] = (byte)'.';
            WriteDigits(destination.Slice(20, 9), nanoseconds);
            written = 29;
            while (destination[written - 1] == '0')
            {
                written--;
            }
        }

        destination[written++] = (byte)'Z';
        return true;
    }

    // Writes value as exactly digits.Length ASCII digits, zero-padded on the left.
    private static void WriteDigits(Span<byte> digits, int value)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    // Up to nine ASCII digits.
    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = b - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    // Days from 1970-01-01 to a proleptic Gregorian date of a positive year (H. Hinnant, "chrono-Compatible Low-Level
    // Date Algorithms", days_from_civil, 2013; for years ≥ 1 no negative era arises).
    private static long DaysFromCivil(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = y / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097L) + dayOfEra - 719_468;
    }
}
