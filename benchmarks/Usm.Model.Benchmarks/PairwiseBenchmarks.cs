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
        var random = new Random(42);
        _candidates = [.. Enumerable.Range(0, 100).Select(i => "improvement-" + i)];
        var strength = _candidates.Select(_ => Math.Exp(2 * random.NextDouble())).ToArray();
        _comparisons = new PairwiseComparison[N];
        for (var k = 0; k < N; k++)
        {
            var a = random.Next(100);
            var b = (a + 1 + random.Next(99)) % 100;
            _comparisons[k] = random.Next(10) == 0 ? PairwiseComparison.Tie(_candidates[a], _candidates[b])
                : random.NextDouble() < strength[a] / (strength[a] + strength[b]) ? PairwiseComparison.Win(_candidates[a], _candidates[b])
                : PairwiseComparison.Win(_candidates[b], _candidates[a]);
        }

        _profile = new PairwiseProfile(_candidates, _comparisons);
    }

    [Benchmark(Baseline = true)]
    public int BuildProfile() => new PairwiseProfile(_candidates, _comparisons).TotalCount;

    [Benchmark]
    public int BradleyTerryFit() => BradleyTerry.Fit(_profile, s_options).Iterations;

    [Benchmark]
    public double EloRate() => Elo.Rate(_profile).TotalRating;
}
