using BenchmarkDotNet.Attributes;
using Usm.Model.Improvement;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Checking N random monotone 5 × 5 risk matrices (three classes) against Cox's conditions on equal-width axes, against
/// a baseline that only computes every cell's risk range (the floor every check pays).
/// </summary>
[MemoryDiagnoser]
public class RiskMatrixCheckBenchmarks
{
    private RiskMatrix[] _matrices = [];
    private RiskMatrixQuantification _quantification = null!;

    /// <summary>The number of matrices checked per operation.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N;

    /// <summary>1,000 matrices in a full run; 100 in the CI smoke run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000], 100);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var effects = new OrdinalScale("Effect", ["E1", "E2", "E3", "E4", "E5"]);
        var likelihoods = new OrdinalScale("Likelihood", ["L1", "L2", "L3", "L4", "L5"]);
        var classes = new OrdinalScale("Priority", ["Low", "Medium", "High"]);
        _quantification = RiskMatrixQuantification.EqualWidth(effects, likelihoods);
        _matrices = new RiskMatrix[N];
        for (var i = 0; i < N; i++)
        {
            // A running maximum over random classes is monotone.
            var cells = new int[5, 5];
            for (var e = 0; e < 5; e++)
            {
                for (var l = 0; l < 5; l++)
                {
                    var below = Math.Max(e > 0 ? cells[e - 1, l] : 0, l > 0 ? cells[e, l - 1] : 0);
                    cells[e, l] = Math.Max(below, random.Next(3));
                }
            }

            _matrices[i] = RiskMatrix.FromFunction(effects, likelihoods, classes, (e, l) => cells[e, l]);
        }
    }

    /// <summary>The floor: every cell's risk range and class, once per matrix.</summary>
    [Benchmark(Baseline = true)]
    public double RiskRanges()
    {
        var sum = 0.0;
        foreach (var matrix in _matrices)
        {
            for (var e = 0; e < 5; e++)
            {
                for (var l = 0; l < 5; l++)
                {
                    sum += _quantification.RiskRange(e, l).Upper * matrix.ClassOf(e, l);
                }
            }
        }

        return sum;
    }

    /// <summary>The full check of every matrix.</summary>
    [Benchmark]
    public int Check()
    {
        var findings = 0;
        foreach (var matrix in _matrices)
        {
            findings += RiskMatrixCheck.Check(matrix, _quantification).Findings.Length;
        }

        return findings;
    }
}
