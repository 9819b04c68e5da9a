using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.ManagementSystem;

/// <summary>Whether a managed infrastructure component is part of what is delivered or a resource used to deliver it.</summary>
public enum MicKind
{
    /// <summary>A delivered facility: goods or actions the customer receives as part of a service.</summary>
    DeliveredFacility = 1,

    /// <summary>An internal resource the provider uses to deliver services.</summary>
    InternalResource = 2,
}

/// <summary>What a <see cref="MirChange"/> did to the register.</summary>
public enum MirChangeKind
{
    /// <summary>A component was added.</summary>
    Added = 1,

    /// <summary>A component's managed attributes, owner or relations were updated.</summary>
    Updated = 2,

    /// <summary>A component was retired; it is no longer managed, but stays in the history.</summary>
    Retired = 3,
}

/// <summary>A typed relation from one MIC to another, for example "runs on" or "depends on".</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MicRelation : IEquatable<MicRelation>
{
    /// <summary>Creates a relation.</summary>
    /// <param name="kind">The relation, for example "runs-on".</param>
    /// <param name="targetMicId">The related MIC's id.</param>
    /// <exception cref="ArgumentException">An argument is null or blank.</exception>
    public MicRelation(string kind, string targetMicId)
    {
        Kind = Preconditions.CheckNotBlank(kind);
        TargetMicId = Preconditions.CheckNotBlank(targetMicId);
    }

    /// <summary>Gets the relation kind.</summary>
    public string Kind { get; }

    /// <summary>Gets the related MIC's id.</summary>
    public string TargetMicId { get; }

    /// <inheritdoc />
    public bool Equals(MicRelation? other) => other is not null && Kind == other.Kind && TargetMicId == other.TargetMicId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MicRelation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, TargetMicId);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {TargetMicId}";
}

/// <summary>
/// A managed infrastructure component (MIC): a part of the infrastructure the provider wants to control and therefore
/// records. Only its managed attributes are registered; modifying one of them is a change, modifying anything else is
/// a service request.
/// </summary>
/// <remarks>Attributes are kept sorted by ordinal name. Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ManagedInfrastructureComponent : IEquatable<ManagedInfrastructureComponent>
{
    private readonly ImmutableSortedDictionary<string, string> _attributes;

    /// <summary>Creates a MIC.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="kind">Delivered facility or internal resource.</param>
    /// <param name="ownerTeamId">The organisation-unit id of the owning team.</param>
    /// <param name="attributes">The managed attributes, name to value.</param>
    /// <param name="relations">Relations to other MICs.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or an attribute value is null.</exception>
    /// <exception cref="ArgumentException">An id or attribute name is blank, or an attribute name repeats; the message names it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public ManagedInfrastructureComponent(string id, string name, MicKind kind, string ownerTeamId, IEnumerable<KeyValuePair<string, string>>? attributes = null, IEnumerable<MicRelation>? relations = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Kind = Preconditions.CheckDefined(kind);
        OwnerTeamId = Preconditions.CheckNotBlank(ownerTeamId);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes ?? [])
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(key), nameof(attributes), Preconditions.Invariant($"MIC '{id}' has a blank attribute name."));
            Preconditions.CheckElementNotNull(value, nameof(attributes), Preconditions.Invariant($"MIC '{id}' attribute '{key}' has a null value."));
            Preconditions.CheckArgument(builder.TryAdd(key, value), nameof(attributes), Preconditions.Invariant($"MIC '{id}' has attribute '{key}' twice."));
        }

        _attributes = builder.ToImmutable();
        Relations = Ids.Items(relations, nameof(relations));
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets whether the MIC is a delivered facility or an internal resource.</summary>
    public MicKind Kind { get; }

    /// <summary>Gets the owning team's organisation-unit id.</summary>
    public string OwnerTeamId { get; }

    /// <summary>Gets the managed attributes, sorted by ordinal name.</summary>
    public IReadOnlyDictionary<string, string> Attributes => _attributes;

    /// <summary>Gets the relations to other MICs.</summary>
    public ImmutableArray<MicRelation> Relations { get; }

    /// <summary>Gets whether an attribute is managed (registered) on this MIC.</summary>
    /// <param name="attribute">The attribute name.</param>
    /// <returns><see langword="true"/> when the attribute is registered.</returns>
    public bool Manages(string attribute) => attribute is not null && _attributes.ContainsKey(attribute);

    /// <summary>Returns a copy with one attribute set.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new MIC; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">A name or value is null or blank.</exception>
    public ManagedInfrastructureComponent WithAttribute(string name, string value)
    {
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckNotNull(value);
        return new(Id, Name, Kind, OwnerTeamId, _attributes.SetItem(name, value), Relations);
    }

    /// <summary>Returns a copy with another owner team.</summary>
    /// <param name="ownerTeamId">The team id.</param>
    /// <returns>A new MIC; this one is unchanged.</returns>
    public ManagedInfrastructureComponent WithOwner(string ownerTeamId) => new(Id, Name, Kind, ownerTeamId, _attributes, Relations);

    /// <summary>Returns a copy with other relations.</summary>
    /// <param name="relations">The relations.</param>
    /// <returns>A new MIC; this one is unchanged.</returns>
    public ManagedInfrastructureComponent WithRelations(IEnumerable<MicRelation> relations) => new(Id, Name, Kind, OwnerTeamId, _attributes, relations);

    /// <inheritdoc />
    public bool Equals(ManagedInfrastructureComponent? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Kind == other.Kind
        && OwnerTeamId == other.OwnerTeamId
        && _attributes.Count == other._attributes.Count
        && _attributes.All(kv => other._attributes.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && Hashing.SequenceEqual(Relations, other.Relations);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ManagedInfrastructureComponent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Name);
        hash.Add(Kind);
        hash.Add(OwnerTeamId);
        foreach (var kv in _attributes)
        {
            hash.Add(kv.Key);
            hash.Add(kv.Value);
        }

        hash.Add(Hashing.Sequence(Relations));
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name}, {Kind}, owner {OwnerTeamId})";
}

/// <summary>
/// One entry in the register's history: what happened to which MIC, when, why, and under which change.
/// </summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MirChange : IEquatable<MirChange>
{
    /// <summary>Creates a change entry.</summary>
    /// <param name="kind">Added, updated or retired.</param>
    /// <param name="micId">The MIC's id.</param>
    /// <param name="at">When the change was recorded.</param>
    /// <param name="reason">Why.</param>
    /// <param name="changeId">The id of the change (RFC) that caused it, if any.</param>
    /// <param name="state">The MIC after the change; required for added and updated, null for retired.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="micId"/> is blank, or <paramref name="state"/> does not fit <paramref name="kind"/> or has another id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public MirChange(MirChangeKind kind, string micId, Instant at, string reason, string? changeId, ManagedInfrastructureComponent? state)
    {
        Kind = Preconditions.CheckDefined(kind);
        MicId = Preconditions.CheckNotBlank(micId);
        At = at;
        Reason = Preconditions.CheckNotNull(reason);
        ChangeId = changeId;
        Preconditions.CheckArgument((kind == MirChangeKind.Retired) == (state is null), nameof(state), Preconditions.Invariant($"A {kind} entry for MIC '{micId}' {(kind == MirChangeKind.Retired ? "must not" : "must")} carry the component's state."));
        Preconditions.CheckArgument(state is null || state.Id == micId, nameof(state), Preconditions.Invariant($"The entry for MIC '{micId}' carries the state of MIC '{state?.Id}'."));
        State = state;
    }

    /// <summary>Gets what happened.</summary>
    public MirChangeKind Kind { get; }

    /// <summary>Gets the MIC id.</summary>
    public string MicId { get; }

    /// <summary>Gets when it was recorded.</summary>
    public Instant At { get; }

    /// <summary>Gets why.</summary>
    public string Reason { get; }

    /// <summary>Gets the linked change id, if any.</summary>
    public string? ChangeId { get; }

    /// <summary>Gets the MIC after the change, or null for a retirement.</summary>
    public ManagedInfrastructureComponent? State { get; }

    /// <inheritdoc />
    public bool Equals(MirChange? other) =>
        other is not null && Kind == other.Kind && MicId == other.MicId && At == other.At && Reason == other.Reason && ChangeId == other.ChangeId && Equals(State, other.State);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MirChange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, MicId, At, Reason, ChangeId, State);

    /// <inheritdoc />
    public override string ToString() => $"{At} {Kind} {MicId}: {Reason}";
}

/// <summary>
/// The managed infrastructure register (MIR): the current managed infrastructure components plus the full history of
/// change entries. The register is immutable; <see cref="Add"/>, <see cref="Update"/> and <see cref="Retire"/> return
/// a new version with one more entry, and <see cref="ComponentAt"/> answers what a MIC looked like at any instant.
/// </summary>
/// <remarks>
/// <para>The history is the register's data: the current components are what replaying it yields. Entries are in
/// chronological order; entries with the same instant apply in history order.</para>
/// <para>Equality is structural: two registers are equal when their histories are equal entry by entry.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ManagedInfrastructureRegister : IEquatable<ManagedInfrastructureRegister>
{
    private readonly ImmutableList<MirChange> _history;
    private readonly ImmutableSortedDictionary<string, ManagedInfrastructureComponent> _current;

    /// <summary>Creates a register by replaying a history.</summary>
    /// <param name="history">The change entries, oldest first.</param>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">The history is inconsistent: it adds a MIC that exists, updates or retires one that does not, or goes back in time. The message names the MIC and the entry index.</exception>
    public ManagedInfrastructureRegister(IEnumerable<MirChange> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var current = ImmutableSortedDictionary.Create<string, ManagedInfrastructureComponent>(StringComparer.Ordinal);
        var list = ImmutableList.CreateBuilder<MirChange>();
        foreach (var entry in history)
        {
            Preconditions.CheckElementNotNull(entry, nameof(history), "A register history cannot hold null.");
            current = Apply(current, list.Count == 0 ? null : list[^1].At, entry, list.Count, nameof(history));
            list.Add(entry);
        }

        _history = list.ToImmutable();
        _current = current;
    }

    private ManagedInfrastructureRegister(ImmutableList<MirChange> history, ImmutableSortedDictionary<string, ManagedInfrastructureComponent> current)
    {
        _history = history;
        _current = current;
    }

    /// <summary>Gets an empty register.</summary>
    public static ManagedInfrastructureRegister Empty { get; } = new([]);

    /// <summary>Gets the current components, sorted by ordinal id.</summary>
    public ImmutableArray<ManagedInfrastructureComponent> Components => [.. _current.Values];

    /// <summary>Gets the number of current components.</summary>
    public int Count => _current.Count;

    /// <summary>Gets the change entries, oldest first.</summary>
    public IReadOnlyList<MirChange> History => _history;

    /// <summary>Finds a current component.</summary>
    /// <param name="micId">The id.</param>
    /// <returns>The component, or null when it does not exist or is retired.</returns>
    public ManagedInfrastructureComponent? Find(string? micId) => micId is not null && _current.TryGetValue(micId, out var c) ? c : null;

    /// <summary>Adds a component.</summary>
    /// <param name="component">The new component.</param>
    /// <param name="clock">The clock that stamps the entry.</param>
    /// <param name="reason">Why it is added.</param>
    /// <param name="changeId">The linked change id, if any.</param>
    /// <returns>A new register; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">A component with that id exists, or the clock is earlier than the last entry.</exception>
    public ManagedInfrastructureRegister Add(ManagedInfrastructureComponent component, IClock clock, string reason, string? changeId = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(clock);
        return Append(new MirChange(MirChangeKind.Added, component.Id, clock.GetCurrentInstant(), reason, changeId, component), nameof(component), nameof(clock));
    }

    /// <summary>Replaces a current component with a new state.</summary>
    /// <param name="component">The component's new state (same id).</param>
    /// <param name="clock">The clock that stamps the entry.</param>
    /// <param name="reason">Why it is updated.</param>
    /// <param name="changeId">The linked change id, if any.</param>
    /// <returns>A new register; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">No current component has that id, or the clock is earlier than the last entry.</exception>
    public ManagedInfrastructureRegister Update(ManagedInfrastructureComponent component, IClock clock, string reason, string? changeId = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(clock);
        return Append(new MirChange(MirChangeKind.Updated, component.Id, clock.GetCurrentInstant(), reason, changeId, component), nameof(component), nameof(clock));
    }

    /// <summary>Retires a current component.</summary>
    /// <param name="micId">The id.</param>
    /// <param name="clock">The clock that stamps the entry.</param>
    /// <param name="reason">Why it is retired.</param>
    /// <param name="changeId">The linked change id, if any.</param>
    /// <returns>A new register; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">No current component has that id, or the clock is earlier than the last entry.</exception>
    public ManagedInfrastructureRegister Retire(string micId, IClock clock, string reason, string? changeId = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Append(new MirChange(MirChangeKind.Retired, micId, clock.GetCurrentInstant(), reason, changeId, null), nameof(micId), nameof(clock));
    }

    /// <summary>Appends an entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>A new register; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="ArgumentException">The entry does not fit the current state or goes back in time.</exception>
    public ManagedInfrastructureRegister Record(MirChange entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Append(entry, nameof(entry), nameof(entry));
    }

    /// <summary>Gets what a MIC looked like at an instant: the state of its last entry at or before that instant.</summary>
    /// <param name="micId">The id.</param>
    /// <param name="at">The instant.</param>
    /// <returns>The component, or null when it did not exist yet or was retired at that instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="micId"/> is null.</exception>
    public ManagedInfrastructureComponent? ComponentAt(string micId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(micId);
        ManagedInfrastructureComponent? state = null;
        foreach (var entry in _history)
        {
            if (entry.At > at)
            {
                break;
            }

            if (entry.MicId == micId)
            {
                state = entry.State;
            }
        }

        return state;
    }

    /// <summary>Gets every component that was managed at an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The components, sorted by ordinal id.</returns>
    public ImmutableArray<ManagedInfrastructureComponent> ComponentsAt(Instant at)
    {
        var state = new SortedDictionary<string, ManagedInfrastructureComponent>(StringComparer.Ordinal);
        foreach (var entry in _history.TakeWhile(e => e.At <= at))
        {
            if (entry.State is null)
            {
                state.Remove(entry.MicId);
            }
            else
            {
                state[entry.MicId] = entry.State;
            }
        }

        return [.. state.Values];
    }

    /// <summary>Gets the entries for one MIC, oldest first.</summary>
    /// <param name="micId">The id.</param>
    /// <returns>The entries.</returns>
    public ImmutableArray<MirChange> HistoryOf(string micId) => [.. _history.Where(e => e.MicId == micId)];

    /// <inheritdoc />
    public bool Equals(ManagedInfrastructureRegister? other) => other is not null && (ReferenceEquals(this, other) || _history.SequenceEqual(other._history));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ManagedInfrastructureRegister other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_history.Count, _history.IsEmpty ? null : _history[^1]);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"MIR with {Count} components and {_history.Count} entries");

    // Errors name the caller's own parameter: the component (or id) for existence, the clock for time order (found by
    // review, session 5: Add, Update and Retire reported a parameter 'entry' they do not have).
    private ManagedInfrastructureRegister Append(MirChange entry, string paramName, string timeParamName)
    {
        var current = Apply(_current, _history.IsEmpty ? null : _history[^1].At, entry, _history.Count, paramName, timeParamName);
        return new ManagedInfrastructureRegister(_history.Add(entry), current);
    }

    private static ImmutableSortedDictionary<string, ManagedInfrastructureComponent> Apply(ImmutableSortedDictionary<string, ManagedInfrastructureComponent> current, Instant? last, MirChange entry, int index, string paramName, string? timeParamName = null)
    {
        Preconditions.CheckArgument(last is null || entry.At >= last.Value, timeParamName ?? paramName, Preconditions.Invariant($"Entry {index} for MIC '{entry.MicId}' at {entry.At} is earlier than the previous entry at {last}; the history must be chronological."));
        var exists = current.ContainsKey(entry.MicId);
        switch (entry.Kind)
        {
            case MirChangeKind.Added:
                Preconditions.CheckArgument(!exists, paramName, Preconditions.Invariant($"Entry {index} adds MIC '{entry.MicId}', which is already in the register."));
                return current.Add(entry.MicId, entry.State!);
            case MirChangeKind.Updated:
                Preconditions.CheckArgument(exists, paramName, Preconditions.Invariant($"Entry {index} updates MIC '{entry.MicId}', which is not in the register."));
                return current.SetItem(entry.MicId, entry.State!);
            default:
                Preconditions.CheckArgument(exists, paramName, Preconditions.Invariant($"Entry {index} retires MIC '{entry.MicId}', which is not in the register."));
                return current.Remove(entry.MicId);
        }
    }
}
