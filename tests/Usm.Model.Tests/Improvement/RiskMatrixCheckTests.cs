using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Improvement;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>
/// <see cref="RiskMatrixCheck"/> against L. A. Cox Jr., "What's Wrong with Risk Matrices?", Risk Analysis 28(2), 2008,
/// 497-512 (setting: risk = probability × consequence, both axes on [0, 1] cut into equal-width levels), and its
/// exposition by K. Awati, "Cox's risk matrix theorem and its implications for project risk management", 2009,
/// https://eight2late.wordpress.com/2009/07/01/cox%e2%80%99s-risk-matrix-theorem-and-its-implications-for-project-risk-management/.
/// </summary>
public partial class RiskMatrixCheckTests
{
    private static readonly OrdinalScale Classes3 = new("Priority", ["Green", "Yellow", "Red"]);

    private static OrdinalScale Effects(int n) => new("Effect", Enumerable.Range(1, n).Select(i => "E" + i));

    private static OrdinalScale Likelihoods(int n) => new("Likelihood", Enumerable.Range(1, n).Select(i => "L" + i));

    // Rows are written top (highest effect) first, as a heat map is drawn; each row lists likelihood levels lowest first.
    private static RiskMatrix Drawn(OrdinalScale classes, params string[] rowsTopFirst)
    {
        var rows = Enumerable.Reverse(rowsTopFirst).Select(r => r.Split(' ').Select(c => classes.Levels.Single(n => n.StartsWith(c, StringComparison.Ordinal)))).ToList();
        return new RiskMatrix(Effects(rows.Count), Likelihoods(rowsTopFirst[0].Split(' ').Length), classes, rows);
    }

    private static FindingReport CheckEqualWidth(RiskMatrix matrix) =>
        RiskMatrixCheck.Check(matrix, RiskMatrixQuantification.EqualWidth(matrix.EffectScale, matrix.LikelihoodScale));

    [Fact]
    public void Cox3x3_ThreeColourPattern_HasNoFindings()
    {
        // Cox (2008): with risk = p × c on equal-width 3 × 3 axes, the left column and bottom row are green, the
        // upper-right cell red and the other three cells yellow.
        var matrix = Drawn(Classes3,
            "G Y R",
            "G Y Y",
            "G G G");

        Assert.True(CheckEqualWidth(matrix).IsEmpty, CheckEqualWidth(matrix).ToString());
    }

    [Fact]
    public void Cox3x3_ItIsTheOnlyMonotoneThreeColourMatrixWithoutFindings()
    {
        // Cox (2008): under weak consistency, betweenness and consistent colouring a 3 × 3 matrix has exactly one
        // three-colour pattern. All 118 monotone 3 × 3 matrices that use all three colours are checked.
        var clean = new List<string>();
        var count = 0;
        foreach (var cells in MonotoneGrids(3, 3, 3).Where(g => g.SelectMany(r => r).Distinct().Count() == 3))
        {
            count++;
            var matrix = RiskMatrix.FromFunction(Effects(3), Likelihoods(3), Classes3, (e, l) => cells[e][l]);
            if (CheckEqualWidth(matrix).IsEmpty)
            {
                clean.Add(matrix.ToString().ReplaceLineEndings("/"));
            }
        }

        Assert.Equal(118, count);
        Assert.Equal(["E3: Green | Yellow | Red/E2: Green | Yellow | Yellow/E1: Green | Green | Green/"], clean);
    }

    [Fact]
    public void Cox4x4_TheThreeColourPatternsWithoutFindings_AllKeepTheBottomRowAndLeftColumnGreen()
    {
        // Cox (2008) shows that in a consistent matrix no red cell may lie in the left column or the bottom row (those
        // cells hold risks near zero). Of the 1,557 monotone three-colour 4 × 4 matrices, three have no findings under
        // our reading of the rules; each has a green left column and bottom row and a red upper-right cell.
        var clean = new List<int[][]>();
        foreach (var cells in MonotoneGrids(4, 4, 3).Where(g => g.SelectMany(r => r).Distinct().Count() == 3))
        {
            var matrix = RiskMatrix.FromFunction(Effects(4), Likelihoods(4), Classes3, (e, l) => cells[e][l]);
            if (CheckEqualWidth(matrix).IsEmpty)
            {
                clean.Add(cells);
            }
        }

        Assert.Equal(3, clean.Count);
        Assert.All(clean, c =>
        {
            Assert.All(Enumerable.Range(0, 4), i => Assert.Equal((0, 0), (c[0][i], c[i][0])));
            Assert.Equal(2, c[3][3]);
        });
    }

    [Fact]
    public void DiagonalBands3x3_FailBetweenness_AtTheCornersWhereGreenMeetsRed()
    {
        // The common "sum of levels" colouring: green below the anti-diagonal, yellow on it, red above.
        var matrix = Drawn(Classes3,
            "Y R R",
            "G Y R",
            "G G Y");

        var report = CheckEqualWidth(matrix);

        var betweenness = report.ForRule(RiskMatrixCheck.BetweennessRuleId);
        Assert.Equal(["rows[0][1]", "rows[1][0]"], betweenness.Select(f => f.Path));
        Assert.Contains("cell (effect 'E1', likelihood 'L2'; class 'Green', risks [0, 0.222222])", betweenness[0].Message, StringComparison.Ordinal);
        Assert.Contains("cell (effect 'E2', likelihood 'L3'; class 'Red', risks [0.222222, 0.666667]) (sharing its upper-right corner)", betweenness[0].Message, StringComparison.Ordinal);
        Assert.Empty(report.ForRule(RiskMatrixCheck.WeakConsistencyRuleId)); // the red and green ranges only touch at 2/9
        Assert.False(report.IsConforming);
    }

    [Fact]
    public void MonotoneMatrix_CanStillFailWeakConsistency()
    {
        // Monotone, but the top class reaches the bottom-effect row, whose cells hold risks down to zero (Cox 2008: a red
        // cell in the bottom row or left column always conflicts with the green cells).
        var matrix = Drawn(Classes3,
            "Y R R",
            "G Y R",
            "G G R");

        var weak = CheckEqualWidth(matrix).ForRule(RiskMatrixCheck.WeakConsistencyRuleId);

        Assert.Equal(["rows[0][2]", "rows[0][2]", "rows[0][2]"], weak.Select(f => f.Path));
        Assert.All(weak, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        Assert.Contains("cell (effect 'E1', likelihood 'L3'; class 'Red', risks [0, 0.333333]) is in the top class, but its least risk 0 is below the greatest risk 0.222222 of cell (effect 'E1', likelihood 'L2'; class 'Green', risks [0, 0.222222])", weak[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cox2x2_TopClassInTheLowestRowOrColumn_FailsWeakConsistency()
    {
        // Cox (2008): an off-diagonal cell of a 2 × 2 matrix holds points of near-zero risk, so it cannot be red while
        // the lower-left cell is green.
        var classes = new OrdinalScale("Priority", ["Green", "Red"]);
        var upperLeftRed = Drawn(classes, "R R", "G G");

        var weak = CheckEqualWidth(upperLeftRed).ForRule(RiskMatrixCheck.WeakConsistencyRuleId);

        Assert.Equal(["rows[1][0]", "rows[1][0]", "rows[1][1]"], weak.Select(f => f.Path));
        Assert.Contains("least risk 0 is below", weak[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cox2x2_RedOnlyUpperRight_StillOverlapsWithTheOffDiagonalCells()
    {
        // With red ruled out of the lowest row and column, red only in the upper-right cell is the one two-class 2 × 2
        // colouring left (Cox 2008 argues the same way). Under the strict reading of weak consistency, with risk = p × c
        // on equal widths, the off-diagonal green cells still reach 0.5 while the red cell starts at 0.25: on a grid the
        // agreement is never perfect (Cox 2008; Awati 2009).
        var classes = new OrdinalScale("Priority", ["Green", "Red"]);
        var report = CheckEqualWidth(Drawn(classes, "G R", "G G"));

        Assert.Equal([RiskMatrixCheck.WeakConsistencyRuleId, RiskMatrixCheck.OrdinalProductRuleId], report.RuleIds.ToArray());
        Assert.Equal(2, report.ErrorCount);
        Assert.Contains("greatest risk 0.5 of cell (effect 'E1', likelihood 'L2'", report.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("greatest risk 0.5 of cell (effect 'E2', likelihood 'L1'", report.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsistentColouring_ReportsEachPairWhereTheRiskierCellHasTheLowerClass()
    {
        // Likelihood levels a decade apart: the lowest effect at the highest likelihood is riskier than every yellow cell
        // (the middle row's first two and the top row's first), yet coloured green.
        var effects = Effects(3);
        var likelihoods = Likelihoods(3);
        var q = new RiskMatrixQuantification(effects, likelihoods,
            [new(1, 2), new(2, 3), new(3, 4)],
            [new(0.0001, 0.001), new(0.001, 0.01), new(0.1, 1)]);
        var matrix = Drawn(Classes3,
            "Y R R",
            "Y Y R",
            "G G G");

        var report = RiskMatrixCheck.Check(matrix, q);

        var colouring = report.ForRule(RiskMatrixCheck.ConsistentColouringRuleId);
        Assert.Equal(["rows[0][2]", "rows[0][2]", "rows[0][2]"], colouring.Select(f => f.Path));
        Assert.Equal("Every risk of cell (effect 'E1', likelihood 'L3'; class 'Green', risks [0.1, 2]) (from 0.1) is at least every risk of cell (effect 'E2', likelihood 'L1'; class 'Yellow', risks [0.0002, 0.003]) (up to 0.003), yet its class is lower.", colouring[0].Message);
    }

    [Fact]
    public void IntermediateClass_NotBetweenAndNotStraddling_IsAWarning()
    {
        // The 3 × 3 pattern with the lowest-effect, highest-likelihood cell yellow instead of green: no green cell below
        // it and no risk as high as the red cell's least (4/9), so Cox's rule for intermediate colours says green.
        var report = CheckEqualWidth(Drawn(Classes3,
            "G Y R",
            "G Y Y",
            "G G Y"));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((RiskMatrixCheck.IntermediateRuleId, FindingSeverity.Warning, "rows[0][2]"), (finding.RuleId, finding.Severity, finding.Path));
        Assert.True(report.IsConforming);
    }

    [Fact]
    public void Straddle_ACellAcrossTheLevelThatSeparatesEveryOtherCell_IsAWarning()
    {
        // Two classes; apart from (E1, L2), the low cell (E1, L1) stays below 0.4 and the high cells start at 1 and 2,
        // but (E1, L2) runs from 0.2 to 2, across every level between 0.4 and 1.
        var effects = Effects(2);
        var likelihoods = Likelihoods(2);
        var q = new RiskMatrixQuantification(effects, likelihoods, [new(1, 2), new(10, 20)], [new(0.1, 0.2), new(0.2, 1)]);
        var classes = new OrdinalScale("Priority", ["Low", "High"]);
        var matrix = Drawn(classes, "H H", "L L");

        var report = RiskMatrixCheck.Check(matrix, q);

        Assert.Contains(report.ForRule(RiskMatrixCheck.StraddleRuleId), f => f.Path == "rows[0][1]" && f.Message.Contains("any iso-risk level from 0.4 to 1", StringComparison.Ordinal));
    }

    [Fact]
    public void OrdinalProduct_IsReportedOnlyAlongsideOtherFindings()
    {
        // The usual 5 × 5 banding of effect × likelihood (1-4, 5-9, 10-16, 20-25), on Cox's equal-width axes.
        var classes = new OrdinalScale("Priority", ["Low", "Medium", "High", "Very high"]);
        var banded = RiskMatrix.FromFunction(Effects(5), Likelihoods(5), classes, (e, l) => ((e + 1) * (l + 1)) switch { <= 4 => 0, <= 9 => 1, <= 16 => 2, _ => 3 });

        var report = CheckEqualWidth(banded);

        // Weak consistency and betweenness hold (top class from 0.48, bottom class up to 0.16); the edge cells of the
        // intermediate classes are neither between a lower and a higher class nor straddling.
        Assert.Equal([RiskMatrixCheck.IntermediateRuleId, RiskMatrixCheck.OrdinalProductRuleId], report.RuleIds.ToArray());
        Assert.Equal(["rows[0][4]", "rows[1][4]", "rows[2][4]", "rows[4][0]", "rows[4][1]", "rows[4][2]"], report.ForRule(RiskMatrixCheck.IntermediateRuleId).Select(f => f.Path));
        Assert.True(report.IsConforming);
        var info = Assert.Single(report.ForRule(RiskMatrixCheck.OrdinalProductRuleId));
        Assert.Equal(FindingSeverity.Info, info.Severity);
        Assert.Contains("(1-4 'Low', 5-9 'Medium', 10-16 'High', 20-25 'Very high')", info.Message, StringComparison.Ordinal);
        Assert.Same(info, report.Findings[^1]);

        // Cox's 3 × 3 pattern is also a banding of the product (1-3, 4-6, 9), but it has no other finding, so no remark.
        Assert.True(CheckEqualWidth(Drawn(Classes3, "G Y R", "G Y Y", "G G G")).IsEmpty);
    }

    [Fact]
    public void OneClassMatrix_HasNoFindings()
    {
        var single = RiskMatrix.FromFunction(Effects(3), Likelihoods(2), Classes3, (_, _) => 1);

        Assert.True(CheckEqualWidth(single).IsEmpty);
    }

    [Fact]
    public void EqualWidth_CutsBothAxesOfTheUnitSquare()
    {
        var q = RiskMatrixQuantification.EqualWidth(Effects(4), Likelihoods(3));

        Assert.Equal([new(0, 0.25), new(0.25, 0.5), new(0.5, 0.75), new(0.75, 1)], q.Consequences.AsEnumerable());
        Assert.Equal(1, q.Probabilities[^1].Upper);
        Assert.Equal(new RiskInterval(0.5 * (1.0 / 3), 0.75 * (2.0 / 3)), q.RiskRange(2, 1));
        Assert.Equal("[0.166667, 0.5]", q.RiskRange(2, 1).ToString());
        Assert.True(q.RiskRange(2, 1).Contains(0.5));
        Assert.Throws<ArgumentOutOfRangeException>("likelihood", () => q.RiskRange(0, 3));
    }

    [Fact]
    public void Validation_NamesTheBadIntervalAndItsLevel()
    {
        var effects = Effects(3);
        var likelihoods = Likelihoods(2);
        RiskInterval[] goodP = [new(0, 0.5), new(0.5, 1)];

        var overlap = Assert.Throws<ArgumentException>("consequences", () => new RiskMatrixQuantification(effects, likelihoods, [new(0, 10), new(5, 20), new(20, 30)], goodP));
        Assert.StartsWith("The consequence interval of level 'E2' of 'Effect' is [5, 20], which starts below the end of level 'E1' ([0, 10])", overlap.Message, StringComparison.Ordinal);

        var tooLikely = Assert.Throws<ArgumentException>("probabilities", () => new RiskMatrixQuantification(effects, likelihoods, [new(0, 1), new(1, 2), new(2, 3)], [new(0, 0.5), new(0.5, 1.5)]));
        Assert.StartsWith("The probability interval of level 'L2' of 'Likelihood' is [0.5, 1.5], which goes above 1", tooLikely.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<ArgumentException>("consequences", () => new RiskMatrixQuantification(effects, likelihoods, [new(0, 1), default, new(2, 3)], goodP));
        Assert.StartsWith("The consequence interval of level 'E2' of 'Effect' is [0, 0], which is empty", empty.Message, StringComparison.Ordinal);

        var count = Assert.Throws<ArgumentException>("probabilities", () => new RiskMatrixQuantification(effects, likelihoods, [new(0, 1), new(1, 2), new(2, 3)], [new(0, 1)]));
        Assert.StartsWith("Scale 'Likelihood' has 2 levels, but 1 probability intervals were given.", count.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>("upper", () => new RiskInterval(0.5, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>("lower", () => new RiskInterval(-0.1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>("upper", () => new RiskInterval(0, double.PositiveInfinity));
        Assert.Throws<ArgumentNullException>("consequences", () => new RiskMatrixQuantification(effects, likelihoods, null!, goodP));
    }

    [Fact]
    public void Check_RefusesAQuantificationOnOtherScales()
    {
        var matrix = RiskMatrix.FromFunction(Effects(3), Likelihoods(3), Classes3, (e, l) => Math.Min(2, (e + l) / 2));
        var other = RiskMatrixQuantification.EqualWidth(Effects(3), Likelihoods(4));

        var ex = Assert.Throws<ArgumentException>("quantification", () => RiskMatrixCheck.Check(matrix, other));

        Assert.StartsWith("The quantification's likelihood scale (Likelihood: L1 < L2 < L3 < L4) is not the matrix's (Likelihood: L1 < L2 < L3).", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("matrix", () => RiskMatrixCheck.Check(null!, other));
    }

    [Fact]
    public void ThresholdsOnLeastRisk_NeverBreakConsistentColouring()
    {
        // Law: colour each cell by how many thresholds its least risk reaches; then no cell whose risks all lie at or
        // above another's gets a lower class (the "entirely above" sense of consistent colouring).
        PropertyCheck.Run(Prop.ForAll(RiskMatrixCheckArbitraries.Cases().Filter(c => c.ByThresholds), c =>
        {
            var report = RiskMatrixCheck.Check(c.Matrix.Build(), c.Quantification);
            return report.ForRule(RiskMatrixCheck.ConsistentColouringRuleId).IsEmpty;
        }), maxTest: 500);
    }

    [Fact]
    public void WeakConsistency_HoldsExactlyWhenNoSampledTopPointIsBelowASampledBottomPoint()
    {
        // Law: silent means every point of a top cell is at least every point of a bottom cell (checked at random points
        // and at the corners, where the extremes are); each finding's pair has a bottom corner above a top corner.
        PropertyCheck.Run(Prop.ForAll(RiskMatrixCheckArbitraries.Cases(), Gen.ArrayOf(Gen.Choose(0, 1000), 8).ToArbitrary(), (c, fractions) =>
        {
            var matrix = c.Matrix.Build();
            var q = c.Quantification;
            var report = RiskMatrixCheck.Check(matrix, q);
            var cells = Enumerable.Range(0, matrix.EffectScale.Count).SelectMany(e => Enumerable.Range(0, matrix.LikelihoodScale.Count).Select(l => (e, l))).ToList();
            var bottom = matrix.ClassOf(0, 0);
            var top = matrix.ClassOf(cells[^1].e, cells[^1].l);
            double Point((int e, int l) cell, int a, int b)
            {
                var ci = q.Consequences[cell.e];
                var pi = q.Probabilities[cell.l];
                return (ci.Lower + (ci.Upper - ci.Lower) * (fractions[a] / 1000.0)) * (pi.Lower + (pi.Upper - pi.Lower) * (fractions[b] / 1000.0));
            }

            var violated = false;
            foreach (var t in cells.Where(x => top != bottom && matrix.ClassOf(x.e, x.l) == top))
            {
                foreach (var b in cells.Where(x => matrix.ClassOf(x.e, x.l) == bottom))
                {
                    violated |= q.RiskRange(b.e, b.l).Upper > q.RiskRange(t.e, t.l).Lower;
                    if (report.ForRule(RiskMatrixCheck.WeakConsistencyRuleId).IsEmpty && Point(t, 0, 1) < Point(b, 2, 3))
                    {
                        return false;
                    }
                }
            }

            return violated == !report.ForRule(RiskMatrixCheck.WeakConsistencyRuleId).IsEmpty;
        }), maxTest: 500);
    }

    [Fact]
    public void Report_IsDeterministic_OrderedByRule_AndUnchangedByScalingConsequences()
    {
        // Laws: checking twice gives equal reports; findings come in rule order; multiplying every consequence by the
        // same positive factor changes numbers in the messages but not which rules fire at which cells.
        PropertyCheck.Run(Prop.ForAll(RiskMatrixCheckArbitraries.Cases(), Gen.Elements(0.5, 3.0, 1_000.0).ToArbitrary(), (c, factor) =>
        {
            var matrix = c.Matrix.Build();
            var first = RiskMatrixCheck.Check(matrix, c.Quantification);
            var again = RiskMatrixCheck.Check(c.Matrix.Build(), c.Quantification);
            var scaled = RiskMatrixCheck.Check(matrix, new RiskMatrixQuantification(c.Quantification.EffectScale, c.Quantification.LikelihoodScale,
                c.Quantification.Consequences.Select(i => new RiskInterval(i.Lower * factor, i.Upper * factor)), c.Quantification.Probabilities));
            var order = first.Findings.Select(f => RiskMatrixCheck.RuleIds.IndexOf(f.RuleId)).ToList();
            return first.Findings.SequenceEqual(again.Findings)
                && order.SequenceEqual(order.Order())
                && first.Findings.Select(f => (f.RuleId, f.Path)).SequenceEqual(scaled.Findings.Select(f => (f.RuleId, f.Path)));
        }), maxTest: 300);
    }

    [Fact]
    public void SwappingTheAxes_TransposesTheFindings()
    {
        // Law: probability × consequence is symmetric, so swapping the two scales (and their intervals, after scaling
        // the consequences into [0, 1], which changes no order) reports the same rules at the transposed cells.
        PropertyCheck.Run(Prop.ForAll(RiskMatrixCheckArbitraries.Cases(), c =>
        {
            var matrix = c.Matrix.Build();
            var q = c.Quantification;
            var top = q.Consequences[^1].Upper;
            var unitConsequences = q.Consequences.Select(i => new RiskInterval(i.Lower / top, i.Upper / top)).ToList();
            var effects = new OrdinalScale("Effect", matrix.LikelihoodScale.Levels);
            var likelihoods = new OrdinalScale("Likelihood", matrix.EffectScale.Levels);
            var transposed = RiskMatrix.FromFunction(effects, likelihoods, matrix.PriorityClasses, (e, l) => matrix.ClassOf(l, e));
            var swapped = new RiskMatrixQuantification(effects, likelihoods, q.Probabilities, unitConsequences);

            static IEnumerable<string> Keys(FindingReport r, bool flip) => r.Findings
                .Select(f => (f.RuleId, Cell: Regex.Matches(f.Path, @"\d+").Select(m => m.Value).ToArray()))
                .Select(x => x.RuleId + " " + (x.Cell.Length == 0 ? "" : flip ? x.Cell[1] + "," + x.Cell[0] : x.Cell[0] + "," + x.Cell[1]))
                .Order(StringComparer.Ordinal);

            return Keys(RiskMatrixCheck.Check(matrix, q), flip: false).SequenceEqual(Keys(RiskMatrixCheck.Check(transposed, swapped), flip: true));
        }), maxTest: 300);
    }

    [GeneratedRegex(@"^\|\s*(USM-RMX-\d{3})\s*\|\s*(\w+)\s*\|\s*(\w+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex RuleRow();

    [Fact]
    public void RiskTies_WithinRounding_AreTies()
    {
        // On equal-width 3 × 5 axes the bottom cell (E3, L1) reaches 1 × 1/5 and the top cell (E2, L4) starts at
        // 1/3 × 3/5: the same iso-risk level 0.2 in exact arithmetic, but 0.2 against 0.19999999999999998 in doubles.
        // The two cells meet on one iso-risk curve, which weak consistency allows; rounding must not make it an error.
        var matrix = Drawn(Classes3, "G Y R R R", "G Y Y R R", "G G G Y Y");
        var unit = RiskMatrixQuantification.EqualWidth(matrix.EffectScale, matrix.LikelihoodScale);
        Assert.NotEqual(unit.RiskRange(2, 0).Upper, unit.RiskRange(1, 3).Lower);

        var report = RiskMatrixCheck.Check(matrix, unit);

        Assert.Empty(report.ForRule(RiskMatrixCheck.WeakConsistencyRuleId));
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains("least risk 0.2 is below the greatest risk 0.2", StringComparison.Ordinal));

        // A real excess is still an error: with the effect levels cut at 0.3 and 0.6, (E2, L4) starts at 0.18, below
        // the 0.2 that (E3, L1) reaches.
        var skewed = new RiskMatrixQuantification(matrix.EffectScale, matrix.LikelihoodScale,
            [new(0, 0.3), new(0.3, 0.6), new(0.6, 1)], [.. unit.Probabilities]);
        Assert.NotEmpty(RiskMatrixCheck.Check(matrix, skewed).ForRule(RiskMatrixCheck.WeakConsistencyRuleId));
    }

    [Fact]
    public void ConformanceRulesPage_ListsEveryRuleWithItsSeverityAndSource()
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("docs", "conformance-rules.md"));
        var documented = RuleRow().Matches(text).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}").ToList();

        Assert.Equal(
        [
            "USM-RMX-001 Error PROPOSAL", "USM-RMX-002 Error PROPOSAL", "USM-RMX-003 Error PROPOSAL",
            "USM-RMX-004 Warning PROPOSAL", "USM-RMX-005 Warning PROPOSAL", "USM-RMX-006 Info PROPOSAL",
        ], documented);
        Assert.Equal(RiskMatrixCheck.RuleIds, documented.Select(d => d[..11]));
    }

    private static IEnumerable<int[][]> MonotoneGrids(int effects, int likelihoods, int classes)
    {
        var grid = new int[effects][];
        for (var e = 0; e < effects; e++)
        {
            grid[e] = new int[likelihoods];
        }

        return Fill(0);

        IEnumerable<int[][]> Fill(int index)
        {
            if (index == effects * likelihoods)
            {
                yield return [.. grid.Select(r => r.ToArray())];
                yield break;
            }

            var (e, l) = (index / likelihoods, index % likelihoods);
            var least = Math.Max(e > 0 ? grid[e - 1][l] : 0, l > 0 ? grid[e][l - 1] : 0);
            for (var v = least; v < classes; v++)
            {
                grid[e][l] = v;
                foreach (var g in Fill(index + 1))
                {
                    yield return g;
                }
            }
        }
    }
}
