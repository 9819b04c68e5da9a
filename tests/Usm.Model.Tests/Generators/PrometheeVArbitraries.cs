using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// One PROMETHEE V problem: a PROMETHEE case (criteria on a grid, any preference function), an effort per candidate,
/// must-include flags, precedences (acyclic, any shape), resources, the capacity and a permutation of the candidates.
/// </summary>
internal sealed record PrometheeVCase(
    PrometheeCase Promethee,
    int[] Efforts,
    bool[] Musts,
    int[] Masks,
    (int A, int B)[] Edges,
    int Capacity,
    int[] Permutation)
{
    public int Count => Promethee.Count;

    public string Id(int i) => Promethee.Ids[i];

    public PrometheeVItem[] Items() =>
        [.. Enumerable.Range(0, Count).Select(i => new PrometheeVItem(Id(i), Efforts[i], ResourcesOf(Masks[i]), Musts[i]))];

    public SprintSelectOptions Options(bool coverage = false) =>
        new(Capacity, [.. Edges.Select(e => new SprintPrecedence(Id(e.A), Id(e.B)))], coverage);

    public PrometheeVResult Run(PrometheeVValue value, bool coverage = false) =>
        PrometheeV.Select(Promethee.ToSet(), Promethee.Method(), Items(), Options(coverage), value);

    /// <summary>The same problem with the candidates and the items both in the order of <see cref="Permutation"/>.</summary>
    public PrometheeVResult RunPermuted(PrometheeVValue value)
    {
        var items = Items();
        return PrometheeV.Select(Promethee.Permuted(Permutation).ToSet(), Promethee.Method(), [.. Permutation.Select(i => items[i])], Options(), value);
    }

    public override string ToString() =>
        $"{Promethee}; efforts [{string.Join(", ", Efforts)}]; musts [{string.Join(", ", Musts)}]; edges [{string.Join(", ", Edges)}]; capacity {Capacity}";

    private static IEnumerable<Resource> ResourcesOf(int mask) =>
        Enum.GetValues<Resource>().Where(r => (mask & (1 << ((int)r - 1))) != 0);
}

/// <summary>Generators for PROMETHEE V: up to 10 candidates, so brute force over all subsets stays cheap.</summary>
internal static class PrometheeVArbitraries
{
    /// <summary>Problems with must-include items and precedences when asked for.</summary>
    public static Arbitrary<PrometheeVCase> Cases(bool constraints, int maxSize = 10, int maxEdges = 4) => Problems(constraints, maxSize, maxEdges).ToArbitrary();

    private static Gen<PrometheeVCase> Problems(bool constraints, int maxSize, int maxEdges) =>
        from c in PrometheeArbitraries.Cases(maxSize)
        from efforts in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 6))), c.Count)
        from musts in Gen.ArrayOf(constraints ? Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true))) : Gen.Constant(false), c.Count)
        from masks in Gen.ArrayOf(Gen.Choose(0, 7), c.Count)
        from edgeCount in constraints ? Gen.Choose(0, Math.Min(maxEdges, c.Count * (c.Count - 1) / 2)) : Gen.Constant(0)
        from pairs in Gen.ArrayOf(Pair(c.Count), edgeCount)
        from share in Gen.Choose(0, 110)
        from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), c.Count)
        select new PrometheeVCase(
            c,
            efforts,
            musts,
            masks,
            [.. pairs.Where(p => p.A != p.B).Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))).Distinct()], // lower index first: acyclic
            efforts.Sum() * share / 100,
            [.. Enumerable.Range(0, c.Count).OrderBy(i => keys[i]).ThenBy(i => i)]);

    private static Gen<(int A, int B)> Pair(int n) =>
        from a in Gen.Choose(0, n - 1)
        from b in Gen.Choose(0, n - 1)
        select (a, b);
}
