using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// MoSCoW: ranking n items by category (four classes) and a within-category value, and the timebox check on the same
/// items. Baseline: the USM risk matrix on the same set (also classes plus a score). Expected: the ranking costs about
/// the same as the matrix (one pass, then the class sort); the check is one sort by category and id, O(n log n).
/// </summary>
[MemoryDiagnoser]
public class MoscowBenchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private RankingMethod _matrix = null!;
    private RankingMethod _moscow = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        double[] Levels(int max) => [.. Enumerable.Range(0, N).Select(_ => (double)random.Next(1, max + 1))];
        _set = CandidateSet.FromColumns(
            [.. Enumerable.Range(0, N).Select(i => "I-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture))],
            [
                KeyValuePair.Create("effect", (IReadOnlyList<double>)Levels(5)),
                KeyValuePair.Create("likelihood", (IReadOnlyList<double>)Levels(5)),
                KeyValuePair.Create("moscow", (IReadOnlyList<double>)Levels(4)),
                KeyValuePair.Create("value", (IReadOnlyList<double>)Levels(100)),
            ],
            Levels(8));
        _matrix = RankingMethod.RiskMatrix("effect", "likelihood");
        _moscow = RankingMethod.Moscow("moscow", "value");
    }

    [Benchmark(Baseline = true)]
    public Ranking RiskMatrix() => Prioritiser.Rank(_set, _matrix);

    [Benchmark]
    public Ranking Moscow() => Prioritiser.Rank(_set, _moscow);

    [Benchmark]
    public MoscowTimeboxResult TimeboxCheck() => MoscowTimebox.Check(_set, "moscow", capacity: N * 2.5);
}

/// <summary>
/// Kano: evaluating a survey of n responses (n / 20 features, 20 respondents each). Baseline: classifying the same n
/// answer pairs through the evaluation table alone. Expected: evaluation adds the survey's sort by feature and
/// respondent (O(n log n)) and one result object per feature.
/// </summary>
[MemoryDiagnoser]
public class KanoBenchmarks
{
    private KanoResponse[] _responses = [];
    private KanoSurvey _survey = KanoSurvey.Empty;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _responses = [.. Enumerable.Range(0, N).Select(i => new KanoResponse(
            "F-" + (i / 20).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            "r" + (i % 20).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            (KanoAnswer)random.Next(1, 6),
            (KanoAnswer)random.Next(1, 6)))];
        _survey = new KanoSurvey(_responses);
    }

    [Benchmark(Baseline = true)]
    public int ClassifyOnly()
    {
        var attractive = 0;
        foreach (var r in _responses)
        {
            attractive += Kano.Classify(r.Functional, r.Dysfunctional) == KanoCategory.Attractive ? 1 : 0;
        }

        return attractive;
    }

    [Benchmark]
    public KanoResult Evaluate() => _survey.Evaluate();

    [Benchmark]
    public KanoResult BuildAndEvaluate() => new KanoSurvey(_responses).Evaluate();
}
