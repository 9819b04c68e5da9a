using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Chooses the improvements for a sprint: the subset of candidates with the most value whose effort fits the sprint's
/// capacity (the 0/1 knapsack problem), with must-include items, precedences and people/process/technology coverage.
/// </summary>
/// <remarks>
/// <para><b>Exact method.</b> A dynamic programme over integer effort: O(n·C) time, one row of C + 1 values per live
/// table row (two rows without precedences; at most one more per level of precedence nesting) and a table of
/// n·(C + 1) bits that records each take-or-leave decision, from which the choice is rebuilt. With coverage required
/// the state also holds which of the three resources are covered, so time and bits grow eightfold.</para>
/// <para><b>Precedences</b> are handled exactly when, after dropping prerequisites implied by others, every item has at
/// most one prerequisite (the precedences form a forest): the programme walks the forest in pre-order and leaving an
/// item out leaves out its whole subtree. Any other precedence graph is solved by an exact depth-first search with
/// bounds (<see cref="SprintSelectMethod.BranchAndBound"/>), each node counting as 16 cells against the work budget;
/// when the budget runs out, the greedy method is used, with a reason.</para>
/// <para><b>Greedy method.</b> Used when the table or the search would exceed <see cref="SprintSelectOptions.WorkBudget"/>: items by value per effort (ties: higher value, then ordinal id), each taken with its
/// missing prerequisites when they fit and add value (an item worth 0 with its missing prerequisites is left out, as the
/// exact method leaves it out); the result is replaced by the best single item (with its prerequisites) when
/// that is worth more, then filled greedily again. Without precedences and coverage this reaches at least half the
/// optimum.</para>
/// <para><b>Tie-breaking.</b> Items are processed in ordinal id order (in pre-order of the precedence forest, children
/// in ordinal id order), so the result does not depend on the order of the input. When several selections reach the
/// optimum, the exact method returns the one that leaves out the earliest item it can: in processing order, the
/// selection's in/out sequence is the lexicographically smallest (out before in) among the optimal ones. Without
/// precedences this means ties are broken against the item with the ordinally smaller id.</para>
/// <para>Infeasibility (the must-include items and their prerequisites exceed the capacity) is a result, not an
/// exception. Bad input throws.</para>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public static class SprintSelector
{
    private const int AllResources = 7;

    /// <summary>For tests only: 0 lets the row step pick its widest SIMD path; 1 forces scalar code; 2 forces 128-bit vectors.</summary>
    [ThreadStatic]
    internal static int ForcedLanes;
    private static readonly double s_maxExactSum = 9007199254740992.0; // 2^53

    /// <summary>Selects the sprint's items.</summary>
    /// <param name="items">The candidates; ids must be unique (ordinal). Not modified.</param>
    /// <param name="options">The capacity and constraints.</param>
    /// <returns>The selection with an explanation for every candidate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="options"/> is null, or <paramref name="items"/> holds null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="items"/> holds a duplicate id; a precedence names an unknown item or the precedences form
    /// a cycle; the values sum beyond the largest finite <see cref="double"/>; or, with a value scale, the scaled values
    /// sum beyond 2^53.
    /// </exception>
    public static SprintSelectResult Select(IReadOnlyList<SprintSelectItem> items, SprintSelectOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        var problem = new Problem(items, options);
        return problem.Solve();
    }

    /// <summary>
    /// Explains a selection found for a restricted copy of the problem (PROMETHEE V's search forces items in and removes
    /// others) as a result of this problem: decisions, capacity needed, shortfalls and displaced items against the
    /// original capacity, must-include items and precedences, so that no item is called too large because of an item
    /// the search forced in.
    /// </summary>
    internal static SprintSelectResult Describe(IReadOnlyList<SprintSelectItem> items, SprintSelectOptions options, SprintSelectResult restricted) =>
        new Problem(items, options).Describe(restricted);

    /// <summary>The working data of one selection, in ordinal id order (index i is the i-th smallest id).</summary>
    private sealed class Problem
    {
        private readonly SprintSelectOptions _options;
        private readonly SprintSelectItem[] _items;      // ordinal id order
        private readonly int[] _inputIndex;              // ordinal index -> input index
        private readonly int[][] _parents;               // direct prerequisites (distinct, sorted)
        private readonly int[][] _children;              // direct dependents (distinct, sorted)
        private readonly bool[] _forced;
        private readonly int _n;
        private readonly int _capacity;
        private readonly int _forcedMask;
        private readonly long _forcedEffort;
        private readonly double[] _dpValue;

        public Problem(IReadOnlyList<SprintSelectItem> items, SprintSelectOptions options)
        {
            _options = options;
            _capacity = options.Capacity;
            _n = items.Count;
            var byInput = new SprintSelectItem[_n];
            for (var i = 0; i < _n; i++)
            {
                byInput[i] = items[i] ?? throw new ArgumentNullException(nameof(items), Preconditions.Invariant($"The candidates cannot hold null (at index {i})."));
            }

            _inputIndex = [.. Enumerable.Range(0, _n).OrderBy(i => byInput[i].Id, StringComparer.Ordinal)];
            _items = [.. _inputIndex.Select(i => byInput[i])];
            var indexOf = new Dictionary<string, int>(_n, StringComparer.Ordinal);
            for (var i = 0; i < _n; i++)
            {
                if (!indexOf.TryAdd(_items[i].Id, i))
                {
                    throw new ArgumentException(Preconditions.Invariant($"The candidates hold the id '{_items[i].Id}' more than once."), nameof(items));
                }
            }

            var parents = new SortedSet<int>[_n];
            var children = new SortedSet<int>[_n];
            for (var i = 0; i < _n; i++)
            {
                parents[i] = [];
                children[i] = [];
            }

            foreach (var p in options.Precedences)
            {
                var a = Lookup(indexOf, p.PrerequisiteId, p);
                var b = Lookup(indexOf, p.DependentId, p);
                parents[b].Add(a);
                children[a].Add(b);
            }

            _parents = [.. parents.Select(s => s.ToArray())];
            _children = [.. children.Select(s => s.ToArray())];
            CheckAcyclic();

            _forced = new bool[_n];
            var stack = new Stack<int>();
            for (var i = 0; i < _n; i++)
            {
                if (_items[i].MustInclude)
                {
                    stack.Push(i);
                }
            }

            while (stack.Count > 0)
            {
                var i = stack.Pop();
                if (_forced[i])
                {
                    continue;
                }

                _forced[i] = true;
                _forcedEffort += _items[i].Effort;
                _forcedMask |= _items[i].ResourceMask;
                foreach (var p in _parents[i])
                {
                    stack.Push(p);
                }
            }

            _dpValue = new double[_n];
            var sum = 0.0;
            for (var i = 0; i < _n; i++)
            {
                _dpValue[i] = options.ValueScale is { } k ? Math.Round(_items[i].Value * k, MidpointRounding.ToEven) : _items[i].Value;
                sum += _dpValue[i];
                if (!double.IsFinite(sum))
                {
                    // Sums of values would overflow to infinity, and infinite totals cannot be compared.
                    throw new ArgumentException(Preconditions.Invariant($"The candidates' values{(options.ValueScale is { } f ? Preconditions.Invariant($" scaled by {f}") : string.Empty)} sum beyond the largest finite number at item '{_items[i].Id}' (value {_items[i].Value}); use smaller units."), nameof(items));
                }
            }

            if (options.ValueScale is not null && sum > s_maxExactSum)
            {
                throw new ArgumentException(Preconditions.Invariant($"With the value scale {options.ValueScale}, the values sum to {sum}, beyond 2^53, where whole numbers are no longer exact."), nameof(options));
            }
        }

        public SprintSelectResult Solve()
        {
            if (_forcedEffort > _capacity)
            {
                return Infeasible();
            }

            var residual = (int)(_capacity - _forcedEffort);
            var reasons = new List<string>();
            var coverage = _options.RequireResourceCoverage;
            var forest = ReduceToForest(out var parentOf, out var notForestReason);
            var states = coverage ? 8 : 1;
            var cells = (long)_n * (residual + 1L) * states;
            bool[] selected;
            SprintSelectMethod method;
            long workCells = 0;
            if (!forest)
            {
                var search = new Search(this, residual, _options.WorkBudget);
                if (search.Run(coverage, out selected))
                {
                    method = SprintSelectMethod.BranchAndBound;
                    workCells = search.Nodes;
                }
                else if (coverage && !search.Exhausted && search.Run(false, out selected))
                {
                    reasons.Add(CoverageInfeasibleReason(residual));
                    method = SprintSelectMethod.BranchAndBound;
                    workCells = search.Nodes;
                }
                else
                {
                    reasons.Add(notForestReason! + Preconditions.Invariant($" The exact search stopped at the work budget of {_options.WorkBudget} cells ({_options.WorkBudget / 16} nodes at 16 cells each), so the greedy method was used."));
                    selected = Greedy(residual, coverage, reasons);
                    method = SprintSelectMethod.Greedy;
                }
            }
            else if (cells > _options.WorkBudget)
            {
                reasons.Add(Preconditions.Invariant(
                    $"The exact method would fill n·(C + 1){(coverage ? "·8" : string.Empty)} = {_n}·{residual + 1L}{(coverage ? "·8" : string.Empty)} = {cells} cells, more than the work budget of {_options.WorkBudget}; the greedy method was used instead."));
                selected = Greedy(residual, coverage, reasons);
                method = SprintSelectMethod.Greedy;
            }
            else if ((long)_n * states * ((residual + 64L) >> 6) > Array.MaxLength || states * (residual + 1L) > Array.MaxLength)
            {
                reasons.Add(Preconditions.Invariant(
                    $"The exact method's table for {_n} items and capacity {residual} is larger than .NET arrays allow; the greedy method was used instead."));
                selected = Greedy(residual, coverage, reasons);
                method = SprintSelectMethod.Greedy;
            }
            else
            {
                method = SprintSelectMethod.DynamicProgramming;
                var dp = new ForestProgramme(this, parentOf!, residual);
                workCells = cells;
                if (!dp.Run(coverage, out selected))
                {
                    reasons.Add(CoverageInfeasibleReason(residual));
                    workCells += (long)_n * (residual + 1);
                    dp.Run(false, out selected);
                }
            }

            return Build(method != SprintSelectMethod.Greedy ? SprintSelectStatus.Optimal : SprintSelectStatus.Heuristic, method, selected, reasons, workCells);
        }

        private static int Lookup(Dictionary<string, int> indexOf, string id, SprintPrecedence p) =>
            indexOf.TryGetValue(id, out var i)
                ? i
                : throw new ArgumentException(Preconditions.Invariant($"The precedence '{p}' names the unknown item '{id}'."), "options");

        private void CheckAcyclic()
        {
            var indegree = new int[_n];
            for (var i = 0; i < _n; i++)
            {
                indegree[i] = _parents[i].Length;
            }

            var queue = new Queue<int>(Enumerable.Range(0, _n).Where(i => indegree[i] == 0));
            var done = new bool[_n];
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                done[i] = true;
                foreach (var c in _children[i])
                {
                    if (--indegree[c] == 0)
                    {
                        queue.Enqueue(c);
                    }
                }
            }

            var start = Array.IndexOf(done, false);
            if (start < 0)
            {
                return;
            }

            // Every item left has a prerequisite that is also left; walking up must repeat, and the repeat lies on a cycle.
            var seenAt = new Dictionary<int, int>();
            var path = new List<int>();
            var at = start;
            while (!seenAt.ContainsKey(at))
            {
                seenAt[at] = path.Count;
                path.Add(at);
                at = _parents[at].First(p => !done[p]);
            }

            var cycle = path.Skip(seenAt[at]).Reverse().Select(i => "'" + _items[i].Id + "'").ToList();
            cycle.Add(cycle[0]);
            throw new ArgumentException(Preconditions.Invariant($"The precedences form a cycle: {string.Join(" before ", cycle)}."), "options");
        }

        private bool IsAncestor(int candidate, int of)
        {
            var stack = new Stack<int>(_parents[of]);
            var seen = new HashSet<int>();
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                if (i == candidate)
                {
                    return true;
                }

                if (seen.Add(i))
                {
                    foreach (var p in _parents[i])
                    {
                        stack.Push(p);
                    }
                }
            }

            return false;
        }

        /// <summary>Drops prerequisites implied by another prerequisite; succeeds when each item keeps at most one.</summary>
        private bool ReduceToForest(out int[]? parentOf, out string? reason)
        {
            parentOf = new int[_n];
            reason = null;
            for (var i = 0; i < _n; i++)
            {
                var ps = _parents[i];
                if (ps.Length == 0)
                {
                    parentOf[i] = -1;
                    continue;
                }

                var dominant = -1;
                foreach (var p in ps)
                {
                    if (ps.All(q => q == p || IsAncestor(q, p)))
                    {
                        dominant = p;
                        break;
                    }
                }

                if (dominant < 0)
                {
                    var names = string.Join(", ", ps.Select(p => "'" + _items[p].Id + "'"));
                    reason = Preconditions.Invariant(
                        $"The precedences are not a forest: '{_items[i].Id}' requires {names}, none of which implies the others, so the dynamic programme does not apply.");
                    parentOf = null;
                    return false;
                }

                parentOf[i] = dominant;
            }

            return true;
        }

        private string CoverageInfeasibleReason(int residual)
        {
            var missing = new List<Resource>();
            foreach (var r in Enum.GetValues<Resource>())
            {
                var bit = SprintSelectItem.MaskOf(r);
                if ((_forcedMask & bit) == 0 && !Enumerable.Range(0, _n).Any(i => (_items[i].ResourceMask & bit) != 0 && !_forced[i] && ClosureEffort(i, null) <= residual))
                {
                    missing.Add(r);
                }
            }

            var detail = missing.Count > 0
                ? "no candidate that fits improves " + string.Join(", ", missing)
                : "no combination of candidates that fits covers all three";
            return "No selection within the capacity covers people, process and technology (" + detail + "); the best selection without full coverage is returned.";
        }

        /// <summary>The effort of an item plus that of its prerequisites that are neither forced nor selected.</summary>
        private long ClosureEffort(int item, bool[]? selected)
        {
            long total = 0;
            foreach (var i in Closure(item, selected))
            {
                total += _items[i].Effort;
            }

            return total;
        }

        /// <summary>The item and its prerequisites (transitively) that are neither forced nor selected.</summary>
        private List<int> Closure(int item, bool[]? selected)
        {
            var result = new List<int>();
            var seen = new HashSet<int>();
            var stack = new Stack<int>();
            stack.Push(item);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                if (_forced[i] || (selected is not null && selected[i]) || !seen.Add(i))
                {
                    continue;
                }

                result.Add(i);
                foreach (var p in _parents[i])
                {
                    stack.Push(p);
                }
            }

            return result;
        }

        private bool[] Greedy(int residual, bool coverage, List<string> reasons)
        {
            var order = Enumerable.Range(0, _n)
                .Where(i => !_forced[i])
                .OrderByDescending(i => _items[i].Ratio)
                .ThenByDescending(i => _items[i].Value)
                .ThenBy(i => i)
                .ToArray();

            var plain = GreedyFrom(residual, order, guard: true);
            if (!coverage || Mask(plain) == AllResources)
            {
                return plain;
            }

            var repaired = (bool[])plain.Clone();
            RepairCoverage(repaired, residual);
            var coverFirst = (bool[])_forced.Clone();
            RepairCoverage(coverFirst, residual);
            Fill(coverFirst, residual - Effort(coverFirst) + _forcedEffort, order);

            bool[] best;
            var a = Mask(repaired) == AllResources;
            var b = Mask(coverFirst) == AllResources;
            if (a && b)
            {
                best = Value(coverFirst) > Value(repaired) ? coverFirst : repaired;
            }
            else if (a || b)
            {
                best = a ? repaired : coverFirst;
            }
            else
            {
                reasons.Add("The greedy method found no selection within the capacity that covers people, process and technology; the greedy selection without full coverage is returned.");
                best = plain;
            }

            return best;
        }

        private bool[] GreedyFrom(int residual, int[] order, bool guard)
        {
            var selected = (bool[])_forced.Clone();
            Fill(selected, residual, order);
            if (!guard)
            {
                return selected;
            }

            var bestItem = -1;
            var bestValue = double.NegativeInfinity;
            foreach (var i in order)
            {
                var closure = Closure(i, null);
                long effort = 0;
                var value = 0.0;
                foreach (var j in closure)
                {
                    effort += _items[j].Effort;
                    value += _items[j].Value;
                }

                if (effort <= residual && value > bestValue)
                {
                    bestItem = i;
                    bestValue = value;
                }
            }

            if (bestItem < 0 || bestValue <= Value(selected) - Value(_forced))
            {
                return selected;
            }

            var alternative = (bool[])_forced.Clone();
            var chosen = Closure(bestItem, null);
            foreach (var j in chosen)
            {
                alternative[j] = true;
            }

            Fill(alternative, residual - Effort(alternative) + _forcedEffort, order);
            return alternative;
        }

        /// <summary>
        /// Adds items in the given order, each with its missing prerequisites, while they fit in <paramref name="free"/>;
        /// an item that adds no value with its missing prerequisites is not added just because it fits, as in the exact method.
        /// </summary>
        private void Fill(bool[] selected, long free, int[] order)
        {
            foreach (var i in order)
            {
                if (selected[i])
                {
                    continue;
                }

                var closure = Closure(i, selected);
                long effort = 0;
                var value = 0.0;
                foreach (var j in closure)
                {
                    effort += _items[j].Effort;
                    value += _items[j].Value;
                }

                if (effort <= free && value > 0)
                {
                    foreach (var j in closure)
                    {
                        selected[j] = true;
                    }

                    free -= effort;
                }
            }
        }

        /// <summary>
        /// While a resource is missing, adds the candidate (with its missing prerequisites) that fits and covers the
        /// most missing resources; ties go to the least effort, then to the ordinally smaller id.
        /// </summary>
        private void RepairCoverage(bool[] selected, int residual)
        {
            while (true)
            {
                var mask = Mask(selected);
                if (mask == AllResources)
                {
                    return;
                }

                var free = residual - Effort(selected) + _forcedEffort;
                var best = -1;
                var bestGain = 0;
                long bestEffort = long.MaxValue;
                for (var i = 0; i < _n; i++)
                {
                    if (selected[i] || (_items[i].ResourceMask & ~mask) == 0)
                    {
                        continue;
                    }

                    var closure = Closure(i, selected);
                    long effort = 0;
                    var closureMask = 0;
                    foreach (var j in closure)
                    {
                        effort += _items[j].Effort;
                        closureMask |= _items[j].ResourceMask;
                    }

                    var gain = System.Numerics.BitOperations.PopCount((uint)(closureMask & ~mask));
                    if (effort <= free && (gain > bestGain || (gain == bestGain && effort < bestEffort)))
                    {
                        best = i;
                        bestGain = gain;
                        bestEffort = effort;
                    }
                }

                if (best < 0)
                {
                    return;
                }

                foreach (var j in Closure(best, selected))
                {
                    selected[j] = true;
                }
            }
        }

        private int Mask(bool[] selected)
        {
            var mask = 0;
            for (var i = 0; i < _n; i++)
            {
                if (selected[i])
                {
                    mask |= _items[i].ResourceMask;
                }
            }

            return mask;
        }

        private long Effort(bool[] selected)
        {
            long total = 0;
            for (var i = 0; i < _n; i++)
            {
                if (selected[i])
                {
                    total += _items[i].Effort;
                }
            }

            return total;
        }

        private double Value(bool[] selected)
        {
            var total = 0.0;
            for (var i = 0; i < _n; i++)
            {
                if (selected[i])
                {
                    total += _items[i].Value;
                }
            }

            return total;
        }

        private SprintSelectResult Infeasible()
        {
            var ids = Enumerable.Range(0, _n).Where(i => _forced[i]).Select(i => _items[i].Id).ToImmutableArray();
            var reason = Preconditions.Invariant(
                $"The must-include items and their prerequisites ({string.Join(", ", ids)}) need {_forcedEffort} effort units, but the capacity is {_capacity}.");
            var explanations = new SprintSelectExplanation[_n];
            for (var i = 0; i < _n; i++)
            {
                explanations[_inputIndex[i]] = new SprintSelectExplanation(_items[i], SprintSelectDecision.Infeasible, ClosureEffortAll(i), 0, []);
            }

            return new SprintSelectResult(
                SprintSelectStatus.Infeasible, SprintSelectMethod.None, [], 0.0, 0, _capacity, _options.RequireResourceCoverage, [], ids, [reason], [.. explanations], 0);
        }

        /// <summary>The effort of an item and all its prerequisites, forced or not.</summary>
        private long ClosureEffortAll(int item)
        {
            var seen = new HashSet<int>();
            var stack = new Stack<int>();
            stack.Push(item);
            long total = 0;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                if (seen.Add(i))
                {
                    total += _items[i].Effort;
                    foreach (var p in _parents[i])
                    {
                        stack.Push(p);
                    }
                }
            }

            return total;
        }

        /// <summary>The result of another problem over a subset of these items, explained as a selection of this one.</summary>
        public SprintSelectResult Describe(SprintSelectResult restricted)
        {
            var chosen = new HashSet<string>(restricted.SelectedIds, StringComparer.Ordinal);
            var selected = new bool[_n];
            for (var i = 0; i < _n; i++)
            {
                selected[i] = chosen.Contains(_items[i].Id);
            }

            return Build(restricted.Status, restricted.Method, selected, [.. restricted.Reasons], restricted.WorkCells);
        }

        private SprintSelectResult Build(SprintSelectStatus status, SprintSelectMethod method, bool[] selected, List<string> reasons, long workCells)
        {
            var totalEffort = Effort(selected);
            var totalValue = Value(selected);
            var free = _capacity - totalEffort;
            var residual = _capacity - _forcedEffort;
            var mask = Mask(selected);
            if (_options.RequireResourceCoverage && mask != AllResources && reasons.Count == 0)
            {
                reasons.Add("People, process and technology are not all covered.");
            }

            // Chosen items from the least to the most value per effort: the first to make room for an item left out.
            var removable = Enumerable.Range(0, _n)
                .Where(i => selected[i] && !_forced[i])
                .OrderBy(i => _items[i].Ratio)
                .ThenBy(i => _items[i].Value)
                .ThenBy(i => i)
                .ToArray();

            var explanations = new SprintSelectExplanation[_n];
            for (var i = 0; i < _n; i++)
            {
                var item = _items[i];
                SprintSelectExplanation e;
                if (selected[i])
                {
                    var decision = item.MustInclude ? SprintSelectDecision.MustInclude
                        : _forced[i] ? SprintSelectDecision.PrerequisiteOfMustInclude
                        : SprintSelectDecision.Chosen;
                    e = new SprintSelectExplanation(item, decision, item.Effort, 0, []);
                }
                else
                {
                    var needed = ClosureEffort(i, selected);
                    var alone = ClosureEffort(i, null);
                    var shortfall = Math.Max(0, needed - free);
                    if (alone > residual)
                    {
                        e = new SprintSelectExplanation(item, SprintSelectDecision.TooLarge, needed, shortfall, []);
                    }
                    else
                    {
                        var displaced = shortfall > 0 ? Displaced(i, shortfall, selected, removable) : [];
                        e = new SprintSelectExplanation(item, SprintSelectDecision.LeftOut, needed, shortfall, displaced);
                    }
                }

                explanations[_inputIndex[i]] = e;
            }

            var ids = Enumerable.Range(0, _n).Where(i => selected[i]).Select(i => _items[i].Id).ToImmutableArray();
            var covered = Enum.GetValues<Resource>().Where(r => (mask & SprintSelectItem.MaskOf(r)) != 0).ToImmutableArray();
            return new SprintSelectResult(status, method, ids, totalValue, totalEffort, _capacity, _options.RequireResourceCoverage, covered, [], [.. reasons], [.. explanations], workCells);
        }

        private ImmutableArray<string> Displaced(int item, long shortfall, bool[] selected, int[] removable)
        {
            var ancestors = new HashSet<int>(AllAncestors(item));
            var removed = new HashSet<int>();
            long freed = 0;
            foreach (var r in removable)
            {
                if (freed >= shortfall)
                {
                    break;
                }

                if (removed.Contains(r) || ancestors.Contains(r))
                {
                    continue;
                }

                var stack = new Stack<int>();
                stack.Push(r);
                while (stack.Count > 0)
                {
                    var i = stack.Pop();
                    if (selected[i] && removed.Add(i))
                    {
                        freed += _items[i].Effort;
                        foreach (var c in _children[i])
                        {
                            stack.Push(c);
                        }
                    }
                }
            }

            return freed >= shortfall ? [.. removed.Order().Select(i => _items[i].Id)] : [];
        }

        private IEnumerable<int> AllAncestors(int item)
        {
            var seen = new HashSet<int>();
            var stack = new Stack<int>(_parents[item]);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                if (seen.Add(i))
                {
                    foreach (var p in _parents[i])
                    {
                        stack.Push(p);
                    }
                }
            }

            return seen;
        }

        /// <summary>
        /// The exact search for precedence graphs that are not forests: depth-first over the free items in topological
        /// order (ties by ordinal id), leaving an item out before taking it, taking it only with all its prerequisites
        /// and when it fits, and pruning a branch when even all remaining values could not beat the best selection
        /// found. Every visited node counts as sixteen cells against the work budget; when the budget runs out the
        /// search gives up.
        /// Exploring "out" first and accepting only strictly better selections returns, among optimal ones, the
        /// lexicographically smallest in that order (out before in).
        /// </summary>
        private sealed class Search
        {
            private readonly Problem _problem;
            private readonly int _capacity;
            private readonly long _budget;
            private readonly int[] _order;
            private readonly double[] _suffixValue;
            private readonly bool[] _taken;
            private bool[]? _best;
            private double _bestValue;
            private bool _coverage;

            public Search(Problem problem, int capacity, long budget)
            {
                _problem = problem;
                _capacity = capacity;
                _budget = budget;
                var n = problem._n;
                var pending = new int[n];
                for (var i = 0; i < n; i++)
                {
                    pending[i] = problem._parents[i].Length;
                }

                var ready = new SortedSet<int>(Enumerable.Range(0, n).Where(i => pending[i] == 0));
                var order = new List<int>(n);
                while (ready.Count > 0)
                {
                    var i = ready.Min;
                    ready.Remove(i);
                    if (!problem._forced[i])
                    {
                        order.Add(i);
                    }

                    foreach (var c in problem._children[i])
                    {
                        if (--pending[c] == 0)
                        {
                            ready.Add(c);
                        }
                    }
                }

                _order = [.. order];
                _suffixValue = new double[_order.Length + 1];
                for (var k = _order.Length - 1; k >= 0; k--)
                {
                    _suffixValue[k] = _suffixValue[k + 1] + problem._dpValue[_order[k]];
                }

                _taken = (bool[])problem._forced.Clone();
            }

            public long Nodes { get; private set; }

            public bool Exhausted { get; private set; }

            public bool Run(bool coverage, out bool[] selected)
            {
                _coverage = coverage;
                _best = null;
                _bestValue = double.NegativeInfinity;
                Array.Copy(_problem._forced, _taken, _taken.Length);
                var start = coverage ? _problem._forcedMask : 0;
                if (!Exhausted)
                {
                    Visit(0, _capacity, 0.0, start);
                }

                selected = _best ?? (bool[])_problem._forced.Clone();
                return !Exhausted && _best is not null;
            }

            private void Visit(int k, long free, double value, int mask)
            {
                // A node costs about as much as sixteen table cells, so it counts sixteen against the budget.
                if (Exhausted || ++Nodes > _budget / 16)
                {
                    Exhausted = true;
                    return;
                }

                if (value + _suffixValue[k] <= _bestValue)
                {
                    return;
                }

                if (k == _order.Length)
                {
                    if (!_coverage || mask == AllResources)
                    {
                        _bestValue = value;
                        _best = (bool[])_taken.Clone();
                    }

                    return;
                }

                Visit(k + 1, free, value, mask);
                var item = _order[k];
                var effort = _problem._items[item].Effort;
                if (effort <= free && PrerequisitesTaken(item))
                {
                    _taken[item] = true;
                    Visit(k + 1, free - effort, value + _problem._dpValue[item], _coverage ? mask | _problem._items[item].ResourceMask : 0);
                    _taken[item] = false;
                }
            }

            private bool PrerequisitesTaken(int item)
            {
                foreach (var p in _problem._parents[item])
                {
                    if (!_taken[p])
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// The exact programme over a precedence forest. Positions are the items in pre-order (roots and children in
        /// ordinal id order); <c>end[p]</c> is the position after p's subtree. Row p holds, for every coverage state m and
        /// free capacity c, the most value positions p.. can add: f[p][m][c] = max(f[end p][m][c],
        /// v + f[p + 1][m | r][c − w]). A bit per (p, m, c) records whether taking the item is strictly better.
        /// </summary>
        private sealed class ForestProgramme
        {
            private readonly Problem _problem;
            private readonly int[] _order;
            private readonly int[] _end;
            private readonly int _capacity;

            public ForestProgramme(Problem problem, int[] parentOf, int capacity)
            {
                _problem = problem;
                _capacity = capacity;
                var n = problem._n;
                var kids = new List<int>[n];
                for (var i = 0; i < n; i++)
                {
                    kids[i] = [];
                }

                for (var i = 0; i < n; i++)
                {
                    if (parentOf[i] >= 0)
                    {
                        kids[parentOf[i]].Add(i); // i ascends, so each list is in ordinal id order
                    }
                }

                _order = new int[n];
                _end = new int[n];
                var position = 0;
                var stack = new Stack<(int Node, bool Exit, int Pos)>();
                for (var root = n - 1; root >= 0; root--)
                {
                    if (parentOf[root] < 0)
                    {
                        stack.Push((root, false, 0));
                    }
                }

                while (stack.Count > 0)
                {
                    var (node, exit, pos) = stack.Pop();
                    if (exit)
                    {
                        _end[pos] = position;
                        continue;
                    }

                    _order[position] = node;
                    stack.Push((node, true, position));
                    position++;
                    for (var k = kids[node].Count - 1; k >= 0; k--)
                    {
                        stack.Push((kids[node][k], false, 0));
                    }
                }
            }

            public bool Run(bool coverage, out bool[] selected)
            {
                var p0 = _problem;
                var n = p0._n;
                var states = coverage ? 8 : 1;
                var width = _capacity + 1;
                var rowWords = (width + 63) >> 6;
                var bits = new ulong[(long)n * states * rowWords];
                var rows = new double[]?[n + 1];
                var uses = new int[n + 1];
                for (var p = 0; p < n; p++)
                {
                    uses[p + 1]++;
                    uses[_end[p]]++;
                }

                var pool = new Stack<double[]>();
                var last = new double[states * width];
                for (var m = 0; m < states; m++)
                {
                    last.AsSpan(m * width, width).Fill(states == 1 || m == AllResources ? 0.0 : double.NegativeInfinity);
                }

                rows[n] = last;
                for (var p = n - 1; p >= 0; p--)
                {
                    var node = _order[p];
                    var next = rows[p + 1]!;
                    var skip = rows[_end[p]]!;
                    var cur = pool.Count > 0 ? pool.Pop() : new double[states * width];
                    var r = states == 1 ? 0 : p0._items[node].ResourceMask;
                    if (p0._forced[node])
                    {
                        for (var m = 0; m < states; m++)
                        {
                            next.AsSpan((m | r) * width, width).CopyTo(cur.AsSpan(m * width, width));
                        }
                    }
                    else
                    {
                        var w = p0._items[node].Effort;
                        var v = p0._dpValue[node];
                        for (var m = 0; m < states; m++)
                        {
                            Step(
                                skip.AsSpan(m * width, width),
                                next.AsSpan((m | r) * width, width),
                                cur.AsSpan(m * width, width),
                                bits.AsSpan(),
                                (((long)p * states) + m) * rowWords,
                                w,
                                v);
                        }
                    }

                    rows[p] = cur;
                    Release(p + 1);
                    Release(_end[p]);
                }

                var start = states == 1 ? 0 : p0._forcedMask;
                var feasible = n == 0 ? (states == 1 || start == AllResources) : !double.IsNegativeInfinity(rows[0]![(start * width) + _capacity]);
                selected = (bool[])p0._forced.Clone();
                if (!feasible)
                {
                    return false;
                }

                var at = 0;
                var mask = start;
                var c = _capacity;
                while (at < n)
                {
                    var node = _order[at];
                    if (p0._forced[node])
                    {
                        mask |= states == 1 ? 0 : p0._items[node].ResourceMask;
                        at++;
                        continue;
                    }

                    var bitIndex = ((((long)at * states) + mask) * rowWords * 64) + c;
                    if ((bits[bitIndex >> 6] & (1UL << (int)(bitIndex & 63))) != 0)
                    {
                        selected[node] = true;
                        c -= p0._items[node].Effort;
                        mask |= states == 1 ? 0 : p0._items[node].ResourceMask;
                        at++;
                    }
                    else
                    {
                        at = _end[at];
                    }
                }

                return true;

                void Release(int row)
                {
                    if (--uses[row] == 0 && rows[row] is { } freed)
                    {
                        pool.Push(freed);
                        rows[row] = null;
                    }
                }
            }

            /// <summary>
            /// One row segment: out[c] = max(skip[c], v + take[c − w]), setting bit c where taking is strictly better.
            /// The main loop handles four (or two) capacities per step with SIMD; each group starts at a multiple of
            /// its width, so its bits never straddle a 64-bit word.
            /// </summary>
            private static void Step(ReadOnlySpan<double> skip, ReadOnlySpan<double> take, Span<double> output, Span<ulong> bits, long bitWord, int w, double v)
            {
                var width = output.Length;
                var split = Math.Min(w, width);
                skip[..split].CopyTo(output);
                if (split == width)
                {
                    return;
                }

                var words = bits.Slice((int)bitWord, (width + 63) >> 6);

                // From here on c runs over [w, width): take[c − w], skip[c] and output[c] are all in range.
                ref var takeRef = ref MemoryMarshal.GetReference(take);
                ref var skipRef = ref MemoryMarshal.GetReference(skip);
                ref var outRef = ref MemoryMarshal.GetReference(output);
                unchecked
                {
                    var c = w;
                    if (Vector256.IsHardwareAccelerated && ForcedLanes == 0)
                    {
                        c = Scalar(ref takeRef, ref skipRef, ref outRef, words, c, Math.Min(width, (c + 3) & ~3), w, v);
                        var vv = Vector256.Create(v);
                        for (; c + 4 <= width; c += 4)
                        {
                            var t = vv + Vector256.LoadUnsafe(ref takeRef, (nuint)(c - w));
                            var s = Vector256.LoadUnsafe(ref skipRef, (nuint)c);
                            Vector256.Max(t, s).StoreUnsafe(ref outRef, (nuint)c);
                            words[c >> 6] |= (ulong)Vector256.GreaterThan(t, s).ExtractMostSignificantBits() << (c & 63);
                        }
                    }
                    else if (Vector128.IsHardwareAccelerated && ForcedLanes != 1)
                    {
                        c = Scalar(ref takeRef, ref skipRef, ref outRef, words, c, Math.Min(width, (c + 1) & ~1), w, v);
                        var vv = Vector128.Create(v);
                        for (; c + 2 <= width; c += 2)
                        {
                            var t = vv + Vector128.LoadUnsafe(ref takeRef, (nuint)(c - w));
                            var s = Vector128.LoadUnsafe(ref skipRef, (nuint)c);
                            Vector128.Max(t, s).StoreUnsafe(ref outRef, (nuint)c);
                            words[c >> 6] |= (ulong)Vector128.GreaterThan(t, s).ExtractMostSignificantBits() << (c & 63);
                        }
                    }

                    Scalar(ref takeRef, ref skipRef, ref outRef, words, c, width, w, v);
                }
            }

            private static int Scalar(ref double takeRef, ref double skipRef, ref double outRef, Span<ulong> words, int from, int to, int w, double v)
            {
                unchecked
                {
                    for (var c = from; c < to; c++)
                    {
                        var t = v + Unsafe.Add(ref takeRef, c - w);
                        var s = Unsafe.Add(ref skipRef, c);
                        var better = t > s;
                        Unsafe.Add(ref outRef, c) = better ? t : s;
                        words[c >> 6] |= (ulong)(better ? 1 : 0) << (c & 63);
                    }

                    return to;
                }
            }
        }
    }
}
