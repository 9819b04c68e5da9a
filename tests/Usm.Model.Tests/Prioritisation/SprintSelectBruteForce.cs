using System.Collections.Immutable;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The reference: tries every subset (n ≤ 15) and keeps the best one by the selector's documented rules.</summary>
internal static class SprintSelectBruteForce
{
    public static Answer Solve(SprintCase c, bool coverage, Func<SprintSelectItem, double>? valueOf = null)
    {
        valueOf ??= item => item.Value;
        var items = c.Items.OrderBy(i => i.Id, StringComparer.Ordinal).ToArray();
        var n = items.Length;
        var index = items.Select((item, i) => (item.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);
        var edges = c.Precedences.Select(p => (A: index[p.PrerequisiteId], B: index[p.DependentId])).ToArray();
        var must = 0;
        for (var i = 0; i < n; i++)
        {
            if (items[i].MustInclude)
            {
                must |= 1 << i;
            }
        }

        (int Set, double Value)? best = null, bestCovered = null;
        for (var set = 0; set < 1 << n; set++)
        {
            if ((set & must) != must || edges.Any(e => (set >> e.B & 1) == 1 && (set >> e.A & 1) == 0))
            {
                continue;
            }

            long effort = 0;
            var value = 0.0;
            var mask = 0;
            for (var i = 0; i < n; i++)
            {
                if ((set >> i & 1) == 1)
                {
                    effort += items[i].Effort;
                    value += valueOf(items[i]);
                    mask |= ResourceMask(items[i]);
                }
            }

            if (effort > c.Capacity)
            {
                continue;
            }

            best = Better(best, set, value);
            if (mask == 7)
            {
                bestCovered = Better(bestCovered, set, value);
            }
        }

        if (best is null)
        {
            return new Answer(false, 0, [], false);
        }

        var chosen = coverage && bestCovered is not null ? bestCovered.Value : best.Value;
        var ids = Enumerable.Range(0, n).Where(i => (chosen.Set >> i & 1) == 1).Select(i => items[i].Id).ToImmutableArray();
        return new Answer(true, chosen.Value, ids, bestCovered is not null);
    }

    public static int ResourceMask(SprintSelectItem item) => item.Resources.Aggregate(0, (m, r) => m | 1 << ((int)r - 1));

    // Higher value wins; among equal values the set that leaves out the first differing item (in id order) wins.
    private static (int Set, double Value) Better((int Set, double Value)? current, int set, double value)
    {
        if (current is not { } cur || value > cur.Value)
        {
            return (set, value);
        }

        if (value < cur.Value)
        {
            return cur;
        }

        var differ = set ^ cur.Set;
        var first = differ & -differ;
        return differ != 0 && (set & first) == 0 ? (set, value) : cur;
    }

    internal sealed record Answer(bool Feasible, double Value, ImmutableArray<string> Selected, bool CoverageFeasible);
}
