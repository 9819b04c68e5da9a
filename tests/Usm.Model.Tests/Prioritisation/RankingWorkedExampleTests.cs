using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Each ranking method against a published worked example (or, where none exists, the definition worked by hand).</summary>
public class RankingWorkedExampleTests
{
    internal static Candidate C(string id, double effort = 0, CandidatePolarity polarity = CandidatePolarity.Opportunity, params (string Name, double Value)[] values) =>
        new(id, values.Select(v => KeyValuePair.Create(v.Name, v.Value)), effort, polarity);

    [Fact]
    public void Rice_MatchesPublishedExamples()
    {
        // Onboarding (5000, 2, 80 %, 2) = 4000; enterprise feature (10, 3, 100 %, 6) = 5; critical bug (10000, 3, 100 %, 0.5) = 60000:
        // "What is RICE Score?", HashBuilds patterns, https://www.hashbuilds.com/patterns/what-is-rice-score (Intercom's formula).
        // Feature A (2000, 2, 80 %, 4) = 800: timeclick-software/awesome-time-tracking, details/rice-framework.md.
        var set = new CandidateSet(
        [
            C("onboarding", 2, values: [("reach", 5000), ("impact", 2), ("confidence", 0.8)]),
            C("enterprise", 6, values: [("reach", 10), ("impact", 3), ("confidence", 1.0)]),
            C("bug", 0.5, values: [("reach", 10000), ("impact", 3), ("confidence", 1.0)]),
            C("feature-a", 4, values: [("reach", 2000), ("impact", 2), ("confidence", 0.8)]),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.Rice("reach", "impact", "confidence"));

        Assert.Equal(["bug", "onboarding", "feature-a", "enterprise"], ranking.Ids.ToArray());
        Assert.Equal([60000, 4000, 800, 5], ranking.Items.Select(i => Math.Round(i.Score, 9)));
        Assert.Equal("RICE", ranking.MethodName);
        Assert.Contains("reach 5000 × impact 2 × confidence 0.8 / effort 2", ranking.Find("onboarding")!.Explanation.Summary, StringComparison.Ordinal);
        Assert.Equal(4, ranking.Find("onboarding")!.Explanation.Contributions.Length);
    }

    [Fact]
    public void WeightedSum_Vector_EqualsMooraRatioPlusCostWeights()
    {
        // MOORA ratio system, Siregar et al. (2021), "Decision support system for selection technique using MOORA method",
        // IOP Conf. Ser.: Mater. Sci. Eng. 1088 012022, as reproduced in pymcdm's test suite (kotbaton/pymcdm, TestMOORA):
        // scores 0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197 (criterion 1 a cost, weights 0.3, 0.2, 0.1, 0.4).
        // SAW with vector normalisation uses 1 − x/‖x‖ for a cost, so its score is MOORA's plus the cost weight 0.3.
        double[][] matrix =
        [
            [1.5, 3, 5, 3.3], [2, 7, 5, 3.35], [3, 1, 5, 3.07], [2.2, 4, 5, 3.5], [2, 5, 3, 3.09], [3.2, 2, 3, 3.48], [2.775, 3, 5, 3.27],
        ];
        double[] moora = [0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197];
        var set = new CandidateSet(matrix.Select((row, i) => C("A" + (i + 1), values: [("c1", row[0]), ("c2", row[1]), ("c3", row[2]), ("c4", row[3])])));
        var method = RankingMethod.WeightedSum([Criterion.Cost("c1", 0.3), Criterion.Benefit("c2", 0.2), Criterion.Benefit("c3", 0.1), Criterion.Benefit("c4", 0.4)], SawNormalisation.Vector);

        var ranking = Prioritiser.Rank(set, method);

        for (var i = 0; i < matrix.Length; i++)
        {
            Assert.Equal(moora[i] + 0.3, ranking.Find("A" + (i + 1))!.Score, 4);
        }

        Assert.Equal(["A2", "A1", "A4", "A5", "A7", "A6", "A3"], ranking.Ids.ToArray());
    }

    [Fact]
    public void WeightedSum_MaxAndMinMax_WorkedByHand()
    {
        // Definition (Hwang and Yoon 1981; methods.md §3): benefit x/max, cost min/x; min-max (x − min)/range.
        // value (benefit, weight 3): 10, 6, 8; cost (cost, weight 1): 4, 2, 8.
        var set = new CandidateSet(
        [
            C("a", values: [("value", 10), ("cost", 4)]),
            C("b", values: [("value", 6), ("cost", 2)]),
            C("c", values: [("value", 8), ("cost", 8)]),
        ]);
        var criteria = new[] { Criterion.Benefit("value", 3), Criterion.Cost("cost", 1) };

        var max = Prioritiser.Rank(set, RankingMethod.WeightedSum(criteria, SawNormalisation.Max));
        // a: 0.75·1 + 0.25·0.5 = 0.875; b: 0.75·0.6 + 0.25·1 = 0.7; c: 0.75·0.8 + 0.25·0.25 = 0.6625
        Assert.Equal(["a", "b", "c"], max.Ids.ToArray());
        Assert.Equal(0.875, max[0].Score, 12);
        Assert.Equal(0.7, max[1].Score, 12);
        Assert.Equal(0.6625, max[2].Score, 12);
        Assert.Contains("min 2 / x", max.Find("a")!.Explanation.Contributions[1].Text, StringComparison.Ordinal);

        var minMax = Prioritiser.Rank(set, RankingMethod.WeightedSum(criteria, SawNormalisation.MinMax));
        // a: 0.75·1 + 0.25·(8−4)/6 = 0.9167; b: 0 + 0.25·1 = 0.25; c: 0.75·0.5 + 0 = 0.375
        Assert.Equal(["a", "c", "b"], minMax.Ids.ToArray());
        Assert.Equal(0.75 + (0.25 * 4 / 6), minMax[0].Score, 12);
        Assert.Equal(0.375, minMax[1].Score, 12);
        Assert.Equal(0.25, minMax[2].Score, 12);
    }

    [Fact]
    public void Topsis_MinMax_MatchesOpricovicTzeng()
    {
        // Opricovic, S. and Tzeng, G.-H. (2004), "Compromise solution by MCDM methods: a comparative analysis of VIKOR and
        // TOPSIS", EJOR 156(2) 445-455, as reproduced in pymcdm's test suite (TestTOPSIS, min-max normalisation):
        // f1 (cost) 1, 2, 5; f2 (benefit) 3000, 3750, 4500; weights 0.5, 0.5 → closeness 0.500, 0.617, 0.500.
        var set = new CandidateSet(
        [
            C("A1", values: [("f1", 1), ("f2", 3000)]),
            C("A2", values: [("f1", 2), ("f2", 3750)]),
            C("A3", values: [("f1", 5), ("f2", 4500)]),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.Topsis([Criterion.Cost("f1", 0.5), Criterion.Benefit("f2", 0.5)], SawNormalisation.MinMax));

        Assert.Equal(0.500, ranking.Find("A1")!.Score, 3);
        Assert.Equal(0.617, ranking.Find("A2")!.Score, 3);
        Assert.Equal(0.500, ranking.Find("A3")!.Score, 3);
        Assert.Equal(["A2", "A1", "A3"], ranking.Ids.ToArray()); // A1 and A3 tie exactly; ordinal id breaks the tie
    }

    [Fact]
    public void Topsis_Vector_MatchesSennarogluWeightedMatrix()
    {
        // B. Sennaroğlu, "TOPSIS Example", Decision Analysis lecture notes, Fall 2009 (after Yoon and Hwang 1995):
        // x = (17, 12), (10, 9), (8, 6); weights 0.714, 0.286; weighted normalised matrix
        // V = (0.5703, 0.2124), (0.3355, 0.1593), (0.2684, 0.1062).
        var set = new CandidateSet(
        [
            C("A1", values: [("p", 17), ("l", 12)]),
            C("A2", values: [("p", 10), ("l", 9)]),
            C("A3", values: [("p", 8), ("l", 6)]),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.Topsis([Criterion.Benefit("p", 0.714), Criterion.Benefit("l", 0.286)]));
        double[][] v = [[0.5703, 0.2124], [0.3355, 0.1593], [0.2684, 0.1062]];
        for (var i = 0; i < 3; i++)
        {
            var contributions = ranking.Find("A" + (i + 1))!.Explanation.Contributions;
            Assert.Equal(v[i][0], contributions[0].Contribution, 4);
            Assert.Equal(v[i][1], contributions[1].Contribution, 4);
        }

        // A1 is best on both criteria (the ideal point) and A3 worst on both (the anti-ideal point).
        Assert.Equal(["A1", "A2", "A3"], ranking.Ids.ToArray());
        Assert.Equal(1.0, ranking[0].Score, 12);
        Assert.Equal(0.0, ranking[2].Score, 12);
        Assert.Contains("D⁻ / (D⁺ + D⁻)", ranking[1].Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Wsjf_SumsCostOfDelayComponents()
    {
        // SAFe-style cost of delay: user-business value 1 + time criticality 3 + RR|OE 5 = 9
        // (J. Yip, "Problems I have with SAFe-style WSJF", 2024, https://jchyip.medium.com/problems-i-have-with-safe-style-wsjf-772df2beaf02).
        // Job sizes 3 and 8 are ours: WSJF 3 and (8 + 8 + 1)/8 = 2.125.
        var set = new CandidateSet(
        [
            C("small", values: [("ubv", 1), ("tc", 3), ("rroe", 5), ("size", 3)]),
            C("big", values: [("ubv", 8), ("tc", 8), ("rroe", 1), ("size", 8)]),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.Wsjf(["ubv", "tc", "rroe"], "size"));

        Assert.Equal(["small", "big"], ranking.Ids.ToArray());
        Assert.Equal(3, ranking[0].Score, 12);
        Assert.Equal(2.125, ranking[1].Score, 12);
        Assert.Equal("WSJF 3 = cost of delay 9 / job size 3.", ranking[0].Explanation.Summary);
    }

    [Fact]
    public void Cd3_DividesCostOfDelayByDuration_EffortAsDefault()
    {
        // Reinertsen's example rate: a cost of delay of $200k per month (quoted in Yip 2024, above); durations ours.
        var set = new CandidateSet(
        [
            C("long", 4, values: [("cod", 200_000)]),
            C("short", 1, values: [("cod", 60_000)]),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.Cd3("cod"));
        Assert.Equal(["short", "long"], ranking.Ids.ToArray());
        Assert.Equal(60_000, ranking[0].Score);
        Assert.Equal(50_000, ranking[1].Score);
    }

    [Fact]
    public void Ice_TheTwoConventionsCanDisagree()
    {
        // Definition (methods.md §3): average (I + C + E)/3 or product I·C·E. (9, 9, 1): 6.33 vs 81; (5, 5, 5): 5 vs 125.
        var set = new CandidateSet(
        [
            C("spiky", values: [("i", 9), ("c", 9), ("e", 1)]),
            C("even", values: [("i", 5), ("c", 5), ("e", 5)]),
        ]);
        var average = Prioritiser.Rank(set, RankingMethod.Ice("i", "c", "e", IceConvention.Average));
        var product = Prioritiser.Rank(set, RankingMethod.Ice("i", "c", "e", IceConvention.Product));

        Assert.Equal(["spiky", "even"], average.Ids.ToArray());
        Assert.Equal(19.0 / 3, average[0].Score, 12);
        Assert.Equal(["even", "spiky"], product.Ids.ToArray());
        Assert.Equal(125, product[0].Score);
        Assert.Equal("ICE (average)", average.MethodName);
        Assert.Equal("ICE (product)", product.MethodName);
    }

    [Fact]
    public void ExpectedValue_ThreatsByAvoidedLossOpportunitiesByGain()
    {
        // PMBOK's EMV definition (PMI, PMBOK Guide 6th ed., 11.4.2.5): EMV = p × v, v < 0 for threats. Numbers ours:
        // threat 30 % × −10,000 = −3,000; opportunity 20 % × 5,000 = +1,000; threat given as signed −4,000 at 50 % = −2,000.
        var set = new CandidateSet(
        [
            C("outage", polarity: CandidatePolarity.Threat, values: [("p", 0.3), ("v", 10_000)]),
            C("automation", polarity: CandidatePolarity.Opportunity, values: [("p", 0.2), ("v", 5_000)]),
            C("licence", polarity: CandidatePolarity.Threat, values: [("p", 0.5), ("v", -4_000)]),
        ]);
        var method = RankingMethod.ExpectedValue("p", "v");
        var ranking = Prioritiser.Rank(set, method);

        Assert.Equal(["outage", "licence", "automation"], ranking.Ids.ToArray());
        Assert.Equal(3000, ranking[0].Score, 9);
        Assert.Equal([-3000, 1000, -2000], method.SignedValues(set).Select(v => Math.Round(v, 9)));
        Assert.Equal(-4000, method.Exposure(set), 9);
        Assert.Contains("avoids an expected loss of 3000", ranking[0].Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RiskMatrix_ClassFirstThenWithinClassScore()
    {
        // USM classifies risks by effect and likelihood into a risk matrix (domain.md §4, FACT); the 5 × 5 bands are ours.
        var set = new CandidateSet(
        [
            C("d", values: [("effect", 1), ("likelihood", 1), ("emv", 900)]),
            C("c", values: [("effect", 2), ("likelihood", 5), ("emv", 10)]),
            C("b", values: [("effect", 4), ("likelihood", 4), ("emv", 5)]),
            C("a", values: [("effect", 5), ("likelihood", 4), ("emv", 1)]),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.RiskMatrix("effect", "likelihood"));
        Assert.Equal(["a", "b", "c", "d"], ranking.Ids.ToArray());
        Assert.Equal([4, 3, 3, 1], ranking.Items.Select(i => i.Class!.Value));
        Assert.Equal(16, ranking[1].Score);
        Assert.StartsWith("Risk class 4 of 4", ranking[0].Explanation.Summary, StringComparison.Ordinal);

        // Within class 3, a caller-chosen criterion orders b and c; it never overrides the class.
        var byEmv = Prioritiser.Rank(set, RankingMethod.RiskMatrix("effect", "likelihood", RiskMatrixMethod.StandardFiveByFive, "emv"));
        Assert.Equal(["a", "c", "b", "d"], byEmv.Ids.ToArray());
    }

    [Fact]
    public void RiskMatrix_RejectsNonMonotoneTablesAndBadLevels()
    {
        var ex = Assert.Throws<ArgumentException>(() => RankingMethod.RiskMatrix("e", "l", [[1, 2], [2, 1]]));
        Assert.Contains("not monotone", ex.Message, StringComparison.Ordinal);
        var set = new CandidateSet([C("x", values: [("e", 3), ("l", 1)])]);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.RiskMatrix("e", "l", [[1, 2], [2, 3]])));
        Assert.Contains("'x'", bad.Message, StringComparison.Ordinal);
        Assert.Contains("e = 3", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RankCorrelation_MatchesScipyDocumentation()
    {
        // SciPy reference, scipy.stats.kendalltau: x = [12, 2, 1, 12, 2], y = [1, 4, 7, 1, 0] → τ-b = −0.47140452079103173.
        Assert.Equal(-0.47140452079103173, RankCorrelation.KendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]), 12);
        // SciPy reference, scipy.stats.spearmanr: [1, 2, 3, 4, 5] vs [5, 6, 7, 8, 7] → ρ = 0.8207826816681233.
        Assert.Equal(0.8207826816681233, RankCorrelation.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 12);
    }
}
