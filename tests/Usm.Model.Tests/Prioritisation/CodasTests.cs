using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>CODAS: published examples, the τ switch (and where it breaks dominance), explanations, validation and its laws.</summary>
public class CodasTests
{
    private static readonly Criterion[] RobotCriteria =
    [
        Criterion.Benefit("load", 0.036), Criterion.Cost("repeatability", 0.192), Criterion.Benefit("speed", 0.326),
        Criterion.Benefit("memory", 0.326), Criterion.Benefit("reach", 0.12),
    ];

    private static CandidateSet Robots() => WeightedProductTests.Matrix(
        [[60, 0.4, 2540, 500, 990], [6.35, 0.15, 1016, 3000, 1041], [6.8, 0.1, 1727.2, 1500, 1676], [10, 0.2, 1000, 2000, 965],
         [2.5, 0.1, 560, 500, 915], [4.5, 0.08, 1016, 350, 508], [3, 0.1, 1778, 1000, 920]],
        "load", "repeatability", "speed", "memory", "reach");

    [Fact]
    public void KeshavarzGhorabaeeRobotExample()
    {
        // Keshavarz Ghorabaee, Zavadskas, Turskis and Antucheviciene, "A new combinative distance-based assessment (CODAS)
        // method for multi-criteria decision-making", Economic Computation & Economic Cybernetics Studies & Research 50(3),
        // 2016, industrial robot selection (seven robots, τ = 0.02), as reproduced in JMcDM's test "CODAS" (Satman,
        // Altunkaynak and Cengiz, JOSS 2021): H = 0.512176491, 1.463300035, 1.07153259, −0.212467998, −1.851520552,
        // −1.17167677, 0.188656204.
        var ranking = Prioritiser.Rank(Robots(), RankingMethod.Codas(RobotCriteria));

        double[] expected = [0.512176491, 1.463300035, 1.07153259, -0.212467998, -1.851520552, -1.17167677, 0.188656204];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ranking.Find("A" + (i + 1))!.Score, 9);
        }

        Assert.Equal(["A2", "A3", "A1", "A7", "A4", "A6", "A5"], ranking.Ids.ToArray());
        Assert.Equal(0, ranking.Items.Sum(i => i.Score), 12);
        Assert.Equal("CODAS", ranking.MethodName);
    }

    [Fact]
    public void PymcdmExample()
    {
        // pymcdm (Kizielewicz, Shekhovtsov and Sałabun, SoftwareX 22, 2023), CODAS docstring example (τ = 0.02):
        // H = 1.3914, 0.3411, −0.2170, −0.5381, −0.7292, −0.2481.
        var set = WeightedProductTests.Matrix(
            [[45, 3600, 45, 0.9], [25, 3800, 60, 0.8], [23, 3100, 35, 0.9], [14, 3400, 50, 0.7], [15, 3300, 40, 0.8], [28, 3000, 30, 0.6]],
            "c1", "c2", "c3", "c4");
        var criteria = new[] { Criterion.Benefit("c1", 0.2857), Criterion.Cost("c2", 0.3036), Criterion.Benefit("c3", 0.2321), Criterion.Benefit("c4", 0.1786) };

        var ranking = Prioritiser.Rank(set, RankingMethod.Codas(criteria));

        double[] expected = [1.3914, 0.3411, -0.2170, -0.5381, -0.7292, -0.2481];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ranking.Find("A" + (i + 1))!.Score, 4);
        }
    }

    [Fact]
    public void Tau_DecidesWhetherTheTaxicabTermCounts()
    {
        // Two candidates, one benefit: v = (1, 0.5), negative ideal 0.5; E = T = (0.5, 0). With τ ≤ 0.5 the taxicab
        // term counts: H = ±(0.5 + 0.5); with τ above 0.5 it does not: H = ±0.5.
        var set = WeightedProductTests.Matrix([[2], [1]], "a");
        Assert.Equal(1, Prioritiser.Rank(set, RankingMethod.Codas([Criterion.Benefit("a", 1)], 0.5)).Find("A1")!.Score, 12);
        Assert.Equal(0.5, Prioritiser.Rank(set, RankingMethod.Codas([Criterion.Benefit("a", 1)], 0.6)).Find("A1")!.Score, 12);
        Assert.Equal(-1, Prioritiser.Rank(set, RankingMethod.Codas([Criterion.Benefit("a", 1)], 0)).Find("A2")!.Score, 12);
    }

    [Fact]
    public void Dominance_CanFailAtThePapersTau_ButHoldsAtTauZero()
    {
        // Found while checking the laws (worked out by hand and by a direct O(n²) evaluation): B = (100, 1) is at least as
        // good as every other candidate on both benefits, but at τ = 0.02 the candidate D = (94, 1) ranks above it. B's
        // Euclidean distance is within τ of the five copies of K = (100, 0), so against them B gets no taxicab term, while
        // D, more than τ below them, gets a large positive one (its taxicab distance exceeds theirs).
        var set = WeightedProductTests.Matrix([[100, 1], [94, 1], [100, 0], [100, 0], [100, 0], [100, 0], [100, 0], [0, 0]], "a", "b");
        Criterion[] criteria = [Criterion.Benefit("a", 5), Criterion.Benefit("b", 1)];

        var paper = Prioritiser.Rank(set, RankingMethod.Codas(criteria, 0.02));
        Assert.Equal("A2", paper[0].Id);
        Assert.Equal(2.072903, paper.Find("A2")!.Score, 6);
        Assert.Equal(2.031322, paper.Find("A1")!.Score, 6);

        var tauZero = Prioritiser.Rank(set, RankingMethod.Codas(criteria, 0));
        Assert.Equal("A1", tauZero[0].Id);
    }

    [Fact]
    public void ZeroBenefitColumn_AndConstantColumns_DropOut()
    {
        var set = Robots();
        var padded = new CandidateSet(Enumerable.Range(0, set.Count).Select(i => set[i].WithValue("zero", 0).WithValue("flat", 3)));
        var plain = Prioritiser.Rank(set, RankingMethod.Codas(RobotCriteria));
        var withFlat = Prioritiser.Rank(padded, RankingMethod.Codas([.. RobotCriteria, Criterion.Benefit("zero", 0), Criterion.Cost("flat", 0)]));

        Assert.Equal(plain.Ids.ToArray(), withFlat.Ids.ToArray());
        Assert.Equal(plain.Items.Select(i => i.Score), withFlat.Items.Select(i => i.Score));
        Assert.Contains("to 0 (every value is 0)", withFlat[0].Explanation.Contributions[5].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_GivesNormalisedValues_Distances_AndTheFarCount()
    {
        var ranking = Prioritiser.Rank(Robots(), RankingMethod.Codas(RobotCriteria));
        var explanation = ranking.Find("A6")!.Explanation;

        // A6's repeatability 0.08 is the column's best (min / x = 1): weighted 0.192, negative ideal 0.192 × 0.08 / 0.4.
        Assert.Contains("Cost 'repeatability' = 0.08, normalised min 0.08 / x to 1, × weight 0.192 = 0.192; negative ideal 0.0384, gap 0.1536", explanation.Contributions[1].Text, StringComparison.Ordinal);
        Assert.Equal(0.1536, explanation.Contributions[1].Contribution, 12);
        Assert.StartsWith("CODAS assessment score H -1.17168 = Σ over the other candidates", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains(" of 6 others whose E differs from this one's by at least τ = 0.02", explanation.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.PositiveInfinity)]
    public void Tau_OutsideUnitInterval_IsRefused(double tau)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RankingMethod.Codas([Criterion.Benefit("a", 1)], tau));
        Assert.Equal("tau", ex.ParamName);
    }

    [Theory]
    [InlineData(-1.0, 2.0, "Candidate 'A2' has gain = -1; CODAS needs values ≥ 0 on a benefit criterion")]
    [InlineData(3.0, 0.0, "Candidate 'A2' has effort = 0; CODAS needs positive values on a cost criterion")]
    [InlineData(3.0, -2.0, "Candidate 'A2' has effort = -2; CODAS needs positive values on a cost criterion")]
    public void BadValue_IsRefused_NamingCandidateAndCriterion(double gain, double effort, string message)
    {
        var set = WeightedProductTests.Matrix([[1, 1], [gain, effort]], "gain", "effort");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.Codas([Criterion.Benefit("gain", 1), Criterion.Cost("effort", 1)])));
        Assert.Equal("candidates", ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation()
    {
        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.Codas(null!));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Codas([]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Codas([Criterion.Benefit("a", 1), Criterion.Benefit("a", 2)]));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Codas([Criterion.Benefit("a", 0), Criterion.Cost("b", 0)]));
        Assert.Equal(0.02, RankingMethod.Codas([Criterion.Benefit("a", 1)]).Tau);
        Assert.Equal(0.05, RankingMethod.Codas([Criterion.Benefit("a", 1)], 0.05).Tau);
        Assert.Equal(0, RankingMethod.Codas([Criterion.Benefit("a", 1)], 0).Tau);
    }

    [Fact]
    public void Property_EqualsTheDefinitionOverAllPairs()
    {
        // The O(n log n) evaluation against the O(n²) definition, with E and T computed here independently.
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndTau(), input =>
        {
            var (c, tau) = input;
            var ranking = Prioritiser.Rank(c.Set, RankingMethod.Codas(c.Criteria, tau));
            var h = Definition(c, tau);
            return c.Candidates.Select((x, i) => Math.Abs(ranking.Find(x.Id)!.Score - h[i]) <= 1e-9).All(ok => ok);
        }), 500);
    }

    [Fact]
    public void Property_ScoresSumToZero_AndLieInTheirRange()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndTau(), input =>
        {
            var (c, tau) = input;
            var ranking = Prioritiser.Rank(c.Set, RankingMethod.Codas(c.Criteria, tau));
            var bound = 2.0 * (c.Candidates.Length - 1);
            return Math.Abs(ranking.Items.Sum(i => i.Score)) <= 1e-9 && ranking.Items.All(i => Math.Abs(i.Score) <= bound + 1e-12);
        }), 500);
    }

    [Fact]
    public void Property_AtTauZero_ADominatingCandidateRanksFirst()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.Cases(), c => Mcda2Laws.Dominating(RankingMethod.Codas(c.Criteria, 0), c).First), 500);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeAnyScore()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseShuffleAndTau(), input =>
            Mcda2Laws.InputOrderIndependent(RankingMethod.Codas(input.Case.Criteria, input.Tau), input.Case, input.Shuffled)), 500);
    }

    [Fact]
    public void Property_ScalingAColumnByAPowerOfTwo_KeepsEveryScore()
    {
        // Only powers of two: any other constant may move an E difference across τ within rounding (see the remarks).
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.CaseAndScale(), input =>
            Mcda2Laws.ScaleInvariant(RankingMethod.Codas(input.Case.Criteria), input.Case, Math.ScaleB(1, (int)Math.Round(Math.Log2(input.Constant))), powerOfTwo: true)), 500);
    }

    /// <summary>H straight from the paper: normalise, weight, distances from the negative ideal, and all n² pairs.</summary>
    private static double[] Definition(McdaCase c, double tau)
    {
        var n = c.Candidates.Length;
        var sum = c.Criteria.Sum(k => k.Weight);
        var e = new double[n];
        var t = new double[n];
        foreach (var k in c.Criteria)
        {
            var x = c.Candidates.Select(a => a.Values[k.Name]).ToArray();
            var v = x.Select(a => k.Weight / sum * (k.Kind == CriterionKind.Benefit ? a / x.Max() : x.Min() / a)).ToArray();
            var ns = v.Min();
            for (var i = 0; i < n; i++)
            {
                e[i] += (v[i] - ns) * (v[i] - ns);
                t[i] += v[i] - ns;
            }
        }

        e = [.. e.Select(Math.Sqrt)];
        return [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(k => (e[i] - e[k]) + (Math.Abs(e[i] - e[k]) >= tau ? t[i] - t[k] : 0)))];
    }
}
