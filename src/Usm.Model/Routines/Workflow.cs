using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Routines;

/// <summary>
/// A routine: an ordered list of steps, each belonging to one process, that a call of type <see cref="Trigger"/> sets
/// off. A static workflow is one sequence; a dynamic workflow forks after its last trunk step into
/// <see cref="Branches"/>, each a sequence of further steps.
/// </summary>
/// <remarks>
/// <para>Construction checks only programmer errors. Use <see cref="Conformance.ConformanceChecker"/> to check the
/// workflow against the method; a nonconforming workflow is a valid object with findings, not an exception.</para>
/// <para>Equality is structural: every property, with steps and branches compared in order.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Workflow : IEquatable<Workflow>
{
    /// <summary>Creates a workflow.</summary>
    /// <param name="id">The id (a USM-WIF slug is a good choice).</param>
    /// <param name="name">The name.</param>
    /// <param name="trigger">The call type that starts the workflow.</param>
    /// <param name="routineType">Whether this is a process, a procedure or a work instruction.</param>
    /// <param name="steps">The trunk steps, in order. For a dynamic workflow the last trunk step is the fork step.</param>
    /// <param name="dynamicity">Static or dynamic.</param>
    /// <param name="branches">For a dynamic workflow, the branches after the fork step; empty for a static one.</param>
    /// <param name="description">An optional description.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or a collection holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is undefined.</exception>
    public Workflow(string id, string name, CallType trigger, RoutineType routineType, IEnumerable<WorkflowStep> steps, Dynamicity dynamicity = Dynamicity.Static, IEnumerable<WorkflowBranch>? branches = null, string? description = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Trigger = Preconditions.CheckDefined(trigger);
        RoutineType = Preconditions.CheckDefined(routineType);
        Dynamicity = Preconditions.CheckDefined(dynamicity);
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
        foreach (var s in Steps)
        {
            Preconditions.CheckElementNotNull(s, nameof(steps), Preconditions.Invariant($"Workflow '{id}' has a null step."));
        }

        Branches = branches is null ? [] : [.. branches];
        foreach (var b in Branches)
        {
            Preconditions.CheckElementNotNull(b, nameof(branches), Preconditions.Invariant($"Workflow '{id}' has a null branch."));
        }

        Description = description;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the call type that starts this workflow.</summary>
    public CallType Trigger { get; }

    /// <summary>Gets the routine type.</summary>
    public RoutineType RoutineType { get; }

    /// <summary>Gets whether the workflow is static or dynamic.</summary>
    public Dynamicity Dynamicity { get; }

    /// <summary>Gets the trunk steps.</summary>
    public ImmutableArray<WorkflowStep> Steps { get; }

    /// <summary>Gets the branches after the fork step (dynamic workflows only).</summary>
    public ImmutableArray<WorkflowBranch> Branches { get; }

    /// <summary>
    /// Gets every complete path through the workflow: the trunk alone for a workflow without branches, otherwise the
    /// trunk followed by each branch.
    /// </summary>
    public ImmutableArray<ImmutableArray<WorkflowStep>> Paths =>
        Branches.IsEmpty ? [Steps] : [.. Branches.Select(b => Steps.AddRange(b.Steps))];

    /// <summary>Gets every step: the trunk, then each branch's steps in branch order.</summary>
    public IEnumerable<WorkflowStep> AllSteps => Steps.Concat(Branches.SelectMany(b => b.Steps));

    /// <summary>
    /// Gets the workflow patterns this workflow's paths follow, by collapsing each path's steps into process blocks.
    /// A path that matches no pattern contributes nothing; use the conformance checker to learn why.
    /// </summary>
    public ImmutableArray<WorkflowPattern> Patterns =>
        [.. Paths.Select(p => WorkflowPattern.FromProcesses(ProcessBlocks(p))).OfType<WorkflowPattern>().Distinct().Order()];

    /// <summary>Collapses a step sequence into its process blocks: runs of equal processes become one entry.</summary>
    /// <param name="steps">The steps.</param>
    /// <returns>The process of each block, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is null or holds null.</exception>
    public static ImmutableArray<UsmProcess> ProcessBlocks(IEnumerable<WorkflowStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var blocks = ImmutableArray.CreateBuilder<UsmProcess>();
        var index = 0;
        foreach (var step in steps)
        {
            Preconditions.CheckElementNotNull(step, nameof(steps), Preconditions.Invariant($"The steps hold null at index {index}."));
            index++;
            if (blocks.Count == 0 || blocks[^1] != step.Process)
            {
                blocks.Add(step.Process);
            }
        }

        return blocks.ToImmutable();
    }

    /// <summary>Returns a copy with other trunk steps.</summary>
    /// <param name="steps">The new steps.</param>
    /// <returns>A new workflow; this one is unchanged.</returns>
    public Workflow WithSteps(IEnumerable<WorkflowStep> steps) => new(Id, Name, Trigger, RoutineType, steps, Dynamicity, Branches, Description);

    /// <summary>Returns a copy with other branches and dynamicity.</summary>
    /// <param name="dynamicity">The dynamicity.</param>
    /// <param name="branches">The branches.</param>
    /// <returns>A new workflow; this one is unchanged.</returns>
    public Workflow WithBranches(Dynamicity dynamicity, IEnumerable<WorkflowBranch> branches) => new(Id, Name, Trigger, RoutineType, Steps, dynamicity, branches, Description);

    /// <summary>Returns a copy with another routine type.</summary>
    /// <param name="routineType">The routine type.</param>
    /// <returns>A new workflow; this one is unchanged.</returns>
    public Workflow WithRoutineType(RoutineType routineType) => new(Id, Name, Trigger, routineType, Steps, Dynamicity, Branches, Description);

    /// <summary>Returns a copy with another trigger.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>A new workflow; this one is unchanged.</returns>
    public Workflow WithTrigger(CallType trigger) => new(Id, Name, trigger, RoutineType, Steps, Dynamicity, Branches, Description);

    /// <inheritdoc />
    public bool Equals(Workflow? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Description == other.Description
        && Trigger == other.Trigger
        && RoutineType == other.RoutineType
        && Dynamicity == other.Dynamicity
        && Hashing.SequenceEqual(Steps, other.Steps)
        && Hashing.SequenceEqual(Branches, other.Branches);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Workflow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Description, Trigger, RoutineType, Dynamicity, Hashing.Sequence(Steps), Hashing.Sequence(Branches));

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Trigger}, {RoutineType}, {Dynamicity}, {Steps.Length} steps)";
}
