using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Validated ballots for a Plackett–Luce fit, as choices: identical ballots merged (their voters added) and put in a
/// canonical order, so that no sum depends on the order of the ballots given. For unique ballot b, groups
/// <c>GroupFrom[b]</c>..<c>GroupFrom[b+1]</c> are its ranks, best first, each group's members (candidate indexes,
/// ascending) at <c>Members[MemberFrom[g]]</c>..<c>Members[MemberFrom[g+1]]</c>; its first <c>Choices[b]</c> groups
/// are choices (the rest only remain in the choice sets), and <c>HasTail[b]</c> says whether the candidates it does not
/// name are in every choice set.
/// </summary>
internal sealed class PlackettLuceData
{
    private PlackettLuceData(ImmutableArray<string> candidates, ImmutableArray<Ballot> ballots, double[] weight, int[] groupFrom, int[] memberFrom, int[] members, int[] choices, bool[] hasTail)
    {
        Candidates = candidates;
        Ballots = ballots;
        Weight = weight;
        GroupFrom = groupFrom;
        MemberFrom = memberFrom;
        Members = members;
        Choices = choices;
        HasTail = hasTail;
        var n = candidates.Length;
        Score = new double[n];
        RankedBy = new long[n];
        var maxGroups = 0;
        for (var b = 0; b < weight.Length; b++)
        {
            maxGroups = Math.Max(maxGroups, groupFrom[b + 1] - groupFrom[b]);
            for (var g = groupFrom[b]; g < groupFrom[b + 1]; g++)
            {
                var size = memberFrom[g + 1] - memberFrom[g];
                for (var m = memberFrom[g]; m < memberFrom[g + 1]; m++)
                {
                    RankedBy[members[m]] += (long)weight[b];
                    if (g - groupFrom[b] < choices[b])
                    {
                        Score[members[m]] += weight[b] / size;
                    }
                }
            }
        }

        MaxGroups = maxGroups;
    }

    public ImmutableArray<string> Candidates { get; }

    /// <summary>The ballots as given.</summary>
    public ImmutableArray<Ballot> Ballots { get; }

    public double[] Weight { get; }

    public int[] GroupFrom { get; }

    public int[] MemberFrom { get; }

    public int[] Members { get; }

    public int[] Choices { get; }

    public bool[] HasTail { get; }

    /// <summary>Each candidate's credited choices: voters times 1 / (size of its group) over the choice groups naming it.</summary>
    public double[] Score { get; }

    /// <summary>How many voters' ballots name each candidate.</summary>
    public long[] RankedBy { get; }

    public int MaxGroups { get; }

    public int UniqueBallots => Weight.Length;

    public static PlackettLuceData Create(IEnumerable<string> candidates, IEnumerable<Ballot> ballots, PlackettLuceUnranked unranked)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ballots);
        ImmutableArray<string> ids = [.. candidates];
        Preconditions.CheckArgument(ids.Length >= 2, nameof(candidates), Preconditions.Invariant(
            $"Plackett–Luce needs at least two candidates, but {ids.Length} were given."));
        ImmutableArray<Ballot> given = [.. ballots];

        // Validates the candidates (blank or repeated ids), the ballots (null, unknown candidates) and the voter total.
        var profile = BallotProfile.Create(ids, given);
        for (var k = 0; k < given.Length; k++)
        {
            if (given[k].RankedCount == 0)
            {
                throw new ArgumentException(Preconditions.Invariant($"Ballot {k} ranks no candidate."), nameof(ballots));
            }
        }

        // One key per ballot: each rank's members in ascending index order, ranks separated by -1.
        var n = ids.Length;
        var keys = new int[profile.BallotCount][];
        for (var k = 0; k < keys.Length; k++)
        {
            var from = profile.Start[k];
            var to = profile.Start[k + 1];
            var key = new int[(to - from) + profile.TierCounts[k]];
            var at = 0;
            var e = from;
            for (var t = 0; t < profile.TierCounts[k]; t++)
            {
                var groupStart = at;
                while (e < to && profile.Tiers[e] == t)
                {
                    key[at++] = profile.Entries[e++];
                }

                Array.Sort(key, groupStart, at - groupStart);
                key[at++] = -1;
            }

            keys[k] = key;
        }

        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(order, (x, y) => Compare(keys[x], keys[y]));

        var weight = new List<double>();
        var groupFrom = new List<int> { 0 };
        var memberFrom = new List<int> { 0 };
        var members = new List<int>();
        var choices = new List<int>();
        var hasTail = new List<bool>();
        for (var p = 0; p < order.Length; p++)
        {
            var key = keys[order[p]];
            long voters = profile.Voters[order[p]];
            while (p + 1 < order.Length && Compare(keys[order[p + 1]], key) == 0)
            {
                voters += profile.Voters[order[++p]];
            }

            var groups = 0;
            foreach (var c in key)
            {
                if (c < 0)
                {
                    memberFrom.Add(members.Count);
                    groups++;
                }
                else
                {
                    members.Add(c);
                }
            }

            var lastGroup = memberFrom[^1] - memberFrom[^2];
            var named = key.Length - groups;
            var namesAll = named == n;
            var tail = unranked == PlackettLuceUnranked.BelowRanked && !namesAll;

            // The last rank is no choice when nothing else remains after it: under BelowRanked when the ballot names
            // every candidate (a single last candidate, or a tie of the last ones, which is what leaving them unranked
            // says); under Absent when it holds one candidate (a tie of the ballot's last candidates is a choice).
            var lastIsChoice = tail || (unranked == PlackettLuceUnranked.Absent && lastGroup > 1);
            weight.Add(voters);
            groupFrom.Add(groupFrom[^1] + groups);
            choices.Add(lastIsChoice ? groups : groups - 1);
            hasTail.Add(tail);
        }

        return new PlackettLuceData(ids, given, [.. weight], [.. groupFrom], [.. memberFrom], [.. members], [.. choices], [.. hasTail]);
    }

    /// <summary>
    /// Σ over the choices of w_s / D_s for every candidate in the choice set, into <paramref name="into"/> (the first
    /// n entries; the rest untouched), where D_s is the sum of the worths in the choice set.
    /// </summary>
    public void Denominators(double[] worth, double[] into, double[] scratch)
    {
        var n = Candidates.Length;
        Array.Clear(into, 0, n);
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += worth[i];
        }

        var anyTail = false;
        var tailSum = 0.0;
        for (var b = 0; b < Weight.Length; b++)
        {
            var choices = Choices[b];
            if (choices == 0)
            {
                continue;
            }

            var first = GroupFrom[b];
            var groups = GroupFrom[b + 1] - first;
            var named = 0.0;
            for (var g = 0; g < groups; g++)
            {
                var sum = 0.0;
                for (var m = MemberFrom[first + g]; m < MemberFrom[first + g + 1]; m++)
                {
                    sum += worth[Members[m]];
                }

                scratch[g] = sum;
                named += sum;
            }

            // D_s = (the unnamed candidates' worth) + Σ of the groups from s on, computed from the back.
            var remaining = HasTail[b] ? Math.Max(total - named, 0) : 0.0;
            for (var g = groups - 1; g >= choices; g--)
            {
                remaining += scratch[g];
            }

            for (var s = choices - 1; s >= 0; s--)
            {
                remaining += scratch[s];
                scratch[s] = remaining;
            }

            // A candidate in group g is in the choice sets of choices 0..min(g, choices − 1).
            var cumulative = 0.0;
            var w = Weight[b];
            for (var g = 0; g < groups; g++)
            {
                if (g < choices)
                {
                    cumulative += w / scratch[g];
                }

                for (var m = MemberFrom[first + g]; m < MemberFrom[first + g + 1]; m++)
                {
                    into[Members[m]] += cumulative;
                }
            }

            if (HasTail[b])
            {
                // The unnamed candidates are in every choice set: add the ballot's total to all, then take it back from
                // the named ones (their own share is already added).
                anyTail = true;
                tailSum += cumulative;
                for (var m = MemberFrom[first]; m < MemberFrom[first + groups]; m++)
                {
                    into[Members[m]] -= cumulative;
                }
            }
        }

        if (anyTail)
        {
            for (var i = 0; i < n; i++)
            {
                into[i] += tailSum;
            }
        }
    }

    /// <summary>The log-likelihood of the ballots at the worths: Σ_b w_b Σ_s [ (1/t_s) Σ_{i∈T_s} log π_i − log D_s ].</summary>
    public double LogLikelihood(double[] worth)
    {
        var n = Candidates.Length;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += worth[i];
        }

        var sum = 0.0;
        var scratch = new double[MaxGroups];
        for (var b = 0; b < Weight.Length; b++)
        {
            var choices = Choices[b];
            var first = GroupFrom[b];
            var groups = GroupFrom[b + 1] - first;
            var named = 0.0;
            var chosen = 0.0;
            for (var g = 0; g < groups; g++)
            {
                var s = 0.0;
                var logs = 0.0;
                var from = MemberFrom[first + g];
                var to = MemberFrom[first + g + 1];
                for (var m = from; m < to; m++)
                {
                    s += worth[Members[m]];
                    logs += Math.Log(worth[Members[m]]);
                }

                scratch[g] = s;
                named += s;
                if (g < choices)
                {
                    chosen += logs / (to - from);
                }
            }

            var remaining = HasTail[b] ? Math.Max(total - named, 0) : 0.0;
            for (var g = groups - 1; g >= choices; g--)
            {
                remaining += scratch[g];
            }

            var logDenominators = 0.0;
            for (var s = choices - 1; s >= 0; s--)
            {
                remaining += scratch[s];
                logDenominators += Math.Log(remaining);
            }

            sum += Weight[b] * (chosen - logDenominators);
        }

        return sum;
    }

    /// <summary>
    /// The candidates' groups, top first: the strongly connected components of the "chosen from a set holding" graph
    /// (an arrow from every member of a choice to every other candidate in its choice set), each in ordinal id order,
    /// ordered so that a group comes after every group with an arrow into it, then by smallest id (ordinal).
    /// </summary>
    public ImmutableArray<ImmutableArray<string>> Groups()
    {
        var n = Candidates.Length;

        // Count the arrows first, so that they go straight into arrays of the right size.
        var leaves = 1;
        while (leaves < n)
        {
            leaves *= 2;
        }

        var anyTail = false;
        var edges = 0L;
        for (var b = 0; b < Weight.Length; b++)
        {
            var choices = Choices[b];
            if (choices > 0)
            {
                var first = GroupFrom[b];
                var named = MemberFrom[GroupFrom[b + 1]] - MemberFrom[first];
                edges += named + (MemberFrom[first + choices] - MemberFrom[first]) + (choices - 1);
                if (HasTail[b])
                {
                    anyTail = true;
                    edges += TailRanges(b, leaves, static _ => { });
                }
            }
        }

        // A ballot with a tail points its last choice at every candidate it does not name. Arrows to each one would
        // cost n per ballot (n² for hostile input), so they go to the nodes of a segment tree over the candidates
        // instead, O(log n) per gap between named candidates; tree nodes only pass reachability down, so they change no
        // candidate's component.
        if (anyTail)
        {
            edges += (2L * (leaves - 1)) - (leaves - n); // no arrow to the padding leaves beyond the last candidate
        }

        Preconditions.CheckState(edges <= Array.MaxLength, "The ballots are too many to check for an estimate.");
        var from = new int[edges];
        var to = new int[edges];
        var count = 0;
        var isNamed = new bool[n];
        var node = n;
        for (var b = 0; b < Weight.Length; b++)
        {
            var choices = Choices[b];
            if (choices == 0)
            {
                continue;
            }

            var first = GroupFrom[b];
            var groups = GroupFrom[b + 1] - first;
            for (var g = 0; g < groups; g++)
            {
                var stage = node + Math.Min(g, choices - 1);
                for (var m = MemberFrom[first + g]; m < MemberFrom[first + g + 1]; m++)
                {
                    var i = Members[m];
                    isNamed[i] = true;
                    Add(stage, i);
                    if (g < choices)
                    {
                        Add(i, stage);
                    }
                }

                if (g + 1 < choices)
                {
                    Add(stage, stage + 1);
                }
            }

            if (HasTail[b])
            {
                var last = node + choices - 1;
                TailRanges(b, leaves, k => Add(last, k));
            }

            for (var m = MemberFrom[first]; m < MemberFrom[first + groups]; m++)
            {
                isNamed[Members[m]] = false;
            }

            node += choices;
        }

        // Tree node k (1 ≤ k < leaves) covers its children 2k and 2k + 1; a child at or above `leaves` is candidate
        // child − leaves. The tail arrows were added as codes: below 0 for tree node −code, otherwise a candidate.
        var stages = node;
        if (anyTail)
        {
            for (var k = 1; k < leaves; k++)
            {
                foreach (var child in (ReadOnlySpan<int>)[2 * k, (2 * k) + 1])
                {
                    if (child < leaves || child - leaves < n)
                    {
                        Add(stages + k - 1, child >= leaves ? child - leaves : -child);
                    }
                }
            }

            node += leaves - 1;
        }

        for (var e = 0; e < count; e++)
        {
            if (to[e] < 0)
            {
                to[e] = stages + (-to[e]) - 1;
            }
        }

        // Compressed rows of the arrows, then Tarjan.
        var offsets = new int[node + 1];
        foreach (var f in from)
        {
            offsets[f + 1]++;
        }

        for (var v = 0; v < node; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var targets = new int[to.Length];
        var fill = (int[])offsets.Clone();
        for (var e = 0; e < from.Length; e++)
        {
            targets[fill[from[e]]++] = to[e];
        }

        var (component, components) = StronglyConnected.Components(node, new RowSuccessors(offsets, targets));

        // Every stage node shares a component with the members of its choice; a tree node is a component of its own
        // without candidates, passed through as soon as every arrow into it is accounted for.
        var members = new List<string>[components];
        for (var c = 0; c < components; c++)
        {
            members[c] = [];
        }

        for (var i = 0; i < n; i++)
        {
            members[component[i]].Add(Candidates[i]);
        }

        foreach (var m in members)
        {
            m.Sort(StringComparer.Ordinal);
        }

        var into = new int[components];
        var between = new HashSet<(int From, int To)>();
        for (var e = 0; e < from.Length; e++)
        {
            int a = component[from[e]], c = component[to[e]];
            if (a != c && between.Add((a, c)))
            {
                into[c]++;
            }
        }

        var successors = between.GroupBy(x => x.From).ToDictionary(x => x.Key, x => x.Select(y => y.To).ToList());
        var ready = new SortedSet<(string First, int Group)>(Comparer<(string First, int Group)>.Create((x, y) => string.CompareOrdinal(x.First, y.First)));
        var empty = new Stack<int>();
        for (var c = 0; c < components; c++)
        {
            if (into[c] == 0)
            {
                Ready(c);
            }
        }

        var result = ImmutableArray.CreateBuilder<ImmutableArray<string>>(members.Count(m => m.Count > 0));
        while (empty.Count > 0 || ready.Count > 0)
        {
            int group;
            if (empty.Count > 0)
            {
                group = empty.Pop();
            }
            else
            {
                var next = ready.Min;
                ready.Remove(next);
                result.Add([.. members[next.Group]]);
                group = next.Group;
            }

            if (successors.TryGetValue(group, out var outs))
            {
                foreach (var t in outs)
                {
                    if (--into[t] == 0)
                    {
                        Ready(t);
                    }
                }
            }
        }

        return result.MoveToImmutable();

        void Add(int source, int target)
        {
            from[count] = source;
            to[count] = target;
            count++;
        }

        void Ready(int c)
        {
            if (members[c].Count == 0)
            {
                empty.Push(c);
            }
            else
            {
                ready.Add((members[c][0], c));
            }
        }
    }

    /// <summary>
    /// Passes the segment-tree nodes that together cover the candidates ballot <paramref name="b"/> does not name to
    /// <paramref name="add"/> (a candidate as its index, tree node k as −k) and returns how many there were.
    /// </summary>
    private long TailRanges(int b, int leaves, Action<int> add)
    {
        var first = GroupFrom[b];
        var named = new int[MemberFrom[GroupFrom[b + 1]] - MemberFrom[first]];
        Array.Copy(Members, MemberFrom[first], named, 0, named.Length);
        Array.Sort(named);
        long count = 0;
        var start = 0;
        foreach (var end in named.Append(Candidates.Length))
        {
            // The gap [start, end) of unnamed candidates, bottom up: O(log n) tree nodes.
            for (int l = start + leaves, r = end + leaves; l < r; l >>= 1, r >>= 1)
            {
                if ((l & 1) == 1)
                {
                    add(Code(l++));
                    count++;
                }

                if ((r & 1) == 1)
                {
                    add(Code(--r));
                    count++;
                }
            }

            start = end + 1;
        }

        return count;

        int Code(int k) => k >= leaves ? k - leaves : -k;
    }

    /// <summary>
    /// Per candidate: whether it was ever in a choice set, ever credited with a choice, ever passed over (in a choice
    /// set without being chosen) and ever chosen in a tie.
    /// </summary>
    public (bool[] InASet, bool[] PassedOver, bool[] Tied) Records()
    {
        var n = Candidates.Length;
        var inASet = new bool[n];
        var passedOver = new bool[n];
        var tied = new bool[n];
        var named = new bool[n];
        for (var b = 0; b < Weight.Length; b++)
        {
            var choices = Choices[b];
            if (choices == 0)
            {
                continue;
            }

            var first = GroupFrom[b];
            var groups = GroupFrom[b + 1] - first;
            for (var g = 0; g < groups; g++)
            {
                var size = MemberFrom[first + g + 1] - MemberFrom[first + g];
                for (var m = MemberFrom[first + g]; m < MemberFrom[first + g + 1]; m++)
                {
                    var i = Members[m];
                    named[i] = true;
                    inASet[i] = true;
                    if (g > 0)
                    {
                        passedOver[i] = true;
                    }

                    if (g < choices && size > 1)
                    {
                        tied[i] = true;
                    }
                }
            }

            if (HasTail[b])
            {
                for (var i = 0; i < n; i++)
                {
                    if (!named[i])
                    {
                        inASet[i] = true;
                        passedOver[i] = true;
                    }
                }
            }

            for (var m = MemberFrom[first]; m < MemberFrom[first + groups]; m++)
            {
                named[Members[m]] = false;
            }
        }

        return (inASet, passedOver, tied);
    }

    private static int Compare(int[] x, int[] y)
    {
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return x[i] < y[i] ? -1 : 1;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private readonly struct RowSuccessors(int[] offsets, int[] targets) : ISuccessors
    {
        public int Next(int node, ref int cursor)
        {
            var at = offsets[node] + cursor;
            if (at >= offsets[node + 1])
            {
                return -1;
            }

            cursor++;
            return targets[at];
        }
    }
}
