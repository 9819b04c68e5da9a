using Usm.Model.Improvement;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Improvement;

/// <summary>Every built-in prioritisation mechanism checks the open risks it is given the same way, with the same messages.</summary>
public class MechanismInputTests
{
    public static TheoryData<string> Mechanisms() => ["risk-matrix", "ranking", "ballots", "pairwise", "plackett-luce"];

    private static IPrioritisationMechanism Create(string kind) => kind switch
    {
        "risk-matrix" => new RiskMatrixPrioritisation(Samples.Matrix),
        "ranking" => new RankingMechanism(RankingMethod.RiskMatrix(RiskCandidates.Effect, RiskCandidates.Likelihood)),
        "ballots" => new BallotMechanism([Ballot.Parse("R-1 > R-2")]),
        "pairwise" => new PairwiseMechanism([PairwiseComparison.Parse("R-1 > R-2")]),
        "plackett-luce" => new PlackettLuceMechanism([Ballot.Parse("R-1 > R-2")]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such mechanism in this test."),
    };

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public void BadLists_AreRefusedNamingTheRiskOrItsPlace(string kind)
    {
        var mechanism = Create(kind);

        var nullList = Assert.Throws<ArgumentNullException>(() => mechanism.Prioritise(null!));
        var nullRisk = Assert.Throws<ArgumentNullException>(() => mechanism.Prioritise([Samples.Threat("R-1"), null!]));
        var closed = Assert.Throws<ArgumentException>(() => mechanism.Prioritise([Samples.ThreatAt(RiskStatus.Rejected)]));
        var twice = Assert.Throws<ArgumentException>(() => mechanism.Prioritise([Samples.Threat("R-1"), Samples.Threat("R-2"), Samples.Threat("R-1")]));

        Assert.All(new ArgumentException[] { nullList, nullRisk, closed, twice }, ex => Assert.Equal("openRisks", ex.ParamName));
        Assert.StartsWith("Risk 1 of the list is null.", nullRisk.Message, StringComparison.Ordinal);
        Assert.StartsWith("Risk 'R-1' is Rejected, not open.", closed.Message, StringComparison.Ordinal);
        Assert.StartsWith("Risk 'R-1' appears twice in the list.", twice.Message, StringComparison.Ordinal);
        Assert.Empty(mechanism.Prioritise([]));
    }
}
