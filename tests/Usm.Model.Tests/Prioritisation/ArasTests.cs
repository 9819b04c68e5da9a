using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>ARAS: published examples, the optimal alternative, explanations, validation and its laws.</summary>
public class ArasTests
{
    private static readonly Criterion[] YildirimCriteria =
    [
        Criterion.Cost("k1", 0.05), Criterion.Benefit("k2", 0.20), Criterion.Cost("k3", 0.10),
        Criterion.Benefit("k4", 0.15), Criterion.Benefit("k5", 0.10), Criterion.Cost("k6", 0.40),
    ];

    private static CandidateSet Yildirim() => WeightedProductTests.Matrix(
        [[105000, 105, 10, 4, 300, 10], [120000, 110, 15, 4, 500, 8], [150000, 120, 12, 3, 550, 12],
         [115000, 105, 20, 4, 600, 9], [135000, 115, 15, 5, 400, 9]],
        "k1", "k2", "k3", "k4", "k5", "k6");

    [Fact]
    public void YildirimExample_WithCostCriteria()
    {
        // Yıldırım, "Çok Kriterli Karar Verme Problemlerinde ARAS Yöntemi", Kafkas Üniversitesi İİBF Dergisi 6(9), 2015
        // (ARAS after Zavadskas and Turskis 2010), as reproduced in JMcDM's test "ARAS" (Satman, Altunkaynak and Cengiz,
        // JOSS 2021): K = 0.81424068, 0.89288620, 0.76415790, 0.84225462, 0.86540635.
        var ranking = Prioritiser.Rank(Yildirim(), RankingMethod.Aras(YildirimCriteria));

        double[] expected = [0.81424068, 0.89288620, 0.76415790, 0.84225462, 0.86540635];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ranking.Find("A" + (i + 1))!.Score, 8);
        }

        Assert.Equal(["A2", "A5", "A4", "A1", "A3"], ranking.Ids.ToArray());
        Assert.Equal("ARAS", ranking.MethodName);
    }

    [Fact]
    public void PymcdmExample_AllBenefits()
    {
        // pymcdm (Kizielewicz, Shekhovtsov and Sałabun, SoftwareX 22, 2023), ARAS docstring example: four alternatives,
        // six benefits; K = 0.74, 0.86, 0.78, 0.86. S by hand from the definition: S₀ = 0.2359, S = 0.1749, 0.2032 (0.20315),
        // 0.1839, 0.2021.
        var set = WeightedProductTests.Matrix(
            [[4.64, 3.00, 3.00, 3.00, 2.88, 3.63], [4.00, 4.00, 4.64, 3.56, 3.63, 5.00], [3.30, 4.31, 3.30, 4.00, 3.30, 4.00], [2.62, 5.00, 4.22, 4.31, 5.00, 5.00]],
            "c1", "c2", "c3", "c4", "c5", "c6");
        double[] weights = [0.28, 0.25, 0.19, 0.15, 0.08, 0.04];

        var ranking = Prioritiser.Rank(set, RankingMethod.Aras(weights.Select((w, j) => Criterion.Benefit("c" + (j + 1), w))));

        double[] k = [0.74, 0.86, 0.78, 0.86];
        for (var i = 0; i < k.Length; i++)
        {
            Assert.Equal(k[i], ranking.Find("A" + (i + 1))!.Score, 2);
        }

        Assert.Contains("/ S₀ 0.2359", ranking[0].Explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("S 0.2031", ranking.Find("A2")!.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_GivesTheShares_AndSOverS0()
    {
        // Value 2, 4 (optimal 4, sum with it 10); effort 1, 2 (optimal 1; reciprocals 1, 0.5 and 1, sum 2.5); weights 0.5.
        // A1: S = 0.5 × 0.2 + 0.5 × 0.4 = 0.3; A2: 0.5 × 0.4 + 0.5 × 0.2 = 0.3; S₀ = 0.5 × 0.4 + 0.5 × 0.4 = 0.4.
        var set = WeightedProductTests.Matrix([[2, 1], [4, 2]], "value", "effort");
        var ranking = Prioritiser.Rank(set, RankingMethod.Aras([Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)]));
        var explanation = ranking.Find("A1")!.Explanation;

        Assert.Equal(0.75, ranking.Find("A1")!.Score, 12);
        Assert.Equal(0.75, ranking.Find("A2")!.Score, 12);
        Assert.Equal("Benefit 'value' = 2: optimal value 4; share x / Σx (optimal alternative included) = 0.2, × weight 0.5 = 0.1", explanation.Contributions[0].Text);
        Assert.Equal("Cost 'effort' = 1: optimal value 1; share (1 / x) / Σ(1 / x) (optimal alternative included) = 0.4, × weight 0.5 = 0.2", explanation.Contributions[1].Text);
        Assert.Equal("ARAS utility degree K 0.75 = S 0.3 / S₀ 0.4, with S the weighted sum of this candidate's shares and S₀ the optimal alternative's.", explanation.Summary);
    }

    [Fact]
    public void ACandidateBestEverywhere_IsTheOptimalAlternative_AndScoresOne()
    {
        var set = Yildirim().With(new Candidate("best", [new("k1", 105000), new("k2", 120), new("k3", 10), new("k4", 5), new("k5", 600), new("k6", 8)]));
        var ranking = Prioritiser.Rank(set, RankingMethod.Aras(YildirimCriteria));

        Assert.Equal("best", ranking[0].Id);
        Assert.Equal(1, ranking[0].Score);
    }

    [Theory]
    [InlineData(-1.0, 1.0, "Candidate 'A2' has gain = -1; ARAS needs values ≥ 0 on a benefit criterion")]
    [InlineData(1.0, 0.0, "Candidate 'A2' has effort = 0; ARAS needs positive values on a cost criterion (it takes the reciprocal 1 / x)")]
    [InlineData(1.0, -3.0, "Candidate 'A2' has effort = -3; ARAS needs positive values on a cost criterion")]
    public void BadValue_IsRefused_NamingCandidateAndCriterion(double gain, double effort, string message)
    {
        var set = WeightedProductTests.Matrix([[1, 1], [gain, effort]], "gain", "effort");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.Aras([Criterion.Benefit("gain", 1), Criterion.Cost("effort", 1)])));
        Assert.Equal("candidates", ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroSumBenefitColumn_IsRefused_NamingTheCriterion()
    {
        var set = WeightedProductTests.Matrix([[0, 1], [0, 2]], "gain", "effort");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.Aras([Criterion.Benefit("gain", 1), Criterion.Cost("effort", 1)])));
        Assert.StartsWith("Candidate 'A1' has gain = 0; ARAS needs a benefit column with a positive sum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtremeRatios_DoNotOverflow()
    {
        // A cost spanning 600 orders of magnitude: 1 / 1e-300 would overflow, min / x does not.
        var set = WeightedProductTests.Matrix([[1e-300], [1e300], [1]], "effort");
        var ranking = Prioritiser.Rank(set, RankingMethod.Aras([Criterion.Cost("effort", 1)]));

        Assert.Equal(["A1", "A3", "A2"], ranking.Ids.ToArray());
        Assert.Equal(1, ranking[0].Score);
        Assert.All(ranking.Items, i => Assert.InRange(i.Score, 0, 1));
    }

    [Fact]
    public void Validation()
    {
        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.Aras(null!));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Aras([]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Aras([Criterion.Benefit("a", 1), Criterion.Benefit("a", 1)]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Aras([Criterion.Benefit("a", 0)]));
        Assert.Equal("ARAS", RankingMethod.Aras([Criterion.Benefit("a", 1)]).Name);
    }

    [Fact]
    public void Property_UtilityInUnitInterval_AndADominatingCandidateScoresOne()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.Cases(), c =>
        {
            var method = RankingMethod.Aras(c.Criteria);
            var ranking = Prioritiser.Rank(c.Set, method);
            var (best, first) = Mcda2Laws.Dominating(method, c);
            return ranking.Items.All(i => i.Score is > 0 and <= 1) && best == 1 && first;
        }), 500);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeAnyScore()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndShuffle(), input =>
            Mcda2Laws.InputOrderIndependent(RankingMethod.Aras(input.Case.Criteria), input.Case, input.Shuffled)), 500);
    }

    [Fact]
    public void Property_ScalingAColumn_KeepsTheScores()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndScale(), input =>
            Mcda2Laws.ScaleInvariant(RankingMethod.Aras(input.Case.Criteria), input.Case, input.Constant, input.PowerOfTwo)), 500);
    }
}
