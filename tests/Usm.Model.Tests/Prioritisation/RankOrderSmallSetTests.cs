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
}
