using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Glicko-2 over N comparison records among 100 candidates, against Elo on the same profile as baseline: the profile as
/// one rating period, and the same records split into ten periods of N/10. Outcomes are drawn from hidden Bradley–Terry
/// strengths (seed 42), one record in ten a tie. Full run: N = 1,000 and 100,000; smoke run: N = 1,000.
/// </summary>
[MemoryDiagnoser]
public class Glicko2Benchmarks
{
    private PairwiseProfile _profile = null!;
    private PairwiseProfile[] _periods = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var (candidates, comparisons) = BenchmarkSets.PairwiseRecords(N);
        _profile = new PairwiseProfile(candidates, comparisons);
        _periods = [.. comparisons.Chunk(Math.Max(1, N / 10)).Select(chunk => new PairwiseProfile(candidates, chunk))];
    }

    [Benchmark(Baseline = true)]
    public double EloRate() => Elo.Rate(_profile).TotalRating;

    [Benchmark]
    public double Glicko2OnePeriod() => Glicko2.Rate(_profile).Candidates[0].Rating;

    [Benchmark]
    public double Glicko2TenPeriods() => Glicko2.Rate(_periods).Candidates[0].Rating;
}
