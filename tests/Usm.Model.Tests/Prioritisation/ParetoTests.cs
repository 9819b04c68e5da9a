using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>A hand-worked example, the tie rules, lookups and validation of <see cref="Pareto"/>.</summary>
public class ParetoTests
{
    private static readonly Criterion[] s_criteria = [Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)];

    // Hand-worked example (value: more is better; effort: less is better).
    //   A (8, 5)  B (6, 2)  C (8, 3)  D (5, 2)  E (3, 4)  F (6, 2)  G (2, 1)
    // Dominance, pair by pair where it holds:
    //   C ≻ A (value 8 = 8, effort 3 < 5)
    //   B ≻ D and F ≻ D (value 6 > 5, effort 2 = 2)
    //   B, C, D, F ≻ E (value 6/8/5/6 > 3, effort 2/3/2/2 < 4); A does not (effort 5 > 4), G does not (value 2 < 3)
    //   B and F are equal on both criteria, so neither dominates the other.
    //   G (effort 1) is the only candidate with effort ≤ 1, and nothing has value ≥ 8 with effort ≤ 3 but C.
    // Front 1 = not dominated at all: B, C, F, G.
    // Front 2 = not dominated once front 1 is gone (A, D, E left): A and D (D ≻ E, and A, D are incomparable).
    // Front 3 = E.
    private static CandidateSet Example() => new(
    [
        new Candidate("A", [new("value", 8), new("effort", 5)]),
        new Candidate("B", [new("value", 6), new("effort", 2)]),
        new Candidate("C", [new("value", 8), new("effort", 3)]),
        new Candidate("D", [new("value", 5), new("effort", 2)]),
        new Candidate("E", [new("value", 3), new("effort", 4)]),
        new Candidate("F", [new("value", 6), new("effort", 2)]),
        new Candidate("G", [new("value", 2), new("effort", 1)]),
    ]);

    [Fact]
    public void HandWorkedExample_Fronts()
    {
        var result = Pareto.Sort(Example(), s_criteria);

        Assert.Equal(["B", "C", "F", "G"], Pareto.NonDominated(Example(), s_criteria).ToArray());
        Assert.Equal(["B", "C", "F", "G"], result.NonDominated.ToArray());
        Assert.Equal(["BCFG", "AD", "E"], result.Fronts.Select(f => string.Concat(f.Ids)));
        Assert.Equal([1, 2, 3], result.Fronts.Select(f => f.Number));
        Assert.Equal(["B", "C", "F", "G", "A", "D", "E"], result.Ids.ToArray());
        Assert.Equal(result.Ids, result.Items.Select(i => i.Id));
        Assert.Equal(3, result.FrontOf("E"));
        Assert.Equal(1, result.FrontOf("F"));
        Assert.Equal(7, result.Count);
        Assert.True(result.Dominates("C", "A"));
        Assert.False(result.Dominates("A", "C"));
        Assert.False(result.Dominates("B", "F"));
        Assert.False(result.Dominates("F", "B"));
        Assert.False(result.Dominates("A", "A"));
        Assert.False(result.Dominates("A", "E"));
    }

    [Fact]
    public void HandWorkedExample_Explanations()
    {
        var result = Pareto.Sort(Example(), s_criteria);

        var e = result.Find("E")!;
        Assert.Equal(3, e.Front);
        Assert.True(e.IsDominated);
        Assert.Equal(4, e.DominatorCount);            // B, C, D, F
        Assert.Equal(0, e.DominatedCount);
        Assert.Equal("B", e.Dominator);                // front 1, smallest id among B, C, F
        Assert.Equal("D", e.PreviousFrontDominator);   // front 2: A does not dominate E, D does
        Assert.Equal(["value", "effort"], e.BetterOn.ToArray());
        Assert.Empty(e.EqualOn);
        Assert.Equal(
            "'E' is in front 3 of 3: dominated by 4 candidates. 'B' (front 1) is better on 'value' and 'effort'. 'D' in front 2 also dominates it, so it comes after front 2.",
            e.ToString());
        Assert.Equal([3.0, 2.0], e.Explanation.Contributions.Select(c => c.Contribution));   // 6 − 3, 4 − 2
        Assert.Equal([3.0, 4.0], e.Explanation.Contributions.Select(c => c.Value));

        var d = result.Find("D")!;
        Assert.Equal(2, d.DominatorCount);             // B, F
        Assert.Equal(1, d.DominatedCount);             // E
        Assert.Equal("B", d.Dominator);
        Assert.Equal("B", d.PreviousFrontDominator);
        Assert.Equal(["value"], d.BetterOn.ToArray());
        Assert.Equal(["effort"], d.EqualOn.ToArray());
        Assert.Equal("Pareto", d.Explanation.Method);
        Assert.Equal(
            """
            'D' is in front 2 of 3: dominated by 2 candidates. 'B' (front 1) is better on 'value' and equal on 'effort'. It dominates 1 candidate.
              - Benefit 'value': 'B' has 6, 'D' has 5; 'B' is better by 1 (more is better).
              - Cost 'effort': both have 2 (equal).
            """.ReplaceLineEndings(Environment.NewLine),
            d.Explanation.ToString());

        var a = result.Find("A")!;
        Assert.Equal("C", a.Dominator);
        Assert.Equal(["effort"], a.BetterOn.ToArray());
        Assert.Equal(
            "  - Cost 'effort': 'C' has 3, 'A' has 5; 'C' is better by 2 (less is better).",
            a.Explanation.ToString().Split(Environment.NewLine)[2]);

        var c = result.Find("C")!;
        Assert.False(c.IsDominated);
        Assert.Null(c.Dominator);
        Assert.Null(c.PreviousFrontDominator);
        Assert.Equal(2, c.DominatedCount);              // A, E
        Assert.Equal(
            """
            'C' is in front 1 of 3 (non-dominated): no candidate is at least as good on every criterion and better on one. It dominates 2 candidates.
              - Benefit 'value' = 8.
              - Cost 'effort' = 3.
            """.ReplaceLineEndings(Environment.NewLine),
            c.Explanation.ToString());
        Assert.All(c.Explanation.Contributions, x => Assert.Equal(0, x.Contribution));
        Assert.Equal(["F"], result.Find("B")!.EqualCandidates.ToArray());
        Assert.Empty(result.Find("C")!.EqualCandidates);
        Assert.Equal(
            "'B' is in front 1 of 3 (non-dominated): no candidate is at least as good on every criterion and better on one. It is equal on every criterion to 'F', so they share the front. It dominates 2 candidates.",
            result.Find("B")!.ToString());
        Assert.Equal("'G' is in front 1 of 3 (non-dominated): no candidate is at least as good on every criterion and better on one.", result.Find("G")!.ToString());
    }

    [Fact]
    public void HandWorkedExample_ToString()
    {
        var result = Pareto.Sort(Example(), s_criteria);

        Assert.Equal(
            """
            Pareto fronts of 7 candidates on value (Benefit), effort (Cost): 3 fronts
              front 1 (4): B, C, F, G
              front 2 (2): A, D
              front 3 (1): E
            """.ReplaceLineEndings(Environment.NewLine),
            result.ToString());
        Assert.Equal("front 2 (2): A, D", result.Fronts[1].ToString());
    }

    [Fact]
    public void ToString_ShortensLongFrontsAndManyFronts()
    {
        // One criterion, 12 distinct values: 12 fronts of one each. Then 12 equal candidates: one front of 12.
        var chain = CandidateSet.FromColumns([.. Enumerable.Range(10, 12).Select(i => "c" + i)], [KeyValuePair.Create("v", (IReadOnlyList<double>)[.. Enumerable.Range(0, 12).Select(i => (double)-i)])]);
        var flat = CandidateSet.FromColumns([.. Enumerable.Range(10, 12).Select(i => "c" + i)], [KeyValuePair.Create("v", (IReadOnlyList<double>)new double[12])]);

        var lines = Pareto.Sort(chain, [Criterion.Benefit("v", 1)]).ToString().Split(Environment.NewLine);
        var front = Pareto.Sort(flat, [Criterion.Benefit("v", 1)]).Fronts.Single();

        Assert.Equal(12, lines.Length);
        Assert.EndsWith("12 fronts", lines[0], StringComparison.Ordinal);
        Assert.Equal("  front 10 (1): c19", lines[10]);
        Assert.Equal("  … (2 more fronts)", lines[11]);
        Assert.Equal("front 1 (12): c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, … (2 more)", front.ToString());
        Assert.Contains(
            "It is equal on every criterion to 'c11', 'c12', 'c13' and 8 more, so they share the front.",
            Pareto.Sort(flat, [Criterion.Benefit("v", 1)]).Find("c10")!.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void EqualCandidates_ShareAFront_AndDoNotDominateEachOther()
    {
        var set = new CandidateSet(
        [
            new Candidate("x", [new("value", 4), new("effort", 2)]),
            new Candidate("y", [new("value", 4), new("effort", 2)]),
            new Candidate("z", [new("value", 3), new("effort", 2)]),
            new Candidate("w", [new("value", 3), new("effort", 2)]),
        ]);

        var result = Pareto.Sort(set, s_criteria);

        Assert.Equal(["x", "y"], result.Fronts[0].Ids.ToArray());
        Assert.Equal(["w", "z"], result.Fronts[1].Ids.ToArray());
        Assert.False(result.Dominates("x", "y"));
        Assert.Equal(["y"], result.Find("x")!.EqualCandidates.ToArray());
        Assert.Equal(["w"], result.Find("z")!.EqualCandidates.ToArray());
        Assert.EndsWith("It is equal on every criterion to 'w', so they share the front.", result.Find("z")!.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, result.Find("w")!.DominatorCount);
        Assert.Equal("x", result.Find("w")!.Dominator);
    }

    [Fact]
    public void WeightsAreIgnored_AndASingleCriterionGivesOneFrontPerLevel()
    {
        var zero = Pareto.Sort(Example(), [Criterion.Benefit("value", 0), Criterion.Cost("effort", 0)]);
        var single = Pareto.Sort(Example(), [Criterion.Cost("effort", 5)]);

        Assert.Equal(Pareto.Sort(Example(), s_criteria).Ids.ToArray(), zero.Ids.ToArray());
        Assert.Equal([["G"], ["B", "D", "F"], ["C"], ["E"], ["A"]], single.Fronts.Select(f => f.Ids.ToArray()).ToArray());
    }

    [Fact]
    public void EmptySet_HasNoFronts()
    {
        var empty = CandidateSet.FromColumns([], [KeyValuePair.Create("value", (IReadOnlyList<double>)[])]);

        var result = Pareto.Sort(empty, [Criterion.Benefit("value", 1)]);

        Assert.Empty(result.Fronts);
        Assert.Empty(result.NonDominated);
        Assert.Empty(result.Items);
        Assert.Empty(Pareto.NonDominated(empty, [Criterion.Benefit("value", 1)]));
        Assert.Equal("Pareto fronts of 0 candidates on value (Benefit): 0 fronts", result.ToString());
    }

    [Fact]
    public void ExtremeValues_CompareExactly()
    {
        // Values at the ends of the double range, a subnormal and −0: dominance is exact comparison, never a difference.
        var set = CandidateSet.FromColumns(
            ["a", "b", "c", "d", "e"],
            [
                KeyValuePair.Create("g", (IReadOnlyList<double>)[double.MaxValue, -double.MaxValue, double.Epsilon, -0.0, 0.0]),
                KeyValuePair.Create("h", (IReadOnlyList<double>)[-double.MaxValue, double.MaxValue, 0.0, 0.0, -0.0]),
            ]);

        var result = Pareto.Sort(set, [Criterion.Benefit("g", 1), Criterion.Benefit("h", 1)]);

        Assert.Equal(["a", "b", "c"], result.NonDominated.ToArray());
        Assert.Equal(2, result.FrontOf("d"));                // c ≻ d: ε > −0 and 0 = 0
        Assert.Equal("c", result.Find("d")!.Dominator);
        Assert.Equal(["h"], result.Find("d")!.EqualOn.ToArray());
        Assert.Contains("better by 4.94066E-324", result.Find("d")!.Explanation.ToString(), StringComparison.Ordinal);
        Assert.Equal(["e"], result.Find("d")!.EqualCandidates.ToArray());   // −0 equals +0
        Assert.False(result.Dominates("d", "e"));
    }

    [Fact]
    public void CandidatesInFronts_KeepsEveryColumn_TheEffortsAndThePolarities()
    {
        var set = new CandidateSet(
        [
            new Candidate("p", [new("value", 5), new("effort", 1), new("risk", 0.2)], effort: 3, polarity: CandidatePolarity.Threat),
            new Candidate("q", [new("value", 4), new("effort", 2), new("risk", 0.9)], effort: 1),
            new Candidate("r", [new("value", 6), new("effort", 2), new("risk", 0.1)], effort: 2),
        ]);
        var result = Pareto.Sort(set, s_criteria);

        var first = result.CandidatesInFronts(1);

        Assert.Equal(["p", "r"], first.Ids.ToArray());
        Assert.Equal([set[0], set[2]], first.Candidates);
        Assert.Equal(set.Ids.ToArray(), result.CandidatesInFronts(2).Ids.ToArray());
        Assert.Equal(set.Candidates, result.CandidatesInFronts(int.MaxValue).Candidates);
        Assert.Equal("fronts", Assert.Throws<ArgumentOutOfRangeException>(() => result.CandidatesInFronts(0)).ParamName);
        Assert.Equal(0, Pareto.Sort(CandidateSet.FromColumns([], [KeyValuePair.Create("value", (IReadOnlyList<double>)[])]), [Criterion.Benefit("value", 1)]).CandidatesInFronts(1).Count);
    }

    [Fact]
    public void Lookups_ByUnknownOrNullId()
    {
        var result = Pareto.Sort(Example(), s_criteria);

        Assert.Null(result.Find("Z"));
        Assert.Contains("'Z'", Assert.Throws<KeyNotFoundException>(() => result.FrontOf("Z")).Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => result.Dominates("A", "Z"));
        Assert.Throws<KeyNotFoundException>(() => result.Dominates("Z", "A"));
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => result.FrontOf(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => result.Find(null!)).ParamName);
        Assert.Equal("dominator", Assert.Throws<ArgumentNullException>(() => result.Dominates(null!, "A")).ParamName);
        Assert.Equal("dominated", Assert.Throws<ArgumentNullException>(() => result.Dominates("A", null!)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Items[7]);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Items[-1]);
    }

    [Fact]
    public void Validation_NullArguments()
    {
        Assert.Equal("candidates", Assert.Throws<ArgumentNullException>(() => Pareto.Sort(null!, s_criteria)).ParamName);
        Assert.Equal("criteria", Assert.Throws<ArgumentNullException>(() => Pareto.Sort(Example(), null!)).ParamName);
        Assert.Equal("candidates", Assert.Throws<ArgumentNullException>(() => Pareto.NonDominated(null!, s_criteria)).ParamName);
        Assert.Equal("criteria", Assert.Throws<ArgumentNullException>(() => Pareto.NonDominated(Example(), null!)).ParamName);

        var ex = Assert.Throws<ArgumentNullException>(() => Pareto.Sort(Example(), [Criterion.Benefit("value", 1), null!]));
        Assert.Equal("criteria", ex.ParamName);
        Assert.StartsWith("Criterion 1 is null.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_NoCriteria()
    {
        var ex = Assert.Throws<ArgumentException>(() => Pareto.Sort(Example(), []));

        Assert.Equal("criteria", ex.ParamName);
        Assert.StartsWith("Pareto dominance needs at least one criterion.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("criteria", Assert.Throws<ArgumentException>(() => Pareto.NonDominated(Example(), [])).ParamName);
    }

    [Fact]
    public void EmptySet_WithoutNamedColumns_SaysWhyItLacksTheCriterion_WithNamedColumns_HasNoFronts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Pareto.Sort(CandidateSet.Empty, [Criterion.Benefit("value", 1)]));
        var named = CandidateSet.FromColumns([], [KeyValuePair.Create("value", (IReadOnlyList<double>)[])]);

        Assert.StartsWith("Pareto dominance needs criterion 'value', which the candidate set lacks (it has no criteria; an empty set has criteria only when built from named columns).", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Pareto.Sort(named, [Criterion.Benefit("value", 1)]).Fronts);
    }

    [Fact]
    public void Validation_ACriterionTheSetLacks_IsNamedAsTheRankingMethodsNameIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Pareto.Sort(Example(), [Criterion.Benefit("value", 1), Criterion.Benefit("risk", 1)]));
        var ranking = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(Example(), RankingMethod.WeightedSum([Criterion.Benefit("risk", 1)], SawNormalisation.MinMax)));

        Assert.Equal("criteria", ex.ParamName);
        Assert.StartsWith("Pareto dominance needs criterion 'risk', which the candidate set lacks (it has: effort, value).", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("needs criterion 'risk', which the candidate set lacks (it has: effort, value). (Parameter 'candidates')", ranking.Message, StringComparison.Ordinal);
        Assert.Equal("criteria", Assert.Throws<ArgumentException>(() => Pareto.NonDominated(Example(), [Criterion.Cost("Value", 1)])).ParamName);
    }

    [Fact]
    public void Validation_ACriterionGivenTwice_EvenWithAnotherKind()
    {
        var ex = Assert.Throws<ArgumentException>(() => Pareto.Sort(Example(), [Criterion.Benefit("value", 1), Criterion.Cost("effort", 1), Criterion.Cost("value", 2)]));

        Assert.Equal("criteria", ex.ParamName);
        Assert.StartsWith("Criterion 'value' is given twice.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Pareto.NonDominated(Example(), [Criterion.Benefit("value", 1), Criterion.Benefit("value", 1)]));
    }

    [Fact]
    public void NonFiniteValues_NeverReachPareto_TheSetRefusesThem()
    {
        // Pareto compares values exactly and relies on CandidateSet's guarantee that every value is finite.
        Assert.Throws<ArgumentOutOfRangeException>(() => new Candidate("a", [new("value", double.NaN)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CandidateSet.FromColumns(["a"], [KeyValuePair.Create("value", (IReadOnlyList<double>)[double.PositiveInfinity])]));
    }

    [Fact]
    public void Result_KeepsItsInputs_AndNeverChangesTheSet()
    {
        var set = Example();
        var before = set.Candidates.ToArray();

        var result = Pareto.Sort(set, s_criteria);

        Assert.Same(set, result.Candidates);
        Assert.Equal(s_criteria, result.Criteria);
        Assert.Equal(before, set.Candidates);
        Assert.Same(result.Find("E"), result.Find("E"));
    }
}

/// <summary>The laws of Pareto dominance and non-dominated sorting, over hundreds of random sets full of ties.</summary>
public class ParetoPropertyTests
{
    [Fact]
    public void TheGenerator_ReachesTheEdgeCases()
    {
        // The properties below draw from this generator (each with its own seed); check that 500 of its cases hold
        // empty sets, single fronts, equal candidates, long chains of fronts and both kinds of criterion.
        int empty = 0, oneFront = 0, withEqual = 0, fourOrMoreFronts = 0, mixedKinds = 0;
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            empty += c.Count == 0 ? 1 : 0;
            oneFront += result.Fronts.Length == 1 && c.Count > 1 ? 1 : 0;
            withEqual += Enumerable.Range(0, c.Count).Any(a => Enumerable.Range(a + 1, c.Count - a - 1).Any(b => c.Equal(a, b))) ? 1 : 0;
            fourOrMoreFronts += result.Fronts.Length >= 4 ? 1 : 0;
            mixedKinds += c.Kinds.Distinct().Count() == 2 ? 1 : 0;
            return true;
        }), maxTest: 500);

        Assert.True(empty > 0, "no empty set");
        Assert.True(oneFront > 3, "few single-front sets: " + oneFront);
        Assert.True(withEqual > 100, "few sets with equal candidates: " + withEqual);
        Assert.True(fourOrMoreFronts > 50, "few sets with four or more fronts: " + fourOrMoreFronts);
        Assert.True(mixedKinds > 100, "few sets mixing benefits and costs: " + mixedKinds);
    }

    [Fact]
    public void FirstFront_IsTheBruteForceNonDominatedSet()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var expected = Enumerable.Range(0, c.Count).Where(p => !Enumerable.Range(0, c.Count).Any(q => c.Dominates(q, p))).Select(i => c.Ids[i]).Order(StringComparer.Ordinal);
            var set = c.ToSet();
            return expected.SequenceEqual(Pareto.NonDominated(set, c.Criteria()))
                && expected.SequenceEqual(Pareto.Sort(set, c.Criteria()).NonDominated);
        }), maxTest: 500);
    }

    [Fact]
    public void Fronts_AreThePeeledFronts()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            var expected = c.PeeledFronts();
            return result.Fronts.Length == expected.Count
                && result.Fronts.Zip(expected).All(p => p.First.Ids.ToHashSet().SetEquals(p.Second));
        }), maxTest: 500);
    }

    [Fact]
    public void Fronts_PartitionTheSet_InOrdinalOrderWithinEachFront()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            var all = result.Fronts.SelectMany(f => f.Ids).ToList();
            return all.Count == c.Count
                && all.ToHashSet(StringComparer.Ordinal).SetEquals(c.Ids)
                && result.Fronts.All(f => f.Count > 0 && f.Ids.SequenceEqual(f.Ids.Order(StringComparer.Ordinal)))
                && result.Fronts.Select(f => f.Number).SequenceEqual(Enumerable.Range(1, result.Fronts.Length))
                && result.Ids.SequenceEqual(all)
                && result.Fronts.All(f => f.Ids.All(id => result.FrontOf(id) == f.Number));
        }), maxTest: 500);
    }

    [Fact]
    public void NoMemberOfAFront_DominatesAnotherMember()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var index = c.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            return result.Fronts.All(f => f.Ids.All(a => f.Ids.All(b => !c.Dominates(index[a], index[b]))));
        }), maxTest: 500);
    }

    [Fact]
    public void EveryMemberOfALaterFront_IsDominatedByAMemberOfTheFrontBefore()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var index = c.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var fronts = Pareto.Sort(c.ToSet(), c.Criteria()).Fronts;
            return fronts.Skip(1).Zip(fronts).All(p => p.First.Ids.All(b => p.Second.Ids.Any(a => c.Dominates(index[a], index[b]))));
        }), maxTest: 500);
    }

    [Fact]
    public void Front_IsOneMoreThanTheLargestFrontOfItsDominators()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            return Enumerable.Range(0, c.Count).All(p =>
                result.FrontOf(c.Ids[p]) == 1 + Enumerable.Range(0, c.Count).Where(q => c.Dominates(q, p)).Select(q => result.FrontOf(c.Ids[q])).DefaultIfEmpty(0).Max());
        }), maxTest: 500);
    }

    [Fact]
    public void Result_DoesNotDependOnInputOrder()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.CaseAndPermutation(), pair =>
        {
            var (c, permutation) = pair;
            var a = Pareto.Sort(c.ToSet(), c.Criteria());
            var b = Pareto.Sort(c.Permuted(permutation).ToSet(), c.Criteria());
            return a.Ids.SequenceEqual(b.Ids)
                && a.Fronts.Select(f => f.Count).SequenceEqual(b.Fronts.Select(f => f.Count))
                && a.Items.Select(i => i.Explanation.ToString()).SequenceEqual(b.Items.Select(i => i.Explanation.ToString()))
                && Pareto.NonDominated(c.Permuted(permutation).ToSet(), c.Criteria()).SequenceEqual(a.NonDominated);
        }), maxTest: 300);
    }

    [Fact]
    public void FlippingEveryKind_MirrorsDominance()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var flipped = c with { Kinds = [.. c.Kinds.Select(k => k == CriterionKind.Benefit ? CriterionKind.Cost : CriterionKind.Benefit)] };
            var a = Pareto.Sort(c.ToSet(), c.Criteria());
            var b = Pareto.Sort(flipped.ToSet(), flipped.Criteria());
            return c.Ids.All(x => c.Ids.All(y => a.Dominates(x, y) == b.Dominates(y, x)));
        }), maxTest: 300);
    }

    [Fact]
    public void FlippingOneKind_AndNegatingItsValues_ChangesNothing()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.CaseCandidateAndCriterion(), t =>
        {
            var (c, _, j) = t;
            var mirrored = c with
            {
                Kinds = [.. c.Kinds.Select((k, i) => i != j ? k : k == CriterionKind.Benefit ? CriterionKind.Cost : CriterionKind.Benefit)],
                Columns = [.. c.Columns.Select((col, i) => i != j ? col : col.Select(v => -v).ToArray())],
            };
            var a = Pareto.Sort(c.ToSet(), c.Criteria());
            var b = Pareto.Sort(mirrored.ToSet(), mirrored.Criteria());
            return a.Ids.SequenceEqual(b.Ids)
                && a.Fronts.Select(f => f.Count).SequenceEqual(b.Fronts.Select(f => f.Count))
                && a.Items.Select(i => i.Dominator).SequenceEqual(b.Items.Select(i => i.Dominator));
        }), maxTest: 300);
    }

    [Fact]
    public void Dominates_MatchesTheDefinition_ForEveryPair()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            return Enumerable.Range(0, c.Count).All(a => Enumerable.Range(0, c.Count).All(b => result.Dominates(c.Ids[a], c.Ids[b]) == c.Dominates(a, b)));
        }), maxTest: 300);
    }

    [Fact]
    public void EqualCandidates_AlwaysShareAFront()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            return Enumerable.Range(0, c.Count).All(a => Enumerable.Range(0, c.Count).All(b =>
                !c.Equal(a, b) || (result.FrontOf(c.Ids[a]) == result.FrontOf(c.Ids[b]) && !result.Dominates(c.Ids[a], c.Ids[b]))));
        }), maxTest: 300);
    }

    [Fact]
    public void Weights_DoNotMatter()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var reweighted = c with { Weights = [.. c.Weights.Select((w, j) => (w * 7) + j + 1)] };
            return Pareto.Sort(c.ToSet(), c.Criteria()).Ids.SequenceEqual(Pareto.Sort(c.ToSet(), reweighted.Criteria()).Ids);
        }), maxTest: 200);
    }

    [Fact]
    public void EveryExplanation_NamesARealDominator_AndTheRightCriteria()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            var index = c.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            foreach (var item in result.Items)
            {
                var p = index[item.Id];
                var dominators = Enumerable.Range(0, c.Count).Where(q => c.Dominates(q, p)).ToList();
                var twins = Enumerable.Range(0, c.Count).Where(q => q != p && c.Equal(q, p)).Select(q => c.Ids[q]).Order(StringComparer.Ordinal);
                if (!item.EqualCandidates.SequenceEqual(twins))
                {
                    return false;
                }

                if (item.DominatorCount != dominators.Count
                    || item.DominatedCount != Enumerable.Range(0, c.Count).Count(q => c.Dominates(p, q))
                    || item.IsDominated != (dominators.Count > 0)
                    || item.Explanation.Contributions.Length != c.Width)
                {
                    return false;
                }

                if (!item.IsDominated)
                {
                    if (item.Dominator is not null || item.PreviousFrontDominator is not null || !item.BetterOn.IsEmpty || !item.EqualOn.IsEmpty)
                    {
                        return false;
                    }

                    continue;
                }

                // The documented choice: the smallest front, then the smallest id; the previous-front one from front − 1.
                var chosen = dominators.Select(q => c.Ids[q]).OrderBy(result.FrontOf).ThenBy(id => id, StringComparer.Ordinal).First();
                var previous = dominators.Select(q => c.Ids[q]).Where(id => result.FrontOf(id) == item.Front - 1).Order(StringComparer.Ordinal).First();
                var d = index[item.Dominator!];
                var better = Enumerable.Range(0, c.Width).Where(j => c.Columns[j][d] != c.Columns[j][p]).Select(ParetoCase.Name);
                var equal = Enumerable.Range(0, c.Width).Where(j => c.Columns[j][d] == c.Columns[j][p]).Select(ParetoCase.Name);
                if (item.Dominator != chosen
                    || result.FrontOf(chosen) != 1
                    || item.PreviousFrontDominator != previous
                    || !c.Dominates(d, p)
                    || !item.BetterOn.SequenceEqual(better)
                    || !item.EqualOn.SequenceEqual(equal)
                    || item.Explanation.Contributions.Any(x => x.Contribution < 0)
                    || !item.ToString().Contains("'" + chosen + "' (front 1)", StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }), maxTest: 300);
    }

    [Fact]
    public void ImprovingACandidate_NeverMovesItToALaterFront()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.CaseCandidateAndCriterion(), t =>
        {
            var (c, p, j) = t;
            var columns = c.Columns.Select(col => col.ToArray()).ToArray();
            columns[j][p] += c.Kinds[j] == CriterionKind.Benefit ? 1 : -1;
            var improved = c with { Columns = columns };
            return Pareto.Sort(improved.ToSet(), c.Criteria()).FrontOf(c.Ids[p]) <= Pareto.Sort(c.ToSet(), c.Criteria()).FrontOf(c.Ids[p]);
        }), maxTest: 500);
    }

    [Fact]
    public void RemovingACandidate_KeepsTheRestOfTheFrontier_AndRemovingADominatedOneChangesNothing()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.CaseCandidateAndCriterion(), t =>
        {
            var (c, p, _) = t;
            var set = c.ToSet();
            var before = Pareto.Sort(set, c.Criteria());
            var after = Pareto.NonDominated(set.Without(c.Ids[p]), c.Criteria());
            // Removing a frontier candidate keeps the rest of the frontier (it may promote others); removing any other changes nothing.
            return before.FrontOf(c.Ids[p]) == 1
                ? before.NonDominated.Where(id => id != c.Ids[p]).All(after.Contains)
                : after.SequenceEqual(before.NonDominated);
        }), maxTest: 500);
    }

    [Fact]
    public void StrictlyIncreasingRescaling_OfACriterion_ChangesNothing()
    {
        // Dominance reads only the order of the values on each criterion, so 2x + 5 or x³ leave every front as it was.
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.CaseCandidateAndCriterion(), t =>
        {
            var (c, _, j) = t;
            var linear = c with { Columns = [.. c.Columns.Select((col, i) => i != j ? col : col.Select(v => (2 * v) + 5).ToArray())] };
            var cubed = c with { Columns = [.. c.Columns.Select((col, i) => i != j ? col : col.Select(v => (v * v * v) - 10).ToArray())] };
            var expected = Pareto.Sort(c.ToSet(), c.Criteria());
            return new[] { linear, cubed }.All(x =>
            {
                var r = Pareto.Sort(x.ToSet(), x.Criteria());
                return r.Ids.SequenceEqual(expected.Ids)
                    && r.Fronts.Select(f => f.Count).SequenceEqual(expected.Fronts.Select(f => f.Count))
                    && r.Items.Select(i => i.Dominator).SequenceEqual(expected.Items.Select(i => i.Dominator));
            });
        }), maxTest: 300);
    }

    [Fact]
    public void AWeightedSumWithPositiveWeights_RanksEveryDominatorFirst_AndItsTopIsInFront1()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Cases().Where(c => c.Count > 0).ToArbitrary(), c =>
        {
            var positive = c with { Weights = [.. c.Weights.Select(w => w + 1)] };
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            var ranking = Prioritiser.Rank(c.ToSet(), RankingMethod.WeightedSum(positive.Criteria(), SawNormalisation.MinMax));
            return result.FrontOf(ranking[0].Id) == 1
                && result.Items.Where(i => i.IsDominated).All(i => ranking.RankOf(i.Dominator!) < ranking.RankOf(i.Id) && ranking.Find(i.Dominator!)!.Score > ranking.Find(i.Id)!.Score);
        }), maxTest: 300);
    }

    [Fact]
    public void TheFirstFronts_SortedAlone_AreTheSameFronts()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.CaseCandidateAndCriterion(), t =>
        {
            var (c, p, _) = t;
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            var k = result.FrontOf(c.Ids[p]);
            var again = Pareto.Sort(result.CandidatesInFronts(k), c.Criteria());
            return again.Fronts.Length == k
                && again.Fronts.Zip(result.Fronts).All(f => f.First.Ids.SequenceEqual(f.Second.Ids))
                && again.Items.Select(i => i.Explanation.Contributions.Length).All(l => l == c.Width);
        }), maxTest: 300);
    }

    [Fact]
    public void LargerSets_WithFewFronts_MatchThePeeledFronts()
    {
        // Wider values and up to 120 candidates: long fronts, where the binary search over fronts does most of its work.
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Cases(maxSize: 120, maxValue: 12).ToArbitrary(), c =>
        {
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            var expected = c.PeeledFronts();
            return result.Fronts.Length == expected.Count
                && result.Fronts.Zip(expected).All(p => p.First.Ids.ToHashSet().SetEquals(p.Second))
                && Pareto.NonDominated(c.ToSet(), c.Criteria()).SequenceEqual(result.NonDominated);
        }), maxTest: 100);
    }
}

/// <summary>The example of docs/pareto.md, compiled and checked; its lines must appear in the page verbatim.</summary>
public class ParetoDocsExampleTests
{
    [Fact]
    public void DocsExample_Pareto()
    {
        // --- begin docs example ---
        var set = new CandidateSet(
        [
            new Candidate("self-service-portal", [new("value", 8), new("effort", 5)]),
            new Candidate("knowledge-base", [new("value", 6), new("effort", 2)]),
            new Candidate("call-script", [new("value", 8), new("effort", 3)]),
            new Candidate("status-page", [new("value", 5), new("effort", 2)]),
            new Candidate("cmdb-cleanup", [new("value", 3), new("effort", 4)]),
            new Candidate("faq-refresh", [new("value", 6), new("effort", 2)]),
            new Candidate("auto-reply", [new("value", 2), new("effort", 1)]),
        ]);
        Criterion[] criteria = [Criterion.Benefit("value", 1), Criterion.Cost("effort", 1)];   // weights are ignored

        ImmutableArray<string> frontier = Pareto.NonDominated(set, criteria);
        // auto-reply, call-script, faq-refresh, knowledge-base

        ParetoResult fronts = Pareto.Sort(set, criteria);
        Console.WriteLine(fronts);
        // Pareto fronts of 7 candidates on value (Benefit), effort (Cost): 3 fronts
        //   front 1 (4): auto-reply, call-script, faq-refresh, knowledge-base
        //   front 2 (2): self-service-portal, status-page
        //   front 3 (1): cmdb-cleanup

        ParetoItem cleanup = fronts.Find("cmdb-cleanup")!;
        Console.WriteLine(cleanup.Explanation);
        // 'cmdb-cleanup' is in front 3 of 3: dominated by 4 candidates. 'call-script' (front 1) is better on 'value'
        // and 'effort'. 'status-page' in front 2 also dominates it, so it comes after front 2.
        //   - Benefit 'value': 'call-script' has 8, 'cmdb-cleanup' has 3; 'call-script' is better by 5 (more is better).
        //   - Cost 'effort': 'call-script' has 3, 'cmdb-cleanup' has 4; 'call-script' is better by 1 (less is better).

        // Rank only the frontier, with weights the group agrees afterwards.
        var weighted = RankingMethod.WeightedSum([Criterion.Benefit("value", 2), Criterion.Cost("effort", 1)], SawNormalisation.MinMax);
        Ranking shortlist = Prioritiser.Rank(fronts.CandidatesInFronts(1), weighted);
        // call-script, faq-refresh, knowledge-base, auto-reply

        // NSGA-II's choice of five: whole fronts first, then the least crowded members of the next front.
        ImmutableArray<string> five = fronts.SelectCrowded(5);
        // auto-reply, call-script, faq-refresh, knowledge-base, self-service-portal
        double crowding = fronts.CrowdingDistanceOf("faq-refresh");
        // 7/6: (6 − 2)/6 on value plus (2 − 1)/2 on effort; its twin knowledge-base gets 5/6 (equal values go by id)
        // --- end docs example ---

        Assert.Equal(["auto-reply", "call-script", "faq-refresh", "knowledge-base", "self-service-portal"], five.ToArray());
        Assert.Equal(7.0 / 6, crowding, 12);
        Assert.Equal(5.0 / 6, fronts.CrowdingDistanceOf("knowledge-base"), 12);

        Assert.Equal(["auto-reply", "call-script", "faq-refresh", "knowledge-base"], frontier.ToArray());
        Assert.Equal(["call-script", "faq-refresh", "knowledge-base", "auto-reply"], shortlist.Ids.ToArray());
        Assert.Equal(
            """
            Pareto fronts of 7 candidates on value (Benefit), effort (Cost): 3 fronts
              front 1 (4): auto-reply, call-script, faq-refresh, knowledge-base
              front 2 (2): self-service-portal, status-page
              front 3 (1): cmdb-cleanup
            """.ReplaceLineEndings(Environment.NewLine),
            fronts.ToString());
        Assert.Equal(3, fronts.FrontOf("cmdb-cleanup"));
        Assert.Equal("call-script", cleanup.Dominator);
        Assert.Equal("status-page", cleanup.PreviousFrontDominator);
        Assert.Equal(
            """
            'cmdb-cleanup' is in front 3 of 3: dominated by 4 candidates. 'call-script' (front 1) is better on 'value' and 'effort'. 'status-page' in front 2 also dominates it, so it comes after front 2.
              - Benefit 'value': 'call-script' has 8, 'cmdb-cleanup' has 3; 'call-script' is better by 5 (more is better).
              - Cost 'effort': 'call-script' has 3, 'cmdb-cleanup' has 4; 'call-script' is better by 1 (less is better).
            """.ReplaceLineEndings(Environment.NewLine),
            cleanup.Explanation.ToString());
    }

    [Fact]
    public void DocsExample_AppearsInThePage()
    {
        var source = File.ReadAllText(RepositoryPaths.Combine("tests", "Usm.Model.Tests", "Prioritisation", "ParetoTests.cs"));
        var start = source.IndexOf("// --- begin docs example ---", StringComparison.Ordinal);
        var end = source.IndexOf("// --- end docs example ---", StringComparison.Ordinal);
        var page = File.ReadAllText(RepositoryPaths.Combine("docs", "pareto.md")).ReplaceLineEndings("\n");
        var block = page[(page.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var pageLines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var testedLines = source[start..end].Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        Assert.Equal(testedLines, pageLines);
    }
}
