using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Internal;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>SMAA-2 (<see cref="Smaa"/>), its weight sampler and its generator.</summary>
public class SmaaTests
{
    private static Candidate C(string id, double a, double b) => new(id, [KeyValuePair.Create("a", a), KeyValuePair.Create("b", b)]);

    private static readonly Func<ImmutableArray<Criterion>, RankingMethod> SawMax = c => RankingMethod.WeightedSum(c, SawNormalisation.Max);

    /// <summary>
    /// Two candidates, two benefit criteria, SAW with max normalisation. A = (3, 1) normalises to (1, 1/2), B = (1, 2)
    /// to (1/3, 1). With w the weight of a and 1 − w that of b: A scores 1/2 + w/2 and B scores 1 − 2w/3, so A is first
    /// exactly when w &gt; 3/7. With no weight information w is uniform on [0, 1], so A's first-rank acceptability is
    /// 4/7 ≈ 0.5714 and B's 3/7; A's central weight of a is the mean of w over (3/7, 1], 5/7, and B's is 3/14. With two
    /// candidates the holistic acceptability is the first-rank acceptability (α₁ = 1, α₂ = 0).
    /// </summary>
    private static CandidateSet TwoByTwo() => new([C("A", 3, 1), C("B", 1, 2)]);

    private static readonly Criterion[] TwoCriteria = [Criterion.Benefit("a", 1), Criterion.Benefit("b", 1)];

    [Fact]
    public void WorkedExample_MatchesTheClosedFormWithinFourStandardErrors()
    {
        const int Samples = 40_000;
        var result = Smaa.Analyse(TwoByTwo(), TwoCriteria, SawMax, new SmaaOptions(Samples));

        // Standard error of a share near 4/7 over 40,000 samples: √(4/7 · 3/7 / 40,000) ≈ 0.0025; 4 of them is 0.01.
        var a = result["A"];
        var b = result["B"];
        Assert.InRange(a.FirstRankAcceptability, (4.0 / 7) - 0.01, (4.0 / 7) + 0.01);
        Assert.Equal(1.0, a.FirstRankAcceptability + b.FirstRankAcceptability);
        Assert.Equal(a.FirstRankAcceptability, a.HolisticAcceptability);
        Assert.Equal(a.Acceptability(2), b.Acceptability(1));

        // w given w > 3/7 is uniform on (3/7, 1]: its mean's standard error is about 0.165 / √22,857 ≈ 0.0011.
        Assert.InRange(a.CentralWeights!.Value[0], (5.0 / 7) - 0.005, (5.0 / 7) + 0.005);
        Assert.InRange(b.CentralWeights!.Value[0], (3.0 / 14) - 0.005, (3.0 / 14) + 0.005);
        Assert.Equal(1.0, a.CentralWeights.Value[0] + a.CentralWeights.Value[1], 12);
        Assert.Equal(1.0, a.ConfidenceFactor);
        Assert.Equal(1.0, b.ConfidenceFactor);

        // Agreed weights 1 : 1 (w = 1/2 > 3/7): A first.
        Assert.Equal(1, a.ReferenceRank);
        Assert.Equal(["A", "B"], result.Results.Select(r => r.Id));
    }

    /// <summary>
    /// The same example with 1,000 samples and the default seed: A is first in 577 (the closed form expects 571.4), and
    /// its central weight of a is 0.7112… (5/7 ≈ 0.7143). Pinned exactly: the generator and the sampler are fixed
    /// algorithms, so these numbers hold on every .NET version and operating system.
    /// </summary>
    [Fact]
    public void WorkedExample_WithTheDefaultSeed_GivesThesePinnedNumbers()
    {
        var result = Smaa.Analyse(TwoByTwo(), TwoCriteria, SawMax, new SmaaOptions(1_000));
        Assert.Equal(SmaaOptions.DefaultSeed, result.Seed);
        Assert.Equal(1_000, result.Samples);
        Assert.Equal([PinnedA, 1_000 - PinnedA], result["A"].RankCounts.ToArray());
        Assert.Equal([1_000 - PinnedA, PinnedA], result["B"].RankCounts.ToArray());
        Assert.Equal(PinnedCentralA, result["A"].CentralWeights!.Value[0]);

        // The agreed ranking is A > B: exactly the samples in which A is first.
        Assert.Equal(PinnedA, result.ReferenceRankingCount);
        Assert.Equal(PinnedA / 1000.0, result.ReferenceRankingShare);
    }

    private const int PinnedA = 577;

    private const double PinnedCentralA = 0.71123043386055296;

    [Fact]
    public void Generator_MatchesThePublishedReferenceOutputs()
    {
        // xoshiro256** 1.0 from the state {1, 2, 3, 4}: the first outputs of the authors' reference C code
        // (Blackman and Vigna, https://prng.di.unimi.it/xoshiro256starstar.c), as pinned in the test suites of ports
        // such as Rust's rand_xoshiro.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600, 16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576];
        Assert.Equal(expected, expected.Select(_ => rng.NextUInt64()).ToArray());

        // SplitMix64 from state 0 (Steele, Lea and Flood 2014; Vigna's splitmix64.c): 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F.
        var state = 0UL;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x06C45D188009454FUL, Xoshiro256StarStar.SplitMix64(ref state));
    }

    [Fact]
    public void Generator_SeededBySplitMix64_StartsFromItsFourOutputs_AndGivesDoublesInTheUnitInterval()
    {
        var x = 42UL;
        var explicitState = new Xoshiro256StarStar(Xoshiro256StarStar.SplitMix64(ref x), Xoshiro256StarStar.SplitMix64(ref x), Xoshiro256StarStar.SplitMix64(ref x), Xoshiro256StarStar.SplitMix64(ref x));
        var seeded = new Xoshiro256StarStar(42);
        for (var k = 0; k < 100; k++)
        {
            var d = seeded.NextDouble();
            Assert.Equal((explicitState.NextUInt64() >> 11) * (1.0 / (1UL << 53)), d);
            Assert.InRange(d, 0.0, Math.BitDecrement(1.0));
        }
    }

    [Fact]
    public void Sampler_WithoutInformation_IsUniformOnTheSimplex()
    {
        // Uniform on the 3-simplex: every weight has mean 1/3, and w₁ ≤ 1/2 with probability 1 − (1/2)² = 3/4.
        var criteria = ImmutableArray.Create(Criterion.Benefit("x", 1), Criterion.Benefit("y", 1), Criterion.Benefit("z", 1));
        var sampler = new SmaaSampler(criteria, SmaaWeights.Unknown, "options");
        var rng = new Xoshiro256StarStar(7);
        var w = new double[3];
        var sums = new double[3];
        var half = 0;
        const int Draws = 40_000;
        for (var s = 0; s < Draws; s++)
        {
            sampler.Next(rng, w);
            Assert.Equal(1.0, w.Sum());
            for (var j = 0; j < 3; j++)
            {
                Assert.True(w[j] >= 0);
                sums[j] += w[j];
            }

            half += w[0] <= 0.5 ? 1 : 0;
        }

        // Standard errors: √(1/18 / 40,000) ≈ 0.0012 for a mean, √(3/16 / 40,000) ≈ 0.0022 for the share.
        Assert.All(sums, sum => Assert.InRange(sum / Draws, (1.0 / 3) - 0.005, (1.0 / 3) + 0.005));
        Assert.InRange(half / (double)Draws, 0.75 - 0.009, 0.75 + 0.009);
    }

    [Fact]
    public void Property_SampledWeights_RespectTheRankingAndTheBounds()
    {
        var arb = (from m in Gen.Choose(1, 4)
                   from information in SmaaArbitraries.Information(m)
                   from seed in Gen.Choose(0, int.MaxValue)
                   select (m, information, seed)).ToArbitrary();
        PropertyCheck.Run(Prop.ForAll(arb, c =>
        {
            var criteria = SmaaArbitraries.Names.Take(c.m).Select(n => Criterion.Benefit(n, 1)).ToImmutableArray();
            var sampler = new SmaaSampler(criteria, c.information, "options");
            var rng = new Xoshiro256StarStar((ulong)c.seed);
            var w = new double[c.m];
            var index = SmaaArbitraries.Names.Take(c.m).Select((n, j) => (n, j)).ToDictionary(p => p.n, p => p.j);
            for (var s = 0; s < 50; s++)
            {
                sampler.Next(rng, w);
                if (Math.Abs(w.Sum() - 1) > 1e-15 || w.Any(x => x < 0))
                {
                    return false;
                }

                for (var k = 1; k < c.information.Ranking.Length; k++)
                {
                    if (w[index[c.information.Ranking[k - 1]]] < w[index[c.information.Ranking[k]]])
                    {
                        return false;
                    }
                }

                if (c.information.Bounds.Any(b => w[index[b.Criterion]] < b.Low || w[index[b.Criterion]] > b.High))
                {
                    return false;
                }
            }

            return true;
        }), maxTest: 300);
    }

    [Fact]
    public void Property_EveryCandidatesIndicesSumToOne_AndEveryRanksIndicesSumToOne()
    {
        PropertyCheck.Run(Prop.ForAll(SmaaArbitraries.Cases(), c =>
        {
            var result = Smaa.Analyse(c.Set, c.Criteria, c.Method, c.Options);
            var n = c.Candidates.Length;
            var byCandidate = result.Results.All(r => r.RankCounts.Length == n && r.RankCounts.Sum() == c.Samples);
            var byRank = Enumerable.Range(0, n).All(p => result.Results.Sum(r => r.RankCounts[p]) == c.Samples);
            var agreed = result.ReferenceRankingCount <= result.Results.Min(r => r.RankCounts[r.ReferenceRank - 1])
                && (n > 1 || result.ReferenceRankingCount == c.Samples);
            var firsts = agreed && result.Results.All(r => (r.CentralWeights is null) == (r.RankCounts[0] == 0)
                && (r.ConfidenceFactor is null or 0 or 1)
                && r.HolisticAcceptability is >= 0 and <= 1);
            return byCandidate && byRank && firsts;
        }), maxTest: 300);
    }

    [Fact]
    public void Property_CentralWeights_SumToOne_AndMeetTheWeightInformation()
    {
        PropertyCheck.Run(Prop.ForAll(SmaaArbitraries.Cases(), c =>
        {
            var result = Smaa.Analyse(c.Set, c.Criteria, c.Method, c.Options);
            var index = result.Criteria.Select((k, j) => (k.Name, j)).ToDictionary(p => p.Name, p => p.j);
            foreach (var central in result.Results.Where(r => r.CentralWeights is not null).Select(r => r.CentralWeights!.Value))
            {
                // The mean of vectors in a convex region lies in it (up to rounding of the sums).
                if (Math.Abs(central.Sum() - 1) > 1e-12)
                {
                    return false;
                }

                for (var k = 1; k < c.Weights.Ranking.Length; k++)
                {
                    if (central[index[c.Weights.Ranking[k - 1]]] < central[index[c.Weights.Ranking[k]]])
                    {
                        return false;
                    }
                }

                if (c.Weights.Bounds.Any(b => central[index[b.Criterion]] < b.Low - 1e-12 || central[index[b.Criterion]] > b.High + 1e-12))
                {
                    return false;
                }
            }

            return true;
        }), maxTest: 200);
    }

    [Fact]
    public void Property_ACandidateDominatedOnEveryCriterion_IsNeverFirst_UnderSaw()
    {
        // The dominated copy is strictly worse on every criterion (5 % on a benefit, 5 % more on a cost). Rounding can
        // at most make its score equal, never higher, and its id ("~…") sorts after every other, so it loses such a tie.
        PropertyCheck.Run(Prop.ForAll(SmaaArbitraries.Cases(sawOnly: true), c =>
        {
            var best = c.Candidates[0];
            var dominated = new Candidate("~" + best.Id, best.Values.Select(v =>
                KeyValuePair.Create(v.Key, c.Criteria.First(k => k.Name == v.Key).Kind == CriterionKind.Benefit ? v.Value * 0.95 : v.Value * 1.05)));
            var set = c.Set.With(dominated);
            var result = Smaa.Analyse(set, c.Criteria, c.Method, c.Options);
            var d = result[dominated.Id];
            return d.RankCounts[0] == 0 && d.CentralWeights is null && d.ConfidenceFactor is null
                && result[best.Id].HolisticAcceptability > d.HolisticAcceptability;
        }), maxTest: 300);
    }

    [Fact]
    public void Property_SameSeed_SameResult_AndTheInputOrderDoesNotMatter()
    {
        PropertyCheck.Run(Prop.ForAll(SmaaArbitraries.Cases(), c =>
        {
            var first = Smaa.Analyse(c.Set, c.Criteria, c.Method, c.Options);
            var again = Smaa.Analyse(c.Set, c.Criteria, c.Method, c.Options);
            var shuffled = Smaa.Analyse(c.ShuffledSet, c.Criteria, c.Method, c.Options);
            return Same(first, again) && Same(first, shuffled);
        }), maxTest: 300);

        static bool Same(SmaaResult x, SmaaResult y) =>
            x.Results.Select(r => r.Id).SequenceEqual(y.Results.Select(r => r.Id))
            && x.Results.All(r =>
            {
                var o = y[r.Id];
                return r.RankCounts.SequenceEqual(o.RankCounts)
                    && r.HolisticAcceptability == o.HolisticAcceptability
                    && r.ConfidenceFactor == o.ConfidenceFactor
                    && (r.CentralWeights is null ? o.CentralWeights is null : o.CentralWeights is not null && r.CentralWeights.Value.SequenceEqual(o.CentralWeights.Value))
                    && r.ReferenceRank == o.ReferenceRank;
            });
    }

    /// <summary>
    /// Under SAW a candidate's scores minus a rival's are linear in the weights, so the weights that make it first form
    /// a convex set (an intersection of half-spaces), which holds the mean of any of its points: the central weight
    /// vector always makes its candidate first, and the confidence factor (with exact values) is 1.
    /// </summary>
    [Fact]
    public void Property_UnderSaw_TheConfidenceFactorIsOne()
    {
        PropertyCheck.Run(Prop.ForAll(SmaaArbitraries.Cases(sawOnly: true), c =>
            Smaa.Analyse(c.Set, c.Criteria, c.Method, c.Options).Results.All(r => r.CentralWeights is null || r.ConfidenceFactor == 1)), maxTest: 300);
    }

    /// <summary>
    /// VIKOR is not linear in the weights (its regret R is a maximum), so the weights that make a candidate first need
    /// not be convex. Three benefit criteria, A = (8, 9, 2), B = (5, 7, 4), C = (5, 1, 9), D = (1, 5, 7), v = 0.5 (found
    /// by a search over small integer cases). B is first at equal weights but in only a few per cent of the samples; its
    /// central weights are about (0.215, 0.434, 0.350). Worked by hand at those weights (gaps to the best, each over the
    /// column's range, times the weight): S = (0.350, 0.451, 0.527, 0.533), R = (0.350, 0.250, 0.434, 0.217), so
    /// Q_A = ½ · 0 + ½ · (0.350 − 0.217) / 0.217 ≈ 0.31 and Q_B = ½ · (0.451 − 0.350) / 0.183 + ½ · (0.250 − 0.217) / 0.217
    /// ≈ 0.35: A, not B, is first, and B's confidence factor is 0.
    /// </summary>
    [Fact]
    public void UnderVikor_TheCentralWeightsNeedNotMakeTheirCandidateFirst()
    {
        var set = new CandidateSet(
        [
            new Candidate("A", [new("a", 8), new("b", 9), new("c", 2)]),
            new Candidate("B", [new("a", 5), new("b", 7), new("c", 4)]),
            new Candidate("C", [new("a", 5), new("b", 1), new("c", 9)]),
            new Candidate("D", [new("a", 1), new("b", 5), new("c", 7)]),
        ]);
        var result = Smaa.Analyse(set, [Criterion.Benefit("a", 1), Criterion.Benefit("b", 1), Criterion.Benefit("c", 1)], c => RankingMethod.Vikor(c), new SmaaOptions(1_000));
        var b = result["B"];
        Assert.Equal(1, b.ReferenceRank);
        Assert.InRange(b.FirstRankAcceptability, 0.01, 0.2);
        var central = b.CentralWeights!.Value;
        Assert.InRange(central[0], 0.17, 0.26);
        Assert.InRange(central[1], 0.39, 0.48);
        Assert.Equal(0.0, b.ConfidenceFactor);
        Assert.Contains("it is not first: 'A' is (confidence factor 0)", b.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactTies_GoByTheSecondaryKey_ThenById_InEverySample()
    {
        // Identical values: every weighting scores A and B alike, so the tie-break alone decides, in every sample.
        var set = new CandidateSet(
        [
            new Candidate("A", [new("a", 2), new("b", 2)], effort: 5),
            new Candidate("B", [new("a", 2), new("b", 2)], effort: 1),
            new Candidate("C", [new("a", 1), new("b", 1)], effort: 0),
        ]);
        var byId = Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(100));
        Assert.Equal([100, 0, 0], byId["A"].RankCounts.ToArray());
        Assert.Equal([0, 100, 0], byId["B"].RankCounts.ToArray());
        var byEffort = Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(100, ranking: new RankingOptions(TieBreaker.LowerEffortFirst)));
        Assert.Equal([100, 0, 0], byEffort["B"].RankCounts.ToArray());
        Assert.Equal(1, byEffort["B"].ReferenceRank);
        Assert.Equal(["B", "A", "C"], byEffort.Results.Select(r => r.Id));
    }

    [Fact]
    public void OneCandidate_IsFirstEverywhere_WithHolisticAcceptabilityOne()
    {
        var result = Smaa.Analyse(new CandidateSet([C("A", 1, 1)]), TwoCriteria, SawMax, new SmaaOptions(10));
        Assert.Equal(1.0, result["A"].HolisticAcceptability);
        Assert.Equal(1.0, result["A"].ConfidenceFactor);
        Assert.Equal(1, result.TrackedRanks);
    }

    [Fact]
    public void AnotherSeed_GivesAnotherSample()
    {
        var one = Smaa.Analyse(TwoByTwo(), TwoCriteria, SawMax, new SmaaOptions(1_000, seed: 1));
        var two = Smaa.Analyse(TwoByTwo(), TwoCriteria, SawMax, new SmaaOptions(1_000, seed: 2));
        Assert.NotEqual(one["A"].CentralWeights!.Value[0], two["A"].CentralWeights!.Value[0]);
        Assert.Equal(2UL, two.Seed);
    }

    [Fact]
    public void EveryWeightedMethod_CanBeAnalysed()
    {
        var set = new CandidateSet([C("A", 3, 1), C("B", 1, 2), C("C", 2, 2)]);
        Func<ImmutableArray<Criterion>, RankingMethod>[] methods =
        [
            c => RankingMethod.WeightedSum(c),
            c => RankingMethod.Topsis(c),
            c => RankingMethod.WeightedProduct(c),
            c => RankingMethod.Waspas(c),
            c => RankingMethod.Vikor(c),
            c => RankingMethod.Promethee(c),
        ];
        foreach (var method in methods)
        {
            var result = Smaa.Analyse(set, TwoCriteria, method, new SmaaOptions(200));
            Assert.Equal(200, result.Results.Sum(r => r.RankCounts[0]));
            Assert.Equal(method(TwoCriteria.ToImmutableArray()).Name, result.MethodName);
        }
    }

    [Fact]
    public void MaxRank_KeepsOnlyTheFirstRanks_ButTheHolisticAcceptabilityOfAll()
    {
        var set = new CandidateSet([C("A", 3, 1), C("B", 1, 2), C("C", 2, 2), C("D", 1, 1)]);
        var all = Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(500));
        var two = Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(500, maxRank: 2));
        Assert.Equal(4, all.TrackedRanks);
        Assert.Equal(2, two.TrackedRanks);
        foreach (var r in all.Results)
        {
            Assert.Equal(r.RankCounts.Take(2).ToArray(), two[r.Id].RankCounts.ToArray());
            Assert.Equal(r.HolisticAcceptability, two[r.Id].HolisticAcceptability);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => two["A"].Acceptability(3));

        // D = (1, 1) is dominated by C = (2, 2): always last.
        Assert.Equal(0, all["D"].HolisticAcceptability);
        Assert.Equal(1, all["D"].Acceptability(4));
    }

    [Fact]
    public void Explanation_GivesTheIndicesAndTheCentralWeights()
    {
        var result = Smaa.Analyse(new CandidateSet([C("A", 3, 1), C("B", 1, 2), C("D", 1, 1)]), TwoCriteria, SawMax, new SmaaOptions(1_000));
        var a = result["A"].Explanation;
        Assert.Equal("SMAA-2 (SAW)", a.Method);
        Assert.Contains("ranks first in", a.Summary, StringComparison.Ordinal);
        Assert.Contains("confidence factor 1", a.Summary, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], a.Contributions.Select(k => k.Criterion));
        Assert.Equal(result["A"].CentralWeights!.Value[0], a.Contributions[0].Contribution);
        Assert.Contains("agreed 0.5", a.Contributions[0].Text, StringComparison.Ordinal);
        var d = result["D"].Explanation;
        Assert.Contains("no central weight vector", d.Summary, StringComparison.Ordinal);
        Assert.Empty(d.Contributions);
    }

    [Fact]
    public void RankedWeights_PutTheOrderIntoTheSample()
    {
        // With a ≥ b, w ≥ 1/2 > 3/7, so A is always first; with b ≥ a, w ≤ 1/2, A is first for w in (3/7, 1/2]: share 1/7.
        var aFirst = Smaa.Analyse(TwoByTwo(), TwoCriteria, SawMax, new SmaaOptions(2_000, weights: SmaaWeights.Ranked(["a", "b"])));
        Assert.Equal(1.0, aFirst["A"].FirstRankAcceptability);
        var bFirst = Smaa.Analyse(TwoByTwo(), TwoCriteria, SawMax, new SmaaOptions(20_000, weights: SmaaWeights.Ranked(["b", "a"])));
        Assert.InRange(bFirst["A"].FirstRankAcceptability, (1.0 / 7) - 0.015, (1.0 / 7) + 0.015);
    }

    [Fact]
    public void BoundedWeights_KeepTheSampleInsideTheBounds()
    {
        // w of a in [0, 0.4]: always below 3/7, so B is always first.
        var result = Smaa.Analyse(TwoByTwo(), TwoCriteria, SawMax, new SmaaOptions(1_000, weights: SmaaWeights.Bounded([new WeightBound("a", 0, 0.4)])));
        Assert.Equal(1.0, result["B"].FirstRankAcceptability);
        Assert.InRange(result["B"].CentralWeights!.Value[0], 0.19, 0.21);
    }

    [Fact]
    public void Validation_NamesTheBadItem()
    {
        var set = TwoByTwo();
        static string Message(Action act) => Assert.ThrowsAny<ArgumentException>(act).Message;

        Assert.Contains("'c'", Message(() => Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(10, weights: SmaaWeights.Ranked(["a", "c"])))), StringComparison.Ordinal);
        Assert.Contains("leaves out criterion 'b'", Message(() => Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(10, weights: SmaaWeights.Ranked(["a"])))), StringComparison.Ordinal);
        Assert.Contains("'a' appears twice", Message(() => SmaaWeights.Ranked(["a", "a"])), StringComparison.Ordinal);
        Assert.Contains("'z in [0, 0.5]'", Message(() => Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(10, weights: SmaaWeights.Bounded([new WeightBound("z", 0, 0.5)])))), StringComparison.Ordinal);
        Assert.Contains("'a' has two bounds", Message(() => SmaaWeights.Bounded([new WeightBound("a", 0, 0.5), new WeightBound("a", 0.1, 0.6)])), StringComparison.Ordinal);
        Assert.Contains("sum to 1.2", Message(() => SmaaWeights.Bounded([new WeightBound("a", 0.6, 1), new WeightBound("b", 0.6, 1)])), StringComparison.Ordinal);
        Assert.Contains("sum to 0.7", Message(() => Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(10, weights: SmaaWeights.Bounded([new WeightBound("a", 0, 0.3), new WeightBound("b", 0, 0.4)])))), StringComparison.Ordinal);
        Assert.Contains("'a'", Message(() => new WeightBound("a", 0.5, 0.4)), StringComparison.Ordinal);
        Assert.Equal("low", Assert.Throws<ArgumentOutOfRangeException>(() => new WeightBound("a", -0.1, 0.4)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => new SmaaOptions(0)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => new SmaaOptions(SmaaOptions.MaxSamples + 1)).ParamName);
        Assert.Equal("maxRank", Assert.Throws<ArgumentOutOfRangeException>(() => new SmaaOptions(10, maxRank: 0)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentException>(() => Smaa.Analyse(set, TwoCriteria, _ => null!, new SmaaOptions(10))).ParamName);
        Assert.Equal("criteria", Assert.Throws<ArgumentException>(() => Smaa.Analyse(set, [], SawMax)).ParamName);
        Assert.Contains("'a' is given twice", Message(() => Smaa.Analyse(set, [Criterion.Benefit("a", 1), Criterion.Benefit("a", 2)], SawMax)), StringComparison.Ordinal);
        Assert.Contains("lacks", Message(() => Smaa.Analyse(set, [Criterion.Benefit("a", 1), Criterion.Benefit("zz", 1)], SawMax, new SmaaOptions(10))), StringComparison.Ordinal);
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => Smaa.Analyse(CandidateSet.Empty, TwoCriteria, SawMax)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Smaa.Analyse(null!, TwoCriteria, SawMax));
        Assert.Throws<ArgumentNullException>(() => Smaa.Analyse(set, TwoCriteria, null!));
        Assert.Throws<KeyNotFoundException>(() => Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(10))["nobody"]);
    }

    [Fact]
    public void WeightInformationThatLeavesNoRoom_StopsWithAClearError()
    {
        // a ≥ b and a ≤ 0.3 cannot both hold when the weights sum to 1: no draw ever meets them.
        var error = Assert.Throws<ArgumentException>(() => Smaa.Analyse(TwoByTwo(), TwoCriteria, SawMax,
            new SmaaOptions(10, weights: new SmaaWeights(["a", "b"], [new WeightBound("a", 0, 0.3)]))));
        Assert.Equal("options", error.ParamName);
        Assert.Contains("Only 0 of 10000 weight vectors", error.Message, StringComparison.Ordinal);
        Assert.Contains("a in [0, 0.3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyRankCounters_AreRefused_WithAHintAtMaxRank()
    {
        var ids = Enumerable.Range(0, 7_100).Select(i => "r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var column = Enumerable.Range(0, 7_100).Select(i => (double)(i % 97) + 1).ToArray();
        var set = CandidateSet.FromColumns(ids, [KeyValuePair.Create("a", (IReadOnlyList<double>)column), KeyValuePair.Create("b", (IReadOnlyList<double>)column)]);
        var error = Assert.Throws<ArgumentException>(() => Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(1)));
        Assert.Contains("maxRank", error.Message, StringComparison.Ordinal);
        Assert.Equal(7_100, Smaa.Analyse(set, TwoCriteria, SawMax, new SmaaOptions(1, maxRank: 3)).Results.Length);
    }
}
