using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// SMAA-2 of a SAW ranking of n candidates on four criteria with 1,000 sampled weight vectors. Baseline: 1,000 full SAW
/// rankings through <see cref="Prioritiser.Rank"/> (one per sample, as a caller would write the loop). Expectation: the
/// analysis costs about the baseline (samples × one ranking: each sample builds the method and scores and sorts into
/// reused buffers instead of allocating a ranking), plus one ranking per candidate that is ever first and the O(n)
/// counting per sample; linear in the samples, n log n at worst in n.
/// </summary>
[MemoryDiagnoser]
public class SmaaBenchmarks
{
    private const int Samples = 1_000;

    private CandidateSet _set = CandidateSet.Empty;
    private Criterion[] _criteria = [];
    private WeightedSumMethod _saw = null!;
    private SmaaOptions _options = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([100, 1_000], 100);

    private static RankingMethod Saw(ImmutableArray<Criterion> criteria) => RankingMethod.WeightedSum(criteria, SawNormalisation.MinMax);

    [GlobalSetup]
    public void Setup()
    {
        (_set, _criteria) = BenchmarkSets.FourCriteria(N);
        _saw = RankingMethod.WeightedSum(_criteria, SawNormalisation.MinMax);
        _options = new SmaaOptions(Samples);
    }

    [Benchmark(Baseline = true)]
    public int RankOncePerSample()
    {
        var firsts = 0;
        for (var s = 0; s < Samples; s++)
        {
            firsts += Prioritiser.Rank(_set, _saw).Count;
        }

        return firsts;
    }

    [Benchmark]
    public SmaaResult Analyse() => Smaa.Analyse(_set, _criteria, Saw, _options);

    [Benchmark]
    public SmaaResult AnalyseRankedWeights() => Smaa.Analyse(_set, _criteria, Saw, _options.WithWeights(SmaaWeights.Ranked(["value", "cost", "urgency", "risk"])));
}
