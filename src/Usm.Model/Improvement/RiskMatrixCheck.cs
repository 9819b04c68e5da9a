using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// Checks a <see cref="RiskMatrix"/> against quantitative risk, after L. A. Cox Jr., "What's Wrong with Risk
/// Matrices?", Risk Analysis 28(2), 2008: does the matrix's order of classes agree with probability × consequence over
/// the cells, as a <see cref="RiskMatrixQuantification"/> gives them?
/// </summary>
/// <remarks>
/// <para>Each cell covers a rectangle of (probability, consequence) points and so a range of risks,
/// <see cref="RiskMatrixQuantification.RiskRange"/>. The <em>bottom</em> and <em>top</em> classes are the lowest and
/// the highest class that some cell has. The rules (our PROPOSAL after Cox; USM itself prescribes no matrix) are:</para>
/// <list type="bullet">
/// <item><description><see cref="WeakConsistencyRuleId"/> (error): every point of every top-class cell carries at
/// least the risk of every point of every bottom-class cell (the greatest risk of a bottom cell is at most the least
/// risk of a top cell). One finding per offending (top cell, bottom cell) pair.</description></item>
/// <item><description><see cref="BetweennessRuleId"/> (error, checked only when some class lies strictly between the
/// bottom and the top class): no bottom-class cell has a top-class cell directly above it (next effect level), to its
/// right (next likelihood level) or diagonally above-right (both next levels): a small increase of probability and
/// consequence must not jump from the bottom class straight into the top class. One finding per such pair.</description></item>
/// <item><description><see cref="ConsistentColouringRuleId"/> (error): when every point of a cell A carries at least
/// the risk of every point of a cell B, A's class is not below B's. One finding per offending pair; pairs of a bottom
/// cell and a top cell are left to <see cref="WeakConsistencyRuleId"/>, which already reports them.</description></item>
/// <item><description><see cref="IntermediateRuleId"/> (warning, checked only when some class lies strictly between
/// the bottom and the top class): Cox's rule for intermediate colours. A cell whose class is neither the bottom nor the
/// top class must either lie between: its neighbour one step down (in its column, its row or its rising diagonal) has
/// a lower class and its neighbour one step up on the same line a higher class; or straddle: it holds risks above the
/// least risk of some top-class cell and risks below the greatest risk of some bottom-class cell.</description></item>
/// <item><description><see cref="StraddleRuleId"/> (warning): the other cells are cleanly split between the classes
/// below a class boundary and the classes above it by some iso-risk level (every such level lies in a band
/// [lo, hi]), but this cell has risks below lo and above hi, so whichever level is meant, part of the cell falls on
/// the other side of it.</description></item>
/// <item><description><see cref="OrdinalProductRuleId"/> (information, only together with a finding of the rules
/// above): the classes are exactly a banding of the product of the level numbers (effect number × likelihood number,
/// counting from 1), the usual construction that multiplies ordinal codes as if they were quantities.</description></item>
/// </list>
/// <para>Findings come rule by rule in the order above, and within a rule by the first cell named (effect level, then
/// likelihood level, ascending), then the second. Paths are <c>rows[e][l]</c> (effect index, likelihood index), like
/// the matrix constructor's <c>rows</c>.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class RiskMatrixCheck
{
    /// <summary>USM-RMX-001: weak consistency (top-class cells carry higher risks than bottom-class cells).</summary>
    public const string WeakConsistencyRuleId = "USM-RMX-001";

    /// <summary>USM-RMX-002: betweenness (no direct step from the bottom class to the top class).</summary>
    public const string BetweennessRuleId = "USM-RMX-002";

    /// <summary>USM-RMX-003: consistent colouring (a cell whose risks all lie at or above another's has no lower class).</summary>
    public const string ConsistentColouringRuleId = "USM-RMX-003";

    /// <summary>USM-RMX-004: a cell of an intermediate class lies between a lower and a higher class, or straddles the bottom and top classes' risks.</summary>
    public const string IntermediateRuleId = "USM-RMX-004";

    /// <summary>USM-RMX-005: a cell straddles the iso-risk level that separates two classes everywhere else.</summary>
    public const string StraddleRuleId = "USM-RMX-005";

    /// <summary>USM-RMX-006: the classes are a banding of effect number × likelihood number (ordinal codes multiplied).</summary>
    public const string OrdinalProductRuleId = "USM-RMX-006";

    /// <summary>Gets the rule ids, in report order.</summary>
    public static ImmutableArray<string> RuleIds { get; } =
        [WeakConsistencyRuleId, BetweennessRuleId, ConsistentColouringRuleId, IntermediateRuleId, StraddleRuleId, OrdinalProductRuleId];

    /// <summary>Checks a matrix against quantitative risk.</summary>
    /// <param name="matrix">The matrix.</param>
    /// <param name="quantification">The probability and consequence intervals of its levels, on the matrix's own scales.</param>
    /// <returns>The findings; empty when the matrix agrees with probability × consequence in every sense checked.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The quantification's scales are not the matrix's; the message names both.</exception>
    public static FindingReport Check(RiskMatrix matrix, RiskMatrixQuantification quantification)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(quantification);
        Preconditions.CheckArgument(matrix.EffectScale.Equals(quantification.EffectScale), nameof(quantification),
            Preconditions.Invariant($"The quantification's effect scale ({quantification.EffectScale}) is not the matrix's ({matrix.EffectScale})."));
        Preconditions.CheckArgument(matrix.LikelihoodScale.Equals(quantification.LikelihoodScale), nameof(quantification),
            Preconditions.Invariant($"The quantification's likelihood scale ({quantification.LikelihoodScale}) is not the matrix's ({matrix.LikelihoodScale})."));

        var grid = new Grid(matrix, quantification);
        var findings = new List<Finding>();
        WeakConsistency(grid, findings);
        Betweenness(grid, findings);
        ConsistentColouring(grid, findings);
        Intermediates(grid, findings);
        Straddles(grid, findings);
        if (findings.Count > 0)
        {
            OrdinalProduct(grid, findings);
        }

        return new FindingReport(findings);
    }

    private static void WeakConsistency(Grid grid, List<Finding> findings)
    {
        if (grid.Top == grid.Bottom)
        {
            return;
        }

        foreach (var top in grid.CellsOf(grid.Top))
        {
            foreach (var bottom in grid.CellsOf(grid.Bottom))
            {
                if (Grid.Exceeds(grid.Range(bottom).Upper, grid.Range(top).Lower))
                {
                    findings.Add(grid.Finding(WeakConsistencyRuleId, FindingSeverity.Error, top, Preconditions.Invariant(
                        $"{grid.Describe(top)} is in the top class, but its least risk {RiskInterval.Format(grid.Range(top).Lower)} is below the greatest risk {RiskInterval.Format(grid.Range(bottom).Upper)} of {grid.Describe(bottom)} in the bottom class: some risks rated lowest outrank some rated highest.")));
                }
            }
        }
    }

    private static void Betweenness(Grid grid, List<Finding> findings)
    {
        if (grid.Top - grid.Bottom < 2)
        {
            return;
        }

        foreach (var bottom in grid.CellsOf(grid.Bottom))
        {
            foreach (var (de, dl, how) in Steps)
            {
                var next = new Cell(bottom.Effect + de, bottom.Likelihood + dl);
                if (grid.Contains(next) && grid.ClassOf(next) == grid.Top)
                {
                    findings.Add(grid.Finding(BetweennessRuleId, FindingSeverity.Error, bottom, Preconditions.Invariant(
                        $"{grid.Describe(bottom)} is in the bottom class, and {grid.Describe(next)} {how} is in the top class: a small rise in likelihood or effect jumps from the bottom to the top class without passing an intermediate class.")));
                }
            }
        }
    }

    private static readonly (int Effect, int Likelihood, string How)[] Steps =
    [
        (0, 1, "(sharing its edge, one likelihood level up)"),
        (1, 0, "(sharing its edge, one effect level up)"),
        (1, 1, "(sharing its upper-right corner)"),
    ];

    private static void ConsistentColouring(Grid grid, List<Finding> findings)
    {
        foreach (var a in grid.Cells)
        {
            foreach (var b in grid.Cells)
            {
                var (ca, cb) = (grid.ClassOf(a), grid.ClassOf(b));
                if (ca < cb && !Grid.Exceeds(grid.Range(b).Upper, grid.Range(a).Lower) && !(ca == grid.Bottom && cb == grid.Top))
                {
                    findings.Add(grid.Finding(ConsistentColouringRuleId, FindingSeverity.Error, a, Preconditions.Invariant(
                        $"Every risk of {grid.Describe(a)} (from {RiskInterval.Format(grid.Range(a).Lower)}) is at least every risk of {grid.Describe(b)} (up to {RiskInterval.Format(grid.Range(b).Upper)}), yet its class is lower.")));
                }
            }
        }
    }

    private static void Intermediates(Grid grid, List<Finding> findings)
    {
        if (grid.Top - grid.Bottom < 2)
        {
            return;
        }

        var topLeast = grid.CellsOf(grid.Top).Min(c => grid.Range(c).Lower);
        var bottomGreatest = grid.CellsOf(grid.Bottom).Max(c => grid.Range(c).Upper);
        foreach (var cell in grid.Cells)
        {
            var cls = grid.ClassOf(cell);
            if (cls == grid.Bottom || cls == grid.Top)
            {
                continue;
            }

            var between = Steps.Any(step =>
            {
                var below = new Cell(cell.Effect - step.Effect, cell.Likelihood - step.Likelihood);
                var above = new Cell(cell.Effect + step.Effect, cell.Likelihood + step.Likelihood);
                return grid.Contains(below) && grid.Contains(above) && grid.ClassOf(below) < cls && grid.ClassOf(above) > cls;
            });
            var range = grid.Range(cell);
            var straddles = Grid.Exceeds(range.Upper, topLeast) && Grid.Exceeds(bottomGreatest, range.Lower);
            if (!between && !straddles)
            {
                findings.Add(grid.Finding(IntermediateRuleId, FindingSeverity.Warning, cell, Preconditions.Invariant(
                    $"{grid.Describe(cell)} has an intermediate class, but it neither lies between a lower-class and a higher-class neighbour (in its row, its column or its rising diagonal) nor holds both risks above the top class's least ({RiskInterval.Format(topLeast)}) and below the bottom class's greatest ({RiskInterval.Format(bottomGreatest)}): Cox's colouring rule leaves it no intermediate class.")));
            }
        }
    }

    private static void Straddles(Grid grid, List<Finding> findings)
    {
        var classes = grid.Cells.Select(grid.ClassOf).Distinct().Order().ToArray();
        foreach (var cell in grid.Cells)
        {
            for (var k = 1; k < classes.Length; k++)
            {
                var boundary = classes[k];
                var lo = double.NegativeInfinity;
                var hi = double.PositiveInfinity;
                foreach (var other in grid.Cells)
                {
                    if (other == cell)
                    {
                        continue;
                    }

                    if (grid.ClassOf(other) < boundary)
                    {
                        lo = Math.Max(lo, grid.Range(other).Upper);
                    }
                    else
                    {
                        hi = Math.Min(hi, grid.Range(other).Lower);
                    }
                }

                var range = grid.Range(cell);
                if (double.IsFinite(lo) && double.IsFinite(hi) && !Grid.Exceeds(lo, hi) && Grid.Exceeds(lo, range.Lower) && Grid.Exceeds(range.Upper, hi))
                {
                    findings.Add(grid.Finding(StraddleRuleId, FindingSeverity.Warning, cell, Preconditions.Invariant(
                        $"Apart from {grid.Describe(cell)}, the cells below class '{grid.ClassName(boundary)}' and those at or above it are separated by any iso-risk level from {RiskInterval.Format(lo)} to {RiskInterval.Format(hi)}, but this cell's risks run from {RiskInterval.Format(range.Lower)} to {RiskInterval.Format(range.Upper)}, across every such level: part of it belongs on the other side of the boundary.")));
                }
            }
        }
    }

    private static void OrdinalProduct(Grid grid, List<Finding> findings)
    {
        // The class of each product of level numbers, or -1 where two cells with the same product differ.
        var byProduct = new SortedDictionary<long, int>();
        foreach (var cell in grid.Cells)
        {
            var product = (long)(cell.Effect + 1) * (cell.Likelihood + 1);
            var cls = grid.ClassOf(cell);
            if (byProduct.TryGetValue(product, out var seen) && seen != cls)
            {
                return;
            }

            byProduct[product] = cls;
        }

        var last = int.MinValue;
        var bands = new List<string>();
        long bandStart = 0;
        long previous = 0;
        foreach (var (product, cls) in byProduct)
        {
            if (cls < last)
            {
                return;
            }

            if (cls != last)
            {
                if (last != int.MinValue)
                {
                    bands.Add(Preconditions.Invariant($"{bandStart}-{previous} '{grid.ClassName(last)}'"));
                }

                bandStart = product;
                last = cls;
            }

            previous = product;
        }

        bands.Add(Preconditions.Invariant($"{bandStart}-{previous} '{grid.ClassName(last)}'"));
        findings.Add(new Finding(OrdinalProductRuleId, FindingSeverity.Info, Preconditions.Invariant(
            $"The classes are bands of effect number × likelihood number ({string.Join(", ", bands)}): ordinal codes multiplied as if they were quantities, which is the likely cause of the findings above."), string.Empty));
    }

    private readonly record struct Cell(int Effect, int Likelihood);

    private sealed class Grid
    {
        /// <summary>The relative difference below which two risks are a tie: 1E-9.</summary>
        private const double TieTolerance = 1e-9;

        private readonly RiskMatrix _matrix;
        private readonly int[] _classes;
        private readonly RiskInterval[] _ranges;

        public Grid(RiskMatrix matrix, RiskMatrixQuantification quantification)
        {
            _matrix = matrix;
            Effects = matrix.EffectScale.Count;
            Likelihoods = matrix.LikelihoodScale.Count;
            Cells = [.. Enumerable.Range(0, Effects).SelectMany(e => Enumerable.Range(0, Likelihoods).Select(l => new Cell(e, l)))];
            _classes = [.. Cells.Select(c => matrix.ClassOf(c.Effect, c.Likelihood))];
            _ranges = [.. Cells.Select(c => quantification.RiskRange(c.Effect, c.Likelihood))];

            // A monotone matrix has its lowest class at the lowest corner and its highest at the highest.
            Bottom = _classes[0];
            Top = _classes[^1];
        }

        public int Effects { get; }

        public int Likelihoods { get; }

        public ImmutableArray<Cell> Cells { get; }

        public bool Contains(Cell cell) => cell.Effect >= 0 && cell.Likelihood >= 0 && cell.Effect < Effects && cell.Likelihood < Likelihoods;

        public int Bottom { get; }

        public int Top { get; }

        public int ClassOf(Cell cell) => _classes[(cell.Effect * Likelihoods) + cell.Likelihood];

        public string ClassName(int cls) => _matrix.PriorityClasses.NameOf(cls);

        public RiskInterval Range(Cell cell) => _ranges[(cell.Effect * Likelihoods) + cell.Likelihood];

        public IEnumerable<Cell> CellsOf(int cls) => Cells.Where(c => ClassOf(c) == cls);

        public string Describe(Cell cell) => Preconditions.Invariant(
            $"cell (effect '{_matrix.EffectScale.Levels[cell.Effect]}', likelihood '{_matrix.LikelihoodScale.Levels[cell.Likelihood]}'; class '{ClassName(ClassOf(cell))}', risks {Range(cell)})");

        /// <summary>
        /// Whether risk x exceeds risk y by more than rounding: by more than <see cref="TieTolerance"/> of the larger.
        /// A cell's risks are products of two rounded numbers, so risks that are equal in exact arithmetic (1 × 1/5 and
        /// 1/3 × 3/5 on equal widths, or 0.3 × 1000 and 0.1 × 3000) can differ in the last bits; they count as a tie.
        /// </summary>
        public static bool Exceeds(double x, double y) => x - y > TieTolerance * Math.Max(Math.Abs(x), Math.Abs(y));

        public Finding Finding(string ruleId, FindingSeverity severity, Cell cell, string message) =>
            new(ruleId, severity, message, Preconditions.Invariant($"rows[{cell.Effect}][{cell.Likelihood}]"));
    }
}
