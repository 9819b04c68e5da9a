using Usm.Model.Prioritisation;
using static Usm.Model.Tests.Prioritisation.RankingWorkedExampleTests;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Validation (issue 5): clear exceptions naming the item and criterion; no input is mutated. Plus rank-reversal probes.</summary>
public class RankingValidationTests
{
    [Fact]
    public void NonFiniteValues_AreRejectedNamingItemAndCriterion()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => C("r1", values: [("reach", double.NaN)]));
        Assert.Contains("'r1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'reach'", ex.Message, StringComparison.Ordinal);

        var columns = Assert.Throws<ArgumentOutOfRangeException>(() => CandidateSet.FromColumns(["a", "b"], [KeyValuePair.Create("impact", (IReadOnlyList<double>)[1, double.PositiveInfinity])]));
        Assert.Contains("'b'", columns.Message, StringComparison.Ordinal);
        Assert.Contains("'impact'", columns.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedScores_AreRejectedNamingTheCandidate()
    {
        // Found by review: finite values can still score NaN (1e200 · 1e200 overflows to ∞, times a zero confidence or
        // ease). A NaN compares with nothing, so the order depended on the input's order and Top(k) differed from Rank.
        var rice = CandidateSet.FromColumns(
            ["c", "a", "d", "b"],
            [KeyValuePair.Create("reach", (IReadOnlyList<double>)[5, 1e200, 1, 1e200]),
             KeyValuePair.Create("impact", (IReadOnlyList<double>)[1, 1e200, 1, 1e200]),
             KeyValuePair.Create("confidence", (IReadOnlyList<double>)[1, 0, 1, 0])],
            [1, 1, 1, 1]);
        var method = RankingMethod.Rice("reach", "impact", "confidence");
        var full = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(rice, method));
        var top = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Top(rice, method, 2));
        Assert.Contains("'a'", full.Message, StringComparison.Ordinal);
        Assert.Equal(full.Message, top.Message);

        var ice = CandidateSet.FromColumns(
            ["a", "b", "c"],
            [KeyValuePair.Create("i", (IReadOnlyList<double>)[2, 1e200, 1e200]),
             KeyValuePair.Create("c", (IReadOnlyList<double>)[2, 1e200, 1e200]),
             KeyValuePair.Create("e", (IReadOnlyList<double>)[2, 0, 0])]);
        var product = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(ice, RankingMethod.Ice("i", "c", "e", IceConvention.Product)));
        Assert.Contains("'b'", product.Message, StringComparison.Ordinal);

        // An infinite score alone is still ordered (it compares with everything).
        var huge = CandidateSet.FromColumns(["x", "y"], [KeyValuePair.Create("i", (IReadOnlyList<double>)[1e200, 1]), KeyValuePair.Create("c", (IReadOnlyList<double>)[1e200, 1]), KeyValuePair.Create("e", (IReadOnlyList<double>)[1, 1])]);
        Assert.Equal(["x", "y"], Prioritiser.Rank(huge, RankingMethod.Ice("i", "c", "e", IceConvention.Product)).Ids.ToArray());
    }

    // Found by review (session 5): explanations printed four fixed decimals, so 0.00024 and 0.00015 both read 0.0002,
    // and a tiny RICE score read "RICE 0 = …".
    [Fact]
    public void ExplanationTexts_KeepTheDigitsThatDistinguishValues()
    {
        var emv = Prioritiser.Rank(new CandidateSet(
        [
            new Candidate("R-1", new Dictionary<string, double> { ["p"] = 0.00015, ["v"] = 1_000_000 }, 1, CandidatePolarity.Threat),
            new Candidate("R-2", new Dictionary<string, double> { ["p"] = 0.00024, ["v"] = 1_000_000 }, 1, CandidatePolarity.Threat),
        ]), RankingMethod.ExpectedValue("p", "v"));
        Assert.Contains("0.00015", emv.Find("R-1")!.Explanation.ToString(), StringComparison.Ordinal);
        Assert.Contains("0.00024", emv.Find("R-2")!.Explanation.ToString(), StringComparison.Ordinal);

        var rice = Prioritiser.Rank(new CandidateSet([new Candidate("x", [new("reach", 2e-5), new("impact", 3e-5), new("confidence", 0.5)], effort: 1)]), RankingMethod.Rice("reach", "impact", "confidence"));
        Assert.StartsWith("RICE 3E-10 ", rice[0].Explanation.Summary, StringComparison.Ordinal);

        var large = Prioritiser.Rank(new CandidateSet([new Candidate("y", [new("reach", 1e164), new("impact", 1), new("confidence", 1)], effort: 1)]), RankingMethod.Rice("reach", "impact", "confidence"));
        Assert.StartsWith("RICE 1E+164 ", large[0].Explanation.Summary, StringComparison.Ordinal);

        // Ordinary numbers read as before: all digits of the integer part, no trailing zeros.
        var ordinary = Prioritiser.Rank(new CandidateSet([new Candidate("z", [new("reach", 5000), new("impact", 2), new("confidence", 0.8)], effort: 2)]), RankingMethod.Rice("reach", "impact", "confidence"));
        Assert.StartsWith("RICE 4000 = reach 5000 × impact 2 × confidence 0.8 / effort 2", ordinary[0].Explanation.Summary, StringComparison.Ordinal);
    }

    // Found by review (session 5): for a threat the impact contribution's Value was −|v|, not the candidate's raw value
    // that CriterionContribution.Value documents. The signed part stays in Contribution.
    [Fact]
    public void EmvExplanation_KeepsTheRawImpact_AndSignsTheContribution()
    {
        var set = new CandidateSet(
        [
            new Candidate("magnitude", new Dictionary<string, double> { ["p"] = 0.5, ["v"] = 100 }, 1, CandidatePolarity.Threat),
            new Candidate("signed", new Dictionary<string, double> { ["p"] = 0.5, ["v"] = -100 }, 1, CandidatePolarity.Threat),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.ExpectedValue("p", "v"));

        Assert.Equal((100.0, -100.0), (ranking.Find("magnitude")!.Explanation.Contributions[1].Value, ranking.Find("magnitude")!.Explanation.Contributions[1].Contribution));
        Assert.Equal((-100.0, -100.0), (ranking.Find("signed")!.Explanation.Contributions[1].Value, ranking.Find("signed")!.Explanation.Contributions[1].Contribution));
    }

    [Fact]
    public void AnExplanation_RefusesANullContribution()
    {
        // Found by review (session 5): it was accepted, and ToString() then threw NullReferenceException.
        var line = new CriterionContribution("reach", 1, 1, "reach 1");
        var ex = Assert.Throws<ArgumentNullException>(() => new Explanation("m", "s", [line, null!]));

        Assert.Equal("contributions", ex.ParamName);
        Assert.Contains("Contribution 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("s" + Environment.NewLine + "  - reach 1", new Explanation("m", "s", [line]).ToString());
    }

    [Fact]
    public void NegativeEffort_IsRejectedNamingTheItem()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => C("x", -1, values: [("a", 1)]));
        Assert.Contains("'x'", ex.Message, StringComparison.Ordinal);
        var columns = Assert.Throws<ArgumentOutOfRangeException>(() => CandidateSet.FromColumns(["p", "q"], [], [1, -2]));
        Assert.Contains("'q'", columns.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySet_IsRejectedByEveryMethod()
    {
        foreach (var method in Generators.RankingArbitraries.Methods())
        {
            var ex = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(CandidateSet.Empty, method));
            Assert.Equal("candidates", ex.ParamName);
            Assert.Throws<ArgumentException>(() => Prioritiser.Top(CandidateSet.Empty, method, 3));
        }
    }

    [Fact]
    public void MismatchedDimensions_AreRejected()
    {
        var missing = Assert.Throws<ArgumentException>(() => new CandidateSet([C("a", values: [("x", 1), ("y", 2)]), C("b", values: [("x", 1)])]));
        Assert.Contains("'b' lacks criterion 'y'", missing.Message, StringComparison.Ordinal);
        var extra = Assert.Throws<ArgumentException>(() => new CandidateSet([C("a", values: [("x", 1)]), C("b", values: [("x", 1), ("z", 2)])]));
        Assert.Contains("'z'", extra.Message, StringComparison.Ordinal);
        var length = Assert.Throws<ArgumentException>(() => CandidateSet.FromColumns(["a", "b"], [KeyValuePair.Create("x", (IReadOnlyList<double>)[1])]));
        Assert.Contains("'x' has 1 values but there are 2 ids", length.Message, StringComparison.Ordinal);
        var duplicate = Assert.Throws<ArgumentException>(() => new CandidateSet([C("a", values: [("x", 1)]), C("a", values: [("x", 2)])]));
        Assert.Contains("'a'", duplicate.Message, StringComparison.Ordinal);

        var set = new CandidateSet([C("a", values: [("x", 1)])]);
        var method = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(set, RankingMethod.Cd3("cod")));
        Assert.Contains("CD3 needs criterion 'cod'", method.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Prioritiser.Rank(set, RankingMethod.Cd3("x"), new RankingOptions(TieBreaker.ByCriterion("nope"))));
    }

    [Theory]
    [InlineData("rice-confidence", "confidence = 80")]
    [InlineData("rice-effort", "effort = 0")]
    [InlineData("wsjf-size", "size = 0")]
    [InlineData("emv-probability", "p = 1.5")]
    [InlineData("saw-cost-zero", "b = 0")]
    public void MethodSpecificRanges_AreRejectedNamingItemAndCriterion(string scenario, string expected)
    {
        var (set, method) = scenario switch
        {
            "rice-confidence" => (new CandidateSet([C("bad", 1, values: [("r", 1), ("i", 1), ("confidence", 80)])]), (RankingMethod)RankingMethod.Rice("r", "i", "confidence")),
            "rice-effort" => (new CandidateSet([C("bad", 0, values: [("r", 1), ("i", 1), ("c", 0.5)])]), RankingMethod.Rice("r", "i", "c")),
            "wsjf-size" => (new CandidateSet([C("bad", values: [("v", 3), ("size", 0)])]), RankingMethod.Wsjf(["v"], "size")),
            "emv-probability" => (new CandidateSet([C("bad", values: [("p", 1.5), ("v", 10)])]), RankingMethod.ExpectedValue("p", "v")),
            _ => (new CandidateSet([C("ok", values: [("b", 2)]), C("bad", values: [("b", 0)])]), RankingMethod.WeightedSum([Criterion.Cost("b", 1)], SawNormalisation.Max)),
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, method));
        Assert.Contains("'bad'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_AreCopied_AndNeverMutated()
    {
        double[] reach = [10, 20, 30];
        double[] effort = [1, 2, 3];
        var set = CandidateSet.FromColumns(["a", "b", "c"], [KeyValuePair.Create("reach", (IReadOnlyList<double>)reach)], effort);
        reach[0] = 1000;
        effort[0] = 99;
        Assert.Equal(10, set.Column("reach")[0]);
        Assert.Equal(1, set.Efforts[0]);

        var before = set.Candidates.ToArray();
        _ = Prioritiser.Rank(set, RankingMethod.Cd3("reach"));
        _ = Prioritiser.Top(set, RankingMethod.Cd3("reach"), 1);
        Assert.Equal(before, set.Candidates.ToArray());
        Assert.Equal([10.0, 20, 30], set.Column("reach").ToArray());
    }

    [Fact]
    public void Top_KeepsOnlyKItems_AndLooksUpOnlyThose()
    {
        var set = new CandidateSet(Enumerable.Range(0, 10).Select(i => C("i" + i, 1, values: [("cod", i)])));
        var top = Prioritiser.Top(set, RankingMethod.Cd3("cod"), 3);
        Assert.Equal(["i9", "i8", "i7"], top.Ids.ToArray());
        Assert.False(top.IsComplete);
        Assert.Null(top.Find("i0"));
        Assert.Throws<KeyNotFoundException>(() => top.RankOf("i0"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Top(set, RankingMethod.Cd3("cod"), 0));
    }

    [Fact]
    public void SecondaryKey_BreaksTiesBeforeTheId()
    {
        var set = new CandidateSet([C("a", 5, values: [("v", 1), ("u", 1)]), C("b", 2, values: [("v", 1), ("u", 3)]), C("c", 9, values: [("v", 1), ("u", 2)])]);
        var method = RankingMethod.Ice("v", "v", "v", IceConvention.Average);
        Assert.Equal(["a", "b", "c"], Prioritiser.Rank(set, method).Ids.ToArray());
        Assert.Equal(["b", "a", "c"], Prioritiser.Rank(set, method, new RankingOptions(TieBreaker.LowerEffortFirst)).Ids.ToArray());
        Assert.Equal(["b", "c", "a"], Prioritiser.Rank(set, method, new RankingOptions(TieBreaker.ByCriterion("u"))).Ids.ToArray());
        Assert.Equal(["a", "c", "b"], Prioritiser.Rank(set, method, new RankingOptions(TieBreaker.ByCriterion("u", higherFirst: false))).Ids.ToArray());
    }

    [Fact]
    public void Topsis_CanReverseRanks_AndTheProbeReportsEveryFlippedPair()
    {
        // A seeded search for a TOPSIS rank reversal under removal of one candidate (a known weakness of the method).
        var random = new Random(20261201);
        RankReversalReport? found = null;
        var method = RankingMethod.Topsis([Criterion.Benefit("x", 1), Criterion.Benefit("y", 1)]);
        for (var attempt = 0; attempt < 2000 && found is null; attempt++)
        {
            var set = new CandidateSet(Enumerable.Range(0, 4).Select(i => C("t" + i, values: [("x", random.Next(1, 10)), ("y", random.Next(1, 10))])));
            foreach (var id in set.Ids)
            {
                var report = RankReversal.ProbeRemoval(set, method, id);
                if (report.HasReversal)
                {
                    found = report;
                    break;
                }
            }
        }

        Assert.NotNull(found);
        foreach (var pair in found.FlippedPairs)
        {
            Assert.True(found.Before.RankOf(pair.RankedHigherBefore) < found.Before.RankOf(pair.RankedHigherAfter));
            Assert.True(found.After.RankOf(pair.RankedHigherBefore) > found.After.RankOf(pair.RankedHigherAfter));
        }

        // Adding the candidate back reverses the same pairs again.
        var back = RankReversal.ProbeAddition(found.After.Candidates, method, found.Before.Candidates[found.Before.Candidates.IndexOf(found.ProbeId)]);
        Assert.Equal(found.FlippedPairs.Length, back.FlippedPairs.Length);
        Assert.Contains("flipped pair", found.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RankCorrelation_OfTwoMethods_UsesTiesAndRequiresTheSameCandidates()
    {
        var set = new CandidateSet([C("a", 1, values: [("v", 3)]), C("b", 1, values: [("v", 3)]), C("c", 1, values: [("v", 1)])]);
        var cd3 = Prioritiser.Rank(set, RankingMethod.Cd3("v"));
        Assert.Equal(1, RankCorrelation.KendallTauB(cd3, cd3), 12);
        var other = Prioritiser.Rank(new CandidateSet([C("a", 1, values: [("v", 3)]), C("b", 1, values: [("v", 2)]), C("z", 1, values: [("v", 1)])]), RankingMethod.Cd3("v"));
        var ex = Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman(cd3, other));
        Assert.Contains("'c'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RankCorrelation.KendallTauB(Prioritiser.Top(set, RankingMethod.Cd3("v"), 2), cd3));
    }

    [Fact]
    public void RankCorrelation_IsNaN_WhenOneRankingTiesEveryItem()
    {
        // Every candidate scores 3: the ranking orders them by id, but for correlation they are all tied, and neither
        // ρ nor τ-b is defined (zero variance). NaN says so; a 0 would claim "no agreement".
        var flat = Prioritiser.Rank(new CandidateSet([C("a", 1, values: [("v", 3)]), C("b", 1, values: [("v", 3)]), C("c", 1, values: [("v", 3)])]), RankingMethod.Cd3("v"));
        var spread = Prioritiser.Rank(new CandidateSet([C("a", 1, values: [("v", 3)]), C("b", 1, values: [("v", 2)]), C("c", 1, values: [("v", 1)])]), RankingMethod.Cd3("v"));
        Assert.True(double.IsNaN(RankCorrelation.Spearman(flat, spread)));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB(spread, flat)));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB(flat, flat)));
        Assert.Equal(1, RankCorrelation.Spearman(spread, spread), 12);
    }
}

/// <summary>The example of docs/prioritisation.md, compiled and checked.</summary>
public class RankingDocsExampleTests
{
    [Fact]
    public void DocsExample_RanksAsTheDocsSay()
    {
        var set = new CandidateSet(
        [
            new Candidate("onboarding", [new("reach", 5000), new("impact", 2), new("confidence", 0.8)], effort: 2),
            new Candidate("bug-fix", [new("reach", 10000), new("impact", 3), new("confidence", 1.0)], effort: 0.5),
        ]);

        var ranking = Prioritiser.Rank(set, RankingMethod.Rice("reach", "impact", "confidence"));
        Assert.Equal("1. bug-fix (60000)", ranking[0].ToString());
        Assert.Equal("RICE 4000 = reach 5000 × impact 2 × confidence 0.8 / effort 2.", ranking[1].Explanation.Summary);
        var top = Prioritiser.Top(set, RankingMethod.Rice("reach", "impact", "confidence"), k: 1);
        Assert.Equal(["bug-fix"], top.Ids.ToArray());
    }
}
