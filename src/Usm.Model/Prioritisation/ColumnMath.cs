using System.Numerics;
using System.Runtime.InteropServices;

namespace Usm.Model.Prioritisation;

/// <summary>Tight, vectorised loops over columns of doubles; the hot paths of the score passes.</summary>
internal static class ColumnMath
{
    /// <summary>Minimum, maximum and Euclidean norm of a column, in one pass.</summary>
    public static (double Min, double Max, double Norm) Stats(ReadOnlySpan<double> x)
    {
        unchecked
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            var i = 0;
            var sumSq = 0.0;
            if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count * 2)
            {
                var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
                var vmin = new Vector<double>(double.PositiveInfinity);
                var vmax = new Vector<double>(double.NegativeInfinity);
                var vsum = Vector<double>.Zero;
                foreach (var v in vx)
                {
                    vmin = Vector.Min(vmin, v);
                    vmax = Vector.Max(vmax, v);
                    vsum += v * v;
                }

                for (var k = 0; k < Vector<double>.Count; k++)
                {
                    min = Math.Min(min, vmin[k]);
                    max = Math.Max(max, vmax[k]);
                    sumSq += vsum[k];
                }

                i = vx.Length * Vector<double>.Count;
            }

            for (; i < x.Length; i++)
            {
                var v = x[i];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                sumSq += v * v;
            }

            return (min, max, Math.Sqrt(sumSq));
        }
    }

    /// <summary>y[i] += a · x[i] + b for every i.</summary>
    public static void AddScaled(ReadOnlySpan<double> x, Span<double> y, double a, double b)
    {
        unchecked
        {
            var i = 0;
            if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
            {
                var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
                var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
                var va = new Vector<double>(a);
                var vb = new Vector<double>(b);
                for (var k = 0; k < vx.Length; k++)
                {
                    vy[k] += (va * vx[k]) + vb;
                }

                i = vx.Length * Vector<double>.Count;
            }

            for (; i < x.Length; i++)
            {
                y[i] += (a * x[i]) + b;
            }
        }
    }
}
