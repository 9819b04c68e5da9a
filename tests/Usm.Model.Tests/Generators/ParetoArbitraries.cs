using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// One random Pareto problem: ids, one column per criterion, the criteria's kinds and (ignored) weights. Values come
/// from a small integer range, so ties on a criterion, equal candidates and long dominance chains are all common.
/// </summary>
internal sealed record ParetoCase(string[] Ids, double[][] Columns, CriterionKind[] Kinds, double[] Weights)
{
    public int Count => Ids.Length;

    public int Width => Columns.Length;

    public static string Name(int j) => "g" + j.ToString(CultureInfo.InvariantCulture);

    public Criterion[] Criteria() => [.. Kinds.Select((k, j) => new Criterion(Name(j), k, Weights[j]))];

    public CandidateSet ToSet() =>
        CandidateSet.FromColumns(Ids, Columns.Select((c, j) => KeyValuePair.Create(Name(j), (IReadOnlyList<double>)c)));

    /// <summary>The same problem with the candidates in another order (a permutation of the rows).</summary>
    public ParetoCase Permuted(int[] permutation) =>
        this with
        {
            Ids = [.. permutation.Select(i => Ids[i])],
            Columns = [.. Columns.Select(c => permutation.Select(i => c[i]).ToArray())],
        };

    /// <summary>Reference dominance, straight from the definition on the raw values.</summary>
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

    public bool Equal(int a, int b) => Enumerable.Range(0, Width).All(j => Columns[j][a] == Columns[j][b]);

    /// <summary>Reference fronts by peeling, as the definition reads: the non-dominated rest, removed, again and again (O(n³)).</summary>
    public List<HashSet<string>> PeeledFronts()
    {
        var left = Enumerable.Range(0, Count).ToHashSet();
        var fronts = new List<HashSet<string>>();
        while (left.Count > 0)
        {
            var front = left.Where(p => !left.Any(q => Dominates(q, p))).ToList();
            fronts.Add([.. front.Select(i => Ids[i])]);
            left.ExceptWith(front);
        }

        return fronts;
    }

    public override string ToString() =>
        string.Join("; ", Kinds.Select((k, j) => Name(j) + ":" + k)) + " | " +
        string.Join(" ", Ids.Select((id, i) => id + "(" + string.Join(",", Columns.Select(c => c[i].ToString(CultureInfo.InvariantCulture))) + ")"));
}

/// <summary>Generators for the Pareto properties.</summary>
internal static class ParetoArbitraries
{
    /// <summary>0 to <paramref name="maxSize"/> candidates on 1 to 4 criteria with values in 0..<paramref name="maxValue"/>.</summary>
    public static Gen<ParetoCase> Cases(int maxSize = 30, int maxValue = 3) =>
        from n in Gen.Choose(0, maxSize)
        from m in Gen.Choose(1, 4)
        from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
        from weights in Gen.ArrayOf(Gen.Choose(0, 3).Select(w => (double)w), m)
        from columns in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, maxValue).Select(v => (double)v), n), m)
        from offset in Gen.Choose(0, 20)
        select new ParetoCase(
            // Ids whose ordinal order is not their numeric order (k10 < k2) and not the input order.
            [.. Enumerable.Range(0, n).Select(i => "k" + ((i * 7) + offset).ToString(CultureInfo.InvariantCulture))],
            columns,
            kinds,
            weights);

    public static Arbitrary<ParetoCase> Arbitrary() => Cases().ToArbitrary();

    /// <summary>A case and a permutation of its candidates.</summary>
    public static Arbitrary<(ParetoCase Case, int[] Permutation)> CaseAndPermutation() =>
        (from c in Cases()
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), c.Count)
         select (c, Enumerable.Range(0, c.Count).OrderBy(i => keys[i]).ThenBy(i => i).ToArray()))
        .ToArbitrary();

    /// <summary>A non-empty case, one of its candidates, and one of its criteria.</summary>
    public static Arbitrary<(ParetoCase Case, int Candidate, int Criterion)> CaseCandidateAndCriterion() =>
        (from c in Cases().Where(c => c.Count > 0)
         from i in Gen.Choose(0, c.Count - 1)
         from j in Gen.Choose(0, c.Width - 1)
         select (c, i, j))
        .ToArbitrary();
}
