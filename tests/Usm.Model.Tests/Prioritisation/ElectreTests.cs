using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Hand-worked examples, the kernel's laws, and validation of <see cref="Electre"/>.</summary>
public class ElectreTests
{
    private static readonly Criterion[] s_criteria = [Criterion.Benefit("a", 2), Criterion.Benefit("b", 1), Criterion.Benefit("c", 1)];

    // Hand-worked example: three benefits on one 0-10 scale, weights 2, 1, 1 → ½, ¼, ¼; ĉ = 0.7, d̂ = 0.3.
    //   P (8, 6, 7)  Q (6, 7, 5)  R (9, 3, 6)  S (4, 4, 4)
    // Ranges a 5, b 4, c 3 → δ = 5.
    // P over Q: at least as good on a, c → c = ¾; Q better on b by 1 → d = 0.2: outranks.  Q over P: c = ¼: no.
    // P over R: b, c → ½: no.  R over P: a → ½: no.
    // R over Q: a, c → ¾, but Q better on b by 4 → d = 0.8 > 0.3: no.  Q over R: b → ¼: no.
    // P, Q over S: better everywhere → c = 1, d = 0: outrank.  R over S: a, c → ¾; S better on b by 1 → d = 0.2: outranks.
    // S over anyone: c ≤ ¼: no.
    // Edges P→Q, P→S, Q→S, R→S; no cycle. Nobody outranks P or R, so both are in the kernel; P outranks Q and S, so
    // they are not. Kernel {P, R}.
    [Fact]
    public void AZeroWeightCriterion_StillVetoes_ThroughDiscordance()
    {
        // A is better on x by 1, B better on y by 10; y has weight 0. Concordance of A over B is x's whole weight, 1;
        // discordance is B's gap on y over δ = 10, that is 1 > 0.5: the weightless y vetoes. Without y, A outranks B.
        var set = new CandidateSet([new Candidate("A", [new("x", 2), new("y", 0)]), new Candidate("B", [new("x", 1), new("y", 10)])]);

        var withY = Electre.Kernel(set, [Criterion.Benefit("x", 1), Criterion.Benefit("y", 0)], 0.7, 0.5);
        var withoutY = Electre.Kernel(set, [Criterion.Benefit("x", 1)], 0.7, 0.5);

        Assert.Equal((1.0, 1.0, false), (withY.Concordance("A", "B"), withY.Discordance("A", "B"), withY.Outranks("A", "B")));
        Assert.True(withoutY.Outranks("A", "B"));
    }

    [Fact]
    public void ConcordanceEqualToTheThreshold_Outranks_DespiteRoundingOfDecimalWeights()
    {
        // c(A, B) = 0.3 / 0.4 = ¾ exactly, but 0.7499999999999999 in double precision; at ĉ = ¾ A must outrank B
        // (found by the ELECTRE TRI-B review, which had the same flaw). A real shortfall of 10⁻⁶ still fails.
        var set = new CandidateSet([new Candidate("A", [new("x", 1), new("y", 0)]), new Candidate("B", [new("x", 0), new("y", 1)])]);
        Criterion[] criteria = [Criterion.Benefit("x", 0.3), Criterion.Benefit("y", 0.1)];

        var atThreshold = Electre.Kernel(set, criteria, 0.75, 1);
        var above = Electre.Kernel(set, criteria, 0.750001, 1);

        Assert.True(atThreshold.Concordance("A", "B") < 0.75);
        Assert.True(atThreshold.Outranks("A", "B"));
        Assert.Equal<string>(["A"], atThreshold.Kernel);
        Assert.False(above.Outranks("A", "B"));
    }

    private static CandidateSet Example() => new(
    [
        new Candidate("P", [new("a", 8), new("b", 6), new("c", 7)]),
        new Candidate("Q", [new("a", 6), new("b", 7), new("c", 5)]),
        new Candidate("R", [new("a", 9), new("b", 3), new("c", 6)]),
        new Candidate("S", [new("a", 4), new("b", 4), new("c", 4)]),
    ]);

    [Fact]
    public void HandWorkedExample_Kernel()
    {
        var result = Electre.Kernel(Example(), s_criteria, 0.7, 0.3);

        Assert.Equal(["P", "R"], result.Kernel.ToArray());
        Assert.False(result.HasCycle);
        Assert.Empty(result.Cycles);
        Assert.Equal(5, result.DiscordanceScale);
        Assert.Equal(4, result.OutrankingCount);
        Assert.True(result.Outranks("P", "Q"));
        Assert.False(result.Outranks("Q", "P"));
        Assert.False(result.Outranks("R", "Q"));
        Assert.Equal(0.75, result.Concordance("R", "Q"));
        Assert.Equal(0.8, result.Discordance("R", "Q"), 1e-15);
        Assert.Equal(0.75, result.Concordance("P", "Q"));
        Assert.Equal(0.2, result.Discordance("P", "Q"), 1e-15);
        Assert.Equal(1, result.Concordance("P", "S"));
        Assert.Equal(0, result.Discordance("P", "S"));
        Assert.Equal(["P", "Q", "R"], result.OutrankedBy("S").ToArray());
        Assert.True(result.IsInKernel("R"));
        Assert.False(result.IsInKernel("S"));
        Assert.False(result.Outranks("P", "P"));
    }

    [Fact]
    public void HandWorkedExample_Explanations()
    {
        var result = Electre.Kernel(Example(), s_criteria, 0.7, 0.3);

        var s = result.Explain("S");
        Assert.Equal("ELECTRE I", s.Method);
        Assert.Contains("'P' (c 1 ≥ ĉ 0.7, d 0 ≤ d̂ 0.3); 'R' (c 0.75 ≥ ĉ 0.7, d 0.2 ≤ d̂ 0.3)", s.Summary, StringComparison.Ordinal);

        var q = result.Explain("Q");
        Assert.Contains("outside", q.Summary, StringComparison.Ordinal);
        Assert.Contains("concordant", q.Contributions.Single(c => c.Criterion == "a").Text, StringComparison.Ordinal);
        var b = q.Contributions.Single(c => c.Criterion == "b");
        Assert.Contains("discordant: 'Q' is better by 1, 0.2 of δ 5", b.Text, StringComparison.Ordinal);
        Assert.Equal(-0.2, b.Contribution, 1e-15);

        var p = result.Explain("P");
        Assert.Contains("in the ELECTRE I kernel", p.Summary, StringComparison.Ordinal);
        Assert.Contains("no kernel member outranks it", p.Summary, StringComparison.Ordinal);
        Assert.Contains("kernel of 2 of 4", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_IsMergedAndReported()
    {
        // Equal weights (⅓ each), ĉ = 0.6, d̂ = 1 (no veto).
        //   X (3, 2, 1)  Y (1, 3, 2)  Z (2, 1, 3)  W (0, 0, 0)
        // X over Z: a, b → ⅔; Z over Y: a, c → ⅔; Y over X: b, c → ⅔; each reverse pair has ⅓. So X → Z → Y → X is a
        // cycle; everyone outranks W (c = 1). No kernel exists in the raw graph (any one of X, Y, Z leaves another
        // unabsorbed; two of them outrank each other); with the cycle merged the kernel is {X, Y, Z}, and W is out.
        var set = new CandidateSet(
        [
            new Candidate("X", [new("a", 3), new("b", 2), new("c", 1)]),
            new Candidate("Y", [new("a", 1), new("b", 3), new("c", 2)]),
            new Candidate("Z", [new("a", 2), new("b", 1), new("c", 3)]),
            new Candidate("W", [new("a", 0), new("b", 0), new("c", 0)]),
        ]);
        var result = Electre.Kernel(set, [Criterion.Benefit("a", 1), Criterion.Benefit("b", 1), Criterion.Benefit("c", 1)], 0.6, 1);

        Assert.True(result.HasCycle);
        Assert.Equal(["X", "Y", "Z"], Assert.Single(result.Cycles).ToArray());
        Assert.Equal(["X", "Y", "Z"], result.Kernel.ToArray());
        Assert.True(result.Outranks("X", "Z") && result.Outranks("Z", "Y") && result.Outranks("Y", "X"));
        Assert.Contains("cycle [X, Y, Z]", result.Explain("Y").Summary, StringComparison.Ordinal);
        Assert.Contains("with cycles merged", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("outside", result.Explain("W").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CostsAndConstantColumns()
    {
        // A cost reverses the comparison. Every criterion constant → δ = 0, d = 0, c = 1 both ways: all outrank all,
        // one cycle, and the kernel is everyone.
        var set = CandidateSet.FromColumns(["x", "y"], [new("price", new[] { 5.0, 5.0 })]);
        var flat = Electre.Kernel(set, [Criterion.Cost("price", 1)], 1, 0);
        Assert.Equal(0, flat.DiscordanceScale);
        Assert.Equal(["x", "y"], flat.Kernel.ToArray());
        Assert.True(flat.HasCycle);

        var cheaper = Electre.Kernel(CandidateSet.FromColumns(["x", "y"], [new("price", new[] { 3.0, 5.0 })]), [Criterion.Cost("price", 1)], 1, 0);
        Assert.Equal(["x"], cheaper.Kernel.ToArray());
        Assert.True(cheaper.Outranks("x", "y"));
        Assert.Equal(1, cheaper.Discordance("y", "x"));

        Assert.Empty(Electre.Kernel(CandidateSet.FromColumns([], [new("price", Array.Empty<double>())]), [Criterion.Cost("price", 1)], 1, 0).Kernel);
    }

    [Fact]
    public void Validation_NamesTheBadValue()
    {
        Assert.Equal("concordanceThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => Electre.Kernel(Example(), s_criteria, 1.5, 0.3)).ParamName);
        Assert.Equal("discordanceThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => Electre.Kernel(Example(), s_criteria, 0.7, double.NaN)).ParamName);
        var missing = Assert.Throws<ArgumentException>(() => Electre.Kernel(Example(), [Criterion.Benefit("d", 1)], 0.7, 0.3));
        Assert.Equal("criteria", missing.ParamName);
        Assert.Contains("ELECTRE I needs criterion 'd'", missing.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Electre.Kernel(Example(), [], 0.7, 0.3));
        Assert.Throws<ArgumentNullException>(() => Electre.Kernel(null!, s_criteria, 0.7, 0.3));

        var ids = Enumerable.Range(0, Electre.MaxCandidates + 1).Select(i => "c" + i).ToArray();
        var big = CandidateSet.FromColumns(ids, [new("a", new double[ids.Length])]);
        Assert.Contains("at most 10000", Assert.Throws<ArgumentException>(() => Electre.Kernel(big, [Criterion.Benefit("a", 1)], 0.7, 0.3)).Message, StringComparison.Ordinal);

        var wide = CandidateSet.FromColumns(["lo", "hi"], [new("a", new[] { -1e308, 1e308 })]);
        Assert.Contains("'a'", Assert.Throws<ArgumentOutOfRangeException>(() => Electre.Kernel(wide, [Criterion.Benefit("a", 1)], 0.7, 0.3)).Message, StringComparison.Ordinal);

        var result = Electre.Kernel(Example(), s_criteria, 0.7, 0.3);
        Assert.Throws<KeyNotFoundException>(() => result.Outranks("P", "nobody"));
        Assert.Throws<KeyNotFoundException>(() => result.Explain("nobody"));
    }

    [Fact]
    public void Relation_FollowsTheDefinition()
    {
        PropertyCheck.Run(Prop.ForAll(CaseAndThresholds(), t =>
        {
            var (c, cHat, dHat) = t;
            var result = Electre.Kernel(c.ToSet(), c.Criteria(), cHat, dHat);
            var delta = c.Columns.Max(col => col.Length == 0 ? 0 : col.Max() - col.Min());
            for (var a = 0; a < c.Count; a++)
            {
                for (var b = 0; b < c.Count; b++)
                {
                    double concordant = 0, gap = 0;
                    for (var j = 0; j < c.Width; j++)
                    {
                        var better = c.Kinds[j] == CriterionKind.Benefit ? c.Columns[j][a] - c.Columns[j][b] : c.Columns[j][b] - c.Columns[j][a];
                        concordant += better >= 0 ? c.Weights[j] : 0;
                        gap = Math.Max(gap, -better);
                    }

                    var conc = concordant / c.Weights.Sum();
                    var disc = gap > 0 ? gap / delta : 0;
                    var outranks = a != b && conc >= cHat && disc <= dHat;
                    if (outranks != result.Outranks(c.Ids[a], c.Ids[b]) || Math.Abs(conc - result.Concordance(c.Ids[a], c.Ids[b])) > 1e-15)
                    {
                        return false;
                    }
                }
            }

            return true;
        }), 400);
    }

    [Fact]
    public void Kernel_IsIndependentAndAbsorbing()
    {
        var acyclic = 0;
        PropertyCheck.Run(Prop.ForAll(CaseAndThresholds(), t =>
        {
            var (c, cHat, dHat) = t;
            var result = Electre.Kernel(c.ToSet(), c.Criteria(), cHat, dHat);
            var kernel = result.Kernel.ToHashSet();
            var cycleOf = result.Cycles.SelectMany(g => g.Select(id => (id, g))).ToDictionary(p => p.id, p => p.g.ToHashSet());
            HashSet<string> Node(string id) => cycleOf.TryGetValue(id, out var g) ? g : [id];
            acyclic += result.HasCycle ? 0 : 1;
            foreach (var a in c.Ids)
            {
                if (kernel.Contains(a))
                {
                    // Independent: kernel members outrank each other only within one cycle.
                    if (kernel.Any(b => result.Outranks(a, b) && !Node(a).Contains(b)))
                    {
                        return false;
                    }
                }
                else
                {
                    // Absorbing: outranked by a kernel member (through its cycle's node when it is on one).
                    if (!Node(a).Any(v => kernel.Any(k => result.Outranks(k, v))))
                    {
                        return false;
                    }

                    if (!result.HasCycle && !kernel.Any(k => result.Outranks(k, a)))
                    {
                        return false;
                    }
                }
            }

            // Cycles are strongly connected: every member reaches every other.
            return result.Cycles.All(g => g.All(x => Reach(result, c.Ids, x).IsSupersetOf(g)))
                && result.Kernel.SequenceEqual(result.Kernel.Order(StringComparer.Ordinal));
        }), 400);
        Assert.True(acyclic > 100, "The generator should produce acyclic relations.");
    }

    [Fact]
    public void InputOrder_ChangesNothing()
    {
        var arb = (from t in CaseAndThresholds().Generator
                   from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), t.Case.Count)
                   select (t, Enumerable.Range(0, t.Case.Count).OrderBy(i => keys[i]).ThenBy(i => i).ToArray())).ToArbitrary();
        PropertyCheck.Run(Prop.ForAll(arb, x =>
        {
            var ((c, cHat, dHat), permutation) = x;
            var one = Electre.Kernel(c.ToSet(), c.Criteria(), cHat, dHat);
            var two = Electre.Kernel(c.Permuted(permutation).ToSet(), c.Criteria(), cHat, dHat);
            return one.Kernel.SequenceEqual(two.Kernel)
                && one.Cycles.Length == two.Cycles.Length
                && one.Cycles.Zip(two.Cycles).All(p => p.First.SequenceEqual(p.Second))
                && one.OutrankingCount == two.OutrankingCount
                && c.Ids.All(a => one.Explain(a).ToString() == two.Explain(a).ToString());
        }), 300);
    }

    private static Arbitrary<(PrometheeCase Case, double CHat, double DHat)> CaseAndThresholds() =>
        (from c in PrometheeArbitraries.Cases(20)
         from cHat in Gen.Elements(0.5, 0.6, 2.0 / 3, 0.75, 1.0)
         from dHat in Gen.Elements(0.0, 0.25, 0.5, 1.0)
         select (c, cHat, dHat)).ToArbitrary();

    private static HashSet<string> Reach(ElectreResult result, string[] ids, string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var a = queue.Dequeue();
            foreach (var b in ids.Where(b => result.Outranks(a, b) && seen.Add(b)))
            {
                queue.Enqueue(b);
            }
        }

        return seen;
    }
}
