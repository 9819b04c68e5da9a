using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Pairwise comparisons: a Bradley–Terry fit (Hunter's MM, one virtual tie per candidate) and an Elo run over N
/// comparison records among 100 candidates, against building and validating the profile as baseline. Outcomes are drawn
/// from hidden Bradley–Terry strengths (seed 42), one record in ten a tie. Full run: N = 1,000 and 100,000; smoke run:
/// N = 1,000.
/// </summary>
[MemoryDiagnoser]
public class PairwiseBenchmarks
{
    private static readonly BradleyTerryOptions s_options = new(virtualTies: 1);
    private string[] _candidates = [];
    private PairwiseComparison[] _comparisons = [];
    private PairwiseProfile _profile = null!;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_candidates, _comparisons) = BenchmarkSets.PairwiseRecords(N);
        _profile = new PairwiseProfile(_candidates, _comparisons);
    }

    [Benchmark(Baseline = true)]
    public int BuildProfile() => new PairwiseProfile(_candidates, _comparisons).TotalCount;

    [Benchmark]
    public int BradleyTerryFit() => BradleyTerry.Fit(_profile, s_options).Iterations;

    [Benchmark]
    public double EloRate() => Elo.Rate(_profile).TotalRating;
}
