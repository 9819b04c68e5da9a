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
/// (where 0 &lt; P &lt; 1 in double precision, differences below about 8.6·s) is summed term by term.</para>
/// <para>Cost: O(n log n) for the sort, then O(log n) per candidate for the piecewise-linear shapes, and O(log n + w) for
/// the Gaussian, where w is the number of candidates within about 8.6·s of it: O(n²) in the worst case (every value
/// within a few s of every other).</para>
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
        double divisor = n - 1;
        switch (f.Shape)
        {
            case PreferenceShape.Gaussian:
                Gaussian(v, s, f.Sigma, divisor, plus, minus);
                return true;
            case PreferenceShape.Linear:
            case PreferenceShape.VShape:
                return Linear(v, s, f.Indifference, f.Preference, divisor, plus, minus);
            default:
                Steps(v, s, f.Indifference, f.Preference, f.Shape == PreferenceShape.Level ? 0.5 : 0, divisor, plus, minus);
                return true;
        }
    }

    /// <summary>The usual, U-shape and level criteria: counts only.</summary>
    private static void Steps(double[] v, double[] s, double q, double p, double middle, double divisor, double[] plus, double[] minus)
    {
        var n = s.Length;
        for (var i = 0; i < n; i++)
        {
            var x = v[i];
            var k1 = FirstNotBelowBy(s, x, p);
            var k2 = FirstNotBelowBy(s, x, q);
            var k3 = FirstAboveBy(s, x, q);
            var k4 = FirstAboveBy(s, x, p);
            plus[i] = (k1 + (middle * (k2 - k1))) / divisor;
            minus[i] = (n - k4 + (middle * (k4 - k3))) / divisor;
        }
    }

    /// <summary>The V-shape and linear criteria: counts plus a window sum from double-double prefix sums.</summary>
    private static bool Linear(double[] v, double[] s, double q, double p, double divisor, double[] plus, double[] minus)
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
        for (var i = 0; i < n; i++)
        {
            var x = v[i];
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

            plus[i] = (k1 + up) / divisor;
            minus[i] = (n - k4 + down) / divisor;
        }

        return true;
    }

    /// <summary>The Gaussian criterion: counts of full preferences plus the terms of the window where 0 &lt; P &lt; 1.</summary>
    private static void Gaussian(double[] v, double[] s, double sigma, double divisor, double[] plus, double[] minus)
    {
        var n = s.Length;
        for (var i = 0; i < n; i++)
        {
            var x = v[i];

            // Positive: k in [0, k2) has d = x − s[k] > 0; P(d) = 1 exactly for k below kOne.
            var k2 = FirstNotBelowBy(s, x, 0);
            int lo = 0, hi = k2;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (PreferenceFunction.GaussianValue(x - s[mid], sigma) == 1)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            var up = 0.0;
            for (var k = lo; k < k2; k++)
            {
                up += PreferenceFunction.GaussianValue(x - s[k], sigma);
            }

            plus[i] = (lo + up) / divisor;

            // Negative: k in [k3, n) has d = s[k] − x > 0; P(d) = 1 exactly from kOne on.
            var k3 = FirstAboveBy(s, x, 0);
            lo = k3;
            hi = n;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (PreferenceFunction.GaussianValue(s[mid] - x, sigma) < 1)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            var down = 0.0;
            for (var k = k3; k < lo; k++)
            {
                down += PreferenceFunction.GaussianValue(s[k] - x, sigma);
            }

            minus[i] = (n - lo + down) / divisor;
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
