using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Fitting Plackett–Luce to the sounding-board group's ballots, against the Borda count of the same ballots as
/// baseline. 200 candidates; N ballots (1,000 or 10,000; smoke run: 20 candidates × 100 ballots). Ballots are drawn
/// from a Plackett–Luce model with worths exp(−i / 40) (Gumbel trick, seed 42): full rankings with about one rank in
/// ten tied with the next, and top-10 ballots (unranked candidates below the ranked ones, one virtual tie each, since
/// with few ballots some weak candidate is never chosen).
/// </summary>
[MemoryDiagnoser]
public class PlackettLuceBenchmarks
{
    private static readonly PlackettLuceOptions s_regularised = new(virtualTies: 1);

    private string[] _candidates = [];
    private Ballot[] _full = [];
    private Ballot[] _top10 = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 10_000], 100);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var candidates = N >= 1_000 ? 200 : 20;
        _candidates = [.. Enumerable.Range(0, candidates).Select(i => "improvement-" + i)];
        _full = new Ballot[N];
        _top10 = new Ballot[N];
        var keys = new double[candidates];
        for (var b = 0; b < N; b++)
        {
            for (var i = 0; i < candidates; i++)
            {
                // log worth + Gumbel noise; sorting descending draws a Plackett–Luce ranking.
                keys[i] = (-i / 40.0) - Math.Log(-Math.Log(1 - random.NextDouble()));
            }

            var order = Enumerable.Range(0, candidates).OrderByDescending(i => keys[i]).Select(i => _candidates[i]).ToArray();
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

            _full[b] = new Ballot(ranks);
            _top10[b] = Ballot.Ranking(order[..10]);
        }
    }

    [Benchmark(Baseline = true)]
    public double BordaOfFullRankings() => BallotCount.Borda(_candidates, _full).TotalPoints;

    [Benchmark]
    public double FitFullRankings() => PlackettLuce.Fit(_candidates, _full).LogLikelihood;

    [Benchmark]
    public double FitTop10Ballots() => PlackettLuce.Fit(_candidates, _top10, s_regularised).LogLikelihood;
}
