using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Bounds on one criterion's normalised weight (its share of the weights' sum) for <see cref="Smaa"/>: only weight
/// vectors with <see cref="Low"/> ≤ wⱼ ≤ <see cref="High"/> are sampled.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WeightBound
{
    /// <summary>Creates a bound.</summary>
    /// <param name="criterion">The criterion's name.</param>
    /// <param name="low">The lowest normalised weight, in [0, 1].</param>
    /// <param name="high">The highest normalised weight, in [<paramref name="low"/>, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="criterion"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> or <paramref name="high"/> is NaN or outside [0, 1], or <paramref name="high"/> is below <paramref name="low"/> (the message names the criterion).</exception>
    public WeightBound(string criterion, double low, double high)
    {
        Criterion = Preconditions.CheckNotBlank(criterion);
        Low = Preconditions.CheckInRange(low, 0, 1);
        High = Preconditions.CheckInRange(high, 0, 1);
        if (high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, Preconditions.Invariant($"The bound of criterion '{criterion}' has high {high} below low {low}."));
        }
    }

    /// <summary>Gets the criterion's name.</summary>
    public string Criterion { get; }

    /// <summary>Gets the lowest normalised weight.</summary>
    public double Low { get; }

    /// <summary>Gets the highest normalised weight.</summary>
    public double High { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Criterion} in [{Low}, {High}]");
}

/// <summary>
/// What is known about the criteria's weights in an SMAA analysis: nothing (every normalised weight vector is equally
/// likely), a complete ranking of the criteria by importance, bounds on single weights, or a ranking and bounds.
/// </summary>
/// <remarks>
/// <para>Sampling (see docs/smaa.md): a weight vector uniform on the simplex {w ≥ 0, Σ w = 1} comes from m − 1 uniform
/// numbers in [0, 1), sorted: the gaps between 0, the sorted numbers and 1 are the weights (the "sorted uniforms"
/// method; Tervonen and Lahdelma, "Implementing stochastic multicriteria acceptability analysis", European Journal of
/// Operational Research 178(2), 2007). With a ranking, the sampled weights are sorted in decreasing order and given to
/// the criteria in the ranking's order, which is uniform on the part of the simplex where w₁ ≥ w₂ ≥ … ≥ wₘ. With bounds,
/// a vector outside them is rejected and drawn again (after the ranking is applied); once the draws exceed
/// <see cref="MaxDrawsPerSample"/> × (accepted samples + 1), that is when fewer than about 1 draw in 10,000 is accepted
/// (an empty or tiny allowed region), the analysis stops with an error that names the information and the counts.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SmaaWeights
{
    /// <summary>The most draws from the simplex per accepted sample, on average, before the bounds are declared too tight: 10,000 (the analysis stops once its draws exceed 10,000 × (accepted samples + 1)).</summary>
    public const int MaxDrawsPerSample = 10_000;

    /// <summary>Creates weight information.</summary>
    /// <param name="ranking">Every criterion, most important first (weights sampled with w₁ ≥ w₂ ≥ …); null or empty for no ranking.</param>
    /// <param name="bounds">Bounds on single criteria's normalised weights; null or empty for none. A criterion without a bound may take any weight in [0, 1].</param>
    /// <exception cref="ArgumentNullException">The ranking holds a null name, or the bounds a null bound.</exception>
    /// <exception cref="ArgumentException">A name in the ranking is blank or repeats, or two bounds name the same criterion, or the lower bounds sum to more than 1 (the message names the criterion or gives the sum).</exception>
    public SmaaWeights(IEnumerable<string>? ranking = null, IEnumerable<WeightBound>? bounds = null)
    {
        ImmutableArray<string> order = [.. ranking ?? []];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < order.Length; k++)
        {
            Preconditions.CheckElementNotNull(order[k], nameof(ranking), Preconditions.Invariant($"The criterion at position {k + 1} of the ranking is null."));
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(order[k]), nameof(ranking), Preconditions.Invariant($"The criterion at position {k + 1} of the ranking is blank."));
            if (!seen.Add(order[k]))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{order[k]}' appears twice in the ranking."), nameof(ranking));
            }
        }

        ImmutableArray<WeightBound> list = [.. bounds ?? []];
        var named = new HashSet<string>(StringComparer.Ordinal);
        var lows = 0.0;
        for (var k = 0; k < list.Length; k++)
        {
            Preconditions.CheckElementNotNull(list[k], nameof(bounds), Preconditions.Invariant($"The bound at index {k} is null."));
            if (!named.Add(list[k].Criterion))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{list[k].Criterion}' has two bounds."), nameof(bounds));
            }

            lows += list[k].Low;
        }

        if (lows > 1)
        {
            throw new ArgumentException(Preconditions.Invariant($"The lower bounds sum to {lows}, more than 1, so no normalised weight vector meets them: {string.Join(", ", list)}."), nameof(bounds));
        }

        Ranking = order;
        Bounds = list;
    }

    /// <summary>Gets the information that says nothing: every normalised weight vector is equally likely.</summary>
    public static SmaaWeights Unknown { get; } = new();

    /// <summary>Gets the criteria from most to least important, or empty when there is no ranking.</summary>
    public ImmutableArray<string> Ranking { get; }

    /// <summary>Gets the bounds on single criteria's normalised weights (empty for none).</summary>
    public ImmutableArray<WeightBound> Bounds { get; }

    /// <summary>Gets whether nothing is known: no ranking and no bounds.</summary>
    public bool IsUnknown => Ranking.IsEmpty && Bounds.IsEmpty;

    /// <summary>Creates information that ranks the criteria: w₁ ≥ w₂ ≥ … in the given order.</summary>
    /// <param name="criteria">Every criterion of the analysis, most important first.</param>
    /// <returns>The information.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A name is blank or repeats.</exception>
    public static SmaaWeights Ranked(IEnumerable<string> criteria) => new(Preconditions.CheckNotNull(criteria), null);

    /// <summary>Creates information that bounds single criteria's normalised weights.</summary>
    /// <param name="bounds">The bounds.</param>
    /// <returns>The information.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bounds"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">Two bounds name the same criterion, or the lows sum to more than 1.</exception>
    public static SmaaWeights Bounded(IEnumerable<WeightBound> bounds) => new(null, Preconditions.CheckNotNull(bounds));

    /// <inheritdoc />
    public override string ToString() =>
        IsUnknown ? "unknown weights"
        : string.Join("; ", new[]
        {
            Ranking.IsEmpty ? null : "ranking " + string.Join(" ≥ ", Ranking),
            Bounds.IsEmpty ? null : "bounds " + string.Join(", ", Bounds),
        }.Where(s => s is not null));
}

/// <summary>Options of an SMAA-2 analysis (<see cref="Smaa.Analyse"/>): sample count, seed, weight information, ranking options.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SmaaOptions
{
    /// <summary>The default number of samples: 10,000 (a share then has a standard error of at most 0.005).</summary>
    public const int DefaultSamples = 10_000;

    /// <summary>The most samples an analysis accepts: 10,000,000.</summary>
    public const int MaxSamples = 10_000_000;

    /// <summary>The default seed, 2001 (the year SMAA-2 was published); a fixed default keeps a result reproducible.</summary>
    public const ulong DefaultSeed = 2001;

    /// <summary>Creates options.</summary>
    /// <param name="samples">The number of weight vectors sampled, 1 to <see cref="MaxSamples"/>.</param>
    /// <param name="seed">The seed of the generator (xoshiro256** seeded by SplitMix64): the same seed gives the same result everywhere.</param>
    /// <param name="weights">What is known about the weights; null for <see cref="SmaaWeights.Unknown"/>.</param>
    /// <param name="ranking">The ranking options (secondary key) that break exact ties in every sampled ranking; null for <see cref="RankingOptions.Default"/>.</param>
    /// <param name="maxRank">How many ranks to keep acceptability indices for (1 to the number of candidates; more keeps all); null for all. Holistic acceptability and central weights always use every rank.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1 or above <see cref="MaxSamples"/>, or <paramref name="maxRank"/> is below 1.</exception>
    public SmaaOptions(int samples = DefaultSamples, ulong seed = DefaultSeed, SmaaWeights? weights = null, RankingOptions? ranking = null, int? maxRank = null)
    {
        Samples = Preconditions.CheckInRange(samples, 1, MaxSamples);
        Seed = seed;
        Weights = weights ?? SmaaWeights.Unknown;
        Ranking = ranking ?? RankingOptions.Default;
        MaxRank = maxRank is { } r ? Preconditions.CheckInRange(r, 1, int.MaxValue, nameof(maxRank)) : null;
    }

    /// <summary>Gets the default options: 10,000 samples, seed 2001, unknown weights, default ranking options, every rank.</summary>
    public static SmaaOptions Default { get; } = new();

    /// <summary>Gets the number of sampled weight vectors.</summary>
    public int Samples { get; }

    /// <summary>Gets the seed.</summary>
    public ulong Seed { get; }

    /// <summary>Gets what is known about the weights.</summary>
    public SmaaWeights Weights { get; }

    /// <summary>Gets the ranking options used for every sampled ranking.</summary>
    public RankingOptions Ranking { get; }

    /// <summary>Gets how many ranks keep acceptability indices, or null for all.</summary>
    public int? MaxRank { get; }

    /// <summary>Returns these options with another sample count.</summary>
    /// <param name="samples">1 to <see cref="MaxSamples"/>.</param>
    /// <returns>New options; these are unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is out of range.</exception>
    public SmaaOptions WithSamples(int samples) => new(samples, Seed, Weights, Ranking, MaxRank);

    /// <summary>Returns these options with another seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>New options; these are unchanged.</returns>
    public SmaaOptions WithSeed(ulong seed) => new(Samples, seed, Weights, Ranking, MaxRank);

    /// <summary>Returns these options with other weight information.</summary>
    /// <param name="weights">The weight information.</param>
    /// <returns>New options; these are unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    public SmaaOptions WithWeights(SmaaWeights weights) => new(Samples, Seed, Preconditions.CheckNotNull(weights), Ranking, MaxRank);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Samples} samples, seed {Seed}, {Weights}");
}
