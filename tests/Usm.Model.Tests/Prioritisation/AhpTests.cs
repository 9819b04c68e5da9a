using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

public class AhpTests
{
    private static readonly string[] s_drinks = ["coffee", "wine", "tea", "beer", "soda", "milk", "water"];

    // Saaty, T. L. (2008), "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1), 83-98,
    // Table 2: relative drink consumption in the USA. Upper triangle as transcribed in the ahpy README
    // (github.com/PhilipGriffith/ahpy), which reports CR = 0.022 with Saaty's later random index table.
    private static AhpMatrix Drinks() => AhpMatrix.FromUpperTriangle(
        7,
        [9, 5, 2, 1, 1, 1.0 / 2,
         1.0 / 3, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9,
         1.0 / 3, 1.0 / 4, 1.0 / 3, 1.0 / 9,
         1.0 / 2, 1, 1.0 / 3,
         2, 1.0 / 2,
         1.0 / 3],
        s_drinks);

    [Fact]
    public void Weigh_SaatyDrinksExample_MatchesPublishedEigenvector()
    {
        var result = Ahp.Weigh(Drinks(), randomIndex: AhpRandomIndex.Saaty2005);

        // Saaty (2008) Table 2, "AHP" row.
        double[] published = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327];
        for (var i = 0; i < published.Length; i++)
        {
            Assert.Equal(published[i], result.Weights[i], 0.0006);
        }

        Assert.Equal(0.022, result.ConsistencyRatio, 0.0006);
        Assert.True(result.IsConsistent);
        Assert.True(result.Converged);
        Assert.Equal(0.327, result.WeightOf("water"), 0.0006);
        Assert.Same(AhpRandomIndex.Saaty2005, result.RandomIndex);
    }

    [Fact]
    public void Weigh_DefaultTable_IsSaaty1980()
    {
        var result = Ahp.Weigh(Drinks());
        Assert.Same(AhpRandomIndex.Saaty1980, result.RandomIndex);
        Assert.Equal(1.32, result.RandomIndexValue);
        Assert.Equal(result.ConsistencyIndex / 1.32, result.ConsistencyRatio, 1e-12);
        Assert.Equal((result.LambdaMax - 7) / 6, result.ConsistencyIndex, 1e-12);
    }

    // Wikipedia, "Analytic hierarchy process – leader example" (Tom, Dick, Harry), criteria matrix; weights and CR as
    // reproduced by the ahpy README (names changed there to Moll, Nell, Sue): Experience 0.548, Education 0.127,
    // Charisma 0.270, Age 0.056, CR 0.044 (Saaty 2005 table).
    [Fact]
    public void Weigh_WikipediaLeaderCriteria_MatchesPublishedWeights()
    {
        var criteria = AhpMatrix.FromUpperTriangle(4, [4, 3, 7, 1.0 / 3, 3, 5], ["Experience", "Education", "Charisma", "Age"]);
        var result = Ahp.Weigh(criteria, randomIndex: AhpRandomIndex.Saaty2005);
        Assert.Equal(0.548, result.WeightOf("Experience"), 0.0006);
        Assert.Equal(0.127, result.WeightOf("Education"), 0.0006);
        Assert.Equal(0.270, result.WeightOf("Charisma"), 0.0006);
        Assert.Equal(0.056, result.WeightOf("Age"), 0.0006);
        Assert.Equal(0.044, result.ConsistencyRatio, 0.0006);
    }

    [Fact]
    public void Weigh_InconsistentMatrix_IsFlagged()
    {
        // A > B 9, B > C 9, but C > A 9: a cycle.
        var cyclic = AhpMatrix.FromUpperTriangle(3, [9, 1.0 / 9, 9]);
        var result = Ahp.Weigh(cyclic);
        Assert.False(result.IsConsistent);
        Assert.True(result.ConsistencyRatio > 0.10);
        Assert.Contains("inconsistent", result.ToString(), StringComparison.Ordinal);
        Assert.True(Ahp.Weigh(cyclic, consistencyThreshold: 1).IsConsistent == (result.ConsistencyRatio <= 1));
    }

    [Fact]
    public void Weigh_SizesOneAndTwo_AreAlwaysConsistent()
    {
        var one = Ahp.Weigh(AhpMatrix.FromUpperTriangle(1, []));
        Assert.Equal([1.0], one.Weights.ToArray());
        Assert.Equal(0, one.ConsistencyRatio);
        var two = Ahp.Weigh(AhpMatrix.FromUpperTriangle(2, [3]));
        Assert.Equal(0.75, two.Weights[0], 1e-12);
        Assert.Equal(0, two.ConsistencyRatio);
    }

    [Fact]
    public void Weigh_TableTooSmall_ThrowsNamingSizeAndTable()
    {
        var table = AhpRandomIndex.Custom("tiny", [0, 0, 0.5]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ahp.Weigh(Drinks(), randomIndex: table));
        Assert.Contains("'tiny'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomIndexTables_HaveFifteenSizes_AndZeroForOneAndTwo()
    {
        foreach (var table in new[] { AhpRandomIndex.Saaty1980, AhpRandomIndex.Saaty2005, AhpRandomIndex.AlonsoLamata2006, AhpRandomIndex.DoneganDodd1991 })
        {
            Assert.Equal(15, table.MaxSize);
            Assert.Equal(0, table.For(1));
            Assert.Equal(0, table.For(2));
            Assert.True(table.For(3) > 0);
        }

        // Saaty (1980), The Analytic Hierarchy Process: RI(3..10) = 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49.
        Assert.Equal([0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49], Enumerable.Range(3, 8).Select(AhpRandomIndex.Saaty1980.For));
        Assert.Throws<ArgumentOutOfRangeException>(() => AhpRandomIndex.Saaty1980.For(16));
        Assert.Throws<ArgumentException>(() => AhpRandomIndex.Custom("bad", [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => AhpRandomIndex.Custom("bad", [0, double.NaN]));
    }

    [Fact]
    public void ComputeWeights_SpanCore_MatchesWeigh()
    {
        var matrix = Drinks();
        Span<double> weights = stackalloc double[7];
        var lambda = Ahp.ComputeWeights(matrix.Cells, 7, weights);
        var result = Ahp.Weigh(matrix);
        Assert.Equal(result.LambdaMax, lambda);
        Assert.Equal(result.Weights, weights.ToArray());
        Assert.Throws<ArgumentException>(() => Ahp.ComputeWeights(matrix.Cells, 6, new double[6]));
    }

    [Fact]
    public void ConsistentMatrixFromWeights_ReturnsTheWeights_WithZeroRatio()
    {
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(AhpBallotArbitraries.WeightVector(), w =>
        {
            var total = w.Sum();
            var matrix = AhpMatrix.FromWeights(w);
            foreach (var weighting in new[] { AhpWeighting.Eigenvector, AhpWeighting.GeometricMean })
            {
                var result = Ahp.Weigh(matrix, weighting);
                for (var i = 0; i < w.Length; i++)
                {
                    Assert.Equal(w[i] / total, result.Weights[i], 1e-9);
                }

                Assert.True(result.ConsistencyRatio < 1e-9, $"CR {result.ConsistencyRatio}");
                Assert.Equal(w.Length, result.LambdaMax, 1e-9);
            }
        }));
    }

    [Fact]
    public void Weights_ArePositive_SumToOne_AndLambdaMaxIsAtLeastN()
    {
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(AhpBallotArbitraries.ReciprocalMatrix(), m =>
        {
            foreach (var weighting in new[] { AhpWeighting.Eigenvector, AhpWeighting.GeometricMean })
            {
                var result = Ahp.Weigh(m, weighting);
                Assert.All(result.Weights, w => Assert.True(w > 0));
                Assert.Equal(1, result.Weights.Sum(), 1e-9);
                Assert.True(result.LambdaMax >= m.Size - 1e-9, $"λmax {result.LambdaMax} < {m.Size}");
                Assert.True(result.Converged);
                Assert.True(result.ConsistencyRatio >= 0);
            }
        }));
    }

    [Fact]
    public void Eigenvector_IsAFixedPoint()
    {
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(AhpBallotArbitraries.ReciprocalMatrix(2, 12), m =>
        {
            var result = Ahp.Weigh(m);
            for (var i = 0; i < m.Size; i++)
            {
                var aw = Enumerable.Range(0, m.Size).Sum(j => m[i, j] * result.Weights[j]);
                Assert.Equal(result.LambdaMax * result.Weights[i], aw, 1e-8);
            }
        }), maxTest: 500);
    }

    [Fact]
    public void PermutingElements_PermutesWeights()
    {
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(AhpBallotArbitraries.MatrixWithPermutation(), input =>
        {
            var (m, p) = input;
            var n = m.Size;
            var permuted = AhpMatrix.Create(Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => m[p[i], p[j]])));
            foreach (var weighting in new[] { AhpWeighting.Eigenvector, AhpWeighting.GeometricMean })
            {
                var original = Ahp.Weigh(m, weighting);
                var moved = Ahp.Weigh(permuted, weighting);
                for (var i = 0; i < n; i++)
                {
                    Assert.Equal(original.Weights[p[i]], moved.Weights[i], 1e-9);
                }

                Assert.Equal(original.ConsistencyRatio, moved.ConsistencyRatio, 1e-9);
            }
        }), maxTest: 500);
    }

    [Fact]
    public void GeometricMeanAndEigenvector_AgreeForThreeElements()
    {
        // For n = 3 the row geometric means are an eigenvector of any reciprocal matrix (a known identity).
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(AhpBallotArbitraries.ReciprocalMatrix(3, 3), m =>
        {
            var ev = Ahp.Weigh(m).Weights;
            var gm = Ahp.Weigh(m, AhpWeighting.GeometricMean).Weights;
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(ev[i], gm[i], 1e-9);
            }
        }), maxTest: 300);
    }

    [Fact]
    public void GroupAggregation_OfConsistentAssessors_IsConsistentWithGeometricMeanWeights()
    {
        var pairs = (from a in AhpBallotArbitraries.WeightVector().Generator
                     from seed in FsCheck.Fluent.Gen.Choose(0, int.MaxValue)
                     select (a, AhpBallotArbitraries.Weights(a.Length, seed))).ToArbitrary();
        PropertyCheck.Run(FsCheck.Fluent.Prop.ForAll(pairs, input =>
        {
            var (w1, w2) = input;
            var group = AhpMatrix.GeometricMean([AhpMatrix.FromWeights(w1), AhpMatrix.FromWeights(w2)]);
            var expected = w1.Zip(w2, (x, y) => Math.Sqrt(x * y)).ToArray();
            var total = expected.Sum();
            var result = Ahp.Weigh(group);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i] / total, result.Weights[i], 1e-9);
            }

            Assert.True(result.ConsistencyRatio < 1e-9);
        }), maxTest: 300);
    }

    [Fact]
    public void GroupAggregation_IsElementwiseGeometricMean_AndHonoursWeights()
    {
        var a = AhpMatrix.FromUpperTriangle(3, [2, 8, 4], ["x", "y", "z"]);
        var b = AhpMatrix.FromUpperTriangle(3, [8, 2, 1.0 / 4], ["x", "y", "z"]);
        var group = AhpMatrix.GeometricMean([a, b]);
        Assert.Equal(4, group[0, 1], 1e-12);
        Assert.Equal(4, group[0, 2], 1e-12);
        Assert.Equal(1, group[1, 2], 1e-12);
        Assert.Equal(0.25, group[1, 0], 1e-12);
        Assert.Equal(["x", "y", "z"], group.Labels.ToArray());

        // Weights 3:1 give a(0,1) = 2^0.75 · 8^0.25.
        var weighted = AhpMatrix.GeometricMean([a, b], [3, 1]);
        Assert.Equal(Math.Pow(2, 0.75) * Math.Pow(8, 0.25), weighted[0, 1], 1e-12);

        // Inputs are not changed.
        Assert.Equal(2, a[0, 1]);
        var single = AhpMatrix.GeometricMean([a]);
        Assert.All(Enumerable.Range(0, 9), c => Assert.Equal(a.Cells[c], single.Cells[c], 1e-12));
    }

    [Fact]
    public void GroupAggregation_WeightsOnlyMatterInProportion_EvenWhenTheirSumOverflows()
    {
        // Found by review (session 5): two weights of double.MaxValue summed to infinity, every weight became 0 and the
        // group matrix all ones. Weights in the same proportion must give the same matrix, at any scale.
        var a = AhpMatrix.FromUpperTriangle(3, [2, 8, 4]);
        var b = AhpMatrix.FromUpperTriangle(3, [8, 2, 1.0 / 4]);
        var equal = AhpMatrix.GeometricMean([a, b]);
        var threeToOne = AhpMatrix.GeometricMean([a, b], [3, 1]);

        Assert.Equal(equal, AhpMatrix.GeometricMean([a, b], [double.MaxValue, double.MaxValue]));
        Assert.Equal(equal, AhpMatrix.GeometricMean([a, b], [double.Epsilon, double.Epsilon]));
        var huge = AhpMatrix.GeometricMean([a, b], [double.MaxValue, double.MaxValue / 3]);
        Assert.All(Enumerable.Range(0, 9), c => Assert.Equal(threeToOne.Cells[c], huge.Cells[c], 1e-12));
    }

    [Fact]
    public void GroupAggregation_MismatchedSizes_ThrowsNamingTheAssessor()
    {
        var a = AhpMatrix.FromUpperTriangle(3, [2, 8, 4]);
        var b = AhpMatrix.FromUpperTriangle(2, [2]);
        var ex = Assert.Throws<ArgumentException>(() => AhpMatrix.GeometricMean([a, a, b]));
        Assert.Contains("Assessor 2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AhpMatrix.GeometricMean([]));
        Assert.Throws<ArgumentException>(() => AhpMatrix.GeometricMean([a, a], [1, 0]));
        var relabelled = a.WithLabels(["p", "q", "r"]);
        var labelled = a.WithLabels(["x", "y", "z"]);
        Assert.Contains("Assessor 1", Assert.Throws<ArgumentException>(() => AhpMatrix.GeometricMean([labelled, relabelled])).Message, StringComparison.Ordinal);
    }
}
