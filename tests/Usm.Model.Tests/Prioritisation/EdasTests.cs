using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>EDAS: published examples, the degenerate columns, explanations, validation and its laws.</summary>
public class EdasTests
{
    private static readonly Criterion[] SewingCriteria =
        [Criterion.Benefit("c1", 0.25), Criterion.Benefit("c2", 0.25), Criterion.Cost("c3", 0.25), Criterion.Cost("c4", 0.25)];

    private static CandidateSet SewingMachines() => WeightedProductTests.Matrix(
        [[5000, 5, 5300, 450], [4500, 5, 5000, 400], [4500, 4, 4700, 400], [4000, 4, 4200, 400],
         [5000, 4, 7100, 500], [5000, 5, 5400, 450], [5500, 5, 6200, 500], [5000, 4, 5800, 450]],
        "c1", "c2", "c3", "c4");

    [Fact]
    public void UlutasSewingMachineExample()
    {
        // Ulutaş, "EDAS Yöntemi Kullanılarak Bir Tekstil Atölyesi İçin Dikiş Makinesi Seçimi", İşletme Araştırmaları
        // Dergisi 9(2), 2017, as reproduced in JMcDM's test "EDAS" (Satman, Altunkaynak and Cengiz, JOSS 2021):
        // eight sewing machines, two benefit and two cost criteria, equal weights;
        // AS = 0.759594, 0.886016, 0.697472, 0.739658, 0.059083, 0.731833, 0.641691, 0.385194.
        var ranking = Prioritiser.Rank(SewingMachines(), RankingMethod.Edas(SewingCriteria));

        double[] expected = [0.759594, 0.886016, 0.697472, 0.739658, 0.059083, 0.731833, 0.641691, 0.385194];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ranking.Find("A" + (i + 1))!.Score, 6);
        }

        Assert.Equal(["A2", "A1", "A4", "A6", "A3", "A7", "A8", "A5"], ranking.Ids.ToArray());
        Assert.Equal("EDAS", ranking.MethodName);
    }

    [Fact]
    public void PymcdmExample_WithMixedCriteria()
    {
        // pymcdm (Kizielewicz, Shekhovtsov and Sałabun, SoftwareX 22, 2023), EDAS docstring example: five alternatives,
        // eight criteria (cost, cost, cost, benefit, benefit, cost, benefit, benefit); AS = 0.841, 0.632, 0.883, 0.457, 0.104.
        var set = WeightedProductTests.Matrix(
            [[3873, 39.55, 0.27, 0.87, 150, 0.07, 12, 2130], [5067, 67.26, 0.23, 0.23, 40, 0.02, 21, 2200],
             [2213, 24.69, 0.08, 0.17, 200, 0.04, 35, 570], [6243, 132, 0.07, 0.25, 100, 0.04, 16, 100],
             [8312, 460.47, 0.05, 0.21, 25, 0.1, 25, 200]],
            "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
        double[] weights = [0.131, 0.113, 0.126, 0.125, 0.126, 0.129, 0.132, 0.117];
        int[] types = [-1, -1, -1, 1, 1, -1, 1, 1];
        var criteria = weights.Select((w, j) => new Criterion("c" + (j + 1), types[j] == 1 ? CriterionKind.Benefit : CriterionKind.Cost, w));

        var ranking = Prioritiser.Rank(set, RankingMethod.Edas(criteria));

        double[] expected = [0.841, 0.632, 0.883, 0.457, 0.104];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ranking.Find("A" + (i + 1))!.Score, 3);
        }
    }

    [Fact]
    public void Explanation_GivesTheAverage_PdaNda_AndTheSums()
    {
        var ranking = Prioritiser.Rank(SewingMachines(), RankingMethod.Edas(SewingCriteria));
        var explanation = ranking.Find("A5")!.Explanation;

        // A5 = (5000, 4, 7100, 500). c1: average 4812.5, PDA = 187.5 / 4812.5; c3 (cost): average 5462.5,
        // NDA = (7100 − 5462.5) / 5462.5.
        Assert.Contains("Benefit 'c1' = 5000: average 4812.5; PDA 0.038961, NDA 0", explanation.Contributions[0].Text, StringComparison.Ordinal);
        Assert.Equal(0.25 * 187.5 / 4812.5, explanation.Contributions[0].Contribution, 12);
        Assert.Equal(-0.25 * (7100 - 5462.5) / 5462.5, explanation.Contributions[2].Contribution, 12);
        Assert.Contains("Cost 'c3' = 7100: average 5462.5; PDA 0, NDA 0.29977", explanation.Contributions[2].Text, StringComparison.Ordinal);
        Assert.StartsWith("EDAS appraisal score AS 0.0590833 = (NSP ", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("SN = Σ weight × NDA", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Degenerate_AllEqual_EveryScoreIsOneHalf_OrderedById()
    {
        // Three equal values of 0.1: their computed average is not exactly 0.1, so without the constant-column rule each
        // candidate would get a tiny PDA or NDA.
        var set = WeightedProductTests.Matrix([[0.1, 7], [0.1, 7], [0.1, 7]], "a", "b");
        var ranking = Prioritiser.Rank(set, RankingMethod.Edas([Criterion.Benefit("a", 1), Criterion.Cost("b", 1)]));

        Assert.Equal(["A1", "A2", "A3"], ranking.Ids.ToArray());
        Assert.All(ranking.Items, i => Assert.Equal(0.5, i.Score));
        Assert.Contains("every candidate has this value, so PDA = NDA = 0", ranking[0].Explanation.Contributions[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Degenerate_ConstantCriterion_DropsOut()
    {
        var set = SewingMachines();
        var padded = new CandidateSet(Enumerable.Range(0, set.Count).Select(i => set[i].WithValue("flat", 0.1)));
        var plain = Prioritiser.Rank(set, RankingMethod.Edas(SewingCriteria));
        var withFlat = Prioritiser.Rank(padded, RankingMethod.Edas([.. SewingCriteria, Criterion.Benefit("flat", 3)]));

        Assert.Equal(plain.Ids.ToArray(), withFlat.Ids.ToArray());
        Assert.Equal(plain.Items.Select(i => i.Score), withFlat.Items.Select(i => i.Score));
    }

    [Fact]
    public void ZeroAverage_OfAColumnThatIsNotConstant_IsRefused_NamingCandidateAndCriterion()
    {
        var set = WeightedProductTests.Matrix([[0, 3], [-2, 4], [2, 5]], "margin", "value");
        var method = RankingMethod.Edas([Criterion.Benefit("margin", 1), Criterion.Benefit("value", 1)]);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, method));
        Assert.Equal("candidates", ex.ParamName);
        Assert.Contains("Candidate 'A2' has margin = -2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("average exactly 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AverageTinyBesideTheValues_IsRefused_NamingCandidateAndCriterion_AndAskingForAShift()
    {
        // −1, 1 and 1e-308 average about 3.3e-309: the distances relative to that average exceed the largest double.
        // Refused by name (scaling the column cannot help, since EDAS's distances are relative), not as a NaN score.
        var set = WeightedProductTests.Matrix([[-1, 3], [1, 4], [1e-308, 5]], "margin", "value");
        var method = RankingMethod.Edas([Criterion.Benefit("margin", 1), Criterion.Benefit("value", 1)]);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, method));
        Assert.Equal("candidates", ex.ParamName);
        Assert.Contains("Candidate 'A", ex.Message, StringComparison.Ordinal);
        Assert.Contains("values of 'margin' average", ex.Message, StringComparison.Ordinal);
        Assert.Contains("shift the criterion", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Scale the criteria down", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroColumn_IsConstant_AndDropsOut()
    {
        var set = WeightedProductTests.Matrix([[0, 3], [0, 4], [0, 5]], "margin", "value");
        var ranking = Prioritiser.Rank(set, RankingMethod.Edas([Criterion.Benefit("margin", 1), Criterion.Benefit("value", 1)]));

        Assert.Equal(["A3", "A2", "A1"], ranking.Ids.ToArray());
        Assert.Equal(1, ranking[0].Score);
    }

    [Fact]
    public void NegativeAverage_CostOfNegatedValues_EqualsTheBenefit()
    {
        // Dividing by |AV| keeps the distances' signs: −x as a cost is x as a benefit, even with a negative average.
        var set = WeightedProductTests.Matrix([[-3, 2], [-1, 5], [-8, 4], [2, 1]], "a", "b");
        var negated = new CandidateSet(Enumerable.Range(0, set.Count).Select(i => set[i].WithValue("a", -set[i].Values["a"])));
        var benefit = Prioritiser.Rank(set, RankingMethod.Edas([Criterion.Benefit("a", 2), Criterion.Benefit("b", 1)]));
        var cost = Prioritiser.Rank(negated, RankingMethod.Edas([Criterion.Cost("a", 2), Criterion.Benefit("b", 1)]));

        Assert.Equal(benefit.Ids.ToArray(), cost.Ids.ToArray());
        Assert.Equal(benefit.Items.Select(i => i.Score), cost.Items.Select(i => i.Score));
        // By hand: a averages −2.5 and b 3; AS = 0.4167, 0.7593, 0.0463, 0.9242.
        Assert.Equal(["A4", "A2", "A1", "A3"], benefit.Ids.ToArray());
        Assert.Equal(0.924242, benefit[0].Score, 6);
    }

    [Fact]
    public void HugeValues_DoNotOverflowTheAverage()
    {
        var set = WeightedProductTests.Matrix([[1.5e308], [1.7e308], [1e308]], "a");
        var ranking = Prioritiser.Rank(set, RankingMethod.Edas([Criterion.Benefit("a", 1)]));

        Assert.Equal(["A2", "A1", "A3"], ranking.Ids.ToArray());
        Assert.All(ranking.Items, i => Assert.InRange(i.Score, 0, 1));
        Assert.Contains("average 1.4", ranking[0].Explanation.Contributions[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation()
    {
        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.Edas(null!));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Edas([]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Edas([Criterion.Benefit("a", 1), null!]));
        var twice = Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Edas([Criterion.Benefit("a", 1), Criterion.Cost("a", 1)]));
        Assert.Contains("'a' is given twice", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Edas([Criterion.Benefit("a", 0)]));
        var method = RankingMethod.Edas([Criterion.Benefit("a", 1), Criterion.Cost("b", 3)]);
        Assert.Equal([Criterion.Benefit("a", 1), Criterion.Cost("b", 3)], method.Criteria.ToArray());
        Assert.Equal("EDAS", method.ToString());
        var missing = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(WeightedProductTests.Matrix([[1]], "a"), method));
        Assert.Contains("EDAS needs criterion 'b'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_ScoresInUnitInterval_AndADominatingCandidateScoresOneAndRanksFirst()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.Cases(), c =>
        {
            var method = RankingMethod.Edas(c.Criteria);
            var ranking = Prioritiser.Rank(c.Set, method);
            var (best, first) = Mcda2Laws.Dominating(method, c);

            // 0.5 when every weighted criterion is constant (then every candidate scores 0.5).
            return ranking.Items.All(i => i.Score is >= 0 and <= 1) && first && (best == 1 || best == 0.5);
        }), 500);
    }

    [Fact]
    public void Property_SignedValues_ScoreInUnitInterval_OrRefuseAZeroAverage()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.SignedCases(), c =>
        {
            var method = RankingMethod.Edas(c.Criteria);
            var withBest = new McdaCase(c.Criteria, [.. c.Candidates, Mcda2Arbitraries.Dominating(c)]);
            if (HasZeroAverage(c))
            {
                var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(c.Set, method));
                return ex.Message.Contains("average exactly 0", StringComparison.Ordinal);
            }

            var ranking = Prioritiser.Rank(c.Set, method);
            return ranking.Items.All(i => i.Score is >= 0 and <= 1) && (HasZeroAverage(withBest) || Mcda2Laws.Dominating(method, c).First);
        }), 500);
    }

    /// <summary>Whether a column is not constant and sums to exactly 0 (small integers: the sum is exact).</summary>
    private static bool HasZeroAverage(McdaCase c) => c.Criteria.Any(k =>
    {
        var values = c.Candidates.Select(x => x.Values[k.Name]).ToArray();
        return values.Sum() == 0 && values.Distinct().Count() > 1;
    });

    [Fact]
    public void Property_InputOrder_DoesNotChangeAnyScore()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndShuffle(), input =>
            Mcda2Laws.InputOrderIndependent(RankingMethod.Edas(input.Case.Criteria), input.Case, input.Shuffled)), 500);
    }

    [Fact]
    public void Property_ScalingAColumn_KeepsTheScores()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndScale(), input =>
            Mcda2Laws.ScaleInvariant(RankingMethod.Edas(input.Case.Criteria), input.Case, input.Constant, input.PowerOfTwo)), 500);
    }
}
