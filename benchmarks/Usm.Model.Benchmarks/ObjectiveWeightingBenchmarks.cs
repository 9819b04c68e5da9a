using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Objective weights of n candidates on four criteria. Baseline: one pass computing each criterion's mean, the least
/// any data-derived weighting must do. Expectation: entropy and standard deviation cost a few such passes (two to three
/// per criterion); CRITIC adds one pass per pair of criteria and MEREC a logarithm per value plus O(m²) sums per
/// candidate, so both are a larger multiple, still linear in n.
/// </summary>
[MemoryDiagnoser]
public class ObjectiveWeightingBenchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private Criterion[] _criteria = [];
    private double[][] _columns = [];

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_set, _criteria) = BenchmarkSets.FourCriteria(N);
        _columns = [.. _criteria.Select(c => _set.Column(c.Name).ToArray())];
    }

    [Benchmark(Baseline = true)]
    public double ColumnMeans()
    {
        var total = 0.0;
        foreach (var column in _columns)
        {
            var sum = 0.0;
            foreach (var v in column)
            {
                sum += v;
            }

            total += sum / column.Length;
        }

        return total;
    }

    [Benchmark]
    public ObjectiveWeights Entropy() => ObjectiveWeighting.Entropy(_set, _criteria);

    [Benchmark]
    public ObjectiveWeights Critic() => ObjectiveWeighting.Critic(_set, _criteria);

    [Benchmark]
    public ObjectiveWeights StandardDeviation() => ObjectiveWeighting.StandardDeviation(_set, _criteria);

    [Benchmark]
    public ObjectiveWeights Merec() => ObjectiveWeighting.Merec(_set, _criteria);
}
