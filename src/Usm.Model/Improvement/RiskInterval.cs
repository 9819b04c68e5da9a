using System.Globalization;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// A closed interval [<see cref="Lower"/>, <see cref="Upper"/>] of non-negative numbers: the probabilities one
/// likelihood level stands for, the consequences one effect level stands for, or the quantitative risks of one cell of
/// a <see cref="RiskMatrix"/> (see <see cref="RiskMatrixQuantification"/>).
/// </summary>
/// <remarks>Equality compares both bounds. The default value [0, 0] is empty of meaning; a quantification refuses it, naming the level.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public readonly struct RiskInterval : IEquatable<RiskInterval>
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">The lower bound; finite and not negative.</param>
    /// <param name="upper">The upper bound; finite and above <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN, infinite or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="lower"/> is not below <paramref name="upper"/>.</exception>
    public RiskInterval(double lower, double upper)
    {
        Lower = Preconditions.CheckFinite(lower);
        Upper = Preconditions.CheckFinite(upper);
        if (lower < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, Preconditions.Invariant($"An interval's lower bound must not be negative, but was {lower}."));
        }

        Preconditions.CheckArgument(lower < upper, nameof(upper), Preconditions.Invariant($"An interval needs lower < upper, but [{lower}, {upper}] is empty or a single point."));
    }

    // For products of validated intervals, which may round to a single point (no check, no throw).
    private RiskInterval(double lower, double upper, bool _)
    {
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Gets the lower bound.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound.</summary>
    public double Upper { get; }

    /// <summary>Gets whether <paramref name="value"/> lies in the interval (bounds included).</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when lower ≤ value ≤ upper.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Whether two intervals are equal.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when both bounds are equal.</returns>
    public static bool operator ==(RiskInterval left, RiskInterval right) => left.Equals(right);

    /// <summary>Whether two intervals differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when a bound differs.</returns>
    public static bool operator !=(RiskInterval left, RiskInterval right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RiskInterval other) => Lower.Equals(other.Lower) && Upper.Equals(other.Upper);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RiskInterval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lower, Upper);

    internal static RiskInterval Product(RiskInterval a, RiskInterval b) => new(a.Lower * b.Lower, a.Upper * b.Upper, true);

    /// <summary>
    /// Formats the interval as <c>[lower, upper]</c> (invariant culture): a bound of 1 or more with up to six decimals,
    /// a smaller one with up to six significant digits.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => "[" + Format(Lower) + ", " + Format(Upper) + "]";

    internal static string Format(double value) =>
        value.ToString(value >= 1 && value < 1e15 ? "0.######" : "G6", CultureInfo.InvariantCulture);
}
