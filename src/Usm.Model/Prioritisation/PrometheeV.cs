using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How PROMETHEE V turns a candidate's net flow φ into the value the 0/1 programme adds up.</summary>
/// <remarks>
/// The net flows sum to 0, so their zero point is "as good as the average candidate". The programme maximises a sum,
/// and a sum depends on where zero is: adding a constant c to every value adds c·k to a selection of k items, which
/// favours larger selections when c &gt; 0. Only when the number of items is fixed does the zero point not matter.
/// </remarks>
public enum PrometheeVValue
{
    /// <summary>
    /// The net flow itself (Brans and Mareschal 1992): value φ. An item with φ ≤ 0 never raises the objective, so it is
    /// selected only when it must be (must-include, a prerequisite of a must-include item) or when the selector needs it
    /// as a prerequisite or for resource coverage; the sprint may leave capacity free. The default.
    /// </summary>
    NetFlow = 1,

    /// <summary>
    /// The net flow minus the lowest net flow among the candidates: value φ − min φ ≥ 0. The weakest candidate is worth
    /// 0 and every other its lead over it; the sprint fills up with more items, and the values move when a candidate is
    /// added or removed (the minimum is the set's).
    /// </summary>
    ShiftByMinimum = 2,

    /// <summary>
    /// The net flow plus 1, its lowest possible value: value φ + 1 in [0, 2]. The offset does not depend on the set, but
    /// every item is worth about 1 however it ranks, so the selection leans towards as many items as fit.
    /// </summary>
    ShiftByOne = 3,
}

/// <summary>
/// PROMETHEE V (Brans and Mareschal, "PROMETHEE V: MCDM problems with segmentation constraints", INFOR 30(2), 1992):
/// chooses a subset of candidates rather than one, by maximising the sum of their PROMETHEE II net flows under linear
/// constraints; here the improvement sprint's constraints (capacity, precedences, must-include items, people/process/
/// technology coverage), solved by <see cref="SprintSelector"/>.
/// </summary>
/// <remarks>
/// <para><b>Method.</b> Step 1 computes the net flows φ of all candidates with <see cref="PrometheeMethod"/>
/// (PROMETHEE II). Step 2 solves max Σ v(a_i)·x_i, x_i ∈ {0, 1}, under the constraints, with v the value of
/// <see cref="PrometheeVValue"/>. <see cref="SprintSelector"/> does step 2: exactly (a dynamic programme or a bounded
/// search) within its work budget, greedily beyond it, and says which.</para>
/// <para><b>Negative values.</b> The selector accepts values that are not negative only. With
/// <see cref="PrometheeVValue.NetFlow"/> a negative φ is passed as 0; the objective still counts φ. This changes nothing
/// when the selection holds no item with φ &lt; 0 beyond those that every feasible selection holds (must-include items
/// and their prerequisites): then the selection is optimal for Σ φ too. When the selector takes such an item anyway (as
/// a prerequisite of a better item, or to cover a resource), a small search re-runs the selector with that item forced
/// in, and with it and its dependents removed, branch by branch, cutting branches whose bound cannot win, until the
/// selection is optimal for Σ φ; after 64 extra runs it stops and reports the best selection found as not proven
/// optimal (<see cref="PrometheeVResult.Reasons"/> says which).</para>
/// <para><b>Ties and order.</b> The flows do not depend on the order of the candidates, bit for bit, and the selector
/// processes items in ordinal id order, so neither the candidates' order nor the items' order changes the selection.
/// Among equally good selections the selector's rule applies (in ordinal id order, leave out the earliest item it can;
/// see <see cref="SprintSelector"/>); in particular an item whose value is 0 is not added just because it fits. Flows
/// are fractions computed in double precision: two selections whose totals are equal in exact arithmetic may differ in
/// the last bits; set <see cref="SprintSelectOptions.ValueScale"/> to compare rounded totals instead. Values within
/// <see cref="ZeroTolerance"/> of 0 are taken as 0.</para>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public static class PrometheeV
{
    /// <summary>
    /// Values within this distance of 0 count as 0: 10^-12, the accuracy of the computed flows against their exact
    /// definition. A net flow that is 0 in exact arithmetic may come out as ±10^-17, and its sign must not decide
    /// whether the item is worth taking.
    /// </summary>
    public const double ZeroTolerance = 1e-12;

    /// <summary>Computes the PROMETHEE II net flows of the candidates, then selects the sprint.</summary>
    /// <param name="candidates">The candidates; never changed. At least one.</param>
    /// <param name="method">The PROMETHEE method (criteria, weights, preference functions).</param>
    /// <param name="items">One item per candidate, in any order: effort, resources, must-include.</param>
    /// <param name="options">The sprint's capacity and constraints, as <see cref="SprintSelector"/> takes them.</param>
    /// <param name="value">How a net flow becomes a value; <see cref="PrometheeVValue.NetFlow"/> by default.</param>
    /// <returns>The selection, with the flows, values and an explanation per candidate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="items"/> holds null.</exception>
    /// <exception cref="ArgumentException">
    /// The set is empty or lacks a criterion; an item repeats an id, names no candidate, or a candidate has no item; or the
    /// selector refuses the constraints (a precedence names an unknown id, or the precedences form a cycle).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is undefined, or a criterion's values are too large to sum.</exception>
    public static PrometheeVResult Select(CandidateSet candidates, PrometheeMethod method, IReadOnlyList<PrometheeVItem> items, SprintSelectOptions options, PrometheeVValue value = PrometheeVValue.NetFlow)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.CheckDefined(value);
        return Select(method.Flows(candidates), items, options, value);
    }

    /// <summary>Selects the sprint from net flows already computed.</summary>
    /// <param name="flows">The PROMETHEE flows (from <see cref="PrometheeMethod.Flows"/> or <see cref="PrometheeFlows.Of"/>).</param>
    /// <param name="items">One item per candidate, in any order: effort, resources, must-include.</param>
    /// <param name="options">The sprint's capacity and constraints, as <see cref="SprintSelector"/> takes them.</param>
    /// <param name="value">How a net flow becomes a value; <see cref="PrometheeVValue.NetFlow"/> by default.</param>
    /// <returns>The selection, with the flows, values and an explanation per candidate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="items"/> holds null.</exception>
    /// <exception cref="ArgumentException">
    /// An item repeats an id, names no candidate, or a candidate has no item; or the selector refuses the constraints
    /// (a precedence names an unknown id, or the precedences form a cycle).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is undefined.</exception>
    public static PrometheeVResult Select(PrometheeFlows flows, IReadOnlyList<PrometheeVItem> items, SprintSelectOptions options, PrometheeVValue value = PrometheeVValue.NetFlow)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.CheckDefined(value);

        var candidates = flows.Candidates;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentNullException(nameof(items), Preconditions.Invariant($"The items cannot hold null (at index {i})."));
            Preconditions.CheckArgument(seen.Add(item.Id), nameof(items), Preconditions.Invariant($"The items hold the id '{item.Id}' more than once."));
            Preconditions.CheckArgument(
                candidates.IndexOf(item.Id) >= 0,
                nameof(items),
                Preconditions.Invariant($"Item '{item.Id}' is not one of the {candidates.Count} candidates whose flows were computed."));
        }

        if (seen.Count != candidates.Count)
        {
            var missing = candidates.Ids.Where(id => !seen.Contains(id)).OrderBy(id => id, StringComparer.Ordinal).ToArray();
            throw new ArgumentException(
                Preconditions.Invariant($"Every candidate needs an item with its effort; none is given for {string.Join(", ", missing.Take(5).Select(id => "'" + id + "'"))}{(missing.Length > 5 ? Preconditions.Invariant($" and {missing.Length - 5} more") : string.Empty)}."),
                nameof(items));
        }

        // The net flows by set index, and the offset the chosen mapping adds to each.
        var n = candidates.Count;
        var phi = new double[n];
        var min = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            phi[i] = flows.NetFlow(candidates.IdArray[i]);
            min = Math.Min(min, phi[i]);
        }

        var offset = value switch
        {
            PrometheeVValue.ShiftByMinimum => -min,
            PrometheeVValue.ShiftByOne => 1.0,
            _ => 0.0,
        };

        var values = new double[items.Count];
        var netFlows = new double[items.Count];
        var sprintItems = new SprintSelectItem[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var f = phi[candidates.IndexOf(items[i].Id)];
            netFlows[i] = f;

            // φ − min φ is exactly 0 for the minimum and not negative otherwise (subtraction is monotone); φ ≥ −1 in exact
            // arithmetic, so φ + 1 below 0 can only be rounding, and is taken as 0.
            var v = value switch
            {
                PrometheeVValue.ShiftByMinimum => f + offset,
                PrometheeVValue.ShiftByOne => Math.Max(f + offset, 0.0),
                _ => f,
            };

            // A value this close to 0 is 0 up to the flows' rounding; its sign would otherwise be decided by noise.
            values[i] = Math.Abs(v) <= ZeroTolerance ? 0.0 : v;
            sprintItems[i] = items[i].ToSprintItem(Math.Max(values[i], 0.0));
        }

        var selection = SprintSelector.Select(sprintItems, options);
        var clamped = ClampedIds(selection, values);
        PrometheeVRefinement.Outcome? refinement = null;
        if (selection.IsOptimal && !clamped.IsEmpty)
        {
            refinement = PrometheeVRefinement.Run([.. items], values, options, selection);
        }

        return new PrometheeVResult(flows, value, offset, items, netFlows, values, RanksOf(phi, candidates), refinement?.Selection ?? selection, clamped, refinement);
    }

    /// <summary>The ids of the items the selector chose (not forced) whose value is negative, sorted ordinally.</summary>
    internal static ImmutableArray<string> ClampedIds(SprintSelectResult selection, double[] values)
    {
        var ids = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var e = selection.Explanations[i];
            if (e.Decision == SprintSelectDecision.Chosen && values[i] < 0)
            {
                ids.Add(e.ItemId);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return [.. ids];
    }

    /// <summary>Each candidate's PROMETHEE II position (1 = highest φ; ties by ordinal id), by id.</summary>
    private static Dictionary<string, int> RanksOf(double[] phi, CandidateSet candidates)
    {
        var ids = candidates.IdArray;
        var order = Enumerable.Range(0, phi.Length)
            .OrderByDescending(i => phi[i])
            .ThenBy(i => ids[i], StringComparer.Ordinal)
            .ToArray();
        var ranks = new Dictionary<string, int>(phi.Length, StringComparer.Ordinal);
        for (var r = 0; r < order.Length; r++)
        {
            ranks[ids[order[r]]] = r + 1;
        }

        return ranks;
    }
}
