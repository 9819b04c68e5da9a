using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The caller-chosen secondary key that orders items whose scores are equal, before the final tie-break by ordinal
/// id. See <see cref="RankingOptions"/> for the full order.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class TieBreaker
{
    private TieBreaker(string? criterion, bool useEffort, bool higherFirst)
    {
        Criterion = criterion;
        UsesEffort = useEffort;
        HigherFirst = higherFirst;
    }

    /// <summary>Gets the tie-breaker that has no secondary key: equal scores go straight to ordinal id order.</summary>
    public static TieBreaker None { get; } = new(null, false, false);

    /// <summary>Gets the tie-breaker that puts the smaller effort first (the quick win).</summary>
    public static TieBreaker LowerEffortFirst { get; } = new(null, true, false);

    /// <summary>Gets the criterion the key reads, or null when it reads effort or nothing.</summary>
    public string? Criterion { get; }

    /// <summary>Gets whether the key reads the candidates' effort.</summary>
    public bool UsesEffort { get; }

    /// <summary>Gets whether a higher key value ranks first.</summary>
    public bool HigherFirst { get; }

    /// <summary>Gets whether there is a secondary key at all.</summary>
    public bool IsNone => Criterion is null && !UsesEffort;

    /// <summary>Creates a tie-breaker on a criterion's value.</summary>
    /// <param name="criterion">The criterion name.</param>
    /// <param name="higherFirst">True when the higher value ranks first.</param>
    /// <returns>The tie-breaker.</returns>
    /// <exception cref="ArgumentException"><paramref name="criterion"/> is blank.</exception>
    public static TieBreaker ByCriterion(string criterion, bool higherFirst = true) => new(Preconditions.CheckNotBlank(criterion), false, higherFirst);

    /// <inheritdoc />
    public override string ToString() =>
        IsNone ? "none" : (UsesEffort ? "effort" : Criterion!) + (HigherFirst ? ", higher first" : ", lower first");
}

/// <summary>
/// Options of a ranking. Items are ordered by (1) the method's class where it has classes (the risk matrix, MoSCoW), higher
/// first; (2) score, higher first; (3) the <see cref="SecondaryKey"/>; (4) id, ordinal ascending. The order is
/// total, so a ranking never depends on the input order.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RankingOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="secondaryKey">The secondary key; null for <see cref="TieBreaker.None"/>.</param>
    public RankingOptions(TieBreaker? secondaryKey = null)
    {
        SecondaryKey = secondaryKey ?? TieBreaker.None;
    }

    /// <summary>Gets the default options: no secondary key.</summary>
    public static RankingOptions Default { get; } = new();

    /// <summary>Gets the secondary key.</summary>
    public TieBreaker SecondaryKey { get; }
}
