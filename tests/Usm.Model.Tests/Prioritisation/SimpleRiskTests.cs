using System.Collections.Immutable;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>SimpleRisk's five risk formulas as a ranking method: worked examples, corners, laws, validation.</summary>
public class SimpleRiskTests
{
    private static Candidate R(string id, double likelihood, double impact) =>
        new(id, [KeyValuePair.Create("likelihood", likelihood), KeyValuePair.Create("impact", impact)]);

    private static SimpleRiskMethod Method(SimpleRiskFormula formula, int maxL = 5, int maxI = 5) =>
        RankingMethod.SimpleRisk(formula, "likelihood", "impact", maxL, maxI);

    // S_max on SimpleRisk's default 5 × 5 scales. The numbers are in SimpleRisk's own source (simplerisk/code,
    // simplerisk/includes/functions.php, calculate_risk: "$max_risk = 35" for formula 1, 30 for 2, 25 for 3, 30 for 4,
    // 35 for 5, then "round($risk * (10 / $max_risk), 1)"); by hand: Classic 5·5 + 2·5 = 35, CVSS 5·5 + 5 = 30,
    // DREAD 5·5 = 25, OWASP 5·5 + 5 = 30, Contributing Risk 5·5 + 2·5 = 35.
    [Theory]
    [InlineData(SimpleRiskFormula.Classic, 35)]
    [InlineData(SimpleRiskFormula.Cvss, 30)]
    [InlineData(SimpleRiskFormula.Dread, 25)]
    [InlineData(SimpleRiskFormula.Owasp, 30)]
    [InlineData(SimpleRiskFormula.ContributingRisk, 35)]
    public void MaximumRawScore_OnTheDefaultScales_IsSimpleRisksMaxRisk(SimpleRiskFormula formula, long expected)
    {
        Assert.Equal(expected, Method(formula).MaximumRawScore);
        Assert.Equal(10.0, Method(formula).Score(5, 5));
    }

    // Hand-worked: Classic at L = 4, I = 3 is (4 · 3) + 2 · 3 = 12 + 6 = 18; 10 · 18 / 35 = 5.142857…; SimpleRisk
    // shows it rounded to one decimal, 5.1.
    [Fact]
    public void Classic_WorkedExample()
    {
        var classic = Method(SimpleRiskFormula.Classic);

        Assert.Equal(18, classic.RawScore(4, 3));
        Assert.Equal(180.0 / 35, classic.Score(4, 3), 12);
        Assert.Equal(5.1, classic.RoundedScore(4, 3));
    }

    // Every formula at the four corners of the 5 × 5 grid (L, I) = (1, 1), (1, 5), (5, 1), (5, 5), by hand:
    // Classic: 1+2 = 3, 5+10 = 15, 5+2 = 7, 35.  CVSS: 1+1 = 2, 5+5 = 10, 5+1 = 6, 30.  DREAD: 1, 5, 5, 25.
    // OWASP: 1+1 = 2, 5+1 = 6, 5+5 = 10, 30.  Contributing Risk: 1+2 = 3, 5+2 = 7, 5+10 = 15, 35.
    [Theory]
    [InlineData(SimpleRiskFormula.Classic, 3, 15, 7, 35)]
    [InlineData(SimpleRiskFormula.Cvss, 2, 10, 6, 30)]
    [InlineData(SimpleRiskFormula.Dread, 1, 5, 5, 25)]
    [InlineData(SimpleRiskFormula.Owasp, 2, 6, 10, 30)]
    [InlineData(SimpleRiskFormula.ContributingRisk, 3, 7, 15, 35)]
    public void EveryFormula_AtTheCorners(SimpleRiskFormula formula, long lowLow, long lowLHighI, long highLLowI, long highHigh)
    {
        var method = Method(formula);
        (int L, int I, long Raw)[] corners = [(1, 1, lowLow), (1, 5, lowLHighI), (5, 1, highLLowI), (5, 5, highHigh)];
        foreach (var (l, i, raw) in corners)
        {
            Assert.Equal(raw, method.RawScore(l, i));
            Assert.Equal(10.0 * raw / highHigh, method.Score(l, i), 12);
        }
    }

    // The weighting is visible at the off-diagonal corners: Classic and CVSS favour impact, OWASP and Contributing
    // Risk favour likelihood, DREAD is symmetric.
    [Fact]
    public void Weightings_FavourImpactOrLikelihood()
    {
        Assert.True(Method(SimpleRiskFormula.Classic).Score(1, 5) > Method(SimpleRiskFormula.Classic).Score(5, 1));
        Assert.True(Method(SimpleRiskFormula.Cvss).Score(1, 5) > Method(SimpleRiskFormula.Cvss).Score(5, 1));
        Assert.Equal(Method(SimpleRiskFormula.Dread).Score(1, 5), Method(SimpleRiskFormula.Dread).Score(5, 1));
        Assert.True(Method(SimpleRiskFormula.Owasp).Score(5, 1) > Method(SimpleRiskFormula.Owasp).Score(1, 5));
        Assert.True(Method(SimpleRiskFormula.ContributingRisk).Score(5, 1) > Method(SimpleRiskFormula.ContributingRisk).Score(1, 5));
    }

    // Rectangular scales, by hand: Classic with 3 likelihood and 4 impact levels has S_max = 3 · 4 + 2 · 4 = 20;
    // (L, I) = (2, 3) gives 6 + 6 = 12, score 10 · 12 / 20 = 6.
    [Fact]
    public void RectangularScales_UseBothMaxima()
    {
        var method = Method(SimpleRiskFormula.Classic, 3, 4);

        Assert.Equal(20, method.MaximumRawScore);
        Assert.Equal(6.0, method.Score(2, 3));
        Assert.Equal(18, Method(SimpleRiskFormula.ContributingRisk, 3, 4).MaximumRawScore); // 3 · 4 + 2 · 3
    }

    // SimpleRisk rounds halves away from zero (PHP round): DREAD on 5 × 8 scales has S_max = 40, and (1, 1) scores
    // 10 / 40 = 0.25, shown as 0.3.
    [Fact]
    public void RoundedScore_RoundsHalvesUp()
    {
        var method = Method(SimpleRiskFormula.Dread, 5, 8);

        Assert.Equal(0.25, method.Score(1, 1));
        Assert.Equal(0.3, method.RoundedScore(1, 1));
        Assert.Equal(10.0, method.RoundedScore(5, 8));
    }

    [Fact]
    public void Rank_OrdersByTheNormalisedScore_AndExplainsIt()
    {
        var set = new CandidateSet([R("backup", 4, 3), R("patching", 5, 5), R("phishing", 2, 5), R("vendor", 5, 1)]);

        var ranking = Prioritiser.Rank(set, Method(SimpleRiskFormula.Classic));

        // Classic: patching 35, phishing 10 + 10 = 20, backup 18, vendor 5 + 2 = 7.
        Assert.Equal(["patching", "phishing", "backup", "vendor"], ranking.Ids.ToArray());
        Assert.Equal(10.0, ranking.Items[0].Score);
        var explanation = ranking.Find("backup")!.Explanation;
        Assert.Equal("SimpleRisk Classic", explanation.Method);
        Assert.Equal("SimpleRisk Classic: S = (L × I) + 2 × I = (4 × 3) + 2 × 3 = 18; S_max = (5 × 5) + 2 × 5 = 35 at L = 5, I = 5; score = 10 × 18 / 35 = 5.14286 (SimpleRisk shows 5.1).", explanation.Summary);
        Assert.Equal(["likelihood", "impact"], explanation.Contributions.Select(c => c.Criterion).ToArray());
        Assert.Contains("adds it twice more (2 × 3 = 6)", explanation.Contributions[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SimpleRiskFormula.Cvss, "(L × I) + I = (4 × 3) + 3 = 15")]
    [InlineData(SimpleRiskFormula.Dread, "L × I = 4 × 3 = 12")]
    [InlineData(SimpleRiskFormula.Owasp, "(L × I) + L = (4 × 3) + 4 = 16")]
    [InlineData(SimpleRiskFormula.ContributingRisk, "(L × I) + 2 × L = (4 × 3) + 2 × 4 = 20")]
    public void Explanation_ShowsTheFormulaWithTheNumbers(SimpleRiskFormula formula, string expected)
    {
        var ranking = Prioritiser.Rank(new CandidateSet([R("a", 4, 3)]), Method(formula));

        Assert.Contains(expected, ranking.Items[0].Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AsTheProgrammesMechanism_ItRanksTheAssessedRisks()
    {
        // The improvement model counts levels from 0, the candidates from 1: R-a (effect 3, likelihood 4) becomes
        // I = 4, L = 5: Classic (5 · 4) + 2 · 4 = 28 of 35 → 8; R-c (2, 3) → I = 3, L = 4: 12 + 6 = 18;
        // R-b (1, 1) → I = 2, L = 2: 4 + 4 = 8.
        var db = new RiskDatabase(FixedClock.At(2026, 3, 1));
        foreach (var (id, effect, likelihood) in new[] { ("R-a", 3, 4), ("R-b", 1, 1), ("R-c", 2, 3) })
        {
            db = db.Register(new Risk(id, id, "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p"), [Resource.Process], "c"), "p")
                .Apply(id, new ClassifyRisk(new RiskAssessment(effect, likelihood)), "p");
        }

        var mechanism = new RankingMechanism(RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, RiskCandidates.Likelihood, RiskCandidates.Effect));
        var programme = new ImprovementProgramme("IP-1", "Pilot").AgreeMechanism(mechanism, new LocalDate(2026, 2, 1));

        var order = programme.Prioritise(db);

        Assert.Equal(["R-a", "R-c", "R-b"], order.Select(p => p.RiskId));
        Assert.Equal([8.0, 180.0 / 35, 80.0 / 35], order.Select(p => p.Score));
        Assert.Equal("SimpleRisk Classic", programme.Agreement!.Mechanism.Name);
    }

    [Fact]
    public void Ties_AreBrokenByIdLikeEveryMethod()
    {
        // DREAD: (2, 3) and (3, 2) both score 6; with no secondary key the lower id (ordinal) goes first.
        var set = new CandidateSet([R("b", 2, 3), R("a", 3, 2), R("c", 1, 1)]);

        Assert.Equal(["a", "b", "c"], Prioritiser.Rank(set, Method(SimpleRiskFormula.Dread)).Ids.ToArray());
        Assert.Equal(["a"], Prioritiser.Top(set, Method(SimpleRiskFormula.Dread), 1).Ids.ToArray());
    }

    [Fact]
    public void Scores_LieInZeroToTen_AndAreMonotoneInBothLevels()
    {
        PropertyCheck.Run(Prop.ForAll(SimpleRiskArbitraries.MethodAndLevels(), x =>
        {
            var (method, l, i) = x;
            var score = method.Score(l, i);
            return score > 0 && score <= 10
                && (l == method.MaxLikelihood || method.Score(l + 1, i) > score)
                && (i == method.MaxImpact || method.Score(l, i + 1) > score)
                && method.RawScore(l, i) <= method.MaximumRawScore
                && Math.Abs(method.RoundedScore(l, i) - score) <= 0.05 + 1e-12;
        }), maxTest: 2000);
    }

    [Fact]
    public void Maximum_IsExactlyTen_AtTheHighestLevels()
    {
        PropertyCheck.Run(Prop.ForAll(SimpleRiskArbitraries.MethodAndLevels(), x =>
        {
            var method = x.Method;
            return method.Score(method.MaxLikelihood, method.MaxImpact) == 10.0
                && method.RoundedScore(method.MaxLikelihood, method.MaxImpact) == 10.0
                && (x.L == method.MaxLikelihood && x.I == method.MaxImpact || method.Score(x.L, x.I) < 10.0);
        }), maxTest: 1000);
    }

    [Fact]
    public void Ranking_IsIndependentOfInputOrder_AndAgreesWithScore()
    {
        PropertyCheck.Run(Prop.ForAll(SimpleRiskArbitraries.MethodCandidatesAndShuffle(), x =>
        {
            var (method, original, shuffled) = x;
            var a = Prioritiser.Rank(new CandidateSet(original), method);
            var b = Prioritiser.Rank(new CandidateSet(shuffled), method);
            return a.Ids.SequenceEqual(b.Ids)
                && a.Items.Select(item => item.Score).SequenceEqual(b.Items.Select(item => item.Score))
                && a.Items.All(item => item.Score == method.Score((int)a.Candidates[a.Candidates.IndexOf(item.Id)].Values["likelihood"], (int)a.Candidates[a.Candidates.IndexOf(item.Id)].Values["impact"]));
        }), maxTest: 500);
    }

    [Fact]
    public void Dread_RanksLikeTheMatrixProduct()
    {
        // A one-class risk matrix orders by effect × likelihood alone, then by id: the same order as DREAD's L × I.
        PropertyCheck.Run(Prop.ForAll(SimpleRiskArbitraries.MethodCandidatesAndShuffle(), x =>
        {
            var dread = Method(SimpleRiskFormula.Dread, x.Method.MaxLikelihood, x.Method.MaxImpact);
            ImmutableArray<ImmutableArray<int>> oneClass = [.. Enumerable.Range(0, dread.MaxImpact).Select(_ => Enumerable.Repeat(1, dread.MaxLikelihood).ToImmutableArray())];
            var matrix = RankingMethod.RiskMatrix("impact", "likelihood", oneClass);
            var set = new CandidateSet(x.Original);
            return Prioritiser.Rank(set, dread).Ids.SequenceEqual(Prioritiser.Rank(set, matrix).Ids);
        }), maxTest: 500);
    }

    [Fact]
    public void RemovingACandidate_NeverReversesTwoOthers()
    {
        PropertyCheck.Run(Prop.ForAll(SimpleRiskArbitraries.MethodCandidatesAndShuffle(), x =>
        {
            var set = new CandidateSet(x.Original);
            return x.Original.Length < 2 || x.Original.All(c => RankReversal.ProbeRemoval(set, x.Method, c.Id).FlippedPairs.IsEmpty);
        }), maxTest: 200);
    }

    // The example in docs/prioritisation.md, "SimpleRisk's risk formulas", kept compiling and true.
    [Fact]
    public void DocsExample()
    {
        var risks = new CandidateSet(
        [
            new Candidate("backup-restore", new Dictionary<string, double> { ["likelihood"] = 4, ["impact"] = 3 }),
            new Candidate("patching", new Dictionary<string, double> { ["likelihood"] = 2, ["impact"] = 5 }),
            new Candidate("vendor-exit", new Dictionary<string, double> { ["likelihood"] = 5, ["impact"] = 2 }),
        ]);

        var classic = Prioritiser.Rank(risks, RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "likelihood", "impact"));
        var contributing = Prioritiser.Rank(risks, RankingMethod.SimpleRisk(SimpleRiskFormula.ContributingRisk, "likelihood", "impact"));

        Assert.Equal(["patching", "backup-restore", "vendor-exit"], classic.Ids.ToArray());
        Assert.Equal([200.0 / 35, 180.0 / 35, 4.0], classic.Items.Select(i => i.Score).ToArray());
        Assert.Equal(["backup-restore", "vendor-exit", "patching"], contributing.Ids.ToArray());
        Assert.Equal([200.0 / 35, 200.0 / 35, 4.0], contributing.Items.Select(i => i.Score).ToArray());
        Assert.Equal("SimpleRisk Classic: S = (L × I) + 2 × I = (4 × 3) + 2 × 3 = 18; S_max = (5 × 5) + 2 × 5 = 35 at L = 5, I = 5; score = 10 × 18 / 35 = 5.14286 (SimpleRisk shows 5.1).", classic.Items[1].Explanation.Summary);
    }

    [Theory]
    [InlineData(0.0, "likelihood")]
    [InlineData(6.0, "likelihood")]
    [InlineData(2.5, "likelihood")]
    [InlineData(-1.0, "likelihood")]
    [InlineData(0.0, "impact")]
    [InlineData(6.0, "impact")]
    [InlineData(2.5, "impact")]
    [InlineData(-1.0, "impact")]
    public void BadLevels_AreRejected_NamingCandidateCriterionAndValue(double bad, string criterion)
    {
        var set = new CandidateSet([R("fine", 3, 3), criterion == "likelihood" ? R("R-7", bad, 3) : R("R-7", 3, bad)]);

        foreach (var formula in SimpleRiskArbitraries.Formulas)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, Method(formula)));

            Assert.Equal("candidates", ex.ParamName);
            Assert.Contains("'R-7'", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"{criterion} = {bad.ToString(System.Globalization.CultureInfo.InvariantCulture)}", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"a whole {criterion} level from 1 to 5", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MissingCriterion_IsRejected()
    {
        var set = new CandidateSet([new Candidate("a", [KeyValuePair.Create("likelihood", 1.0)])]);

        var ex = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(set, Method(SimpleRiskFormula.Classic)));

        Assert.Contains("impact", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factory_ChecksItsArguments()
    {
        Assert.Equal("maxLikelihood", Assert.Throws<ArgumentOutOfRangeException>(() => RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "l", "i", 0, 5)).ParamName);
        Assert.Equal("maxImpact", Assert.Throws<ArgumentOutOfRangeException>(() => RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "l", "i", 5, -3)).ParamName);
        Assert.Equal("maxImpact", Assert.Throws<ArgumentOutOfRangeException>(() => RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "l", "i", 5, SimpleRiskMethod.MaxScaleLevels + 1)).ParamName);
        Assert.Equal("formula", Assert.Throws<ArgumentOutOfRangeException>(() => RankingMethod.SimpleRisk((SimpleRiskFormula)5, "l", "i")).ParamName);
        Assert.Equal("formula", Assert.Throws<ArgumentOutOfRangeException>(() => RankingMethod.SimpleRisk((SimpleRiskFormula)0, "l", "i")).ParamName);
        Assert.Equal("likelihoodCriterion", Assert.Throws<ArgumentNullException>(() => RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, null!, "i")).ParamName);
        Assert.Equal("impactCriterion", Assert.Throws<ArgumentNullException>(() => RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "l", null!)).ParamName);
        Assert.Equal("impactCriterion", Assert.Throws<ArgumentException>(() => RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "l", " ")).ParamName);
        var same = Assert.Throws<ArgumentException>(() => RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "level", "level"));
        Assert.Equal("impactCriterion", same.ParamName);
        Assert.Contains("'level'", same.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LevelHelpers_RejectLevelsOffTheScale()
    {
        var method = Method(SimpleRiskFormula.Owasp, 4, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => method.RawScore(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => method.Score(5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => method.RoundedScore(1, 4));
    }

    [Fact]
    public void Names_FollowSimpleRisk()
    {
        Assert.Equal(
            ["SimpleRisk Classic", "SimpleRisk CVSS", "SimpleRisk DREAD", "SimpleRisk OWASP", "SimpleRisk Contributing Risk"],
            SimpleRiskArbitraries.Formulas.Select(f => Method(f).Name).ToArray());
        Assert.Equal(SimpleRiskFormula.Owasp, Method(SimpleRiskFormula.Owasp, 4, 3).Formula);
        Assert.Equal((4, 3, "likelihood", "impact"), (Method(SimpleRiskFormula.Owasp, 4, 3).MaxLikelihood, Method(SimpleRiskFormula.Owasp, 4, 3).MaxImpact, Method(SimpleRiskFormula.Owasp).LikelihoodCriterion, Method(SimpleRiskFormula.Owasp).ImpactCriterion));
    }
}
