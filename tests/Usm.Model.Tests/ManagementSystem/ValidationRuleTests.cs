using NodaTime;
using Usm.Model.ManagementSystem;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.ManagementSystem;

/// <summary>
/// One violating example per validation rule, built from the sample organisation (which is the conforming example
/// for every rule: it validates with no findings).
/// </summary>
public class ValidationRuleTests
{
    private static readonly ServiceManagementSystem s_sample = SampleOrganisation.Create();

    public static TheoryData<string, string> Violations => new()
    {
        { SystemRules.ProcessManager, "nobody-holds-pm-improve" },
        { SystemRules.ProcessManager, "no-profile-manages-improve" },
        { SystemRules.PatternRoutine, "no-routine-for-w4" },
        { SystemRules.ServiceCovered, "service-without-sa" },
        { SystemRules.Underpinned, "ola-missing" },
        { SystemRules.Underpinned, "ola-too-short" },
        { SystemRules.CallRegisters, "no-risk-register" },
        { SystemRules.HasMir, "no-mir" },
        { SystemRules.MicOwner, "owner-unknown" },
        { SystemRules.MicOwner, "owner-not-a-team" },
        { SystemRules.ProfileExists, "person-holds-unknown-profile" },
        { SystemRules.ProfileExists, "routine-names-unknown-profile" },
        { SystemRules.UnitExists, "person-in-unknown-unit" },
        { SystemRules.UnitExists, "ola-with-department" },
        { SystemRules.ServiceExists, "agreement-covers-unknown-service" },
        { SystemRules.MicExists, "service-uses-unknown-mic" },
        { SystemRules.PartyExists, "user-of-unknown-customer" },
        { SystemRules.RegisterRoutine, "register-names-unknown-routine" },
        { SystemRules.RegisterRoutine, "register-names-routine-of-other-call-type" },
        { SystemRules.UniqueIds, "duplicate-party" },
        { SystemRules.SupplyCycle, "supplier-supplies-back" },
        { SystemRules.CompositionCycle, "service-composed-of-itself" },
        { SystemRules.OrganisationTree, "two-roots" },
        { SystemRules.OrganisationTree, "parent-cycle" },
        { SystemRules.ServiceLevelMetric, "unknown-metric" },
        { SystemRules.ServiceLevelMetric, "level-for-uncovered-service" },
        { SystemRules.AgreementParties, "sa-with-supplier" },
        { SystemRules.AgreementParties, "uc-with-customer" },
        { SystemRules.ProcessBasedWorking, "line-manager-is-process-manager" },
        { SystemRules.DomainSeparation, "person-in-both-sub-domains" },
        { SystemRules.ProcessObject, "assignment-on-unknown-process" },
        { SystemRules.RequesterReference, "user-requester-without-user" },
        { SystemRules.RequesterReference, "staff-requester-without-person" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Validate_Violation_ReportsTheRule(string ruleId, string example)
    {
        Assert.Empty(s_sample.Validate().ForRule(ruleId));
        var report = Violate(example).Validate();
        var findings = report.ForRule(ruleId);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.False(string.IsNullOrEmpty(f.Path)));
    }

    [Fact]
    public void Validate_Sample_ConformsToEveryRule()
    {
        var report = s_sample.Validate();
        Assert.True(report.IsEmpty, report.ToString());
    }

    [Fact]
    public void Violations_CoverEveryRule()
    {
        var covered = Violations.Select(row => (string)row[0]!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(SystemRules.All.Order(StringComparer.Ordinal), covered);
    }

    [Fact]
    public void Validate_FindingNamesTheOffendingId()
    {
        var finding = Assert.Single(Violate("person-holds-unknown-profile").Validate().ForRule(SystemRules.ProfileExists));
        Assert.Equal("ghost-profile", finding.SubjectId);
        Assert.Contains("'ghost-profile'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("people['p-anna'].profileIds['ghost-profile']", finding.Path);
    }

    [Fact]
    public void Validate_UnderpinningGap_NamesAgreementServiceAndContributor()
    {
        var findings = Violate("ola-missing").Validate().ForRule(SystemRules.Underpinned);
        Assert.Equal(
            ["agreements['sa-rivermouth'].services['svc-hr-admin']", "agreements['sa-rivermouth'].services['svc-recruitment']", "agreements['sa-water-board'].services['svc-hr-admin']"],
            findings.Select(f => f.Path));
        Assert.All(findings, f => Assert.Contains("'team-hr-admin' is not covered by an OLA", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Underpinning_ReachesTheServicesACoveredServiceIsComposedOf()
    {
        // The digital workplace is composed of e-mail and network. An SA for the workplace alone still depends on the
        // infrastructure team's work on e-mail, so once that team's OLA no longer covers e-mail, every SA needing e-mail
        // has a gap: the two that cover it directly, and the workplace-only SA through the workplace.
        var s = s_sample.WithAgreements(s_sample.Agreements
            .Select(a => a.Id == "ola-it-infra" ? a.WithCoveredServices(["svc-network", "svc-telephony"]) : a)
            .Append(new Agreement("sa-workplace-only", AgreementKind.ServiceAgreement, "SA for the workplace alone", "ssc", "muni-eastbrook", ["svc-workplace"], null, Year)));
        var gaps = s.FindUnderpinningGaps();
        UnderpinningGap[] expected =
        [
            new("sa-eastbrook", "svc-email", "team-it-infra", AgreementKind.OperationalLevelAgreement),
            new("sa-rivermouth", "svc-email", "team-it-infra", AgreementKind.OperationalLevelAgreement),
            new("sa-workplace-only", "svc-email", "team-it-infra", AgreementKind.OperationalLevelAgreement, "svc-workplace"),
        ];
        Assert.Equal(expected.Length, gaps.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Equals(gaps[i]), $"{i}: {expected[i]} vs {gaps[i]}");
        }

        var finding = Assert.Single(s.Validate().ForRule(SystemRules.Underpinned), f => f.SubjectId == "sa-workplace-only");
        Assert.Equal("agreements['sa-workplace-only'].services['svc-workplace']", finding.Path);
        Assert.Equal("SA 'sa-workplace-only' covers 'svc-workplace', which is composed of 'svc-email', but the contribution of 'team-it-infra' to 'svc-email' is not covered by an OLA for the whole SA period.", finding.Message);
        Assert.Equal("sa-workplace-only/svc-workplace (component svc-email): team-it-infra needs an agreement of kind OperationalLevelAgreement", gaps[2].ToString());

        // An OLA for the composed service includes the team's work on its components: it closes all three gaps.
        var olaForWorkplace = new Agreement("ola-infra-workplace", AgreementKind.OperationalLevelAgreement, "OLA Infrastructure team for the workplace", "team-it-infra", "ssc", ["svc-workplace"], null, Year);
        Assert.Empty(s.WithAgreements(s.Agreements.Add(olaForWorkplace)).FindUnderpinningGaps());

        // An OLA for a sibling component (network) does not.
        Assert.Equal(3, s.WithAgreements(s.Agreements.Add(olaForWorkplace.WithCoveredServices(["svc-network"]))).FindUnderpinningGaps().Length);
    }

    [Fact]
    public void UnderpinningGap_Via_TakesPartInEquality_AndRefusesABlankId()
    {
        var direct = new UnderpinningGap("sa", "svc-email", "team", AgreementKind.OperationalLevelAgreement);
        Assert.Null(direct.ViaServiceId);
        Assert.Equal(direct, new UnderpinningGap("sa", "svc-email", "team", AgreementKind.OperationalLevelAgreement, null));
        Assert.NotEqual(direct, new UnderpinningGap("sa", "svc-email", "team", AgreementKind.OperationalLevelAgreement, "svc-workplace"));
        Assert.Equal("viaServiceId", Assert.Throws<ArgumentException>(() => new UnderpinningGap("sa", "svc-email", "team", AgreementKind.OperationalLevelAgreement, " ")).ParamName);
    }

    [Fact]
    public void Validate_SupplyCycle_ShowsTheCycle()
    {
        var finding = Assert.Single(Violate("supplier-supplies-back").Validate().ForRule(SystemRules.SupplyCycle));
        Assert.Contains("cloudnet → greenpower → ssc → cloudnet", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeparationRules_AreWarningsAndOnlyWhenApplied()
    {
        var flawed = Violate("line-manager-is-process-manager");
        Assert.All(flawed.Validate().ForRule(SystemRules.ProcessBasedWorking), f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.True(flawed.Validate().IsConforming);
        var notApplied = flawed.WithSeparationPrinciples([]);
        Assert.Empty(notApplied.Validate().ForRule(SystemRules.ProcessBasedWorking));
        Assert.Empty(notApplied.Validate().ForRule(SystemRules.DomainSeparation));
    }

    internal static ServiceManagementSystem Violate(string example)
    {
        var s = s_sample;
        var sdc = s.Technology.SdcTool;
        var clock = FixedClock.At(2026, 5, 1);
        return example switch
        {
            "nobody-holds-pm-improve" => s.WithPeople(s.Units, s.Profiles, s.People.Select(p => p.Id == "p-bram" ? p.WithProfiles(["pm-change"]) : p)),
            "no-profile-manages-improve" => s.WithPeople(s.Units, s.Profiles.Select(p => p.Id == "pm-improve" ? p.WithAssignments([]) : p), s.People),
            "no-routine-for-w4" => s.WithRoutines(s.Routines.Where(w => w.Id != "rt-w4"), s.PatternsInUse),
            "service-without-sa" => s.WithServices(s.Services.Add(new Service("svc-extra", "Extra", "ssc", "IT", new Facility(), "none"))),
            "ola-missing" => s.WithAgreements(s.Agreements.Where(a => a.Id != "ola-hr-admin")),
            "ola-too-short" => s.WithAgreements(s.Agreements.Select(a => a.Id == "ola-hr-admin" ? a.WithValidity(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 11, 30))) : a)),
            "no-risk-register" => s.WithTechnology(s.Technology.WithSdcTool(sdc.WithRegisters(sdc.Registers.Where(r => r.CallType != CallType.Risk)))),
            "no-mir" => s.WithTechnology(s.Technology.WithSdcTool(sdc.WithMir(null))),
            "owner-unknown" => s.WithTechnology(s.Technology.WithSdcTool(sdc.WithMir(sdc.Mir!.Update(sdc.Mir.Find("mic-dns")!.WithOwner("team-ghost"), clock, "test")))),
            "owner-not-a-team" => s.WithTechnology(s.Technology.WithSdcTool(sdc.WithMir(sdc.Mir!.Update(sdc.Mir.Find("mic-dns")!.WithOwner("dept-it"), clock, "test")))),
            "person-holds-unknown-profile" => s.WithPeople(s.Units, s.Profiles, s.People.Select(p => p.Id == "p-anna" ? p.WithProfiles([.. p.ProfileIds, "ghost-profile"]) : p)),
            "routine-names-unknown-profile" => s.WithRoutines(s.Routines.Select(w => w.Id == "rt-w5" ? w.WithSteps([new Routines.WorkflowStep("x", UsmProcess.Operate, "x", [new Routines.Activity("a", "a", [new Routines.Responsibility("ghost-profile", Routines.RaciRoles.Responsible)])])]) : w), s.PatternsInUse),
            "person-in-unknown-unit" => s.WithPeople(s.Units, s.Profiles, s.People.Add(new Person("p-new", "New", "unit-ghost"))),
            "ola-with-department" => s.WithAgreements(s.Agreements.Add(new Agreement("ola-dept", AgreementKind.OperationalLevelAgreement, "x", "dept-it", "ssc", ["svc-email"], null, Year))),
            "agreement-covers-unknown-service" => s.WithAgreements(s.Agreements.Select(a => a.Id == "uc-cleanco" ? a.WithCoveredServices([.. a.CoveredServiceIds, "svc-ghost"]) : a)),
            "service-uses-unknown-mic" => s.WithServices(s.Services.Select(x => x.Id == "svc-email" ? x.WithMics([.. x.MicIds, "mic-ghost"]) : x)),
            "user-of-unknown-customer" => s.WithUsers(s.Users.Add(new ServiceUser("u-x", "x", "party-ghost")), s.Requesters),
            "register-names-unknown-routine" => s.WithTechnology(s.Technology.WithSdcTool(sdc.WithRegisters(sdc.Registers.Add(new CallRegister(CallType.Wish, ["rt-ghost"]))))),
            "register-names-routine-of-other-call-type" => s.WithTechnology(s.Technology.WithSdcTool(sdc.WithRegisters(sdc.Registers.Add(new CallRegister(CallType.Wish, ["rt-w5"]))))),
            "duplicate-party" => s.WithParties(s.Parties.Add(new Party("cleanco", "CleanCo again")), s.Links),
            "supplier-supplies-back" => s.WithParties(s.Parties, s.Links.Select(l => l.ProviderId == "greenpower" ? new ProviderLink("greenpower", ["cloudnet"], ["ssc"]) : l)),
            "service-composed-of-itself" => s.WithServices(s.Services.Select(x => x.Id == "svc-email" ? x.WithComponents(["svc-workplace"]) : x)),
            "two-roots" => s.WithPeople(s.Units.Add(new OrganisationUnit("other-org", "Other", OrganisationUnitKind.Organisation)), s.Profiles, s.People),
            "parent-cycle" => s.WithPeople(s.Units.Select(u => u.Id == "dept-it" ? new OrganisationUnit("dept-it", u.Name, u.Kind, "team-it-apps", u.Discipline, u.SubDomain) : u), s.Profiles, s.People),
            "unknown-metric" => s.WithAgreements(s.Agreements.Select(a => a.Id == "uc-cleanco" ? new Agreement(a.Id, a.Kind, a.Name, a.ProviderId, a.CounterpartyId, a.CoveredServiceIds, [new ServiceLevel("svc-cleaning", "ghost-metric", 1)], a.Validity) : a)),
            "level-for-uncovered-service" => s.WithAgreements(s.Agreements.Select(a => a.Id == "uc-cleanco" ? new Agreement(a.Id, a.Kind, a.Name, a.ProviderId, a.CounterpartyId, a.CoveredServiceIds, [new ServiceLevel("svc-email", "availability", 1)], a.Validity) : a)),
            "sa-with-supplier" => s.WithAgreements(s.Agreements.Add(new Agreement("sa-x", AgreementKind.ServiceAgreement, "x", "ssc", "cloudnet", ["svc-network"], null, Year))),
            "uc-with-customer" => s.WithAgreements(s.Agreements.Add(new Agreement("uc-x", AgreementKind.UnderpinningContract, "x", "muni-eastbrook", "ssc", ["svc-network"], null, Year))),
            "line-manager-is-process-manager" => s.WithPeople(s.Units, s.Profiles, s.People.Select(p => p.Id == "p-dana" ? p.WithProfiles(["line-manager-it", "pm-change"]) : p)),
            "person-in-both-sub-domains" => s.WithPeople(s.Units, s.Profiles, s.People.Select(p => p.Id == "p-gijs" ? p.WithProfiles(["operator-it", "coordinator"]) : p)),
            "assignment-on-unknown-process" => s.WithPeople(s.Units, s.Profiles.Select(p => p.Id == "coordinator" ? p.WithAssignments([.. p.Assignments, new ManagementAssignment(ManagementVerb.Coordinate, ManagedObjectKind.Process, "Billing")]) : p), s.People),
            "user-requester-without-user" => s.WithUsers(s.Users, s.Requesters.Add(new Requester("r-x", "x", RequesterKind.User, "u-ghost"))),
            "staff-requester-without-person" => s.WithUsers(s.Users, s.Requesters.Add(new Requester("r-y", "y", RequesterKind.Staff))),
            _ => throw new ArgumentException("Unknown example " + example, nameof(example)),
        };
    }

    private static DateInterval Year => new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
}
