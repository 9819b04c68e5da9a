using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// WPM, WASPAS and VIKOR rankings of n candidates on four positive criteria. Baseline: SAW with max normalisation on
/// the same criteria (the cheapest weighted method). Expectation: WPM a small multiple of the baseline (one logarithm
/// per value and one exponential per candidate), WASPAS about SAW + WPM, VIKOR a few passes plus its S, R and Q arrays;
/// all linear in n before the sort. <c>Compromise</c> adds a comparison sort of n candidates by Q.
/// </summary>
[MemoryDiagnoser]
public class WpmWaspasVikorBenchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private RankingMethod _saw = null!;
    private RankingMethod _wpm = null!;
    private RankingMethod _waspas = null!;
    private VikorMethod _vikor = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_set, var criteria) = BenchmarkSets.FourCriteria(N);
        _saw = RankingMethod.WeightedSum(criteria, SawNormalisation.Max);
        _wpm = RankingMethod.WeightedProduct(criteria);
        _waspas = RankingMethod.Waspas(criteria);
        _vikor = RankingMethod.Vikor(criteria);
    }

    [Benchmark(Baseline = true)]
    public Ranking SawMax() => Prioritiser.Rank(_set, _saw);

    [Benchmark]
    public Ranking Wpm() => Prioritiser.Rank(_set, _wpm);

    [Benchmark]
    public Ranking Waspas() => Prioritiser.Rank(_set, _waspas);

    [Benchmark]
    public Ranking Vikor() => Prioritiser.Rank(_set, _vikor);

    [Benchmark]
    public Ranking VikorTop100() => Prioritiser.Top(_set, _vikor, 100);

    [Benchmark]
    public VikorCompromise VikorCompromise() => _vikor.Compromise(_set);
}
