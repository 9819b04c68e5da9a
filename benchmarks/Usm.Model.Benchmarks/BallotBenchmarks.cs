using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Counting the sounding-board group's ballots: Schulze (pairwise matrix plus O(n³) widest paths) and Borda, against
/// building the pairwise preference matrix alone as baseline. Full run: 200 candidates × 10,000 ballots; smoke run:
/// 20 × 200.
/// </summary>
[MemoryDiagnoser]
public class BallotBenchmarks
{
    private string[] _candidates = [];
    private Ballot[] _ballots = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([200], 20);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var ballots = N >= 200 ? 10_000 : 200;
        _candidates = [.. Enumerable.Range(0, N).Select(i => "improvement-" + i)];
        _ballots = new Ballot[ballots];
        for (var b = 0; b < ballots; b++)
        {
            var order = (string[])_candidates.Clone();
            random.Shuffle(order);
            var ranks = new List<List<string>>();
            foreach (var id in order)
            {
                if (ranks.Count == 0 || random.Next(10) != 0)
                {
                    ranks.Add([id]);
                }
                else
                {
                    ranks[^1].Add(id);
                }
            }

            _ballots[b] = new Ballot(ranks);
        }
    }

    [Benchmark(Baseline = true)]
    public int PairwiseMatrixOnly() => BallotCount.PairwisePreferences(_candidates, _ballots).TotalVoters;

    [Benchmark]
    public int Schulze() => BallotCount.Schulze(_candidates, _ballots).Candidates.Length;

    [Benchmark]
    public double Borda() => BallotCount.Borda(_candidates, _ballots).TotalPoints;
}
