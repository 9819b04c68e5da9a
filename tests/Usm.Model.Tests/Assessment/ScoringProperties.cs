using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Assessment;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Assessment;

public class ScoringProperties
{
    private static readonly ScoringOptions[] s_allOptions = [.. AllOptions()];

    private static IEnumerable<ScoringOptions> AllOptions()
    {
        foreach (var s in Enum.GetValues<AnswerStatistic>())
        {
            foreach (var a in Enum.GetValues<ScoreAggregation>())
            {
                foreach (var m in new[] { MissingAnswerRule.Exclude, MissingAnswerRule.CountAsLowest })
                {
                    yield return new ScoringOptions(s, a, a, m);
                }
            }
        }
    }

    [Fact]
    public void WeakestLink_IsAtMostWeightedMean_WhichIsAtMostTheMaximum() =>
        PropertyCheck.Run(Prop.ForAll(AssessmentArbitraries.Scans(), scan =>
        {
            var mean = scan.Score(ScoringOptions.Default);
            var weakest = scan.Score(ScoringOptions.Default.WithAggregation(ScoreAggregation.WeakestLink));
            foreach (var area in mean.Areas.Where(a => a.Score is not null))
            {
                var scores = mean.Questions.Where(q => q.AreaId == area.AreaId && q.Score is not null).Select(q => q.Score!.Value).ToList();
                var weak = weakest.Area(area.AreaId).Score!.Value;
                if (!(weak <= area.Score && area.Score <= scores.Max() && weak == scores.Min()))
                {
                    return false;
                }
            }

            return weakest.Overall <= mean.Overall || mean.Overall is null;
        }), maxTest: 500);

    [Fact]
    public void Scores_StayBetweenZeroAndHundred() =>
        PropertyCheck.Run(Prop.ForAll(AssessmentArbitraries.Scans(), AssessmentArbitraries.Options().ToArbitrary(), (scan, options) =>
        {
            var result = scan.Score(options);
            return result.Questions.All(q => q.Score is null or >= 0 and <= 100)
                && result.Areas.All(a => a.Score is null or >= 0 and <= 100)
                && result.Overall is null or >= 0 and <= 100
                && result.Coverage is >= 0 and <= 1;
        }), maxTest: 500);

    [Fact]
    public void PermutingRespondentsAndAnswers_DoesNotChangeAnyScore() =>
        PropertyCheck.Run(Prop.ForAll(AssessmentArbitraries.Scans(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (scan, seed) =>
        {
            var random = new Random(seed);
            var shuffled = new Scan(scan.Id, scan.Instrument, scan.Date, scan.Respondents.OrderBy(_ => random.Next()), scan.Answers.OrderBy(_ => random.Next()));
            return s_allOptions.All(options => SameScores(scan.Score(options), shuffled.Score(options)));
        }), maxTest: 300);

    [Fact]
    public void ImprovingOneAnswer_NeverLowersItsAreaScore() =>
        PropertyCheck.Run(Prop.ForAll(AssessmentArbitraries.Scans(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (scan, pick) =>
        {
            if (scan.Answers.IsEmpty)
            {
                return true;
            }

            var answer = scan.Answers[pick % scan.Answers.Length];
            var question = scan.Instrument.FindQuestion(answer.QuestionId)!;
            if (AssessmentArbitraries.Better(question.Scale, answer.Value) is not { } better)
            {
                return true;
            }

            var improved = scan.WithAnswer(answer.RespondentId, answer.QuestionId, better);
            var areaId = scan.Instrument.AreaOf(answer.QuestionId)!.Id;
            return s_allOptions.All(options =>
                improved.Score(options).Area(areaId).Score >= scan.Score(options).Area(areaId).Score
                && improved.Score(options).Overall >= scan.Score(options).Overall);
        }), maxTest: 400);

    internal static bool SameScores(ScanResult x, ScanResult y) =>
        x.Overall == y.Overall
        && x.Coverage == y.Coverage
        && x.Areas.Select(a => a.Score).SequenceEqual(y.Areas.Select(a => a.Score))
        && x.Questions.Select(q => q.Score).SequenceEqual(y.Questions.Select(q => q.Score));
}
