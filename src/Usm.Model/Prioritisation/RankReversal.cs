using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>Two candidates whose relative order flipped when the candidate set changed.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class FlippedPair
{
    internal FlippedPair(string before, string after)
    {
        RankedHigherBefore = before;
        RankedHigherAfter = after;
    }

    /// <summary>Gets the id that ranked above the other before the change (and below it after).</summary>
    public string RankedHigherBefore { get; }

    /// <summary>Gets the id that ranks above the other after the change.</summary>
    public string RankedHigherAfter { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{RankedHigherBefore} was above {RankedHigherAfter}; now below");
}

/// <summary>The result of a rank-reversal probe: the rankings before and after the change, and every flipped pair.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RankReversalReport
{
    internal RankReversalReport(string probeId, bool added, Ranking before, Ranking after, ImmutableArray<FlippedPair> flipped)
    {
        ProbeId = probeId;
        Added = added;
        Before = before;
        After = after;
        FlippedPairs = flipped;
    }

    /// <summary>Gets the id of the candidate that was removed or added.</summary>
    public string ProbeId { get; }

    /// <summary>Gets whether the probe added the candidate (false: removed it).</summary>
    public bool Added { get; }

    /// <summary>Gets the ranking before the change.</summary>
    public Ranking Before { get; }

    /// <summary>Gets the ranking after the change.</summary>
    public Ranking After { get; }

    /// <summary>Gets every pair of the other candidates whose relative order flipped, ordered by the before-rank of the first id, then of the second.</summary>
    public ImmutableArray<FlippedPair> FlippedPairs { get; }

    /// <summary>Gets whether any pair flipped.</summary>
    public bool HasReversal => !FlippedPairs.IsEmpty;

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{(Added ? "Adding" : "Removing")} '{ProbeId}' under {Before.MethodName}: {FlippedPairs.Length} flipped pair(s).");
}

/// <summary>
/// Probes a method for rank reversal: remove or add one candidate, re-rank, and report every pair of the other
/// candidates whose relative order flipped. Methods that normalise against the whole set (TOPSIS, SAW with min-max
/// or vector normalisation, AHP) can reverse ranks; methods that score each item on its own (WSJF, RICE, ICE, EMV,
/// risk matrix) cannot.
/// </summary>
/// <remarks>Pairs are compared by rank position, ties resolved as <see cref="RankingOptions"/> describes. The pair scan is
/// quadratic in the number of candidates, which suits registers of up to tens of thousands.</remarks>
public static class RankReversal
{
    /// <summary>Removes one candidate and reports the flipped pairs.</summary>
    /// <param name="candidates">The candidates.</param>
    /// <param name="method">The method.</param>
    /// <param name="removedId">The id to remove.</param>
    /// <param name="options">The ranking options, or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The id is unknown, or the set would be empty.</exception>
    public static RankReversalReport ProbeRemoval(CandidateSet candidates, RankingMethod method, string removedId, RankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(removedId);
        var before = Prioritiser.Rank(candidates, method, options);
        var after = Prioritiser.Rank(candidates.Without(removedId), method, options);
        return new RankReversalReport(removedId, false, before, after, Flips(before, after));
    }

    /// <summary>Adds one candidate and reports the flipped pairs among the others.</summary>
    /// <param name="candidates">The candidates.</param>
    /// <param name="method">The method.</param>
    /// <param name="added">The candidate to add; it needs the set's criteria and a new id.</param>
    /// <param name="options">The ranking options, or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The id is taken, or the criteria differ.</exception>
    public static RankReversalReport ProbeAddition(CandidateSet candidates, RankingMethod method, Candidate added, RankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(added);
        var before = Prioritiser.Rank(candidates, method, options);
        var after = Prioritiser.Rank(candidates.With(added), method, options);
        return new RankReversalReport(added.Id, true, before, after, Flips(before, after));
    }

    private static ImmutableArray<FlippedPair> Flips(Ranking before, Ranking after)
    {
        var common = new List<(string Id, int AfterRank)>(before.Count);
        var order = before.Order;
        var ids = before.Candidates.IdArray;
        foreach (var index in order)
        {
            var item = after.Find(ids[index]);
            if (item is not null)
            {
                common.Add((ids[index], item.Rank));
            }
        }

        var flips = ImmutableArray.CreateBuilder<FlippedPair>();
        for (var i = 0; i < common.Count; i++)
        {
            for (var j = i + 1; j < common.Count; j++)
            {
                if (common[j].AfterRank < common[i].AfterRank)
                {
                    flips.Add(new FlippedPair(common[i].Id, common[j].Id));
                }
            }
        }

        return flips.ToImmutable();
    }
}
