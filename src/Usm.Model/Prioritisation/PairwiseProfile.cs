using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// A validated set of pairwise comparisons over a candidate list: the input of <see cref="BradleyTerry"/> and
/// <see cref="Elo"/>. It keeps the comparisons in the order given (Elo depends on it) and their totals per candidate
/// and per pair (Bradley–Terry uses only those).
/// </summary>
/// <remarks>
/// <para><b>Validation.</b> Candidates must be at least one, unique and not blank. A comparison naming an id that is not
/// a candidate is refused with an <see cref="ArgumentException"/> naming the comparison's 0-based index and the id. The
/// counts of all comparisons must sum to at most <see cref="int.MaxValue"/>. A candidate may have no comparisons.</para>
/// <para><b>Comparison groups.</b> Draw an arrow from a to b when a was preferred to b at least once, or a and b tied
/// at least once (a tie is half a win for each side, so it draws arrows both ways). The groups are the strongly
/// connected parts of that graph: within a group every candidate reaches every other one by following arrows. Between
/// two groups arrows run one way only, or not at all, so the groups form an order without cycles.
/// <see cref="ComparisonGroups"/> lists them top first: a group comes after every group with an arrow into it; groups
/// not ordered that way come in the ordinal order of their smallest ids. Bradley–Terry strengths have a maximum
/// likelihood estimate exactly when there is one group (<see cref="IsStronglyConnected"/>; Hunter 2004, Assumption
/// 1).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PairwiseProfile
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<long, int> _pairAt;

    /// <summary>Creates a profile.</summary>
    /// <param name="candidates">The candidate ids; at least one, unique, not blank.</param>
    /// <param name="comparisons">The comparisons, in the order they were made.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="comparisons"/> holds null (the message names its index).</exception>
    /// <exception cref="ArgumentException">The candidates are empty, blank or repeated, a comparison names an unknown candidate (the message names the comparison's index and the id), or the counts sum to more than <see cref="int.MaxValue"/>.</exception>
    public PairwiseProfile(IEnumerable<string> candidates, IEnumerable<PairwiseComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(comparisons);
        ImmutableArray<string> list = [.. candidates];
        Preconditions.CheckArgument(!list.IsEmpty, nameof(candidates), "Pairwise comparisons need at least one candidate.");
        _index = new Dictionary<string, int>(list.Length, StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate {i} has a blank id."), nameof(candidates));
            }

            if (!_index.TryAdd(list[i], i))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate '{list[i]}' appears twice."), nameof(candidates));
            }
        }

        ImmutableArray<PairwiseComparison> all = [.. comparisons];
        var n = list.Length;
        var wins = new int[n];
        var losses = new int[n];
        var ties = new int[n];
        var total = 0L;
        var pairs = new Dictionary<long, (long AWins, long BWins, long Ties)>();
        for (var k = 0; k < all.Length; k++)
        {
            var c = all[k] ?? throw new ArgumentNullException(nameof(comparisons), Preconditions.Invariant($"Comparison {k} is null."));
            var first = IndexOrThrow(c.First, k);
            var second = IndexOrThrow(c.Second, k);
            total += c.Count;
            if (total > int.MaxValue)
            {
                throw new ArgumentException(Preconditions.Invariant($"The comparisons up to comparison {k} stand for {total} outcomes, more than {int.MaxValue}."), nameof(comparisons));
            }

            var (a, b) = first < second ? (first, second) : (second, first);
            var key = ((long)a * n) + b;
            pairs.TryGetValue(key, out var counts);
            if (c.IsTie)
            {
                ties[first] += c.Count;
                ties[second] += c.Count;
                counts.Ties += c.Count;
            }
            else
            {
                wins[first] += c.Count;
                losses[second] += c.Count;
                if (first == a)
                {
                    counts.AWins += c.Count;
                }
                else
                {
                    counts.BWins += c.Count;
                }
            }

            pairs[key] = counts;
        }

        Candidates = list;
        Comparisons = all;
        TotalCount = (int)total;
        Wins = wins;
        Losses = losses;
        Ties = ties;

        // Pairs in (a, b) index order, so that sums over them never depend on the order of the comparisons.
        var keys = pairs.Keys.ToArray();
        Array.Sort(keys);
        PairA = new int[keys.Length];
        PairB = new int[keys.Length];
        PairAWins = new int[keys.Length];
        PairBWins = new int[keys.Length];
        PairTies = new int[keys.Length];
        _pairAt = new Dictionary<long, int>(keys.Length);
        for (var p = 0; p < keys.Length; p++)
        {
            var counts = pairs[keys[p]];
            PairA[p] = (int)(keys[p] / n);
            PairB[p] = (int)(keys[p] % n);
            PairAWins[p] = (int)counts.AWins;
            PairBWins[p] = (int)counts.BWins;
            PairTies[p] = (int)counts.Ties;
            _pairAt.Add(keys[p], p);
        }

        GroupOf = new int[n];
        ComparisonGroups = FindGroups();
        IsStronglyConnected = ComparisonGroups.Length == 1;

        int IndexOrThrow(string id, int k) =>
            _index.TryGetValue(id, out var i) ? i : throw new ArgumentException(Preconditions.Invariant($"Comparison {k} names unknown candidate '{id}'."), nameof(comparisons));
    }

    /// <summary>Gets the candidates, in the order given.</summary>
    public ImmutableArray<string> Candidates { get; }

    /// <summary>Gets the comparisons, in the order given.</summary>
    public ImmutableArray<PairwiseComparison> Comparisons { get; }

    /// <summary>Gets the number of outcomes: the sum of the comparisons' counts.</summary>
    public int TotalCount { get; }

    /// <summary>
    /// Gets the comparison groups, top first, each in ordinal id order (see the type's remarks). One group holding every
    /// candidate means the comparisons are strongly connected.
    /// </summary>
    public ImmutableArray<ImmutableArray<string>> ComparisonGroups { get; }

    /// <summary>Gets whether every candidate reaches every other by a chain of wins or ties: the condition for a Bradley–Terry estimate to exist.</summary>
    public bool IsStronglyConnected { get; }

    /// <summary>Gets the candidates with at least one win and no loss or tie, in ordinal order.</summary>
    public ImmutableArray<string> NeverLost => Select(i => Wins[i] > 0 && Losses[i] == 0 && Ties[i] == 0);

    /// <summary>Gets the candidates with at least one loss and no win or tie, in ordinal order.</summary>
    public ImmutableArray<string> NeverWon => Select(i => Losses[i] > 0 && Wins[i] == 0 && Ties[i] == 0);

    /// <summary>Gets the candidates no comparison names, in ordinal order.</summary>
    public ImmutableArray<string> Uncompared => Select(i => Wins[i] == 0 && Losses[i] == 0 && Ties[i] == 0);

    internal int[] Wins { get; }

    internal int[] Losses { get; }

    internal int[] Ties { get; }

    internal int[] PairA { get; }

    internal int[] PairB { get; }

    internal int[] PairAWins { get; }

    internal int[] PairBWins { get; }

    internal int[] PairTies { get; }

    /// <summary>The index of each candidate's group in <see cref="ComparisonGroups"/>.</summary>
    internal int[] GroupOf { get; }

    /// <summary>Returns how many times <paramref name="winner"/> was preferred to <paramref name="loser"/>.</summary>
    /// <param name="winner">A candidate id.</param>
    /// <param name="loser">Another candidate id.</param>
    /// <returns>The count (0 when the two are the same).</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is not a candidate.</exception>
    public int WinsOver(string winner, string loser)
    {
        var w = IndexOf(winner, nameof(winner));
        var l = IndexOf(loser, nameof(loser));
        var p = PairIndex(w, l);
        return p < 0 ? 0 : w < l ? PairAWins[p] : PairBWins[p];
    }

    /// <summary>Returns how many times two candidates tied.</summary>
    /// <param name="first">A candidate id.</param>
    /// <param name="second">Another candidate id.</param>
    /// <returns>The count (0 when the two are the same).</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is not a candidate.</exception>
    public int TiesBetween(string first, string second)
    {
        var p = PairIndex(IndexOf(first, nameof(first)), IndexOf(second, nameof(second)));
        return p < 0 ? 0 : PairTies[p];
    }

    /// <summary>Returns one candidate's totals over all comparisons.</summary>
    /// <param name="candidateId">The candidate id.</param>
    /// <returns>Wins, losses and ties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidateId"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is not a candidate.</exception>
    public (int Wins, int Losses, int Ties) RecordOf(string candidateId)
    {
        var i = IndexOf(candidateId, nameof(candidateId));
        return (Wins[i], Losses[i], Ties[i]);
    }

    /// <summary>Returns the profile with every outcome reversed (each winner becomes the loser), in the same order.</summary>
    /// <returns>A new profile; this one is unchanged.</returns>
    public PairwiseProfile Reversed() => new(Candidates, Comparisons.Select(c => c.Reversed()));

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Candidates.Length} candidates, {Comparisons.Length} comparisons ({TotalCount} outcomes), {ComparisonGroups.Length} comparison group(s)");

    internal int IndexOf(string id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        return _index.TryGetValue(id, out var i) ? i : throw new ArgumentException(Preconditions.Invariant($"'{id}' is not a candidate."), paramName);
    }

    /// <summary>The index of the pair of two candidates in the pair arrays, or −1 when they were never compared.</summary>
    internal int PairIndex(int x, int y)
    {
        if (x == y)
        {
            return -1;
        }

        var (a, b) = x < y ? (x, y) : (y, x);
        return _pairAt.TryGetValue(((long)a * Candidates.Length) + b, out var p) ? p : -1;
    }

    private ImmutableArray<string> Select(Func<int, bool> keep) =>
        [.. Enumerable.Range(0, Candidates.Length).Where(keep).Select(i => Candidates[i]).Order(StringComparer.Ordinal)];

    /// <summary>The strongly connected components of the comparison graph (Tarjan), then the groups in a top-first order.</summary>
    private ImmutableArray<ImmutableArray<string>> FindGroups()
    {
        var n = Candidates.Length;
        var arcs = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            arcs[i] = [];
        }

        for (var p = 0; p < PairA.Length; p++)
        {
            if (PairAWins[p] > 0 || PairTies[p] > 0)
            {
                arcs[PairA[p]].Add(PairB[p]);
            }

            if (PairBWins[p] > 0 || PairTies[p] > 0)
            {
                arcs[PairB[p]].Add(PairA[p]);
            }
        }

        var (component, groupCount) = StronglyConnected.Components(n, new ListSuccessors(arcs));
        component.CopyTo(GroupOf, 0);

        // Members of each group in ordinal order; then the groups top first (Kahn's algorithm over the arrows between
        // groups, taking the ready group with the ordinally smallest id first).
        var members = new List<string>[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            members[g] = [];
        }

        for (var i = 0; i < n; i++)
        {
            members[GroupOf[i]].Add(Candidates[i]);
        }

        foreach (var m in members)
        {
            m.Sort(StringComparer.Ordinal);
        }

        var into = new int[groupCount];
        var between = new HashSet<(int From, int To)>();
        for (var v = 0; v < n; v++)
        {
            foreach (var w in arcs[v])
            {
                if (GroupOf[v] != GroupOf[w] && between.Add((GroupOf[v], GroupOf[w])))
                {
                    into[GroupOf[w]]++;
                }
            }
        }

        var successors = between.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var ready = new SortedSet<(string First, int Group)>(Comparer<(string First, int Group)>.Create((x, y) => string.CompareOrdinal(x.First, y.First)));
        for (var g = 0; g < groupCount; g++)
        {
            if (into[g] == 0)
            {
                ready.Add((members[g][0], g));
            }
        }

        var rename = new int[groupCount];
        var result = ImmutableArray.CreateBuilder<ImmutableArray<string>>(groupCount);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            rename[next.Group] = result.Count;
            result.Add([.. members[next.Group]]);
            if (successors.TryGetValue(next.Group, out var outs))
            {
                foreach (var t in outs)
                {
                    if (--into[t] == 0)
                    {
                        ready.Add((members[t][0], t));
                    }
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            GroupOf[i] = rename[GroupOf[i]];
        }

        return result.MoveToImmutable();
    }

    private readonly struct ListSuccessors(List<int>[] arcs) : ISuccessors
    {
        public int Next(int node, ref int cursor) => cursor < arcs[node].Count ? arcs[node][cursor++] : -1;
    }
}
