using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>Validated ballots with candidate ids replaced by indexes into the candidate list.</summary>
internal sealed class BallotProfile
{
    private BallotProfile(ImmutableArray<string> candidates, List<(Ballot Ballot, int[][] Ranks)> ballots, int totalVoters)
    {
        Candidates = candidates;
        Ballots = ballots;
        TotalVoters = totalVoters;
    }

    public ImmutableArray<string> Candidates { get; }

    public List<(Ballot Ballot, int[][] Ranks)> Ballots { get; }

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
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(list[i]), nameof(candidates), Preconditions.Invariant($"Candidate {i} has a blank id."));
            Preconditions.CheckArgument(index.TryAdd(list[i], i), nameof(candidates), Preconditions.Invariant($"Candidate '{list[i]}' appears twice."));
        }

        var mapped = new List<(Ballot, int[][])>();
        long voters = 0;
        foreach (var ballot in ballots)
        {
            Preconditions.CheckArgument(ballot is not null, nameof(ballots), Preconditions.Invariant($"Ballot {mapped.Count} is null."));
            var ranks = new int[ballot.Ranks.Length][];
            for (var t = 0; t < ranks.Length; t++)
            {
                var tier = ballot.Ranks[t];
                ranks[t] = new int[tier.Length];
                for (var k = 0; k < tier.Length; k++)
                {
                    if (!index.TryGetValue(tier[k], out var c))
                    {
                        throw new ArgumentException(Preconditions.Invariant($"Ballot {mapped.Count} names unknown candidate '{tier[k]}'."), nameof(ballots));
                    }

                    ranks[t][k] = c;
                }
            }

            voters += ballot.Voters;
            Preconditions.CheckArgument(voters <= int.MaxValue, nameof(ballots), Preconditions.Invariant($"The ballots stand for more than {int.MaxValue} voters."));
            mapped.Add((ballot, ranks));
        }

        return new BallotProfile(list, mapped, (int)voters);
    }
}
