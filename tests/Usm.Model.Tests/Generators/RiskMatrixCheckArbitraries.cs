using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Improvement;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for <see cref="RiskMatrixCheck"/>: random quantifications with random monotone matrices on them.</summary>
internal static class RiskMatrixCheckArbitraries
{
    /// <summary>
    /// A 2-5 × 2-5 matrix with 2-4 classes on random ascending intervals (with gaps or touching, probabilities in [0, 1],
    /// consequences up to 10⁶), coloured either by thresholds on each cell's least risk or as an arbitrary monotone matrix.
    /// </summary>
    public static Arbitrary<CheckCase> Cases() =>
        (from effects in Gen.Choose(2, 5)
         from likelihoods in Gen.Choose(2, 5)
         from classes in Gen.Choose(2, 4)
         from consequenceSteps in Gen.ArrayOf(Gen.Choose(0, 30), 2 * effects)
         from probabilitySteps in Gen.ArrayOf(Gen.Choose(0, 30), 2 * likelihoods)
         from consequenceScale in Gen.Elements(1.0, 7.5, 1_000.0)
         from byThresholds in Gen.Elements(true, false)
         from thresholdPicks in Gen.ArrayOf(Gen.Choose(0, 1_000), classes - 1)
         from raw in Gen.ArrayOf(Gen.Choose(0, classes - 1), effects * likelihoods)
         select Build(effects, likelihoods, classes, consequenceSteps, probabilitySteps, consequenceScale, byThresholds, thresholdPicks, raw)).ToArbitrary();

    private static CheckCase Build(int effects, int likelihoods, int classes, int[] cSteps, int[] pSteps, double cScale, bool byThresholds, int[] picks, int[] raw)
    {
        var consequences = Intervals(cSteps, cScale, normalise: false);
        var probabilities = Intervals(pSteps, 1, normalise: true);
        var effectScale = new OrdinalScale("Effect", Enumerable.Range(0, effects).Select(i => "E" + i));
        var likelihoodScale = new OrdinalScale("Likelihood", Enumerable.Range(0, likelihoods).Select(i => "L" + i));
        var quantification = new RiskMatrixQuantification(effectScale, likelihoodScale, consequences, probabilities);
        var cells = new int[effects][];
        var maxRisk = quantification.RiskRange(effects - 1, likelihoods - 1).Upper;
        var thresholds = picks.Select(p => p / 1_000.0 * maxRisk).Order().ToArray();
        for (var e = 0; e < effects; e++)
        {
            cells[e] = new int[likelihoods];
            for (var l = 0; l < likelihoods; l++)
            {
                if (byThresholds)
                {
                    var least = quantification.RiskRange(e, l).Lower;
                    cells[e][l] = thresholds.Count(t => t <= least);
                }
                else
                {
                    var v = raw[(e * likelihoods) + l];
                    v = e > 0 ? Math.Max(v, cells[e - 1][l]) : v;
                    v = l > 0 ? Math.Max(v, cells[e][l - 1]) : v;
                    cells[e][l] = v;
                }
            }
        }

        return new CheckCase(new MatrixSpec(cells, classes), quantification, byThresholds);
    }

    // Pairs of cumulative steps: each interval is [s(2i), s(2i+1)] with a positive width; a zero step between intervals makes them touch.
    private static RiskInterval[] Intervals(int[] steps, double scale, bool normalise)
    {
        var points = new double[steps.Length];
        var sum = 0.0;
        for (var i = 0; i < steps.Length; i++)
        {
            sum += i % 2 == 1 ? steps[i] + 1 : steps[i];
            points[i] = sum;
        }

        var divisor = normalise ? Math.Max(points[^1], 1) : 1;
        return [.. Enumerable.Range(0, steps.Length / 2).Select(i => new RiskInterval(points[2 * i] / divisor * scale, points[(2 * i) + 1] / divisor * scale))];
    }
}

/// <summary>A generated matrix with its quantification; <paramref name="ByThresholds"/> says it was coloured by thresholds on the cells' least risk.</summary>
internal sealed record CheckCase(MatrixSpec Matrix, RiskMatrixQuantification Quantification, bool ByThresholds)
{
    public override string ToString() =>
        $"{Matrix} | consequences {string.Join(" ", Quantification.Consequences)} | probabilities {string.Join(" ", Quantification.Probabilities)} | thresholds {ByThresholds}";
}
