using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Improvement;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for the improvement model: risk matrices and random command sequences for the risk database.</summary>
internal static class ImprovementArbitraries
{
    /// <summary>Gets the label the matrix uses for a cell of a generated matrix (scales E0.., L0..).</summary>
    public static string CellLabel((int Effect, int Likelihood) cell) => $"effect 'E{cell.Effect}', likelihood 'L{cell.Likelihood}'";

    /// <summary>Monotone matrices of 2-5 × 2-5 cells with 2-4 classes, built by a running maximum over random cells (every monotone matrix can come out).</summary>
    public static Arbitrary<MatrixSpec> MonotoneMatrices() => MonotoneGen(forceRange: false).ToArbitrary();

    /// <summary>A monotone matrix with two cells a ≤ b (componentwise) whose classes differ swapped, so it is no longer monotone.</summary>
    public static Arbitrary<BrokenMatrix> BrokenMatrices() =>
        (from m in MonotoneGen(forceRange: true)
         from pair in Gen.Elements(OrderedPairs(m).ToArray())
         select new BrokenMatrix(Swap(m, pair.Low, pair.High), pair.Low, pair.High)).ToArbitrary();

    /// <summary>Random sequences of database operations (registering and commands, legal or not).</summary>
    public static Arbitrary<DbOp[]> Operations() =>
        (from ops in Gen.ArrayOf(
             from kind in Gen.Frequency((2, Gen.Constant(-1)), (4, Gen.Choose(0, 9)), (6, Gen.Constant(10)))
             from target in Gen.Choose(0, 1000)
             from minutes in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 600)))
             select new DbOp(kind, target, minutes))
         select ops).ToArbitrary();

    private static Gen<MatrixSpec> MonotoneGen(bool forceRange) =>
        from effects in Gen.Choose(2, 5)
        from likelihoods in Gen.Choose(2, 5)
        from classes in Gen.Choose(2, 4)
        from raw in Gen.ArrayOf(Gen.Choose(0, classes - 1), effects * likelihoods)
        select Monotonise(effects, likelihoods, classes, raw, forceRange);

    private static MatrixSpec Monotonise(int effects, int likelihoods, int classes, int[] raw, bool forceRange)
    {
        if (forceRange)
        {
            raw[0] = 0;
            raw[^1] = classes - 1;
        }

        var cells = new int[effects][];
        for (var e = 0; e < effects; e++)
        {
            cells[e] = new int[likelihoods];
            for (var l = 0; l < likelihoods; l++)
            {
                var v = raw[(e * likelihoods) + l];
                v = e > 0 ? Math.Max(v, cells[e - 1][l]) : v;
                v = l > 0 ? Math.Max(v, cells[e][l - 1]) : v;
                cells[e][l] = v;
            }
        }

        return new MatrixSpec(cells, classes);
    }

    private static IEnumerable<((int, int) Low, (int, int) High)> OrderedPairs(MatrixSpec m)
    {
        for (var e1 = 0; e1 < m.Cells.Length; e1++)
        {
            for (var l1 = 0; l1 < m.Cells[0].Length; l1++)
            {
                for (var e2 = e1; e2 < m.Cells.Length; e2++)
                {
                    for (var l2 = l1; l2 < m.Cells[0].Length; l2++)
                    {
                        if (m.Cells[e1][l1] < m.Cells[e2][l2])
                        {
                            yield return ((e1, l1), (e2, l2));
                        }
                    }
                }
            }
        }
    }

    private static MatrixSpec Swap(MatrixSpec m, (int E, int L) a, (int E, int L) b)
    {
        var cells = m.Cells.Select(r => r.ToArray()).ToArray();
        (cells[a.E][a.L], cells[b.E][b.L]) = (cells[b.E][b.L], cells[a.E][a.L]);
        return new MatrixSpec(cells, m.Classes);
    }
}

/// <summary>A generated matrix: class index per effect row and likelihood column.</summary>
internal sealed record MatrixSpec(int[][] Cells, int Classes)
{
    public RiskMatrix Build() => RiskMatrix.FromFunction(
        new OrdinalScale("Effect", Enumerable.Range(0, Cells.Length).Select(i => "E" + i)),
        new OrdinalScale("Likelihood", Enumerable.Range(0, Cells[0].Length).Select(i => "L" + i)),
        new OrdinalScale("Priority", Enumerable.Range(0, Classes).Select(i => "C" + i)),
        (e, l) => Cells[e][l]);

    public override string ToString() => string.Join(" / ", Cells.Select(r => string.Join(",", r)));
}

/// <summary>A matrix made non-monotone by swapping the cells <paramref name="Low"/> and <paramref name="High"/>.</summary>
internal sealed record BrokenMatrix(MatrixSpec Matrix, (int Effect, int Likelihood) Low, (int Effect, int Likelihood) High);

/// <summary>One generated database operation: <paramref name="Kind"/> −1 registers a risk, 0-9 picks a command, 10 takes the risk's next main-line step; the clock then moves on.</summary>
internal sealed record DbOp(int Kind, int Target, int MinutesLater);
