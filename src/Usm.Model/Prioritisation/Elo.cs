using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>The start rating and K-factor of an <see cref="Elo"/> rating run.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class EloOptions
{
    /// <summary>The default start rating, 1500.</summary>
    public const double DefaultStartRating = 1500;

    /// <summary>The default K-factor, 32.</summary>
    public const double DefaultKFactor = 32;

    /// <summary>Creates options.</summary>
    /// <param name="startRating">Every candidate's rating before the first comparison; finite, in [−1e6, 1e6].</param>
    /// <param name="kFactor">The largest change one comparison can make to a rating; in (0, 1000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range, or NaN.</exception>
    public EloOptions(double startRating = DefaultStartRating, double kFactor = DefaultKFactor)
    {
        StartRating = Preconditions.CheckInRange(startRating, -1e6, 1e6);
        KFactor = Preconditions.CheckInRange(kFactor, double.Epsilon, 1000);
    }

    /// <summary>Gets the default options: start rating 1500, K = 32.</summary>
    public static EloOptions Default { get; } = new();

    /// <summary>Gets every candidate's rating before the first comparison. The default is 1500.</summary>
    public double StartRating { get; }

    /// <summary>Gets the K-factor: a rating moves by K·(S − E) per comparison. The default is 32.</summary>
    public double KFactor { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"start {StartRating}, K = {KFactor}");
}

/// <summary>
/// Elo ratings from pairwise comparisons taken one at a time, in the order given: the candidate preferred more often
/// than its ratings predicted gains rating, the other loses the same amount.
/// </summary>
/// <remarks>
/// <para><b>Rule.</b> For a comparison of A and B, A's expected score is E_A = 1 / (1 + 10^((R_B − R_A) / 400)) and
/// its actual score S_A is 1 for a win, ½ for a tie and 0 for a loss. A's rating becomes R_A + K·(S_A − E_A) and B's
/// becomes R_B − K·(S_A − E_A), which is B's own update K·(S_B − E_B) because S_B = 1 − S_A and E_B = 1 − E_A. (Elo,
/// "The rating of chessplayers, past and present", 1978; Wikipedia, "Elo rating system".) A comparison with a count of c
/// is applied c times in a row, so the cost is O(n + Σ counts).</para>
/// <para><b>Order matters.</b> Each comparison uses the ratings left by the ones before it, so the same comparisons in
/// another order give other ratings, and the last comparisons weigh most. <see cref="BradleyTerry"/> uses only the
/// totals and does not depend on the order. Use Elo when the order carries meaning (newer opinions should count more);
/// otherwise prefer Bradley–Terry.</para>
/// <para><b>Conservation.</b> Every comparison moves two ratings by the same amount in opposite directions, so the sum
/// of all ratings stays n × the start rating (up to rounding).</para>
/// <para><b>Order of the result.</b> Rating descending, then id (ordinal); ratings are compared rounded to 9 decimals.
/// Candidates without comparisons keep the start rating.</para>
/// </remarks>
public static class Elo
{
    /// <summary>The method name used in explanations.</summary>
    internal const string MethodName = "Elo";

    /// <summary>Rates the candidates by the comparisons, in the order given.</summary>
    /// <param name="profile">The comparisons.</param>
    /// <param name="options">The options, or null for <see cref="EloOptions.Default"/>.</param>
    /// <returns>The ratings, ranking and explanations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public static EloResult Rate(PairwiseProfile profile, EloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        options ??= EloOptions.Default;
        var n = profile.Candidates.Length;
        var rating = new double[n];
        Array.Fill(rating, options.StartRating);
        var k = options.KFactor;
        var change = new Dictionary<(int Self, int Other), double>();
        foreach (var c in profile.Comparisons)
        {
            var a = profile.IndexOf(c.First, nameof(profile));
            var b = profile.IndexOf(c.Second, nameof(profile));
            var actual = c.IsTie ? 0.5 : 1.0;
            var total = 0.0;
            for (var repeat = 0; repeat < c.Count; repeat++)
            {
                var delta = k * (actual - ExpectedScore(rating[a], rating[b]));
                rating[a] += delta;
                rating[b] -= delta;
                total += delta;
            }

            change[(a, b)] = change.GetValueOrDefault((a, b)) + total;
            change[(b, a)] = change.GetValueOrDefault((b, a)) - total;
        }

        return new EloResult(profile, options, rating, change);
    }

    /// <summary>Returns the expected score of a candidate against an opponent: 1 / (1 + 10^((opponent − rating) / 400)).</summary>
    /// <param name="rating">The candidate's rating.</param>
    /// <param name="opponentRating">The opponent's rating.</param>
    /// <returns>The expected score, in [0, 1]: the probability of a win, counting a tie as half.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rating is NaN or infinite.</exception>
    public static double ExpectedScore(double rating, double opponentRating)
    {
        Preconditions.CheckFinite(rating);
        Preconditions.CheckFinite(opponentRating);
        return 1 / (1 + Math.Pow(10, (opponentRating - rating) / 400));
    }
}

/// <summary>One candidate's line in an Elo rating run.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class EloStanding
{
    internal EloStanding(string id, double rating, int rank, int position, int wins, int losses, int ties, Explanation explanation)
    {
        Id = id;
        Rating = rating;
        Rank = rank;
        Position = position;
        Wins = wins;
        Losses = losses;
        Ties = ties;
        Explanation = explanation;
    }

    /// <summary>Gets the candidate id.</summary>
    public string Id { get; }

    /// <summary>Gets the rating after the last comparison.</summary>
    public double Rating { get; }

    /// <summary>Gets the rank: 1 + the number of candidates with a strictly higher rating (rounded to 9 decimals); equal ratings share a rank.</summary>
    public int Rank { get; }

    /// <summary>Gets the 1-based position: rating descending, then id ordinally.</summary>
    public int Position { get; }

    /// <summary>Gets how many times the candidate was preferred.</summary>
    public int Wins { get; }

    /// <summary>Gets how many times another candidate was preferred to it.</summary>
    public int Losses { get; }

    /// <summary>Gets how many of its comparisons were ties.</summary>
    public int Ties { get; }

    /// <summary>
    /// Gets why the candidate has this rating: a summary of its record, then one contribution per opponent it met, in
    /// ordinal order of the opponent's id, whose value is its score against that opponent (wins plus half the ties) and
    /// whose contribution is the net rating change those comparisons brought it.
    /// </summary>
    public Explanation Explanation { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Rank}. {Id}: rating {RankingMethod.F(Rating)} ({Wins} won, {Losses} lost, {Ties} tied)");
}

/// <summary>The result of <see cref="Elo.Rate"/>: ratings, ranking and explanations.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class EloResult
{
    private readonly double[] _rating;
    private readonly int[] _positionOf;

    internal EloResult(PairwiseProfile profile, EloOptions options, double[] rating, Dictionary<(int Self, int Other), double> change)
    {
        Profile = profile;
        Options = options;
        _rating = rating;
        var n = rating.Length;
        var ids = profile.Candidates;
        var keys = rating.Select(r => Math.Round(r, 9)).ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(i => keys[i]).ThenBy(i => ids[i], StringComparer.Ordinal).ToArray();
        _positionOf = new int[n];
        var ranks = new int[n];
        for (var p = 0; p < n; p++)
        {
            var i = order[p];
            _positionOf[i] = p;
            ranks[i] = p > 0 && keys[order[p - 1]] == keys[i] ? ranks[order[p - 1]] : p + 1;
        }

        var lines = change
            .GroupBy(e => e.Key.Self)
            .ToDictionary(g => g.Key, g => g.Select(e => Line(profile, e.Key.Self, e.Key.Other, e.Value)).OrderBy(c => c.Criterion, StringComparer.Ordinal).ToArray());
        var standings = ImmutableArray.CreateBuilder<EloStanding>(n);
        foreach (var i in order)
        {
            var summary = Preconditions.Invariant(
                $"Elo rating {RankingMethod.F(rating[i])} (rank {ranks[i]} of {n}): start {RankingMethod.F(options.StartRating)}, {RankingMethod.F(rating[i] - options.StartRating)} over {profile.Wins[i]} won, {profile.Losses[i]} lost, {profile.Ties[i]} tied with K = {RankingMethod.F(options.KFactor)}; the order of the comparisons matters.");
            standings.Add(new EloStanding(ids[i], rating[i], ranks[i], standings.Count + 1, profile.Wins[i], profile.Losses[i], profile.Ties[i], new Explanation(Elo.MethodName, summary, lines.GetValueOrDefault(i, []))));
        }

        Candidates = standings.MoveToImmutable();
    }

    /// <summary>Gets the comparisons, in the order they were applied.</summary>
    public PairwiseProfile Profile { get; }

    /// <summary>Gets the options used.</summary>
    public EloOptions Options { get; }

    /// <summary>Gets the candidates in ranking order: rating descending, then id ordinally.</summary>
    public ImmutableArray<EloStanding> Candidates { get; }

    /// <summary>Gets the candidate ids in ranking order.</summary>
    public ImmutableArray<string> Order => [.. Candidates.Select(c => c.Id)];

    /// <summary>Gets the sum of all ratings (n × the start rating, up to rounding).</summary>
    public double TotalRating => _rating.Sum();

    /// <summary>Returns one candidate's rating.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public double RatingOf(string candidateId) => _rating[Profile.IndexOf(candidateId, nameof(candidateId))];

    /// <summary>Returns one candidate's standing.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The standing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public EloStanding StandingOf(string candidateId) => Candidates[_positionOf[Profile.IndexOf(candidateId, nameof(candidateId))]];

    /// <summary>Returns <paramref name="a"/>'s expected score against <paramref name="b"/> at the final ratings.</summary>
    /// <param name="a">A candidate id.</param>
    /// <param name="b">A candidate id (0.5 when it is <paramref name="a"/>).</param>
    /// <returns>The expected score, in [0, 1].</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is not a candidate.</exception>
    public double ExpectedScore(string a, string b) => Elo.ExpectedScore(_rating[Profile.IndexOf(a, nameof(a))], _rating[Profile.IndexOf(b, nameof(b))]);

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Candidates);

    private static CriterionContribution Line(PairwiseProfile profile, int self, int other, double change)
    {
        var p = profile.PairIndex(self, other);
        var wins = self < other ? profile.PairAWins[p] : profile.PairBWins[p];
        var losses = self < other ? profile.PairBWins[p] : profile.PairAWins[p];
        var ties = profile.PairTies[p];
        var id = profile.Candidates[other];
        return new CriterionContribution(id, wins + (ties / 2.0), change, Preconditions.Invariant(
            $"vs '{id}': {wins} won, {losses} lost, {ties} tied; rating change {(change >= 0 ? "+" : string.Empty)}{RankingMethod.F(change)}."));
    }
}
