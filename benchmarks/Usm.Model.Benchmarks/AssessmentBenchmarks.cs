using BenchmarkDotNet.Attributes;
using NodaTime;
using Usm.Model.Assessment;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Scoring a scan on the shipped baseline instrument (53 questions) with about <see cref="N"/> answers, against a naive
/// LINQ baseline that groups answers by question and averages them without ratings, missing-answer handling or
/// order-independent summation.
/// </summary>
[MemoryDiagnoser]
public class AssessmentBenchmarks
{
    private Scan _scan = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var instrument = UsmInstruments.Baseline;
        var respondents = Enumerable.Range(0, Math.Max(1, N / instrument.Questions.Length)).Select(i => new Respondent("r" + i, "staff")).ToList();
        var answers = new List<Answer>();
        foreach (var r in respondents)
        {
            foreach (var q in instrument.Questions)
            {
                if (random.Next(10) == 0)
                {
                    continue;
                }

                var value = q.Scale.Kind switch
                {
                    AnswerScaleKind.Ordinal => AnswerValue.Level(q.Scale.Levels[random.Next(q.Scale.Levels.Length)].Label),
                    AnswerScaleKind.YesNo => AnswerValue.FromBoolean(random.Next(2) == 0),
                    _ => AnswerValue.Percent(random.Next(101)),
                };
                answers.Add(new Answer(r.Id, q.Id, value));
            }
        }

        _scan = new Scan("bench", instrument, new LocalDate(2026, 1, 1), respondents, answers);
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinqMeans()
    {
        var instrument = _scan.Instrument;
        var byQuestion = _scan.Answers
            .GroupBy(a => a.QuestionId)
            .ToDictionary(g => g.Key, g => g.Average(a => instrument.FindQuestion(a.QuestionId)!.Scale.Achievement(a.Value)));
        return instrument.Areas
            .Select(area => area.Questions.Where(q => byQuestion.ContainsKey(q.Id)).Select(q => byQuestion[q.Id]).DefaultIfEmpty(0).Average())
            .Average();
    }

    [Benchmark]
    public double? Score() => _scan.Score().Overall;
}
