using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// A boundary profile of ELECTRE TRI-B: a named reference object with a value on every criterion that separates two
/// consecutive categories (it is the upper limit of the category below it and the lower limit of the one above it).
/// The sounding board agrees the profiles before the improvements are sorted.
/// </summary>
/// <remarks>Values are in each criterion's own unit and direction, exactly as the candidates' values are.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ElectreTriProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="name">The profile's name, unique among the profiles (ordinal).</param>
    /// <param name="values">The profile's value on each criterion, by criterion name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or a criterion name is blank, or a criterion name repeats.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite (the message names the profile and criterion).</exception>
    public ElectreTriProfile(string name, IEnumerable<KeyValuePair<string, double>> values)
    {
        Name = Preconditions.CheckNotBlank(name);
        ArgumentNullException.ThrowIfNull(values);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (criterion, value) in values)
        {
            if (string.IsNullOrWhiteSpace(criterion))
            {
                throw new ArgumentException(Preconditions.Invariant($"Profile '{name}' has a blank criterion name."), nameof(values));
            }

            if (builder.ContainsKey(criterion))
            {
                throw new ArgumentException(Preconditions.Invariant($"Profile '{name}' names criterion '{criterion}' twice."), nameof(values));
            }

            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, Preconditions.Invariant($"Profile '{name}' has a non-finite value {value} for criterion '{criterion}'."));
            }

            builder.Add(criterion, value);
        }

        Values = builder.ToImmutable();
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the value on each criterion, by name (sorted ordinally).</summary>
    public ImmutableSortedDictionary<string, double> Values { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
