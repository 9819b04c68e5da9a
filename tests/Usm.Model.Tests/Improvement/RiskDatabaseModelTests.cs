using System.Collections.Concurrent;
using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>
/// Every version of the risk database, new or old, at the tip of its log or left behind, branched from or not,
/// answers every query exactly as a naive reference model does: a plain dictionary of the risks, filtered and
/// sorted for each query.
/// </summary>
public class RiskDatabaseModelTests
{
    private static readonly string[] s_services = ["svc-0", "svc-1", "svc-2", "svc-3", "svc-4", "svc-5", "svc-6", "svc-none"];
    private static readonly string[] s_mics = ["mic-0", "mic-1", "mic-2", "mic-none"];
    private static readonly string[] s_categories = ["cat-0", "cat-1", "cat-2", "cat-3", "cat-none"];

    [Fact]
    public void EveryVersion_AnswersLikeAPlainModel_BeforeAndAfterLaterVersionsAreMadeFromIt()
    {
        PropertyCheck.Run(Prop.ForAll(RiskDatabaseModelArbitraries.Scripts(), steps =>
        {
            var clock = FixedClock.At(2026, 1, 5);
            var versions = new List<(RiskDatabase Db, Model Model)> { (new RiskDatabase(clock), Model.Empty) };
            var next = 0;
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in steps)
            {
                clock.Advance(Duration.FromMinutes(step.Minutes));

                // The latest version, the one before it (often an old version of the newest fork, so forks nest),
                // or any earlier one; a what-if loop makes several changes, each on that same version.
                var (db, model) = versions[step.Source switch
                {
                    -1 => versions.Count - 1,
                    -2 => Math.Max(0, versions.Count - 2),
                    _ => step.Source % versions.Count,
                }];
                for (var r = 0; r < step.Repeat; r++)
                {
                    var target = step.Target + (r * 17);
                    var actor = "p-" + (target % 3);
                    if (step.Kind < 0 || model.Risks.Count == 0)
                    {
                        var risk = NewRisk("R-" + ((next++ * 37) % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture), target, model);
                        if (model.Risks.ContainsKey(risk.Id))
                        {
                            // A duplicate id is refused and changes nothing.
                            Assert.Throws<ArgumentException>(() => db.Register(risk, actor));
                            Check(db, model, ids);
                            continue;
                        }

                        var registered = db.Register(risk, actor);
                        ids.Add(risk.Id);
                        versions.Add((registered, model.With(risk, registered.Events[^1])));
                    }
                    else
                    {
                        var before = model.Risks.Values.ElementAt(target % model.Risks.Count);
                        var command = Command(step.Kind, target, before);
                        var result = before.TryApply(command);
                        if (!result.Succeeded)
                        {
                            // A refused command changes nothing, even at the tip of the log.
                            Assert.Throws<InvalidRiskTransitionException>(() => db.Apply(before.Id, command, actor));
                            Check(db, model, ids);
                            continue;
                        }

                        var applied = db.Apply(before.Id, command, actor);
                        versions.Add((applied, model.With(before.Apply(command), applied.Events[^1])));
                    }

                    // The new version answers at once, while it is the tip of its log.
                    Check(versions[^1].Db, versions[^1].Model, ids);
                }

                if (step.Probe >= 0)
                {
                    var probed = versions[step.Probe % versions.Count];
                    Check(probed.Db, probed.Model, ids);
                }
            }

            // Every version, after all the later versions and branches were made, and rebuilt afresh from any descendant.
            foreach (var (db, model) in versions)
            {
                Check(db, model, ids);
            }

            var last = versions[^1].Db;
            foreach (var (db, model) in versions.Where(v => v.Db.Version <= last.Version && v.Model.Events.SequenceEqual(last.Events.Take(v.Db.Version))))
            {
                Check(last.AfterEvent(db.Version), model, ids);
            }

            return true;
        }), maxTest: 200);
    }

    [Fact]
    public async Task Readers_OfOldAndNewVersions_SeeExactAnswers_WhileOneThreadAppendsAndAnotherBranches()
    {
        // A first line of 1,500 events; expected answers for every 50th version, from the reference model.
        var clock = FixedClock.At(2026, 1, 5);
        var db = new RiskDatabase(clock);
        var model = Model.Empty;
        var expected = new Dictionary<int, Model> { [0] = model };
        for (var i = 0; i < 1_500; i++)
        {
            (db, model) = Step(db, model, i);
            if (db.Version % 50 == 0)
            {
                expected[db.Version] = model;
            }
        }

        var held = db.AfterEvent(700);
        var latest = db;
        var errors = new ConcurrentQueue<Exception>();
        using var done = new CancellationTokenSource();

        void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
                done.Cancel();
            }
        }

        var writer = Task.Run(() => Guard(() =>
        {
            // Extends the tip in place, 1,500 more events; every version it makes must stay as it was made.
            var (tip, tipModel) = (db, model);
            for (var i = 1_500; i < 3_000 && !done.IsCancellationRequested; i++)
            {
                (tip, tipModel) = Step(tip, tipModel, i);
                Volatile.Write(ref latest, tip);
            }

            Check(tip, tipModel);
        }));
        var brancher = Task.Run(() => Guard(() =>
        {
            // Changes old versions (new logs) and checks the branches.
            for (var k = 50; k <= 1_500 && !done.IsCancellationRequested; k += 150)
            {
                var (branch, branchModel) = Step(db.AfterEvent(k), expected[k], 10_000 + k);
                Check(branch, branchModel);
            }
        }));
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() => Guard(() =>
        {
            // Fresh old versions (rebuilt concurrently), a held old version, and whatever the tip is now.
            for (var n = 0; n < 40 && !done.IsCancellationRequested; n++)
            {
                var k = 50 * ((n * 7 + r * 11) % 31);
                Check(db.AfterEvent(k), expected[k]);
                Check(held, expected[700]);
                var now = Volatile.Read(ref latest);
                var all = now.Risks.ToArray();
                Assert.Equal(now.Count, all.Length);
                Assert.Equal(all.Where(x => x.Status == RiskStatus.Classified), now.ByStatus(RiskStatus.Classified));
                Assert.Equal(all.Where(x => x.IsOpen), now.OpenRisks);
            }
        }))).ToArray();
        await Task.WhenAll([writer, brancher, .. readers]);

        Assert.Empty(errors);
        Check(db, expected[1_500]);
    }

    [Fact]
    public async Task Writers_ChangingTheSameVersion_AtOnce_EachGetTheirOwnLine()
    {
        // One writer extends the shared log in place; the others find the tip taken and branch. No line sees another's risks.
        var clock = FixedClock.At(2026, 1, 5);
        var start = new RiskDatabase(clock);
        for (var i = 0; i < 200; i++)
        {
            start = start.Register(Samples.Threat("S-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)), "p");
        }

        var before = start.Risks.ToArray();
        var lines = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(() =>
        {
            var db = start;
            for (var j = 0; j < 50; j++)
            {
                db = db.Register(Samples.Threat("W" + w + "-" + j.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), "p-" + w);
            }

            return db;
        })));

        for (var w = 0; w < lines.Length; w++)
        {
            var ids = before.Select(r => r.Id).Concat(Enumerable.Range(0, 50).Select(j => "W" + w + "-" + j.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))).Order(StringComparer.Ordinal);
            Assert.Equal(250, lines[w].Version);
            Assert.Equal(ids, lines[w].Risks.Select(r => r.Id));
            Assert.Equal(ids, lines[w].ByStatus(RiskStatus.Identified).Select(r => r.Id));
            Assert.All(lines[w].Events.Skip(200), e => Assert.Equal("p-" + w, e.ActorId));
        }

        Assert.Equal<Risk>(before, start.Risks);
        Assert.Equal(200, start.Version);
    }

    private static (RiskDatabase Db, Model Model) Step(RiskDatabase db, Model model, int i)
    {
        // Follows the main line of an existing risk, or registers a new one (every third step, or when the risk is done).
        var actor = "p-" + (i % 3);
        if (i % 3 != 0 && model.Risks.Count > 0)
        {
            var before = model.Risks.Values.ElementAt((i * 31) % model.Risks.Count);
            var command = Command(11, i, before);
            if (before.CanApply(command))
            {
                var applied = db.Apply(before.Id, command, actor);
                return (applied, model.With(before.Apply(command), applied.Events[^1]));
            }
        }

        var risk = NewRisk("C-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), i * 7, model);
        var registered = db.Register(risk, actor);
        return (registered, model.With(risk, registered.Events[^1]));
    }

    private static Risk NewRisk(string id, int target, Model model)
    {
        var polarity = target % 2 == 0 ? RiskPolarity.Threat : RiskPolarity.Opportunity;
        var resources = Enum.GetValues<Resource>().Where((_, i) => ((target + 1) & (1 << i)) != 0 || i == target % 3);
        var related = model.Risks.Count > 0 && target % 5 == 0 ? new[] { model.Risks.Keys.ElementAt(target % model.Risks.Count) } : [];
        return new Risk(id, "risk " + id, "", polarity, RiskOrigin.ReportedBy("p"), resources, "cat-" + (target % 4), ["svc-" + (target % 5), "svc-" + (target % 7)], target % 3 == 0 ? [] : ["mic-" + (target % 3)], related);
    }

    // Kind 11 follows the main line from the risk's status; kinds 0-10 pick any command (often illegal).
    private static RiskCommand Command(int kind, int target, Risk risk) => kind != 11 ? AnyCommand(kind, target, risk) : risk.Status switch
    {
        RiskStatus.Identified => AnyCommand(0, target, risk),
        RiskStatus.Classified => AnyCommand(1, target, risk),
        RiskStatus.KnownError => AnyCommand(risk.Measures.IsEmpty || target % 3 == 0 ? 2 : 3, target, risk),
        RiskStatus.MeasureSelected => AnyCommand(4, target, risk),
        RiskStatus.MeasureDeployed => AnyCommand(5, target, risk),
        RiskStatus.Fulfilled => AnyCommand(6, target, risk),
        _ => AnyCommand(10, target, risk),
    };

    private static RiskCommand AnyCommand(int kind, int target, Risk risk) => kind switch
    {
        0 => new ClassifyRisk(new RiskAssessment(target % 4, target % 5, target % 3 == 0 ? null : QuantitativeEstimate.FromProbabilityAndImpact((target % 10) / 10.0, target * 13.7))),
        1 => new RecordRootCause("cause " + target),
        2 => new AddMeasure(new Measure("M-" + (target % 3), "measure", Measure.KindFor(risk.Polarity), Samples.Case(benefit: target, effort: 1 + (target % 5)), CallType.ChangeRequest)),
        3 => new SelectMeasure(null),
        4 => new DeployMeasure(null),
        5 => new FulfilRisk(),
        6 => new CloseRisk(new RiskAssessment(0, target % 2)),
        7 => new RejectRisk("reason " + target),
        8 => new WithdrawRisk("reason " + target),
        9 => new UpdateRiskDetails(category: "cat-" + (target % 4), serviceIds: ["svc-" + (target % 7)], micIds: target % 2 == 0 ? [] : ["mic-" + (target % 3)]),
        _ => new UpdateRiskDetails(resources: [(Resource)Enum.GetValues<Resource>().GetValue(target % 3)!], category: "cat-" + (target % 3)),
    };

    /// <summary>Checks every query of a version against the model.</summary>
    private static void Check(RiskDatabase db, Model model, IEnumerable<string>? knownIds = null)
    {
        var all = model.Risks.Values.ToArray();
        Assert.Equal(model.Events.Count, db.Version);
        Assert.Equal(model.Events, db.Events);
        Assert.Equal(model.Events.Count == 0 ? null : model.Events[^1].At, db.LastChanged);
        Assert.Equal(all.Length, db.Count);
        Assert.Equal<Risk>(all, db.Risks);
        Assert.Equal<Risk>(all.Where(r => r.IsOpen), db.OpenRisks);
        Assert.Equal(all.Count(r => r.IsOpen), db.OpenCount);
        Assert.Equal(all.Where(r => r.IsOpen).Sum(r => r.SignedExpectedValue), db.Exposure, 6);
        foreach (var status in Enum.GetValues<RiskStatus>())
        {
            Assert.Equal<Risk>(all.Where(r => r.Status == status), db.ByStatus(status));
            Assert.Equal(all.Count(r => r.Status == status), db.CountByStatus(status));
        }

        foreach (var polarity in Enum.GetValues<RiskPolarity>())
        {
            Assert.Equal<Risk>(all.Where(r => r.Polarity == polarity), db.ByPolarity(polarity));
        }

        foreach (var resource in Enum.GetValues<Resource>())
        {
            Assert.Equal<Risk>(all.Where(r => r.Resources.Contains(resource)), db.ByResource(resource));
        }

        foreach (var service in s_services)
        {
            Assert.Equal<Risk>(all.Where(r => r.ServiceIds.Contains(service)), db.ByService(service));
        }

        foreach (var mic in s_mics)
        {
            Assert.Equal<Risk>(all.Where(r => r.MicIds.Contains(mic)), db.ByMic(mic));
        }

        foreach (var category in s_categories)
        {
            Assert.Equal<Risk>(all.Where(r => r.Category == category), db.ByCategory(category));
        }

        foreach (var risk in all)
        {
            Assert.Equal(risk, db.Get(risk.Id));
            Assert.True(db.Contains(risk.Id));
        }

        // Ids registered only in other versions (later ones, or other branches) are unknown here.
        foreach (var id in knownIds ?? [])
        {
            Assert.Equal(model.Risks.TryGetValue(id, out var expected), db.TryGet(id, out var found));
            Assert.Equal(expected, found);
        }

        Assert.False(db.TryGet("R-unknown", out _));
        Assert.Equal(all.Length, db.Risks.Count());
        Assert.Equal(all.Length > 0, db.Risks.Any());
        Assert.All(all.Take(3), r => Assert.Contains(r, db.Risks));
    }

    /// <summary>The reference model: the risks in a plain sorted dictionary (ordinal ids) and the events.</summary>
    private sealed record Model(ImmutableSortedDictionary<string, Risk> Risks, ImmutableList<RiskDatabaseEvent> Events)
    {
        public static Model Empty { get; } = new(ImmutableSortedDictionary.Create<string, Risk>(StringComparer.Ordinal), []);

        public Model With(Risk after, RiskDatabaseEvent e) => new(Risks.SetItem(after.Id, after), Events.Add(e));
    }
}
