using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// A candidate improvement for an improvement sprint: its id, value, effort, the essential resources it improves and
/// whether it must be in the sprint.
/// </summary>
/// <remarks>
/// <para>The value is whatever score the organisation's agreed prioritisation mechanism gives (a risk score, an
/// expected value, a WSJF score); the selector only adds values up. Integer values are represented exactly up to
/// 2^53. See <see cref="SprintSelectOptions.ValueScale"/> for how fractional values are handled.</para>
/// <para>Effort is in whole units of the sprint's capacity (for example person-days or story points).</para>
/// <para>Equality compares every property, with resources compared as a set.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SprintSelectItem : IEquatable<SprintSelectItem>
{
    /// <summary>Creates a candidate.</summary>
    /// <param name="id">The id, unique among the candidates of one selection.</param>
    /// <param name="value">The value, finite and not negative.</param>
    /// <param name="effort">The effort in whole capacity units, not negative.</param>
    /// <param name="resources">The essential resources (people, process, technology) the item improves; none by default.</param>
    /// <param name="mustInclude">Whether the item must be in the sprint whatever its value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN, infinite or negative; <paramref name="effort"/> is negative; or a resource is undefined.</exception>
    public SprintSelectItem(string id, double value, int effort, IEnumerable<Resource>? resources = null, bool mustInclude = false)
    {
        Id = Preconditions.CheckNotBlank(id);
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, Preconditions.Invariant($"Item '{id}' must have a finite value that is not negative, but had {value}."));
        }

        if (effort < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(effort), effort, Preconditions.Invariant($"Item '{id}' must have an effort that is not negative, but had {effort}."));
        }

        Value = value;
        Effort = effort;
        var mask = 0;
        foreach (var r in resources ?? [])
        {
            if (!Enum.IsDefined(r))
            {
                throw new ArgumentOutOfRangeException(nameof(resources), r, Preconditions.Invariant($"Item '{id}' names an undefined resource {(int)r}."));
            }

            mask |= MaskOf(r);
        }

        ResourceMask = mask;
        Resources = [.. Enum.GetValues<Resource>().Where(r => (mask & MaskOf(r)) != 0)];
        MustInclude = mustInclude;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the value (finite, not negative).</summary>
    public double Value { get; }

    /// <summary>Gets the effort in whole capacity units (not negative).</summary>
    public int Effort { get; }

    /// <summary>Gets the distinct essential resources the item improves, in enum order.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>Gets whether the item must be in the sprint.</summary>
    public bool MustInclude { get; }

    /// <summary>Gets the value per unit of effort; positive infinity for a valuable item without effort, and 0 for an item with neither.</summary>
    public double Ratio => ComputeRatio(Value, Effort);

    /// <summary>The resources as bits: people 1, process 2, technology 4.</summary>
    internal int ResourceMask { get; }

    /// <summary>Returns a copy with another value.</summary>
    /// <param name="value">The new value.</param>
    /// <returns>A new item; this one is unchanged.</returns>
    public SprintSelectItem WithValue(double value) => new(Id, value, Effort, Resources, MustInclude);

    /// <summary>Returns a copy with another effort.</summary>
    /// <param name="effort">The new effort.</param>
    /// <returns>A new item; this one is unchanged.</returns>
    public SprintSelectItem WithEffort(int effort) => new(Id, Value, effort, Resources, MustInclude);

    /// <summary>Returns a copy with other resources.</summary>
    /// <param name="resources">The new resources.</param>
    /// <returns>A new item; this one is unchanged.</returns>
    public SprintSelectItem WithResources(IEnumerable<Resource> resources) => new(Id, Value, Effort, resources, MustInclude);

    /// <summary>Returns a copy with another must-include flag.</summary>
    /// <param name="mustInclude">Whether the item must be in the sprint.</param>
    /// <returns>A new item; this one is unchanged.</returns>
    public SprintSelectItem WithMustInclude(bool mustInclude) => new(Id, Value, Effort, Resources, mustInclude);

    /// <inheritdoc />
    public bool Equals(SprintSelectItem? other) =>
        other is not null
        && Id == other.Id
        && Value.Equals(other.Value)
        && Effort == other.Effort
        && ResourceMask == other.ResourceMask
        && MustInclude == other.MustInclude;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SprintSelectItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Value, Effort, ResourceMask, MustInclude);

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Id} (value {Value}, effort {Effort}{(Resources.IsEmpty ? string.Empty : ", " + string.Join("/", Resources))}{(MustInclude ? ", must include" : string.Empty)})");

    internal static int MaskOf(Resource resource) => 1 << ((int)resource - 1);

    internal static double ComputeRatio(double value, long effort) => effort > 0 ? value / effort : value > 0 ? double.PositiveInfinity : 0.0;
}

/// <summary>
/// A precedence between two candidates: the dependent item may be selected only together with its prerequisite
/// ("B only with A").
/// </summary>
/// <remarks>Equality compares both ids (ordinal).</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SprintPrecedence : IEquatable<SprintPrecedence>
{
    /// <summary>Creates a precedence.</summary>
    /// <param name="prerequisiteId">The id of the item that must be selected first (A).</param>
    /// <param name="dependentId">The id of the item that may be selected only with it (B).</param>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is blank, or both ids are the same.</exception>
    public SprintPrecedence(string prerequisiteId, string dependentId)
    {
        PrerequisiteId = Preconditions.CheckNotBlank(prerequisiteId);
        DependentId = Preconditions.CheckNotBlank(dependentId);
        Preconditions.CheckArgument(
            !string.Equals(prerequisiteId, dependentId, StringComparison.Ordinal),
            nameof(dependentId),
            Preconditions.Invariant($"Item '{dependentId}' cannot be its own prerequisite."));
    }

    /// <summary>Gets the id of the prerequisite (A).</summary>
    public string PrerequisiteId { get; }

    /// <summary>Gets the id of the dependent item (B), which may be selected only with <see cref="PrerequisiteId"/>.</summary>
    public string DependentId { get; }

    /// <inheritdoc />
    public bool Equals(SprintPrecedence? other) =>
        other is not null && PrerequisiteId == other.PrerequisiteId && DependentId == other.DependentId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SprintPrecedence other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PrerequisiteId, DependentId);

    /// <inheritdoc />
    public override string ToString() => $"{DependentId} only with {PrerequisiteId}";
}
