using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>MOORA's three parts and MULTIMOORA: published examples, the dominance count, laws and validation.</summary>
public class MooraTests
{
    // Kracka, Brauers and Zavadskas, "Ranking heating losses in a building by applying the MULTIMOORA", Inzinerine
    // Ekonomika - Engineering Economics 21(4), 2010, pp. 352-359, as checked in scikit-criteria's test suite
    // (tests/agg/test_moora.py): six alternatives, seven unweighted criteria (x5 and x7 benefits, the rest costs).
    private static readonly Criterion[] Heating =
    [
        Criterion.Cost("x1", 1), Criterion.Cost("x2", 1), Criterion.Cost("x3", 1), Criterion.Cost("x4", 1),
        Criterion.Benefit("x5", 1), Criterion.Cost("x6", 1), Criterion.Benefit("x7", 1),
    ];

    private static CandidateSet HeatingLosses() => WeightedProductTests.Matrix(
        [
            [33.95, 23.78, 11.45, 39.97, 29.44, 167.10, 3.852],
            [38.9, 4.17, 6.32, 0.01, 4.29, 132.52, 25.184],
            [37.59, 9.36, 8.23, 4.35, 10.22, 136.71, 10.845],
            [30.44, 37.59, 13.91, 74.08, 45.10, 198.34, 2.186],
            [36.21, 14.79, 9.17, 17.77, 17.06, 148.3, 6.610],
            [37.8, 8.55, 7.97, 2.35, 9.25, 134.83, 11.935],
        ],
        "x1", "x2", "x3", "x4", "x5", "x6", "x7");

    [Fact]
    public void KrackaBrauersZavadskas_RatioSystem()
    {
        // Unweighted ratio-system scores -1.62447867, -0.25233889, -0.84635037, -2.23363519, -1.18698242, -0.77456208;
        // equal weights divide them by the 7 criteria. Order A2 > A6 > A3 > A5 > A1 > A4.
        var ranking = Prioritiser.Rank(HeatingLosses(), RankingMethod.MooraRatio(Heating));
        double[] y = [-1.62447867, -0.25233889, -0.84635037, -2.23363519, -1.18698242, -0.77456208];
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i], 7 * ranking.Find("A" + (i + 1))!.Score, 7);
        }

        Assert.Equal(["A2", "A6", "A3", "A5", "A1", "A4"], ranking.Ids.ToArray());
    }

    [Fact]
    public void KrackaBrauersZavadskas_ReferencePoint()
    {
        // Unweighted Tchebycheff distances 0.68934931, 0.69986697, 0.59817104, 0.85955696, 0.6002238, 0.61480595 (lower is
        // better); equal weights divide them by 7. Order A3 > A5 > A6 > A1 > A2 > A4.
        var ranking = Prioritiser.Rank(HeatingLosses(), RankingMethod.MooraReferencePoint(Heating));
        double[] d = [0.68934931, 0.69986697, 0.59817104, 0.85955696, 0.6002238, 0.61480595];
        for (var i = 0; i < d.Length; i++)
        {
            Assert.Equal(-d[i], 7 * ranking.Find("A" + (i + 1))!.Score, 7);
        }

        Assert.Equal(["A3", "A5", "A6", "A1", "A2", "A4"], ranking.Ids.ToArray());
        var explanation = ranking.Find("A3")!.Explanation;
        Assert.Contains("(lower distance is better)", explanation.Summary, StringComparison.Ordinal);
        Assert.Equal(d[2] / 7, explanation.Contributions.Max(c => c.Contribution), 7);
    }

    [Fact]
    public void KrackaBrauersZavadskas_FullMultiplicativeForm()
    {
        // Published U (on vector-normalised values) 3.4343, 148689.356, 120.3441, 0.7882, 16.2917, 252.9155. Normalising a
        // column multiplies every U by one constant, so the ratios U(Ai) / U(A2) are those of the raw form here, whose
        // score with equal weights is ln U / 7. Order A2 > A6 > A3 > A5 > A1 > A4.
        var ranking = Prioritiser.Rank(HeatingLosses(), RankingMethod.MooraMultiplicative(Heating));
        double[] u = [3.4343, 148689.356, 120.3441, 0.7882, 16.2917, 252.9155];
        var a2 = ranking.Find("A2")!.Score;
        for (var i = 0; i < u.Length; i++)
        {
            Assert.Equal(u[i] / u[1], Math.Exp(7 * (ranking.Find("A" + (i + 1))!.Score - a2)), 4);
        }

        Assert.Equal(["A2", "A6", "A3", "A5", "A1", "A4"], ranking.Ids.ToArray());
        Assert.Contains("divides U by x ^ weight", ranking[0].Explanation.Contributions[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KrackaBrauersZavadskas_Multimoora_ByDominance()
    {
        // The paper's MULTIMOORA order by dominance theory: A2 > A6 > A3 > A5 > A1 > A4 (ranks 5, 1, 3, 6, 4, 2); the parts
        // rank A2 1st, 5th, 1st and A3 3rd, 1st, 3rd. Counts of candidates each generally dominates: 1, 5, 3, 0, 2, 4.
        var method = RankingMethod.Multimoora(Heating);
        var ranking = Prioritiser.Rank(HeatingLosses(), method);

        Assert.Equal(["A2", "A6", "A3", "A5", "A1", "A4"], ranking.Ids.ToArray());
        Assert.Equal([5.0, 4, 3, 2, 1, 0], ranking.Items.Select(i => i.Score));
        var a2 = ranking.Find("A2")!.Explanation;
        Assert.Contains("generally dominates 5 of the other 5 candidates", a2.Summary, StringComparison.Ordinal);
        Assert.Contains("part ranks 1, 5, 1 of 6", a2.Summary, StringComparison.Ordinal);
        Assert.Equal([1.0, 5, 1], a2.Contributions.Select(c => c.Contribution));
        Assert.StartsWith("reference point: distance 0.09998", a2.Contributions[1].Text, StringComparison.Ordinal);
        Assert.EndsWith(", rank 5 of 6", a2.Contributions[1].Text, StringComparison.Ordinal);
        Assert.Equal(Heating, method.Criteria);
        Assert.Equal(Heating, method.ReferencePoint.Criteria);
    }

    [Fact]
    public void SiregarEtAl_WeightedRatioSystem()
    {
        // Siregar, Tampubolon, Parapat, Malau and Hutagalung, "Decision support system for selection technique using MOORA
        // method", IOP Conf. Series: Materials Science and Engineering 1088, 2021, 012022, as checked in pymcdm's test
        // suite: weights 0.3 (cost), 0.2, 0.1, 0.4; y = 0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197.
        var set = WeightedProductTests.Matrix(
            [[1.5, 3, 5, 3.3], [2, 7, 5, 3.35], [3, 1, 5, 3.07], [2.2, 4, 5, 3.5], [2, 5, 3, 3.09], [3.2, 2, 3, 3.48], [2.775, 3, 5, 3.27]],
            "c1", "c2", "c3", "c4");
        var ranking = Prioritiser.Rank(set, RankingMethod.MooraRatio([Criterion.Cost("c1", 0.3), Criterion.Benefit("c2", 0.2), Criterion.Benefit("c3", 0.1), Criterion.Benefit("c4", 0.4)]));
        double[] y = [0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197];
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i], ranking.Find("A" + (i + 1))!.Score, 4);
        }

        Assert.Contains("Cost 'c1' = 1.5, normalised x / norm", ranking.Find("A1")!.Explanation.Contributions[0].Text, StringComparison.Ordinal);
        Assert.True(ranking.Find("A1")!.Explanation.Contributions[0].Contribution < 0);
    }

    [Fact]
    public void Multiplicative_ExplanationPrintsAProductBeyondTheDoubleRange_FromItsLogarithm()
    {
        // ln U = ½ ln(1.7e308) − ½ ln(4.9e-324) ≈ 727.1, so U ≈ 5.8e315: e^727 overflows a double, and printing
        // Math.Exp(ln U) showed ∞ next to a finite score. The text now derives m × 10^k from the logarithm.
        var set = WeightedProductTests.Matrix([[1.7e308, double.Epsilon], [1, 1]], "value", "effort");
        Criterion[] criteria = [Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)];
        var ranking = Prioritiser.Rank(set, RankingMethod.MooraMultiplicative(criteria));
        var summary = ranking.Find("A1")!.Explanation.Summary;
        Assert.Contains("= 5.8", summary, StringComparison.Ordinal);
        Assert.Contains("E+315.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", summary, StringComparison.Ordinal);

        // The reverse case underflows to 0 without the fix; an ordinary product still prints as before.
        var reverse = WeightedProductTests.Matrix([[double.Epsilon, 1.7e308], [1, 1]], "value", "effort");
        Assert.Contains("E-316.", Prioritiser.Rank(reverse, RankingMethod.MooraMultiplicative(criteria)).Find("A1")!.Explanation.Summary, StringComparison.Ordinal);
        Assert.EndsWith("= 1.", ranking.Find("A2")!.Explanation.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    public void Multiplicative_RefusesANonPositiveValue_NamingCandidateAndCriterion(double bad)
    {
        var set = WeightedProductTests.Matrix([[4, 2], [bad, 1]], "value", "effort");
        Criterion[] criteria = [Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)];
        var product = Assert.Throws<ArgumentOutOfRangeException>("candidates", () => Prioritiser.Rank(set, RankingMethod.MooraMultiplicative(criteria)));
        Assert.Contains("Candidate 'A2' has value = ", product.Message, StringComparison.Ordinal);
        Assert.Contains("MOORA full multiplicative form needs positive values", product.Message, StringComparison.Ordinal);
        var multimoora = Assert.Throws<ArgumentOutOfRangeException>("candidates", () => Prioritiser.Rank(set, RankingMethod.Multimoora(criteria)));
        Assert.Contains("Candidate 'A2' has value = ", multimoora.Message, StringComparison.Ordinal);
        Assert.Contains("MULTIMOORA needs positive values", multimoora.Message, StringComparison.Ordinal);

        // The ratio system and the reference point take any finite value.
        Assert.Equal(2, Prioritiser.Rank(set, RankingMethod.MooraRatio(criteria)).Count);
        Assert.Equal(2, Prioritiser.Rank(set, RankingMethod.MooraReferencePoint(criteria)).Count);
    }

    [Fact]
    public void ColumnOfZeros_ContributesNothing_AndHugeNorm_IsRefused()
    {
        var zeros = WeightedProductTests.Matrix([[0, 1], [0, 2]], "z", "a");
        var ratio = Prioritiser.Rank(zeros, RankingMethod.MooraRatio([Criterion.Benefit("z", 1), Criterion.Benefit("a", 1)]));
        Assert.Equal(["A2", "A1"], ratio.Ids.ToArray());
        Assert.Equal(0, ratio[0].Explanation.Contributions[0].Contribution);
        var reference = Prioritiser.Rank(zeros, RankingMethod.MooraReferencePoint([Criterion.Benefit("z", 1), Criterion.Benefit("a", 1)]));
        Assert.Equal(0.0, reference[0].Score);
        Assert.False(double.IsNegative(reference[0].Score));

        var huge = WeightedProductTests.Matrix([[1.5e308], [1.5e308]], "a");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(huge, RankingMethod.MooraRatio([Criterion.Benefit("a", 1)])));
        Assert.Contains("criterion 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation()
    {
        Func<IEnumerable<Criterion>, RankingMethod>[] factories = [RankingMethod.MooraRatio, RankingMethod.MooraReferencePoint, RankingMethod.MooraMultiplicative, RankingMethod.Multimoora];
        foreach (var factory in factories)
        {
            Assert.Throws<ArgumentNullException>("criteria", () => factory(null!));
            Assert.Throws<ArgumentException>("criteria", () => factory([]));
            Assert.Throws<ArgumentException>("criteria", () => factory([null!]));
            var twice = Assert.Throws<ArgumentException>("criteria", () => factory([Criterion.Benefit("a", 1), Criterion.Cost("a", 1)]));
            Assert.Contains("'a'", twice.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>("criteria", () => factory([Criterion.Benefit("a", 0)]));
            var method = factory([Criterion.Benefit("a", 1)]);
            var missing = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(WeightedProductTests.Matrix([[1]], "b"), method));
            Assert.Contains(method.Name + " needs criterion 'a'", missing.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Property_DominanceCounts_EqualTheBruteForceCount()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda3Arbitraries.ThreeRankings(), r =>
        {
            var counts = MultimooraMethod.GeneralDominanceCounts(r[0], r[1], r[2]);
            var n = r[0].Length;
            return Enumerable.Range(0, n).All(i =>
                counts[i] == Enumerable.Range(0, n).Count(j => j != i && r.Count(part => part[i] < part[j]) >= 2));
        }), 1000);
    }

    [Fact]
    public void Property_DominanceCounts_WithTiedParts_EqualTheBruteForceCount()
    {
        // A tie in a part is a win for neither candidate.
        PropertyCheck.Run(Prop.ForAll(Mcda3Arbitraries.ThreeTiedRankings(), r =>
        {
            var counts = MultimooraMethod.GeneralDominanceCounts(r[0], r[1], r[2]);
            var n = r[0].Length;
            return Enumerable.Range(0, n).All(i =>
                counts[i] == Enumerable.Range(0, n).Count(j => j != i && r.Count(part => part[i] < part[j]) >= 2));
        }), 1000);
    }

    [Fact]
    public void Multimoora_IdenticalCandidates_GetTheSameCount_AndIdsDoNotDecideDominance()
    {
        // "a" and "b" are identical: no part ranks one better than the other, so neither dominates the other.
        var criteria = new[] { Criterion.Benefit("x", 1), Criterion.Cost("y", 1) };
        var set = WeightedProductTests.Matrix([[5, 2], [5, 2], [3, 4]], "x", "y");
        var ranking = Prioritiser.Rank(set, RankingMethod.Multimoora(criteria));
        var byId = ranking.Items.ToDictionary(i => i.Id);
        var ids = ranking.Items.Select(i => i.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(byId[ids[0]].Score, byId[ids[1]].Score);
        Assert.Equal(1, byId[ids[0]].Score);
        Assert.Equal(0, byId[ids[2]].Score);
        Assert.Contains("generally dominates 1 of the other 2", byId[ids[1]].Explanation.Summary, StringComparison.Ordinal);

        // The first two tie in the reference point (both largest gaps are on x, equal); the ratio system prefers the first
        // (−0.0103 against −0.0278) and the product the second (ln U 0 against 0.101): neither dominates, whatever the ids.
        var split = new[] { Criterion.Benefit("x", 2), Criterion.Benefit("y", 1), Criterion.Cost("z", 1) };
        foreach (var (first, second) in new[] { ("p", "q"), ("q", "p") })
        {
            var pair = new CandidateSet(
            [
                new Candidate(first, [new("x", 1), new("y", 1), new("z", 1)]),
                new Candidate(second, [new("x", 1), new("y", 3), new("z", 2)]),
                new Candidate("top", [new("x", 10), new("y", 5), new("z", 1)]),
            ]);
            var parts = Prioritiser.Rank(pair, RankingMethod.Multimoora(split)).Items.ToDictionary(i => i.Id);
            Assert.Equal(parts[first].Explanation.Contributions[1].Contribution, parts[second].Explanation.Contributions[1].Contribution);
            Assert.Equal(0, parts[first].Score);
            Assert.Equal(0, parts[second].Score);
        }
    }

    [Fact]
    public void Property_ACandidateBetterOnEveryCriterion_RanksFirstInEveryPart()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda3Arbitraries.CaseAndDominator(), input =>
        {
            var (c, best) = input;
            var set = c.Set.With(best);
            RankingMethod[] methods = [RankingMethod.MooraRatio(c.Criteria), RankingMethod.MooraReferencePoint(c.Criteria), RankingMethod.MooraMultiplicative(c.Criteria), RankingMethod.Multimoora(c.Criteria)];
            var rankings = methods.Select(m => Prioritiser.Rank(set, m)).ToArray();
            return rankings.All(r => r[0].Id == "best" && r.Items.Skip(1).All(i => i.Score < r[0].Score))
                && rankings[1][0].Score == 0 && rankings[3][0].Score == set.Count - 1;
        }), 300);
    }

    [Fact]
    public void Property_MultimooraCounts_AreAPermutationOfPairs_AndFollowAbsoluteDominance()
    {
        // Each pair is won by at most one of the two (ties in a part are wins for neither), so the counts sum to at most
        // n(n − 1) / 2, and each count is the number of candidates beaten in two parts; a candidate ranked better in all
        // three parts than another has a higher count.
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.Arbitrary(), c =>
        {
            var ranking = Prioritiser.Rank(c.Set, RankingMethod.Multimoora(c.Criteria));
            var n = c.Set.Count;
            var ranks = ranking.Items.ToDictionary(i => i.Id, i => i.Explanation.Contributions.Select(p => p.Contribution).ToArray());
            return ranking.Items.Sum(i => i.Score) <= n * (n - 1) / 2.0
                && ranking.Items.All(a => a.Score == ranking.Items.Count(b => ranks[a.Id].Zip(ranks[b.Id]).Count(p => p.First < p.Second) >= 2))
                && ranking.Items.All(a => ranking.Items.All(b => !(ranks[a.Id].Zip(ranks[b.Id]).All(p => p.First < p.Second)) || a.Score > b.Score));
        }), 300);
    }

    [Fact]
    public void Property_Top_IsThePrefixOfRank_ForMabacAndEveryMooraMethod()
    {
        // MULTIMOORA's integer counts tie often, so its top-k crosses ties at the boundary.
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.Arbitrary(), c =>
        {
            RankingMethod[] methods = [RankingMethod.Mabac(c.Criteria), RankingMethod.MooraRatio(c.Criteria), RankingMethod.MooraReferencePoint(c.Criteria), RankingMethod.MooraMultiplicative(c.Criteria), RankingMethod.Multimoora(c.Criteria)];
            var set = c.Set;
            var k = Math.Max(1, set.Count / 3);
            return methods.All(m => Prioritiser.Top(set, m, k).Items.Select(i => (i.Id, i.Score)).SequenceEqual(Prioritiser.Rank(set, m).Items.Take(k).Select(i => (i.Id, i.Score))));
        }), 300);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeTheResult()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndShuffle(), input =>
        {
            RankingMethod[] methods = [RankingMethod.MooraRatio(input.Case.Criteria), RankingMethod.MooraReferencePoint(input.Case.Criteria), RankingMethod.MooraMultiplicative(input.Case.Criteria), RankingMethod.Multimoora(input.Case.Criteria)];
            return methods.All(method =>
            {
                var a = Prioritiser.Rank(input.Case.Set, method);
                var b = Prioritiser.Rank(new CandidateSet(input.Shuffled), method);
                return a.Items.Select(i => (i.Id, i.Score)).SequenceEqual(b.Items.Select(i => (i.Id, i.Score)));
            });
        }), 300);
    }
}
