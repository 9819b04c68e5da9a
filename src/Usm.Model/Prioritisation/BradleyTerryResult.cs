using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>One candidate's line in a Bradley–Terry fit: its strength, place, record and an explanation.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BradleyTerryStanding
{
    internal BradleyTerryStanding(string id, double strength, int rank, int position, int wins, int losses, int ties, double expectedWins, Explanation explanation)
    {
        Id = id;
        Strength = strength;
        Rank = rank;
        Position = position;
        Wins = wins;
        Losses = losses;
        Ties = ties;
        ExpectedWins = expectedWins;
        Explanation = explanation;
    }

    /// <summary>Gets the candidate id.</summary>
    public string Id { get; }

    /// <summary>Gets the fitted strength π &gt; 0; the strengths of all candidates have geometric mean 1.</summary>
    public double Strength { get; }

    /// <summary>Gets the rank: 1 + the number of candidates with a strictly greater strength (compared as <see cref="BradleyTerry"/> documents); equal strengths share a rank.</summary>
    public int Rank { get; }

    /// <summary>Gets the 1-based position: strength descending, then id ordinally.</summary>
    public int Position { get; }

    /// <summary>Gets how many times the candidate was preferred.</summary>
    public int Wins { get; }

    /// <summary>Gets how many times another candidate was preferred to it.</summary>
    public int Losses { get; }

    /// <summary>Gets how many of its comparisons were ties.</summary>
    public int Ties { get; }

    /// <summary>Gets its observed score in the model: wins plus half its ties.</summary>
    public double Score => Wins + (Ties / 2.0);

    /// <summary>
    /// Gets its expected score at the fitted strengths, Σ_j n_ij π_i / (π_i + π_j) over its real comparisons. At the
    /// estimate without virtual ties this equals <see cref="Score"/> within the tolerance; virtual ties move it away.
    /// </summary>
    public double ExpectedWins { get; }

    /// <summary>
    /// Gets why the candidate has this strength: a summary of its record, then one contribution per opponent it met, in
    /// ordinal order of the opponent's id, whose value is its score against that opponent (wins plus half the ties) and
    /// whose contribution is the model's probability that it is preferred to that opponent.
    /// </summary>
    public Explanation Explanation { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Rank}. {Id}: strength {RankingMethod.F(Strength)} ({Wins} won, {Losses} lost, {Ties} tied)");
}

/// <summary>The result of <see cref="BradleyTerry.Fit"/>: strengths, ranking, win probabilities and how the fit went.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BradleyTerryResult
{
    private readonly double[] _strength;
    private readonly int[] _positionOf;

    internal BradleyTerryResult(PairwiseProfile profile, BradleyTerryOptions options, double[] strength, int iterations, bool converged)
    {
        Profile = profile;
        Options = options;
        Iterations = iterations;
        Converged = converged;
        _strength = strength;
        var n = strength.Length;
        var ids = profile.Candidates;
        var order = StrengthOrder.Of(strength, ids, out _positionOf, out var ranks);
        var standings = ImmutableArray.CreateBuilder<BradleyTerryStanding>(n);

        var expected = new double[n];
        var contributions = new List<CriterionContribution>[n];
        for (var i = 0; i < n; i++)
        {
            contributions[i] = [];
        }

        for (var p = 0; p < profile.PairA.Length; p++)
        {
            int a = profile.PairA[p], b = profile.PairB[p];
            int aWins = profile.PairAWins[p], bWins = profile.PairBWins[p], ties = profile.PairTies[p];
            var count = (double)aWins + bWins + ties;
            var pa = strength[a] / (strength[a] + strength[b]);
            var pb = strength[b] / (strength[a] + strength[b]);
            expected[a] += count * pa;
            expected[b] += count * pb;
            contributions[a].Add(Versus(ids[a], ids[b], aWins, bWins, ties, pa));
            contributions[b].Add(Versus(ids[b], ids[a], bWins, aWins, ties, pb));
        }

        foreach (var i in order)
        {
            var summary = Preconditions.Invariant(
                $"Bradley–Terry strength {RankingMethod.F(strength[i])} (rank {ranks[i]} of {n}): {profile.Wins[i]} won, {profile.Losses[i]} lost, {profile.Ties[i]} tied; score {RankingMethod.F(profile.Wins[i] + (profile.Ties[i] / 2.0))} against {RankingMethod.F(expected[i])} expected at the fitted strengths.");
            var lines = contributions[i].OrderBy(c => c.Criterion, StringComparer.Ordinal);
            standings.Add(new BradleyTerryStanding(ids[i], strength[i], ranks[i], standings.Count + 1, profile.Wins[i], profile.Losses[i], profile.Ties[i], expected[i], new Explanation(BradleyTerry.MethodName, summary, lines)));
        }

        Candidates = standings.MoveToImmutable();
    }

    /// <summary>Gets the comparisons the strengths were fitted to.</summary>
    public PairwiseProfile Profile { get; }

    /// <summary>Gets the options used.</summary>
    public BradleyTerryOptions Options { get; }

    /// <summary>Gets the number of MM iterations run (0 for a single candidate).</summary>
    public int Iterations { get; }

    /// <summary>Gets whether the iteration met the tolerance before the iteration cap.</summary>
    public bool Converged { get; }

    /// <summary>Gets the candidates in ranking order: strength descending, then id ordinally.</summary>
    public ImmutableArray<BradleyTerryStanding> Candidates { get; }

    /// <summary>Gets the candidate ids in ranking order.</summary>
    public ImmutableArray<string> Order => [.. Candidates.Select(c => c.Id)];

    /// <summary>Returns one candidate's strength.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The strength (geometric mean of all strengths is 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public double StrengthOf(string candidateId) => _strength[Profile.IndexOf(candidateId, nameof(candidateId))];

    /// <summary>Returns one candidate's standing.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>The standing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public BradleyTerryStanding StandingOf(string candidateId) => Candidates[_positionOf[Profile.IndexOf(candidateId, nameof(candidateId))]];

    /// <summary>Returns the model's probability that <paramref name="a"/> is preferred to <paramref name="b"/>: π_a / (π_a + π_b).</summary>
    /// <param name="a">A candidate id.</param>
    /// <param name="b">A candidate id (0.5 when it is <paramref name="a"/>).</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is not a candidate.</exception>
    public double WinProbability(string a, string b)
    {
        var sa = _strength[Profile.IndexOf(a, nameof(a))];
        var sb = _strength[Profile.IndexOf(b, nameof(b))];
        return sa / (sa + sb);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Candidates);

    private static CriterionContribution Versus(string self, string other, int wins, int losses, int ties, double probability) =>
        new(other, wins + (ties / 2.0), probability, Preconditions.Invariant(
            $"vs '{other}': {wins} won, {losses} lost, {ties} tied; P('{self}' preferred) = {RankingMethod.F(probability)}."));
}
