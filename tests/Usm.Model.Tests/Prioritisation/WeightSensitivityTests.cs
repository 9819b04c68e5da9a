using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Weight stability intervals of weighted-sum rankings (<see cref="WeightSensitivity"/>).</summary>
public class WeightSensitivityTests
{
    /// <summary>
    /// The margin, in normalised weight, kept from an interval's ends. The ends are crossing points computed in double
    /// precision, and <see cref="Prioritiser.Rank"/> at a moved weight computes its scores in its own order of
    /// operations, so at (or within a few units in the last place of) an end either order can come out. Scores lie in
    /// [0, 1] and carry rounding errors near 1e-16; at 1e-6 from an end two crossing lines differ by their slope gap
    /// times 1e-6, far above that noise for the generated data (values on a grid of hundredths, small integer
    /// weights). Ends themselves are tested in the hand-worked examples, whose numbers are exact in binary.
    /// </summary>
    private const double Margin = 1e-6;

    private static Candidate C(string id, double a, double b, double effort = 0) =>
        new(id, [KeyValuePair.Create("A", a), KeyValuePair.Create("B", b)], effort);

    /// <summary>
    /// Three candidates, two benefit criteria of weight 1 each (normalised 0.5), min-max normalisation over 0..8:
    /// x = (8, 0) → r = (1, 0); y = (0, 8) → r = (0, 1); z = (5, 5) → r = (0.625, 0.625).
    /// Scores now: x = 0.5, y = 0.5, z = 0.625, so the order is z, x, y (x and y tie; "x" &lt; "y" by ordinal id).
    /// Move A's weight to t (B gets 1 − t): x(t) = t, y(t) = 1 − t, z(t) = 0.625 for every t.
    /// Neighbours z, x: x reaches z at t = 0.625; there they tie and the id puts x first, so 0.625 is excluded.
    /// Neighbours x, y: they tie at t = 0.5 and y leads below it, so 0.5 is the lower end, included (x first by id).
    /// Ranking interval for A: [0.5, 0.625). Top candidate z: y reaches 0.625 at t = 0.375 and x at t = 0.625, both
    /// winning the tie by id: (0.375, 0.625). For B everything mirrors: ranking (0.375, 0.5], top (0.375, 0.625).
    /// Every number here is exact in binary, so the ends can be tested exactly.
    /// </summary>
    private static CandidateSet HandSet() => new([C("x", 8, 0), C("y", 0, 8), C("z", 5, 5)]);

    private static WeightedSumMethod HandMethod(SawNormalisation normalisation = SawNormalisation.MinMax) =>
        RankingMethod.WeightedSum([Criterion.Benefit("A", 1), Criterion.Benefit("B", 1)], normalisation);

    [Fact]
    public void HandWorkedExample_Intervals()
    {
        var result = WeightSensitivity.Analyse(HandSet(), HandMethod());

        Assert.Equal(["z", "x", "y"], result.Ranking.Ids.ToArray());
        Assert.Equal("z", result.TopId);

        var a = result["A"];
        Assert.Equal(0.5, a.Weight);
        Assert.True(a.CanMove);
        AssertInterval(a.Ranking, 0.5, true, ("x", "y"), 0.625, false, ("z", "x"));
        AssertInterval(a.TopCandidate, 0.375, false, ("z", "y"), 0.625, false, ("z", "x"));

        var b = result["B"];
        AssertInterval(b.Ranking, 0.375, false, ("z", "x"), 0.5, true, ("x", "y"));
        AssertInterval(b.TopCandidate, 0.375, false, ("z", "x"), 0.625, false, ("z", "y"));
        Assert.Equal(["A", "B"], result.Criteria.Select(c => c.Name));
    }

    [Fact]
    public void HandWorkedExample_EndsAgreeWithPrioritiser()
    {
        var set = HandSet();
        var method = HandMethod();
        string[] Order(double t) => Prioritiser.Rank(set, WeightSensitivity.Reweight(method, "A", t)).Ids.ToArray();

        // The included end 0.5 is the current weighting; just below it y passes x.
        Assert.Equal(["z", "x", "y"], Order(0.5));
        Assert.Equal(["z", "y", "x"], Order(0.4375));

        // The excluded end 0.625: x and z tie, and x wins by id, so the order already differs there.
        Assert.Equal(["x", "z", "y"], Order(0.625));
        Assert.Equal(["z", "x", "y"], Order(0.5625));

        // Top candidate: z is first on (0.375, 0.625) only.
        Assert.Equal("y", Order(0.375)[0]);
        Assert.Equal("z", Order(0.40625)[0]);
        Assert.Equal("x", Order(0.625)[0]);
    }

    [Fact]
    public void HandWorkedExample_SecondaryKeyDecidesTheEnds()
    {
        // With lower effort first, z (effort 1) beats x (effort 2) and y (effort 3) in a tie: the top interval is now
        // closed at both ends, and x, y tie at 0.5 with x first (effort 2 < 3), as by id before.
        var set = new CandidateSet([C("x", 8, 0, effort: 2), C("y", 0, 8, effort: 3), C("z", 5, 5, effort: 1)]);
        var options = new RankingOptions(TieBreaker.LowerEffortFirst);

        var a = WeightSensitivity.Analyse(set, HandMethod(), options)["A"];

        AssertInterval(a.Ranking, 0.5, true, ("x", "y"), 0.625, true, ("z", "x"));
        AssertInterval(a.TopCandidate, 0.375, true, ("z", "y"), 0.625, true, ("z", "x"));
        Assert.Equal(["z", "x", "y"], Prioritiser.Rank(set, WeightSensitivity.Reweight(HandMethod(), "A", 0.625), options).Ids.ToArray());
        Assert.Equal(["z", "y", "x"], Prioritiser.Rank(set, WeightSensitivity.Reweight(HandMethod(), "A", 0.375), options).Ids.ToArray());
    }

    [Fact]
    public void HandWorkedExample_RankInterval()
    {
        var result = WeightSensitivity.Analyse(HandSet(), HandMethod());

        // x (second) keeps its rank until y passes it below 0.5 or it passes z at 0.625.
        AssertInterval(result.RankInterval("A", "x"), 0.5, true, ("x", "y"), 0.625, false, ("z", "x"));

        // y (last) falls further as A gains; below 0.5 it passes x.
        AssertInterval(result.RankInterval("A", "y"), 0.5, true, ("x", "y"), 1, true, null);
        Assert.Same(result["A"].TopCandidate, result.RankInterval("A", "z"));
    }

    [Fact]
    public void ParallelAndIdenticalLines_NeverSwap()
    {
        // p and q score alike on A and B alike: their lines are identical for every weight, so the id keeps p first;
        // r is below both by a constant gap on every weighting (parallel): nothing ever changes.
        var set = new CandidateSet([C("q", 4, 4), C("p", 4, 4), C("r", 0, 0)]);

        var result = WeightSensitivity.Analyse(set, HandMethod());

        Assert.Equal(["p", "q", "r"], result.Ranking.Ids.ToArray());
        foreach (var criterion in result.Criteria)
        {
            AssertInterval(criterion.Ranking, 0, true, null, 1, true, null);
            AssertInterval(criterion.TopCandidate, 0, true, null, 1, true, null);
        }
    }

    [Fact]
    public void OneCandidate_WholeRange()
    {
        var result = WeightSensitivity.Analyse(new CandidateSet([C("only", 1, 2)]), HandMethod());

        AssertInterval(result["A"].Ranking, 0, true, null, 1, true, null);
        AssertInterval(result["B"].TopCandidate, 0, true, null, 1, true, null);
    }

    [Fact]
    public void CriterionWithAllTheWeight_IsFixedAtOne()
    {
        var set = HandSet();

        var single = WeightSensitivity.Analyse(set, RankingMethod.WeightedSum([Criterion.Benefit("A", 3)]))["A"];
        Assert.False(single.CanMove);
        Assert.Equal(1, single.Weight);
        AssertInterval(single.Ranking, 1, true, null, 1, true, null);
        AssertInterval(single.TopCandidate, 1, true, null, 1, true, null);

        // The others weigh 0: B can move (A then takes 1 − t), A cannot.
        var method = RankingMethod.WeightedSum([Criterion.Benefit("A", 2), Criterion.Benefit("B", 0)], SawNormalisation.MinMax);
        var result = WeightSensitivity.Analyse(set, method);
        Assert.False(result["A"].CanMove);
        Assert.True(result["B"].CanMove);
        Assert.Equal(0, result["B"].Weight);

        // Ranking x, z, y at B = 0; moving B to t: x = 1 − t, y = t, z = 0.625. x falls to z at t = 0.375, where the id
        // keeps x first (included end); y would reach z only at 0.625.
        Assert.Equal(["x", "z", "y"], result.Ranking.Ids.ToArray());
        AssertInterval(result["B"].Ranking, 0, true, null, 0.375, true, ("x", "z"));
        Assert.Equal(["z", "x", "y"], Prioritiser.Rank(set, WeightSensitivity.Reweight(method, "B", 0.4375)).Ids.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>("weight", () => WeightSensitivity.Reweight(method, "A", 0.5));
        Assert.Equal(1, WeightSensitivity.Reweight(method, "A", 1).Criteria[0].Weight);

        // B weighs 1e-300, not 0, but A's normalised weight 1 / (1 + 1e-300) rounds to 1: A cannot move either, and the
        // refusal must not claim that the others weigh 0.
        var tiny = RankingMethod.WeightedSum([Criterion.Benefit("A", 1), Criterion.Benefit("B", 1e-300)], SawNormalisation.MinMax);
        Assert.False(WeightSensitivity.Analyse(set, tiny)["A"].CanMove);
        var refusal = Assert.Throws<ArgumentOutOfRangeException>("weight", () => WeightSensitivity.Reweight(tiny, "A", 0.5));
        Assert.Contains("so little beside it that they vanish in double precision", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SawNormalisation.Max)]
    [InlineData(SawNormalisation.MinMax)]
    [InlineData(SawNormalisation.Vector)]
    public void AhpWeightedSum_IsAnalysedLikeSaw(SawNormalisation normalisation)
    {
        var matrix = AhpMatrix.FromUpperTriangle(2, [3.0], ["A", "B"]);
        var ahp = RankingMethod.AhpWeightedSum(Ahp.Weigh(matrix), normalisation);
        var saw = RankingMethod.WeightedSum([Criterion.Benefit("A", 0.75), Criterion.Benefit("B", 0.25)], normalisation);

        var fromAhp = WeightSensitivity.Analyse(HandSet(), ahp);
        var fromSaw = WeightSensitivity.Analyse(HandSet(), saw);

        Assert.Equal("AHP-weighted SAW", fromAhp.Ranking.MethodName);
        Assert.Equal(fromSaw.Ranking.Ids.ToArray(), fromAhp.Ranking.Ids.ToArray());
        Assert.Equal(fromSaw["A"].Ranking.High, fromAhp["A"].Ranking.High, 12);
        Assert.Equal(fromSaw["A"].Ranking.Low, fromAhp["A"].Ranking.Low, 12);
    }

    [Fact]
    public void Validation_NamesTheProblem()
    {
        var set = HandSet();
        var method = HandMethod();

        Assert.Throws<ArgumentNullException>("candidates", () => WeightSensitivity.Analyse(null!, method));
        Assert.Throws<ArgumentNullException>("method", () => WeightSensitivity.Analyse(set, null!));

        var empty = Assert.Throws<ArgumentException>("candidates", () => WeightSensitivity.Analyse(CandidateSet.Empty, method));
        Assert.Contains("at least one candidate", empty.Message, StringComparison.Ordinal);

        var lacking = Assert.Throws<ArgumentException>("candidates", () => WeightSensitivity.Analyse(set, RankingMethod.WeightedSum([Criterion.Benefit("A", 1), Criterion.Benefit("C", 1)])));
        Assert.Contains("'C'", lacking.Message, StringComparison.Ordinal);

        var key = Assert.Throws<ArgumentException>("options", () => WeightSensitivity.Analyse(set, method, new RankingOptions(TieBreaker.ByCriterion("D"))));
        Assert.Contains("'D'", key.Message, StringComparison.Ordinal);

        var result = WeightSensitivity.Analyse(set, method);
        var unknown = Assert.Throws<ArgumentException>("criterion", () => result["C"]);
        Assert.Contains("'C'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("candidateId", () => result.RankInterval("A", "nobody"));
        Assert.Throws<ArgumentNullException>("candidateId", () => result.RankInterval("A", null!));

        Assert.Throws<ArgumentNullException>("method", () => WeightSensitivity.Reweight(null!, "A", 0.5));
        Assert.Throws<ArgumentOutOfRangeException>("weight", () => WeightSensitivity.Reweight(method, "A", 1.5));
        Assert.Throws<ArgumentOutOfRangeException>("weight", () => WeightSensitivity.Reweight(method, "A", double.NaN));
        Assert.Throws<ArgumentException>("criterion", () => WeightSensitivity.Reweight(method, "C", 0.5));
    }

    [Fact]
    public void Interval_ContainsAndPrints()
    {
        var result = WeightSensitivity.Analyse(HandSet(), HandMethod());
        var a = result["A"].Ranking;

        Assert.True(a.Contains(0.5));
        Assert.True(a.Contains(0.6));
        Assert.False(a.Contains(0.625));
        Assert.False(a.Contains(0.4999));
        Assert.Equal(0.125, a.Width);
        Assert.Equal("[0.5, 0.625)", a.ToString());
        Assert.Equal("y passes z at weight 0.375", result["A"].TopCandidate.Lower!.ToString());
        Assert.Equal("x passes z at weight 0.625", a.Upper!.ToString());
        Assert.Equal("A: weight 0.5, ranking [0.5, 0.625), top candidate (0.375, 0.625)", result["A"].ToString());
        Assert.Throws<ArgumentNullException>("criterion", () => result[null!]);
    }

    [Fact]
    public void Reweight_RescalesTheOthersInProportion()
    {
        var method = RankingMethod.WeightedSum([Criterion.Benefit("A", 2), Criterion.Cost("B", 1), Criterion.Benefit("C", 1)], SawNormalisation.Vector);

        var moved = WeightSensitivity.Reweight(method, "A", 0.2);

        Assert.Equal(SawNormalisation.Vector, moved.Normalisation);
        Assert.Equal(CriterionKind.Cost, moved.Criteria[1].Kind);
        Assert.Equal(0.2, moved.Criteria[0].Weight, 15);
        Assert.Equal(0.4, moved.Criteria[1].Weight, 15);
        Assert.Equal(0.4, moved.Criteria[2].Weight, 15);
    }

    [Fact]
    public void Regression_CrossingThatRoundsToTheCurrentWeight_KeepsItIncluded()
    {
        // Found by the rank-interval property (random seed 46315632): under k2 two candidates' scores differ by a unit in
        // the last place, their crossing rounds to the current weight 0.5, and the tie-break would reverse them; the
        // current weight was reported as excluded. At the current weight the order is the current one by definition.
        double[][] rows = [[869.96, 751, 227.78, 547.42], [863.39, 257.71, 769.62, 682.4], [916, 860.91, 3.29, 188.88], [768.73, 375.89, 516.16, 161.65], [481.73, 806.2, 684.41, 131.09]];
        double[] efforts = [0, 0, 3, 1, 3];
        var set = new CandidateSet(rows.Select((r, i) => new Candidate("c0" + i, r.Select((v, j) => KeyValuePair.Create("k" + (j + 1), v)), efforts[i])));
        var method = RankingMethod.WeightedSum([Criterion.Benefit("k1", 0), Criterion.Benefit("k2", 4), Criterion.Benefit("k3", 4), Criterion.Benefit("k4", 0)], SawNormalisation.MinMax);

        var result = WeightSensitivity.Analyse(set, method, new RankingOptions(TieBreaker.LowerEffortFirst));

        foreach (var criterion in result.Criteria)
        {
            Assert.True(criterion.Ranking.Contains(criterion.Weight), criterion.ToString());
            foreach (var id in set.Ids)
            {
                Assert.True(result.RankInterval(criterion.Name, id).Contains(criterion.Weight), criterion.Name + " " + id);
            }
        }
    }

    [Fact]
    public void Regression_TiesInExactArithmetic_AreFoundExactly()
    {
        // Found by the coarse beyond-the-end property (a random seed): values on a 1-6 scale, where different candidates
        // often score alike in exact arithmetic. c00 and c02 both score 11/13 now (computed two units in the last place
        // apart), so under k4 (weight 0) c02 passes c00 at once: [0, 0]; under k3 the lower end is the current weight.
        // Under k1 both have the normalised value 1, so their lines meet only at weight 1 (they tie there), as do c03
        // and c04 (both 2 on k1), where the id puts c03 first: k1's ranking interval is [0, 1), open at exactly 1. Before
        // the fix, k1 reported c02 passing c00 at 0.96, an artefact of the rounding.
        double[][] rows = [[6, 4, 5, 6], [3, 4, 4, 3], [6, 3, 4, 2], [2, 5, 2, 4], [2, 6, 6, 6]];
        var set = new CandidateSet(rows.Select((r, i) => new Candidate("c0" + i, r.Select((v, j) => KeyValuePair.Create("k" + (j + 1), v)))));
        var method = RankingMethod.WeightedSum([Criterion.Benefit("k1", 6), Criterion.Cost("k2", 3), Criterion.Benefit("k3", 4), Criterion.Cost("k4", 0)], SawNormalisation.MinMax);

        var result = WeightSensitivity.Analyse(set, method);

        Assert.Equal(["c00", "c02", "c01", "c04", "c03"], result.Ranking.Ids.ToArray());
        AssertInterval(result["k1"].Ranking, 0, true, null, 1, false, ("c04", "c03"));
        AssertInterval(result["k4"].Ranking, 0, true, null, 0, true, ("c00", "c02"));
        Assert.Equal(result["k3"].Weight, result["k3"].Ranking.Low);
        Assert.Equal(("c00", "c02"), (result["k3"].Ranking.Lower!.AheadId, result["k3"].Ranking.Lower!.BehindId));
        Assert.Equal(["c00", "c02", "c01", "c03", "c04"], Prioritiser.Rank(set, WeightSensitivity.Reweight(method, "k1", 1)).Ids.ToArray());
    }

    // Each law runs twice: on fine values (hundredths up to 1000), where two different candidates essentially never
    // score alike, so Prioritiser must agree exactly; and on coarse values (1 to 6, as on the scales organisations
    // use), where different candidates often score alike in exact arithmetic. Their computed scores then differ only
    // in the last places, differently at every weighting, so Prioritiser may order them either way; the coarse runs

    [Fact]
    public void Regression_SwapJustInsideABound_IsNotReportedAsStableUpToIt()
    {
        // Max normalisation, A and B of weight 1 each: X = (1 − 1e-11, 1) → r = (1 − 1e-11, 1); Y = (1, 0) → r = (1, 0).
        // Moving A to t: X(t) = 1 − 1e-11 · t, Y(t) = t, so Y passes X at t = 1 / (1 + 1e-11), 1e-11 below 1, and at
        // t = 1 Y is first. A tolerance of 1e-10 in weight took that crossing to be at 1, where the id keeps X first,
        // and reported [0, 1] with nothing changing: the bound 1 was claimed stable though the ranking there differs.
        // Moving B is the mirror image: X(t) stays ahead until t = 1e-11, and at t = 0 Y is first.
        var set = new CandidateSet([C("X", 1 - 1e-11, 1), C("Y", 1, 0)]);
        var method = HandMethod(SawNormalisation.Max);

        var result = WeightSensitivity.Analyse(set, method);

        Assert.Equal(["X", "Y"], result.Ranking.Ids.ToArray());
        var a = result["A"].Ranking;
        Assert.Equal(1 / (1 + 1e-11), a.High, 1e-15);
        Assert.Equal(("X", "Y"), (a.Upper?.AheadId, a.Upper?.BehindId));
        Assert.False(a.Contains(1));
        Assert.Equal(["Y", "X"], Prioritiser.Rank(set, WeightSensitivity.Reweight(method, "A", 1)).Ids.ToArray());
        Assert.Equal(["X", "Y"], Prioritiser.Rank(set, WeightSensitivity.Reweight(method, "A", a.High - 1e-13)).Ids.ToArray());

        var b = result["B"].Ranking;
        Assert.Equal(1e-11, b.Low, 1e-15);
        Assert.Equal(("X", "Y"), (b.Lower?.AheadId, b.Lower?.BehindId));
        Assert.False(b.Contains(0));
        Assert.Equal(["Y", "X"], Prioritiser.Rank(set, WeightSensitivity.Reweight(method, "B", 0)).Ids.ToArray());
        Assert.False(result["B"].TopCandidate.Contains(0));
        Assert.False(result.RankInterval("A", "Y").Contains(1));
    }

    [Fact]
    public void Regression_AWeightCloseToOne_MovesDownWithoutLosingPrecision()
    {
        // A weighs 1 and B 1e-10, so A's normalised weight is 1 − 1e-10. Max normalisation: rA = a / 0.7, rB = b.
        // Moving A to t, W = (0.1, 1) passes Y = (0.3, 0.6) where t · (0.1 − 0.3) / 0.7 + (1 − t) · 0.4 = 0, at
        // t = 0.4 / (0.4 + 0.2 / 0.7) = 7 / 12; X = (0.7, 0.2) loses first place to W at t = 14 / 29. Both are exactly
        // the ends that moving B up gives (1 − 5 / 12 and 1 − 15 / 29). Extrapolating the lines from the current scores
        // down to t = 0 multiplied their rounding by w / (1 − w) = 1e10 and put the ends about 5e-8 and 2.5e-7 too low,
        // inside the range where W already leads.
        var set = new CandidateSet([C("X", 0.7, 0.2), C("Y", 0.3, 0.6), C("Z", 0.5, 0.4), C("W", 0.1, 1)]);
        var method = RankingMethod.WeightedSum([Criterion.Benefit("A", 1), Criterion.Benefit("B", 1e-10)], SawNormalisation.Max);

        var result = WeightSensitivity.Analyse(set, method);

        Assert.Equal(["X", "Z", "Y", "W"], result.Ranking.Ids.ToArray());
        var a = result["A"];
        Assert.Equal(7.0 / 12, a.Ranking.Low, 1e-14);
        Assert.Equal(("Y", "W"), (a.Ranking.Lower?.AheadId, a.Ranking.Lower?.BehindId));
        Assert.Equal(14.0 / 29, a.TopCandidate.Low, 1e-14);
        Assert.Equal(1 - result["B"].Ranking.High, a.Ranking.Low, 1e-14);
        Assert.Equal(1 - result["B"].TopCandidate.High, a.TopCandidate.Low, 1e-14);
    }

    [Fact]
    public void Regression_TheScoreToleranceAtWeightZero_IsOnTheScores()
    {
        // Max normalisation, A weighs 3 and B 1 (A's normalised weight 0.75): X = (1, 1 − 3e-12), Y = (0.5, 1). At A = 0
        // the scores are the B values, so Y leads X by 3e-12, three times the 1e-12 tolerance. The lines' gap at 0 was
        // measured as (gap + w · dr), which is the score difference times 1 − w = 0.25, so the pair was taken to tie at
        // 0, the id kept X first, and 0 was reported as inside the interval.
        var set = new CandidateSet([C("X", 1, 1 - 3e-12), C("Y", 0.5, 1)]);
        var method = RankingMethod.WeightedSum([Criterion.Benefit("A", 3), Criterion.Benefit("B", 1)], SawNormalisation.Max);

        var a = WeightSensitivity.Analyse(set, method)["A"].Ranking;

        Assert.Equal(["Y", "X"], Prioritiser.Rank(set, WeightSensitivity.Reweight(method, "A", 0)).Ids.ToArray());
        Assert.False(a.Contains(0), a.ToString());
        Assert.Equal(("X", "Y"), (a.Lower?.AheadId, a.Lower?.BehindId));
        Assert.True(a.Low is > 0 and < 1e-10, a.ToString());
    }
    // accept exactly those differences (scores within RoundingTie), and nothing else.
    [Fact]
    public void InsideTheRankingInterval_PrioritiserGivesTheSameOrder() => InsideRanking(coarse: false);

    [Fact]
    public void InsideTheRankingInterval_PrioritiserGivesTheSameOrder_Coarse() => InsideRanking(coarse: true);

    [Fact]
    public void InsideTheTopInterval_TheTopCandidateStaysFirst() => InsideTop(coarse: false);

    [Fact]
    public void InsideTheTopInterval_TheTopCandidateStaysFirst_Coarse() => InsideTop(coarse: true);

    [Fact]
    public void JustBeyondAnEnd_TheNamedPairIsSwapped() => BeyondEnds(coarse: false);

    [Fact]
    public void JustBeyondAnEnd_TheNamedPairIsSwapped_Coarse() => BeyondEnds(coarse: true);

    [Fact]
    public void RankInterval_InsideIt_TheRankStays() => InsideRankInterval(coarse: false);

    [Fact]
    public void RankInterval_InsideIt_TheRankStays_Coarse() => InsideRankInterval(coarse: true);

    [Fact]
    public void TheTopInterval_ContainsTheRankingInterval()
    {
        foreach (var coarse in new[] { false, true })
        {
            PropertyCheck.Run(Prop.ForAll(WeightSensitivityArbitraries.Cases(coarse: coarse), c =>
            {
                var result = WeightSensitivity.Analyse(c.Set, c.Method, c.Options);
                foreach (var k in result.Criteria)
                {
                    Assert.True(k.TopCandidate.Low < k.Ranking.Low || (k.TopCandidate.Low == k.Ranking.Low && (k.TopCandidate.IncludesLow || !k.Ranking.IncludesLow)), k.ToString());
                    Assert.True(k.TopCandidate.High > k.Ranking.High || (k.TopCandidate.High == k.Ranking.High && (k.TopCandidate.IncludesHigh || !k.Ranking.IncludesHigh)), k.ToString());
                    Assert.True(0 <= k.TopCandidate.Low && k.TopCandidate.High <= 1, k.ToString());
                    Assert.True(k.Ranking.Contains(k.Weight) && k.TopCandidate.Contains(k.Weight), k.ToString());
                    Assert.Equal(k.Ranking.Lower?.Weight ?? (k.CanMove ? 0 : 1), k.Ranking.Low);
                    Assert.Equal(k.Ranking.Upper?.Weight ?? 1, k.Ranking.High);
                }
            }), maxTest: 500);
        }
    }

    [Fact]
    public void Results_DoNotDependOnTheInputOrder()
    {
        foreach (var coarse in new[] { false, true })
        {
            PropertyCheck.Run(Prop.ForAll(WeightSensitivityArbitraries.Cases(coarse: coarse), c =>
            {
                var a = WeightSensitivity.Analyse(c.Set, c.Method, c.Options);
                var b = WeightSensitivity.Analyse(c.ShuffledSet, c.Method, c.Options);
                Assert.Equal(a.Ranking.Ids.ToArray(), b.Ranking.Ids.ToArray());
                for (var j = 0; j < a.Criteria.Length; j++)
                {
                    Assert.Equal(Describe(a.Criteria[j].Ranking), Describe(b.Criteria[j].Ranking));
                    Assert.Equal(Describe(a.Criteria[j].TopCandidate), Describe(b.Criteria[j].TopCandidate));
                    var last = a.Ranking[a.Ranking.Count - 1].Id;
                    Assert.Equal(Describe(a.RankInterval(a.Criteria[j].Name, last)), Describe(b.RankInterval(a.Criteria[j].Name, last)));
                }
            }), maxTest: 500);
        }
    }

    [Fact]
    public void AnIntervalThatReachesABound_KeepsTheRankingAtThatBound()
    {
        // Near ties (values nudged by 1e-11 or 1e-9) put crossings within 1e-10 of weight 0 or 1. Wherever an interval
        // claims a bound, Prioritiser at that bound must give the current order, except for pairs whose scores there are
        // within rounding: the analysis takes scores within 1e-12 at weight 0 as tied (measured on its own lines, so
        // Prioritiser's scores may differ by a little more), and scores at weight 1 are compared exactly.
        var claims = 0;
        PropertyCheck.Run(Prop.ForAll(WeightSensitivityArbitraries.NearTies(), c =>
        {
            var result = WeightSensitivity.Analyse(c.Set, c.Method, c.Options);
            var current = result.Ranking.Ids;
            foreach (var criterion in result.Criteria.Where(k => k.CanMove))
            {
                foreach (var bound in new[] { 0.0, 1.0 }.Where(b => b != criterion.Weight))
                {
                    var moved = Prioritiser.Rank(c.Set, WeightSensitivity.Reweight(c.Method, criterion.Name, bound), c.Options);
                    if (criterion.Ranking.Contains(bound))
                    {
                        claims++;
                        Assert.True(Reversed(current, moved).All(p => Math.Abs(p.ScoreA - p.ScoreB) <= 2 * RoundingTie),
                            $"{criterion} at {bound}: {string.Join(",", moved.Ids)} vs {string.Join(",", current)}");
                    }

                    if (criterion.TopCandidate.Contains(bound))
                    {
                        Assert.True(moved[0].Id == result.TopId || moved[0].Score - moved.Find(result.TopId)!.Score <= 2 * RoundingTie,
                            $"{criterion} at {bound}: {moved[0].Id} first, not {result.TopId}");
                    }
                }
            }
        }), maxTest: 600);
        Assert.True(claims > 100, claims.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Scores closer than this are taken as equal in exact arithmetic (scores lie in [0, 1]; rounding is near 1e-16).</summary>
    private const double RoundingTie = 1e-12;

    private static void InsideRanking(bool coarse, [CallerMemberName] string name = "")
    {
        PropertyCheck.Run(Prop.ForAll(WeightSensitivityArbitraries.Cases(coarse: coarse), c =>
        {
            var set = c.Set;
            var result = WeightSensitivity.Analyse(set, c.Method, c.Options);
            var current = result.Ranking.Ids;
            Assert.Equal(Prioritiser.Rank(set, c.Method, c.Options).Ids.ToArray(), current.ToArray());
            foreach (var criterion in result.Criteria.Where(k => k.CanMove))
            {
                Assert.True(criterion.Ranking.Contains(criterion.Weight), criterion.ToString());
                foreach (var t in Inside(criterion.Ranking, c.Positions))
                {
                    var moved = Prioritiser.Rank(set, WeightSensitivity.Reweight(c.Method, criterion.Name, t), c.Options);
                    var reversed = Reversed(current, moved).ToList();
                    Assert.True(reversed.Count == 0 || (coarse && reversed.All(p => Math.Abs(p.ScoreA - p.ScoreB) <= RoundingTie)),
                        $"{criterion} at {t}: {string.Join(",", moved.Ids)} vs {string.Join(",", current)}");
                }
            }
        }), maxTest: coarse ? 300 : 400, name: name);
    }

    private static void InsideTop(bool coarse, [CallerMemberName] string name = "")
    {
        PropertyCheck.Run(Prop.ForAll(WeightSensitivityArbitraries.Cases(coarse: coarse), c =>
        {
            var set = c.Set;
            var result = WeightSensitivity.Analyse(set, c.Method, c.Options);
            foreach (var criterion in result.Criteria.Where(k => k.CanMove))
            {
                foreach (var t in Inside(criterion.TopCandidate, c.Positions))
                {
                    var moved = Prioritiser.Rank(set, WeightSensitivity.Reweight(c.Method, criterion.Name, t), c.Options);
                    Assert.True(moved[0].Id == result.TopId || (coarse && moved[0].Score - moved.Find(result.TopId)!.Score <= RoundingTie),
                        $"{criterion} at {t}: {moved[0].Id} first, not {result.TopId}");
                }
            }
        }), maxTest: coarse ? 300 : 400, name: name);
    }

    private static void BeyondEnds(bool coarse, [CallerMemberName] string name = "")
    {
        var checkedSwaps = 0;
        var checkedTakeovers = 0;
        PropertyCheck.Run(Prop.ForAll(WeightSensitivityArbitraries.Cases(minCandidates: 2, coarse: coarse), c =>
        {
            var set = c.Set;
            var result = WeightSensitivity.Analyse(set, c.Method, c.Options);
            var current = result.Ranking.Ids;
            foreach (var criterion in result.Criteria.Where(k => k.CanMove))
            {
                foreach (var (swap, t) in Beyond(criterion.Ranking))
                {
                    var moved = Prioritiser.Rank(set, WeightSensitivity.Reweight(c.Method, criterion.Name, t), c.Options);
                    Assert.False(current.SequenceEqual(moved.Ids), $"{criterion} at {t}: order unchanged");
                    Assert.True(moved.RankOf(swap.BehindId) < moved.RankOf(swap.AheadId), $"{criterion} at {t}: {swap} not swapped");
                    checkedSwaps++;
                }

                foreach (var (swap, t) in Beyond(criterion.TopCandidate))
                {
                    var moved = Prioritiser.Rank(set, WeightSensitivity.Reweight(c.Method, criterion.Name, t), c.Options);
                    Assert.Equal(result.TopId, swap.AheadId);
                    Assert.True(moved[0].Id == swap.BehindId || (coarse && moved[0].Score - moved.Find(swap.BehindId)!.Score <= RoundingTie),
                        $"{criterion} at {t}: {moved[0].Id} first, expected {swap.BehindId}");
                    checkedTakeovers++;
                }
            }
        }), maxTest: coarse ? 300 : 400, name: name);

        // The generator must reach ends inside (0, 1): most cases with two or more candidates have some.
        Assert.True(checkedSwaps > 300 && checkedTakeovers > 150, $"{checkedSwaps} swaps, {checkedTakeovers} take-overs checked");
    }

    private static void InsideRankInterval(bool coarse, [CallerMemberName] string name = "")
    {
        PropertyCheck.Run(Prop.ForAll(WeightSensitivityArbitraries.Cases(minCandidates: 2, coarse: coarse), c =>
        {
            var set = c.Set;
            var result = WeightSensitivity.Analyse(set, c.Method, c.Options);
            var id = result.Ranking[result.Ranking.Count / 2].Id;
            var ahead = result.Ranking.Ids.TakeWhile(i => i != id).ToHashSet();
            foreach (var criterion in result.Criteria.Where(k => k.CanMove))
            {
                var interval = result.RankInterval(criterion.Name, id);
                Assert.True(interval.Contains(criterion.Weight), $"{criterion}: {id} {interval} {interval.Lower} {interval.Upper}");
                Assert.True(interval.Low <= criterion.Ranking.Low && interval.High >= criterion.Ranking.High, $"{criterion}: {interval}");
                foreach (var t in Inside(interval, c.Positions))
                {
                    var moved = Prioritiser.Rank(set, WeightSensitivity.Reweight(c.Method, criterion.Name, t), c.Options);
                    var movedAhead = moved.Ids.TakeWhile(i => i != id).ToHashSet();
                    var changed = ahead.Except(movedAhead).Concat(movedAhead.Except(ahead)).ToList();
                    Assert.True(changed.Count == 0 || (coarse && changed.All(o => Math.Abs(moved.Find(o)!.Score - moved.Find(id)!.Score) <= RoundingTie)),
                        $"{criterion} at {t}: {id} passed by or passing {string.Join(",", changed)}");
                }
            }
        }), maxTest: coarse ? 200 : 300, name: name);
    }

    /// <summary>The pairs that the moved ranking orders against the current order, with their moved scores.</summary>
    private static IEnumerable<(double ScoreA, double ScoreB)> Reversed(System.Collections.Immutable.ImmutableArray<string> current, Ranking moved)
    {
        var position = current.Select((id, p) => (id, p)).ToDictionary(x => x.id, x => x.p, StringComparer.Ordinal);
        for (var i = 0; i < moved.Count; i++)
        {
            for (var j = i + 1; j < moved.Count; j++)
            {
                if (position[moved[i].Id] > position[moved[j].Id])
                {
                    yield return (moved[i].Score, moved[j].Score);
                }
            }
        }
    }

    /// <summary>Weights strictly inside an interval, at least <see cref="Margin"/> from both ends.</summary>
    private static IEnumerable<double> Inside(WeightInterval interval, double[] positions)
    {
        var low = interval.Low + Margin;
        var high = interval.High - Margin;
        return high > low ? positions.Select(p => low + ((high - low) * p)).Append(low).Append(high) : [];
    }

    /// <summary>The weights just beyond each end that names a swap (the margin outside it), within [0, 1].</summary>
    private static IEnumerable<(WeightSwap Swap, double Weight)> Beyond(WeightInterval interval)
    {
        if (interval.Lower is { } lower && lower.Weight - Margin >= 0)
        {
            yield return (lower, lower.Weight - Margin);
        }

        if (interval.Upper is { } upper && upper.Weight + Margin <= 1)
        {
            yield return (upper, upper.Weight + Margin);
        }
    }

    private static string Describe(WeightInterval i) =>
        FormattableString.Invariant($"{i} {i.Lower?.AheadId}/{i.Lower?.BehindId}@{i.Lower?.Weight} {i.Upper?.AheadId}/{i.Upper?.BehindId}@{i.Upper?.Weight}");

    private static void AssertInterval(WeightInterval interval, double low, bool includesLow, (string Ahead, string Behind)? lower, double high, bool includesHigh, (string Ahead, string Behind)? upper)
    {
        Assert.Equal(low, interval.Low);
        Assert.Equal(high, interval.High);
        Assert.Equal(includesLow, interval.IncludesLow);
        Assert.Equal(includesHigh, interval.IncludesHigh);
        Assert.Equal(lower, interval.Lower is null ? null : (interval.Lower.AheadId, interval.Lower.BehindId));
        Assert.Equal(upper, interval.Upper is null ? null : (interval.Upper.AheadId, interval.Upper.BehindId));
        if (interval.Lower is not null)
        {
            Assert.Equal(low, interval.Lower.Weight);
        }

        if (interval.Upper is not null)
        {
            Assert.Equal(high, interval.Upper.Weight);
        }
    }
}
