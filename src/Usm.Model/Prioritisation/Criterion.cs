using System.Globalization;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>Whether more of a criterion is better (a benefit) or worse (a cost).</summary>
public enum CriterionKind
{
    /// <summary>More is better, for example value, reach or risk reduction.</summary>
    Benefit = 1,

    /// <summary>Less is better, for example effort, cost or duration.</summary>
    Cost = 2,
}

/// <summary>
/// A named criterion of a multi-criteria method (weighted sum, TOPSIS): its name, whether it is a benefit or a cost,
/// and its weight.
/// </summary>
/// <remarks>
/// Weights are relative: a method divides each weight by the sum of all weights, so <c>2, 1, 1</c> and
/// <c>0.5, 0.25, 0.25</c> rank alike. Equality compares name (ordinally), kind and weight.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Criterion : IEquatable<Criterion>
{
    /// <summary>Creates a criterion.</summary>
    /// <param name="name">The criterion's name, as used in the candidates' values.</param>
    /// <param name="kind">Benefit or cost.</param>
    /// <param name="weight">The relative weight; finite and not negative.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined, or <paramref name="weight"/> is negative, NaN or infinite.</exception>
    public Criterion(string name, CriterionKind kind, double weight)
    {
        Name = Preconditions.CheckNotBlank(name);
        Kind = Preconditions.CheckDefined(kind);
        Weight = Preconditions.CheckInRange(weight, 0, double.MaxValue);
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets whether the criterion is a benefit or a cost.</summary>
    public CriterionKind Kind { get; }

    /// <summary>Gets the relative weight.</summary>
    public double Weight { get; }

    /// <summary>Creates a benefit criterion.</summary>
    /// <param name="name">The name.</param>
    /// <param name="weight">The relative weight.</param>
    /// <returns>The criterion.</returns>
    public static Criterion Benefit(string name, double weight) => new(name, CriterionKind.Benefit, weight);

    /// <summary>Creates a cost criterion.</summary>
    /// <param name="name">The name.</param>
    /// <param name="weight">The relative weight.</param>
    /// <returns>The criterion.</returns>
    public static Criterion Cost(string name, double weight) => new(name, CriterionKind.Cost, weight);

    /// <inheritdoc />
    public bool Equals(Criterion? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && Kind == other.Kind && Weight.Equals(other.Weight);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Criterion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Weight);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Kind}, weight {Weight})");
}
