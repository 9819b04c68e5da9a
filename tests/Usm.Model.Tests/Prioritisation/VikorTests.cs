using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>VIKOR: a published example, the compromise conditions, the degenerate cases, its laws and validation.</summary>
public class VikorTests
{
    private static readonly Criterion[] FourBenefits =
        [Criterion.Benefit("c1", 0.4), Criterion.Benefit("c2", 0.3), Criterion.Benefit("c3", 0.1), Criterion.Benefit("c4", 0.2)];

    private static CandidateSet PapathanasiouPloskas() =>
        WeightedProductTests.Matrix([[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]], "c1", "c2", "c3", "c4");

    [Fact]
    public void PapathanasiouPloskasExample()
    {
        // Papathanasiou and Ploskas, "VIKOR", in Multiple Criteria Decision Aid, Springer 2018, pp. 31-55
        // (https://doi.org/10.1007/978-3-319-91648-4_2), as checked in pyrepo-mcda's and crispyn's test suites:
        // six alternatives, four benefit criteria, weights 0.4, 0.3, 0.1, 0.2, v = 0.625;
        // Q = 0.640, 1.000, 0.693, 0.271, 0.000, 0.694.
        var method = RankingMethod.Vikor(FourBenefits, 0.625);
        var ranking = Prioritiser.Rank(PapathanasiouPloskas(), method);

        double[] q = [0.640, 1.000, 0.693, 0.271, 0.000, 0.694];
        for (var i = 0; i < q.Length; i++)
        {
            Assert.Equal(-q[i], ranking.Find("A" + (i + 1))!.Score, 3);
        }

        Assert.Equal(["A5", "A4", "A1", "A3", "A6", "A2"], ranking.Ids.ToArray());
        Assert.Equal("VIKOR", ranking.MethodName);

        // S and R by hand from the definition: S = 0.6286, 0.7667, 0.6010, 0.3095, 0.0800, 0.5162;
        // R = 0.2, 0.4, 0.2667, 0.1333, 0.08, 0.3333.
        var compromise = method.Compromise(PapathanasiouPloskas());
        double[] s = [0.6286, 0.7667, 0.6010, 0.3095, 0.0800, 0.5162];
        double[] r = [0.2, 0.4, 0.2667, 0.1333, 0.08, 0.3333];
        for (var i = 0; i < s.Length; i++)
        {
            var c = compromise.Find("A" + (i + 1))!;
            Assert.Equal(s[i], c.S, 4);
            Assert.Equal(r[i], c.R, 4);
            Assert.Equal(q[i], c.Q, 3);
        }

        // C1: Q(A4) − Q(A5) = 0.271 ≥ DQ = 1/5; C2: A5 is also best by S and by R. A5 alone is the compromise.
        Assert.Equal(0.2, compromise.AdvantageThreshold, 12);
        Assert.True(compromise.HasAcceptableAdvantage);
        Assert.True(compromise.HasAcceptableStability);
        Assert.True(compromise.IsSingleSolution);
        Assert.Equal(["A5"], compromise.CompromiseSet.ToArray());
        Assert.Equal(ranking.Ids.ToArray(), compromise.Candidates.Select(c => c.Id).ToArray());
        Assert.Equal([1, 2, 3, 4, 5, 6], compromise.Candidates.Select(c => c.Position));
    }

    [Fact]
    public void CostCriterion_OfNegatedValues_EqualsTheBenefit()
    {
        // f* is the minimum of a cost and (f* − f) / (f* − f⁻) is the same ratio for −x as a cost as for x as a benefit.
        var set = PapathanasiouPloskas();
        var negated = new CandidateSet(Enumerable.Range(0, set.Count).Select(i => set[i].WithValue("c1", -set[i].Values["c1"])));
        var benefit = RankingMethod.Vikor(FourBenefits, 0.625).Compromise(set);
        var cost = RankingMethod.Vikor([Criterion.Cost("c1", 0.4), .. FourBenefits.Skip(1)], 0.625).Compromise(negated);

        Assert.Equal(benefit.Candidates.Select(c => (c.Id, c.S, c.R, c.Q)), cost.Candidates.Select(c => (c.Id, c.S, c.R, c.Q)));
    }

    [Fact]
    public void Explanation_StatesQ_S_R_AndTheRegretTerms()
    {
        var ranking = Prioritiser.Rank(PapathanasiouPloskas(), RankingMethod.Vikor(FourBenefits, 0.625));
        var explanation = ranking.Find("A1")!.Explanation;

        // A1 = (8, 7, 2, 1): terms 0.4·3/6 = 0.2, 0.3·3/7, 0.1·5/5 = 0.1, 0.2·6/6 = 0.2.
        double[] terms = [0.2, 0.3 * 3 / 7, 0.1, 0.2];
        for (var j = 0; j < terms.Length; j++)
        {
            Assert.Equal(terms[j], explanation.Contributions[j].Contribution, 12);
        }

        Assert.Contains("best 11, worst 5; regret weight 0.4 × (best − x) / (best − worst) = 0.2", explanation.Contributions[0].Text, StringComparison.Ordinal);
        Assert.Contains("Q = 0.639", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("(lower is better)", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("S 0.628571", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("R 0.2 ", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_BestOnACost_HasRegretTermPlusZero_NotMinusZero()
    {
        // For a cost f* is the minimum, so f* − f⁻ is negative: the best candidate's term (f* − x) / (f* − f⁻) was 0 / (−r),
        // which is −0 in IEEE arithmetic and printed "= -0" in the explanation.
        var set = WeightedProductTests.Matrix([[3, 2], [5, 7], [4, 4]], "value", "effort");
        var ranking = Prioritiser.Rank(set, RankingMethod.Vikor([Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)]));
        var effort = ranking.Find("A1")!.Explanation.Contributions[1];

        Assert.False(double.IsNegative(effort.Contribution), "the regret term is -0");
        Assert.Equal(0.0, effort.Contribution);
        Assert.EndsWith("= 0", effort.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("-0", effort.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compromise_AcceptableAdvantageFails_SetRunsWhileQIsWithinDq()
    {
        // Four candidates, three equal-weight benefits, v = 0.5 (worked by hand from the definition):
        // Q = 1, 0.6612, 0.0312, 0.1314, so by Q: A3, A4, A2, A1; DQ = 1/3 and Q(A4) − Q(A3) = 0.1002 < 1/3, while
        // Q(A2) − Q(A3) ≥ 1/3: the compromise set is {A3, A4}. A3 is best by S (0.275), so C2 holds.
        var set = WeightedProductTests.Matrix([[1, 7, 4], [7, 1, 9], [4, 8, 8], [9, 4, 6]], "a", "b", "c");
        var compromise = RankingMethod.Vikor([Criterion.Benefit("a", 1), Criterion.Benefit("b", 1), Criterion.Benefit("c", 1)]).Compromise(set);

        Assert.Equal(["A3", "A4", "A2", "A1"], compromise.Candidates.Select(c => c.Id).ToArray());
        Assert.False(compromise.HasAcceptableAdvantage);
        Assert.True(compromise.HasAcceptableStability);
        Assert.False(compromise.IsSingleSolution);
        Assert.Equal(["A3", "A4"], compromise.CompromiseSet.ToArray());
        Assert.Contains("C1 acceptable advantage fails", compromise.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compromise_AcceptableStabilityFails_SetIsTheFirstTwo()
    {
        // Five candidates, three equal-weight benefits, v = 0.5 (by hand): by Q A5 (0.0778), A4 (0.3776), ...;
        // Q(A4) − Q(A5) = 0.2998 ≥ DQ = 0.25, but A5 is best neither by S (A2 has 0.3333 < 0.3452) nor by R
        // (A4 has 0.2381 < 0.25): the compromise set is {A5, A4}.
        var set = WeightedProductTests.Matrix([[1, 5, 7], [8, 9, 2], [1, 6, 7], [3, 7, 4], [6, 6, 8]], "a", "b", "c");
        var compromise = RankingMethod.Vikor([Criterion.Benefit("a", 1), Criterion.Benefit("b", 1), Criterion.Benefit("c", 1)]).Compromise(set);

        Assert.Equal(["A5", "A4"], compromise.Candidates.Take(2).Select(c => c.Id).ToArray());
        Assert.Equal(0.0778, compromise.Candidates[0].Q, 4);
        Assert.True(compromise.HasAcceptableAdvantage);
        Assert.False(compromise.HasAcceptableStability);
        Assert.Equal(["A5", "A4"], compromise.CompromiseSet.ToArray());
    }

    [Fact]
    public void Degenerate_AllEqual_EveryQIsZero_OrderedById()
    {
        var set = WeightedProductTests.Matrix([[3, 2], [3, 2], [3, 2]], "a", "b");
        var method = RankingMethod.Vikor([Criterion.Benefit("a", 1), Criterion.Cost("b", 1)]);

        var ranking = Prioritiser.Rank(set, method);
        var compromise = method.Compromise(set);

        Assert.Equal(["A1", "A2", "A3"], ranking.Ids.ToArray());
        Assert.All(ranking.Items, i => Assert.Equal(0.0, i.Score));
        Assert.All(compromise.Candidates, c => Assert.Equal((0.0, 0.0, 0.0), (c.S, c.R, c.Q)));
        Assert.False(compromise.HasAcceptableAdvantage);
        Assert.Equal(["A1", "A2", "A3"], compromise.CompromiseSet.ToArray());
        Assert.Contains("every candidate has this value, so its regret term is 0", ranking[0].Explanation.Contributions[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Degenerate_ConstantCriterion_DropsOut_AndQIsUnchanged()
    {
        var set = PapathanasiouPloskas();
        var withConstant = new CandidateSet(Enumerable.Range(0, set.Count).Select(i => set[i].WithValue("flat", 5)));
        var plain = RankingMethod.Vikor(FourBenefits).Compromise(set);
        var padded = RankingMethod.Vikor([.. FourBenefits, Criterion.Cost("flat", 0.7)]).Compromise(withConstant);

        Assert.Equal(plain.Candidates.Select(c => c.Id), padded.Candidates.Select(c => c.Id));
        for (var i = 0; i < set.Count; i++)
        {
            Assert.Equal(plain.Candidates[i].Q, padded.Candidates[i].Q, 12);
        }
    }

    [Fact]
    public void SingleCandidate_IsItsOwnCompromise()
    {
        var set = WeightedProductTests.Matrix([[1, 2]], "a", "b");
        var compromise = RankingMethod.Vikor([Criterion.Benefit("a", 1), Criterion.Cost("b", 1)]).Compromise(set);

        Assert.Equal(0, compromise.AdvantageThreshold);
        Assert.True(compromise.IsSingleSolution);
        Assert.Equal(["A1"], compromise.CompromiseSet.ToArray());
        Assert.Equal(0, compromise.Candidates[0].Q);
        Assert.Null(compromise.Find("nobody"));
    }

    [Fact]
    public void HugeRange_IsTakenInHalves()
    {
        var set = WeightedProductTests.Matrix([[-1.5e308], [1.5e308], [0]], "a");
        var compromise = RankingMethod.Vikor([Criterion.Benefit("a", 1)]).Compromise(set);

        Assert.Equal(["A2", "A3", "A1"], compromise.Candidates.Select(c => c.Id).ToArray());
        Assert.Equal(0.5, compromise.Find("A3")!.S, 12);
        Assert.Equal(0.5, compromise.Find("A3")!.Q, 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NegativeInfinity)]
    public void V_OutsideUnitInterval_IsRefused(double v)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RankingMethod.Vikor([Criterion.Benefit("a", 1)], v));
        Assert.Equal("v", ex.ParamName);
    }

    [Fact]
    public void Validation()
    {
        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.Vikor(null!));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Vikor([]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Vikor([Criterion.Benefit("a", 1), Criterion.Cost("a", 1)]));
        var method = RankingMethod.Vikor([Criterion.Benefit("a", 1)], 0.75);
        Assert.Equal(0.75, method.V);
        Assert.Equal(0.5, RankingMethod.Vikor([Criterion.Benefit("a", 1)]).V);
        Assert.Throws<ArgumentNullException>("candidates", () => method.Compromise(null!));
        Assert.Throws<ArgumentException>("candidates", () => method.Compromise(CandidateSet.Empty));
        var missing = Assert.Throws<ArgumentException>(() => method.Compromise(WeightedProductTests.Matrix([[1]], "b")));
        Assert.Contains("VIKOR needs criterion 'a'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_SRQ_InUnitInterval_AndScoreIsMinusQ()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndParameter(), input =>
        {
            var (c, v) = input;
            var method = RankingMethod.Vikor(c.Criteria, v);
            var set = c.Set;
            var compromise = method.Compromise(set);
            var ranking = Prioritiser.Rank(set, method);
            return compromise.Candidates.All(x => x.S is >= 0 and <= 1 && x.R is >= 0 and <= 1 && x.Q is >= 0 and <= 1 && x.R <= x.S + 1e-15
                    && ranking.Find(x.Id)!.Score == 0.0 - x.Q)
                && ranking.Ids.SequenceEqual(compromise.Candidates.Select(x => x.Id))
                && compromise.CompromiseSet.Length >= 1 && compromise.CompromiseSet[0] == compromise.Candidates[0].Id;
        }), 500);
    }

    [Fact]
    public void Property_ACandidateBestOnEveryCriterion_HasQZero()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndParameter(), input =>
        {
            var (c, v) = input;
            var best = new Candidate("best", c.Criteria.Select(k => KeyValuePair.Create(k.Name,
                k.Kind == CriterionKind.Benefit ? c.Candidates.Max(x => x.Values[k.Name]) : c.Candidates.Min(x => x.Values[k.Name]))));
            var compromise = RankingMethod.Vikor(c.Criteria, v).Compromise(c.Set.With(best));
            var b = compromise.Find("best")!;
            return b.S == 0 && b.R == 0 && b.Q == 0 && compromise.Candidates[0].Q == 0 && compromise.CompromiseSet.Contains("best");
        }), 500);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeTheResult()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndShuffle(), input =>
        {
            var method = RankingMethod.Vikor(input.Case.Criteria);
            var a = method.Compromise(input.Case.Set);
            var b = method.Compromise(new CandidateSet(input.Shuffled));
            var ra = Prioritiser.Rank(input.Case.Set, method);
            var rb = Prioritiser.Rank(new CandidateSet(input.Shuffled), method);
            return a.Candidates.Select(x => (x.Id, x.S, x.R, x.Q)).SequenceEqual(b.Candidates.Select(x => (x.Id, x.S, x.R, x.Q)))
                && a.CompromiseSet.SequenceEqual(b.CompromiseSet) && a.HasAcceptableAdvantage == b.HasAcceptableAdvantage
                && a.HasAcceptableStability == b.HasAcceptableStability && ra.Ids.SequenceEqual(rb.Ids);
        }), 500);
    }
}
