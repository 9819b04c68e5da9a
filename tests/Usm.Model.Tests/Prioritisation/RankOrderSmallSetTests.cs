using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>
/// The small-set path of a full ranking (up to 4,096 candidates) sorts packed keys with a radix sort from 128 keys up
/// and with the introsort below; both must give exactly the order of a plain comparison sort.
/// </summary>
public class RankOrderSmallSetTests
{
    [Fact]
    public void FullRanking_OfSmallSets_MatchesAComparisonSort()
    {
        // Scores over many magnitudes, with heavy ties, zeros, negative zeros and values a few ulps apart; sizes run
        // from below the radix threshold of 128 to the largest small set.
        var gen = from n in Gen.Choose(1, 4096)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var ids = Enumerable.Range(0, t.n).Select(i => "c" + (t.n - i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var wide = Enumerable.Range(0, t.n).Select(_ => random.Next(4) switch
            {
                0 => (double)random.Next(0, 7),
                1 => -0.0,
                2 => random.NextDouble() * Math.Pow(10, random.Next(-12, 13)),
                _ => 1000.0 + (random.Next(0, 5) * 1e-9),
            }).ToArray();
            var set = CandidateSet.FromColumns(ids, [KeyValuePair.Create("s", (IReadOnlyList<double>)wide)], [.. Enumerable.Repeat(1.0, t.n)]);
            var expected = Enumerable.Range(0, t.n).OrderByDescending(i => wide[i] + 0.0).ThenBy(i => ids[i], StringComparer.Ordinal).Select(i => ids[i]);
            return Prioritiser.Rank(set, RankingMethod.Cd3("s")).Ids.SequenceEqual(expected);
        }), maxTest: 300);
    }

    [Fact]
    public void FullRanking_OfClustersThatAgreeOnTheSortedWindow_MatchesAComparisonSort()
    {
        // The radix pass sorts only 24 key bits below the first bit in which the keys differ. An outlier far from a
        // tight cluster (scores that differ only in their last mantissa bits) puts the whole cluster into one run
        // that the comparer must repair; a cluster alone is sorted by its own low bits.
        var gen = from n in Gen.Choose(128, 4096)
                  from seed in Gen.Choose(0, int.MaxValue)
                  from outliers in Gen.Choose(0, 3)
                  select (n, seed, outliers);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var ids = Enumerable.Range(0, t.n).Select(i => "c" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var scores = Enumerable.Range(0, t.n).Select(i => i < t.outliers
                ? (random.Next(2) == 0 ? 1e9 : 1e-9) * (1 + random.Next(5))
                : BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + random.Next(0, 1 << 20))).ToArray();
            var set = CandidateSet.FromColumns(ids, [KeyValuePair.Create("s", (IReadOnlyList<double>)scores)], [.. Enumerable.Repeat(1.0, t.n)]);
            var expected = Enumerable.Range(0, t.n).OrderByDescending(i => scores[i]).ThenBy(i => ids[i], StringComparer.Ordinal).Select(i => ids[i]);
            return Prioritiser.Rank(set, RankingMethod.Cd3("s")).Ids.SequenceEqual(expected);
        }), maxTest: 200);
    }

    [Fact]
    public void BucketSort_OfSpreadScores_SortsEveryPackedKey()
    {
        // Spread scores (the usual case) take the bucket sort: ties, neighbours one ulp apart and both zeros
        // included, as long as no bucket is crowded. The packed keys must come out ascending and complete.
        var gen = from n in Gen.Choose(128, 4096)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var scores = SpreadScores(new Random(t.seed), t.n);
            var packed = new ulong[t.n];
            if (!RankOrder.SortPackedByBuckets(scores, packed, t.n))
            {
                return false;
            }

            var indexes = packed.Select(p => (int)(p & 0xFFF)).ToArray();
            var ascending = packed.Zip(packed.Skip(1), (a, b) => a < b).All(x => x);
            var complete = indexes.Order().SequenceEqual(Enumerable.Range(0, t.n));
            var keyed = indexes.Select((i, p) => (RankOrder.DescendingKey(scores[i]) & ~0xFFFUL) == (packed[p] & ~0xFFFUL)).All(x => x);
            return ascending && complete && keyed;
        }), maxTest: 300);
    }

    [Fact]
    public void FullRankingAndTopK_OfSpreadScores_MatchAComparisonSort()
    {
        var gen = from n in Gen.Choose(128, 4096)
                  from k in Gen.Choose(1, 500)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, k, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var scores = SpreadScores(random, t.n);
            var effort = Enumerable.Range(0, t.n).Select(_ => (double)random.Next(1, 4)).ToArray();
            var ids = Enumerable.Range(0, t.n).Select(i => "c" + ((i * 7919) % t.n).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var set = CandidateSet.FromColumns(ids, [KeyValuePair.Create("s", (IReadOnlyList<double>)scores), KeyValuePair.Create("d", (IReadOnlyList<double>)[.. Enumerable.Repeat(1.0, t.n)])], effort);
            var method = RankingMethod.Cd3("s", "d"); // duration 1, so the score is s; the efforts only break ties
            var options = new RankingOptions(TieBreaker.LowerEffortFirst);
            var expected = Enumerable.Range(0, t.n).OrderByDescending(i => scores[i] + 0.0).ThenBy(i => effort[i]).ThenBy(i => ids[i], StringComparer.Ordinal).Select(i => ids[i]).ToArray();
            return Prioritiser.Rank(set, method, options).Ids.SequenceEqual(expected)
                && Prioritiser.Top(set, method, t.k, options).Ids.SequenceEqual(expected.Take(t.k));
        }), maxTest: 300);
    }

    [Fact]
    public void BucketSort_OfCrowdedScores_LeavesTheWorkToTheRadixSort()
    {
        // One outlier squeezes everything else into the first bucket; the insertion sort would be quadratic there.
        var scores = Enumerable.Range(0, 1000).Select(i => i == 0 ? 1e12 : i * 1e-3).ToArray();
        Assert.False(RankOrder.SortPackedByBuckets(scores, new ulong[1000], 1000));
        Assert.False(RankOrder.SortPackedByBuckets(Enumerable.Repeat(2.5, 500).ToArray(), new ulong[500], 500));
    }

    /// <summary>Well-spread scores with exact ties, one-ulp neighbours and zeros of both signs (each special value about 0.5 %).</summary>
    private static double[] SpreadScores(Random random, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => random.Next(200) switch
        {
            0 => -0.0,
            1 => 0.0,
            2 => 0.5,
            3 => Math.BitIncrement(0.5),
            _ => Math.Round(random.NextDouble() * 2, 5) + (random.Next(3) * 1e-17),
        })];
}
