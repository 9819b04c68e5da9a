using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Improvement;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Staff's pairwise comparisons of open risks plug into the improvement programme through Bradley–Terry.</summary>
public class PairwiseMechanismTests
{
    private static readonly Risk[] s_open = [Samples.Threat("R-a"), Samples.Threat("R-b"), Samples.Threat("R-c")];

    [Fact]
    public void Prioritise_RanksTheOpenRisksByStrength_ThroughTheProgramme()
    {
        // R-c beat R-a twice and R-b once; R-a beat R-b twice and lost to it once: c, a, b.
        var board = new PairwiseMechanism([
            PairwiseComparison.Parse("R-c > R-a", 2), PairwiseComparison.Parse("R-c > R-b"),
            PairwiseComparison.Parse("R-a > R-b", 2), PairwiseComparison.Parse("R-b > R-a")]);
        var programme = new ImprovementProgramme("IP-1", "Renovation", "scan-0").AgreeMechanism(board, new LocalDate(2026, 2, 1));

        var order = board.Prioritise(s_open);

        Assert.Equal(["R-c", "R-a", "R-b"], order.Select(p => p.RiskId));
        Assert.Equal([1, 2, 3], order.Select(p => p.Rank));
        Assert.True(order[0].Score > order[1].Score && order[1].Score > order[2].Score);
        Assert.StartsWith("Bradley–Terry strength", order[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("vs 'R-a': 2 won, 0 lost, 0 tied", order[0].Explanation, StringComparison.Ordinal);
        Assert.Equal("Sounding-board pairwise comparisons (Bradley–Terry)", programme.Agreement!.Mechanism.Name);
        Assert.Equal(1, board.Options.VirtualTies);
    }

    [Fact]
    public void Prioritise_DropsComparisonsOfRisksNoLongerOpen()
    {
        var withClosed = new PairwiseMechanism([PairwiseComparison.Parse("R-gone > R-a"), PairwiseComparison.Parse("R-b > R-a"), PairwiseComparison.Parse("R-c = R-old")]);
        var without = new PairwiseMechanism([PairwiseComparison.Parse("R-b > R-a")]);

        Assert.Equal(without.Prioritise(s_open), withClosed.Prioritise(s_open));
    }

    [Fact]
    public void Prioritise_ANewRiskNobodyCompared_LandsAtTheReference()
    {
        var board = new PairwiseMechanism([PairwiseComparison.Parse("R-a > R-b")]);

        var order = board.Prioritise(s_open);

        // a beat b once; c has only its virtual tie, so it sits between them.
        Assert.Equal(["R-a", "R-c", "R-b"], order.Select(p => p.RiskId));
    }

    [Fact]
    public void Prioritise_WithoutVirtualTies_RefusesComparisonsWithoutAnEstimate()
    {
        var board = new PairwiseMechanism([PairwiseComparison.Parse("R-a > R-b")], BradleyTerryOptions.Default);

        var ex = Assert.Throws<BradleyTerryNotEstimableException>(() => board.Prioritise(s_open));

        Assert.Equal("openRisks", ex.ParamName);
        Assert.Equal(["R-a"], ex.NeverLost.ToArray());
        Assert.Equal(["R-c"], ex.Uncompared.ToArray());
    }

    [Fact]
    public void Mechanism_ValidatesItsInput_NamingTheRisk()
    {
        Assert.Equal("comparisons", Assert.Throws<ArgumentException>(() => new PairwiseMechanism([])).ParamName);
        Assert.Contains("Comparison 1 is null", Assert.Throws<ArgumentNullException>(() => new PairwiseMechanism([PairwiseComparison.Parse("a > b"), null!])).Message, StringComparison.Ordinal);
        var overflow = Assert.Throws<ArgumentException>(() => new PairwiseMechanism([PairwiseComparison.Win("a", "b", int.MaxValue), PairwiseComparison.Win("b", "a")]));
        Assert.Contains("2147483648 outcomes", overflow.Message, StringComparison.Ordinal);

        var board = new PairwiseMechanism([PairwiseComparison.Parse("R-1 > R-2")]);
        var closed = Assert.Throws<ArgumentException>(() => board.Prioritise([Samples.ThreatAt(RiskStatus.Rejected)]));
        Assert.Contains("'R-1'", closed.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => board.Prioritise([Samples.Threat("R-1"), Samples.Threat("R-1")]));
        Assert.Contains("'R-1' appears twice", twice.Message, StringComparison.Ordinal);
        Assert.Empty(board.Prioritise([]));
    }
}
