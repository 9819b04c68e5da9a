using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>
/// The part of the USM method a question probes: a prerequisite, a resource, a process, a workflow pattern, or the
/// services. Create instances with the static factories.
/// </summary>
/// <remarks>
/// <para>Exactly one of <see cref="Prerequisite"/>, <see cref="Resource"/>, <see cref="Process"/> and
/// <see cref="Pattern"/> is set, matching <see cref="Kind"/>; for <see cref="UsmElementKind.Services"/> none is.</para>
/// <para>Equality compares the kind and the element.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class UsmElement : IEquatable<UsmElement>
{
    private UsmElement(UsmElementKind kind, Prerequisite? prerequisite, Resource? resource, UsmProcess? process, WorkflowPattern? pattern)
    {
        Kind = kind;
        Prerequisite = prerequisite;
        Resource = resource;
        Process = process;
        Pattern = pattern;
    }

    /// <summary>Gets the element that stands for the organisation's services.</summary>
    public static UsmElement Services { get; } = new(UsmElementKind.Services, null, null, null, null);

    /// <summary>Gets the kind of element.</summary>
    public UsmElementKind Kind { get; }

    /// <summary>Gets the prerequisite, when <see cref="Kind"/> is <see cref="UsmElementKind.Prerequisite"/>.</summary>
    public Prerequisite? Prerequisite { get; }

    /// <summary>Gets the resource, when <see cref="Kind"/> is <see cref="UsmElementKind.Resource"/>.</summary>
    public Resource? Resource { get; }

    /// <summary>Gets the process, when <see cref="Kind"/> is <see cref="UsmElementKind.Process"/>.</summary>
    public UsmProcess? Process { get; }

    /// <summary>Gets the workflow pattern, when <see cref="Kind"/> is <see cref="UsmElementKind.WorkflowPattern"/>.</summary>
    public WorkflowPattern? Pattern { get; }

    /// <summary>
    /// Gets the resources an improvement of this element touches. A resource maps to itself; a process, a workflow
    /// pattern and the services map to <see cref="Model.Resource.Process"/>; each prerequisite maps to the resources
    /// it is about (see docs/assessment.md for the table).
    /// </summary>
    public ImmutableArray<Resource> AffectedResources => Kind switch
    {
        UsmElementKind.Resource => [Resource!.Value],
        UsmElementKind.Prerequisite => ResourcesOf(Prerequisite!.Value),
        _ => [Model.Resource.Process],
    };

    /// <summary>Returns the element for a prerequisite.</summary>
    /// <param name="prerequisite">The prerequisite.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prerequisite"/> is undefined.</exception>
    public static UsmElement For(Prerequisite prerequisite) => new(UsmElementKind.Prerequisite, Preconditions.CheckDefined(prerequisite), null, null, null);

    /// <summary>Returns the element for a resource.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resource"/> is undefined.</exception>
    public static UsmElement For(Resource resource) => new(UsmElementKind.Resource, null, Preconditions.CheckDefined(resource), null, null);

    /// <summary>Returns the element for a process.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="process"/> is undefined.</exception>
    public static UsmElement For(UsmProcess process) => new(UsmElementKind.Process, null, null, Preconditions.CheckDefined(process), null);

    /// <summary>Returns the element for a workflow pattern.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static UsmElement For(WorkflowPattern pattern) => new(UsmElementKind.WorkflowPattern, null, null, null, Preconditions.CheckNotNull(pattern));

    /// <inheritdoc />
    public bool Equals(UsmElement? other) =>
        other is not null && Kind == other.Kind && Prerequisite == other.Prerequisite && Resource == other.Resource
        && Process == other.Process && ReferenceEquals(Pattern, other.Pattern);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UsmElement other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Prerequisite, Resource, Process, Pattern?.Number);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        UsmElementKind.Prerequisite => Preconditions.Invariant($"prerequisite {(int)Prerequisite!.Value} {Prerequisite}"),
        UsmElementKind.Resource => Preconditions.Invariant($"resource {Resource}"),
        UsmElementKind.Process => Preconditions.Invariant($"process {Process}"),
        UsmElementKind.WorkflowPattern => Preconditions.Invariant($"workflow pattern {Pattern!.Code}"),
        _ => "services",
    };

    private static ImmutableArray<Resource> ResourcesOf(Prerequisite prerequisite) => prerequisite switch
    {
        Assessment.Prerequisite.ManagementTools => [Model.Resource.Technology],
        Assessment.Prerequisite.ImprovementsAsRisks => [Model.Resource.Process, Model.Resource.Technology],
        Assessment.Prerequisite.BaselineScan or Assessment.Prerequisite.ImprovementInventory or Assessment.Prerequisite.ImprovementSprints => [Model.Resource.Process],
        _ => [Model.Resource.People],
    };
}
