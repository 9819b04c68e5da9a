using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How a sprint selection ended.</summary>
public enum SprintSelectStatus
{
    /// <summary>An exact method ran to the end: no feasible selection has more value.</summary>
    Optimal = 1,

    /// <summary>The greedy method ran (see <see cref="SprintSelectResult.Reasons"/> for why); the selection is feasible but may not be optimal.</summary>
    Heuristic = 2,

    /// <summary>No selection satisfies the hard constraints: the must-include items and their prerequisites exceed the capacity.</summary>
    Infeasible = 3,
}

/// <summary>Which method produced a sprint selection.</summary>
public enum SprintSelectMethod
{
    /// <summary>No method ran, because the selection was infeasible.</summary>
    None = 1,

    /// <summary>The exact 0/1 knapsack dynamic programme over integer effort.</summary>
    DynamicProgramming = 2,

    /// <summary>Greedy by value per effort, guarded by the best single item.</summary>
    Greedy = 3,

    /// <summary>The exact depth-first search with bounds, used when the precedences are not a forest.</summary>
    BranchAndBound = 4,
}

/// <summary>Why an item is in or out of the sprint.</summary>
public enum SprintSelectDecision
{
    /// <summary>In: the item is marked must-include.</summary>
    MustInclude = 1,

    /// <summary>In: a must-include item depends on it.</summary>
    PrerequisiteOfMustInclude = 2,

    /// <summary>In: the method chose it.</summary>
    Chosen = 3,

    /// <summary>Out: it would fit in the capacity, but the chosen items use the capacity better (see <see cref="SprintSelectExplanation.Displaced"/>).</summary>
    LeftOut = 4,

    /// <summary>Out: with its prerequisites it needs more than the capacity left after the must-include items.</summary>
    TooLarge = 5,

    /// <summary>Out: the selection is infeasible, so nothing is selected.</summary>
    Infeasible = 6,
}

/// <summary>Why one candidate is in or out of the sprint: its value, effort and ratio, and for items left out the capacity it would have needed and what it would have displaced.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SprintSelectExplanation
{
    internal SprintSelectExplanation(SprintSelectItem item, SprintSelectDecision decision, long capacityNeeded, long shortfall, ImmutableArray<string> displaced)
    {
        ItemId = item.Id;
        Decision = decision;
        Value = item.Value;
        Effort = item.Effort;
        Ratio = item.Ratio;
        CapacityNeeded = capacityNeeded;
        CapacityShortfall = shortfall;
        Displaced = displaced;
    }

    /// <summary>Gets the item's id.</summary>
    public string ItemId { get; }

    /// <summary>Gets why the item is in or out.</summary>
    public SprintSelectDecision Decision { get; }

    /// <summary>Gets whether the item is in the sprint.</summary>
    public bool IsSelected => Decision is SprintSelectDecision.MustInclude or SprintSelectDecision.PrerequisiteOfMustInclude or SprintSelectDecision.Chosen;

    /// <summary>Gets the item's value.</summary>
    public double Value { get; }

    /// <summary>Gets the item's effort.</summary>
    public int Effort { get; }

    /// <summary>Gets the item's value per unit of effort (see <see cref="SprintSelectItem.Ratio"/>).</summary>
    public double Ratio { get; }

    /// <summary>
    /// Gets the capacity the item needs: for a selected item its effort; for an item left out its effort plus that of
    /// its prerequisites that are not selected, since it could only join with them.
    /// </summary>
    public long CapacityNeeded { get; }

    /// <summary>Gets how much more capacity than is left free the item would have needed; 0 for selected items and for items that would fit in the free capacity.</summary>
    public long CapacityShortfall { get; }

    /// <summary>
    /// Gets, for an item left out, the selected items that would have to make room for it: the chosen items (never
    /// must-include items or its own prerequisites) with the lowest value per effort, each with the selected items
    /// that depend on it, taken until the shortfall is covered. Empty when there is no shortfall or it cannot be
    /// covered. This explains the trade-off; it is not a second optimisation.
    /// </summary>
    public ImmutableArray<string> Displaced { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var head = Preconditions.Invariant($"{ItemId}: {Decision} (value {Value}, effort {Effort}, ratio {Ratio:0.###})");
        if (IsSelected || Decision == SprintSelectDecision.Infeasible)
        {
            return head;
        }

        var tail = Preconditions.Invariant($"; needs {CapacityNeeded}, {CapacityShortfall} more than is free");
        return Displaced.IsEmpty ? head + tail : head + tail + "; would displace " + string.Join(", ", Displaced);
    }
}

/// <summary>
/// The outcome of a sprint selection: the chosen items, their total value and effort, whether the choice is optimal,
/// whether people, process and technology are covered, why the result is not optimal or feasible, and an explanation
/// for every candidate.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SprintSelectResult
{
    internal SprintSelectResult(
        SprintSelectStatus status,
        SprintSelectMethod method,
        ImmutableArray<string> selectedIds,
        double totalValue,
        long totalEffort,
        int capacity,
        bool coverageRequired,
        ImmutableArray<Resource> coveredResources,
        ImmutableArray<string> infeasibleItemIds,
        ImmutableArray<string> reasons,
        ImmutableArray<SprintSelectExplanation> explanations,
        long workCells)
    {
        Status = status;
        Method = method;
        SelectedIds = selectedIds;
        TotalValue = totalValue;
        TotalEffort = totalEffort;
        Capacity = capacity;
        IsCoverageRequired = coverageRequired;
        CoveredResources = coveredResources;
        InfeasibleItemIds = infeasibleItemIds;
        Reasons = reasons;
        Explanations = explanations;
        WorkCells = workCells;
    }

    /// <summary>Gets how the selection ended.</summary>
    public SprintSelectStatus Status { get; }

    /// <summary>Gets whether the selection is optimal (an exact method ran to the end).</summary>
    public bool IsOptimal => Status == SprintSelectStatus.Optimal;

    /// <summary>Gets whether the hard constraints (capacity, must-include, precedence) could be met.</summary>
    public bool IsFeasible => Status != SprintSelectStatus.Infeasible;

    /// <summary>Gets the method that produced the selection.</summary>
    public SprintSelectMethod Method { get; }

    /// <summary>Gets the ids of the selected items, sorted ordinally; empty when infeasible.</summary>
    public ImmutableArray<string> SelectedIds { get; }

    /// <summary>Gets the sum of the selected items' values (original values, added in ordinal id order).</summary>
    public double TotalValue { get; }

    /// <summary>Gets the sum of the selected items' efforts.</summary>
    public long TotalEffort { get; }

    /// <summary>Gets the sprint's capacity.</summary>
    public int Capacity { get; }

    /// <summary>Gets the capacity the selection leaves free.</summary>
    public long RemainingCapacity => Capacity - TotalEffort;

    /// <summary>Gets whether people, process and technology coverage was asked for.</summary>
    public bool IsCoverageRequired { get; }

    /// <summary>Gets the resources the selected items improve, in enum order.</summary>
    public ImmutableArray<Resource> CoveredResources { get; }

    /// <summary>Gets whether the selected items cover all of people, process and technology.</summary>
    public bool IsCoverageMet => CoveredResources.Length == 3;

    /// <summary>Gets, when infeasible, the must-include items and their prerequisites whose effort exceeds the capacity, sorted ordinally.</summary>
    public ImmutableArray<string> InfeasibleItemIds { get; }

    /// <summary>Gets readable reasons: why the result is not optimal, not feasible, or does not cover every resource that was required. Empty for a plain optimal result.</summary>
    public ImmutableArray<string> Reasons { get; }

    /// <summary>Gets one explanation per candidate, in the order the candidates were given.</summary>
    public ImmutableArray<SprintSelectExplanation> Explanations { get; }

    /// <summary>Gets the work of the exact method: table cells filled by the dynamic programme, or nodes visited by the search (0 when neither ran).</summary>
    public long WorkCells { get; }

    /// <summary>Returns the explanation for one candidate.</summary>
    /// <param name="itemId">The candidate's id.</param>
    /// <returns>Its explanation.</returns>
    /// <exception cref="ArgumentException">No candidate has that id.</exception>
    public SprintSelectExplanation Explain(string itemId)
    {
        foreach (var e in Explanations)
        {
            if (string.Equals(e.ItemId, itemId, StringComparison.Ordinal))
            {
                return e;
            }
        }

        throw new ArgumentException(Preconditions.Invariant($"No candidate has the id '{itemId}'."), nameof(itemId));
    }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Status} by {Method}: {SelectedIds.Length} items, value {TotalValue}, effort {TotalEffort}/{Capacity}");
}
