using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Routines;

/// <summary>
/// An activity within a workflow step. In a procedure it carries responsibilities (who); in a work instruction it
/// also carries a tool and an instruction text (how).
/// </summary>
/// <remarks>
/// Construction checks only programmer errors (null or blank ids). Whether the activity conforms to the method, for
/// example whether it has exactly one Accountable, is the job of <see cref="Conformance.ConformanceChecker"/>.
/// Equality is structural: every property, with responsibilities compared in order.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Activity : IEquatable<Activity>
{
    /// <summary>Creates an activity.</summary>
    /// <param name="id">The id, unique within the workflow.</param>
    /// <param name="name">A short name.</param>
    /// <param name="responsibilities">The RACI responsibilities per profile; empty for a process-level routine.</param>
    /// <param name="tool">The tool used (work instructions only), or null.</param>
    /// <param name="instruction">The instruction text (work instructions only), or null.</param>
    /// <param name="description">An optional description.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null, or <paramref name="responsibilities"/> holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public Activity(string id, string name, IEnumerable<Responsibility>? responsibilities = null, string? tool = null, string? instruction = null, string? description = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Responsibilities = responsibilities is null ? [] : [.. responsibilities];
        foreach (var r in Responsibilities)
        {
            Preconditions.CheckElementNotNull(r, nameof(responsibilities), Preconditions.Invariant($"Activity '{id}' has a null responsibility."));
        }

        Tool = tool;
        Instruction = instruction;
        Description = description;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the responsibilities per profile.</summary>
    public ImmutableArray<Responsibility> Responsibilities { get; }

    /// <summary>Gets the tool used, if any.</summary>
    public string? Tool { get; }

    /// <summary>Gets the instruction text, if any.</summary>
    public string? Instruction { get; }

    /// <summary>Returns a copy with other responsibilities.</summary>
    /// <param name="responsibilities">The new responsibilities.</param>
    /// <returns>A new activity; this one is unchanged.</returns>
    public Activity WithResponsibilities(IEnumerable<Responsibility> responsibilities) => new(Id, Name, responsibilities, Tool, Instruction, Description);

    /// <summary>Returns a copy with another tool and instruction.</summary>
    /// <param name="tool">The tool, or null.</param>
    /// <param name="instruction">The instruction, or null.</param>
    /// <returns>A new activity; this one is unchanged.</returns>
    public Activity WithHow(string? tool, string? instruction) => new(Id, Name, Responsibilities, tool, instruction, Description);

    /// <inheritdoc />
    public bool Equals(Activity? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Description == other.Description
        && Tool == other.Tool
        && Instruction == other.Instruction
        && Hashing.SequenceEqual(Responsibilities, other.Responsibilities);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Activity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Description, Tool, Instruction, Hashing.Sequence(Responsibilities));

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
