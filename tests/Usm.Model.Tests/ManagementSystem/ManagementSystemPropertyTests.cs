using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.ManagementSystem;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.ManagementSystem;

public class ManagementSystemPropertyTests
{
    private static readonly ServiceManagementSystem s_sample = SampleOrganisation.Create();
    private static readonly ServiceManagementSystem s_flawed = SampleOrganisation.CreateFlawed();
    private static readonly Finding[] s_flawedFindings = [.. s_flawed.Validate().Findings];

    // Brute force: the transitive closure of the supplier relation by repeated relaxation.
    private static HashSet<(string, string)> Closure(ProviderLink[] links)
    {
        var edges = links.SelectMany(l => l.SupplierIds.Select(s => (l.ProviderId, s))).ToHashSet();
        bool grew;
        do
        {
            grew = false;
            foreach (var (a, b) in edges.ToList())
            {
                foreach (var (c, d) in edges.ToList())
                {
                    if (b == c && edges.Add((a, d)))
                    {
                        grew = true;
                    }
                }
            }
        }
        while (grew);
        return edges;
    }

    [Fact]
    public void Network_CycleDetection_AgreesWithBruteForceReachability() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.Links(), links =>
        {
            var network = new ProviderNetwork(links);
            var closure = Closure(links);
            var bruteForce = ManagementSystemArbitraries.Nodes.Any(n => closure.Contains((n, n)));
            var cycle = network.FindCycle();
            var cycleIsReal = cycle.IsEmpty || (cycle[0] == cycle[^1] && cycle.Zip(cycle.Skip(1)).All(e => network.SuppliersOf(e.First).Contains(e.Second)));
            return network.HasCycle == bruteForce && cycleIsReal;
        }));

    [Fact]
    public void Network_SupplyChain_IsExactlyTheReachableProviders() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.Links(), links =>
        {
            var network = new ProviderNetwork(links);
            var closure = Closure(links);
            return ManagementSystemArbitraries.Nodes.All(n =>
                network.SupplyChainOf(n).SequenceEqual(closure.Where(e => e.Item1 == n).Select(e => e.Item2).Order(StringComparer.Ordinal)));
        }));

    [Fact]
    public void System_SupplyChainOfGeneratedService_IsExactlyTheProvidersReachableFromItsProvider() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.Links(), links =>
        {
            var closure = Closure(links);
            var services = ManagementSystemArbitraries.Nodes.Select(n => new Service("svc-" + n, n, n, "IT", new Facility(), "none")).ToArray();
            var system = s_sample.WithParties(s_sample.Parties, links).WithServices(services);
            return ManagementSystemArbitraries.Nodes.All(n =>
                system.SupplyChainOf("svc-" + n).SequenceEqual(closure.Where(e => e.Item1 == n).Select(e => e.Item2).Order(StringComparer.Ordinal)));
        }), maxTest: 300);

    [Fact]
    public void System_SupplyChainOfService_IsReachableFromItsProvider()
    {
        foreach (var service in s_sample.Services)
        {
            Assert.Equal(s_sample.Network.SupplyChainOf(service.ProviderId).ToArray(), s_sample.SupplyChainOf(service.Id).ToArray());
        }
    }

    [Fact]
    public void Expiry_EqualsBruteForceFilter() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.AgreementsAndQuery(), input =>
        {
            var (agreements, date, days) = input;
            var actual = AgreementQueries.LapsingWithin(agreements, date, days);
            var expected = agreements.Where(a => Period.Between(date, a.Validity.End, PeriodUnits.Days).Days is var d && d >= 0 && d <= days).ToHashSet();
            var ordered = actual.Zip(actual.Skip(1)).All(p => p.First.Validity.End < p.Second.Validity.End
                || (p.First.Validity.End == p.Second.Validity.End && string.CompareOrdinal(p.First.Id, p.Second.Id) <= 0));
            return expected.SetEquals(actual) && actual.Length == expected.Count && ordered;
        }));

    [Fact]
    public void Underpinning_AddingAnOlaNeverAddsAFinding() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.SampleOla(s_sample), ola =>
        {
            foreach (var system in new[] { s_sample, s_flawed })
            {
                var before = system.Validate().Findings.ToHashSet();
                var after = system.WithAgreements(system.Agreements.Add(ola)).Validate().Findings;
                if (!after.All(before.Contains))
                {
                    return false;
                }
            }

            return true;
        }), maxTest: 200);

    [Fact]
    public void Underpinning_AgreesWithTheDefinition() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.SampleOla(s_flawed), ola =>
        {
            // The OLA's covered services double as a service agreement for the same period, so that SAs covering a
            // composed service without its components (here: the workplace or the workspace alone) occur too.
            var narrowSa = new Agreement("sa-extra", AgreementKind.ServiceAgreement, "Extra SA", s_flawed.ProviderId, "muni-eastbrook", ola.CoveredServiceIds, null, ola.Validity);
            var agreements = s_flawed.Agreements.Add(ola).Add(narrowSa);
            var gaps = AgreementQueries.FindUnderpinningGaps(agreements, s_flawed.Catalogue).ToHashSet();

            // The definition, written out with a hand-made closure: a service is needed by an SA if the SA covers it or
            // it is a component, at any depth, of a covered service; an OLA/UC underpins the contribution if it covers
            // the service or a covered service built from it.
            HashSet<string> Closure(string id)
            {
                var result = new HashSet<string>(StringComparer.Ordinal);
                var stack = new Stack<string>([id]);
                while (stack.TryPop(out var next))
                {
                    foreach (var component in s_flawed.Services.Single(x => x.Id == next).ComponentServiceIds)
                    {
                        if (result.Add(component))
                        {
                            stack.Push(component);
                        }
                    }
                }

                return result;
            }

            var expected = new HashSet<UnderpinningGap>();
            foreach (var sa in agreements.Where(a => a.Kind == AgreementKind.ServiceAgreement))
            {
                var covered = s_flawed.Services.Where(x => sa.Covers(x.Id)).Select(x => x.Id).ToList();
                foreach (var service in s_flawed.Services)
                {
                    var builtFrom = covered.Where(r => Closure(r).Contains(service.Id)).ToList();
                    var direct = sa.Covers(service.Id);
                    if (!direct && builtFrom.Count == 0)
                    {
                        continue;
                    }

                    foreach (var c in service.Contributions)
                    {
                        var kind = c.Kind == ContributorKind.Team ? AgreementKind.OperationalLevelAgreement : AgreementKind.UnderpinningContract;
                        var ok = agreements.Any(a => a.Kind == kind && a.ProviderId == c.ContributorId
                            && (a.CoveredServiceIds.Contains(service.Id) || builtFrom.Any(a.CoveredServiceIds.Contains))
                            && a.Validity.Contains(sa.Validity.Start) && a.Validity.Contains(sa.Validity.End));
                        if (!ok)
                        {
                            expected.Add(new UnderpinningGap(sa.Id, service.Id, c.ContributorId, kind, direct ? null : builtFrom.Min(StringComparer.Ordinal)));
                        }
                    }
                }
            }

            return gaps.SetEquals(expected);
        }), maxTest: 300);

    [Fact]
    public void Validate_FindingsDoNotDependOnInsertionOrder() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.Seed(), seed =>
        {
            var random = new Random(seed);
            T[] Shuffle<T>(IEnumerable<T> items) => [.. items.OrderBy(_ => random.Next())];
            var s = s_flawed;
            var sdc = s.Technology.SdcTool;
            var shuffled = new ServiceManagementSystem(
                s.Id, s.Name, s.ProviderId, Shuffle(s.Disciplines), Shuffle(s.ScopeTeamIds), Shuffle(s.Parties), Shuffle(s.Links), Shuffle(s.Users), Shuffle(s.Requesters),
                Shuffle(s.Units), Shuffle(s.Profiles), Shuffle(s.People), Shuffle(s.SeparationPrinciples), Shuffle(s.Routines), Shuffle(s.PatternsInUse),
                new Technology(new SdcTool(sdc.Name, Shuffle(sdc.Registers), sdc.Mir), s.Technology.Strategy, Shuffle(s.Technology.MechanisationTools), Shuffle(s.Technology.NonAutomatedTools)),
                Shuffle(s.Services), Shuffle(s.Agreements));
            return shuffled.Validate().Findings.SequenceEqual(s_flawedFindings);
        }), maxTest: 300);

    [Fact]
    public void Builder_OperationsNeverMutateEarlierVersions() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.SampleOla(s_sample), ola =>
        {
            var original = SampleOrganisation.Create();
            var snapshot = (original.Agreements.ToArray(), original.Services.ToArray(), original.People.ToArray(), original.Mir!.History.ToArray(), original.Validate().Findings.ToArray());
            var builder = original.ToBuilder();
            var first = builder.AddAgreement(ola).Build();
            var second = builder.AddService(new Service("svc-new", "New", "ssc", "IT", new Facility(), "none")).AddPerson(new Person("p-new", "New", "team-smo")).Build();
            _ = original.WithAgreements([]).WithServices([]).WithTechnology(original.Technology.WithSdcTool(original.Technology.SdcTool.WithMir(original.Mir.Retire("mic-dns", FixedClock.At(2026, 9, 1), "test"))));
            return snapshot.Item1.SequenceEqual(original.Agreements) && snapshot.Item2.SequenceEqual(original.Services) && snapshot.Item3.SequenceEqual(original.People)
                && snapshot.Item4.SequenceEqual(original.Mir.History) && snapshot.Item5.SequenceEqual(original.Validate().Findings)
                && first.Services.Length == original.Services.Length && first.Agreements.Length == original.Agreements.Length + 1
                && second.Services.Length == original.Services.Length + 1;
        }), maxTest: 100);

    [Fact]
    public void Routing_LawsHoldForGeneratedRequests() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.Request(s_sample.Mir!), request =>
        {
            var mir = s_sample.Mir!;
            var decision = RequestRouter.Route(request, mir);
            var modifiesMir = request.Modifications.Any(m => m.IsNewComponent || (mir.Find(m.MicId) is { } mic && (m.Attribute is null || mic.Manages(m.Attribute))));
            var expected = request.ReportsRisk ? CallType.Risk
                : request.IsFailure ? CallType.Incident
                : !request.IsWithinAgreements ? CallType.Wish
                : modifiesMir ? CallType.ChangeRequest
                : CallType.ServiceRequest;
            var patternOk = expected switch
            {
                CallType.Incident => decision.Pattern == (modifiesMir ? WorkflowPattern.W3 : WorkflowPattern.W4),
                CallType.Wish => decision.Pattern == WorkflowPattern.W1,
                CallType.ChangeRequest => decision.Pattern == WorkflowPattern.W2,
                CallType.ServiceRequest => decision.Pattern == WorkflowPattern.W5,
                _ => request.RiskMeasureTrigger is { } t ? decision.Pattern == WorkflowPattern.ForRiskMeasure(t) : decision.Pattern is null && decision.CandidatePatterns.Length == 3,
            };
            return decision.CallType == expected && decision.Process == UsmProcesses.TriggeredProcess(expected) && patternOk
                && decision.CandidatePatterns.All(p => p.Trigger == expected);
        }));

    [Fact]
    public void Register_AddThenRetire_PreservesTheEarlierVersionInHistory() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.RegisterOps(), ops =>
        {
            var clock = FixedClock.At(2026, 1, 1);
            var register = s_sample.Mir!;
            var mic = new ManagedInfrastructureComponent("mic-new", "New", MicKind.InternalResource, "team-it-infra", [new("version", "1")]);
            clock.Advance(Duration.FromDays(200));
            var added = register.Add(mic, clock, "add");
            var addedAt = clock.Now;
            clock.Advance(Duration.FromMinutes(ops.Length + 1));
            var retired = added.Retire("mic-new", clock, "retire", "CHG-1");
            return retired.Find("mic-new") is null
                && Equals(retired.ComponentAt("mic-new", addedAt), mic)
                && retired.ComponentAt("mic-new", clock.Now) is null
                && added.Find("mic-new") is not null
                && register.Find("mic-new") is null
                && retired.History.Take(added.History.Count).SequenceEqual(added.History);
        }), maxTest: 200);

    [Fact]
    public void Register_StateAtAnyInstant_EqualsReplayingTheEntries() =>
        PropertyCheck.Run(Prop.ForAll(ManagementSystemArbitraries.RegisterOps(), ops =>
        {
            var clock = FixedClock.At(2026, 1, 1);
            var register = ManagedInfrastructureRegister.Empty;
            var version = 0;
            foreach (var (op, index, minutes) in ops.Take(40))
            {
                clock.Advance(Duration.FromMinutes(minutes));
                var id = "mic-" + index;
                var exists = register.Find(id) is not null;
                version++;
                var mic = new ManagedInfrastructureComponent(id, id, MicKind.InternalResource, "team", [new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                register = (op, exists) switch
                {
                    (_, false) => register.Add(mic, clock, "add"),
                    (0 or 1, true) => register.Update(mic, clock, "update"),
                    _ => register.Retire(id, clock, "retire"),
                };
            }

            // Every instant at which the state can change, and one minute either side of it.
            var instants = register.History.SelectMany(e => new[] { e.At - Duration.FromMinutes(1), e.At, e.At + Duration.FromMinutes(1) }).Distinct();
            foreach (var at in instants)
            {
                var replayed = new ManagedInfrastructureRegister(register.History.Where(e => e.At <= at));
                if (!register.ComponentsAt(at).SequenceEqual(replayed.Components)
                    || Enumerable.Range(0, 5).Any(i => !Equals(register.ComponentAt("mic-" + i, at), replayed.Find("mic-" + i))))
                {
                    return false;
                }
            }

            return new ManagedInfrastructureRegister(register.History).Components.SequenceEqual(register.Components);
        }), maxTest: 150);
}
