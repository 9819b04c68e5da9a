using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Reading and writing the preference analyses' inputs: N pairwise comparisons and N ranked ballots over 100
/// candidates (seeded), against a baseline that only parses the comparisons document into a <see cref="JsonDocument"/>.
/// </summary>
[MemoryDiagnoser]
public class AnalysisJsonBenchmarks
{
    private static readonly ReaderOptions s_options = ReaderOptions.Default.WithMaxCollectionItems(1_000_000).WithMaxDocumentBytes(256 * 1024 * 1024);
    private PairwiseProfile _profile = null!;
    private RankedBallots _ballots = null!;
    private string _comparisonsJson = string.Empty;
    private string _ballotsJson = string.Empty;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261201);
        var ids = Enumerable.Range(0, 100).Select(i => "c" + i).ToArray();
        var comparisons = new PairwiseComparison[N];
        var ballots = new Ballot[N];
        for (var k = 0; k < N; k++)
        {
            var a = random.Next(ids.Length);
            var b = (a + 1 + random.Next(ids.Length - 1)) % ids.Length;
            comparisons[k] = random.Next(5) == 0 ? PairwiseComparison.Tie(ids[a], ids[b]) : PairwiseComparison.Win(ids[a], ids[b], 1 + random.Next(3));
            ballots[k] = Ballot.Ranking([.. ids.OrderBy(_ => random.Next()).Take(1 + random.Next(10))]);
        }

        _profile = new PairwiseProfile(ids, comparisons);
        _ballots = new RankedBallots(ids, ballots);
        _comparisonsJson = UsmJson.WritePairwiseComparisons(_profile);
        _ballotsJson = UsmJson.WriteRankedBallots(_ballots);
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(_comparisonsJson);
        return document.RootElement.GetProperty("pairwise-comparisons").GetProperty("comparisons").GetArrayLength();
    }

    [Benchmark]
    public int ReadPairwiseComparisons() => UsmJson.ReadPairwiseComparisons(_comparisonsJson, s_options).Value.Comparisons.Length;

    [Benchmark]
    public int WritePairwiseComparisons() => UsmJson.WritePairwiseComparisons(_profile).Length;

    [Benchmark]
    public int ReadRankedBallots() => UsmJson.ReadRankedBallots(_ballotsJson, s_options).Value.Ballots.Length;

    [Benchmark]
    public int WriteRankedBallots() => UsmJson.WriteRankedBallots(_ballots).Length;
}
