using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// MULTIMOORA (Brauers and Zavadskas 2010): the ratio system, the reference point approach and the full multiplicative
/// form each rank the candidates, and the three rankings are combined by the dominance theory of Brauers and Zavadskas
/// (2011): a candidate generally dominates another when it is ranked better by at least two of the three parts. The
/// score is the number of other candidates a candidate generally dominates; higher is better.
/// </summary>
/// <remarks>
/// <para>The parts are <see cref="RatioSystem"/>, <see cref="ReferencePoint"/> and <see cref="Multiplicative"/>, the same
/// methods as <see cref="RankingMethod.MooraRatio"/>, <see cref="RankingMethod.MooraReferencePoint"/> and
/// <see cref="RankingMethod.MooraMultiplicative"/> on the same criteria. Inside each part, candidates with equal part
/// scores share a rank (competition ranking: a rank is 1 + the number of candidates with a strictly better part score),
/// and neither is better than the other in that part; so identical candidates get identical counts, and renaming a
/// candidate never changes a count. The ids only break ties between equal counts, as in every ranking.</para>
/// <para>Why a count. Dominance theory compares candidates by their three ranks: absolute dominance (better in all
/// three), general dominance (better in two), and transitivity. Without ties in the parts, one of any two candidates
/// always generally dominates the other (with ties, neither may: for example equal in one part and split in the other
/// two), but the relation can cycle (a over b, b over c, c over a), so it is not always
/// an order. Counting, for each candidate, the candidates it generally dominates (a Copeland count of the pairwise
/// majority of the three parts) gives an order that agrees with general dominance whenever the relation is transitive
/// (then a dominator dominates everything the dominated does, and it), and resolves a cycle by the counts, then by the
/// library's tie-break (the secondary key, then id). On Kracka, Brauers and Zavadskas's heating-loss example (2010) the
/// count reproduces the published order (tested). Where sources differ the choices are on docs/mcda-mabac-multimoora-spotis.md.</para>
/// <para>Every value must be positive (the multiplicative part needs it); the message names the candidate and the
/// criterion. The count takes O(n log² n): the pairs dominated in exactly two or three parts are counted by sweeps over
/// the ranks rather than by comparing every pair.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MultimooraMethod : RankingMethod
{
    internal MultimooraMethod(IEnumerable<Criterion> criteria)
    {
        RatioSystem = new MooraRatioMethod(criteria);
        Criteria = RatioSystem.Criteria;
        ReferencePoint = new MooraReferencePointMethod(Criteria);
        Multiplicative = new MooraMultiplicativeMethod(Criteria);
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets the first part, the ratio system.</summary>
    public MooraRatioMethod RatioSystem { get; }

    /// <summary>Gets the second part, the reference point approach.</summary>
    public MooraReferencePointMethod ReferencePoint { get; }

    /// <summary>Gets the third part, the full multiplicative form.</summary>
    public MooraMultiplicativeMethod Multiplicative { get; }

    /// <inheritdoc />
    public override string Name => "MULTIMOORA";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var ratio = new double[n];
        var reference = new double[n];
        var product = new double[n];
        var norms = RatioSystem.Compute(set, ratio, Name);
        var referenceState = ReferencePoint.Compute(set, reference, Name);
        Multiplicative.Compute(set, product, Name);
        var ranks = new[] { Ranks(ratio), Ranks(reference), Ranks(product) };
        var counts = GeneralDominanceCounts(ranks[0], ranks[1], ranks[2]);
        for (var i = 0; i < n; i++)
        {
            scores[i] = counts[i];
        }

        return new ScoreSheet(scores, null, new State(ratio, reference, product, ranks, norms, referenceState));
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (State)state!;
        var n = set.Count;
        var parts = new List<CriterionContribution>(3)
        {
            Part("ratio system", st.Ratio[index], st.Ranks[0][index], n, Preconditions.Invariant($"score {F(st.Ratio[index])}")),
            Part("reference point", st.Reference[index], st.Ranks[1][index], n, Preconditions.Invariant($"distance {F(0.0 - st.Reference[index])}")),
            Part("full multiplicative form", st.Product[index], st.Ranks[2][index], n, Preconditions.Invariant($"ln U {F(st.Product[index])}")),
        };
        return new Explanation(Name, Preconditions.Invariant(
            $"MULTIMOORA score {F(score)}: generally dominates {F(score)} of the other {n - 1} candidates (ranked better by at least two of the three parts); part ranks {st.Ranks[0][index] + 1}, {st.Ranks[1][index] + 1}, {st.Ranks[2][index] + 1} of {n}."), parts);
    }

    private static CriterionContribution Part(string part, double value, int rank, int n, string what) =>
        new(part, value, rank + 1, Preconditions.Invariant($"{part}: {what}, rank {rank + 1} of {n}"));

    /// <summary>0-based competition ranks by score descending: a candidate's rank is the number of candidates with a strictly higher score, so equal scores share a rank.</summary>
    internal static int[] Ranks(double[] scores)
    {
        var n = scores.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
        var ranks = new int[n];
        for (var k = 0; k < n; k++)
        {
            ranks[order[k]] = k > 0 && scores[order[k]] == scores[order[k - 1]] ? ranks[order[k - 1]] : k;
        }

        return ranks;
    }

    /// <summary>
    /// For three rankings (0-based ranks in 0..n−1, 0 best, equal ranks for ties), the number of candidates each
    /// candidate beats (ranks strictly better than) in at least two of them: P_ab + P_ac + P_bc − 2·T, with P_xy the
    /// candidates it beats in both x and y, and T those it beats in all three (a pair beaten in all three is counted by
    /// all three P).
    /// </summary>
    internal static int[] GeneralDominanceCounts(int[] a, int[] b, int[] c)
    {
        var n = a.Length;
        var ab = PairCounts(a, b);
        var ac = PairCounts(a, c);
        var bc = PairCounts(b, c);
        var abc = TripleCounts(a, b, c);
        var counts = new int[n];
        for (var i = 0; i < n; i++)
        {
            counts[i] = ab[i] + ac[i] + bc[i] - (2 * abc[i]);
        }

        return counts;
    }

    /// <summary>For each candidate, how many are ranked strictly worse in both rankings: one sweep from the worst by x, a group of equal x at a time, with a Fenwick tree over y.</summary>
    private static int[] PairCounts(int[] x, int[] y)
    {
        var n = x.Length;
        var sequence = WorstFirst(x);
        var tree = new int[n + 1];
        var counts = new int[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && x[sequence[end]] == x[sequence[start]])
            {
                end++;
            }

            // Query the whole group before inserting it: candidates tied on x do not beat each other.
            for (var k = start; k < end; k++)
            {
                var i = sequence[k];
                counts[i] = start - Prefix(tree, y[i]);
            }

            for (var k = start; k < end; k++)
            {
                Add(tree, y[sequence[k]], 1);
            }

            start = end;
        }

        return counts;
    }

    /// <summary>The candidates ordered by rank descending (worst first); equal ranks by index.</summary>
    private static int[] WorstFirst(int[] ranks)
    {
        var sequence = new int[ranks.Length];
        for (var i = 0; i < sequence.Length; i++)
        {
            sequence[i] = i;
        }

        Array.Sort(sequence, (p, q) => ranks[p] != ranks[q] ? ranks[q].CompareTo(ranks[p]) : p.CompareTo(q));
        return sequence;
    }

    /// <summary>
    /// For each candidate, how many are ranked strictly worse in all three rankings: divide and conquer over the order by
    /// <paramref name="a"/> (worst first), merging by <paramref name="b"/> and counting by <paramref name="c"/> in a
    /// Fenwick tree (CDQ), O(n log² n). Halves are split between groups of equal rank by a, so that every item of a left
    /// half is strictly worse by a than every item of its right half.
    /// </summary>
    private static int[] TripleCounts(int[] a, int[] b, int[] c)
    {
        var n = a.Length;
        var sequence = WorstFirst(a);
        var counts = new int[n];
        var tree = new int[n + 1];
        var buffer = new int[n];
        Divide(sequence, 0, n, a, b, c, counts, tree, buffer);
        return counts;
    }

    /// <summary>
    /// Counts, for every item of sequence[mid..hi), the items of sequence[lo..mid) (all strictly worse by a) that are also
    /// strictly worse by b and by c, after doing the same inside each half; leaves sequence[lo..hi) sorted by b descending
    /// (worst first). A range of one rank by a has no pair to count and is only sorted.
    /// </summary>
    private static void Divide(int[] sequence, int lo, int hi, int[] a, int[] b, int[] c, int[] counts, int[] tree, int[] buffer)
    {
        if (hi - lo < 2)
        {
            return;
        }

        var mid = Split(sequence, lo, hi, a);
        if (mid < 0)
        {
            sequence.AsSpan(lo, hi - lo).Sort((p, q) => b[q].CompareTo(b[p]));
            return;
        }

        Divide(sequence, lo, mid, a, b, c, counts, tree, buffer);
        Divide(sequence, mid, hi, a, b, c, counts, tree, buffer);

        // Both halves are now sorted worst-first by b: sweep the right half, adding the left items worse by b.
        var p = lo;
        for (var q = mid; q < hi; q++)
        {
            var i = sequence[q];
            while (p < mid && b[sequence[p]] > b[i])
            {
                Add(tree, c[sequence[p]], 1);
                p++;
            }

            counts[i] += (p - lo) - Prefix(tree, c[i]);
        }

        for (var k = lo; k < p; k++)
        {
            Add(tree, c[sequence[k]], -1);
        }

        // Merge the halves, worst first by b.
        var (l, r, o) = (lo, mid, lo);
        while (l < mid || r < hi)
        {
            buffer[o++] = r >= hi || (l < mid && b[sequence[l]] > b[sequence[r]]) ? sequence[l++] : sequence[r++];
        }

        Array.Copy(buffer, lo, sequence, lo, hi - lo);
    }

    /// <summary>The boundary between two groups of equal rank by <paramref name="a"/> nearest the middle of sequence[lo..hi), or −1 if the range holds one rank.</summary>
    private static int Split(int[] sequence, int lo, int hi, int[] a)
    {
        var mid = lo + ((hi - lo) / 2);
        for (var d = 0; d < hi - lo; d++)
        {
            if (mid + d < hi && a[sequence[mid + d - 1]] != a[sequence[mid + d]])
            {
                return mid + d;
            }

            if (mid - d > lo && a[sequence[mid - d - 1]] != a[sequence[mid - d]])
            {
                return mid - d;
            }
        }

        return -1;
    }

    /// <summary>How many inserted ranks are at most <paramref name="rank"/>.</summary>
    /// <remarks>Unchecked: indexes stay below the tree's length and counts at most n, so nothing can overflow.</remarks>
    private static int Prefix(int[] tree, int rank)
    {
        unchecked
        {
            var sum = 0;
            for (var k = rank + 1; k > 0; k -= k & -k)
            {
                sum += tree[k];
            }

            return sum;
        }
    }

    private static void Add(int[] tree, int rank, int delta)
    {
        unchecked
        {
            for (var k = rank + 1; k < tree.Length; k += k & -k)
            {
                tree[k] += delta;
            }
        }
    }

    private sealed record State(double[] Ratio, double[] Reference, double[] Product, int[][] Ranks, double[] Norms, MooraReferencePointMethod.State ReferenceState);
}
