using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

public class ImprovementProgrammeTests
{
    private static readonly LocalDate s_agreed = new(2026, 3, 1);

    [Fact]
    public void PlanningASprint_BeforeAMechanismIsAgreed_IsRefused()
    {
        var programme = new ImprovementProgramme("IP-1", "Service desk renovation", "scan-0");
        var ex = Assert.Throws<InvalidOperationException>(() => programme.PlanSprint(Database(), Weeks(0), 10, [new SprintItem("R-1", 3)]));
        Assert.Contains("prerequisite 8", ex.Message, StringComparison.Ordinal);

        var late = programme.AgreeMechanism(new RiskMatrixPrioritisation(Samples.Matrix), new LocalDate(2026, 3, 10));
        var tooLate = Assert.Throws<InvalidOperationException>(() => late.PlanSprint(Database(), Weeks(0), 10, [new SprintItem("R-1", 3)]));
        Assert.Contains("2026-03-10", tooLate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASprint_MustFitItsCapacity_AndUseOpenKnownRisksOnce()
    {
        var db = Database().Apply("R-3", new RejectRisk("out of scope"), "p");
        var programme = Agreed();
        var over = Assert.Throws<ArgumentException>(() => programme.PlanSprint(db, Weeks(0), 5, [new SprintItem("R-1", 3), new SprintItem("R-2", 3)]));
        Assert.Contains("6 effort units, more than the capacity 5", over.Message, StringComparison.Ordinal);
        Assert.Contains("'R-404'", Assert.Throws<ArgumentException>(() => programme.PlanSprint(db, Weeks(0), 5, [new SprintItem("R-404", 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("'R-3' is Rejected", Assert.Throws<ArgumentException>(() => programme.PlanSprint(db, Weeks(0), 5, [new SprintItem("R-3", 1)])).Message, StringComparison.Ordinal);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => programme.PlanSprint(db, Weeks(0), 5, [new SprintItem("R-1", 1), new SprintItem("R-1", 1)])).Message, StringComparison.Ordinal);
        Assert.Empty(programme.Sprints);
    }

    [Fact]
    public void PlannedEffort_BeyondWhatTheBurnUpCanCount_IsRefusedAtPlanning_NotAnOverflowLater()
    {
        var db = Database();
        var one = Agreed().PlanSprint(db, Weeks(0), 2_000_000_000, [new SprintItem("R-1", 2_000_000_000)]);
        var ex = Assert.Throws<ArgumentException>("items", () => one.PlanSprint(db, Weeks(2), 2_000_000_000, [new SprintItem("R-2", 2_000_000_000)]));
        Assert.Contains("4000000000", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2_000_000_000, Assert.Single(one.BurnUp()).CumulativePlanned);

        // A cancelled sprint no longer counts.
        var replanned = one.CancelSprint(1, "budget moved").PlanSprint(db, Weeks(2), 2_000_000_000, [new SprintItem("R-2", 2_000_000_000)]);
        Assert.Equal(2_000_000_000, Assert.Single(replanned.BurnUp()).CumulativePlanned);
    }

    [Fact]
    public void Sprints_MayNotOverlap_UnlessTheEarlierIsCancelled()
    {
        var programme = Agreed().PlanSprint(Database(), Weeks(0), 10, [new SprintItem("R-1", 3)]);
        var overlapping = new DateInterval(new LocalDate(2026, 3, 13), new LocalDate(2026, 3, 20));
        var ex = Assert.Throws<ArgumentException>(() => programme.PlanSprint(Database(), overlapping, 10, []));
        Assert.Equal("period", ex.ParamName);
        Assert.Contains("sprint 1 (2026-03-02..2026-03-15)", ex.Message, StringComparison.Ordinal);

        var cancelled = programme.CancelSprint(1, "team on leave");
        Assert.Equal(2, cancelled.PlanSprint(Database(), overlapping, 10, []).Sprints.Length);
        Assert.Equal(SprintStatus.Planned, programme.Sprint(1).Status);
    }

    [Fact]
    public void ASprintThatMissesAResource_YieldsAFinding_WithTheConfiguredSeverity()
    {
        // R-1 affects technology only; R-2 people and process.
        var onlyTech = Agreed().PlanSprint(Database(), Weeks(0), 10, [new SprintItem("R-1", 3)]).Sprint(1);
        Assert.Equal([Resource.Technology], onlyTech.CoveredResources.AsEnumerable());
        Assert.Equal(2, onlyTech.Findings.ForRule(ImprovementProgramme.MissingResourceRuleId).Length);
        Assert.Equal(FindingSeverity.Warning, onlyTech.Findings.Findings[0].Severity);
        Assert.Contains("improves no People", onlyTech.Findings.Findings[0].Message, StringComparison.Ordinal);

        var strict = Agreed().WithMissingResourceSeverity(FindingSeverity.Error).PlanSprint(Database(), Weeks(0), 10, [new SprintItem("R-1", 3)]).Sprint(1);
        Assert.False(strict.Findings.IsConforming);

        var all = Agreed().PlanSprint(Database(), Weeks(0), 10, [new SprintItem("R-1", 3), new SprintItem("R-2", 2)]).Sprint(1);
        Assert.True(all.Findings.IsEmpty);

        var noBaseline = new ImprovementProgramme("IP-2", "No scan").AgreeMechanism(new RiskMatrixPrioritisation(Samples.Matrix), s_agreed);
        Assert.Single(noBaseline.PlanSprint(Database(), Weeks(0), 10, [new SprintItem("R-1", 3), new SprintItem("R-2", 2)]).Sprint(1).Findings.ForRule(ImprovementProgramme.NoBaselineRuleId));
    }

    [Fact]
    public void SprintLifecycle_PlannedActiveCompleted_WithOutcomesAndProgress()
    {
        var clock = FixedClock.At(2026, 3, 1);
        var db = Database(clock);
        var programme = Agreed().PlanSprint(db, Weeks(0), 10, [new SprintItem("R-1", 3), new SprintItem("R-2", 2)]);
        Assert.Throws<InvalidOperationException>(() => programme.CompleteSprint(1, [], db));
        programme = programme.StartSprint(1);
        Assert.Contains("Active", Assert.Throws<InvalidOperationException>(() => programme.StartSprint(1)).Message, StringComparison.Ordinal);

        clock.Advance(Duration.FromDays(5));
        db = db.Apply("R-1", new WithdrawRisk("solved by vendor"), "p");
        var missing = Assert.Throws<ArgumentException>(() => programme.CompleteSprint(1, [new("R-1", SprintItemOutcome.Done)], db));
        Assert.Contains("'R-2'", missing.Message, StringComparison.Ordinal);
        var closedCarry = Assert.Throws<ArgumentException>(() => programme.CompleteSprint(1, [new("R-1", SprintItemOutcome.CarriedOver), new("R-2", SprintItemOutcome.Done)], db));
        Assert.Contains("'R-1' is carried over", closedCarry.Message, StringComparison.Ordinal);

        var done = programme.CompleteSprint(1, [new("R-1", SprintItemOutcome.Done), new("R-2", SprintItemOutcome.CarriedOver)], db);
        var sprint = done.Sprint(1);
        Assert.Equal((SprintStatus.Completed, 5, 3, 1), (sprint.Status, sprint.PlannedEffort, sprint.DoneEffort, sprint.RisksRealised));
        Assert.Equal<string>(["R-2"], sprint.CarriedOver);
        Assert.Equal(SprintStatus.Active, programme.Sprint(1).Status);

        done = done.PlanSprint(db, Weeks(2), 10, [new SprintItem("R-2", 2)]).StartSprint(2).CompleteSprint(2, [new("R-2", SprintItemOutcome.Done)], db);
        Assert.Equal(
            [new BurnUpPoint(1, new LocalDate(2026, 3, 15), 5, 3), new BurnUpPoint(2, new LocalDate(2026, 3, 29), 7, 5)],
            done.BurnUp().AsEnumerable());

        // R-1 (threat, −1000) is withdrawn on day 5 of sprint 1; R-2 (opportunity, +7) stays open.
        var trend = done.ExposureTrend(db);
        Assert.Equal([1, 2], trend.Select(p => p.SprintNumber));
        Assert.All(trend, p => Assert.Equal(7, p.Exposure, 9));
    }

    [Fact]
    public void RiskMatrixPrioritisation_OrdersByClassThenSizeOfExpectedValueThenId()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 1));
        foreach (var (id, polarity, effect, likelihood, impact) in new[]
        {
            ("R-a", RiskPolarity.Threat, 3, 4, 100.0),       // Critical
            ("R-b", RiskPolarity.Opportunity, 1, 1, 900.0),  // Medium, |EV| 450
            ("R-c", RiskPolarity.Threat, 1, 1, 500.0),       // Medium, |EV| 250
            ("R-d", RiskPolarity.Threat, 1, 1, 500.0),       // Medium, |EV| 250, after R-c by id
        })
        {
            var risk = new Risk(id, id, "", polarity, RiskOrigin.ReportedBy("p"), [Resource.Process], "c");
            db = db.Register(risk, "p").Apply(id, new ClassifyRisk(new RiskAssessment(effect, likelihood, QuantitativeEstimate.FromProbabilityAndImpact(0.5, impact))), "p");
        }

        db = db.Register(Samples.Threat("R-0"), "p");
        var order = Agreed().Prioritise(db);
        Assert.Equal(["R-a", "R-b", "R-c", "R-d", "R-0"], order.Select(p => p.RiskId));
        Assert.Equal([1, 2, 3, 4, 5], order.Select(p => p.Rank));
        Assert.Equal(3, order[0].Score);
        Assert.Contains("class 'Critical' (effect 'Severe', likelihood 'Almost certain')", order[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("not yet classified", order[4].Explanation, StringComparison.Ordinal);

        // A list that names a risk twice would rank it twice.
        var mechanism = new RiskMatrixPrioritisation(Samples.Matrix);
        var twice = Assert.Throws<ArgumentException>("openRisks", () => mechanism.Prioritise([db.Get("R-c"), db.Get("R-a"), db.Get("R-c")]));
        Assert.Contains("'R-c'", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("openRisks", () => mechanism.Prioritise([db.Get("R-c"), null!]));
    }

    [Fact]
    public void PlanSprintByPriority_TakesRisksInPriorityOrderThatFitTheCapacity()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 1));
        foreach (var (id, effect, effort) in new[] { ("R-1", 3, 6), ("R-2", 2, 6), ("R-3", 1, 4), ("R-4", 0, 1) })
        {
            var r = Samples.Threat(id);
            db = db.Register(r, "p")
                .Apply(id, new ClassifyRisk(new RiskAssessment(effect, 4)), "p")
                .Apply(id, new RecordRootCause("c"), "p")
                .Apply(id, new AddMeasure(Samples.Mitigation(effort: effort)), "p");
        }

        db = db.Register(Samples.Threat("R-5"), "p");
        var sprint = Agreed().PlanSprintByPriority(db, Weeks(0), 11).Sprint(1);
        Assert.Equal(["R-1", "R-3", "R-4"], sprint.Items.Select(i => i.RiskId));
        Assert.Equal(11, sprint.PlannedEffort);
        Assert.Equal("Risk matrix", sprint.MechanismName);
    }

    [Fact]
    public void PlannedSprints_NeverOverlap_AndNeverExceedCapacity()
    {
        var db = Database();
        var gen = Gen.ArrayOf(
            from start in Gen.Choose(0, 120)
            from length in Gen.Choose(1, 21)
            from capacity in Gen.Choose(1, 8)
            from e1 in Gen.Choose(0, 5)
            from e2 in Gen.Choose(0, 5)
            select (start, length, capacity, e1, e2));
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), plans =>
        {
            var programme = Agreed();
            foreach (var (start, length, capacity, e1, e2) in plans)
            {
                var first = new LocalDate(2026, 3, 2).PlusDays(start);
                var items = new[] { (Id: "R-1", Effort: e1), (Id: "R-2", Effort: e2) }.Where(x => x.Effort > 0).Select(x => new SprintItem(x.Id, x.Effort));
                try
                {
                    programme = programme.PlanSprint(db, new DateInterval(first, first.PlusDays(length - 1)), capacity, items);
                }
                catch (ArgumentException)
                {
                    // Refused (overlap or capacity): the programme is unchanged.
                }
            }

            var sprints = programme.Sprints;
            var noOverlap = sprints.All(a => sprints.All(b => a.Number == b.Number || a.Period.End < b.Period.Start || b.Period.End < a.Period.Start));
            return noOverlap && sprints.All(s => s.PlannedEffort <= s.Capacity);
        }), maxTest: 300);
    }

    private static ImprovementProgramme Agreed() =>
        new ImprovementProgramme("IP-1", "Service desk renovation", "scan-0", ["p-kim", "p-lee"]).AgreeMechanism(new RiskMatrixPrioritisation(Samples.Matrix), s_agreed);

    private static DateInterval Weeks(int offset) => new(new LocalDate(2026, 3, 2).PlusWeeks(offset), new LocalDate(2026, 3, 15).PlusWeeks(offset));

    private static RiskDatabase Database(FixedClock? clock = null) => new RiskDatabase(clock ?? FixedClock.At(2026, 3, 1))
        .Register(Samples.Threat("R-1"), "p")
        .Register(Samples.Opportunity("R-2"), "p")
        .Register(Samples.Threat("R-3"), "p")
        .Apply("R-1", new ClassifyRisk(Samples.Assessment(probability: 0.5, impact: 2000)), "p")
        .Apply("R-2", new ClassifyRisk(new RiskAssessment(1, 1, QuantitativeEstimate.FromThreePoint(10, 12, 26, 0.5))), "p");
}
