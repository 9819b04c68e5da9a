using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>WASPAS: a published example, its two ends (SAW and WPM), validation and explanations.</summary>
public class WaspasTests
{
    [Fact]
    public void JmcdmExample_LambdaHalf()
    {
        // JMcDM (Satman, Altunkaynak and Cengiz, "JMcDM: A Julia package for multiple-criteria decision-making tools",
        // JOSS 2021), test "WASPAS", λ = 0.5: scores 0.805021, 0.775060, 0.770181, 0.796424, 0.788239.
        var set = WeightedProductTests.Matrix(
            [[3, 12.5, 2, 120, 14, 3], [5, 15, 3, 110, 38, 4], [3, 13, 2, 120, 19, 3], [4, 14, 2, 100, 31, 4], [3, 15, 1.5, 125, 40, 4]],
            "c1", "c2", "c3", "c4", "c5", "c6");

        var ranking = Prioritiser.Rank(set, RankingMethod.Waspas(WeightedProductTests.JmcdmCriteria()));

        double[] expected = [0.805021, 0.775060, 0.770181, 0.796424, 0.788239];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ranking.Find("A" + (i + 1))!.Score, 6);
        }

        Assert.Equal(["A1", "A4", "A5", "A2", "A3"], ranking.Ids.ToArray());
        Assert.Equal("WASPAS", ranking.MethodName);

        // A1's parts, by hand from the definition: WSM 0.81252, WPM 0.797522.
        var explanation = ranking.Find("A1")!.Explanation;
        Assert.Contains("= 0.5 × 0.81252 + 0.5 × 0.797522", explanation.Summary, StringComparison.Ordinal);
        Assert.Equal(0.81252, explanation.Contributions.Sum(c => c.Contribution), 9);
        Assert.Contains("WSM term weight 0.221 × 0.6 = 0.1326; WPM factor 0.6 ^ 0.221 = 0.893247", explanation.Contributions[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TusAytacAdaliExample_WithCriticWeights()
    {
        // Tuş and Aytaç Adalı, "The new combination with CRITIC and WASPAS methods for the time and attendance software
        // selection problem", Opsearch 56(2), 2019, pp. 528-538, as checked in pyrepo-mcda's test suite: five products,
        // price a cost and five benefits, CRITIC weights, λ = 0.5; Q = 0.5622, 0.6575, 0.6192, 0.6409, 0.722.
        // The CRITIC weights (Diakoulaki et al. 1995) are computed below as that suite does: min-max normalised columns,
        // weight ∝ standard deviation × Σ (1 − correlation with every column). The paper rounds the weights, so the
        // scores agree to about 4e-4.
        double[][] matrix = [[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]];
        var weights = Critic(matrix);
        string[] names = ["price", "c2", "c3", "c4", "c5", "c6"];
        var set = WeightedProductTests.Matrix(matrix, names);
        var criteria = names.Select((name, j) => new Criterion(name, j == 0 ? CriterionKind.Cost : CriterionKind.Benefit, weights[j]));

        var ranking = Prioritiser.Rank(set, RankingMethod.Waspas(criteria, 0.5));

        double[] published = [0.5622, 0.6575, 0.6192, 0.6409, 0.722];
        for (var i = 0; i < published.Length; i++)
        {
            Assert.Equal(published[i], ranking.Find("A" + (i + 1))!.Score, 5e-4);
        }

        Assert.Equal(["A5", "A2", "A4", "A3", "A1"], ranking.Ids.ToArray());
    }

    private static double[] Critic(double[][] matrix)
    {
        var m = matrix[0].Length;
        var columns = Enumerable.Range(0, m).Select(j =>
        {
            var x = matrix.Select(row => row[j]).ToArray();
            var (min, max) = (x.Min(), x.Max());
            return x.Select(v => (v - min) / (max - min)).ToArray();
        }).ToArray();
        static double Deviation(double[] x) => Math.Sqrt(x.Select(v => (v - x.Average()) * (v - x.Average())).Average());
        static double Correlation(double[] a, double[] b) =>
            a.Zip(b).Select(p => (p.First - a.Average()) * (p.Second - b.Average())).Average() / (Deviation(a) * Deviation(b));
        var information = columns.Select(a => Deviation(a) * columns.Sum(b => 1 - Correlation(a, b))).ToArray();
        return [.. information.Select(c => c / information.Sum())];
    }

    [Fact]
    public void ZeroValue_IsRefused_NamingCandidateAndCriterion()
    {
        var set = WeightedProductTests.Matrix([[4, 2], [0, 1]], "value", "effort");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.Waspas([Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)])));

        Assert.Contains("Candidate 'A2' has value = 0; WASPAS needs positive values", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.PositiveInfinity)]
    public void Lambda_OutsideUnitInterval_IsRefused(double lambda)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RankingMethod.Waspas([Criterion.Benefit("a", 1)], lambda));
        Assert.Equal("lambda", ex.ParamName);
    }

    [Fact]
    public void Validation_OfCriteria_AndParameters()
    {
        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.Waspas(null!));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Waspas([]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Waspas([Criterion.Benefit("a", 1), Criterion.Benefit("a", 2)]));
        var method = RankingMethod.Waspas([Criterion.Benefit("a", 3), Criterion.Cost("b", 1)], 0.25);
        Assert.Equal(0.25, method.Lambda);
        Assert.Equal(["a", "b"], method.Criteria.Select(c => c.Name));
        Assert.Equal(0.5, RankingMethod.Waspas([Criterion.Benefit("a", 1)]).Lambda);
    }

    [Fact]
    public void Property_LambdaOne_IsSawWithMaxNormalisation_AndLambdaZero_IsWpm()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.Arbitrary(), c =>
        {
            var set = c.Set;
            var sum = Prioritiser.Rank(set, RankingMethod.WeightedSum(c.Criteria, SawNormalisation.Max));
            var product = Prioritiser.Rank(set, RankingMethod.WeightedProduct(c.Criteria));
            var one = Prioritiser.Rank(set, RankingMethod.Waspas(c.Criteria, 1));
            var zero = Prioritiser.Rank(set, RankingMethod.Waspas(c.Criteria, 0));
            return one.Ids.SequenceEqual(sum.Ids) && one.Items.Select(i => i.Score).SequenceEqual(sum.Items.Select(i => i.Score))
                && zero.Ids.SequenceEqual(product.Ids) && zero.Items.Select(i => i.Score).SequenceEqual(product.Items.Select(i => i.Score));
        }), 500);
    }

    [Fact]
    public void Property_ScoreIsTheBlend_AndLiesInUnitInterval()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndParameter(), input =>
        {
            var (c, lambda) = input;
            var set = c.Set;
            var sum = Prioritiser.Rank(set, RankingMethod.WeightedSum(c.Criteria, SawNormalisation.Max));
            var product = Prioritiser.Rank(set, RankingMethod.WeightedProduct(c.Criteria));
            var waspas = Prioritiser.Rank(set, RankingMethod.Waspas(c.Criteria, lambda));
            return c.Candidates.All(x =>
            {
                var q = waspas.Find(x.Id)!.Score;
                var expected = (lambda * sum.Find(x.Id)!.Score) + ((1 - lambda) * product.Find(x.Id)!.Score);
                return Math.Abs(q - expected) <= 1e-12 && q > 0 && q <= 1 + 1e-12;
            });
        }), 500);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeTheRanking()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndShuffle(), input =>
        {
            var method = RankingMethod.Waspas(input.Case.Criteria);
            var a = Prioritiser.Rank(input.Case.Set, method);
            var b = Prioritiser.Rank(new CandidateSet(input.Shuffled), method);
            return a.Ids.SequenceEqual(b.Ids) && a.Items.Select(i => i.Score).SequenceEqual(b.Items.Select(i => i.Score));
        }), 500);
    }
}
