using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>A multi-criteria problem for WPM, WASPAS and VIKOR: criteria with kinds and weights, and positive candidates.</summary>
internal sealed record McdaCase(Criterion[] Criteria, Candidate[] Candidates)
{
    public CandidateSet Set => new(Candidates);

    public override string ToString() =>
        string.Join("; ", Criteria.Select(c => c.ToString())) + " | " +
        string.Join("; ", Candidates.Select(c => c.Id + " " + string.Join(" ", c.Values.Select(v => v.Value.ToString("R", CultureInfo.InvariantCulture)))));
}

/// <summary>Generators for the WPM, WASPAS and VIKOR properties: 1-4 criteria, 1-25 candidates, positive values (small integers, so ties are common, or reals over six orders of magnitude).</summary>
internal static class VikorArbitraries
{
    public static Gen<McdaCase> Cases(int minSize = 1, int maxSize = 25) =>
        from m in Gen.Choose(1, 4)
        from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
        from weights in Gen.ArrayOf(Gen.Choose(0, 5), m)
        from n in Gen.Choose(minSize, maxSize)
        from integers in Gen.Elements(true, false)
        from rows in Gen.ArrayOf(Gen.ArrayOf(integers ? Gen.Choose(1, 6).Select(v => (double)v) : Gen.Choose(1, 1_000_000).Select(v => v / 1000.0), m), n)
        select new McdaCase(
            [.. kinds.Select((k, j) => new Criterion("k" + j.ToString(CultureInfo.InvariantCulture), k, j == 0 ? weights[j] + 1 : weights[j]))],
            [.. rows.Select((row, i) => new Candidate(
                "c" + i.ToString(CultureInfo.InvariantCulture),
                row.Select((v, j) => KeyValuePair.Create("k" + j.ToString(CultureInfo.InvariantCulture), v))))]);

    public static Arbitrary<McdaCase> Arbitrary() => Cases().ToArbitrary();

    /// <summary>A case, a benefit criterion's index (or −1 if none), and a positive constant: a power of two or any real in [0.001, 1000].</summary>
    public static Arbitrary<(McdaCase Case, double Constant, bool PowerOfTwo)> CaseAndScale() =>
        (from c in Cases(2)
         from powerOfTwo in Gen.Elements(true, false)
         from exponent in Gen.Choose(-20, 20)
         from real in Gen.Choose(1, 1_000_000)
         select (c, powerOfTwo ? Math.ScaleB(1, exponent) : real / 1000.0, powerOfTwo)).ToArbitrary();

    /// <summary>A case and a permutation of its candidates.</summary>
    public static Arbitrary<(McdaCase Case, Candidate[] Shuffled)> CaseAndShuffle() =>
        (from c in Cases()
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), c.Candidates.Length)
         select (c, c.Candidates.Zip(keys).OrderBy(p => p.Second).ThenBy(p => p.First.Id, StringComparer.Ordinal).Select(p => p.First).ToArray()))
        .ToArbitrary();

    /// <summary>A case, a λ or v in [0, 1] (the ends included often).</summary>
    public static Arbitrary<(McdaCase Case, double Parameter)> CaseAndParameter() =>
        (from c in Cases()
         from p in Gen.OneOf(Gen.Elements(0.0, 0.5, 1.0), Gen.Choose(0, 1000).Select(v => v / 1000.0))
         select (c, p)).ToArbitrary();
}
