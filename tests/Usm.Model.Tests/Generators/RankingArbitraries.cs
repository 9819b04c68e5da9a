using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for ranking properties: small candidate sets whose small integer values make ties common.</summary>
internal static class RankingArbitraries
{
    public static readonly string[] CriterionNames = ["a", "b", "c"];

    /// <summary>A list of candidates with criteria a, b, c in 0..6, effort 1..5, ids c0..c{n−1}.</summary>
    public static Gen<Candidate[]> Candidates(int minSize = 1, int maxSize = 30) =>
        from n in Gen.Choose(minSize, maxSize)
        from rows in Gen.ArrayOf(Row(), n)
        select rows.Select((r, i) => new Candidate(
            "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [KeyValuePair.Create("a", (double)r.A), KeyValuePair.Create("b", (double)r.B), KeyValuePair.Create("c", (double)r.C)],
            r.Effort,
            r.Threat ? CandidatePolarity.Threat : CandidatePolarity.Opportunity)).ToArray();

    /// <summary>Candidates plus a permutation of them (a shuffled copy).</summary>
    public static Arbitrary<(Candidate[] Original, Candidate[] Shuffled)> CandidatesAndShuffle() =>
        (from candidates in Candidates()
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), candidates.Length)
         select (candidates, candidates.Zip(keys).OrderBy(p => p.Second).ThenBy(p => p.First.Id, StringComparer.Ordinal).Select(p => p.First).ToArray()))
        .ToArbitrary();

    /// <summary>Every method this suite covers, over criteria a, b, c (c doubles as a probability after scaling is not needed: EMV uses a/6).</summary>
    public static RankingMethod[] Methods() =>
    [
        RankingMethod.WeightedSum([Criterion.Benefit("a", 2), Criterion.Cost("b", 1), Criterion.Benefit("c", 1)], SawNormalisation.MinMax),
        RankingMethod.WeightedSum([Criterion.Benefit("a", 2), Criterion.Cost("b", 1), Criterion.Benefit("c", 1)], SawNormalisation.Vector),
        RankingMethod.WeightedSum([Criterion.Benefit("a", 2), Criterion.Benefit("c", 1)], SawNormalisation.Max),
        RankingMethod.Topsis([Criterion.Benefit("a", 2), Criterion.Cost("b", 1), Criterion.Benefit("c", 1)]),
        RankingMethod.Wsjf(["a", "b"]),
        RankingMethod.Cd3("c"),
        RankingMethod.Ice("a", "b", "c", IceConvention.Average),
        RankingMethod.Ice("a", "b", "c", IceConvention.Product),
        RankingMethod.RiskMatrix("effect", "likelihood"),
    ];

    /// <summary>Adds effect and likelihood levels (1-5) derived from a and b so the risk matrix can run on the same sets.</summary>
    public static CandidateSet ToSet(IEnumerable<Candidate> candidates) =>
        new(candidates.Select(c => c
            .WithValue("effect", Math.Clamp(c.Values["a"], 1, 5))
            .WithValue("likelihood", Math.Clamp(c.Values["b"], 1, 5))));

    private static Gen<(int A, int B, int C, int Effort, bool Threat)> Row() =>
        from a in Gen.Choose(0, 6)
        from b in Gen.Choose(0, 6)
        from c in Gen.Choose(0, 6)
        from effort in Gen.Choose(1, 5)
        from threat in Gen.Elements(true, false)
        select (a, b, c, effort, threat);
}
