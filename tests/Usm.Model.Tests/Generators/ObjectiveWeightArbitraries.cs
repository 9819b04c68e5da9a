using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// One generated objective-weighting case: candidates on 1-5 criteria, the criteria with kinds and arbitrary (ignored)
/// weights, a shuffle of the candidates, a permutation of the criteria, and a positive factor and a shift for one column.
/// </summary>
internal sealed record ObjectiveCase(string[] Names, CriterionKind[] Kinds, double[][] Rows, int[] Shuffle, int[] CriteriaOrder, int Column, double Factor, double Shift)
{
    public Criterion[] Criteria => [.. Names.Select((name, j) => new Criterion(name, Kinds[j], j + 1))];

    public CandidateSet Set => SetOf(Rows);

    public CandidateSet ShuffledSet => SetOf([.. Shuffle.Select(i => Rows[i])], [.. Shuffle.Select(Id)]);

    public Criterion[] PermutedCriteria => [.. CriteriaOrder.Select(j => Criteria[j])];

    /// <summary>The set with <see cref="Column"/> multiplied by <see cref="Factor"/>.</summary>
    public CandidateSet Scaled => SetOf([.. Rows.Select(r => r.Select((v, j) => j == Column ? v * Factor : v).ToArray())]);

    /// <summary>The set with <see cref="Column"/> shifted by <see cref="Shift"/> (values stay positive).</summary>
    public CandidateSet Shifted => SetOf([.. Rows.Select(r => r.Select((v, j) => j == Column ? v + Shift : v).ToArray())]);

    /// <summary>The set with one more criterion, "zconst", equal to 7 for every candidate.</summary>
    public CandidateSet WithConstant => CandidateSet.FromColumns(
        [.. Rows.Select((_, i) => Id(i))],
        [.. Names.Select((name, j) => KeyValuePair.Create(name, (IReadOnlyList<double>)[.. Rows.Select(r => r[j])])),
            KeyValuePair.Create("zconst", (IReadOnlyList<double>)[.. Rows.Select(_ => 7.0)])]);

    public bool IsConstant(int j) => Rows.All(r => r[j] == Rows[0][j]);

    public override string ToString() =>
        $"[{string.Join(", ", Names.Select((n, j) => n + " " + Kinds[j]))}] column {Column} ×{Factor.ToString(CultureInfo.InvariantCulture)} +{Shift.ToString(CultureInfo.InvariantCulture)}: "
        + string.Join("; ", Rows.Select(r => string.Join(" ", r.Select(v => v.ToString(CultureInfo.InvariantCulture)))));

    private static string Id(int i) => "c" + i.ToString("D2", CultureInfo.InvariantCulture);

    private CandidateSet SetOf(double[][] rows, string[]? ids = null) => CandidateSet.FromColumns(
        ids ?? [.. rows.Select((_, i) => Id(i))],
        [.. Names.Select((name, j) => KeyValuePair.Create(name, (IReadOnlyList<double>)[.. rows.Select(r => r[j])]))]);
}

/// <summary>
/// Generators for objective weighting: 2-25 candidates on 1-5 criteria, positive values on a grid of tenths up to
/// 1000 (so every method, MEREC included, accepts them), about one column in six constant, random kinds; a shuffle of
/// the candidates, a permutation of the criteria, and a factor (0.001 to 1000) and a shift for one column.
/// </summary>
internal static class ObjectiveWeightArbitraries
{
    private static readonly string[] AllNames = ["reach", "value", "effort", "risk", "urgency"];

    public static Arbitrary<ObjectiveCase> Cases(int minCandidates = 2, int minCriteria = 1) =>
        (from m in Gen.Choose(minCriteria, 5)
         from n in Gen.Choose(minCandidates, 25)
         from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
         from constant in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), m)
         from levels in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 10_000), m), n)
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
         from criteriaKeys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), m)
         from column in Gen.Choose(0, m - 1)
         from exponent in Gen.Choose(-3, 3)
         from mantissa in Gen.Choose(1, 99)
         from shift in Gen.Choose(1, 500)
         select Build(kinds, constant, levels, keys, criteriaKeys, column, mantissa / 10.0 * Math.Pow(10, exponent), shift)).ToArbitrary();

    private static ObjectiveCase Build(CriterionKind[] kinds, bool[] constant, int[][] levels, int[] keys, int[] criteriaKeys, int column, double factor, int shift)
    {
        var m = kinds.Length;
        var rows = levels.Select(row => row.Select((v, j) => constant[j] ? levels[0][j] / 10.0 : v / 10.0).ToArray()).ToArray();
        var shuffle = Enumerable.Range(0, rows.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
        var order = Enumerable.Range(0, m).OrderBy(j => criteriaKeys[j]).ThenBy(j => j).ToArray();
        return new ObjectiveCase([.. AllNames.Take(m)], kinds, rows, shuffle, order, column, factor, shift);
    }
}
