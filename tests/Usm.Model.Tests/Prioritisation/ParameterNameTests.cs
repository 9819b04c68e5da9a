using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Errors name the called member's own parameter, with a clean message (found by review, session 5).</summary>
public class ParameterNameTests
{
    [Fact]
    public void BallotMechanism_MoreThanIntMaxValueVoters_IsRefusedByTheConstructor()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BallotMechanism([Ballot.Parse("R-1", int.MaxValue), Ballot.Parse("R-1", 1)]));

        Assert.Equal("ballots", ex.ParamName);
        Assert.Contains("2147483648 voters", ex.Message, StringComparison.Ordinal);
        Assert.Single(new BallotMechanism([Ballot.Parse("R-1", int.MaxValue)]).Ballots);
    }

    [Fact]
    public void Weigh_AMatrixBeyondTheDefaultTable_NamesTheMatrix_WithoutANestedMessage()
    {
        var big = AhpMatrix.FromWeights(Enumerable.Range(1, 16).Select(i => (double)i));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ahp.Weigh(big));

        Assert.Equal("matrix", ex.ParamName);
        Assert.Contains("size 16", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'size'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weigh_AMatrixBeyondAGivenTable_NamesTheTable()
    {
        var table = AhpRandomIndex.Custom("tiny", [0, 0, 0.5]);
        var matrix = AhpMatrix.FromWeights([1, 2, 3, 4]);

        Assert.Equal("randomIndex", Assert.Throws<ArgumentOutOfRangeException>(() => Ahp.Weigh(matrix, randomIndex: table)).ParamName);
    }

    [Fact]
    public void Synthesise_ALeafBeyondTheTable_NamesTheTableAndTheCriterion()
    {
        var alternatives = Enumerable.Range(1, 16).Select(i => "a" + i).ToArray();
        var leaf = AhpCriterion.Leaf("wide", AhpMatrix.FromWeights(Enumerable.Range(1, 16).Select(i => (double)i)));
        var hierarchy = new AhpHierarchy(leaf, alternatives);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => hierarchy.Synthesise());

        Assert.Equal("randomIndex", ex.ParamName);
        Assert.Contains("'wide'", ex.Message, StringComparison.Ordinal);
    }
}
