using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>One generated sprint-selection problem: candidates, capacity and precedences.</summary>
internal sealed record SprintCase(ImmutableArray<SprintSelectItem> Items, int Capacity, ImmutableArray<SprintPrecedence> Precedences)
{
    public SprintSelectOptions Options(bool coverage = false, long workBudget = SprintSelectOptions.DefaultWorkBudget, double? valueScale = null) =>
        new(Capacity, Precedences, coverage, workBudget, valueScale);

    public override string ToString() =>
        $"capacity {Capacity}; items [{string.Join("; ", Items)}]; precedences [{string.Join("; ", Precedences)}]";
}

/// <summary>Generators for sprint selection: small problems that brute force can check (n ≤ 15).</summary>
internal static class SprintSelectArbitraries
{
    /// <summary>Candidates with whole values, no precedences, no must-include items.</summary>
    public static Arbitrary<SprintCase> Plain(int maxItems = 15) => Cases(maxItems, wholeValues: true, precedence: PrecedenceShape.None, mustInclude: false).ToArbitrary();

    /// <summary>Candidates with whole values, must-include items and a precedence forest.</summary>
    public static Arbitrary<SprintCase> Forest(int maxItems = 12) => Cases(maxItems, wholeValues: true, precedence: PrecedenceShape.Forest, mustInclude: true).ToArbitrary();

    /// <summary>Candidates with whole values, must-include items and any acyclic precedence graph.</summary>
    public static Arbitrary<SprintCase> Dag(int maxItems = 12) => Cases(maxItems, wholeValues: true, precedence: PrecedenceShape.Dag, mustInclude: true).ToArbitrary();

    /// <summary>Candidates with two-decimal values and no constraints.</summary>
    public static Arbitrary<SprintCase> Fractional(int maxItems = 12) => Cases(maxItems, wholeValues: false, precedence: PrecedenceShape.None, mustInclude: false).ToArbitrary();

    private enum PrecedenceShape
    {
        None,
        Forest,
        Dag,
    }

    private static Gen<SprintCase> Cases(int maxItems, bool wholeValues, PrecedenceShape precedence, bool mustInclude) =>
        from n in Gen.Choose(0, maxItems)
        from values in Gen.ArrayOf(Gen.Choose(0, wholeValues ? 60 : 6000), n)
        from efforts in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 25))), n)
        from masks in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(0)), (6, Gen.Elements(1, 2, 4)), (2, Gen.Choose(3, 7))), n)
        from musts in Gen.ArrayOf(mustInclude ? Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true))) : Gen.Constant(false), n)
        from names in Gen.Shuffle(Enumerable.Range(0, n).Select(i => "item-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)))
        from parents in Gen.CollectToArray(Enumerable.Range(0, n), i => ParentsOf(i, precedence))
        from capacityShare in Gen.Choose(0, 100)
        select Build(values, efforts, masks, musts, names, parents, capacityShare, wholeValues);

    private static Gen<int[]> ParentsOf(int i, PrecedenceShape shape) => shape switch
    {
        PrecedenceShape.None => Gen.Constant(Array.Empty<int>()),
        _ when i == 0 => Gen.Constant(Array.Empty<int>()),
        PrecedenceShape.Forest => Gen.Frequency((3, Gen.Constant(Array.Empty<int>())), (2, Gen.Choose(0, i - 1).Select(p => new[] { p }))),
        _ => Gen.Frequency((3, Gen.Constant(Array.Empty<int>())), (3, Gen.ArrayOf(Gen.Choose(0, i - 1), 1)), (2, Gen.ArrayOf(Gen.Choose(0, i - 1), 2))),
    };

    private static SprintCase Build(int[] values, int[] efforts, int[] masks, bool[] musts, string[] names, int[][] parents, int capacityShare, bool wholeValues)
    {
        var n = values.Length;
        var items = Enumerable.Range(0, n)
            .Select(i => new SprintSelectItem(
                names[i],
                wholeValues ? values[i] : values[i] / 100.0,
                efforts[i],
                Enum.GetValues<Resource>().Where(r => (masks[i] & (1 << ((int)r - 1))) != 0),
                musts[i]))
            .ToImmutableArray();
        var precedences = Enumerable.Range(0, n)
            .SelectMany(i => parents[i].Distinct().Select(p => new SprintPrecedence(names[p], names[i])))
            .ToImmutableArray();
        var capacity = efforts.Sum() * capacityShare / 100;
        return new SprintCase(items, capacity, precedences);
    }
}
