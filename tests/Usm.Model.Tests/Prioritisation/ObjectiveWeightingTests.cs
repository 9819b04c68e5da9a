using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Objective criterion weights (<see cref="ObjectiveWeighting"/>) and their combination with agreed weights.</summary>
public class ObjectiveWeightingTests
{
    private const double Tolerance = 1e-12;

    private static readonly (ObjectiveWeightingMethod Method, Func<CandidateSet, IEnumerable<Criterion>, ObjectiveWeights> Weigh)[] Methods =
    [
        (ObjectiveWeightingMethod.Entropy, ObjectiveWeighting.Entropy),
        (ObjectiveWeightingMethod.Critic, ObjectiveWeighting.Critic),
        (ObjectiveWeightingMethod.StandardDeviation, ObjectiveWeighting.StandardDeviation),
        (ObjectiveWeightingMethod.Merec, ObjectiveWeighting.Merec),
    ];

    /// <summary>A decision matrix as a set: candidate "A1", "A2", … per row; criterion names "C1", "C2", … per column.</summary>
    private static CandidateSet Matrix(double[][] rows) => CandidateSet.FromColumns(
        [.. rows.Select((_, i) => "A" + (i + 1))],
        [.. Enumerable.Range(0, rows[0].Length).Select(j => KeyValuePair.Create("C" + (j + 1), (IReadOnlyList<double>)[.. rows.Select(r => r[j])]))]);

    /// <summary>Criteria "C1", "C2", … with the given kinds (B = benefit, C = cost) and weight 1 (ignored).</summary>
    private static Criterion[] Kinds(string kinds) =>
        [.. kinds.Select((k, j) => new Criterion("C" + (j + 1), k == 'B' ? CriterionKind.Benefit : CriterionKind.Cost, 1))];

    private static void AssertWeights(double[] expected, ObjectiveWeights result, int digits)
    {
        Assert.Equal(expected.Length, result.Criteria.Length);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], Math.Round(result.Criteria[j].Weight, digits));
        }
    }

    // ---- Published worked examples ----

    [Fact]
    public void Merec_PublishedIllustrativeExample()
    {
        // Keshavarz-Ghorabaee, Amiri, Zavadskas, Turskis and Antucheviciene, "Determination of objective weights using a
        // new method based on the removal effects of criteria (MEREC)", Symmetry 13(4), 525, 2021 (doi 10.3390/sym13040525),
        // illustrative example: five alternatives, C1 and C2 benefits, C3 and C4 costs; published weights
        // 0.5752, 0.0141, 0.4016, 0.0091 (the same numbers pyrepo-mcda's test suite checks against that paper).
        var set = Matrix([[450, 8000, 54, 145], [10, 9100, 2, 160], [100, 8200, 31, 153], [220, 9300, 1, 162], [5, 8400, 23, 158]]);
        var result = ObjectiveWeighting.Merec(set, Kinds("BBCC"));

        AssertWeights([0.5752, 0.0141, 0.4016, 0.0091], result, 4);
        Assert.Equal(ObjectiveWeightingMethod.Merec, result.Method);
        Assert.Equal([CriterionKind.Benefit, CriterionKind.Benefit, CriterionKind.Cost, CriterionKind.Cost], result.Criteria.Select(c => c.Kind));

        // Removal effects, computed independently from the paper's formulas (a separate script, not the paper's table): E = 1.7087, 0.0419, 1.1928, 0.0271.
        Assert.Equal(1.7087, Math.Round(result["C1"].RemovalEffect!.Value, 4));
        Assert.Equal(0.0419, Math.Round(result["C2"].RemovalEffect!.Value, 4));
        Assert.Equal(result["C3"].RemovalEffect, result["C3"].Measure);
        Assert.Null(result["C1"].Entropy);
        Assert.Contains("E = Σ|S′ − S| = 1.70867", result.Explain("C1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Entropy_PublishedExample_Xu2004()
    {
        // Xu, "A note on the subjective and objective integrated approach to determine attribute weights", European
        // Journal of Operational Research 156(2), 530-532, 2004: four alternatives, four benefit attributes; entropy
        // weights 0.4630, 0.3992, 0.1378, 0.0000 (C4 varies only between 28.9 and 29, so its weight is 3.3e-6).
        var set = Matrix([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]);
        var result = ObjectiveWeighting.Entropy(set, Kinds("BBBB"));

        AssertWeights([0.4630, 0.3992, 0.1378, 0.0000], result, 4);
        Assert.True(result["C4"].Weight > 0);
        Assert.False(result["C4"].IsConstant);

        // Entropies computed independently from the formulas (a separate script): e = 0.88720, 0.90274, 0.96642, 0.99999919.
        Assert.Equal(0.88720, Math.Round(result["C1"].Entropy!.Value, 5));
        Assert.Equal(1 - result["C1"].Entropy!.Value, result["C1"].Divergence!.Value, Tolerance);
        Assert.StartsWith("Entropy weighting: 'C1' has entropy e = 0.887204", result.Explain("C1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Entropy_PublishedExample_ZavadskasPodvezko2016_KindsAreIgnored()
    {
        // Zavadskas and Podvezko, "Integrated determination of objective criteria weights in MCDM", International Journal
        // of Information Technology & Decision Making 15(2), 267-283, 2016: entropy weights 0.1146, 0.1981, 0.4185,
        // 0.2689 on the raw values, although C1 and C3 are costs (entropy measures spread, not direction).
        var set = Matrix([[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]]);

        AssertWeights([0.1146, 0.1981, 0.4185, 0.2689], ObjectiveWeighting.Entropy(set, Kinds("CBCB")), 4);
        AssertWeights([0.1146, 0.1981, 0.4185, 0.2689], ObjectiveWeighting.Entropy(set, Kinds("BBBB")), 4);
    }

    /// <summary>
    /// Tuş and Aytaç Adalı, "The new combination with CRITIC and WASPAS methods for the time and attendance software
    /// selection problem", Opsearch 56(2), 528-538, 2019: five packages, price (C1) and five scored criteria.
    /// </summary>
    private static CandidateSet TusAdali() =>
        Matrix([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]]);

    [Fact]
    public void Critic_PublishedExample_TusAytacAdali2019()
    {
        // The published CRITIC weights 0.157, 0.249, 0.168, 0.121, 0.154, 0.151 (as pyrepo-mcda's test suite quotes
        // them from the paper) come out when every column, price included, is normalised as (x − min) / (max − min).
        var result = ObjectiveWeighting.Critic(TusAdali(), Kinds("BBBBBB"));

        AssertWeights([0.157, 0.249, 0.168, 0.121, 0.154, 0.151], result, 3);
        var c1 = result["C1"];
        Assert.Equal(c1.StandardDeviation!.Value * c1.ConflictSum!.Value, c1.Information!.Value, Tolerance);
        Assert.Contains("ρ with 'C2'", result.Explain("C1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Critic_PriceAsACost_FollowsDiakoulaki()
    {
        // Diakoulaki, Mavrotas and Papayannakis (Computers & Operations Research 22(7), 763-770, 1995) normalise towards
        // each criterion's ideal, so a cost becomes (max − x) / (max − min). That flips the sign of price's correlations;
        // σ is unchanged. Computed independently (a separate script) on the Tuş and Aytaç Adalı data: σ₁ = 0.37993, Σ(1 − ρ₁ₖ) = 5.59702,
        // C₁ = 2.12650, and weights 0.1841, 0.2130, 0.1422, 0.1583, 0.1684, 0.1340.
        var result = ObjectiveWeighting.Critic(TusAdali(), Kinds("CBBBBB"));

        AssertWeights([0.1841, 0.2130, 0.1422, 0.1583, 0.1684, 0.1340], result, 4);
        Assert.Equal(0.37993, Math.Round(result["C1"].StandardDeviation!.Value, 5));
        Assert.Equal(5.59702, Math.Round(result["C1"].ConflictSum!.Value, 5));
        Assert.Equal(2.12650, Math.Round(result["C1"].Information!.Value, 5));
    }

    [Fact]
    public void StandardDeviation_HandWorkedExample()
    {
        // C1 = 0, 1, 2 normalises to 0, ½, 1: σ = √(1/6) = 0.408248. C2 = 10, 10, 40 normalises to 0, 0, 1 (mean ⅓):
        // σ = √(2/9) = 0.471405. Weights 0.408248 / 0.879653 = 0.464102 and 0.535898.
        var result = ObjectiveWeighting.StandardDeviation(Matrix([[0, 10], [1, 10], [2, 40]]), Kinds("BC"));

        AssertWeights([0.464102, 0.535898], result, 6);
        Assert.Equal(Math.Sqrt(1.0 / 6), result["C1"].StandardDeviation!.Value, Tolerance);
        Assert.Equal(Math.Sqrt(2.0 / 9), result["C2"].Measure, Tolerance);
        Assert.Null(result["C1"].ConflictSum);
    }

    // ---- Constant columns ----

    [Fact]
    public void ConstantColumn_GetsWeightZero_UnderEveryMethod()
    {
        var set = Matrix([[1, 5, 3], [2, 5, 9], [4, 5, 4]]);
        foreach (var (method, weigh) in Methods)
        {
            var result = weigh(set, Kinds("BBC"));
            Assert.True(result["C2"].IsConstant, method.ToString());
            Assert.Equal(0, result["C2"].Weight);
            Assert.Equal(0, result["C2"].Measure);
            Assert.Contains("same value for all 3 candidates", result.Explain("C2"), StringComparison.Ordinal);
        }

        Assert.Equal(1, ObjectiveWeighting.Entropy(set, Kinds("BBC"))["C2"].Entropy);
    }

    [Fact]
    public void Merec_ConstantColumnStillCountsInM()
    {
        // The law "adding a constant criterion leaves the other weights unchanged" holds for entropy, CRITIC and the
        // standard deviation method (see the property) but not for MEREC, whose divisor m counts every criterion.
        var two = Matrix([[1, 9], [2, 4], [4, 1]]);
        var three = Matrix([[1, 9, 5], [2, 4, 5], [4, 1, 5]]);
        var w2 = ObjectiveWeighting.Merec(two, Kinds("BC")).Criteria[0].Weight;
        var w3 = ObjectiveWeighting.Merec(three, Kinds("BCB")).Criteria[0].Weight;
        Assert.NotEqual(w2, w3, 1e-6);
    }

    [Fact]
    public void Merec_TinyRemovalEffect_KeepsItsDigits()
    {
        // C1 = 1 and 1 + 2⁻⁴⁰ (a = ln(1 + 2⁻⁴⁰) ≈ 9.1e-13 for the second candidate), C2 = 1 and 2 (a = ln 2). With m = 2,
        // E₁ = ln(1 + (a/2) / (1 + ln 2 / 2)), which is (a/2) / (1 + ln 2 / 2) to 1e-12 relative. Taken as the difference
        // ln(1 + (a + ln 2)/2) − ln(1 + ln 2 / 2) of two nearly equal logarithms it kept only about four digits.
        var set = Matrix([[1, 1], [1 + Math.Pow(2, -40), 2]]);
        var a = Math.Log(1 + Math.Pow(2, -40));
        var expected = a / 2 / (1 + (Math.Log(2) / 2));

        var effect = ObjectiveWeighting.Merec(set, Kinds("BB"))["C1"].RemovalEffect!.Value;

        Assert.Equal(expected, effect, expected * 1e-12);
    }

    [Fact]
    public void EveryColumnConstant_IsRefusedNamingThem()
    {
        var set = Matrix([[3, 5], [3, 5]]);
        foreach (var (method, weigh) in Methods)
        {
            var error = Assert.Throws<ArgumentException>(() => weigh(set, Kinds("BC")));
            Assert.Contains("every one (C1, C2) has the same value for all 2 candidates", error.Message, StringComparison.Ordinal);
            Assert.Equal("candidates", error.ParamName);
        }
    }

    [Fact]
    public void Critic_OneVaryingCriterion_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ObjectiveWeighting.Critic(Matrix([[1, 5], [2, 5], [4, 5]]), Kinds("BB")));
        Assert.Contains("only 'C1' varies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Critic_PerfectlyCorrelatedCriteria_AreRefused()
    {
        // C2 = 3 · C1 + 1: correlation 1, so neither conflicts with the other.
        var error = Assert.Throws<ArgumentException>(() => ObjectiveWeighting.Critic(Matrix([[1, 4], [2, 7], [5, 16]]), Kinds("BB")));
        Assert.Contains("perfectly correlated", error.Message, StringComparison.Ordinal);

        // As a cost, C2 is reversed, so the two conflict fully (ρ = −1) and share the weight equally.
        var reversed = ObjectiveWeighting.Critic(Matrix([[1, 4], [2, 7], [5, 16]]), Kinds("BC"));
        Assert.Equal(0.5, reversed.Criteria[0].Weight, Tolerance);
    }

    [Fact]
    public void RoundingNoise_GetsFullContrast_UnderCriticAndStandardDeviation_ButAlmostNothingUnderEntropyAndMerec()
    {
        // docs/objective-weighting.md, "Precision of a nearly constant criterion": C1 differs only in its last digit.
        var set = Matrix([[1, 1], [1 + 2.220446049250313e-16, 2], [1, 3]]);
        var criteria = Kinds("BC");

        Assert.InRange(ObjectiveWeighting.StandardDeviation(set, criteria).Criteria[0].Weight, 0.5, 0.55);
        Assert.InRange(ObjectiveWeighting.Critic(set, criteria).Criteria[0].Weight, 0.5, 0.55);
        Assert.InRange(ObjectiveWeighting.Entropy(set, criteria).Criteria[0].Weight, 0, 1e-14);
        Assert.InRange(ObjectiveWeighting.Merec(set, criteria).Criteria[0].Weight, 0, 1e-14);
    }

    // ---- Validation ----

    [Fact]
    public void FewerThanTwoCandidates_AreRefusedSayingWhy()
    {
        foreach (var (_, weigh) in Methods)
        {
            var error = Assert.Throws<ArgumentException>(() => weigh(Matrix([[1, 2]]), Kinds("BB")));
            Assert.Contains("needs at least 2 candidates, but the set has 1", error.Message, StringComparison.Ordinal);
            Assert.Equal("candidates", error.ParamName);
        }
    }

    [Fact]
    public void Entropy_NegativeValue_NamesCandidateAndCriterion()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ObjectiveWeighting.Entropy(Matrix([[1, 2], [3, -4], [5, 6]]), Kinds("BB")));
        Assert.Contains("Candidate 'A2' has C2 = -4; Entropy weighting needs values ≥ 0", error.Message, StringComparison.Ordinal);

        // Zero is fine for entropy (0 · ln 0 = 0): a zero share contributes nothing.
        var zero = ObjectiveWeighting.Entropy(Matrix([[0, 2], [3, 4], [5, 6]]), Kinds("BB"));
        Assert.Equal(1, zero.Criteria.Sum(c => c.Weight), Tolerance);
    }

    [Fact]
    public void Merec_ZeroOrNegativeValue_NamesCandidateAndCriterion()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ObjectiveWeighting.Merec(Matrix([[1, 2], [3, 4], [0, 6]]), Kinds("BC")));
        Assert.Contains("Candidate 'A3' has C1 = 0; MEREC weighting needs positive values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CriteriaProblems_AreNamed()
    {
        var set = Matrix([[1, 2], [3, 4]]);
        foreach (var (_, weigh) in Methods)
        {
            var twice = Assert.Throws<ArgumentException>(() => weigh(set, [Criterion.Benefit("C1", 1), Criterion.Cost("C1", 1)]));
            Assert.Contains("Criterion 'C1' is given twice.", twice.Message, StringComparison.Ordinal);
            Assert.Equal("criteria", twice.ParamName);

            var missing = Assert.Throws<ArgumentException>(() => weigh(set, [Criterion.Benefit("C1", 1), Criterion.Benefit("reach", 1)]));
            Assert.Contains("needs criterion 'reach', which the candidate set lacks (it has: C1, C2)", missing.Message, StringComparison.Ordinal);

            Assert.Throws<ArgumentException>(() => weigh(set, []));
            Assert.Throws<ArgumentNullException>(() => weigh(set, [Criterion.Benefit("C1", 1), null!]));
            Assert.Throws<ArgumentNullException>(() => weigh(null!, Kinds("BB")));
            Assert.Throws<ArgumentNullException>(() => weigh(set, null!));
        }
    }

    [Fact]
    public void InputWeightsAreIgnored_ExtraColumnsToo()
    {
        var set = CandidateSet.FromColumns(["a", "b", "c"], [KeyValuePair.Create("x", (IReadOnlyList<double>)[1.0, 2, 4]), KeyValuePair.Create("y", (IReadOnlyList<double>)[3.0, 1, 2]), KeyValuePair.Create("unused", (IReadOnlyList<double>)[9.0, 9, 1])]);
        var plain = ObjectiveWeighting.Merec(set, [Criterion.Benefit("x", 1), Criterion.Cost("y", 1)]);
        var weighted = ObjectiveWeighting.Merec(set, [Criterion.Benefit("x", 0), Criterion.Cost("y", 1e6)]);
        Assert.Equal(plain.Criteria.ToArray(), weighted.Criteria.ToArray());
    }

    [Fact]
    public void ResultIndexer_NamesAnUnknownCriterion()
    {
        var result = ObjectiveWeighting.StandardDeviation(Matrix([[1, 2], [3, 5]]), Kinds("BB"));
        var error = Assert.Throws<ArgumentException>(() => result["nope"]);
        Assert.Contains("no criterion 'nope' (it has: C1, C2)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.CandidateCount);
        Assert.Equal("Standard deviation weighting", result.MethodName);
        Assert.StartsWith("Standard deviation weighting over 2 candidates: C1 0.5", result.ToString(), StringComparison.Ordinal);
    }

    // ---- Combining subjective and objective weights ----

    [Fact]
    public void Combine_MultipliesAndNormalises()
    {
        // s = (3, 1) (normalised 0.75, 0.25), o = (0.2, 0.8): products 0.15 and 0.2, sum 0.35, so 3/7 and 4/7.
        var combined = ObjectiveWeights.Combine([Criterion.Benefit("a", 3), Criterion.Cost("b", 1)], [Criterion.Cost("b", 0.8), Criterion.Benefit("a", 0.2)]);
        Assert.Equal(["a", "b"], combined.Select(c => c.Name));
        Assert.Equal(3.0 / 7, combined[0].Weight, Tolerance);
        Assert.Equal(4.0 / 7, combined[1].Weight, Tolerance);
        Assert.Equal(CriterionKind.Cost, combined[1].Kind);
    }

    [Fact]
    public void Combine_RefusesMismatchesByName()
    {
        Criterion[] s = [Criterion.Benefit("a", 1), Criterion.Benefit("b", 1)];
        var extra = Assert.Throws<ArgumentException>(() => ObjectiveWeights.Combine(s, [Criterion.Benefit("a", 1), Criterion.Benefit("b", 1), Criterion.Benefit("c", 1)]));
        Assert.Contains("Criterion 'c' has an objective weight but no subjective weight", extra.Message, StringComparison.Ordinal);

        var lacking = Assert.Throws<ArgumentException>(() => ObjectiveWeights.Combine(s, [Criterion.Benefit("a", 1)]));
        Assert.Contains("Criterion 'b' has a subjective weight but no objective weight", lacking.Message, StringComparison.Ordinal);

        var kind = Assert.Throws<ArgumentException>(() => ObjectiveWeights.Combine(s, [Criterion.Benefit("a", 1), Criterion.Cost("b", 1)]));
        Assert.Contains("Criterion 'b' is a Benefit in the subjective weights but a Cost in the objective ones", kind.Message, StringComparison.Ordinal);

        var zero = Assert.Throws<ArgumentException>(() => ObjectiveWeights.Combine([Criterion.Benefit("a", 1), Criterion.Benefit("b", 0)], [Criterion.Benefit("a", 0), Criterion.Benefit("b", 1)]));
        Assert.Contains("every product sⱼ · oⱼ is 0", zero.Message, StringComparison.Ordinal);

        var twice = Assert.Throws<ArgumentException>(() => ObjectiveWeights.Combine([Criterion.Benefit("a", 1), Criterion.Benefit("a", 2)], s));
        Assert.Contains("Criterion 'a' is given twice.", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_WithEqualAgreedWeights_GivesTheObjectiveWeights()
    {
        var objective = ObjectiveWeighting.Critic(TusAdali(), Kinds("CBBBBB"));
        var combined = ObjectiveWeights.Combine(Kinds("CBBBBB"), objective.Criteria);
        for (var j = 0; j < combined.Length; j++)
        {
            Assert.Equal(objective.Criteria[j].Weight, combined[j].Weight, Tolerance);
        }
    }

    [Fact]
    public void ObjectiveCriteria_RankThroughWeightedSum()
    {
        var set = TusAdali();
        var weights = ObjectiveWeighting.Critic(set, Kinds("CBBBBB"));
        var ranking = Prioritiser.Rank(set, RankingMethod.WeightedSum(weights.Criteria, SawNormalisation.MinMax));
        Assert.Equal(5, ranking.Count);
    }

    // ---- Input order ----

    [Fact]
    public void CandidateOrder_ChangesNoWeight_BitForBit()
    {
        // Values of very different magnitudes, where a plain running sum over the candidates depends on their order
        // (1 + 1e-16 + 1e-16 rounds to 1, 1e-16 + 1e-16 + 1 does not). Weights that moved in their last digit with the
        // order of the candidates could break a tie of the ranking they feed, so they must be the same bit for bit.
        double[][] rows =
        [
            [1, 3, 2.7], [1e-16, 1, 1e3], [1e-16, 4, 8e-2], [2e-16, 1, 1.1],
            [3.7e-3, 5, 17], [1e-9, 9, 0.5], [0.5, 2, 123], [0.1, 6, 9],
        ];
        var criteria = Kinds("BBC");
        var n = rows.Length;
        foreach (var (method, weigh) in Methods)
        {
            var expected = weigh(Matrix(rows), criteria);
            for (var shift = 0; shift < n; shift++)
            {
                foreach (var reversed in new[] { false, true })
                {
                    var order = Enumerable.Range(0, n).Select(i => (i + shift) % n).ToArray();
                    var ids = (reversed ? Enumerable.Reverse(order) : order).ToArray();
                    var set = CandidateSet.FromColumns(
                        [.. ids.Select(i => "A" + (i + 1))],
                        [.. Enumerable.Range(0, 3).Select(j => KeyValuePair.Create("C" + (j + 1), (IReadOnlyList<double>)[.. ids.Select(i => rows[i][j])]))]);
                    var actual = weigh(set, criteria);
                    for (var j = 0; j < criteria.Length; j++)
                    {
                        Assert.True(
                            expected.Details[j].Weight == actual.Details[j].Weight && expected.Details[j].Measure == actual.Details[j].Measure,
                            $"{method}, rotation {shift}, reversed {reversed}, {criteria[j].Name}: weight {expected.Details[j].Weight:R} vs {actual.Details[j].Weight:R}, measure {expected.Details[j].Measure:R} vs {actual.Details[j].Measure:R}");
                    }
                }
            }
        }
    }

    // ---- Properties ----

    /// <summary>Runs a method, or returns null when it refuses a case for a documented reason (which the test then checks).</summary>
    private static ObjectiveWeights? TryWeigh(ObjectiveWeightingMethod method, Func<CandidateSet, IEnumerable<Criterion>, ObjectiveWeights> weigh, CandidateSet set, Criterion[] criteria, ObjectiveCase c)
    {
        try
        {
            return weigh(set, criteria);
        }
        catch (ArgumentException e) when (e.Message.Contains("cannot weigh these criteria", StringComparison.Ordinal))
        {
            var varying = Enumerable.Range(0, c.Names.Length).Where(j => !c.IsConstant(j)).ToArray();
            if (varying.Length > 0)
            {
                Assert.Equal(ObjectiveWeightingMethod.Critic, method);
                Assert.True(varying.Length == 1 || AllPerfectlyCorrelated(c, varying), e.Message);
            }

            return null;
        }
    }

    private static bool AllPerfectlyCorrelated(ObjectiveCase c, int[] varying)
    {
        foreach (var j in varying)
        {
            foreach (var k in varying)
            {
                var r = Pearson([.. c.Rows.Select(row => row[j])], [.. c.Rows.Select(row => row[k])]);
                var sign = c.Kinds[j] == c.Kinds[k] ? 1 : -1;
                if (sign * r < 1 - 1e-9)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static double Pearson(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        var num = a.Zip(b, (x, y) => (x - ma) * (y - mb)).Sum();
        return num / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(y => (y - mb) * (y - mb)));
    }

    private static void AssertSameWeights(ObjectiveWeights expected, ObjectiveWeights actual)
    {
        for (var j = 0; j < expected.Criteria.Length; j++)
        {
            Assert.Equal(expected.Criteria[j].Name, actual.Criteria[j].Name);
            Assert.Equal(expected.Criteria[j].Weight, actual.Criteria[j].Weight, Tolerance);
        }
    }

    [Fact]
    public void Property_WeightsAreNonNegativeAndSumToOne_ConstantsGetZero()
    {
        PropertyCheck.Run(Prop.ForAll(ObjectiveWeightArbitraries.Cases(), c =>
        {
            foreach (var (method, weigh) in Methods)
            {
                var result = TryWeigh(method, weigh, c.Set, c.Criteria, c);
                if (result is null)
                {
                    continue;
                }

                Assert.All(result.Criteria, x => Assert.True(x.Weight >= 0 && x.Weight <= 1));
                Assert.Equal(1, result.Criteria.Sum(x => x.Weight), Tolerance);
                Assert.Equal(c.Names, result.Criteria.Select(x => x.Name));
                Assert.Equal(c.Kinds, result.Criteria.Select(x => x.Kind));
                for (var j = 0; j < c.Names.Length; j++)
                {
                    Assert.Equal(c.IsConstant(j), result.Details[j].IsConstant);
                    if (c.IsConstant(j))
                    {
                        Assert.Equal(0, result.Details[j].Weight);
                    }
                }
            }
        }), maxTest: 300);
    }

    [Fact]
    public void Property_CandidateOrderDoesNotMatter()
    {
        PropertyCheck.Run(Prop.ForAll(ObjectiveWeightArbitraries.Cases(), c =>
        {
            foreach (var (method, weigh) in Methods)
            {
                var result = TryWeigh(method, weigh, c.Set, c.Criteria, c);
                if (result is not null)
                {
                    // Bit for bit: every sum over the candidates is correctly rounded.
                    var shuffled = weigh(c.ShuffledSet, c.Criteria);
                    Assert.Equal(result.Criteria.Select(x => x.Weight), shuffled.Criteria.Select(x => x.Weight));
                }
            }
        }), maxTest: 300);
    }

    [Fact]
    public void Property_PermutingCriteriaPermutesTheWeights()
    {
        PropertyCheck.Run(Prop.ForAll(ObjectiveWeightArbitraries.Cases(), c =>
        {
            foreach (var (method, weigh) in Methods)
            {
                var result = TryWeigh(method, weigh, c.Set, c.Criteria, c);
                if (result is null)
                {
                    continue;
                }

                var permuted = weigh(c.Set, c.PermutedCriteria);
                for (var p = 0; p < c.CriteriaOrder.Length; p++)
                {
                    Assert.Equal(result.Criteria[c.CriteriaOrder[p]].Name, permuted.Criteria[p].Name);
                    Assert.Equal(result.Criteria[c.CriteriaOrder[p]].Weight, permuted.Criteria[p].Weight, Tolerance);
                }
            }
        }), maxTest: 300);
    }

    [Fact]
    public void Property_ScalingAColumnByAPositiveFactor_ChangesNoWeight()
    {
        // Holds for all four: entropy's shares x / Σx, CRITIC's and SD's min-max values and MEREC's min / x and x / max
        // are all ratios, which a positive factor cancels from.
        PropertyCheck.Run(Prop.ForAll(ObjectiveWeightArbitraries.Cases(), c =>
        {
            foreach (var (method, weigh) in Methods)
            {
                var result = TryWeigh(method, weigh, c.Set, c.Criteria, c);
                if (result is not null)
                {
                    AssertSameWeights(result, weigh(c.Scaled, c.Criteria));
                }
            }
        }), maxTest: 300);
    }

    [Fact]
    public void Property_ShiftingAColumn_ChangesNoCriticOrStandardDeviationWeight()
    {
        // Min-max normalisation removes a shift; entropy's and MEREC's ratios do not (see the example test below).
        PropertyCheck.Run(Prop.ForAll(ObjectiveWeightArbitraries.Cases(), c =>
        {
            foreach (var (method, weigh) in Methods.Where(m => m.Method is ObjectiveWeightingMethod.Critic or ObjectiveWeightingMethod.StandardDeviation))
            {
                var result = TryWeigh(method, weigh, c.Set, c.Criteria, c);
                if (result is not null)
                {
                    AssertSameWeights(result, weigh(c.Shifted, c.Criteria));
                }
            }
        }), maxTest: 300);
    }

    [Fact]
    public void ShiftingAColumn_ChangesEntropyAndMerecWeights()
    {
        var set = Matrix([[1, 9], [2, 4], [4, 1]]);
        var shifted = Matrix([[101, 9], [102, 4], [104, 1]]);
        Assert.NotEqual(ObjectiveWeighting.Entropy(set, Kinds("BB")).Criteria[0].Weight, ObjectiveWeighting.Entropy(shifted, Kinds("BB")).Criteria[0].Weight, 1e-6);
        Assert.NotEqual(ObjectiveWeighting.Merec(set, Kinds("BB")).Criteria[0].Weight, ObjectiveWeighting.Merec(shifted, Kinds("BB")).Criteria[0].Weight, 1e-6);
    }

    [Fact]
    public void Property_AddingAConstantCriterion_KeepsTheOtherWeights_ExceptUnderMerec()
    {
        PropertyCheck.Run(Prop.ForAll(ObjectiveWeightArbitraries.Cases(), c =>
        {
            Criterion[] more = [.. c.Criteria, Criterion.Benefit("zconst", 1)];
            foreach (var (method, weigh) in Methods.Where(m => m.Method != ObjectiveWeightingMethod.Merec))
            {
                var result = TryWeigh(method, weigh, c.Set, c.Criteria, c);
                if (result is null)
                {
                    continue;
                }

                var extended = weigh(c.WithConstant, more);
                Assert.Equal(0, extended["zconst"].Weight);
                AssertSameWeights(result, extended);
            }
        }), maxTest: 300);
    }

    [Fact]
    public void Property_EntropyAndStandardDeviation_IgnoreKinds()
    {
        PropertyCheck.Run(Prop.ForAll(ObjectiveWeightArbitraries.Cases(), c =>
        {
            var flipped = c.Criteria.Select(x => new Criterion(x.Name, x.Kind == CriterionKind.Benefit ? CriterionKind.Cost : CriterionKind.Benefit, x.Weight)).ToArray();
            foreach (var (method, weigh) in Methods.Where(m => m.Method is ObjectiveWeightingMethod.Entropy or ObjectiveWeightingMethod.StandardDeviation))
            {
                var result = TryWeigh(method, weigh, c.Set, c.Criteria, c);
                if (result is null)
                {
                    continue;
                }

                var other = weigh(c.Set, flipped);
                for (var j = 0; j < c.Names.Length; j++)
                {
                    Assert.Equal(result.Criteria[j].Weight, other.Criteria[j].Weight, Tolerance);
                }
            }
        }), maxTest: 300);
    }

    [Fact]
    public void Property_Combine_IsProportionalToTheProducts()
    {
        PropertyCheck.Run(Prop.ForAll(ObjectiveWeightArbitraries.Cases(), c =>
        {
            var objective = TryWeigh(ObjectiveWeightingMethod.StandardDeviation, ObjectiveWeighting.StandardDeviation, c.Set, c.Criteria, c);
            if (objective is null)
            {
                return;
            }

            // Subjective weights 1, 2, 3, …; the result is proportional to j · oⱼ and sums to 1.
            var combined = ObjectiveWeights.Combine(c.Criteria, objective.Criteria);
            var products = c.Criteria.Select((x, j) => x.Weight * objective.Criteria[j].Weight).ToArray();
            var total = products.Sum();
            Assert.Equal(1, combined.Sum(x => x.Weight), Tolerance);
            for (var j = 0; j < products.Length; j++)
            {
                Assert.Equal(products[j] / total, combined[j].Weight, Tolerance);
            }
        }), maxTest: 300);
    }
}
