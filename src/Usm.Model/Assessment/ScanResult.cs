using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>The score of one question in a scan.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class QuestionScore
{
    internal QuestionScore(Question question, string areaId, double? score, int answered, int missing)
    {
        Question = question;
        AreaId = areaId;
        Score = score;
        AnsweredCount = answered;
        MissingCount = missing;
    }

    /// <summary>Gets the question.</summary>
    public Question Question { get; }

    /// <summary>Gets the question's id.</summary>
    public string QuestionId => Question.Id;

    /// <summary>Gets the id of the area holding the question.</summary>
    public string AreaId { get; }

    /// <summary>Gets the achievement, 0 to 100, or null when nobody answered (under <see cref="MissingAnswerRule.Exclude"/>).</summary>
    public double? Score { get; }

    /// <summary>Gets the N/P/L/F rating of <see cref="Score"/>, or null without a score.</summary>
    public AchievementRating? Rating => Score is { } s ? AchievementRatings.Rate(s) : null;

    /// <summary>Gets the number of respondents who answered.</summary>
    public int AnsweredCount { get; }

    /// <summary>Gets the number of respondents who did not answer.</summary>
    public int MissingCount { get; }

    /// <inheritdoc />
    public override string ToString() => Score is { } s ? Preconditions.Invariant($"{QuestionId}: {s:0.##} % ({AchievementRatings.Letter(Rating!.Value)})") : QuestionId + ": no score";
}

/// <summary>The score of one area in a scan.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AreaScore
{
    internal AreaScore(InstrumentArea area, double? score, int scoredQuestions)
    {
        Area = area;
        Score = score;
        ScoredQuestionCount = scoredQuestions;
    }

    /// <summary>Gets the area.</summary>
    public InstrumentArea Area { get; }

    /// <summary>Gets the area's id.</summary>
    public string AreaId => Area.Id;

    /// <summary>Gets the achievement, 0 to 100, or null when none of its questions has a score.</summary>
    public double? Score { get; }

    /// <summary>Gets the N/P/L/F rating of <see cref="Score"/>, or null without a score.</summary>
    public AchievementRating? Rating => Score is { } s ? AchievementRatings.Rate(s) : null;

    /// <summary>Gets how many of the area's questions have a score.</summary>
    public int ScoredQuestionCount { get; }

    /// <inheritdoc />
    public override string ToString() => Score is { } s ? Preconditions.Invariant($"{AreaId}: {s:0.##} % ({AchievementRatings.Letter(Rating!.Value)})") : AreaId + ": no score";
}

/// <summary>The scores of a scan: per question, per area and overall, under one set of <see cref="ScoringOptions"/>.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ScanResult
{
    private readonly Dictionary<string, QuestionScore> _questions;
    private readonly Dictionary<string, AreaScore> _areas;

    internal ScanResult(Scan scan, ScoringOptions options, ImmutableArray<QuestionScore> questions, ImmutableArray<AreaScore> areas, double? overall, double coverage)
    {
        Scan = scan;
        Options = options;
        Questions = questions;
        Areas = areas;
        Overall = overall;
        Coverage = coverage;
        _questions = questions.ToDictionary(q => q.QuestionId, StringComparer.Ordinal);
        _areas = areas.ToDictionary(a => a.AreaId, StringComparer.Ordinal);
    }

    /// <summary>Gets the scan.</summary>
    public Scan Scan { get; }

    /// <summary>Gets the scan's id.</summary>
    public string ScanId => Scan.Id;

    /// <summary>Gets the scan's date.</summary>
    public LocalDate Date => Scan.Date;

    /// <summary>Gets the instrument.</summary>
    public Instrument Instrument => Scan.Instrument;

    /// <summary>Gets the options used.</summary>
    public ScoringOptions Options { get; }

    /// <summary>Gets the question scores, in instrument order.</summary>
    public ImmutableArray<QuestionScore> Questions { get; }

    /// <summary>Gets the area scores, in instrument order.</summary>
    public ImmutableArray<AreaScore> Areas { get; }

    /// <summary>Gets the overall achievement, 0 to 100, or null when no area has a score.</summary>
    public double? Overall { get; }

    /// <summary>Gets the N/P/L/F rating of <see cref="Overall"/>, or null without a score.</summary>
    public AchievementRating? OverallRating => Overall is { } s ? AchievementRatings.Rate(s) : null;

    /// <summary>Gets the share of (respondent, question) pairs that were answered, 0 to 1; 0 when there are no respondents.</summary>
    public double Coverage { get; }

    /// <summary>Gets one question's score.</summary>
    /// <param name="questionId">The question id.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questionId"/> is null.</exception>
    /// <exception cref="ArgumentException">The instrument has no such question.</exception>
    public QuestionScore Question(string questionId) =>
        _questions.TryGetValue(Preconditions.CheckNotNull(questionId), out var q) ? q
        : throw new ArgumentException(Preconditions.Invariant($"Instrument '{Instrument.Key}' has no question '{questionId}'."), nameof(questionId));

    /// <summary>Gets one area's score.</summary>
    /// <param name="areaId">The area id.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="areaId"/> is null.</exception>
    /// <exception cref="ArgumentException">The instrument has no such area.</exception>
    public AreaScore Area(string areaId) =>
        _areas.TryGetValue(Preconditions.CheckNotNull(areaId), out var a) ? a
        : throw new ArgumentException(Preconditions.Invariant($"Instrument '{Instrument.Key}' has no area '{areaId}'."), nameof(areaId));

    /// <inheritdoc />
    public override string ToString() =>
        Overall is { } s ? Preconditions.Invariant($"scan '{ScanId}': {s:0.##} % overall ({AchievementRatings.Letter(OverallRating!.Value)}), coverage {Coverage:P0}") : Preconditions.Invariant($"scan '{ScanId}': no score");
}

/// <summary>Computes scan results. Pure: the same scan and options always give the same numbers.</summary>
internal static class ScanScorer
{
    public static ScanResult Score(Scan scan, ScoringOptions options)
    {
        var instrument = scan.Instrument;
        var respondentCount = scan.Respondents.Length;
        var byQuestion = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var answer in scan.Answers)
        {
            var question = instrument.FindQuestion(answer.QuestionId)!;
            if (!byQuestion.TryGetValue(answer.QuestionId, out var list))
            {
                byQuestion[answer.QuestionId] = list = [];
            }

            list.Add(question.Scale.Achievement(answer.Value));
        }

        if (options.MissingAnswers == MissingAnswerRule.Reject)
        {
            var answered = scan.Answers.Select(a => (a.RespondentId, a.QuestionId)).ToHashSet();
            var missing = scan.Respondents
                .SelectMany(r => instrument.Questions.Select(q => (RespondentId: r.Id, QuestionId: q.Id)))
                .Where(p => !answered.Contains(p))
                .ToList();
            if (missing.Count > 0)
            {
                throw new IncompleteScanException(scan.Id, missing);
            }
        }

        var questionScores = ImmutableArray.CreateBuilder<QuestionScore>(instrument.Questions.Length);
        var areaScores = ImmutableArray.CreateBuilder<AreaScore>(instrument.Areas.Length);
        var areaInputs = new List<(double Score, double Weight)>();
        foreach (var area in instrument.Areas)
        {
            var inputs = new List<(double Score, double Weight)>();
            foreach (var question in area.Questions)
            {
                var values = byQuestion.TryGetValue(question.Id, out var list) ? list : [];
                var answered = values.Count;
                var missing = Math.Max(0, respondentCount - answered);
                if (options.MissingAnswers == MissingAnswerRule.CountAsLowest)
                {
                    values = [.. values, .. Enumerable.Repeat(0.0, missing)];
                }

                double? score = values.Count == 0 ? null : Combine(values, options.Statistic);
                questionScores.Add(new QuestionScore(question, area.Id, score, answered, missing));
                if (score is { } s)
                {
                    inputs.Add((s, question.Weight));
                }
            }

            double? areaScore = inputs.Count == 0 ? null : Aggregate(inputs, options.AreaAggregation);
            areaScores.Add(new AreaScore(area, areaScore, inputs.Count));
            if (areaScore is { } a)
            {
                areaInputs.Add((a, area.Weight));
            }
        }

        double? overall = areaInputs.Count == 0 ? null : Aggregate(areaInputs, options.OverallAggregation);
        var pairs = (double)respondentCount * instrument.Questions.Length;
        var coverage = pairs == 0 ? 0.0 : Math.Min(1.0, scan.Answers.Length / pairs);
        return new ScanResult(scan, options, questionScores.MoveToImmutable(), areaScores.MoveToImmutable(), overall, coverage);
    }

    /// <summary>Combines one question's achievements. Values are sorted first, so the result does not depend on respondent order.</summary>
    internal static double Combine(List<double> values, AnswerStatistic statistic)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        switch (statistic)
        {
            case AnswerStatistic.Minimum:
                return sorted[0];
            case AnswerStatistic.Median:
                var mid = sorted.Length / 2;
                return sorted.Length % 2 == 1 ? sorted[mid] : Clamp((sorted[mid - 1] + sorted[mid]) / 2.0, sorted[mid - 1], sorted[mid]);
            default:
                var sum = 0.0;
                foreach (var v in sorted)
                {
                    sum += v;
                }

                return Clamp(sum / sorted.Length, sorted[0], sorted[^1]);
        }
    }

    /// <summary>Aggregates weighted scores. Inputs are sorted by score then weight, so input order never matters.</summary>
    internal static double Aggregate(List<(double Score, double Weight)> inputs, ScoreAggregation aggregation)
    {
        var sorted = inputs.ToArray();
        if (aggregation == ScoreAggregation.ThresholdLadder)
        {
            // Rate first, then sort: equal band values must be summed in the same order whatever the raw scores were.
            for (var i = 0; i < sorted.Length; i++)
            {
                sorted[i] = (AchievementRatings.BandValue(AchievementRatings.Rate(sorted[i].Score)), sorted[i].Weight);
            }
        }

        Array.Sort(sorted, static (x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : x.Weight.CompareTo(y.Weight));
        return aggregation == ScoreAggregation.WeakestLink ? sorted[0].Score : WeightedMean(sorted);
    }

    private static double WeightedMean((double Score, double Weight)[] sorted)
    {
        double weighted = 0, total = 0, min = double.MaxValue, max = double.MinValue;
        foreach (var (score, weight) in sorted)
        {
            weighted += score * weight;
            total += weight;
            min = Math.Min(min, score);
            max = Math.Max(max, score);
        }

        return Clamp(weighted / total, min, max);
    }

    private static double Clamp(double value, double min, double max) => Math.Max(min, Math.Min(max, value));
}
