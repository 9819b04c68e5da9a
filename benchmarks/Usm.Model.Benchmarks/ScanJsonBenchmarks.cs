using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Serialization;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Reading and writing a scan of the baseline instrument with N respondents (every one answering every question),
/// against a baseline that only parses the same text into a <see cref="JsonDocument"/>.
/// </summary>
[MemoryDiagnoser]
public class ScanJsonBenchmarks
{
    private static readonly ReaderOptions s_options = ReaderOptions.Default.WithMaxCollectionItems(1_000_000).WithMaxDocumentBytes(256 * 1024 * 1024);
    private Scan _scan = null!;
    private string _json = string.Empty;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([10, 1_000], 10);

    [GlobalSetup]
    public void Setup()
    {
        var instrument = UsmInstruments.Baseline;
        var respondents = Enumerable.Range(0, N).Select(i => new Respondent("r" + i, "staff")).ToList();
        var answers = respondents.SelectMany(r => instrument.Questions.Select((q, k) => new Answer(r.Id, q.Id, q.Scale.Kind switch
        {
            AnswerScaleKind.Ordinal => AnswerValue.Level(q.Scale.Levels[k % q.Scale.Levels.Length].Label),
            AnswerScaleKind.YesNo => AnswerValue.FromBoolean(k % 2 == 0),
            _ => AnswerValue.Percent(k % 101),
        })));
        _scan = new Scan("bench", instrument, new LocalDate(2026, 1, 5), respondents, answers);
        _json = UsmJson.WriteScan(_scan);
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("scan").GetProperty("answers").GetArrayLength();
    }

    [Benchmark]
    public int ReadScan() => UsmJson.ReadScan(_json, s_options).Value.Answers.Length;

    [Benchmark]
    public int WriteScan() => UsmJson.WriteScan(_scan).Length;
}
