using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Agreement between two rankings of the same candidates: Spearman's rank correlation ρ and Kendall's τ-b, both
/// with ties handled. Use them to compare methods (does WSJF agree with SAW on this register?).
/// </summary>
/// <remarks>
/// <para>Two rankings are compared on their common candidates, which must be the same id set. Items that tie on a
/// ranking's class and score count as tied, whatever the tie-break put first.</para>
/// <para>ρ is the Pearson correlation of the average ranks. τ-b = (C − D) / √((n₀ − n₁)(n₀ − n₂)) with n₀ = n(n−1)/2
/// and n₁, n₂ the tied pairs in each ranking; it is computed in O(n log n) by Knight's merge-sort method. Both lie in
/// [−1, 1]; both are NaN when one side ties every item (the coefficient is undefined then).</para>
/// </remarks>
public static class RankCorrelation
{
    /// <summary>Spearman's ρ between two complete rankings of the same candidates.</summary>
    /// <param name="first">The first ranking.</param>
    /// <param name="second">The second ranking.</param>
    /// <returns>ρ in [−1, 1], or NaN when undefined.</returns>
    /// <exception cref="ArgumentNullException">A ranking is null.</exception>
    /// <exception cref="ArgumentException">A ranking is not complete, the id sets differ, or there are fewer than 2 items.</exception>
    public static double Spearman(Ranking first, Ranking second)
    {
        var (x, y) = Align(first, second);
        return Spearman(x, y);
    }

    /// <summary>Kendall's τ-b between two complete rankings of the same candidates.</summary>
    /// <param name="first">The first ranking.</param>
    /// <param name="second">The second ranking.</param>
    /// <returns>τ-b in [−1, 1], or NaN when undefined.</returns>
    /// <exception cref="ArgumentNullException">A ranking is null.</exception>
    /// <exception cref="ArgumentException">A ranking is not complete, the id sets differ, or there are fewer than 2 items.</exception>
    public static double KendallTauB(Ranking first, Ranking second)
    {
        var (x, y) = Align(first, second);
        return KendallTauB(x, y);
    }

    /// <summary>Spearman's ρ between two paired samples (ties allowed).</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample, paired with <paramref name="x"/>.</param>
    /// <returns>ρ in [−1, 1], or NaN when a sample is constant.</returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, there are fewer than 2 pairs, or a value is NaN or infinite.</exception>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (a, b) = Check(x, y);
        var rx = AverageRanks(a);
        var ry = AverageRanks(b);
        var n = rx.Length;
        var mean = (n + 1) / 2.0;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = rx[i] - mean;
            var dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Kendall's τ-b between two paired samples (ties allowed), in O(n log n).</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample, paired with <paramref name="x"/>.</param>
    /// <returns>τ-b in [−1, 1], or NaN when a sample is constant.</returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, there are fewer than 2 pairs, or a value is NaN or infinite.</exception>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (a, b) = Check(x, y);
        var n = a.Length;
        var idx = new int[n];
        for (var i = 0; i < n; i++)
        {
            idx[i] = i;
        }

        Array.Sort(idx, (p, q) => a[p] != a[q] ? a[p].CompareTo(a[q]) : b[p].CompareTo(b[q]));
        long xTies = 0, jointTies = 0;
        long runX = 1, runXY = 1;
        for (var i = 1; i <= n; i++)
        {
            var sameX = i < n && a[idx[i]] == a[idx[i - 1]];
            var sameXY = sameX && b[idx[i]] == b[idx[i - 1]];
            if (sameX)
            {
                runX++;
            }
            else
            {
                xTies += runX * (runX - 1) / 2;
                runX = 1;
            }

            if (sameXY)
            {
                runXY++;
            }
            else
            {
                jointTies += runXY * (runXY - 1) / 2;
                runXY = 1;
            }
        }

        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            ys[i] = b[idx[i]];
        }

        var swaps = CountInversions(ys, new double[n], 0, n);
        long yTies = 0, runY = 1;
        for (var i = 1; i <= n; i++)
        {
            if (i < n && ys[i] == ys[i - 1])
            {
                runY++;
            }
            else
            {
                yTies += runY * (runY - 1) / 2;
                runY = 1;
            }
        }

        var total = (long)n * (n - 1) / 2;
        var numerator = total - xTies - yTies + jointTies - (2 * swaps);
        var denominator = Math.Sqrt((double)(total - xTies)) * Math.Sqrt((double)(total - yTies));
        return denominator == 0 ? double.NaN : Math.Clamp(numerator / denominator, -1, 1);
    }

    /// <summary>Turns two rankings into paired tie-aware values (higher = ranked earlier), keyed by the first's ids.</summary>
    private static (double[] X, double[] Y) Align(Ranking first, Ranking second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Preconditions.CheckArgument(first.IsComplete, nameof(first), "Rank correlation needs a complete ranking, not a top-k result.");
        Preconditions.CheckArgument(second.IsComplete, nameof(second), "Rank correlation needs a complete ranking, not a top-k result.");
        if (!(first.Count == second.Count))
        {
            throw new ArgumentException(Preconditions.Invariant($"The rankings have {first.Count} and {second.Count} items; they must rank the same candidates."), nameof(second));
        }
        var vx = TieGroupValues(first);
        var vy = TieGroupValues(second);
        var ids = first.Candidates.IdArray;
        var y = new double[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var j = second.Candidates.IndexOf(ids[i]);
            if (!(j >= 0))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate '{ids[i]}' is in the first ranking but not in the second."), nameof(second));
            }
            y[i] = vy[j];
        }

        return (vx, y);
    }

    /// <summary>For each candidate (by set index), minus the position where its tie group starts.</summary>
    private static double[] TieGroupValues(Ranking ranking)
    {
        var order = ranking.Order;
        var values = new double[order.Length];
        var groupStart = 0;
        for (var p = 0; p < order.Length; p++)
        {
            if (p > 0)
            {
                if (ranking.ScoreAt(p - 1) != ranking.ScoreAt(p) || ranking.ClassAt(p - 1) != ranking.ClassAt(p))
                {
                    groupStart = p;
                }
            }

            values[order[p]] = -groupStart;
        }

        return values;
    }

    private static (double[] X, double[] Y) Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (!(x.Count == y.Count))
        {
            throw new ArgumentException(Preconditions.Invariant($"The samples have {x.Count} and {y.Count} values; they must be paired."), nameof(y));
        }
        Preconditions.CheckArgument(x.Count >= 2, nameof(x), "Rank correlation needs at least 2 pairs.");
        var a = x.ToArray();
        var b = y.ToArray();
        for (var i = 0; i < a.Length; i++)
        {
            if (!(double.IsFinite(a[i])))
            {
                throw new ArgumentException(Preconditions.Invariant($"Value {i} of the first sample is {a[i]}; values must be finite."), nameof(x));
            }
            if (!(double.IsFinite(b[i])))
            {
                throw new ArgumentException(Preconditions.Invariant($"Value {i} of the second sample is {b[i]}; values must be finite."), nameof(y));
            }
        }

        return (a, b);
    }

    private static double[] AverageRanks(double[] values)
    {
        var n = values.Length;
        var idx = new int[n];
        for (var i = 0; i < n; i++)
        {
            idx[i] = i;
        }

        var keys = (double[])values.Clone();
        Array.Sort(keys, idx);
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            var average = ((start + 1) + end) / 2.0;
            for (var p = start; p < end; p++)
            {
                ranks[idx[p]] = average;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>Sorts <paramref name="values"/>[lo, hi) ascending and returns the number of strict inversions.</summary>
    private static long CountInversions(double[] values, double[] buffer, int lo, int hi)
    {
        if (hi - lo < 2)
        {
            return 0;
        }

        var mid = lo + ((hi - lo) / 2);
        var count = CountInversions(values, buffer, lo, mid) + CountInversions(values, buffer, mid, hi);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
        {
            if (values[i] <= values[j])
            {
                buffer[k++] = values[i++];
            }
            else
            {
                count += mid - i;
                buffer[k++] = values[j++];
            }
        }

        while (i < mid)
        {
            buffer[k++] = values[i++];
        }

        while (j < hi)
        {
            buffer[k++] = values[j++];
        }

        Array.Copy(buffer, lo, values, lo, hi - lo);
        return count;
    }
}
