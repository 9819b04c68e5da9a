using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Why one candidate is in or out of a PROMETHEE V selection: its net flow and PROMETHEE II rank, the value the
/// programme gave it, its effort, and the selector's decision with what it would have displaced.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PrometheeVExplanation
{
    internal PrometheeVExplanation(PrometheeVItem item, double netFlow, double value, int rank, SprintSelectExplanation sprint, string summary)
    {
        ItemId = item.Id;
        NetFlow = netFlow;
        Value = value;
        Rank = rank;
        Effort = item.Effort;
        Sprint = sprint;
        Summary = summary;
    }

    /// <summary>Gets the candidate's id.</summary>
    public string ItemId { get; }

    /// <summary>Gets the candidate's net flow φ (PROMETHEE II score).</summary>
    public double NetFlow { get; }

    /// <summary>Gets the value PROMETHEE V counts for the candidate (see <see cref="PrometheeVValue"/>); may be negative with <see cref="PrometheeVValue.NetFlow"/>.</summary>
    public double Value { get; }

    /// <summary>Gets the candidate's PROMETHEE II position: 1 for the highest net flow, ties by ordinal id.</summary>
    public int Rank { get; }

    /// <summary>Gets the candidate's effort.</summary>
    public int Effort { get; }

    /// <summary>Gets whether the candidate is selected.</summary>
    public bool IsSelected => Sprint.IsSelected;

    /// <summary>Gets the selector's decision.</summary>
    public SprintSelectDecision Decision => Sprint.Decision;

    /// <summary>
    /// Gets the selector's explanation: capacity needed, shortfall and, for an item left out, the chosen items that would
    /// have to make room for it (<see cref="SprintSelectExplanation.Displaced"/>). Its value is the value passed to the
    /// selector, which is <see cref="Value"/> or, when that is negative, 0.
    /// </summary>
    public SprintSelectExplanation Sprint { get; }

    /// <summary>Gets a readable sentence: in or out, and why.</summary>
    public string Summary { get; }

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// The outcome of PROMETHEE V: the selected candidates, each candidate's net flow and value, the objective, whether the
/// selection is optimal, and an explanation per candidate.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PrometheeVResult
{
    internal PrometheeVResult(PrometheeFlows flows, PrometheeVValue mapping, double offset, IReadOnlyList<PrometheeVItem> items, double[] netFlows, double[] values, Dictionary<string, int> ranks, SprintSelectResult selection, ImmutableArray<string> clampedAtFirst, PrometheeVRefinement.Outcome? refinement)
    {
        Flows = flows;
        ValueMapping = mapping;
        Offset = offset;
        Selection = selection;

        var valueOf = new Dictionary<string, double>(items.Count, StringComparer.Ordinal);
        var flowOf = new Dictionary<string, double>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            valueOf[items[i].Id] = values[i];
            flowOf[items[i].Id] = netFlows[i];
        }

        // Sums in ordinal id order (SelectedIds is sorted), as the selector sums its total.
        var objective = 0.0;
        var total = 0.0;
        foreach (var id in selection.SelectedIds)
        {
            objective += valueOf[id];
            total += flowOf[id];
        }

        Objective = objective;
        NetFlowTotal = total;

        // Items with a negative value that the selector took although not every feasible selection holds them.
        var clamped = PrometheeV.ClampedIds(selection, values);
        ValueClampedIds = clamped;
        IsOptimal = selection.IsOptimal && (refinement is null ? clamped.IsEmpty : refinement.Proven);

        var reasons = selection.Reasons.ToBuilder();
        if (refinement is not null)
        {
            reasons.Add(PrometheeVRefinement.Reason(refinement, clampedAtFirst));
        }
        else if (!clamped.IsEmpty)
        {
            reasons.Add(Preconditions.Invariant(
                $"The selection holds {string.Join(", ", clamped.Select(id => Preconditions.Invariant($"'{id}' (φ {RankingMethod.F(flowOf[id])})")))}, taken as a prerequisite or for resource coverage; the selector counts a negative net flow as 0, so the selection is optimal for Σ max(φ, 0), not proven optimal for Σ φ."));
        }

        Reasons = reasons.ToImmutable();

        var free = selection.IsFeasible ? selection.RemainingCapacity : selection.Capacity;
        var anyForced = selection.Explanations.Any(e => e.Decision is SprintSelectDecision.MustInclude or SprintSelectDecision.PrerequisiteOfMustInclude);
        var explanations = ImmutableArray.CreateBuilder<PrometheeVExplanation>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var sprint = selection.Explanations[i];
            var rank = ranks[items[i].Id];
            var cause = refinement?.RemovedBy.GetValueOrDefault(items[i].Id);
            var summary = cause is not null && cause != items[i].Id && !sprint.IsSelected
                ? Preconditions.Invariant($"{items[i].Id}: φ {RankingMethod.F(netFlows[i])} (rank {rank} of {flows.Count}), value {RankingMethod.F(values[i])}, effort {items[i].Effort}; out: it comes only with {cause} (φ {RankingMethod.F(flowOf[cause])}), and the best selection leaves {cause} out.")
                : Summarise(items[i], netFlows[i], values[i], rank, flows.Count, sprint, valueOf, free, anyForced, mapping, selection.Status == SprintSelectStatus.Heuristic);
            explanations.Add(new PrometheeVExplanation(items[i], netFlows[i], values[i], rank, sprint, summary));
        }

        Explanations = explanations.MoveToImmutable();
    }

    /// <summary>Gets the PROMETHEE flows the selection is based on.</summary>
    public PrometheeFlows Flows { get; }

    /// <summary>Gets how net flows became values.</summary>
    public PrometheeVValue ValueMapping { get; }

    /// <summary>Gets the constant added to every net flow to make its value: 0, −min φ or 1.</summary>
    public double Offset { get; }

    /// <summary>
    /// Gets the selector's result for the final selection, with values as passed to it (negative values as 0). When the
    /// search over negative net flows ran (see <see cref="PrometheeV"/>), it is the run that produced the final selection,
    /// restated over every candidate in the items' order and explained against the original capacity, must-include items
    /// and precedences: items the search forced in are <see cref="SprintSelectDecision.Chosen"/> (and may be displaced),
    /// and items it removed are out.
    /// </summary>
    public SprintSelectResult Selection { get; }

    /// <summary>Gets how the selection ended (see <see cref="SprintSelectStatus"/>).</summary>
    public SprintSelectStatus Status => Selection.Status;

    /// <summary>Gets whether the constraints could be met.</summary>
    public bool IsFeasible => Selection.IsFeasible;

    /// <summary>
    /// Gets whether no feasible selection has a higher <see cref="Objective"/>: the selector's method was exact and,
    /// when it took an item with a negative value counted as 0, the search over such items finished (see
    /// <see cref="PrometheeV"/> and <see cref="Reasons"/>).
    /// </summary>
    public bool IsOptimal { get; }

    /// <summary>Gets the ids of the selected candidates, sorted ordinally; empty when infeasible.</summary>
    public ImmutableArray<string> SelectedIds => Selection.SelectedIds;

    /// <summary>Gets the objective: the sum of the selected candidates' values, added in ordinal id order.</summary>
    public double Objective { get; }

    /// <summary>Gets the sum of the selected candidates' net flows (the objective of Brans and Mareschal whatever the mapping).</summary>
    public double NetFlowTotal { get; }

    /// <summary>Gets the sum of the selected candidates' efforts.</summary>
    public long TotalEffort => Selection.TotalEffort;

    /// <summary>Gets the ids of the selected candidates, not forced in, whose value is negative (passed to the selector as 0): taken as the price of a better item or for resource coverage; sorted ordinally.</summary>
    public ImmutableArray<string> ValueClampedIds { get; }

    /// <summary>Gets readable reasons why the result is not optimal, not feasible, or does not cover every resource that was required. Empty for a plain optimal result.</summary>
    public ImmutableArray<string> Reasons { get; }

    /// <summary>Gets one explanation per candidate, in the order the items were given.</summary>
    public ImmutableArray<PrometheeVExplanation> Explanations { get; }

    /// <summary>Returns the explanation for one candidate.</summary>
    /// <param name="id">The candidate's id.</param>
    /// <returns>Its explanation.</returns>
    /// <exception cref="ArgumentException">No candidate has that id.</exception>
    public PrometheeVExplanation Explain(string id)
    {
        foreach (var e in Explanations)
        {
            if (string.Equals(e.ItemId, id, StringComparison.Ordinal))
            {
                return e;
            }
        }

        throw new ArgumentException(Preconditions.Invariant($"No candidate has the id '{id}'."), nameof(id));
    }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"PROMETHEE V ({ValueMapping}), {Status}: {SelectedIds.Length} of {Explanations.Length} items, objective {RankingMethod.F(Objective)}, effort {TotalEffort}/{Selection.Capacity}");

    private static string Summarise(PrometheeVItem item, double phi, double value, int rank, int count, SprintSelectExplanation sprint, Dictionary<string, double> valueOf, long free, bool anyForced, PrometheeVValue mapping, bool heuristic)
    {
        static string F(double v) => RankingMethod.F(v);
        var head = Preconditions.Invariant($"{item.Id}: φ {F(phi)} (rank {rank} of {count}), value {F(value)}, effort {item.Effort}");
        return sprint.Decision switch
        {
            SprintSelectDecision.MustInclude => head + "; in: must include.",
            SprintSelectDecision.PrerequisiteOfMustInclude => head + "; in: a must-include item depends on it.",
            SprintSelectDecision.Chosen when value < 0 => head + "; in: chosen although its net flow is negative, as a prerequisite or for resource coverage.",
            SprintSelectDecision.Chosen => head + "; in: chosen.",
            SprintSelectDecision.Infeasible => head + "; out: the must-include items and their prerequisites exceed the capacity, so nothing is selected.",
            SprintSelectDecision.TooLarge => head + Preconditions.Invariant($"; out: with its prerequisites it needs {sprint.CapacityNeeded}, more than {(anyForced ? "the capacity left after the must-include items" : "the whole capacity")}."),
            _ when value <= 0 && sprint.CapacityShortfall == 0 => head + Preconditions.Invariant(
                $"; out: {(mapping == PrometheeVValue.NetFlow ? "its net flow is not positive" : "its value is 0")}, so taking it would not raise the objective (it would fit: needs {sprint.CapacityNeeded}, {free} free)."),
            _ when value <= 0 => head + Preconditions.Invariant(
                $"; out: {(mapping == PrometheeVValue.NetFlow ? "its net flow is not positive" : "its value is 0")}, and it needs {sprint.CapacityNeeded}, {sprint.CapacityShortfall} more than is free."),
            _ when sprint.CapacityShortfall == 0 => head + Preconditions.Invariant(
                $"; out: it would fit (needs {sprint.CapacityNeeded}, {free} free), but {(heuristic ? "the greedy method did not take it" : "its value is below the rounding of the total")}."),
            _ when sprint.Displaced.IsEmpty => head + Preconditions.Invariant($"; out: needs {sprint.CapacityNeeded}, {sprint.CapacityShortfall} more than is free, and the chosen items that could go do not free enough."),
            _ => head + Preconditions.Invariant(
                $"; out: needs {sprint.CapacityNeeded}, {sprint.CapacityShortfall} more than is free; to make room, {string.Join(", ", sprint.Displaced.Select(id => Preconditions.Invariant($"{id} (value {F(valueOf[id])})")))} would have to go, worth {F(sprint.Displaced.Sum(id => valueOf[id]))} together."),
        };
    }
}
