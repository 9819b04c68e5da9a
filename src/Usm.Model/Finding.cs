using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model;

/// <summary>How serious a <see cref="Finding"/> is.</summary>
public enum FindingSeverity
{
    /// <summary>Information only; nothing needs to change.</summary>
    Info = 1,

    /// <summary>Something is unusual or incomplete, but the model still conforms.</summary>
    Warning = 2,

    /// <summary>The model breaks a rule of the method.</summary>
    Error = 3,
}

/// <summary>
/// One result of a conformance check or a validation: which rule, how serious, what is wrong and where.
/// </summary>
/// <remarks>
/// <para><see cref="RuleId"/> values are stable across releases (for example <c>USM-WF-003</c>); tool vendors may key
/// on them. <see cref="Path"/> locates the offending part in a JSON-path-like notation, for example
/// <c>steps[2].activities[0]</c>; the optional indexes repeat that location for workflows.</para>
/// <para>Equality compares every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Finding : IEquatable<Finding>
{
    /// <summary>Creates a finding.</summary>
    /// <param name="ruleId">The stable rule id.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="message">A readable message that names the offending value.</param>
    /// <param name="path">Where the problem is; empty for the whole subject.</param>
    /// <param name="subjectId">The id of the offending item, if it has one.</param>
    /// <param name="branchIndex">For workflows: the branch index, or null for the trunk.</param>
    /// <param name="stepIndex">For workflows: the step index within the trunk or branch.</param>
    /// <param name="activityIndex">For workflows: the activity index within the step.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/>, <paramref name="message"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleId"/> or <paramref name="message"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is undefined.</exception>
    public Finding(string ruleId, FindingSeverity severity, string message, string path, string? subjectId = null, int? branchIndex = null, int? stepIndex = null, int? activityIndex = null)
    {
        RuleId = Preconditions.CheckNotBlank(ruleId);
        Severity = Preconditions.CheckDefined(severity);
        Message = Preconditions.CheckNotBlank(message);
        Path = Preconditions.CheckNotNull(path);
        SubjectId = subjectId;
        BranchIndex = branchIndex;
        StepIndex = stepIndex;
        ActivityIndex = activityIndex;
    }

    /// <summary>Gets the stable rule id, for example <c>USM-WF-003</c>.</summary>
    public string RuleId { get; }

    /// <summary>Gets the severity.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>Gets the message.</summary>
    public string Message { get; }

    /// <summary>Gets the location, for example <c>steps[2].activities[0]</c>; empty for the whole subject.</summary>
    public string Path { get; }

    /// <summary>Gets the id of the offending item, when it has one.</summary>
    public string? SubjectId { get; }

    /// <summary>Gets the branch index for a dynamic workflow's branch, or null for the trunk or a non-workflow finding.</summary>
    public int? BranchIndex { get; }

    /// <summary>Gets the step index, when the finding is about a step or an activity.</summary>
    public int? StepIndex { get; }

    /// <summary>Gets the activity index, when the finding is about an activity.</summary>
    public int? ActivityIndex { get; }

    /// <inheritdoc />
    public bool Equals(Finding? other) =>
        other is not null
        && RuleId == other.RuleId
        && Severity == other.Severity
        && Message == other.Message
        && Path == other.Path
        && SubjectId == other.SubjectId
        && BranchIndex == other.BranchIndex
        && StepIndex == other.StepIndex
        && ActivityIndex == other.ActivityIndex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Finding other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RuleId, Severity, Message, Path, SubjectId, BranchIndex, StepIndex, ActivityIndex);

    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? $"{Severity} {RuleId}: {Message}" : $"{Severity} {RuleId} at {Path}: {Message}";
}

/// <summary>An ordered, immutable set of <see cref="Finding"/>s, with summary counts.</summary>
/// <remarks>Findings keep the order in which the checker produced them, which is deterministic for a given input.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class FindingReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="findings">The findings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is null or holds null.</exception>
    public FindingReport(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        Findings = [.. findings];
        foreach (var finding in Findings)
        {
            Preconditions.CheckElementNotNull(finding, nameof(findings), "A report cannot hold a null finding.");
        }
    }

    /// <summary>Gets a report with no findings.</summary>
    public static FindingReport Empty { get; } = new([]);

    /// <summary>Gets the findings.</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>Gets whether the report holds no error-level finding.</summary>
    public bool IsConforming => !Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>Gets whether the report holds no findings at all.</summary>
    public bool IsEmpty => Findings.IsEmpty;

    /// <summary>Gets the number of error-level findings.</summary>
    public int ErrorCount => Findings.Count(f => f.Severity == FindingSeverity.Error);

    /// <summary>Gets the number of warning-level findings.</summary>
    public int WarningCount => Findings.Count(f => f.Severity == FindingSeverity.Warning);

    /// <summary>Gets the distinct rule ids of the findings, sorted ordinally.</summary>
    public ImmutableArray<string> RuleIds => [.. Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Returns the findings of one rule.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <returns>The findings with that rule id, in report order.</returns>
    public ImmutableArray<Finding> ForRule(string ruleId) => [.. Findings.Where(f => f.RuleId == ruleId)];

    /// <inheritdoc />
    public override string ToString() => IsEmpty ? "No findings." : string.Join(Environment.NewLine, Findings);
}
