using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>One candidate's line in a Plackett–Luce fit: its worth, place, how the ballots treated it, and an explanation.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PlackettLuceStanding
{
    internal PlackettLuceStanding(string id, double worth, int rank, int position, int rankedBy, double chosen, double expectedChoices, double firstChoiceProbability, Explanation explanation)
    {
        Id = id;
        Worth = worth;
        Rank = rank;
        Position = position;
        RankedBy = rankedBy;
        Chosen = chosen;
        ExpectedChoices = expectedChoices;
        FirstChoiceProbability = firstChoiceProbability;
        Explanation = explanation;
    }

    /// <summary>Gets the candidate id.</summary>
    public string Id { get; }

    /// <summary>Gets the fitted worth α &gt; 0; the worths of all candidates have geometric mean 1.</summary>
    public double Worth { get; }

    /// <summary>Gets the rank: 1 + the number of candidates with a strictly greater worth (compared as <see cref="PlackettLuce"/> documents); equal worths share a rank.</summary>
    public int Rank { get; }

    /// <summary>Gets the 1-based position: worth descending, then id ordinally.</summary>
    public int Position { get; }

    /// <summary>Gets how many voters' ballots name the candidate (a ballot counts with its <see cref="Ballot.Voters"/>).</summary>
    public int RankedBy { get; }

    /// <summary>
    /// Gets how many times it was chosen first among the rest: each voter's ballot credits it with one choice for each
    /// rank it holds alone, 1/t for a rank shared by t tied candidates, and nothing for a last rank that is no choice.
    /// </summary>
    public double Chosen { get; }

    /// <summary>
    /// Gets how many choices the model expects it to win at the fitted worths: Σ over the choices whose set holds it of
    /// voters × α / (the set's total worth). At the estimate without virtual ties this equals <see cref="Chosen"/>
    /// within the tolerance; virtual ties move it away.
    /// </summary>
    public double ExpectedChoices { get; }

    /// <summary>Gets the probability that it is chosen first from all candidates: its worth over the sum of all worths.</summary>
    public double FirstChoiceProbability { get; }

    /// <summary>
    /// Gets why the candidate has this worth: a summary, then one contribution per rank at which ballots put it (in rank
    /// order, then "unranked"), whose value is the number of voters and whose contribution is the choices credited.
    /// </summary>
    public Explanation Explanation { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Rank}. {Id}: worth {RankingMethod.F(Worth)} (chosen {RankingMethod.F(Chosen)} times, ranked by {RankedBy} voters)");
}

/// <summary>The result of <see cref="PlackettLuce.Fit"/>: worths, ranking, choice probabilities and how the fit went.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PlackettLuceResult
{
    private readonly double[] _worth;
    private readonly int[] _positionOf;
    private readonly Dictionary<string, int> _index;

    internal PlackettLuceResult(PlackettLuceData data, PlackettLuceOptions options, double[] worth, int iterations, bool converged)
    {
        Options = options;
        Iterations = iterations;
        Converged = converged;
        CandidateIds = data.Candidates;
        Ballots = data.Ballots;
        _worth = worth;
        var n = worth.Length;
        var ids = data.Candidates;
        _index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            _index.Add(ids[i], i);
        }

        LogLikelihood = data.LogLikelihood(worth);
        var total = worth.Sum();
        var order = StrengthOrder.Of(worth, ids, out _positionOf, out var ranks);

        var denominators = new double[n];
        data.Denominators(worth, denominators, new double[Math.Max(1, data.MaxGroups)]);
        var byRank = RanksOf(data);
        var voters = data.Weight.Sum(w => (long)w);
        var standings = ImmutableArray.CreateBuilder<PlackettLuceStanding>(n);
        foreach (var i in order)
        {
            var expected = worth[i] * denominators[i];
            var rankedBy = (int)data.RankedBy[i];
            var summary = Preconditions.Invariant(
                $"Plackett–Luce worth {RankingMethod.F(worth[i])} (rank {ranks[i]} of {n}; chosen first from all with probability {RankingMethod.F(worth[i] / total)}): ranked by {rankedBy} of {voters} voters; chosen first among the rest {RankingMethod.F(data.Score[i])} times against {RankingMethod.F(expected)} expected at the fitted worths.");
            var lines = new List<CriterionContribution>();
            foreach (var (rank, count, credited) in byRank[i])
            {
                lines.Add(new CriterionContribution(
                    Preconditions.Invariant($"rank {rank}"),
                    count,
                    credited,
                    Preconditions.Invariant($"ranked {rank} by {count} voter(s): {RankingMethod.F(credited)} choice(s) credited.")));
            }

            if (voters > rankedBy)
            {
                var unranked = voters - rankedBy;
                lines.Add(new CriterionContribution("unranked", unranked, 0, Preconditions.Invariant(
                    $"not named by {unranked} voter(s): {(options.Unranked == PlackettLuceUnranked.BelowRanked ? "passed over in every choice of their ballots" : "no part in their ballots")}.")));
            }

            standings.Add(new PlackettLuceStanding(ids[i], worth[i], ranks[i], standings.Count + 1, rankedBy, data.Score[i], expected, worth[i] / total, new Explanation(PlackettLuce.MethodName, summary, lines)));
        }

        Candidates = standings.MoveToImmutable();
    }

    /// <summary>Gets the candidate ids, in the order given.</summary>
    public ImmutableArray<string> CandidateIds { get; }

    /// <summary>Gets the ballots, as given.</summary>
    public ImmutableArray<Ballot> Ballots { get; }

    /// <summary>Gets the options used.</summary>
    public PlackettLuceOptions Options { get; }

    /// <summary>Gets the number of MM iterations run.</summary>
    public int Iterations { get; }

    /// <summary>Gets whether the iteration met the tolerance before the iteration cap.</summary>
    public bool Converged { get; }

    /// <summary>
    /// Gets the log-likelihood of the ballots at the fitted worths (natural logarithm; virtual ties not included):
    /// Σ over the choices of voters × [ (1/t) Σ_{i chosen} log α_i − log (the set's total worth) ]. It does not depend
    /// on the normalisation, and −2 × it is the residual deviance other software reports.
    /// </summary>
    public double LogLikelihood { get; }

    /// <summary>Gets the candidates in ranking order: worth descending, then id ordinally.</summary>
    public ImmutableArray<PlackettLuceStanding> Candidates { get; }

    /// <summary>Gets the candidate ids in ranking order.</summary>
    public ImmutableArray<string> Order => [.. Candidates.Select(c => c.Id)];

    /// <summary>Returns one candidate's worth.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The worth (geometric mean of all worths is 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public double WorthOf(string candidateId) => _worth[IndexOf(candidateId, nameof(candidateId))];

    /// <summary>Returns one candidate's standing.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The standing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public PlackettLuceStanding StandingOf(string candidateId) => Candidates[_positionOf[IndexOf(candidateId, nameof(candidateId))]];

    /// <summary>
    /// Returns the model's probability that <paramref name="candidateId"/> is chosen first from the set
    /// <paramref name="among"/> (Luce's choice axiom): α_candidate / Σ_{j in the set} α_j.
    /// </summary>
    /// <param name="candidateId">The candidate id; it must be in <paramref name="among"/>.</param>
    /// <param name="among">The set offered: candidate ids, each at most once.</param>
    /// <returns>The probability, in (0, 1].</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="among"/> holds null.</exception>
    /// <exception cref="ArgumentException">An id is not a candidate, an id is listed twice, or <paramref name="candidateId"/> is not in the set (the message names it).</exception>
    public double FirstChoiceProbability(string candidateId, IEnumerable<string> among)
    {
        var self = IndexOf(candidateId, nameof(candidateId));
        ArgumentNullException.ThrowIfNull(among);
        var seen = new HashSet<int>();
        var sum = 0.0;
        foreach (var id in among)
        {
            var j = IndexOf(id, nameof(among));
            if (!seen.Add(j))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate '{id}' is listed twice in the set."), nameof(among));
            }

            sum += _worth[j];
        }

        Preconditions.CheckArgument(seen.Contains(self), nameof(among), Preconditions.Invariant($"Candidate '{candidateId}' is not in the set it is to be chosen from."));
        return _worth[self] / sum;
    }

    /// <summary>Returns the model's probability that <paramref name="candidateId"/> is chosen first from all candidates: α_candidate / Σ_j α_j.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The probability, in (0, 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public double FirstChoiceProbability(string candidateId) => StandingOf(candidateId).FirstChoiceProbability;

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Candidates);

    /// <summary>Per candidate: (rank on the ballot, voters, choices credited) for every rank at which some ballot puts it, by rank.</summary>
    private static List<(int Rank, long Voters, double Credited)>[] RanksOf(PlackettLuceData data)
    {
        var n = data.Candidates.Length;
        var tallies = new SortedDictionary<int, (long Voters, double Credited)>[n];
        for (var i = 0; i < n; i++)
        {
            tallies[i] = [];
        }

        for (var b = 0; b < data.UniqueBallots; b++)
        {
            var first = data.GroupFrom[b];
            for (var g = first; g < data.GroupFrom[b + 1]; g++)
            {
                var size = data.MemberFrom[g + 1] - data.MemberFrom[g];
                var credited = g - first < data.Choices[b] ? data.Weight[b] / size : 0;
                for (var m = data.MemberFrom[g]; m < data.MemberFrom[g + 1]; m++)
                {
                    var i = data.Members[m];
                    tallies[i].TryGetValue(g - first + 1, out var t);
                    tallies[i][g - first + 1] = (t.Voters + (long)data.Weight[b], t.Credited + credited);
                }
            }
        }

        return [.. tallies.Select(t => t.Select(kv => (kv.Key, kv.Value.Voters, kv.Value.Credited)).ToList())];
    }

    private int IndexOf(string id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        return _index.TryGetValue(id, out var i) ? i : throw new ArgumentException(Preconditions.Invariant($"'{id}' is not a candidate."), paramName);
    }
}
