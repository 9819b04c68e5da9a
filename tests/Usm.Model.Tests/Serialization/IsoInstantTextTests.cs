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
