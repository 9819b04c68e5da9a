using Usm.Model.Internal;

namespace Usm.Model.Improvement.Simulation;

/// <summary>
/// A three-point range (minimum, most likely, maximum) drawn from the Beta-PERT distribution with λ = 4, for the inputs
/// of a <see cref="FairScenario"/>.
/// </summary>
/// <remarks>Equality compares the three values.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PertRange : IEquatable<PertRange>
{
    /// <summary>Creates a range.</summary>
    /// <param name="minimum">The smallest value, from 0 to <see cref="QuantitativeEstimate.MaxAmount"/>.</param>
    /// <param name="mostLikely">The most likely value, at least <paramref name="minimum"/>.</param>
    /// <param name="maximum">The largest value, at least <paramref name="mostLikely"/> and at most <see cref="QuantitativeEstimate.MaxAmount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, not finite, above the bound or out of order; the message names it.</exception>
    public PertRange(double minimum, double mostLikely, double maximum)
    {
        Minimum = CheckValue(minimum);
        MostLikely = CheckValue(mostLikely);
        Maximum = CheckValue(maximum);
        if (mostLikely < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(mostLikely), mostLikely, Preconditions.Invariant($"The most likely value {mostLikely} is below the minimum {minimum}."));
        }

        if (maximum < mostLikely)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, Preconditions.Invariant($"The maximum {maximum} is below the most likely value {mostLikely}."));
        }
    }

    /// <summary>Gets the smallest value.</summary>
    public double Minimum { get; }

    /// <summary>Gets the most likely value (the mode).</summary>
    public double MostLikely { get; }

    /// <summary>Gets the largest value.</summary>
    public double Maximum { get; }

    /// <summary>Gets the PERT mean, (minimum + 4 × most likely + maximum) / 6.</summary>
    public double Mean => (Minimum + (4 * MostLikely) + Maximum) / 6;

    /// <summary>Gets the Beta-PERT variance, (mean − minimum)(maximum − mean) / 7 (0 when minimum = maximum).</summary>
    public double Variance => PertVariance(Minimum, Mean, Maximum);

    /// <summary>Creates a range that is one value (no uncertainty).</summary>
    /// <param name="value">The value, from 0 to <see cref="QuantitativeEstimate.MaxAmount"/>.</param>
    /// <returns>The range (value, value, value).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is out of range.</exception>
    public static PertRange Constant(double value) => new(CheckValue(value), value, value);

    /// <inheritdoc />
    public bool Equals(PertRange? other) =>
        other is not null && Minimum.Equals(other.Minimum) && MostLikely.Equals(other.MostLikely) && Maximum.Equals(other.Maximum);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PertRange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Minimum, MostLikely, Maximum);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"PERT({Minimum}, {MostLikely}, {Maximum})");

    /// <summary>The Beta-PERT (λ = 4) variance (μ − a)(b − μ)/7, never negative.</summary>
    internal static double PertVariance(double a, double mean, double b) => Math.Max(0, (mean - a) * (b - mean) / 7);

    private static double CheckValue(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value) || value < 0 || value > QuantitativeEstimate.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(paramName, value, Preconditions.Invariant($"A range value must be from 0 to 1E+15 (QuantitativeEstimate.MaxAmount), but was {value:R}."));
        }

        return value;
    }
}

/// <summary>
/// A loss scenario in the manner of Open FAIR, reduced to its top two factors ("FAIR-lite"): how often a loss event
/// happens per year (loss event frequency) and how much one event costs (loss magnitude), each a three-point range.
/// Simulated by <see cref="RiskSimulation.RunFair"/>, it gives the distribution of the annual loss, whose mean is the
/// annualised loss expectancy (ALE).
/// </summary>
/// <remarks>
/// <para>One iteration (one simulated year): a rate λ drawn from the frequency range (Beta-PERT), a number of events
/// N ~ Poisson(λ), and N magnitudes drawn from the magnitude range (Beta-PERT), summed. The scenario "occurs" in a
/// year with at least one event. The value is the negated loss.</para>
/// <para>Exactly under this model, ALE = E[λ] · E[M] (the two PERT means), and the annual loss's variance is
/// E[λ] · E[M²] + Var(λ) · E[M]² (a Poisson sum with a random rate, by the law of total variance).</para>
/// <para>Equality compares the id and both ranges.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class FairScenario : IEquatable<FairScenario>
{
    /// <summary>The largest loss event frequency a scenario accepts: 1,000 events per year (each event is drawn, so a year costs O(events)).</summary>
    public const double MaxEventsPerYear = 1_000;

    /// <summary>Creates a scenario.</summary>
    /// <param name="id">The scenario's id (it derives its random stream), for example a risk's id.</param>
    /// <param name="lossEventFrequency">Loss events per year, its maximum at most <see cref="MaxEventsPerYear"/>.</param>
    /// <param name="lossMagnitude">The loss of one event.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The frequency's maximum is above <see cref="MaxEventsPerYear"/>.</exception>
    public FairScenario(string id, PertRange lossEventFrequency, PertRange lossMagnitude)
    {
        Id = Preconditions.CheckNotBlank(id);
        LossEventFrequency = Preconditions.CheckNotNull(lossEventFrequency);
        LossMagnitude = Preconditions.CheckNotNull(lossMagnitude);
        if (lossEventFrequency.Maximum > MaxEventsPerYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lossEventFrequency), lossEventFrequency.Maximum, Preconditions.Invariant(
                $"Scenario '{id}': a loss event frequency of up to {lossEventFrequency.Maximum} events per year is above {MaxEventsPerYear} (FairScenario.MaxEventsPerYear)."));
        }
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the loss event frequency range, in events per year.</summary>
    public PertRange LossEventFrequency { get; }

    /// <summary>Gets the loss magnitude range, per event.</summary>
    public PertRange LossMagnitude { get; }

    /// <summary>Gets the annualised loss expectancy (ALE) under the model: the frequency's PERT mean × the magnitude's PERT mean.</summary>
    public double AnnualisedLossExpectancy => LossEventFrequency.Mean * LossMagnitude.Mean;

    /// <summary>Gets the annual loss's standard deviation under the model: √(E[λ] · (Var M + E[M]²) + Var λ · E[M]²).</summary>
    public double AnnualLossStandardDeviation => Math.Sqrt(AnnualLossVariance);

    internal double AnnualLossVariance
    {
        get
        {
            var m = LossMagnitude.Mean;
            return (LossEventFrequency.Mean * (LossMagnitude.Variance + (m * m))) + (LossEventFrequency.Variance * m * m);
        }
    }

    /// <inheritdoc />
    public bool Equals(FairScenario? other) =>
        other is not null && Id == other.Id && LossEventFrequency.Equals(other.LossEventFrequency) && LossMagnitude.Equals(other.LossMagnitude);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FairScenario other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, LossEventFrequency, LossMagnitude);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Id}: {LossEventFrequency} events/year × {LossMagnitude} per event");
}
