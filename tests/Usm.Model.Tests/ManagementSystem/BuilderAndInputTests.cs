using NodaTime;
using Usm.Model.ManagementSystem;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.ManagementSystem;

public class BuilderAndInputTests
{
    private static ServiceManagementSystemBuilder Minimal() =>
        new ServiceManagementSystemBuilder("sys", "System", "prov")
            .AddParty(new Party("prov", "Provider"))
            .AddUnit(new OrganisationUnit("org", "Org", OrganisationUnitKind.Organisation))
            .AddUnit(new OrganisationUnit("team-a", "Team A", OrganisationUnitKind.Team, "org"));

    [Fact]
    public void AddParty_DuplicateId_ThrowsNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => Minimal().AddParty(new Party("prov", "Again")));
        Assert.Contains("'prov'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("party", ex.ParamName);
    }

    [Fact]
    public void AddService_DuplicateId_ThrowsNamingTheId()
    {
        var b = Minimal().AddService(new Service("svc-1", "S", "prov", "IT", new Facility(), "none"));
        var ex = Assert.Throws<ArgumentException>(() => b.AddService(new Service("svc-1", "S2", "prov", "IT", new Facility(), "none")));
        Assert.Contains("'svc-1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownReference_ThrowsNamingTheIdAndWhere()
    {
        var b = Minimal().AddPerson(new Person("p-1", "P", "team-a", ["ghost-profile"]));
        var ex = Assert.Throws<InvalidOperationException>(b.Build);
        Assert.Contains("'ghost-profile'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("people['p-1']", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PartsInAnyOrder_ResolvesReferences()
    {
        var system = new ServiceManagementSystemBuilder("sys", "System", "prov")
            .AddPerson(new Person("p-1", "P", "team-a", ["prof"]))
            .AddProfile(new Profile("prof", "Profile", "team-a"))
            .AddUnit(new OrganisationUnit("team-a", "Team A", OrganisationUnitKind.Team, "org"))
            .AddUnit(new OrganisationUnit("org", "Org", OrganisationUnitKind.Organisation))
            .AddParty(new Party("prov", "Provider"))
            .Build();
        Assert.Equal("p-1", Assert.Single(system.People).Id);
    }

    [Fact]
    public void Build_IncoherentButResolvable_BuildsAndValidateReports()
    {
        var system = Minimal().Build();
        var report = system.Validate();
        Assert.Contains(SystemRules.ProcessManager, report.RuleIds);
        Assert.Contains(SystemRules.HasMir, report.RuleIds);
        Assert.Contains(SystemRules.CallRegisters, report.RuleIds);
    }

    [Fact]
    public void Build_Twice_GivesIndependentSystems()
    {
        var b = Minimal();
        var first = b.Build();
        var second = b.AddParty(new Party("cust", "Customer")).Build();
        Assert.Single(first.Parties);
        Assert.Equal(2, second.Parties.Length);
    }

    [Fact]
    public void SupplyChainOf_UnknownService_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => SampleOrganisation.Create().SupplyChainOf("svc-ghost"));
        Assert.Contains("'svc-ghost'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("serviceId", ex.ParamName);
    }

    [Fact]
    public void Catalogue_ComponentsOf_IsTransitive()
    {
        var catalogue = SampleOrganisation.Create().Catalogue;
        Assert.Equal(["svc-email", "svc-network"], catalogue.ComponentsOf("svc-workplace").ToArray());
        Assert.Empty(catalogue.ComponentsOf("svc-email"));
        Assert.Throws<ArgumentException>(() => catalogue.ComponentsOf("svc-ghost"));
    }

    [Fact]
    public void Mir_AddExistingId_ThrowsNamingTheMic()
    {
        var mir = SampleOrganisation.Create().Mir!;
        var ex = Assert.Throws<ArgumentException>(() => mir.Add(mir.Find("mic-dns")!, FixedClock.At(2026, 9, 1), "again"));
        Assert.Contains("'mic-dns'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mir_RetireUnknown_ThrowsNamingTheMic()
    {
        var ex = Assert.Throws<ArgumentException>(() => ManagedInfrastructureRegister.Empty.Retire("mic-x", FixedClock.At(2026, 9, 1), "gone"));
        Assert.Contains("'mic-x'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mir_ClockGoingBack_Throws()
    {
        var mir = SampleOrganisation.Create().Mir!;
        var ex = Assert.Throws<ArgumentException>(() => mir.Retire("mic-dns", FixedClock.At(2025, 1, 1), "too early"));
        Assert.Contains("'mic-dns'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mir_History_RecordsWhatWhenWhyAndChange()
    {
        var mir = SampleOrganisation.Create().Mir!;
        var entries = mir.HistoryOf("mic-core-switch");
        Assert.Equal([MirChangeKind.Added, MirChangeKind.Updated], entries.Select(e => e.Kind));
        var update = entries[1];
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 7, 30), update.At);
        Assert.Equal("CHG-0012", update.ChangeId);
        Assert.Equal("9.3", update.State!.Attributes["firmware"]);
        Assert.Equal("9.2", mir.ComponentAt("mic-core-switch", Instant.FromUtc(2026, 3, 1, 0, 0))!.Attributes["firmware"]);
        Assert.Null(mir.Find("mic-old-pbx"));
        Assert.NotNull(mir.ComponentAt("mic-old-pbx", Instant.FromUtc(2026, 3, 31, 0, 0)));
    }

    [Fact]
    public void Mic_DuplicateAttribute_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ManagedInfrastructureComponent("m", "M", MicKind.InternalResource, "t", [new("a", "1"), new("a", "2")]));
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expiry_NegativeDays_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AgreementQueries.LapsingWithin([], new LocalDate(2026, 1, 1), -1));

    [Fact]
    public void AgreementQueries_NullAgreement_ThrowsAnArgumentNullExceptionNotANullReference()
    {
        var s = SampleOrganisation.Create();
        Agreement[] withNull = [s.Agreements[0], null!];
        Assert.Equal("agreements", Assert.Throws<ArgumentNullException>(() => AgreementQueries.LapsingWithin(withNull, new LocalDate(2026, 1, 1), 30)).ParamName);
        Assert.Equal("agreements", Assert.Throws<ArgumentNullException>(() => AgreementQueries.FindUnderpinningGaps(withNull, s.Catalogue)).ParamName);
    }

    [Fact]
    public void Expiry_IncludesBothEndsOfTheWindow()
    {
        static Agreement A(string id, int month, int day) => new(id, AgreementKind.ServiceAgreement, id, "p", "c", ["s"], null, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, month, day)));
        var result = AgreementQueries.LapsingWithin([A("late", 7, 2), A("edge", 7, 1), A("today", 6, 1), A("past", 5, 31)], new LocalDate(2026, 6, 1), 30);
        Assert.Equal(["today", "edge"], result.Select(a => a.Id));
    }

    [Fact]
    public void Profile_ProcessAndLineManagement_AreDerivedFromVerbs()
    {
        var s = SampleOrganisation.Create();
        Assert.Equal(["pm-improve"], s.ProcessManagersOf(UsmProcess.Improve).ToArray());
        Assert.True(s.Profiles.Single(p => p.Id == "line-manager-it").IsLineManager);
        Assert.False(s.Profiles.Single(p => p.Id == "coordinator").IsProcessManager);
    }

    [Fact]
    public void ProviderLink_BlankSupplier_Throws() =>
        Assert.Throws<ArgumentException>(() => new ProviderLink("p", null, ["ok", " "]));
}

public class NetworkTests
{
    [Fact]
    public void FindCycle_LongChain_DoesNotOverflowAndFindsTheClosingEdge()
    {
        const int n = 30_000;
        var links = Enumerable.Range(0, n).Select(i => new ProviderLink("p" + i, null, i + 1 < n ? ["p" + (i + 1)] : [])).ToList();
        Assert.False(new ProviderNetwork(links).HasCycle);
        Assert.Equal(n - 1, new ProviderNetwork(links).SupplyChainOf("p0").Length);
        links[^1] = new ProviderLink("p" + (n - 1), null, ["p0"]);
        var cycle = new ProviderNetwork(links).FindCycle();
        Assert.Equal(n + 1, cycle.Length);
        Assert.Equal(cycle[0], cycle[^1]);
    }

    [Fact]
    public void FindCycle_SelfSupply_IsACycle() =>
        Assert.Equal(["a", "a"], new ProviderNetwork([new ProviderLink("a", null, ["a"])]).FindCycle().ToArray());
}
