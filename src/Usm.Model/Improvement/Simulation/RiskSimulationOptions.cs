using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Improvement.Simulation;

/// <summary>What <see cref="RiskSimulation.Run(IEnumerable{Risk}, RiskSimulationOptions?)"/> does with a risk that has no quantitative estimate.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum MissingEstimatePolicy
{
    /// <summary>Leave the risk out and list its id in <see cref="RiskSimulationResult.SkippedWithoutEstimate"/>.</summary>
    Skip = 1,

    /// <summary>Refuse the whole run with an <see cref="ArgumentException"/> that names the risk.</summary>
    Refuse = 2,
}

/// <summary>Which assessment of a risk <see cref="RiskSimulation"/> draws from.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum SimulatedAssessment
{
    /// <summary>The inherent assessment (before any measure): the one <see cref="RiskDatabase.Exposure"/> counts.</summary>
    Inherent = 1,

    /// <summary>The residual assessment (expected when the measure was selected, recorded again at closure) where it has an estimate; the inherent one otherwise.</summary>
    Residual = 2,
}

/// <summary>
/// Options of a <see cref="RiskSimulation"/>: the number of iterations, the seed, what to do with risks without an
/// estimate or no longer open, the percentile levels every summary keeps, and how many threads may draw.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskSimulationOptions
{
    /// <summary>The default number of iterations: 10,000 (percentiles then move by about 1-2 % between seeds).</summary>
    public const int DefaultIterations = 10_000;

    /// <summary>The most iterations a run accepts: 1,000,000 (ten times the precision of the default; memory about 16 bytes per iteration for the net totals, plus the draw buffers).</summary>
    public const int MaxIterations = 1_000_000;

    /// <summary>The default seed, 2000 (the year Marsaglia and Tsang published their gamma method); a fixed default keeps a run reproducible.</summary>
    public const ulong DefaultSeed = 2000;

    /// <summary>The most threads a run may use: 64.</summary>
    public const int MaxParallelism = 64;

    private static readonly ImmutableArray<double> s_defaultLevels = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

    /// <summary>Creates options.</summary>
    /// <param name="iterations">The number of iterations, 1 to <see cref="MaxIterations"/>.</param>
    /// <param name="seed">The analysis seed: the same seed gives the same result on every run, machine and thread count.</param>
    /// <param name="missingEstimates">What to do with a risk without a quantitative estimate; <see cref="MissingEstimatePolicy.Skip"/> by default.</param>
    /// <param name="includeEnded">Whether closed, rejected and withdrawn risks are simulated too (their inherent estimate); by default they are skipped and listed, as <see cref="RiskDatabase.Exposure"/> counts only open risks.</param>
    /// <param name="percentileLevels">The percentile levels (each in [0, 1]) every summary keeps; null for 0.05, 0.1, 0.25, 0.5, 0.75, 0.9 and 0.95. The levels 0.1, 0.5 and 0.9 are always added; repeats are dropped.</param>
    /// <param name="maxDegreeOfParallelism">How many threads may draw, 1 (the default: the calling thread only) to <see cref="MaxParallelism"/>. The result does not depend on it.</param>
    /// <param name="assessment">Which assessment is drawn from; <see cref="SimulatedAssessment.Inherent"/> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/>, <paramref name="maxDegreeOfParallelism"/> or a percentile level is out of range, or <paramref name="missingEstimates"/> or <paramref name="assessment"/> is undefined; the message names the value.</exception>
    public RiskSimulationOptions(int iterations = DefaultIterations, ulong seed = DefaultSeed, MissingEstimatePolicy missingEstimates = MissingEstimatePolicy.Skip, bool includeEnded = false, IEnumerable<double>? percentileLevels = null, int maxDegreeOfParallelism = 1, SimulatedAssessment assessment = SimulatedAssessment.Inherent)
    {
        Assessment = Preconditions.CheckDefined(assessment);
        Iterations = Preconditions.CheckInRange(iterations, 1, MaxIterations);
        Seed = seed;
        MissingEstimates = Preconditions.CheckDefined(missingEstimates);
        IncludeEnded = includeEnded;
        PercentileLevels = NormaliseLevels(percentileLevels ?? s_defaultLevels);
        MaxDegreeOfParallelism = Preconditions.CheckInRange(maxDegreeOfParallelism, 1, MaxParallelism);
    }

    /// <summary>Gets the default options: 10,000 iterations, seed 2000, risks without an estimate skipped, only open risks, the default levels, one thread, inherent assessments.</summary>
    public static RiskSimulationOptions Default { get; } = new();

    /// <summary>Gets the number of iterations.</summary>
    public int Iterations { get; }

    /// <summary>Gets the analysis seed.</summary>
    public ulong Seed { get; }

    /// <summary>Gets what is done with a risk without a quantitative estimate.</summary>
    public MissingEstimatePolicy MissingEstimates { get; }

    /// <summary>Gets whether closed, rejected and withdrawn risks are simulated too.</summary>
    public bool IncludeEnded { get; }

    /// <summary>Gets the percentile levels every summary keeps, ascending, without repeats, always with 0.1, 0.5 and 0.9.</summary>
    public ImmutableArray<double> PercentileLevels { get; }

    /// <summary>Gets how many threads may draw.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Gets which assessment is drawn from.</summary>
    public SimulatedAssessment Assessment { get; }

    /// <summary>Returns these options with another number of iterations.</summary>
    /// <param name="iterations">1 to <see cref="MaxIterations"/>.</param>
    /// <returns>New options; these are unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is out of range.</exception>
    public RiskSimulationOptions WithIterations(int iterations) => new(iterations, Seed, MissingEstimates, IncludeEnded, PercentileLevels, MaxDegreeOfParallelism, Assessment);

    /// <summary>Returns these options with another seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>New options; these are unchanged.</returns>
    public RiskSimulationOptions WithSeed(ulong seed) => new(Iterations, seed, MissingEstimates, IncludeEnded, PercentileLevels, MaxDegreeOfParallelism, Assessment);

    /// <summary>Returns these options with another thread limit (the result stays the same).</summary>
    /// <param name="maxDegreeOfParallelism">1 to <see cref="MaxParallelism"/>.</param>
    /// <returns>New options; these are unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is out of range.</exception>
    public RiskSimulationOptions WithMaxDegreeOfParallelism(int maxDegreeOfParallelism) => new(Iterations, Seed, MissingEstimates, IncludeEnded, PercentileLevels, maxDegreeOfParallelism, Assessment);

    /// <summary>Returns these options drawing from another assessment. With the same seed, a risk whose estimate is the same in both runs (no residual estimate) draws exactly the same values in both, so the difference between an inherent and a residual run comes from the risks whose measures change their estimate.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>New options; these are unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="assessment"/> is undefined.</exception>
    public RiskSimulationOptions WithAssessment(SimulatedAssessment assessment) => new(Iterations, Seed, MissingEstimates, IncludeEnded, PercentileLevels, MaxDegreeOfParallelism, assessment);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Iterations} iterations, seed {Seed}, missing estimates: {MissingEstimates}, ended risks {(IncludeEnded ? "included" : "skipped")}, {Assessment} assessments");

    private static ImmutableArray<double> NormaliseLevels(IEnumerable<double> levels)
    {
        var set = new SortedSet<double> { 0.1, 0.5, 0.9 };
        foreach (var level in levels)
        {
            set.Add(Preconditions.CheckInRange(level, 0, 1, "percentileLevels") + 0.0); // + 0.0 turns −0 into 0
        }

        return [.. set];
    }
}
