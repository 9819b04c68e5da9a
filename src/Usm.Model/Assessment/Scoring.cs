using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>How the answers of several respondents to one question are combined.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum AnswerStatistic
{
    /// <summary>The arithmetic mean of the achievements (the default).</summary>
    Mean = 1,

    /// <summary>The median; for an even count, the mean of the two middle achievements.</summary>
    Median = 2,

    /// <summary>The lowest achievement: the most critical respondent decides.</summary>
    Minimum = 3,
}

/// <summary>How question scores roll up into an area score, and area scores into the overall score.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum ScoreAggregation
{
    /// <summary>The weighted mean, using question weights within an area and area weights overall (the default).</summary>
    WeightedMean = 1,

    /// <summary>The weakest link: the lowest score decides, as in the ITIL Maturity Model's system rating.</summary>
    WeakestLink = 2,

    /// <summary>
    /// A threshold ladder after ISO/IEC 33020: each score is first rated N, P, L or F, each rating counts as its band
    /// value (N 0, P 100/3, L 200/3, F 100 %), and the band values are averaged with the weights.
    /// </summary>
    ThresholdLadder = 3,
}

/// <summary>What a respondent's missing answer to a question means for the scores. It is never read as zero silently.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum MissingAnswerRule
{
    /// <summary>
    /// Missing answers are left out (the default). A question's score uses only the answers given; a question nobody
    /// answered has no score and drops out of its area, whose weights are spread over the scored questions; an area
    /// with no scored question has no score and drops out of the overall score. <see cref="ScanResult.Coverage"/>
    /// shows how much was answered.
    /// </summary>
    Exclude = 1,

    /// <summary>Each missing answer counts as the lowest level of its scale (0 %). A deliberate, pessimistic choice.</summary>
    CountAsLowest = 2,

    /// <summary>Any missing answer makes scoring throw <see cref="IncompleteScanException"/>.</summary>
    Reject = 3,
}

/// <summary>The ISO/IEC 33020 rating of an achievement: N, P, L or F.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum AchievementRating
{
    /// <summary>N, not achieved: 0 to 15 %.</summary>
    NotAchieved = 1,

    /// <summary>P, partially achieved: more than 15 % up to 50 %.</summary>
    PartiallyAchieved = 2,

    /// <summary>L, largely achieved: more than 50 % up to 85 %.</summary>
    LargelyAchieved = 3,

    /// <summary>F, fully achieved: more than 85 % up to 100 %.</summary>
    FullyAchieved = 4,
}

/// <summary>The ISO/IEC 33020 N/P/L/F rating bands.</summary>
public static class AchievementRatings
{
    /// <summary>Rates an achievement: N for [0, 15], P for (15, 50], L for (50, 85], F for (85, 100]. Bounds are exact.</summary>
    /// <param name="percent">The achievement in percent, 0 to 100.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is NaN or outside 0 to 100.</exception>
    public static AchievementRating Rate(double percent)
    {
        Preconditions.CheckInRange(percent, 0.0, 100.0);
        return percent <= 15.0 ? AchievementRating.NotAchieved
            : percent <= 50.0 ? AchievementRating.PartiallyAchieved
            : percent <= 85.0 ? AchievementRating.LargelyAchieved
            : AchievementRating.FullyAchieved;
    }

    /// <summary>Gets the letter of a rating: N, P, L or F.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The letter.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is undefined.</exception>
    public static char Letter(AchievementRating rating) => Preconditions.CheckDefined(rating) switch
    {
        AchievementRating.NotAchieved => 'N',
        AchievementRating.PartiallyAchieved => 'P',
        AchievementRating.LargelyAchieved => 'L',
        _ => 'F',
    };

    /// <summary>Gets the value a rating counts as in the threshold ladder: N 0, P 100/3, L 200/3, F 100.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The band value in percent; rating it again gives <paramref name="rating"/> back.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is undefined.</exception>
    public static double BandValue(AchievementRating rating) => ((int)Preconditions.CheckDefined(rating) - 1) * 100.0 / 3.0;
}

/// <summary>The choices that turn a scan's answers into scores.</summary>
/// <remarks>Equality compares the four choices.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ScoringOptions : IEquatable<ScoringOptions>
{
    /// <summary>Creates scoring options.</summary>
    /// <param name="statistic">How respondents' answers to one question combine.</param>
    /// <param name="areaAggregation">How question scores roll up into an area score.</param>
    /// <param name="overallAggregation">How area scores roll up into the overall score.</param>
    /// <param name="missingAnswers">What a missing answer means.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is undefined.</exception>
    public ScoringOptions(
        AnswerStatistic statistic = AnswerStatistic.Mean,
        ScoreAggregation areaAggregation = ScoreAggregation.WeightedMean,
        ScoreAggregation overallAggregation = ScoreAggregation.WeightedMean,
        MissingAnswerRule missingAnswers = MissingAnswerRule.Exclude)
    {
        Statistic = Preconditions.CheckDefined(statistic);
        AreaAggregation = Preconditions.CheckDefined(areaAggregation);
        OverallAggregation = Preconditions.CheckDefined(overallAggregation);
        MissingAnswers = Preconditions.CheckDefined(missingAnswers);
    }

    /// <summary>Gets the default: mean per question, weighted mean for areas and overall, missing answers excluded.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>Gets how respondents' answers to one question combine. The default is <see cref="AnswerStatistic.Mean"/>.</summary>
    public AnswerStatistic Statistic { get; }

    /// <summary>Gets how question scores roll up into an area score. The default is <see cref="ScoreAggregation.WeightedMean"/>.</summary>
    public ScoreAggregation AreaAggregation { get; }

    /// <summary>Gets how area scores roll up into the overall score. The default is <see cref="ScoreAggregation.WeightedMean"/>.</summary>
    public ScoreAggregation OverallAggregation { get; }

    /// <summary>Gets what a missing answer means. The default is <see cref="MissingAnswerRule.Exclude"/>.</summary>
    public MissingAnswerRule MissingAnswers { get; }

    /// <summary>Returns options that differ in the statistic.</summary>
    /// <param name="statistic">The statistic.</param>
    /// <returns>New options.</returns>
    public ScoringOptions WithStatistic(AnswerStatistic statistic) => new(statistic, AreaAggregation, OverallAggregation, MissingAnswers);

    /// <summary>Returns options that use one aggregation for both areas and overall.</summary>
    /// <param name="aggregation">The aggregation.</param>
    /// <returns>New options.</returns>
    public ScoringOptions WithAggregation(ScoreAggregation aggregation) => new(Statistic, aggregation, aggregation, MissingAnswers);

    /// <summary>Returns options that differ in the missing-answer rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>New options.</returns>
    public ScoringOptions WithMissingAnswers(MissingAnswerRule rule) => new(Statistic, AreaAggregation, OverallAggregation, rule);

    /// <inheritdoc />
    public bool Equals(ScoringOptions? other) =>
        other is not null && Statistic == other.Statistic && AreaAggregation == other.AreaAggregation
        && OverallAggregation == other.OverallAggregation && MissingAnswers == other.MissingAnswers;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScoringOptions other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Statistic, AreaAggregation, OverallAggregation, MissingAnswers);

    /// <inheritdoc />
    public override string ToString() => $"{Statistic} per question, {AreaAggregation} per area, {OverallAggregation} overall, missing answers: {MissingAnswers}";
}

/// <summary>Thrown when a scan is scored with <see cref="MissingAnswerRule.Reject"/> and answers are missing.</summary>
/// <remarks>The message names the scan and the first missing answers.</remarks>
public sealed class IncompleteScanException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="scanId">The scan's id.</param>
    /// <param name="missing">The missing answers as (respondent id, question id).</param>
    public IncompleteScanException(string scanId, IEnumerable<(string RespondentId, string QuestionId)> missing)
        : this(scanId, [.. Preconditions.CheckNotNull(missing)])
    {
    }

    private IncompleteScanException(string scanId, ImmutableArray<(string RespondentId, string QuestionId)> missing)
        : base(Preconditions.Invariant($"Scan '{scanId}' has {missing.Length} missing answers, for example {string.Join(", ", missing.Take(5).Select(m => "'" + m.RespondentId + "' on '" + m.QuestionId + "'"))}."))
    {
        ScanId = scanId;
        MissingCount = missing.Length;
    }

    /// <summary>Gets the scan's id.</summary>
    public string ScanId { get; }

    /// <summary>Gets the number of missing answers.</summary>
    public int MissingCount { get; }
}
