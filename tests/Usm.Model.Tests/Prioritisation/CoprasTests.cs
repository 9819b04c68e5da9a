using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>COPRAS: published examples, the cost part, explanations, validation and its laws.</summary>
public class CoprasTests
{
    private static CandidateSet Machines() => WeightedProductTests.Matrix(
        [[1543, 2000, 39000, 15, 13.76, 3.86, 5, 3, 5000], [1496, 3600, 43000, 14, 14, 2.5, 4, 4, 4000],
         [1584, 3100, 24500, 10, 13.1, 3.7, 2, 2, 3500], [1560, 2700, 36000, 12, 13.2, 3.2, 3, 3, 3500],
         [1572, 2500, 31500, 13, 13.3, 3.4, 3, 2, 3500], [1580, 2400, 20000, 12, 12.8, 3.9, 2, 2, 3000]],
        "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");

    private static Criterion[] MachineCriteria()
    {
        double[] weights = [0.2027, 0.1757, 0.1622, 0.1351, 0.1081, 0.0946, 0.0676, 0.0405, 0.0135];
        int[] types = [-1, -1, -1, 1, 1, -1, 1, 1, 1];
        return [.. weights.Select((w, j) => new Criterion("c" + (j + 1), types[j] == 1 ? CriterionKind.Benefit : CriterionKind.Cost, w))];
    }

    [Fact]
    public void PymcdmExample_UtilityDegrees()
    {
        // pymcdm (Kizielewicz, Shekhovtsov and Sałabun, SoftwareX 22, 2023; COPRAS after Zavadskas, Kaklauskas and Šarka
        // 1994), docstring example of pymcdm 1.0: six alternatives, four cost and five benefit criteria;
        // N = 1, 0.9167, 0.8675, 0.9084, 0.9315, 0.9486. Q by hand from the definition: 0.179443, 0.164496, 0.155672,
        // 0.163013, 0.167152, 0.170224.
        var ranking = Prioritiser.Rank(Machines(), RankingMethod.Copras(MachineCriteria()));

        double[] n = [1, 0.9167, 0.8675, 0.9084, 0.9315, 0.9486];
        double[] q = [0.179443, 0.164496, 0.155672, 0.163013, 0.167152, 0.170224];
        for (var i = 0; i < n.Length; i++)
        {
            Assert.Equal(n[i], ranking.Find("A" + (i + 1))!.Score, 4);
            Assert.Contains(Invariant($" Q {q[i]:0.######}"), ranking.Find("A" + (i + 1))!.Explanation.Summary, StringComparison.Ordinal);
        }

        Assert.Equal(["A1", "A6", "A5", "A2", "A4", "A3"], ranking.Ids.ToArray());
        Assert.Equal(1, ranking[0].Score);
        Assert.Equal("COPRAS", ranking.MethodName);
    }

    [Fact]
    public void OzdagogluEccentricPressExample()
    {
        // Özdağoğlu, "İmalat işletmeleri için eksantrik pres alternatiflerinin COPRAS yöntemi ile karşılaştırılması",
        // Gümüşhane Üniversitesi Sosyal Bilimler Enstitüsü Elektronik Dergisi 4(8), 2013, as reproduced in JMcDM's test
        // "COPRAS" (Satman, Altunkaynak and Cengiz, JOSS 2021): 38 presses, five benefits and one cost, equal weights;
        // utility degrees to four decimals.
        double[][] rows =
        [
            [2.50, 240, 57, 45, 1.10, 0.333333], [2.50, 285, 60, 75, 4.00, 0.428571], [4.50, 320, 100, 65, 7.50, 1.111111],
            [4.50, 365, 100, 90, 7.50, 1.111111], [5.00, 400, 100, 90, 11.00, 1.111111], [2.50, 225, 60, 45, 1.10, 0.333333],
            [2.50, 270, 57, 60, 4.00, 0.428571], [4.50, 330, 100, 70, 7.50, 1.111111], [4.50, 365, 100, 80, 7.50, 1.111111],
            [5.00, 380, 110, 65, 8.00, 1.111111], [2.50, 285, 65, 80, 4.00, 0.400000], [4.00, 280, 75, 65, 4.00, 0.400000],
            [4.50, 365, 102, 95, 7.50, 1.111111], [4.50, 400, 102, 95, 7.50, 1.111111], [6.00, 450, 110, 95, 11.00, 1.176471],
            [6.00, 510, 110, 105, 11.00, 1.176471], [6.00, 330, 140, 110, 18.50, 1.395349], [2.50, 240, 65, 80, 4.00, 0.400000],
            [4.00, 280, 75, 75, 4.00, 0.400000], [4.50, 355, 102, 95, 7.50, 1.111111], [4.50, 385, 102, 90, 7.50, 1.111111],
            [5.00, 385, 114, 95, 7.50, 1.000000], [6.00, 400, 110, 90, 11.00, 1.000000], [6.00, 480, 110, 95, 15.00, 1.000000],
            [6.00, 440, 140, 100, 18.50, 1.200000], [6.00, 500, 140, 100, 18.50, 1.200000], [5.00, 450, 125, 100, 15.00, 1.714286],
            [6.00, 500, 150, 125, 18.50, 1.714286], [6.00, 515, 180, 140, 22.00, 2.307692], [7.00, 550, 200, 150, 30.00, 2.307692],
            [6.00, 500, 180, 140, 15.00, 2.307692], [6.00, 500, 180, 140, 18.50, 2.307692], [6.00, 500, 180, 140, 22.00, 2.307692],
            [7.00, 500, 180, 140, 30.00, 2.307692], [7.00, 500, 200, 140, 37.00, 2.307692], [7.00, 500, 200, 140, 45.00, 2.307692],
            [7.00, 500, 200, 140, 55.00, 2.307692], [7.00, 500, 200, 140, 75.00, 2.307692],
        ];
        double[] expected =
        [
            0.44194, 0.44395, 0.41042, 0.44403, 0.48177, 0.44074, 0.42430, 0.41737, 0.43474, 0.44382, 0.46625, 0.48602, 0.45019,
            0.45825, 0.51953, 0.54265, 0.56134, 0.45588, 0.49532, 0.44788, 0.45014, 0.48126, 0.51586, 0.56243, 0.58709, 0.60091,
            0.51850, 0.61085, 0.65888, 0.75650, 0.61430, 0.63486, 0.65542, 0.72065, 0.77680, 0.82379, 0.88253, 1.00000,
        ];
        Criterion[] criteria = [.. Enumerable.Range(1, 5).Select(j => Criterion.Benefit("k" + j, 0.1667)), Criterion.Cost("k6", 0.1667)];

        var ranking = Prioritiser.Rank(WeightedProductTests.Matrix(rows, "k1", "k2", "k3", "k4", "k5", "k6"), RankingMethod.Copras(criteria));

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ranking.Find("A" + (i + 1))!.Score, 1e-4);
        }

        Assert.Equal("A38", ranking[0].Id);
    }

    [Fact]
    public void NoCostCriterion_QIsSPlus_AndOrdersAsSawWithSumNormalisation()
    {
        // Two benefits of weight 1 and 3 (0.25, 0.75): S⁺ = 0.25 x / Σx + 0.75 y / Σy; x sums to 10 and y to 5.
        var set = WeightedProductTests.Matrix([[2, 1], [5, 1], [3, 3]], "x", "y");
        var ranking = Prioritiser.Rank(set, RankingMethod.Copras([Criterion.Benefit("x", 1), Criterion.Benefit("y", 3)]));

        double[] plus = [(0.25 * 0.2) + (0.75 * 0.2), (0.25 * 0.5) + (0.75 * 0.2), (0.25 * 0.3) + (0.75 * 0.6)];
        for (var i = 0; i < plus.Length; i++)
        {
            Assert.Equal(plus[i] / plus.Max(), ranking.Find("A" + (i + 1))!.Score, 12);
        }

        Assert.Equal(["A3", "A2", "A1"], ranking.Ids.ToArray());
        Assert.Contains("(no cost criterion carries weight, so there is no S⁻ part)", ranking[0].Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CostSharesUnderflowingToZero_AreRefused_NamingTheCandidateAndItsValue_WithoutAskingToRescale()
    {
        // The smallest positive double beside 1: its weighted share (0.5 × 4.9e-324) rounds to 0, so S⁻ = 0 and Q would be
        // infinite. Scaling the column cannot help, since shares are relative to the column's sum.
        var set = WeightedProductTests.Matrix([[2, double.Epsilon], [5, 1]], "x", "effort");

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.Copras([Criterion.Benefit("x", 1), Criterion.Cost("effort", 1)])));
        Assert.Equal("candidates", ex.ParamName);
        Assert.Contains("Candidate 'A1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("effort = 5E-324", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Scaling a column does not help", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroWeightCostCriterion_LeavesTheCostPartOut_ButItsValuesAreStillChecked()
    {
        var set = WeightedProductTests.Matrix([[2, 4], [5, 1], [3, 2]], "x", "effort");
        var plain = Prioritiser.Rank(set, RankingMethod.Copras([Criterion.Benefit("x", 1)]));
        var zero = Prioritiser.Rank(set, RankingMethod.Copras([Criterion.Benefit("x", 1), Criterion.Cost("effort", 0)]));

        Assert.Equal(plain.Items.Select(i => (i.Id, i.Score)), zero.Items.Select(i => (i.Id, i.Score)));
        var bad = WeightedProductTests.Matrix([[2, 4], [5, 0]], "x", "effort");
        Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(bad, RankingMethod.Copras([Criterion.Benefit("x", 1), Criterion.Cost("effort", 0)])));
    }

    [Fact]
    public void Explanation_GivesTheShares_SPlus_SMinus_Q_AndN()
    {
        // Value 2, 6 (sum 8); effort 1, 3 (sum 4); weights 0.5 each. A1: S⁺ = 0.125, S⁻ = 0.125; A2: S⁺ = 0.375,
        // S⁻ = 0.375. ΣS⁻ = 0.5, S⁻min = 0.125, Σ S⁻min / S⁻ = 1 + 1/3. Q1 = 0.125 + 0.5 × 1 / (4/3) = 0.5,
        // Q2 = 0.375 + 0.5 × (1/3) / (4/3) = 0.5: a tie, broken by id.
        var set = WeightedProductTests.Matrix([[2, 1], [6, 3]], "value", "effort");
        var ranking = Prioritiser.Rank(set, RankingMethod.Copras([Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)]));
        var explanation = ranking.Find("A2")!.Explanation;

        Assert.Equal(["A1", "A2"], ranking.Ids.ToArray());
        Assert.Equal(1, ranking.Find("A2")!.Score, 12);
        Assert.Equal("Benefit 'value' = 6: share of the column sum 0.75 × weight 0.5 = 0.375 into S⁺", explanation.Contributions[0].Text);
        Assert.Equal("Cost 'effort' = 3: share of the column sum 0.75 × weight 0.5 = 0.375 into S⁻", explanation.Contributions[1].Text);
        Assert.Equal(0.375, explanation.Contributions[1].Contribution, 12);
        Assert.StartsWith("COPRAS utility degree N 1 = Q 0.5 / max Q 0.5; Q = S⁺ 0.375 + S⁻min 0.125 × ΣS⁻ 0.5 / (S⁻ 0.375 × Σ S⁻min / S⁻ₖ 1.33333)", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstantColumn_SharesOneNth()
    {
        var set = WeightedProductTests.Matrix([[4, 2], [4, 5], [4, 3], [4, 1]], "flat", "value");
        var ranking = Prioritiser.Rank(set, RankingMethod.Copras([Criterion.Benefit("flat", 1), Criterion.Benefit("value", 1)]));

        Assert.Contains("share of the column sum 0.25 ", ranking[0].Explanation.Contributions[0].Text, StringComparison.Ordinal);
        Assert.Equal(["A2", "A3", "A1", "A4"], ranking.Ids.ToArray());
    }

    [Theory]
    [InlineData(-1.0, 1.0, "Candidate 'A2' has gain = -1; COPRAS needs values ≥ 0 on a benefit criterion")]
    [InlineData(1.0, 0.0, "Candidate 'A2' has effort = 0; COPRAS needs positive values on a cost criterion")]
    public void BadValue_IsRefused_NamingCandidateAndCriterion(double gain, double effort, string message)
    {
        var set = WeightedProductTests.Matrix([[1, 1], [gain, effort]], "gain", "effort");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.Copras([Criterion.Benefit("gain", 1), Criterion.Cost("effort", 1)])));
        Assert.Equal("candidates", ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroSumBenefitColumn_IsRefused_NamingTheCriterion()
    {
        var set = WeightedProductTests.Matrix([[0, 1], [0, 2]], "gain", "effort");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.Copras([Criterion.Benefit("gain", 1), Criterion.Cost("effort", 1)])));
        Assert.StartsWith("Candidate 'A1' has gain = 0; COPRAS needs a benefit column with a positive sum, but every candidate has 0 on 'gain'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation()
    {
        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.Copras(null!));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Copras([]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Copras([Criterion.Cost("a", 1), Criterion.Cost("a", 1)]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Copras([Criterion.Cost("a", 0)]));
        Assert.Equal([Criterion.Cost("a", 2)], RankingMethod.Copras([Criterion.Cost("a", 2)]).Criteria.ToArray());
    }

    [Fact]
    public void Property_UtilityInUnitInterval_TheBestScoresOne_AndADominatingCandidateScoresOne()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.Cases(), c =>
        {
            var method = RankingMethod.Copras(c.Criteria);
            var ranking = Prioritiser.Rank(c.Set, method);
            var (best, first) = Mcda2Laws.Dominating(method, c);
            return ranking.Items.All(i => i.Score is >= 0 and <= 1) && ranking[0].Score == 1 && best == 1 && first;
        }), 500);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeAnyScore()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndShuffle(), input =>
            Mcda2Laws.InputOrderIndependent(RankingMethod.Copras(input.Case.Criteria), input.Case, input.Shuffled)), 500);
    }

    [Fact]
    public void Property_ScalingAColumn_KeepsTheScores()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndScale(), input =>
            Mcda2Laws.ScaleInvariant(RankingMethod.Copras(input.Case.Criteria), input.Case, input.Constant, input.PowerOfTwo)), 500);
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
