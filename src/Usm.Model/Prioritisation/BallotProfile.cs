using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Validated ballots in flat arrays (no per-ballot allocations): for ballot k, entries
/// <c>Start[k]</c>..<c>Start[k+1]</c> of <see cref="Entries"/> are its candidates' indexes in rank order, with the
/// matching rank index in <see cref="Tiers"/>.
/// </summary>
internal sealed class BallotProfile
{
    private BallotProfile(ImmutableArray<string> candidates, int[] entries, int[] tiers, int[] start, int[] tierCounts, int[] voters, int totalVoters)
    {
        Candidates = candidates;
        Entries = entries;
        Tiers = tiers;
        Start = start;
        TierCounts = tierCounts;
        Voters = voters;
        TotalVoters = totalVoters;
    }

    public ImmutableArray<string> Candidates { get; }

    public int[] Entries { get; }

    public int[] Tiers { get; }

    public int[] Start { get; }

    public int[] TierCounts { get; }

    public int[] Voters { get; }

    public int BallotCount => Voters.Length;

    public int TotalVoters { get; }

    public static BallotProfile Create(IEnumerable<string> candidates, IEnumerable<Ballot> ballots)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ballots);
        ImmutableArray<string> list = [.. candidates];
        Preconditions.CheckArgument(!list.IsEmpty, nameof(candidates), "A count needs at least one candidate.");
        var index = new Dictionary<string, int>(list.Length, StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate {i} has a blank id."), nameof(candidates));
            }

            if (!index.TryAdd(list[i], i))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate '{list[i]}' appears twice."), nameof(candidates));
            }
        }

        Ballot[] all = [.. ballots];
        var total = 0L;
        var size = 0L;
        for (var k = 0; k < all.Length; k++)
        {
            if (all[k] is null)
            {
                throw new ArgumentNullException(nameof(ballots), Preconditions.Invariant($"Ballot {k} is null."));
            }

            total += all[k].Voters;
            size += all[k].RankedCount;
        }

        if (total > int.MaxValue)
        {
            throw new ArgumentException(Preconditions.Invariant($"The ballots stand for {total} voters, more than {int.MaxValue}."), nameof(ballots));
        }

        if (size > Array.MaxLength)
        {
            throw new ArgumentException(Preconditions.Invariant($"The ballots hold {size} rankings, more than one count can take."), nameof(ballots));
        }

        var entries = new int[size];
        var tiers = new int[size];
        var start = new int[all.Length + 1];
        var tierCounts = new int[all.Length];
        var voters = new int[all.Length];
        var at = 0;
        for (var k = 0; k < all.Length; k++)
        {
            var ballot = all[k];
            start[k] = at;
            tierCounts[k] = ballot.Ranks.Length;
            voters[k] = ballot.Voters;
            for (var t = 0; t < ballot.Ranks.Length; t++)
            {
                foreach (var id in ballot.Ranks[t])
                {
                    if (!index.TryGetValue(id, out var c))
                    {
                        throw new ArgumentException(Preconditions.Invariant($"Ballot {k} names unknown candidate '{id}'."), nameof(ballots));
                    }

                    entries[at] = c;
                    tiers[at] = t;
                    at++;
                }
            }
        }

        start[all.Length] = at;
        return new BallotProfile(list, entries, tiers, start, tierCounts, voters, (int)total);
    }
}
