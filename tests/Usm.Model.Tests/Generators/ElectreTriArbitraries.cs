using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// One random ELECTRE TRI-B problem: candidates on 1 to 4 criteria (values on a grid of ½ in 0..10, so gaps often hit
/// a threshold exactly), each criterion's kind, weight and thresholds (a veto in about two cases of three), 0 to 4
/// boundary profiles that dominate one another in order, and a cutting level λ on a grid of 0.05 in [0.5, 1].
/// </summary>
internal sealed record ElectreTriCase(
    string[] Ids,
    double[][] Columns,
    CriterionKind[] Kinds,
    double[] Weights,
    ElectreTriThresholds[] Thresholds,
    double[][] ProfileColumns,
    double Lambda)
{
    public int Count => Ids.Length;

    public int Width => Columns.Length;

    public int ProfileCount => ProfileColumns.Length == 0 ? 0 : ProfileColumns[0].Length;

    public static string Name(int j) => "g" + j.ToString(CultureInfo.InvariantCulture);

    public Criterion[] Criteria() => [.. Kinds.Select((k, j) => new Criterion(Name(j), k, Weights[j]))];

    public KeyValuePair<string, ElectreTriThresholds>[] ThresholdMap() => [.. Thresholds.Select((t, j) => KeyValuePair.Create(Name(j), t))];

    public string[] Categories() => [.. Enumerable.Range(0, ProfileCount + 1).Select(k => "C" + k.ToString(CultureInfo.InvariantCulture))];

    public ElectreTriProfile[] Profiles() =>
        [.. Enumerable.Range(0, ProfileCount).Select(h => new ElectreTriProfile("b" + h.ToString(CultureInfo.InvariantCulture), ProfileColumns.Select((col, j) => KeyValuePair.Create(Name(j), col[h]))))];

    public CandidateSet ToSet() =>
        CandidateSet.FromColumns(Ids, Columns.Select((c, j) => KeyValuePair.Create(Name(j), (IReadOnlyList<double>)c)));

    public ElectreTriResult Sort(double? lambda = null) =>
        ElectreTri.Sort(ToSet(), Criteria(), ThresholdMap(), Categories(), Profiles(), lambda ?? Lambda);

    public ElectreTriCase Permuted(int[] permutation) =>
        this with
        {
            Ids = [.. permutation.Select(i => Ids[i])],
            Columns = [.. Columns.Select(c => permutation.Select(i => c[i]).ToArray())],
        };

    /// <summary>Whether candidate a is at least as good as candidate b on every criterion.</summary>
    public bool AtLeastAsGood(int a, int b) =>
        Enumerable.Range(0, Width).All(j => Kinds[j] == CriterionKind.Benefit ? Columns[j][a] >= Columns[j][b] : Columns[j][a] <= Columns[j][b]);

    public override string ToString() =>
        string.Join("; ", Kinds.Select((k, j) => Name(j) + ":" + k + " w" + Weights[j].ToString(CultureInfo.InvariantCulture) + " (" + Thresholds[j] + ") profiles [" + string.Join(",", ProfileColumns[j].Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]"))
        + " | λ " + Lambda.ToString("R", CultureInfo.InvariantCulture) + " | "
        + string.Join(" ", Ids.Select((id, i) => id + "(" + string.Join(",", Columns.Select(c => c[i].ToString("R", CultureInfo.InvariantCulture))) + ")"));
}

/// <summary>Generators for the ELECTRE TRI-B properties.</summary>
internal static class ElectreTriArbitraries
{
    /// <summary>Thresholds on the values' grid: q in 0..2, p = q + 0..2½, and a veto v = p + 0..4 in two cases of three.</summary>
    public static Gen<ElectreTriThresholds> Thresholds() =>
        from q in Gen.Choose(0, 4).Select(v => v / 2.0)
        from extra in Gen.Choose(0, 5).Select(v => v / 2.0)
        from veto in Gen.Choose(0, 8).Select(v => v / 2.0)
        from hasVeto in Gen.Choose(0, 2)
        select new ElectreTriThresholds(q, q + extra, hasVeto == 0 ? null : q + extra + veto);

    /// <summary>
    /// 0 to <paramref name="maxSize"/> candidates on 1 to 4 criteria and 0 to 4 profiles. Each profile is the one below
    /// it plus steps of 0 to 3 on each criterion (in the criterion's direction), with a step of at least ½ on the first,
    /// so the profiles dominate one another in order.
    /// </summary>
    public static Gen<ElectreTriCase> Cases(int maxSize = 12) =>
        from n in Gen.Choose(0, maxSize)
        from m in Gen.Choose(1, 4)
        from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
        from weights in Gen.ArrayOf(Gen.Choose(0, 3).Select(w => (double)w), m)
        from first in Gen.Choose(1, 3)
        from thresholds in Gen.ArrayOf(Thresholds(), m)
        from columns in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 20).Select(v => v / 2.0), n), m)
        from profiles in Gen.Choose(0, 4)
        from starts in Gen.ArrayOf(Gen.Choose(0, 8).Select(v => v / 2.0), m)
        from steps in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 6).Select(v => v / 2.0), profiles), m)
        from lambda in Gen.Choose(10, 20).Select(v => v / 20.0)
        from offset in Gen.Choose(0, 20)
        select new ElectreTriCase(
            [.. Enumerable.Range(0, n).Select(i => "k" + ((i * 7) + offset).ToString(CultureInfo.InvariantCulture))],
            columns,
            kinds,
            [first, .. weights.Skip(1)],
            thresholds,
            [.. Enumerable.Range(0, m).Select(j => ProfileColumn(starts[j], steps[j], j == 0, kinds[j]))],
            lambda);

    public static Arbitrary<ElectreTriCase> Arbitrary() => Cases().ToArbitrary();

    /// <summary>A case and a permutation of its candidates.</summary>
    public static Arbitrary<(ElectreTriCase Case, int[] Permutation)> CaseAndPermutation() =>
        (from c in Cases()
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), c.Count)
         select (c, Enumerable.Range(0, c.Count).OrderBy(i => keys[i]).ThenBy(i => i).ToArray())).ToArbitrary();

    /// <summary>A case and a second cutting level at least as high as its own.</summary>
    public static Arbitrary<(ElectreTriCase Case, double Higher)> CaseAndHigherLambda() =>
        (from c in Cases()
         from more in Gen.Choose(0, 10).Select(v => v / 20.0)
         select (c, Math.Min(1, c.Lambda + more))).ToArbitrary();

    private static double[] ProfileColumn(double start, double[] steps, bool strict, CriterionKind kind)
    {
        var column = new double[steps.Length];
        var value = start;
        for (var h = 0; h < steps.Length; h++)
        {
            value += strict ? Math.Max(steps[h], 0.5) : steps[h];
            column[h] = kind == CriterionKind.Benefit ? value : 10 - value;
        }

        return column;
    }
}
