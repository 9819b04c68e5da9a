using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

public class BallotCountTests
{
    private static readonly string[] s_cities = ["Memphis", "Nashville", "Chattanooga", "Knoxville"];

    // Wikipedia, "Borda count" and "Schulze method": the Tennessee capital election, 100 voters in proportion to the
    // population of the four cities (42 % Memphis, 26 % Nashville, 15 % Chattanooga, 17 % Knoxville).
    private static readonly Ballot[] s_tennessee =
    [
        Ballot.Parse("Memphis > Nashville > Chattanooga > Knoxville", 42),
        Ballot.Parse("Nashville > Chattanooga > Knoxville > Memphis", 26),
        Ballot.Parse("Chattanooga > Knoxville > Nashville > Memphis", 15),
        Ballot.Parse("Knoxville > Chattanooga > Nashville > Memphis", 17),
    ];

    // M. Schulze, "Schulze method examples", Example 1 (45 voters, 5 candidates), also the worked example of the
    // Wikipedia article "Schulze method": d and p matrices and the ranking E > A > C > B > D.
    private static readonly Ballot[] s_schulzeExample1 =
    [
        Ballot.Parse("A>C>B>E>D", 5), Ballot.Parse("A>D>E>C>B", 5), Ballot.Parse("B>E>D>A>C", 8), Ballot.Parse("C>A>B>E>D", 3),
        Ballot.Parse("C>A>E>B>D", 7), Ballot.Parse("C>B>A>D>E", 2), Ballot.Parse("D>C>E>B>A", 7), Ballot.Parse("E>B>A>D>C", 8),
    ];

    [Fact]
    public void Borda_TennesseeExample_MatchesPublishedPoints()
    {
        var result = BallotCount.Borda(s_cities, s_tennessee);

        // Wikipedia "Borda count", Tennessee example: Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107.
        Assert.Equal(["Nashville", "Chattanooga", "Memphis", "Knoxville"], result.Candidates.Select(c => c.Id));
        Assert.Equal([194.0, 173, 126, 107], result.Candidates.Select(c => c.Points));
        Assert.Equal([1, 2, 3, 4], result.Candidates.Select(c => c.Rank));
        Assert.Equal(600, result.TotalPoints);
        Assert.Equal(100, result.TotalVoters);
        Assert.Equal(["Nashville"], result.Winners.ToArray());
        Assert.Equal(100, result.StandingOf("Memphis").RankedBy);
        Assert.Equal(42, result.StandingOf("Memphis").FirstPreferences);
        Assert.Equal(17, result.StandingOf("Knoxville").FirstPreferences);
    }

    [Fact]
    public void Schulze_TennesseeExample_ElectsNashville_TheCondorcetWinner()
    {
        var result = BallotCount.Schulze(s_cities, s_tennessee);

        // Wikipedia "Schulze method" / "Condorcet method", Tennessee: Nashville beats every city 58:42 or 68:32.
        Assert.Equal(["Nashville", "Chattanooga", "Knoxville", "Memphis"], result.Candidates.Select(c => c.Id));
        Assert.Equal(["Nashville"], result.Winners.ToArray());
        Assert.Equal("Nashville", result.Preferences.CondorcetWinner);
        Assert.Equal(58, result.Preferences.Preference("Nashville", "Memphis"));
        Assert.Equal(68, result.Preferences.Preference("Nashville", "Chattanooga"));
        Assert.Equal(83, result.Preferences.Preference("Chattanooga", "Knoxville"));
        Assert.Equal(3, result.StandingOf("Nashville").Wins);
        Assert.Equal(3, result.StandingOf("Memphis").Losses);
    }

    [Fact]
    public void Schulze_SchulzeExample1_MatchesPublishedMatricesAndRanking()
    {
        string[] names = ["A", "B", "C", "D", "E"];
        var result = BallotCount.Schulze(names, s_schulzeExample1);

        int[,] d = { { 0, 20, 26, 30, 22 }, { 25, 0, 16, 33, 18 }, { 19, 29, 0, 17, 24 }, { 15, 12, 28, 0, 14 }, { 23, 27, 21, 31, 0 } };
        int[,] p = { { 0, 28, 28, 30, 24 }, { 25, 0, 28, 33, 24 }, { 25, 29, 0, 29, 24 }, { 25, 28, 28, 0, 24 }, { 25, 28, 28, 31, 0 } };
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                Assert.Equal(d[i, j], result.Preferences.Preference(names[i], names[j]));
                Assert.Equal(p[i, j], result.PathStrength(names[i], names[j]));
            }
        }

        Assert.Equal(["E", "A", "C", "B", "D"], result.Candidates.Select(c => c.Id));
        Assert.Equal([1, 2, 3, 4, 5], result.Candidates.Select(c => c.Rank));
        Assert.Null(result.Preferences.CondorcetWinner);
        Assert.True(result.Beats("E", "A"));
        Assert.Equal(45, result.Preferences.TotalVoters);

        var explanation = result.Explain("E");
        Assert.Equal(["A", "B", "C", "D"], explanation.Select(x => x.Opponent));
        Assert.Equal(new SchulzeComparison("A", 23, 22, 25, 24), explanation[0]);
        Assert.All(explanation, x => Assert.True(x.Beats));
    }

    [Fact]
    public void Schulze_Margins_MeasureLinksByMargin()
    {
        var margins = BallotCount.Schulze(["A", "B", "C", "D", "E"], s_schulzeExample1, SchulzeStrength.Margin);
        Assert.Equal(SchulzeStrength.Margin, margins.Strength);
        // Margins: B beats D by 33 - 12 = 21 directly; the only other path, B-A-D, is limited by B's margin of 5 over A.
        Assert.Equal(21, margins.PathStrength("B", "D"));
        Assert.Equal(5, margins.PathStrength("E", "A"));
        Assert.Equal(3, margins.PathStrength("A", "E"));
        Assert.Equal(["E"], margins.Winners.ToArray());
    }

    [Fact]
    public void Schulze_PerfectTie_SharesRankOneAndOrdersByOrdinalId()
    {
        var result = BallotCount.Schulze(["b", "a", "c"], [Ballot.Parse("a > b > c"), Ballot.Parse("b > a > c")]);
        Assert.Equal(["a", "b", "c"], result.Candidates.Select(c => c.Id));
        Assert.Equal([1, 1, 3], result.Candidates.Select(c => c.Rank));
        Assert.Equal(["a", "b"], result.Winners.ToArray());
    }

    [Fact]
    public void Borda_TiesShareTheirPositionsPoints()
    {
        // 4 candidates: a first, b and c tied second (share 2 and 1 points: 1.5 each), d last.
        var result = BallotCount.Borda(["a", "b", "c", "d"], [Ballot.Parse("a > b = c > d")]);
        Assert.Equal(3, result.StandingOf("a").Points);
        Assert.Equal(1.5, result.StandingOf("b").Points);
        Assert.Equal(1.5, result.StandingOf("c").Points);
        Assert.Equal(0, result.StandingOf("d").Points);
        Assert.Equal(2, result.StandingOf("c").Rank);
        Assert.Equal(3, result.StandingOf("c").Position);
    }

    [Fact]
    public void Borda_PartialBallots_FollowTheChosenRule()
    {
        string[] candidates = ["a", "b", "c", "d"];
        Ballot[] ballots = [Ballot.Parse("b > a")];

        var shared = BallotCount.Borda(candidates, ballots);
        Assert.Equal(3, shared.StandingOf("b").Points);
        Assert.Equal(2, shared.StandingOf("a").Points);
        Assert.Equal(0.5, shared.StandingOf("c").Points);
        Assert.Equal(0.5, shared.StandingOf("d").Points);
        Assert.Equal(6, shared.TotalPoints);
        Assert.Equal(0, shared.StandingOf("c").RankedBy);

        var zero = BallotCount.Borda(candidates, ballots, BordaPartialRule.UnrankedScoreZero);
        Assert.Equal(3, zero.StandingOf("b").Points);
        Assert.Equal(0, zero.StandingOf("c").Points);
        Assert.Equal(5, zero.TotalPoints);
    }

    [Fact]
    public void Schulze_PartialBallots_RankNamedCandidatesAboveUnranked()
    {
        var result = BallotCount.Schulze(["a", "b", "c"], [Ballot.Parse("c")]);
        Assert.Equal(1, result.Preferences.Preference("c", "a"));
        Assert.Equal(0, result.Preferences.Preference("a", "b"));
        Assert.Equal(["c", "a", "b"], result.Candidates.Select(c => c.Id));
        Assert.Equal([1, 2, 2], result.Candidates.Select(c => c.Rank));
    }

    [Fact]
    public void Counts_UnknownCandidate_ThrowNamingBallotIndexAndId()
    {
        Ballot[] ballots = [Ballot.Parse("a > b"), Ballot.Parse("b > zed")];
        foreach (var count in new Action[] { () => BallotCount.Borda(["a", "b"], ballots), () => BallotCount.Schulze(["a", "b"], ballots) })
        {
            var ex = Assert.Throws<ArgumentException>(count);
            Assert.Equal("ballots", ex.ParamName);
            Assert.Contains("Ballot 1", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'zed'", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Counts_BadCandidateLists_Throw()
    {
        Assert.Throws<ArgumentException>(() => BallotCount.Borda([], []));
        Assert.Contains("'a' appears twice", Assert.Throws<ArgumentException>(() => BallotCount.Schulze(["a", "a"], [])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BallotCount.Borda(["a", " "], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => BallotCount.Borda(["a"], [], (BordaPartialRule)0));
        Assert.Throws<ArgumentException>(() => BallotCount.Schulze(["a"], []).PathStrength("a", "x"));
        Assert.Contains("Ballot 1 is null", Assert.Throws<ArgumentNullException>(() => BallotCount.Borda(["a"], [Ballot.Ranking("a"), null!])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_NoBallots_TieEveryone()
    {
        Assert.All(BallotCount.Borda(["b", "a"], []).Candidates, c => Assert.Equal(1, c.Rank));
        Assert.Equal(["a", "b"], BallotCount.Schulze(["b", "a"], []).Winners.ToArray());
    }

    [Fact]
    public void Schulze_ElectsTheCondorcetWinner_WheneverOneExists()
    {
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.Election(partial: true), e =>
        {
            var result = BallotCount.Schulze(e.Candidates, e.Ballots);
            var winner = result.Preferences.CondorcetWinner;
            return winner is null || (result.Winners.Length == 1 && result.Winners[0] == winner);
        }), maxTest: 2000);
    }

    [Fact]
    public void Schulze_BeatsIsTransitive_AndRanksRespectIt()
    {
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.Election(partial: true), e =>
        {
            var result = BallotCount.Schulze(e.Candidates, e.Ballots);
            foreach (var x in e.Candidates)
            {
                foreach (var y in e.Candidates)
                {
                    if (!result.Beats(x, y))
                    {
                        continue;
                    }

                    Assert.True(result.StandingOf(x).Rank < result.StandingOf(y).Rank);
                    foreach (var z in e.Candidates.Where(z => result.Beats(y, z)))
                    {
                        Assert.True(result.Beats(x, z), $"{x}>{y}>{z} but not {x}>{z}");
                    }
                }
            }
        }), maxTest: 1000);
    }

    [Fact]
    public void Borda_TotalsForCompleteBallots_AreVotersTimesPairs()
    {
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.Election(partial: false), e =>
        {
            var voters = e.Ballots.Sum(b => b.Voters);
            var n = e.Candidates.Length;
            var expected = voters * n * (n - 1) / 2.0;
            return BallotCount.Borda(e.Candidates, e.Ballots).TotalPoints == expected
                && BallotCount.Borda(e.Candidates, e.Ballots, BordaPartialRule.UnrankedScoreZero).TotalPoints == expected;
        }));
    }

    [Fact]
    public void Borda_ShareRemaining_KeepsTheConstantForPartialBallotsToo()
    {
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.Election(partial: true), e =>
        {
            var n = e.Candidates.Length;
            return BallotCount.Borda(e.Candidates, e.Ballots).TotalPoints == e.Ballots.Sum(b => b.Voters) * n * (n - 1) / 2.0;
        }));
    }

    [Fact]
    public void Results_DoNotDependOnBallotOrder()
    {
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.Election(partial: true), e =>
        {
            var shuffled = (Ballot[])e.Ballots.Clone();
            new Random(e.Ballots.Length).Shuffle(shuffled);
            var borda = BallotCount.Borda(e.Candidates, e.Ballots);
            var borda2 = BallotCount.Borda(e.Candidates, shuffled);
            var schulze = BallotCount.Schulze(e.Candidates, e.Ballots);
            var schulze2 = BallotCount.Schulze(e.Candidates, shuffled);
            return borda.ToString() == borda2.ToString()
                && schulze.ToString() == schulze2.ToString()
                && e.Candidates.All(c => schulze.Explain(c).SequenceEqual(schulze2.Explain(c)));
        }));
    }

    [Fact]
    public void Results_DoNotDependOnCandidateOrder()
    {
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.Election(partial: true), e =>
        {
            var reversed = Enumerable.Reverse(e.Candidates).ToArray();
            return BallotCount.Borda(e.Candidates, e.Ballots).ToString() == BallotCount.Borda(reversed, e.Ballots).ToString()
                && BallotCount.Schulze(e.Candidates, e.Ballots).ToString() == BallotCount.Schulze(reversed, e.Ballots).ToString();
        }));
    }

    [Fact]
    public void PairwisePreferences_MatchTheDefinition_AcrossVectorWidths()
    {
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.Election(partial: true, maxCandidates: 40, maxBallots: 8), e =>
        {
            var d = BallotCount.PairwisePreferences(e.Candidates, e.Ballots);
            foreach (var a in e.Candidates)
            {
                foreach (var b in e.Candidates)
                {
                    var expected = e.Ballots.Where(x => Position(x, a) < Position(x, b)).Sum(x => x.Voters);
                    Assert.Equal(expected, d.Preference(a, b));
                }
            }
        }), maxTest: 300);

        static int Position(Ballot ballot, string id)
        {
            for (var t = 0; t < ballot.Ranks.Length; t++)
            {
                if (ballot.Ranks[t].Contains(id))
                {
                    return t;
                }
            }

            return int.MaxValue;
        }
    }

    [Fact]
    public void Counts_DoNotChangeTheirInputs()
    {
        string[] candidates = ["A", "B", "C", "D", "E"];
        var ballots = (Ballot[])s_schulzeExample1.Clone();
        var before = ballots.Select(b => b.ToString()).ToArray();
        BallotCount.Schulze(candidates, ballots);
        BallotCount.Borda(candidates, ballots, BordaPartialRule.UnrankedScoreZero);
        Assert.Equal(["A", "B", "C", "D", "E"], candidates);
        Assert.Equal(before, ballots.Select(b => b.ToString()));
        Assert.Equal(s_schulzeExample1, ballots);
    }

    [Fact]
    public void Borda_UnanimousStrictRanking_GivesNMinusOneDownToZero()
    {
        var result = BallotCount.Borda(["a", "b", "c", "d"], [Ballot.Parse("d > c > b > a", 5)]);
        Assert.Equal([15.0, 10, 5, 0], result.Candidates.Select(c => c.Points));
        Assert.Equal(["d", "c", "b", "a"], result.Candidates.Select(c => c.Id));
    }
}
