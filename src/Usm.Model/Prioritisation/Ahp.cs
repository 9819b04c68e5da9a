using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How AHP derives weights from a comparison matrix.</summary>
public enum AhpWeighting
{
    /// <summary>The principal right eigenvector, normalised to sum 1 (Saaty's method).</summary>
    Eigenvector = 1,

    /// <summary>The normalised geometric means of the rows (the logarithmic least-squares method).</summary>
    GeometricMean,
}

/// <summary>
/// The Analytic Hierarchy Process on one comparison matrix: weights, λmax, the consistency index and the consistency
/// ratio.
/// </summary>
/// <remarks>
/// <para><b>Eigenvector.</b> Power iteration from the geometric-mean vector: w ← A·w / Σ(A·w) until the L1 change of w is
/// at most <see cref="EigenvectorTolerance"/> (1e-12) or <see cref="MaxIterations"/> (10,000) products have been taken.
/// A positive matrix has a simple dominant eigenvalue (Perron), so the iteration converges; near-consistent matrices
/// converge in a handful of steps. λmax is Σ(A·w) for the final, normalised w.</para>
/// <para><b>Geometric mean.</b> w(i) ∝ (Π_j a(i,j))^(1/n); λmax is then estimated as the mean of (A·w)(i) / w(i).</para>
/// <para><b>Consistency.</b> CI = (λmax − n)/(n − 1), clamped at 0 (a negative value is rounding only); CR = CI / RI(n)
/// with the chosen <see cref="AhpRandomIndex"/>; for n ≤ 2 both are 0. A matrix is consistent when CR ≤ the threshold
/// (0.10 by default, Saaty's rule).</para>
/// </remarks>
public static class Ahp
{
    /// <summary>Saaty's acceptance threshold for the consistency ratio.</summary>
    public const double DefaultConsistencyThreshold = 0.10;

    /// <summary>The power iteration stops when the L1 change of the normalised weights is at most this.</summary>
    public const double EigenvectorTolerance = 1e-12;

    /// <summary>The power iteration stops after this many matrix-vector products at the latest.</summary>
    public const int MaxIterations = 10_000;

    private const int StackLimit = 64;

    /// <summary>Weighs the elements of one comparison matrix and measures its consistency.</summary>
    /// <param name="matrix">The comparison matrix.</param>
    /// <param name="weighting">The weighting method.</param>
    /// <param name="randomIndex">The random index table; <see cref="AhpRandomIndex.Saaty1980"/> when null.</param>
    /// <param name="consistencyThreshold">The largest consistency ratio that counts as consistent, in [0, 1].</param>
    /// <returns>The weights, λmax, CI, CR and consistency flag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="weighting"/> is undefined, the threshold is outside [0, 1], or the table does not cover the matrix
    /// size (the parameter named is <paramref name="matrix"/> for the default table, else <paramref name="randomIndex"/>).
    /// </exception>
    public static AhpResult Weigh(AhpMatrix matrix, AhpWeighting weighting = AhpWeighting.Eigenvector, AhpRandomIndex? randomIndex = null, double consistencyThreshold = DefaultConsistencyThreshold)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        Preconditions.CheckDefined(weighting);
        Preconditions.CheckInRange(consistencyThreshold, 0, 1);
        var table = randomIndex ?? AhpRandomIndex.Saaty1980;
        var n = matrix.Size;
        if (n > table.MaxSize)
        {
            // Name the argument that is at fault: the matrix when the default table is used, else the table (found by
            // review, session 5: the null randomIndex was named, with the table's own message nested in it).
            throw new ArgumentOutOfRangeException(
                randomIndex is null ? nameof(matrix) : nameof(randomIndex),
                Preconditions.Invariant($"The matrix has size {n}, but the random index table '{table.Name}' covers sizes 1 to {table.MaxSize}; pass a table that covers size {n}."));
        }

        var ri = table.For(n);

        var weights = new double[n];
        var (lambdaMax, iterations, converged) = Solve(matrix.Cells, n, weights, weighting);
        return new AhpResult(matrix.Labels, weights, weighting, lambdaMax, table, ri, consistencyThreshold, iterations, converged);
    }

    /// <summary>
    /// The allocation-free core: computes the weights of a row-major comparison matrix into <paramref name="weights"/>
    /// and returns λmax. The matrix is not validated; use <see cref="AhpMatrix"/> for checked input.
    /// </summary>
    /// <param name="cells">The n·n cells, row-major, all positive.</param>
    /// <param name="size">The size n.</param>
    /// <param name="weights">Receives the n weights, summing to 1.</param>
    /// <param name="weighting">The weighting method.</param>
    /// <returns>λmax.</returns>
    /// <exception cref="ArgumentException">The spans do not match <paramref name="size"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1 or <paramref name="weighting"/> is undefined.</exception>
    public static double ComputeWeights(ReadOnlySpan<double> cells, int size, Span<double> weights, AhpWeighting weighting = AhpWeighting.Eigenvector)
    {
        Preconditions.CheckInRange(size, 1, 46_340);
        Preconditions.CheckDefined(weighting);
        if (cells.Length != size * size)
        {
            throw new ArgumentException(Preconditions.Invariant($"{cells.Length} cells were given for a {size}x{size} matrix."), nameof(cells));
        }

        if (weights.Length != size)
        {
            throw new ArgumentException(Preconditions.Invariant($"The weights span has {weights.Length} elements, not {size}."), nameof(weights));
        }
        return Solve(cells, size, weights, weighting).LambdaMax;
    }

    /// <summary>Returns the consistency index (λmax − n)/(n − 1), clamped at 0; 0 for n ≤ 1.</summary>
    /// <param name="lambdaMax">λmax.</param>
    /// <param name="size">The matrix size.</param>
    /// <returns>The consistency index.</returns>
    public static double ConsistencyIndex(double lambdaMax, int size) => size <= 1 ? 0 : Math.Max(0, (lambdaMax - size) / (size - 1));

    private static (double LambdaMax, int Iterations, bool Converged) Solve(ReadOnlySpan<double> a, int n, Span<double> w, AhpWeighting weighting)
    {
        GeometricMeanWeights(a, n, w);
        if (n == 1)
        {
            return (1, 0, true);
        }

        Span<double> scratch = n <= StackLimit ? stackalloc double[n] : new double[n];
        if (weighting == AhpWeighting.GeometricMean)
        {
            MultiplyRows(a, n, w, scratch);
            var ratioSum = 0.0;
            for (var i = 0; i < n; i++)
            {
                ratioSum += scratch[i] / w[i];
            }

            return (ratioSum / n, 0, true);
        }

        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var sum = MultiplyRows(a, n, w, scratch);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                var next = scratch[i] / sum;
                change += Math.Abs(next - w[i]);
                w[i] = next;
            }

            if (change <= EigenvectorTolerance)
            {
                return (sum, iteration, true);
            }
        }

        return (MultiplyRows(a, n, w, scratch), MaxIterations, false);
    }

    private static double MultiplyRows(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> w, Span<double> result)
    {
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = a.Slice(i * n, n);
            var s = 0.0;
            for (var j = 0; j < n; j++)
            {
                s += row[j] * w[j];
            }

            result[i] = s;
            total += s;
        }

        return total;
    }

    private static void GeometricMeanWeights(ReadOnlySpan<double> a, int n, Span<double> w)
    {
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = a.Slice(i * n, n);
            // The product is fast; fall back to logarithms when it leaves the normal range.
            var product = 1.0;
            for (var j = 0; j < n; j++)
            {
                product *= row[j];
            }

            double g;
            if (double.IsNormal(product))
            {
                g = Math.Pow(product, 1.0 / n);
            }
            else
            {
                var logSum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    logSum += Math.Log(row[j]);
                }

                g = Math.Exp(logSum / n);
            }

            w[i] = g;
            total += g;
        }

        for (var i = 0; i < n; i++)
        {
            w[i] /= total;
        }
    }
}
