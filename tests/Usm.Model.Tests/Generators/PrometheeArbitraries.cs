using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// One random multi-criteria problem for PROMETHEE and ELECTRE: ids, one column per criterion, each criterion's kind,
/// weight and preference function. Values come from a small grid (steps of ½ in 0..6 by default), so ties, equal
/// candidates and differences exactly at a threshold are all common.
/// </summary>
internal sealed record PrometheeCase(string[] Ids, double[][] Columns, CriterionKind[] Kinds, double[] Weights, PreferenceFunction[] Functions)
{
    public int Count => Ids.Length;

    public int Width => Columns.Length;

    public static string Name(int j) => "g" + j.ToString(CultureInfo.InvariantCulture);

    public Criterion[] Criteria() => [.. Kinds.Select((k, j) => new Criterion(Name(j), k, Weights[j]))];

    public KeyValuePair<string, PreferenceFunction>[] FunctionMap() => [.. Functions.Select((f, j) => KeyValuePair.Create(Name(j), f))];

    public PrometheeMethod Method() => RankingMethod.Promethee(Criteria(), FunctionMap());

    public CandidateSet ToSet() =>
        CandidateSet.FromColumns(Ids, Columns.Select((c, j) => KeyValuePair.Create(Name(j), (IReadOnlyList<double>)c)));

    public PrometheeCase Permuted(int[] permutation) =>
        this with
        {
            Ids = [.. permutation.Select(i => Ids[i])],
            Columns = [.. Columns.Select(c => permutation.Select(i => c[i]).ToArray())],
        };

    /// <summary>The normalised weights, as the method divides them.</summary>
    public double[] NormalisedWeights()
    {
        var sum = Weights.Sum();
        return [.. Weights.Select(w => w / sum)];
    }

    /// <summary>P_j(a, b) straight from the definition: d = g(a) − g(b), reversed for a cost.</summary>
    public double Preference(int j, int a, int b)
    {
        var x = Columns[j];
        var d = Kinds[j] == CriterionKind.Benefit ? x[a] - x[b] : x[b] - x[a];
        return Functions[j].Evaluate(d);
    }

    /// <summary>The O(m·n²) reference: per criterion, Σ_b P_j(a, b) / (n − 1) and Σ_b P_j(b, a) / (n − 1), pair by pair.</summary>
    public (double[][] Plus, double[][] Minus) ReferenceCriterionFlows()
    {
        var plus = new double[Width][];
        var minus = new double[Width][];
        for (var j = 0; j < Width; j++)
        {
            plus[j] = new double[Count];
            minus[j] = new double[Count];
            if (Count < 2)
            {
                continue;
            }

            for (var a = 0; a < Count; a++)
            {
                double up = 0, down = 0;
                for (var b = 0; b < Count; b++)
                {
                    if (b != a)
                    {
                        up += Preference(j, a, b);
                        down += Preference(j, b, a);
                    }
                }

                plus[j][a] = up / (Count - 1);
                minus[j][a] = down / (Count - 1);
            }
        }

        return (plus, minus);
    }

    /// <summary>The reference φ⁺, φ⁻ from π(a, b) = Σ_j w_j·P_j(a, b), as the definition reads.</summary>
    public (double[] Plus, double[] Minus) ReferenceFlows()
    {
        var w = NormalisedWeights();
        var plus = new double[Count];
        var minus = new double[Count];
        if (Count < 2)
        {
            return (plus, minus);
        }

        for (var a = 0; a < Count; a++)
        {
            for (var b = 0; b < Count; b++)
            {
                if (a == b)
                {
                    continue;
                }

                var pi = 0.0;
                for (var j = 0; j < Width; j++)
                {
                    pi += w[j] * Preference(j, a, b);
                }

                plus[a] += pi;
                minus[b] += pi;
            }
        }

        for (var a = 0; a < Count; a++)
        {
            plus[a] /= Count - 1;
            minus[a] /= Count - 1;
        }

        return (plus, minus);
    }

    /// <summary>Whether a is at least as good as b on every criterion and better on one.</summary>
    public bool Dominates(int a, int b)
    {
        var strict = false;
        for (var j = 0; j < Width; j++)
        {
            var better = Kinds[j] == CriterionKind.Benefit ? Columns[j][a] - Columns[j][b] : Columns[j][b] - Columns[j][a];
            if (better < 0)
            {
                return false;
            }

            strict |= better > 0;
        }

        return strict;
    }

    public override string ToString() =>
        string.Join("; ", Kinds.Select((k, j) => Name(j) + ":" + k + " w" + Weights[j].ToString(CultureInfo.InvariantCulture) + " " + Functions[j])) + " | " +
        string.Join(" ", Ids.Select((id, i) => id + "(" + string.Join(",", Columns.Select(c => c[i].ToString("R", CultureInfo.InvariantCulture))) + ")"));
}

/// <summary>Generators for the PROMETHEE and ELECTRE properties.</summary>
internal static class PrometheeArbitraries
{
    /// <summary>A preference function of any of the six shapes, with thresholds on the values' grid (so differences often hit them exactly).</summary>
    public static Gen<PreferenceFunction> Functions() =>
        from shape in Gen.Elements(Enum.GetValues<PreferenceShape>())
        from q in Gen.Choose(0, 4).Select(v => v / 2.0)
        from extra in Gen.Choose(1, 6).Select(v => v / 2.0)
        select shape switch
        {
            PreferenceShape.Usual => PreferenceFunction.Usual,
            PreferenceShape.UShape => PreferenceFunction.UShape(q),
            PreferenceShape.VShape => PreferenceFunction.VShape(extra),
            PreferenceShape.Level => PreferenceFunction.Level(q, q + extra),
            PreferenceShape.Linear => PreferenceFunction.Linear(q, q + extra),
            _ => PreferenceFunction.Gaussian(extra),
        };

    /// <summary>1 to <paramref name="maxSize"/> candidates on 1 to 4 criteria, values on a grid of ½ in 0..6, weights 0..3 (one at least 1).</summary>
    public static Gen<PrometheeCase> Cases(int maxSize = 25) =>
        from n in Gen.Choose(1, maxSize)
        from m in Gen.Choose(1, 4)
        from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
        from weights in Gen.ArrayOf(Gen.Choose(0, 3).Select(w => (double)w), m)
        from first in Gen.Choose(1, 3)
        from functions in Gen.ArrayOf(Functions(), m)
        from columns in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 12).Select(v => v / 2.0), n), m)
        from offset in Gen.Choose(0, 20)
        select new PrometheeCase(
            [.. Enumerable.Range(0, n).Select(i => "k" + ((i * 7) + offset).ToString(CultureInfo.InvariantCulture))],
            columns,
            kinds,
            [first, .. weights.Skip(1)],
            functions);

    /// <summary>Cases with arbitrary doubles (any sign, magnitudes from 1e-3 to 1e6, thresholds in proportion), for the fast-versus-reference comparison beyond the grid.</summary>
    public static Gen<PrometheeCase> WideCases() =>
        from c in Cases(40)
        from scale in Gen.Elements(1e-3, 1.0, 37.5, 1e6)
        from noise in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000).Select(v => v / 1e6), c.Count), c.Width)
        select c with
        {
            Columns = [.. c.Columns.Select((col, j) => col.Select((v, i) => (v + noise[j][i]) * scale).ToArray())],
            Functions = [.. c.Functions.Select(f => Scaled(f, scale))],
        };

    public static Arbitrary<PrometheeCase> Arbitrary() => Cases().ToArbitrary();

    /// <summary>A case and a permutation of its candidates.</summary>
    public static Arbitrary<(PrometheeCase Case, int[] Permutation)> CaseAndPermutation() =>
        (from c in Cases()
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), c.Count)
         select (c, Enumerable.Range(0, c.Count).OrderBy(i => keys[i]).ThenBy(i => i).ToArray()))
        .ToArbitrary();

    /// <summary>A case, one of its criteria and an integer shift.</summary>
    public static Arbitrary<(PrometheeCase Case, int Criterion, int Shift)> CaseAndShift() =>
        (from c in Cases()
         from j in Gen.Choose(0, c.Width - 1)
         from shift in Gen.Choose(-1000, 1000)
         select (c, j, shift))
        .ToArbitrary();

    private static PreferenceFunction Scaled(PreferenceFunction f, double scale) => f.Shape switch
    {
        PreferenceShape.UShape => PreferenceFunction.UShape(f.Indifference * scale),
        PreferenceShape.VShape => PreferenceFunction.VShape(f.Preference * scale),
        PreferenceShape.Level => PreferenceFunction.Level(f.Indifference * scale, f.Preference * scale),
        PreferenceShape.Linear => PreferenceFunction.Linear(f.Indifference * scale, f.Preference * scale),
        PreferenceShape.Gaussian => PreferenceFunction.Gaussian(f.Sigma * scale),
        _ => f,
    };
}
