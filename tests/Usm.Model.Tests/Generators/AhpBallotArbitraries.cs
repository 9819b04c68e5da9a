using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for AHP matrices and staff ballots. Structures are built from a generated seed (reproducible).</summary>
internal static class AhpBallotArbitraries
{
    /// <summary>Saaty's scale with reciprocals: 1/9 … 1/2, 1 … 9.</summary>
    public static readonly double[] SaatyScale = [.. Enumerable.Range(2, 8).Select(v => 1.0 / v).Reverse(), .. Enumerable.Range(1, 9).Select(v => (double)v)];

    /// <summary>A positive weight vector of 1 to 12 elements, each in [1, 9] (so every ratio is on Saaty's scale).</summary>
    public static Arbitrary<double[]> WeightVector() =>
        (from n in Gen.Choose(1, 12)
         from seed in Gen.Choose(0, int.MaxValue)
         select Weights(n, seed)).ToArbitrary();

    /// <summary>A random reciprocal matrix on Saaty's scale (usually inconsistent), size 1 to 12.</summary>
    public static Arbitrary<AhpMatrix> ReciprocalMatrix(int minSize = 1, int maxSize = 12) =>
        (from n in Gen.Choose(minSize, maxSize)
         from seed in Gen.Choose(0, int.MaxValue)
         select RandomMatrix(n, seed)).ToArbitrary();

    /// <summary>A random matrix with a random permutation of its elements.</summary>
    public static Arbitrary<(AhpMatrix Matrix, int[] Permutation)> MatrixWithPermutation() =>
        (from n in Gen.Choose(2, 10)
         from seed in Gen.Choose(0, int.MaxValue)
         select (RandomMatrix(n, seed), Permutation(n, new Random(seed ^ 0x5bd1e995)))).ToArbitrary();

    /// <summary>Candidates c0..c(n−1) and ballots over them, with ties; partial ballots when <paramref name="partial"/>.</summary>
    public static Arbitrary<(string[] Candidates, Ballot[] Ballots)> Election(bool partial, int maxCandidates = 7, int maxBallots = 15) =>
        (from n in Gen.Choose(1, maxCandidates)
         from b in Gen.Choose(0, maxBallots)
         from seed in Gen.Choose(0, int.MaxValue)
         select MakeElection(n, b, partial, seed)).ToArbitrary();

    public static double[] Weights(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => 1 + (8 * random.NextDouble()))];
    }

    public static AhpMatrix RandomMatrix(int n, int seed)
    {
        var random = new Random(seed);
        var upper = Enumerable.Range(0, n * (n - 1) / 2).Select(_ => SaatyScale[random.Next(SaatyScale.Length)]);
        return AhpMatrix.FromUpperTriangle(n, upper);
    }

    public static int[] Permutation(int n, Random random)
    {
        var p = Enumerable.Range(0, n).ToArray();
        random.Shuffle(p);
        return p;
    }

    public static (string[] Candidates, Ballot[] Ballots) MakeElection(int n, int ballots, bool partial, int seed)
    {
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, n).Select(i => "c" + i).ToArray();
        var result = new Ballot[ballots];
        for (var k = 0; k < ballots; k++)
        {
            var order = (string[])candidates.Clone();
            random.Shuffle(order);
            var ranked = partial ? random.Next(1, n + 1) : n;
            var ranks = new List<List<string>>();
            foreach (var id in order.Take(ranked))
            {
                if (ranks.Count == 0 || random.Next(4) != 0)
                {
                    ranks.Add([id]);
                }
                else
                {
                    ranks[^1].Add(id);
                }
            }

            result[k] = new Ballot(ranks, random.Next(1, 4));
        }

        return (candidates, result);
    }
}
