using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The laws of issue 5: order independence, determinism, SAW monotonicity, top-k = prefix, correlation bounds.</summary>
public class RankingPropertyTests
{
    private static readonly RankingMethod[] s_methods = RankingArbitraries.Methods();

    private static readonly RankingOptions[] s_options =
        [RankingOptions.Default, new(TieBreaker.LowerEffortFirst), new(TieBreaker.ByCriterion("c", higherFirst: true))];

    [Fact]
    public void Ranking_DoesNotDependOnInputOrder()
    {
        PropertyCheck.Run(Prop.ForAll(RankingArbitraries.CandidatesAndShuffle(), pair =>
        {
            var original = RankingArbitraries.ToSet(pair.Original);
            var shuffled = RankingArbitraries.ToSet(pair.Shuffled);
            foreach (var method in s_methods)
            {
                foreach (var options in s_options)
                {
                    var a = Prioritiser.Rank(original, method, options);
                    var b = Prioritiser.Rank(shuffled, method, options);
                    if (!a.Ids.SequenceEqual(b.Ids) || !a.Items.Select(i => i.Score).SequenceEqual(b.Items.Select(i => i.Score)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }), maxTest: 300);
    }

    [Fact]
    public void Ranking_IsDeterministic_AndNeverChangesItsInput()
    {
        PropertyCheck.Run(Prop.ForAll(RankingArbitraries.Candidates().ToArbitrary(), candidates =>
        {
            var set = RankingArbitraries.ToSet(candidates);
            var snapshot = set.Candidates.ToArray();
            foreach (var method in s_methods)
            {
                var a = Prioritiser.Rank(set, method);
                var b = Prioritiser.Rank(set, method);
                if (!a.Ids.SequenceEqual(b.Ids) || a.Items.Select(i => i.Explanation.ToString()).SequenceEqual(b.Items.Select(i => i.Explanation.ToString())) is false)
                {
                    return false;
                }
            }

            return set.Candidates.SequenceEqual(snapshot);
        }), maxTest: 200);
    }

    [Fact]
    public void Ranks_AreOneToNAndFollowTheDocumentedOrder()
    {
        PropertyCheck.Run(Prop.ForAll(RankingArbitraries.Candidates().ToArbitrary(), candidates =>
        {
            var set = RankingArbitraries.ToSet(candidates);
            foreach (var method in s_methods)
            {
                var r = Prioritiser.Rank(set, method, new RankingOptions(TieBreaker.LowerEffortFirst));
                for (var p = 0; p < r.Count; p++)
                {
                    if (r[p].Rank != p + 1 || r.RankOf(r[p].Id) != p + 1)
                    {
                        return false;
                    }

                    if (p == 0)
                    {
                        continue;
                    }

                    var (x, y) = (r[p - 1], r[p]);
                    var key = (x.Class ?? 0).CompareTo(y.Class ?? 0);
                    if (key == 0)
                    {
                        key = x.Score.CompareTo(y.Score);
                    }

                    if (key == 0)
                    {
                        var ex = set.Efforts[set.IndexOf(x.Id)];
                        var ey = set.Efforts[set.IndexOf(y.Id)];
                        key = ey.CompareTo(ex);
                    }

                    if (key == 0)
                    {
                        key = string.CompareOrdinal(y.Id, x.Id);
                    }

                    if (key <= 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }), maxTest: 200);
    }

    [Fact]
    public void WeightedSum_IsMonotoneInABenefitCriterion()
    {
        var gen = from candidates in RankingArbitraries.Candidates(2)
                  from target in Gen.Choose(0, candidates.Length - 1)
                  from raise in Gen.Choose(1, 5)
                  select (candidates, target, raise);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var set = new CandidateSet(t.candidates);
            var id = t.candidates[t.target].Id;
            var better = new CandidateSet(t.candidates.Select((c, i) => i == t.target ? c.WithValue("a", c.Values["a"] + t.raise) : c));
            foreach (var normalisation in new[] { SawNormalisation.Max, SawNormalisation.MinMax, SawNormalisation.Vector })
            {
                var criteria = new[] { Criterion.Benefit("a", 2), Criterion.Benefit("c", 1) };
                var method = RankingMethod.WeightedSum(normalisation == SawNormalisation.Max ? criteria : [.. criteria, Criterion.Cost("b", 1)], normalisation);
                if (Prioritiser.Rank(better, method).RankOf(id) > Prioritiser.Rank(set, method).RankOf(id))
                {
                    return false;
                }
            }

            return true;
        }), maxTest: 500);
    }

    [Fact]
    public void TopK_EqualsThePrefixOfTheFullRanking()
    {
        var gen = from candidates in RankingArbitraries.Candidates(1, 60)
                  from k in Gen.Choose(1, 70)
                  select (candidates, k);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var set = RankingArbitraries.ToSet(t.candidates);
            foreach (var method in s_methods)
            {
                foreach (var options in s_options)
                {
                    var full = Prioritiser.Rank(set, method, options);
                    var top = Prioritiser.Top(set, method, t.k, options);
                    if (!top.Ids.SequenceEqual(full.Ids.Take(t.k)) || top.Count != Math.Min(t.k, set.Count))
                    {
                        return false;
                    }
                }
            }

            return true;
        }), maxTest: 200);
    }

    [Fact]
    public void TopK_OfSawWithACostCriterion_EqualsThePrefix_WhenTheScoreBufferIsLongerThanTheSet()
    {
        // Top scores into a pooled buffer that may be longer than the set (44 candidates rent 64 slots); the cost term of
        // max normalisation once ran over the whole buffer and read past the columns (IndexOutOfRangeException).
        var candidates = Enumerable.Range(0, 44).Select(i => new Candidate(
            "c" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            [new("value", (i * 37 % 11) + 1.0), new("effort", (i * 13 % 7) + 1.0)]));
        var set = new CandidateSet(candidates);
        var saw = RankingMethod.WeightedSum([Criterion.Benefit("value", 2), Criterion.Cost("effort", 1)]);
        var full = Prioritiser.Rank(set, saw);
        foreach (var k in new[] { 1, 5, 43 })
        {
            Assert.Equal(full.Ids.Take(k), Prioritiser.Top(set, saw, k).Ids);
        }
    }

    [Fact]
    public void FullRanking_OfLargeSets_MatchesAComparisonSort()
    {
        // Above 4096 items the ranking uses the radix path; check it against a plain comparison sort with ties.
        var gen = from n in Gen.Choose(4097, 6000)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var ids = Enumerable.Range(0, t.n).Select(i => "x" + (t.n - i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            double[] Column(int levels) => [.. Enumerable.Range(0, t.n).Select(_ => (double)random.Next(1, levels + 1) - (levels / 2.0))];
            double[] Levels() => [.. Enumerable.Range(0, t.n).Select(_ => (double)random.Next(1, 4))];
            var a = Column(40);
            var set = CandidateSet.FromColumns(ids, [KeyValuePair.Create("a", (IReadOnlyList<double>)a), KeyValuePair.Create("e", (IReadOnlyList<double>)Levels()), KeyValuePair.Create("l", (IReadOnlyList<double>)Levels())]);
            var saw = Prioritiser.Rank(set, RankingMethod.WeightedSum([Criterion.Benefit("a", 1)], SawNormalisation.MinMax));
            var expected = Enumerable.Range(0, t.n).OrderByDescending(i => a[i]).ThenBy(i => ids[i], StringComparer.Ordinal).Select(i => ids[i]);
            var matrix = Prioritiser.Rank(set, RankingMethod.RiskMatrix("e", "l", [[1, 1, 2], [1, 2, 3], [2, 3, 3]], "a"));
            var matrixExpected = Enumerable.Range(0, t.n)
                .OrderByDescending(i => matrix.Find(ids[i])!.Class)
                .ThenByDescending(i => a[i]).ThenBy(i => ids[i], StringComparer.Ordinal).Select(i => ids[i]);
            return saw.Ids.SequenceEqual(expected) && matrix.Ids.SequenceEqual(matrixExpected);
        }), maxTest: 25);
    }

    [Fact]
    public void KendallTau_IsOneWithItselfAndMinusOneWithItsReverse()
    {
        var gen = from n in Gen.Choose(2, 40)
                  from values in Gen.Shuffle(Enumerable.Range(0, n).Select(i => (double)i).ToArray())
                  select values;
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var reversed = x.Select(v => -v).ToArray();
            return Math.Abs(RankCorrelation.KendallTauB(x, x) - 1) < 1e-12
                && Math.Abs(RankCorrelation.KendallTauB(x, reversed) + 1) < 1e-12
                && Math.Abs(RankCorrelation.Spearman(x, x) - 1) < 1e-12
                && Math.Abs(RankCorrelation.Spearman(x, reversed) + 1) < 1e-12;
        }), maxTest: 300);
    }

    [Fact]
    public void KendallTauB_EqualsTheQuadraticDefinition_AndBothCoefficientsAreBounded()
    {
        var gen = from n in Gen.Choose(2, 30)
                  from x in Gen.ArrayOf(Gen.Choose(0, 4), n)
                  from y in Gen.ArrayOf(Gen.Choose(0, 4), n)
                  select (x.Select(v => (double)v).ToArray(), y.Select(v => (double)v).ToArray());
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (x, y) = t;
            long concordant = 0, discordant = 0, xOnly = 0, yOnly = 0;
            for (var i = 0; i < x.Length; i++)
            {
                for (var j = i + 1; j < x.Length; j++)
                {
                    var s = Math.Sign(x[i] - x[j]) * Math.Sign(y[i] - y[j]);
                    if (s > 0)
                    {
                        concordant++;
                    }
                    else if (s < 0)
                    {
                        discordant++;
                    }
                    else if (x[i] == x[j] && y[i] != y[j])
                    {
                        xOnly++;
                    }
                    else if (y[i] == y[j] && x[i] != x[j])
                    {
                        yOnly++;
                    }
                }
            }

            var denominator = Math.Sqrt((double)(concordant + discordant + yOnly) * (concordant + discordant + xOnly));
            var tau = RankCorrelation.KendallTauB(x, y);
            var rho = RankCorrelation.Spearman(x, y);
            var tauOk = denominator == 0 ? double.IsNaN(tau) : Math.Abs(tau - ((concordant - discordant) / denominator)) < 1e-12;
            var rhoOk = double.IsNaN(rho) ? x.Distinct().Count() == 1 || y.Distinct().Count() == 1 : rho is >= -1 and <= 1;
            return tauOk && rhoOk;
        }), maxTest: 1000);
    }

    [Fact]
    public void ScoreOnlyMethods_NeverReverseRanks_WhenACandidateIsRemoved()
    {
        var gen = from candidates in RankingArbitraries.Candidates(2)
                  from victim in Gen.Choose(0, candidates.Length - 1)
                  select (candidates, victim);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var set = RankingArbitraries.ToSet(t.candidates);
            return new RankingMethod[] { RankingMethod.Wsjf(["a", "b"]), RankingMethod.Ice("a", "b", "c", IceConvention.Product), RankingMethod.RiskMatrix("effect", "likelihood") }
                .All(m => !RankReversal.ProbeRemoval(set, m, t.candidates[t.victim].Id).HasReversal);
        }), maxTest: 200);
    }

    [Fact]
    public void FullRanking_OrdersScoresThatDifferOnlyInTheLastBits()
    {
        // The small-set path sorts the top 52 bits of each key and repairs runs; scores one ulp apart must still order.
        var gen = from n in Gen.Choose(2, 4096)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var ids = Enumerable.Range(0, t.n).Select(i => "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var cod = Enumerable.Range(0, t.n).Select(_ =>
            {
                var v = 1000.0 + random.Next(0, 3);
                for (var k = random.Next(0, 300); k > 0; k--)
                {
                    v = Math.BitIncrement(v);
                }

                return v;
            }).ToArray();
            var set = CandidateSet.FromColumns(ids, [KeyValuePair.Create("cod", (IReadOnlyList<double>)cod)], [.. Enumerable.Repeat(1.0, t.n)]);
            var expected = Enumerable.Range(0, t.n).OrderByDescending(i => cod[i]).ThenBy(i => ids[i], StringComparer.Ordinal).Select(i => ids[i]).ToArray();
            var k = 1 + (t.seed % t.n);
            return Prioritiser.Rank(set, RankingMethod.Cd3("cod")).Ids.SequenceEqual(expected)
                && Prioritiser.Top(set, RankingMethod.Cd3("cod"), k).Ids.SequenceEqual(expected.Take(k))
                && Prioritiser.Top(set, RankingMethod.Cd3("cod"), 1 + (k / 7)).Ids.SequenceEqual(expected.Take(1 + (k / 7)));
        }), maxTest: 40);
    }
}
