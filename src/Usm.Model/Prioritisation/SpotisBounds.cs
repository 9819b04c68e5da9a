using System.Globalization;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The bounds [<see cref="Min"/>, <see cref="Max"/>] of one SPOTIS criterion: the least and the greatest value the
/// decision maker considers possible for it, fixed before any candidate is scored.
/// </summary>
/// <remarks>Equality compares both bounds. The default value (0, 0) is not a valid pair; <see cref="RankingMethod.Spotis"/> refuses it, naming the criterion.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public readonly struct SpotisBounds : IEquatable<SpotisBounds>
{
    /// <summary>Creates bounds.</summary>
    /// <param name="min">The least possible value; finite.</param>
    /// <param name="max">The greatest possible value; finite and greater than <paramref name="min"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="min"/> is not below <paramref name="max"/>.</exception>
    public SpotisBounds(double min, double max)
    {
        Min = Preconditions.CheckFinite(min);
        Max = Preconditions.CheckFinite(max);
        Preconditions.CheckArgument(min < max, nameof(max), Preconditions.Invariant($"SPOTIS bounds need min < max, but min is {min} and max is {max}."));
    }

    /// <summary>Gets the least possible value.</summary>
    public double Min { get; }

    /// <summary>Gets the greatest possible value.</summary>
    public double Max { get; }

    /// <summary>Whether two bounds are equal.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when both bounds are equal.</returns>
    public static bool operator ==(SpotisBounds left, SpotisBounds right) => left.Equals(right);

    /// <summary>Whether two bounds differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when a bound differs.</returns>
    public static bool operator !=(SpotisBounds left, SpotisBounds right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SpotisBounds other) => Min.Equals(other.Min) && Max.Equals(other.Max);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SpotisBounds other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Min, Max);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Min}, {Max}]");
}
