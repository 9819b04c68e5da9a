using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// What PROMETHEE V needs to know about one candidate besides its criteria: its effort in the sprint's capacity units,
/// the essential resources it improves and whether it must be in the sprint. Its value is not given: PROMETHEE V
/// takes it from the candidate's net flow (see <see cref="PrometheeVValue"/>).
/// </summary>
/// <remarks>Equality compares every property, with resources compared as a set.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PrometheeVItem : IEquatable<PrometheeVItem>
{
    /// <summary>Creates the sprint facts of one candidate.</summary>
    /// <param name="id">The candidate's id, as in the candidate set.</param>
    /// <param name="effort">The effort in whole capacity units, not negative.</param>
    /// <param name="resources">The essential resources (people, process, technology) the item improves; none by default.</param>
    /// <param name="mustInclude">Whether the item must be in the sprint whatever its net flow.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effort"/> is negative, or a resource is undefined.</exception>
    public PrometheeVItem(string id, int effort, IEnumerable<Resource>? resources = null, bool mustInclude = false)
    {
        // The sprint item checks the id, effort and resources with messages that name the item; value 0 is always valid.
        var probe = new SprintSelectItem(id, 0, effort, resources, mustInclude);
        Id = probe.Id;
        Effort = probe.Effort;
        Resources = probe.Resources;
        MustInclude = mustInclude;
    }

    /// <summary>Gets the candidate's id.</summary>
    public string Id { get; }

    /// <summary>Gets the effort in whole capacity units (not negative).</summary>
    public int Effort { get; }

    /// <summary>Gets the distinct essential resources the item improves, in enum order.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>Gets whether the item must be in the sprint.</summary>
    public bool MustInclude { get; }

    /// <summary>Returns a copy with another effort.</summary>
    /// <param name="effort">The new effort.</param>
    /// <returns>A new item; this one is unchanged.</returns>
    public PrometheeVItem WithEffort(int effort) => new(Id, effort, Resources, MustInclude);

    /// <summary>Returns a copy with other resources.</summary>
    /// <param name="resources">The new resources.</param>
    /// <returns>A new item; this one is unchanged.</returns>
    public PrometheeVItem WithResources(IEnumerable<Resource> resources) => new(Id, Effort, resources, MustInclude);

    /// <summary>Returns a copy with another must-include flag.</summary>
    /// <param name="mustInclude">Whether the item must be in the sprint.</param>
    /// <returns>A new item; this one is unchanged.</returns>
    public PrometheeVItem WithMustInclude(bool mustInclude) => new(Id, Effort, Resources, mustInclude);

    /// <inheritdoc />
    public bool Equals(PrometheeVItem? other) =>
        other is not null
        && Id == other.Id
        && Effort == other.Effort
        && Resources.SequenceEqual(other.Resources)
        && MustInclude == other.MustInclude;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PrometheeVItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Effort, Resources.Aggregate(0, (m, r) => m | SprintSelectItem.MaskOf(r)), MustInclude);

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Id} (effort {Effort}{(Resources.IsEmpty ? string.Empty : ", " + string.Join("/", Resources))}{(MustInclude ? ", must include" : string.Empty)})");

    /// <summary>The sprint item with the given value.</summary>
    internal SprintSelectItem ToSprintItem(double value) => new(Id, value, Effort, Resources, MustInclude);
}
