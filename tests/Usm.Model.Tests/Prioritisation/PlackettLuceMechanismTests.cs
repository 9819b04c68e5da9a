using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Improvement;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Staff's ranked ballots over open risks plug into the improvement programme through Plackett–Luce.</summary>
public class PlackettLuceMechanismTests
{
    private static readonly Risk[] s_open = [Samples.Threat("R-a"), Samples.Threat("R-b"), Samples.Threat("R-c")];

    [Fact]
    public void Prioritise_RanksTheOpenRisksByWorth_ThroughTheProgramme()
    {
        var board = new PlackettLuceMechanism([Ballot.Parse("R-c > R-a > R-b", voters: 3), Ballot.Parse("R-a > R-c"), Ballot.Parse("R-b > R-a")]);
        var programme = new ImprovementProgramme("IP-1", "Renovation", "scan-0").AgreeMechanism(board, new LocalDate(2026, 2, 1));

        var order = board.Prioritise(s_open);
        var fit = PlackettLuce.Fit(["R-a", "R-b", "R-c"], board.Ballots, PlackettLuceMechanism.DefaultOptions);

        Assert.Equal(fit.Order, order.Select(p => p.RiskId));
        Assert.Equal(["R-c", "R-a", "R-b"], order.Select(p => p.RiskId));
        Assert.Equal([1, 2, 3], order.Select(p => p.Rank));
        Assert.Equal(fit.WorthOf("R-c"), order[0].Score);
        Assert.StartsWith("Plackett–Luce worth", order[0].Explanation, StringComparison.Ordinal);
        Assert.Equal("Sounding-board ranked ballots (Plackett–Luce)", programme.Agreement!.Mechanism.Name);
        Assert.Equal(1, board.Options.VirtualTies);
    }

    [Fact]
    public void Prioritise_CutsBallotsDownToTheOpenRisks()
    {
        var withClosed = new PlackettLuceMechanism([Ballot.Parse("R-gone > R-b > R-a"), Ballot.Parse("R-old"), Ballot.Parse("R-c > R-old = R-gone > R-a", voters: 2)]);
        var without = new PlackettLuceMechanism([Ballot.Parse("R-b > R-a"), Ballot.Parse("R-c > R-a", voters: 2)]);

        Assert.Equal(without.Prioritise(s_open), withClosed.Prioritise(s_open));
    }

    [Fact]
    public void Prioritise_OneOpenRisk_IsFirstWithoutAFit()
    {
        var board = new PlackettLuceMechanism([Ballot.Parse("R-a > R-b")], PlackettLuceOptions.Default);

        var only = Assert.Single(board.Prioritise([Samples.Threat("R-b")]));

        Assert.Equal(("R-b", 1, 1.0), (only.RiskId, only.Rank, only.Score));
    }

    [Fact]
    public void Prioritise_WithoutVirtualTies_RefusesBallotsWithoutAnEstimate_NamingTheOpenRisks()
    {
        var board = new PlackettLuceMechanism([Ballot.Parse("R-a > R-b"), Ballot.Parse("R-b > R-a")], PlackettLuceOptions.Default);

        var ex = Assert.Throws<PlackettLuceNotEstimableException>(() => board.Prioritise(s_open));

        Assert.Equal("openRisks", ex.ParamName);
        Assert.Equal(["R-c"], ex.NeverChosen.ToArray());
        Assert.Equal([["R-a", "R-b"], ["R-c"]], ex.Groups.Select(g => g.ToArray()).ToArray());
    }

    [Fact]
    public void Mechanism_ValidatesItsBallots()
    {
        Assert.Equal("ballots", Assert.Throws<ArgumentException>(() => new PlackettLuceMechanism([])).ParamName);
        Assert.Contains("Ballot 1 is null", Assert.Throws<ArgumentNullException>(() => new PlackettLuceMechanism([Ballot.Parse("a > b"), null!])).Message, StringComparison.Ordinal);
        var overflow = Assert.Throws<ArgumentException>(() => new PlackettLuceMechanism([Ballot.Parse("a", int.MaxValue), Ballot.Parse("b")]));
        Assert.Contains("2147483648 voters", overflow.Message, StringComparison.Ordinal);
    }
}
