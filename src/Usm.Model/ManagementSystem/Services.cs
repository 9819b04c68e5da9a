using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.ManagementSystem;

/// <summary>Whether a higher or a lower value of a functioning metric is better.</summary>
public enum MetricDirection
{
    /// <summary>Higher is better (for example availability in percent); a target is a minimum.</summary>
    HigherIsBetter = 1,

    /// <summary>Lower is better (for example resolution time in hours); a target is a maximum.</summary>
    LowerIsBetter = 2,
}

/// <summary>Who contributes to a service: an internal team (underpinned by an OLA) or a supplier (underpinned by a UC).</summary>
public enum ContributorKind
{
    /// <summary>An internal team (an <see cref="OrganisationUnit"/>); its contribution needs an operational level agreement.</summary>
    Team = 1,

    /// <summary>An external supplier (a <see cref="Party"/>); its contribution needs an underpinning contract.</summary>
    Supplier = 2,
}

/// <summary>The facility of a service: the goods and actions the provider makes available.</summary>
/// <remarks>Equality compares both lists in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Facility : IEquatable<Facility>
{
    /// <summary>Creates a facility.</summary>
    /// <param name="goods">The goods, for example "laptop" or "office desk".</param>
    /// <param name="actions">The actions, for example "payroll run".</param>
    /// <exception cref="ArgumentException">A list holds a null or blank entry.</exception>
    public Facility(IEnumerable<string>? goods = null, IEnumerable<string>? actions = null)
    {
        Goods = Ids.From(goods, nameof(goods));
        Actions = Ids.From(actions, nameof(actions));
    }

    /// <summary>Gets the goods.</summary>
    public ImmutableArray<string> Goods { get; }

    /// <summary>Gets the actions.</summary>
    public ImmutableArray<string> Actions { get; }

    /// <inheritdoc />
    public bool Equals(Facility? other) => other is not null && Hashing.SequenceEqual(Goods, other.Goods) && Hashing.SequenceEqual(Actions, other.Actions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Facility other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Hashing.Sequence(Goods), Hashing.Sequence(Actions));

    /// <inheritdoc />
    public override string ToString() => $"{Goods.Length} goods, {Actions.Length} actions";
}

/// <summary>A measurable aspect of how well a service performs (its functioning), such as availability.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class FunctioningMetric : IEquatable<FunctioningMetric>
{
    /// <summary>Creates a metric.</summary>
    /// <param name="id">The id, unique within its service.</param>
    /// <param name="name">The name, for example "Availability".</param>
    /// <param name="unit">The unit, for example "%" or "hours".</param>
    /// <param name="direction">Whether higher or lower is better.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is undefined.</exception>
    public FunctioningMetric(string id, string name, string unit, MetricDirection direction)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Unit = Preconditions.CheckNotNull(unit);
        Direction = Preconditions.CheckDefined(direction);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the unit.</summary>
    public string Unit { get; }

    /// <summary>Gets whether higher or lower values are better.</summary>
    public MetricDirection Direction { get; }

    /// <inheritdoc />
    public bool Equals(FunctioningMetric? other) => other is not null && Id == other.Id && Name == other.Name && Unit == other.Unit && Direction == other.Direction;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FunctioningMetric other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Unit, Direction);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name}, {Unit})";
}

/// <summary>What one internal team or supplier contributes to a service.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Contribution : IEquatable<Contribution>
{
    /// <summary>Creates a contribution.</summary>
    /// <param name="contributorId">The team's organisation-unit id, or the supplier's party id.</param>
    /// <param name="kind">Team or supplier.</param>
    /// <param name="description">What the contributor delivers.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="contributorId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public Contribution(string contributorId, ContributorKind kind, string description)
    {
        ContributorId = Preconditions.CheckNotBlank(contributorId);
        Kind = Preconditions.CheckDefined(kind);
        Description = Preconditions.CheckNotNull(description);
    }

    /// <summary>Gets the contributor's id.</summary>
    public string ContributorId { get; }

    /// <summary>Gets whether the contributor is a team or a supplier.</summary>
    public ContributorKind Kind { get; }

    /// <summary>Gets what the contributor delivers.</summary>
    public string Description { get; }

    /// <summary>Gets the kind of agreement that must underpin this contribution: an OLA for a team, a UC for a supplier.</summary>
    public AgreementKind RequiredAgreement => Kind == ContributorKind.Team ? AgreementKind.OperationalLevelAgreement : AgreementKind.UnderpinningContract;

    /// <inheritdoc />
    public bool Equals(Contribution? other) => other is not null && ContributorId == other.ContributorId && Kind == other.Kind && Description == other.Description;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Contribution other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ContributorId, Kind, Description);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {ContributorId}: {Description}";
}

/// <summary>
/// A service: a supported facility. The facility consists of goods and actions; support is the help users get while
/// using it. The service is specified on functionality (what it does) and functioning (how well it performs, as
/// metrics that agreements set targets on).
/// </summary>
/// <remarks>Equality compares every property; lists compare in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Service : IEquatable<Service>
{
    /// <summary>Creates a service.</summary>
    /// <param name="id">The id, unique in the catalogue.</param>
    /// <param name="name">The name.</param>
    /// <param name="providerId">The party id of the provider that delivers it.</param>
    /// <param name="discipline">The discipline, for example "IT", "HR" or "Facilities" (an open set).</param>
    /// <param name="facility">The goods and actions.</param>
    /// <param name="support">The support users get while using the facility.</param>
    /// <param name="functionality">What the service does, as statements.</param>
    /// <param name="functioning">How well it performs, as metrics.</param>
    /// <param name="componentServiceIds">The ids of the underlying services this one is composed of.</param>
    /// <param name="contributions">What internal teams and suppliers contribute.</param>
    /// <param name="micIds">The ids of the managed infrastructure components that realise it.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">An id is blank, or a list holds null (<see cref="ArgumentNullException"/>).</exception>
    public Service(
        string id,
        string name,
        string providerId,
        string discipline,
        Facility facility,
        string support,
        IEnumerable<string>? functionality = null,
        IEnumerable<FunctioningMetric>? functioning = null,
        IEnumerable<string>? componentServiceIds = null,
        IEnumerable<Contribution>? contributions = null,
        IEnumerable<string>? micIds = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        ProviderId = Preconditions.CheckNotBlank(providerId);
        Discipline = Preconditions.CheckNotBlank(discipline);
        Facility = Preconditions.CheckNotNull(facility);
        Support = Preconditions.CheckNotNull(support);
        Functionality = Ids.From(functionality, nameof(functionality));
        Functioning = Ids.Items(functioning, nameof(functioning));
        ComponentServiceIds = Ids.From(componentServiceIds, nameof(componentServiceIds));
        Contributions = Ids.Items(contributions, nameof(contributions));
        MicIds = Ids.From(micIds, nameof(micIds));
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the provider's party id.</summary>
    public string ProviderId { get; }

    /// <summary>Gets the discipline.</summary>
    public string Discipline { get; }

    /// <summary>Gets the facility (goods and actions).</summary>
    public Facility Facility { get; }

    /// <summary>Gets the support description.</summary>
    public string Support { get; }

    /// <summary>Gets the functionality statements.</summary>
    public ImmutableArray<string> Functionality { get; }

    /// <summary>Gets the functioning metrics.</summary>
    public ImmutableArray<FunctioningMetric> Functioning { get; }

    /// <summary>Gets the ids of the underlying services.</summary>
    public ImmutableArray<string> ComponentServiceIds { get; }

    /// <summary>Gets the contributions of internal teams and suppliers.</summary>
    public ImmutableArray<Contribution> Contributions { get; }

    /// <summary>Gets the ids of the managed infrastructure components that realise the service.</summary>
    public ImmutableArray<string> MicIds { get; }

    /// <summary>Returns a copy with other contributions.</summary>
    /// <param name="contributions">The contributions.</param>
    /// <returns>A new service; this one is unchanged.</returns>
    public Service WithContributions(IEnumerable<Contribution> contributions) =>
        new(Id, Name, ProviderId, Discipline, Facility, Support, Functionality, Functioning, ComponentServiceIds, contributions, MicIds);

    /// <summary>Returns a copy with other underlying services.</summary>
    /// <param name="componentServiceIds">The ids of the underlying services.</param>
    /// <returns>A new service; this one is unchanged.</returns>
    public Service WithComponents(IEnumerable<string> componentServiceIds) =>
        new(Id, Name, ProviderId, Discipline, Facility, Support, Functionality, Functioning, componentServiceIds, Contributions, MicIds);

    /// <summary>Returns a copy with other managed infrastructure components.</summary>
    /// <param name="micIds">The MIC ids.</param>
    /// <returns>A new service; this one is unchanged.</returns>
    public Service WithMics(IEnumerable<string> micIds) =>
        new(Id, Name, ProviderId, Discipline, Facility, Support, Functionality, Functioning, ComponentServiceIds, Contributions, micIds);

    /// <inheritdoc />
    public bool Equals(Service? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && ProviderId == other.ProviderId
        && Discipline == other.Discipline
        && Facility.Equals(other.Facility)
        && Support == other.Support
        && Hashing.SequenceEqual(Functionality, other.Functionality)
        && Hashing.SequenceEqual(Functioning, other.Functioning)
        && Hashing.SequenceEqual(ComponentServiceIds, other.ComponentServiceIds)
        && Hashing.SequenceEqual(Contributions, other.Contributions)
        && Hashing.SequenceEqual(MicIds, other.MicIds);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Service other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, ProviderId, Discipline, Facility, Support, Hashing.Sequence(Functioning), Hashing.Sequence(Contributions));

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}

/// <summary>The service catalogue: the services on offer, some composed of underlying services.</summary>
/// <remarks>
/// Construction is lenient: a duplicate id, an unknown component id or a composition cycle is not an exception; the
/// system's <c>Validate()</c> reports them. When ids repeat, lookups find the first service with that id. Equality is
/// reference equality.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ServiceCatalogue
{
    private readonly ImmutableDictionary<string, Service> _byId;

    /// <summary>Creates a catalogue.</summary>
    /// <param name="services">The services.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null or holds null.</exception>
    public ServiceCatalogue(IEnumerable<Service> services)
    {
        Services = Ids.Items(Preconditions.CheckNotNull(services), nameof(services));
        var map = ImmutableDictionary.CreateBuilder<string, Service>(StringComparer.Ordinal);
        foreach (var s in Services)
        {
            map.TryAdd(s.Id, s);
        }

        _byId = map.ToImmutable();
    }

    /// <summary>Gets the services, in the order given.</summary>
    public ImmutableArray<Service> Services { get; }

    /// <summary>Finds a service by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The service, or null.</returns>
    public Service? Find(string? id) => id is not null && _byId.TryGetValue(id, out var s) ? s : null;

    /// <summary>Gets every underlying service of a service, directly or indirectly (unknown ids are skipped).</summary>
    /// <param name="serviceId">The service id.</param>
    /// <returns>The ids, sorted ordinally; the service itself only when its composition is cyclic.</returns>
    /// <exception cref="ArgumentException">No service has that id.</exception>
    public ImmutableArray<string> ComponentsOf(string serviceId)
    {
        var root = Find(serviceId) ?? throw new ArgumentException(Preconditions.Invariant($"Unknown service id '{serviceId}'."), nameof(serviceId));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(root.ComponentServiceIds);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (seen.Add(id) && Find(id) is { } s)
            {
                foreach (var c in s.ComponentServiceIds)
                {
                    queue.Enqueue(c);
                }
            }
        }

        return [.. seen.Where(id => Find(id) is not null).Order(StringComparer.Ordinal)];
    }

    /// <summary>Finds one cycle in the composition of services.</summary>
    /// <returns>The cycle as a path whose first and last ids are equal, or empty.</returns>
    public ImmutableArray<string> FindCompositionCycle() =>
        Graphs.FindCycle(_byId.Keys, id => Find(id) is { } s ? s.ComponentServiceIds : []);
}
