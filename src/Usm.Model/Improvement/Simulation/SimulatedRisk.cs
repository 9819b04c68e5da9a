using Usm.Model.Internal;

namespace Usm.Model.Improvement.Simulation;

/// <summary>
/// One risk's (or FAIR scenario's) part in a <see cref="RiskSimulation"/>: how often it occurred, the summary of its
/// signed value (threats and losses negative, opportunities positive, 0 in iterations where it did not occur), its
/// exact mean and standard deviation under the model, and its share of the net total's variance.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SimulatedRisk
{
    internal SimulatedRisk(string id, RiskPolarity polarity, QuantitativeEstimate? estimate, FairScenario? scenario, int occurrences, SimulationSummary summary, double varianceShare)
    {
        Id = id;
        Polarity = polarity;
        Estimate = estimate;
        Scenario = scenario;
        ExpectedValue = estimate is not null ? estimate.SignedExpectedValue(polarity) : 0 - scenario!.AnnualisedLossExpectancy;
        ModelVariance = estimate is not null ? EstimateVariance(estimate) : scenario!.AnnualLossVariance;
        Occurrences = occurrences;
        Summary = summary;
        VarianceShare = varianceShare;
    }

    /// <summary>Gets the risk's id.</summary>
    public string Id { get; }

    /// <summary>Gets the risk's polarity (the sign of its value).</summary>
    public RiskPolarity Polarity { get; }

    /// <summary>Gets the estimate that was simulated (the inherent assessment's, or the residual one's under <see cref="SimulatedAssessment.Residual"/>); null for a FAIR scenario.</summary>
    public QuantitativeEstimate? Estimate { get; }

    /// <summary>Gets the FAIR scenario that was simulated; null for a risk.</summary>
    public FairScenario? Scenario { get; }

    /// <summary>Gets the number of iterations in which the risk occurred.</summary>
    public int Occurrences { get; }

    /// <summary>Gets the share of iterations in which the risk occurred; it estimates the estimate's probability.</summary>
    public double OccurrenceShare => (double)Occurrences / Summary.Count;

    /// <summary>Gets the summary of the risk's signed value per iteration.</summary>
    public SimulationSummary Summary { get; }

    /// <summary>Gets the signed expected value, exactly: probability × PERT mean (or the single amount), negative for a threat; for a FAIR scenario the negated annualised loss expectancy. The simulated mean converges to it.</summary>
    public double ExpectedValue { get; }

    /// <summary>
    /// Gets the exact standard deviation of the risk's value under the model: √(p · σ² + p · (1 − p) · μ²) with μ the
    /// PERT mean and σ² the Beta-PERT variance (μ − a)(b − μ) / 7 (0 for a single amount). Note that σ here is the
    /// Beta-PERT distribution's, not the rule-of-thumb (b − a) / 6 of <see cref="QuantitativeEstimate.StandardDeviation"/>.
    /// For a FAIR scenario see <see cref="FairScenario.AnnualLossStandardDeviation"/>.
    /// </summary>
    public double ModelStandardDeviation => Math.Sqrt(ModelVariance);

    /// <summary>
    /// Gets the risk's contribution to the spread: its sample variance divided by the sum of the sample variances of
    /// every simulated risk (0 when that sum is 0). Risks are drawn independently, so the net total's variance is the
    /// sum of theirs up to sampling error, and the shares sum to 1.
    /// </summary>
    public double VarianceShare { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Id} ({Polarity}): occurred {SimulationSummary.F(100.0 * OccurrenceShare)} %, mean {SimulationSummary.F(Summary.Mean)} (EV {SimulationSummary.F(ExpectedValue)}), P10 {SimulationSummary.F(Summary.P10)}, P90 {SimulationSummary.F(Summary.P90)}, variance share {SimulationSummary.F(100.0 * VarianceShare)} %");

    /// <summary>Gets the exact variance of the value under the model.</summary>
    internal double ModelVariance { get; }

    /// <summary>The variance of p × impact under the model: p · (σ² + μ²) − (p · μ)².</summary>
    internal static double EstimateVariance(QuantitativeEstimate estimate)
    {
        var p = estimate.Probability;
        var mu = estimate.Impact;
        var pert = estimate.Kind == EstimateKind.ThreePoint ? PertRange.PertVariance(estimate.Minimum, mu, estimate.Maximum) : 0.0;
        return Math.Max(0, (p * pert) + (p * (1 - p) * mu * mu));
    }
}
