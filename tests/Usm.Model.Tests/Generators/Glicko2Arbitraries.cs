using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Generators for Glicko-2 rating runs: sequences of rating periods built from a generated seed, so every case is
/// reproducible. Candidates are c0..c(n−1); each period lists a random non-empty subset of them (so candidates enter
/// late and skip periods) with 0 to 12 comparisons among that subset, counts 1 to 3, about one in five a tie.
/// </summary>
internal static class Glicko2Arbitraries
{
    /// <summary>One to four periods over 1 to 6 candidates.</summary>
    public static Arbitrary<PairwiseProfile[]> AnyPeriods() =>
        (from n in Gen.Choose(1, 6)
         from periods in Gen.Choose(1, 4)
         from seed in Gen.Choose(0, int.MaxValue)
         select Build(n, periods, seed)).ToArbitrary();

    /// <summary>Periods, and a period index at which an empty period (its candidates listed, no comparisons) is inserted.</summary>
    public static Arbitrary<(PairwiseProfile[] Periods, int At)> PeriodsAndAGap() =>
        (from n in Gen.Choose(1, 6)
         from periods in Gen.Choose(1, 4)
         from seed in Gen.Choose(0, int.MaxValue)
         from at in Gen.Choose(0, periods)
         select (Build(n, periods, seed), at)).ToArbitrary();

    /// <summary>
    /// Periods with extreme inputs: every candidate has a given start drawn from the edges and the middle of the accepted
    /// ranges, and the options' τ, ε and cap are drawn from theirs.
    /// </summary>
    public static Arbitrary<(PairwiseProfile[] Periods, Dictionary<string, Glicko2Rating> Starts, Glicko2Options Options)> ExtremeRuns() =>
        (from n in Gen.Choose(2, 6)
         from periods in Gen.Choose(1, 3)
         from seed in Gen.Choose(0, int.MaxValue)
         select Extreme(n, periods, seed)).ToArbitrary();

    public static PairwiseProfile[] Build(int n, int periods, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, n).Select(i => "c" + i).ToArray();
        var result = new PairwiseProfile[periods];
        for (var k = 0; k < periods; k++)
        {
            var subset = ids.Where(_ => random.Next(3) > 0).ToList();
            if (subset.Count == 0)
            {
                subset.Add(ids[random.Next(n)]);
            }

            var comparisons = new List<PairwiseComparison>();
            var m = subset.Count > 1 ? random.Next(13) : 0;
            for (var j = 0; j < m; j++)
            {
                var a = random.Next(subset.Count);
                var b = random.Next(subset.Count - 1);
                if (b >= a)
                {
                    b++;
                }

                var count = random.Next(1, 4);
                comparisons.Add(random.Next(5) == 0 ? PairwiseComparison.Tie(subset[a], subset[b], count) : PairwiseComparison.Win(subset[a], subset[b], count));
            }

            result[k] = new PairwiseProfile(subset, comparisons);
        }

        return result;
    }

    public static (PairwiseProfile[], Dictionary<string, Glicko2Rating>, Glicko2Options) Extreme(int n, int periods, int seed)
    {
        var random = new Random(seed);
        double Pick(params double[] values) => values[random.Next(values.Length)];
        var starts = Enumerable.Range(0, n).ToDictionary(
            i => "c" + i,
            _ => new Glicko2Rating(
                Pick(Glicko2Options.MinRating, -3000, 0, 1500, 3000, Glicko2Options.MaxRating),
                Pick(1e-300, 1e-3, 30, 350, 3000, Glicko2Options.MaxDeviation),
                Pick(Glicko2Options.MinVolatility, 0.06, 1, Glicko2Options.MaxVolatility)));
        var options = new Glicko2Options(tau: Pick(0.01, 0.5, 10), tolerance: Pick(1e-12, 1e-6, 0.01), maxIterations: random.Next(1, 200));
        return (Build(n, periods, random.Next()), starts, options);
    }
}
