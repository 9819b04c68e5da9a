using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>A SPOTIS problem: a case whose values lie in [1, 1000], bounds that hold them, and one more candidate within the bounds.</summary>
internal sealed record SpotisCase(McdaCase Case, KeyValuePair<string, SpotisBounds>[] Bounds, Candidate Extra)
{
    public override string ToString() =>
        Case + " | bounds " + string.Join(", ", Bounds.Select(b => b.Key + " " + b.Value)) + " | extra " +
        string.Join(" ", Extra.Values.Select(v => v.Value.ToString("R", CultureInfo.InvariantCulture)));
}

/// <summary>Generators for MABAC, MOORA/MULTIMOORA and SPOTIS properties (the cases themselves come from <see cref="VikorArbitraries"/>).</summary>
internal static class Mcda3Arbitraries
{
    /// <summary>A case with a candidate added that is strictly better than every other on every criterion.</summary>
    public static Arbitrary<(McdaCase Case, Candidate Best)> CaseAndDominator() =>
        (from c in VikorArbitraries.Cases()
         select (c, new Candidate("best", c.Criteria.Select(k => KeyValuePair.Create(k.Name,
             k.Kind == CriterionKind.Benefit ? c.Candidates.Max(x => x.Values[k.Name]) + 1 : c.Candidates.Min(x => x.Values[k.Name]) / 2)))))
        .ToArbitrary();

    /// <summary>A SPOTIS case: bounds from [−100, 0] to [1000, 1100] (values lie in [1, 1000]) and an extra candidate.</summary>
    public static Arbitrary<SpotisCase> SpotisCases() =>
        (from c in VikorArbitraries.Cases(2)
         from lows in Gen.ArrayOf(Gen.Choose(-100, 0), c.Criteria.Length)
         from highs in Gen.ArrayOf(Gen.Choose(1000, 1100), c.Criteria.Length)
         from extra in Gen.ArrayOf(Gen.Choose(1, 1_000_000).Select(v => v / 1000.0), c.Criteria.Length)
         select new SpotisCase(
             c,
             [.. c.Criteria.Select((k, j) => KeyValuePair.Create(k.Name, new SpotisBounds(lows[j], highs[j])))],
             new Candidate("extra", c.Criteria.Select((k, j) => KeyValuePair.Create(k.Name, extra[j])))))
        .ToArbitrary();

    /// <summary>Three random strict rankings of the same 1-60 candidates (0-based ranks, permutations).</summary>
    public static Arbitrary<int[][]> ThreeRankings() =>
        (from n in Gen.Choose(1, 60)
         from keys in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 1_000_000), n), 3)
         select keys.Select(k => Permutation(k)).ToArray())
        .ToArbitrary();

    /// <summary>Three rankings of 1-40 candidates with many ties: 0-based competition ranks (equal keys share a rank).</summary>
    public static Arbitrary<int[][]> ThreeTiedRankings() =>
        (from n in Gen.Choose(1, 40)
         from keys in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 4), n), 3)
         select keys.Select(k => k.Select(x => k.Count(y => y < x)).ToArray()).ToArray())
        .ToArbitrary();

    private static int[] Permutation(int[] keys)
    {
        var order = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
        var ranks = new int[keys.Length];
        for (var k = 0; k < order.Length; k++)
        {
            ranks[order[k]] = k;
        }

        return ranks;
    }
}
