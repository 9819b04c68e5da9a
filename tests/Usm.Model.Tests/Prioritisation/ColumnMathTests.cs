using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>
/// The vector loops of the score passes must give exactly what the plain scalar loops give, bit for bit, including the
/// sign of a zero.
/// </summary>
public class ColumnMathTests
{
    [Fact]
    public void MinMaxFinite_EqualsAScalarFold_BitForBit()
    {
        // Lengths on both sides of every vector width and unrolling step; columns with −0, +0, both, and neither.
        var gen = from n in Gen.Choose(1, 300)
                  from seed in Gen.Choose(0, int.MaxValue)
                  from zeros in Gen.Choose(0, 3)
                  select (n, seed, zeros);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var x = Enumerable.Range(0, t.n).Select(_ => random.Next(6) switch
            {
                0 when (t.zeros & 1) != 0 => -0.0,
                1 when (t.zeros & 2) != 0 => 0.0,
                2 => -random.NextDouble() * 1e6,
                _ => random.NextDouble() * Math.Pow(10, random.Next(-5, 6)),
            }).ToArray();
            var (min, max) = ScalarFold(x);
            var (fastMin, fastMax) = ColumnMath.MinMaxFinite(x);
            return BitConverter.DoubleToInt64Bits(fastMin) == BitConverter.DoubleToInt64Bits(min)
                && BitConverter.DoubleToInt64Bits(fastMax) == BitConverter.DoubleToInt64Bits(max)
                && ColumnMath.MinMax(x) == (min, max);
        }), maxTest: 1000);
    }

    [Fact]
    public void MinMax_FollowsMathMinAndMax_WithNaNAndZerosOfBothSigns()
    {
        // The general version (used on computed scores) must keep Math.Min/Math.Max's rules on every runtime.
        var gen = from n in Gen.Choose(1, 200)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var x = Enumerable.Range(0, t.n).Select(_ => random.Next(40) switch
            {
                0 => double.NaN,
                1 => -0.0,
                2 => 0.0,
                3 => double.PositiveInfinity,
                _ => (random.NextDouble() - 0.5) * 100,
            }).ToArray();
            var (min, max) = ScalarFold(x);
            // With a NaN in the column both are NaN (which NaN is not specified); otherwise equal bit for bit.
            var (vectorMin, vectorMax) = ColumnMath.MinMax(x);
            return double.IsNaN(min)
                ? double.IsNaN(vectorMin) && double.IsNaN(vectorMax)
                : BitConverter.DoubleToInt64Bits(vectorMin) == BitConverter.DoubleToInt64Bits(min)
                    && BitConverter.DoubleToInt64Bits(vectorMax) == BitConverter.DoubleToInt64Bits(max);
        }), maxTest: 1000);
    }

    [Fact]
    public void IndexOfNaN_FindsTheFirstNaN()
    {
        var gen = from n in Gen.Choose(0, 100)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var x = Enumerable.Range(0, t.n).Select(_ => random.Next(60) == 0 ? -double.NaN : random.Next(60) == 0 ? double.NaN : random.NextDouble()).ToArray();
            return ColumnMath.IndexOfNaN(x) == Array.FindIndex(x, double.IsNaN);
        }), maxTest: 1000);
    }

    [Theory]
    [InlineData(40, true, true)]
    [InlineData(40, true, false)]
    [InlineData(40, false, true)]
    [InlineData(7, true, true)]
    public void MinMaxFinite_OfAColumnOfZeros_KeepsTheScalarSigns(int n, bool negative, bool positive)
    {
        // Only zeros: Math.Min prefers −0 and Math.Max prefers +0 whenever both occur.
        var x = Enumerable.Range(0, n).Select(i => negative && (!positive || i % 3 == 0) ? -0.0 : 0.0).ToArray();
        var (min, max) = ColumnMath.MinMaxFinite(x);
        Assert.Equal(negative, double.IsNegative(min));
        Assert.Equal(!positive, double.IsNegative(max));
    }

    /// <summary>Math.Min and Math.Max folded over the values one by one: the reference.</summary>
    private static (double Min, double Max) ScalarFold(double[] x)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var v in x)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }
}
