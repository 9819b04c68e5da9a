using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

public class RiskDatabaseTests
{
    [Fact]
    public void Register_AppendsAnEvent_StampedByTheClock_AndLeavesTheOldDatabaseUnchanged()
    {
        var clock = FixedClock.At(2026, 3, 2);
        var empty = new RiskDatabase(clock);
        var one = empty.Register(Samples.Threat(), "p-ann");
        clock.Advance(Duration.FromHours(1));
        var two = one.Apply("R-1", new ClassifyRisk(Samples.Assessment()), "p-bob");

        Assert.Equal(0, empty.Count);
        Assert.Empty(empty.Events);
        Assert.Equal(RiskStatus.Identified, one.Get("R-1").Status);
        Assert.Single(one.Events);
        Assert.Equal(RiskStatus.Classified, two.Get("R-1").Status);
        var last = two.Events[^1];
        Assert.Equal((2, RiskEventKind.CommandApplied, "p-bob", "R-1", RiskStatus.Classified), (last.Sequence, last.Kind, last.ActorId, last.RiskId, last.ResultingStatus));
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 10, 0), last.At);
        AssertSame(one, two.AfterEvent(1));
        AssertSame(empty, two.AfterEvent(0));
        Assert.Same(two, two.AfterEvent(2));
    }

    [Fact]
    public void PastVersions_AreNotKeptAlive_ByTheLatestVersion()
    {
        // The latest version answers AfterEvent and AsOf from its log and checkpoints, so an intermediate version
        // that nobody holds can be collected (keeping every version alive made memory grow with every event).
        var (latest, intermediate) = BuildWithoutKeeping();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(intermediate.IsAlive);
        Assert.Equal(200, latest.Version);
        Assert.Equal(100, latest.AfterEvent(100).Count);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (RiskDatabase Latest, WeakReference Intermediate) BuildWithoutKeeping()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2));
        WeakReference? intermediate = null;
        for (var i = 0; i < 200; i++)
        {
            db = db.Register(Samples.Threat("R-" + i), "p");
            if (i == 99)
            {
                intermediate = new WeakReference(db);
            }
        }

        return (db, intermediate!);
    }

    [Fact]
    public void PastVersions_OfALongHistory_AreRebuiltExactly_AndBranchesDoNotDisturbEachOther()
    {
        // Several hundred events, so that AfterEvent and AsOf cross many state checkpoints.
        var clock = FixedClock.At(2026, 3, 2);
        var db = new RiskDatabase(clock);
        var versions = new List<(RiskDatabase Version, Risk[] Risks, RiskDatabaseEvent[] Events)> { (db, [], []) };
        for (var i = 0; i < 300; i++)
        {
            clock.Advance(Duration.FromMinutes(i % 3));
            db = i % 4 == 3
                ? db.Apply("R-" + (i - 3), new ClassifyRisk(new RiskAssessment(i % 4, i % 5, QuantitativeEstimate.FromProbabilityAndImpact(0.5, i))), "p")
                : db.Register(Samples.Threat("R-" + i), "p");
            versions.Add((db, db.Risks.ToArray(), db.Events.ToArray()));
        }

        // A branch from an old version neither changes the main line nor sees its later events.
        var old = db.AfterEvent(100);
        var branch = old.Register(Samples.Threat("B-1"), "q");
        var main = db.Register(Samples.Threat("M-1"), "q");
        Assert.Equal(101, branch.Version);
        Assert.Equal(301, main.Version);
        Assert.Equal("B-1", branch.Events[100].RiskId);
        Assert.Equal("M-1", main.Events[300].RiskId);
        Assert.False(branch.Contains("R-150"));
        Assert.False(main.Contains("B-1"));
        Assert.Equal(versions[100].Events, branch.Events.Take(100));

        foreach (var source in new[] { db, main, branch.AfterEvent(100) })
        {
            for (var k = 0; k <= Math.Min(source.Version, 300); k++)
            {
                var past = source.AfterEvent(k);
                AssertSame(versions[k].Version, past);
                Assert.Equal<Risk>(versions[k].Risks, past.Risks);
                Assert.Equal(versions[k].Events, past.Events);
                Assert.Equal(versions[k].Version.LastChanged, past.LastChanged);
            }
        }

        foreach (var e in db.Events)
        {
            AssertSame(RiskDatabase.Replay(FixedClock.At(2030, 1, 1), db.Events.Where(x => x.At <= e.At)), db.AsOf(e.At));
        }
    }

    [Fact]
    public void DuplicateIdsAndUnknownRisks_AreRejected_NamingTheId()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2)).Register(Samples.Threat("R-1"), "p");
        var dup = Assert.Throws<ArgumentException>(() => db.Register(Samples.Threat("R-1"), "p"));
        Assert.Equal("risk", dup.ParamName);
        Assert.Contains("'R-1'", dup.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => db.Apply("R-404", new FulfilRisk(), "p"));
        Assert.Contains("'R-404'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("risk", () => db.Register(Samples.ThreatAt(RiskStatus.Classified, "R-2"), "p"));
        Assert.Throws<ArgumentException>("actorId", () => db.Register(Samples.Threat("R-3"), " "));
        Assert.Equal(1, db.Count);
    }

    [Fact]
    public void RelatedRisks_MustBeRegistered_AndNotTheRiskItself()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2)).Register(Samples.Threat("R-1"), "p");
        Risk Related(string id, params string[] related) => new(id, "t", "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p"), [Resource.People], "c", relatedRiskIds: related);

        Assert.Equal<string>(["R-1"], db.Register(Related("R-2", "R-1"), "p").Get("R-2").RelatedRiskIds);
        var unknown = Assert.Throws<ArgumentException>(() => db.Register(Related("R-2", "R-1", "R-9"), "p"));
        Assert.Equal("risk", unknown.ParamName);
        Assert.Contains("'R-9'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("itself", Assert.Throws<ArgumentException>(() => Related("R-2", "R-2")).Message, StringComparison.Ordinal);

        var update = Assert.Throws<ArgumentException>(() => db.Apply("R-1", new UpdateRiskDetails(relatedRiskIds: ["R-7"]), "p"));
        Assert.Equal("command", update.ParamName);
        Assert.Contains("'R-7'", update.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidRiskTransitionException>(() => db.Apply("R-1", new UpdateRiskDetails(relatedRiskIds: ["R-1"]), "p"));
    }

    [Fact]
    public void TheClockGoingBack_IsRefused_NamingBothInstants()
    {
        var clock = FixedClock.At(2026, 3, 2);
        var db = new RiskDatabase(clock).Register(Samples.Threat(), "p");
        clock.Advance(Duration.FromMinutes(-5));
        var ex = Assert.Throws<InvalidOperationException>(() => db.Apply("R-1", new ClassifyRisk(Samples.Assessment()), "p"));
        Assert.Contains("2026-03-02T08:55:00Z", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-02T09:00:00Z", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_ByStatusPolarityResourceServiceMicAndCategory_AreOrderedById()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2))
            .Register(Samples.Threat("R-3", resources: [Resource.People]), "p")
            .Register(Samples.Threat("R-1", category: "financial", services: ["svc-a", "svc-b"]), "p")
            .Register(Samples.Opportunity("R-2"), "p")
            .Apply("R-3", new RejectRisk("no"), "p");

        Assert.Equal(["R-1", "R-2"], db.OpenRisks.Select(r => r.Id));
        Assert.Equal(["R-1", "R-2"], db.ByStatus(RiskStatus.Identified).Select(r => r.Id));
        Assert.Equal(["R-3"], db.ByStatus(RiskStatus.Rejected).Select(r => r.Id));
        Assert.Equal(1, db.CountByStatus(RiskStatus.Rejected));
        Assert.Equal(["R-1", "R-3"], db.ByPolarity(RiskPolarity.Threat).Select(r => r.Id));
        Assert.Equal(["R-2", "R-3"], db.ByResource(Resource.People).Select(r => r.Id));
        Assert.Equal(["R-1"], db.ByService("svc-b").Select(r => r.Id));
        Assert.Equal(["R-1", "R-3"], db.ByMic("mic-nas").Select(r => r.Id));
        Assert.Equal(["R-1"], db.ByCategory("financial").Select(r => r.Id));
        Assert.Empty(db.ByService("svc-none"));

        var moved = db.Apply("R-1", new UpdateRiskDetails(serviceIds: ["svc-c"]), "p");
        Assert.Empty(moved.ByService("svc-b"));
        Assert.Equal(["R-1"], moved.ByService("svc-c").Select(r => r.Id));
        Assert.Equal(["R-1"], db.ByService("svc-b").Select(r => r.Id));
    }

    [Fact]
    public void Exposure_SumsTheOpenRisksSignedExpectedValues()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2))
            .Register(Samples.Threat("R-1"), "p")
            .Register(Samples.Opportunity("R-2"), "p")
            .Apply("R-1", new ClassifyRisk(Samples.Assessment(probability: 0.5, impact: 2000)), "p")
            .Apply("R-2", new ClassifyRisk(new RiskAssessment(1, 1, QuantitativeEstimate.FromThreePoint(10, 12, 26, 0.5))), "p");
        Assert.Equal(-1000 + 7, db.Exposure, 9);
        Assert.Equal(7, db.Apply("R-1", new WithdrawRisk("gone"), "p").Exposure, 9);
    }

    [Fact]
    public void Exposure_HasNoRoundingDrift_AndDoesNotDependOnTheOrderOfChanges()
    {
        static RiskDatabase Classified(RiskDatabase db, string id, RiskPolarity polarity, double impact)
        {
            var risk = polarity == RiskPolarity.Threat ? Samples.Threat(id) : Samples.Opportunity(id);
            return db.Register(risk, "p").Apply(id, new ClassifyRisk(new RiskAssessment(1, 1, QuantitativeEstimate.FromProbabilityAndImpact(1, impact))), "p");
        }

        // A large threat absorbs a small opportunity in a plain running total (0.03 is below half an ulp of 1e15,
        // the largest amount, whose ulp is 0.125); once the threat is withdrawn, the opportunity alone is open, and
        // the exposure must be exactly 0.03.
        var db = Classified(new RiskDatabase(FixedClock.At(2026, 3, 2)), "R-1", RiskPolarity.Threat, QuantitativeEstimate.MaxAmount);
        db = Classified(db, "R-2", RiskPolarity.Opportunity, 0.03);
        Assert.Equal(-1e15, db.Exposure);
        Assert.Equal(0.03, db.Apply("R-1", new WithdrawRisk("gone"), "p").Exposure);

        // The same open risks give the same exposure, bit for bit, whatever the order they were registered in.
        (string Id, RiskPolarity Polarity, double Impact)[] risks =
            [("A", RiskPolarity.Opportunity, 0.1), ("B", RiskPolarity.Opportunity, 0.2), ("C", RiskPolarity.Threat, 0.3), ("D", RiskPolarity.Opportunity, 1e15), ("E", RiskPolarity.Threat, 3.7)];
        var totals = new HashSet<double>();
        var random = new Random(20260302);
        for (var round = 0; round < 50; round++)
        {
            var order = db.AfterEvent(0);
            foreach (var (id, polarity, impact) in risks.OrderBy(_ => random.Next()))
            {
                order = Classified(order, id, polarity, impact);
            }

            totals.Add(order.Exposure);
        }

        // The exact total is 1e15 - 3.7 (plus the doubles' representation errors, about 3e-17), and the doubles near
        // 1e15 are 0.125 apart, so it rounds to 999999999999996.25. A plain running sum would depend on the order.
        Assert.Equal(999999999999996.25, Assert.Single(totals));
    }

    [Fact]
    public void RegisterFromCallEvaluation_RegistersOneRiskPerImprovement_WithThatCallAsOrigin()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2));
        Risk Improvement(string id, string call) => new(id, "Template lacks field", "", RiskPolarity.Opportunity, RiskOrigin.FromClosedCall(call), [Resource.Technology], "operational");
        var after = db.RegisterFromCallEvaluation("INC-7", [Improvement("R-10", "INC-7"), Improvement("R-11", "INC-7")], "p-op");
        Assert.Equal(2, after.Events.Count);
        Assert.All(after.Risks, r => Assert.Equal("INC-7", r.Origin.CallId));

        var ex = Assert.Throws<ArgumentException>(() => db.RegisterFromCallEvaluation("INC-7", [Improvement("R-10", "INC-7"), Improvement("R-12", "INC-8")], "p-op"));
        Assert.Contains("'R-12'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Count);
    }

    [Fact]
    public void Replay_RefusesAnEventOutOfSequence_NamingIt()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2)).Register(Samples.Threat("R-1"), "p").Register(Samples.Threat("R-2"), "p");
        var ex = Assert.Throws<ArgumentException>(() => RiskDatabase.Replay(FixedClock.At(2026, 3, 2), db.Events.Skip(1)));
        Assert.Equal("events", ex.ParamName);
        Assert.Contains("#2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected number 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsOf_ReturnsTheStateAtAnInstant()
    {
        var clock = FixedClock.At(2026, 3, 2);
        var db = new RiskDatabase(clock).Register(Samples.Threat(), "p");
        clock.Advance(Duration.FromDays(1));
        db = db.Apply("R-1", new ClassifyRisk(Samples.Assessment()), "p");
        Assert.Equal(0, db.AsOf(Instant.FromUtc(2026, 3, 1, 0, 0)).Count);
        Assert.Equal(RiskStatus.Identified, db.AsOf(Instant.FromUtc(2026, 3, 2, 9, 0)).Get("R-1").Status);
        Assert.Equal(RiskStatus.Identified, db.AsOf(Instant.FromUtc(2026, 3, 3, 8, 59)).Get("R-1").Status);
        Assert.Equal(RiskStatus.Classified, db.AsOf(Instant.FromUtc(2026, 3, 3, 9, 0)).Get("R-1").Status);
    }

    [Fact]
    public void RandomCommandSequences_NeverReachAnIllegalState_AndReplayRebuildsTheDatabase()
    {
        var reached = new HashSet<RiskStatus>();
        PropertyCheck.Run(Prop.ForAll(ImprovementArbitraries.Operations(), ops =>
        {
            var (db, versions) = Run(ops);

            // Replaying the whole log gives the same database.
            var replayed = RiskDatabase.Replay(FixedClock.At(2030, 1, 1), db.Events);
            AssertSame(db, replayed);
            Assert.Equal(db.Events, replayed.Events);

            // The state at each event's instant equals a replay of the events up to that instant.
            foreach (var e in db.Events)
            {
                AssertSame(RiskDatabase.Replay(FixedClock.At(2030, 1, 1), db.Events.Where(x => x.At <= e.At)), db.AsOf(e.At));
            }

            // No state is illegal, exposure is the sum of the open risks, and no version ever changed.
            foreach (var (version, risks) in versions)
            {
                Assert.Equal<Risk>(risks, version.Risks);
                Assert.All(version.Risks, AssertLegal);
                reached.UnionWith(version.Risks.Select(r => r.Status));
                Assert.Equal(version.OpenRisks.Sum(r => r.SignedExpectedValue), version.Exposure, 6);
            }

            return true;
        }), maxTest: 300);

        // The generator reaches every status, so the laws above are checked in every state.
        Assert.Equal(Enum.GetValues<RiskStatus>(), reached.Order());
    }

    private static (RiskDatabase Db, List<(RiskDatabase Version, Risk[] Risks)> Versions) Run(DbOp[] ops)
    {
        var clock = FixedClock.At(2026, 1, 5);
        var db = new RiskDatabase(clock);
        var versions = new List<(RiskDatabase, Risk[])> { (db, []) };
        var next = 0;
        foreach (var op in ops)
        {
            clock.Advance(Duration.FromMinutes(op.MinutesLater));
            var actor = "p-" + (op.Target % 3);
            if (op.Kind < 0 || db.Count == 0)
            {
                var polarity = op.Target % 2 == 0 ? RiskPolarity.Threat : RiskPolarity.Opportunity;
                var resources = Enum.GetValues<Resource>().Where((_, i) => ((op.Target + 1) & (1 << i)) != 0 || i == op.Target % 3);
                db = db.Register(new Risk("R-" + next++, "risk", "", polarity, RiskOrigin.ReportedBy(actor), resources, "cat-" + (op.Target % 4), ["svc-" + (op.Target % 5)]), actor);
            }
            else
            {
                var risk = db.Risks.ElementAt(op.Target % db.Count);
                var command = Command(op.Kind, op.Target, risk);
                if (risk.CanApply(command))
                {
                    db = db.Apply(risk.Id, command, actor);
                }
                else
                {
                    var before = db;
                    Assert.Throws<InvalidRiskTransitionException>(() => before.Apply(risk.Id, command, actor));
                    continue;
                }
            }

            versions.Add((db, db.Risks.ToArray()));
        }

        return (db, versions);
    }

    private static RiskCommand Command(int kind, int target, Risk risk) => kind != 10 ? AnyCommand(kind, target, risk) : risk.Status switch
    {
        RiskStatus.Identified => AnyCommand(0, target, risk),
        RiskStatus.Classified => AnyCommand(1, target, risk),
        RiskStatus.KnownError => AnyCommand(risk.Measures.IsEmpty || target % 3 == 0 ? 2 : 3, target, risk),
        RiskStatus.MeasureSelected => AnyCommand(4, target, risk),
        RiskStatus.MeasureDeployed => AnyCommand(5, target, risk),
        RiskStatus.Fulfilled => AnyCommand(6, target, risk),
        _ => AnyCommand(target % 10, target, risk),
    };

    private static RiskCommand AnyCommand(int kind, int target, Risk risk) => kind switch
    {
        0 => new ClassifyRisk(new RiskAssessment(target % 4, target % 5, target % 3 == 0 ? null : QuantitativeEstimate.FromProbabilityAndImpact((target % 10) / 10.0, target * 13.7))),
        1 => new RecordRootCause("cause " + target),
        2 => new AddMeasure(new Measure("M-" + (target % 3), "measure", (target % 7 == 0) ? MeasureKind.Mitigate : Measure.KindFor(risk.Polarity), Samples.Case(benefit: target, effort: 1 + (target % 5)), (CallType)new[] { 1, 2, 4 }[target % 3])),
        3 => new SelectMeasure(target % 2 == 0 ? null : new RiskAssessment(0, 0)),
        4 => new DeployMeasure(target % 2 == 0 ? null : "CR-" + target),
        5 => new FulfilRisk(),
        6 => new CloseRisk(new RiskAssessment(0, target % 2)),
        7 => new RejectRisk("reason " + target),
        8 => new WithdrawRisk("reason " + target),
        _ => new UpdateRiskDetails(category: "cat-" + (target % 4), serviceIds: ["svc-" + (target % 5), "svc-" + (target % 7)]),
    };

    private static void AssertLegal(Risk risk)
    {
        Assert.NotEmpty(risk.Resources);
        var s = risk.Status;
        var mainLine = s is not RiskStatus.Rejected and not RiskStatus.Withdrawn;
        Assert.Equal(!mainLine, risk.EndReason is not null);
        Assert.True(risk.DeployedPattern is null || risk.SelectedMeasure?.Pattern == risk.DeployedPattern);
        if (mainLine)
        {
            Assert.Equal(s >= RiskStatus.Classified, risk.Inherent is not null);
            Assert.Equal(s >= RiskStatus.KnownError, risk.RootCause is not null);
            Assert.Equal(s >= RiskStatus.MeasureSelected, risk.SelectedMeasure is not null);
            Assert.Equal(s >= RiskStatus.MeasureDeployed, risk.DeployedPattern is not null);
            Assert.True(s != RiskStatus.Closed || risk.Residual is not null);
        }

        Assert.All(risk.Measures, m => Assert.Equal(Measure.KindFor(risk.Polarity), m.Kind));
        Assert.Equal(risk.Measures.Length, risk.Measures.Select(m => m.Id).Distinct().Count());
    }

    private static void AssertSame(RiskDatabase expected, RiskDatabase actual)
    {
        Assert.Equal<Risk>(expected.Risks, actual.Risks);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Exposure, actual.Exposure);
        Assert.Equal<Risk>(expected.OpenRisks, actual.OpenRisks);
        foreach (var status in Enum.GetValues<RiskStatus>())
        {
            Assert.Equal<Risk>(expected.ByStatus(status), actual.ByStatus(status));
        }

        foreach (var resource in Enum.GetValues<Resource>())
        {
            Assert.Equal<Risk>(expected.ByResource(resource), actual.ByResource(resource));
        }

        for (var i = 0; i < 7; i++)
        {
            Assert.Equal<Risk>(expected.ByService("svc-" + i), actual.ByService("svc-" + i));
        }
    }

    [Fact]
    public void WhatIfChanges_AndForksOfForks_ManyLevelsDeep_AnswerLikeAFreshReplay()
    {
        // Each level registers two risks on the latest version, then changes the version before that (no longer the
        // tip of its log, so a fork of a fork), 20 levels deep; each level also runs a what-if loop on one old version.
        var clock = FixedClock.At(2026, 3, 2);
        var db = new RiskDatabase(clock);
        for (var i = 0; i < 30; i++)
        {
            db = db.Register(Samples.Threat("B-" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), "p");
        }

        var made = new List<RiskDatabase> { db };
        for (var level = 0; level < 20; level++)
        {
            clock.Advance(Duration.FromMinutes(1));
            var a = db.Register(Samples.Threat("L" + level.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "-a"), "p");
            made.Add(a.Register(Samples.Threat("L" + level.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "-b"), "p"));
            db = a.Apply("B-" + (level % 30).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), new ClassifyRisk(Samples.Assessment(likelihood: level % 5)), "p");
            made.Add(db);
            var whatIfBase = a;
            for (var k = 0; k < 4; k++)
            {
                made.Add(whatIfBase.Apply("B-" + k.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), new RejectRisk("what if " + k), "p"));
            }
        }

        foreach (var version in made)
        {
            var fresh = RiskDatabase.Replay(clock, version.Events);
            Assert.Equal(fresh.Risks, version.Risks);
            Assert.Equal(fresh.Count, version.Count);
            Assert.Equal(fresh.OpenCount, version.OpenCount);
            Assert.Equal(fresh.Exposure, version.Exposure);
            Assert.Equal<Risk>(fresh.ByStatus(RiskStatus.Rejected), version.ByStatus(RiskStatus.Rejected));
            foreach (var risk in fresh.Risks)
            {
                Assert.Equal(risk, version.Get(risk.Id));
            }

            Assert.False(version.Contains("L99-a"));
            for (var k = 0; k <= version.Version; k += 7)
            {
                var old = version.AfterEvent(k);
                Assert.Equal(RiskDatabase.Replay(clock, version.Events.Take(k)).Risks, old.Risks);
                Assert.All(version.Events.Take(k), e => Assert.True(old.Contains(e.RiskId)));
            }
        }
    }
}
