using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>
/// Full rankings and top-k of sets that mix every awkward kind of score at once (proposed by the review of the bucket
/// sort): ulp neighbours, keys equal in their top 52 bits, both zeros, denormals, ranges that overflow, outliers that
/// crowd one bucket, classes and secondary keys, on sizes around every threshold (128, 4,096). Each must equal a plain
/// LINQ ordering by the documented keys, and each top-k its prefix.
/// </summary>
public class RankOrderMixtureTests
{
    [Fact]
    public void FullAndTop_OfMixedScoreShapes_MatchLinq()
    {
        var r = new Random(2024);
        for (var iteration = 0; iteration < 2500; iteration++)
        {
            var n = r.Next(4) switch { 0 => r.Next(1, 130), 1 => r.Next(120, 600), 2 => r.Next(4000, 4200), _ => r.Next(1, 4200) };
            var kinds = new[] { r.Next(10), r.Next(10), r.Next(10) };
            var anchor = r.Next(3) switch { 0 => 1.0, 1 => 1e-300, _ => 12345.678 };
            var bits = BitConverter.DoubleToInt64Bits(anchor);
            var s = Enumerable.Range(0, n).Select(_ => kinds[r.Next(r.Next(1, 4))] switch
            {
                0 => r.NextDouble(),
                1 => (double)r.Next(0, 5),
                2 => BitConverter.Int64BitsToDouble(bits + r.Next(-40, 40)),             // a few ulps apart
                3 => BitConverter.Int64BitsToDouble((bits & ~0xFFFL) + r.Next(0, 4096)), // the same top 52 key bits
                4 => r.Next(2) == 0 ? -0.0 : 0.0,
                5 => double.Epsilon * r.Next(-30, 30),                                  // denormals
                6 => (r.NextDouble() - 0.5) * Math.Pow(10, r.Next(-320, 308)),          // ranges that overflow
                7 => anchor * 1e12,                                                     // an outlier crowding the rest
                8 => -anchor,
                _ => Math.Floor(r.NextDouble() * 20) / 7,
            }).ToArray();
            var ids = Enumerable.Range(0, n).Select(i => "k" + r.Next().ToString("X8", System.Globalization.CultureInfo.InvariantCulture) + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var secondary = r.Next(2) == 0 ? null : Enumerable.Range(0, n).Select(_ => r.Next(3) * (r.Next(2) == 0 ? -0.0 : 1)).ToArray();
            var higherFirst = r.Next(2) == 0;
            var classes = r.Next(4) == 0 ? Enumerable.Range(0, n).Select(_ => r.Next(1, 5)).ToArray() : null;
            IOrderedEnumerable<int> query = Enumerable.Range(0, n).OrderByDescending(i => classes is null ? 0 : classes[i]).ThenByDescending(i => s[i]);
            query = secondary is null ? query : higherFirst ? query.ThenByDescending(i => secondary[i]) : query.ThenBy(i => secondary[i]);
            var expected = query.ThenBy(i => ids[i], StringComparer.Ordinal).ToArray();
            var comparer = new RankComparer(s, classes, secondary, higherFirst, ids);

            Assert.True(RankOrder.Full(s, classes, n, comparer).SequenceEqual(expected), $"full ranking, iteration {iteration}");
            foreach (var k in new[] { 1, r.Next(1, n), n - 1, Math.Min(n - 1, r.Next(1, 40)) }.Where(k => k >= 1 && k < n))
            {
                Assert.True(RankOrder.Top(s, classes, n, k, comparer).SequenceEqual(expected.Take(k)), $"top-{k}, iteration {iteration}");
            }
        }
    }
}
