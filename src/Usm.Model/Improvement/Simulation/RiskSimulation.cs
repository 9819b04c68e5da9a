using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Usm.Model.Internal;

namespace Usm.Model.Improvement.Simulation;

/// <summary>
/// A reproducible Monte Carlo simulation of risks' quantitative estimates: in every iteration each risk occurs with its
/// estimate's probability and, when it does, takes an impact drawn from its estimate (a single amount as it is, a
/// three-point estimate from the Beta-PERT distribution), negative for a threat and positive for an opportunity; the
/// iteration's net value is the sum. The result summarises the net value, the threats and the opportunities, and
/// each risk.
/// </summary>
/// <remarks>
/// <para><b>What is simulated.</b> The inherent assessment's estimate of every open risk (or the residual one where
/// it has an estimate, with <see cref="SimulatedAssessment.Residual"/>). Closed, rejected and
/// withdrawn risks are skipped and listed, as <see cref="RiskDatabase.Exposure"/> counts only open risks, unless
/// <see cref="RiskSimulationOptions.IncludeEnded"/> is set. A risk without an estimate is skipped and listed, or
/// refused (<see cref="RiskSimulationOptions.MissingEstimates"/>).</para>
/// <para><b>Sampling.</b> Occurrence: a uniform u in [0, 1) from the risk's stream; the risk occurs when u &lt; p (so
/// never for p = 0, always for p = 1). Impact: a single amount as it is; a three-point estimate (a, m, b) as
/// a + (b − a) · Beta(α, β) with α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a) (λ = 4, so the mean is the PERT
/// mean (a + 4m + b)/6), the beta variate as G₁ / (G₁ + G₂) of two gamma variates (Marsaglia and Tsang, 2000), kept
/// within [a, b]; a alone when a = b. Sign: threats 0 − impact, opportunities + impact, 0 when the risk does not occur
/// (the convention of <see cref="QuantitativeEstimate.SignedExpectedValue"/>).</para>
/// <para><b>Per-risk streams.</b> Each risk draws all its iterations from its own xoshiro256** stream, derived from
/// the seed and its id only (first SplitMix64 output of the seed XOR FNV-1a-64 of the id's UTF-16 code units, then
/// seeded as usual). So adding, removing or reordering other risks never changes a risk's draws, and the result does
/// not depend on the input order. The net value of an iteration is summed over the risks in ordinal id order.</para>
/// <para><b>Threads.</b> With <see cref="RiskSimulationOptions.MaxDegreeOfParallelism"/> above 1 the risks are drawn
/// in blocks on several threads, and each block is added to the totals in id order, so the result is bit-identical to
/// the single-threaded run.</para>
/// <para><b>Cost.</b> O(risks × iterations) draws (a uniform, and for a three-point risk that occurs two gamma
/// variates) plus one sort of each risk's draws for its percentiles, O(risks × iterations × log iterations). Memory:
/// the result's 16 bytes per iteration, three running totals and one buffer of iterations doubles per risk drawn at a
/// time (at most about 32 MB).</para>
/// </remarks>
public static class RiskSimulation
{
    /// <summary>The most doubles the draw buffers of a parallel run hold at once: 4,194,304 (32 MB).</summary>
    private const int MaxBufferCells = 4 * 1024 * 1024;

    /// <summary>Simulates the risks of a risk database (its current version).</summary>
    /// <param name="database">The risk database; open risks are simulated (see <see cref="RiskSimulationOptions.IncludeEnded"/>).</param>
    /// <param name="options">The options, or null for <see cref="RiskSimulationOptions.Default"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    /// <exception cref="ArgumentException">A risk has no estimate and the options refuse that; the message names it.</exception>
    public static RiskSimulationResult Run(RiskDatabase database, RiskSimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Run(database.Risks, options);
    }

    /// <summary>Simulates a set of risks.</summary>
    /// <param name="risks">The risks, in any order; ids must be unique.</param>
    /// <param name="options">The options, or null for <see cref="RiskSimulationOptions.Default"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="risks"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">Two risks share an id, or a risk has no estimate and the options refuse that; the message names the id.</exception>
    public static RiskSimulationResult Run(IEnumerable<Risk> risks, RiskSimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(risks);
        options ??= RiskSimulationOptions.Default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<(Risk Risk, QuantitativeEstimate Estimate)>();
        var withoutEstimate = new List<string>();
        var ended = new List<string>();
        var index = 0;
        foreach (var risk in risks)
        {
            Preconditions.CheckElementNotNull(risk, nameof(risks), Preconditions.Invariant($"The risk at index {index} is null."));
            if (!seen.Add(risk.Id))
            {
                throw new ArgumentException(Preconditions.Invariant($"Two risks have the id '{risk.Id}'; each risk's random stream is derived from its id, so ids must be unique."), nameof(risks));
            }

            index++;
            if (!risk.IsOpen && !options.IncludeEnded)
            {
                ended.Add(risk.Id);
                continue;
            }

            var assessment = options.Assessment == SimulatedAssessment.Residual && risk.Residual?.Estimate is not null ? risk.Residual : risk.Inherent;
            if (assessment?.Estimate is not { } estimate)
            {
                if (options.MissingEstimates == MissingEstimatePolicy.Refuse)
                {
                    throw new ArgumentException(Preconditions.Invariant($"Risk '{risk.Id}' ({risk.Status}) has no quantitative estimate in its {(options.Assessment == SimulatedAssessment.Residual ? "residual or inherent assessment" : "inherent assessment")}; classify it with one, or pass MissingEstimatePolicy.Skip."), nameof(risks));
                }

                withoutEstimate.Add(risk.Id);
                continue;
            }

            inputs.Add((risk, estimate));
        }

        inputs.Sort(static (a, b) => string.CompareOrdinal(a.Risk.Id, b.Risk.Id));
        var sources = new SimulationSource[inputs.Count];
        for (var r = 0; r < sources.Length; r++)
        {
            sources[r] = new EstimateSource(inputs[r].Risk.Id, inputs[r].Risk.Polarity, inputs[r].Estimate);
        }

        var (totals, sorted, net, threats, opportunities, parts) = Simulate(sources, options);
        var simulated = new SimulatedRisk[sources.Length];
        for (var r = 0; r < simulated.Length; r++)
        {
            simulated[r] = new SimulatedRisk(inputs[r].Risk.Id, inputs[r].Risk.Polarity, inputs[r].Estimate, null, parts[r].Occurrences, parts[r].Summary, parts[r].VarianceShare);
        }

        return new RiskSimulationResult(options, "risks", totals, sorted, net, threats, opportunities, ImmutableCollectionsMarshal.AsImmutableArray(simulated), Sorted(withoutEstimate), Sorted(ended));
    }

    /// <summary>
    /// Simulates FAIR-lite loss scenarios: per iteration (one year) each scenario draws a loss event rate from its
    /// frequency range, a Poisson number of events with that rate, and a magnitude per event; its value is the negated
    /// sum. The result has the shape of <see cref="Run(IEnumerable{Risk}, RiskSimulationOptions?)"/>'s: the net value
    /// is minus the annual loss of all scenarios (so <see cref="RiskSimulationResult.ProbabilityOfLossGreaterThan"/> is
    /// the loss exceedance), <see cref="RiskSimulationResult.ExpectedValue"/> is minus the summed annualised loss
    /// expectancy, and each scenario is a <see cref="SimulatedRisk"/> (a threat) whose occurrences are the years with
    /// at least one event.
    /// </summary>
    /// <param name="scenarios">The scenarios, in any order; ids must be unique.</param>
    /// <param name="options">The options (iterations, seed, levels, threads; the estimate and status options do not apply), or null for the defaults.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenarios"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">Two scenarios share an id; the message names it.</exception>
    public static RiskSimulationResult RunFair(IEnumerable<FairScenario> scenarios, RiskSimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        options ??= RiskSimulationOptions.Default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<FairScenario>();
        var index = 0;
        foreach (var scenario in scenarios)
        {
            Preconditions.CheckElementNotNull(scenario, nameof(scenarios), Preconditions.Invariant($"The scenario at index {index} is null."));
            if (!seen.Add(scenario.Id))
            {
                throw new ArgumentException(Preconditions.Invariant($"Two scenarios have the id '{scenario.Id}'; each scenario's random stream is derived from its id, so ids must be unique."), nameof(scenarios));
            }

            list.Add(scenario);
            index++;
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var sources = list.Select(s => (SimulationSource)new FairSource(s)).ToArray();
        var (totals, sorted, net, threats, opportunities, parts) = Simulate(sources, options);
        var simulated = new SimulatedRisk[sources.Length];
        for (var r = 0; r < simulated.Length; r++)
        {
            simulated[r] = new SimulatedRisk(list[r].Id, RiskPolarity.Threat, null, list[r], parts[r].Occurrences, parts[r].Summary, parts[r].VarianceShare);
        }

        return new RiskSimulationResult(options, "FAIR scenarios", totals, sorted, net, threats, opportunities, ImmutableCollectionsMarshal.AsImmutableArray(simulated), [], []);
    }

    /// <summary>
    /// The engine: draws every source's iterations from its own stream, in blocks of sources (one source at a time on
    /// one thread), adds each block to the totals in source order, and summarises.
    /// </summary>
    internal static (ImmutableArray<double> Totals, double[] Sorted, SimulationSummary Net, SimulationSummary Threats, SimulationSummary Opportunities, (int Occurrences, SimulationSummary Summary, double VarianceShare)[] Parts)
        Simulate(SimulationSource[] sources, RiskSimulationOptions options)
    {
        var n = options.Iterations;
        var levels = options.PercentileLevels;
        var totals = new double[n];
        var threats = new double[n];
        var opportunities = new double[n];
        var occurrences = new int[sources.Length];
        var summaries = new SimulationSummary[sources.Length];
        var degree = options.MaxDegreeOfParallelism;
        var block = degree == 1 ? 1 : Math.Max(1, Math.Min(degree * 4, MaxBufferCells / n));
        var rows = new double[Math.Min(block, Math.Max(sources.Length, 1)) * n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree };
        for (var start = 0; start < sources.Length; start += block)
        {
            var count = Math.Min(block, sources.Length - start);
            var first = start;
            if (count == 1)
            {
                occurrences[first] = sources[first].Fill(options.Seed, rows.AsSpan(0, n));
            }
            else
            {
                Parallel.For(0, count, parallel, k => occurrences[first + k] = sources[first + k].Fill(options.Seed, rows.AsSpan(k * n, n)));
            }

            // The totals take the block's rows in source (ordinal id) order: the same additions, in the same order, as one thread.
            for (var k = 0; k < count; k++)
            {
                var row = rows.AsSpan(k * n, n);
                var side = sources[first + k].Polarity == RiskPolarity.Threat ? threats : opportunities;
                for (var i = 0; i < n; i++)
                {
                    totals[i] += row[i];
                    side[i] += row[i];
                }
            }

            if (count == 1)
            {
                summaries[first] = SimulationSummary.Compute(rows.AsSpan(0, n), levels);
            }
            else
            {
                Parallel.For(0, count, parallel, k => summaries[first + k] = SimulationSummary.Compute(rows.AsSpan(k * n, n), levels));
            }
        }

        var varianceSum = 0.0;
        foreach (var summary in summaries)
        {
            varianceSum += summary.StandardDeviation * summary.StandardDeviation;
        }

        var parts = new (int, SimulationSummary, double)[sources.Length];
        for (var r = 0; r < parts.Length; r++)
        {
            var variance = summaries[r].StandardDeviation * summaries[r].StandardDeviation;
            parts[r] = (occurrences[r], summaries[r], varianceSum > 0 ? variance / varianceSum : 0.0);
        }

        var sorted = (double[])totals.Clone();
        var net = SimulationSummary.Compute(sorted, levels);
        return (ImmutableCollectionsMarshal.AsImmutableArray(totals), sorted, net, SimulationSummary.Compute(threats, levels), SimulationSummary.Compute(opportunities, levels), parts);
    }

    private static ImmutableArray<string> Sorted(List<string> ids)
    {
        ids.Sort(StringComparer.Ordinal);
        return [.. ids];
    }
}

/// <summary>One simulated item: an id (which derives its stream), a polarity (the sign) and how one iteration is drawn.</summary>
internal abstract class SimulationSource(string id, RiskPolarity polarity)
{
    public string Id { get; } = id;

    public RiskPolarity Polarity { get; } = polarity;

    /// <summary>Fills the row with the item's signed value in every iteration, from its own stream; returns the number of iterations in which it occurred.</summary>
    public int Fill(ulong seed, Span<double> row)
    {
        var stream = SimulationStream.For(seed, Id);
        var occurred = 0;
        var threat = Polarity == RiskPolarity.Threat;
        for (var i = 0; i < row.Length; i++)
        {
            var amount = Draw(stream);
            if (amount is { } value)
            {
                occurred++;
                row[i] = threat ? 0 - value : value;
            }
            else
            {
                row[i] = 0;
            }
        }

        return occurred;
    }

    /// <summary>Draws one iteration: the unsigned amount, or null when the item does not occur.</summary>
    protected abstract double? Draw(SimulationStream stream);
}

/// <summary>A risk's quantitative estimate: Bernoulli occurrence, then a single amount or a Beta-PERT impact.</summary>
internal sealed class EstimateSource(string id, RiskPolarity polarity, QuantitativeEstimate estimate) : SimulationSource(id, polarity)
{
    protected override double? Draw(SimulationStream stream)
    {
        if (stream.NextDouble() >= estimate.Probability)
        {
            return null;
        }

        return estimate.Kind == EstimateKind.ThreePoint
            ? stream.NextPert(estimate.Minimum, estimate.MostLikely, estimate.Maximum)
            : estimate.MostLikely;
    }
}

/// <summary>A FAIR-lite scenario: a PERT rate, a Poisson count of events, a PERT magnitude per event, summed.</summary>
internal sealed class FairSource(FairScenario scenario) : SimulationSource(scenario.Id, RiskPolarity.Threat)
{
    protected override double? Draw(SimulationStream stream)
    {
        var f = scenario.LossEventFrequency;
        var m = scenario.LossMagnitude;
        var events = stream.NextPoisson(stream.NextPert(f.Minimum, f.MostLikely, f.Maximum));
        if (events == 0)
        {
            return null;
        }

        var loss = 0.0;
        for (var k = 0; k < events; k++)
        {
            loss += stream.NextPert(m.Minimum, m.MostLikely, m.Maximum);
        }

        return loss;
    }
}
