using System.Text;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>
/// The strict instant reader used by the JSON readers: on the writer's canonical form it must give exactly what the
/// NodaTime pattern gives, and it must defer (answer false) on anything it does not fully handle.
/// </summary>
public class IsoInstantTextTests
{
    private static bool Agrees(string text)
    {
        if (!IsoInstantText.TryParse(Encoding.UTF8.GetBytes(text), out var fast))
        {
            return true;
        }

        var pattern = NodaTimeText.Instant.Parse(text);
        return pattern.Success && pattern.Value == fast;
    }

    [Fact]
    public void WrittenInstants_ReadAsThePatternReadsThem()
    {
        PropertyCheck.Run(Prop.ForAll(RiskReaderArbitraries.Instants(), instant =>
        {
            var text = NodaTimeText.Instant.Format(instant);
            var year = instant.InUtc().Year;
            var taken = IsoInstantText.TryParse(Encoding.UTF8.GetBytes(text), out var fast);

            // Every year the strict form covers is taken; the others are deferred.
            return taken == year is >= 1 and <= 9999 && (!taken || (fast == instant && NodaTimeText.Instant.Parse(text).Value == instant));
        }), maxTest: 3000);
    }

    [Fact]
    public void Formatting_WritesThePatternsBytes_ForTheYearsItCovers()
    {
        // The streaming writer formats instants itself; the bytes must be the pattern's, and other years are left to it.
        PropertyCheck.Run(Prop.ForAll(RiskReaderArbitraries.Instants(), instant =>
        {
            Span<byte> buffer = stackalloc byte[32];
            var year = instant.InUtc().Year;
            var taken = IsoInstantText.TryFormat(instant, buffer, out var written);
            return taken == year is >= 1 and <= 9999
                && (!taken || Encoding.UTF8.GetString(buffer[..written]) == NodaTimeText.Instant.Format(instant));
        }), maxTest: 3000);
    }

    [Theory]
    [InlineData(0L, 0, "1970-01-01T00:00:00Z")]
    [InlineData(1_709_285_400L, 125_000_000, "2024-03-01T09:30:00.125Z")]
    [InlineData(253_402_300_799L, 999_999_999, "9999-12-31T23:59:59.999999999Z")]
    [InlineData(-62_135_596_800L, 1, "0001-01-01T00:00:00.000000001Z")]
    public void Formatting_KnownInstants(long unixSeconds, int nanoseconds, string expected)
    {
        var buffer = new byte[32];
        Assert.True(IsoInstantText.TryFormat(Instant.FromUnixTimeSeconds(unixSeconds).PlusNanoseconds(nanoseconds), buffer, out var written));
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer, 0, written));
        Assert.False(IsoInstantText.TryFormat(Instant.FromUnixTimeSeconds(-62_135_596_801L), buffer, out _)); // year 0
        Assert.False(IsoInstantText.TryFormat(Instant.MinValue, buffer, out _));
        Assert.False(IsoInstantText.TryFormat(Instant.FromUnixTimeSeconds(unixSeconds), new byte[29], out _)); // too short
    }

    [Fact]
    public void ChangedText_IsDeferredOrReadAsThePatternReadsIt()
    {
        const string alphabet = "0123456789-:.TZz+ ";
        PropertyCheck.Run(Prop.ForAll(RiskReaderArbitraries.Instants(), SerializationArbitraries.MutationSeed(), (instant, seed) =>
        {
            var random = new Random(seed);
            var text = NodaTimeText.Instant.Format(instant).ToCharArray().ToList();
            for (var i = random.Next(1, 4); i > 0 && text.Count > 0; i--)
            {
                var at = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0:
                        text[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                    case 1:
                        text.RemoveAt(at);
                        break;
                    default:
                        text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                }
            }

            return Agrees(new string([.. text]));
        }), maxTest: 3000);
    }

    [Theory]
    [InlineData("2024-03-01T09:30:00Z")]
    [InlineData("2024-03-01T09:30:00.1Z")]
    [InlineData("2024-03-01T09:30:00.123456789Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.999999999Z")]
    public void CanonicalForms_AreTaken(string text)
    {
        Assert.True(IsoInstantText.TryParse(Encoding.UTF8.GetBytes(text), out var instant));
        Assert.Equal(NodaTimeText.Instant.Parse(text).Value, instant);
    }

    [Theory]
    [InlineData("2024-03-01T09:30:00.120Z")] // trailing zero: the pattern decides
    [InlineData("2024-03-01T09:30:00.Z")]
    [InlineData("2024-03-01T09:30:00.1234567891Z")]
    [InlineData("2024-03-01T09:30:00+02:00")]
    [InlineData("2024-03-01T09:30:00z")]
    [InlineData("2024-03-01 09:30:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-04-31T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T23:60:00Z")]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("-0001-01-01T00:00:00Z")]
    [InlineData("12024-03-01T09:30:00Z")]
    [InlineData("2024-3-01T09:30:00Z")]
    [InlineData("")]
    public void OtherText_IsDeferred(string text) => Assert.False(IsoInstantText.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
