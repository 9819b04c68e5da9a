using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Elo ratings from an ordered sequence of pairwise comparisons.</summary>
public class EloTests
{
    [Fact]
    public void ExpectedScore_WikipediaExample_MatchesThePublishedValues()
    {
        // Wikipedia, "Elo rating system", section "Mathematical details" (retrieved 2026): a player rated 1613 meets
        // players rated 1609, 1477, 1388, 1586 and 1720; expected scores 0.51, 0.69, 0.79, 0.54 and 0.35, 2.88 in all.
        // With an actual score of 2.5 (loss, draw, win, win, loss) and K = 32 the new rating is
        // 1613 + 32·(2.5 − 2.88) = 1601 (a rating-period update: every expected score from the old rating).
        double[] opponents = [1609, 1477, 1388, 1586, 1720];
        double[] published = [0.51, 0.69, 0.79, 0.54, 0.35];

        var expected = opponents.Select(o => Elo.ExpectedScore(1613, o)).ToArray();

        for (var i = 0; i < opponents.Length; i++)
        {
            Assert.Equal(published[i], expected[i], 2);
        }

        Assert.Equal(2.88, expected.Sum(), 1);
        Assert.Equal(1601, Math.Round(1613 + (32 * (2.5 - expected.Sum()))));
    }

    [Fact]
    public void Rate_HandWorkedSequence()
    {
        // Worked by hand (start 1500, K = 32):
        //   A > B: E_A = 0.5, so A gains 32·0.5 = 16: A 1516, B 1484.
        //   B > C: E_B = 1 / (1 + 10^(16/400)) = 0.476990, B gains 32·0.523010 = 16.736307: B 1500.736307, C 1483.263693.
        //   C = A: E_C = 1 / (1 + 10^((1516 − 1483.263693)/400)) = 0.453027, C gains 32·(0.5 − 0.453027) = 1.503117:
        //          C 1484.766810, A 1514.496883.
        var profile = new PairwiseProfile(["A", "B", "C"], [PairwiseComparison.Parse("A > B"), PairwiseComparison.Parse("B > C"), PairwiseComparison.Parse("C = A")]);

        var result = Elo.Rate(profile);

        Assert.Equal(1514.496883, result.RatingOf("A"), 6);
        Assert.Equal(1500.736307, result.RatingOf("B"), 6);
        Assert.Equal(1484.766810, result.RatingOf("C"), 6);
        Assert.Equal(["A", "B", "C"], result.Order.ToArray());
        Assert.Equal(4500, result.TotalRating, 9);

        var a = result.StandingOf("A");
        Assert.Equal((1, 1, 0, 1), (a.Rank, a.Wins, a.Losses, a.Ties));
        Assert.Equal(["B", "C"], a.Explanation.Contributions.Select(c => c.Criterion).ToArray());
        Assert.Equal(16, a.Explanation.Contributions[0].Contribution, 9);
        Assert.Equal(-1.503117, a.Explanation.Contributions[1].Contribution, 6);
        Assert.Contains("vs 'C': 0 won, 0 lost, 1 tied; rating change -1.50312", a.Explanation.Contributions[1].Text, StringComparison.Ordinal);
        Assert.Contains("the order of the comparisons matters", a.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_DependsOnTheOrderOfTheComparisons()
    {
        // The same three outcomes in two orders: A beats B, B beats C, C beats A.
        PairwiseComparison[] outcomes = [PairwiseComparison.Parse("A > B"), PairwiseComparison.Parse("B > C"), PairwiseComparison.Parse("C > A")];
        var first = Elo.Rate(new PairwiseProfile(["A", "B", "C"], outcomes));
        var second = Elo.Rate(new PairwiseProfile(["A", "B", "C"], Enumerable.Reverse(outcomes)));

        Assert.NotEqual(first.RatingOf("A"), second.RatingOf("A"), 3);
        Assert.NotEqual(first.Order.ToArray(), second.Order.ToArray());

        // Bradley–Terry reads only the totals: every strength is 1 either way.
        var bt1 = BradleyTerry.Fit(first.Profile);
        var bt2 = BradleyTerry.Fit(second.Profile);
        Assert.Equal(bt1.Order.ToArray(), bt2.Order.ToArray());
    }

    [Fact]
    public void Rate_ACountIsAppliedThatManyTimesInARow()
    {
        var once = Elo.Rate(new PairwiseProfile(["A", "B"], [PairwiseComparison.Win("A", "B", 3)]));
        var each = Elo.Rate(new PairwiseProfile(["A", "B"], [PairwiseComparison.Win("A", "B"), PairwiseComparison.Win("A", "B"), PairwiseComparison.Win("A", "B")]));

        Assert.Equal(each.RatingOf("A"), once.RatingOf("A"));
        Assert.Equal(each.RatingOf("B"), once.RatingOf("B"));
    }

    [Fact]
    public void Rate_Options_AreUsed_AndChecked()
    {
        var result = Elo.Rate(new PairwiseProfile(["A", "B", "idle"], [PairwiseComparison.Parse("A > B")]), new EloOptions(startRating: 1000, kFactor: 10));

        Assert.Equal(1005, result.RatingOf("A"), 12);
        Assert.Equal(995, result.RatingOf("B"), 12);
        Assert.Equal(1000, result.RatingOf("idle"));
        Assert.Equal(0.5, result.ExpectedScore("idle", "idle"));
        Assert.Empty(result.StandingOf("idle").Explanation.Contributions);

        Assert.Equal("kFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new EloOptions(kFactor: 0)).ParamName);
        Assert.Equal("kFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new EloOptions(kFactor: double.NaN)).ParamName);
        Assert.Equal("startRating", Assert.Throws<ArgumentOutOfRangeException>(() => new EloOptions(startRating: double.PositiveInfinity)).ParamName);
        Assert.Equal("rating", Assert.Throws<ArgumentOutOfRangeException>(() => Elo.ExpectedScore(double.NaN, 1500)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Elo.Rate(null!));
        Assert.Equal("candidateId", Assert.Throws<ArgumentException>(() => result.RatingOf("nobody")).ParamName);
    }

    [Fact]
    public void Rate_EqualRatings_ShareARank_AndAreOrderedById()
    {
        var result = Elo.Rate(new PairwiseProfile(["b", "c", "a"], [PairwiseComparison.Parse("b = c")]));

        Assert.Equal(["a", "b", "c"], result.Order.ToArray());
        Assert.All(result.Candidates, c => Assert.Equal(1, c.Rank));
    }

    // --- laws ---

    [Fact]
    public void Rate_ConservesTheRatingTotal()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.AnyProfile(), profile =>
        {
            var result = Elo.Rate(profile);
            return Math.Abs(result.TotalRating - (1500.0 * profile.Candidates.Length)) <= 1e-7;
        }), maxTest: 1000);
    }

    [Fact]
    public void Rate_ACandidateThatWonEveryComparison_IsFirst()
    {
        // Every comparison is the champion beating someone: everyone else can only lose rating.
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.ChampionStar(), profile =>
        {
            var result = Elo.Rate(profile);
            return result.Candidates[0].Id == "champ" && result.Candidates.Skip(1).All(c => c.Rank > 1 && c.Rating < 1500);
        }), maxTest: 500);
    }

    [Fact]
    public void Rate_SwappingWinnersAndLosers_MirrorsTheRatingsAroundTheStart()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.AnyProfile(), profile =>
        {
            var forward = Elo.Rate(profile);
            var backward = Elo.Rate(profile.Reversed());
            return profile.Candidates.All(id => Math.Abs((forward.RatingOf(id) - 1500) + (backward.RatingOf(id) - 1500)) <= 1e-7);
        }), maxTest: 1000);
    }

    [Fact]
    public void Rate_IsDeterministic_AndTheSameOrderGivesTheSameRatings()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.AnyProfile(), profile =>
        {
            var a = Elo.Rate(profile);
            var b = Elo.Rate(new PairwiseProfile(profile.Candidates, profile.Comparisons));
            return a.Candidates.Zip(b.Candidates).All(x => x.First.Id == x.Second.Id && x.First.Rating == x.Second.Rating);
        }), maxTest: 300);
    }
}
