using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>
/// NSGA-II's crowding distance and survivor selection on a Pareto sort (<see cref="ParetoResult.CrowdingDistanceOf"/>,
/// <see cref="ParetoResult.SelectCrowded"/>): Deb, Pratap, Agarwal and Meyarivan, IEEE TEC 6(2), 2002, section III-B.
/// </summary>
public class CrowdingDistanceTests
{
    private static readonly Criterion[] s_two = [Criterion.Benefit("a", 1), Criterion.Benefit("b", 1)];

    private static CandidateSet Set(params (string Id, double A, double B)[] rows) =>
        new([.. rows.Select(r => new Candidate(r.Id, [new("a", r.A), new("b", r.B)]))]);

    [Fact]
    public void HandWorked_OneFrontOnALine()
    {
        // One front (each trade a for b): P (1, 4), Q (2, 3), R (3, 2), S (4, 1); both ranges are 3.
        // By a: P Q R S, so P and S are boundaries; Q adds (3 − 1)/3, R adds (4 − 2)/3.
        // By b: S R Q P: Q adds (4 − 2)/3, R adds (3 − 1)/3. So Q = R = 4/3.
        var result = Pareto.Sort(Set(("P", 1, 4), ("Q", 2, 3), ("R", 3, 2), ("S", 4, 1)), s_two);

        Assert.Single(result.Fronts);
        Assert.Equal(double.PositiveInfinity, result.CrowdingDistanceOf("P"));
        Assert.Equal(double.PositiveInfinity, result.CrowdingDistanceOf("S"));
        Assert.Equal(4.0 / 3, result.CrowdingDistanceOf("Q"), 15);
        Assert.Equal(4.0 / 3, result.CrowdingDistanceOf("R"), 15);
    }

    [Fact]
    public void HandWorked_UnevenGaps_AndSelectionFromThePartialFront()
    {
        // Front 1: A (0, 10), B (1, 9), C (2, 5), D (9, 1), E (10, 0); front 2: F (0, 0).
        // By a (range 10): B adds (2 − 0)/10 = 0.2, C (9 − 1)/10 = 0.8, D (10 − 2)/10 = 0.8.
        // By b (order E D C B A, range 10): D adds (5 − 0)/10 = 0.5, C (9 − 1)/10 = 0.8, B (10 − 5)/10 = 0.5.
        // So B 0.7, C 1.6, D 1.3; A and E are boundaries.
        var result = Pareto.Sort(Set(("A", 0, 10), ("B", 1, 9), ("C", 2, 5), ("D", 9, 1), ("E", 10, 0), ("F", 0, 0)), s_two);

        Assert.Equal([0.7, 1.6, 1.3], new[] { "B", "C", "D" }.Select(id => Math.Round(result.CrowdingDistanceOf(id), 12)));
        Assert.Equal(double.PositiveInfinity, result.CrowdingDistanceOf("F")); // a front of one

        // Survivors: the boundaries first (infinite, by id), then C, D, B; front 2 only once front 1 is in.
        Assert.Equal(["A", "E", "C"], result.SelectCrowded(3).ToArray());
        Assert.Equal(["A", "E", "C", "D", "B", "F"], result.SelectCrowded(6).ToArray());
        Assert.Equal(["A", "E", "C", "D", "B", "F"], result.SelectCrowded(100).ToArray());
        Assert.Empty(result.SelectCrowded(0));
    }

    [Fact]
    public void ExactDuplicates_AreSeparatedByIdDeterministically()
    {
        // X and Y are the same point between two others: by id, X comes first in every criterion's order.
        // By a: W (0) X (1) Y (1) Z (2): X adds (1 − 0)/2, Y adds (2 − 1)/2. By b (W 2, X 1, Y 1, Z 0): order Z X Y W,
        // X adds (1 − 0)/2, Y adds (2 − 1)/2. Both 1: duplicates get finite, equal distances here, neither a boundary.
        var result = Pareto.Sort(Set(("W", 0, 2), ("X", 1, 1), ("Y", 1, 1), ("Z", 2, 0)), s_two);

        Assert.Equal((1.0, 1.0), (result.CrowdingDistanceOf("X"), result.CrowdingDistanceOf("Y")));
    }

    [Fact]
    public void ValuesNearTheLargestDouble_DoNotOverflowTheRange()
    {
        // B lies between A and C on both criteria, whose range (2e308) overflows a double: each adds 2e308 / 2e308 = 1.
        var result = Pareto.Sort(Set(("A", -1e308, 1e308), ("B", 0, 0), ("C", 1e308, -1e308)), s_two);

        Assert.Equal(2.0, result.CrowdingDistanceOf("B"), 12);
    }

    [Fact]
    public void Distances_LawsOverRandomSorts()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.CaseAndPermutation(), x =>
        {
            var (c, permutation) = x;
            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            var shuffled = Pareto.Sort(c.Permuted(permutation).ToSet(), c.Criteria());
            var doubled = Pareto.Sort(new ParetoCase(c.Ids, [.. c.Columns.Select(col => col.Select(v => v * 2).ToArray())], c.Kinds, c.Weights).ToSet(), c.Criteria());
            return result.Fronts.All(front =>
            {
                var d = front.Ids.Select(result.CrowdingDistanceOf).ToArray();
                var boundariesOk = front.Count > 2
                    ? Enumerable.Range(0, c.Width).All(j => BoundaryIds(c, front, j).All(id => double.IsPositiveInfinity(result.CrowdingDistanceOf(id))))
                    : d.All(double.IsPositiveInfinity);
                return boundariesOk
                    && d.All(v => double.IsPositiveInfinity(v) || (v >= 0 && v <= c.Width))
                    && front.Ids.All(id => result.CrowdingDistanceOf(id).Equals(shuffled.CrowdingDistanceOf(id)))
                    && front.Ids.All(id => result.CrowdingDistanceOf(id).Equals(doubled.CrowdingDistanceOf(id)));
            });
        }), maxTest: 500);
    }

    [Fact]
    public void SelectCrowded_TakesWholeFrontsThenTheLeastCrowded()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Cases().Select(c => (Case: c, K: 0)).SelectMany(x => Gen.Choose(0, x.Case.Count + 2).Select(k => (x.Case, K: k))).ToArbitrary(), x =>
        {
            var result = Pareto.Sort(x.Case.ToSet(), x.Case.Criteria());
            var selected = result.SelectCrowded(x.K);
            var all = result.SelectCrowded(result.Count);
            var chosen = selected.ToHashSet(StringComparer.Ordinal);
            var partial = result.Fronts.FirstOrDefault(f => !f.Ids.All(chosen.Contains));
            var wholeBefore = partial is null || result.Fronts.TakeWhile(f => f != partial).All(f => f.Ids.All(chosen.Contains));
            var nothingAfter = partial is null || result.Fronts.SkipWhile(f => f != partial).Skip(1).All(f => !f.Ids.Any(chosen.Contains));
            var leastCrowdedLeft = partial is null || (
                from picked in partial.Ids.Where(chosen.Contains)
                from left in partial.Ids.Where(id => !chosen.Contains(id))
                select result.CrowdingDistanceOf(picked) >= result.CrowdingDistanceOf(left)).All(ok => ok);
            return selected.Length == Math.Min(x.K, result.Count)
                && all.Order(StringComparer.Ordinal).SequenceEqual(result.Ids.Order(StringComparer.Ordinal))
                && selected.SequenceEqual(all.Take(x.K))
                && wholeBefore && nothingAfter && leastCrowdedLeft;
        }), maxTest: 500);
    }

    [Fact]
    public void Validation()
    {
        var result = Pareto.Sort(Set(("A", 1, 2)), s_two);

        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => result.SelectCrowded(-1)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => result.CrowdingDistanceOf(null!)).ParamName);
        Assert.Contains("'Z'", Assert.Throws<KeyNotFoundException>(() => result.CrowdingDistanceOf("Z")).Message, StringComparison.Ordinal);
        Assert.Empty(Pareto.Sort(CandidateSet.FromColumns([], [KeyValuePair.Create("a", (IReadOnlyList<double>)[]), KeyValuePair.Create("b", (IReadOnlyList<double>)[])]), s_two).SelectCrowded(5));
    }

    // The ids a criterion's sort puts first and last in a front: the smallest value with the smallest id, the largest
    // value with the largest id (equal values keep ordinal id order).
    private static IEnumerable<string> BoundaryIds(ParetoCase c, ParetoFront front, int j)
    {
        var byValue = front.Ids.Select(id => (Id: id, Value: c.Columns[j][Array.IndexOf(c.Ids, id)]))
            .OrderBy(p => p.Value).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        return [byValue[0].Id, byValue[^1].Id];
    }
}
