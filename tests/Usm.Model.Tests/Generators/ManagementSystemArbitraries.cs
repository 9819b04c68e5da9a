using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.ManagementSystem;
using Usm.Model.Routines;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for the management-system property tests.</summary>
internal static class ManagementSystemArbitraries
{
    public static readonly string[] Nodes = ["a", "b", "c", "d", "e", "f", "g"];

    /// <summary>A random, sparse supplier graph over a few nodes: each node has a link with up to two suppliers, or no link.</summary>
    public static Arbitrary<ProviderLink[]> Links()
    {
        var one = from count in Gen.Choose(-1, 2)
                  from a in Gen.Elements(Nodes)
                  from b in Gen.Elements(Nodes)
                  select (Count: count, Suppliers: new[] { a, b });
        return Gen.ArrayOf(one, Nodes.Length)
            .Select(xs => xs.Select((x, i) => x.Count < 0 ? null : new ProviderLink(Nodes[i], null, x.Suppliers.Take(x.Count))).OfType<ProviderLink>().ToArray())
            .ToArbitrary();
    }

    public static Gen<LocalDate> Date() => Gen.Choose(0, 3 * 365).Select(d => new LocalDate(2025, 1, 1).PlusDays(d));

    public static Gen<DateInterval> Interval() =>
        from start in Date()
        from length in Gen.Choose(0, 500)
        select new DateInterval(start, start.PlusDays(length));

    /// <summary>Random agreements of every kind with random validity (ids may repeat), plus a query date and horizon.</summary>
    public static Arbitrary<(Agreement[] Agreements, LocalDate Date, int Days)> AgreementsAndQuery()
    {
        var agreement = from kind in Gen.Choose(1, 3)
                        from id in Gen.Choose(0, 6)
                        from validity in Interval()
                        select new Agreement("ag-" + id, (AgreementKind)kind, "n", "p", "c", ["s"], null, validity);
        return (from agreements in Gen.ArrayOf(agreement)
                from date in Date()
                from days in Gen.Choose(0, 400)
                select (agreements, date, days)).ToArbitrary();
    }

    /// <summary>An extra OLA with a team and services from the sample, random coverage and validity.</summary>
    public static Arbitrary<Agreement> SampleOla(ServiceManagementSystem sample)
    {
        var teams = sample.Units.Where(u => u.Kind == OrganisationUnitKind.Team).Select(u => u.Id).ToArray();
        var services = sample.Services.Select(s => s.Id).ToArray();
        return (from team in Gen.Elements(teams)
                from covered in Gen.NonEmptyListOf(Gen.Elements(services))
                from validity in Interval()
                select new Agreement("ola-extra", AgreementKind.OperationalLevelAgreement, "Extra OLA", team, sample.ProviderId, covered.Distinct(), null, validity)).ToArbitrary();
    }

    /// <summary>A seed for shuffling.</summary>
    public static Arbitrary<int> Seed() => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    /// <summary>A routing request over some sample MIR ids, an unknown id, managed and unmanaged attributes.</summary>
    public static Arbitrary<CustomerRequest> Request(ManagedInfrastructureRegister mir)
    {
        var ids = mir.Components.Take(6).Select(c => c.Id).Append("mic-unknown").ToArray();
        var attributes = mir.Components.Take(6).SelectMany(c => c.Attributes.Keys).Append("colour").Distinct().ToArray();
        var modification = from id in Gen.Elements(ids)
                           from attribute in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(attributes).Select(a => (string?)a))
                           from isNew in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
                           select new RequestedModification(id, attribute, isNew);
        return (from failure in Gen.Elements(false, true)
                from within in Gen.Elements(false, true)
                from risk in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                from count in Gen.Choose(0, 3)
                from modifications in Gen.ArrayOf(modification, count)
                from trigger in Gen.Elements<CallType?>(null, CallType.Wish, CallType.ChangeRequest, CallType.ServiceRequest)
                select new CustomerRequest("req", "generated", failure, within, modifications, risk, trigger)).ToArbitrary();
    }

    /// <summary>A sequence of register operations: (0 or 1 update / 2 retire, or add when absent; MIC index 0-4; minutes to advance).</summary>
    public static Arbitrary<(int Op, int Mic, int Minutes)[]> RegisterOps() =>
        Gen.ArrayOf(from op in Gen.Choose(0, 2)
                    from mic in Gen.Choose(0, 4)
                    from minutes in Gen.Choose(0, 3)
                    select (op, mic, minutes)).ToArbitrary();

    // ---------------------------------------------------------------------------------------------------------------
    // Fully generated systems for the serialization round-trip properties (issue 7).
    // ---------------------------------------------------------------------------------------------------------------

    private static readonly string[] s_plainTexts = ["Service desk", "Payroll run", "Network access", "Canteen", "Onboarding", "Badge office", "Print room", "Mail"];

    private static readonly string[] s_awkwardTexts =
    [
        string.Empty,
        " ",
        "Ünïcödé café, naïve façade",
        "日本語のサービス管理",
        "🚀 launch 👩‍💻 team 🇧🇪",
        "עברית والعربية mixed",
        "e\u0301 combining mark",
        "quote \" apostrophe ' backslash \\ slash /",
        "<script>alert('x')</script> &amp;",
        "tab\tnewline\nreturn\r",
        "\u0000nul and \u001f unit separator",
        "line\u2028separator\u2029paragraph",
        "zero\u200bwidth\ufeffbom",
        "null",
        "-1e308",
        new string('ł', 3000) + " end",
    ];

    // Suffixes make ids awkward but keep them unique: none starts with a digit, so "x1"+suffix never equals "x12"+suffix.
    private static readonly string[] s_idSuffixes = [string.Empty, "-ü", " 🚀", "/a.b", "'q\"", "\u00e9\u0301", "\tx", " trailing ", "[0]", "\u0001ctl"];

    private static readonly string[] s_disciplines = ["IT", "HR", "Facilities", "Finance", "Telephony", "Healthcare"];

    private static readonly string[] s_attributeKeys = ["version", "site", "ip-address", "capacity", "colour"];

    private static readonly string[] s_awkwardAttributeKeys = ["ü-key", "key with space", "🚀", "$.dollar", "a\"b", "ctl\u0001key", "['x']"];

    private static readonly double[] s_plainTargets = [99.5, 4, 24, 0.5, 95];

    private static readonly double[] s_awkwardTargets = [0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e-300, 1.0 / 3, 0.1 + 0.2, -1.5, 123456789.123456789];

    private static readonly LocalDate[] s_awkwardDates =
    [
        LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(1, 1, 1), new LocalDate(1900, 2, 28), new LocalDate(2000, 2, 29), new LocalDate(2024, 2, 29), new LocalDate(9999, 12, 30),
    ];

    private static readonly Instant[] s_awkwardStarts = [Instant.MinValue, Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUnixTimeTicks(0), Instant.FromUtc(9999, 12, 31, 23, 59)];

    /// <summary>
    /// Fully generated service management systems, built by <see cref="BuildSystem"/> from a <see cref="SystemShape"/>.
    /// Shrinking works on the shape: each size shrinks towards zero and awkward values towards plain ones, while every
    /// part keeps its own random stream, so a smaller shape still shows the same other parts.
    /// </summary>
    /// <param name="maxPart">The largest number of items of each part (the MIR gets up to four times as many operations).</param>
    public static Arbitrary<SystemShape> GeneratedSystems(int maxPart = 6)
    {
        var gen = from seed in Gen.Choose(0, int.MaxValue - 1)
                  from awkward in Gen.Frequency((1, Gen.Constant(false)), (2, Gen.Constant(true)))
                  from dangling in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                  from sizes in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, maxPart))), 14)
                  from mirOperations in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, 4 * maxPart)))
                  select new SystemShape(seed, awkward, dangling, sizes[0], sizes[1], sizes[2], sizes[3], sizes[4], sizes[5], sizes[6], sizes[7], sizes[8], sizes[9], mirOperations, sizes[10], sizes[11], sizes[12]);
        return Arb.From(gen, ShrinkShape);
    }

    private static readonly (Func<SystemShape, int> Get, Func<SystemShape, int, SystemShape> Set)[] s_shapeSizes =
    [
        (s => s.Customers, (s, n) => s with { Customers = n }),
        (s => s.Suppliers, (s, n) => s with { Suppliers = n }),
        (s => s.Partners, (s, n) => s with { Partners = n }),
        (s => s.Users, (s, n) => s with { Users = n }),
        (s => s.Departments, (s, n) => s with { Departments = n }),
        (s => s.Teams, (s, n) => s with { Teams = n }),
        (s => s.Profiles, (s, n) => s with { Profiles = n }),
        (s => s.People, (s, n) => s with { People = n }),
        (s => s.Requesters, (s, n) => s with { Requesters = n }),
        (s => s.Routines, (s, n) => s with { Routines = n }),
        (s => s.MirOperations, (s, n) => s with { MirOperations = n }),
        (s => s.Services, (s, n) => s with { Services = n }),
        (s => s.Agreements, (s, n) => s with { Agreements = n }),
        (s => s.Tools, (s, n) => s with { Tools = n }),
    ];

    private static IEnumerable<SystemShape> ShrinkShape(SystemShape shape)
    {
        if (shape.Awkward)
        {
            yield return shape with { Awkward = false };
        }

        if (shape.Dangling)
        {
            yield return shape with { Dangling = false };
        }

        foreach (var (get, set) in s_shapeSizes)
        {
            var n = get(shape);
            foreach (var smaller in new[] { 0, n / 2, n - 1 }.Where(m => m >= 0 && m < n).Distinct())
            {
                yield return set(shape, smaller);
            }
        }
    }

    /// <summary>
    /// Builds the system a shape describes, through the strict builder, so every reference resolves (the builder
    /// demands it). Other rules may fail on purpose (a supply or composition cycle, a service without SA, an unknown
    /// metric in a service level, a pattern without routine, ...), so the validator has findings to compare.
    /// </summary>
    /// <remarks>
    /// When <see cref="SystemShape.Dangling"/> is set, the built system is then changed through the lenient
    /// <c>With...</c> methods so that references dangle (an unknown profile, service, MIC, unit, party, routine, user,
    /// owner team or process): the incoherent systems a tool may hold and write, which every reference rule reports.
    /// Some also repeat an id within a list (a party, user, service, agreement, person or tool given twice), which the
    /// model and the reader accept and the validator reports (USM-SMS-014).
    /// </remarks>
    public static ServiceManagementSystem BuildSystem(SystemShape shape)
    {
        var system = new SystemGenerator(shape).Build();
        return shape.Dangling ? Dangle(system, new Random(unchecked(shape.Seed ^ 0x5bd1e995))) : system;
    }

    private static ServiceManagementSystem Dangle(ServiceManagementSystem s, Random r)
    {
        bool Now() => r.Next(2) == 0;
        static IEnumerable<T> First<T>(IEnumerable<T> items, Func<T, T> change) => items.Select((x, i) => i == 0 ? change(x) : x);
        if (Now())
        {
            s = s.WithPeople(
                Now() ? s.Units.Append(new OrganisationUnit("ghost-child", "Child", OrganisationUnitKind.Team, "ghost-unit")) : s.Units,
                s.Profiles.Append(new Profile("ghost-manager", "Manager", "ghost-unit", null, null, [new ManagementAssignment(ManagementVerb.Manage, ManagedObjectKind.Process, "not-a-process"), new ManagementAssignment(ManagementVerb.Operate, ManagedObjectKind.Mic, "ghost-mic")])),
                First(s.People, p => p.WithProfiles(p.ProfileIds.Append("ghost-profile"))));
        }

        if (Now())
        {
            s = s.WithServices(First(s.Services, v => v.WithComponents(v.ComponentServiceIds.Append("ghost-service")).WithMics(v.MicIds.Append("ghost-mic"))));
        }

        if (Now())
        {
            s = s.WithAgreements(s.Agreements.Append(new Agreement("ghost-ola", AgreementKind.OperationalLevelAgreement, "OLA", "ghost-team", "ghost-party", ["ghost-service"], null, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)))));
        }

        if (Now())
        {
            s = s.WithParties(s.Parties, s.Links.Append(new ProviderLink("ghost-provider", ["ghost-party"])));
        }

        if (Now())
        {
            s = s.WithUsers(s.Users.Append(new ServiceUser("ghost-user", "User", "ghost-party")), s.Requesters.Append(new Requester("ghost-requester", "Requester", r.Next(2) == 0 ? RequesterKind.User : RequesterKind.Staff, "nobody")));
        }

        if (Now())
        {
            // Repeated ids: each list gets its first item again (a list may be empty, then nothing repeats).
            s = s.WithParties(s.Parties.Concat(s.Parties.Take(1)), s.Links)
                .WithUsers(s.Users.Concat(s.Users.Take(1)), s.Requesters)
                .WithServices(s.Services.Concat(s.Services.Take(1)))
                .WithAgreements(s.Agreements.Concat(s.Agreements.Take(1)))
                .WithPeople(s.Units, s.Profiles, s.People.Concat(s.People.Take(1)))
                .WithTechnology(new Technology(s.Technology.SdcTool, s.Technology.Strategy, s.Technology.MechanisationTools.Concat(s.Technology.MechanisationTools.Take(1)), s.Technology.NonAutomatedTools));
        }

        if (Now())
        {
            var sdc = s.Technology.SdcTool;
            var mir = sdc.Mir;
            if (mir is not null && Now())
            {
                var at = mir.History.Count == 0 ? Instant.FromUtc(2026, 1, 1, 0, 0) : mir.History[^1].At;
                mir = mir.Record(new MirChange(MirChangeKind.Added, "ghost-owned", at, "no owner", null, new ManagedInfrastructureComponent("ghost-owned", "Orphan", MicKind.InternalResource, "ghost-team", null, [new MicRelation("runs-on", "ghost-mic")])));
            }

            s = s.WithTechnology(s.Technology.WithSdcTool(new SdcTool(sdc.Name, sdc.Registers.Append(new CallRegister(CallType.Incident, ["ghost-routine"])), mir)));
        }

        return s;
    }

    private sealed class SystemGenerator(SystemShape shape)
    {
        private const string Provider = "provider";
        private readonly List<string> _customers = [];
        private readonly List<string> _suppliers = [];
        private readonly List<string> _teams = [];
        private readonly List<string> _units = [];
        private readonly List<string> _profiles = [];
        private readonly List<string> _people = [];
        private readonly List<string> _users = [];
        private readonly List<Workflow> _routines = [];
        private readonly List<Service> _services = [];

        public ServiceManagementSystem Build()
        {
            var providerId = Provider + Suffix(Part(0));
            var b = new ServiceManagementSystemBuilder("sms" + Suffix(Part(1)), Text(Part(1)), providerId);
            Parties(b, providerId);
            Units(b);
            var mir = Mir();
            if (mir is not null)
            {
                b.WithMir(mir);
            }

            Services(b, providerId, mir);
            Agreements(b, providerId);
            Profiles(b, mir);
            People(b);
            UsersAndRequesters(b);
            Routines(b);
            Technology(b, mir);
            return b.Build();
        }

        // Each part draws from its own stream, so shrinking one size leaves the other parts as they were.
        private Random Part(int part) => new(unchecked((shape.Seed * 31) + (part * 7919)));

        private void Parties(ServiceManagementSystemBuilder b, string providerId)
        {
            var r = Part(2);
            b.AddParty(new Party(providerId, Text(r), PartyKind.Organisation, MaybeText(r)));
            foreach (var (list, prefix, count) in new[] { (_customers, "cust", shape.Customers), (_suppliers, "sup", shape.Suppliers) })
            {
                for (var i = 0; i < count; i++)
                {
                    var id = prefix + i + Suffix(r);
                    list.Add(id);
                    b.AddParty(new Party(id, Text(r), r.Next(3) == 0 ? PartyKind.Person : PartyKind.Organisation, MaybeText(r)));
                }
            }

            var partners = Enumerable.Range(0, shape.Partners).Select(i => "partner" + i + Suffix(r)).ToList();
            foreach (var id in partners)
            {
                b.AddParty(new Party(id, Text(r), PartyKind.Organisation, MaybeText(r)));
            }

            if (r.Next(4) != 0)
            {
                b.AddLink(new ProviderLink(providerId, Subset(r, _customers), Subset(r, _suppliers), Subset(r, partners)));
            }

            // Suppliers are themselves providers further down the chain: mostly a chain towards later suppliers, and
            // now and then an edge back to this provider (a supply cycle, which validation reports).
            for (var i = 0; i < _suppliers.Count; i++)
            {
                if (r.Next(2) == 0)
                {
                    var further = _suppliers.Skip(i + 1).Where(_ => r.Next(2) == 0).ToList();
                    if (r.Next(8) == 0)
                    {
                        further.Add(providerId);
                    }

                    b.AddLink(new ProviderLink(_suppliers[i], r.Next(2) == 0 ? [providerId] : null, further, null));
                }
            }

            b.AddDisciplines([.. Subset(r, shape.Awkward ? [.. s_disciplines, "Télécom", "医療"] : s_disciplines)]);
        }

        private void Units(ServiceManagementSystemBuilder b)
        {
            var r = Part(3);
            if (shape.Departments + shape.Teams + shape.People + shape.Profiles == 0)
            {
                return;
            }

            var root = "org" + Suffix(r);
            b.AddUnit(new OrganisationUnit(root, Text(r), OrganisationUnitKind.Organisation, null, MaybeDiscipline(r), null));
            _units.Add(root);
            for (var i = 0; i < shape.Departments + shape.Teams; i++)
            {
                var team = i >= shape.Departments;
                var id = (team ? "team" : "dept") + i + Suffix(r);
                var parent = _units[r.Next(_units.Count)];
                TaskSubDomain? sub = r.Next(3) switch { 0 => null, 1 => TaskSubDomain.Specifying, _ => TaskSubDomain.Realising };
                b.AddUnit(new OrganisationUnit(id, Text(r), team ? OrganisationUnitKind.Team : OrganisationUnitKind.Department, parent, MaybeDiscipline(r), sub));
                _units.Add(id);
                if (team)
                {
                    _teams.Add(id);
                }
            }

            b.AddScopeTeams([.. Subset(r, _teams)]);
        }

        // The MIR with a history: adds (also of components retired earlier), updates and retirements at
        // non-decreasing instants from awkward starting points, with nanosecond, zero and very long steps. A component
        // that another one relates to is never retired, so every relation resolves.
        private ManagedInfrastructureRegister? Mir()
        {
            var r = Part(4);
            if (r.Next(6) == 0)
            {
                return null;
            }

            var mir = ManagedInfrastructureRegister.Empty;
            if (_teams.Count == 0)
            {
                return mir;
            }

            var at = shape.Awkward && r.Next(2) == 0 ? s_awkwardStarts[r.Next(s_awkwardStarts.Length)] : Instant.FromUtc(2026, 1, 1, 8, 0) + Duration.FromSeconds(r.Next(100_000));
            var retired = new List<string>();
            var next = 0;
            for (var k = 0; k < shape.MirOperations; k++)
            {
                at = Later(r, at);
                var current = mir.Components;
                var changeId = r.Next(2) == 0 ? null : "CHG-" + k + Suffix(r);
                var reason = Text(r);
                var op = current.IsEmpty ? 0 : r.Next(3);
                if (op == 2)
                {
                    var targeted = current.SelectMany(c => c.Relations.Select(x => x.TargetMicId)).ToHashSet(StringComparer.Ordinal);
                    var free = current.Where(c => !targeted.Contains(c.Id)).ToList();
                    if (free.Count == 0)
                    {
                        op = 1;
                    }
                    else
                    {
                        var victim = free[r.Next(free.Count)].Id;
                        mir = r.Next(2) == 0 ? mir.Retire(victim, new FixedClock(at), reason, changeId) : mir.Record(new MirChange(MirChangeKind.Retired, victim, at, reason, changeId, null));
                        retired.Add(victim);
                        continue;
                    }
                }

                if (op == 1)
                {
                    var old = current[r.Next(current.Length)];
                    var others = current.Where(c => c.Id != old.Id).Select(c => c.Id).ToList();
                    var state = r.Next(3) switch
                    {
                        0 => old.WithAttribute(AttributeKey(r), Text(r)),
                        1 => old.WithOwner(_teams[r.Next(_teams.Count)]),
                        _ => old.WithRelations(Relations(r, others)),
                    };
                    mir = mir.Update(state, new FixedClock(at), reason, changeId);
                    continue;
                }

                var id = retired.Count > 0 && r.Next(4) == 0 ? retired[r.Next(retired.Count)] : "mic" + next++ + Suffix(r);
                retired.Remove(id);
                var attributes = Enumerable.Range(0, r.Next(0, 4)).Select(_ => AttributeKey(r)).Distinct(StringComparer.Ordinal).Select(key => KeyValuePair.Create(key, Text(r)));
                var component = new ManagedInfrastructureComponent(id, Text(r), r.Next(2) == 0 ? MicKind.DeliveredFacility : MicKind.InternalResource, _teams[r.Next(_teams.Count)], attributes, Relations(r, [.. current.Select(c => c.Id)]));
                mir = r.Next(2) == 0 ? mir.Add(component, new FixedClock(at), reason, changeId) : mir.Record(new MirChange(MirChangeKind.Added, id, at, reason, changeId, component));
            }

            return mir;
        }

        private Instant Later(Random r, Instant at)
        {
            var step = r.Next(8) switch
            {
                0 => Duration.Zero,
                1 => Duration.FromNanoseconds(1),
                2 => Duration.FromTicks(r.Next(1, 10_000)),
                3 => Duration.FromDays(r.Next(1, 400)),
                4 when shape.Awkward => Duration.FromDays(365 * 3000),
                _ => Duration.FromMinutes(r.Next(1, 10_000)) + Duration.FromNanoseconds(r.Next(0, 1000)),
            };
            return Instant.MaxValue - at <= step ? Instant.MaxValue : at + step;
        }

        private List<MicRelation> Relations(Random r, List<string> targets) =>
            [.. Subset(r, targets).Take(2).Select(t => new MicRelation(r.Next(3) switch { 0 => "runs-on", 1 => "depends-on", _ => shape.Awkward ? "hängt ab von 🚀" : "connects" }, t))];

        private string AttributeKey(Random r) =>
            shape.Awkward && r.Next(3) == 0 ? s_awkwardAttributeKeys[r.Next(s_awkwardAttributeKeys.Length)] : s_attributeKeys[r.Next(s_attributeKeys.Length)];

        // Services provided by this provider or a supplier; composed of later services (acyclic), now and then of an
        // earlier one (a composition cycle is possible, which validation reports); team and supplier contributions.
        private void Services(ServiceManagementSystemBuilder b, string providerId, ManagedInfrastructureRegister? mir)
        {
            var r = Part(5);
            var ids = Enumerable.Range(0, shape.Services).Select(i => "svc" + i + Suffix(r)).ToList();
            var mics = mir?.Components.Select(c => c.Id).ToList() ?? [];
            for (var i = 0; i < ids.Count; i++)
            {
                var components = Subset(r, ids.Skip(i + 1).ToList());
                if (i > 0 && r.Next(10) == 0)
                {
                    components.Add(ids[r.Next(i)]);
                }

                var metrics = Enumerable.Range(0, r.Next(0, 4)).Select(m =>
                    new FunctioningMetric("m" + m + Suffix(r), Text(r), shape.Awkward && r.Next(3) == 0 ? Text(r) : "%", r.Next(2) == 0 ? MetricDirection.HigherIsBetter : MetricDirection.LowerIsBetter)).ToList();
                var contributions = Subset(r, _teams).Select(t => new Contribution(t, ContributorKind.Team, Text(r)))
                    .Concat(Subset(r, _suppliers).Select(s => new Contribution(s, ContributorKind.Supplier, Text(r))));
                var service = new Service(
                    ids[i],
                    Text(r),
                    _suppliers.Count > 0 && r.Next(4) == 0 ? _suppliers[r.Next(_suppliers.Count)] : providerId,
                    s_disciplines[r.Next(s_disciplines.Length)] + (shape.Awkward ? Suffix(r) : string.Empty),
                    new Facility(Words(r), Words(r)),
                    Text(r),
                    Words(r),
                    metrics,
                    components,
                    contributions,
                    Subset(r, mics));
                _services.Add(service);
                b.AddService(service);
            }
        }

        // SAs with customers, OLAs with teams and UCs with suppliers, each covering some services with service levels
        // on their metrics (now and then an unknown metric) over boundary-crossing validity periods.
        private void Agreements(ServiceManagementSystemBuilder b, string providerId)
        {
            var r = Part(6);
            for (var i = 0; i < shape.Agreements; i++)
            {
                var kind = (AgreementKind)r.Next(1, 4);
                kind = kind switch
                {
                    AgreementKind.OperationalLevelAgreement when _teams.Count == 0 => AgreementKind.ServiceAgreement,
                    AgreementKind.UnderpinningContract when _suppliers.Count == 0 => AgreementKind.ServiceAgreement,
                    _ => kind,
                };
                var (provider, counterparty) = kind switch
                {
                    AgreementKind.OperationalLevelAgreement => (_teams[r.Next(_teams.Count)], providerId),
                    AgreementKind.UnderpinningContract => (_suppliers[r.Next(_suppliers.Count)], providerId),
                    _ => (providerId, _customers.Count > 0 ? _customers[r.Next(_customers.Count)] : providerId),
                };
                var covered = Subset(r, _services);
                var levels = covered.SelectMany(s => s.Functioning.Where(_ => r.Next(2) == 0).Select(m => new ServiceLevel(s.Id, m.Id, Target(r)))).ToList();
                if (covered.Count > 0 && r.Next(8) == 0)
                {
                    levels.Add(new ServiceLevel(covered[0].Id, "unknown-metric", Target(r)));
                }

                b.AddAgreement(new Agreement("ag" + i + Suffix(r), kind, Text(r), provider, counterparty, covered.Select(s => s.Id), levels, Interval(r)));
            }
        }

        private double Target(Random r) => shape.Awkward && r.Next(2) == 0 ? s_awkwardTargets[r.Next(s_awkwardTargets.Length)] : s_plainTargets[r.Next(s_plainTargets.Length)];

        private DateInterval Interval(Random r)
        {
            var start = shape.Awkward && r.Next(3) == 0 ? s_awkwardDates[r.Next(s_awkwardDates.Length)] : new LocalDate(2025, 1, 1).PlusDays(r.Next(0, 1500));
            var days = r.Next(4) == 0 ? 0 : r.Next(1, 800);
            var end = Period.Between(start, LocalDate.MaxIsoValue, PeriodUnits.Days).Days <= days ? LocalDate.MaxIsoValue : start.PlusDays(days);
            return new DateInterval(start, end);
        }

        // Profiles with authorities, responsibilities and the verbs manage, coordinate and operate on processes, teams,
        // services and MICs; some profiles manage a process (process managers).
        private void Profiles(ServiceManagementSystemBuilder b, ManagedInfrastructureRegister? mir)
        {
            var r = Part(7);
            var mics = mir?.Components.Select(c => c.Id).ToList() ?? [];
            var serviceIds = _services.Select(s => s.Id).ToList();
            for (var i = 0; i < shape.Profiles; i++)
            {
                var assignments = new List<ManagementAssignment>();
                for (var k = r.Next(0, 4); k > 0; k--)
                {
                    var verb = (ManagementVerb)r.Next(1, 4);
                    switch (r.Next(4))
                    {
                        case 0 when _teams.Count > 0:
                            assignments.Add(new ManagementAssignment(verb, ManagedObjectKind.Team, _teams[r.Next(_teams.Count)]));
                            break;
                        case 1 when serviceIds.Count > 0:
                            assignments.Add(new ManagementAssignment(verb, ManagedObjectKind.Service, serviceIds[r.Next(serviceIds.Count)]));
                            break;
                        case 2 when mics.Count > 0:
                            assignments.Add(new ManagementAssignment(verb, ManagedObjectKind.Mic, mics[r.Next(mics.Count)]));
                            break;
                        default:
                            assignments.Add(ManagementAssignment.OnProcess(verb, (UsmProcess)r.Next(1, 6)));
                            break;
                    }
                }

                var id = "prof" + i + Suffix(r);
                _profiles.Add(id);
                b.AddProfile(new Profile(id, Text(r), r.Next(3) == 0 || _units.Count == 0 ? null : _units[r.Next(_units.Count)], Words(r), Words(r), assignments));
            }
        }

        private void People(ServiceManagementSystemBuilder b)
        {
            var r = Part(8);
            for (var i = 0; i < shape.People; i++)
            {
                var id = "person" + i + Suffix(r);
                _people.Add(id);
                b.AddPerson(new Person(id, Text(r), _units[r.Next(_units.Count)], Subset(r, _profiles), r.Next(3) == 0 ? null : shape.Awkward ? "ö.ß+tag@exämple.org" : "someone@example.org"));
            }

            foreach (var principle in new[] { SeparationPrinciple.DomainSeparation, SeparationPrinciple.ProcessBasedWorking }.Where(_ => r.Next(2) == 0))
            {
                b.ApplySeparation(principle);
            }
        }

        private void UsersAndRequesters(ServiceManagementSystemBuilder b)
        {
            var r = Part(9);
            for (var i = 0; i < (_customers.Count > 0 ? shape.Users : 0); i++)
            {
                var id = "user" + i + Suffix(r);
                _users.Add(id);
                b.AddUser(new ServiceUser(id, Text(r), _customers[r.Next(_customers.Count)]));
            }

            for (var i = 0; i < shape.Requesters; i++)
            {
                var id = "req" + i + Suffix(r);
                var requester = r.Next(3) switch
                {
                    0 when _users.Count > 0 => new Requester(id, Text(r), RequesterKind.User, _users[r.Next(_users.Count)]),
                    1 when _people.Count > 0 => new Requester(id, Text(r), RequesterKind.Staff, _people[r.Next(_people.Count)]),
                    _ => new Requester(id, Text(r), RequesterKind.Other, r.Next(2) == 0 ? null : MaybeText(r) ?? "external"),
                };
                b.AddRequester(requester);
            }
        }

        // Routines: half follow a workflow pattern step by step (so they may conform), half are random; activities give
        // RACI responsibilities to the system's own profiles.
        private void Routines(ServiceManagementSystemBuilder b)
        {
            var r = Part(10);
            for (var i = 0; i < shape.Routines; i++)
            {
                var type = (RoutineType)r.Next(1, 4);
                var n = 0;
                WorkflowStep Step(UsmProcess process) =>
                    new("s" + ++n + Suffix(r), process, Text(r), Enumerable.Range(1, r.Next(0, 3)).Select(a => Activity(r, a, type)).ToList(),
                        r.Next(3) == 0 ? ProcessStepCatalogue.Default.Steps[r.Next(ProcessStepCatalogue.Default.Steps.Length)].Key : null, MaybeText(r));
                Workflow routine;
                var id = "wf" + i + Suffix(r);
                if (r.Next(2) == 0)
                {
                    var pattern = WorkflowPattern.All[r.Next(WorkflowPattern.All.Length)];
                    routine = new Workflow(id, Text(r), pattern.Trigger, type, pattern.Processes.Select(Step).ToList(), Dynamicity.Static, null, MaybeText(r));
                }
                else
                {
                    var dynamic = r.Next(2) == 0;
                    var steps = Enumerable.Range(0, r.Next(0, 5)).Select(_ => Step((UsmProcess)r.Next(1, 6))).ToList();
                    var branches = dynamic ? Enumerable.Range(0, r.Next(0, 3)).Select(_ => new WorkflowBranch(Text(r), Enumerable.Range(0, r.Next(0, 3)).Select(_ => Step((UsmProcess)r.Next(1, 6))).ToList())).ToList() : null;
                    routine = new Workflow(id, Text(r), (CallType)r.Next(1, 6), type, steps, dynamic ? Dynamicity.Dynamic : Dynamicity.Static, branches, MaybeText(r));
                }

                _routines.Add(routine);
                b.AddRoutine(routine);
            }

            b.UsePatterns([.. WorkflowPattern.All.Where(_ => r.Next(4) == 0)]);
        }

        private Activity Activity(Random r, int number, RoutineType type)
        {
            var responsibilities = type == RoutineType.Process ? [] : Subset(r, _profiles).Select(p => new Responsibility(p, (RaciRoles)r.Next(0, 16))).ToList();
            var how = type == RoutineType.WorkInstruction;
            return new Activity("a" + number, Text(r), responsibilities, how ? MaybeText(r) : null, how ? MaybeText(r) : null, MaybeText(r));
        }

        private void Technology(ServiceManagementSystemBuilder b, ManagedInfrastructureRegister? mir)
        {
            var r = Part(11);
            var registers = UsmProcesses.AllCallTypes.Where(_ => r.Next(5) != 0)
                .Select(type => new CallRegister(type, Subset(r, _routines.Where(w => w.Trigger == type).Select(w => w.Id).ToList()), r.Next(2) == 0 ? null : Text(r)));
            b.WithSdcTool(new SdcTool(Text(r), registers, mir));
            b.WithToolingStrategy(r.Next(2) == 0 ? ToolingStrategy.Erp : ToolingStrategy.BestOfBreed);
            for (var i = 0; i < shape.Tools; i++)
            {
                if (r.Next(2) == 0)
                {
                    b.AddMechanisationTool(new MechanisationTool("mt" + i + Suffix(r), Text(r), (ToolPurpose)r.Next(1, 8)));
                }
                else
                {
                    b.AddNonAutomatedTool(new NonAutomatedTool("nt" + i + Suffix(r), Text(r), (NonAutomatedToolKind)r.Next(1, 5)));
                }
            }
        }

        private string Text(Random r) => shape.Awkward && r.Next(2) == 0 ? s_awkwardTexts[r.Next(s_awkwardTexts.Length)] : s_plainTexts[r.Next(s_plainTexts.Length)];

        private string? MaybeText(Random r) => r.Next(3) == 0 ? null : Text(r);

        private string? MaybeDiscipline(Random r) => r.Next(2) == 0 ? null : s_disciplines[r.Next(s_disciplines.Length)];

        // Non-blank texts for the id-like lists (goods, actions, functionality, authorities, ...), 0 to 3 of them.
        private List<string> Words(Random r) => [.. Enumerable.Range(0, r.Next(0, 4)).Select(_ => Text(r)).Where(t => !string.IsNullOrWhiteSpace(t))];

        private string Suffix(Random r) => shape.Awkward && r.Next(3) == 0 ? s_idSuffixes[r.Next(s_idSuffixes.Length)] : string.Empty;

        private static List<T> Subset<T>(Random r, IReadOnlyList<T> items) => [.. items.Where(_ => r.Next(2) == 0)];
    }
}

/// <summary>
/// The sizes and seed of one generated service management system (see <see cref="ManagementSystemArbitraries.BuildSystem"/>).
/// Its text form is what FsCheck prints for a failing case; <c>BuildSystem</c> rebuilds the exact system from it.
/// </summary>
internal sealed record SystemShape(
    int Seed,
    bool Awkward,
    bool Dangling,
    int Customers,
    int Suppliers,
    int Partners,
    int Users,
    int Departments,
    int Teams,
    int Profiles,
    int People,
    int Requesters,
    int Routines,
    int MirOperations,
    int Services,
    int Agreements,
    int Tools);
