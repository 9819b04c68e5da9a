using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>MoSCoW: the ranking method (category first, then a within-category criterion) and the DSDM timebox check.</summary>
public class MoscowTests
{
    private static Candidate Item(string id, MoscowCategory category, double value, double effort = 0) =>
        new(id, [new("moscow", (int)category), new("value", value)], effort);

    // ---------------------------------------------------------------- ranking

    [Fact]
    public void Rank_HandWorkedExample_CategoryThenValueThenId()
    {
        // Hand-worked: categories M, S, C, W (codes 1-4) become classes 4, 3, 2, 1; inside a class higher value first,
        // then ordinal id. Musts: m2 (value 3) before m1 (value 1). Shoulds: s1 and s2 both value 5 → ids s1, s2.
        // Could: c1 (value 9, the highest value of all, still after every Should). Won't: w1.
        var set = new CandidateSet(
        [
            Item("w1", MoscowCategory.WontThisTime, 10),
            Item("c1", MoscowCategory.Could, 9),
            Item("s2", MoscowCategory.Should, 5),
            Item("m1", MoscowCategory.Must, 1),
            Item("s1", MoscowCategory.Should, 5),
            Item("m2", MoscowCategory.Must, 3),
        ]);

        var ranking = Prioritiser.Rank(set, RankingMethod.Moscow("moscow", "value"));

        Assert.Equal(["m2", "m1", "s1", "s2", "c1", "w1"], ranking.Ids.ToArray());
        Assert.Equal([4, 4, 3, 3, 2, 1], ranking.Items.Select(i => i.Class!.Value));
        Assert.Equal([3.0, 1, 5, 5, 9, 10], ranking.Items.Select(i => i.Score));
        Assert.Equal("MoSCoW", ranking.MethodName);
    }

    [Fact]
    public void Rank_WithoutWithinCriterion_ScoresZeroAndOrdersById()
    {
        var set = new CandidateSet([Item("b", MoscowCategory.Must, 9), Item("a", MoscowCategory.Must, 1), Item("c", MoscowCategory.Could, 5)]);

        var ranking = Prioritiser.Rank(set, RankingMethod.Moscow("moscow"));

        Assert.Equal(["a", "b", "c"], ranking.Ids.ToArray());
        Assert.All(ranking.Items, i => Assert.Equal(0, i.Score));
        Assert.Contains("secondary key and then the id", ranking[0].Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_NamesCategoryAndWithinScore()
    {
        var set = new CandidateSet([Item("s", MoscowCategory.Should, 4.5), Item("m", MoscowCategory.Must, 1)]);
        var explanation = Prioritiser.Rank(set, RankingMethod.Moscow("moscow", "value")).Find("s")!.Explanation;

        Assert.Equal("MoSCoW", explanation.Method);
        Assert.Equal("Should have: it ranks after every Must and before every Could and Won't-have-this-time item; within the category it scores 'value' = 4.5.", explanation.Summary);
        Assert.Equal("Category 'moscow' code 2 is Should have (class 3 of 4)", explanation.Contributions[0].Text);
        Assert.Equal(3, explanation.Contributions[0].Contribution);
        Assert.Equal("Within Should have, 'value' = 4.5 orders it (higher first)", explanation.Contributions[1].Text);
    }

    [Theory]
    [InlineData(MoscowCategory.Must, 4)]
    [InlineData(MoscowCategory.Should, 3)]
    [InlineData(MoscowCategory.Could, 2)]
    [InlineData(MoscowCategory.WontThisTime, 1)]
    public void ClassOf_AndCategoryFromClass_AreInverse(MoscowCategory category, int cls)
    {
        Assert.Equal(cls, MoscowMethod.ClassOf(category));
        Assert.Equal(category, MoscowMethod.CategoryFromClass(cls));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(2.5)]
    [InlineData(-1)]
    public void Rank_BadCategoryCode_NamesCandidateAndCriterion(double code)
    {
        var set = new CandidateSet([Item("ok", MoscowCategory.Must, 1), new Candidate("bad-one", [new("moscow", code), new("value", 0)])]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Rank(set, RankingMethod.Moscow("moscow")));

        Assert.Equal("candidates", error.ParamName);
        Assert.Contains("'bad-one'", error.Message, StringComparison.Ordinal);
        Assert.Contains("moscow", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 = Must", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Moscow_BadCriteria_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => RankingMethod.Moscow(null!));
        Assert.Throws<ArgumentException>(() => RankingMethod.Moscow(" "));
        Assert.Throws<ArgumentException>(() => RankingMethod.Moscow("moscow", ""));
        var same = Assert.Throws<ArgumentException>(() => RankingMethod.Moscow("moscow", "moscow"));
        Assert.Equal("withinCategoryCriterion", same.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => MoscowMethod.CategoryFromClass(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MoscowMethod.ClassOf((MoscowCategory)9));

        var set = new CandidateSet([Item("a", MoscowCategory.Must, 1)]);
        var missing = Assert.Throws<ArgumentException>(() => Prioritiser.Rank(set, RankingMethod.Moscow("priority")));
        Assert.Contains("'priority'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_PutsEveryMustBeforeEveryShouldBeforeEveryCouldBeforeEveryWont()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.PlansWithValues(), x =>
        {
            if (x.Plan.Items.Length == 0)
            {
                return true;
            }

            var set = new CandidateSet(x.Plan.Candidates(x.Plan.Items, x.Within));
            var ranking = Prioritiser.Rank(set, RankingMethod.Moscow("moscow", "value"));
            var categories = ranking.Ids.Select(id => (int)set[set.IndexOf(id)].Values["moscow"]).ToArray();
            var values = ranking.Ids.Select(id => set[set.IndexOf(id)].Values["value"]).ToArray();
            for (var p = 1; p < categories.Length; p++)
            {
                if (categories[p - 1] > categories[p])
                {
                    return false;
                }

                if (categories[p - 1] == categories[p]
                    && (values[p - 1] < values[p] || (values[p - 1] == values[p] && string.CompareOrdinal(ranking.Ids[p - 1], ranking.Ids[p]) > 0)))
                {
                    return false;
                }
            }

            return ranking.Items.All(i => MoscowMethod.CategoryFromClass(i.Class!.Value) == (MoscowCategory)categories[i.Rank - 1]);
        }), maxTest: 500);
    }

    [Fact]
    public void Rank_IsIndependentOfInputOrder()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.PlansWithValues(), x =>
        {
            if (x.Plan.Items.Length == 0)
            {
                return true;
            }

            var within = x.Within;
            var byId = x.Plan.Items.Select((item, k) => (item.Id, Value: within[k % within.Length])).ToDictionary(p => p.Id, p => p.Value);
            var shuffledWithin = x.Plan.Shuffled.Select(item => byId[item.Id]).ToArray();
            var a = Prioritiser.Rank(new CandidateSet(x.Plan.Candidates(x.Plan.Items, within)), RankingMethod.Moscow("moscow", "value"));
            var b = Prioritiser.Rank(new CandidateSet(x.Plan.Candidates(x.Plan.Shuffled, shuffledWithin)), RankingMethod.Moscow("moscow", "value"));
            var top = Prioritiser.Top(new CandidateSet(x.Plan.Candidates(x.Plan.Shuffled, shuffledWithin)), RankingMethod.Moscow("moscow", "value"), 3);
            return a.Ids.SequenceEqual(b.Ids) && top.Ids.SequenceEqual(a.Ids.Take(3));
        }), maxTest: 500);
    }

    [Fact]
    public void Moscow_AsTheProgrammesAgreedMechanism_RanksRisksByTheirCategory()
    {
        // The categories are the sounding-board group's, kept beside the risk database and added by the mapping.
        var db = new RiskDatabase(FixedClock.At(2026, 3, 1));
        foreach (var (id, probability, impact) in new[] { ("R-a", 0.1, 1000.0), ("R-b", 0.9, 5000.0), ("R-c", 0.5, 2000.0) })
        {
            db = db.Register(new Risk(id, id, "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p"), [Resource.Process], "c"), "p")
                .Apply(id, new ClassifyRisk(new RiskAssessment(1, 1, QuantitativeEstimate.FromProbabilityAndImpact(probability, impact))), "p");
        }

        var categories = new Dictionary<string, MoscowCategory> { ["R-a"] = MoscowCategory.Should, ["R-b"] = MoscowCategory.Could, ["R-c"] = MoscowCategory.Must };
        var mechanism = new RankingMechanism(
            RankingMethod.Moscow("moscow", RiskCandidates.ExpectedValue),
            map: r => RiskCandidates.FromRisk(r).WithValue("moscow", (int)categories[r.Id]));
        var programme = new ImprovementProgramme("IP-1", "Pilot").AgreeMechanism(mechanism, new LocalDate(2026, 2, 1));

        var order = programme.Prioritise(db);

        // R-b has the largest expected value (4500) but is only a Could; R-c (Must) comes first.
        Assert.Equal(["R-c", "R-a", "R-b"], order.Select(p => p.RiskId));
        Assert.Equal("MoSCoW", programme.Agreement!.Mechanism.Name);
        Assert.StartsWith("Must have:", order[0].Explanation, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- timebox check

    [Fact]
    public void Timebox_DsdmSplit_IsSound()
    {
        // Hand-worked on DSDM's guidance (Agile Business Consortium, DSDM Agile Project Framework, ch. 10 "MoSCoW
        // Prioritisation", https://www.agilebusiness.org/dsdm-project-framework/moscow-prioririsation.html: Must effort
        // at most 60 % of the timebox, a Could pool of about 20 %). Capacity 20: Musts 7 + 5 = 12 (60 %, at the limit),
        // Should 4, Coulds 2.5 + 1.5 = 4 (20 %), Won't 9 (not planned). Planned 20 = capacity, so everything fits.
        // Shares of the plan: 12/20 = 0.6, 4/20 = 0.2, 4/20 = 0.2.
        var result = MoscowTimebox.Check(
        [
            new MoscowItem("M-2", MoscowCategory.Must, 5),
            new MoscowItem("M-1", MoscowCategory.Must, 7),
            new MoscowItem("S-1", MoscowCategory.Should, 4),
            new MoscowItem("C-1", MoscowCategory.Could, 2.5),
            new MoscowItem("C-2", MoscowCategory.Could, 1.5),
            new MoscowItem("W-1", MoscowCategory.WontThisTime, 9),
        ], capacity: 20);

        Assert.Equal(20, result.PlannedEffort);
        Assert.Equal(12, result.EffortOf(MoscowCategory.Must));
        Assert.Equal(9, result.EffortOf(MoscowCategory.WontThisTime));
        Assert.Equal(0.6, result.ShareOf(MoscowCategory.Must), 12);
        Assert.Equal(0.2, result.ShareOf(MoscowCategory.Should), 12);
        Assert.Equal(0.2, result.ShareOf(MoscowCategory.Could), 12);
        Assert.Equal(0, result.ShareOf(MoscowCategory.WontThisTime));
        Assert.Equal(0.6, result.MustShareOfCapacity, 12);
        Assert.True(result.IsMustWithinLimit);
        Assert.Equal(MoscowCouldPool.Near, result.CouldPool);
        Assert.True(result.IsFeasible);
        Assert.Empty(result.Messages);
        Assert.Equal(["M-1", "M-2", "S-1", "C-1", "C-2", "W-1"], result.Items.Select(i => i.Id));
    }

    [Fact]
    public void Timebox_TooManyMusts_AndOverfull_NamesTheItems()
    {
        // Capacity 10: Musts 4 + 3 = 7 (70 % > 60 %), Should 1.5 (running total 8.5), Coulds 1.5 (10, fits exactly)
        // and 0.5 (10.5 > 10: beyond the cut line). Could share of capacity 2/10 = 20 %: Near.
        var result = MoscowTimebox.Check(
        [
            new MoscowItem("m-a", MoscowCategory.Must, 4),
            new MoscowItem("m-b", MoscowCategory.Must, 3),
            new MoscowItem("s-a", MoscowCategory.Should, 1.5),
            new MoscowItem("c-a", MoscowCategory.Could, 1.5),
            new MoscowItem("c-b", MoscowCategory.Could, 0.5),
        ], capacity: 10);

        Assert.False(result.IsMustWithinLimit);
        Assert.Equal(0.7, result.MustShareOfCapacity, 12);
        Assert.Equal(MoscowCouldPool.Near, result.CouldPool);
        Assert.False(result.IsFeasible);
        Assert.Equal(["c-b"], result.OverCapacity.ToArray());
        Assert.Empty(result.MustOverCapacity.ToArray());
        Assert.Equal(2, result.Messages.Length);
        Assert.Equal("Must effort 7 is 70 % of capacity 10, above the limit of 60 %; Must items: 'm-a', 'm-b'.", result.Messages[0]);
        Assert.Equal("Planned effort 10.5 exceeds capacity 10; beyond the cut line (Must, Should, Could, then id): 'c-b' (Could).", result.Messages[1]);
    }

    [Fact]
    public void Timebox_MustsAloneOverCapacity_AndCouldPoolBelow()
    {
        // Capacity 5: Musts 3 (fits) + 4 (7 > 5: over), Should 1 (8: over); no Coulds: 0 % is below 20 % ± 5.
        var result = MoscowTimebox.Check(
        [
            new MoscowItem("a", MoscowCategory.Must, 3),
            new MoscowItem("b", MoscowCategory.Must, 4),
            new MoscowItem("c", MoscowCategory.Should, 1),
        ], capacity: 5);

        Assert.Equal(["b", "c"], result.OverCapacity.ToArray());
        Assert.Equal(["b"], result.MustOverCapacity.ToArray());
        Assert.Equal(MoscowCouldPool.Below, result.CouldPool);
        Assert.Equal(4, result.Messages.Length);
        Assert.Equal("Could effort 0 is 0 % of capacity 5, below the pool of 20 % ± 5 %; Could items: none.", result.Messages[1]);
        Assert.Equal("The Must items alone need 7, more than capacity 5: the timebox cannot deliver its minimum usable subset; Must items beyond the cut line: 'b'.", result.Messages[2]);
        Assert.Equal("Planned effort 8 exceeds capacity 5; beyond the cut line (Must, Should, Could, then id): 'c' (Should).", result.Messages[3]);
    }

    [Fact]
    public void Timebox_OptionsChangeTheVerdicts()
    {
        MoscowItem[] items = [new("m", MoscowCategory.Must, 7), new("c", MoscowCategory.Could, 3)];

        Assert.False(MoscowTimebox.Check(items, 10).IsMustWithinLimit);
        Assert.Equal(MoscowCouldPool.Above, MoscowTimebox.Check(items, 10).CouldPool);
        var lenient = MoscowTimeboxOptions.Default.WithMustLimit(0.75).WithCouldPool(0.3, 0);
        var result = MoscowTimebox.Check(items, 10, lenient);
        Assert.True(result.IsMustWithinLimit);
        Assert.Equal(MoscowCouldPool.Near, result.CouldPool);
        Assert.Same(lenient, result.Options);
    }

    [Fact]
    public void Timebox_FromCandidateSet_ReadsCategoryAndEffort()
    {
        var set = new CandidateSet([Item("x", MoscowCategory.Must, 0, effort: 6), Item("y", MoscowCategory.Could, 0, effort: 2)]);

        var result = MoscowTimebox.Check(set, "moscow", 10);

        Assert.Equal(6, result.EffortOf(MoscowCategory.Must));
        Assert.Equal(2, result.EffortOf(MoscowCategory.Could));
        var bad = new CandidateSet([new Candidate("odd", [new("moscow", 7)])]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MoscowTimebox.Check(bad, "moscow", 10));
        Assert.Contains("'odd'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MoscowTimebox.Check(set, "nope", 10));
    }

    [Fact]
    public void Timebox_Validation_NamesTheItem()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new MoscowItem("M-7", MoscowCategory.Must, -1));
        Assert.Equal("effort", negative.ParamName);
        Assert.Contains("'M-7'", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoscowItem("M-7", MoscowCategory.Must, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoscowItem("M-7", MoscowCategory.Must, double.PositiveInfinity));
        var category = Assert.Throws<ArgumentOutOfRangeException>(() => new MoscowItem("X-1", (MoscowCategory)0, 1));
        Assert.Contains("'X-1'", category.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MoscowItem(" ", MoscowCategory.Must, 1));

        var twice = Assert.Throws<ArgumentException>(() => MoscowTimebox.Check([new("d", MoscowCategory.Must, 1), new("d", MoscowCategory.Could, 1)], 5));
        Assert.Equal("items", twice.ParamName);
        Assert.Contains("'d'", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => MoscowTimebox.Check([null!], 5));
        Assert.Throws<ArgumentNullException>(() => MoscowTimebox.Check((IEnumerable<MoscowItem>)null!, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MoscowTimebox.Check([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MoscowTimebox.Check([], double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => MoscowTimebox.Check([], double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoscowTimeboxOptions(mustLimit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoscowTimeboxOptions(mustLimit: 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoscowTimeboxOptions(couldTarget: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MoscowTimeboxOptions(couldTolerance: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => MoscowTimebox.Check([], 1).EffortOf((MoscowCategory)5));
    }

    [Fact]
    public void MoscowItem_Equality_ComparesEveryProperty()
    {
        var a = new MoscowItem("M-1", MoscowCategory.Must, 3);
        Assert.Equal(a, new MoscowItem("M-1", MoscowCategory.Must, 3));
        Assert.Equal(a.GetHashCode(), new MoscowItem("M-1", MoscowCategory.Must, 3).GetHashCode());
        Assert.NotEqual(a, new MoscowItem("M-2", MoscowCategory.Must, 3));
        Assert.NotEqual(a, new MoscowItem("M-1", MoscowCategory.Should, 3));
        Assert.NotEqual(a, new MoscowItem("M-1", MoscowCategory.Must, 3.5));
        Assert.False(a.Equals(null));
        Assert.Equal("M-1 (Must, effort 3)", a.ToString());
        Assert.Equal("MoSCoW timebox: Must 30 % of capacity 10, infeasible, 2 message(s)", MoscowTimebox.Check([a, new("C-1", MoscowCategory.Could, 8)], 10).ToString());
    }

    [Fact]
    public void Timebox_SharesSumToOneOverThePlannedCategories()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Plans(), x =>
        {
            var r = MoscowTimebox.Check(x.Items, x.Capacity);
            var sum = r.ShareOf(MoscowCategory.Must) + r.ShareOf(MoscowCategory.Should) + r.ShareOf(MoscowCategory.Could);
            var planned = x.Items.Where(i => i.Category != MoscowCategory.WontThisTime).Sum(i => i.Effort);
            return r.PlannedEffort == planned
                && r.ShareOf(MoscowCategory.WontThisTime) == 0
                && (planned == 0 ? sum == 0 : Math.Abs(sum - 1) <= 1e-12)
                && Enum.GetValues<MoscowCategory>().All(c => r.ShareOf(c) is >= 0 and <= 1);
        }), maxTest: 1000);
    }

    [Fact]
    public void Timebox_VerdictsFollowTheDefinitions()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Plans(), x =>
        {
            var r = MoscowTimebox.Check(x.Items, x.Capacity);
            var must = x.Items.Where(i => i.Category == MoscowCategory.Must).Sum(i => i.Effort);
            var could = x.Items.Where(i => i.Category == MoscowCategory.Could).Sum(i => i.Effort);

            // Reference cut line: planned items by category then id; an item is over once the running total passes capacity.
            var planned = x.Items.Where(i => i.Category != MoscowCategory.WontThisTime).OrderBy(i => i.Category).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            var running = 0.0;
            var over = new List<string>();
            foreach (var item in planned)
            {
                running += item.Effort;
                if (running > x.Capacity)
                {
                    over.Add(item.Id);
                }
            }

            return r.IsMustWithinLimit == (must / x.Capacity <= 0.6)
                && r.CouldPool == (((could / x.Capacity) - 0.2) switch { < -0.05 => MoscowCouldPool.Below, > 0.05 => MoscowCouldPool.Above, _ => MoscowCouldPool.Near })
                && r.OverCapacity.SequenceEqual(over)
                && r.IsFeasible == (planned.Sum(i => i.Effort) <= x.Capacity)
                && r.IsFeasible == (r.PlannedEffort <= x.Capacity)
                && (r.MustOverCapacity.Length > 0) == (must > x.Capacity)
                && r.Messages.IsEmpty == (r.IsMustWithinLimit && r.CouldPool == MoscowCouldPool.Near && r.IsFeasible)
                && r.OverCapacity.All(id => r.Messages.Any(m => m.Contains("'" + id + "'", StringComparison.Ordinal)));
        }), maxTest: 1000);
    }

    [Fact]
    public void Timebox_WithInexactEfforts_StaysConsistent()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.FractionalPlans(), x =>
        {
            var r = MoscowTimebox.Check(x.Items, x.Capacity);
            var b = MoscowTimebox.Check(x.Shuffled, x.Capacity);
            var sum = r.ShareOf(MoscowCategory.Must) + r.ShareOf(MoscowCategory.Should) + r.ShareOf(MoscowCategory.Could);
            return r.IsFeasible == (r.PlannedEffort <= x.Capacity)
                && (r.PlannedEffort == 0 ? sum == 0 : Math.Abs(sum - 1) <= 1e-12)
                && Enum.GetValues<MoscowCategory>().All(c => r.ShareOf(c) is >= 0 and <= 1)
                && r.OverCapacity.SequenceEqual(b.OverCapacity)
                && r.PlannedEffort == b.PlannedEffort;
        }), maxTest: 1000);
    }

    [Fact]
    public void Timebox_IsIndependentOfInputOrder()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Plans(), x =>
        {
            var a = MoscowTimebox.Check(x.Items, x.Capacity);
            var b = MoscowTimebox.Check(x.Shuffled, x.Capacity);
            return a.Items.SequenceEqual(b.Items)
                && a.OverCapacity.SequenceEqual(b.OverCapacity)
                && a.Messages.SequenceEqual(b.Messages)
                && Enum.GetValues<MoscowCategory>().All(c => a.EffortOf(c) == b.EffortOf(c) && a.ShareOf(c) == b.ShareOf(c))
                && a.CouldPool == b.CouldPool
                && a.IsMustWithinLimit == b.IsMustWithinLimit;
        }), maxTest: 1000);
    }
}
