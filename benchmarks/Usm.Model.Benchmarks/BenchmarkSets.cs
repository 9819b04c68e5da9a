using System.Globalization;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>Candidate sets shared by the multi-criteria benchmark classes, so that they measure the same data.</summary>
internal static class BenchmarkSets
{
    /// <summary>Ids "PREFIX-0000000", "PREFIX-0000001", …</summary>
    public static string[] Ids(string prefix, int n) =>
        [.. Enumerable.Range(0, n).Select(i => prefix + "-" + i.ToString("D7", CultureInfo.InvariantCulture))];

    /// <summary>
    /// N comparison records among 100 candidates ("improvement-0".."improvement-99"), outcomes drawn from hidden
    /// Bradley–Terry strengths (seed 42), one record in ten a tie.
    /// </summary>
    public static (string[] Candidates, PairwiseComparison[] Comparisons) PairwiseRecords(int n)
    {
        var random = new Random(42);
        var candidates = Enumerable.Range(0, 100).Select(i => "improvement-" + i).ToArray();
        var strength = candidates.Select(_ => Math.Exp(2 * random.NextDouble())).ToArray();
        var comparisons = new PairwiseComparison[n];
        for (var k = 0; k < n; k++)
        {
            var a = random.Next(100);
            var b = (a + 1 + random.Next(99)) % 100;
            comparisons[k] = random.Next(10) == 0 ? PairwiseComparison.Tie(candidates[a], candidates[b])
                : random.NextDouble() < strength[a] / (strength[a] + strength[b]) ? PairwiseComparison.Win(candidates[a], candidates[b])
                : PairwiseComparison.Win(candidates[b], candidates[a]);
        }

        return (candidates, comparisons);
    }

    /// <summary>
    /// n candidates on four positive criteria with three decimals (seed 42): value 1-101, urgency 1-11, cost 1-1,001
    /// and risk 1-6, and the criteria value (benefit, weight 4), urgency (benefit, 2), cost (cost, 3), risk (benefit, 1).
    /// </summary>
    public static (CandidateSet Set, Criterion[] Criteria) FourCriteria(int n)
    {
        var random = new Random(42);
        IReadOnlyList<double> Column(double scale) => [.. Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * scale, 3) + 1)];
        var set = CandidateSet.FromColumns(
            Ids("R", n),
            [
                KeyValuePair.Create("value", Column(100)),
                KeyValuePair.Create("urgency", Column(10)),
                KeyValuePair.Create("cost", Column(1000)),
                KeyValuePair.Create("risk", Column(5)),
            ]);
        return (set, [Criterion.Benefit("value", 4), Criterion.Benefit("urgency", 2), Criterion.Cost("cost", 3), Criterion.Benefit("risk", 1)]);
    }
}
