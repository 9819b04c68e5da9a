using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>
/// SAW and TOPSIS at the edges of double precision (found by review, session 5): a criterion whose values are very
/// large (the norm or the range overflows) or very small (the sum of squares underflows) was silently dropped: every
/// candidate scored the same and the order fell back to the id. Such criteria now rank by their values; a criterion
/// that cannot be scaled at all (only subnormal values) is refused by name.
/// </summary>
public class NormalisationRangeTests
{
    private static readonly SawNormalisation[] s_normalisations = [SawNormalisation.Max, SawNormalisation.MinMax, SawNormalisation.Vector];

    private static IEnumerable<RankingMethod> Methods(CriterionKind kind) => s_normalisations.SelectMany(n => new RankingMethod[]
    {
        RankingMethod.WeightedSum([kind == CriterionKind.Benefit ? Criterion.Benefit("v", 1) : Criterion.Cost("v", 1)], n),
        RankingMethod.Topsis([kind == CriterionKind.Benefit ? Criterion.Benefit("v", 1) : Criterion.Cost("v", 1)], n),
    });

    private static CandidateSet Set(params double[] values) =>
        CandidateSet.FromColumns([.. values.Select((_, i) => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))], [KeyValuePair.Create("v", (IReadOnlyList<double>)values)]);

    [Theory]
    [InlineData(1e200, 2e200, SawNormalisation.Vector)]    // Σx² overflows
    [InlineData(1e-170, 2e-170, SawNormalisation.Vector)]  // Σx² underflows
    [InlineData(-1e308, 1e308, SawNormalisation.MinMax)]   // max − min overflows
    [InlineData(1e308, 1.7e308, SawNormalisation.Max)]
    public void HugeAndTinyValues_StillDecide(double low, double high, SawNormalisation normalisation)
    {
        var set = Set(low, 0.5 * (low + high) is var mid && double.IsFinite(mid) ? mid : (low / 2) + (high / 2), high);

        Assert.Equal(["c2", "c1", "c0"], Prioritiser.Rank(set, RankingMethod.WeightedSum([Criterion.Benefit("v", 1)], normalisation)).Ids.ToArray());
        Assert.Equal(["c2", "c1", "c0"], Prioritiser.Rank(set, RankingMethod.Topsis([Criterion.Benefit("v", 1)], normalisation)).Ids.ToArray());
        Assert.Equal(["c0", "c1", "c2"], Prioritiser.Rank(set, RankingMethod.Topsis([Criterion.Cost("v", 1)], normalisation)).Ids.ToArray());
        if (normalisation != SawNormalisation.Max || low > 0)
        {
            Assert.Equal(["c0", "c1", "c2"], Prioritiser.Rank(set, RankingMethod.WeightedSum([Criterion.Cost("v", 1)], normalisation)).Ids.ToArray());
        }
    }

    [Theory]
    [InlineData(CriterionKind.Benefit)]
    [InlineData(CriterionKind.Cost)]
    public void MinMax_RangeTinyBesideTheValues_KeepsScoresExact(CriterionKind kind)
    {
        // Found by review (session 6): min-max SAW computed a · x − a · min, two nearly equal products that cancel, so for
        // values 2 and 2.00000000001 the best candidate scored 1.0000025. It now computes a · (x − min) (or a · (max − x)),
        // and x − min is exact here. Nine candidates, so that both the vector loop and the scalar tail run.
        var values = Enumerable.Range(0, 9).Select(k => 2 + (k * 1e-12)).ToArray();
        var set = CandidateSet.FromColumns(
            [.. Enumerable.Range(0, 9).Select(k => "c" + k.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [KeyValuePair.Create("v", (IReadOnlyList<double>)values)]);
        var criterion = kind == CriterionKind.Benefit ? Criterion.Benefit("v", 1) : Criterion.Cost("v", 1);
        var ranking = Prioritiser.Rank(set, RankingMethod.WeightedSum([criterion], SawNormalisation.MinMax));
        var range = values[^1] - values[0];
        foreach (var item in ranking.Items)
        {
            var k = int.Parse(item.Id[1..], System.Globalization.CultureInfo.InvariantCulture);
            var exact = kind == CriterionKind.Benefit ? (values[k] - values[0]) / range : (values[^1] - values[k]) / range;
            Assert.InRange(item.Score, 0, 1 + 1e-15);
            Assert.Equal(exact, item.Score, 1e-15);
        }

        var best = kind == CriterionKind.Benefit ? "c8" : "c0";
        Assert.Equal(best, ranking.Items[0].Id);
    }

    [Fact]
    public void AnOverflowingRange_IsNormalisedToZeroAndOne_AndExplained()
    {
        var ranking = Prioritiser.Rank(Set(-1e308, 0, 1e308), RankingMethod.WeightedSum([Criterion.Benefit("v", 1)], SawNormalisation.MinMax));

        // The factor 1 / (2 · 1e308) is subnormal, so the scores may be a few units in the last place off.
        Assert.Equal(["c2", "c1", "c0"], ranking.Ids.ToArray());
        Assert.Equal([1.0, 0.5, 0.0], ranking.Items.Select(i => Math.Round(i.Score, 12)));
        Assert.Equal(0.5, ranking.Items[1].Explanation.Contributions[0].Contribution);
        Assert.Contains("halved", ranking.Items[1].Explanation.ToString(), StringComparison.Ordinal);
    }

    private static SawNormalisation Normalisation(RankingMethod method) => method switch
    {
        WeightedSumMethod saw => saw.Normalisation,
        TopsisMethod topsis => topsis.Normalisation,
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    // The norm as the scaled computation gives it: +∞ only when the norm itself is beyond the largest double.
    private static double Norm(double[] values)
    {
        var largest = values.Max(Math.Abs);
        return largest * Math.Sqrt(values.Sum(v => (v / largest) * (v / largest)));
    }

    [Fact]
    public void ANormBeyondTheLargestDouble_IsRefusedNamingTheCriterion()
    {
        // Found by review (session 5, second round): the scaled norm itself overflowed, the factor became 0 and the
        // criterion was again silently dropped.
        foreach (var method in Methods(CriterionKind.Benefit).Where(m => Normalisation(m) == SawNormalisation.Vector))
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(Set(1e308, 1.5e308, 1.7e308), method));
            Assert.Contains("'v'", ex.Message, StringComparison.Ordinal);
        }

        // The other normalisations rank such values.
        Assert.Equal(["c2", "c1", "c0"], Prioritiser.Rank(Set(1e308, 1.5e308, 1.7e308), RankingMethod.Topsis([Criterion.Benefit("v", 1)], SawNormalisation.MinMax)).Ids.ToArray());
    }

    [Fact]
    public void OnlySubnormalValues_AreRefusedNamingTheCriterion()
    {
        foreach (var method in Methods(CriterionKind.Benefit))
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(Set(5e-324, 1e-323, 1.5e-323), method));
            Assert.Contains("'v'", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OneCriterion_RanksByItsValues_AtEveryScaleOfTwo()
    {
        // Law: with one criterion, SAW and TOPSIS are monotone in it, so the order is by value (descending for a
        // benefit, ascending for a cost), then by id, whatever power of two scales the values, from the largest finite
        // doubles down to where the values are still normal numbers. Below that, a method may refuse the criterion by
        // name, but never rank it wrongly.
        var arb = Gen.Choose(1, 50).ArrayOf().Where(a => a.Length >= 2)
            .SelectMany(values => Gen.Choose(-1070, 1017).Select(k => (values, k)))
            .ToArbitrary();
        PropertyCheck.Run(Prop.ForAll(arb, t =>
        {
            var scaled = t.values.Select(v => Math.ScaleB(v, t.k)).ToArray();
            var set = Set(scaled);
            foreach (var kind in new[] { CriterionKind.Benefit, CriterionKind.Cost })
            {
                foreach (var method in Methods(kind))
                {
                    Ranking ranking;
                    try
                    {
                        ranking = Prioritiser.Rank(set, method);
                    }
                    catch (ArgumentOutOfRangeException e) when (e.Message.Contains("'v'", StringComparison.Ordinal)
                        && (scaled.Max() < 1e-290 || (Normalisation(method) == SawNormalisation.Vector && double.IsPositiveInfinity(Norm(scaled)))))
                    {
                        continue;
                    }

                    var expected = scaled.Select((v, i) => (v, Id: "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                        .OrderBy(p => kind == CriterionKind.Benefit ? -p.v : p.v).ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id);
                    if (!ranking.Ids.SequenceEqual(expected))
                    {
                        return false;
                    }
                }
            }

            return true;
        }), maxTest: 500);
    }

    private static Candidate C(string id, double x, double y) => new(id, new Dictionary<string, double> { ["x"] = x, ["y"] = y });

    // Found by review (session 5): the norm was a running sum in input order, so two mirror-image candidates, which tie
    // exactly, could differ in the last bit, and the order depended on the input's order instead of the id.
    [Theory]
    [InlineData("saw", 0.1, 0.4, 1.0)]
    [InlineData("topsis", 0.1, 0.3, 0.1)]
    public void MirrorImages_TieExactly_WhateverTheInputOrder(string kind, double a, double b, double c)
    {
        Criterion[] criteria = [Criterion.Benefit("x", 1), Criterion.Benefit("y", 1)];
        var method = kind == "saw" ? RankingMethod.WeightedSum(criteria, SawNormalisation.Vector) : (RankingMethod)RankingMethod.Topsis(criteria);

        var given = Prioritiser.Rank(new CandidateSet([C("A", a, b), C("B", b, a), C("C", c, c)]), method);
        var permuted = Prioritiser.Rank(new CandidateSet([C("C", c, c), C("A", a, b), C("B", b, a)]), method);

        Assert.Equal(given.Find("A")!.Score, given.Find("B")!.Score);
        Assert.Equal(given.Ids.ToArray(), permuted.Ids.ToArray());
        Assert.Equal(given.Items.Select(i => i.Score), permuted.Items.Select(i => i.Score));
    }

    [Fact]
    public void VectorNormalisedScores_DoNotDependOnTheInputOrder()
    {
        // Law: permuting the candidates changes no score by a bit, under SAW and TOPSIS with every normalisation.
        var arb = Gen.Choose(2, 60).SelectMany(n => Gen.Choose(0, 1_000_000).ArrayOf(3 * n).Select(raw => (n, raw)))
            .SelectMany(t => Gen.Choose(0, int.MaxValue).Select(seed => (t.n, t.raw, seed)))
            .ToArbitrary();
        PropertyCheck.Run(Prop.ForAll(arb, t =>
        {
            var candidates = Enumerable.Range(0, t.n).Select(i => new Candidate("c" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                new Dictionary<string, double> { ["x"] = t.raw[3 * i] / 997.0, ["y"] = t.raw[(3 * i) + 1] / 991.0, ["z"] = Math.Sqrt(t.raw[(3 * i) + 2]) })).ToList();
            var random = new Random(t.seed);
            var shuffled = candidates.OrderBy(_ => random.Next()).ToList();
            Criterion[] criteria = [Criterion.Benefit("x", 2), Criterion.Cost("y", 1), Criterion.Benefit("z", 3)];
            foreach (var normalisation in s_normalisations)
            {
                foreach (var method in new RankingMethod[] { RankingMethod.WeightedSum(criteria, normalisation), RankingMethod.Topsis(criteria, normalisation) })
                {
                    var one = Prioritiser.Rank(new CandidateSet(candidates), method);
                    var two = Prioritiser.Rank(new CandidateSet(shuffled), method);
                    if (!one.Ids.SequenceEqual(two.Ids) || !one.Items.Select(i => BitConverter.DoubleToInt64Bits(i.Score)).SequenceEqual(two.Items.Select(i => BitConverter.DoubleToInt64Bits(i.Score))))
                    {
                        return false;
                    }
                }
            }

            return true;
        }), maxTest: 300);
    }

    [Fact]
    public void TheExactSumOfSquares_IsCorrectlyRounded()
    {
        // 1e16 + 1 + 1 is 10000000000000002 exactly; a running sum in this order loses both ones (1e16 + 1 rounds back).
        Assert.Equal(1e16 + 2, ColumnMath.ExactSumOfSquares([1e8, 1, 1], 1.0));
        Assert.Equal(1e16 + 2, ColumnMath.ExactSumOfSquares([1, 1e8, 1], 1.0));
        Assert.Equal(0, ColumnMath.ExactSumOfSquares([], 1.0));
        Assert.Equal(0.5, ColumnMath.ExactSumOfSquares([0.5, 0.5], 1.0));
    }

    [Fact]
    public void TheExactSumOfSquares_EqualsAnIntegerReference_InAnyOrder()
    {
        // Reference: every rounded square as an exact integer multiple of 2^-1074, summed with BigInteger, then rounded
        // to the nearest double (ties to even) by hand.
        var arb = Gen.Choose(0, 40).SelectMany(n => Gen.Choose(int.MinValue, int.MaxValue).ArrayOf(2 * n))
            .Select(raw => Enumerable.Range(0, raw.Length / 2).Select(i => Math.ScaleB(raw[2 * i] / (double)int.MaxValue, raw[(2 * i) + 1] % 300)).ToArray())
            .ToArbitrary();
        PropertyCheck.Run(Prop.ForAll(arb, values =>
        {
            var expected = ExactReference(values.Select(v => v * v));
            var reversed = Enumerable.Reverse(values).ToArray();
            return BitConverter.DoubleToInt64Bits(ColumnMath.ExactSumOfSquares(values, 1.0)) == BitConverter.DoubleToInt64Bits(expected)
                && BitConverter.DoubleToInt64Bits(ColumnMath.ExactSumOfSquares(reversed, 1.0)) == BitConverter.DoubleToInt64Bits(expected);
        }), maxTest: 1000);
    }

    private static double ExactReference(IEnumerable<double> squares)
    {
        var sum = System.Numerics.BigInteger.Zero;
        foreach (var s in squares)
        {
            var bits = BitConverter.DoubleToInt64Bits(s);
            var exponent = (int)((bits >> 52) & 0x7FF);
            var mantissa = bits & 0xFFFFFFFFFFFFFL;
            sum += exponent == 0 ? new System.Numerics.BigInteger(mantissa) : new System.Numerics.BigInteger(mantissa | (1L << 52)) << (exponent - 1);
        }

        // sum · 2^-1074, rounded to 53 significant bits.
        var length = (int)sum.GetBitLength();
        if (length <= 53)
        {
            return Math.ScaleB((double)sum, -1074);
        }

        var drop = length - 53;
        var kept = sum >> drop;
        var rest = sum - (kept << drop);
        var half = System.Numerics.BigInteger.One << (drop - 1);
        if (rest > half || (rest == half && !kept.IsEven))
        {
            kept += 1;
        }

        return Math.ScaleB((double)kept, drop - 1074);
    }
}
