using System.Collections.Immutable;
using Usm.Model.Internal;
using Usm.Model.Prioritisation;

namespace Usm.Model.Serialization;

/// <summary>
/// The content of a <c>ranked-ballots</c> document: a candidate list and the ranked ballots cast over it, as
/// <see cref="BallotCount"/> and <see cref="PlackettLuce.Fit"/> take them. A <see cref="Ballot"/> does not know the
/// candidate list, so this type keeps both together and checks that every ballot names only candidates.
/// </summary>
/// <remarks>Candidates and ballots keep the order given. Equality is structural: the same candidates in the same order and equal ballots in the same order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RankedBallots : IEquatable<RankedBallots>
{
    /// <summary>Creates the ballots of one vote.</summary>
    /// <param name="candidates">The candidate ids: at least one, unique, not blank.</param>
    /// <param name="ballots">The ballots, in the order cast; each names only candidates.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="ballots"/> holds null (the message names its index).</exception>
    /// <exception cref="ArgumentException">The candidates are empty, blank or repeated, a ballot names an id that is not a candidate (the message names the ballot's index and the id), or the ballots stand for more than <see cref="int.MaxValue"/> voters.</exception>
    public RankedBallots(IEnumerable<string> candidates, IEnumerable<Ballot> ballots)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ballots);
        Candidates = [.. candidates];
        Ballots = [.. ballots];
        Preconditions.CheckArgument(!Candidates.IsEmpty, nameof(candidates), "Ranked ballots need at least one candidate.");
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Candidates.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(Candidates[i]))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate {i} has a blank id."), nameof(candidates));
            }

            if (!known.Add(Candidates[i]))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate '{Candidates[i]}' appears twice."), nameof(candidates));
            }
        }

        var voters = 0L;
        for (var k = 0; k < Ballots.Length; k++)
        {
            var ballot = Ballots[k] ?? throw new ArgumentNullException(nameof(ballots), Preconditions.Invariant($"Ballot {k} is null."));
            foreach (var id in ballot.Ranks.SelectMany(r => r))
            {
                if (!known.Contains(id))
                {
                    throw new ArgumentException(Preconditions.Invariant($"Ballot {k} names '{id}', which is not a candidate."), nameof(ballots));
                }
            }

            voters += ballot.Voters;
        }

        if (voters > int.MaxValue)
        {
            throw new ArgumentException(Preconditions.Invariant($"The ballots stand for {voters} voters, more than {int.MaxValue}."), nameof(ballots));
        }

        TotalVoters = (int)voters;
    }

    /// <summary>Gets the candidate ids, in the order given.</summary>
    public ImmutableArray<string> Candidates { get; }

    /// <summary>Gets the ballots, in the order given.</summary>
    public ImmutableArray<Ballot> Ballots { get; }

    /// <summary>Gets the number of voters: the sum of the ballots' <see cref="Ballot.Voters"/>.</summary>
    public int TotalVoters { get; }

    /// <inheritdoc />
    public bool Equals(RankedBallots? other) =>
        other is not null && Candidates.SequenceEqual(other.Candidates, StringComparer.Ordinal) && Ballots.SequenceEqual(other.Ballots);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RankedBallots other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Candidates.Length, Ballots.Length, TotalVoters);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Candidates.Length} candidates, {Ballots.Length} ballots ({TotalVoters} voters)");
}
