using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// An organisation-defined ordinal scale: an ordered list of named levels, lowest first. Used for effect,
/// likelihood and priority classes.
/// </summary>
/// <remarks>
/// <para>USM prescribes no scale; each organisation defines its own tables. A level is referred to by its index
/// (0 = the lowest level). Only the order of the levels means anything: the distance between two levels does not.</para>
/// <para>Level names are unique (ordinal comparison). Equality compares the name and the levels.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class OrdinalScale : IEquatable<OrdinalScale>
{
    /// <summary>Creates a scale.</summary>
    /// <param name="name">The scale's name, for example "Likelihood".</param>
    /// <param name="levels">The level names, lowest first; at least two.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="levels"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is blank, there are fewer than two levels, or a level name is blank or repeated.</exception>
    public OrdinalScale(string name, IEnumerable<string> levels)
    {
        Name = Preconditions.CheckNotBlank(name);
        ArgumentNullException.ThrowIfNull(levels);
        Levels = [.. levels];
        Preconditions.CheckArgument(Levels.Length >= 2, nameof(levels), Preconditions.Invariant($"Scale '{name}' needs at least two levels, but has {Levels.Length}."));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Levels.Length; i++)
        {
            var level = Levels[i];
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(level), nameof(levels), Preconditions.Invariant($"Level {i} of scale '{name}' is blank."));
            Preconditions.CheckArgument(seen.Add(level), nameof(levels), Preconditions.Invariant($"Level '{level}' appears more than once in scale '{name}'."));
        }
    }

    /// <summary>Gets the scale's name.</summary>
    public string Name { get; }

    /// <summary>Gets the level names, lowest first.</summary>
    public ImmutableArray<string> Levels { get; }

    /// <summary>Gets the number of levels.</summary>
    public int Count => Levels.Length;

    /// <summary>Gets the index of a level by name.</summary>
    /// <param name="level">The level name (ordinal comparison).</param>
    /// <returns>The index, 0 for the lowest level.</returns>
    /// <exception cref="ArgumentException"><paramref name="level"/> is not a level of this scale.</exception>
    public int IndexOf(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var index = Levels.IndexOf(level, StringComparer.Ordinal);
        Preconditions.CheckArgument(index >= 0, nameof(level), Preconditions.Invariant($"'{level}' is not a level of scale '{Name}' ({string.Join(", ", Levels)})."));
        return index;
    }

    /// <summary>Gets the name of the level at an index.</summary>
    /// <param name="index">The index, 0 for the lowest level.</param>
    /// <returns>The level name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the scale.</exception>
    public string NameOf(int index) => Levels[CheckLevel(index)];

    /// <summary>Checks that an index is a level of this scale.</summary>
    /// <param name="index">The index.</param>
    /// <param name="paramName">The parameter name to report.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the scale.</exception>
    public int CheckLevel(int index, string? paramName = null)
    {
        if (index < 0 || index >= Count)
        {
            throw new ArgumentOutOfRangeException(paramName ?? nameof(index), index, Preconditions.Invariant($"Level {index} is outside scale '{Name}', whose levels are 0 to {Count - 1}."));
        }

        return index;
    }

    /// <inheritdoc />
    public bool Equals(OrdinalScale? other) => other is not null && Name == other.Name && Levels.SequenceEqual(other.Levels, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OrdinalScale other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Count);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {string.Join(" < ", Levels)}";
}
