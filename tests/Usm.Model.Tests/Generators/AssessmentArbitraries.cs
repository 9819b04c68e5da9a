using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Assessment;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Generators for the assessment area. Each case is built from one generated seed with a seeded <see cref="Random"/>,
/// so every case is reproducible from FsCheck's replay seed.
/// </summary>
internal static class AssessmentArbitraries
{
    private static readonly AnswerScale[] s_scales = [AnswerScale.FiveLevel, AnswerScale.YesNo, AnswerScale.Percentage, AnswerScale.Ordinal(new ScaleLevel("low", -2), new ScaleLevel("mid", 1), new ScaleLevel("high", 7))];
    private static readonly double[] s_weights = [0.5, 1, 1, 2, 3];

    /// <summary>Random instruments: 1-4 areas of 1-5 questions with mixed scales and weights.</summary>
    public static Arbitrary<Instrument> Instruments() => Gen.Choose(0, int.MaxValue).Select(seed => BuildInstrument(new Random(seed))).ToArbitrary();

    /// <summary>Random scans on random instruments, with 0-6 respondents and about one answer in five missing.</summary>
    public static Arbitrary<Scan> Scans() => Gen.Choose(0, int.MaxValue).Select(seed =>
    {
        var random = new Random(seed);
        return BuildScan(random, BuildInstrument(random), "scan", new LocalDate(2026, 1, 5), missingShare: 0.2);
    }).ToArbitrary();

    /// <summary>Random complete scans (every respondent answers every question; at least one respondent).</summary>
    public static Arbitrary<Scan> CompleteScans() => Gen.Choose(0, int.MaxValue).Select(seed =>
    {
        var random = new Random(seed);
        return BuildScan(random, BuildInstrument(random), "scan", new LocalDate(2026, 1, 5), missingShare: 0, minRespondents: 1);
    }).ToArbitrary();

    /// <summary>Random scans on the shipped baseline instrument.</summary>
    public static Arbitrary<Scan> BaselineScans() => Gen.Choose(0, int.MaxValue).Select(seed =>
        BuildScan(new Random(seed), UsmInstruments.Baseline, "baseline", new LocalDate(2026, 1, 5), missingShare: 0.1, minRespondents: 1)).ToArbitrary();

    /// <summary>All scoring option combinations.</summary>
    public static Gen<ScoringOptions> Options() =>
        from statistic in Gen.Elements(AnswerStatistic.Mean, AnswerStatistic.Median, AnswerStatistic.Minimum)
        from area in Gen.Elements(ScoreAggregation.WeightedMean, ScoreAggregation.WeakestLink, ScoreAggregation.ThresholdLadder)
        from overall in Gen.Elements(ScoreAggregation.WeightedMean, ScoreAggregation.WeakestLink, ScoreAggregation.ThresholdLadder)
        from missing in Gen.Elements(MissingAnswerRule.Exclude, MissingAnswerRule.CountAsLowest)
        select new ScoringOptions(statistic, area, overall, missing);

    public static Instrument BuildInstrument(Random random)
    {
        var areaCount = random.Next(1, 5);
        var areas = new List<InstrumentArea>();
        var n = 0;
        for (var a = 0; a < areaCount; a++)
        {
            var questions = new List<Question>();
            var questionCount = random.Next(1, 6);
            for (var q = 0; q < questionCount; q++)
            {
                var element = random.Next(4) switch
                {
                    0 => UsmElement.For((Prerequisite)random.Next(1, 11)),
                    1 => UsmElement.For((Resource)random.Next(1, 4)),
                    2 => UsmElement.For((UsmProcess)random.Next(1, 6)),
                    _ => UsmElement.Services,
                };
                ValueMaturityLevel? level = random.Next(3) == 0 ? (ValueMaturityLevel)random.Next(1, 6) : null;
                questions.Add(new Question("q" + n++, "Question " + n, s_scales[random.Next(s_scales.Length)], element, s_weights[random.Next(s_weights.Length)], level));
            }

            areas.Add(new InstrumentArea("a" + a, "Area " + a, questions, s_weights[random.Next(s_weights.Length)]));
        }

        return new Instrument("generated", "1", "Generated instrument", areas);
    }

    public static Scan BuildScan(Random random, Instrument instrument, string id, LocalDate date, double missingShare, int minRespondents = 0)
    {
        var respondents = Enumerable.Range(0, random.Next(minRespondents, 7)).Select(i => new Respondent("r" + i, i % 2 == 0 ? "staff" : "manager")).ToList();
        var answers = new List<Answer>();
        foreach (var r in respondents)
        {
            foreach (var q in instrument.Questions)
            {
                if (random.NextDouble() >= missingShare)
                {
                    answers.Add(new Answer(r.Id, q.Id, RandomAnswer(random, q.Scale)));
                }
            }
        }

        return new Scan(id, instrument, date, respondents, answers);
    }

    public static AnswerValue RandomAnswer(Random random, AnswerScale scale) => scale.Kind switch
    {
        AnswerScaleKind.Ordinal => AnswerValue.Level(scale.Levels[random.Next(scale.Levels.Length)].Label),
        AnswerScaleKind.YesNo => AnswerValue.FromBoolean(random.Next(2) == 0),
        _ => AnswerValue.Percent(random.Next(0, 21) * 5),
    };

    /// <summary>The answer one step better than <paramref name="value"/> on its scale, or null at the top.</summary>
    public static AnswerValue? Better(AnswerScale scale, AnswerValue value)
    {
        switch (scale.Kind)
        {
            case AnswerScaleKind.Ordinal:
                var index = scale.Levels.IndexOf(scale.FindLevel(value.Label!)!);
                return index + 1 < scale.Levels.Length ? AnswerValue.Level(scale.Levels[index + 1].Label) : null;
            case AnswerScaleKind.YesNo:
                return value == AnswerValue.No ? AnswerValue.Yes : null;
            default:
                return value.Number < 100 ? AnswerValue.Percent(Math.Min(100, value.Number + 5)) : null;
        }
    }
}
