using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// One staff member's vote in the sounding-board group: candidate ids in ranks, best first, where a rank may hold
/// several tied candidates. A ballot may rank only some candidates (a partial ballot).
/// </summary>
/// <remarks>
/// <para>Candidates a ballot does not name are <b>unranked</b>: they count as tied with each other and below every
/// ranked candidate. Schulze counts use that directly; Borda counts share the remaining points among them or give them
/// none, as <see cref="BordaPartialRule"/> says.</para>
/// <para><see cref="Voters"/> lets one ballot stand for several identical ones (published examples list ballots that
/// way). A ballot does not know the candidate list; counts reject ids that are not candidates.</para>
/// <para>Equality is structural: ranks in order, candidates within a rank in the order given, and voters.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Ballot : IEquatable<Ballot>
{
    /// <summary>Creates a ballot.</summary>
    /// <param name="ranks">The ranks, best first; each holds one or more tied candidate ids.</param>
    /// <param name="voters">How many identical ballots this one stands for, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ranks"/> or a rank is null.</exception>
    /// <exception cref="ArgumentException">A rank is empty, an id is blank, or an id appears twice (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="voters"/> is below 1.</exception>
    public Ballot(IEnumerable<IEnumerable<string>> ranks, int voters = 1)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        Voters = Preconditions.CheckInRange(voters, 1, int.MaxValue);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var rank in ranks)
        {
            if (rank is null)
            {
                throw new ArgumentNullException(nameof(ranks), Preconditions.Invariant($"Rank {builder.Count + 1} is null."));
            }

            ImmutableArray<string> tier = [.. rank];
            if (tier.IsEmpty)
            {
                throw new ArgumentException(Preconditions.Invariant($"Rank {builder.Count + 1} is empty."), nameof(ranks));
            }

            foreach (var id in tier)
            {
                if (string.IsNullOrWhiteSpace(id))
                {
                    throw new ArgumentException(Preconditions.Invariant($"Rank {builder.Count + 1} holds a blank candidate id."), nameof(ranks));
                }

                if (!seen.Add(id))
                {
                    throw new ArgumentException(Preconditions.Invariant($"Candidate '{id}' appears twice on the ballot."), nameof(ranks));
                }
            }

            builder.Add(tier);
        }

        Ranks = builder.ToImmutable();
        RankedCount = seen.Count;
    }

    /// <summary>Gets the ranks, best first; each holds the candidates tied at that rank.</summary>
    public ImmutableArray<ImmutableArray<string>> Ranks { get; }

    /// <summary>Gets how many identical ballots this one stands for.</summary>
    public int Voters { get; }

    /// <summary>Gets the number of candidates the ballot ranks.</summary>
    public int RankedCount { get; }

    /// <summary>Creates a strict ranking: one candidate per rank, best first.</summary>
    /// <param name="candidateIds">The candidates, best first.</param>
    /// <returns>The ballot, for one voter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateIds"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is blank or repeated.</exception>
    public static Ballot Ranking(params string[] candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        return new Ballot(candidateIds.Select(id => new[] { id }));
    }

    /// <summary>
    /// Parses a ballot such as <c>"A &gt; B = C &gt; D"</c>: <c>&gt;</c> separates ranks, <c>=</c> joins tied candidates,
    /// and white space around ids is ignored.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="voters">How many identical ballots it stands for.</param>
    /// <returns>The ballot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is blank, a rank or id is empty, or an id is repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="voters"/> is below 1.</exception>
    public static Ballot Parse(string text, int voters = 1)
    {
        Preconditions.CheckNotBlank(text);
        return new Ballot(text.Split('>').Select(rank => rank.Split('=').Select(id => id.Trim())), voters);
    }

    /// <summary>Returns a copy that stands for another number of voters.</summary>
    /// <param name="voters">The number of voters, at least 1.</param>
    /// <returns>A new ballot; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="voters"/> is below 1.</exception>
    public Ballot WithVoters(int voters) => new(Ranks.Select(r => r.AsEnumerable()), voters);

    /// <inheritdoc />
    public bool Equals(Ballot? other) =>
        other is not null && Voters == other.Voters && Ranks.Length == other.Ranks.Length
        && Ranks.Zip(other.Ranks).All(p => p.First.SequenceEqual(p.Second, StringComparer.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Ballot other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Voters);
        foreach (var rank in Ranks)
        {
            hash.Add(Hashing.Sequence(rank));
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = string.Join(" > ", Ranks.Select(r => string.Join(" = ", r)));
        return Voters == 1 ? text : Preconditions.Invariant($"{Voters} x {text}");
    }
}
