using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Assessment;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Scans for the serialization round-trip properties: the assessment area's random scans, plus an area that uses
/// every kind of USM element (workflow patterns included), irregular weights and scores, texts that need escaping,
/// and percentages with long fractions, so that every member of the format is exercised.
/// </summary>
internal static class AssessmentSerializationArbitraries
{
    private static readonly string[] s_texts = ["Is there a \"call\" register?", "Wens aannemen & déléguer", "line\nbreak\ttab", "emoji 🚀", "日本語", "  padded  "];

    /// <summary>A random scan on a random instrument with an extra, varied area.</summary>
    public static Arbitrary<Scan> Scans() => Gen.Choose(0, int.MaxValue).Select(seed => BuildScan(new Random(seed))).ToArbitrary();

    public static Scan BuildScan(Random random)
    {
        var basis = AssessmentArbitraries.BuildInstrument(random);
        var extra = new List<Question>();
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            var element = random.Next(5) switch
            {
                0 => UsmElement.For(WorkflowPattern.FromNumber(random.Next(1, 9))),
                1 => UsmElement.For((Prerequisite)random.Next(1, 11)),
                2 => UsmElement.For((Resource)random.Next(1, 4)),
                3 => UsmElement.For((UsmProcess)random.Next(1, 6)),
                _ => UsmElement.Services,
            };
            var scale = random.Next(3) switch
            {
                0 => AnswerScale.Ordinal(new ScaleLevel("lowest", -random.NextDouble()), new ScaleLevel("\"middle\"", random.NextDouble()), new ScaleLevel("top", 1 + random.NextDouble())),
                1 => AnswerScale.YesNo,
                _ => AnswerScale.Percentage,
            };
            extra.Add(new Question("x" + i, s_texts[random.Next(s_texts.Length)], scale, element, 0.001 + (random.NextDouble() * 10), random.Next(2) == 0 ? (ValueMaturityLevel)random.Next(1, 6) : null));
        }

        var instrument = new Instrument("gen-" + random.Next(100), random.Next(3) + ".0", s_texts[random.Next(s_texts.Length)], basis.Areas.Add(new InstrumentArea("extra", "Extra area", extra, 0.25 + random.NextDouble())));
        var respondents = Enumerable.Range(0, random.Next(0, 5)).Select(i => new Respondent("r" + i, s_texts[random.Next(s_texts.Length)])).ToList();
        var answers = new List<Answer>();
        foreach (var r in respondents)
        {
            foreach (var q in instrument.Questions.OrderBy(_ => random.Next()))
            {
                if (random.Next(5) != 0)
                {
                    var value = q.Scale.Kind == AnswerScaleKind.Percentage && random.Next(2) == 0
                        ? AnswerValue.Percent(random.NextDouble() * 100)
                        : AssessmentArbitraries.RandomAnswer(random, q.Scale);
                    answers.Add(new Answer(r.Id, q.Id, value));
                }
            }
        }

        return new Scan("scan-" + random.Next(1000), instrument, new LocalDate(2020, 1, 1).PlusDays(random.Next(0, 4000)), respondents, answers);
    }
}
