using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>One generated Plackett–Luce case: candidates, ballots and how unranked candidates are read.</summary>
internal sealed record PlackettLuceCase(string[] Candidates, Ballot[] Ballots, PlackettLuceUnranked Unranked, int Seed)
{
    public PlackettLuceOptions Options => new(unranked: Unranked);

    public override string ToString() =>
        $"{Unranked}; candidates [{string.Join(", ", Candidates)}]; ballots [{string.Join(" | ", Ballots.Select(b => b.ToString()))}]";
}

/// <summary>
/// Generators for ranked ballots (Plackett–Luce). Cases are built from a generated seed, so every case is reproducible;
/// candidates are c0..c(n−1) listed in a shuffled order, ballots rank a random number of them (sometimes all), about one
/// rank in five holds a tie, and voters are 1 to 3.
/// </summary>
internal static class PlackettLuceArbitraries
{
    /// <summary>
    /// A case with an estimate under either reading of unranked candidates: 2 to 7 candidates, a cycle of two-candidate
    /// ballots through all of them (ring[i] &gt; ring[i+1]) plus 0 to 12 random ballots, shuffled.
    /// </summary>
    public static Arbitrary<PlackettLuceCase> Connected() =>
        (from n in Gen.Choose(2, 7)
         from m in Gen.Choose(0, 12)
         from seed in Gen.Choose(0, int.MaxValue)
         from absent in Gen.Elements(false, true)
         select Build(n, m, seed, connected: true, absent ? PlackettLuceUnranked.Absent : PlackettLuceUnranked.BelowRanked)).ToArbitrary();

    /// <summary>Any case: 2 to 7 candidates and 0 to 10 random ballots, often without an estimate.</summary>
    public static Arbitrary<PlackettLuceCase> Any() =>
        (from n in Gen.Choose(2, 7)
         from m in Gen.Choose(0, 10)
         from seed in Gen.Choose(0, int.MaxValue)
         from absent in Gen.Elements(false, true)
         select Build(n, m, seed, connected: false, absent ? PlackettLuceUnranked.Absent : PlackettLuceUnranked.BelowRanked)).ToArbitrary();

    public static PlackettLuceCase Build(int n, int m, int seed, bool connected, PlackettLuceUnranked unranked)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, n).Select(i => "c" + i).ToArray();
        var ballots = new List<Ballot>();
        if (connected)
        {
            var ring = (string[])ids.Clone();
            random.Shuffle(ring);
            for (var i = 0; i < n; i++)
            {
                ballots.Add(Ballot.Ranking(ring[i], ring[(i + 1) % n]).WithVoters(random.Next(1, 4)));
            }
        }

        for (var k = 0; k < m; k++)
        {
            ballots.Add(RandomBallot(ids, random));
        }

        var ordered = ballots.ToArray();
        random.Shuffle(ordered);
        var listed = (string[])ids.Clone();
        random.Shuffle(listed);
        return new PlackettLuceCase(listed, ordered, unranked, seed);
    }

    /// <summary>A ballot naming 1 to n of the candidates in random order, about one rank in five a tie with the next candidate.</summary>
    public static Ballot RandomBallot(string[] ids, Random random)
    {
        var order = (string[])ids.Clone();
        random.Shuffle(order);
        var named = random.Next(3) == 0 ? ids.Length : random.Next(1, ids.Length + 1);
        var ranks = new List<List<string>>();
        for (var i = 0; i < named; i++)
        {
            if (ranks.Count > 0 && random.Next(5) == 0)
            {
                ranks[^1].Add(order[i]);
            }
            else
            {
                ranks.Add([order[i]]);
            }
        }

        return new Ballot(ranks, random.Next(1, 4));
    }

    /// <summary>
    /// Whether every candidate reaches every other along the arrows "credited with a choice whose set holds the other",
    /// worked out pair by pair from the ballots (the slow, obvious way), for checking the fit's refusals.
    /// </summary>
    public static bool StronglyConnected(PlackettLuceCase c)
    {
        var arrow = Reach(c);
        var n = c.Candidates.Length;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && !arrow[i, j])
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The groups as <c>PlackettLuceNotEstimableException.Groups</c> lists them, by brute force: candidates that reach
    /// each other, each group in ordinal order, a group after every group that reaches it, then by smallest id.
    /// </summary>
    public static string[][] Groups(PlackettLuceCase c)
    {
        var reach = Reach(c);
        var n = c.Candidates.Length;
        var groups = Enumerable.Range(0, n)
            .Select(i => Enumerable.Range(0, n).Where(j => j == i || (reach[i, j] && reach[j, i])).Select(j => c.Candidates[j]).Order(StringComparer.Ordinal).ToArray())
            .DistinctBy(g => g[0], StringComparer.Ordinal)
            .ToList();
        var index = c.Candidates.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        bool Reaches(string[] a, string[] b) => a != b && reach[index[a[0]], index[b[0]]];
        var result = new List<string[]>();
        while (groups.Count > 0)
        {
            var next = groups.Where(g => !groups.Any(h => Reaches(h, g))).MinBy(g => g[0], StringComparer.Ordinal)!;
            result.Add(next);
            groups.Remove(next);
        }

        return [.. result];
    }

    private static bool[,] Reach(PlackettLuceCase c)
    {
        var ids = c.Candidates;
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var n = ids.Length;
        var arrow = new bool[n, n];
        foreach (var ballot in c.Ballots)
        {
            var named = ballot.Ranks.SelectMany(r => r).Select(id => index[id]).ToHashSet();
            var remaining = c.Unranked == PlackettLuceUnranked.BelowRanked ? Enumerable.Range(0, n).ToHashSet() : named.ToHashSet();
            for (var r = 0; r < ballot.Ranks.Length; r++)
            {
                var group = ballot.Ranks[r].Select(id => index[id]).ToList();
                var isLast = r == ballot.Ranks.Length - 1;
                var nothingAfter = group.Count == remaining.Count;
                var choice = !(isLast && nothingAfter && (c.Unranked == PlackettLuceUnranked.BelowRanked || group.Count == 1));
                if (choice)
                {
                    foreach (var i in group)
                    {
                        foreach (var j in remaining)
                        {
                            arrow[i, j] = true;
                        }
                    }
                }

                remaining.ExceptWith(group);
            }
        }

        // Floyd–Warshall reachability.
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    arrow[i, j] |= arrow[i, k] && arrow[k, j];
                }
            }
        }

        return arrow;
    }
}
