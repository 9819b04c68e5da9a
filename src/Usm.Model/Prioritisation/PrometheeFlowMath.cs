namespace Usm.Model.Prioritisation;

/// <summary>
/// The per-criterion PROMETHEE flows of one column, computed from the sorted column instead of pair by pair.
/// </summary>
/// <remarks>
/// <para>For a value x, its unnormalised positive flow is Σ_b P(x − x_b) and its negative flow Σ_b P(x_b − x). Over the
/// sorted column s, the difference x − s[k] never increases with k (floating-point subtraction is monotone), so the
/// candidates b fall into contiguous runs: those with P = 1, those in the middle piece (q &lt; d ≤ p) and those with
/// P = 0. Each run's end is found by a binary search that applies exactly the comparison P applies (d &gt; p, d &gt; q),
/// so every candidate lands in the same piece as in the pairwise definition. Within the middle piece the level
/// criterion adds ½ per candidate and the linear criteria add Σ (d − q) / (p − q) = (c·x − Σ s[k] − c·q) / (p − q),
/// taken from prefix sums held in double-double arithmetic (about 106 bits), so the cancellation of c·x against the
/// window's sum costs no more than the final rounding. The Gaussian criterion has no such closed form: its middle run
/// (where 0 &lt; P &lt; 1 in double precision, differences below about 8.6·s) is summed term by term, one term per
/// distinct value times its count.</para>
/// <para>Each distinct value is computed once and shared by the candidates that have it. Cost: O(n log n) for the sort,
/// then O(log n) per distinct value for the piecewise-linear shapes, and O(log n + w) for the Gaussian, where w is the
/// number of distinct values within about 8.6·s of it: O(u²) for u distinct values in the worst case (every value within
/// a few s of every other), so O(n²) when all values differ.</para>
/// <para>Every flow is a function of the candidate's value and of the sorted column alone, so it does not depend on the
/// order of the candidates, bit for bit, and candidates with equal values get equal flows.</para>
/// </remarks>
internal static class PrometheeFlowMath
{
    /// <summary>Writes the positive and negative flows of every value in <paramref name="v"/> (already oriented so that more is better), each divided by n − 1.</summary>
    /// <returns>False when the column's values are so large that their prefix sums overflow (linear shapes only); the flows are then not written.</returns>
    public static bool Flows(double[] v, int n, PreferenceFunction f, double[] plus, double[] minus)
    {
        if (n < 2)
        {
            Array.Clear(plus, 0, n);
            Array.Clear(minus, 0, n);
            return true;
        }

        var s = new double[n];
        Array.Copy(v, s, n);
        Array.Sort(s);

        // The distinct values (±0 count as one: they give the same differences' signs) and where each starts in s.
        var distinct = new List<double>();
        var starts = new List<int>();
        for (var k = 0; k < n; k++)
        {
            if (k == 0 || s[k] != s[k - 1])
            {
                distinct.Add(s[k]);
                starts.Add(k);
            }
        }

        starts.Add(n);
        var u = distinct.ToArray();
        var start = starts.ToArray();
        var up = new double[u.Length];
        var down = new double[u.Length];
        switch (f.Shape)
        {
            case PreferenceShape.Gaussian:
                Gaussian(u, start, f.Sigma, up, down);
                break;
            case PreferenceShape.Linear:
            case PreferenceShape.VShape:
                if (!Linear(u, s, f.Indifference, f.Preference, up, down))
                {
                    return false;
                }

                break;
            default:
                Steps(u, s, f.Indifference, f.Preference, f.Shape == PreferenceShape.Level ? 0.5 : 0, up, down);
                break;
        }

        double divisor = n - 1;
        for (var i = 0; i < n; i++)
        {
            var k = IndexOfDistinct(u, v[i]);
            plus[i] = up[k] / divisor;
            minus[i] = down[k] / divisor;
        }

        return true;
    }

    /// <summary>The index of <paramref name="x"/> among the sorted distinct values (it is always there).</summary>
    private static int IndexOfDistinct(double[] u, double x)
    {
        int lo = 0, hi = u.Length - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (u[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The usual, U-shape and level criteria: counts only.</summary>
    private static void Steps(double[] u, double[] s, double q, double p, double middle, double[] plus, double[] minus)
    {
        var n = s.Length;
        for (var i = 0; i < u.Length; i++)
        {
            var x = u[i];
            var k1 = FirstNotBelowBy(s, x, p);
            var k2 = FirstNotBelowBy(s, x, q);
            var k3 = FirstAboveBy(s, x, q);
            var k4 = FirstAboveBy(s, x, p);
            plus[i] = k1 + (middle * (k2 - k1));
            minus[i] = n - k4 + (middle * (k4 - k3));
        }
    }

    /// <summary>The V-shape and linear criteria: counts plus a window sum from double-double prefix sums.</summary>
    private static bool Linear(double[] u, double[] s, double q, double p, double[] plus, double[] minus)
    {
        var n = s.Length;
        var hi = new double[n + 1];
        var lo = new double[n + 1];
        for (var k = 0; k < n; k++)
        {
            (hi[k + 1], lo[k + 1]) = Add(hi[k], lo[k], s[k], 0);
        }

        if (!double.IsFinite(hi[n]) || !double.IsFinite(s[0] * (double)n) || !double.IsFinite(s[n - 1] * (double)n) || !double.IsFinite(p * (double)n))
        {
            return false;
        }

        var width = p - q;
        for (var i = 0; i < u.Length; i++)
        {
            var x = u[i];
            var k1 = FirstNotBelowBy(s, x, p);
            var k2 = FirstNotBelowBy(s, x, q);
            var k3 = FirstAboveBy(s, x, q);
            var k4 = FirstAboveBy(s, x, p);

            // Positive flow, middle run [k1, k2): Σ (x − s[k] − q) = c·x − (S[k2] − S[k1]) − c·q.
            var up = 0.0;
            if (k2 > k1)
            {
                double c = k2 - k1;
                var (wh, wl) = Add(hi[k2], lo[k2], -hi[k1], -lo[k1]);
                var (th, tl) = Product(c, x);
                (th, tl) = Add(th, tl, -wh, -wl);
                var (qh, ql) = Product(c, q);
                (th, tl) = Add(th, tl, -qh, -ql);
                up = (th + tl) / width;
            }

            // Negative flow, middle run [k3, k4): Σ (s[k] − x − q) = (S[k4] − S[k3]) − c·x − c·q.
            var down = 0.0;
            if (k4 > k3)
            {
                double c = k4 - k3;
                var (th, tl) = Add(hi[k4], lo[k4], -hi[k3], -lo[k3]);
                var (xh, xl) = Product(c, x);
                (th, tl) = Add(th, tl, -xh, -xl);
                var (qh, ql) = Product(c, q);
                (th, tl) = Add(th, tl, -qh, -ql);
                down = (th + tl) / width;
            }

            plus[i] = k1 + up;
            minus[i] = n - k4 + down;
        }

        return true;
    }

    /// <summary>
    /// The Gaussian criterion over the distinct values u (value t occurs start[t + 1] − start[t] times): the count of
    /// full preferences, plus each distinct value's P times its count across the window where 0 &lt; P &lt; 1.
    /// </summary>
    private static void Gaussian(double[] u, int[] start, double sigma, double[] plus, double[] minus)
    {
        var count = u.Length;
        var n = start[count];
        for (var k = 0; k < count; k++)
        {
            var x = u[k];

            // Positive: the values below x, u[0..k); P(x − u[t]) = 1 exactly for t below lo, and falls as t grows.
            int lo = 0, hi = k;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (PreferenceFunction.GaussianValue(x - u[mid], sigma) == 1)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            double up = start[lo];
            for (var t = lo; t < k; t++)
            {
                up += (start[t + 1] - start[t]) * PreferenceFunction.GaussianValue(x - u[t], sigma);
            }

            plus[k] = up;

            // Negative: the values above x, u(k..count); P(u[t] − x) = 1 exactly from hi on.
            lo = k + 1;
            hi = count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (PreferenceFunction.GaussianValue(u[mid] - x, sigma) < 1)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            double down = n - start[lo];
            for (var t = k + 1; t < lo; t++)
            {
                down += (start[t + 1] - start[t]) * PreferenceFunction.GaussianValue(u[t] - x, sigma);
            }

            minus[k] = down;
        }
    }

    /// <summary>The first k with !(x − s[k] &gt; t): the candidates before it are below x by more than t.</summary>
    private static int FirstNotBelowBy(double[] s, double x, double t)
    {
        int lo = 0, hi = s.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (x - s[mid] > t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The first k with s[k] − x &gt; t: the candidates from it on are above x by more than t.</summary>
    private static int FirstAboveBy(double[] s, double x, double t)
    {
        int lo = 0, hi = s.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (s[mid] - x > t)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Double-double sum (ah + al) + (bh + bl), normalised.</summary>
    private static (double Hi, double Lo) Add(double ah, double al, double bh, double bl)
    {
        var sum = ah + bh;
        var b = sum - ah;
        var error = (ah - (sum - b)) + (bh - b);
        error += al + bl;
        var hi = sum + error;
        return (hi, error - (hi - sum));
    }

    /// <summary>The exact product a·b as a double-double (by a fused multiply-add).</summary>
    private static (double Hi, double Lo) Product(double a, double b)
    {
        var product = a * b;
        return (product, Math.FusedMultiplyAdd(a, b, -product));
    }
}
