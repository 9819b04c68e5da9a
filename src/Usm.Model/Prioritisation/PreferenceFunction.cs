using System.Globalization;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>The shape of a PROMETHEE preference function: one of Brans's six generalised criteria.</summary>
public enum PreferenceShape
{
    /// <summary>Type I, the usual criterion: any positive difference is a full preference.</summary>
    Usual = 1,

    /// <summary>Type II, the U-shape (quasi-criterion): a difference above the indifference threshold q is a full preference, anything up to q none.</summary>
    UShape = 2,

    /// <summary>Type III, the V-shape: the preference grows linearly from 0 at d = 0 to 1 at the preference threshold p.</summary>
    VShape = 3,

    /// <summary>Type IV, the level criterion: none up to q, one half between q and p, full above p.</summary>
    Level = 4,

    /// <summary>Type V, the linear criterion (V-shape with indifference): none up to q, rising linearly to full at p.</summary>
    Linear = 5,

    /// <summary>Type VI, the Gaussian criterion: 1 − exp(−d² / (2s²)) for a positive difference d.</summary>
    Gaussian = 6,
}

/// <summary>
/// A PROMETHEE preference function P(d): how strongly a candidate is preferred to another on one criterion, in [0, 1],
/// as a function of the difference d between their values (oriented so that a positive d favours the first
/// candidate). Every shape gives P(d) = 0 for d ≤ 0 and never decreases as d grows.
/// </summary>
/// <remarks>
/// <para>The six shapes are Brans's generalised criteria (Brans and Vincke, "A preference ranking organisation method
/// (The PROMETHEE method for multiple criteria decision-making)", Management Science 31(6), 1985; Brans and Mareschal,
/// "PROMETHEE methods", in Multiple Criteria Decision Analysis: State of the Art Surveys, Springer, 2005). Their
/// parameters are in the criterion's own unit: the indifference threshold q (the largest difference that still counts
/// as none), the preference threshold p (the smallest difference that counts as a full preference) and, for the
/// Gaussian, s (the difference at the curve's inflection point, between q and p in practice).</para>
/// <para>Boundaries: a difference exactly at q gives no preference; a difference exactly at p gives the value of the
/// middle piece (1 for the linear shapes, ½ for the level criterion).</para>
/// <para>Equality compares the shape and the parameters.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PreferenceFunction : IEquatable<PreferenceFunction>
{
    private PreferenceFunction(PreferenceShape shape, double indifference, double preference, double sigma)
    {
        Shape = shape;
        Indifference = indifference;
        Preference = preference;
        Sigma = sigma;
    }

    /// <summary>Gets the usual criterion (type I): P(d) = 1 when d &gt; 0, else 0. It needs no parameter.</summary>
    public static PreferenceFunction Usual { get; } = new(PreferenceShape.Usual, 0, 0, 0);

    /// <summary>Gets the shape.</summary>
    public PreferenceShape Shape { get; }

    /// <summary>Gets the indifference threshold q: 0 for the usual, V-shape and Gaussian criteria.</summary>
    public double Indifference { get; }

    /// <summary>Gets the preference threshold p: equal to q for the usual and U-shape criteria (a single step), 0 for the Gaussian.</summary>
    public double Preference { get; }

    /// <summary>Gets the Gaussian parameter s; 0 for the other shapes.</summary>
    public double Sigma { get; }

    /// <summary>Creates a U-shape criterion (type II): P(d) = 1 when d &gt; q, else 0.</summary>
    /// <param name="indifference">The indifference threshold q; finite and not negative (0 gives the usual criterion's values).</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="indifference"/> is negative, NaN or infinite.</exception>
    public static PreferenceFunction UShape(double indifference) =>
        new(PreferenceShape.UShape, CheckThreshold(indifference, nameof(indifference)), indifference, 0);

    /// <summary>Creates a V-shape criterion (type III): P(d) = d / p for 0 &lt; d ≤ p, 1 above p, 0 for d ≤ 0.</summary>
    /// <param name="preference">The preference threshold p; finite and positive.</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preference"/> is not positive, NaN or infinite.</exception>
    public static PreferenceFunction VShape(double preference) =>
        new(PreferenceShape.VShape, 0, CheckPositive(preference, nameof(preference), "preference threshold p"), 0);

    /// <summary>Creates a level criterion (type IV): P(d) = 0 for d ≤ q, ½ for q &lt; d ≤ p, 1 above p.</summary>
    /// <param name="indifference">The indifference threshold q; finite, not negative and below <paramref name="preference"/>.</param>
    /// <param name="preference">The preference threshold p; finite and above <paramref name="indifference"/>.</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is NaN or infinite, q is negative, or q is not below p (the message gives both).</exception>
    public static PreferenceFunction Level(double indifference, double preference) => TwoThresholds(PreferenceShape.Level, indifference, preference);

    /// <summary>Creates a linear criterion (type V, V-shape with indifference): P(d) = 0 for d ≤ q, (d − q) / (p − q) for q &lt; d ≤ p, 1 above p.</summary>
    /// <param name="indifference">The indifference threshold q; finite, not negative and below <paramref name="preference"/>.</param>
    /// <param name="preference">The preference threshold p; finite and above <paramref name="indifference"/>.</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is NaN or infinite, q is negative, or q is not below p (the message gives both).</exception>
    public static PreferenceFunction Linear(double indifference, double preference) => TwoThresholds(PreferenceShape.Linear, indifference, preference);

    /// <summary>Creates a Gaussian criterion (type VI): P(d) = 1 − exp(−d² / (2s²)) for d &gt; 0, else 0.</summary>
    /// <param name="sigma">The parameter s; finite and positive.</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is not positive, NaN or infinite.</exception>
    public static PreferenceFunction Gaussian(double sigma) =>
        new(PreferenceShape.Gaussian, 0, 0, CheckPositive(sigma, nameof(sigma), "Gaussian parameter s"));

    /// <summary>Evaluates P(d), the preference for a difference <paramref name="difference"/> (positive when the first candidate is better).</summary>
    /// <param name="difference">The oriented difference d; ±∞ is allowed (an overflowed difference), NaN gives NaN.</param>
    /// <returns>The preference, in [0, 1].</returns>
    public double Evaluate(double difference)
    {
        var d = difference;
        if (double.IsNaN(d))
        {
            return double.NaN;
        }

        return Shape switch
        {
            PreferenceShape.Gaussian => d > 0 ? GaussianValue(d, Sigma) : 0,
            PreferenceShape.Level => d > Preference ? 1 : d > Indifference ? 0.5 : 0,
            PreferenceShape.Linear or PreferenceShape.VShape => d > Preference ? 1 : d > Indifference ? (d - Indifference) / (Preference - Indifference) : 0,
            _ => d > Indifference ? 1 : 0,
        };
    }

    /// <inheritdoc />
    public bool Equals(PreferenceFunction? other) =>
        other is not null && Shape == other.Shape && Indifference.Equals(other.Indifference) && Preference.Equals(other.Preference) && Sigma.Equals(other.Sigma);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PreferenceFunction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Shape, Indifference, Preference, Sigma);

    /// <summary>Returns the shape and its parameters, for example <c>linear (q = 1, p = 3)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Shape switch
    {
        PreferenceShape.Usual => "usual",
        PreferenceShape.UShape => string.Create(CultureInfo.InvariantCulture, $"U-shape (q = {Indifference})"),
        PreferenceShape.VShape => string.Create(CultureInfo.InvariantCulture, $"V-shape (p = {Preference})"),
        PreferenceShape.Level => string.Create(CultureInfo.InvariantCulture, $"level (q = {Indifference}, p = {Preference})"),
        PreferenceShape.Linear => string.Create(CultureInfo.InvariantCulture, $"linear (q = {Indifference}, p = {Preference})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Gaussian (s = {Sigma})"),
    };

    /// <summary>1 − exp(−(d / s)² / 2) for d &gt; 0: the ratio first, so that neither d² nor s² can overflow or underflow on its own (a ratio of ∞ gives exactly 1).</summary>
    internal static double GaussianValue(double d, double s)
    {
        var r = d / s;
        return 1 - Math.Exp(-(r * r) / 2);
    }

    private static PreferenceFunction TwoThresholds(PreferenceShape shape, double indifference, double preference)
    {
        CheckThreshold(indifference, nameof(indifference));
        if (!double.IsFinite(preference))
        {
            throw new ArgumentOutOfRangeException(nameof(preference), preference, Preconditions.Invariant($"The preference threshold p must be finite, but was {preference}."));
        }

        if (!(indifference < preference))
        {
            throw new ArgumentOutOfRangeException(nameof(preference), preference, Preconditions.Invariant(
                $"The indifference threshold q = {indifference} must be below the preference threshold p = {preference} (0 ≤ q < p)."));
        }

        return new PreferenceFunction(shape, indifference, preference, 0);
    }

    private static double CheckThreshold(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, Preconditions.Invariant($"The indifference threshold q must be finite and not negative, but was {value}."));
        }

        return value;
    }

    private static double CheckPositive(double value, string paramName, string what)
    {
        if (!double.IsFinite(value) || !(value > 0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, Preconditions.Invariant($"The {what} must be finite and positive, but was {value}."));
        }

        return value;
    }
}
