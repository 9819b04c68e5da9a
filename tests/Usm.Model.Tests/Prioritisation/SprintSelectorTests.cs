using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Worked examples, constraints, explanations and validation of <see cref="SprintSelector"/>.</summary>
public class SprintSelectorTests
{
    // Google OR-Tools, "The Knapsack Problem" (https://developers.google.com/optimization/pack/knapsack): 50 items,
    // one bin of capacity 850; the guide reports total value 7534 and total weight 850.
    private static readonly int[] s_orToolsValues =
    [
        360, 83, 59, 130, 431, 67, 230, 52, 93, 125, 670, 892, 600, 38, 48, 147, 78, 256, 63, 17, 120, 164, 432, 35, 92,
        110, 22, 42, 50, 323, 514, 28, 87, 73, 78, 15, 26, 78, 210, 36, 85, 189, 274, 43, 33, 10, 19, 389, 276, 312,
    ];

    private static readonly int[] s_orToolsWeights =
    [
        7, 0, 30, 22, 80, 94, 11, 81, 70, 64, 59, 18, 0, 36, 3, 8, 15, 42, 9, 0, 42, 47, 52, 32, 26,
        48, 55, 6, 29, 84, 2, 4, 18, 56, 7, 29, 93, 44, 71, 3, 86, 66, 31, 65, 0, 79, 20, 65, 52, 13,
    ];

    private static SprintSelectItem[] OrToolsItems() =>
        [.. s_orToolsValues.Select((v, i) => new SprintSelectItem("item-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), v, s_orToolsWeights[i]))];

    private static SprintSelectItem Item(string id, double value, int effort, params Resource[] resources) => new(id, value, effort, resources);

    [Fact]
    public void OrToolsExample_ReachesThePublishedOptimum()
    {
        var result = SprintSelector.Select(OrToolsItems(), new SprintSelectOptions(850));

        Assert.Equal(SprintSelectStatus.Optimal, result.Status);
        Assert.Equal(SprintSelectMethod.DynamicProgramming, result.Method);
        Assert.Equal(7534, result.TotalValue);
        Assert.Equal(850, result.TotalEffort);
        Assert.Equal(50L * 851, result.WorkCells);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void OrToolsExample_Greedy_IsFeasibleAndWithinHalf()
    {
        var result = SprintSelector.Select(OrToolsItems(), new SprintSelectOptions(850, workBudget: 1_000));

        Assert.Equal(SprintSelectStatus.Heuristic, result.Status);
        Assert.False(result.IsOptimal);
        Assert.Equal(SprintSelectMethod.Greedy, result.Method);
        Assert.Contains("work budget of 1000", result.Reasons.Single(), StringComparison.Ordinal);
        Assert.InRange(result.TotalValue, 7534 / 2.0, 7534);
        Assert.InRange(result.TotalEffort, 0, 850);
    }

    [Fact]
    public void TextbookExample_ExactBeatsGreedyByRatio()
    {
        // Cormen, Leiserson, Rivest and Stein, Introduction to Algorithms, 3rd ed. (2009), §16.2, Figure 16.2: items of
        // weight 10, 20, 30 and value 60, 100, 120, knapsack of 50. Greedy by value per weight takes item 1 and 2
        // (value 160); the optimum takes items 2 and 3 (value 220).
        SprintSelectItem[] items = [Item("item-1", 60, 10), Item("item-2", 100, 20), Item("item-3", 120, 30)];

        var exact = SprintSelector.Select(items, new SprintSelectOptions(50));
        var greedy = SprintSelector.Select(items, new SprintSelectOptions(50, workBudget: 0));

        Assert.Equal(220, exact.TotalValue);
        Assert.Equal(["item-2", "item-3"], exact.SelectedIds.ToArray());
        Assert.Equal(160, greedy.TotalValue);
        Assert.Equal(["item-1", "item-2"], greedy.SelectedIds.ToArray());
    }

    [Fact]
    public void Greedy_BestSingleItemGuard_TakesTheBigItem()
    {
        // Greedy by ratio alone takes the small item (ratio 2) and then cannot fit the big one (ratio 1.8).
        SprintSelectItem[] items = [Item("small", 2, 1), Item("big", 180, 100)];

        var greedy = SprintSelector.Select(items, new SprintSelectOptions(100, workBudget: 0));

        Assert.Equal(["big"], greedy.SelectedIds.ToArray());
        Assert.Equal(180, greedy.TotalValue);
    }

    [Fact]
    public void Ties_LeaveOutTheOrdinallySmallerId()
    {
        SprintSelectItem[] items = [Item("b", 5, 3), Item("a", 5, 3), Item("c", 0, 0)];

        var result = SprintSelector.Select(items, new SprintSelectOptions(3));

        Assert.Equal(["b"], result.SelectedIds.ToArray());
        Assert.Equal(SprintSelectDecision.LeftOut, result.Explain("a").Decision);
        Assert.Equal(SprintSelectDecision.LeftOut, result.Explain("c").Decision);
    }

    [Fact]
    public void MustInclude_IsCommittedWithItsPrerequisites()
    {
        SprintSelectItem[] items = [Item("base", 1, 4), new("top", 1, 2, mustInclude: true), Item("best", 50, 5)];
        var options = new SprintSelectOptions(10, [new SprintPrecedence("base", "top")]);

        var result = SprintSelector.Select(items, options);

        Assert.True(result.IsOptimal);
        Assert.Equal(["base", "top"], result.SelectedIds.ToArray());
        Assert.Equal(SprintSelectDecision.MustInclude, result.Explain("top").Decision);
        Assert.Equal(SprintSelectDecision.PrerequisiteOfMustInclude, result.Explain("base").Decision);
        var best = result.Explain("best");
        Assert.Equal(SprintSelectDecision.TooLarge, best.Decision);
        Assert.Equal(1, best.CapacityShortfall);
    }

    [Fact]
    public void MustInclude_BeyondCapacity_IsReportedAsInfeasible()
    {
        SprintSelectItem[] items = [new("x", 1, 6, mustInclude: true), new("y", 1, 5, mustInclude: true), Item("z", 9, 1)];

        var result = SprintSelector.Select(items, new SprintSelectOptions(10));

        Assert.Equal(SprintSelectStatus.Infeasible, result.Status);
        Assert.False(result.IsFeasible);
        Assert.Equal(SprintSelectMethod.None, result.Method);
        Assert.Equal(["x", "y"], result.InfeasibleItemIds.ToArray());
        Assert.Empty(result.SelectedIds);
        Assert.Contains("(x, y) need 11 effort units, but the capacity is 10", result.Reasons.Single(), StringComparison.Ordinal);
        Assert.All(result.Explanations, e => Assert.Equal(SprintSelectDecision.Infeasible, e.Decision));
    }

    [Fact]
    public void Precedence_DependentOnlyWithPrerequisite()
    {
        // "report" is worth much but needs "register", which costs the whole rest of the capacity.
        SprintSelectItem[] items = [Item("register", 1, 6), Item("report", 20, 4), Item("training", 15, 4)];
        var options = new SprintSelectOptions(8, [new SprintPrecedence("register", "report")]);

        var result = SprintSelector.Select(items, options);

        Assert.True(result.IsOptimal);
        Assert.Equal(["training"], result.SelectedIds.ToArray());
        var report = result.Explain("report");
        Assert.Equal(SprintSelectDecision.TooLarge, report.Decision);
        Assert.Equal(10, report.CapacityNeeded);
    }

    [Fact]
    public void Precedence_ImpliedPrerequisitesStillFormAForest()
    {
        SprintSelectItem[] items = [Item("a", 1, 1), Item("b", 1, 1), Item("c", 10, 1)];
        SprintPrecedence[] precedences = [new("a", "b"), new("b", "c"), new("a", "c")];

        var result = SprintSelector.Select(items, new SprintSelectOptions(3, precedences));

        Assert.True(result.IsOptimal);
        Assert.Equal(["a", "b", "c"], result.SelectedIds.ToArray());
    }

    [Fact]
    public void Precedence_NotAForest_IsSolvedBySearch()
    {
        SprintSelectItem[] items = [Item("a", 1, 1), Item("b", 1, 1), Item("c", 10, 1), Item("d", 5, 2)];
        SprintPrecedence[] precedences = [new("a", "c"), new("b", "c")];

        var result = SprintSelector.Select(items, new SprintSelectOptions(3, precedences));

        Assert.Equal(SprintSelectStatus.Optimal, result.Status);
        Assert.Equal(SprintSelectMethod.BranchAndBound, result.Method);
        Assert.Equal(["a", "b", "c"], result.SelectedIds.ToArray());
        Assert.True(result.WorkCells > 0);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Precedence_NotAForest_BeyondTheBudget_UsesGreedyAndSaysWhy()
    {
        SprintSelectItem[] items = [Item("a", 1, 1), Item("b", 1, 1), Item("c", 10, 1), Item("d", 5, 2)];
        SprintPrecedence[] precedences = [new("a", "c"), new("b", "c")];

        var result = SprintSelector.Select(items, new SprintSelectOptions(3, precedences, workBudget: 48));

        Assert.Equal(SprintSelectStatus.Heuristic, result.Status);
        Assert.Equal(SprintSelectMethod.Greedy, result.Method);
        var reason = result.Reasons.Single();
        Assert.Contains("'c' requires 'a', 'b'", reason, StringComparison.Ordinal);
        Assert.Contains("work budget of 48 cells (3 nodes at 16 cells each)", reason, StringComparison.Ordinal);
        Assert.Equal(["a", "b", "c"], result.SelectedIds.ToArray());
    }

    [Fact]
    public void Coverage_PicksPeopleProcessAndTechnology_WhenFeasible()
    {
        SprintSelectItem[] items =
        [
            Item("tool-1", 10, 2, Resource.Technology),
            Item("tool-2", 10, 2, Resource.Technology),
            Item("tool-3", 10, 2, Resource.Technology),
            Item("course", 3, 2, Resource.People),
            Item("routine", 2, 2, Resource.Process),
        ];

        var free = SprintSelector.Select(items, new SprintSelectOptions(6));
        var covered = SprintSelector.Select(items, new SprintSelectOptions(6, requireResourceCoverage: true));

        Assert.Equal(30, free.TotalValue);
        Assert.False(free.IsCoverageMet);
        Assert.True(covered.IsOptimal);
        Assert.True(covered.IsCoverageMet);
        Assert.Equal(["course", "routine", "tool-3"], covered.SelectedIds.ToArray());
        Assert.Equal(15, covered.TotalValue);
        Assert.Empty(covered.Reasons);
        Assert.Equal(8L * 5 * 7, covered.WorkCells);
    }

    [Fact]
    public void Coverage_Infeasible_ReturnsTheBestWithoutItAndSaysWhy()
    {
        SprintSelectItem[] items = [Item("tool", 10, 2, Resource.Technology), Item("course", 3, 2, Resource.People), Item("routine", 2, 9, Resource.Process)];

        var result = SprintSelector.Select(items, new SprintSelectOptions(6, requireResourceCoverage: true));

        Assert.True(result.IsOptimal);
        Assert.False(result.IsCoverageMet);
        Assert.Equal([Resource.People, Resource.Technology], result.CoveredResources.ToArray());
        Assert.Contains("no candidate that fits improves Process", result.Reasons.Single(), StringComparison.Ordinal);
        Assert.Equal(13, result.TotalValue);
    }

    [Fact]
    public void Explanations_GiveRatioNeedAndDisplacedItems()
    {
        SprintSelectItem[] items = [Item("a", 10, 5), Item("b", 9, 5), Item("c", 12, 6), Item("d", 1, 0)];

        var result = SprintSelector.Select(items, new SprintSelectOptions(10));

        Assert.Equal(["a", "b", "d"], result.SelectedIds.ToArray());
        Assert.Equal(["a", "b", "c", "d"], result.Explanations.Select(e => e.ItemId));
        var c = result.Explain("c");
        Assert.Equal(SprintSelectDecision.LeftOut, c.Decision);
        Assert.Equal(2.0, c.Ratio);
        Assert.Equal(6, c.CapacityNeeded);
        Assert.Equal(6, c.CapacityShortfall);
        Assert.Equal(["a", "b"], c.Displaced.ToArray());
        Assert.Equal("c: LeftOut (value 12, effort 6, ratio 2); needs 6, 6 more than is free; would displace a, b", c.ToString());
        Assert.Equal(double.PositiveInfinity, result.Explain("d").Ratio);
        Assert.Equal(SprintSelectDecision.Chosen, result.Explain("a").Decision);
        Assert.Throws<ArgumentException>(() => result.Explain("zz"));
    }

    [Fact]
    public void Displaced_TakesDependentsAlongWithTheirPrerequisite()
    {
        // "base" has the lowest ratio among chosen items; making room by dropping it also drops "addon", which needs it.
        SprintSelectItem[] items = [Item("base", 2, 2), Item("addon", 9, 1), Item("solid", 12, 3), Item("wish", 4, 3)];
        var options = new SprintSelectOptions(6, [new SprintPrecedence("base", "addon")]);

        var result = SprintSelector.Select(items, options);

        Assert.Equal(["addon", "base", "solid"], result.SelectedIds.ToArray());
        var wish = result.Explain("wish");
        Assert.Equal(SprintSelectDecision.LeftOut, wish.Decision);
        Assert.Equal(3, wish.CapacityShortfall);
        Assert.Equal(["addon", "base"], wish.Displaced.ToArray());
    }

    [Fact]
    public void Greedy_WithCoverage_CoversFirstWhenThatIsNeeded()
    {
        // Ratio order fills the sprint with technology; covering first still leaves room for the best tool.
        SprintSelectItem[] items =
        [
            Item("tool-1", 10, 2, Resource.Technology),
            Item("tool-2", 10, 2, Resource.Technology),
            Item("tool-3", 10, 2, Resource.Technology),
            Item("course", 3, 2, Resource.People),
            Item("routine", 2, 2, Resource.Process),
        ];

        var result = SprintSelector.Select(items, new SprintSelectOptions(6, requireResourceCoverage: true, workBudget: 0));

        Assert.Equal(SprintSelectStatus.Heuristic, result.Status);
        Assert.True(result.IsCoverageMet);
        Assert.Equal(["course", "routine", "tool-1"], result.SelectedIds.ToArray());
        Assert.Single(result.Reasons);
    }

    [Fact]
    public void Greedy_CommitsMustIncludeItemsAndTheirPrerequisites()
    {
        SprintSelectItem[] items = [Item("base", 1, 4), new("top", 1, 2, mustInclude: true), Item("cheap", 5, 1)];
        var options = new SprintSelectOptions(7, [new SprintPrecedence("base", "top")], workBudget: 0);

        var result = SprintSelector.Select(items, options);

        Assert.Equal(["base", "cheap", "top"], result.SelectedIds.ToArray());
        Assert.Equal(SprintSelectDecision.PrerequisiteOfMustInclude, result.Explain("base").Decision);
        Assert.Equal(SprintSelectDecision.MustInclude, result.Explain("top").Decision);
        Assert.Equal(SprintSelectDecision.Chosen, result.Explain("cheap").Decision);
    }

    [Fact]
    public void ValueScale_MakesFractionalTiesExact()
    {
        // 0.1 + 0.2 is not 0.3 in doubles; scaled to hundredths both sides are 30 and the tie rule decides.
        SprintSelectItem[] items = [Item("a", 0.1, 1), Item("b", 0.2, 1), Item("c", 0.3, 2)];

        var scaled = SprintSelector.Select(items, new SprintSelectOptions(2, valueScale: 100));

        Assert.Equal(["c"], scaled.SelectedIds.ToArray());
        Assert.Equal(0.3, scaled.TotalValue);
    }

    [Fact]
    public void DocsExample_MatchesDocsSprintSelectionMd()
    {
        SprintSelectItem[] candidates =
        [
            new("cmdb-cleanup", value: 40, effort: 5, [Resource.Technology]),
            new("incident-routine", value: 35, effort: 4, [Resource.Process]),
            new("service-desk-training", value: 20, effort: 3, [Resource.People]),
            new("self-service-portal", value: 60, effort: 9, [Resource.Technology]),
            new("sla-review", value: 10, effort: 2, [Resource.Process], mustInclude: true),
        ];
        var options = new SprintSelectOptions(
            capacity: 14,
            precedences: [new SprintPrecedence("cmdb-cleanup", "self-service-portal")],
            requireResourceCoverage: true);

        var result = SprintSelector.Select(candidates, options);

        Assert.Equal(SprintSelectStatus.Optimal, result.Status);
        Assert.Equal(["cmdb-cleanup", "incident-routine", "service-desk-training", "sla-review"], result.SelectedIds.ToArray());
        Assert.Equal(105, result.TotalValue);
        Assert.Equal(14, result.TotalEffort);
        Assert.Equal("self-service-portal: TooLarge (value 60, effort 9, ratio 6.667); needs 9, 9 more than is free", result.Explain("self-service-portal").ToString());
    }

    [Fact]
    public void HugeCapacity_FallsBackToGreedy_WithoutOverflow()
    {
        SprintSelectItem[] items = [Item("a", 3, 1_000_000_000), Item("b", 2, 1_500_000_000), Item("c", 1, 5)];

        var byBudget = SprintSelector.Select(items, new SprintSelectOptions(int.MaxValue));
        var bySize = SprintSelector.Select(items, new SprintSelectOptions(int.MaxValue, workBudget: long.MaxValue));

        Assert.Equal(SprintSelectStatus.Heuristic, byBudget.Status);
        Assert.Contains("work budget", byBudget.Reasons.Single(), StringComparison.Ordinal);
        Assert.Equal(SprintSelectStatus.Heuristic, bySize.Status);
        Assert.Contains("larger than .NET arrays allow", bySize.Reasons.Single(), StringComparison.Ordinal);
        Assert.Equal(["a", "c"], bySize.SelectedIds.ToArray());
    }

    [Fact]
    public void Greedy_LeavesOutItemsThatAddNoValue_AsTheExactMethodDoes()
    {
        // Capacity int.MaxValue forces the greedy method. "free" is worth 0 and fits; "prereq-only" is worth 0 but is a
        // prerequisite of "b", so it comes in with b (as part of b's closure, worth 2).
        SprintSelectItem[] items = [Item("a", 3, 1), Item("b", 2, 1), Item("free", 0, 1), Item("prereq-only", 0, 1)];
        var options = new SprintSelectOptions(int.MaxValue, [new SprintPrecedence("prereq-only", "b")]);

        var greedy = SprintSelector.Select(items, options);
        var exact = SprintSelector.Select(items, new SprintSelectOptions(10, [new SprintPrecedence("prereq-only", "b")]));

        Assert.Equal(SprintSelectMethod.Greedy, greedy.Method);
        Assert.Equal(["a", "b", "prereq-only"], greedy.SelectedIds.ToArray());
        Assert.Equal(exact.SelectedIds.ToArray(), greedy.SelectedIds.ToArray());
        Assert.Equal(SprintSelectDecision.LeftOut, greedy.Explain("free").Decision);
    }

    [Fact]
    public void NoCandidates_GiveAnEmptyOptimalSelection()
    {
        var result = SprintSelector.Select([], new SprintSelectOptions(5));

        Assert.True(result.IsOptimal);
        Assert.Empty(result.SelectedIds);
        Assert.Equal(5, result.RemainingCapacity);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheItem()
    {
        Assert.Contains("'x'", Assert.Throws<ArgumentOutOfRangeException>("effort", () => new SprintSelectItem("x", 1, -1)).Message, StringComparison.Ordinal);
        Assert.Contains("'x'", Assert.Throws<ArgumentOutOfRangeException>("value", () => new SprintSelectItem("x", double.NaN, 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => new SprintSelectItem("x", -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => new SprintSelectItem("x", double.PositiveInfinity, 1));
        Assert.Throws<ArgumentOutOfRangeException>("resources", () => new SprintSelectItem("x", 1, 1, [(Resource)9]));
        Assert.Throws<ArgumentOutOfRangeException>("capacity", () => new SprintSelectOptions(-1));
        Assert.Throws<ArgumentOutOfRangeException>("workBudget", () => new SprintSelectOptions(1, workBudget: -1));
        Assert.Throws<ArgumentOutOfRangeException>("valueScale", () => new SprintSelectOptions(1, valueScale: double.NaN));
        Assert.Throws<ArgumentException>("dependentId", () => new SprintPrecedence("x", "x"));

        SprintSelectItem[] duplicate = [Item("x", 1, 1), Item("x", 2, 2)];
        Assert.Contains("'x'", Assert.Throws<ArgumentException>("items", () => SprintSelector.Select(duplicate, new SprintSelectOptions(3))).Message, StringComparison.Ordinal);

        SprintSelectItem[] items = [Item("a", 1, 1), Item("b", 1, 1), Item("c", 1, 1)];
        var unknown = new SprintSelectOptions(3, [new SprintPrecedence("a", "ghost")]);
        Assert.Contains("'ghost'", Assert.Throws<ArgumentException>("options", () => SprintSelector.Select(items, unknown)).Message, StringComparison.Ordinal);

        var cycle = new SprintSelectOptions(3, [new SprintPrecedence("a", "b"), new SprintPrecedence("b", "c"), new SprintPrecedence("c", "a")]);
        var message = Assert.Throws<ArgumentException>("options", () => SprintSelector.Select(items, cycle)).Message;
        Assert.Contains("cycle", message, StringComparison.Ordinal);
        Assert.Contains("'a'", message, StringComparison.Ordinal);

        Assert.Throws<ArgumentNullException>("items", () => SprintSelector.Select([Item("a", 1, 1), null!], new SprintSelectOptions(3)));
        Assert.Throws<ArgumentNullException>("items", () => SprintSelector.Select(null!, new SprintSelectOptions(3)));
        Assert.Throws<ArgumentNullException>("options", () => SprintSelector.Select(items, null!));

        var huge = new SprintSelectItem[] { Item("a", 1e15, 1), Item("b", 1e15, 1) };
        Assert.Throws<ArgumentException>("options", () => SprintSelector.Select(huge, new SprintSelectOptions(2, valueScale: 10)));
    }

    [Fact]
    public void ValuesWhoseSumOverflows_AreRejected_NamingTheItem()
    {
        // Each value is finite, but their total is not: infinite totals cannot be compared, so the choice would be arbitrary.
        SprintSelectItem[] items = [Item("a", double.MaxValue, 1), Item("b", double.MaxValue, 1), Item("c", 1, 1)];
        foreach (var budget in new long[] { SprintSelectOptions.DefaultWorkBudget, 0 })
        {
            var ex = Assert.Throws<ArgumentException>("items", () => SprintSelector.Select(items, new SprintSelectOptions(3, workBudget: budget)));
            Assert.Contains("'b'", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(2e300, SprintSelector.Select([Item("a", 1e300, 1), Item("b", 1e300, 1)], new SprintSelectOptions(3)).TotalValue);
    }

    [Fact]
    public void ItemsAndOptions_AreImmutableValues()
    {
        var item = new SprintSelectItem("x", 3, 2, [Resource.Technology, Resource.People, Resource.People]);
        Assert.Equal([Resource.People, Resource.Technology], item.Resources.ToArray());
        Assert.Equal(item, item.WithValue(5).WithValue(3));
        Assert.Equal(5, item.WithValue(5).Value);
        Assert.Equal(4, item.WithEffort(4).Effort);
        Assert.True(item.WithMustInclude(true).MustInclude);
        Assert.Equal([Resource.Process], item.WithResources([Resource.Process]).Resources.ToArray());
        Assert.Equal(3, item.Value);
        Assert.Equal(new SprintPrecedence("a", "b"), new SprintPrecedence("a", "b"));
        Assert.Equal("b only with a", new SprintPrecedence("a", "b").ToString());

        var options = new SprintSelectOptions(5);
        Assert.Equal(7, options.WithCapacity(7).Capacity);
        Assert.True(options.WithResourceCoverage(true).RequireResourceCoverage);
        Assert.Equal(9, options.WithWorkBudget(9).WorkBudget);
        Assert.Equal(100, options.WithValueScale(100).ValueScale);
        Assert.Single(options.WithPrecedences([new SprintPrecedence("a", "b")]).Precedences);
        Assert.Equal(5, options.Capacity);
        Assert.Empty(options.Precedences);
    }
}
