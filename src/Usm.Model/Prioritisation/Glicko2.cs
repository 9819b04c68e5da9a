using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>The start values, system constant and iteration settings of a <see cref="Glicko2"/> rating run.</summary>
/// <remarks>
/// Every value is checked on construction; a value out of its range, or NaN, is refused with an
/// <see cref="ArgumentOutOfRangeException"/> whose parameter name is the constructor parameter's.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Glicko2Options
{
    /// <summary>The default start rating, 1500 (Glickman's value for an unrated player).</summary>
    public const double DefaultStartRating = 1500;

    /// <summary>The default start rating deviation, 350 (Glickman's value for an unrated player).</summary>
    public const double DefaultStartDeviation = 350;

    /// <summary>The default start volatility, 0.06 (Glickman's value for an unrated player).</summary>
    public const double DefaultStartVolatility = 0.06;

    /// <summary>The default system constant τ, 0.5.</summary>
    public const double DefaultTau = 0.5;

    /// <summary>The default convergence tolerance ε of the volatility iteration, 1e-6 (Glickman's value).</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>The default cap on the iterations of one volatility update, 100.</summary>
    public const int DefaultMaxIterations = 100;

    /// <summary>The smallest accepted rating, −10,000 (Glicko-2's scale: 1500 ± 173.7178 per unit of μ).</summary>
    public const double MinRating = -10_000;

    /// <summary>The largest accepted rating, 10,000.</summary>
    public const double MaxRating = 10_000;

    /// <summary>The largest accepted rating deviation, 10,000 (the smallest is any positive value).</summary>
    public const double MaxDeviation = 10_000;

    /// <summary>The smallest accepted volatility, 1e-6.</summary>
    public const double MinVolatility = 1e-6;

    /// <summary>The largest accepted volatility, 10.</summary>
    public const double MaxVolatility = 10;

    /// <summary>Creates options.</summary>
    /// <param name="startRating">The rating a candidate starts with; in [<see cref="MinRating"/>, <see cref="MaxRating"/>].</param>
    /// <param name="startDeviation">The rating deviation (RD) a candidate starts with; in (0, <see cref="MaxDeviation"/>].</param>
    /// <param name="startVolatility">The volatility σ a candidate starts with; in [<see cref="MinVolatility"/>, <see cref="MaxVolatility"/>].</param>
    /// <param name="tau">The system constant τ, which limits how fast volatilities change; in [0.01, 10]. Glickman calls 0.3 to 1.2 reasonable, and smaller values (down to about 0.2) right when very improbable results are expected.</param>
    /// <param name="tolerance">The convergence tolerance ε of the volatility iteration (on ln σ²); in [1e-12, 0.01].</param>
    /// <param name="maxIterations">The cap on the iterations of one volatility update; in [1, 10,000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range, or NaN.</exception>
    public Glicko2Options(
        double startRating = DefaultStartRating,
        double startDeviation = DefaultStartDeviation,
        double startVolatility = DefaultStartVolatility,
        double tau = DefaultTau,
        double tolerance = DefaultTolerance,
        int maxIterations = DefaultMaxIterations)
    {
        StartRating = Preconditions.CheckInRange(startRating, MinRating, MaxRating);
        StartDeviation = Preconditions.CheckInRange(startDeviation, double.Epsilon, MaxDeviation);
        StartVolatility = Preconditions.CheckInRange(startVolatility, MinVolatility, MaxVolatility);
        Tau = Preconditions.CheckInRange(tau, 0.01, 10);
        Tolerance = Preconditions.CheckInRange(tolerance, 1e-12, 0.01);
        MaxIterations = Preconditions.CheckInRange(maxIterations, 1, 10_000);
    }

    /// <summary>Gets the default options: start 1500, RD 350, volatility 0.06, τ = 0.5, ε = 1e-6, at most 100 iterations.</summary>
    public static Glicko2Options Default { get; } = new();

    /// <summary>Gets the rating a candidate without a given start begins with. The default is 1500.</summary>
    public double StartRating { get; }

    /// <summary>Gets the rating deviation a candidate without a given start begins with. The default is 350.</summary>
    public double StartDeviation { get; }

    /// <summary>Gets the volatility a candidate without a given start begins with. The default is 0.06.</summary>
    public double StartVolatility { get; }

    /// <summary>Gets the system constant τ. The default is 0.5.</summary>
    public double Tau { get; }

    /// <summary>Gets the convergence tolerance ε of the volatility iteration. The default is 1e-6.</summary>
    public double Tolerance { get; }

    /// <summary>Gets the cap on the iterations of one volatility update. The default is 100.</summary>
    public int MaxIterations { get; }

    /// <summary>Gets the start values as one rating.</summary>
    public Glicko2Rating Start => new(StartRating, StartDeviation, StartVolatility);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant(
        $"start {StartRating}, RD {StartDeviation}, volatility {StartVolatility}; τ = {Tau}, ε = {Tolerance}, at most {MaxIterations} iterations");
}

/// <summary>A Glicko-2 rating: a rating, its rating deviation (how sure the rating is) and a volatility.</summary>
/// <remarks>Equality is by value: rating, deviation and volatility.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Glicko2Rating : IEquatable<Glicko2Rating>
{
    /// <summary>Creates a rating.</summary>
    /// <param name="rating">The rating; in [<see cref="Glicko2Options.MinRating"/>, <see cref="Glicko2Options.MaxRating"/>].</param>
    /// <param name="deviation">The rating deviation (RD), one standard deviation of the rating; in (0, <see cref="Glicko2Options.MaxDeviation"/>].</param>
    /// <param name="volatility">The volatility σ; in [<see cref="Glicko2Options.MinVolatility"/>, <see cref="Glicko2Options.MaxVolatility"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range, or NaN.</exception>
    public Glicko2Rating(double rating, double deviation, double volatility)
        : this(
            Preconditions.CheckInRange(rating, Glicko2Options.MinRating, Glicko2Options.MaxRating),
            Preconditions.CheckInRange(deviation, double.Epsilon, Glicko2Options.MaxDeviation),
            Preconditions.CheckInRange(volatility, Glicko2Options.MinVolatility, Glicko2Options.MaxVolatility),
            trusted: true)
    {
    }

    // A result's ratings are built without the range check, so that a run that drifts past a bound still reports it;
    // Glicko2.Rate checks a start again.
    private Glicko2Rating(double rating, double deviation, double volatility, bool trusted)
    {
        _ = trusted;
        Rating = rating;
        Deviation = deviation;
        Volatility = volatility;
    }

    /// <summary>Gets the rating.</summary>
    public double Rating { get; }

    /// <summary>Gets the rating deviation (RD): one standard deviation of the rating.</summary>
    public double Deviation { get; }

    /// <summary>Gets the volatility σ: how much the rating is expected to fluctuate between rating periods.</summary>
    public double Volatility { get; }

    /// <inheritdoc />
    public bool Equals(Glicko2Rating? other) =>
        other is not null && Rating.Equals(other.Rating) && Deviation.Equals(other.Deviation) && Volatility.Equals(other.Volatility);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Glicko2Rating other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rating, Deviation, Volatility);

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{RankingMethod.F(Rating)}, RD {RankingMethod.F(Deviation)}, volatility {RankingMethod.F(Volatility)}");

    internal static Glicko2Rating Unchecked(double rating, double deviation, double volatility) => new(rating, deviation, volatility, trusted: true);

    /// <summary>Returns whether the values are in the ranges the public constructor accepts.</summary>
    internal bool IsInRange() =>
        Rating is >= Glicko2Options.MinRating and <= Glicko2Options.MaxRating
        && Deviation is > 0 and <= Glicko2Options.MaxDeviation
        && Volatility is >= Glicko2Options.MinVolatility and <= Glicko2Options.MaxVolatility;
}

/// <summary>
/// Glicko-2 ratings from pairwise comparisons grouped into rating periods: each candidate gets a rating, a rating
/// deviation (RD: how sure the rating is) and a volatility, so that a candidate compared twice is not ranked as
/// confidently as one compared fifty times.
/// </summary>
/// <remarks>
/// <para><b>Source.</b> Glickman, "Example of the Glicko-2 system" (Boston University, 2013, revised 2022), steps 1 to
/// 8, followed exactly: ratings are scaled to μ = (r − 1500) / 173.7178 and φ = RD / 173.7178; against opponents j,
/// g(φ) = 1 / √(1 + 3φ²/π²), E = 1 / (1 + exp(−g(φ_j)(μ − μ_j))), v = [Σ g(φ_j)² E (1 − E)]⁻¹ and
/// Δ = v Σ g(φ_j)(s_j − E); the new volatility σ′ solves step 5 by the Illinois (regula falsi) iteration with
/// tolerance ε; then φ* = √(φ² + σ′²), φ′ = 1 / √(1/φ*² + 1/v), μ′ = μ + φ′² Σ g(φ_j)(s_j − E), and back to
/// r′ = 173.7178 μ′ + 1500, RD′ = 173.7178 φ′.</para>
/// <para><b>A period.</b> One <see cref="PairwiseProfile"/> is one rating period: every game in it uses the ratings
/// from the start of the period, so the order of its comparisons does not change the result (the sums run over pairs
/// in candidate order, so shuffling gives bit-identical ratings). A comparison with count c counts as c games; a win
/// scores 1, a tie ½, a loss 0. A candidate that played no game in a period keeps its rating and volatility, and its
/// deviation widens to √(φ² + σ²) (Glickman's step 6 for a player who does not compete).</para>
/// <para><b>Candidates.</b> The candidates are the union of the periods' candidates and the ids of the given starts. A
/// candidate with a given start is rated from the beginning of the first period; any other candidate enters at the
/// beginning of the first period whose profile lists it, with the options' start values, and periods before that
/// do not touch it (its deviation is not widened before it exists). From then on, a period that does not list it
/// widens its deviation like a period in which it played no game.</para>
/// <para><b>The volatility iteration.</b> Step 5 brackets the root of f(x) between A = ln σ² and B (ln(Δ² − φ² − v),
/// or a − kτ for the first k with f(a − kτ) ≥ 0), then replaces one end by the regula falsi point C, halving f(A) when
/// the sign of f(C) equals that of f(B) (the ends swap when f(C)·f(B) ≤ 0; signs are compared, so no product
/// underflows). It stops when |B − A| ≤ ε (the update then uses A, as Glickman's last step does), or after
/// <see cref="Glicko2Options.MaxIterations"/> iterations: then the update uses the end of the bracket where |f| is smaller,
/// and the candidate's <see cref="Glicko2Standing.VolatilityConverged"/> is false.</para>
/// <para><b>Improbable results.</b> An upset between candidates whose ratings lie far apart (for example given starts
/// thousands of points apart, with a wide RD or a high volatility) makes Glicko-2's one-step update jump the volatility
/// and the rating by orders of magnitude; Glickman advises a small τ (about 0.2) when such results are expected. When a
/// candidate's v or |Δ| in a period exceeds 1e100, its games carry no information at double precision and the run is
/// refused with an <see cref="ArgumentException"/> naming the candidate and the period. A result's ratings may leave the
/// ranges of <see cref="Glicko2Rating"/>; passing them as starts is then refused, naming the candidate.</para>
/// <para><b>Order of the result.</b> Rating descending, then id (ordinal); ratings are compared rounded to 9 decimals,
/// as <see cref="Elo"/> does. <see cref="Glicko2Result.ConservativeOrder"/> orders by rating − 2·RD instead.</para>
/// </remarks>
public static class Glicko2
{
    /// <summary>The factor between the Glicko-2 scale (μ, φ) and the rating scale: 173.7178 = 400 / ln 10.</summary>
    public const double ScaleFactor = 173.7178;

    /// <summary>The rating that μ = 0 stands for, 1500.</summary>
    public const double ScaleCentre = 1500;

    /// <summary>The method name used in explanations.</summary>
    internal const string MethodName = "Glicko-2";

    /// <summary>The largest v and |Δ| a candidate's update accepts (1e100), so that Δ², v and e^B in step 5 stay finite.</summary>
    internal const double MaxVariance = 1e100;

    /// <summary>Rates the candidates by the comparisons, taken as one rating period.</summary>
    /// <param name="profile">The comparisons of the period.</param>
    /// <param name="options">The options, or null for <see cref="Glicko2Options.Default"/>.</param>
    /// <returns>The ratings, ranking and explanations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public static Glicko2Result Rate(PairwiseProfile profile, Glicko2Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Rate([profile], options);
    }

    /// <summary>Rates the candidates over successive rating periods.</summary>
    /// <param name="periods">The rating periods in time order, at least one; each profile is one period.</param>
    /// <param name="options">The options, or null for <see cref="Glicko2Options.Default"/>.</param>
    /// <param name="starts">
    /// Ratings at the beginning of the first period for some candidates (for example <see cref="Glicko2Result.Ratings"/>
    /// of an earlier run), or null. Every other candidate starts from the options' start values when it first appears.
    /// </param>
    /// <returns>The ratings, ranking and explanations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> is null or holds null (the message names its index), or a start is null (the message names its id).</exception>
    /// <exception cref="ArgumentException">A candidate's games in a period carry no information at double precision (see the type's remarks; the message names the candidate and the period), there is no period, the periods hold more than <see cref="int.MaxValue"/> games in all, a start's id is blank or a start is outside the ranges of <see cref="Glicko2Rating"/> (the message names it).</exception>
    public static Glicko2Result Rate(IEnumerable<PairwiseProfile> periods, Glicko2Options? options = null, IReadOnlyDictionary<string, Glicko2Rating>? starts = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ImmutableArray<PairwiseProfile> list = [.. periods];
        Preconditions.CheckArgument(!list.IsEmpty, nameof(periods), "Glicko-2 needs at least one rating period.");
        var games = 0L;
        for (var k = 0; k < list.Length; k++)
        {
            if (list[k] is null)
            {
                throw new ArgumentNullException(nameof(periods), Preconditions.Invariant($"Period {k} is null."));
            }

            games += list[k].TotalCount;
            if (games > int.MaxValue)
            {
                throw new ArgumentException(Preconditions.Invariant($"The periods up to period {k} hold {games} games, more than {int.MaxValue}."), nameof(periods));
            }
        }

        options ??= Glicko2Options.Default;
        var given = ImmutableSortedDictionary.CreateBuilder<string, Glicko2Rating>(StringComparer.Ordinal);
        foreach (var (id, start) in starts ?? ImmutableSortedDictionary<string, Glicko2Rating>.Empty)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("A start has a blank id.", nameof(starts));
            }

            if (start is null)
            {
                throw new ArgumentNullException(nameof(starts), Preconditions.Invariant($"The start of '{id}' is null."));
            }

            if (!start.IsInRange())
            {
                throw new ArgumentException(Preconditions.Invariant(
                    $"The start of '{id}' ({start}) is outside the accepted ranges: rating in [{Glicko2Options.MinRating}, {Glicko2Options.MaxRating}], RD in (0, {Glicko2Options.MaxDeviation}], volatility in [{Glicko2Options.MinVolatility}, {Glicko2Options.MaxVolatility}]."), nameof(starts));
            }

            given.Add(id, start);
        }

        var run = new Run(options);
        foreach (var (id, start) in given)
        {
            run.Enter(id, start, period: 0);
        }

        for (var k = 0; k < list.Length; k++)
        {
            run.RatePeriod(list[k], k);
        }

        return new Glicko2Result(list, options, given.ToImmutable(), run);
    }

    /// <summary>
    /// Returns the expected score of <paramref name="rating"/> against <paramref name="opponent"/> when both ratings are
    /// uncertain: 1 / (1 + exp(−g(√(φ² + φ_j²))(μ − μ_j))), Glickman's expected outcome with both deviations combined.
    /// </summary>
    /// <param name="rating">A rating.</param>
    /// <param name="opponent">The opponent's rating.</param>
    /// <returns>The expected score, in [0, 1]: the probability of a win, counting a tie as half.</returns>
    /// <exception cref="ArgumentNullException">A rating is null.</exception>
    public static double ExpectedScore(Glicko2Rating rating, Glicko2Rating opponent)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(opponent);
        var phi = rating.Deviation / ScaleFactor;
        var phiJ = opponent.Deviation / ScaleFactor;
        var x = G(Math.Sqrt((phi * phi) + (phiJ * phiJ))) * (rating.Rating - opponent.Rating) / ScaleFactor;
        return Expected(x).E;
    }

    /// <summary>g(φ) = 1 / √(1 + 3φ²/π²): how much an opponent's uncertainty damps what a game against it says.</summary>
    internal static double G(double phi) => 1 / Math.Sqrt(1 + (3 * phi * phi / (Math.PI * Math.PI)));

    /// <summary>E = 1 / (1 + e^(−x)) and 1 − E = 1 / (1 + e^x), each computed directly so that neither loses its digits.</summary>
    internal static (double E, double OneMinusE) Expected(double x) => (1 / (1 + Math.Exp(-x)), 1 / (1 + Math.Exp(x)));

    /// <summary>
    /// Step 5: the new volatility σ′ by the Illinois iteration, and whether it converged within the cap. Internal, so
    /// that tests can check Glickman's intermediate values.
    /// </summary>
    internal static (double Sigma, bool Converged) NewVolatility(double phi, double sigma, double v, double delta, double tau, double tolerance, int maxIterations)
    {
        var a = Math.Log(sigma * sigma);
        var phi2 = phi * phi;
        var delta2 = delta * delta;
        var tau2 = tau * tau;
        double F(double x)
        {
            var ex = Math.Exp(x);
            var d = phi2 + v + ex;
            return (ex / d * ((delta2 - d) / d) / 2) - ((x - a) / tau2);
        }

        var bigA = a;
        double bigB;
        if (delta2 > phi2 + v)
        {
            bigB = Math.Log(delta2 - phi2 - v);
        }
        else
        {
            // f(x) → +∞ as x → −∞ while its first term stays above −½, so k ≤ ⌈τ/2⌉ + 1.
            var k = 1;
            while (F(a - (k * tau)) < 0)
            {
                k++;
            }

            bigB = a - (k * tau);
        }

        var fA = F(bigA);
        var fB = F(bigB);
        var iterations = 0;
        while (Math.Abs(bigB - bigA) > tolerance)
        {
            if (iterations == maxIterations)
            {
                // At the cap, the end of the bracket where |f| is smaller (f(A) is compared unhalved).
                return (Math.Exp((Math.Abs(F(bigA)) <= Math.Abs(fB) ? bigA : bigB) / 2), false);
            }

            var c = bigA + ((bigA - bigB) * fA / (fB - fA));
            if (!(c >= Math.Min(bigA, bigB) && c <= Math.Max(bigA, bigB)))
            {
                // Only rounding can put C outside the bracket (or make it NaN when f(A) = f(B)); bisect instead.
                c = (bigA + bigB) / 2;
            }

            var fC = F(c);
            if (fC == 0 || fB == 0 || (fC < 0 && fB > 0) || (fC > 0 && fB < 0))
            {
                bigA = bigB;
                fA = fB;
            }
            else
            {
                fA /= 2;
            }

            bigB = c;
            fB = fC;
            iterations++;
        }

        return (Math.Exp(bigA / 2), true);
    }

    /// <summary>
    /// Steps 3 to 7 for one candidate with games, on the Glicko-2 scale: from its μ, φ, σ, the sum Σ g(φ_j)² E (1 − E)
    /// (the inverse of v) and the sum Σ g(φ_j)(s_j − E), its v, Δ, σ′, φ′ and μ′.
    /// </summary>
    internal static (double V, double Delta, double Sigma, double Phi, double Mu, bool Converged) Update(
        double mu, double phi, double sigma, double inverseV, double scoreSum, Glicko2Options options)
    {
        var v = 1 / inverseV;
        var delta = v * scoreSum;
        var (newSigma, converged) = NewVolatility(phi, sigma, v, delta, options.Tau, options.Tolerance, options.MaxIterations);
        var phiStar2 = (phi * phi) + (newSigma * newSigma);
        var newPhi = 1 / Math.Sqrt((1 / phiStar2) + inverseV);
        var newMu = mu + (newPhi * newPhi * scoreSum);
        return (v, delta, newSigma, newPhi, newMu, converged);
    }

    /// <summary>The running state of a rating run over periods.</summary>
    internal sealed class Run(Glicko2Options options)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public List<string> Ids { get; } = [];

        public List<double> Mu { get; } = [];

        public List<double> Phi { get; } = [];

        public List<double> Sigma { get; } = [];

        public List<Glicko2Rating> Start { get; } = [];

        public List<int> FirstPeriod { get; } = [];

        public List<int> Wins { get; } = [];

        public List<int> Losses { get; } = [];

        public List<int> Ties { get; } = [];

        public List<int> PeriodsWithGames { get; } = [];

        public List<bool> Converged { get; } = [];

        /// <summary>Per (candidate, opponent): the rating change the games against that opponent brought, and the record.</summary>
        public Dictionary<(int Self, int Other), (double Change, long Wins, long Losses, long Ties)> Lines { get; } = [];

        public int Count => Ids.Count;

        public int IndexOf(string id, string paramName)
        {
            ArgumentNullException.ThrowIfNull(id, paramName);
            return _index.TryGetValue(id, out var i) ? i : throw new ArgumentException(Preconditions.Invariant($"'{id}' is not a candidate."), paramName);
        }

        public void Enter(string id, Glicko2Rating start, int period)
        {
            _index.Add(id, Ids.Count);
            Ids.Add(id);
            Mu.Add((start.Rating - ScaleCentre) / ScaleFactor);
            Phi.Add(start.Deviation / ScaleFactor);
            Sigma.Add(start.Volatility);
            Start.Add(start);
            FirstPeriod.Add(period);
            Wins.Add(0);
            Losses.Add(0);
            Ties.Add(0);
            PeriodsWithGames.Add(0);
            Converged.Add(true);
        }

        public void RatePeriod(PairwiseProfile profile, int period)
        {
            var local = new int[profile.Candidates.Length];
            for (var i = 0; i < local.Length; i++)
            {
                var id = profile.Candidates[i];
                if (!_index.TryGetValue(id, out local[i]))
                {
                    local[i] = Count;
                    Enter(id, options.Start, period);
                }
            }

            var n = Count;
            var inverseV = new double[n];
            var scoreSum = new double[n];
            var played = new bool[n];
            var terms = new List<(int Self, int Other, double Term, int Wins, int Losses, int Ties)>(2 * profile.PairA.Length);

            // Every term uses the ratings from the start of the period; pairs run in (a, b) index order.
            for (var p = 0; p < profile.PairA.Length; p++)
            {
                var a = local[profile.PairA[p]];
                var b = local[profile.PairB[p]];
                var aWins = profile.PairAWins[p];
                var bWins = profile.PairBWins[p];
                var ties = profile.PairTies[p];
                Add(a, b, aWins, bWins, ties);
                Add(b, a, bWins, aWins, ties);
            }

            for (var i = 0; i < n; i++)
            {
                if (!played[i])
                {
                    Phi[i] = Math.Sqrt((Phi[i] * Phi[i]) + (Sigma[i] * Sigma[i]));
                    continue;
                }

                var v = 1 / inverseV[i];
                var delta = v * scoreSum[i];
                if (!(v <= MaxVariance) || !(Math.Abs(delta) <= MaxVariance))
                {
                    throw new ArgumentException(Preconditions.Invariant(
                        $"The games of '{Ids[i]}' in period {period} carry almost no information (v = {v}, Δ = {delta}): its rating and its opponents' are too far apart for Glicko-2 at double precision."), "periods");
                }

                var update = Update(Mu[i], Phi[i], Sigma[i], inverseV[i], scoreSum[i], options);
                Mu[i] = update.Mu;
                Phi[i] = update.Phi;
                Sigma[i] = update.Sigma;
                Converged[i] &= update.Converged;
                PeriodsWithGames[i]++;
            }

            foreach (var (self, other, term, wins, losses, ties) in terms)
            {
                var change = ScaleFactor * Phi[self] * Phi[self] * term;
                var line = Lines.GetValueOrDefault((self, other));
                Lines[(self, other)] = (line.Change + change, line.Wins + wins, line.Losses + losses, line.Ties + ties);
                Wins[self] += wins;
                Losses[self] += losses;
                Ties[self] += ties;
            }

            void Add(int self, int other, int wins, int losses, int ties)
            {
                var g = G(Phi[other]);
                var (e, oneMinusE) = Expected(g * (Mu[self] - Mu[other]));
                var games = (double)wins + losses + ties;
                inverseV[self] += games * g * g * e * oneMinusE;
                var term = g * ((wins * oneMinusE) - (losses * e) + (ties * (oneMinusE - e) / 2));
                scoreSum[self] += term;
                played[self] = true;
                terms.Add((self, other, term, wins, losses, ties));
            }
        }
    }
}
