using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Any ranking method plugs into the improvement programme through <see cref="RankingMechanism"/>.</summary>
public class RankingMechanismTests
{
    private static RiskDatabase Database()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 1));
        foreach (var (id, polarity, effect, likelihood, probability, impact) in new[]
        {
            ("R-a", RiskPolarity.Threat, 3, 4, 0.1, 1000.0),        // EV −100, matrix class high
            ("R-b", RiskPolarity.Opportunity, 1, 1, 0.9, 5000.0),   // EV +4500
            ("R-c", RiskPolarity.Threat, 2, 3, 0.5, 2000.0),        // EV −1000
        })
        {
            var risk = new Risk(id, id, "", polarity, RiskOrigin.ReportedBy("p"), [Resource.Process], "c");
            db = db.Register(risk, "p").Apply(id, new ClassifyRisk(new RiskAssessment(effect, likelihood, QuantitativeEstimate.FromProbabilityAndImpact(probability, impact))), "p");
        }

        return db;
    }

    [Fact]
    public void AnInfiniteScore_IsRefusedNamingTheRiskAndTheMethod()
    {
        // Found by review (session 5): WSJF of cost of delay 1e300 over job size 1e-300 is infinite; the ranking holds
        // it, but a RiskPriority may not, and the error named neither the risk nor the method.
        var mechanism = new RankingMechanism(RankingMethod.Wsjf(["cod"], "size"), map: r =>
            new Candidate(r.Id, [new("cod", r.Id == "R-b" ? 1e300 : 1), new("size", r.Id == "R-b" ? 1e-300 : 1)]));
        var risks = Database().OpenRisks;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => mechanism.Prioritise(risks));

        Assert.Contains("'R-b'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(mechanism.Method.Name, ex.Message, StringComparison.Ordinal);
        Assert.Equal("openRisks", ex.ParamName);
    }

    [Fact]
    public void ExpectedValueMethod_RanksRisksOfTheDatabase_ThroughTheProgramme()
    {
        var mechanism = new RankingMechanism(RankingMethod.ExpectedValue(RiskCandidates.Probability, RiskCandidates.Impact));
        var programme = new ImprovementProgramme("IP-1", "Service desk renovation", "scan-0").AgreeMechanism(mechanism, new LocalDate(2026, 2, 1));

        var order = programme.Prioritise(Database());

        Assert.Equal(["R-b", "R-c", "R-a"], order.Select(p => p.RiskId));
        Assert.Equal([1, 2, 3], order.Select(p => p.Rank));
        Assert.Equal(4500, order[0].Score, 9);
        Assert.Contains("avoids an expected loss of 1000", order[1].Explanation, StringComparison.Ordinal);
        Assert.Equal("EMV", programme.Agreement!.Mechanism.Name);
    }

    [Fact]
    public void RiskMatrixMethod_UsesTheAssessmentLevels()
    {
        // Levels are 0-based in the improvement model and 1-based here: effect 3 → 4, likelihood 4 → 5 on a 5 × 5 table.
        var mechanism = new RankingMechanism(RankingMethod.RiskMatrix(RiskCandidates.Effect, RiskCandidates.Likelihood, RiskMatrixMethod.StandardFiveByFive, RiskCandidates.ExpectedValue));
        var order = mechanism.Prioritise(Database().OpenRisks);
        Assert.Equal(["R-a", "R-c", "R-b"], order.Select(p => p.RiskId));
        Assert.StartsWith("Risk class 4 of 4", order[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclassifiedRisks_AreRejectedByTheMatrix_NamingTheRisk()
    {
        var db = Database().Register(Samples.Threat("R-new"), "p");
        var mechanism = new RankingMechanism(RankingMethod.RiskMatrix(RiskCandidates.Effect, RiskCandidates.Likelihood));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => mechanism.Prioritise(db.OpenRisks));
        Assert.Contains("'R-new'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(mechanism.Prioritise([]));
    }
}
