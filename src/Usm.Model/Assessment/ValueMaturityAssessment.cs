using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>How one level of the Value Maturity Model came out in a scan.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MaturityLevelOutcome
{
    internal MaturityLevelOutcome(ValueMaturityLevel level, bool isReached, ImmutableArray<string> met, ImmutableArray<string> unmet, ImmutableArray<string> unscored)
    {
        Level = level;
        IsReached = isReached;
        MetCriteria = met;
        UnmetCriteria = unmet;
        UnscoredCriteria = unscored;
    }

    /// <summary>Gets the level.</summary>
    public ValueMaturityLevel Level { get; }

    /// <summary>Gets whether the level has criteria and all of them are met, regardless of lower levels.</summary>
    public bool CriteriaMet => UnmetCriteria.IsEmpty && UnscoredCriteria.IsEmpty && !MetCriteria.IsEmpty;

    /// <summary>Gets whether the level is reached: its criteria and those of every lower level are met (bottom-up).</summary>
    public bool IsReached { get; }

    /// <summary>Gets the ids of the criterion questions that are met, in instrument order.</summary>
    public ImmutableArray<string> MetCriteria { get; }

    /// <summary>Gets the ids of the criterion questions scored below the threshold, in instrument order.</summary>
    public ImmutableArray<string> UnmetCriteria { get; }

    /// <summary>Gets the ids of the criterion questions without a score (no answers); they count as not met.</summary>
    public ImmutableArray<string> UnscoredCriteria { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{(int)Level} {Level}: {(IsReached ? "reached" : CriteriaMet ? "criteria met, a lower level is not" : "not reached")} ({MetCriteria.Length} of {MetCriteria.Length + UnmetCriteria.Length + UnscoredCriteria.Length} criteria met)");
}

/// <summary>
/// The position of an organisation on the USM Value Maturity Model, derived from a scan whose instrument marks
/// questions as criteria of the five levels (<see cref="Question.MaturityCriterion"/>).
/// </summary>
/// <remarks>
/// <para>A criterion is met when its question's score rates at least <see cref="Threshold"/> on the N/P/L/F ladder
/// (the default is L, as ISO/IEC 33020 requires of a level's attributes). A question without a score does not meet
/// its criterion. A level with no criteria in the instrument cannot be shown and so is not reached.</para>
/// <para>Growth is bottom-up: <see cref="Level"/> is the highest level whose criteria and the criteria of every lower
/// level are met, or null when level 1 is not reached.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ValueMaturityAssessment
{
    private ValueMaturityAssessment(string scanId, AchievementRating threshold, ImmutableArray<MaturityLevelOutcome> levels)
    {
        ScanId = scanId;
        Threshold = threshold;
        Levels = levels;
        Level = levels.LastOrDefault(l => l.IsReached)?.Level;
    }

    /// <summary>Gets the id of the assessed scan.</summary>
    public string ScanId { get; }

    /// <summary>Gets the rating a criterion question must reach.</summary>
    public AchievementRating Threshold { get; }

    /// <summary>Gets the outcome of each of the five levels, lowest first.</summary>
    public ImmutableArray<MaturityLevelOutcome> Levels { get; }

    /// <summary>Gets the level reached, or null when not even level 1 is reached.</summary>
    public ValueMaturityLevel? Level { get; }

    /// <summary>Gets the strategy that goes with <see cref="Level"/> (see <see cref="StrategyFor"/>).</summary>
    public BusinessStrategy Strategy => StrategyFor(Level);

    /// <summary>Gets the next level to work on, or null at level 5.</summary>
    public ValueMaturityLevel? NextLevel => Level is null ? ValueMaturityLevel.TechnologyDriven : Level == ValueMaturityLevel.BusinessDriven ? null : Level + 1;

    /// <summary>Assesses a scored scan.</summary>
    /// <param name="result">The scan result.</param>
    /// <param name="threshold">The rating a criterion must reach. The default is <see cref="AchievementRating.LargelyAchieved"/>.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is undefined.</exception>
    public static ValueMaturityAssessment Of(ScanResult result, AchievementRating threshold = AchievementRating.LargelyAchieved)
    {
        ArgumentNullException.ThrowIfNull(result);
        Preconditions.CheckDefined(threshold);
        var outcomes = ImmutableArray.CreateBuilder<MaturityLevelOutcome>(5);
        var lowerReached = true;
        foreach (var level in Enum.GetValues<ValueMaturityLevel>())
        {
            var criteria = result.Questions.Where(q => q.Question.MaturityCriterion == level).ToList();
            ImmutableArray<string> met = [.. criteria.Where(q => q.Rating >= threshold).Select(q => q.QuestionId)];
            ImmutableArray<string> unmet = [.. criteria.Where(q => q.Rating is { } r && r < threshold).Select(q => q.QuestionId)];
            ImmutableArray<string> unscored = [.. criteria.Where(q => q.Rating is null).Select(q => q.QuestionId)];
            var criteriaMet = criteria.Count > 0 && unmet.IsEmpty && unscored.IsEmpty;
            lowerReached = lowerReached && criteriaMet;
            outcomes.Add(new MaturityLevelOutcome(level, lowerReached, met, unmet, unscored));
        }

        return new ValueMaturityAssessment(result.ScanId, threshold, outcomes.MoveToImmutable());
    }

    /// <summary>
    /// Gets the strategy for a level: operational excellence for levels 1 and 2 (and below level 1), service
    /// excellence for level 3, customer excellence for levels 4 and 5.
    /// </summary>
    /// <param name="level">The level, or null for below level 1.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is undefined.</exception>
    public static BusinessStrategy StrategyFor(ValueMaturityLevel? level) => level switch
    {
        null or ValueMaturityLevel.TechnologyDriven or ValueMaturityLevel.SystemDriven => BusinessStrategy.OperationalExcellence,
        ValueMaturityLevel.ServiceDriven => BusinessStrategy.ServiceExcellence,
        ValueMaturityLevel.CustomerDriven or ValueMaturityLevel.BusinessDriven => BusinessStrategy.CustomerExcellence,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, Preconditions.Invariant($"Value {level} is not a defined ValueMaturityLevel.")),
    };

    /// <inheritdoc />
    public override string ToString() => Level is { } l ? Preconditions.Invariant($"scan '{ScanId}': level {(int)l} {l}, strategy {Strategy}") : Preconditions.Invariant($"scan '{ScanId}': below level 1, strategy {Strategy}");
}
