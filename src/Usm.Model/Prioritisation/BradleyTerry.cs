using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How <see cref="BradleyTerry.Fit"/> iterates, and whether it regularises.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BradleyTerryOptions
{
    /// <summary>The default convergence tolerance, 1e-10.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>The default iteration cap, 100,000.</summary>
    public const int DefaultMaxIterations = 100_000;

    /// <summary>
    /// The smallest positive number of virtual ties, 1e-6. Smaller counts hardly regularise (a never-beaten candidate's
    /// strength grows like 1 / v), the fit may not converge within the cap, and below about 1e-250 the strengths
    /// overflow to NaN.
    /// </summary>
    public const double MinVirtualTies = 1e-6;

    /// <summary>The largest number of virtual ties, 1,000,000.</summary>
    public const double MaxVirtualTies = 1e6;

    /// <summary>Creates options.</summary>
    /// <param name="tolerance">The fit has converged when no strength changes by more than this fraction in one iteration; in (0, 0.1].</param>
    /// <param name="maxIterations">The most iterations to run, at least 1.</param>
    /// <param name="virtualTies">0 to refuse comparisons that are not strongly connected; otherwise this many virtual ties between every candidate and a reference candidate of strength 1, from <see cref="MinVirtualTies"/> (1e-6) to <see cref="MaxVirtualTies"/> (1,000,000).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range, or NaN (the message names the value).</exception>
    public BradleyTerryOptions(double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations, double virtualTies = 0)
    {
        Tolerance = Preconditions.CheckInRange(tolerance, double.Epsilon, 0.1);
        MaxIterations = Preconditions.CheckInRange(maxIterations, 1, int.MaxValue);
        if (virtualTies != 0 && !(virtualTies >= MinVirtualTies && virtualTies <= MaxVirtualTies))
        {
            throw new ArgumentOutOfRangeException(nameof(virtualTies), virtualTies, Preconditions.Invariant(
                $"The number of virtual ties must be 0 (none) or from {MinVirtualTies} to {MaxVirtualTies}, but was {virtualTies}."));
        }

        VirtualTies = virtualTies;
    }

    /// <summary>Gets the default options: tolerance 1e-10, at most 100,000 iterations, no virtual ties (refuse when no estimate exists).</summary>
    public static BradleyTerryOptions Default { get; } = new();

    /// <summary>Gets the tolerance: the fit stops once every strength changes by at most this fraction in one iteration. The default is 1e-10.</summary>
    public double Tolerance { get; }

    /// <summary>Gets the iteration cap. The default is 100,000.</summary>
    public int MaxIterations { get; }

    /// <summary>
    /// Gets the number of virtual ties each candidate has against a reference candidate of strength 1; 0 (the default)
    /// means none, and then comparisons that are not strongly connected are refused.
    /// </summary>
    public double VirtualTies { get; }

    /// <summary>Returns a copy with another number of virtual ties.</summary>
    /// <param name="virtualTies">The number: 0, or from <see cref="MinVirtualTies"/> (1e-6) to <see cref="MaxVirtualTies"/> (1,000,000).</param>
    /// <returns>New options; these are unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="virtualTies"/> is out of range or NaN.</exception>
    public BradleyTerryOptions WithVirtualTies(double virtualTies) => new(Tolerance, MaxIterations, virtualTies);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"tolerance {Tolerance}, at most {MaxIterations} iterations, {VirtualTies} virtual ties");
}

/// <summary>
/// Thrown by <see cref="BradleyTerry.Fit"/> when the comparisons have no maximum likelihood estimate: they are not
/// strongly connected, so some group of candidates never loses (nor ties) to the candidates outside it, and its
/// strengths could grow without bound. The message and properties name the groups.
/// </summary>
/// <remarks>Fix it by collecting the comparisons the message asks for, or fit with virtual ties (<see cref="BradleyTerryOptions.VirtualTies"/>).</remarks>
public sealed class BradleyTerryNotEstimableException : ArgumentException
{
    internal BradleyTerryNotEstimableException(PairwiseProfile profile, string paramName)
        : base(Describe(profile), paramName)
    {
        Groups = profile.ComparisonGroups;
        NeverLost = profile.NeverLost;
        NeverWon = profile.NeverWon;
        Uncompared = profile.Uncompared;
    }

    /// <summary>Gets the comparison groups, top first (as <see cref="PairwiseProfile.ComparisonGroups"/>); always more than one.</summary>
    public ImmutableArray<ImmutableArray<string>> Groups { get; }

    /// <summary>Gets the candidates that won at least once and never lost or tied: their strength has no finite estimate.</summary>
    public ImmutableArray<string> NeverLost { get; }

    /// <summary>Gets the candidates that lost at least once and never won or tied: their strength would be estimated as 0.</summary>
    public ImmutableArray<string> NeverWon { get; }

    /// <summary>Gets the candidates no comparison names.</summary>
    public ImmutableArray<string> Uncompared { get; }

    private static string Describe(PairwiseProfile profile) =>
        NotEstimableText.Describe(
            Preconditions.Invariant($"The comparisons have no Bradley–Terry estimate: they fall into {profile.ComparisonGroups.Length} groups, and no candidate of a later group was ever preferred to (or tied with) one of an earlier group: "),
            profile.ComparisonGroups,
            [(" Never lost: ", profile.NeverLost), (" Never won: ", profile.NeverWon), (" Never compared: ", profile.Uncompared)],
            " Compare candidates across the groups (a later one preferred to an earlier one), or fit with virtual ties.");
}

/// <summary>
/// Fits the Bradley–Terry model to pairwise comparisons: each candidate i gets a strength π_i &gt; 0 such that i is
/// preferred to j with probability π_i / (π_i + π_j), by maximum likelihood.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Bradley and Terry (1952), earlier Zermelo (1929). A tie counts as half a win for each side (W_i
/// = wins + ties / 2), the convention most rating systems use (as "Rating competitors in games with
/// strength-dependent tie probabilities", Journal of Data Science, 2025, notes). The tie
/// models of Rao and Kupper (1967) and Davidson (1970), with an extra tie parameter, are not built.</para>
/// <para><b>Algorithm.</b> Hunter's MM iteration ("MM algorithms for generalized Bradley–Terry models", The Annals of
/// Statistics 32(1), 2004, equation 3): π_i ← W_i / Σ_{j≠i} n_ij / (π_i + π_j), where n_ij is the number of comparisons
/// of i and j, all candidates updated from the previous iterate, then divided by their geometric mean so that the
/// strengths have geometric mean 1 (the normalisation of Wikipedia's worked example; any other only rescales all
/// strengths, and win probabilities do not change). It starts from π = 1 for every candidate, so the fit is
/// deterministic. The sums run over candidate pairs in a fixed order, so the order of the comparisons never changes the
/// result. The fit stops when every strength changed by at most <see cref="BradleyTerryOptions.Tolerance"/> (relative)
/// in the last iteration, which is the same as saying that each candidate's expected wins Σ_j n_ij π_i / (π_i + π_j)
/// are within that fraction of its observed wins W_i (the likelihood equations); or after
/// <see cref="BradleyTerryOptions.MaxIterations"/>, and then <see cref="BradleyTerryResult.Converged"/> is false.
/// Each iteration costs O(n + p) for n candidates and p compared pairs.</para>
/// <para><b>Existence.</b> The estimate exists, and is unique, exactly when the comparisons are strongly connected: for
/// every split of the candidates into two parts, someone in each part was preferred to (or tied with) someone in the
/// other (Hunter 2004, Assumption 1, after Ford 1957). Otherwise <see cref="Fit"/> throws a
/// <see cref="BradleyTerryNotEstimableException"/> naming the groups, unless the options ask for virtual ties.</para>
/// <para><b>Virtual ties.</b> With <see cref="BradleyTerryOptions.VirtualTies"/> v &gt; 0, every candidate also gets v
/// tied comparisons against a reference candidate whose strength stays 1 (the reference's own strength is not fitted).
/// That links every candidate to every other one, so an estimate always exists, and it pulls strengths towards the
/// reference, more so for candidates with few comparisons. This is how the KRACH rating of college ice hockey keeps an
/// unbeaten team's rating finite (a fictitious tie against a reference team; see also Whelan and Wodon, "Prediction and
/// evaluation in college hockey using the Bradley–Terry–Zermelo model", 2020). The likelihood of the comparisons plus
/// the virtual ties does not change when all strengths, the reference's included, are multiplied by one factor, so the
/// fit treats the reference as one more candidate with n·v/2 wins over n·v comparisons, runs the same iteration over
/// n + 1 candidates (normalising all n + 1 each time), and keeps the real candidates' strengths. Up to one common
/// factor that is the same estimate as holding the reference at 1 throughout, and it converges much faster when
/// candidates have many comparisons each (held at 1, the reference barely pins the common scale, and the iteration
/// crawls along it). The reported strengths are divided by the geometric mean of the real candidates' strengths, like
/// the unregularised ones.</para>
/// <para><b>Order.</b> <see cref="BradleyTerryResult.Candidates"/> is ordered by strength, higher first, then by id
/// (ordinal). Strengths are compared by their logarithms rounded to 9 decimals, so candidates whose strengths agree to
/// about 9 significant digits (for example two candidates with the same record against the same opponents) share a rank
/// and are ordered by id.</para>
/// </remarks>
public static class BradleyTerry
{
    /// <summary>The method name used in explanations.</summary>
    internal const string MethodName = "Bradley–Terry";

    /// <summary>Fits Bradley–Terry strengths to the comparisons.</summary>
    /// <param name="profile">The comparisons.</param>
    /// <param name="options">The options, or null for <see cref="BradleyTerryOptions.Default"/>.</param>
    /// <returns>The strengths, ranking and explanations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="BradleyTerryNotEstimableException">The comparisons are not strongly connected and the options ask for no virtual ties.</exception>
    public static BradleyTerryResult Fit(PairwiseProfile profile, BradleyTerryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        options ??= BradleyTerryOptions.Default;
        var v = options.VirtualTies;
        if (v == 0 && !profile.IsStronglyConnected)
        {
            throw new BradleyTerryNotEstimableException(profile, nameof(profile));
        }

        // With virtual ties the reference is candidate n, fitted like the others: the likelihood of the augmented
        // comparisons does not change when every strength is multiplied by one factor, so fixing the reference at 1 is
        // only a choice of scale, and leaving it free keeps the iteration from crawling along that scale.
        var n = profile.Candidates.Length;
        var size = v > 0 ? n + 1 : n;
        var score = new double[size];
        for (var i = 0; i < n; i++)
        {
            score[i] = profile.Wins[i] + (profile.Ties[i] / 2.0) + (v / 2);
        }

        if (v > 0)
        {
            score[n] = n * v / 2;
        }

        var pairCount = new double[profile.PairA.Length];
        for (var p = 0; p < pairCount.Length; p++)
        {
            pairCount[p] = (double)profile.PairAWins[p] + profile.PairBWins[p] + profile.PairTies[p];
        }

        var strength = new double[size];
        Array.Fill(strength, 1.0);
        var next = new double[size];
        var iterations = 0;
        var converged = n == 1;
        while (!converged && iterations < options.MaxIterations)
        {
            iterations++;
            Denominators(profile, pairCount, strength, v, next);
            var change = 0.0;
            for (var i = 0; i < size; i++)
            {
                var updated = score[i] / next[i];
                change = Math.Max(change, Math.Abs((updated / strength[i]) - 1));
                next[i] = updated;
            }

            Normalise(next);
            (strength, next) = (next, strength);
            converged = change <= options.Tolerance;
        }

        var result = strength[..n];
        Normalise(result);
        return new BradleyTerryResult(profile, options, result, iterations, converged);
    }

    /// <summary>
    /// Σ_j n_ij / (π_i + π_j) for every candidate i, with the virtual ties against the reference (index n) when v &gt; 0,
    /// into <paramref name="into"/>.
    /// </summary>
    private static void Denominators(PairwiseProfile profile, double[] pairCount, double[] strength, double v, double[] into)
    {
        Array.Clear(into);
        var n = profile.Candidates.Length;
        if (v > 0)
        {
            for (var i = 0; i < n; i++)
            {
                var term = v / (strength[i] + strength[n]);
                into[i] += term;
                into[n] += term;
            }
        }

        var a = profile.PairA;
        var b = profile.PairB;
        for (var p = 0; p < pairCount.Length; p++)
        {
            var term = pairCount[p] / (strength[a[p]] + strength[b[p]]);
            into[a[p]] += term;
            into[b[p]] += term;
        }
    }

    /// <summary>Divides the strengths by their geometric mean.</summary>
    private static void Normalise(double[] strength)
    {
        var logSum = 0.0;
        foreach (var s in strength)
        {
            logSum += Math.Log(s);
        }

        var mean = Math.Exp(logSum / strength.Length);
        for (var i = 0; i < strength.Length; i++)
        {
            strength[i] /= mean;
        }
    }
}
