using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>The pairwise preference matrix of a set of ballots: d[a,b] = voters who rank a strictly above b.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BallotPreferences
{
    private readonly Dictionary<string, int> _index;

    internal BallotPreferences(ImmutableArray<string> candidates, int[] matrix, int totalVoters)
    {
        Candidates = candidates;
        Matrix = matrix;
        TotalVoters = totalVoters;
        _index = new Dictionary<string, int>(candidates.Length, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Length; i++)
        {
            _index.Add(candidates[i], i);
        }
    }

    /// <summary>Gets the candidates, in the order given to the count.</summary>
    public ImmutableArray<string> Candidates { get; }

    /// <summary>Gets the number of voters (the sum of the ballots' voters).</summary>
    public int TotalVoters { get; }

    /// <summary>
    /// Gets the Condorcet winner, the candidate whom more voters prefer to each other candidate than the reverse, or
    /// null when there is none.
    /// </summary>
    public string? CondorcetWinner
    {
        get
        {
            var n = Candidates.Length;
            for (var c = 0; c < n; c++)
            {
                var wins = true;
                for (var x = 0; x < n && wins; x++)
                {
                    wins = x == c || Matrix[(c * n) + x] > Matrix[(x * n) + c];
                }

                if (wins)
                {
                    return Candidates[c];
                }
            }

            return null;
        }
    }

    internal int[] Matrix { get; }

    /// <summary>Returns d[a,b]: how many voters rank <paramref name="a"/> strictly above <paramref name="b"/>.</summary>
    /// <param name="a">A candidate id.</param>
    /// <param name="b">Another candidate id.</param>
    /// <returns>The count (0 when a = b).</returns>
    /// <exception cref="ArgumentException">An id is not a candidate.</exception>
    public int Preference(string a, string b) => Matrix[(IndexOf(a, nameof(a)) * Candidates.Length) + IndexOf(b, nameof(b))];

    internal int IndexOf(string id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        return _index.TryGetValue(id, out var i) ? i : throw new ArgumentException(Preconditions.Invariant($"'{id}' is not a candidate."), paramName);
    }
}

/// <summary>One candidate's line in a Borda count.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BordaStanding
{
    internal BordaStanding(string id, double points, int rank, int position, int rankedBy, int firstPreferences)
    {
        FirstPreferences = firstPreferences;
        Id = id;
        Points = points;
        Rank = rank;
        Position = position;
        RankedBy = rankedBy;
    }

    /// <summary>Gets the candidate id.</summary>
    public string Id { get; }

    /// <summary>Gets the Borda points, a whole or half number.</summary>
    public double Points { get; }

    /// <summary>Gets the rank: 1 + the number of candidates with strictly more points.</summary>
    public int Rank { get; }

    /// <summary>Gets the 1-based position: points descending, then id ordinally.</summary>
    public int Position { get; }

    /// <summary>Gets the number of voters whose ballot ranks this candidate (the rest left it unranked).</summary>
    public int RankedBy { get; }

    /// <summary>Gets the number of voters who put this candidate in their first rank, alone or tied.</summary>
    public int FirstPreferences { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Rank}. {Id}: {Points} points (ranked by {RankedBy} voters, first for {FirstPreferences})");
}

/// <summary>The result of <see cref="BallotCount.Borda"/>.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BordaResult
{
    internal BordaResult(ImmutableArray<string> candidates, long[] halfPoints, long[] rankedBy, long[] firstPreferences, int totalVoters, BordaPartialRule rule)
    {
        PartialRule = rule;
        TotalVoters = totalVoters;
        var order = Enumerable.Range(0, candidates.Length)
            .OrderByDescending(c => halfPoints[c])
            .ThenBy(c => candidates[c], StringComparer.Ordinal)
            .ToArray();
        var standings = ImmutableArray.CreateBuilder<BordaStanding>(order.Length);
        for (var p = 0; p < order.Length; p++)
        {
            var c = order[p];
            var rank = p > 0 && halfPoints[order[p - 1]] == halfPoints[c] ? standings[p - 1].Rank : p + 1;
            standings.Add(new BordaStanding(candidates[c], halfPoints[c] / 2.0, rank, p + 1, (int)rankedBy[c], (int)firstPreferences[c]));
        }

        Candidates = standings.MoveToImmutable();
        TotalPoints = halfPoints.Sum() / 2.0;
    }

    /// <summary>Gets the candidates ordered by points descending, then id ordinally.</summary>
    public ImmutableArray<BordaStanding> Candidates { get; }

    /// <summary>Gets the candidates with rank 1.</summary>
    public ImmutableArray<string> Winners => [.. Candidates.Where(c => c.Rank == 1).Select(c => c.Id)];

    /// <summary>Gets the sum of all candidates' points.</summary>
    public double TotalPoints { get; }

    /// <summary>Gets the number of voters.</summary>
    public int TotalVoters { get; }

    /// <summary>Gets the rule used for unranked candidates.</summary>
    public BordaPartialRule PartialRule { get; }

    /// <summary>Returns one candidate's standing.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The standing.</returns>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public BordaStanding StandingOf(string candidateId) =>
        Candidates.FirstOrDefault(c => c.Id == candidateId)
        ?? throw new ArgumentException(Preconditions.Invariant($"'{candidateId}' is not a candidate."), nameof(candidateId));

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Candidates);
}

/// <summary>One candidate's comparison with one opponent in a Schulze count.</summary>
public readonly struct SchulzeComparison : IEquatable<SchulzeComparison>
{
    /// <summary>Creates a comparison.</summary>
    /// <param name="opponent">The opponent's id.</param>
    /// <param name="preference">d[a,b]: voters preferring the candidate to the opponent.</param>
    /// <param name="opposition">d[b,a]: voters preferring the opponent.</param>
    /// <param name="pathStrength">p[a,b]: the strongest path from the candidate to the opponent.</param>
    /// <param name="opposingPathStrength">p[b,a]: the strongest path back.</param>
    public SchulzeComparison(string opponent, int preference, int opposition, int pathStrength, int opposingPathStrength)
    {
        Opponent = opponent;
        Preference = preference;
        Opposition = opposition;
        PathStrength = pathStrength;
        OpposingPathStrength = opposingPathStrength;
    }

    /// <summary>Gets the opponent's id.</summary>
    public string Opponent { get; }

    /// <summary>Gets d[a,b].</summary>
    public int Preference { get; }

    /// <summary>Gets d[b,a].</summary>
    public int Opposition { get; }

    /// <summary>Gets p[a,b].</summary>
    public int PathStrength { get; }

    /// <summary>Gets p[b,a].</summary>
    public int OpposingPathStrength { get; }

    /// <summary>Gets whether the candidate beats the opponent: p[a,b] &gt; p[b,a].</summary>
    public bool Beats => PathStrength > OpposingPathStrength;

    /// <summary>Compares two comparisons.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SchulzeComparison left, SchulzeComparison right) => left.Equals(right);

    /// <summary>Compares two comparisons.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SchulzeComparison left, SchulzeComparison right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SchulzeComparison other) =>
        Opponent == other.Opponent && Preference == other.Preference && Opposition == other.Opposition
        && PathStrength == other.PathStrength && OpposingPathStrength == other.OpposingPathStrength;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SchulzeComparison other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Opponent, Preference, Opposition, PathStrength, OpposingPathStrength);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"vs {Opponent}: d {Preference}:{Opposition}, p {PathStrength}:{OpposingPathStrength}{(Beats ? " (beats)" : string.Empty)}");
}

/// <summary>One candidate's line in a Schulze count.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SchulzeStanding
{
    internal SchulzeStanding(string id, int rank, int position, int wins, int losses)
    {
        Id = id;
        Rank = rank;
        Position = position;
        Wins = wins;
        Losses = losses;
    }

    /// <summary>Gets the candidate id.</summary>
    public string Id { get; }

    /// <summary>Gets the rank: 1 + the number of candidates in earlier ranking rounds; tied candidates share it.</summary>
    public int Rank { get; }

    /// <summary>Gets the 1-based position: rank, then id ordinally.</summary>
    public int Position { get; }

    /// <summary>Gets the number of candidates this one beats (p[a,b] &gt; p[b,a]).</summary>
    public int Wins { get; }

    /// <summary>Gets the number of candidates that beat this one.</summary>
    public int Losses { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Rank}. {Id} (beats {Wins}, beaten by {Losses})");
}

/// <summary>The result of <see cref="BallotCount.Schulze"/>: the ranking with its ties, and the matrices behind it.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SchulzeResult
{
    private readonly int[] _paths;

    internal SchulzeResult(BallotPreferences preferences, int[] paths, SchulzeStrength strength)
    {
        Preferences = preferences;
        _paths = paths;
        Strength = strength;
        var names = preferences.Candidates;
        var n = names.Length;
        var wins = new int[n];
        var losses = new int[n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (paths[(a * n) + b] > paths[(b * n) + a])
                {
                    wins[a]++;
                    losses[b]++;
                }
            }
        }

        // Peel off, round by round, the candidates that no remaining candidate beats.
        var remaining = new List<int>(Enumerable.Range(0, n));
        var standings = ImmutableArray.CreateBuilder<SchulzeStanding>(n);
        while (remaining.Count > 0)
        {
            var round = remaining
                .Where(c => !remaining.Any(x => paths[(x * n) + c] > paths[(c * n) + x]))
                .OrderBy(c => names[c], StringComparer.Ordinal)
                .ToList();
            var rank = standings.Count + 1;
            foreach (var c in round)
            {
                standings.Add(new SchulzeStanding(names[c], rank, standings.Count + 1, wins[c], losses[c]));
            }

            remaining.RemoveAll(round.Contains);
        }

        Candidates = standings.MoveToImmutable();
    }

    /// <summary>Gets the pairwise preferences d.</summary>
    public BallotPreferences Preferences { get; }

    /// <summary>Gets the link strength measure used.</summary>
    public SchulzeStrength Strength { get; }

    /// <summary>Gets the candidates in ranking order (rank, then id ordinally).</summary>
    public ImmutableArray<SchulzeStanding> Candidates { get; }

    /// <summary>Gets the Schulze winners: the candidates with rank 1 (more than one only in a tie).</summary>
    public ImmutableArray<string> Winners => [.. Candidates.Where(c => c.Rank == 1).Select(c => c.Id)];

    /// <summary>Returns p[a,b], the strength of the strongest path from <paramref name="a"/> to <paramref name="b"/>.</summary>
    /// <param name="a">A candidate id.</param>
    /// <param name="b">Another candidate id.</param>
    /// <returns>The path strength (0 when a = b or there is no path).</returns>
    /// <exception cref="ArgumentException">An id is not a candidate.</exception>
    public int PathStrength(string a, string b) => _paths[(Preferences.IndexOf(a, nameof(a)) * Preferences.Candidates.Length) + Preferences.IndexOf(b, nameof(b))];

    /// <summary>Returns whether <paramref name="a"/> beats <paramref name="b"/>: p[a,b] &gt; p[b,a].</summary>
    /// <param name="a">A candidate id.</param>
    /// <param name="b">Another candidate id.</param>
    /// <returns>Whether a beats b.</returns>
    /// <exception cref="ArgumentException">An id is not a candidate.</exception>
    public bool Beats(string a, string b) => PathStrength(a, b) > PathStrength(b, a);

    /// <summary>Returns one candidate's standing.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The standing.</returns>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public SchulzeStanding StandingOf(string candidateId) =>
        Candidates.FirstOrDefault(c => c.Id == candidateId)
        ?? throw new ArgumentException(Preconditions.Invariant($"'{candidateId}' is not a candidate."), nameof(candidateId));

    /// <summary>Explains one candidate's place: its d and p values against every other candidate, in candidate order.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>One comparison per opponent.</returns>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public ImmutableArray<SchulzeComparison> Explain(string candidateId)
    {
        var a = Preferences.IndexOf(candidateId, nameof(candidateId));
        var n = Preferences.Candidates.Length;
        var d = Preferences.Matrix;
        var result = ImmutableArray.CreateBuilder<SchulzeComparison>(n - 1);
        for (var b = 0; b < n; b++)
        {
            if (b != a)
            {
                result.Add(new SchulzeComparison(Preferences.Candidates[b], d[(a * n) + b], d[(b * n) + a], _paths[(a * n) + b], _paths[(b * n) + a]));
            }
        }

        return result.MoveToImmutable();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Candidates);
}
