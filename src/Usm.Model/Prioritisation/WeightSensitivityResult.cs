using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Two candidates that swap at an end of a weight interval: at <see cref="Weight"/> their scores meet, and beyond it
/// <see cref="BehindId"/> ranks before <see cref="AheadId"/>.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WeightSwap
{
    internal WeightSwap(double weight, string aheadId, string behindId)
    {
        Weight = weight;
        AheadId = aheadId;
        BehindId = behindId;
    }

    /// <summary>Gets the normalised weight at which the two scores meet.</summary>
    public double Weight { get; }

    /// <summary>Gets the id of the candidate that ranks first of the two at the current weights.</summary>
    public string AheadId { get; }

    /// <summary>Gets the id of the candidate that ranks first of the two beyond <see cref="Weight"/> (for the top candidate's interval: the one that takes first place).</summary>
    public string BehindId { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{BehindId} passes {AheadId} at weight {Weight}");
}

/// <summary>
/// An interval of one criterion's normalised weight, from <see cref="Low"/> to <see cref="High"/> (within [0, 1]), in
/// which something about the ranking stays the same; at each end, the swap that changes it, if any.
/// </summary>
/// <remarks>
/// An end is included when the ranking at that weight is still the current one: the two scores meet there and the
/// tie-break (secondary key, then ordinal id) keeps the current order. It is excluded when the tie-break reverses the
/// pair, so the change happens at the end itself. An end at 0 or 1 with no swap is included.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WeightInterval
{
    internal WeightInterval(IntervalEnd low, IntervalEnd high)
    {
        Low = low.Weight;
        IncludesLow = low.Included;
        Lower = low.Swap;
        High = high.Weight;
        IncludesHigh = high.Included;
        Upper = high.Swap;
    }

    /// <summary>Gets the lowest weight of the interval.</summary>
    public double Low { get; }

    /// <summary>Gets the highest weight of the interval.</summary>
    public double High { get; }

    /// <summary>Gets whether <see cref="Low"/> itself belongs to the interval.</summary>
    public bool IncludesLow { get; }

    /// <summary>Gets whether <see cref="High"/> itself belongs to the interval.</summary>
    public bool IncludesHigh { get; }

    /// <summary>Gets the swap at <see cref="Low"/>, or null when nothing changes down to weight 0.</summary>
    public WeightSwap? Lower { get; }

    /// <summary>Gets the swap at <see cref="High"/>, or null when nothing changes up to weight 1.</summary>
    public WeightSwap? Upper { get; }

    /// <summary>Gets the width, <see cref="High"/> − <see cref="Low"/>.</summary>
    public double Width => High - Low;

    /// <summary>Whether a weight lies in the interval (an end only when it is included).</summary>
    /// <param name="weight">A normalised weight.</param>
    /// <returns>True when the weight lies in the interval.</returns>
    public bool Contains(double weight) =>
        (weight > Low || (weight == Low && IncludesLow)) && (weight < High || (weight == High && IncludesHigh));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{(IncludesLow ? "[" : "(")}{Low}, {High}{(IncludesHigh ? "]" : ")")}");

    /// <summary>The one-point interval of a criterion that carries all the weight.</summary>
    internal static WeightInterval Fixed(double weight) => new(new(weight, true, null), new(weight, true, null));
}

/// <summary>The weight sensitivity of one criterion: its current normalised weight and its stability intervals.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CriterionSensitivity
{
    internal CriterionSensitivity(Criterion criterion, double weight, bool canMove, WeightInterval ranking, WeightInterval topCandidate)
    {
        Criterion = criterion;
        Weight = weight;
        CanMove = canMove;
        Ranking = ranking;
        TopCandidate = topCandidate;
    }

    /// <summary>Gets the criterion, as the method holds it (with its relative weight).</summary>
    public Criterion Criterion { get; }

    /// <summary>Gets the criterion's name.</summary>
    public string Name => Criterion.Name;

    /// <summary>Gets the current normalised weight (the criterion's weight divided by the sum of all weights).</summary>
    public double Weight { get; }

    /// <summary>
    /// Gets whether the weight can move at all: false when the criterion carries all the weight (it is the only one,
    /// or the others weigh 0, or so little beside it, such as 1e-300 beside 1, that its normalised weight rounds to 1),
    /// since there are then no other weights to rescale; its intervals are the single point 1.
    /// </summary>
    public bool CanMove { get; }

    /// <summary>Gets the interval of this criterion's weight in which the whole ranking is unchanged.</summary>
    public WeightInterval Ranking { get; }

    /// <summary>Gets the interval of this criterion's weight in which the first-ranked candidate stays first; it contains <see cref="Ranking"/>.</summary>
    public WeightInterval TopCandidate { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Name}: weight {Weight}, ranking {Ranking}, top candidate {TopCandidate}");
}

/// <summary>
/// The result of <see cref="WeightSensitivity.Analyse"/>: the current ranking and, per criterion, how far its weight
/// can move (the others rescaled in proportion) before the ranking or its first candidate changes.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WeightSensitivityResult
{
    private readonly SensitivityLines _lines;

    internal WeightSensitivityResult(Ranking ranking, ImmutableArray<CriterionSensitivity> criteria, SensitivityLines lines)
    {
        Ranking = ranking;
        Criteria = criteria;
        _lines = lines;
    }

    /// <summary>Gets the ranking at the current weights, exactly as <see cref="Prioritiser.Rank"/> gives it.</summary>
    public Ranking Ranking { get; }

    /// <summary>Gets the id of the first-ranked candidate at the current weights.</summary>
    public string TopId => Ranking[0].Id;

    /// <summary>Gets the sensitivity of each criterion, in the method's order.</summary>
    public ImmutableArray<CriterionSensitivity> Criteria { get; }

    /// <summary>Gets the sensitivity of a criterion by name.</summary>
    /// <param name="criterion">The criterion's name (ordinal).</param>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> is null.</exception>
    /// <exception cref="ArgumentException">The method has no criterion of that name.</exception>
    public CriterionSensitivity this[string criterion] => Criteria[_lines.IndexOf(Preconditions.CheckNotNull(criterion))];

    /// <summary>
    /// The interval of a criterion's weight in which no other candidate passes the given one, so that its rank (and
    /// the set of candidates before it) is unchanged. For the first-ranked candidate it is
    /// <see cref="CriterionSensitivity.TopCandidate"/>; a candidate tied with others on identical score lines keeps its
    /// rank throughout, as the tie-break never changes. Computed on each call, in O(n · m) for m criteria.
    /// </summary>
    /// <param name="criterion">The criterion's name.</param>
    /// <param name="candidateId">The candidate's id.</param>
    /// <returns>The interval; its swaps name the candidate and the one that passes it, or that it passes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> or <paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The method has no such criterion, or the set no such candidate.</exception>
    public WeightInterval RankInterval(string criterion, string candidateId)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(candidateId);
        var j = _lines.IndexOf(criterion);
        return string.Equals(candidateId, TopId, StringComparison.Ordinal) ? Criteria[j].TopCandidate : _lines.CandidateInterval(j, candidateId);
    }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"Weight sensitivity of {Ranking.MethodName} over {Ranking.Count} candidates and {Criteria.Length} criteria");
}
