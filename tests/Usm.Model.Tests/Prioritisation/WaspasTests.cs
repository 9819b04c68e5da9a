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
