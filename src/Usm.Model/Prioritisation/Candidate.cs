using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Whether a candidate is a threat (a negative risk: addressing it avoids a loss) or an opportunity (a positive risk:
/// addressing it realises a gain). USM registers every improvement as a risk of one of these two kinds.
/// </summary>
public enum CandidatePolarity
{
    /// <summary>A negative risk; its value is the loss that addressing it avoids.</summary>
    Threat = 1,

    /// <summary>A positive risk (an improvement); its value is the gain that addressing it realises.</summary>
    Opportunity = 2,
}

/// <summary>
/// One thing to rank: an id, its values on named criteria, its effort and its polarity. Candidates are collected
/// into a <see cref="CandidateSet"/>, which every ranking method reads.
/// </summary>
/// <remarks>
/// Values must be finite; effort must be finite and not negative (0 means "not estimated"; methods that divide by
/// effort reject it). Equality compares id, effort, polarity and every value (criterion names ordinally).
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Candidate : IEquatable<Candidate>
{
    /// <summary>Creates a candidate.</summary>
    /// <param name="id">The id; unique within a candidate set, compared ordinally.</param>
    /// <param name="values">The value of each criterion, by criterion name.</param>
    /// <param name="effort">The effort to realise it (any consistent unit); 0 when not estimated.</param>
    /// <param name="polarity">Threat or opportunity.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or a criterion name is blank, or a name repeats.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value or the effort is NaN or infinite, the effort is negative, or <paramref name="polarity"/> is undefined.</exception>
    public Candidate(string id, IEnumerable<KeyValuePair<string, double>> values, double effort = 0, CandidatePolarity polarity = CandidatePolarity.Opportunity)
    {
        Id = Preconditions.CheckNotBlank(id);
        ArgumentNullException.ThrowIfNull(values);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!(!string.IsNullOrWhiteSpace(name)))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate '{id}' has a blank criterion name."), nameof(values));
            }
            if (!(!builder.ContainsKey(name)))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate '{id}' names criterion '{name}' twice."), nameof(values));
            }
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, Preconditions.Invariant($"Candidate '{id}' has a non-finite value {value} for criterion '{name}'."));
            }

            builder.Add(name, value);
        }

        Values = builder.ToImmutable();
        if (!double.IsFinite(effort) || effort < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(effort), effort, Preconditions.Invariant($"Candidate '{id}' has effort {effort}; effort must be finite and not negative."));
        }

        Effort = effort;
        Polarity = Preconditions.CheckDefined(polarity);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the value of each criterion, by name (sorted ordinally).</summary>
    public ImmutableSortedDictionary<string, double> Values { get; }

    /// <summary>Gets the effort; 0 when not estimated.</summary>
    public double Effort { get; }

    /// <summary>Gets whether the candidate is a threat or an opportunity.</summary>
    public CandidatePolarity Polarity { get; }

    /// <summary>Returns a copy with one criterion value added or replaced.</summary>
    /// <param name="criterion">The criterion name.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new candidate; this one is unchanged.</returns>
    public Candidate WithValue(string criterion, double value) => new(Id, Values.SetItem(Preconditions.CheckNotBlank(criterion), value), Effort, Polarity);

    /// <summary>Returns a copy with another effort.</summary>
    /// <param name="effort">The effort.</param>
    /// <returns>A new candidate; this one is unchanged.</returns>
    public Candidate WithEffort(double effort) => new(Id, Values, effort, Polarity);

    /// <summary>Returns a copy with another polarity.</summary>
    /// <param name="polarity">The polarity.</param>
    /// <returns>A new candidate; this one is unchanged.</returns>
    public Candidate WithPolarity(CandidatePolarity polarity) => new(Id, Values, Effort, polarity);

    /// <inheritdoc />
    public bool Equals(Candidate? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Effort.Equals(other.Effort)
        && Polarity == other.Polarity
        && Values.Count == other.Values.Count
        && Values.All(kv => other.Values.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Candidate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Effort, Polarity, Values.Count);

    /// <inheritdoc />
    public override string ToString() => Id;
}
