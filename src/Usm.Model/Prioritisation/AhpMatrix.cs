using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// A pairwise comparison matrix of the Analytic Hierarchy Process: cell (i, j) says how many times element i dominates
/// element j, on Saaty's 1-9 scale or its reciprocals.
/// </summary>
/// <remarks>
/// <para>Every factory validates the matrix: it is square and not empty, every cell is finite and positive, the diagonal
/// is 1, and each pair of mirror cells is reciprocal within a relative tolerance: |a(i,j)·a(j,i) − 1| ≤ tolerance.
/// By default every cell must also lie on Saaty's scale, between 1/9 and 9 (intermediate values such as 2.5 are
/// allowed, since aggregated judgements produce them); pass <c>restrictToSaatyScale: false</c> for other ratio scales.
/// Errors name the offending cell by its 0-based (row, column), its label when the matrix has labels, and the values.</para>
/// <para>The cells are stored as given; a rounded reciprocal such as 0.33 is kept, not replaced by 1/3. Use
/// <see cref="FromUpperTriangle"/> to state each judgement once and get exact reciprocals.</para>
/// <para>Equality compares size, labels and every cell exactly.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AhpMatrix : IEquatable<AhpMatrix>
{
    /// <summary>The default relative tolerance for reciprocity: 0.01, which accepts judgements such as 1/3 written as 0.333.</summary>
    public const double DefaultTolerance = 0.01;

    /// <summary>The largest judgement on Saaty's scale.</summary>
    public const double MaxJudgement = 9;

    /// <summary>The smallest judgement on Saaty's scale, 1/9.</summary>
    public const double MinJudgement = 1.0 / 9;

    // Judgements produced by arithmetic (geometric means, 1/x) may miss the scale's ends by a rounding error.
    private const double ScaleSlack = 1e-9;

    private readonly double[] _cells;

    private AhpMatrix(int size, double[] cells, ImmutableArray<string> labels)
    {
        Size = size;
        _cells = cells;
        Labels = labels;
    }

    /// <summary>Gets the number of compared elements.</summary>
    public int Size { get; }

    /// <summary>Gets the element labels, in row order, or an empty array when the matrix has none.</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>Gets the cells in row-major order (cell (i, j) at index i·<see cref="Size"/> + j).</summary>
    public ReadOnlySpan<double> Cells => _cells;

    /// <summary>Gets cell (<paramref name="row"/>, <paramref name="column"/>).</summary>
    /// <param name="row">The 0-based row.</param>
    /// <param name="column">The 0-based column.</param>
    /// <returns>How many times element <paramref name="row"/> dominates element <paramref name="column"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    public double this[int row, int column]
    {
        get
        {
            Preconditions.CheckInRange(row, 0, Size - 1);
            Preconditions.CheckInRange(column, 0, Size - 1);
            return _cells[(row * Size) + column];
        }
    }

    /// <summary>Creates a matrix from its rows.</summary>
    /// <param name="rows">The rows; each must have as many cells as there are rows.</param>
    /// <param name="labels">Optional element labels, one per row, unique and not blank.</param>
    /// <param name="tolerance">The relative reciprocity tolerance, in [0, 1).</param>
    /// <param name="restrictToSaatyScale">Whether every cell must lie between 1/9 and 9.</param>
    /// <returns>The validated matrix.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a row is null.</exception>
    /// <exception cref="ArgumentException">The matrix is empty, not square, not positive, not reciprocal or off the scale, or the labels are invalid; the message names the cell or label.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is outside [0, 1).</exception>
    public static AhpMatrix Create(IEnumerable<IEnumerable<double>> rows, IEnumerable<string>? labels = null, double tolerance = DefaultTolerance, bool restrictToSaatyScale = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckTolerance(tolerance);
        var materialised = new List<double[]>();
        foreach (var row in rows)
        {
            if (row is null)
            {
                throw new ArgumentNullException(nameof(rows), Preconditions.Invariant($"Row {materialised.Count} is null."));
            }

            materialised.Add([.. row]);
        }

        var n = materialised.Count;
        Preconditions.CheckArgument(n > 0, nameof(rows), "A comparison matrix needs at least one element.");
        var cells = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            if (materialised[i].Length != n)
            {
                throw new ArgumentException(Preconditions.Invariant($"Row {i} has {materialised[i].Length} cells, but the matrix has {n} rows; it must be square."), nameof(rows));
            }

            materialised[i].CopyTo(cells, i * n);
        }

        var labelArray = CheckLabels(labels, n);
        Validate(n, cells, labelArray, tolerance, restrictToSaatyScale, nameof(rows));
        return new AhpMatrix(n, cells, labelArray);
    }

    /// <summary>
    /// Creates a matrix from the judgements above the diagonal, read row by row: (0,1), (0,2), …, (0,n−1), (1,2), …,
    /// (n−2,n−1). The diagonal is 1 and each cell below it is the exact reciprocal of its mirror.
    /// </summary>
    /// <param name="size">The number of elements, at least 1.</param>
    /// <param name="judgements">The n(n−1)/2 judgements.</param>
    /// <param name="labels">Optional element labels.</param>
    /// <param name="restrictToSaatyScale">Whether every judgement must lie between 1/9 and 9.</param>
    /// <returns>The validated matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="judgements"/> is null.</exception>
    /// <exception cref="ArgumentException">The count is wrong, a judgement is not finite and positive or off the scale, or the labels are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1.</exception>
    public static AhpMatrix FromUpperTriangle(int size, IEnumerable<double> judgements, IEnumerable<string>? labels = null, bool restrictToSaatyScale = true)
    {
        Preconditions.CheckInRange(size, 1, 46_340);
        ArgumentNullException.ThrowIfNull(judgements);
        double[] upper = [.. judgements];
        var expected = size * (size - 1) / 2;
        if (upper.Length != expected)
        {
            throw new ArgumentException(Preconditions.Invariant($"A {size}x{size} matrix needs {expected} judgements above the diagonal, but {upper.Length} were given."), nameof(judgements));
        }

        var labelArray = CheckLabels(labels, size);
        var cells = new double[size * size];
        var k = 0;
        for (var i = 0; i < size; i++)
        {
            cells[(i * size) + i] = 1;
            for (var j = i + 1; j < size; j++)
            {
                var v = upper[k++];
                CheckCell(v, i, j, labelArray, restrictToSaatyScale, nameof(judgements));
                cells[(i * size) + j] = v;
                cells[(j * size) + i] = 1 / v;
            }
        }

        return new AhpMatrix(size, cells, labelArray);
    }

    /// <summary>
    /// Creates the perfectly consistent matrix of a weight vector: cell (i, j) = w(i) / w(j). Its principal eigenvector is
    /// the normalised weight vector and its consistency ratio is 0. The scale is not restricted.
    /// </summary>
    /// <param name="weights">Positive, finite weights (they need not sum to 1).</param>
    /// <param name="labels">Optional element labels.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException">The weights are empty, or a weight is not finite and positive (the message names its index), or the labels are invalid.</exception>
    public static AhpMatrix FromWeights(IEnumerable<double> weights, IEnumerable<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        double[] w = [.. weights];
        Preconditions.CheckArgument(w.Length > 0, nameof(weights), "A comparison matrix needs at least one element.");
        for (var i = 0; i < w.Length; i++)
        {
            if (!(double.IsFinite(w[i]) && w[i] > 0))
            {
                throw new ArgumentException(Preconditions.Invariant($"Weight {i} is {w[i]}; weights must be finite and positive."), nameof(weights));
            }
        }

        var n = w.Length;
        var labelArray = CheckLabels(labels, n);
        var cells = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                cells[(i * n) + j] = i == j ? 1 : w[i] / w[j];
            }
        }

        Validate(n, cells, labelArray, DefaultTolerance, restrictToSaatyScale: false, nameof(weights));
        return new AhpMatrix(n, cells, labelArray);
    }

    /// <summary>
    /// Aggregates several assessors' matrices by the element-wise (weighted) geometric mean, which keeps the result
    /// reciprocal (Aczél and Saaty's aggregation of individual judgements).
    /// </summary>
    /// <param name="assessors">The assessors' matrices, all of one size; labels, when present, must agree.</param>
    /// <param name="assessorWeights">Optional positive weights, one per assessor; equal weights when null.</param>
    /// <returns>The group matrix, with the first labelled assessor's labels.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessors"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">No assessors, sizes or labels differ (the message names the assessor), or the weights are invalid.</exception>
    public static AhpMatrix GeometricMean(IEnumerable<AhpMatrix> assessors, IEnumerable<double>? assessorWeights = null)
    {
        ArgumentNullException.ThrowIfNull(assessors);
        AhpMatrix[] list = [.. assessors];
        Preconditions.CheckArgument(list.Length > 0, nameof(assessors), "At least one assessor's matrix is needed.");
        for (var a = 0; a < list.Length; a++)
        {
            if (list[a] is null)
            {
                throw new ArgumentNullException(nameof(assessors), Preconditions.Invariant($"Assessor {a}'s matrix is null."));
            }
        }

        var n = list[0].Size;
        var labels = list.FirstOrDefault(m => !m.Labels.IsEmpty)?.Labels ?? [];
        for (var a = 0; a < list.Length; a++)
        {
            if (list[a].Size != n)
            {
                throw new ArgumentException(Preconditions.Invariant($"Assessor {a}'s matrix is {list[a].Size}x{list[a].Size}, but assessor 0's is {n}x{n}."), nameof(assessors));
            }

            if (!(list[a].Labels.IsEmpty || list[a].Labels.SequenceEqual(labels, StringComparer.Ordinal)))
            {
                throw new ArgumentException(Preconditions.Invariant($"Assessor {a}'s labels [{string.Join(", ", list[a].Labels)}] differ from [{string.Join(", ", labels)}]."), nameof(assessors));
            }
        }

        var weights = new double[list.Length];
        if (assessorWeights is null)
        {
            Array.Fill(weights, 1.0 / list.Length);
        }
        else
        {
            double[] given = [.. assessorWeights];
            if (given.Length != list.Length)
            {
                throw new ArgumentException(Preconditions.Invariant($"{given.Length} assessor weights were given for {list.Length} assessors."), nameof(assessorWeights));
            }

            var sum = 0.0;
            for (var a = 0; a < given.Length; a++)
            {
                if (!(double.IsFinite(given[a]) && given[a] > 0))
                {
                    throw new ArgumentException(Preconditions.Invariant($"Assessor {a}'s weight is {given[a]}; weights must be finite and positive."), nameof(assessorWeights));
                }

                sum += given[a];
            }

            // Weights whose sum overflows (found by review: two weights of double.MaxValue made every weight 0 and the
            // group matrix all ones) are first divided by the largest; ordinary weights are used as given.
            var unit = double.IsFinite(sum) ? 1.0 : given.Max();
            if (unit != 1.0)
            {
                sum = given.Sum(g => g / unit);
            }

            for (var a = 0; a < given.Length; a++)
            {
                weights[a] = given[a] / unit / sum;
            }
        }

        var cells = new double[n * n];
        for (var c = 0; c < cells.Length; c++)
        {
            var logSum = 0.0;
            for (var a = 0; a < list.Length; a++)
            {
                logSum += weights[a] * Math.Log(list[a]._cells[c]);
            }

            cells[c] = Math.Exp(logSum);
        }

        // Exact reciprocity and unit diagonal, free of rounding in exp/log.
        for (var i = 0; i < n; i++)
        {
            cells[(i * n) + i] = 1;
            for (var j = i + 1; j < n; j++)
            {
                cells[(j * n) + i] = 1 / cells[(i * n) + j];
            }
        }

        return new AhpMatrix(n, cells, labels);
    }

    /// <summary>Returns the rows as nested immutable arrays.</summary>
    /// <returns>The rows.</returns>
    public ImmutableArray<ImmutableArray<double>> ToRows()
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<double>>(Size);
        for (var i = 0; i < Size; i++)
        {
            rows.Add([.. _cells.AsSpan(i * Size, Size)]);
        }

        return rows.MoveToImmutable();
    }

    /// <summary>Returns a copy with other labels.</summary>
    /// <param name="labels">One unique, non-blank label per element.</param>
    /// <returns>A new matrix; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentException">The labels are invalid.</exception>
    public AhpMatrix WithLabels(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new AhpMatrix(Size, _cells, CheckLabels(labels, Size));
    }

    /// <summary>Returns the label of element <paramref name="index"/>, or its index as text when the matrix has no labels.</summary>
    /// <param name="index">The 0-based element index.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the matrix.</exception>
    public string LabelOf(int index)
    {
        Preconditions.CheckInRange(index, 0, Size - 1);
        return Labels.IsEmpty ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Labels[index];
    }

    /// <inheritdoc />
    public bool Equals(AhpMatrix? other) =>
        other is not null && Size == other.Size && Hashing.SequenceEqual(Labels, other.Labels) && _cells.AsSpan().SequenceEqual(other._cells);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AhpMatrix other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Size);
        hash.Add(Hashing.Sequence(Labels));
        foreach (var c in _cells)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Labels.IsEmpty ? $"AHP matrix {Size}x{Size}" : $"AHP matrix {Size}x{Size} [{string.Join(", ", Labels)}]";

    private static void CheckTolerance(double tolerance)
    {
        if (!(tolerance >= 0 && tolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, Preconditions.Invariant($"The reciprocity tolerance must be in [0, 1), but was {tolerance}."));
        }
    }

    private static ImmutableArray<string> CheckLabels(IEnumerable<string>? labels, int size)
    {
        if (labels is null)
        {
            return [];
        }

        ImmutableArray<string> array = [.. labels];
        if (array.Length != size)
        {
            throw new ArgumentException(Preconditions.Invariant($"{array.Length} labels were given for {size} elements."), nameof(labels));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(array[i]))
            {
                throw new ArgumentException(Preconditions.Invariant($"Label {i} is blank."), nameof(labels));
            }

            if (!seen.Add(array[i]))
            {
                throw new ArgumentException(Preconditions.Invariant($"Label '{array[i]}' appears twice."), nameof(labels));
            }
        }

        return array;
    }

    private static string Where(int i, int j, ImmutableArray<string> labels) =>
        labels.IsEmpty ? Preconditions.Invariant($"Cell ({i},{j})") : Preconditions.Invariant($"Cell ({i},{j}) ('{labels[i]}' vs '{labels[j]}')");

    private static void CheckCell(double v, int i, int j, ImmutableArray<string> labels, bool restrictToSaatyScale, string paramName)
    {
        if (!(double.IsFinite(v) && v > 0))
        {
            throw new ArgumentException(Preconditions.Invariant($"{Where(i, j, labels)} is {v}; judgements must be finite and positive."), paramName);
        }

        if (restrictToSaatyScale)
        {
            if (!(v >= MinJudgement - ScaleSlack && v <= MaxJudgement + ScaleSlack))
            {
                throw new ArgumentException(Preconditions.Invariant($"{Where(i, j, labels)} is {v}, outside Saaty's scale [1/9, 9]."), paramName);
            }
        }
    }

    private static void Validate(int n, double[] cells, ImmutableArray<string> labels, double tolerance, bool restrictToSaatyScale, string paramName)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                CheckCell(cells[(i * n) + j], i, j, labels, restrictToSaatyScale, paramName);
            }
        }

        for (var i = 0; i < n; i++)
        {
            var d = cells[(i * n) + i];
            if (!(Math.Abs(d - 1) <= tolerance))
            {
                throw new ArgumentException(Preconditions.Invariant($"{Where(i, i, labels)} is {d}; the diagonal must be 1."), paramName);
            }

            for (var j = i + 1; j < n; j++)
            {
                var upper = cells[(i * n) + j];
                var lower = cells[(j * n) + i];
                if (!(Math.Abs((upper * lower) - 1) <= tolerance))
                {
                    throw new ArgumentException(
                        Preconditions.Invariant($"{Where(i, j, labels)} is {upper} but cell ({j},{i}) is {lower}; a reciprocal matrix needs 1/{upper} = {1 / upper:G4} there (relative tolerance {tolerance})."),
                        paramName);
                }
            }
        }
    }
}
