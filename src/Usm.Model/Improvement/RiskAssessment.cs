using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// An assessment of a risk: its effect and likelihood as levels of organisation-defined <see cref="OrdinalScale"/>s,
/// and optionally a <see cref="QuantitativeEstimate"/>.
/// </summary>
/// <remarks>
/// <para>The same type holds the inherent assessment (before any measure) and the residual assessment (what remains
/// once the measure works). Levels are indexes, 0 for the lowest; a <see cref="RiskMatrix"/> checks them against its
/// scales.</para>
/// <para>Equality compares every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskAssessment : IEquatable<RiskAssessment>
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="effect">The effect level, from 0 (the lowest) to <see cref="MaxLevel"/>.</param>
    /// <param name="likelihood">The likelihood level, from 0 (the lowest) to <see cref="MaxLevel"/>.</param>
    /// <param name="estimate">An optional quantitative estimate.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effect"/> or <paramref name="likelihood"/> is negative or above <see cref="MaxLevel"/>.</exception>
    public RiskAssessment(int effect, int likelihood, QuantitativeEstimate? estimate = null)
    {
        Effect = Preconditions.CheckInRange(effect, 0, MaxLevel);
        Likelihood = Preconditions.CheckInRange(likelihood, 0, MaxLevel);
        Estimate = estimate;
    }

    /// <summary>
    /// The highest level an assessment accepts: <see cref="int.MaxValue"/> − 1, so that the 1-based level ranking uses
    /// (level + 1, see <c>RiskCandidates</c>) is still an <see cref="int"/>. An <see cref="OrdinalScale"/> never has that
    /// many levels; the bound only turns an overflow deep inside prioritisation into an error here.
    /// </summary>
    public const int MaxLevel = int.MaxValue - 1;

    /// <summary>Gets the effect level, 0 for the lowest.</summary>
    public int Effect { get; }

    /// <summary>Gets the likelihood level, 0 for the lowest.</summary>
    public int Likelihood { get; }

    /// <summary>Gets the quantitative estimate, if one was made.</summary>
    public QuantitativeEstimate? Estimate { get; }

    /// <summary>Gets the signed expected value for a risk of the given polarity, or zero when there is no estimate.</summary>
    /// <param name="polarity">The risk's polarity.</param>
    /// <returns>Negative for a threat, positive for an opportunity, zero without an estimate.</returns>
    public double SignedExpectedValue(RiskPolarity polarity) => Estimate?.SignedExpectedValue(polarity) ?? 0;

    /// <inheritdoc />
    public bool Equals(RiskAssessment? other) =>
        other is not null && Effect == other.Effect && Likelihood == other.Likelihood && Equals(Estimate, other.Estimate);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RiskAssessment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Effect, Likelihood, Estimate);

    /// <inheritdoc />
    public override string ToString() => Estimate is null
        ? Preconditions.Invariant($"effect {Effect}, likelihood {Likelihood}")
        : Preconditions.Invariant($"effect {Effect}, likelihood {Likelihood}, {Estimate}");
}
