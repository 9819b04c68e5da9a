using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>SPOTIS: the original paper's example, the bounds, freedom from rank reversal, laws and validation.</summary>
public class SpotisTests
{
    // Dezert, Tchamova, Han and Tacnet, "The SPOTIS rank reversal free method for multi-criteria decision-making
    // support", 23rd International Conference on Information Fusion (FUSION), IEEE 2020
    // (https://doi.org/10.23919/FUSION45008.2020.9190347), as checked in pymcdm's test suite: four alternatives, three
    // criteria (c2 a cost), weights 0.2, 0.3, 0.5, bounds [−5, 12], [−6, 10], [−8, 5].
    private static readonly Criterion[] Criteria = [Criterion.Benefit("c1", 0.2), Criterion.Cost("c2", 0.3), Criterion.Benefit("c3", 0.5)];

    private static readonly KeyValuePair<string, SpotisBounds>[] Bounds =
        [new("c1", new SpotisBounds(-5, 12)), new("c2", new SpotisBounds(-6, 10)), new("c3", new SpotisBounds(-8, 5))];

    private static CandidateSet Example() =>
        WeightedProductTests.Matrix([[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]], "c1", "c2", "c3");

    [Fact]
    public void DezertEtAlExample()
    {
        // Published distances 0.1989, 0.3705, 0.3063, 0.7491 (lower is better): A1 > A3 > A2 > A4.
        var ranking = Prioritiser.Rank(Example(), RankingMethod.Spotis(Criteria, Bounds));
        double[] d = [0.1989, 0.3705, 0.3063, 0.7491];
        for (var i = 0; i < d.Length; i++)
        {
            Assert.Equal(-d[i], ranking.Find("A" + (i + 1))!.Score, 4);
        }

        Assert.Equal(["A1", "A3", "A2", "A4"], ranking.Ids.ToArray());
        Assert.Equal("SPOTIS", ranking.MethodName);

        // A1 = (10.5, −3.1, 1.7): 0.2 × 1.5/17 + 0.3 × 2.9/16 + 0.5 × 3.3/13.
        var explanation = ranking.Find("A1")!.Explanation;
        Assert.Equal(0.3 * 2.9 / 16, explanation.Contributions[1].Contribution, 12);
        Assert.Contains("Cost 'c2' = -3.1, bounds [-6, 10], ideal -6: normalised distance 0.18125 × weight 0.3 = 0.054375", explanation.Contributions[1].Text, StringComparison.Ordinal);
        Assert.Contains("(lower distance is better)", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueOutsideItsBounds_IsRefused_NamingCandidateAndCriterion()
    {
        var set = WeightedProductTests.Matrix([[10.5, -3.1, 1.7], [-4.7, 10.5, 3.4]], "c1", "c2", "c3");
        var error = Assert.Throws<ArgumentOutOfRangeException>("candidates", () => Prioritiser.Rank(set, RankingMethod.Spotis(Criteria, Bounds)));
        Assert.Contains("Candidate 'A2' has c2 = 10.5; SPOTIS needs every value within the criterion's bounds [-6, 10]", error.Message, StringComparison.Ordinal);

        // The bounds themselves are inside.
        var edges = WeightedProductTests.Matrix([[-5, -6, -8], [12, 10, 5]], "c1", "c2", "c3");
        var ranking = Prioritiser.Rank(edges, RankingMethod.Spotis(Criteria, Bounds));
        Assert.Equal(-0.7, ranking.Find("A1")!.Score, 12);
        Assert.Equal(-0.3, ranking.Find("A2")!.Score, 12);
    }

    [Fact]
    public void IdealCandidate_ScoresPlusZero()
    {
        var set = WeightedProductTests.Matrix([[12, -6, 5], [0, 0, 0]], "c1", "c2", "c3");
        var ranking = Prioritiser.Rank(set, RankingMethod.Spotis(Criteria, Bounds));

        Assert.Equal("A1", ranking[0].Id);
        Assert.Equal(0.0, ranking[0].Score);
        Assert.False(double.IsNegative(ranking[0].Score));
    }

    [Fact]
    public void Bounds_Validation_NamesTheCriterion()
    {
        Assert.Throws<ArgumentException>("max", () => new SpotisBounds(3, 3));
        Assert.Throws<ArgumentException>("max", () => new SpotisBounds(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>("min", () => new SpotisBounds(double.NaN, 3));
        Assert.Throws<ArgumentOutOfRangeException>("max", () => new SpotisBounds(0, double.PositiveInfinity));
        Assert.Equal(new SpotisBounds(-1, 2), new SpotisBounds(-1, 2));
        Assert.True(new SpotisBounds(-1, 2) != new SpotisBounds(-1, 3));
        Assert.Equal("[-1, 2.5]", new SpotisBounds(-1, 2.5).ToString());

        var degenerate = Assert.Throws<ArgumentException>("bounds", () => RankingMethod.Spotis(Criteria, [Bounds[0], new("c2", default), Bounds[2]]));
        Assert.Contains("The bounds of criterion 'c2' are [0, 0]; SPOTIS needs finite bounds with min < max", degenerate.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentException>("bounds", () => RankingMethod.Spotis(Criteria, Bounds.Take(2)));
        Assert.Contains("Criterion 'c3' has no bounds", missing.Message, StringComparison.Ordinal);
        var extra = Assert.Throws<ArgumentException>("bounds", () => RankingMethod.Spotis(Criteria, [.. Bounds, new("c9", new SpotisBounds(0, 1))]));
        Assert.Contains("criterion 'c9', which is not one of the criteria [c1, c2, c3]", extra.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>("bounds", () => RankingMethod.Spotis(Criteria, [.. Bounds, Bounds[1]]));
        Assert.Contains("Criterion 'c2' is given bounds twice", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("bounds", () => RankingMethod.Spotis(Criteria, null!));

        Assert.Throws<ArgumentNullException>("criteria", () => RankingMethod.Spotis(null!, Bounds));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Spotis([], Bounds));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Spotis([Criterion.Benefit("c1", 1), Criterion.Cost("c1", 1)], Bounds));
        Assert.Throws<ArgumentException>("criteria", () => RankingMethod.Spotis([Criterion.Benefit("c1", 0)], Bounds.Take(1)));

        var method = RankingMethod.Spotis(Criteria, Enumerable.Reverse(Bounds));
        Assert.Equal([new SpotisBounds(-5, 12), new SpotisBounds(-6, 10), new SpotisBounds(-8, 5)], method.Bounds.ToArray());
        Assert.Equal(Criteria, method.Criteria.ToArray());
    }

    [Fact]
    public void HugeBounds_AreTakenInHalves()
    {
        var set = WeightedProductTests.Matrix([[0], [1e308]], "a");
        var ranking = Prioritiser.Rank(set, RankingMethod.Spotis([Criterion.Benefit("a", 1)], [new("a", new SpotisBounds(-1.5e308, 1.5e308))]));

        Assert.Equal(["A2", "A1"], ranking.Ids.ToArray());
        Assert.Equal(-0.5, ranking.Find("A1")!.Score, 12);
    }

    [Fact]
    public void Property_NoRankReversal_AddingOrRemovingACandidate_KeepsTheOthersOrder()
    {
        // Dezert et al.'s point: with fixed bounds a score depends on the candidate alone.
        PropertyCheck.Run(Prop.ForAll(Mcda3Arbitraries.SpotisCases(), input =>
        {
            var method = RankingMethod.Spotis(input.Case.Criteria, input.Bounds);
            var set = input.Case.Set;
            var full = Prioritiser.Rank(set, method);
            var added = Prioritiser.Rank(set.With(input.Extra), method);
            var removed = Prioritiser.Rank(set.Without(set.Ids[0]), method);
            return added.Ids.Where(id => id != "extra").SequenceEqual(full.Ids)
                && full.Ids.Where(id => id != set.Ids[0]).SequenceEqual(removed.Ids)
                && full.Items.All(i => added.Find(i.Id)!.Score == i.Score);
        }), 500);
    }

    [Fact]
    public void RankReversalProbe_FindsNoFlippedPair_WhereTopsisDoes()
    {
        // Adding A3 = (1, 3) moves TOPSIS's norms and anti-ideal point, and A1 = (1, 4) falls below A2 = (3, 1) (closeness
        // 0.535 > 0.465 before, 0.494 < 0.506 after; worked by hand). SPOTIS's bounds do not move.
        var set = WeightedProductTests.Matrix([[1, 4], [3, 1]], "a", "b");
        var added = new Candidate("A3", [KeyValuePair.Create("a", 1.0), KeyValuePair.Create("b", 3.0)]);
        Criterion[] criteria = [Criterion.Benefit("a", 1), Criterion.Benefit("b", 1)];

        var topsis = RankReversal.ProbeAddition(set, RankingMethod.Topsis(criteria), added);
        var spotis = RankReversal.ProbeAddition(set, RankingMethod.Spotis(criteria, [new("a", new SpotisBounds(0, 5)), new("b", new SpotisBounds(0, 5))]), added);

        Assert.NotEmpty(topsis.FlippedPairs);
        Assert.Empty(spotis.FlippedPairs);
        Assert.Equal(["A1", "A2"], spotis.Before.Ids.ToArray());
        Assert.Equal(["A1", "A2", "A3"], spotis.After.Ids.ToArray()); // A2 and A3 both at distance 0.6: by id
    }

    [Fact]
    public void Property_Top_IsThePrefixOfRank()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda3Arbitraries.SpotisCases(), input =>
        {
            var method = RankingMethod.Spotis(input.Case.Criteria, input.Bounds);
            var set = input.Case.Set;
            var full = Prioritiser.Rank(set, method);
            var k = Math.Max(1, set.Count / 3);
            return Prioritiser.Top(set, method, k).Ids.SequenceEqual(full.Ids.Take(k));
        }), 300);
    }

    [Fact]
    public void Property_ACandidateBetterOnEveryCriterion_RanksFirst_AndScoresAreWithinMinusOneAndZero()
    {
        PropertyCheck.Run(Prop.ForAll(Mcda3Arbitraries.SpotisCases(), input =>
        {
            var c = input.Case;
            var best = new Candidate("best", c.Criteria.Select(k => KeyValuePair.Create(k.Name,
                k.Kind == CriterionKind.Benefit ? Math.Min(c.Candidates.Max(x => x.Values[k.Name]) + 1, 1000) : c.Candidates.Min(x => x.Values[k.Name]) / 2)));
            var ranking = Prioritiser.Rank(c.Set.With(best), RankingMethod.Spotis(c.Criteria, input.Bounds));
            return ranking[0].Id == "best" && ranking.Items.All(i => i.Score is >= -1 and <= 0);
        }), 500);
    }

    [Fact]
    public void Property_InputOrder_DoesNotChangeTheResult()
    {
        PropertyCheck.Run(Prop.ForAll(VikorArbitraries.CaseAndShuffle(), input =>
        {
            var bounds = input.Case.Criteria.Select(k => KeyValuePair.Create(k.Name, new SpotisBounds(0, 1000)));
            var method = RankingMethod.Spotis(input.Case.Criteria, bounds);
            var a = Prioritiser.Rank(input.Case.Set, method);
            var b = Prioritiser.Rank(new CandidateSet(input.Shuffled), method);
            return a.Items.Select(i => (i.Id, i.Score)).SequenceEqual(b.Items.Select(i => (i.Id, i.Score)));
        }), 500);
    }
}
