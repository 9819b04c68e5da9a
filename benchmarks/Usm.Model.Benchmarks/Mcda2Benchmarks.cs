using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// EDAS, CODAS, COPRAS and ARAS rankings of n candidates on four positive criteria. Baseline: SAW with max normalisation
/// on the same criteria. Expectation: EDAS, COPRAS and ARAS a few linear passes per column plus one correctly rounded
/// column sum each (a small multiple of the baseline); CODAS adds a comparison sort of the candidates by (E, T), so it
/// grows as n log n but stays far from the n² pairs of the definition.
/// </summary>
[MemoryDiagnoser]
public class Mcda2Benchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private RankingMethod _saw = null!;
    private RankingMethod _edas = null!;
    private RankingMethod _codas = null!;
    private RankingMethod _copras = null!;
    private RankingMethod _aras = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_set, var criteria) = BenchmarkSets.FourCriteria(N);
        _saw = RankingMethod.WeightedSum(criteria, SawNormalisation.Max);
        _edas = RankingMethod.Edas(criteria);
        _codas = RankingMethod.Codas(criteria);
        _copras = RankingMethod.Copras(criteria);
        _aras = RankingMethod.Aras(criteria);
    }

    [Benchmark(Baseline = true)]
    public Ranking SawMax() => Prioritiser.Rank(_set, _saw);

    [Benchmark]
    public Ranking Edas() => Prioritiser.Rank(_set, _edas);

    [Benchmark]
    public Ranking Codas() => Prioritiser.Rank(_set, _codas);

    [Benchmark]
    public Ranking Copras() => Prioritiser.Rank(_set, _copras);

    [Benchmark]
    public Ranking Aras() => Prioritiser.Rank(_set, _aras);
}
