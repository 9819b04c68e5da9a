using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Routines;

/// <summary>A step of a workflow. Each step belongs to exactly one process and holds that step's activities.</summary>
/// <remarks>Equality is structural, with activities compared in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WorkflowStep : IEquatable<WorkflowStep>
{
    /// <summary>Creates a step.</summary>
    /// <param name="id">The id, unique within the workflow.</param>
    /// <param name="process">The process the step belongs to.</param>
    /// <param name="name">The step name.</param>
    /// <param name="activities">The activities, in order.</param>
    /// <param name="catalogueKey">The key of the standard step it implements (see <see cref="ProcessStepCatalogue"/>), or null.</param>
    /// <param name="description">An optional description.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or <paramref name="activities"/> holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="process"/> is undefined.</exception>
    public WorkflowStep(string id, UsmProcess process, string name, IEnumerable<Activity>? activities = null, string? catalogueKey = null, string? description = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Process = Preconditions.CheckDefined(process);
        Name = Preconditions.CheckNotNull(name);
        Activities = activities is null ? [] : [.. activities];
        foreach (var a in Activities)
        {
            Preconditions.CheckElementNotNull(a, nameof(activities), Preconditions.Invariant($"Step '{id}' has a null activity."));
        }

        CatalogueKey = catalogueKey;
        Description = description;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the process this step belongs to.</summary>
    public UsmProcess Process { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the key of the standard step this step implements, if any.</summary>
    public string? CatalogueKey { get; }

    /// <summary>Gets the activities.</summary>
    public ImmutableArray<Activity> Activities { get; }

    /// <summary>Returns a copy with other activities.</summary>
    /// <param name="activities">The new activities.</param>
    /// <returns>A new step; this one is unchanged.</returns>
    public WorkflowStep WithActivities(IEnumerable<Activity> activities) => new(Id, Process, Name, activities, CatalogueKey, Description);

    /// <inheritdoc />
    public bool Equals(WorkflowStep? other) =>
        other is not null
        && Id == other.Id
        && Process == other.Process
        && Name == other.Name
        && Description == other.Description
        && CatalogueKey == other.CatalogueKey
        && Hashing.SequenceEqual(Activities, other.Activities);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WorkflowStep other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Process, Name, Description, CatalogueKey, Hashing.Sequence(Activities));

    /// <inheritdoc />
    public override string ToString() => $"{Id} [{Process}] {Name}";
}

/// <summary>One continuation of a dynamic workflow after its fork step.</summary>
/// <remarks>Equality is structural, with steps compared in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WorkflowBranch : IEquatable<WorkflowBranch>
{
    /// <summary>Creates a branch.</summary>
    /// <param name="name">The branch name, for example "recovery needs a change".</param>
    /// <param name="steps">The steps that follow the fork on this branch.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="steps"/> holds null.</exception>
    public WorkflowBranch(string name, IEnumerable<WorkflowStep> steps)
    {
        Name = Preconditions.CheckNotNull(name);
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
        foreach (var s in Steps)
        {
            Preconditions.CheckElementNotNull(s, nameof(steps), Preconditions.Invariant($"Branch '{name}' has a null step."));
        }
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the steps.</summary>
    public ImmutableArray<WorkflowStep> Steps { get; }

    /// <inheritdoc />
    public bool Equals(WorkflowBranch? other) => other is not null && Name == other.Name && Hashing.SequenceEqual(Steps, other.Steps);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WorkflowBranch other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Hashing.Sequence(Steps));

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Steps.Length} steps)";
}
