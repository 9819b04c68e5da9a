using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>MABAC: the original paper's example, the border approximation area, the degenerate cases, its laws and validation.</summary>
public class MabacTests
{
    // Pamučar and Ćirović, "The selection of transport and handling resources in logistics centers using
    // Multi-Attributive Border Approximation area Comparison (MABAC)", Expert Systems with Applications 42(6), 2015,
    // pp. 3016-3028 (https://doi.org/10.1016/j.eswa.2014.11.057), as checked in pymcdm's test suite: seven forklifts, ten
    // criteria (C1, C5 and C6 costs), weights 0.146, 0.144, 0.119, 0.121, 0.115, 0.101, 0.088, 0.068, 0.050, 0.048.
    private static readonly Criterion[] Forklift =
    [
        Criterion.Cost("c01", 0.146), Criterion.Benefit("c02", 0.144), Criterion.Benefit("c03", 0.119), Criterion.Benefit("c04", 0.121),
        Criterion.Cost("c05", 0.115), Criterion.Cost("c06", 0.101), Criterion.Benefit("c07", 0.088), Criterion.Benefit("c08", 0.068),
        Criterion.Benefit("c09", 0.050), Criterion.Benefit("c10", 0.048),
    ];

    private static CandidateSet Forklifts() => WeightedProductTests.Matrix(
        [
            [22600, 3800, 2, 5, 1.06, 3.00, 3.5, 2.8, 24.5, 6.5],
            [19500, 4200, 3, 2, 0.95, 3.00, 3.4, 2.2, 24, 7.0],
            [21700, 4000, 1, 3, 1.25, 3.20, 3.3, 2.5, 24.5, 7.3],
            [20600, 3800, 2, 5, 1.05, 3.25, 3.2, 2.0, 22.5, 11.0],
            [22500, 3800, 4, 3, 1.35, 3.20, 3.7, 2.1, 23, 6.3],
            [23250, 4210, 3, 5, 1.45, 3.60, 3.5, 2.8, 23.5, 7.0],
            [20300, 3850, 2, 5, 0.90, 3.25, 3.0, 2.6, 21.5, 6.0],
        ],
        "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10");

    [Fact]
    public void PamucarCirovicExample()
    {
        // Published criterion functions S = 0.0826, 0.2183, -0.0488, 0.0246, -0.0704, 0.0465, 0.0464: A2 > A1 > A6 > A7 > A4 > A3 > A5.
        var ranking = Prioritiser.Rank(Forklifts(), RankingMethod.Mabac(Forklift));

        double[] s = [0.0826, 0.2183, -0.0488, 0.0246, -0.0704, 0.0465, 0.0464];
        for (var i = 0; i < s.Length; i++)
        {
            Assert.Equal(s[i], ranking.Find("A" + (i + 1))!.Score, 4);
        }

        Assert.Equal(["A2", "A1", "A6", "A7", "A4", "A3", "A5"], ranking.Ids.ToArray());
        Assert.Equal("MABAC", ranking.MethodName);
    }

    [Fact]
    public void Explanation_StatesTheBorderAndEachDistance()
    {
        // Two benefits of weight 1/2: a = 1, 2, 3 gives t = 0, 0.5, 1, v = 0.5, 0.75, 1 and g = (0.375)^(1/3) = 0.721125.
        var set = WeightedProductTests.Matrix([[1, 5], [2, 5], [3, 5]], "a", "flat");
        var ranking = Prioritiser.Rank(set, RankingMethod.Mabac([Criterion.Benefit("a", 1), Criterion.Benefit("flat", 1)]));
        var explanation = ranking.Find("A3")!.Explanation;
        var g = Math.Cbrt(0.375);

        Assert.Equal(1 - g, explanation.Contributions[0].Contribution, 12);
        Assert.Equal(1 - g, ranking.Find("A3")!.Score, 12);
        Assert.Contains("normalised (min 1, max 3) to 1, weighted 0.5 × (t + 1) = 1; border 0.721125, distance 0.278875 (upper)", explanation.Contributions[0].Text, StringComparison.Ordinal);
        Assert.Contains("every candidate has this value, so its distance to the border is 0", explanation.Contributions[1].Text, StringComparison.Ordinal);
        Assert.Equal(0, explanation.Contributions[1].Contribution);
        Assert.Contains("above the border on 1 of 2 criteria", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("(lower)", ranking.Find("A1")!.Explanation.Contributions[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Degenerate_ConstantCriterion_DropsOut_AndAllEqual_ScoresZero()
    {
        var set = Forklifts();
        var withConstant = new CandidateSet(Enumerable.Range(0, set.Count).Select(i => set[i].WithValue("flat", 5)));
        var plain = Prioritiser.Rank(set, RankingMethod.Mabac(Forklift));
        var padded = Prioritiser.Rank(withConstant, RankingMethod.Mabac([.. Forklift, Criterion.Cost("flat", 0)]));
        Assert.Equal(plain.Items.Select(i => (i.Id, i.Score)), padded.Items.Select(i => (i.Id, i.Score)));

        var equal = Prioritiser.Rank(WeightedProductTests.Matrix([[3, 2], [3, 2], [3, 2]], "a", "b"), RankingMethod.Mabac([Criterion.Benefit("a", 1), Criterion.Cost("b", 1)]));
        Assert.Equal(["A1", "A2", "A3"], equal.Ids.ToArray());
        Assert.All(equal.Items, i => Assert.Equal(0.0, i.Score));
    }

    [Fact]
    public void CostCriterion_OfNegatedValues_EqualsTheBenefit()
    {
        var set = WeightedProductTests.Matrix([[3, 9], [5, 1], [4, 4], [-2, 6]], "a", "b");
        var negated = new CandidateSet(Enumerable.Range(0, set.Count).Select(i => set[i].WithValue("a", -set[i].Values["a"])));
        var benefit = Prioritiser.Rank(set, RankingMethod.Mabac([Criterion.Benefit("a", 2), Criterion.Benefit("b", 1)]));
        var cost = Prioritiser.Rank(negated, RankingMethod.Mabac([Criterion.Cost("a", 2), Criterion.Benefit("b", 1)]));

        Assert.Equal(benefit.Items.Select(i => (i.Id, i.Score)), cost.Items.Select(i => (i.Id, i.Score)));
    }

    [Fact]
    public void HugeRange_IsTakenInHalves()
    {
        var set = WeightedProductTests.Matrix([[-1.5e308], [1.5e308], [0]], "a");
        var ranking = Prioritiser.Rank(set, RankingMethod.Mabac([Criterion.Benefit("a", 1)]));

        Assert.Equal(["A2", "A3", "A1"], ranking.Ids.ToArray());
        Assert.Equal(1.5 - Math.Cbrt(1 * 1.5 * 2), ranking.Find("A3")!.Score, 12);
    }

    [Fact]
    public void Validation()
    {
        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.Mabac(null!));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Mabac([]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Mabac([null!]));
        var twice = Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Mabac([Criterion.Benefit("a", 1), Criterion.Cost("a", 1)]));
        Assert.Contains("'a'", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Mabac([Criterion.Benefit("a", 0)]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Mabac([Criterion.Benefit("a", double.MaxValue), Criterion.Benefit("b", double.MaxValue)]));
        var missing = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(WeightedProductTests.Matrix([[1]], "b"), RankingMethod.Mabac([Criterion.Benefit("a", 1)])));
        Assert.Contains("MABAC needs criterion 'a'", missing.Message, StringComparison.Ordinal);
        Assert.Equal(["a"], RankingMethod.Mabac([Criterion.Benefit("a", 1)]).Criteria.Select(c => c.Name));
    }

    [Fact]
    public void Property_ACandidateBestOnEveryCriterion_RanksFirst()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda3Arbitraries.CaseAndDominator(), input =>
        {
            var (c, best) = input;
            var ranking = Prioritiser.Rank(c.Set.With(best), RankingMethod.Mabac(c.Criteria));
            return ranking[0].Id == "best" && ranking.Items.Skip(1).All(i => i.Score <= ranking[0].Score);
        }), 500);
    }

    [Fact]
    public void Property_DistancesSumToTheScore_AndEachIsWithinItsRange()
    {
        // vᵢⱼ lies in [wⱼ, 2wⱼ] and so does gⱼ, so every distance lies in [−wⱼ, wⱼ] and the score in [−1, 1].
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.Arbitrary(), c =>
        {
            var method = RankingMethod.Mabac(c.Criteria);
            var total = c.Criteria.Sum(k => k.Weight);
            var ranking = Prioritiser.Rank(c.Set, method);
            return ranking.Items.All(item =>
            {
                var parts = item.Explanation.Contributions;
                return Math.Abs(parts.Sum(p => p.Contribution) - item.Score) < 1e-12 && item.Score is >= -1 - 1e-12 and <= 1 + 1e-12
                    && parts.Select((p, j) => Math.Abs(p.Contribution) <= (c.Criteria[j].Weight / total) + 1e-12).All(x => x);
            });
        }), 300);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeTheResult()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndShuffle(), input =>
        {
            var method = RankingMethod.Mabac(input.Case.Criteria);
            var a = Prioritiser.Rank(input.Case.Set, method);
            var b = Prioritiser.Rank(new CandidateSet(input.Shuffled), method);
            return a.Items.Select(i => (i.Id, i.Score)).SequenceEqual(b.Items.Select(i => (i.Id, i.Score)));
        }), 500);
    }
}
