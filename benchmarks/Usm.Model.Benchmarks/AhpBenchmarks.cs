using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// AHP weights for a batch of random reciprocal matrices on Saaty's scale: the principal eigenvector by power iteration
/// (allocation-free span core, and the full <see cref="Ahp.Weigh"/> with its result object) against the geometric-mean
/// method as baseline. Target: at least 100,000 evaluations per second per core at n = 9.
/// </summary>
[MemoryDiagnoser]
public class AhpBenchmarks
{
    private const int Batch = 256;
    private static readonly double[] s_scale = [1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3, 1.0 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    private AhpMatrix[] _matrices = [];
    private double[] _weights = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([3, 9, 15], 3);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _matrices = new AhpMatrix[Batch];
        for (var m = 0; m < Batch; m++)
        {
            // Mostly consistent judgements with noise, as real assessors give: round w(i)/w(j) to the scale.
            var w = Enumerable.Range(0, N).Select(_ => 1 + (8 * random.NextDouble())).ToArray();
            var upper = new List<double>();
            for (var i = 0; i < N; i++)
            {
                for (var j = i + 1; j < N; j++)
                {
                    var ratio = w[i] / w[j] * Math.Exp((random.NextDouble() - 0.5) * 0.8);
                    upper.Add(s_scale.MinBy(s => Math.Abs(Math.Log(s / ratio))));
                }
            }

            _matrices[m] = AhpMatrix.FromUpperTriangle(N, upper);
        }

        _weights = new double[N];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public double GeometricMean()
    {
        var sum = 0.0;
        foreach (var m in _matrices)
        {
            sum += Ahp.ComputeWeights(m.Cells, N, _weights, AhpWeighting.GeometricMean);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double Eigenvector()
    {
        var sum = 0.0;
        foreach (var m in _matrices)
        {
            sum += Ahp.ComputeWeights(m.Cells, N, _weights);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double WeighWithConsistency()
    {
        var sum = 0.0;
        foreach (var m in _matrices)
        {
            sum += Ahp.Weigh(m).ConsistencyRatio;
        }

        return sum;
    }
}
