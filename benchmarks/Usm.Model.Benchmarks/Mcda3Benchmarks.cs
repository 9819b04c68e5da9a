using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// MABAC, the three MOORA parts, MULTIMOORA and SPOTIS rankings of n candidates on four positive criteria. Baseline:
/// SAW with max normalisation on the same criteria. Expectation: the ratio system, the reference point and SPOTIS a
/// small multiple of the baseline (one or two passes per column); MABAC one logarithm per value plus the exact sum of
/// the logarithms; the multiplicative form one logarithm per value; MULTIMOORA the three parts plus three comparison
/// sorts and the O(n log² n) dominance count.
/// </summary>
[MemoryDiagnoser]
public class Mcda3Benchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private RankingMethod _saw = null!;
    private RankingMethod _mabac = null!;
    private RankingMethod _ratio = null!;
    private RankingMethod _reference = null!;
    private RankingMethod _multiplicative = null!;
    private RankingMethod _multimoora = null!;
    private RankingMethod _spotis = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_set, var criteria) = BenchmarkSets.FourCriteria(N);
        _saw = RankingMethod.WeightedSum(criteria, SawNormalisation.Max);
        _mabac = RankingMethod.Mabac(criteria);
        _ratio = RankingMethod.MooraRatio(criteria);
        _reference = RankingMethod.MooraReferencePoint(criteria);
        _multiplicative = RankingMethod.MooraMultiplicative(criteria);
        _multimoora = RankingMethod.Multimoora(criteria);

        // The generated values lie in [1, scale + 1]; the bounds hold them.
        _spotis = RankingMethod.Spotis(criteria,
        [
            new("value", new SpotisBounds(0, 102)),
            new("urgency", new SpotisBounds(0, 12)),
            new("cost", new SpotisBounds(0, 1002)),
            new("risk", new SpotisBounds(0, 7)),
        ]);
    }

    [Benchmark(Baseline = true)]
    public Ranking SawMax() => Prioritiser.Rank(_set, _saw);

    [Benchmark]
    public Ranking Mabac() => Prioritiser.Rank(_set, _mabac);

    [Benchmark]
    public Ranking MooraRatio() => Prioritiser.Rank(_set, _ratio);

    [Benchmark]
    public Ranking MooraReferencePoint() => Prioritiser.Rank(_set, _reference);

    [Benchmark]
    public Ranking MooraMultiplicative() => Prioritiser.Rank(_set, _multiplicative);

    [Benchmark]
    public Ranking Multimoora() => Prioritiser.Rank(_set, _multimoora);

    [Benchmark]
    public Ranking Spotis() => Prioritiser.Rank(_set, _spotis);
}
