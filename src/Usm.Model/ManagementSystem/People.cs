using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.ManagementSystem;

/// <summary>The kind of organisation unit. USM does not standardise structure; these are labels only.</summary>
public enum OrganisationUnitKind
{
    /// <summary>The whole organisation (normally the root of the tree).</summary>
    Organisation = 1,

    /// <summary>A department or division that groups teams.</summary>
    Department = 2,

    /// <summary>A team: a unit that can contribute to services, own MICs and hold OLAs.</summary>
    Team = 3,
}

/// <summary>The sub-domain of a task domain under domain separation: specifying or realising.</summary>
public enum TaskSubDomain
{
    /// <summary>The specifying sub-domain (for example, the demand side that states requirements).</summary>
    Specifying = 1,

    /// <summary>The realising sub-domain (the side that builds and runs).</summary>
    Realising = 2,
}

/// <summary>The two principles by which USM applies separation of duties; both are optional.</summary>
public enum SeparationPrinciple
{
    /// <summary>Domain separation: a task domain is split into a specifying and a realising sub-domain.</summary>
    DomainSeparation = 1,

    /// <summary>Process-based working: management tasks in a domain are split into process management and line management.</summary>
    ProcessBasedWorking = 2,
}

/// <summary>The management verbs of USM's meta-model, kept separate from the object they act on.</summary>
public enum ManagementVerb
{
    /// <summary>Manage: organise the tasks, design the resources and make sure enough are available.</summary>
    Manage = 1,

    /// <summary>Coordinate: steer the execution of tasks.</summary>
    Coordinate = 2,

    /// <summary>Operate: carry out tasks.</summary>
    Operate = 3,
}

/// <summary>The kind of object a management verb acts on.</summary>
public enum ManagedObjectKind
{
    /// <summary>One of the five USM processes; the object id is the process code or name (for example <c>CTM</c> or <c>Agree</c>).</summary>
    Process = 1,

    /// <summary>A team (an organisation-unit id). Managing a team is line management.</summary>
    Team = 2,

    /// <summary>A service (a service id).</summary>
    Service = 3,

    /// <summary>A managed infrastructure component (a MIC id).</summary>
    Mic = 4,
}

/// <summary>A node of the organisation tree: the organisation, a department or a team.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class OrganisationUnit : IEquatable<OrganisationUnit>
{
    /// <summary>Creates a unit.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="kind">Organisation, department or team.</param>
    /// <param name="parentId">The parent unit's id, or null for the root.</param>
    /// <param name="discipline">The discipline, for example "IT" (an open set), if any.</param>
    /// <param name="subDomain">Under domain separation, whether this unit specifies or realises; null when not split.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is undefined.</exception>
    public OrganisationUnit(string id, string name, OrganisationUnitKind kind, string? parentId = null, string? discipline = null, TaskSubDomain? subDomain = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Kind = Preconditions.CheckDefined(kind);
        ParentId = parentId;
        Discipline = discipline;
        SubDomain = subDomain is { } d ? Preconditions.CheckDefined(d) : null;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the kind.</summary>
    public OrganisationUnitKind Kind { get; }

    /// <summary>Gets the parent's id, or null for the root.</summary>
    public string? ParentId { get; }

    /// <summary>Gets the discipline, if any.</summary>
    public string? Discipline { get; }

    /// <summary>Gets the sub-domain under domain separation, if the unit's domain is split.</summary>
    public TaskSubDomain? SubDomain { get; }

    /// <inheritdoc />
    public bool Equals(OrganisationUnit? other) =>
        other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind && ParentId == other.ParentId && Discipline == other.Discipline && SubDomain == other.SubDomain;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OrganisationUnit other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, ParentId, Discipline, SubDomain);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Kind} {Name})";
}

/// <summary>One management verb applied to one object, for example "manage process Recover" or "coordinate team ict-ops".</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ManagementAssignment : IEquatable<ManagementAssignment>
{
    /// <summary>Creates an assignment.</summary>
    /// <param name="verb">Manage, coordinate or operate.</param>
    /// <param name="objectKind">The kind of object.</param>
    /// <param name="objectId">The object's id (for a process: its code or name).</param>
    /// <exception cref="ArgumentNullException"><paramref name="objectId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="objectId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is undefined.</exception>
    public ManagementAssignment(ManagementVerb verb, ManagedObjectKind objectKind, string objectId)
    {
        Verb = Preconditions.CheckDefined(verb);
        ObjectKind = Preconditions.CheckDefined(objectKind);
        ObjectId = Preconditions.CheckNotBlank(objectId);
    }

    /// <summary>Gets the verb.</summary>
    public ManagementVerb Verb { get; }

    /// <summary>Gets the kind of object.</summary>
    public ManagedObjectKind ObjectKind { get; }

    /// <summary>Gets the object's id.</summary>
    public string ObjectId { get; }

    /// <summary>Creates an assignment on one of the five processes.</summary>
    /// <param name="verb">The verb.</param>
    /// <param name="process">The process.</param>
    /// <returns>The assignment, with the process code as object id.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is undefined.</exception>
    public static ManagementAssignment OnProcess(ManagementVerb verb, UsmProcess process) => new(verb, ManagedObjectKind.Process, UsmProcesses.Code(process));

    /// <summary>Gets the process this assignment acts on, when it is a process assignment with a recognisable id.</summary>
    public UsmProcess? Process => ObjectKind == ManagedObjectKind.Process && UsmProcesses.TryParse(ObjectId, out var p) ? p : null;

    /// <inheritdoc />
    public bool Equals(ManagementAssignment? other) => other is not null && Verb == other.Verb && ObjectKind == other.ObjectKind && ObjectId == other.ObjectId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ManagementAssignment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Verb, ObjectKind, ObjectId);

    /// <inheritdoc />
    public override string ToString() => $"{Verb} {ObjectKind} {ObjectId}";
}

/// <summary>
/// A profile: a role or a position in the organisation. It carries authorities, responsibilities and the management
/// verbs it applies to objects. People hold profiles; routines of type procedure name profiles.
/// </summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Profile : IEquatable<Profile>
{
    /// <summary>Creates a profile.</summary>
    /// <param name="id">The id (unique within the organisation, as in USM-WIF).</param>
    /// <param name="name">The name.</param>
    /// <param name="unitId">The organisation unit the profile belongs to, if any.</param>
    /// <param name="authorities">What the holder may decide.</param>
    /// <param name="responsibilities">What the holder answers for.</param>
    /// <param name="assignments">The management verbs the profile applies to objects.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or a list holds blank or null (<see cref="ArgumentNullException"/>).</exception>
    public Profile(string id, string name, string? unitId = null, IEnumerable<string>? authorities = null, IEnumerable<string>? responsibilities = null, IEnumerable<ManagementAssignment>? assignments = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        UnitId = unitId;
        Authorities = Ids.From(authorities, nameof(authorities));
        Responsibilities = Ids.From(responsibilities, nameof(responsibilities));
        Assignments = Ids.Items(assignments, nameof(assignments));
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the organisation unit id, if any.</summary>
    public string? UnitId { get; }

    /// <summary>Gets the authorities.</summary>
    public ImmutableArray<string> Authorities { get; }

    /// <summary>Gets the responsibilities.</summary>
    public ImmutableArray<string> Responsibilities { get; }

    /// <summary>Gets the management assignments.</summary>
    public ImmutableArray<ManagementAssignment> Assignments { get; }

    /// <summary>Gets the processes this profile manages (it is their process manager), in enum order.</summary>
    public ImmutableArray<UsmProcess> ManagedProcesses =>
        [.. Assignments.Where(a => a.Verb == ManagementVerb.Manage).Select(a => a.Process).OfType<UsmProcess>().Distinct().Order()];

    /// <summary>Gets whether the profile manages a team (line management).</summary>
    public bool IsLineManager => Assignments.Any(a => a.Verb == ManagementVerb.Manage && a.ObjectKind == ManagedObjectKind.Team);

    /// <summary>Gets whether the profile manages at least one process (process management).</summary>
    public bool IsProcessManager => !ManagedProcesses.IsEmpty;

    /// <summary>Returns a copy with other assignments.</summary>
    /// <param name="assignments">The assignments.</param>
    /// <returns>A new profile; this one is unchanged.</returns>
    public Profile WithAssignments(IEnumerable<ManagementAssignment> assignments) => new(Id, Name, UnitId, Authorities, Responsibilities, assignments);

    /// <inheritdoc />
    public bool Equals(Profile? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && UnitId == other.UnitId
        && Hashing.SequenceEqual(Authorities, other.Authorities)
        && Hashing.SequenceEqual(Responsibilities, other.Responsibilities)
        && Hashing.SequenceEqual(Assignments, other.Assignments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Profile other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, UnitId, Hashing.Sequence(Authorities), Hashing.Sequence(Responsibilities), Hashing.Sequence(Assignments));

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}

/// <summary>A person on the provider's staff, holding one or more profiles.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Person : IEquatable<Person>
{
    /// <summary>Creates a person.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="unitId">The organisation unit the person works in.</param>
    /// <param name="profileIds">The profiles the person holds.</param>
    /// <param name="email">An optional e-mail address.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">An id is blank.</exception>
    public Person(string id, string name, string unitId, IEnumerable<string>? profileIds = null, string? email = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        UnitId = Preconditions.CheckNotBlank(unitId);
        ProfileIds = Ids.From(profileIds, nameof(profileIds));
        Email = email;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the organisation unit id.</summary>
    public string UnitId { get; }

    /// <summary>Gets the ids of the profiles held.</summary>
    public ImmutableArray<string> ProfileIds { get; }

    /// <summary>Gets the e-mail address, if any.</summary>
    public string? Email { get; }

    /// <summary>Returns a copy holding other profiles.</summary>
    /// <param name="profileIds">The profile ids.</param>
    /// <returns>A new person; this one is unchanged.</returns>
    public Person WithProfiles(IEnumerable<string> profileIds) => new(Id, Name, UnitId, profileIds, Email);

    /// <inheritdoc />
    public bool Equals(Person? other) =>
        other is not null && Id == other.Id && Name == other.Name && UnitId == other.UnitId && Email == other.Email && Hashing.SequenceEqual(ProfileIds, other.ProfileIds);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Person other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, UnitId, Email, Hashing.Sequence(ProfileIds));

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
