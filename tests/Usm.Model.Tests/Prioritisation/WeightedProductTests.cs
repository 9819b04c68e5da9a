using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The weighted product model: published examples, its scale invariance, validation and explanations.</summary>
public class WeightedProductTests
{
    internal static CandidateSet Matrix(double[][] rows, params string[] criteria) =>
        new(rows.Select((row, i) => new Candidate("A" + (i + 1), criteria.Select((c, j) => KeyValuePair.Create(c, row[j])))));

    [Fact]
    public void TriantaphyllouExample_RatiosAndRanking()
    {
        // Triantaphyllou, "Multi-Criteria Decision Making Methods: A Comparative Study" (2000), as worked in Wikipedia,
        // "Weighted product model" (https://en.wikipedia.org/wiki/Weighted_product_model): weights 0.20, 0.15, 0.40, 0.25;
        // A1 (25, 20, 15, 30), A2 (10, 30, 20, 30), A3 (30, 10, 30, 10), all benefits.
        // P(A1/A2) = 1.007, P(A1/A3) = 1.067, P(A2/A3) = 1.059, so A1 > A2 > A3.
        var set = Matrix([[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]], "c1", "c2", "c3", "c4");
        var method = RankingMethod.WeightedProduct([Criterion.Benefit("c1", 0.20), Criterion.Benefit("c2", 0.15), Criterion.Benefit("c3", 0.40), Criterion.Benefit("c4", 0.25)]);

        var ranking = Prioritiser.Rank(set, method);

        Assert.Equal(["A1", "A2", "A3"], ranking.Ids.ToArray());
        double Score(string id) => ranking.Find(id)!.Score;
        Assert.Equal(1.007, Score("A1") / Score("A2"), 3);
        Assert.Equal(1.067, Score("A1") / Score("A3"), 3);
        Assert.Equal(1.059, Score("A2") / Score("A3"), 3);

        // The scores themselves, by hand from the definition (x / max per column): 0.687603, 0.682558, 0.644394.
        Assert.Equal(0.687603, Score("A1"), 6);
        Assert.Equal(0.682558, Score("A2"), 6);
        Assert.Equal(0.644394, Score("A3"), 6);
        Assert.Equal("WPM", ranking.MethodName);
    }

    [Fact]
    public void JmcdmExample_WithCostCriteria()
    {
        // JMcDM (Satman, Altunkaynak and Cengiz, "JMcDM: A Julia package for multiple-criteria decision-making tools",
        // JOSS 2021), test "WPM": weights 0.221, 0.159, 0.175, 0.127, 0.117, 0.201; criteria max, min, min, max, min, max;
        // scores 0.7975224331331, 0.7532541470585, 0.7647463553356, 0.7873956894791, 0.7674278741782.
        var set = Matrix(
            [[3, 12.5, 2, 120, 14, 3], [5, 15, 3, 110, 38, 4], [3, 13, 2, 120, 19, 3], [4, 14, 2, 100, 31, 4], [3, 15, 1.5, 125, 40, 4]],
            "c1", "c2", "c3", "c4", "c5", "c6");
        var method = RankingMethod.WeightedProduct(JmcdmCriteria());

        var ranking = Prioritiser.Rank(set, method);

        double[] expected = [0.7975224331331, 0.7532541470585, 0.7647463553356, 0.7873956894791, 0.7674278741782];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ranking.Find("A" + (i + 1))!.Score, 12);
        }

        Assert.Equal(["A1", "A4", "A5", "A3", "A2"], ranking.Ids.ToArray());
    }

    internal static Criterion[] JmcdmCriteria() =>
    [
        Criterion.Benefit("c1", 0.221), Criterion.Cost("c2", 0.159), Criterion.Cost("c3", 0.175),
        Criterion.Benefit("c4", 0.127), Criterion.Cost("c5", 0.117), Criterion.Benefit("c6", 0.201),
    ];

    [Fact]
    public void Explanation_GivesEachFactor_AndTheirProductIsTheScore()
    {
        var set = Matrix([[4, 2], [2, 1]], "value", "effort");
        var ranking = Prioritiser.Rank(set, RankingMethod.WeightedProduct([Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)]));

        // A1: (4/4)^0.5 · (1/2)^0.5 = 0.707107; A2: (2/4)^0.5 · (1/1)^0.5 = 0.707107: a tie, broken by id.
        Assert.Equal(["A1", "A2"], ranking.Ids.ToArray());
        var explanation = ranking.Find("A2")!.Explanation;
        Assert.Equal(0.707107, explanation.Contributions[0].Contribution, 6);
        Assert.Equal(1, explanation.Contributions[1].Contribution, 12);
        Assert.Contains("normalised x / max 4 to 0.5, ^ weight 0.5 = factor 0.707107", explanation.Contributions[0].Text, StringComparison.Ordinal);
        Assert.Contains("min 1 / x", explanation.Contributions[1].Text, StringComparison.Ordinal);
        Assert.Contains("WPM score 0.707107", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("exp Σ weight × ln", explanation.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    public void ZeroOrNegativeValue_IsRefused_NamingCandidateAndCriterion(double bad)
    {
        var set = Matrix([[4, 2], [bad, 1]], "value", "effort");
        var method = RankingMethod.WeightedProduct([Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)]);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, method));
        Assert.Contains("Candidate 'A2'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("value = ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WPM needs positive values", ex.Message, StringComparison.Ordinal);
        Assert.Equal("candidates", ex.ParamName);
    }

    [Fact]
    public void Validation_OfCriteria()
    {
        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.WeightedProduct(null!));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.WeightedProduct([]));
        var twice = Assert.Throws<ArgumentException>("criteria", () => RankingMethod.WeightedProduct([Criterion.Benefit("a", 1), Criterion.Cost("a", 1)]));
        Assert.Contains("'a'", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.WeightedProduct([Criterion.Benefit("a", 0)]));
        var missing = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(Matrix([[1]], "a"), RankingMethod.WeightedProduct([Criterion.Benefit("b", 1)])));
        Assert.Contains("WPM needs criterion 'b'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TinyRatios_DoNotUnderflowToZero()
    {
        // x / max = 1e-300 / 1e300 underflows to 0; the log-space fallback keeps the factor's logarithm, so with weight
        // ½ the score is (1e-600)^½ = 1e-300, defined and ordered. (A score itself below ~1e-308 does underflow to 0.)
        var set = Matrix([[1e300, 1], [1e-300, 1], [1e-299, 1]], "a", "b");
        var ranking = Prioritiser.Rank(set, RankingMethod.WeightedProduct([Criterion.Benefit("a", 1), Criterion.Benefit("b", 1)]));

        Assert.Equal(["A1", "A3", "A2"], ranking.Ids.ToArray());
        Assert.Equal(1, ranking[0].Score);
        Assert.Equal(1e-300, ranking[2].Score, 1e-310);
    }

    [Fact]
    public void Property_ScoresInUnitInterval_AndOneForABestEverywhereCandidate()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.Arbitrary(), c =>
        {
            var method = RankingMethod.WeightedProduct(c.Criteria);
            var set = c.Set;
            var ranking = Prioritiser.Rank(set, method);
            var best = new Candidate("best", c.Criteria.Select(k => KeyValuePair.Create(k.Name,
                k.Kind == CriterionKind.Benefit ? c.Candidates.Max(x => x.Values[k.Name]) : c.Candidates.Min(x => x.Values[k.Name]))));
            var withBest = Prioritiser.Rank(set.With(best), method);
            return ranking.Items.All(i => i.Score > 0 && i.Score <= 1) && withBest.Find("best")!.Score == 1;
        }), 500);
    }

    [Fact]
    public void Property_ScalingABenefitColumn_KeepsScoresAndRanking()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndScale(), input =>
        {
            var (c, k, powerOfTwo) = input;
            var benefit = Array.FindIndex(c.Criteria, x => x.Kind == CriterionKind.Benefit);
            // With no benefit criterion, a cost column is scaled: min / x is scale-free too.
            var name = benefit >= 0 ? c.Criteria[benefit].Name : c.Criteria[0].Name;
            var method = RankingMethod.WeightedProduct(c.Criteria);
            var before = Prioritiser.Rank(c.Set, method);
            var scaled = new CandidateSet(c.Candidates.Select(x => x.WithValue(name, x.Values[name] * k)));
            var after = Prioritiser.Rank(scaled, method);

            var scoresAgree = c.Candidates.All(x => Math.Abs(before.Find(x.Id)!.Score - after.Find(x.Id)!.Score) <= 1e-12 * before.Find(x.Id)!.Score);
            if (powerOfTwo)
            {
                // Scaling by 2^k is exact, and the ratio x / max is taken first, so the scores are bit for bit the same.
                return scoresAgree && before.Ids.SequenceEqual(after.Ids) && before.Items.Select(i => i.Score).SequenceEqual(after.Items.Select(i => i.Score));
            }

            // Any other constant rounds x · k, so only candidates whose scores differ by more than rounding keep their order.
            var ordered = c.Candidates.All(a => c.Candidates.All(b =>
                before.Find(a.Id)!.Score - before.Find(b.Id)!.Score <= 1e-9 || after.RankOf(a.Id) < after.RankOf(b.Id)));
            return scoresAgree && ordered;
        }), 500);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeTheRanking()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndShuffle(), input =>
        {
            var method = RankingMethod.WeightedProduct(input.Case.Criteria);
            var a = Prioritiser.Rank(input.Case.Set, method);
            var b = Prioritiser.Rank(new CandidateSet(input.Shuffled), method);
            return a.Ids.SequenceEqual(b.Ids) && a.Items.Select(i => i.Score).SequenceEqual(b.Items.Select(i => i.Score));
        }), 500);
    }
}
