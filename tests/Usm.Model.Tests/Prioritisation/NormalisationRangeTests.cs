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
}
