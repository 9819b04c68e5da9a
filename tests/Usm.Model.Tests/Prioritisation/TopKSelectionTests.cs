using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>
/// Top-k selects by a score threshold (a histogram over equal-width buckets, then a vector pass that keeps only the
/// buckets at or above the k-th score) and sorts only what it kept. It must give exactly the first k of a plain
/// comparison sort, on sets large and small, with heavy ties, outliers that squeeze everything into one bucket, zeros
/// of both signs and scores a few ulps apart. The vectorised SAW and EMV scores must stay bit-identical to the
/// one-term-at-a-time passes they replaced.
/// </summary>
public class TopKSelectionTests
{
    [Fact]
    public void TopK_EqualsThePrefixOfAComparisonSort()
    {
        var gen = from n in Gen.Choose(2, 9000)
                  from k in Gen.Choose(1, 400)
                  from seed in Gen.Choose(0, int.MaxValue)
                  from shape in Gen.Choose(0, 5)
                  select (n, k, seed, shape);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var ids = Enumerable.Range(0, t.n).Select(i => "c" + ((i * 7919) % t.n).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var s = Enumerable.Range(0, t.n).Select(_ => Score(random, t.shape)).ToArray();
            var effort = Enumerable.Range(0, t.n).Select(_ => (double)random.Next(1, 4)).ToArray();
            var set = CandidateSet.FromColumns(ids, [KeyValuePair.Create("s", (IReadOnlyList<double>)s), KeyValuePair.Create("d", (IReadOnlyList<double>)[.. Enumerable.Repeat(1.0, t.n)])], effort);
            var method = RankingMethod.Cd3("s", "d");
            var expected = Enumerable.Range(0, t.n).OrderByDescending(i => s[i] + 0.0).ThenBy(i => ids[i], StringComparer.Ordinal).Select(i => ids[i]).Take(t.k);
            var byEffort = Enumerable.Range(0, t.n).OrderByDescending(i => s[i] + 0.0).ThenBy(i => effort[i]).ThenBy(i => ids[i], StringComparer.Ordinal).Select(i => ids[i]).Take(t.k);
            return Prioritiser.Top(set, method, t.k).Ids.SequenceEqual(expected)
                && Prioritiser.Top(set, method, t.k, new RankingOptions(TieBreaker.LowerEffortFirst)).Ids.SequenceEqual(byEffort);
        }), maxTest: 150);
    }

    [Fact]
    public void TopK_OfSawAndEmv_EqualsThePrefixOfTheFullRanking_AndKeepsItsScores()
    {
        var gen = from n in Gen.Choose(2, 6000)
                  from k in Gen.Choose(1, 300)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, k, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var set = RandomSet(new Random(t.seed), t.n, signedImpacts: t.seed % 3 == 0);
            foreach (var method in Methods())
            {
                var full = Prioritiser.Rank(set, method);
                var top = Prioritiser.Top(set, method, t.k);
                if (!top.Ids.SequenceEqual(full.Ids.Take(t.k)) || !top.Items.Select(i => i.Score).SequenceEqual(full.Items.Take(t.k).Select(i => i.Score)))
                {
                    return false;
                }
            }

            return true;
        }), maxTest: 60);
    }

    [Fact]
    public void SawAndEmvScores_AreBitIdenticalToTheTermByTermReference()
    {
        var gen = from n in Gen.Choose(1, 5000)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, seed);
        PropertyCheck.Run(Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var set = RandomSet(new Random(t.seed), t.n, signedImpacts: t.seed % 2 == 0);
            foreach (var method in Methods())
            {
                var expected = method is WeightedSumMethod saw ? ReferenceSaw(set, saw) : ReferenceEmv(set, (ExpectedValueMethod)method);
                var ranking = Prioritiser.Rank(set, method);
                foreach (var item in ranking.Items)
                {
                    if (BitConverter.DoubleToInt64Bits(item.Score) != BitConverter.DoubleToInt64Bits(expected[set.IndexOf(item.Id)]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }), maxTest: 60);
    }

    [Fact]
    public void EmvOfANegativeOpportunityImpact_IsStillRejectedByName()
    {
        var set = CandidateSet.FromColumns(
            ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
            [KeyValuePair.Create("p", (IReadOnlyList<double>)[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
             KeyValuePair.Create("v", (IReadOnlyList<double>)[1, 2, 3, 4, 5, -6, 7, 8, -9])],
            polarities: [.. Enumerable.Repeat(CandidatePolarity.Opportunity, 9)]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Prioritiser.Top(set, RankingMethod.ExpectedValue("p", "v"), 2));
        Assert.Contains("'f'", error.Message, StringComparison.Ordinal);
    }

    private static double Score(Random random, int shape) => shape switch
    {
        0 => random.Next(0, 25),                                                          // heavy ties
        1 => random.NextDouble(),                                                         // spread
        2 => random.Next(200) == 0 ? 1e300 : random.NextDouble(),                         // outliers: one bucket holds nearly all
        3 => random.Next(3) switch { 0 => -0.0, 1 => 0.0, _ => 1.0 + (random.Next(4) * (Math.BitIncrement(1.0) - 1.0)) },
        4 => random.Next(3) * double.Epsilon,                                             // a range too small to scale: the heap path
        _ => random.NextDouble() * Math.Pow(10, random.Next(-9, 10)),
    };

    private static RankingMethod[] Methods() =>
    [
        RankingMethod.WeightedSum([Criterion.Benefit("value", 4), Criterion.Benefit("urgency", 2), Criterion.Cost("cost", 3), Criterion.Benefit("risk", 1), Criterion.Cost("size", 1)], SawNormalisation.MinMax),
        RankingMethod.WeightedSum([Criterion.Benefit("value", 4), Criterion.Cost("cost", 3), Criterion.Benefit("urgency", 1), Criterion.Cost("size", 2)], SawNormalisation.Max),
        RankingMethod.WeightedSum([Criterion.Benefit("value", 1), Criterion.Cost("cost", 2), Criterion.Benefit("risk", 1)], SawNormalisation.Vector),
        RankingMethod.WeightedSum([Criterion.Benefit("risk", 1)], SawNormalisation.MinMax),
        RankingMethod.ExpectedValue("probability", "impact"),
    ];

    private static CandidateSet RandomSet(Random random, int n, bool signedImpacts)
    {
        double[] Column(double scale, double offset = 0) => [.. Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * scale, 2) + offset)];
        var polarity = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? CandidatePolarity.Threat : CandidatePolarity.Opportunity).ToArray();
        var impact = Column(1000);
        if (signedImpacts)
        {
            for (var i = 0; i < n; i++)
            {
                impact[i] = polarity[i] == CandidatePolarity.Threat ? -impact[i] : impact[i];
            }
        }

        return CandidateSet.FromColumns(
            [.. Enumerable.Range(0, n).Select(i => "r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [
                KeyValuePair.Create("value", (IReadOnlyList<double>)Column(100)),
                KeyValuePair.Create("urgency", (IReadOnlyList<double>)Column(3)),
                KeyValuePair.Create("cost", (IReadOnlyList<double>)Column(50, 1)),
                KeyValuePair.Create("risk", (IReadOnlyList<double>)[.. Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 4))]),
                KeyValuePair.Create("size", (IReadOnlyList<double>)[.. Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 6))]),
                KeyValuePair.Create("probability", (IReadOnlyList<double>)[.. Enumerable.Range(0, n).Select(_ => random.Next(10) == 0 ? 1.0 : Math.Round(random.NextDouble(), 2))]),
                KeyValuePair.Create("impact", (IReadOnlyList<double>)impact),
            ],
            polarities: polarity);
    }

    /// <summary>The SAW scores as the library computes them, without vectors: clear, then max-normalised cost terms, then one a·(x − c) + b pass per linear term, in criterion order (c is min-max normalisation's minimum or maximum, 0 otherwise).</summary>
    private static double[] ReferenceSaw(CandidateSet set, WeightedSumMethod saw)
    {
        var n = set.Count;
        var scores = new double[n];
        var weightSum = saw.Criteria.Sum(c => c.Weight);
        var linear = new List<(double[] X, double A, double B, double C)>();
        foreach (var c in saw.Criteria)
        {
            var x = set.Column(c.Name).ToArray();
            var w = c.Weight / weightSum;
            var (min, max, norm) = (x.Min(), x.Max(), ColumnMath.Stats(x).Norm); // the norm has its own exactness tests (NormalisationRangeTests)
            var benefit = c.Kind == CriterionKind.Benefit;
            switch (saw.Normalisation)
            {
                case SawNormalisation.Max when benefit:
                    linear.Add((x, max > 0 ? w / max : 0, 0, 0));
                    break;
                case SawNormalisation.Max:
                    for (var i = 0; i < n; i++)
                    {
                        scores[i] += w * min / x[i];
                    }

                    break;
                case SawNormalisation.MinMax when max - min > 0:
                    var a = w / (max - min);
                    linear.Add((x, benefit ? a : -a, 0, benefit ? min : max));
                    break;
                case SawNormalisation.Vector when norm > 0:
                    linear.Add((x, benefit ? w / norm : -(w / norm), benefit ? 0 : w, 0));
                    break;
            }
        }

        foreach (var (x, a, b, c) in linear)
        {
            for (var i = 0; i < n; i++)
            {
                scores[i] += (a * (x[i] - c)) + b;
            }
        }

        return scores;
    }

    private static double[] ReferenceEmv(CandidateSet set, ExpectedValueMethod emv)
    {
        var p = set.Column(emv.ProbabilityCriterion).ToArray();
        var v = set.Column(emv.ImpactCriterion).ToArray();
        return [.. p.Select((pi, i) => pi * Math.Abs(v[i]))];
    }
}
