using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The laws of sprint selection, checked against brute force on small problems (n ≤ 15).</summary>
public class SprintSelectPropertyTests
{
    [Fact]
    public void Exact_EqualsBruteForce_IncludingTheDocumentedTieBreak() =>
        PropertyCheck.Run(
            Prop.ForAll(SprintSelectArbitraries.Plain(), c =>
            {
                var result = SprintSelector.Select(c.Items, c.Options());
                var reference = SprintSelectBruteForce.Solve(c, coverage: false);
                return result.IsOptimal
                    && result.TotalValue == reference.Value
                    && result.SelectedIds.SequenceEqual(reference.Selected);
            }),
            maxTest: 400);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Exact_ScalarAnd128BitPaths_EqualBruteForce(int lanes)
    {
        SprintSelector.ForcedLanes = lanes;
        try
        {
            PropertyCheck.Run(
                Prop.ForAll(SprintSelectArbitraries.Plain(), c =>
                {
                    var result = SprintSelector.Select(c.Items, c.Options());
                    var reference = SprintSelectBruteForce.Solve(c, coverage: false);
                    return result.TotalValue == reference.Value && result.SelectedIds.SequenceEqual(reference.Selected);
                }),
                maxTest: 200,
                name: nameof(Exact_ScalarAnd128BitPaths_EqualBruteForce) + lanes);
        }
        finally
        {
            SprintSelector.ForcedLanes = 0;
        }
    }

    [Fact]
    public void Exact_EqualsBruteForce_WithMustIncludeForestPrecedenceAndCoverage() =>
        PropertyCheck.Run(
            Prop.ForAll(SprintSelectArbitraries.Forest(), c =>
            {
                foreach (var coverage in new[] { false, true })
                {
                    var result = SprintSelector.Select(c.Items, c.Options(coverage));
                    var reference = SprintSelectBruteForce.Solve(c, coverage);
                    if (result.IsFeasible != reference.Feasible)
                    {
                        return false;
                    }

                    if (!reference.Feasible)
                    {
                        continue;
                    }

                    var covered = result.IsCoverageMet;
                    if (!result.IsOptimal || result.TotalValue != reference.Value || (coverage && covered != reference.CoverageFeasible))
                    {
                        return false;
                    }
                }

                return true;
            }),
            maxTest: 300);

    [Fact]
    public void Greedy_ReachesAtLeastHalfTheOptimum() =>
        PropertyCheck.Run(
            Prop.ForAll(SprintSelectArbitraries.Plain(), c =>
            {
                var greedy = SprintSelector.Select(c.Items, c.Options(workBudget: 0));
                var optimum = SprintSelectBruteForce.Solve(c, coverage: false).Value;
                return (c.Items.IsEmpty || (greedy.Status == SprintSelectStatus.Heuristic && !greedy.Reasons.IsEmpty))
                    && greedy.TotalValue >= optimum / 2
                    && greedy.TotalValue <= optimum;
            }),
            maxTest: 500);

    [Fact]
    public void Selections_FitTheCapacity_RespectPrecedenceAndMustInclude_AndAreOptimalWhenExact() =>
        PropertyCheck.Run(
            Prop.ForAll(SprintSelectArbitraries.Dag(), c =>
            {
                foreach (var (coverage, budget) in new[] { (false, SprintSelectOptions.DefaultWorkBudget), (true, SprintSelectOptions.DefaultWorkBudget), (false, 0L), (true, 0L) })
                {
                    var result = SprintSelector.Select(c.Items, c.Options(coverage, budget));
                    var reference = SprintSelectBruteForce.Solve(c, coverage: false);
                    var constrained = SprintSelectBruteForce.Solve(c, coverage);
                    if (result.IsOptimal && (result.TotalValue != constrained.Value || (coverage && result.IsCoverageMet != constrained.CoverageFeasible)))
                    {
                        return false;
                    }

                    if (budget > 0 && result.IsFeasible && !result.IsOptimal)
                    {
                        return false;
                    }

                    if (result.IsFeasible != reference.Feasible || result.Explanations.Length != c.Items.Length)
                    {
                        return false;
                    }

                    if (!result.IsFeasible)
                    {
                        if (result.InfeasibleItemIds.IsEmpty || !result.SelectedIds.IsEmpty)
                        {
                            return false;
                        }

                        continue;
                    }

                    var chosen = result.SelectedIds.ToHashSet(StringComparer.Ordinal);
                    var effort = c.Items.Where(i => chosen.Contains(i.Id)).Sum(i => (long)i.Effort);
                    var ok = effort <= c.Capacity
                        && effort == result.TotalEffort
                        && c.Items.Where(i => i.MustInclude).All(i => chosen.Contains(i.Id))
                        && c.Precedences.All(p => !chosen.Contains(p.DependentId) || chosen.Contains(p.PrerequisiteId))
                        && result.TotalValue <= reference.Value
                        && c.Items.Select((item, k) => result.Explanations[k].ItemId == item.Id && result.Explanations[k].IsSelected == chosen.Contains(item.Id)).All(b => b);
                    if (!ok)
                    {
                        return false;
                    }
                }

                return true;
            }),
            maxTest: 300);

    [Fact]
    public void Selection_DoesNotDependOnInputOrder_AndRepeats() =>
        PropertyCheck.Run(
            Prop.ForAll(SprintSelectArbitraries.Forest(), c =>
            {
                var options = c.Options(coverage: true);
                var first = SprintSelector.Select(c.Items, options);
                var again = SprintSelector.Select(c.Items, options);
                var reversed = SprintSelector.Select([.. c.Items.Reverse()], options);
                return first.SelectedIds.SequenceEqual(again.SelectedIds)
                    && first.SelectedIds.SequenceEqual(reversed.SelectedIds)
                    && first.TotalValue == reversed.TotalValue
                    && first.Status == reversed.Status
                    && first.Explanations.Select(e => e.ToString()).SequenceEqual(again.Explanations.Select(e => e.ToString()));
            }),
            maxTest: 200);

    [Fact]
    public void FractionalValues_AreOptimal_WithAndWithoutAValueScale() =>
        PropertyCheck.Run(
            Prop.ForAll(SprintSelectArbitraries.Fractional(), c =>
            {
                var reference = SprintSelectBruteForce.Solve(c, coverage: false);
                var raw = SprintSelector.Select(c.Items, c.Options());
                var scaled = SprintSelector.Select(c.Items, c.Options(valueScale: 100));
                return Math.Abs(raw.TotalValue - reference.Value) <= 1e-9 * (1 + reference.Value)
                    && Math.Abs(scaled.TotalValue - reference.Value) <= 1e-9 * (1 + reference.Value);
            }),
            maxTest: 300);

    [Fact]
    public void Input_IsNeverMutated() =>
        PropertyCheck.Run(
            Prop.ForAll(SprintSelectArbitraries.Dag(), c =>
            {
                var list = c.Items.ToList();
                var snapshot = list.Select(i => i.ToString()).ToArray();
                var options = c.Options(coverage: true);
                var precedences = options.Precedences;
                SprintSelector.Select(list, options);
                SprintSelector.Select(list, options.WithWorkBudget(0));
                return list.Select(i => i.ToString()).SequenceEqual(snapshot)
                    && list.SequenceEqual(c.Items)
                    && options.Precedences.SequenceEqual(precedences);
            }),
            maxTest: 200);
}
