using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>Where an improvement sprint stands: Planned → Active → Completed, or Cancelled (from Planned or Active).</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum SprintStatus
{
    /// <summary>Planned, not started.</summary>
    Planned = 1,

    /// <summary>Under way.</summary>
    Active = 2,

    /// <summary>Completed, with an outcome per item.</summary>
    Completed = 3,

    /// <summary>Cancelled.</summary>
    Cancelled = 4,
}

/// <summary>What became of one sprint item at completion.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum SprintItemOutcome
{
    /// <summary>The planned work on the risk is done.</summary>
    Done = 1,

    /// <summary>Not done, and not planned again.</summary>
    NotDone = 2,

    /// <summary>Not done, carried over to a later sprint; the risk must stay open.</summary>
    CarriedOver = 3,
}

/// <summary>One risk planned into a sprint, with the effort planned for it.</summary>
/// <remarks>Equality compares both properties.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SprintItem : IEquatable<SprintItem>
{
    /// <summary>Creates an item.</summary>
    /// <param name="riskId">The risk's id.</param>
    /// <param name="effort">The planned effort in integer units, at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="riskId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effort"/> is below 1.</exception>
    public SprintItem(string riskId, int effort)
    {
        RiskId = Preconditions.CheckNotBlank(riskId);
        Effort = Preconditions.CheckInRange(effort, 1, int.MaxValue);
    }

    /// <summary>Gets the risk's id.</summary>
    public string RiskId { get; }

    /// <summary>Gets the planned effort.</summary>
    public int Effort { get; }

    /// <inheritdoc />
    public bool Equals(SprintItem? other) => other is not null && RiskId == other.RiskId && Effort == other.Effort;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SprintItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RiskId, Effort);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{RiskId} ({Effort})");
}

/// <summary>
/// One improvement sprint: a small, time-boxed step of the improvement programme that handles a selection of risks
/// from the risk database within a capacity, and improves people, process and technology together.
/// </summary>
/// <remarks>Sprints are created and moved through their states only by <see cref="ImprovementProgramme"/>.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ImprovementSprint
{
    internal ImprovementSprint(int number, DateInterval period, int capacity, ImmutableArray<SprintItem> items, ImmutableArray<Resource> coveredResources, string mechanismName, FindingReport findings)
    {
        Number = number;
        Period = period;
        Capacity = capacity;
        Items = items;
        CoveredResources = coveredResources;
        MechanismName = mechanismName;
        Findings = findings;
        Status = SprintStatus.Planned;
        Outcomes = ImmutableSortedDictionary.Create<string, SprintItemOutcome>(StringComparer.Ordinal);
    }

    private ImprovementSprint(ImprovementSprint source)
    {
        Number = source.Number;
        Period = source.Period;
        Capacity = source.Capacity;
        Items = source.Items;
        CoveredResources = source.CoveredResources;
        MechanismName = source.MechanismName;
        Findings = source.Findings;
        Status = source.Status;
        Outcomes = source.Outcomes;
        CancelReason = source.CancelReason;
    }

    /// <summary>Gets the sprint number, 1 for the first sprint of the programme.</summary>
    public int Number { get; }

    /// <summary>Gets the dates the sprint runs (both ends included).</summary>
    public DateInterval Period { get; }

    /// <summary>Gets the capacity in effort units.</summary>
    public int Capacity { get; }

    /// <summary>Gets the planned items, in the order given.</summary>
    public ImmutableArray<SprintItem> Items { get; }

    /// <summary>Gets the resources the planned risks affect, in enum order.</summary>
    public ImmutableArray<Resource> CoveredResources { get; }

    /// <summary>Gets the name of the prioritisation mechanism in force when the sprint was planned.</summary>
    public string MechanismName { get; }

    /// <summary>Gets the findings of planning, for example a resource the sprint does not improve (rule USM-IMP-001).</summary>
    public FindingReport Findings { get; }

    /// <summary>Gets the status.</summary>
    public SprintStatus Status { get; private init; }

    /// <summary>Gets the outcome per risk id once completed (empty before).</summary>
    public ImmutableSortedDictionary<string, SprintItemOutcome> Outcomes { get; private init; }

    /// <summary>Gets the reason given when the sprint was cancelled.</summary>
    public string? CancelReason { get; private init; }

    /// <summary>Gets the total planned effort.</summary>
    public int PlannedEffort => Items.Sum(i => i.Effort);

    /// <summary>Gets the effort of the items done (0 before completion).</summary>
    public int DoneEffort => Items.Where(i => Outcomes.GetValueOrDefault(i.RiskId) == SprintItemOutcome.Done).Sum(i => i.Effort);

    /// <summary>Gets the number of risks realised (items done).</summary>
    public int RisksRealised => Outcomes.Values.Count(o => o == SprintItemOutcome.Done);

    /// <summary>Gets the ids of the carried-over risks, sorted ordinally.</summary>
    public ImmutableArray<string> CarriedOver => [.. Outcomes.Where(p => p.Value == SprintItemOutcome.CarriedOver).Select(p => p.Key)];

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"Sprint {Number} [{Status}] {Period.Start:uuuu-MM-dd}..{Period.End:uuuu-MM-dd}: {Items.Length} items, {PlannedEffort}/{Capacity}");

    internal ImprovementSprint With(SprintStatus status, ImmutableSortedDictionary<string, SprintItemOutcome>? outcomes = null, string? cancelReason = null) => new(this)
    {
        Status = status,
        Outcomes = outcomes ?? Outcomes,
        CancelReason = cancelReason ?? CancelReason,
    };
}

/// <summary>One point of a burn-up series: cumulative planned and done effort after a sprint.</summary>
/// <param name="SprintNumber">The sprint's number.</param>
/// <param name="End">The sprint's last day.</param>
/// <param name="CumulativePlanned">Planned effort of this and all earlier sprints.</param>
/// <param name="CumulativeDone">Done effort of this and all earlier sprints.</param>
public readonly record struct BurnUpPoint(int SprintNumber, LocalDate End, int CumulativePlanned, int CumulativeDone)
{
    /// <summary>Gets the sprint's number.</summary>
    public int SprintNumber { get; } = SprintNumber;

    /// <summary>Gets the sprint's last day.</summary>
    public LocalDate End { get; } = End;

    /// <summary>Gets the planned effort of this and all earlier sprints.</summary>
    public int CumulativePlanned { get; } = CumulativePlanned;

    /// <summary>Gets the done effort of this and all earlier sprints.</summary>
    public int CumulativeDone { get; } = CumulativeDone;
}

/// <summary>One point of the exposure trend: the risk database's exposure at the end of a sprint.</summary>
/// <param name="SprintNumber">The sprint's number.</param>
/// <param name="End">The sprint's last day.</param>
/// <param name="Exposure">The exposure after the sprint's last day.</param>
public readonly record struct ExposurePoint(int SprintNumber, LocalDate End, double Exposure)
{
    /// <summary>Gets the sprint's number.</summary>
    public int SprintNumber { get; } = SprintNumber;

    /// <summary>Gets the sprint's last day.</summary>
    public LocalDate End { get; } = End;

    /// <summary>Gets the exposure after the sprint's last day.</summary>
    public double Exposure { get; } = Exposure;
}
