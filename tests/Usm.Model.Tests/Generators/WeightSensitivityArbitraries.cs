using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>One generated weight-sensitivity case: a candidate set, a weighted-sum method over its criteria, and options.</summary>
internal sealed record SensitivityCase(Candidate[] Candidates, WeightedSumMethod Method, RankingOptions Options, int[] Shuffle, double[] Positions)
{
    public CandidateSet Set => new(Candidates);

    public CandidateSet ShuffledSet => new(Shuffle.Select(i => Candidates[i]));

    public override string ToString() =>
        $"{Method.Normalisation} [{string.Join(", ", Method.Criteria)}], key {Options.SecondaryKey}, candidates: "
        + string.Join("; ", Candidates.Select(c => c.Id + " " + string.Join(" ", c.Values.Select(v => v.Value.ToString(CultureInfo.InvariantCulture))) + " e" + c.Effort.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>
/// Generators for weight sensitivity: 1-12 candidates on 1-4 criteria. Values lie on a fine grid (hundredths up to
/// 1000), so that two different candidates rarely score equally by coincidence; exact ties come from duplicated rows,
/// which every normalisation scores identically. Weights are small integers, some 0; kinds, normalisation and the
/// secondary key vary.
/// </summary>
internal static class WeightSensitivityArbitraries
{
    private static readonly string[] Names = ["k1", "k2", "k3", "k4"];

    public static Arbitrary<SensitivityCase> Cases(int minCandidates = 1, int maxCandidates = 12, bool coarse = false) =>
        (from m in Gen.Choose(1, 4)
         from normalisation in Gen.Elements(SawNormalisation.Max, SawNormalisation.MinMax, SawNormalisation.Vector)
         from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 9))), m)
         from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
         from n in Gen.Choose(minCandidates, maxCandidates)
         from rows in Gen.ArrayOf(Gen.ArrayOf(coarse ? Gen.Choose(1, 6).Select(v => v * 100) : Gen.Choose(1, 100_000), m), n)
         from copies in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, n - 1))), n)
         from efforts in Gen.ArrayOf(Gen.Choose(0, 3), n)
         from key in Gen.Elements(TieBreaker.None, TieBreaker.LowerEffortFirst, TieBreaker.ByCriterion("k1", higherFirst: false))
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
         from positions in Gen.ArrayOf(Gen.Choose(1, 999), 3)
         select Build(normalisation, weights, kinds, rows, copies, efforts, key, keys, positions)).ToArbitrary();

    /// <summary>
    /// Cases with near ties: values 1 to 6, some nudged by a relative 1e-11 or 1e-9, so that two candidates' lines often
    /// cross within 1e-10 of weight 0 or 1 without meeting there. Max and vector normalisation only: under min-max a
    /// column whose values differ only by such nudges has a tiny range, which SAW itself cannot scale precisely.
    /// </summary>
    public static Arbitrary<SensitivityCase> NearTies() =>
        (from m in Gen.Choose(2, 4)
         from normalisation in Gen.Elements(SawNormalisation.Max, SawNormalisation.Vector)
         from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 9))), m)
         from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
         from n in Gen.Choose(2, 8)
         from rows in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 6), m), n)
         from nudges in Gen.ArrayOf(Gen.ArrayOf(Gen.Elements(0.0, 0.0, 0.0, 1e-11, -1e-11, 1e-9), m), n)
         from key in Gen.Elements(TieBreaker.None, TieBreaker.LowerEffortFirst)
         from efforts in Gen.ArrayOf(Gen.Choose(0, 3), n)
         select NearTieCase(normalisation, weights, kinds, rows, nudges, efforts, key)).ToArbitrary();

    private static SensitivityCase NearTieCase(SawNormalisation normalisation, int[] weights, CriterionKind[] kinds, int[][] rows, double[][] nudges, int[] efforts, TieBreaker key)
    {
        if (weights.All(w => w == 0))
        {
            weights[0] = 1;
        }

        var m = weights.Length;
        var candidates = rows.Select((row, i) => new Candidate(
            "c" + i.ToString("D2", CultureInfo.InvariantCulture),
            Enumerable.Range(0, m).Select(j => KeyValuePair.Create(Names[j], row[j] * (1 + nudges[i][j]))),
            efforts[i])).ToArray();
        var criteria = Enumerable.Range(0, m).Select(j => new Criterion(Names[j], kinds[j], weights[j]));
        var identity = Enumerable.Range(0, rows.Length).ToArray();
        return new SensitivityCase(candidates, RankingMethod.WeightedSum(criteria, normalisation), new RankingOptions(key), identity, [0.5]);
    }

    private static SensitivityCase Build(SawNormalisation normalisation, int[] weights, CriterionKind[] kinds, int[][] rows, int[] copies, int[] efforts, TieBreaker key, int[] keys, int[] positions)
    {
        if (weights.All(w => w == 0))
        {
            weights[0] = 1;
        }

        var m = weights.Length;
        var criteria = Enumerable.Range(0, m).Select(j => new Criterion(Names[j], kinds[j], weights[j]));
        var candidates = new Candidate[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            // Some candidates copy an earlier one's values (exact ties on every weight).
            var row = copies[i] >= 0 && copies[i] < i ? rows[copies[i]] : rows[i];
            candidates[i] = new Candidate(
                "c" + i.ToString("D2", CultureInfo.InvariantCulture),
                Enumerable.Range(0, m).Select(j => KeyValuePair.Create(Names[j], row[j] / 100.0)),
                efforts[i]);
        }

        var shuffle = Enumerable.Range(0, rows.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
        return new SensitivityCase(candidates, RankingMethod.WeightedSum(criteria, normalisation), new RankingOptions(key), shuffle, [.. positions.Select(p => p / 1000.0)]);
    }
}
