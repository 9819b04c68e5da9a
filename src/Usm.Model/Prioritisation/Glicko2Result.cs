using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>One candidate's line in a Glicko-2 rating run.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Glicko2Standing
{
    /// <summary>The multiple of the deviation on each side of the rating that gives a 95 % interval: 1.96.</summary>
    public const double IntervalFactor = 1.96;

    internal Glicko2Standing(
        string id, Glicko2Rating current, Glicko2Rating start, int firstPeriod, int rank, int position,
        int wins, int losses, int ties, int periodsWithGames, bool volatilityConverged, Explanation explanation)
    {
        Id = id;
        Current = current;
        Start = start;
        FirstPeriod = firstPeriod;
        Rank = rank;
        Position = position;
        Wins = wins;
        Losses = losses;
        Ties = ties;
        PeriodsWithGames = periodsWithGames;
        VolatilityConverged = volatilityConverged;
        Explanation = explanation;
    }

    /// <summary>Gets the candidate id.</summary>
    public string Id { get; }

    /// <summary>Gets the rating at the end of the last period.</summary>
    public double Rating => Current.Rating;

    /// <summary>Gets the rating deviation (RD) at the end of the last period: one standard deviation of the rating.</summary>
    public double Deviation => Current.Deviation;

    /// <summary>Gets the volatility at the end of the last period.</summary>
    public double Volatility => Current.Volatility;

    /// <summary>Gets the rating, deviation and volatility as one value, to start a later run from.</summary>
    public Glicko2Rating Current { get; }

    /// <summary>Gets the values the candidate started with.</summary>
    public Glicko2Rating Start { get; }

    /// <summary>Gets the 0-based index of the period at whose beginning the candidate entered (0 for a given start).</summary>
    public int FirstPeriod { get; }

    /// <summary>Gets the lower end of the 95 % interval: rating − 1.96 · RD.</summary>
    public double Lower95 => Rating - (IntervalFactor * Deviation);

    /// <summary>Gets the upper end of the 95 % interval: rating + 1.96 · RD.</summary>
    public double Upper95 => Rating + (IntervalFactor * Deviation);

    /// <summary>Gets the conservative rating, rating − 2 · RD, the key of <see cref="Glicko2Result.ConservativeOrder"/>.</summary>
    public double ConservativeRating => Rating - (2 * Deviation);

    /// <summary>Gets the rank: 1 + the number of candidates with a strictly higher rating (rounded to 9 decimals); equal ratings share a rank.</summary>
    public int Rank { get; }

    /// <summary>Gets the 1-based position: rating descending, then id ordinally.</summary>
    public int Position { get; }

    /// <summary>Gets how many games the candidate played over all periods (a comparison with count c is c games).</summary>
    public int Games => Wins + Losses + Ties;

    /// <summary>Gets how many times the candidate was preferred.</summary>
    public int Wins { get; }

    /// <summary>Gets how many times another candidate was preferred to it.</summary>
    public int Losses { get; }

    /// <summary>Gets how many of its games were ties.</summary>
    public int Ties { get; }

    /// <summary>Gets in how many periods it played at least one game.</summary>
    public int PeriodsWithGames { get; }

    /// <summary>Gets whether every volatility iteration of the candidate converged within the cap (see <see cref="Glicko2"/>).</summary>
    public bool VolatilityConverged { get; }

    /// <summary>
    /// Gets why the candidate has this rating: a summary of its values and record, then one contribution per opponent it
    /// met, in ordinal order of the opponent's id, whose value is its score against that opponent (wins plus half the
    /// ties, over all periods) and whose contribution is the rating change those games brought it (within a period the
    /// change is φ′² Σ g(φ_j)(s_j − E) on the Glicko-2 scale, a sum over opponents, so the contributions add up to the
    /// rating minus the start rating).
    /// </summary>
    public Explanation Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant(
        $"{Rank}. {Id}: rating {RankingMethod.F(Rating)}, RD {RankingMethod.F(Deviation)}, volatility {RankingMethod.F(Volatility)} ({Wins} won, {Losses} lost, {Ties} tied)");
}

/// <summary>The result of <see cref="Glicko2.Rate(IEnumerable{PairwiseProfile}, Glicko2Options?, IReadOnlyDictionary{string, Glicko2Rating}?)"/>: ratings with deviations, ranking and explanations.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Glicko2Result
{
    private readonly Dictionary<string, int> _positionOf;

    internal Glicko2Result(ImmutableArray<PairwiseProfile> periods, Glicko2Options options, ImmutableSortedDictionary<string, Glicko2Rating> starts, Glicko2.Run run)
    {
        Periods = periods;
        Options = options;
        Starts = starts;
        var n = run.Count;
        var current = Enumerable.Range(0, n)
            .Select(i => Glicko2Rating.Unchecked((run.Mu[i] * Glicko2.ScaleFactor) + Glicko2.ScaleCentre, run.Phi[i] * Glicko2.ScaleFactor, run.Sigma[i]))
            .ToArray();
        var ids = run.Ids;
        var keys = current.Select(r => Math.Round(r.Rating, 9)).ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(i => keys[i]).ThenBy(i => ids[i], StringComparer.Ordinal).ToArray();
        var ranks = new int[n];
        for (var p = 0; p < n; p++)
        {
            var i = order[p];
            ranks[i] = p > 0 && keys[order[p - 1]] == keys[i] ? ranks[order[p - 1]] : p + 1;
        }

        var lines = run.Lines
            .GroupBy(e => e.Key.Self)
            .ToDictionary(g => g.Key, g => g.Select(e => Line(ids[e.Key.Other], e.Value)).OrderBy(c => c.Criterion, StringComparer.Ordinal).ToArray());
        var standings = ImmutableArray.CreateBuilder<Glicko2Standing>(n);
        _positionOf = new Dictionary<string, int>(n, StringComparer.Ordinal);
        foreach (var i in order)
        {
            var r = current[i];
            var start = run.Start[i];
            var converged = run.Converged[i] ? string.Empty : Preconditions.Invariant($"; a volatility iteration stopped at the cap of {options.MaxIterations}");
            var summary = Preconditions.Invariant(
                $"Glicko-2 rating {RankingMethod.F(r.Rating)}, RD {RankingMethod.F(r.Deviation)} (95 %: {RankingMethod.F(r.Rating - (Glicko2Standing.IntervalFactor * r.Deviation))} to {RankingMethod.F(r.Rating + (Glicko2Standing.IntervalFactor * r.Deviation))}), volatility {RankingMethod.F(r.Volatility)} (rank {ranks[i]} of {n}): start {RankingMethod.F(start.Rating)}, RD {RankingMethod.F(start.Deviation)}, volatility {RankingMethod.F(start.Volatility)} at period {run.FirstPeriod[i] + 1}; {run.Wins[i]} won, {run.Losses[i]} lost, {run.Ties[i]} tied in {run.PeriodsWithGames[i]} of {periods.Length - run.FirstPeriod[i]} period(s); the order within a period does not matter{converged}.");
            _positionOf.Add(ids[i], standings.Count);
            standings.Add(new Glicko2Standing(
                ids[i], r, start, run.FirstPeriod[i], ranks[i], standings.Count + 1, run.Wins[i], run.Losses[i], run.Ties[i],
                run.PeriodsWithGames[i], run.Converged[i], new Explanation(Glicko2.MethodName, summary, lines.GetValueOrDefault(i, []))));
        }

        Candidates = standings.MoveToImmutable();
        ConservativeOrder = [.. Candidates.OrderByDescending(c => Math.Round(c.ConservativeRating, 9)).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id)];
        Ratings = Candidates.ToImmutableSortedDictionary(c => c.Id, c => c.Current, StringComparer.Ordinal);
    }

    /// <summary>Gets the rating periods, in the order they were applied.</summary>
    public ImmutableArray<PairwiseProfile> Periods { get; }

    /// <summary>Gets the options used.</summary>
    public Glicko2Options Options { get; }

    /// <summary>Gets the given starts, by id (empty when none were given).</summary>
    public IReadOnlyDictionary<string, Glicko2Rating> Starts { get; }

    /// <summary>Gets the candidates in ranking order: rating descending, then id ordinally.</summary>
    public ImmutableArray<Glicko2Standing> Candidates { get; }

    /// <summary>Gets the candidate ids in ranking order.</summary>
    public ImmutableArray<string> Order => [.. Candidates.Select(c => c.Id)];

    /// <summary>
    /// Gets the candidate ids by conservative rating (rating − 2 · RD) descending, then id ordinally, the conservative
    /// ratings compared rounded to 9 decimals: a candidate compared only a few times, whose RD is still wide, comes
    /// after an equally rated one the group has compared often.
    /// </summary>
    public ImmutableArray<string> ConservativeOrder { get; }

    /// <summary>Gets every candidate's final rating, deviation and volatility by id: the starts of a run over later periods.</summary>
    public IReadOnlyDictionary<string, Glicko2Rating> Ratings { get; }

    /// <summary>Gets whether every volatility iteration converged within the cap.</summary>
    public bool Converged => Candidates.All(c => c.VolatilityConverged);

    /// <summary>Returns one candidate's rating.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public double RatingOf(string candidateId) => StandingOf(candidateId).Rating;

    /// <summary>Returns one candidate's rank (1 + the number of candidates rated strictly higher).</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The rank.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public int RankOf(string candidateId) => StandingOf(candidateId).Rank;

    /// <summary>Returns one candidate's standing.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The standing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public Glicko2Standing StandingOf(string candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return _positionOf.TryGetValue(candidateId, out var p)
            ? Candidates[p]
            : throw new ArgumentException(Preconditions.Invariant($"'{candidateId}' is not a candidate."), nameof(candidateId));
    }

    /// <summary>Returns <paramref name="a"/>'s expected score against <paramref name="b"/> at the final ratings and deviations (see <see cref="Glicko2.ExpectedScore"/>).</summary>
    /// <param name="a">A candidate id.</param>
    /// <param name="b">A candidate id (0.5 when it is <paramref name="a"/>).</param>
    /// <returns>The expected score, in [0, 1].</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is not a candidate.</exception>
    public double ExpectedScore(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var first = _positionOf.TryGetValue(a, out var pa) ? Candidates[pa] : throw new ArgumentException(Preconditions.Invariant($"'{a}' is not a candidate."), nameof(a));
        var second = _positionOf.TryGetValue(b, out var pb) ? Candidates[pb] : throw new ArgumentException(Preconditions.Invariant($"'{b}' is not a candidate."), nameof(b));
        return Glicko2.ExpectedScore(first.Current, second.Current);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Candidates);

    private static CriterionContribution Line(string opponent, (double Change, long Wins, long Losses, long Ties) line) =>
        new(opponent, line.Wins + (line.Ties / 2.0), line.Change, Preconditions.Invariant(
            $"vs '{opponent}': {line.Wins} won, {line.Losses} lost, {line.Ties} tied; rating change {(line.Change >= 0 ? "+" : string.Empty)}{RankingMethod.F(line.Change)}."));
}
