using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Routines;

namespace Usm.Model.ManagementSystem;

/// <summary>
/// A fictional sample: the Rivermouth Shared Service Centre, a municipal shared-service centre that delivers IT, HR and
/// facilities services to two municipalities and a water board. It is used by the CLI demo, the docs and the tests.
/// </summary>
/// <remarks>
/// <para><see cref="Create"/> returns a system that validates with no findings: 3 customers, 2 suppliers (one with a
/// supplier of its own), 1 partner, 7 teams in a tree with domain separation, 12 people, 10 services with composition,
/// 3 SAs, 6 OLAs and 2 UCs, 50 MICs with history, and a procedure for each of the 8 workflow patterns.</para>
/// <para><see cref="CreateFlawed"/> returns the same organisation with six deliberate flaws that trip seven rules, listed in
/// <see cref="FlawedRuleIds"/>. All dates and instants are fixed; nothing reads the system clock.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class SampleOrganisation
{
    private const string Ssc = "ssc";

    /// <summary>Gets the rule ids that <see cref="CreateFlawed"/> violates, sorted ordinally.</summary>
    /// <remarks>
    /// The flaws: the HR administration team's OLA is missing (USM-SMS-004); a parking service is in the catalogue
    /// without an SA (USM-SMS-003); nobody holds the Improve process-manager profile (USM-SMS-001); the SDC tool has no
    /// register for risks (USM-SMS-005); a MIC is owned by a security team that does not exist (USM-SMS-007); and the
    /// IT line manager (in the realising IT department) is also the Change process manager (in the specifying service
    /// management office), which breaks both process-based working (USM-SMS-020) and domain separation (USM-SMS-021),
    /// two warnings.
    /// </remarks>
    public static ImmutableArray<string> FlawedRuleIds { get; } =
        [SystemRules.ProcessManager, SystemRules.ServiceCovered, SystemRules.Underpinned, SystemRules.CallRegisters, SystemRules.MicOwner, SystemRules.ProcessBasedWorking, SystemRules.DomainSeparation];

    /// <summary>Gets the date the sample treats as "today" in the demo (1 June 2026).</summary>
    public static LocalDate ReferenceDate { get; } = new(2026, 6, 1);

    /// <summary>Creates the sample organisation; it validates with no findings.</summary>
    /// <returns>A new system.</returns>
    public static ServiceManagementSystem Create()
    {
        var b = new ServiceManagementSystemBuilder("rivermouth-ssc", "Rivermouth Shared Service Centre", Ssc)
            .AddDisciplines("IT", "HR", "Facilities")
            .WithToolingStrategy(ToolingStrategy.BestOfBreed)
            .ApplySeparation(SeparationPrinciple.DomainSeparation)
            .ApplySeparation(SeparationPrinciple.ProcessBasedWorking);

        AddParties(b);
        AddPeople(b);
        AddServices(b);
        AddAgreements(b);
        AddRoutines(b);
        AddTechnology(b);
        return b.Build();
    }

    /// <summary>Creates the sample organisation with the deliberate flaws listed in <see cref="FlawedRuleIds"/>.</summary>
    /// <returns>A new system whose validation reports exactly those rule ids.</returns>
    public static ServiceManagementSystem CreateFlawed()
    {
        var good = Create();

        // USM-SMS-004: the HR administration team works without an OLA.
        var agreements = good.Agreements.Where(a => a.Id != "ola-hr-admin");

        // USM-SMS-003: a parking service is offered, but no SA covers it.
        var parking = new Service("svc-parking", "Parking permits for staff", Ssc, "Facilities", new Facility(["parking space"], ["permit issue"]), "Facilities desk on working days",
            ["Issue and withdraw staff parking permits"], [Metric("response-time", "Response time", "hours", MetricDirection.LowerIsBetter)], contributions: [new("team-fac-buildings", ContributorKind.Team, "Runs the car park")]);

        // USM-SMS-001: nobody holds the Improve process-manager profile; USM-SMS-020: the IT line manager is also the Change process manager.
        var people = good.People.Select(p => p.Id switch
        {
            "p-bram" => p.WithProfiles(["pm-change"]),
            "p-dana" => p.WithProfiles(["line-manager-it", "pm-change"]),
            _ => p,
        });

        // USM-SMS-005: no register for risks; USM-SMS-007: a MIC owned by a team that does not exist.
        var sdc = good.Technology.SdcTool;
        var clock = new SampleClock(Instant.FromUtc(2026, 5, 4, 10, 0));
        var mir = sdc.Mir!.Add(new ManagedInfrastructureComponent("mic-firewall-logs", "Firewall log collector", MicKind.InternalResource, "team-security", [new("retention-days", "90")]), clock, "Log collection for the security audit", "CHG-0031");
        var flawedSdc = new SdcTool(sdc.Name, sdc.Registers.Where(r => r.CallType != CallType.Risk), mir);

        return good
            .WithAgreements(agreements)
            .WithServices(good.Services.Add(parking))
            .WithPeople(good.Units, good.Profiles, people)
            .WithTechnology(good.Technology.WithSdcTool(flawedSdc));
    }

    private static void AddParties(ServiceManagementSystemBuilder b)
    {
        b.AddParty(new Party(Ssc, "Rivermouth Shared Service Centre", PartyKind.Organisation, "Shared-service centre of the Rivermouth region"))
            .AddParty(new Party("muni-rivermouth", "Municipality of Rivermouth"))
            .AddParty(new Party("muni-eastbrook", "Municipality of Eastbrook"))
            .AddParty(new Party("water-board", "Lowland Water Board"))
            .AddParty(new Party("cloudnet", "CloudNet Hosting", PartyKind.Organisation, "Hosting and e-mail platform"))
            .AddParty(new Party("cleanco", "CleanCo Facility Services", PartyKind.Organisation, "Cleaning contractor"))
            .AddParty(new Party("greenpower", "GreenPower Utility", PartyKind.Organisation, "Energy supplier of CloudNet's data centre"))
            .AddParty(new Party("it-coop", "Regional Government IT Cooperative", PartyKind.Organisation, "Partner for shared procurement"))
            .AddLink(new ProviderLink(Ssc, ["muni-rivermouth", "muni-eastbrook", "water-board"], ["cloudnet", "cleanco"], ["it-coop"]))
            .AddLink(new ProviderLink("cloudnet", [Ssc], ["greenpower"]))
            .AddLink(new ProviderLink("cleanco", [Ssc]))
            .AddLink(new ProviderLink("greenpower", ["cloudnet"]))
            .AddUser(new ServiceUser("u-rm-clerk", "Permit clerk, Rivermouth", "muni-rivermouth"))
            .AddUser(new ServiceUser("u-eb-hr", "HR adviser, Eastbrook", "muni-eastbrook"))
            .AddUser(new ServiceUser("u-wb-finance", "Finance officer, Water Board", "water-board"))
            .AddRequester(new Requester("r-rm-clerk", "Permit clerk, Rivermouth", RequesterKind.User, "u-rm-clerk"))
            .AddRequester(new Requester("r-eb-hr", "HR adviser, Eastbrook", RequesterKind.User, "u-eb-hr"))
            .AddRequester(new Requester("r-gijs", "Gijs Bakker (service desk)", RequesterKind.Staff, "p-gijs"))
            .AddRequester(new Requester("r-auditor", "External auditor", RequesterKind.Other));
    }

    private static void AddPeople(ServiceManagementSystemBuilder b)
    {
        const OrganisationUnitKind T = OrganisationUnitKind.Team, D = OrganisationUnitKind.Department;
        b.AddUnit(new OrganisationUnit("ssc-org", "Rivermouth SSC", OrganisationUnitKind.Organisation))
            .AddUnit(new OrganisationUnit("team-smo", "Service management office", T, "ssc-org", null, TaskSubDomain.Specifying))
            .AddUnit(new OrganisationUnit("dept-it", "IT department", D, "ssc-org", "IT", TaskSubDomain.Realising))
            .AddUnit(new OrganisationUnit("dept-hr", "HR department", D, "ssc-org", "HR", TaskSubDomain.Realising))
            .AddUnit(new OrganisationUnit("dept-fac", "Facilities department", D, "ssc-org", "Facilities", TaskSubDomain.Realising))
            .AddUnit(new OrganisationUnit("team-it-workplace", "Workplace team", T, "dept-it", "IT"))
            .AddUnit(new OrganisationUnit("team-it-infra", "Infrastructure team", T, "dept-it", "IT"))
            .AddUnit(new OrganisationUnit("team-it-apps", "Applications team", T, "dept-it", "IT"))
            .AddUnit(new OrganisationUnit("team-hr-payroll", "Payroll team", T, "dept-hr", "HR"))
            .AddUnit(new OrganisationUnit("team-hr-admin", "HR administration team", T, "dept-hr", "HR"))
            .AddUnit(new OrganisationUnit("team-fac-buildings", "Buildings team", T, "dept-fac", "Facilities"))
            .AddScopeTeams("team-smo", "team-it-workplace", "team-it-infra", "team-it-apps", "team-hr-payroll", "team-hr-admin", "team-fac-buildings");

        foreach (var process in UsmProcesses.All)
        {
            var info = UsmProcesses.Info(process);
            b.AddProfile(new Profile(ProcessManagerProfile(process), "Process manager " + info.Code, "team-smo",
                ["Set the routines of " + info.EnglishName, "Accept or reject deviations from the routines"],
                ["The effectiveness and efficiency of " + info.EnglishName],
                [ManagementAssignment.OnProcess(ManagementVerb.Manage, process)]));
        }

        b.AddProfile(new Profile("service-manager", "Service manager", "team-smo", ["Sign service agreements"], ["Agreements and service levels"],
                [new(ManagementVerb.Manage, ManagedObjectKind.Service, "svc-workplace"), new(ManagementVerb.Manage, ManagedObjectKind.Service, "svc-payroll"), new(ManagementVerb.Manage, ManagedObjectKind.Service, "svc-workspace")]))
            .AddProfile(new Profile("coordinator", "Call coordinator", "team-smo", ["Assign calls to teams"], ["Timely handling of calls"],
                [.. UsmProcesses.All.Select(p => ManagementAssignment.OnProcess(ManagementVerb.Coordinate, p))]))
            .AddProfile(new Profile("line-manager-it", "Head of IT", "dept-it", ["Hire and deploy IT staff"], ["Capacity of the IT teams"],
                [new(ManagementVerb.Manage, ManagedObjectKind.Team, "team-it-workplace"), new(ManagementVerb.Manage, ManagedObjectKind.Team, "team-it-infra"), new(ManagementVerb.Manage, ManagedObjectKind.Team, "team-it-apps")]))
            .AddProfile(new Profile("line-manager-hr", "Head of HR services", "dept-hr", ["Hire and deploy HR staff"], ["Capacity of the HR teams"],
                [new(ManagementVerb.Manage, ManagedObjectKind.Team, "team-hr-payroll"), new(ManagementVerb.Manage, ManagedObjectKind.Team, "team-hr-admin")]))
            .AddProfile(new Profile("line-manager-fac", "Head of Facilities", "dept-fac", ["Hire and deploy facilities staff", "Sign purchase orders up to 10,000"], ["Capacity of the buildings team"],
                [new(ManagementVerb.Manage, ManagedObjectKind.Team, "team-fac-buildings")]))
            .AddProfile(new Profile("operator-it", "IT operator", "dept-it", ["Carry out standard changes"], ["Work on the OPS calendar"],
                [ManagementAssignment.OnProcess(ManagementVerb.Operate, UsmProcess.Operate), new(ManagementVerb.Operate, ManagedObjectKind.Mic, "mic-mail-platform")]))
            .AddProfile(new Profile("operator-hr", "HR operator", "dept-hr", ["Process personnel mutations"], ["Correct personnel records"],
                [ManagementAssignment.OnProcess(ManagementVerb.Operate, UsmProcess.Operate)]))
            .AddProfile(new Profile("operator-fac", "Facilities operator", "dept-fac", ["Book rooms and contractors"], ["Clean and safe buildings"],
                [ManagementAssignment.OnProcess(ManagementVerb.Operate, UsmProcess.Operate)]));

        b.AddPerson(new Person("p-anna", "Anna de Vries", "team-smo", ["pm-agree", "service-manager"], "anna.devries@rivermouth-ssc.example"))
            .AddPerson(new Person("p-bram", "Bram Jansen", "team-smo", ["pm-change", "pm-improve"]))
            .AddPerson(new Person("p-chris", "Chris Visser", "team-smo", ["pm-recover", "pm-operate", "coordinator"]))
            .AddPerson(new Person("p-dana", "Dana Smit", "dept-it", ["line-manager-it"]))
            .AddPerson(new Person("p-eli", "Eli Mulder", "dept-hr", ["line-manager-hr"]))
            .AddPerson(new Person("p-fenna", "Fenna de Boer", "dept-fac", ["line-manager-fac"]))
            .AddPerson(new Person("p-gijs", "Gijs Bakker", "team-it-workplace", ["operator-it"]))
            .AddPerson(new Person("p-hanna", "Hanna Meijer", "team-it-infra", ["operator-it"]))
            .AddPerson(new Person("p-ivo", "Ivo de Groot", "team-it-apps", ["operator-it"]))
            .AddPerson(new Person("p-jet", "Jet Bos", "team-hr-payroll", ["operator-hr"]))
            .AddPerson(new Person("p-koen", "Koen Vos", "team-hr-admin", ["operator-hr"]))
            .AddPerson(new Person("p-lotte", "Lotte Peters", "team-fac-buildings", ["operator-fac"]));
    }

    private static void AddServices(ServiceManagementSystemBuilder b)
    {
        var availability = Metric("availability", "Availability", "%", MetricDirection.HigherIsBetter);
        var response = Metric("response-time", "Response time to a call", "hours", MetricDirection.LowerIsBetter);
        static Contribution Team(string id, string what) => new(id, ContributorKind.Team, what);
        static Contribution Supplier(string id, string what) => new(id, ContributorKind.Supplier, what);

        b.AddService(new Service("svc-workplace", "Digital workplace", Ssc, "IT", new Facility(["laptop", "workplace software"], ["device provisioning"]), "Service desk on working days 8:00-17:00",
                ["A managed laptop with office software", "Access to e-mail and the network"], [availability, response], ["svc-email", "svc-network"],
                [Team("team-it-workplace", "Provisions and supports devices"), Supplier("cloudnet", "Hosts the workplace portal")], ["mic-laptop-pool", "mic-os-image", "mic-mdm", "mic-office-suite", "mic-workplace-portal"]))
            .AddService(new Service("svc-email", "E-mail and calendar", Ssc, "IT", new Facility(["mailbox"], ["mail delivery"]), "Service desk on working days",
                ["Send and receive e-mail", "Shared calendars"], [availability, response], null,
                [Team("team-it-infra", "Manages the mail configuration"), Supplier("cloudnet", "Runs the mail platform")], ["mic-mail-platform", "mic-mail-filter", "mic-mail-archive"]))
            .AddService(new Service("svc-network", "Network and Wi-Fi", Ssc, "IT", new Facility(["network connection", "Wi-Fi"], ["network monitoring"]), "Service desk and on-call engineer",
                ["Wired and wireless access in all offices"], [availability, response], null,
                [Team("team-it-infra", "Runs the network")], ["mic-core-switch", "mic-wifi-town-hall", "mic-wifi-depot", "mic-firewall", "mic-vpn"]))
            .AddService(new Service("svc-permits", "Permit application system", Ssc, "IT", new Facility(["permit application"], ["application maintenance"]), "Functional support by the applications team",
                ["Register, assess and grant permits"], [availability, response], null,
                [Team("team-it-apps", "Maintains the application"), Supplier("cloudnet", "Hosts the application")], ["mic-permits-app", "mic-permits-db", "mic-hosting-cluster"]))
            .AddService(new Service("svc-telephony", "Telephony", Ssc, "IT", new Facility(["phone number", "softphone"], ["call routing"]), "Service desk",
                ["Internal and external calls", "Call queues for front offices"], [availability, response], null,
                [Team("team-it-infra", "Runs the telephony platform")], ["mic-telephony-platform", "mic-call-queues"]))
            .AddService(new Service("svc-payroll", "Payroll administration", Ssc, "HR", new Facility(["payslip"], ["monthly payroll run", "tax filing"]), "Payroll desk on working days",
                ["Monthly salary payment", "Annual statements"], [Metric("on-time", "Payroll runs on time", "%", MetricDirection.HigherIsBetter), response], null,
                [Team("team-hr-payroll", "Runs the payroll"), Team("team-it-apps", "Maintains the payroll application")], ["mic-payroll-app", "mic-payroll-calendar", "mic-tax-interface"]))
            .AddService(new Service("svc-hr-admin", "Personnel administration", Ssc, "HR", new Facility(["personnel file"], ["mutation processing"]), "HR desk",
                ["Record hires, changes and leavers"], [response], null,
                [Team("team-hr-admin", "Processes mutations")], ["mic-hr-records", "mic-hr-forms"]))
            .AddService(new Service("svc-recruitment", "Recruitment support", Ssc, "HR", new Facility(["vacancy page"], ["candidate screening"]), "HR desk",
                ["Publish vacancies", "Plan interviews"], [response], null,
                [Team("team-hr-admin", "Runs recruitment")], ["mic-vacancy-site"]))
            .AddService(new Service("svc-cleaning", "Cleaning", Ssc, "Facilities", new Facility(actions: ["daily cleaning", "window cleaning"]), "Facilities desk",
                ["Clean offices every working day"], [Metric("quality-score", "Cleaning quality score", "points", MetricDirection.HigherIsBetter)], null,
                [Supplier("cleanco", "Carries out the cleaning")], ["mic-cleaning-plan"]))
            .AddService(new Service("svc-workspace", "Office workspace", Ssc, "Facilities", new Facility(["desk", "meeting room"], ["room booking"]), "Facilities desk on working days",
                ["Flexible desks", "Bookable meeting rooms"], [availability, response], ["svc-cleaning"],
                [Team("team-fac-buildings", "Manages the buildings"), Supplier("cleanco", "Cleans the workspaces")], ["mic-town-hall", "mic-depot-building", "mic-room-booking", "mic-hvac-town-hall", "mic-access-control"]));
    }

    private static void AddAgreements(ServiceManagementSystemBuilder b)
    {
        var year = new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
        string[] all = ["svc-workplace", "svc-email", "svc-network", "svc-permits", "svc-telephony", "svc-payroll", "svc-hr-admin", "svc-recruitment", "svc-cleaning", "svc-workspace"];
        static ServiceLevel L(string service, string metric, double target) => new(service, metric, target);

        b.AddAgreement(new Agreement("sa-rivermouth", AgreementKind.ServiceAgreement, "SA Municipality of Rivermouth 2026", Ssc, "muni-rivermouth", all,
                [L("svc-workplace", "availability", 99.5), L("svc-permits", "availability", 99.0), L("svc-payroll", "on-time", 100), L("svc-cleaning", "quality-score", 8)], year))
            .AddAgreement(new Agreement("sa-eastbrook", AgreementKind.ServiceAgreement, "SA Municipality of Eastbrook 2026", Ssc, "muni-eastbrook", ["svc-workplace", "svc-email", "svc-network", "svc-payroll"],
                [L("svc-workplace", "availability", 99.0), L("svc-email", "response-time", 8)], new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 12, 31))))
            .AddAgreement(new Agreement("sa-water-board", AgreementKind.ServiceAgreement, "SA Lowland Water Board, first half 2026", Ssc, "water-board", ["svc-payroll", "svc-hr-admin"],
                [L("svc-payroll", "on-time", 99.5), L("svc-hr-admin", "response-time", 16)], new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30))))
            .AddAgreement(new Agreement("ola-it-workplace", AgreementKind.OperationalLevelAgreement, "OLA Workplace team", "team-it-workplace", Ssc, ["svc-workplace"], [L("svc-workplace", "response-time", 4)], year))
            .AddAgreement(new Agreement("ola-it-infra", AgreementKind.OperationalLevelAgreement, "OLA Infrastructure team", "team-it-infra", Ssc, ["svc-email", "svc-network", "svc-telephony"], [L("svc-network", "availability", 99.8)], year))
            .AddAgreement(new Agreement("ola-it-apps", AgreementKind.OperationalLevelAgreement, "OLA Applications team", "team-it-apps", Ssc, ["svc-permits", "svc-payroll"], [L("svc-permits", "response-time", 8)], year))
            .AddAgreement(new Agreement("ola-hr-payroll", AgreementKind.OperationalLevelAgreement, "OLA Payroll team", "team-hr-payroll", Ssc, ["svc-payroll"], [L("svc-payroll", "on-time", 100)], year))
            .AddAgreement(new Agreement("ola-hr-admin", AgreementKind.OperationalLevelAgreement, "OLA HR administration team", "team-hr-admin", Ssc, ["svc-hr-admin", "svc-recruitment"], [L("svc-hr-admin", "response-time", 12)], year))
            .AddAgreement(new Agreement("ola-fac-buildings", AgreementKind.OperationalLevelAgreement, "OLA Buildings team", "team-fac-buildings", Ssc, ["svc-workspace"], [L("svc-workspace", "availability", 99.0)], year))
            .AddAgreement(new Agreement("uc-cloudnet", AgreementKind.UnderpinningContract, "Hosting contract CloudNet", "cloudnet", Ssc, ["svc-workplace", "svc-email", "svc-permits"],
                [L("svc-email", "availability", 99.9), L("svc-permits", "availability", 99.5)], new DateInterval(new LocalDate(2025, 7, 1), new LocalDate(2027, 6, 30))))
            .AddAgreement(new Agreement("uc-cleanco", AgreementKind.UnderpinningContract, "Cleaning contract CleanCo", "cleanco", Ssc, ["svc-cleaning", "svc-workspace"], [L("svc-cleaning", "quality-score", 8)], year));
    }

    private static void AddRoutines(ServiceManagementSystemBuilder b)
    {
        foreach (var pattern in WorkflowPattern.All)
        {
            var steps = pattern.Processes.SelectMany(process => ProcessStepCatalogue.Default.StepsOf(process).Select(s =>
                new WorkflowStep(s.Key, s.Process, s.EnglishName, [new Activity(s.Key + ".do", s.EnglishName, [new Responsibility(ProcessManagerProfile(s.Process), RaciRoles.Accountable), new Responsibility(Performer(s.Process), RaciRoles.Responsible)])], s.Key)));
            b.AddRoutine(new Workflow("rt-" + pattern.Code.ToLowerInvariant(), pattern.Code + " " + pattern.EnglishName, pattern.Trigger, RoutineType.Procedure, steps));
        }

        static string Performer(UsmProcess process) => process == UsmProcess.Operate ? "operator-it" : "coordinator";
    }

    private static void AddTechnology(ServiceManagementSystemBuilder b)
    {
        b.WithSdcTool(new SdcTool("Rivermouth service desk suite",
            [
                new(CallType.Wish, ["rt-w1"], "Register of wishes"),
                new(CallType.ChangeRequest, ["rt-w2"], "Register of changes"),
                new(CallType.Incident, ["rt-w3", "rt-w4"], "Register of incidents"),
                new(CallType.ServiceRequest, ["rt-w5"], "Register of service requests"),
                new(CallType.Risk, ["rt-w6", "rt-w7", "rt-w8"], "Register of risks"),
            ],
            CreateMir()))
            .AddMechanisationTool(new MechanisationTool("tool-monitor", "Infrastructure monitor", ToolPurpose.Monitoring))
            .AddMechanisationTool(new MechanisationTool("tool-kb", "Knowledge base", ToolPurpose.Knowledge))
            .AddMechanisationTool(new MechanisationTool("tool-reports", "Management reporting", ToolPurpose.Reporting))
            .AddMechanisationTool(new MechanisationTool("tool-bms", "Building management system", ToolPurpose.SystemManagement))
            .AddNonAutomatedTool(new NonAutomatedTool("form-sa", "Service agreement template", NonAutomatedToolKind.Template))
            .AddNonAutomatedTool(new NonAutomatedTool("form-rfc", "Change request form", NonAutomatedToolKind.Form))
            .AddNonAutomatedTool(new NonAutomatedTool("doc-onboarding", "Onboarding checklist", NonAutomatedToolKind.Document));
    }

    private static ManagedInfrastructureRegister CreateMir()
    {
        const MicKind F = MicKind.DeliveredFacility, R = MicKind.InternalResource;
        (string Id, string Name, MicKind Kind, string Owner, string Attributes, string? RunsOn)[] mics =
        [
            ("mic-laptop-pool", "Laptop pool", F, "team-it-workplace", "model=Notebook 14;count=420", null),
            ("mic-os-image", "Standard OS image", R, "team-it-workplace", "version=2026.1", null),
            ("mic-mdm", "Device management platform", R, "team-it-workplace", "version=12.4", "mic-hosting-cluster"),
            ("mic-office-suite", "Office software", F, "team-it-workplace", "licences=450", null),
            ("mic-workplace-portal", "Workplace self-service portal", F, "team-it-workplace", "url=portal.rivermouth-ssc.example", "mic-hosting-cluster"),
            ("mic-printer-fleet", "Printer fleet", F, "team-it-workplace", "count=35", "mic-core-switch"),
            ("mic-mail-platform", "Mail platform", F, "team-it-infra", "version=2025.3;mailboxes=520", "mic-hosting-cluster"),
            ("mic-mail-filter", "Spam and malware filter", R, "team-it-infra", "policy=strict", "mic-mail-platform"),
            ("mic-mail-archive", "Mail archive", R, "team-it-infra", "retention-years=7", "mic-storage-array"),
            ("mic-core-switch", "Core switch town hall", R, "team-it-infra", "firmware=9.2;ports=48", null),
            ("mic-access-switch-1", "Access switch floor 1", R, "team-it-infra", "firmware=9.2", "mic-core-switch"),
            ("mic-access-switch-2", "Access switch floor 2", R, "team-it-infra", "firmware=9.2", "mic-core-switch"),
            ("mic-access-switch-3", "Access switch floor 3", R, "team-it-infra", "firmware=9.2", "mic-core-switch"),
            ("mic-wifi-town-hall", "Wi-Fi town hall", F, "team-it-infra", "ssid=rivermouth-staff;access-points=24", "mic-core-switch"),
            ("mic-wifi-depot", "Wi-Fi depot", F, "team-it-infra", "ssid=rivermouth-staff;access-points=6", "mic-core-switch"),
            ("mic-firewall", "Perimeter firewall", R, "team-it-infra", "firmware=7.4;rules=312", null),
            ("mic-vpn", "Remote access VPN", F, "team-it-infra", "max-sessions=300", "mic-firewall"),
            ("mic-dns", "Internal DNS", R, "team-it-infra", "zones=4", "mic-hosting-cluster"),
            ("mic-directory", "Staff directory", R, "team-it-infra", "accounts=560", "mic-hosting-cluster"),
            ("mic-hosting-cluster", "Hosting cluster (CloudNet)", R, "team-it-infra", "region=north;nodes=6", null),
            ("mic-storage-array", "Storage array", R, "team-it-infra", "capacity-tb=80", null),
            ("mic-backup", "Backup service", R, "team-it-infra", "schedule=nightly;retention-days=35", "mic-storage-array"),
            ("mic-telephony-platform", "Telephony platform", F, "team-it-infra", "version=5.1;numbers=600", "mic-hosting-cluster"),
            ("mic-call-queues", "Front-office call queues", F, "team-it-infra", "queues=8", "mic-telephony-platform"),
            ("mic-permits-app", "Permit application", F, "team-it-apps", "version=3.7", "mic-hosting-cluster"),
            ("mic-permits-db", "Permit database", R, "team-it-apps", "engine=PostgreSQL 16", "mic-hosting-cluster"),
            ("mic-permits-interface", "Permit interface to national register", R, "team-it-apps", "protocol=REST", "mic-permits-app"),
            ("mic-payroll-app", "Payroll application", R, "team-it-apps", "version=2026.2", "mic-hosting-cluster"),
            ("mic-tax-interface", "Tax authority interface", R, "team-it-apps", "protocol=SFTP", "mic-payroll-app"),
            ("mic-gis", "Geographic information system", F, "team-it-apps", "version=11", "mic-hosting-cluster"),
            ("mic-document-mgmt", "Document management system", F, "team-it-apps", "version=8.3", "mic-hosting-cluster"),
            ("mic-intranet", "Intranet", F, "team-it-apps", "url=intranet.rivermouth-ssc.example", "mic-hosting-cluster"),
            ("mic-payroll-calendar", "Payroll calendar", R, "team-hr-payroll", "cut-off-day=18", null),
            ("mic-pay-scales", "Pay scale tables", R, "team-hr-payroll", "collective-agreement=2026", null),
            ("mic-pension-interface", "Pension fund interface", R, "team-hr-payroll", "frequency=monthly", "mic-payroll-app"),
            ("mic-hr-records", "Personnel records", F, "team-hr-admin", "records=1480", "mic-document-mgmt"),
            ("mic-hr-forms", "HR mutation forms", F, "team-hr-admin", "forms=14", "mic-intranet"),
            ("mic-vacancy-site", "Vacancy website", F, "team-hr-admin", "url=jobs.rivermouth-ssc.example", "mic-hosting-cluster"),
            ("mic-leave-register", "Leave register", R, "team-hr-admin", "year=2026", "mic-payroll-app"),
            ("mic-town-hall", "Town hall building", F, "team-fac-buildings", "floors=5;desks=310", null),
            ("mic-depot-building", "Depot building", F, "team-fac-buildings", "floors=1;desks=40", null),
            ("mic-room-booking", "Room booking system", F, "team-fac-buildings", "rooms=26", "mic-hosting-cluster"),
            ("mic-hvac-town-hall", "Climate control town hall", R, "team-fac-buildings", "setpoint-c=21", "mic-town-hall"),
            ("mic-access-control", "Access control", R, "team-fac-buildings", "badges=620", "mic-town-hall"),
            ("mic-cleaning-plan", "Cleaning plan", R, "team-fac-buildings", "frequency=daily", null),
            ("mic-fire-alarm", "Fire alarm installation", R, "team-fac-buildings", "last-inspection=2026-02-10", "mic-town-hall"),
            ("mic-lifts", "Lifts town hall", R, "team-fac-buildings", "count=3", "mic-town-hall"),
            ("mic-parking", "Staff car park", F, "team-fac-buildings", "spaces=120", null),
            ("mic-canteen", "Canteen", F, "team-fac-buildings", "seats=90", "mic-town-hall"),
            ("mic-old-pbx", "Old telephone exchange", R, "team-it-infra", "model=PBX-2000", null),
        ];

        var clock = new SampleClock(Instant.FromUtc(2026, 1, 5, 9, 0));
        var mir = ManagedInfrastructureRegister.Empty;
        foreach (var (id, name, kind, owner, attributes, runsOn) in mics)
        {
            var pairs = attributes.Split(';').Select(a => a.Split('=', 2)).Select(kv => new KeyValuePair<string, string>(kv[0], kv[1]));
            var relations = runsOn is null ? [] : new[] { new MicRelation("runs-on", runsOn) };
            mir = mir.Add(new ManagedInfrastructureComponent(id, name, kind, owner, pairs, relations), clock, "Initial registration", "CHG-0001");
        }

        clock.Set(Instant.FromUtc(2026, 3, 2, 7, 30));
        mir = mir.Update(mir.Find("mic-core-switch")!.WithAttribute("firmware", "9.3"), clock, "Security patch for the core switch", "CHG-0012");
        clock.Set(Instant.FromUtc(2026, 3, 16, 12, 0));
        mir = mir.Update(mir.Find("mic-laptop-pool")!.WithAttribute("count", "450"), clock, "Thirty laptops added for Eastbrook", "CHG-0015");
        clock.Set(Instant.FromUtc(2026, 4, 1, 18, 0));
        mir = mir.Retire("mic-old-pbx", clock, "Replaced by the telephony platform", "CHG-0019");
        return mir;
    }

    private static FunctioningMetric Metric(string id, string name, string unit, MetricDirection direction) => new(id, name, unit, direction);

    private static string ProcessManagerProfile(UsmProcess process) => "pm-" + process.ToString().ToLowerInvariant();

    /// <summary>A settable clock for building the sample's history at fixed instants.</summary>
    private sealed class SampleClock(Instant now) : IClock
    {
        private Instant _now = now;

        public Instant GetCurrentInstant() => _now;

        public void Set(Instant now) => _now = now;
    }
}
