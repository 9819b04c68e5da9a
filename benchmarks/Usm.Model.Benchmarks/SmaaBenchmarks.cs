using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// SMAA-2 of a SAW ranking of n candidates on four criteria with 1,000 sampled weight vectors. Baseline: 1,000 full SAW
/// rankings through <see cref="Prioritiser.Rank"/> with one fixed method. <see cref="RankWithNewWeightsPerSample"/> is
/// the loop a caller would write (build SAW with new weights, rank), without any counting. Expectation: the analysis
/// costs about that loop (samples × one ranking: each sample builds the method, scores, and sorts into reused buffers
/// instead of allocating a ranking), plus one ranking per candidate that is ever first and O(n) counting per sample; the
/// fixed-method baseline is somewhat cheaper because it skips building the method and ranks the same scores every time.
/// Measured results are in benchmarks/README.md (session 8: the analysis about twice the caller's loop). Memory: n × n rank counters (4 MB at n = 1,000) on top of the rankings' own allocations.
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

    /// <summary>What a caller's own loop would do: build SAW with new weights each time, then rank (no counting).</summary>
    [Benchmark]
    public int RankWithNewWeightsPerSample()
    {
        var firsts = 0;
        for (var s = 0; s < Samples; s++)
        {
            var t = (s + 0.5) / Samples;
            var method = RankingMethod.WeightedSum(
                [Criterion.Benefit("value", t), Criterion.Benefit("urgency", (1 - t) / 2), Criterion.Cost("cost", (1 - t) / 4), Criterion.Benefit("risk", (1 - t) / 4)],
                SawNormalisation.MinMax);
            firsts += Prioritiser.Rank(_set, method).Count;
        }

        return firsts;
    }

    [Benchmark]
    public SmaaResult Analyse() => Smaa.Analyse(_set, _criteria, Saw, _options);

    [Benchmark]
    public SmaaResult AnalyseRankedWeights() => Smaa.Analyse(_set, _criteria, Saw, _options.WithWeights(SmaaWeights.Ranked(["value", "cost", "urgency", "risk"])));
}
