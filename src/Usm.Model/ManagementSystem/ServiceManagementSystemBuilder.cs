using System.Runtime.CompilerServices;
using Usm.Model.Internal;
using Usm.Model.Routines;

namespace Usm.Model.ManagementSystem;

/// <summary>
/// Builds a <see cref="ServiceManagementSystem"/> step by step and fails fast on programmer errors: an <c>Add...</c>
/// call with an id that is already taken throws at once, and <see cref="Build"/> throws when any reference is unknown.
/// </summary>
/// <remarks>
/// <para>The builder is mutable and not thread-safe; every <see cref="Build"/> returns a new immutable system, so
/// systems built earlier never change when the builder goes on.</para>
/// <para>Parts may be added in any order; references are resolved only in <see cref="Build"/>.</para>
/// </remarks>
/// <example>
/// <code>
/// var system = new ServiceManagementSystemBuilder("ssc", "Shared-service centre", "ssc")
///     .AddParty(new Party("ssc", "Shared-service centre"))
///     .AddUnit(new OrganisationUnit("ssc-org", "SSC", OrganisationUnitKind.Organisation))
///     .WithSdcTool(new SdcTool("ServiceDesk", registers, ManagedInfrastructureRegister.Empty))
///     .Build();
/// </code>
/// </example>
public sealed class ServiceManagementSystemBuilder
{
    private readonly string _id;
    private readonly string _name;
    private readonly string _providerId;
    private readonly List<string> _disciplines = [];
    private readonly List<string> _scopeTeamIds = [];
    private readonly List<Party> _parties = [];
    private readonly List<ProviderLink> _links = [];
    private readonly List<ServiceUser> _users = [];
    private readonly List<Requester> _requesters = [];
    private readonly List<OrganisationUnit> _units = [];
    private readonly List<Profile> _profiles = [];
    private readonly List<Person> _people = [];
    private readonly HashSet<SeparationPrinciple> _separation = [];
    private readonly List<Workflow> _routines = [];
    private readonly HashSet<WorkflowPattern> _patterns = [];
    private readonly List<Service> _services = [];
    private readonly List<Agreement> _agreements = [];
    private readonly List<MechanisationTool> _mechanisation = [];
    private readonly List<NonAutomatedTool> _nonAutomated = [];
    private SdcTool _sdcTool = new("SDC tool", [], null);
    private ToolingStrategy _strategy = ToolingStrategy.Erp;

    /// <summary>Starts a builder.</summary>
    /// <param name="id">The system's id.</param>
    /// <param name="name">The system's name.</param>
    /// <param name="providerId">The party id of the service provider whose system this is.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="providerId"/> is blank.</exception>
    public ServiceManagementSystemBuilder(string id, string name, string providerId)
    {
        _id = Preconditions.CheckNotBlank(id);
        _name = Preconditions.CheckNotNull(name);
        _providerId = Preconditions.CheckNotBlank(providerId);
    }

    internal ServiceManagementSystemBuilder(ServiceManagementSystem system)
        : this(system.Id, system.Name, system.ProviderId)
    {
        _disciplines.AddRange(system.Disciplines);
        _scopeTeamIds.AddRange(system.ScopeTeamIds);
        _parties.AddRange(system.Parties);
        _links.AddRange(system.Links);
        _users.AddRange(system.Users);
        _requesters.AddRange(system.Requesters);
        _units.AddRange(system.Units);
        _profiles.AddRange(system.Profiles);
        _people.AddRange(system.People);
        _separation.UnionWith(system.SeparationPrinciples);
        _routines.AddRange(system.Routines);
        _patterns.UnionWith(system.PatternsInUse);
        _services.AddRange(system.Services);
        _agreements.AddRange(system.Agreements);
        _mechanisation.AddRange(system.Technology.MechanisationTools);
        _nonAutomated.AddRange(system.Technology.NonAutomatedTools);
        _sdcTool = system.Technology.SdcTool;
        _strategy = system.Technology.Strategy;
    }

    /// <summary>Adds disciplines to the scope (an open set; repeats are ignored).</summary>
    /// <param name="disciplines">The disciplines, for example "IT", "HR", "Facilities".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A discipline is null or blank.</exception>
    public ServiceManagementSystemBuilder AddDisciplines(params string[] disciplines)
    {
        foreach (var d in Ids.From(disciplines, nameof(disciplines)).Where(d => !_disciplines.Contains(d, StringComparer.Ordinal)))
        {
            _disciplines.Add(d);
        }

        return this;
    }

    /// <summary>Adds teams to the scope.</summary>
    /// <param name="teamIds">The teams' organisation-unit ids.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">An id is blank or already in scope.</exception>
    public ServiceManagementSystemBuilder AddScopeTeams(params string[] teamIds)
    {
        foreach (var id in Ids.From(teamIds, nameof(teamIds)))
        {
            Unique(_scopeTeamIds.Contains(id, StringComparer.Ordinal), "scope team", id, nameof(teamIds));
            _scopeTeamIds.Add(id);
        }

        return this;
    }

    /// <summary>Adds a party.</summary>
    /// <param name="party">The party.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="party"/> is null.</exception>
    /// <exception cref="ArgumentException">A party with that id exists.</exception>
    public ServiceManagementSystemBuilder AddParty(Party party) => Add(_parties, party, p => p.Id, "party");

    /// <summary>Adds a provider link.</summary>
    /// <param name="link">The link.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is null.</exception>
    /// <exception cref="ArgumentException">A link for that provider exists.</exception>
    public ServiceManagementSystemBuilder AddLink(ProviderLink link) => Add(_links, link, l => l.ProviderId, "link for provider");

    /// <summary>Adds a user.</summary>
    /// <param name="user">The user.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is null.</exception>
    /// <exception cref="ArgumentException">A user with that id exists.</exception>
    public ServiceManagementSystemBuilder AddUser(ServiceUser user) => Add(_users, user, u => u.Id, "user");

    /// <summary>Adds a requester.</summary>
    /// <param name="requester">The requester.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requester"/> is null.</exception>
    /// <exception cref="ArgumentException">A requester with that id exists.</exception>
    public ServiceManagementSystemBuilder AddRequester(Requester requester) => Add(_requesters, requester, r => r.Id, "requester");

    /// <summary>Adds an organisation unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    /// <exception cref="ArgumentException">A unit with that id exists.</exception>
    public ServiceManagementSystemBuilder AddUnit(OrganisationUnit unit) => Add(_units, unit, u => u.Id, "organisation unit");

    /// <summary>Adds a profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">A profile with that id exists.</exception>
    public ServiceManagementSystemBuilder AddProfile(Profile profile) => Add(_profiles, profile, p => p.Id, "profile");

    /// <summary>Adds a person.</summary>
    /// <param name="person">The person.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="person"/> is null.</exception>
    /// <exception cref="ArgumentException">A person with that id exists.</exception>
    public ServiceManagementSystemBuilder AddPerson(Person person) => Add(_people, person, p => p.Id, "person");

    /// <summary>Applies a separation-of-duties principle.</summary>
    /// <param name="principle">The principle.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="principle"/> is undefined.</exception>
    public ServiceManagementSystemBuilder ApplySeparation(SeparationPrinciple principle)
    {
        _separation.Add(Preconditions.CheckDefined(principle));
        return this;
    }

    /// <summary>Adds a routine and marks the patterns it follows as in use.</summary>
    /// <param name="routine">The routine.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="routine"/> is null.</exception>
    /// <exception cref="ArgumentException">A routine with that id exists.</exception>
    public ServiceManagementSystemBuilder AddRoutine(Workflow routine)
    {
        Add(_routines, routine, w => w.Id, "routine");
        _patterns.UnionWith(routine.Patterns);
        return this;
    }

    /// <summary>Marks patterns as in use (each then needs a conforming routine).</summary>
    /// <param name="patterns">The patterns.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A pattern is null.</exception>
    public ServiceManagementSystemBuilder UsePatterns(params WorkflowPattern[] patterns)
    {
        _patterns.UnionWith(Ids.Items(patterns, nameof(patterns)));
        return this;
    }

    /// <summary>Adds a service to the catalogue.</summary>
    /// <param name="service">The service.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="service"/> is null.</exception>
    /// <exception cref="ArgumentException">A service with that id exists.</exception>
    public ServiceManagementSystemBuilder AddService(Service service) => Add(_services, service, s => s.Id, "service");

    /// <summary>Adds an agreement (SA, OLA or UC).</summary>
    /// <param name="agreement">The agreement.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agreement"/> is null.</exception>
    /// <exception cref="ArgumentException">An agreement with that id exists.</exception>
    public ServiceManagementSystemBuilder AddAgreement(Agreement agreement) => Add(_agreements, agreement, a => a.Id, "agreement");

    /// <summary>Sets the SDC tool (with its call registers and MIR).</summary>
    /// <param name="sdcTool">The tool.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sdcTool"/> is null.</exception>
    public ServiceManagementSystemBuilder WithSdcTool(SdcTool sdcTool)
    {
        _sdcTool = Preconditions.CheckNotNull(sdcTool);
        return this;
    }

    /// <summary>Replaces the SDC tool's MIR.</summary>
    /// <param name="mir">The register.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mir"/> is null.</exception>
    public ServiceManagementSystemBuilder WithMir(ManagedInfrastructureRegister mir)
    {
        _sdcTool = _sdcTool.WithMir(Preconditions.CheckNotNull(mir));
        return this;
    }

    /// <summary>Sets the tooling strategy.</summary>
    /// <param name="strategy">ERP or best-of-breed.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strategy"/> is undefined.</exception>
    public ServiceManagementSystemBuilder WithToolingStrategy(ToolingStrategy strategy)
    {
        _strategy = Preconditions.CheckDefined(strategy);
        return this;
    }

    /// <summary>Adds a mechanisation tool.</summary>
    /// <param name="tool">The tool.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tool"/> is null.</exception>
    /// <exception cref="ArgumentException">A tool with that id exists.</exception>
    public ServiceManagementSystemBuilder AddMechanisationTool(MechanisationTool tool) => Add(_mechanisation, tool, t => t.Id, "mechanisation tool");

    /// <summary>Adds a non-automated tool.</summary>
    /// <param name="tool">The tool.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tool"/> is null.</exception>
    /// <exception cref="ArgumentException">A tool with that id exists.</exception>
    public ServiceManagementSystemBuilder AddNonAutomatedTool(NonAutomatedTool tool) => Add(_nonAutomated, tool, t => t.Id, "non-automated tool");

    /// <summary>
    /// Builds the system. Every reference must resolve: the build fails when validation reports any of
    /// <see cref="SystemRules.ReferenceRules"/>. Other findings (a missing SA, a gap in underpinning, ...) do not stop
    /// the build; call <see cref="ServiceManagementSystem.Validate"/> for them.
    /// </summary>
    /// <returns>A new system.</returns>
    /// <exception cref="InvalidOperationException">A reference is unknown; the message lists each unknown id and where it is used.</exception>
    public ServiceManagementSystem Build()
    {
        var system = new ServiceManagementSystem(
            _id,
            _name,
            _providerId,
            _disciplines,
            _scopeTeamIds,
            _parties,
            _links,
            _users,
            _requesters,
            _units,
            _profiles,
            _people,
            _separation,
            _routines,
            _patterns,
            new Technology(_sdcTool, _strategy, _mechanisation, _nonAutomated),
            _services,
            _agreements);
        var unknown = system.Validate().Findings.Where(f => SystemRules.ReferenceRules.Contains(f.RuleId)).ToList();
        Preconditions.CheckState(unknown.Count == 0, Preconditions.Invariant($"System '{_id}' has unknown references:{Environment.NewLine}{string.Join(Environment.NewLine, unknown)}"));
        return system;
    }

    private ServiceManagementSystemBuilder Add<T>(List<T> list, T item, Func<T, string> id, string what, [CallerArgumentExpression(nameof(item))] string paramName = "")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(item, paramName);
        var key = id(item);
        Unique(list.Any(x => id(x) == key), what, key, paramName);
        list.Add(item);
        return this;
    }

    private static void Unique(bool taken, string what, string id, string paramName) =>
        Preconditions.CheckArgument(!taken, paramName, Preconditions.Invariant($"Duplicate {what} id '{id}'."));
}
