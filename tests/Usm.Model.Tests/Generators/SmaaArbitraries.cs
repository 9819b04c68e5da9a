using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>The weighted methods an SMAA case may use.</summary>
internal enum SmaaMethodKind
{
    SawMax,
    SawMinMax,
    SawVector,
    Topsis,
    WeightedProduct,
    Waspas,
    Vikor,
    Promethee,
}

/// <summary>One generated SMAA case: candidates, criteria, a weighted method, weight information, a seed and a shuffle.</summary>
internal sealed record SmaaCase(Candidate[] Candidates, Criterion[] Criteria, SmaaMethodKind Kind, SmaaWeights Weights, int Samples, ulong Seed, int[] Shuffle)
{
    public CandidateSet Set => new(Candidates);

    public CandidateSet ShuffledSet => new(Shuffle.Select(i => Candidates[i]));

    public SmaaOptions Options => new(Samples, Seed, Weights);

    public Func<ImmutableArray<Criterion>, RankingMethod> Method => SmaaArbitraries.Factory(Kind);

    public override string ToString() =>
        $"{Kind} [{string.Join(", ", Criteria.Select(c => c.ToString()))}], {Weights}, {Samples} samples, seed {Seed}, candidates: "
        + string.Join("; ", Candidates.Select(c => c.Id + " " + string.Join(" ", c.Values.Select(v => v.Value.ToString(CultureInfo.InvariantCulture)))));
}

/// <summary>
/// Generators for SMAA-2: 1-8 candidates on 1-4 criteria with values 1 to 100 (positive, so every weighted method
/// accepts them; some rows duplicated for exact ties), every weighted method, and weight information that always
/// leaves room: no information, a complete ranking, bounds on up to two criteria (lows at most 0.15, highs at least
/// 0.7), or both.
/// </summary>
internal static class SmaaArbitraries
{
    public static readonly string[] Names = ["k1", "k2", "k3", "k4"];

    public static Func<ImmutableArray<Criterion>, RankingMethod> Factory(SmaaMethodKind kind) => kind switch
    {
        SmaaMethodKind.SawMax => c => RankingMethod.WeightedSum(c, SawNormalisation.Max),
        SmaaMethodKind.SawMinMax => c => RankingMethod.WeightedSum(c, SawNormalisation.MinMax),
        SmaaMethodKind.SawVector => c => RankingMethod.WeightedSum(c, SawNormalisation.Vector),
        SmaaMethodKind.Topsis => c => RankingMethod.Topsis(c),
        SmaaMethodKind.WeightedProduct => c => RankingMethod.WeightedProduct(c),
        SmaaMethodKind.Waspas => c => RankingMethod.Waspas(c),
        SmaaMethodKind.Vikor => c => RankingMethod.Vikor(c),
        _ => c => RankingMethod.Promethee(c),
    };

    public static Arbitrary<SmaaCase> Cases(bool sawOnly = false) =>
        (from m in Gen.Choose(1, 4)
         from kind in sawOnly
             ? Gen.Elements(SmaaMethodKind.SawMax, SmaaMethodKind.SawMinMax, SmaaMethodKind.SawVector)
             : Gen.Elements(Enum.GetValues<SmaaMethodKind>())
         from weights in Gen.ArrayOf(Gen.Choose(1, 9), m)
         from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
         from n in Gen.Choose(1, 8)
         from rows in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 100), m), n)
         from copies in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, n - 1))), n)
         from information in Information(m)
         from samples in Gen.Choose(1, 40)
         from seed in Gen.Choose(0, int.MaxValue)
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
         select Build(kind, weights, kinds, rows, copies, information, samples, (ulong)seed, keys)).ToArbitrary();

    /// <summary>Weight information over the first m criterion names that always leaves a good share of the simplex.</summary>
    public static Gen<SmaaWeights> Information(int m) =>
        from shape in Gen.Choose(0, 3)
        from permutation in Gen.ArrayOf(Gen.Choose(0, 1000), m)
        from bounded in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (1, Gen.Constant(false))), Math.Min(m, 2))
        from lows in Gen.ArrayOf(Gen.Elements(0.0, 0.05, 0.1, 0.15), 2)
        from highs in Gen.ArrayOf(Gen.Elements(0.7, 0.9, 1.0), 2)
        select Weights(m, shape, permutation, bounded, lows, highs);

    private static SmaaWeights Weights(int m, int shape, int[] permutation, bool[] bounded, double[] lows, double[] highs)
    {
        var ranking = (shape & 1) == 1 ? Enumerable.Range(0, m).OrderBy(j => permutation[j]).ThenBy(j => j).Select(j => Names[j]).ToArray() : null;
        var bounds = (shape & 2) == 2
            ? Enumerable.Range(0, bounded.Length).Where(j => bounded[j]).Select(j => new WeightBound(Names[j], m == 1 ? 0 : lows[j], m == 1 ? 1 : highs[j])).ToArray()
            : null;
        return new SmaaWeights(ranking, bounds);
    }

    private static SmaaCase Build(SmaaMethodKind kind, int[] weights, CriterionKind[] kinds, int[][] rows, int[] copies, SmaaWeights information, int samples, ulong seed, int[] keys)
    {
        var m = weights.Length;
        var criteria = Enumerable.Range(0, m).Select(j => new Criterion(Names[j], kinds[j], weights[j])).ToArray();
        var candidates = new Candidate[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = copies[i] >= 0 && copies[i] < i ? rows[copies[i]] : rows[i];
            candidates[i] = new Candidate(
                "c" + i.ToString("D2", CultureInfo.InvariantCulture),
                Enumerable.Range(0, m).Select(j => KeyValuePair.Create(Names[j], (double)row[j])));
        }

        var shuffle = Enumerable.Range(0, rows.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
        return new SmaaCase(candidates, criteria, kind, information, samples, seed, shuffle);
    }
}
