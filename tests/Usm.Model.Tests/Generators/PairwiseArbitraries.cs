using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Generators for pairwise comparisons (Bradley–Terry, Elo). Profiles are built from a generated seed, so every case is
/// reproducible; candidates are c0..c(n−1), counts 1 to 3, about one comparison in five a tie.
/// </summary>
internal static class PairwiseArbitraries
{
    /// <summary>Any profile: 1 to 8 candidates and 0 to 25 comparisons, often not strongly connected.</summary>
    public static Arbitrary<PairwiseProfile> AnyProfile() =>
        (from n in Gen.Choose(1, 8)
         from m in Gen.Choose(0, 25)
         from seed in Gen.Choose(0, int.MaxValue)
         select Build(n, m, seed, connected: false)).ToArbitrary();

    /// <summary>A strongly connected profile of 2 to 8 candidates: a cycle of wins through all of them plus 0 to 25 random comparisons, shuffled.</summary>
    public static Arbitrary<PairwiseProfile> ConnectedProfile() =>
        (from n in Gen.Choose(2, 8)
         from m in Gen.Choose(0, 25)
         from seed in Gen.Choose(0, int.MaxValue)
         select Build(n, m, seed, connected: true)).ToArbitrary();

    /// <summary>A strongly connected profile and the same comparisons in another order.</summary>
    public static Arbitrary<(PairwiseProfile Profile, PairwiseProfile Shuffled)> ConnectedProfileAndShuffle() =>
        (from n in Gen.Choose(2, 8)
         from m in Gen.Choose(0, 25)
         from seed in Gen.Choose(0, int.MaxValue)
         select WithShuffle(Build(n, m, seed, connected: true), seed)).ToArbitrary();

    /// <summary>Any profile and the same comparisons in another order.</summary>
    public static Arbitrary<(PairwiseProfile Profile, PairwiseProfile Shuffled)> AnyProfileAndShuffle() =>
        (from n in Gen.Choose(1, 8)
         from m in Gen.Choose(0, 25)
         from seed in Gen.Choose(0, int.MaxValue)
         select WithShuffle(Build(n, m, seed, connected: false), seed)).ToArbitrary();

    /// <summary>
    /// A profile with a champion "champ" who beats every other candidate at least once and never loses or ties, mixed
    /// with random comparisons among the others.
    /// </summary>
    public static Arbitrary<PairwiseProfile> ChampionProfile() =>
        (from n in Gen.Choose(1, 7)
         from m in Gen.Choose(0, 20)
         from seed in Gen.Choose(0, int.MaxValue)
         select Champion(n, m, seed, starOnly: false)).ToArbitrary();

    /// <summary>A profile in which every comparison is "champ" beating another candidate (a star of wins).</summary>
    public static Arbitrary<PairwiseProfile> ChampionStar() =>
        (from n in Gen.Choose(1, 7)
         from m in Gen.Choose(0, 20)
         from seed in Gen.Choose(0, int.MaxValue)
         select Champion(n, m, seed, starOnly: true)).ToArbitrary();

    public static PairwiseProfile Build(int n, int m, int seed, bool connected)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, n).Select(i => "c" + i).ToArray();
        var comparisons = new List<PairwiseComparison>();
        if (connected)
        {
            var ring = (string[])ids.Clone();
            random.Shuffle(ring);
            for (var i = 0; i < n; i++)
            {
                comparisons.Add(PairwiseComparison.Win(ring[i], ring[(i + 1) % n], random.Next(1, 4)));
            }
        }

        if (n > 1)
        {
            for (var k = 0; k < m; k++)
            {
                comparisons.Add(RandomComparison(ids, random));
            }
        }

        var ordered = comparisons.ToArray();
        random.Shuffle(ordered);
        return new PairwiseProfile(ids, ordered);
    }

    private static PairwiseProfile Champion(int others, int m, int seed, bool starOnly)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, others).Select(i => "c" + i).ToArray();
        var comparisons = ids.Select(id => PairwiseComparison.Win("champ", id, random.Next(1, 4))).ToList();
        for (var k = 0; k < m; k++)
        {
            if (starOnly)
            {
                comparisons.Add(PairwiseComparison.Win("champ", ids[random.Next(others)], random.Next(1, 4)));
            }
            else if (others > 1)
            {
                comparisons.Add(RandomComparison(ids, random));
            }
        }

        var ordered = comparisons.ToArray();
        random.Shuffle(ordered);
        return new PairwiseProfile([.. ids, "champ"], ordered);
    }

    private static PairwiseComparison RandomComparison(string[] ids, Random random)
    {
        var a = random.Next(ids.Length);
        var b = random.Next(ids.Length - 1);
        if (b >= a)
        {
            b++;
        }

        var count = random.Next(1, 4);
        return random.Next(5) == 0 ? PairwiseComparison.Tie(ids[a], ids[b], count) : PairwiseComparison.Win(ids[a], ids[b], count);
    }

    private static (PairwiseProfile, PairwiseProfile) WithShuffle(PairwiseProfile profile, int seed)
    {
        var order = profile.Comparisons.ToArray();
        new Random(seed ^ 0x2545F491).Shuffle(order);
        return (profile, new PairwiseProfile(profile.Candidates, order));
    }
}
