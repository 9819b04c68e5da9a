using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Weight sensitivity of a SAW ranking of n candidates on four criteria. Baseline: the one full ranking the analysis
/// starts from. Expectation: the whole analysis (the ranking, then per criterion one slope pass and one pass over the
/// neighbouring pairs and the top candidate's rivals) costs a small multiple of the baseline, linear in n; a rank
/// interval of one candidate is a single O(n) pass. The naive alternative, re-ranking at trial weights, costs one full
/// ranking per trial.
/// </summary>
[MemoryDiagnoser]
public class WeightSensitivityBenchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private WeightedSumMethod _saw = null!;
    private WeightSensitivityResult _result = null!;
    private string _middle = "";

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_set, var criteria) = BenchmarkSets.FourCriteria(N);
        _saw = RankingMethod.WeightedSum(criteria, SawNormalisation.MinMax);
        _result = WeightSensitivity.Analyse(_set, _saw);
        _middle = _result.Ranking[N / 2].Id;
    }

    [Benchmark(Baseline = true)]
    public Ranking RankOnce() => Prioritiser.Rank(_set, _saw);

    [Benchmark]
    public WeightSensitivityResult Analyse() => WeightSensitivity.Analyse(_set, _saw);

    [Benchmark]
    public WeightInterval RankIntervalOfOne() => _result.RankInterval("value", _middle);
}
