using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Improvement.Simulation;

/// <summary>
/// The result of a <see cref="RiskSimulation"/>: the net value of the simulated risks per iteration (threats negative,
/// opportunities positive) with its summary, the threats' and the opportunities' totals separately, probabilities of
/// falling below a value, each risk's part, and the ids left out.
/// </summary>
/// <remarks>
/// Memory: the net totals in iteration order and a sorted copy (16 bytes per iteration) and one summary per risk; the
/// individual draws of the risks are not kept.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskSimulationResult
{
    private readonly double[] _sorted;
    private readonly Dictionary<string, SimulatedRisk> _byId;
    private string? _explanation;

    internal RiskSimulationResult(RiskSimulationOptions options, string kind, ImmutableArray<double> totals, double[] sorted, SimulationSummary net, SimulationSummary threats, SimulationSummary opportunities, ImmutableArray<SimulatedRisk> risks, ImmutableArray<string> skippedWithoutEstimate, ImmutableArray<string> skippedEnded)
    {
        Options = options;
        Kind = kind;
        Totals = totals;
        _sorted = sorted;
        Net = net;
        Threats = threats;
        Opportunities = opportunities;
        Risks = risks;
        SkippedWithoutEstimate = skippedWithoutEstimate;
        SkippedEnded = skippedEnded;
        _byId = new Dictionary<string, SimulatedRisk>(risks.Length, StringComparer.Ordinal);
        var ev = 0.0;
        var variance = 0.0;
        foreach (var risk in risks)
        {
            _byId.Add(risk.Id, risk);
            ev += risk.ExpectedValue;
            variance += risk.ModelVariance;
        }

        ExpectedValue = ev;
        ModelStandardDeviation = Math.Sqrt(variance);
    }

    /// <summary>Gets the options the run used.</summary>
    public RiskSimulationOptions Options { get; }

    /// <summary>Gets the number of iterations.</summary>
    public int Iterations => Options.Iterations;

    /// <summary>Gets the analysis seed.</summary>
    public ulong Seed => Options.Seed;

    /// <summary>Gets the net value of all simulated risks per iteration, in iteration order (each the sum over the risks in ordinal id order).</summary>
    public ImmutableArray<double> Totals { get; }

    /// <summary>Gets the summary of the net value per iteration.</summary>
    public SimulationSummary Net { get; }

    /// <summary>Gets the summary of the threats' total per iteration (never positive; all 0 without threats).</summary>
    public SimulationSummary Threats { get; }

    /// <summary>Gets the summary of the opportunities' total per iteration (never negative; all 0 without opportunities).</summary>
    public SimulationSummary Opportunities { get; }

    /// <summary>Gets every simulated risk's part, in ordinal id order.</summary>
    public ImmutableArray<SimulatedRisk> Risks { get; }

    /// <summary>Gets the ids of the risks left out for want of a quantitative estimate, in ordinal order.</summary>
    public ImmutableArray<string> SkippedWithoutEstimate { get; }

    /// <summary>Gets the ids of the closed, rejected and withdrawn risks left out, in ordinal order (empty when <see cref="RiskSimulationOptions.IncludeEnded"/> is set).</summary>
    public ImmutableArray<string> SkippedEnded { get; }

    /// <summary>Gets the exact expected net value of the simulated risks: the sum of their signed expected values (the risk database's exposure for the same risks). <see cref="SimulationSummary.Mean"/> of <see cref="Net"/> converges to it.</summary>
    public double ExpectedValue { get; }

    /// <summary>Gets the exact standard deviation of the net value under the model (the risks are independent, so the variances add).</summary>
    public double ModelStandardDeviation { get; }

    /// <summary>Gets a risk's part by id.</summary>
    /// <param name="id">The id (ordinal).</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No simulated risk has that id (it may have been skipped).</exception>
    public SimulatedRisk this[string id] =>
        _byId.TryGetValue(Preconditions.CheckNotNull(id), out var risk) ? risk : throw new KeyNotFoundException(Preconditions.Invariant($"The simulation has no risk '{id}'{(SkippedWithoutEstimate.Contains(id) ? " (it was skipped: no estimate)" : SkippedEnded.Contains(id) ? " (it was skipped: no longer open)" : string.Empty)}."));

    /// <summary>Gets an explanation in words: the net value's mean beside the expected value, its percentiles, the chance of a net loss, and the risks with the largest shares of the spread (called "most of the spread" only when together they hold more than half of the variance).</summary>
    public string Explanation => _explanation ??= Explain();

    /// <summary>What was simulated: "risks" or "FAIR scenarios".</summary>
    internal string Kind { get; }

    /// <summary>Gets the net value's percentile at any level (Hyndman and Fan definition 7, as <see cref="SimulationSummary"/>).</summary>
    /// <param name="level">The level, in [0, 1].</param>
    /// <returns>The percentile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside [0, 1] or NaN.</exception>
    public double Percentile(double level) => SimulationSummary.Quantile(_sorted, Preconditions.CheckInRange(level, 0, 1));

    /// <summary>Gets the share of iterations whose net value is strictly below a value.</summary>
    /// <param name="value">The value, for example −50,000 for "a net loss of more than 50,000".</param>
    /// <returns>A share in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public double ProbabilityBelow(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value must not be NaN.");
        }

        // The first index whose value is not below: a lower bound by binary search.
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (double)lo / _sorted.Length;
    }

    /// <summary>Gets the share of iterations whose net value is at or above a value: 1 − <see cref="ProbabilityBelow"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A share in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public double ProbabilityAtOrAbove(double value) => 1 - ProbabilityBelow(value);

    /// <summary>Gets the exceedance probability of a loss: the share of iterations whose net loss is greater than an amount, that is whose net value is below −amount.</summary>
    /// <param name="amount">The loss amount, at least 0.</param>
    /// <returns>A share in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative, infinite or NaN.</exception>
    public double ProbabilityOfLossGreaterThan(double amount)
    {
        if (!double.IsFinite(amount) || amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, Preconditions.Invariant($"A loss amount must be finite and at least 0, but was {amount}."));
        }

        return ProbabilityBelow(-amount);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"Monte Carlo of {Risks.Length} {Kind}, {Iterations} iterations, seed {Seed}: net {Net}");

    private string Explain()
    {
        static string F(double x) => SimulationSummary.F(x);
        static string Pct(double share) => SimulationSummary.F(100 * share) + " %";
        var text = new StringBuilder(Preconditions.Invariant(
            $"Over {Iterations} iterations (seed {Seed}) of {Risks.Length} {Kind}, the net value has mean {F(Net.Mean)} (expected value {F(ExpectedValue)}, standard error {F(Net.StandardError)}), standard deviation {F(Net.StandardDeviation)}, P10 {F(Net.P10)}, P50 {F(Net.P50)}, P90 {F(Net.P90)}, from {F(Net.Minimum)} to {F(Net.Maximum)}."));
        text.Append(Preconditions.Invariant($" A net loss (below 0) occurs in {Pct(ProbabilityBelow(0))} of the iterations."));
        if (Threats.Minimum < 0 && Opportunities.Maximum > 0)
        {
            text.Append(Preconditions.Invariant($" Threats alone: mean {F(Threats.Mean)}, P10 {F(Threats.P10)}; opportunities alone: mean {F(Opportunities.Mean)}, P90 {F(Opportunities.P90)}."));
        }

        var top = Risks.Where(r => r.VarianceShare > 0)
            .OrderByDescending(r => r.VarianceShare).ThenBy(r => r.Id, StringComparer.Ordinal).Take(3).ToArray();
        if (top.Length > 0)
        {
            // "Most" only when the named risks do hold more than half of the variance; many similar risks share it thinly.
            var named = string.Join(", ", top.Select(r => Preconditions.Invariant($"'{r.Id}' ({Pct(r.VarianceShare)})")));
            var together = top.Sum(r => r.VarianceShare);
            text.Append(together > 0.5
                ? Preconditions.Invariant($" Most of the spread comes from {named} of the variance.")
                : Preconditions.Invariant($" The spread is shared by many risks: the largest shares of the variance are {named}, together only {Pct(together)}."));
        }

        if (SkippedWithoutEstimate.Length > 0)
        {
            text.Append(Preconditions.Invariant($" Left out without an estimate: {Ids(SkippedWithoutEstimate)}."));
        }

        if (SkippedEnded.Length > 0)
        {
            text.Append(Preconditions.Invariant($" Left out as no longer open: {Ids(SkippedEnded)}."));
        }

        return text.ToString();
    }

    /// <summary>Up to ten ids, then how many more.</summary>
    private static string Ids(ImmutableArray<string> ids) => ids.Length <= 10
        ? string.Join(", ", ids)
        : Preconditions.Invariant($"{string.Join(", ", ids.Take(10))} and {ids.Length - 10} more");
}
