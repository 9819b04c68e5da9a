using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>Extreme dates, levels and misbehaving mechanisms (found by review, session 5).</summary>
public class ProgrammeRobustnessTests
{
    private static RiskDatabase Database()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 1, 1)).Register(Samples.Threat("R-1"), "p");
        foreach (var command in Samples.MainLine().Take(3))
        {
            db = db.Apply("R-1", command, "p");
        }

        return db;
    }

    private static ImprovementProgramme Agreed(IPrioritisationMechanism? mechanism = null) =>
        new ImprovementProgramme("IP", "x").AgreeMechanism(mechanism ?? new RiskMatrixPrioritisation(Samples.Matrix), LocalDate.MinIsoValue);

    [Fact]
    public void ExposureTrend_OfASprintEndingOnTheLastDate_UsesTheLastInstant()
    {
        var db = Database();
        var programme = Agreed().PlanSprint(db, new DateInterval(LocalDate.MaxIsoValue.PlusDays(-3), LocalDate.MaxIsoValue), 10, [new SprintItem("R-1", 3)]);

        var point = Assert.Single(programme.ExposureTrend(db));

        Assert.Equal(LocalDate.MaxIsoValue, point.End);
        Assert.Equal(db.AsOf(Instant.MaxValue).Exposure, point.Exposure);
    }

    [Fact]
    public void ExposureTrend_OfASprintOnTheFirstDate_Works()
    {
        var db = Database();
        var programme = Agreed().PlanSprint(db, new DateInterval(LocalDate.MinIsoValue, LocalDate.MinIsoValue), 10, [new SprintItem("R-1", 3)]);

        Assert.Equal(0.0, Assert.Single(programme.ExposureTrend(db)).Exposure);
    }

    [Fact]
    public void RiskAssessment_LevelAboveTheBound_IsRefused_AndTheHighestLevelStillRanks()
    {
        Assert.Equal("effect", Assert.Throws<ArgumentOutOfRangeException>(() => new RiskAssessment(int.MaxValue, 0)).ParamName);
        Assert.Equal("likelihood", Assert.Throws<ArgumentOutOfRangeException>(() => new RiskAssessment(0, int.MaxValue)).ParamName);

        var risk = Samples.Threat().Apply(new ClassifyRisk(new RiskAssessment(RiskAssessment.MaxLevel, RiskAssessment.MaxLevel)));
        var candidate = RiskCandidates.FromRisk(risk);

        Assert.Equal(int.MaxValue, candidate.Values[RiskCandidates.Effect]);
        Assert.Equal(int.MaxValue, candidate.Values[RiskCandidates.Likelihood]);
    }

    public static IEnumerable<object[]> Misbehaving =>
    [
        [new FixedMechanism(null), "returned null"],
        [new FixedMechanism([null!]), "null priority at position 0"],
        [new FixedMechanism([new RiskPriority("NOPE", 1, 0, "x")]), "'NOPE', which is not an open risk"],
        [new FixedMechanism([new RiskPriority("R-1", 1, 0, "x"), new RiskPriority("R-1", 2, 0, "x")]), "'R-1' more than once"],
    ];

    [Theory]
    [MemberData(nameof(Misbehaving))]
    public void PlanSprintByPriority_AMisbehavingMechanism_IsNamedInAnInvalidOperationException(IPrioritisationMechanism mechanism, string expected)
    {
        var programme = Agreed(mechanism);

        var ex = Assert.Throws<InvalidOperationException>(() => programme.PlanSprintByPriority(Database(), new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 2)), 10));

        Assert.Contains("mechanism 'fixed'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSprintByPriority_AWellBehavedMechanism_StillPlans()
    {
        var programme = Agreed(new FixedMechanism([new RiskPriority("R-1", 1, 0, "x")]));

        var planned = programme.PlanSprintByPriority(Database(), new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 2)), 1000);

        Assert.Equal("R-1", Assert.Single(Assert.Single(planned.Sprints).Items).RiskId);
    }

    public sealed class FixedMechanism(IReadOnlyList<RiskPriority>? result) : IPrioritisationMechanism
    {
        public string Name => "fixed";

        public IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks) => result!;

        public override string ToString() => "fixed";
    }
}
