using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Generators for the risk database reader's internal fast pieces: the arguments of a risk (lists often already
/// normalised, as the writer writes them, but also unsorted, duplicated, blank or undefined) and instants across the
/// whole range NodaTime can write.
/// </summary>
internal static class RiskReaderArbitraries
{
    private static readonly string?[] s_ids = ["a", "b", "B", "a ", "R-1", "R-2", "R-10", "é", "", " ", "\t", null];

    /// <summary>The arguments of a risk, with lists as they come (normalised about half the time).</summary>
    public static Arbitrary<RiskArgs> RiskArguments() =>
        (from id in Gen.Frequency((6, Gen.Elements("R-1", "R-2", "a")), (1, Gen.Elements("", " ")))
         from title in Gen.Frequency((6, Gen.Constant("T")), (1, Gen.Elements("", " ")))
         from polarity in Gen.Frequency((6, Gen.Elements(RiskPolarity.Threat, RiskPolarity.Opportunity)), (1, Gen.Constant((RiskPolarity)0)))
         from category in Gen.Frequency((6, Gen.Constant("c")), (1, Gen.Constant(" ")))
         from resources in Gen.Frequency((3, Gen.ArrayOf(Gen.Elements(Resource.People, Resource.Process, Resource.Technology)).Select(Normalise)), (2, Gen.ArrayOf(Gen.Choose(0, 4).Select(r => (Resource)r))))
         from services in Ids()
         from mics in Ids()
         from related in Ids()
         select new RiskArgs(id, title, polarity, category, resources, services, mics, related)).ToArbitrary();

    /// <summary>Instants from the start to the end of NodaTime's range, with whole seconds, milliseconds, ticks and nanoseconds.</summary>
    public static Arbitrary<Instant> Instants() =>
        (from days in Gen.Frequency((1, Gen.Choose(-4_000_000, 2_900_000)), (4, Gen.Choose(0, 30_000)))
         from nanos in Gen.Frequency(
             (2, Gen.Choose(0, 86_399).Select(s => s * 1_000_000_000L)),
             (2, Gen.Choose(0, 86_399_999).Select(ms => ms * 1_000_000L)),
             (2, Gen.Choose(0, 863_999_999).Select(t => t * 100L)),
             (2, from s in Gen.Choose(0, 86_399) from n in Gen.Choose(0, 999_999_999) select (s * 1_000_000_000L) + n))
         select Clamp(days, nanos)).ToArbitrary();

    private static Instant Clamp(int days, long nanos)
    {
        var min = Instant.MinValue.ToUnixTimeTicks() / NodaConstants.TicksPerDay;
        var max = Instant.MaxValue.ToUnixTimeTicks() / NodaConstants.TicksPerDay;
        var day = Math.Clamp(days - 719_162L, min + 1, max - 1);
        return Instant.FromUnixTimeTicks(day * NodaConstants.TicksPerDay).PlusNanoseconds(nanos);
    }

    private static Gen<string?[]> Ids() =>
        Gen.Frequency(
            (3, Gen.ArrayOf(Gen.Elements(s_ids)).Select(ids => (string?[])[.. ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])),
            (2, Gen.ArrayOf(Gen.Elements(s_ids))));

    private static Resource[] Normalise(Resource[] resources) => [.. resources.Distinct().Order()];
}

/// <summary>The arguments of a risk as a reader meets them.</summary>
internal sealed record RiskArgs(string Id, string Title, RiskPolarity Polarity, string Category, Resource[] Resources, string?[] ServiceIds, string?[] MicIds, string?[] RelatedRiskIds)
{
    public override string ToString() =>
        $"id '{Id}', title '{Title}', {Polarity}, category '{Category}', resources [{string.Join(", ", Resources)}], services [{string.Join(", ", ServiceIds)}], mics [{string.Join(", ", MicIds)}], related [{string.Join(", ", RelatedRiskIds)}]";
}
