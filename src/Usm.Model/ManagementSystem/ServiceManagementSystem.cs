using System.Collections.Immutable;
using Usm.Model.Internal;
using Usm.Model.Routines;

namespace Usm.Model.ManagementSystem;

/// <summary>
/// A service management system: the coherent set of an organisation's resources (people, processes and technology)
/// with which it delivers services to customers, together with its services, agreements and place in the supply
/// network. It applies to any discipline and to one team, several teams or a whole enterprise.
/// </summary>
/// <remarks>
/// <para>The aggregate is immutable: the <c>With...</c> methods and <see cref="ToBuilder"/> produce new versions and
/// leave this one unchanged. The constructor is lenient: it rejects only nulls, and an incoherent system (unknown
/// references, missing agreements, ...) is a normal object. <see cref="Validate"/> reports what is wrong as findings
/// with stable rule ids <c>USM-SMS-001</c> to <c>USM-SMS-023</c> (see docs/management-system.md). The
/// <see cref="ServiceManagementSystemBuilder"/> is strict and fails fast on duplicate ids and unknown references.</para>
/// <para>Equality is structural: every property, with collections compared in order (separation principles and
/// patterns in use are kept sorted, so their input order does not matter). Serialisers can use it for round trips.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ServiceManagementSystem : IEquatable<ServiceManagementSystem>
{
    /// <summary>Creates a system. Every collection may be empty; nothing is checked beyond nulls.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="providerId">The party id of the service provider whose system this is.</param>
    /// <param name="disciplines">The disciplines in scope (an open set: "IT", "HR", "Facilities", ...).</param>
    /// <param name="scopeTeamIds">The teams covered (organisation-unit ids).</param>
    /// <param name="parties">The parties: the provider, customers, suppliers and partners.</param>
    /// <param name="links">The provider links of the supply network.</param>
    /// <param name="users">The users that customers authorise.</param>
    /// <param name="requesters">The known requesters.</param>
    /// <param name="units">The organisation units (a tree).</param>
    /// <param name="profiles">The profiles.</param>
    /// <param name="people">The people.</param>
    /// <param name="separationPrinciples">The separation-of-duties principles the organisation applies.</param>
    /// <param name="routines">The organisation's routines (workflows) per pattern.</param>
    /// <param name="patternsInUse">The workflow patterns the organisation uses.</param>
    /// <param name="technology">The technology: SDC tool with call registers and MIR, other tools, strategy.</param>
    /// <param name="services">The service catalogue's services.</param>
    /// <param name="agreements">The SAs, OLAs and UCs.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or a collection holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="providerId"/> is blank.</exception>
    public ServiceManagementSystem(
        string id,
        string name,
        string providerId,
        IEnumerable<string>? disciplines,
        IEnumerable<string>? scopeTeamIds,
        IEnumerable<Party>? parties,
        IEnumerable<ProviderLink>? links,
        IEnumerable<ServiceUser>? users,
        IEnumerable<Requester>? requesters,
        IEnumerable<OrganisationUnit>? units,
        IEnumerable<Profile>? profiles,
        IEnumerable<Person>? people,
        IEnumerable<SeparationPrinciple>? separationPrinciples,
        IEnumerable<Workflow>? routines,
        IEnumerable<WorkflowPattern>? patternsInUse,
        Technology technology,
        IEnumerable<Service>? services,
        IEnumerable<Agreement>? agreements)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        ProviderId = Preconditions.CheckNotBlank(providerId);
        Disciplines = Ids.From(disciplines, nameof(disciplines));
        ScopeTeamIds = Ids.From(scopeTeamIds, nameof(scopeTeamIds));
        Parties = Ids.Items(parties, nameof(parties));
        Links = Ids.Items(links, nameof(links));
        Users = Ids.Items(users, nameof(users));
        Requesters = Ids.Items(requesters, nameof(requesters));
        Units = Ids.Items(units, nameof(units));
        Profiles = Ids.Items(profiles, nameof(profiles));
        People = Ids.Items(people, nameof(people));
        SeparationPrinciples = separationPrinciples is null ? [] : [.. separationPrinciples.Select(p => Preconditions.CheckDefined(p, nameof(separationPrinciples))).Distinct().Order()];
        Routines = Ids.Items(routines, nameof(routines));
        PatternsInUse = patternsInUse is null ? [] : [.. Ids.Items(patternsInUse, nameof(patternsInUse)).Distinct().Order()];
        Technology = Preconditions.CheckNotNull(technology);
        Services = Ids.Items(services, nameof(services));
        Agreements = Ids.Items(agreements, nameof(agreements));
        Catalogue = new ServiceCatalogue(Services);
        Network = new ProviderNetwork(Links);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the service provider's party id.</summary>
    public string ProviderId { get; }

    /// <summary>Gets the disciplines in scope.</summary>
    public ImmutableArray<string> Disciplines { get; }

    /// <summary>Gets the teams covered.</summary>
    public ImmutableArray<string> ScopeTeamIds { get; }

    /// <summary>Gets the parties.</summary>
    public ImmutableArray<Party> Parties { get; }

    /// <summary>Gets the provider links.</summary>
    public ImmutableArray<ProviderLink> Links { get; }

    /// <summary>Gets the users.</summary>
    public ImmutableArray<ServiceUser> Users { get; }

    /// <summary>Gets the requesters.</summary>
    public ImmutableArray<Requester> Requesters { get; }

    /// <summary>Gets the organisation units.</summary>
    public ImmutableArray<OrganisationUnit> Units { get; }

    /// <summary>Gets the profiles.</summary>
    public ImmutableArray<Profile> Profiles { get; }

    /// <summary>Gets the people.</summary>
    public ImmutableArray<Person> People { get; }

    /// <summary>Gets the separation-of-duties principles applied, in enum order.</summary>
    public ImmutableArray<SeparationPrinciple> SeparationPrinciples { get; }

    /// <summary>Gets the routines.</summary>
    public ImmutableArray<Workflow> Routines { get; }

    /// <summary>Gets the workflow patterns in use, ordered by number.</summary>
    public ImmutableArray<WorkflowPattern> PatternsInUse { get; }

    /// <summary>Gets the technology.</summary>
    public Technology Technology { get; }

    /// <summary>Gets the services.</summary>
    public ImmutableArray<Service> Services { get; }

    /// <summary>Gets the agreements.</summary>
    public ImmutableArray<Agreement> Agreements { get; }

    /// <summary>Gets the service catalogue built from <see cref="Services"/>.</summary>
    public ServiceCatalogue Catalogue { get; }

    /// <summary>Gets the supply network built from <see cref="Links"/>.</summary>
    public ProviderNetwork Network { get; }

    /// <summary>Gets the MIR held by the SDC tool, or null.</summary>
    public ManagedInfrastructureRegister? Mir => Technology.SdcTool.Mir;

    /// <summary>Validates the system against the rules <c>USM-SMS-001</c> to <c>USM-SMS-023</c>. Never throws for an incoherent system.</summary>
    /// <returns>The findings, ordered by rule id, then path, then message (ordinal), so the result does not depend on the order in which parts were added.</returns>
    public FindingReport Validate() => SystemValidator.Validate(this);

    /// <summary>
    /// Gets the supply chain behind a service: every party reachable through supplier edges from the service's provider.
    /// </summary>
    /// <param name="serviceId">The service id.</param>
    /// <returns>The supplier ids, sorted ordinally.</returns>
    /// <exception cref="ArgumentException">No service has that id; the message names it.</exception>
    public ImmutableArray<string> SupplyChainOf(string serviceId)
    {
        var service = Catalogue.Find(serviceId) ?? throw new ArgumentException(Preconditions.Invariant($"Unknown service id '{serviceId}'."), nameof(serviceId));
        return Network.SupplyChainOf(service.ProviderId);
    }

    /// <summary>Gets the underpinning gaps of every SA (see <see cref="AgreementQueries.FindUnderpinningGaps"/>).</summary>
    /// <returns>The gaps.</returns>
    public ImmutableArray<UnderpinningGap> FindUnderpinningGaps() => AgreementQueries.FindUnderpinningGaps(Agreements, Catalogue);

    /// <summary>Gets the agreements that lapse within a number of days of a date (see <see cref="AgreementQueries.LapsingWithin"/>).</summary>
    /// <param name="date">The reference date.</param>
    /// <param name="days">The horizon in days.</param>
    /// <returns>The agreements, by end date then id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <remarks>A horizon beyond <see cref="NodaTime.LocalDate.MaxIsoValue"/> ends there.</remarks>
    public ImmutableArray<Agreement> AgreementsLapsingWithin(NodaTime.LocalDate date, int days) => AgreementQueries.LapsingWithin(Agreements, date, days);

    /// <summary>Gets the ids of the profiles that manage a process (its process managers), sorted ordinally.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The profile ids.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="process"/> is undefined.</exception>
    public ImmutableArray<string> ProcessManagersOf(UsmProcess process)
    {
        Preconditions.CheckDefined(process);
        return [.. Profiles.Where(p => p.ManagedProcesses.Contains(process)).Select(p => p.Id).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Routes a customer request: decides the call type and pattern with <see cref="RequestRouter"/> against this
    /// system's MIR (an empty one if there is none), then adds where the call goes: the registered routines that can
    /// run it, the process managers of the triggered process and the internal teams that contribute to the service
    /// concerned. All id lists are sorted ordinally.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request names a service that is not in the catalogue; the message names it.</exception>
    public RoutingDecision Route(CustomerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var service = request.ServiceId is null ? null
            : Catalogue.Find(request.ServiceId) ?? throw new ArgumentException(Preconditions.Invariant($"Request '{request.Id}' names the unknown service '{request.ServiceId}'."), nameof(request));
        IEnumerable<string> teams = service is null ? [] : service.Contributions.Where(c => c.Kind == ContributorKind.Team).Select(c => c.ContributorId).Distinct().Order(StringComparer.Ordinal);
        var basic = RequestRouter.Route(request, Mir ?? ManagedInfrastructureRegister.Empty);
        var candidates = basic.CandidatePatterns;
        var registered = Technology.SdcTool.Registers.Where(r => r.CallType == basic.CallType).SelectMany(r => r.RoutineIds).ToHashSet(StringComparer.Ordinal);
        var routines = Routines.Where(w => registered.Contains(w.Id) && w.Trigger == basic.CallType && w.Patterns.Any(candidates.Contains))
            .Select(w => w.Id).Distinct().Order(StringComparer.Ordinal);
        return new RoutingDecision(basic.RequestId, basic.CallType, basic.Pattern, basic.Reason, basic.ManagedModifications, routines, basic.OwnerTeamIds, ProcessManagersOf(basic.Process), teams);
    }

    /// <summary>Returns a builder that starts from this system.</summary>
    /// <returns>A new builder; changing it does not change this system.</returns>
    public ServiceManagementSystemBuilder ToBuilder() => new(this);

    /// <summary>Returns a copy with other services.</summary>
    /// <param name="services">The services.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithServices(IEnumerable<Service> services) => Copy(services: services);

    /// <summary>Returns a copy with other agreements.</summary>
    /// <param name="agreements">The agreements.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithAgreements(IEnumerable<Agreement> agreements) => Copy(agreements: agreements);

    /// <summary>Returns a copy with other parties and links.</summary>
    /// <param name="parties">The parties.</param>
    /// <param name="links">The links.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithParties(IEnumerable<Party> parties, IEnumerable<ProviderLink> links) => Copy(parties: parties, links: links);

    /// <summary>Returns a copy with other people-related parts.</summary>
    /// <param name="units">The organisation units.</param>
    /// <param name="profiles">The profiles.</param>
    /// <param name="people">The people.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithPeople(IEnumerable<OrganisationUnit> units, IEnumerable<Profile> profiles, IEnumerable<Person> people) => Copy(units: units, profiles: profiles, people: people);

    /// <summary>Returns a copy with other separation-of-duties principles.</summary>
    /// <param name="principles">The principles applied.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithSeparationPrinciples(IEnumerable<SeparationPrinciple> principles) => Copy(separationPrinciples: principles);

    /// <summary>Returns a copy with other routines and patterns in use.</summary>
    /// <param name="routines">The routines.</param>
    /// <param name="patternsInUse">The patterns in use.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithRoutines(IEnumerable<Workflow> routines, IEnumerable<WorkflowPattern> patternsInUse) => Copy(routines: routines, patternsInUse: patternsInUse);

    /// <summary>Returns a copy with other technology.</summary>
    /// <param name="technology">The technology.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithTechnology(Technology technology) => Copy(technology: Preconditions.CheckNotNull(technology));

    /// <summary>Returns a copy with another scope.</summary>
    /// <param name="disciplines">The disciplines.</param>
    /// <param name="scopeTeamIds">The teams covered.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithScope(IEnumerable<string> disciplines, IEnumerable<string> scopeTeamIds) => Copy(disciplines: disciplines, scopeTeamIds: scopeTeamIds);

    /// <summary>Returns a copy with other users and requesters.</summary>
    /// <param name="users">The users.</param>
    /// <param name="requesters">The requesters.</param>
    /// <returns>A new system; this one is unchanged.</returns>
    public ServiceManagementSystem WithUsers(IEnumerable<ServiceUser> users, IEnumerable<Requester> requesters) => Copy(users: users, requesters: requesters);

    /// <inheritdoc />
    public bool Equals(ServiceManagementSystem? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Name == other.Name
                && ProviderId == other.ProviderId
                && Hashing.SequenceEqual(Disciplines, other.Disciplines)
                && Hashing.SequenceEqual(ScopeTeamIds, other.ScopeTeamIds)
                && Hashing.SequenceEqual(Parties, other.Parties)
                && Hashing.SequenceEqual(Links, other.Links)
                && Hashing.SequenceEqual(Users, other.Users)
                && Hashing.SequenceEqual(Requesters, other.Requesters)
                && Hashing.SequenceEqual(Units, other.Units)
                && Hashing.SequenceEqual(Profiles, other.Profiles)
                && Hashing.SequenceEqual(People, other.People)
                && Hashing.SequenceEqual(SeparationPrinciples, other.SeparationPrinciples)
                && Hashing.SequenceEqual(Routines, other.Routines)
                && Hashing.SequenceEqual(PatternsInUse, other.PatternsInUse)
                && Technology.Equals(other.Technology)
                && Hashing.SequenceEqual(Services, other.Services)
                && Hashing.SequenceEqual(Agreements, other.Agreements)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ServiceManagementSystem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, ProviderId, Services.Length, Agreements.Length, People.Length, Technology);

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Id} ({Name}): {Services.Length} services, {Agreements.Length} agreements, {People.Length} people, {Mir?.Count ?? 0} MICs");

    private ServiceManagementSystem Copy(
        IEnumerable<string>? disciplines = null,
        IEnumerable<string>? scopeTeamIds = null,
        IEnumerable<Party>? parties = null,
        IEnumerable<ProviderLink>? links = null,
        IEnumerable<ServiceUser>? users = null,
        IEnumerable<Requester>? requesters = null,
        IEnumerable<OrganisationUnit>? units = null,
        IEnumerable<Profile>? profiles = null,
        IEnumerable<Person>? people = null,
        IEnumerable<SeparationPrinciple>? separationPrinciples = null,
        IEnumerable<Workflow>? routines = null,
        IEnumerable<WorkflowPattern>? patternsInUse = null,
        Technology? technology = null,
        IEnumerable<Service>? services = null,
        IEnumerable<Agreement>? agreements = null) =>
        new(
            Id,
            Name,
            ProviderId,
            disciplines ?? Disciplines,
            scopeTeamIds ?? ScopeTeamIds,
            parties ?? Parties,
            links ?? Links,
            users ?? Users,
            requesters ?? Requesters,
            units ?? Units,
            profiles ?? Profiles,
            people ?? People,
            separationPrinciples ?? SeparationPrinciples,
            routines ?? Routines,
            patternsInUse ?? PatternsInUse,
            technology ?? Technology,
            services ?? Services,
            agreements ?? Agreements);
}
