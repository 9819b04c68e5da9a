using System.Globalization;
using System.Text;
using NodaTime;
using Usm.Model.Serialization;

namespace Usm.Model.Tests.Serialization;

/// <summary>
/// The instant converter of every reader (the diagnostic path too) tries <see cref="IsoInstantText"/> first, so a wrong
/// value would be wrong on both paths alike and no fast-versus-diagnostic comparison could see it; only a comparison
/// with the NodaTime pattern itself can. This one covers every day from 0001-01-01 to 9999-12-31, each with a random
/// time and a fraction of 0-9 digits, and formats each instant back. (Proposed by the review of the fast reader.)
/// </summary>
public class IsoInstantTextEveryDayTests
{
    [Fact]
    public void EveryDay_ReadsAndFormatsAsThePatternDoes()
    {
        var random = new Random(4);
        var failures = new List<string>();
        Span<byte> formatted = stackalloc byte[32];
        for (var day = new LocalDate(1, 1, 1); ; day = day.PlusDays(1))
        {
            var digits = random.Next(10);
            var fraction = digits == 0 ? string.Empty : "." + random.Next(1, 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture)[..digits];
            var text = string.Create(CultureInfo.InvariantCulture, $"{day.Year:0000}-{day.Month:00}-{day.Day:00}T{random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00}{fraction}Z");
            var taken = IsoInstantText.TryParse(Encoding.ASCII.GetBytes(text), out var instant);
            var expected = NodaTimeText.Instant.Parse(text);

            // A fraction ending in 0 is not the writer's form, so the strict reader defers it to the pattern.
            if (!expected.Success || (taken && instant != expected.Value) || (!taken && !fraction.EndsWith('0')))
            {
                failures.Add($"{text}: strict {(taken ? instant.ToString() : "deferred")}, pattern {(expected.Success ? expected.Value.ToString() : "fails")}");
            }
            else if (!IsoInstantText.TryFormat(expected.Value, formatted, out var written)
                || Encoding.ASCII.GetString(formatted[..written]) != NodaTimeText.Instant.Format(expected.Value))
            {
                failures.Add($"{text}: formatted differently from the pattern");
            }

            if (day == new LocalDate(9999, 12, 31))
            {
                break;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
