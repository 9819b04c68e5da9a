using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;
using static Usm.Model.Internal.Preconditions;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>A worked example, the sorting laws, and validation of <see cref="ElectreTri"/>.</summary>
public class ElectreTriTests
{
    // The data of the example in V. Mousseau, R. Słowiński and P. Zielniewicz, "ELECTRE TRI 2.0a: methodological guide
    // and user's manual", Document du LAMSADE 111, Université Paris-Dauphine, 1999: performances of a1, a2, a3 on five
    // criteria to maximise (Table 1, p. 15), equal weights and q = 5, p = 10, v = 30 on every criterion (Table 2, p. 16),
    // and two profiles b1, b2 (Table 9, p. 19). The manual's own credibility tables were not at hand to check against, so
    // the values below are computed by hand from the definitions (weights ⅕ each):
    //
    //          g1  g2  g3  g4  g5
    //   a1     75  67  85  82  90
    //   a2     28  35  70  90  95
    //   a3     45  60  55  68  60
    //   b1     50  48  55  55  60
    //   b2     70  75  80  75  85
    //
    // a1 vs b2: b2 leads only on g2, by 8 (between q and p): c = (10 − 8)/5 = 0.4, so C = 4.4/5 = 0.88; no gap above p,
    //   so σ(a1, b2) = 0.88. b2 vs a1: a1 leads by 5, 0, 5, 7, 5 beyond b2's g2 (c = 1, 1, 1, 0.6, 1): C = σ = 0.92.
    //   a1 vs b1: a1 is better everywhere: σ(a1, b1) = 1; b1 vs a1: a1 leads by 25, 19, 30, 27, 30 ≥ p: C = 0, σ = 0.
    //   λ = 0.75: a1 I b2, a1 ≻ b1 → pessimistic C3 (it outranks the top profile), optimistic C3 (no profile ≻ a1).
    // a2 vs b2: b2 leads by 42, 40 on g1, g2 (≥ v: d = 1, a veto), by 10 on g3 (= p: c = 0); a2 leads on g4, g5:
    //   C = 0.4 and σ(a2, b2) = 0. b2 vs a2: a2 leads by 15 on g4 (c 0, d (15 − 10)/20 = 0.25) and 10 on g5 (c 0, d 0):
    //   C = 0.6, no d above C, σ(b2, a2) = 0.6.
    //   a2 vs b1: b1 leads by 22 on g1 (c 0, d 12/20 = 0.6) and 13 on g2 (c 0, d 0.15): C = 0.6; d = 0.6 is not above C,
    //   so σ(a2, b1) = 0.6. b1 vs a2: a2 leads by 15, 35, 35 on g3, g4, g5 (d 0.25, 1, 1): C = 0.4, σ(b1, a2) = 0.
    //   λ = 0.75: a2 is incomparable with b1 and b2 → pessimistic C1, optimistic C3 (the textbook case of an ambiguous
    //   candidate, good on some criteria and very bad on others).
    //   λ = 0.6: a2 S b1 → pessimistic C2; b1 does not outrank a2 but b2 ≻ a2 (0.6 ≥ λ, 0 < λ) → optimistic C2.
    // a3 vs b1: b1 leads only on g1, by 5 (= q: c = 1): σ(a3, b1) = 1. b1 vs a3: a3 leads by 12 on g2 and 13 on g4
    //   (c 0; d 0.1, 0.15): C = σ(b1, a3) = 0.6.
    //   a3 vs b2: b2 leads by 25, 15, 25, 7, 25: c = 0, 0, 0, 0.6, 0 → C = 0.12; d = 0.75, 0.25, 0.75, 0, 0.75, four of
    //   them above C: σ(a3, b2) = 0.12 · (0.25/0.88)³ · (0.75/0.88) ≈ 0.0023449. b2 vs a3: b2 is better everywhere: σ = 1.
    //   λ = 0.75: a3 ≻ b1, b2 ≻ a3 → C2 by both rules.
    private static readonly Criterion[] s_criteria = [.. Enumerable.Range(1, 5).Select(j => Criterion.Benefit("g" + j, 1))];

    private static readonly KeyValuePair<string, ElectreTriThresholds>[] s_thresholds =
        [.. s_criteria.Select(c => KeyValuePair.Create(c.Name, new ElectreTriThresholds(5, 10, 30)))];

    private static readonly string[] s_categories = ["C1", "C2", "C3"];

    private static CandidateSet ManualSet() => new(
    [
        Row("a1", 75, 67, 85, 82, 90),
        Row("a2", 28, 35, 70, 90, 95),
        Row("a3", 45, 60, 55, 68, 60),
    ]);

    private static ElectreTriProfile[] ManualProfiles() =>
    [
        new("b1", Values(50, 48, 55, 55, 60)),
        new("b2", Values(70, 75, 80, 75, 85)),
    ];

    private static Candidate Row(string id, params double[] g) => new(id, Values(g));

    private static KeyValuePair<string, double>[] Values(params double[] g) => [.. g.Select((v, j) => KeyValuePair.Create("g" + (j + 1), v))];

    private static ElectreTriResult Manual(double lambda) => ElectreTri.Sort(ManualSet(), s_criteria, s_thresholds, s_categories, ManualProfiles(), lambda);

    [Fact]
    public void ManualExample_Credibilities()
    {
        var result = Manual(0.75);

        var a1 = result.Assignment("a1");
        Assert.Equal(new[] { 1, 0.88 }, a1.Credibility.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(new[] { 0, 0.92 }, a1.ReverseCredibility.ToArray(), new ToleranceComparer(1e-12));

        var a2 = result.Assignment("a2");
        Assert.Equal(new[] { 0.6, 0.4 }, a2.Concordance.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(new[] { 0.6, 0 }, a2.Credibility.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(new[] { 0.4, 0.6 }, a2.ReverseConcordance.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(new[] { 0, 0.6 }, a2.ReverseCredibility.ToArray(), new ToleranceComparer(1e-12));

        var a3 = result.Assignment("a3");
        Assert.Equal(0.12, a3.Concordance[1], 1e-12);
        Assert.Equal(0.12 * Math.Pow(0.25 / 0.88, 3) * (0.75 / 0.88), a3.Credibility[1], 1e-15);
        Assert.Equal(0.0023449, a3.Credibility[1], 1e-7);
        Assert.Equal((1.0, 1.0), (a3.Credibility[0], a3.ReverseCredibility[1]));
        Assert.Equal(0.6, a3.ReverseCredibility[0], 1e-12);
    }

    [Fact]
    public void ManualExample_Assignments()
    {
        var result = Manual(0.75);

        Assert.Equal(["a1", "a2", "a3"], result.Assignments.Select(a => a.Id).ToArray());
        Assert.Equal(["a1: C3", "a2: C1 to C3", "a3: C2"], result.Assignments.Select(a => a.ToString()).ToArray());
        Assert.Equal([ElectreTriRelation.CandidatePreferred, ElectreTriRelation.Indifferent], result.Assignment("a1").Relations.ToArray());
        Assert.Equal([ElectreTriRelation.Incomparable, ElectreTriRelation.Incomparable], result.Assignment("a2").Relations.ToArray());
        Assert.Equal([ElectreTriRelation.CandidatePreferred, ElectreTriRelation.ProfilePreferred], result.Assignment("a3").Relations.ToArray());
        Assert.True(result.Assignment("a2").IsAmbiguous);
        Assert.Equal((0, 2), (result.Assignment("a2").PessimisticIndex, result.Assignment("a2").OptimisticIndex));
        Assert.Equal(["a2"], result.PessimisticMembers("C1").ToArray());
        Assert.Equal(["a1", "a2"], result.OptimisticMembers("C3").ToArray());
        Assert.Equal(["a3"], result.OptimisticMembers("C2").ToArray());
        Assert.Contains("3 candidates into 3 categories (λ 0.75), 1 assigned differently", result.ToString(), StringComparison.Ordinal);

        // At λ = 0.6 the 0.6 credibilities count: a2 moves to C2 by both rules.
        var lower = Manual(0.6);
        Assert.Equal(("C2", "C2"), (lower.Assignment("a2").Pessimistic, lower.Assignment("a2").Optimistic));
        Assert.Equal(("C3", "C3"), (lower.Assignment("a1").Pessimistic, lower.Assignment("a1").Optimistic));
    }

    [Fact]
    public void ManualExample_Explanations()
    {
        var result = Manual(0.75);

        var a2 = result.Explain("a2");
        Assert.Equal("ELECTRE TRI-B", a2.Method);
        Assert.Equal(
            "'a2' is in 'C1' by the pessimistic rule and in 'C3' by the optimistic rule (λ 0.75). Pessimistic: it does not outrank 'b1' (σ 0.6 < λ; C 0.6), the lowest profile. "
            + "Optimistic: no profile is preferred to it; against the top profile 'b2', σ(profile, candidate) 0.6 (C 0.6) and σ(candidate, profile) 0. Incomparable with 'b1', 'b2'.",
            a2.Summary);
        var g1 = a2.Contributions.Single(c => c.Criterion == "g1");
        Assert.Equal("Benefit 'g1': 'a2' has 28, 'b1' has 50 (q = 5, p = 10, v = 30); c 0 × weight 0.2, d 0.6.", g1.Text);
        Assert.Equal(0.6, a2.Contributions.Sum(c => c.Contribution), 1e-12);

        var a3 = result.Explain("a3");
        Assert.Contains(
            "Pessimistic: it does not outrank 'b2' (σ 0.00234494 < λ; C 0.12, weakened by 'g1' (d 0.75 > C 0.12), weakened by 'g2' (d 0.25 > C 0.12), weakened by 'g3' (d 0.75 > C 0.12), weakened by 'g5' (d 0.75 > C 0.12))",
            a3.Summary,
            StringComparison.Ordinal);
        Assert.Contains("but outranks 'b1' (σ 1 ≥ λ). Optimistic: 'b2' is preferred to it (σ(profile, candidate) 1 ≥ λ, σ(candidate, profile) 0.00234494 < λ) and no lower profile is.", a3.Summary, StringComparison.Ordinal);
        Assert.Contains("d 0.75 > C 0.12: weakens", a3.Contributions[0].Text, StringComparison.Ordinal);

        var a1 = result.Explain("a1");
        Assert.Contains("Pessimistic: it outranks the top profile 'b2' (σ 0.88 ≥ λ).", a1.Summary, StringComparison.Ordinal);
        Assert.Equal(0.88, a1.Contributions.Sum(c => c.Contribution), 1e-12);
    }

    [Fact]
    public void Veto_CancelsTheOutranking_AndIsNamed()
    {
        // a2 against b2 in the manual's data: g1 and g2 lag by 42 and 40 ≥ v = 30, so σ = 0 whatever C is.
        var result = Manual(0.5);
        var a2 = result.Assignment("a2");
        Assert.Equal(0, a2.Credibility[1]);
        var text = result.Explain("a2").Summary;
        Assert.Contains("'a2' is in 'C2' by the pessimistic rule", text, StringComparison.Ordinal);
        Assert.Contains("does not outrank 'b2' (σ 0 < λ; C 0.4, vetoed by 'g1' (d 1), vetoed by 'g2' (d 1))", text, StringComparison.Ordinal);
        Assert.Contains("d 1: vetoes", result.Explain("a2").Contributions[0].Text, StringComparison.Ordinal);

        // Without vetoes the same pair has σ = C = 0.4.
        var noVeto = ElectreTri.Sort(ManualSet(), s_criteria, [.. s_criteria.Select(c => KeyValuePair.Create(c.Name, new ElectreTriThresholds(5, 10)))], s_categories, ManualProfiles(), 0.5);
        Assert.Equal(0.4, noVeto.Assignment("a2").Credibility[1], 1e-12);

        // A criterion of weight 0 still vetoes, even though the others alone give C = 1 (d = 1 is not above C = 1, so
        // the product formula by itself would skip it).
        var weightless = ElectreTri.Sort(
            new CandidateSet([new Candidate("a", [new("x", 5), new("y", 0)])]),
            [Criterion.Benefit("x", 1), Criterion.Benefit("y", 0)],
            [new("y", new ElectreTriThresholds(0, 0, 1))],
            ["below", "above"],
            [new ElectreTriProfile("b", [new("x", 5), new("y", 5)])],
            0.75).Assignment("a");
        Assert.Equal((1.0, 0.0, "below"), (weightless.Concordance[0], weightless.Credibility[0], weightless.Pessimistic));
    }

    [Fact]
    public void RaisingLambda_CanLowerTheOptimisticCategory()
    {
        // Weights: z 0.35 (equal values), x 0.3 (a leads by more than p), y 0.35 (b leads by more than p); q = 0, p = 1,
        // no veto. σ(a, b) = 0.35 + 0.3 = 0.65 and σ(b, a) = 0.35 + 0.35 = 0.7. At λ = 0.6 both hold: a I b, so no profile
        // is preferred to a and the optimistic rule puts it in the top category. At λ = 0.68 only b S a holds: b ≻ a, so
        // the optimistic rule puts a below b. Raising λ lowered the optimistic category (the pessimistic one fell too).
        var set = new CandidateSet([new Candidate("a", [new("z", 5), new("x", 8), new("y", 2)])]);
        Criterion[] criteria = [Criterion.Benefit("z", 0.35), Criterion.Benefit("x", 0.3), Criterion.Benefit("y", 0.35)];
        var thresholds = criteria.Select(c => KeyValuePair.Create(c.Name, new ElectreTriThresholds(0, 1))).ToArray();
        ElectreTriProfile[] profile = [new("b", [new("z", 5), new("x", 2), new("y", 8)])];

        var low = ElectreTri.Sort(set, criteria, thresholds, ["below", "above"], profile, 0.6).Assignment("a");
        var high = ElectreTri.Sort(set, criteria, thresholds, ["below", "above"], profile, 0.68).Assignment("a");

        Assert.Equal(0.65, low.Credibility[0], 1e-12);
        Assert.Equal(0.7, low.ReverseCredibility[0], 1e-12);
        Assert.Equal((ElectreTriRelation.Indifferent, "above", "above"), (low.Relations[0], low.Pessimistic, low.Optimistic));
        Assert.Equal((ElectreTriRelation.ProfilePreferred, "below", "below"), (high.Relations[0], high.Pessimistic, high.Optimistic));
    }

    [Fact]
    public void CredibilityEqualToLambda_Outranks_DespiteRoundingOfDecimalWeights()
    {
        // Weights 0.1 and 0.3: a candidate that concords on the second criterion only has C = 0.3 / 0.4 = 0.75 exactly,
        // but 0.3 / (0.1 + 0.3) is 0.7499999999999999 in double precision. At λ = 0.75 it must still outrank the
        // profile (σ = λ outranks); so must the same case with weights 0.15 and 0.6 at λ = 0.8 (0.6 / 0.75).
        var set = new CandidateSet([new Candidate("a", [new("x", 0), new("y", 5)])]);
        ElectreTriProfile[] profile = [new("b", [new("x", 5), new("y", 5)])];
        var a = ElectreTri.Sort(set, [Criterion.Benefit("x", 0.1), Criterion.Benefit("y", 0.3)], [], ["below", "above"], profile, 0.75).Assignment("a");
        Assert.Equal(0.75, a.Credibility[0], 1e-12);
        Assert.Equal((ElectreTriRelation.Indifferent, "above", "above"), (a.Relations[0], a.Pessimistic, a.Optimistic));
        Assert.Contains("it outranks the top profile 'b' (σ 0.75 ≥ λ)", a.Explanation.Summary, StringComparison.Ordinal);

        var b = ElectreTri.Sort(set, [Criterion.Benefit("x", 0.15), Criterion.Benefit("y", 0.6)], [], ["below", "above"], profile, 0.8).Assignment("a");
        Assert.Equal(("above", "above"), (b.Pessimistic, b.Optimistic));

        // The slack is far below any difference that matters: σ = 0.75 − 1e-6 does not reach λ = 0.75.
        var c = ElectreTri.Sort(set, [Criterion.Benefit("x", 0.25 + 1e-6), Criterion.Benefit("y", 0.75 - 1e-6)], [], ["below", "above"], profile, 0.75).Assignment("a");
        Assert.Equal(("below", "below"), (c.Pessimistic, c.Optimistic));
    }

    [Fact]
    public void Thresholds_BoundariesAndSteps()
    {
        var t = new ElectreTriThresholds(1, 3, 7);
        Assert.Equal([1, 1, 0.5, 0, 0], new[] { -4.0, 1, 2, 3, 9 }.Select(t.Concordance).ToArray());
        Assert.Equal([0, 0, 0.25, 1, 1], new[] { -4.0, 3, 4, 7, 9 }.Select(t.Discordance).ToArray());

        // q = p and v = p are steps: at the threshold itself the gentler value holds.
        var step = new ElectreTriThresholds(2, 2, 2);
        Assert.Equal([1, 0], new[] { 2.0, 2.5 }.Select(step.Concordance).ToArray());
        Assert.Equal([0, 1], new[] { 2.0, 2.5 }.Select(step.Discordance).ToArray());
        Assert.Equal(0, ElectreTriThresholds.None.Discordance(1e300));
        Assert.Equal(0, ElectreTriThresholds.None.Concordance(1e-300));
        Assert.Equal("q = 1, p = 3, v = 7", t.ToString());
        Assert.Equal("q = 0, p = 0, no veto", ElectreTriThresholds.None.ToString());
        Assert.Equal(new ElectreTriThresholds(1, 3, 7), t);
        Assert.NotEqual(new ElectreTriThresholds(1, 3), t);
    }

    [Fact]
    public void CostCriteria_AreReversed_AndUnnamedCriteriaGetNoThresholds()
    {
        // Effort is a cost: the candidate that needs less is better. Profile "cap": value 5, effort 10.
        var set = new CandidateSet(
        [
            new Candidate("cheap", [new("value", 5), new("effort", 4)]),
            new Candidate("dear", [new("value", 5), new("effort", 12)]),
        ]);
        Criterion[] criteria = [Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)];
        var result = ElectreTri.Sort(set, criteria, [new("effort", new ElectreTriThresholds(1, 3))], ["later", "now"], [new ElectreTriProfile("cap", [new("value", 5), new("effort", 10)])], 0.75);

        Assert.Equal(("now", "now"), (result.Assignment("cheap").Pessimistic, result.Assignment("cheap").Optimistic));
        // dear lags on effort by 2, between q and p: c = ½, C = 0.75: it still outranks the profile at λ = 0.75.
        Assert.Equal(0.75, result.Assignment("dear").Credibility[0]);
        Assert.Equal("now", result.Assignment("dear").Pessimistic);
        Assert.Equal([ElectreTriThresholds.None, new ElectreTriThresholds(1, 3)], result.Thresholds.ToArray());
        Assert.Contains("Cost 'effort': 'dear' has 12, 'cap' has 10 (q = 1, p = 3, no veto); c 0.5 × weight 0.5.", result.Explain("dear").Contributions[0].Text + result.Explain("dear").Contributions[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OneCategory_EmptySet_AndLookups()
    {
        var one = ElectreTri.Sort(ManualSet(), s_criteria, s_thresholds, ["all"], [], 0.75);
        Assert.All(one.Assignments, a => Assert.Equal(("all", "all"), (a.Pessimistic, a.Optimistic)));
        Assert.Empty(one.Assignment("a1").Credibility);
        Assert.Contains("one category", one.Explain("a1").Summary, StringComparison.Ordinal);

        var empty = ElectreTri.Sort(CandidateSet.FromColumns([], s_criteria.Select(c => KeyValuePair.Create(c.Name, (IReadOnlyList<double>)Array.Empty<double>()))), s_criteria, s_thresholds, s_categories, ManualProfiles(), 0.75);
        Assert.Empty(empty.Assignments);
        Assert.Empty(empty.PessimisticMembers("C2"));

        var result = Manual(0.75);
        Assert.Throws<KeyNotFoundException>(() => result.Assignment("zz"));
        Assert.Contains("no category 'C9' (it has: C1, C2, C3)", Assert.Throws<KeyNotFoundException>(() => result.OptimisticMembers("C9")).Message, StringComparison.Ordinal);
        Assert.Equal(["b1", "b2"], result.Profiles.Select(p => p.Name).ToArray());
        Assert.Equal(s_categories, result.Categories.ToArray());
        Assert.Equal(0.75, result.CuttingLevel);
        Assert.Equal(5, result.Criteria.Length);
        Assert.Same(result.Candidates, result.Candidates);
    }

    [Fact]
    public void Validation_NamesTheBadValue()
    {
        var set = ManualSet();
        var profiles = ManualProfiles();

        var lambda = Assert.Throws<ArgumentOutOfRangeException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, profiles, 0.49));
        Assert.Equal("cuttingLevel", lambda.ParamName);
        Assert.Contains("λ = 0.49 must lie in [0.5, 1]", lambda.Message, StringComparison.Ordinal);
        Assert.Equal("cuttingLevel", Assert.Throws<ArgumentOutOfRangeException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, profiles, double.NaN)).ParamName);
        Assert.Equal("cuttingLevel", Assert.Throws<ArgumentOutOfRangeException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, profiles, 1.01)).ParamName);

        // Profiles out of order: b2 below b1 on g3.
        ElectreTriProfile[] crossed = [profiles[0], new("b2", Values(70, 75, 50, 75, 85))];
        var order = Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, crossed, 0.75));
        Assert.Equal("profiles", order.ParamName);
        Assert.Contains("Profile 'b2' is worse than the profile below it, 'b1', on criterion 'g3' (a benefit: 50 against 55)", order.Message, StringComparison.Ordinal);
        var reversed = Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, [profiles[1], profiles[0]], 0.75));
        Assert.Contains("Profile 'b1' is worse than the profile below it, 'b2', on criterion 'g1'", reversed.Message, StringComparison.Ordinal);
        var cost = Assert.Throws<ArgumentException>(() => ElectreTri.Sort(
            CandidateSet.FromColumns(["x"], [new("e", new[] { 1.0 })]), [Criterion.Cost("e", 1)], [], ["C1", "C2", "C3"], [new("lo", [new("e", 5)]), new("hi", [new("e", 6)])], 0.75));
        Assert.Contains("Profile 'hi' is worse than the profile below it, 'lo', on criterion 'e' (a cost: 6 against 5)", cost.Message, StringComparison.Ordinal);
        Assert.Contains("equals the profile below it, 'b1'", Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, [profiles[0], new("b2", profiles[0].Values)], 0.75)).Message, StringComparison.Ordinal);

        Assert.Contains("Profile 'b2' lacks criterion 'g5'", Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, [profiles[0], new("b2", Values(70, 75, 80, 75))], 0.75)).Message, StringComparison.Ordinal);
        Assert.Contains("Profile 'b2' has a value for 'g9'", Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, [profiles[0], new("b2", [.. Values(70, 75, 80, 75, 85), new("g9", 1)])], 0.75)).Message, StringComparison.Ordinal);
        Assert.Contains("Profile 'b1' is given twice", Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, [profiles[0], new("b1", profiles[1].Values)], 0.75)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, [profiles[0], null!], 0.75));

        var count = Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, ["C1", "C2"], profiles, 0.75));
        Assert.Equal("categories", count.ParamName);
        Assert.Contains("2 categories need 1 boundary profiles, but 2 are given", count.Message, StringComparison.Ordinal);
        Assert.Contains("Category 'C1' is given twice", Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, ["C1", "C2", "C1"], profiles, 0.75)).Message, StringComparison.Ordinal);
        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, [], [], 0.75)).ParamName);
        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, ["C1", " ", "C3"], profiles, 0.75)).ParamName);

        var unknown = Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, [new("g7", ElectreTriThresholds.None)], s_categories, profiles, 0.75));
        Assert.Equal("thresholds", unknown.ParamName);
        Assert.Contains("'g7', which is not one of the criteria", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("given twice for criterion 'g1'", Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, s_criteria, [s_thresholds[0], s_thresholds[0]], s_categories, profiles, 0.75)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ElectreTri.Sort(set, s_criteria, [new("g1", null!)], s_categories, profiles, 0.75));

        var missing = Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, [Criterion.Benefit("h", 1)], [], ["C1"], [], 0.75));
        Assert.Contains("ELECTRE TRI-B needs criterion 'h'", missing.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ElectreTri.Sort(set, [], [], ["C1"], [], 0.75));
        Assert.Throws<ArgumentNullException>(() => ElectreTri.Sort(null!, s_criteria, s_thresholds, s_categories, profiles, 0.75));
        Assert.Throws<ArgumentNullException>(() => ElectreTri.Sort(set, s_criteria, null!, s_categories, profiles, 0.75));
        Assert.Throws<ArgumentNullException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, null!, profiles, 0.75));
        Assert.Throws<ArgumentNullException>(() => ElectreTri.Sort(set, s_criteria, s_thresholds, s_categories, null!, 0.75));

        Assert.Equal("indifference", Assert.Throws<ArgumentOutOfRangeException>(() => new ElectreTriThresholds(-1, 2)).ParamName);
        var p = Assert.Throws<ArgumentOutOfRangeException>(() => new ElectreTriThresholds(3, 2));
        Assert.Equal("preference", p.ParamName);
        Assert.Contains("p = 2 must be finite and at least the indifference threshold q = 3", p.Message, StringComparison.Ordinal);
        Assert.Equal("veto", Assert.Throws<ArgumentOutOfRangeException>(() => new ElectreTriThresholds(1, 2, 1.5)).ParamName);
        Assert.Equal("veto", Assert.Throws<ArgumentOutOfRangeException>(() => new ElectreTriThresholds(1, 2, double.PositiveInfinity)).ParamName);
        Assert.Equal("preference", Assert.Throws<ArgumentOutOfRangeException>(() => new ElectreTriThresholds(1, double.NaN)).ParamName);

        Assert.Contains("Profile 'b' has a non-finite value NaN for criterion 'g1'", Assert.Throws<ArgumentOutOfRangeException>(() => new ElectreTriProfile("b", [new("g1", double.NaN)])).Message, StringComparison.Ordinal);
        Assert.Contains("names criterion 'g1' twice", Assert.Throws<ArgumentException>(() => new ElectreTriProfile("b", [new("g1", 1), new("g1", 2)])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ElectreTriProfile(" ", []));
    }

    [Fact]
    public void Credibility_FollowsTheDefinition()
    {
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.Arbitrary(), c =>
        {
            var result = c.Sort();
            var weights = c.Weights.Select(w => w / c.Weights.Sum()).ToArray();
            for (var i = 0; i < c.Count; i++)
            {
                var a = result.Assignment(c.Ids[i]);
                for (var h = 0; h < c.ProfileCount; h++)
                {
                    var (cab, sab) = Reference(c, weights, j => Oriented(c, j, c.ProfileColumns[j][h]) - Oriented(c, j, c.Columns[j][i]));
                    var (cba, sba) = Reference(c, weights, j => Oriented(c, j, c.Columns[j][i]) - Oriented(c, j, c.ProfileColumns[j][h]));
                    Assert.Equal(cab, a.Concordance[h], 1e-12);
                    Assert.Equal(sab, a.Credibility[h], 1e-12);
                    Assert.Equal(cba, a.ReverseConcordance[h], 1e-12);
                    Assert.Equal(sba, a.ReverseCredibility[h], 1e-12);
                    Assert.InRange(a.Credibility[h], 0, 1);
                    Assert.InRange(a.ReverseCredibility[h], 0, a.ReverseConcordance[h]);
                }

                // The rules, restated from the relations.
                var outranked = Enumerable.Range(0, c.ProfileCount).Where(h => a.Credibility[h] >= c.Lambda - 1e-9).ToList();
                Assert.Equal(outranked.Count == 0 ? 0 : outranked.Max() + 1, a.PessimisticIndex);
                var preferred = Enumerable.Range(0, c.ProfileCount).Where(h => a.Relations[h] == ElectreTriRelation.ProfilePreferred).ToList();
                Assert.Equal(preferred.Count == 0 ? c.ProfileCount : preferred.Min(), a.OptimisticIndex);
            }
        }), maxTest: 400);
    }

    [Fact]
    public void Pessimistic_IsNeverAboveOptimistic()
    {
        var ambiguous = 0;
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.Arbitrary(), c =>
        {
            foreach (var a in c.Sort().Assignments)
            {
                Assert.True(a.PessimisticIndex <= a.OptimisticIndex, a.ToString());
                Assert.Equal(a.IsAmbiguous, Enumerable.Range(a.PessimisticIndex, a.OptimisticIndex - a.PessimisticIndex).Any(h => a.Relations[h] == ElectreTriRelation.Incomparable));
                ambiguous += a.IsAmbiguous ? 1 : 0;
            }
        }), maxTest: 1000);
        Assert.True(ambiguous > 50, $"only {ambiguous} ambiguous assignments: the generator hardly exercises incomparability");
    }

    [Fact]
    public void RaisingLambda_NeverRaisesThePessimisticCategory()
    {
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.CaseAndHigherLambda(), x =>
        {
            var (c, higher) = x;
            var low = c.Sort();
            var high = c.Sort(higher);
            foreach (var a in low.Assignments)
            {
                Assert.True(high.Assignment(a.Id).PessimisticIndex <= a.PessimisticIndex);
            }
        }), maxTest: 600);
    }

    [Fact]
    public void ABetterCandidate_IsNeverAssignedLower()
    {
        var pairs = 0;
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.Arbitrary(), c =>
        {
            var result = c.Sort();
            for (var a = 0; a < c.Count; a++)
            {
                for (var b = 0; b < c.Count; b++)
                {
                    if (a != b && c.AtLeastAsGood(a, b))
                    {
                        pairs++;
                        var x = result.Assignment(c.Ids[a]);
                        var y = result.Assignment(c.Ids[b]);
                        Assert.True(x.PessimisticIndex >= y.PessimisticIndex && x.OptimisticIndex >= y.OptimisticIndex, $"{x} against {y}");
                    }
                }
            }
        }), maxTest: 600);
        Assert.True(pairs > 100, $"only {pairs} dominating pairs");
    }

    [Fact]
    public void CandidateOrder_ChangesNothing()
    {
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.CaseAndPermutation(), x =>
        {
            var (c, permutation) = x;
            var one = c.Sort();
            var two = c.Permuted(permutation).Sort();
            Assert.Equal(one.Assignments.Select(a => a.ToString()), two.Assignments.Select(a => a.ToString()));
            foreach (var a in one.Assignments)
            {
                var b = two.Assignment(a.Id);
                Assert.Equal(a.Credibility.ToArray(), b.Credibility.ToArray());
                Assert.Equal(a.ReverseCredibility.ToArray(), b.ReverseCredibility.ToArray());
                Assert.Equal(a.Explanation.ToString(), b.Explanation.ToString());
            }
        }), maxTest: 300);
    }

    [Fact]
    public void WithoutVeto_CredibilityIsConcordance()
    {
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.Arbitrary(), c =>
        {
            var plain = c with { Thresholds = [.. c.Thresholds.Select(t => new ElectreTriThresholds(t.Indifference, t.Preference))] };
            foreach (var a in plain.Sort().Assignments)
            {
                Assert.Equal(a.Concordance.ToArray(), a.Credibility.ToArray());
                Assert.Equal(a.ReverseConcordance.ToArray(), a.ReverseCredibility.ToArray());
            }
        }), maxTest: 300);
    }

    [Fact]
    public void OneCategory_HoldsEverything()
    {
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.Arbitrary(), c =>
        {
            var single = c with { ProfileColumns = [.. c.ProfileColumns.Select(_ => Array.Empty<double>())] };
            var result = single.Sort();
            Assert.Equal(c.Ids.Order(StringComparer.Ordinal).ToArray(), result.PessimisticMembers("C0").ToArray());
            Assert.Equal(c.Ids.Order(StringComparer.Ordinal).ToArray(), result.OptimisticMembers("C0").ToArray());
        }), maxTest: 200);
    }

    [Fact]
    public void RemovingACandidate_MovesNoOther()
    {
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.Arbitrary(), c =>
        {
            if (c.Count < 2)
            {
                return;
            }

            var all = c.Sort();
            var set = c.ToSet().Without(c.Ids[0]);
            var fewer = ElectreTri.Sort(set, c.Criteria(), c.ThresholdMap(), c.Categories(), c.Profiles(), c.Lambda);
            Assert.Equal(all.Assignments.Where(a => a.Id != c.Ids[0]).Select(a => a.ToString()), fewer.Assignments.Select(a => a.ToString()));
        }), maxTest: 200);
    }

    [Fact]
    public void Explanation_ContributionsAddUpToTheConcordance()
    {
        PropertyCheck.Run(Prop.ForAll(ElectreTriArbitraries.Arbitrary(), c =>
        {
            foreach (var a in c.Sort().Assignments)
            {
                var e = a.Explanation;
                Assert.Equal(c.Width, e.Contributions.Length);
                Assert.Contains(Invariant($"'{a.Id}' is in '{a.Pessimistic}' by the pessimistic rule and in '{a.Optimistic}' by the optimistic rule"), e.Summary, StringComparison.Ordinal);
                if (c.ProfileCount > 0)
                {
                    var against = Math.Min(a.PessimisticIndex, c.ProfileCount - 1);
                    Assert.Equal(a.Concordance[against], e.Contributions.Sum(x => x.Contribution), 1e-12);
                    var vetoed = e.Contributions.Any(x => x.Text.EndsWith("d 1: vetoes.", StringComparison.Ordinal));
                    Assert.True(!vetoed || a.Credibility[against] == 0, "a veto leaves σ = 0");
                    Assert.True(vetoed || a.Credibility[against] > 0 || a.Concordance[against] == 0, "σ = 0 with C > 0 needs a veto");
                }
            }
        }), maxTest: 300);
    }

    private static double Oriented(ElectreTriCase c, int j, double value) => c.Kinds[j] == CriterionKind.Benefit ? value : -value;

    /// <summary>C and σ straight from the definitions, for a lead Δ_j of the second object on each criterion.</summary>
    private static (double C, double Sigma) Reference(ElectreTriCase c, double[] weights, Func<int, double> lead)
    {
        var concordance = 0.0;
        for (var j = 0; j < c.Width; j++)
        {
            var t = c.Thresholds[j];
            var gap = lead(j);
            concordance += weights[j] * (gap <= t.Indifference ? 1 : gap >= t.Preference ? 0 : (t.Preference - gap) / (t.Preference - t.Indifference));
        }

        var sigma = concordance;
        for (var j = 0; j < c.Width; j++)
        {
            var t = c.Thresholds[j];
            var gap = lead(j);
            var d = t.Veto is not { } v || gap <= t.Preference ? 0 : gap >= v ? 1 : (gap - t.Preference) / (v - t.Preference);
            if (d >= 1)
            {
                sigma = 0;
            }
            else if (d > concordance + 1e-12)
            {
                sigma *= (1 - d) / (1 - concordance);
            }
        }

        return (concordance, sigma);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
