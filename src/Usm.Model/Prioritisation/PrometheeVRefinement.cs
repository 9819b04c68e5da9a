using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Makes PROMETHEE V exact for negative net flows. The selector counts a negative value as 0, so when it takes an
/// unforced item with φ &lt; 0 (as a prerequisite of a better item, or to cover a resource) its choice is optimal for
/// Σ max(φ, 0) only. This search branches on such an item: once with it forced in (its φ then counts, as for every
/// must-include item), once with it and every item that depends on it removed, and re-runs the selector on each
/// branch. A branch whose selection holds no such item is solved exactly; a branch whose bound (its selector total with
/// the forced items' negative flows added) cannot beat the best selection found is cut. Depth first, "remove" before
/// "force", the first selection found with the highest Σ φ is kept.
/// </summary>
internal sealed class PrometheeVRefinement
{
    /// <summary>The most selector runs one refinement may use before it returns the best selection found, unproven.</summary>
    internal const int MaxSubproblems = 64;

    /// <summary>For tests only: a smaller limit than <see cref="MaxSubproblems"/> when positive.</summary>
    [ThreadStatic]
    internal static int ForcedLimit;

    private readonly PrometheeVItem[] _items;
    private readonly double[] _values;
    private readonly SprintSelectOptions _options;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, List<string>> _dependents;
    private readonly bool _coverageMetAtRoot;

    private (double F, SprintSelectResult Result, Dictionary<string, string> RemovedBy)? _best;
    private int _runs;
    private bool _complete = true;

    private PrometheeVRefinement(PrometheeVItem[] items, double[] values, SprintSelectOptions options, SprintSelectResult root)
    {
        _items = items;
        _values = values;
        _options = options;
        _index = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            _index[items[i].Id] = i;
        }

        _dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in options.Precedences)
        {
            if (!_dependents.TryGetValue(p.PrerequisiteId, out var list))
            {
                _dependents[p.PrerequisiteId] = list = [];
            }

            list.Add(p.DependentId);
        }

        _coverageMetAtRoot = options.RequireResourceCoverage && root.IsCoverageMet;
    }

    /// <summary>The refined selection: the selector result to report, the removed items' causes, whether the search finished, and how many subproblems it solved.</summary>
    internal sealed record Outcome(SprintSelectResult Selection, IReadOnlyDictionary<string, string> RemovedBy, bool Proven, int Subproblems);

    /// <summary>Refines a root selection that holds an unforced item with a negative value; the root is exact.</summary>
    public static Outcome Run(PrometheeVItem[] items, double[] values, SprintSelectOptions options, SprintSelectResult root)
    {
        var search = new PrometheeVRefinement(items, values, options, root);
        search.Visit(root, [], [], new Dictionary<string, string>(StringComparer.Ordinal));
        var best = search._best!.Value;
        var selection = ReferenceEquals(best.Result, root) ? root : search.Rebuild(best.Result);
        return new Outcome(selection, best.RemovedBy, search._complete, search._runs);
    }

    private static int Limit => ForcedLimit > 0 ? ForcedLimit : MaxSubproblems;

    internal static bool IsForced(SprintSelectDecision d) => d is SprintSelectDecision.MustInclude or SprintSelectDecision.PrerequisiteOfMustInclude;

    private void Visit(SprintSelectResult result, HashSet<string> forced, HashSet<string> removed, Dictionary<string, string> removedBy)
    {
        if (!result.IsFeasible || (_coverageMetAtRoot && !result.IsCoverageMet))
        {
            return;
        }

        if (!result.IsOptimal)
        {
            _complete = false;
            return;
        }

        var f = 0.0;
        var bound = 0.0;
        string? branchOn = null;
        foreach (var e in result.Explanations.Where(e => e.IsSelected).OrderBy(e => e.ItemId, StringComparer.Ordinal))
        {
            var v = _values[_index[e.ItemId]];
            f += v;
            bound += IsForced(e.Decision) ? v : Math.Max(v, 0);
            if (branchOn is null && v < 0 && !IsForced(e.Decision))
            {
                branchOn = e.ItemId;
            }
        }

        if (_best is null || f > _best.Value.F)
        {
            _best = (f, result, removedBy);
        }

        if (branchOn is null || bound <= _best.Value.F)
        {
            return;
        }

        // Remove the item and everything that depends on it.
        var closure = new HashSet<string>(removed, StringComparer.Ordinal);
        var causes = new Dictionary<string, string>(removedBy, StringComparer.Ordinal);
        var stack = new Stack<string>([branchOn]);
        var possible = true;
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!closure.Add(id))
            {
                continue;
            }

            causes[id] = branchOn;
            possible &= !forced.Contains(id) && !_items[_index[id]].MustInclude;
            foreach (var d in _dependents.GetValueOrDefault(id) ?? [])
            {
                stack.Push(d);
            }
        }

        if (possible)
        {
            Solve(forced, closure, causes);
        }

        Solve([.. forced, branchOn], removed, removedBy);
    }

    private void Solve(HashSet<string> forced, HashSet<string> removed, Dictionary<string, string> removedBy)
    {
        if (_runs >= Limit)
        {
            _complete = false;
            return;
        }

        _runs++;
        var items = new List<SprintSelectItem>(_items.Length);
        for (var i = 0; i < _items.Length; i++)
        {
            if (!removed.Contains(_items[i].Id))
            {
                var item = _items[i].ToSprintItem(Math.Max(_values[i], 0.0));
                items.Add(forced.Contains(item.Id) ? item.WithMustInclude(true) : item);
            }
        }

        var options = new SprintSelectOptions(
            _options.Capacity,
            _options.Precedences.Where(p => !removed.Contains(p.PrerequisiteId) && !removed.Contains(p.DependentId)),
            _options.RequireResourceCoverage,
            _options.WorkBudget,
            _options.ValueScale);
        Visit(SprintSelector.Select(items, options), forced, removed, removedBy);
    }

    /// <summary>
    /// The best subproblem's result in terms of the original problem: every item, in the original order, explained
    /// against the original capacity, must-include items and precedences (items the search forced in are
    /// <see cref="SprintSelectDecision.Chosen"/> and can make room; items it removed are left out).
    /// </summary>
    private SprintSelectResult Rebuild(SprintSelectResult best) =>
        SprintSelector.Describe([.. _items.Select((item, i) => item.ToSprintItem(Math.Max(_values[i], 0.0)))], _options, best);

    /// <summary>The reason to report for a refinement.</summary>
    internal static string Reason(Outcome outcome, ImmutableArray<string> clampedAtRoot) =>
        outcome.Proven
            ? Preconditions.Invariant($"The selector took {string.Join(", ", clampedAtRoot.Select(id => "'" + id + "'"))} with a negative net flow counted as 0; {outcome.Subproblems} more selector runs (each such item forced in or removed with its dependents) make the selection optimal for Σ φ.")
            : Preconditions.Invariant($"The selector took {string.Join(", ", clampedAtRoot.Select(id => "'" + id + "'"))} with a negative net flow counted as 0; the search for the best Σ φ stopped after {outcome.Subproblems} more selector runs (the limit is {Limit}, or a run was not exact), so the best selection found is not proven optimal.");
}
