using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>How a <see cref="QuantitativeEstimate"/> was given.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum EstimateKind
{
    /// <summary>A probability and a single impact amount.</summary>
    ProbabilityAndImpact = 1,

    /// <summary>A probability and a three-point (minimum, most likely, maximum) impact, combined with the PERT weights.</summary>
    ThreePoint = 2,
}

/// <summary>
/// An optional numeric estimate of a risk: the probability that it happens and the size of its impact, as an
/// unsigned amount (for example money or hours). The sign comes from the risk's polarity.
/// </summary>
/// <remarks>
/// <para>For a three-point estimate the impact is the PERT mean (minimum + 4 × most likely + maximum) / 6 and its
/// standard deviation (maximum − minimum) / 6. The expected value is probability × impact; a threat's signed
/// expected value is its negation (threats are losses, opportunities gains), so the two net on one ledger.</para>
/// <para>Impact amounts are at most <see cref="MaxAmount"/> (10¹⁵). The bound keeps every derived number finite: an
/// expected value is at most 10¹⁵, and the exposure of a risk database (a sum over at most 2³¹ risks) at most about
/// 2.2 × 10²⁴, far below the largest <see cref="double"/>. Without it an amount near 10³⁰⁸ would be accepted while its
/// PERT mean or a database's exposure overflowed to infinity.</para>
/// <para>Equality compares every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class QuantitativeEstimate : IEquatable<QuantitativeEstimate>
{
    private QuantitativeEstimate(EstimateKind kind, double probability, double minimum, double mostLikely, double maximum)
    {
        Kind = kind;
        Probability = probability;
        Minimum = minimum;
        MostLikely = mostLikely;
        Maximum = maximum;
    }

    /// <summary>The largest impact amount an estimate accepts: 10¹⁵ (a thousand million million units of money or hours).</summary>
    public const double MaxAmount = 1e15;

    /// <summary>Gets how the estimate was given.</summary>
    public EstimateKind Kind { get; }

    /// <summary>Gets the probability that the risk happens, in [0, 1].</summary>
    public double Probability { get; }

    /// <summary>Gets the smallest impact (equal to the others for a single-amount estimate).</summary>
    public double Minimum { get; }

    /// <summary>Gets the most likely impact.</summary>
    public double MostLikely { get; }

    /// <summary>Gets the largest impact.</summary>
    public double Maximum { get; }

    /// <summary>Gets the impact used for the expected value: the amount itself, or the PERT mean of a three-point estimate.</summary>
    public double Impact => Kind == EstimateKind.ThreePoint ? (Minimum + (4 * MostLikely) + Maximum) / 6 : MostLikely;

    /// <summary>Gets the PERT standard deviation of the impact, (maximum − minimum) / 6; zero for a single amount.</summary>
    public double StandardDeviation => (Maximum - Minimum) / 6;

    /// <summary>Gets the unsigned expected value: probability × impact.</summary>
    public double ExpectedValue => Probability * Impact;

    /// <summary>Creates an estimate from a probability and one impact amount.</summary>
    /// <param name="probability">The probability, in [0, 1].</param>
    /// <param name="impact">The impact amount, from 0 to <see cref="MaxAmount"/>.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public static QuantitativeEstimate FromProbabilityAndImpact(double probability, double impact)
    {
        Preconditions.CheckInRange(probability, 0, 1);
        CheckAmount(impact);
        return new(EstimateKind.ProbabilityAndImpact, probability, impact, impact, impact);
    }

    /// <summary>Creates a three-point estimate of the impact, weighted by PERT.</summary>
    /// <param name="minimum">The smallest impact, from 0 to <see cref="MaxAmount"/>.</param>
    /// <param name="mostLikely">The most likely impact, at least <paramref name="minimum"/>.</param>
    /// <param name="maximum">The largest impact, at least <paramref name="mostLikely"/> and at most <see cref="MaxAmount"/>.</param>
    /// <param name="probability">The probability that the risk happens, in [0, 1]; 1 by default (the range already describes the outcome).</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or the three points are out of order; the message names the value.</exception>
    public static QuantitativeEstimate FromThreePoint(double minimum, double mostLikely, double maximum, double probability = 1)
    {
        CheckAmount(minimum);
        CheckAmount(mostLikely);
        CheckAmount(maximum);
        Preconditions.CheckInRange(probability, 0, 1);
        if (mostLikely < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(mostLikely), mostLikely, Preconditions.Invariant($"The most likely impact {mostLikely} is below the minimum {minimum}."));
        }

        if (maximum < mostLikely)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, Preconditions.Invariant($"The maximum impact {maximum} is below the most likely {mostLikely}."));
        }

        return new(EstimateKind.ThreePoint, probability, minimum, mostLikely, maximum);
    }

    /// <summary>Gets the signed expected value for a risk of the given polarity: negative for a threat, positive for an opportunity.</summary>
    /// <param name="polarity">The risk's polarity.</param>
    /// <returns>The signed expected value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="polarity"/> is undefined.</exception>
    public double SignedExpectedValue(RiskPolarity polarity) =>
        Preconditions.CheckDefined(polarity) == RiskPolarity.Threat ? -ExpectedValue : ExpectedValue;

    /// <inheritdoc />
    public bool Equals(QuantitativeEstimate? other) =>
        other is not null && Kind == other.Kind && Probability.Equals(other.Probability) && Minimum.Equals(other.Minimum)
        && MostLikely.Equals(other.MostLikely) && Maximum.Equals(other.Maximum);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QuantitativeEstimate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Probability, Minimum, MostLikely, Maximum);

    /// <inheritdoc />
    public override string ToString() => Kind == EstimateKind.ThreePoint
        ? Preconditions.Invariant($"p={Probability} × PERT({Minimum}, {MostLikely}, {Maximum})")
        : Preconditions.Invariant($"p={Probability} × {MostLikely}");

    private static void CheckAmount(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value) || value < 0 || value > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(paramName, value, Preconditions.Invariant($"An impact amount must be from 0 to 1E+15 (QuantitativeEstimate.MaxAmount), but was {value:R}."));
        }
    }
}
