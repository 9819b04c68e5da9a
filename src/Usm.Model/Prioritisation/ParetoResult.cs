using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>One non-dominated front: its number (1 for the non-dominated set) and its candidates' ids.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ParetoFront
{
    /// <summary>How many ids <see cref="ToString"/> prints before it summarises the rest.</summary>
    internal const int IdsShown = 10;

    internal ParetoFront(int number, ImmutableArray<string> ids)
    {
        Number = number;
        Ids = ids;
    }

    /// <summary>Gets the front's number: 1 for the non-dominated set, 2 for the set that is non-dominated once front 1 is removed, and so on.</summary>
    public int Number { get; }

    /// <summary>Gets the ids of the front's candidates, in ordinal order.</summary>
    public ImmutableArray<string> Ids { get; }

    /// <summary>Gets the number of candidates in the front (at least 1).</summary>
    public int Count => Ids.Length;

    /// <summary>Returns the front's number, size and first ids, for example <c>front 2 (3): b, d, e</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Preconditions.Invariant($"front {Number} ({Count}): "));
        text.AppendJoin(", ", Ids.Take(IdsShown));
        if (Count > IdsShown)
        {
            text.Append(CultureInfo.InvariantCulture, $", … ({Count - IdsShown} more)");
        }

        return text.ToString();
    }
}

/// <summary>
/// One candidate's place in a Pareto sort: its front, how many candidates dominate it and how many it dominates, and,
/// for a dominated candidate, which candidate dominates it and on which criteria.
/// </summary>
/// <remarks>
/// <para><see cref="Dominator"/> is the dominator with the smallest front, then the smallest id (ordinal). Every
/// dominated candidate is dominated by some member of front 1 (follow any chain of dominators to its end), so the
/// dominator is always in front 1: the frontier candidate that beats this one.
/// <see cref="PreviousFrontDominator"/> is the dominator in the front just before this candidate's, smallest id first:
/// the reason the candidate is not one front higher. In front 2 the two are the same.</para>
/// <para>Built on first access from the result; computing one costs O(m·n).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ParetoItem
{
    internal ParetoItem(ParetoData data, int index, int front, int frontCount, int dominatorCount, int dominatedCount, int dominator, int previousFrontDominator, ImmutableArray<string> equalCandidates)
    {
        var ids = data.Set.IdArray;
        Id = ids[index];
        EqualCandidates = equalCandidates;
        Front = front;
        DominatorCount = dominatorCount;
        DominatedCount = dominatedCount;
        Dominator = dominator < 0 ? null : ids[dominator];
        PreviousFrontDominator = previousFrontDominator < 0 ? null : ids[previousFrontDominator];
        var better = ImmutableArray.CreateBuilder<string>();
        var equal = ImmutableArray.CreateBuilder<string>();
        var contributions = new CriterionContribution[data.Width];
        for (var j = 0; j < data.Width; j++)
        {
            var c = data.Criteria[j];
            var x = data.Value(index, j);
            if (dominator < 0)
            {
                contributions[j] = new CriterionContribution(c.Name, x, 0, Preconditions.Invariant($"{c.Kind} '{c.Name}' = {RankingMethod.F(x)}."));
                continue;
            }

            var d = data.Value(dominator, j);
            if (data.CompareOn(dominator, index, j) > 0)
            {
                better.Add(c.Name);
                var advantage = c.Kind == CriterionKind.Benefit ? d - x : x - d;
                contributions[j] = new CriterionContribution(c.Name, x, advantage, Preconditions.Invariant(
                    $"{c.Kind} '{c.Name}': '{Dominator}' has {RankingMethod.F(d)}, '{Id}' has {RankingMethod.F(x)}; '{Dominator}' is better by {RankingMethod.F(advantage)} ({(c.Kind == CriterionKind.Benefit ? "more" : "less")} is better)."));
            }
            else
            {
                equal.Add(c.Name);
                contributions[j] = new CriterionContribution(c.Name, x, 0, Preconditions.Invariant($"{c.Kind} '{c.Name}': both have {RankingMethod.F(x)} (equal)."));
            }
        }

        BetterOn = better.ToImmutable();
        EqualOn = equal.ToImmutable();
        Explanation = new Explanation(Pareto.MethodName, Summary(frontCount), contributions);
    }

    /// <summary>Gets the candidate's id.</summary>
    public string Id { get; }

    /// <summary>Gets the candidate's front: 1 when no candidate dominates it, otherwise one more than the largest front among its dominators (the length of the longest chain of candidates, each dominating the next, that ends at it).</summary>
    public int Front { get; }

    /// <summary>Gets whether some candidate dominates this one (its front is above 1).</summary>
    public bool IsDominated => Front > 1;

    /// <summary>Gets the number of candidates that dominate this one (0 in front 1).</summary>
    public int DominatorCount { get; }

    /// <summary>Gets the number of candidates this one dominates.</summary>
    public int DominatedCount { get; }

    /// <summary>Gets the dominator chosen to explain this candidate: the one with the smallest front, then the smallest id (ordinal), which is always in front 1; null in front 1.</summary>
    public string? Dominator { get; }

    /// <summary>Gets the dominator in front <see cref="Front"/> − 1 with the smallest id (ordinal), which keeps this candidate out of that front; null in front 1; the same as <see cref="Dominator"/> in front 2.</summary>
    public string? PreviousFrontDominator { get; }

    /// <summary>Gets the ids of the other candidates equal to this one on every criterion, in ordinal order; they share its front and neither dominates the other.</summary>
    public ImmutableArray<string> EqualCandidates { get; }

    /// <summary>Gets the criteria on which <see cref="Dominator"/> is strictly better, in the order the criteria were given; empty in front 1.</summary>
    public ImmutableArray<string> BetterOn { get; }

    /// <summary>Gets the criteria on which <see cref="Dominator"/> is equal to this candidate, in the order the criteria were given; empty in front 1.</summary>
    public ImmutableArray<string> EqualOn { get; }

    /// <summary>
    /// Gets the explanation: a summary sentence and one line per criterion. For a dominated candidate each line compares
    /// it with <see cref="Dominator"/>, and <see cref="CriterionContribution.Contribution"/> is the dominator's advantage
    /// in the better direction (0 where they are equal; +∞ if the gap exceeds the largest double); in front 1 each line
    /// states the value and the contribution is 0.
    /// </summary>
    public Explanation Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => Explanation.Summary;

    private static string Candidates(int count) => count == 1 ? "1 candidate" : Preconditions.Invariant($"{count} candidates");

    private static string List(ImmutableArray<string> names) => names.Length switch
    {
        1 => Preconditions.Invariant($"'{names[0]}'"),
        _ => string.Join(", ", names.Take(names.Length - 1).Select(n => "'" + n + "'")) + " and '" + names[^1] + "'",
    };

    private string Summary(int frontCount)
    {
        var text = new StringBuilder();
        var of = Preconditions.Invariant($"front {Front} of {frontCount}");
        if (Dominator is null)
        {
            text.Append(CultureInfo.InvariantCulture, $"'{Id}' is in {of} (non-dominated): no candidate is at least as good on every criterion and better on one.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"'{Id}' is in {of}: dominated by {Candidates(DominatorCount)}. '{Dominator}' (front 1) is better on {List(BetterOn)}");
            text.Append(EqualOn.IsEmpty ? "." : Preconditions.Invariant($" and equal on {List(EqualOn)}."));
            if (Front > 2)
            {
                text.Append(CultureInfo.InvariantCulture, $" '{PreviousFrontDominator}' in front {Front - 1} also dominates it, so it comes after front {Front - 1}.");
            }
        }

        if (!EqualCandidates.IsEmpty)
        {
            var others = EqualCandidates.Length <= 3
                ? List(EqualCandidates)
                : string.Join(", ", EqualCandidates.Take(3).Select(n => "'" + n + "'")) + Preconditions.Invariant($" and {EqualCandidates.Length - 3} more");
            text.Append(CultureInfo.InvariantCulture, $" It is equal on every criterion to {others}, so they share the front.");
        }

        if (DominatedCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" It dominates {Candidates(DominatedCount)}.");
        }

        return text.ToString();
    }
}

/// <summary>
/// The result of <see cref="Pareto.Sort"/>: the candidates sorted into non-dominated fronts, lookup by id, a dominance
/// test, and an explanation for every candidate.
/// </summary>
/// <remarks>
/// Fronts are numbered from 1 (the non-dominated set); ids within a front are in ordinal order; <see cref="Ids"/> and
/// <see cref="Items"/> list front 1 first, then front 2, and so on. Candidates equal on every criterion share a front.
/// Items and their explanations are built on first access.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ParetoResult
{
    private const int FrontsShown = 10;

    private readonly ParetoData _data;
    private readonly ImmutableArray<ImmutableArray<int>> _fronts;
    private readonly int[] _frontOf;
    private readonly int[] _order;
    private readonly ParetoItem?[] _items;
    private double[]? _crowding;

    internal ParetoResult(ParetoData data, ImmutableArray<ImmutableArray<int>> fronts, int[] frontOf)
    {
        _data = data;
        _fronts = fronts;
        _frontOf = frontOf;
        _order = [.. fronts.SelectMany(f => f)];
        _items = new ParetoItem?[data.Count];
        var ids = data.Set.IdArray;
        Fronts = ImmutableArray.CreateRange(fronts.Select((f, k) => new ParetoFront(k + 1, [.. f.Select(i => ids[i])])));
        Ids = [.. _order.Select(i => ids[i])];
        Items = new ItemList(this);
    }

    /// <summary>Gets the sorted candidate set.</summary>
    public CandidateSet Candidates => _data.Set;

    /// <summary>Gets the criteria, in the order given (their weights play no part).</summary>
    public ImmutableArray<Criterion> Criteria => _data.Criteria;

    /// <summary>Gets the number of candidates.</summary>
    public int Count => _order.Length;

    /// <summary>Gets the fronts, front 1 first; empty for an empty set.</summary>
    public ImmutableArray<ParetoFront> Fronts { get; }

    /// <summary>Gets the non-dominated candidates (front 1), in ordinal id order; empty for an empty set.</summary>
    public ImmutableArray<string> NonDominated => Fronts.IsEmpty ? [] : Fronts[0].Ids;

    /// <summary>Gets every id, front by front, in ordinal order within a front.</summary>
    public ImmutableArray<string> Ids { get; }

    /// <summary>Gets every candidate's item, in the order of <see cref="Ids"/>.</summary>
    public IReadOnlyList<ParetoItem> Items { get; }

    /// <summary>Gets a candidate's front by id.</summary>
    /// <param name="id">The id (ordinal).</param>
    /// <returns>The front, 1 for a non-dominated candidate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The set has no candidate with that id.</exception>
    public int FrontOf(string id) => _frontOf[IndexOf(id, nameof(id))];

    /// <summary>Finds a candidate's item by id.</summary>
    /// <param name="id">The id (ordinal).</param>
    /// <returns>The item, or null when the set has no candidate with that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public ParetoItem? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var index = _data.Set.IndexOf(id);
        return index < 0 ? null : Item(index);
    }

    /// <summary>Tests whether one candidate dominates another over this result's criteria.</summary>
    /// <param name="dominator">The id of the candidate that may dominate.</param>
    /// <param name="dominated">The id of the candidate that may be dominated.</param>
    /// <returns>True when <paramref name="dominator"/> is at least as good on every criterion and better on one; false for a candidate compared with itself or with an equal one.</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="KeyNotFoundException">The set has no candidate with one of the ids.</exception>
    public bool Dominates(string dominator, string dominated) =>
        _data.Dominates(IndexOf(dominator, nameof(dominator)), IndexOf(dominated, nameof(dominated)));

    /// <summary>
    /// Gets the candidates of the first <paramref name="fronts"/> fronts as a new set, for example to rank only the
    /// non-dominated candidates with a weighted method. The new set keeps every criterion of the original (not only
    /// this result's), the efforts and the polarities, in the original set's order; sorting it gives the same first
    /// fronts.
    /// </summary>
    /// <param name="fronts">How many fronts to keep, at least 1; more than there are keeps every candidate.</param>
    /// <returns>A new set; the original is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fronts"/> is below 1.</exception>
    public CandidateSet CandidatesInFronts(int fronts)
    {
        Preconditions.CheckInRange(fronts, 1, int.MaxValue);
        var set = _data.Set;
        var keep = Enumerable.Range(0, set.Count).Where(i => _frontOf[i] <= fronts).ToArray();
        return CandidateSet.FromColumns(
            [.. keep.Select(i => set.IdArray[i])],
            set.CriterionNames.Select(name =>
            {
                var column = set.ColumnArray(name, nameof(fronts), Pareto.MethodName);
                return KeyValuePair.Create(name, (IReadOnlyList<double>)[.. keep.Select(i => column[i])]);
            }),
            [.. keep.Select(i => set.EffortArray[i])],
            [.. keep.Select(i => set.PolarityArray[i])]);
    }

    /// <summary>
    /// Gets a candidate's crowding distance within its front, as NSGA-II defines it (Deb, Pratap, Agarwal and
    /// Meyarivan, "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2), 2002): how much room
    /// there is around the candidate among the other members of its front, the larger the more isolated.
    /// </summary>
    /// <remarks>
    /// <para>Per criterion, the front is ordered by the candidate's value (equal values by ordinal id); the first and
    /// the last get an infinite distance, and every other candidate adds (next value − previous value) ÷ (largest −
    /// smallest value in the front). A criterion on which the whole front is equal adds nothing to the others, but its
    /// first and last (by id) are still boundaries, as in DEAP's implementation. A front of one or two candidates is
    /// all boundary: every distance is infinite. The sum is not divided by the number of criteria (Deb et al.'s
    /// formula; DEAP divides, which changes no order).</para>
    /// <para>Candidates equal on every criterion are still ordered by id, so the one with the smaller id may be a
    /// boundary (infinite) and the other not: the distance separates exact duplicates deterministically rather than
    /// giving both the same value. Distances are computed for every front on first use, O(m·n log n).</para>
    /// </remarks>
    /// <param name="id">The id (ordinal).</param>
    /// <returns>The distance: non-negative, or <see cref="double.PositiveInfinity"/> for a boundary candidate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The set has no candidate with that id.</exception>
    public double CrowdingDistanceOf(string id) => Crowding()[IndexOf(id, nameof(id))];

    /// <summary>
    /// Selects <paramref name="count"/> candidates as NSGA-II's survivor selection does: whole fronts in order while
    /// they fit, then, from the first front that does not fit whole, the candidates with the largest crowding distance
    /// (<see cref="CrowdingDistanceOf"/>), equal distances by ordinal id. A way to take k candidates from the Pareto
    /// sort that prefers the frontier and, within a front, spread over crowding.
    /// </summary>
    /// <param name="count">How many to select, 0 or more; more than there are selects every candidate.</param>
    /// <returns>The selected ids, front by front, and within a front by crowding distance (largest first), then ordinal id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public ImmutableArray<string> SelectCrowded(int count)
    {
        Preconditions.CheckInRange(count, 0, int.MaxValue);
        var crowding = Crowding();
        var ids = _data.Set.IdArray;
        var selected = ImmutableArray.CreateBuilder<string>(Math.Min(count, Count));
        foreach (var front in _fronts)
        {
            if (selected.Count == count)
            {
                break;
            }

            // The front is already in ordinal id order, and OrderByDescending is stable: equal distances keep it.
            foreach (var i in front.OrderByDescending(i => crowding[i]).Take(count - selected.Count))
            {
                selected.Add(ids[i]);
            }
        }

        return selected.MoveToImmutable();
    }

    /// <summary>Returns a summary and the first fronts, one per line, for example in a notebook.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var criteria = string.Join(", ", Criteria.Select(c => Preconditions.Invariant($"{c.Name} ({c.Kind})")));
        var text = new StringBuilder(Preconditions.Invariant($"Pareto fronts of {Count} candidates on {criteria}: {Fronts.Length} front{(Fronts.Length == 1 ? "" : "s")}"));
        foreach (var front in Fronts.Take(FrontsShown))
        {
            text.AppendLine().Append("  ").Append(front);
        }

        if (Fronts.Length > FrontsShown)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  … ({Fronts.Length - FrontsShown} more fronts)");
        }

        return text.ToString();
    }

    private int IndexOf(string id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        var index = _data.Set.IndexOf(id);
        return index >= 0 ? index : throw new KeyNotFoundException(Preconditions.Invariant($"The Pareto result has no candidate '{id}'."));
    }

    // Every candidate's crowding distance, computed once for all fronts (a race computes the same array twice at worst).
    private double[] Crowding() => _crowding ??= ComputeCrowding();

    private double[] ComputeCrowding()
    {
        var distance = new double[_data.Count];
        foreach (var front in _fronts)
        {
            if (front.Length <= 2)
            {
                foreach (var i in front)
                {
                    distance[i] = double.PositiveInfinity;
                }

                continue;
            }

            for (var j = 0; j < _data.Width; j++)
            {
                // The front is in ordinal id order and OrderBy is stable, so equal values stay in id order.
                var byValue = front.OrderBy(i => _data.Value(i, j)).ToArray();
                distance[byValue[0]] = double.PositiveInfinity;
                distance[byValue[^1]] = double.PositiveInfinity;
                var low = _data.Value(byValue[0], j);
                var high = _data.Value(byValue[^1], j);
                if (!(high > low))
                {
                    continue; // the whole front is equal on this criterion
                }

                // Values are finite, but their range may not be (−1e308 to 1e308): then every difference is taken in halves.
                var halves = double.IsInfinity(high - low);
                var range = halves ? (high / 2) - (low / 2) : high - low;
                for (var k = 1; k < byValue.Length - 1; k++)
                {
                    var next = _data.Value(byValue[k + 1], j);
                    var previous = _data.Value(byValue[k - 1], j);
                    distance[byValue[k]] += (halves ? (next / 2) - (previous / 2) : next - previous) / range;
                }
            }
        }

        return distance;
    }

    private ParetoItem Item(int index)
    {
        // A race builds the same item twice at worst; both are equal and either may be kept.
        return _items[index] ??= Build(index);
    }

    private ParetoItem Build(int index)
    {
        var front = _frontOf[index];
        int dominators = 0, dominated = 0;
        var equal = new List<int>();
        for (var q = 0; q < _data.Count; q++)
        {
            // Only a candidate in an earlier front can dominate this one, and only one in a later front can be dominated by it.
            var other = _frontOf[q];
            if (other < front && _data.Dominates(q, index))
            {
                dominators++;
            }
            else if (other > front && _data.Dominates(index, q))
            {
                dominated++;
            }
            else if (other == front && q != index && _data.Equal(q, index))
            {
                equal.Add(q);
            }
        }

        var first = front > 1 ? FirstDominator(1, index) : -1;
        var previous = front > 2 ? FirstDominator(front - 1, index) : first;
        return new ParetoItem(_data, index, front, _fronts.Length, dominators, dominated, first, previous, [.. _data.SortedIds(equal)]);
    }

    /// <summary>The member of front <paramref name="front"/> with the smallest id that dominates <paramref name="index"/>; one always exists for a front below the candidate's.</summary>
    private int FirstDominator(int front, int index)
    {
        foreach (var q in _fronts[front - 1])
        {
            if (_data.Dominates(q, index))
            {
                return q;
            }
        }

        throw new InvalidOperationException(Preconditions.Invariant($"No member of front {front} dominates '{_data.Set.IdArray[index]}'; the fronts are inconsistent."));
    }

    private sealed class ItemList(ParetoResult result) : IReadOnlyList<ParetoItem>
    {
        public int Count => result.Count;

        public ParetoItem this[int index] => result.Item(result._order[Preconditions.CheckInRange(index, 0, result.Count - 1)]);

        public IEnumerator<ParetoItem> GetEnumerator()
        {
            for (var p = 0; p < result.Count; p++)
            {
                yield return this[p];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
