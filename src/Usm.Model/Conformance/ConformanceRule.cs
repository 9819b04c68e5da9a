using Usm.Model.Internal;

namespace Usm.Model.Conformance;

/// <summary>Where a conformance rule comes from, following the tags of the USM domain reference.</summary>
public enum RuleSource
{
    /// <summary>The rule encodes a USM fact: something the official method material states.</summary>
    Fact = 1,

    /// <summary>The rule encodes USM coach material (for example the standard step lists); it fits the method but is not an official text.</summary>
    Coach = 2,

    /// <summary>The rule is this library's own proposal (for example the RACI conventions); the method is silent.</summary>
    Proposal = 3,
}

/// <summary>
/// One rule of the <see cref="ConformanceChecker"/>: a stable id, a title, the severity of its findings, its source
/// and what it checks.
/// </summary>
/// <remarks>
/// Ids are stable across releases: <c>USM-WF-nnn</c> for workflow and path rules, <c>USM-RT-nnn</c> for routine rules
/// (procedures, RACI, work instructions). Every finding a rule produces has the rule's <see cref="Severity"/>.
/// Instances come only from <see cref="ConformanceChecker.Rules"/>; equality is reference equality.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ConformanceRule
{
    internal ConformanceRule(string id, FindingSeverity severity, RuleSource source, string title, string description)
    {
        Id = Preconditions.CheckNotBlank(id);
        Severity = Preconditions.CheckDefined(severity);
        Source = Preconditions.CheckDefined(source);
        Title = Preconditions.CheckNotBlank(title);
        Description = Preconditions.CheckNotBlank(description);
    }

    /// <summary>Gets the stable id, for example <c>USM-WF-004</c>.</summary>
    public string Id { get; }

    /// <summary>Gets a short title.</summary>
    public string Title { get; }

    /// <summary>Gets the severity of every finding this rule produces.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>Gets whether the rule comes from a USM fact, coach material or this library's proposal.</summary>
    public RuleSource Source { get; }

    /// <summary>Gets what the rule checks, in a sentence or two.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Title} ({Severity}, {Source})";
}
