using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Pareto dominance over a <see cref="CandidateSet"/>: the non-dominated set (the selection frontier) and the sorting
/// of every candidate into non-dominated fronts. Neither needs weights, so it is a good first cut before a weighted
/// method; neither gives a total order.
/// </summary>
/// <remarks>
/// <para><b>Dominance.</b> Over the given criteria, candidate a dominates candidate b when a is at least as good as b on
/// every criterion and strictly better on at least one; for a <see cref="CriterionKind.Benefit"/> criterion more is
/// better, for a <see cref="CriterionKind.Cost"/> criterion less is better. Values are compared exactly (−0 equals +0).
/// Criterion weights are ignored: only the name and the kind count. Two candidates equal on every criterion do not
/// dominate each other, so they always share a front.</para>
/// <para><b>Fronts.</b> Front 1 is the non-dominated set; front 2 is the non-dominated set once front 1 is removed; and so
/// on (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE
/// Transactions on Evolutionary Computation 6(2), 2002). Equivalently, a candidate's front is one more than the largest
/// front among the candidates that dominate it, and 1 when none does.</para>
/// <para><b>Algorithm.</b> The fronts are the ones Deb et al.'s fast non-dominated sort produces, computed by the
/// efficient non-dominated sort with binary search over the fronts (ENS-BS: Zhang, Tian, Cheng and Jin, "An efficient
/// approach to nondominated sorting for evolutionary multiobjective optimization", IEEE Transactions on Evolutionary
/// Computation 19(2), 2015). The candidates are sorted lexicographically, best first, so that every candidate comes after
/// all those that dominate it; each is then compared only with candidates already placed. Time is O(m·n log n) for the
/// sort plus O(m·n²) for the placement in the worst case (every candidate in one front: n²/2 dominance tests of m values
/// each), usually far less; memory is O(m·n), one copy of the criterion columns. There is no size limit beyond memory; a
/// single front of 20,000 candidates takes a second or two.</para>
/// <para><b>Order.</b> Ids within a front, and the non-dominated set, are in ordinal id order; results never depend on the
/// order of the candidates in the set.</para>
/// </remarks>
public static class Pareto
{
    /// <summary>The method name used in explanations.</summary>
    internal const string MethodName = "Pareto";

    /// <summary>Gets the non-dominated candidates (the selection frontier, front 1) over the given criteria.</summary>
    /// <param name="candidates">The candidates; never changed.</param>
    /// <param name="criteria">The criteria, each a benefit or a cost; weights are ignored. At least one, names distinct.</param>
    /// <returns>The ids of the candidates no other candidate dominates, in ordinal id order; empty for an empty set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> or <paramref name="criteria"/> is null, or <paramref name="criteria"/> holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="criteria"/> is empty, names a criterion twice, or names a criterion the set lacks.</exception>
    /// <remarks>Cheaper than <see cref="Sort"/>: each candidate is compared only with the non-dominated candidates found before it, O(m·n·|front 1|).</remarks>
    public static ImmutableArray<string> NonDominated(CandidateSet candidates, IEnumerable<Criterion> criteria)
    {
        var data = ParetoData.Create(candidates, criteria);
        var order = data.BestFirstOrder();
        var front = new List<int>();
        foreach (var p in order)
        {
            if (!data.AnyDominates(front, p))
            {
                front.Add(p);
            }
        }

        return [.. data.SortedIds(front)];
    }

    /// <summary>Sorts every candidate into non-dominated fronts over the given criteria.</summary>
    /// <param name="candidates">The candidates; never changed.</param>
    /// <param name="criteria">The criteria, each a benefit or a cost; weights are ignored. At least one, names distinct.</param>
    /// <returns>The fronts, lookup by id and, for every candidate, an explanation; no fronts for an empty set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> or <paramref name="criteria"/> is null, or <paramref name="criteria"/> holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="criteria"/> is empty, names a criterion twice, or names a criterion the set lacks.</exception>
    public static ParetoResult Sort(CandidateSet candidates, IEnumerable<Criterion> criteria)
    {
        var data = ParetoData.Create(candidates, criteria);
        var fronts = new List<List<int>>();
        var frontOf = new int[data.Count];
        foreach (var p in data.BestFirstOrder())
        {
            // Every candidate that dominates p is already placed. If a member of front k dominates p, so does a member of
            // every front before k (by transitivity through the member's own dominators), so "some member of front k
            // dominates p" is true for k below p's front and false from it on: a binary search finds p's front.
            var lo = 0;
            var hi = fronts.Count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (data.AnyDominates(fronts[mid], p))
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            if (lo == fronts.Count)
            {
                fronts.Add([]);
            }

            fronts[lo].Add(p);
            frontOf[p] = lo + 1;
        }

        ImmutableArray<ImmutableArray<int>> sorted = [.. fronts.Select(data.SortedIndexes)];
        return new ParetoResult(data, sorted, frontOf);
    }
}

/// <summary>The criterion columns of one Pareto computation, oriented so that more is always better, row by row.</summary>
internal sealed class ParetoData
{
    /// <summary>How errors name the operation, in the ranking methods' words ("… needs criterion 'x', which the candidate set lacks").</summary>
    private const string MethodLabel = "Pareto dominance";

    private readonly double[] _rows;
    private readonly double[][] _columns;

    private ParetoData(CandidateSet set, ImmutableArray<Criterion> criteria, double[][] columns, double[] rows)
    {
        Set = set;
        Criteria = criteria;
        _columns = columns;
        _rows = rows;
    }

    public CandidateSet Set { get; }

    public ImmutableArray<Criterion> Criteria { get; }

    public int Count => Set.Count;

    public int Width => Criteria.Length;

    /// <summary>Validates the arguments and copies the columns, costs negated (exact for finite doubles), into rows.</summary>
    public static ParetoData Create(CandidateSet candidates, IEnumerable<Criterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(criteria);
        ImmutableArray<Criterion> list = [.. criteria];
        Preconditions.CheckArgument(list.Length > 0, nameof(criteria), "Pareto dominance needs at least one criterion.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < list.Length; j++)
        {
            var c = list[j];
            if (c is null)
            {
                throw new ArgumentNullException(nameof(criteria), Preconditions.Invariant($"Criterion {j} is null."));
            }

            if (!seen.Add(c.Name))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{c.Name}' is given twice."), nameof(criteria));
            }
        }

        // Look every column up before copying any, so that a missing criterion is reported before any work is done.
        // CandidateSet guarantees that every value is finite, so negating a cost is exact and comparisons are total.
        var columns = new double[list.Length][];
        for (var j = 0; j < list.Length; j++)
        {
            columns[j] = candidates.ColumnArray(list[j].Name, nameof(criteria), MethodLabel);
        }

        var n = candidates.Count;
        var m = list.Length;
        var rows = new double[checked(n * m)];
        for (var j = 0; j < m; j++)
        {
            var column = columns[j];
            var cost = list[j].Kind == CriterionKind.Cost;
            for (var i = 0; i < n; i++)
            {
                rows[(i * m) + j] = cost ? -column[i] : column[i];
            }
        }

        return new ParetoData(candidates, list, columns, rows);
    }

    /// <summary>Gets the raw (not oriented) value of candidate <paramref name="index"/> on criterion <paramref name="j"/>.</summary>
    public double Value(int index, int j) => _columns[j][index];

    /// <summary>Whether candidate <paramref name="a"/> dominates candidate <paramref name="b"/>.</summary>
    public bool Dominates(int a, int b)
    {
        // Indexes are below n and n·m did not overflow when the rows were built.
        unchecked
        {
            var m = Width;
            var ra = _rows.AsSpan(a * m, m);
            var rb = _rows.AsSpan(b * m, m);
            var strict = false;
            for (var j = 0; j < ra.Length; j++)
            {
                if (ra[j] < rb[j])
                {
                    return false;
                }

                strict |= ra[j] > rb[j];
            }

            return strict;
        }
    }

    /// <summary>Whether candidates <paramref name="a"/> and <paramref name="b"/> are equal on every criterion.</summary>
    public bool Equal(int a, int b)
    {
        for (var j = 0; j < Width; j++)
        {
            // == rather than a bitwise comparison: −0 equals +0.
            if (_rows[(a * Width) + j] != _rows[(b * Width) + j])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares the two candidates on one criterion: positive when <paramref name="a"/> is better, 0 when equal.</summary>
    public int CompareOn(int a, int b, int j) => _rows[(a * Width) + j].CompareTo(_rows[(b * Width) + j]);

    /// <summary>Whether any of <paramref name="members"/> dominates <paramref name="p"/>.</summary>
    public bool AnyDominates(List<int> members, int p)
    {
        foreach (var q in members)
        {
            if (Dominates(q, p))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The candidate indexes, lexicographically best first (then by ordinal id). A candidate that dominates another is
    /// lexicographically better, so it always comes first.
    /// </summary>
    public int[] BestFirstOrder()
    {
        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var ids = Set.IdArray;
        var m = Width;
        Array.Sort(order, (a, b) =>
        {
            for (var j = 0; j < m; j++)
            {
                var c = _rows[(b * m) + j].CompareTo(_rows[(a * m) + j]);
                if (c != 0)
                {
                    return c;
                }
            }

            return string.CompareOrdinal(ids[a], ids[b]);
        });
        return order;
    }

    /// <summary>The indexes sorted by ordinal id.</summary>
    public ImmutableArray<int> SortedIndexes(List<int> indexes)
    {
        var ids = Set.IdArray;
        var array = indexes.ToArray();
        Array.Sort(array, (a, b) => string.CompareOrdinal(ids[a], ids[b]));
        return ImmutableArray.Create(array);
    }

    /// <summary>The ids of the indexes, in ordinal order.</summary>
    public IEnumerable<string> SortedIds(List<int> indexes)
    {
        var ids = Set.IdArray;
        return SortedIndexes(indexes).Select(i => ids[i]);
    }
}
