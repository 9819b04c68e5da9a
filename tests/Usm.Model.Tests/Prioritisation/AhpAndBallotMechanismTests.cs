using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>AHP judgements and sounding-board ballots plug into the improvement programme as mechanisms.</summary>
public class AhpAndBallotMechanismTests
{
    private static readonly LocalDate s_agreed = new(2026, 2, 1);

    private static RiskDatabase Database()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 1));
        foreach (var (id, polarity, probability, impact) in new[]
        {
            ("R-a", RiskPolarity.Threat, 0.1, 1000.0),        // |EV| 100
            ("R-b", RiskPolarity.Opportunity, 0.9, 5000.0),   // |EV| 4500
            ("R-c", RiskPolarity.Threat, 0.5, 2000.0),        // |EV| 1000
        })
        {
            var risk = new Risk(id, id, "", polarity, RiskOrigin.ReportedBy("p"), [Resource.Process], "c");
            db = db.Register(risk, "p").Apply(id, new ClassifyRisk(new RiskAssessment(1, 1, QuantitativeEstimate.FromProbabilityAndImpact(probability, impact))), "p");
        }

        return db;
    }

    private static AhpResult ExpectedValueThreeTimesProbability() =>
        Ahp.Weigh(AhpMatrix.Create([[1, 3], [1.0 / 3, 1]], [RiskCandidates.ExpectedValue, RiskCandidates.Probability]));

    [Fact]
    public void AhpWeights_DriveASawRanking_ThroughTheProgramme()
    {
        var method = RankingMethod.AhpWeightedSum(ExpectedValueThreeTimesProbability());
        var programme = new ImprovementProgramme("IP-1", "Renovation", "scan-0").AgreeMechanism(new RankingMechanism(method), s_agreed);

        var order = programme.Prioritise(Database());

        // Weights 0.75 / 0.25; max normalisation: |EV| / 4500 and probability / 0.9.
        // R-b: 0.75 + 0.25 = 1; R-c: 0.75·1000/4500 + 0.25·0.5/0.9 = 0.30556; R-a: 0.75·100/4500 + 0.25·0.1/0.9 = 0.04444.
        Assert.Equal(["R-b", "R-c", "R-a"], order.Select(p => p.RiskId));
        Assert.Equal(1.0, order[0].Score, 9);
        Assert.Equal((0.75 * 1000 / 4500) + (0.25 * 0.5 / 0.9), order[1].Score, 9);
        Assert.Equal((0.75 * 100 / 4500) + (0.25 * 0.1 / 0.9), order[2].Score, 9);
        Assert.Equal("AHP-weighted SAW", programme.Agreement!.Mechanism.Name);
        Assert.Contains("weight 0.75", order[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AhpWeightedSum_EqualsSawWithTheAhpWeights_AndMarksCostCriteria()
    {
        var weights = Ahp.Weigh(AhpMatrix.FromWeights([0.5, 0.3, 0.2], ["value", "effort", "risk"]));
        var set = new CandidateSet([
            new Candidate("x", [new("value", 8), new("effort", 5), new("risk", 2)]),
            new Candidate("y", [new("value", 6), new("effort", 1), new("risk", 3)]),
            new Candidate("z", [new("value", 9), new("effort", 9), new("risk", 1)]),
        ]);
        var ahp = Prioritiser.Rank(set, RankingMethod.AhpWeightedSum(weights, SawNormalisation.MinMax, ["effort"]));
        var saw = Prioritiser.Rank(set, RankingMethod.WeightedSum([Criterion.Benefit("value", weights.WeightOf("value")), Criterion.Cost("effort", weights.WeightOf("effort")), Criterion.Benefit("risk", weights.WeightOf("risk"))], SawNormalisation.MinMax));
        Assert.Equal(saw.Ids.ToArray(), ahp.Ids.ToArray());
        Assert.Equal(saw.Items.Select(i => i.Score), ahp.Items.Select(i => i.Score));
        Assert.Equal(CriterionKind.Cost, RankingMethod.AhpWeightedSum(weights, costCriteria: ["effort"]).Criteria[1].Kind);
    }

    [Fact]
    public void AhpWeightedSum_RejectsInconsistentUnlabelledOrUnknownCriteria()
    {
        // A cyclic judgement (a ≫ b ≫ c ≫ a) is as inconsistent as AHP gets.
        var cyclic = Ahp.Weigh(AhpMatrix.Create([[1, 9, 1.0 / 9], [1.0 / 9, 1, 9], [9, 1.0 / 9, 1]], ["a", "b", "c"]));
        Assert.False(cyclic.IsConsistent);
        var ex = Assert.Throws<ArgumentException>(() => RankingMethod.AhpWeightedSum(cyclic));
        Assert.Contains("inconsistent: CR", ex.Message, StringComparison.Ordinal);
        Assert.Equal("criteriaWeights", ex.ParamName);
        Assert.Equal(3, RankingMethod.AhpWeightedSum(cyclic, allowInconsistent: true).Criteria.Length);

        var unlabelled = Ahp.Weigh(AhpMatrix.FromWeights([0.6, 0.4]));
        Assert.Contains("no labels", Assert.Throws<ArgumentException>(() => RankingMethod.AhpWeightedSum(unlabelled)).Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => RankingMethod.AhpWeightedSum(ExpectedValueThreeTimesProbability(), costCriteria: ["effort"]));
        Assert.Contains("'effort'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("costCriteria", unknown.ParamName);
        Assert.Throws<ArgumentNullException>(() => RankingMethod.AhpWeightedSum(null!));
    }

    [Fact]
    public void BordaBallots_PrioritiseTheOpenRisks_TiesByOrdinalId()
    {
        // Two voters: a > b > c (a 2, b 1, c 0 each); one voter: c > a > b. Points a 5, b 2, c 2.
        var board = new BallotMechanism([Ballot.Parse("R-a > R-b > R-c", voters: 2), Ballot.Parse("R-c > R-a > R-b")], BallotRule.Borda);
        var order = new ImprovementProgramme("IP-1", "Renovation", "scan-0").AgreeMechanism(board, s_agreed).Prioritise(Database());

        Assert.Equal(["R-a", "R-b", "R-c"], order.Select(p => p.RiskId));
        Assert.Equal([1, 2, 3], order.Select(p => p.Rank));
        Assert.Equal([5.0, 2.0, 2.0], order.Select(p => p.Score));
        Assert.StartsWith("Borda: 2. R-c: 2 points", order[2].Explanation, StringComparison.Ordinal);
        Assert.Equal("Sounding-board ballots (Borda)", board.Name);
    }

    [Fact]
    public void SchulzeBallots_PutTheCondorcetWinnerFirst()
    {
        // c beats a 2:1, c beats b 3:0, a beats b 2:1 → c is the Condorcet winner, then a, then b.
        var board = new BallotMechanism([Ballot.Parse("R-c > R-a > R-b", voters: 2), Ballot.Parse("R-a > R-b > R-c")]);
        var order = board.Prioritise(Database().OpenRisks);
        Assert.Equal(["R-c", "R-a", "R-b"], order.Select(p => p.RiskId));
        Assert.Equal([2.0, 1.0, 0.0], order.Select(p => p.Score));
        Assert.StartsWith("Schulze: 1. R-c", order[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Ballots_DropRisksThatAreNoLongerOpen_AndKeepTheRestInOrder()
    {
        var withClosed = new BallotMechanism([Ballot.Parse("R-old > R-b > R-gone = R-a > R-c")], BallotRule.Borda);
        var without = new BallotMechanism([Ballot.Parse("R-b > R-a > R-c")], BallotRule.Borda);
        var risks = Database().OpenRisks;
        Assert.Equal(without.Prioritise(risks), withClosed.Prioritise(risks));
    }

    [Fact]
    public void BallotMechanism_ValidatesItsInput_NamingTheRisk()
    {
        Assert.Throws<ArgumentException>(() => new BallotMechanism([]));
        Assert.Throws<ArgumentNullException>(() => new BallotMechanism([Ballot.Parse("a"), null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BallotMechanism([Ballot.Parse("a")], (BallotRule)9));
        var board = new BallotMechanism([Ballot.Parse("R-1")]);
        var ex = Assert.Throws<ArgumentException>(() => board.Prioritise([Samples.ThreatAt(RiskStatus.Rejected)]));
        Assert.Contains("'R-1'", ex.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => board.Prioritise([Samples.Threat("R-1"), Samples.Threat("R-1")]));
        Assert.Contains("'R-1' appears twice", twice.Message, StringComparison.Ordinal);
        Assert.Empty(board.Prioritise([]));
    }
}
