using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How <see cref="PlackettLuce.Fit"/> reads the candidates a partial ballot does not name.</summary>
public enum PlackettLuceUnranked
{
    /// <summary>
    /// Unranked candidates were not chosen before the ranked ones: they stay in every choice set of the ballot and are
    /// never chosen (a top-k ranking). A ballot <c>A &gt; B</c> over five candidates says A was
    /// picked from all five, then B from the other four. This matches <see cref="Ballot"/>'s own reading, in which
    /// unranked candidates are tied below every ranked one. The default.
    /// </summary>
    BelowRanked = 1,

    /// <summary>
    /// Unranked candidates take no part in the ballot: it ranks only the candidates it names (a sub-ranking, as the
    /// PlackettLuce R package reads partial rankings, and as Hunter (2004) reads a race that ranks only its entrants).
    /// A ballot <c>A &gt; B</c> is then one comparison of A and B, as in Bradley–Terry.
    /// </summary>
    Absent,
}

/// <summary>How <see cref="PlackettLuce.Fit"/> iterates, reads partial ballots and whether it regularises.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PlackettLuceOptions
{
    /// <summary>The default convergence tolerance, 1e-10.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>The default iteration cap, 100,000.</summary>
    public const int DefaultMaxIterations = 100_000;

    /// <summary>The smallest positive number of virtual ties, 1e-6 (as <see cref="BradleyTerryOptions.MinVirtualTies"/>).</summary>
    public const double MinVirtualTies = BradleyTerryOptions.MinVirtualTies;

    /// <summary>The largest number of virtual ties, 1,000,000 (as <see cref="BradleyTerryOptions.MaxVirtualTies"/>).</summary>
    public const double MaxVirtualTies = BradleyTerryOptions.MaxVirtualTies;

    /// <summary>Creates options.</summary>
    /// <param name="tolerance">The fit has converged when no worth changes by more than this fraction in one iteration; in (0, 0.1].</param>
    /// <param name="maxIterations">The most iterations to run, at least 1.</param>
    /// <param name="virtualTies">0 to refuse ballots without an estimate; otherwise this many virtual ties between every candidate and a reference candidate, from <see cref="MinVirtualTies"/> (1e-6) to <see cref="MaxVirtualTies"/> (1,000,000).</param>
    /// <param name="unranked">How to read the candidates a ballot does not name; <see cref="PlackettLuceUnranked.BelowRanked"/> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range, NaN or not a defined rule (the message names the value).</exception>
    public PlackettLuceOptions(double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations, double virtualTies = 0, PlackettLuceUnranked unranked = PlackettLuceUnranked.BelowRanked)
    {
        Tolerance = Preconditions.CheckInRange(tolerance, double.Epsilon, 0.1);
        MaxIterations = Preconditions.CheckInRange(maxIterations, 1, int.MaxValue);
        if (virtualTies != 0 && !(virtualTies >= MinVirtualTies && virtualTies <= MaxVirtualTies))
        {
            throw new ArgumentOutOfRangeException(nameof(virtualTies), virtualTies, Preconditions.Invariant(
                $"The number of virtual ties must be 0 (none) or from {MinVirtualTies} to {MaxVirtualTies}, but was {virtualTies}."));
        }

        VirtualTies = virtualTies;
        Unranked = Preconditions.CheckDefined(unranked);
    }

    /// <summary>Gets the default options: tolerance 1e-10, at most 100,000 iterations, no virtual ties, unranked candidates below the ranked ones.</summary>
    public static PlackettLuceOptions Default { get; } = new();

    /// <summary>Gets the tolerance: the fit stops once every worth changes by at most this fraction in one iteration. The default is 1e-10.</summary>
    public double Tolerance { get; }

    /// <summary>Gets the iteration cap. The default is 100,000.</summary>
    public int MaxIterations { get; }

    /// <summary>
    /// Gets the number of virtual ties each candidate has against a reference candidate; 0 (the default) means none,
    /// and then ballots without a maximum likelihood estimate are refused.
    /// </summary>
    public double VirtualTies { get; }

    /// <summary>Gets how the candidates a ballot does not name are read. The default is <see cref="PlackettLuceUnranked.BelowRanked"/>.</summary>
    public PlackettLuceUnranked Unranked { get; }

    /// <summary>Returns a copy with another number of virtual ties.</summary>
    /// <param name="virtualTies">The number: 0, or from <see cref="MinVirtualTies"/> (1e-6) to <see cref="MaxVirtualTies"/> (1,000,000).</param>
    /// <returns>New options; these are unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="virtualTies"/> is out of range or NaN.</exception>
    public PlackettLuceOptions WithVirtualTies(double virtualTies) => new(Tolerance, MaxIterations, virtualTies, Unranked);

    /// <summary>Returns a copy with another reading of unranked candidates.</summary>
    /// <param name="unranked">The reading.</param>
    /// <returns>New options; these are unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unranked"/> is not a defined value.</exception>
    public PlackettLuceOptions WithUnranked(PlackettLuceUnranked unranked) => new(Tolerance, MaxIterations, VirtualTies, unranked);

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"tolerance {Tolerance}, at most {MaxIterations} iterations, {VirtualTies} virtual ties, unranked {Unranked}");
}

/// <summary>
/// Thrown by <see cref="PlackettLuce.Fit"/> when the ballots have no maximum likelihood estimate: the "chosen before"
/// graph is not strongly connected, so some group of candidates is never passed over in favour of one outside it, and
/// its worths could grow without bound. The message and properties name the groups.
/// </summary>
/// <remarks>Fix it by collecting ballots that rank a later group's candidate above an earlier group's one, or fit with virtual ties (<see cref="PlackettLuceOptions.VirtualTies"/>).</remarks>
public sealed class PlackettLuceNotEstimableException : ArgumentException
{
    internal PlackettLuceNotEstimableException(ImmutableArray<ImmutableArray<string>> groups, ImmutableArray<string> neverChosen, ImmutableArray<string> neverPassedOver, ImmutableArray<string> neverInAChoice, string paramName)
        : base(Describe(groups, neverChosen, neverPassedOver, neverInAChoice), paramName)
    {
        Groups = groups;
        NeverChosen = neverChosen;
        NeverPassedOver = neverPassedOver;
        NeverInAChoice = neverInAChoice;
    }

    /// <summary>Gets the groups, top first (a group comes after every group one of whose candidates was chosen while one of its candidates was available); always more than one.</summary>
    public ImmutableArray<ImmutableArray<string>> Groups { get; }

    /// <summary>Gets the candidates that were available in some choice and never chosen (nor tied in a choice): their worth would be estimated as 0.</summary>
    public ImmutableArray<string> NeverChosen { get; }

    /// <summary>Gets the candidates that were chosen at least once, never in a tie, and never passed over: their worth has no finite estimate.</summary>
    public ImmutableArray<string> NeverPassedOver { get; }

    /// <summary>Gets the candidates no choice offered (with <see cref="PlackettLuceUnranked.Absent"/>: named by no ballot that makes a choice).</summary>
    public ImmutableArray<string> NeverInAChoice { get; }

    private static string Describe(ImmutableArray<ImmutableArray<string>> groups, ImmutableArray<string> neverChosen, ImmutableArray<string> neverPassedOver, ImmutableArray<string> neverInAChoice) =>
        NotEstimableText.Describe(
            Preconditions.Invariant($"The ballots have no Plackett–Luce estimate: the candidates fall into {groups.Length} groups, and no ballot ranks a candidate of a later group above (or tied with) one of an earlier group: "),
            groups,
            [(" Never passed over: ", neverPassedOver), (" Never chosen: ", neverChosen), (" In no choice: ", neverInAChoice)],
            " Collect ballots that rank a later group's candidate above an earlier group's, or fit with virtual ties.");
}

/// <summary>
/// Fits the Plackett–Luce model to the sounding-board group's ranked ballots: each candidate i gets a worth α_i &gt; 0
/// such that, from any set of candidates, i is chosen first with probability α_i / Σ_{j in the set} α_j (Luce's choice
/// axiom), and a ballot is read as a sequence of such choices, best first; by maximum likelihood.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Luce (1959), Plackett (1975). A ballot <c>A &gt; B &gt; C</c> over {A, B, C, D} says: A was chosen
/// from all four, then B from {B, C, D}, then C from {C, D}. With two candidates this is the Bradley–Terry model.</para>
/// <para><b>Partial ballots.</b> By default (<see cref="PlackettLuceUnranked.BelowRanked"/>) the candidates a ballot does
/// not name were not chosen before the ranked ones: they stay in every choice set and are never chosen (a top-k
/// ranking). With <see cref="PlackettLuceUnranked.Absent"/> the ballot ranks only the candidates
/// it names. A ballot's last rank is not a choice when nothing remains after it: with BelowRanked when the ballot names
/// every candidate (so <c>A &gt; B = C</c> over {A, B, C} says the same as <c>A</c>, as <see cref="Ballot"/> reads it);
/// with Absent when it holds one candidate.</para>
/// <para><b>Ties.</b> A rank of t tied candidates is one choice from the remaining set, shared equally among them: each
/// is credited with 1/t of a choice, and the choice contributes (1/t) Σ_{i tied} log(α_i / D) to the log-likelihood,
/// where D is the remaining set's total worth. It follows Breslow's (1974) approximation for tied event times in Cox's
/// partial likelihood (which has the Plackett–Luce form): every tied member is chosen from the same remaining set; here
/// each of those choices is weighted 1/t, so that a tie weighs as much as one choice. With two candidates it is
/// Bradley–Terry's "half a win each" (<see cref="BradleyTerry"/>). The Davidson–Luce tie model with
/// tie parameters (Firth, Kosmidis and Turner 2019, used by the PlackettLuce R package) is not built.</para>
/// <para><b>Algorithm.</b> Hunter's MM iteration ("MM algorithms for generalized Bradley–Terry models", The Annals of
/// Statistics 32(1), 2004, the Plackett–Luce section): α_i ← W_i / Σ_s w_s [i in set s] / D_s, where W_i is i's credited choices, the
/// sum runs over every choice s (weighted by the ballot's voters w_s) whose set holds i, and D_s is that set's total
/// worth at the previous iterate; all candidates are updated at once, then divided by their geometric mean (the
/// normalisation of <see cref="BradleyTerry"/>: log-worths sum to 0; any other only rescales all worths, and no
/// probability changes). It starts from α = 1 for every candidate. The fit stops when every worth changed by at most
/// <see cref="PlackettLuceOptions.Tolerance"/> (relative) in the last iteration, which is the same as each candidate's
/// expected choices Σ_s w_s α_i / D_s being within that fraction of its credited choices W_i (the likelihood
/// equations); or after <see cref="PlackettLuceOptions.MaxIterations"/>, and then <see cref="PlackettLuceResult.Converged"/>
/// is false. Each MM step never lowers the likelihood. Identical ballots are merged and put in a canonical order first,
/// so the order of the ballots never changes a result (bit for bit). Each iteration costs O(n + Σ named) for n
/// candidates and Σ named the number of candidates the distinct ballots name.</para>
/// <para><b>Existence.</b> Draw an arrow from every candidate credited with a choice to every other candidate in that
/// choice's set. The estimate exists, and is unique, exactly when every candidate reaches every other along the arrows
/// (the condition Hunter 2004 states for rankings, after Ford 1957: in every split of the candidates into two parts,
/// some candidate of each part is ranked above one of the other). Otherwise <see cref="Fit"/> throws a <see cref="PlackettLuceNotEstimableException"/>
/// naming the groups, unless the options ask for virtual ties.</para>
/// <para><b>Virtual ties.</b> With <see cref="PlackettLuceOptions.VirtualTies"/> v &gt; 0, every candidate also gets v
/// tied pairwise comparisons against a reference candidate, exactly as <see cref="BradleyTerry"/> does (the reference is
/// fitted as one more candidate with n·v/2 credited choices, and dropped from the result); the PlackettLuce R package's
/// pseudo-rankings with a hypothetical item are the same device. An estimate then always exists, and worths are pulled
/// towards the reference, the more so for candidates on few ballots.</para>
/// <para><b>Order.</b> <see cref="PlackettLuceResult.Candidates"/> is ordered by worth, higher first, then by id
/// (ordinal); worths are compared by their logarithms rounded to 9 decimals, so worths that agree to about 9
/// significant digits share a rank.</para>
/// </remarks>
public static class PlackettLuce
{
    /// <summary>The method name used in explanations.</summary>
    internal const string MethodName = "Plackett–Luce";

    /// <summary>Fits Plackett–Luce worths to the ballots.</summary>
    /// <param name="candidates">The candidate ids, at least two, no blank or repeated id.</param>
    /// <param name="ballots">The ballots; each names at least one candidate, and only candidates in <paramref name="candidates"/>.</param>
    /// <param name="options">The options, or null for <see cref="PlackettLuceOptions.Default"/>.</param>
    /// <returns>The worths, ranking, log-likelihood and explanations.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="ballots"/> holds null (the message names the index).</exception>
    /// <exception cref="ArgumentException">Fewer than two candidates, a blank or repeated candidate id, a ballot that ranks no candidate or names an unknown candidate, or more than <see cref="int.MaxValue"/> voters (the message names the candidate or ballot).</exception>
    /// <exception cref="PlackettLuceNotEstimableException">The ballots have no estimate (see the remarks) and the options ask for no virtual ties.</exception>
    public static PlackettLuceResult Fit(IEnumerable<string> candidates, IEnumerable<Ballot> ballots, PlackettLuceOptions? options = null)
    {
        options ??= PlackettLuceOptions.Default;
        var data = PlackettLuceData.Create(candidates, ballots, options.Unranked);
        var v = options.VirtualTies;
        if (v == 0)
        {
            var groups = data.Groups();
            if (groups.Length > 1)
            {
                throw NotEstimable(data, groups, nameof(ballots));
            }
        }

        var n = data.Candidates.Length;
        var size = v > 0 ? n + 1 : n;
        var score = new double[size];
        for (var i = 0; i < n; i++)
        {
            score[i] = data.Score[i] + (v / 2);
        }

        if (v > 0)
        {
            score[n] = n * v / 2;
        }

        var worth = new double[size];
        Array.Fill(worth, 1.0);
        var next = new double[size];
        var scratch = new double[Math.Max(1, data.MaxGroups)];
        var iterations = 0;
        var converged = false;
        while (!converged && iterations < options.MaxIterations)
        {
            iterations++;
            data.Denominators(worth, next, scratch);
            if (v > 0)
            {
                next[n] = 0;
                for (var i = 0; i < n; i++)
                {
                    var term = v / (worth[i] + worth[n]);
                    next[i] += term;
                    next[n] += term;
                }
            }

            var change = 0.0;
            for (var i = 0; i < size; i++)
            {
                var updated = score[i] / next[i];
                change = Math.Max(change, Math.Abs((updated / worth[i]) - 1));
                next[i] = updated;
            }

            Normalise(next, size);
            (worth, next) = (next, worth);
            converged = change <= options.Tolerance;
        }

        var result = worth[..n];
        Normalise(result, n);
        return new PlackettLuceResult(data, options, result, iterations, converged);
    }

    private static PlackettLuceNotEstimableException NotEstimable(PlackettLuceData data, ImmutableArray<ImmutableArray<string>> groups, string paramName)
    {
        var (inASet, passedOver, tied) = data.Records();
        var n = data.Candidates.Length;
        return new PlackettLuceNotEstimableException(
            groups,
            Select(i => inASet[i] && data.Score[i] == 0),
            Select(i => data.Score[i] > 0 && !passedOver[i] && !tied[i]),
            Select(i => !inASet[i]),
            paramName);

        ImmutableArray<string> Select(Func<int, bool> keep) =>
            [.. Enumerable.Range(0, n).Where(keep).Select(i => data.Candidates[i]).Order(StringComparer.Ordinal)];
    }

    /// <summary>Divides the first <paramref name="count"/> worths by their geometric mean.</summary>
    private static void Normalise(double[] worth, int count)
    {
        var logSum = 0.0;
        for (var i = 0; i < count; i++)
        {
            logSum += Math.Log(worth[i]);
        }

        var mean = Math.Exp(logSum / count);
        for (var i = 0; i < count; i++)
        {
            worth[i] /= mean;
        }
    }
}
