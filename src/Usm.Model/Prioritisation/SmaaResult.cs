using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// One candidate's part in an SMAA-2 analysis: how often it got each rank (rank acceptability indices), its holistic
/// acceptability, the weights that make it first on average (central weight vector) and whether they do make it first
/// (confidence factor).
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SmaaCandidate
{
    private readonly int _candidates;
    private readonly string? _centralWinner;
    private SmaaResult? _result;
    private Explanation? _explanation;

    internal SmaaCandidate(string id, int referenceRank, ImmutableArray<int> rankCounts, int candidates, int samples, long holisticSum, ImmutableArray<double>? centralWeights, string? centralWinner)
    {
        Id = id;
        ReferenceRank = referenceRank;
        RankCounts = rankCounts;
        _candidates = candidates;
        Samples = samples;
        HolisticSum = holisticSum;
        CentralWeights = centralWeights;
        _centralWinner = centralWinner;
        FirstCount = rankCounts.IsEmpty ? 0 : rankCounts[0];
        RankAcceptability = [.. rankCounts.Select(c => (double)c / samples)];
        HolisticAcceptability = candidates == 1 ? 1.0 : holisticSum / ((double)(candidates - 1) * samples);
    }

    /// <summary>Gets the candidate's id.</summary>
    public string Id { get; }

    /// <summary>Gets the candidate's rank at the agreed weights (in <see cref="SmaaResult.Reference"/>).</summary>
    public int ReferenceRank { get; }

    /// <summary>Gets the number of samples that ranked the candidate r-th, at index r − 1, for every tracked rank.</summary>
    public ImmutableArray<int> RankCounts { get; }

    /// <summary>Gets the rank acceptability indices bʳ: the share of samples that ranked the candidate r-th, at index r − 1, for every tracked rank.</summary>
    public ImmutableArray<double> RankAcceptability { get; }

    /// <summary>Gets the first-rank acceptability b¹: the share of samples in which the candidate ranks first.</summary>
    public double FirstRankAcceptability => RankAcceptability.IsEmpty ? 0 : RankAcceptability[0];

    /// <summary>
    /// Gets the holistic acceptability aʰ = Σᵣ αᵣ · bʳ with the linear meta-weights αᵣ = (n − r) / (n − 1): 1 for a
    /// candidate first in every sample, 0 for one last in every sample (1 when there is a single candidate). It is
    /// computed over every rank, tracked or not.
    /// </summary>
    public double HolisticAcceptability { get; }

    /// <summary>
    /// Gets the central weight vector: the mean of the sampled normalised weights that rank the candidate first, in the
    /// criteria's order (<see cref="SmaaResult.Criteria"/>); null when no sample ranks it first.
    /// </summary>
    public ImmutableArray<double>? CentralWeights { get; }

    /// <summary>
    /// Gets the confidence factor: 1 when the candidate is first when ranked with its central weights, else 0 (the
    /// values are taken as exact, so SMAA's probability over uncertain values is 0 or 1); null without central weights.
    /// </summary>
    public double? ConfidenceFactor => CentralWeights is null ? null : string.Equals(_centralWinner, Id, StringComparison.Ordinal) ? 1 : 0;

    /// <summary>Gets the number of samples.</summary>
    public int Samples { get; }

    /// <summary>Gets the explanation: the indices in words and, with central weights, each criterion's central weight beside its agreed weight and the candidate's value.</summary>
    public Explanation Explanation => _explanation ??= Explain(_result!);

    /// <summary>Σ over the samples of n − rank: the holistic acceptability's exact numerator.</summary>
    internal long HolisticSum { get; }

    internal int FirstCount { get; }

    /// <summary>Gets the rank acceptability index bʳ of one rank.</summary>
    /// <param name="rank">The rank, from 1 to the number of tracked ranks.</param>
    /// <returns>The share of samples that ranked the candidate there.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is below 1 or beyond the tracked ranks.</exception>
    public double Acceptability(int rank) => RankAcceptability[Preconditions.CheckInRange(rank, 1, RankAcceptability.Length) - 1];

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Id}: first {RankingMethod.F(FirstRankAcceptability)}, holistic {RankingMethod.F(HolisticAcceptability)}");

    internal void Attach(SmaaResult result) => _result = result;

    private Explanation Explain(SmaaResult result)
    {
        var summary = new StringBuilder(Preconditions.Invariant(
            $"Over {Samples} sampled weight vectors ({result.Options.Weights}), '{Id}' ranks first in {Percent(FirstCount)} ({FirstCount}); holistic acceptability {RankingMethod.F(HolisticAcceptability)}. At the agreed weights it ranks {ReferenceRank}"));
        summary.Append(ReferenceRank <= RankCounts.Length
            ? Preconditions.Invariant($", a rank it gets in {Percent(RankCounts[ReferenceRank - 1])} of the samples.")
            : ".");
        var best = 0;
        for (var r = 1; r < RankCounts.Length; r++)
        {
            best = RankCounts[r] > RankCounts[best] ? r : best;
        }

        if (RankCounts.Length > 0 && RankCounts[best] > 0)
        {
            summary.Append(Preconditions.Invariant($" Its most frequent tracked rank is {best + 1} ({Percent(RankCounts[best])})."));
        }

        var contributions = new List<CriterionContribution>();
        if (CentralWeights is { } central)
        {
            summary.Append(ConfidenceFactor == 1
                ? " Ranked with its central weights it is first (confidence factor 1)."
                : Preconditions.Invariant($" Ranked with its central weights it is not first: '{_centralWinner}' is (confidence factor 0)."));
            var index = result.Candidates.IndexOf(Id);
            for (var j = 0; j < central.Length; j++)
            {
                var criterion = result.Criteria[j];
                var value = result.Candidates.ColumnArray(criterion.Name, "candidates", "SMAA")[index];
                contributions.Add(new CriterionContribution(criterion.Name, value, central[j], Preconditions.Invariant(
                    $"{criterion.Kind} '{criterion.Name}' = {RankingMethod.F(value)}: central weight {RankingMethod.F(central[j])} (agreed {RankingMethod.F(result.AgreedWeights[j])})")));
            }
        }
        else
        {
            summary.Append(" No sample ranks it first, so it has no central weight vector or confidence factor.");
        }

        return new Explanation("SMAA-2 (" + result.MethodName + ")", summary.ToString(), contributions);

        string Percent(int count) => Preconditions.Invariant($"{RankingMethod.F(100.0 * count / Samples)} %");
    }
}

/// <summary>
/// The result of <see cref="Smaa.Analyse"/>: per candidate its rank acceptability indices, holistic acceptability,
/// central weight vector and confidence factor, with the reference ranking at the agreed weights, the sample count and
/// the seed.
/// </summary>
/// <remarks>
/// <see cref="Candidates"/> are ordered by holistic acceptability (higher first; compared exactly, from integer sums),
/// then by first-rank acceptability, then by ordinal id.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SmaaResult
{
    private readonly CandidateSet _set;
    private readonly Dictionary<string, SmaaCandidate> _byId;

    internal SmaaResult(CandidateSet set, Ranking reference, ImmutableArray<Criterion> criteria, double[] agreed, SmaaOptions options, int sameAsReference, ImmutableArray<SmaaCandidate> results)
    {
        ReferenceRankingCount = sameAsReference;
        _set = set;
        Reference = reference;
        Criteria = criteria;
        AgreedWeights = [.. agreed];
        Options = options;
        Results = results;
        _byId = new Dictionary<string, SmaaCandidate>(results.Length, StringComparer.Ordinal);
        foreach (var result in results)
        {
            _byId.Add(result.Id, result);
            result.Attach(this);
        }
    }

    /// <summary>Gets the ranking at the agreed weights (the criteria's own), exactly as <see cref="Prioritiser.Rank"/> gives it.</summary>
    public Ranking Reference { get; }

    /// <summary>Gets the number of samples whose whole ranking is exactly <see cref="Reference"/>, every candidate at its agreed rank.</summary>
    public int ReferenceRankingCount { get; }

    /// <summary>
    /// Gets the share of samples whose whole ranking is exactly the agreed one (<see cref="Reference"/>): how robust the
    /// agreed ranking is as a whole. With many candidates it is small even for a sound ranking; the per-candidate
    /// indices say where it is fragile.
    /// </summary>
    public double ReferenceRankingShare => (double)ReferenceRankingCount / Samples;

    /// <summary>Gets the name of the ranking method (at the agreed weights).</summary>
    public string MethodName => Reference.MethodName;

    /// <summary>Gets the criteria as given, with their agreed weights; central weights follow this order.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets the agreed weights normalised to sum to 1, in the criteria's order.</summary>
    public ImmutableArray<double> AgreedWeights { get; }

    /// <summary>Gets the options, with the sample count, the seed and the weight information.</summary>
    public SmaaOptions Options { get; }

    /// <summary>Gets the number of samples.</summary>
    public int Samples => Options.Samples;

    /// <summary>Gets the seed.</summary>
    public ulong Seed => Options.Seed;

    /// <summary>Gets the number of ranks with acceptability indices (all n unless the options limit it).</summary>
    public int TrackedRanks => Results.IsEmpty ? 0 : Results[0].RankCounts.Length;

    /// <summary>Gets every candidate's result, by holistic acceptability (higher first), then first-rank acceptability, then ordinal id.</summary>
    public ImmutableArray<SmaaCandidate> Results { get; }

    /// <summary>Gets a candidate's result by id.</summary>
    /// <param name="id">The id (ordinal).</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public SmaaCandidate this[string id] =>
        _byId.TryGetValue(Preconditions.CheckNotNull(id), out var result) ? result : throw new KeyNotFoundException(Preconditions.Invariant($"The analysis has no candidate '{id}'."));

    internal CandidateSet Candidates => _set;

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"SMAA-2 of {MethodName} over {Results.Length} candidates, {Samples} samples, seed {Seed}");
}
