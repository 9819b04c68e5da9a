using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Prioritisation;

public class BallotTests
{
    [Fact]
    public void Parse_ReadsRanksAndTies()
    {
        var ballot = Ballot.Parse(" A > B = C >D ", voters: 3);
        Assert.Equal(3, ballot.Ranks.Length);
        Assert.Equal(["B", "C"], ballot.Ranks[1].ToArray());
        Assert.Equal(4, ballot.RankedCount);
        Assert.Equal(3, ballot.Voters);
        Assert.Equal("3 x A > B = C > D", ballot.ToString());
        Assert.Equal(ballot, Ballot.Parse("A>B=C>D", 3));
        Assert.NotEqual(ballot, ballot.WithVoters(1));
        Assert.Equal(Ballot.Parse("A>B=C>D", 3).GetHashCode(), ballot.GetHashCode());
    }

    [Fact]
    public void Ranking_IsAStrictOrder()
    {
        var ballot = Ballot.Ranking("x", "y", "z");
        Assert.All(ballot.Ranks, r => Assert.Single(r));
        Assert.Equal("x > y > z", ballot.ToString());
    }

    [Fact]
    public void Construction_RepeatedBlankOrEmpty_ThrowsNamingTheProblem()
    {
        Assert.Contains("'B' appears twice", Assert.Throws<ArgumentException>(() => Ballot.Parse("A > B > C = B")).Message, StringComparison.Ordinal);
        Assert.Contains("Rank 2", Assert.Throws<ArgumentException>(() => Ballot.Parse("A >  > C")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Ballot([[]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ballot.Ranking("a").WithVoters(0));
        Assert.Throws<ArgumentException>(() => Ballot.Parse(" "));
    }

    [Fact]
    public void Construction_CopiesTheInput()
    {
        var tier = new List<string> { "a", "b" };
        var ballot = new Ballot([tier]);
        tier.Add("c");
        Assert.Equal(2, ballot.RankedCount);
    }
}
