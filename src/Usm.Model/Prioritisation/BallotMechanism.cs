using System.Collections.Immutable;
using Usm.Model.Improvement;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How a <see cref="BallotMechanism"/> counts the sounding-board group's ballots.</summary>
public enum BallotRule
{
    /// <summary>The Borda count (<see cref="BallotCount.Borda"/>); the score is the candidate's points.</summary>
    Borda = 1,

    /// <summary>The Schulze method (<see cref="BallotCount.Schulze"/>); the score is n − the candidate's Schulze rank.</summary>
    Schulze = 2,
}

/// <summary>
/// Plugs the sounding-board group's ballots into the improvement programme as its agreed
/// <see cref="IPrioritisationMechanism"/>: staff rank the open risks (improvement candidates) on ballots, and the
/// count decides their priority.
/// </summary>
/// <remarks>
/// <para>The candidates are the risks passed to <see cref="Prioritise"/>. A ballot may name risks that are no longer in
/// that list (closed or selected since the vote): those ids are dropped from the ballot before counting, and the
/// other risks keep their relative order on it. Every other validation is the count's own.</para>
/// <para>The returned ranks are distinct: the count's order (points descending for Borda, Schulze rank for Schulze),
/// then ordinal risk id, as <see cref="BallotCount"/> documents. Tied candidates get the same score, and the
/// explanation gives the count's own standing (its shared rank).</para>
/// </remarks>
/// <example>
/// <code>
/// var board = new BallotMechanism([Ballot.Parse("R-2 > R-1 = R-3"), Ballot.Parse("R-1 > R-2", voters: 3)], BallotRule.Schulze);
/// programme = programme.AgreeMechanism(board, agreedOn);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BallotMechanism : IPrioritisationMechanism
{
    /// <summary>Creates the mechanism.</summary>
    /// <param name="ballots">The sounding-board group's ballots over risk ids; at least one.</param>
    /// <param name="rule">How the ballots are counted.</param>
    /// <param name="partialRule">For Borda: how candidates a ballot leaves unranked score.</param>
    /// <param name="strength">For Schulze: how the strength of a pairwise defeat is measured.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ballots"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">There are no ballots, or they stand for more than <see cref="int.MaxValue"/> voters in total.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined.</exception>
    public BallotMechanism(IEnumerable<Ballot> ballots, BallotRule rule = BallotRule.Schulze, BordaPartialRule partialRule = BordaPartialRule.ShareRemaining, SchulzeStrength strength = SchulzeStrength.WinningVotes)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        ImmutableArray<Ballot> list = [.. ballots];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(ballots), Preconditions.Invariant($"Ballot {i} is null."));
            }
        }

        Preconditions.CheckArgument(!list.IsEmpty, nameof(ballots), "A ballot mechanism needs at least one ballot.");

        // The count refuses more than int.MaxValue voters; refuse them here, where the ballots are given (found by
        // review, session 5: the constructor accepted them and Prioritise failed later).
        var voters = list.Sum(b => (long)b.Voters);
        Preconditions.CheckArgument(voters <= int.MaxValue, nameof(ballots), Preconditions.Invariant($"The ballots stand for {voters} voters, more than {int.MaxValue}."));
        Ballots = list;
        Rule = Preconditions.CheckDefined(rule);
        PartialRule = Preconditions.CheckDefined(partialRule);
        Strength = Preconditions.CheckDefined(strength);
    }

    /// <summary>Gets the ballots.</summary>
    public ImmutableArray<Ballot> Ballots { get; }

    /// <summary>Gets the counting rule.</summary>
    public BallotRule Rule { get; }

    /// <summary>Gets the Borda rule for unranked candidates.</summary>
    public BordaPartialRule PartialRule { get; }

    /// <summary>Gets the Schulze strength measure.</summary>
    public SchulzeStrength Strength { get; }

    /// <inheritdoc />
    public string Name => Rule == BallotRule.Borda ? "Sounding-board ballots (Borda)" : "Sounding-board ballots (Schulze)";

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="openRisks"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A risk is not open, or two risks share an id (the message names the risk).</exception>
    public IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks)
    {
        var ids = OpenRiskList.Ids(openRisks, nameof(openRisks));
        var known = new HashSet<string>(ids, StringComparer.Ordinal);

        if (ids.Length == 0)
        {
            return [];
        }

        var ballots = Ballots.Select(b => new Ballot(b.Ranks.Select(r => r.Where(known.Contains)).Where(r => r.Any()), b.Voters)).ToArray();
        var result = ImmutableArray.CreateBuilder<RiskPriority>(ids.Length);
        if (Rule == BallotRule.Borda)
        {
            var count = BallotCount.Borda(ids, ballots, PartialRule);
            foreach (var s in count.Candidates)
            {
                result.Add(new RiskPriority(s.Id, s.Position, s.Points, "Borda: " + s));
            }
        }
        else
        {
            var count = BallotCount.Schulze(ids, ballots, Strength);
            foreach (var s in count.Candidates)
            {
                result.Add(new RiskPriority(s.Id, s.Position, ids.Length - s.Rank, "Schulze: " + s));
            }
        }

        return result.MoveToImmutable();
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
