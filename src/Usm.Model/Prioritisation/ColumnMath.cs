using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Usm.Model.Prioritisation;

/// <summary>Tight, vectorised loops over columns of doubles; the hot paths of the score passes.</summary>
internal static class ColumnMath
{
    /// <summary>
    /// Minimum, maximum and Euclidean norm of a column. The norm is the square root of the correctly rounded sum of the
    /// squares, so it does not depend on the order of the values (found by review, session 5: a plain running sum did,
    /// and rankings under vector normalisation changed with the input order).
    /// </summary>
    public static (double Min, double Max, double Norm) Stats(ReadOnlySpan<double> x)
    {
        unchecked
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            var i = 0;
            var sumSq = 0.0;
            if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count * 2)
            {
                var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
                var vmin = new Vector<double>(double.PositiveInfinity);
                var vmax = new Vector<double>(double.NegativeInfinity);
                var vsum = Vector<double>.Zero;
                foreach (var v in vx)
                {
                    vmin = Vector.Min(vmin, v);
                    vmax = Vector.Max(vmax, v);
                    vsum += v * v;
                }

                for (var k = 0; k < Vector<double>.Count; k++)
                {
                    min = Math.Min(min, vmin[k]);
                    max = Math.Max(max, vmax[k]);
                    sumSq += vsum[k];
                }

                i = vx.Length * Vector<double>.Count;
            }

            for (; i < x.Length; i++)
            {
                var v = x[i];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                sumSq += v * v;
            }

            // The plain sum of squares only chooses the path. It overflows for values above about 1e154 and loses its
            // digits below about 1e-145; then the norm is taken of the column scaled by its largest magnitude.
            var largest = Math.Max(Math.Abs(min), Math.Abs(max));
            if (largest == 0)
            {
                return (min, max, 0);
            }

            if (!(sumSq >= SmallestPlainSumOfSquares && sumSq < double.PositiveInfinity))
            {
                return (min, max, ScaledNorm(x, largest));
            }

            return (min, max, Math.Sqrt(ExactSumOfSquares(x, 1.0)));
        }
    }

    /// <summary>Below this, a sum of squares may hold subnormal terms, which have lost digits.</summary>
    private const double SmallestPlainSumOfSquares = 1e-290;

    /// <summary>
    /// The Euclidean norm as <paramref name="largest"/> · ‖x / largest‖, which does not underflow, and overflows only
    /// when the norm itself is beyond the largest double (then it is +∞, and callers refuse the column).
    /// </summary>
    private static double ScaledNorm(ReadOnlySpan<double> x, double largest) => largest * Math.Sqrt(ExactSumOfSquares(x, largest));

    /// <summary>
    /// Σ (x / scale)², correctly rounded: every rounded square is added exactly into non-overlapping partial sums
    /// (Shewchuk's method, as in Python's <c>math.fsum</c>), and only the total is rounded, once. The result is the same
    /// for any order of the values. The caller makes sure that the total cannot overflow.
    /// </summary>
    internal static double ExactSumOfSquares(ReadOnlySpan<double> x, double scale)
    {
        // Non-overlapping partials of doubles number at most about 40 (2,098 exponent bits / 53 bits each).
        Span<double> partials = stackalloc double[64];
        var count = 0;
        foreach (var v in x)
        {
            var r = v / scale;
            count = AddPartial(partials, count, r * r);
        }

        return RoundPartials(partials, count);
    }

    /// <summary>
    /// Σ x, correctly rounded (the same exact summation as <see cref="ExactSumOfSquares"/>): the result does not depend
    /// on the order of the values. The caller makes sure that the total cannot overflow.
    /// </summary>
    internal static double ExactSum(ReadOnlySpan<double> x)
    {
        Span<double> partials = stackalloc double[64];
        var count = 0;
        foreach (var v in x)
        {
            count = AddPartial(partials, count, v);
        }

        return RoundPartials(partials, count);
    }

    /// <summary>Adds one value exactly into the non-overlapping partials; returns their new count.</summary>
    private static int AddPartial(Span<double> partials, int count, double value)
    {
        var kept = 0;
        for (var k = 0; k < count; k++)
        {
            var y = partials[k];
            if (Math.Abs(value) < Math.Abs(y))
            {
                (value, y) = (y, value);
            }

            var hi = value + y;
            var lo = y - (hi - value);
            if (lo != 0)
            {
                partials[kept++] = lo;
            }

            value = hi;
        }

        partials[kept] = value;
        return kept + 1;
    }

    /// <summary>The correctly rounded sum of non-overlapping partials.</summary>
    private static double RoundPartials(Span<double> partials, int count)
    {
        if (count == 0)
        {
            return 0;
        }

        // Add the partials from the largest down; stop when the rest cannot change the result, and round a half-way
        // case correctly by looking at the sign of the next partial.
        var n = count - 1;
        var total = partials[n];
        var low = 0.0;
        while (n > 0)
        {
            var a = total;
            var b = partials[--n];
            total = a + b;
            low = b - (total - a);
            if (low != 0)
            {
                break;
            }
        }

        if (n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0)))
        {
            var twice = low * 2;
            var candidate = total + twice;
            if (twice == candidate - total)
            {
                total = candidate;
            }
        }

        return total;
    }

    /// <summary>
    /// y[i] += a · (x[i] − c) + b for every i. With c = 0 this is a · x[i] + b exactly (x − 0 is x). Min-max
    /// normalisation passes its minimum (or maximum) as c: a · (x − min) keeps the accuracy that a · x − a · min loses
    /// when the column's range is tiny beside its values (two products of nearly equal size cancel).
    /// </summary>
    public static void AddScaled(ReadOnlySpan<double> x, Span<double> y, double a, double b, double c = 0)
    {
        unchecked
        {
            var i = 0;
            if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
            {
                var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
                var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
                var va = new Vector<double>(a);
                var vb = new Vector<double>(b);
                var vc = new Vector<double>(c);
                for (var k = 0; k < vx.Length; k++)
                {
                    vy[k] += (va * (vx[k] - vc)) + vb;
                }

                i = vx.Length * Vector<double>.Count;
            }

            for (; i < x.Length; i++)
            {
                y[i] += (a * (x[i] - c)) + b;
            }
        }
    }

    /// <summary>
    /// Minimum and maximum of a column, in one pass with independent vector accumulators; equal to
    /// <see cref="Math.Min(double, double)"/> and <see cref="Math.Max(double, double)"/> folded over the column (the
    /// order of evaluation does not matter), except that when the column holds a NaN both are NaN, not necessarily the
    /// same NaN.
    /// </summary>
    public static (double Min, double Max) MinMax(ReadOnlySpan<double> x)
    {
#if NET9_0_OR_GREATER
        return MinMax<IeeeMinMax>(x);
#else
        // net8.0's Vector256.Min is the plain instruction: the fast loop when there is no NaN, the scalar one otherwise.
        return IndexOfNaN(x) < 0 ? MinMaxFinite(x) : MinMax<IeeeMinMax>(x);
#endif
    }

    /// <summary>The index of the first NaN, or −1 when there is none.</summary>
    public static int IndexOfNaN(ReadOnlySpan<double> x)
    {
        unchecked
        {
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var r = ref MemoryMarshal.GetReference(x);
                for (; i <= x.Length - 8; i += 8)
                {
                    var a = Vector256.LoadUnsafe(ref r, (nuint)i);
                    var b = Vector256.LoadUnsafe(ref r, (nuint)(i + 4));

                    // A NaN is the only value that is not equal to itself.
                    if ((Vector256.Equals(a, a) & Vector256.Equals(b, b)).ExtractMostSignificantBits() != 0b1111)
                    {
                        break;
                    }
                }
            }

            for (; i < x.Length; i++)
            {
                if (double.IsNaN(x[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// Minimum and maximum of a column of finite values (a <see cref="CandidateSet"/> column), equal to
    /// <see cref="MinMax"/> but faster: the vector loop uses the processor's own min and max instructions, which need
    /// no NaN handling. They may pick either zero when −0 and +0 meet, so a zero result gets its sign from a scan.
    /// </summary>
    public static (double Min, double Max) MinMaxFinite(ReadOnlySpan<double> x)
    {
        var (min, max) = MinMax<NativeMinMax>(x);

        // Math.Min prefers −0 and Math.Max +0 whenever both occur; the native instructions need not.
        if (min == 0)
        {
            min = HasNegativeZero(x) ? -0.0 : 0.0;
        }

        if (max == 0)
        {
            max = HasPositiveZero(x) ? 0.0 : -0.0;
        }

        return (min, max);
    }

    private static (double Min, double Max) MinMax<TLanes>(ReadOnlySpan<double> x)
        where TLanes : struct, ILaneMinMax
    {
        unchecked
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            var i = 0;
            if (TLanes.IsVectorised && Vector256.IsHardwareAccelerated && x.Length >= 16)
            {
                ref var r = ref MemoryMarshal.GetReference(x);
                var min0 = Vector256.Create(double.PositiveInfinity);
                var min1 = min0;
                var max0 = Vector256.Create(double.NegativeInfinity);
                var max1 = max0;
                for (; i <= x.Length - 8; i += 8)
                {
                    var a = Vector256.LoadUnsafe(ref r, (nuint)i);
                    var b = Vector256.LoadUnsafe(ref r, (nuint)(i + 4));
                    min0 = TLanes.Min(min0, a);
                    max0 = TLanes.Max(max0, a);
                    min1 = TLanes.Min(min1, b);
                    max1 = TLanes.Max(max1, b);
                }

                var vmin = TLanes.Min(min0, min1);
                var vmax = TLanes.Max(max0, max1);
                for (var k = 0; k < Vector256<double>.Count; k++)
                {
                    min = Math.Min(min, vmin[k]);
                    max = Math.Max(max, vmax[k]);
                }
            }

            for (; i < x.Length; i++)
            {
                var v = x[i];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            return (min, max);
        }
    }

    /// <summary>Lane-wise min and max of the vector loops (a type parameter, so each loop is compiled for one choice).</summary>
    private interface ILaneMinMax
    {
        /// <summary>Gets whether the vector loop may run; false where no vector instruction follows these rules.</summary>
        static abstract bool IsVectorised { get; }

        static abstract Vector256<double> Min(Vector256<double> a, Vector256<double> b);

        static abstract Vector256<double> Max(Vector256<double> a, Vector256<double> b);
    }

    /// <summary>
    /// <see cref="Math.Min(double, double)"/> and <see cref="Math.Max(double, double)"/> rules: NaN wins, −0 &lt; +0.
    /// <c>Vector256.Min</c> and <c>Max</c> follow them from .NET 9 on; on net8.0 they are the plain instructions, so
    /// there the scalar loop does all the work.
    /// </summary>
    private readonly struct IeeeMinMax : ILaneMinMax
    {
#if NET9_0_OR_GREATER
        public static bool IsVectorised => true;
#else
        public static bool IsVectorised => false;
#endif

        public static Vector256<double> Min(Vector256<double> a, Vector256<double> b) => Vector256.Min(a, b);

        public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.Max(a, b);
    }

    /// <summary>
    /// The processor's min and max (right for finite values up to the sign of a zero). From .NET 9 on,
    /// <c>Vector256.Min</c> follows IEEE 754-2019 and costs a few instructions more; on net8.0 it is already the plain
    /// instruction. AVX-512 gains nothing here on this machine's cores (they split 512-bit operations).
    /// </summary>
    private readonly struct NativeMinMax : ILaneMinMax
    {
        public static bool IsVectorised => true;

#if NET9_0_OR_GREATER
        public static Vector256<double> Min(Vector256<double> a, Vector256<double> b) => Vector256.MinNative(a, b);

        public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.MaxNative(a, b);
#else
        public static Vector256<double> Min(Vector256<double> a, Vector256<double> b) => Vector256.Min(a, b);

        public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.Max(a, b);
#endif
    }

    private static bool HasNegativeZero(ReadOnlySpan<double> x) =>
        MemoryMarshal.Cast<double, long>(x).Contains(BitConverter.DoubleToInt64Bits(-0.0));

    private static bool HasPositiveZero(ReadOnlySpan<double> x) =>
        MemoryMarshal.Cast<double, long>(x).Contains(0L);

    /// <summary>
    /// y[i] = (((y[i] or 0) + t₀) + t₁) + … with tⱼ = aⱼ · (xⱼ[i] − cⱼ) + bⱼ, for up to four terms in one pass. The additions run
    /// in the same order as one <see cref="AddScaled"/> pass per term, so the result is bit-identical to those passes;
    /// one pass reads y once instead of once per term. With <paramref name="accumulate"/> false, y starts from 0.
    /// </summary>
    public static void AddScaledTerms(ReadOnlySpan<(double[] X, double A, double B, double C)> terms, int start, Span<double> y, bool accumulate)
    {
        unchecked
        {
            switch (terms.Length)
            {
                case 1:
                    AddTerms1(terms[0], start, y, accumulate);
                    return;
                case 2:
                    AddTerms2(terms[0], terms[1], start, y, accumulate);
                    return;
                case 3:
                    AddTerms2(terms[0], terms[1], start, y, accumulate);
                    AddTerms1(terms[2], start, y, accumulate: true);
                    return;
                default:
                    AddTerms2(terms[0], terms[1], start, y, accumulate);
                    AddTerms2(terms[2], terms[3], start, y, accumulate: true);
                    return;
            }
        }
    }

    private static void AddTerms1((double[] X, double A, double B, double C) t, int start, Span<double> y, bool accumulate)
    {
        var x = t.X.AsSpan(start, y.Length);
        if (!accumulate)
        {
            y.Clear();
        }

        AddScaled(x, y, t.A, t.B, t.C);
    }

    private static void AddTerms2((double[] X, double A, double B, double C) t0, (double[] X, double A, double B, double C) t1, int start, Span<double> y, bool accumulate)
    {
        unchecked
        {
            var n = y.Length;
            ReadOnlySpan<double> x0 = t0.X.AsSpan(start, n);
            ReadOnlySpan<double> x1 = t1.X.AsSpan(start, n);
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var r0 = ref MemoryMarshal.GetReference(x0);
                ref var r1 = ref MemoryMarshal.GetReference(x1);
                ref var ry = ref MemoryMarshal.GetReference(y);
                var a0 = Vector256.Create(t0.A);
                var b0 = Vector256.Create(t0.B);
                var c0 = Vector256.Create(t0.C);
                var a1 = Vector256.Create(t1.A);
                var b1 = Vector256.Create(t1.B);
                var c1 = Vector256.Create(t1.C);
                for (; i <= n - 4; i += 4)
                {
                    var acc = accumulate ? Vector256.LoadUnsafe(ref ry, (nuint)i) : Vector256<double>.Zero;
                    acc += (a0 * (Vector256.LoadUnsafe(ref r0, (nuint)i) - c0)) + b0;
                    acc += (a1 * (Vector256.LoadUnsafe(ref r1, (nuint)i) - c1)) + b1;
                    acc.StoreUnsafe(ref ry, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                var acc = accumulate ? y[i] : 0.0;
                acc += (t0.A * (x0[i] - t0.C)) + t0.B;
                acc += (t1.A * (x1[i] - t1.C)) + t1.B;
                y[i] = acc;
            }
        }
    }

    /// <summary>
    /// y[i] = p[i] · |v[i]| for every i; returns true when every p[i] lies in [0, 1] and every v[i] ≥ 0 (the common
    /// case), false when some value needs the caller's item-by-item check (y is then incomplete).
    /// </summary>
    public static bool ScaledMagnitudes(ReadOnlySpan<double> p, ReadOnlySpan<double> v, Span<double> y)
    {
        unchecked
        {
            var n = y.Length;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var rp = ref MemoryMarshal.GetReference(p);
                ref var rv = ref MemoryMarshal.GetReference(v);
                ref var ry = ref MemoryMarshal.GetReference(y);
                var zero = Vector256<double>.Zero;
                var one = Vector256.Create(1.0);
                var ok = Vector256<double>.AllBitsSet;
                for (; i <= n - 4; i += 4)
                {
                    var pi = Vector256.LoadUnsafe(ref rp, (nuint)i);
                    var vi = Vector256.LoadUnsafe(ref rv, (nuint)i);
                    ok &= Vector256.GreaterThanOrEqual(pi, zero) & Vector256.LessThanOrEqual(pi, one) & Vector256.GreaterThanOrEqual(vi, zero);
                    (pi * Vector256.Abs(vi)).StoreUnsafe(ref ry, (nuint)i);
                }

                // Compare the mask's sign bits, not the lanes: an all-ones lane is a NaN, which never equals itself.
                if (ok.ExtractMostSignificantBits() != 0b1111)
                {
                    return false;
                }
            }

            for (; i < n; i++)
            {
                var pi = p[i];
                var vi = v[i];
                if (!(pi >= 0 && pi <= 1 && vi >= 0))
                {
                    return false;
                }

                y[i] = pi * Math.Abs(vi);
            }

            return true;
        }
    }

    /// <summary>
    /// Writes to <paramref name="indexes"/>, in ascending order, every i with (x[i] − min) · scale ≥ bucket (the bucket
    /// of x[i] is at least <paramref name="bucket"/>) and returns how many there are. The vector and scalar paths compute
    /// the same IEEE expression, so the set is exactly the one a histogram over those buckets counts.
    /// </summary>
    public static int IndexesAtOrAbove(ReadOnlySpan<double> x, double min, double scale, int bucket, Span<int> indexes)
    {
        unchecked
        {
            var threshold = (double)bucket;
            var found = 0;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var r = ref MemoryMarshal.GetReference(x);
                var vmin = Vector256.Create(min);
                var vscale = Vector256.Create(scale);
                var vthreshold = Vector256.Create(threshold);
                for (; i <= x.Length - 8; i += 8)
                {
                    var a = Vector256.GreaterThanOrEqual((Vector256.LoadUnsafe(ref r, (nuint)i) - vmin) * vscale, vthreshold).ExtractMostSignificantBits();
                    var b = Vector256.GreaterThanOrEqual((Vector256.LoadUnsafe(ref r, (nuint)(i + 4)) - vmin) * vscale, vthreshold).ExtractMostSignificantBits();
                    var bits = a | (b << 4);
                    while (bits != 0)
                    {
                        indexes[found++] = i + BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                    }
                }
            }

            for (; i < x.Length; i++)
            {
                if ((x[i] - min) * scale >= threshold)
                {
                    indexes[found++] = i;
                }
            }

            return found;
        }
    }

    /// <summary>
    /// Writes each x[i]'s bucket counted from the top: <c>last − min(⌊(x[i] − min) · scale⌋, last)</c>, so the highest
    /// values get bucket 0. Needs every x[i] ≥ min and a finite scale with (max − min) · scale ≤ last + 1. The vector and
    /// scalar paths compute the same IEEE expression and truncation, so a bucket never depends on the path.
    /// </summary>
    public static void DescendingBuckets(ReadOnlySpan<double> x, double min, double scale, int last, Span<int> buckets)
    {
        unchecked
        {
            var i = 0;
            if (Avx.IsSupported && Sse41.IsSupported)
            {
                ref var r = ref MemoryMarshal.GetReference(x);
                ref var o = ref MemoryMarshal.GetReference(buckets);
                var vmin = Vector256.Create(min);
                var vscale = Vector256.Create(scale);
                var vlast = Vector128.Create(last);
                for (; i <= x.Length - 4; i += 4)
                {
                    (vlast - Bucket4(ref r, i, vmin, vscale, vlast)).StoreUnsafe(ref o, (nuint)i);
                }
            }

            for (; i < x.Length; i++)
            {
                buckets[i] = last - Bucket(x[i], min, scale, last);
            }
        }
    }

    /// <summary>The bucket of one value: ⌊(x − min) · scale⌋ clamped to [0, last].</summary>
    private static int Bucket(double x, double min, double scale, int last) => Math.Max(Math.Min(unchecked((int)((x - min) * scale)), last), 0);

    /// <summary>The buckets of x[i..i+3], computed as <see cref="Bucket"/> computes one (same IEEE operations, truncation and clamp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Bucket4(ref double x, int i, Vector256<double> min, Vector256<double> scale, Vector128<int> last) =>
        Sse41.Max(Sse41.Min(Avx.ConvertToVector128Int32WithTruncation((Vector256.LoadUnsafe(ref x, (nuint)i) - min) * scale), last), Vector128<int>.Zero);

    /// <summary>
    /// Writes to <paramref name="indexes"/>, in ascending order, every i with buckets[i] ≤ <paramref name="boundary"/>
    /// and returns how many there are.
    /// </summary>
    public static int IndexesAtOrBelow(ReadOnlySpan<int> buckets, int boundary, Span<int> indexes)
    {
        unchecked
        {
            var found = 0;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var r = ref MemoryMarshal.GetReference(buckets);
                var limit = Vector256.Create(boundary);
                for (; i <= buckets.Length - 8; i += 8)
                {
                    var bits = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref r, (nuint)i), limit).ExtractMostSignificantBits();
                    while (bits != 0)
                    {
                        indexes[found++] = i + BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                    }
                }
            }

            for (; i < buckets.Length; i++)
            {
                if (buckets[i] <= boundary)
                {
                    indexes[found++] = i;
                }
            }

            return found;
        }
    }

    /// <summary>
    /// Counts how many x[i] fall in each of <c>counts.Length</c> equal-width buckets: bucket = min(⌊(x[i] − min) · scale⌋,
    /// last). Needs every x[i] ≥ min and a finite scale; counts is cleared first.
    /// </summary>
    public static void BucketCounts(ReadOnlySpan<double> x, double min, double scale, Span<int> counts)
    {
        counts.Clear();
        unchecked
        {
            ref var c = ref MemoryMarshal.GetReference(counts);
            var last = counts.Length - 1;
            var i = 0;
            if (Avx.IsSupported && Sse41.IsSupported)
            {
                ref var r = ref MemoryMarshal.GetReference(x);
                var vmin = Vector256.Create(min);
                var vscale = Vector256.Create(scale);
                var vlast = Vector128.Create(last);
                for (; i <= x.Length - 4; i += 4)
                {
                    // The clamp keeps the index inside counts, so the increments need no bounds checks.
                    var b = Bucket4(ref r, i, vmin, vscale, vlast);
                    Unsafe.Add(ref c, b.GetElement(0))++;
                    Unsafe.Add(ref c, b.GetElement(1))++;
                    Unsafe.Add(ref c, b.GetElement(2))++;
                    Unsafe.Add(ref c, b.GetElement(3))++;
                }
            }

            for (; i < x.Length; i++)
            {
                counts[Bucket(x[i], min, scale, last)]++;
            }
        }
    }
}
