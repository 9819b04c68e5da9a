using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

public class AhpHierarchyTests
{
    // Wikipedia, "Analytic hierarchy process – leader example": choose among Tom, Dick and Harry by experience,
    // education, charisma and age. Judgements as reproduced in the ahpy README (github.com/PhilipGriffith/ahpy, where the
    // names are Moll, Nell and Sue); published global priorities: Dick 0.493, Tom 0.358, Harry 0.150 (Saaty 2005 table).
    private static AhpHierarchy Leader()
    {
        string[] people = ["Tom", "Dick", "Harry"];
        var goal = AhpCriterion.Parent(
            "Leader",
            AhpMatrix.FromUpperTriangle(4, [4, 3, 7, 1.0 / 3, 3, 5], ["Experience", "Education", "Charisma", "Age"]),
            [
                AhpCriterion.Leaf("Experience", AhpMatrix.FromUpperTriangle(3, [1.0 / 4, 4, 9], people)),
                AhpCriterion.Leaf("Education", AhpMatrix.FromUpperTriangle(3, [3, 1.0 / 5, 1.0 / 7], people)),
                AhpCriterion.Leaf("Charisma", AhpMatrix.FromUpperTriangle(3, [5, 9, 4], people)),
                AhpCriterion.Leaf("Age", AhpMatrix.FromUpperTriangle(3, [1.0 / 3, 5, 9], people)),
            ]);
        return new AhpHierarchy(goal, people);
    }

    [Fact]
    public void Synthesise_WikipediaLeaderExample_MatchesPublishedPriorities()
    {
        var synthesis = Leader().Synthesise(randomIndex: AhpRandomIndex.Saaty2005);
        Assert.Equal(["Dick", "Tom", "Harry"], synthesis.Alternatives.Select(a => a.Id));
        Assert.Equal(0.493, synthesis.PriorityOf("Dick").Priority, 0.0015);
        Assert.Equal(0.358, synthesis.PriorityOf("Tom").Priority, 0.0015);
        Assert.Equal(0.150, synthesis.PriorityOf("Harry").Priority, 0.0015);

        // ahpy README: experience local weights Nell (Dick) 0.717, Moll (Tom) 0.217, Sue (Harry) 0.066, CR 0.035;
        // education CR 0.062, weight 0.127.
        var experience = synthesis.CriterionOf("Experience");
        Assert.Equal(0.548, experience.GlobalWeight, 0.0006);
        Assert.Equal(0.717, experience.Result.WeightOf("Dick"), 0.0006);
        Assert.Equal(0.035, experience.Result.ConsistencyRatio, 0.0006);
        Assert.Equal(0.062, synthesis.CriterionOf("Education").Result.ConsistencyRatio, 0.0006);
        Assert.Equal("Leader", experience.ParentId);
        Assert.True(synthesis.IsConsistent);
    }

    [Fact]
    public void Synthesise_ExplainsEachAlternativeByLeafCriterion()
    {
        var synthesis = Leader().Synthesise();
        foreach (var alternative in synthesis.Alternatives)
        {
            Assert.Equal(["Experience", "Education", "Charisma", "Age"], alternative.Contributions.Select(c => c.CriterionId));
            Assert.Equal(alternative.Priority, alternative.Contributions.Sum(c => c.Contribution), 1e-12);
            Assert.All(alternative.Contributions, c => Assert.Equal(c.CriterionWeight * c.LocalPriority, c.Contribution, 1e-15));
        }

        Assert.Equal(1, synthesis.Alternatives.Sum(a => a.Priority), 1e-12);
        Assert.Equal([1, 2, 3], synthesis.Alternatives.Select(a => a.Rank));
        Assert.Null(synthesis.Criteria[0].ParentId);
        Assert.Throws<ArgumentException>(() => synthesis.PriorityOf("Nobody"));
    }

    // Wikipedia, "Analytic hierarchy process – car example" (the Jones family's vehicle), with sub-criteria under Cost
    // and Capacity. Judgements and results as reproduced in the ahpy README with the Donegan & Dodd table: criteria
    // Cost 0.510, Safety 0.234, Style 0.041, Capacity 0.215 (CR 0.08); Cost: Price 0.488, Fuel 0.252, Maintenance 0.100,
    // Resale 0.161 (CR 0.016); vehicles Odyssey 0.219, Accord Sedan 0.215, CR-V 0.167, Accord Hybrid 0.150,
    // Element 0.144, Pilot 0.106.
    [Fact]
    public void Synthesise_WikipediaCarExample_WithSubCriteria_MatchesPublishedPriorities()
    {
        string[] cars = ["Accord Sedan", "Accord Hybrid", "Pilot", "CR-V", "Element", "Odyssey"];
        AhpMatrix Cars(params double[] upper) => AhpMatrix.FromUpperTriangle(6, upper, cars);
        var cost = AhpCriterion.Parent(
            "Cost",
            AhpMatrix.FromUpperTriangle(4, [2, 5, 3, 2, 2, 1.0 / 2], ["Price", "Fuel", "Maintenance", "Resale"]),
            [
                AhpCriterion.Leaf("Price", Cars(9, 9, 1, 1.0 / 2, 5, 1, 1.0 / 9, 1.0 / 9, 1.0 / 7, 1.0 / 9, 1.0 / 9, 1.0 / 7, 1.0 / 2, 5, 6)),
                AhpCriterion.Leaf("Fuel", Cars(1 / 1.13, 1.41, 1.15, 1.24, 1.19, 1.59, 1.3, 1.4, 1.35, 1 / 1.23, 1 / 1.14, 1 / 1.18, 1.08, 1.04, 1 / 1.04)),
                AhpCriterion.Leaf("Maintenance", Cars(1.5, 4, 4, 4, 5, 4, 4, 4, 5, 1, 1.2, 1, 1, 3, 2)),
                AhpCriterion.Leaf("Resale", Cars(3, 4, 1.0 / 2, 2, 2, 2, 1.0 / 5, 1, 1, 1.0 / 6, 1.0 / 2, 1.0 / 2, 4, 4, 1)),
            ]);
        var capacity = AhpCriterion.Parent(
            "Capacity",
            AhpMatrix.FromUpperTriangle(2, [1.0 / 5], ["Cargo", "Passenger"]),
            [
                AhpCriterion.Leaf("Cargo", Cars(1, 1.0 / 2, 1.0 / 2, 1.0 / 2, 1.0 / 3, 1.0 / 2, 1.0 / 2, 1.0 / 2, 1.0 / 3, 1, 1, 1.0 / 2, 1, 1.0 / 2, 1.0 / 2)),
                AhpCriterion.Leaf("Passenger", Cars(1, 1.0 / 2, 1, 3, 1.0 / 2, 1.0 / 2, 1, 3, 1.0 / 2, 2, 6, 1, 3, 1.0 / 2, 1.0 / 6)),
            ]);
        var goal = AhpCriterion.Parent(
            "Car",
            AhpMatrix.FromUpperTriangle(4, [3, 7, 3, 9, 1, 1.0 / 7], ["Cost", "Safety", "Style", "Capacity"]),
            [
                cost,
                AhpCriterion.Leaf("Safety", Cars(1, 5, 7, 9, 1.0 / 3, 5, 7, 9, 1.0 / 3, 2, 9, 1.0 / 8, 2, 1.0 / 8, 1.0 / 9)),
                AhpCriterion.Leaf("Style", Cars(1, 7, 5, 9, 6, 7, 5, 9, 6, 1.0 / 6, 3, 1.0 / 3, 7, 5, 1.0 / 5)),
                capacity,
            ]);

        var synthesis = new AhpHierarchy(goal, cars).Synthesise(randomIndex: AhpRandomIndex.DoneganDodd1991);

        Assert.Equal(0.510, synthesis.CriterionOf("Cost").GlobalWeight, 0.0006);
        Assert.Equal(0.080, synthesis.CriterionOf("Car").Result.ConsistencyRatio, 0.0006);
        Assert.Equal(0.488, synthesis.CriterionOf("Price").LocalWeight, 0.0006);
        Assert.Equal(0.100, synthesis.CriterionOf("Maintenance").LocalWeight, 0.0006);
        Assert.Equal(0.016, synthesis.CriterionOf("Cost").Result.ConsistencyRatio, 0.0006);
        Assert.Equal(0.510 * 0.488, synthesis.CriterionOf("Price").GlobalWeight, 0.001);
        (string Id, double Priority)[] published = [("Odyssey", 0.219), ("Accord Sedan", 0.215), ("CR-V", 0.167), ("Accord Hybrid", 0.150), ("Element", 0.144), ("Pilot", 0.106)];
        Assert.Equal(published.Select(p => p.Id), synthesis.Alternatives.Select(a => a.Id));
        foreach (var (id, priority) in published)
        {
            Assert.Equal(priority, synthesis.PriorityOf(id).Priority, 0.0015);
        }

        Assert.Equal(["Price", "Fuel", "Maintenance", "Resale", "Safety", "Style", "Cargo", "Passenger"], synthesis.PriorityOf("Pilot").Contributions.Select(c => c.CriterionId));
    }

    [Fact]
    public void Construction_WrongSizesLabelsOrDuplicates_ThrowNamingTheCriterion()
    {
        string[] people = ["Tom", "Dick", "Harry"];
        var leaf = AhpCriterion.Leaf("Experience", AhpMatrix.FromUpperTriangle(2, [3]));
        var goal = AhpCriterion.Parent("Goal", AhpMatrix.FromUpperTriangle(1, []), [leaf]);
        Assert.Contains("'Experience' compares 2", Assert.Throws<ArgumentException>(() => new AhpHierarchy(goal, people)).Message, StringComparison.Ordinal);

        var mislabelled = AhpCriterion.Leaf("Age", AhpMatrix.FromUpperTriangle(3, [1, 1, 1], ["Tom", "Harry", "Dick"]));
        var goal2 = AhpCriterion.Parent("Goal", AhpMatrix.FromUpperTriangle(1, []), [mislabelled]);
        Assert.Contains("'Age' labels", Assert.Throws<ArgumentException>(() => new AhpHierarchy(goal2, people)).Message, StringComparison.Ordinal);

        var same = AhpCriterion.Leaf("Age", AhpMatrix.FromUpperTriangle(3, [1, 1, 1]));
        var goal3 = AhpCriterion.Parent("Goal", AhpMatrix.FromUpperTriangle(2, [1]), [same, same]);
        Assert.Contains("'Age' appears twice", Assert.Throws<ArgumentException>(() => new AhpHierarchy(goal3, people)).Message, StringComparison.Ordinal);

        Assert.Contains("'Goal' has 2 sub-criteria", Assert.Throws<ArgumentException>(() => AhpCriterion.Parent("Goal", AhpMatrix.FromUpperTriangle(3, [1, 1, 1]), [same, leaf])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AhpCriterion.Parent("Goal", AhpMatrix.FromUpperTriangle(1, []), []));
        Assert.Contains("'Tom' appears twice", Assert.Throws<ArgumentException>(() => new AhpHierarchy(same, ["Tom", "Tom", "Dick"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthesise_RandomTwoLevelHierarchies_GivePrioritiesSummingToOne()
    {
        var gen = from criteria in FsCheck.Fluent.Gen.Choose(1, 6)
                  from alternatives in FsCheck.Fluent.Gen.Choose(1, 8)
                  from seed in FsCheck.Fluent.Gen.Choose(0, int.MaxValue)
                  select (criteria, alternatives, seed);
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (c, a, seed) = input;
            var leaves = Enumerable.Range(0, c).Select(k => AhpCriterion.Leaf("k" + k, AhpBallotArbitraries.RandomMatrix(a, seed + k)));
            var goal = AhpCriterion.Parent("goal", AhpBallotArbitraries.RandomMatrix(c, seed), leaves);
            var synthesis = new AhpHierarchy(goal, Enumerable.Range(0, a).Select(i => "a" + i)).Synthesise();
            Assert.Equal(1, synthesis.Alternatives.Sum(x => x.Priority), 1e-9);
            Assert.Equal(1, synthesis.Criteria.Where(x => x.ParentId == "goal").Sum(x => x.GlobalWeight), 1e-9);
            for (var i = 1; i < synthesis.Alternatives.Length; i++)
            {
                Assert.True(synthesis.Alternatives[i - 1].Priority >= synthesis.Alternatives[i].Priority);
            }
        }), maxTest: 300);
    }

    [Fact]
    public void Synthesise_PermutingAlternatives_PermutesPriorities()
    {
        var gen = from alternatives in Gen.Choose(2, 7)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (alternatives, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (a, seed) = input;
            var p = AhpBallotArbitraries.Permutation(a, new Random(seed));
            var ids = Enumerable.Range(0, a).Select(i => "a" + i).ToArray();
            var matrices = Enumerable.Range(0, 3).Select(k => AhpBallotArbitraries.RandomMatrix(a, seed + k)).ToArray();
            AhpMatrix Permute(AhpMatrix m) => AhpMatrix.Create(Enumerable.Range(0, a).Select(i => Enumerable.Range(0, a).Select(j => m[p[i], p[j]])));
            var criteria = AhpBallotArbitraries.RandomMatrix(3, seed);
            var original = new AhpHierarchy(AhpCriterion.Parent("g", criteria, matrices.Select((m, k) => AhpCriterion.Leaf("k" + k, m))), ids).Synthesise();
            var moved = new AhpHierarchy(AhpCriterion.Parent("g", criteria, matrices.Select((m, k) => AhpCriterion.Leaf("k" + k, Permute(m)))), p.Select(i => ids[i])).Synthesise();
            foreach (var id in ids)
            {
                Assert.Equal(original.PriorityOf(id).Priority, moved.PriorityOf(id).Priority, 1e-9);
            }
        }), maxTest: 300);
    }

    // Found by review, session 5: construction and synthesis recursed once per level, so a chain of about 1,600
    // criteria overflowed a 1 MB thread stack and crashed the process. Run on a 256 KB thread, 20,000 levels would crash
    // any recursive walk; the explicit-stack walks finish and give the leaf's own weights.
    [Fact]
    public void DeepChain_IsCheckedAndSynthesisedWithoutRecursion()
    {
        const int Depth = 20_000;
        AhpSynthesis? synthesis = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    var one = AhpMatrix.FromUpperTriangle(1, []);
                    var node = AhpCriterion.Leaf("leaf", AhpMatrix.FromUpperTriangle(2, [3], ["x", "y"]));
                    for (var i = 0; i < Depth; i++)
                    {
                        node = AhpCriterion.Parent("c" + i, one, [node]);
                    }

                    synthesis = new AhpHierarchy(node, ["x", "y"]).Synthesise();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Equal(Depth + 1, synthesis!.Criteria.Length);
        Assert.Equal("c19999", synthesis.Criteria[0].Id);
        Assert.Equal("leaf", synthesis.Criteria[^1].Id);
        Assert.Equal(0.75, synthesis.PriorityOf("x").Priority, 1e-12);
        Assert.Equal(0.25, synthesis.PriorityOf("y").Priority, 1e-12);
    }

    [Fact]
    public void DeepChain_RepeatedIdDeepDown_IsNamed()
    {
        var one = AhpMatrix.FromUpperTriangle(1, []);
        var node = AhpCriterion.Leaf("c7", AhpMatrix.FromUpperTriangle(2, [3], ["x", "y"]));
        for (var i = 0; i < 5_000; i++)
        {
            node = AhpCriterion.Parent("c" + i, one, [node]);
        }

        var ex = Assert.Throws<ArgumentException>(() => new AhpHierarchy(node, ["x", "y"]));
        Assert.Equal("goal", ex.ParamName);
        Assert.Contains("'c7' appears twice", ex.Message, StringComparison.Ordinal);
    }
}
