using System.Buffers;
using System.Numerics;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The total order of a ranking: class (higher first), score (higher first), secondary key, ordinal id.
/// </summary>
internal sealed class RankComparer : IComparer<int>
{
    private readonly double[] _scores;
    private readonly int[]? _classes;
    private readonly double[]? _secondary;
    private readonly bool _higherFirst;
    private readonly string[] _ids;

    public RankComparer(double[] scores, int[]? classes, double[]? secondary, bool higherFirst, string[] ids)
    {
        _scores = scores;
        _classes = classes;
        _secondary = secondary;
        _higherFirst = higherFirst;
        _ids = ids;
        TiesOnly = Comparer<int>.Create(CompareTie);
    }

    /// <summary>Gets a comparer for items already known to tie on class and score.</summary>
    public IComparer<int> TiesOnly { get; }

    /// <summary>Negative when item <paramref name="a"/> ranks before item <paramref name="b"/>.</summary>
    public int Compare(int a, int b)
    {
        if (_classes is not null && _classes[a] != _classes[b])
        {
            return _classes[a] > _classes[b] ? -1 : 1;
        }

        var sa = _scores[a];
        var sb = _scores[b];
        if (sa != sb)
        {
            return sa > sb ? -1 : 1;
        }

        return CompareTie(a, b);
    }

    /// <summary>True when the two items tie on class and score.</summary>
    public bool SameClassAndScore(int a, int b) =>
        _scores[a] == _scores[b] && (_classes is null || _classes[a] == _classes[b]);

    private int CompareTie(int a, int b)
    {
        if (_secondary is not null)
        {
            var x = _secondary[a];
            var y = _secondary[b];
            if (x != y)
            {
                return (x > y) == _higherFirst ? -1 : 1;
            }
        }

        return string.CompareOrdinal(_ids[a], _ids[b]);
    }
}

/// <summary>Sorting and partial selection of candidate indexes by a <see cref="RankComparer"/>.</summary>
/// <remarks>
/// A full ranking of more than <see cref="SmallSize"/> candidates sorts an index array by an order-preserving 64-bit
/// encoding of the score with an LSD radix sort (8 passes of 8 bits, passes whose byte is constant skipped), then a
/// stable counting sort by class, then sorts the (rare) runs of exact ties by secondary key and id. Smaller sets sort
/// one packed key per candidate (the score's key above the index): by value buckets when the scores are spread, else by
/// a windowed radix sort, and repair runs of equal keys with the full comparer. Top-k without classes keeps the
/// candidates at or above the bucket of the k-th best score and sorts only those; with classes, or when ties crowd that
/// bucket, a binary heap keeps the k best. Scratch buffers come from <see cref="ArrayPool{T}"/>; only the result array
/// is allocated.
/// </remarks>
internal static class RankOrder
{
    private const int SmallSize = 4096;

    private const int IndexBits = 12; // indexes below SmallSize

    private const ulong IndexMask = (1UL << IndexBits) - 1;

    public static int[] Full(double[] scores, int[]? classes, int n, RankComparer comparer) => Full(scores, classes, n, comparer, new int[n]);

    /// <summary>The full order written into <paramref name="order"/> (exactly n long; a caller's reused buffer), which is returned.</summary>
    public static int[] Full(double[] scores, int[]? classes, int n, RankComparer comparer, int[] order)
    {
        if (n <= SmallSize)
        {
            // Small sets: pack the key's top 52 bits with the index into one ulong and sort that primitive array, by
            // value buckets when the scores are spread, else by a 24-bit window below the keys' first differing bit
            // (either is faster than sorting the scores alone with Array.Sort); then repair the rare runs of equal keys
            // with the full comparer, and order by class.
            var packed = ArrayPool<ulong>.Shared.Rent(n);
            try
            {
                unchecked
                {
                    ulong runMask;
                    if (n >= 128 && SortPackedByBuckets(scores, packed, n))
                    {
                        runMask = ~IndexMask;
                    }
                    else
                    {
                        for (var i = 0; i < n; i++)
                        {
                            packed[i] = (DescendingKey(scores[i]) & ~IndexMask) | (uint)i;
                        }

                        var low = SortPackedKeys(packed, n);
                        runMask = low >= 64 ? 0UL : ~((1UL << low) - 1);
                    }

                    for (var p = 0; p < n; p++)
                    {
                        order[p] = (int)(packed[p] & IndexMask);
                    }

                    var runStart = 0;
                    for (var p = 1; p <= n; p++)
                    {
                        if (p == n || ((packed[p] ^ packed[runStart]) & runMask) != 0)
                        {
                            if (p - runStart > 1)
                            {
                                Array.Sort(order, runStart, p - runStart, comparer);
                            }

                            runStart = p;
                        }
                    }
                }

                if (classes is not null)
                {
                    var buffer = ArrayPool<int>.Shared.Rent(n);
                    ClassSort(classes, order, buffer, n);
                    ArrayPool<int>.Shared.Return(buffer);
                }

                return order;
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(packed);
            }
        }

        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var keys2 = ArrayPool<ulong>.Shared.Rent(n);
        var order2 = ArrayPool<int>.Shared.Rent(n);
        try
        {
            RadixSort(scores, keys, order, keys2, order2, n);
            if (classes is not null)
            {
                ClassSort(classes, order, order2, n);
            }

            SortTies(order, comparer, n);
            return order;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(keys2);
            ArrayPool<int>.Shared.Return(order2);
        }
    }

    public static int[] Top(double[] scores, int[]? classes, int n, int k, RankComparer comparer)
    {
        if (classes is null && (n <= SmallSize ? TopOfSmallSet(scores, n, k, comparer) : TopByThreshold(scores, n, k, comparer)) is { } selected)
        {
            return selected;
        }

        return TopByHeap(default, n, k, comparer);
    }

    /// <summary>
    /// Top-k with a heap of the k best candidate indexes (only the indexes in <paramref name="subset"/>, or all n when
    /// it is empty), ordered by the full comparer.
    /// </summary>
    private static int[] TopByHeap(ReadOnlySpan<int> subset, int n, int k, RankComparer comparer)
    {
        var all = subset.IsEmpty;
        var count = all ? n : subset.Length;
        var heap = new int[k];
        unchecked
        {
            for (var i = 0; i < k; i++)
            {
                heap[i] = all ? i : subset[i];
            }

            // A heap whose root is the worst item kept so far.
            for (var i = (k / 2) - 1; i >= 0; i--)
            {
                SiftDown(heap, i, k, comparer);
            }

            for (var i = k; i < count; i++)
            {
                var item = all ? i : subset[i];
                if (comparer.Compare(item, heap[0]) < 0)
                {
                    heap[0] = item;
                    SiftDown(heap, 0, k, comparer);
                }
            }
        }

        Array.Sort(heap, comparer);
        return heap;
    }

    /// <summary>
    /// Top-k of a small set (n ≤ <see cref="SmallSize"/>, methods without classes): the buckets of the full ranking's
    /// bucket sort (about n equal-width buckets, best first) give the bucket that holds the k-th best score; one vector
    /// pass keeps the candidates in that bucket or better (usually little more than k); a counting sort by bucket and an
    /// insertion sort of their packed keys order them (a primitive sort when the buckets are crowded), and the runs of
    /// keys that agree above the index bits are
    /// repaired by the full comparer. Every candidate left out scores strictly lower than every candidate kept (see
    /// <see cref="SortPackedByBuckets"/>). Returns null when the scores have no usable spread or too many candidates
    /// share the boundary bucket; the caller then uses the heap.
    /// </summary>
    private static int[]? TopOfSmallSet(double[] scores, int n, int k, RankComparer comparer)
    {
        if (!ValueBuckets.TryCount(scores.AsSpan(0, n), out var buckets))
        {
            return null;
        }

        try
        {
            unchecked
            {
                var of = buckets.Of;
                var counts = buckets.Counts;
                var kept = 0;
                var boundary = 0;
                var crowding = 0L;
                while (true)
                {
                    var c = counts[boundary];
                    counts[boundary] = kept; // the bucket's first position among the kept
                    kept += c;
                    crowding += (long)c * c;
                    if (kept >= k)
                    {
                        break;
                    }

                    boundary++;
                }

                if (kept > (4L * k) + 1024)
                {
                    return null;
                }

                var subset = ArrayPool<int>.Shared.Rent(kept);
                var packed = ArrayPool<ulong>.Shared.Rent(kept);
                try
                {
                    var found = ColumnMath.IndexesAtOrBelow(of, boundary, subset);
                    if (found != kept)
                    {
                        throw new InvalidOperationException(Preconditions.Invariant($"The top-k pass kept {found} candidates, but the bucket counts give {kept}."));
                    }

                    foreach (var i in subset.AsSpan(0, kept))
                    {
                        packed[counts[of[i]]++] = (DescendingKey(scores[i]) & ~IndexMask) | (uint)i;
                    }

                    // A crowded bucket (one far outlier squeezes the rest together) would make the insertion sort
                    // quadratic; the primitive sort stays O(kept log kept) then.
                    if (IsCrowded(crowding, kept))
                    {
                        Array.Sort(packed, 0, kept);
                    }
                    else
                    {
                        InsertionSort(packed.AsSpan(0, kept));
                    }

                    // The subset buffer now takes the kept indexes in key order; runs of keys that agree above the index
                    // bits (equal or ulp-close scores) and start within the first k are ordered by the comparer in place.
                    var runStart = 0;
                    for (var p = 0; p < kept && runStart < k; p++)
                    {
                        subset[p] = (int)(packed[p] & IndexMask);
                        if (p + 1 < kept && ((packed[p + 1] ^ packed[runStart]) & ~IndexMask) == 0)
                        {
                            continue;
                        }

                        if (p > runStart)
                        {
                            Array.Sort(subset, runStart, p + 1 - runStart, comparer);
                        }

                        runStart = p + 1;
                    }

                    return subset.AsSpan(0, k).ToArray();
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(subset);
                    ArrayPool<ulong>.Shared.Return(packed);
                }
            }
        }
        finally
        {
            buckets.Return();
        }
    }

    /// <summary>
    /// Whether keys placed by bucket are too crowded for <see cref="InsertionSort"/>: its shifts are at most half the sum
    /// of the squared bucket sizes, which this keeps below 4 per key.
    /// </summary>
    private static bool IsCrowded(long sumOfSquaredBucketSizes, int keys) => sumOfSquaredBucketSizes > 8L * keys;

    /// <summary>Sorts keys ascending by insertion; cheap when they are nearly sorted.</summary>
    private static void InsertionSort(Span<ulong> keys)
    {
        unchecked
        {
            for (var p = 1; p < keys.Length; p++)
            {
                var key = keys[p];
                if (key < keys[p - 1])
                {
                    var q = p - 1;
                    do
                    {
                        keys[q + 1] = keys[q];
                        q--;
                    }
                    while (q >= 0 && keys[q] > key);

                    keys[q + 1] = key;
                }
            }
        }
    }

    /// <summary>
    /// Top-k by a score threshold (methods without classes): a histogram of the scores over equal-width buckets between
    /// the minimum and the maximum finds the bucket that holds the k-th best score; one vector pass then keeps only the
    /// candidates in that bucket or above (usually little more than k), and only those are sorted. A score's bucket is
    /// monotone in the score (IEEE subtraction and multiplication round monotonically), so every candidate left out
    /// scores strictly lower than every candidate kept, and the full comparer orders the kept ones exactly as a full
    /// ranking does. Returns null when the scores have no usable spread (all equal, or a range that overflows), and the
    /// caller falls back to the heap.
    /// </summary>
    private static int[]? TopByThreshold(double[] scores, int n, int k, RankComparer comparer)
    {
        var values = scores.AsSpan(0, n);
        var (min, max) = ColumnMath.MinMax(values);
        var range = max - min;
        var buckets = n <= 1024 ? 1024 : 4096;
        var scale = buckets / range;
        if (!(range > 0) || !double.IsFinite(range) || !double.IsFinite(scale))
        {
            return null;
        }

        var histogram = ArrayPool<int>.Shared.Rent(buckets);
        try
        {
            var counts = histogram.AsSpan(0, buckets);
            var last = buckets - 1;
            ColumnMath.BucketCounts(values, min, scale, counts);
            var kept = 0;
            var boundary = last;
            unchecked
            {
                while (true)
                {
                    kept += counts[boundary];
                    if (kept >= k)
                    {
                        break;
                    }

                    boundary--;
                }
            }

            var subset = ArrayPool<int>.Shared.Rent(kept);
            var order = ArrayPool<int>.Shared.Rent(kept);
            try
            {
                var found = ColumnMath.IndexesAtOrAbove(values, min, scale, boundary, subset);
                if (found != kept)
                {
                    throw new InvalidOperationException(Preconditions.Invariant($"The top-k threshold pass kept {found} candidates, but the histogram counted {kept}."));
                }

                if (kept > (4L * k) + 1024)
                {
                    return TopByHeap(subset.AsSpan(0, kept), n, k, comparer);
                }

                // A counting sort by bucket (best bucket first, index order inside a bucket), then each bucket that starts
                // within the first k is ordered by the full comparer; buckets hold one or two candidates as a rule.
                unchecked
                {
                    var start = 0;
                    for (var bucket = last; bucket >= boundary; bucket--)
                    {
                        var size = counts[bucket];
                        counts[bucket] = start;
                        start += size;
                    }

                    foreach (var i in subset.AsSpan(0, kept))
                    {
                        order[counts[Math.Min((int)((values[i] - min) * scale), last)]++] = i;
                    }

                    // counts[b] now holds the end of bucket b, which is the start of bucket b − 1.
                    var runStart = 0;
                    for (var bucket = last; bucket >= boundary && runStart < k; bucket--)
                    {
                        var end = counts[bucket];
                        SortRun(order, runStart, end - runStart, comparer);
                        runStart = end;
                    }
                }

                return order.AsSpan(0, k).ToArray();
            }
            finally
            {
                ArrayPool<int>.Shared.Return(subset);
                ArrayPool<int>.Shared.Return(order);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(histogram);
        }
    }

    /// <summary>Orders a short run of candidate indexes by the full comparer: insertion sort up to 16 items, introsort above.</summary>
    private static void SortRun(int[] order, int start, int length, RankComparer comparer)
    {
        if (length > 16)
        {
            Array.Sort(order, start, length, comparer);
            return;
        }

        unchecked
        {
            var end = start + length;
            for (var p = start + 1; p < end; p++)
            {
                var item = order[p];
                var q = p - 1;
                while (q >= start && comparer.Compare(item, order[q]) < 0)
                {
                    order[q + 1] = order[q];
                    q--;
                }

                order[q + 1] = item;
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="packed"/> with every candidate's packed key (key bits above <see cref="IndexBits"/>, index
    /// below) sorted ascending, by a bucket sort on the score's value: one pass finds each score's bucket among about n
    /// equal-width buckets between the minimum and the maximum (best bucket first), a counting sort places the keys by
    /// bucket, and an insertion sort orders the few keys that share a bucket. Returns false, with nothing promised
    /// about <paramref name="packed"/>, when the scores have no usable spread or crowd into a few buckets (the
    /// insertion sort would then cost more than the radix sort); the caller then radix-sorts.
    /// </summary>
    /// <remarks>
    /// A score's bucket is monotone in the score (IEEE subtraction and multiplication round monotonically), and so is
    /// its key, so keys in an earlier bucket are never greater than keys in a later one; the insertion sort therefore
    /// moves keys only inside their bucket, and its cost is the number of pairs out of order inside buckets, at most
    /// half the sum of the squared bucket sizes, which the guard keeps below 4n.
    /// </remarks>
    internal static bool SortPackedByBuckets(double[] scores, ulong[] packed, int n)
    {
        if (!ValueBuckets.TryCount(scores.AsSpan(0, n), out var buckets))
        {
            return false;
        }

        try
        {
            unchecked
            {
                var of = buckets.Of;
                var counts = buckets.Counts;
                var crowding = 0L;
                var sum = 0;
                for (var b = 0; b < counts.Length; b++)
                {
                    var c = counts[b];
                    crowding += (long)c * c;
                    counts[b] = sum;
                    sum += c;
                }

                if (IsCrowded(crowding, n))
                {
                    return false;
                }

                for (var i = 0; i < n; i++)
                {
                    packed[counts[of[i]]++] = (DescendingKey(scores[i]) & ~IndexMask) | (uint)i;
                }

                InsertionSort(packed.AsSpan(0, n));
            }

            return true;
        }
        finally
        {
            buckets.Return();
        }
    }

    /// <summary>
    /// The value buckets of a small set's scores: 2^⌈log₂ n⌉ equal-width buckets between the minimum and the maximum,
    /// numbered best first, with each candidate's bucket and each bucket's count, in pooled arrays (a struct, so that
    /// nothing but the result is allocated).
    /// </summary>
    private readonly struct ValueBuckets
    {
        private readonly int[] _of;
        private readonly int[] _counts;
        private readonly int _n;
        private readonly int _buckets;

        private ValueBuckets(int n, int buckets)
        {
            _n = n;
            _buckets = buckets;
            _of = ArrayPool<int>.Shared.Rent(n);
            _counts = ArrayPool<int>.Shared.Rent(buckets);
        }

        /// <summary>Gets each candidate's bucket (0 holds the best scores).</summary>
        public Span<int> Of => _of.AsSpan(0, _n);

        /// <summary>Gets each bucket's count; the callers turn it into positions in place.</summary>
        public Span<int> Counts => _counts.AsSpan(0, _buckets);

        /// <summary>Buckets and counts the scores; false when they have no usable spread (all equal, or a range too small or too large to scale).</summary>
        public static bool TryCount(ReadOnlySpan<double> values, out ValueBuckets result)
        {
            result = default;
            var (min, max) = ColumnMath.MinMax(values);
            var range = max - min;
            var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)values.Length);
            var scale = buckets / range;
            if (!(range > 0) || !double.IsFinite(range) || !double.IsFinite(scale))
            {
                return false;
            }

            result = new ValueBuckets(values.Length, buckets);
            var counts = result.Counts;
            counts.Clear();
            ColumnMath.DescendingBuckets(values, min, scale, buckets - 1, result.Of);
            unchecked
            {
                foreach (var b in result.Of)
                {
                    counts[b]++;
                }
            }

            return true;
        }

        /// <summary>Returns the arrays to the pool.</summary>
        public void Return()
        {
            ArrayPool<int>.Shared.Return(_of);
            ArrayPool<int>.Shared.Return(_counts);
        }
    }

    /// <summary>
    /// Sorts packed keys (key bits above <see cref="IndexBits"/>, index below) ascending by a window of their key bits
    /// and returns the lowest bit of that window: keys equal from that bit up may be in any order, and the caller
    /// repairs those runs with the full comparer. 64 means every key is equal.
    /// </summary>
    /// <remarks>
    /// Bits above the highest bit in which any two keys differ are constant, so the window starts there and spans 24
    /// bits (three 8-bit LSD passes) instead of the 52 key bits (seven passes). For real scores the 24 bits below the
    /// first differing bit separate almost every pair; the few that agree on them form short runs for the repair.
    /// </remarks>
    private static int SortPackedKeys(ulong[] packed, int n)
    {
        if (n < 128)
        {
            Array.Sort(packed, 0, n);
            return IndexBits;
        }

        var scratch = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            unchecked
            {
                var first = packed[0];
                var differ = 0UL;
                for (var i = 1; i < n; i++)
                {
                    differ |= packed[i] ^ first;
                }

                differ &= ~IndexMask;
                if (differ == 0)
                {
                    return 64;
                }

                var top = 64 - BitOperations.LeadingZeroCount(differ); // bits from 'top' up are the same in every key
                var low = Math.Max(IndexBits, top - 24);
                Span<int> counts = stackalloc int[3 * 256];
                counts.Clear();
                for (var i = 0; i < n; i++)
                {
                    var k = packed[i] >> low;
                    counts[(int)(k & 0xFF)]++;
                    counts[256 + (int)((k >> 8) & 0xFF)]++;
                    counts[512 + (int)((k >> 16) & 0xFF)]++;
                }

                var src = packed;
                var dst = scratch;
                for (var pass = 0; pass < 3; pass++)
                {
                    var shift = low + (pass * 8);
                    var c = counts.Slice(pass * 256, 256);
                    if (c[(int)((src[0] >> shift) & 0xFF)] == n)
                    {
                        continue; // every key has the same digit here (always so for digits above 'top')
                    }

                    ToBucketStarts(c);

                    for (var i = 0; i < n; i++)
                    {
                        var k = src[i];
                        dst[c[(int)((k >> shift) & 0xFF)]++] = k;
                    }

                    (src, dst) = (dst, src);
                }

                if (!ReferenceEquals(src, packed))
                {
                    Array.Copy(src, packed, n);
                }

                return low;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
        }
    }

    /// <summary>Maps a score to a key whose ascending unsigned order is the score's descending order.</summary>
    internal static ulong DescendingKey(double score)
    {
        unchecked
        {
            var bits = (ulong)BitConverter.DoubleToInt64Bits(score + 0.0); // + 0.0 turns −0 into +0
            var ascending = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
            return ~ascending;
        }
    }

    private static void SiftDown(int[] heap, int i, int k, RankComparer comparer)
    {
        unchecked
        {
            var item = heap[i];
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= k)
                {
                    break;
                }

                // Pick the worse child (the one that ranks later).
                if (child + 1 < k && comparer.Compare(heap[child + 1], heap[child]) > 0)
                {
                    child++;
                }

                if (comparer.Compare(heap[child], item) <= 0)
                {
                    break;
                }

                heap[i] = heap[child];
                i = child;
            }

            heap[i] = item;
        }
    }

    private static void RadixSort(double[] scores, ulong[] keys, int[] order, ulong[] keys2, int[] order2, int n)
    {
        unchecked
        {
            // One pass makes the keys, fills the identity order and counts all eight digit histograms.
            Span<int> counts = stackalloc int[8 * 256];
            counts.Clear();
            for (var i = 0; i < n; i++)
            {
                var k = DescendingKey(scores[i]);
                keys[i] = k;
                order[i] = i;
                counts[(int)(k & 0xFF)]++;
                counts[256 + (int)((k >> 8) & 0xFF)]++;
                counts[512 + (int)((k >> 16) & 0xFF)]++;
                counts[768 + (int)((k >> 24) & 0xFF)]++;
                counts[1024 + (int)((k >> 32) & 0xFF)]++;
                counts[1280 + (int)((k >> 40) & 0xFF)]++;
                counts[1536 + (int)((k >> 48) & 0xFF)]++;
                counts[1792 + (int)(k >> 56)]++;
            }

            var srcK = keys;
            var srcI = order;
            var dstK = keys2;
            var dstI = order2;
            for (var pass = 0; pass < 8; pass++)
            {
                var shift = pass * 8;
                var c = counts.Slice(pass * 256, 256);
                if (c[(int)((srcK[0] >> shift) & 0xFF)] == n)
                {
                    continue; // every key has the same byte here
                }

                ToBucketStarts(c);

                for (var i = 0; i < n; i++)
                {
                    var k = srcK[i];
                    var pos = c[(int)((k >> shift) & 0xFF)]++;
                    dstK[pos] = k;
                    dstI[pos] = srcI[i];
                }

                (srcK, dstK) = (dstK, srcK);
                (srcI, dstI) = (dstI, srcI);
            }

            if (!ReferenceEquals(srcI, order))
            {
                Array.Copy(srcI, order, n);
            }
        }
    }

    private static void ClassSort(int[] classes, int[] order, int[] buffer, int n)
    {
        unchecked
        {
            var max = 0;
            for (var i = 0; i < n; i++)
            {
                max = Math.Max(max, classes[i]);
            }

            var starts = new int[max + 2];
            for (var i = 0; i < n; i++)
            {
                starts[max - classes[i] + 1]++;
            }

            for (var c = 1; c < starts.Length; c++)
            {
                starts[c] += starts[c - 1];
            }

            for (var p = 0; p < n; p++)
            {
                var item = order[p];
                buffer[starts[max - classes[item]]++] = item;
            }

            Array.Copy(buffer, order, n);
        }
    }

    private static void SortTies(int[] order, RankComparer comparer, int n)
    {
        unchecked
        {
            var start = 0;
            while (start < n)
            {
                var end = start + 1;
                while (end < n && comparer.SameClassAndScore(order[start], order[end]))
                {
                    end++;
                }

                if (end - start > 1)
                {
                    Array.Sort(order, start, end - start, comparer.TiesOnly);
                }

                start = end;
            }
        }
    }

    /// <summary>Turns one radix pass's 256 byte counts into each bucket's first position (an exclusive prefix sum).</summary>
    private static void ToBucketStarts(Span<int> counts)
    {
        var sum = 0;
        for (var d = 0; d < counts.Length; d++)
        {
            var t = counts[d];
            counts[d] = sum;
            sum = unchecked(sum + t); // the counts sum to n, which fits an int
        }
    }
}
