using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>The targets scores are held against when looking for gaps: a default plus overrides per question and area.</summary>
/// <remarks>Targets are achievements in percent, 0 to 100. A score strictly below its target is a gap.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class GapTargets
{
    private GapTargets(double defaultTarget, ImmutableDictionary<string, double> questions, ImmutableDictionary<string, double> areas)
    {
        DefaultTarget = defaultTarget;
        QuestionTargets = questions;
        AreaTargets = areas;
    }

    /// <summary>Gets the default targets: 85 % for every question and area, where the ISO/IEC 33020 F band begins (F is above 85 %, so a score of exactly 85 % rates L and still shows no gap).</summary>
    public static GapTargets Default { get; } = Uniform(85.0);

    /// <summary>Gets the target for every question and area without an override.</summary>
    public double DefaultTarget { get; }

    /// <summary>Gets the per-question overrides.</summary>
    public ImmutableDictionary<string, double> QuestionTargets { get; }

    /// <summary>Gets the per-area overrides.</summary>
    public ImmutableDictionary<string, double> AreaTargets { get; }

    /// <summary>Creates targets with one value for every question and area.</summary>
    /// <param name="target">The target, 0 to 100.</param>
    /// <returns>The targets.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is NaN or outside 0 to 100.</exception>
    public static GapTargets Uniform(double target) =>
        new(Preconditions.CheckInRange(target, 0.0, 100.0), ImmutableDictionary.Create<string, double>(StringComparer.Ordinal), ImmutableDictionary.Create<string, double>(StringComparer.Ordinal));

    /// <summary>Returns targets with an override for one question.</summary>
    /// <param name="questionId">The question id.</param>
    /// <param name="target">The target, 0 to 100.</param>
    /// <returns>New targets.</returns>
    /// <exception cref="ArgumentException"><paramref name="questionId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is NaN or outside 0 to 100.</exception>
    public GapTargets WithQuestionTarget(string questionId, double target) =>
        new(DefaultTarget, QuestionTargets.SetItem(Preconditions.CheckNotBlank(questionId), Preconditions.CheckInRange(target, 0.0, 100.0)), AreaTargets);

    /// <summary>Returns targets with an override for one area.</summary>
    /// <param name="areaId">The area id.</param>
    /// <param name="target">The target, 0 to 100.</param>
    /// <returns>New targets.</returns>
    /// <exception cref="ArgumentException"><paramref name="areaId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is NaN or outside 0 to 100.</exception>
    public GapTargets WithAreaTarget(string areaId, double target) =>
        new(DefaultTarget, QuestionTargets, AreaTargets.SetItem(Preconditions.CheckNotBlank(areaId), Preconditions.CheckInRange(target, 0.0, 100.0)));

    /// <summary>Gets the target of a question.</summary>
    /// <param name="questionId">The question id.</param>
    /// <returns>The override, or the default.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questionId"/> is null.</exception>
    public double ForQuestion(string questionId) => QuestionTargets.TryGetValue(Preconditions.CheckNotNull(questionId), out var t) ? t : DefaultTarget;

    /// <summary>Gets the target of an area.</summary>
    /// <param name="areaId">The area id.</param>
    /// <returns>The override, or the default.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="areaId"/> is null.</exception>
    public double ForArea(string areaId) => AreaTargets.TryGetValue(Preconditions.CheckNotNull(areaId), out var t) ? t : DefaultTarget;
}

/// <summary>Whether a gap concerns one question or a whole area.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum GapScope
{
    /// <summary>One question.</summary>
    Question = 1,

    /// <summary>A whole area.</summary>
    Area = 2,
}

/// <summary>How large a gap is, in percentage points below target.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum GapSize
{
    /// <summary>Less than 15 points below target.</summary>
    Small = 1,

    /// <summary>15 up to (not including) 35 points below target.</summary>
    Medium = 2,

    /// <summary>35 points or more below target.</summary>
    Large = 3,
}

/// <summary>A question or area of a scan that scores below its target.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ScanGap
{
    internal ScanGap(string scanId, GapScope scope, string id, string areaId, string title, UsmElement? element, ImmutableArray<Resource> resources, double score, double target)
    {
        ScanId = scanId;
        Scope = scope;
        Id = id;
        AreaId = areaId;
        Title = title;
        Element = element;
        AffectedResources = resources;
        Score = score;
        Target = target;
    }

    /// <summary>Gets the id of the scan the gap was found in.</summary>
    public string ScanId { get; }

    /// <summary>Gets whether the gap concerns a question or an area.</summary>
    public GapScope Scope { get; }

    /// <summary>Gets the question or area id.</summary>
    public string Id { get; }

    /// <summary>Gets the area id (the area itself for an area gap).</summary>
    public string AreaId { get; }

    /// <summary>Gets the question text or the area name.</summary>
    public string Title { get; }

    /// <summary>Gets the USM element the question probes; null for an area gap.</summary>
    public UsmElement? Element { get; }

    /// <summary>
    /// Gets the resources an improvement would touch: the question element's resources, or for an area the union
    /// over its questions, in enum order.
    /// </summary>
    public ImmutableArray<Resource> AffectedResources { get; }

    /// <summary>Gets the score, 0 to 100.</summary>
    public double Score { get; }

    /// <summary>Gets the target, 0 to 100.</summary>
    public double Target { get; }

    /// <summary>Gets the gap in percentage points: target minus score, always positive.</summary>
    public double Gap => Target - Score;

    /// <summary>Gets the size class of the gap.</summary>
    public GapSize Size => Gap < 15 ? GapSize.Small : Gap < 35 ? GapSize.Medium : GapSize.Large;

    /// <summary>
    /// Suggests an effect level on an organisation's ordinal effect scale with <paramref name="levelCount"/> levels, as
    /// a 0-based index like every level of <see cref="Usm.Model.Improvement.RiskAssessment"/> and
    /// <see cref="Usm.Model.Improvement.OrdinalScale"/>: <c>⌈gap / 100 · levelCount⌉ − 1</c>, at least 0. A gap of
    /// 100 points suggests the top level (index <c>levelCount − 1</c>); any gap suggests at least the lowest (index 0).
    /// </summary>
    /// <param name="levelCount">The number of levels on the scale, at least 1.</param>
    /// <returns>The suggested 0-based level index, 0 to <paramref name="levelCount"/> − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levelCount"/> is less than 1.</exception>
    public int SuggestedEffectIndex(int levelCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levelCount, 1);
        return Math.Clamp((int)Math.Ceiling(Gap * levelCount / 100.0), 1, levelCount) - 1;
    }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Scope} '{Id}': {Score:0.##} % against a target of {Target:0.##} % ({Gap:0.##} points, {Size})");
}

/// <summary>
/// A proposed improvement from a scan gap, ready to be registered as an opportunity risk in the risk database. It
/// closes the loop scan → register → prioritise → sprint → rescan.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ImprovementProposal
{
    internal ImprovementProposal(ScanGap gap)
    {
        Gap = gap;
        Id = Preconditions.Invariant($"{gap.ScanId}/{(gap.Scope == GapScope.Question ? "q" : "a")}/{gap.Id}");
        Title = gap.Scope == GapScope.Question
            ? Preconditions.Invariant($"Raise '{gap.Id}' to {gap.Target:0.##} %: {gap.Title}")
            : Preconditions.Invariant($"Raise area '{gap.Id}' ({gap.Title}) to {gap.Target:0.##} %");
        Description = Preconditions.Invariant($"Scan '{gap.ScanId}' scored {gap.Scope.ToString().ToLowerInvariant()} '{gap.Id}' at {gap.Score:0.##} %, {gap.Gap:0.##} points below its target of {gap.Target:0.##} % ({gap.Size.ToString().ToLowerInvariant()} gap).");
    }

    /// <summary>Gets a deterministic id: "scanId/q/questionId" or "scanId/a/areaId".</summary>
    public string Id { get; }

    /// <summary>Gets a short title.</summary>
    public string Title { get; }

    /// <summary>Gets a description with the numbers.</summary>
    public string Description { get; }

    /// <summary>Gets the gap the proposal comes from.</summary>
    public ScanGap Gap { get; }

    /// <summary>Gets the id of the originating scan.</summary>
    public string ScanId => Gap.ScanId;

    /// <summary>Gets the resources the improvement touches (at least one).</summary>
    public ImmutableArray<Resource> AffectedResources => Gap.AffectedResources;

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Title;
}

/// <summary>Finds the gaps of a scan against targets and turns them into improvement proposals.</summary>
public static class ScanGaps
{
    /// <summary>
    /// Finds every question and area whose score is strictly below its target. Questions and areas without a score
    /// yield no gap: a missing answer is not evidence of a gap.
    /// </summary>
    /// <param name="result">The scan result.</param>
    /// <param name="targets">The targets; null for <see cref="GapTargets.Default"/>.</param>
    /// <returns>The gaps, largest first; equal gaps put questions before areas, then ordinal id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ImmutableArray<ScanGap> Find(ScanResult result, GapTargets? targets = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        targets ??= GapTargets.Default;
        var gaps = new List<ScanGap>();
        foreach (var q in result.Questions)
        {
            var target = targets.ForQuestion(q.QuestionId);
            if (q.Score is { } s && s < target)
            {
                gaps.Add(new ScanGap(result.ScanId, GapScope.Question, q.QuestionId, q.AreaId, q.Question.Text, q.Question.Element, q.Question.Element.AffectedResources, s, target));
            }
        }

        foreach (var a in result.Areas)
        {
            var target = targets.ForArea(a.AreaId);
            if (a.Score is { } s && s < target)
            {
                ImmutableArray<Resource> resources = [.. a.Area.Questions.SelectMany(q => q.Element.AffectedResources).Distinct().Order()];
                gaps.Add(new ScanGap(result.ScanId, GapScope.Area, a.AreaId, a.AreaId, a.Area.Name, null, resources, s, target));
            }
        }

        return [.. gaps.OrderByDescending(g => g.Gap).ThenBy(g => g.Scope).ThenBy(g => g.Id, StringComparer.Ordinal)];
    }

    /// <summary>Finds the gaps and proposes one improvement per gap.</summary>
    /// <param name="result">The scan result.</param>
    /// <param name="targets">The targets; null for <see cref="GapTargets.Default"/>.</param>
    /// <returns>One proposal per gap, in the order of <see cref="Find"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ImmutableArray<ImprovementProposal> Propose(ScanResult result, GapTargets? targets = null) =>
        [.. Find(result, targets).Select(g => new ImprovementProposal(g))];
}
