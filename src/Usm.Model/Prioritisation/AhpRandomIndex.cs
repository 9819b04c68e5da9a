using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// A table of random consistency indexes RI(n): the average consistency index of random reciprocal matrices of size
/// n. The consistency ratio of an AHP matrix is its consistency index divided by RI(n).
/// </summary>
/// <remarks>
/// <para>Published tables differ because each author simulated a different number of random matrices. The library ships
/// four and allows a custom one:</para>
/// <list type="bullet">
/// <item><see cref="Saaty1980"/> (the default): T. L. Saaty, <i>The Analytic Hierarchy Process</i>, McGraw-Hill, 1980,
/// n = 1..15, including the often-reproduced 1.48 at n = 12.</item>
/// <item><see cref="Saaty2005"/>: the later Saaty table (T. L. Saaty, <i>Theory and Applications of the Analytic Network
/// Process</i>, RWS Publications, 2005, p. 31), n = 1..15; it is the table the Python package ahpy calls "saaty".</item>
/// <item><see cref="AlonsoLamata2006"/>: J. A. Alonso and M. T. Lamata, "Consistency in the analytic hierarchy process: a
/// new approach", <i>Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems</i> 14(4), 2006 (100,000 matrices per
/// size), n = 1..15.</item>
/// <item><see cref="DoneganDodd1991"/>: H. A. Donegan and F. J. Dodd, "A note on Saaty's random indexes", <i>Mathematical
/// and Computer Modelling</i> 15(10), 1991, n = 1..15 (ahpy's default table).</item>
/// </list>
/// <para>RI(1) and RI(2) are 0 in every table: matrices of size 1 and 2 are always consistent, and their consistency
/// ratio is defined as 0.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AhpRandomIndex : IEquatable<AhpRandomIndex>
{
    private AhpRandomIndex(string name, ImmutableArray<double> values)
    {
        Name = name;
        Values = values;
    }

    /// <summary>Gets Saaty's 1980 table, n = 1..15 (the default).</summary>
    public static AhpRandomIndex Saaty1980 { get; } = new("Saaty 1980", [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]);

    /// <summary>Gets Saaty's later table (2005), n = 1..15.</summary>
    public static AhpRandomIndex Saaty2005 { get; } = new("Saaty 2005", [0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]);

    /// <summary>Gets the Alonso and Lamata (2006) table, n = 1..15.</summary>
    public static AhpRandomIndex AlonsoLamata2006 { get; } = new("Alonso & Lamata 2006", [0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713, 1.5838]);

    /// <summary>Gets the Donegan and Dodd (1991) table, n = 1..15.</summary>
    public static AhpRandomIndex DoneganDodd1991 { get; } = new("Donegan & Dodd 1991", [0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969]);

    /// <summary>Gets the table's name, for example <c>Saaty 1980</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the values: element k is RI(k + 1).</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Gets the largest matrix size the table covers.</summary>
    public int MaxSize => Values.Length;

    /// <summary>Creates a custom table.</summary>
    /// <param name="name">A name for reports.</param>
    /// <param name="values">RI(1), RI(2), …: finite and not negative; from size 3 on, positive.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, <paramref name="values"/> is empty, or a value is invalid (the message names its size).</exception>
    public static AhpRandomIndex Custom(string name, IEnumerable<double> values)
    {
        Preconditions.CheckNotBlank(name);
        ArgumentNullException.ThrowIfNull(values);
        ImmutableArray<double> table = [.. values];
        Preconditions.CheckArgument(!table.IsEmpty, nameof(values), "A random index table needs at least one value.");
        for (var k = 0; k < table.Length; k++)
        {
            var v = table[k];
            var ok = double.IsFinite(v) && (k < 2 ? v >= 0 : v > 0);
            if (!ok)
            {
                throw new ArgumentException(Preconditions.Invariant($"Random index table '{name}' has RI({k + 1}) = {v}; values must be finite, not negative, and positive from size 3 on."), nameof(values));
            }
        }

        return new AhpRandomIndex(name, table);
    }

    /// <summary>Returns RI(<paramref name="size"/>).</summary>
    /// <param name="size">The matrix size, from 1 to <see cref="MaxSize"/>.</param>
    /// <returns>The random index; 0 for sizes 1 and 2.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1 or beyond the table.</exception>
    public double For(int size)
    {
        if (size < 1 || size > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, Preconditions.Invariant($"The random index table '{Name}' covers sizes 1 to {MaxSize}, not {size}."));
        }

        return size <= 2 ? 0 : Values[size - 1];
    }

    /// <inheritdoc />
    public bool Equals(AhpRandomIndex? other) => other is not null && Name == other.Name && Hashing.SequenceEqual(Values, other.Values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AhpRandomIndex other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Hashing.Sequence(Values));

    /// <inheritdoc />
    public override string ToString() => $"{Name} (n = 1..{MaxSize})";
}
