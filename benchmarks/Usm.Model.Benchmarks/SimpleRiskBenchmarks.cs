using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Ranking n risks by a SimpleRisk formula on 5 × 5 levels. Baseline: the USM risk matrix on the same levels (one
/// table lookup and the product per risk). Expected: the same order of cost; a SimpleRisk score is a few integer
/// operations and one division, and its scores tie often (25 cells), like the matrix's.
/// </summary>
[MemoryDiagnoser]
public class SimpleRiskBenchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private RankingMethod _matrix = null!;
    private RankingMethod _classic = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        double[] Levels() => [.. Enumerable.Range(0, N).Select(_ => (double)random.Next(1, 6))];
        _set = CandidateSet.FromColumns(
            [.. Enumerable.Range(0, N).Select(i => "R-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture))],
            [KeyValuePair.Create("effect", (IReadOnlyList<double>)Levels()), KeyValuePair.Create("likelihood", (IReadOnlyList<double>)Levels())]);
        _matrix = RankingMethod.RiskMatrix("effect", "likelihood");
        _classic = RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "likelihood", "effect");
    }

    [Benchmark(Baseline = true)]
    public Ranking RiskMatrix() => Prioritiser.Rank(_set, _matrix);

    [Benchmark]
    public Ranking SimpleRiskClassic() => Prioritiser.Rank(_set, _classic);

    [Benchmark]
    public Ranking SimpleRiskClassicTop100() => Prioritiser.Top(_set, _classic, 100);
}
