using System.Text;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;
using static Usm.Model.Tests.Serialization.RankingJsonTests;

namespace Usm.Model.Tests.Serialization;

public class AhpResultJsonTests
{
    // A small comparison of three criteria on Saaty's 1-9 scale (our own example, nearly consistent: CR ≈ 0.004).
    public static AhpResult Sample() =>
        Ahp.Weigh(AhpMatrix.Create([[1, 3, 5], [1.0 / 3, 1, 2], [1.0 / 5, 1.0 / 2, 1]], ["salary", "location", "growth"]), AhpWeighting.Eigenvector, AhpRandomIndex.AlonsoLamata2006);

    private static string Golden => File.ReadAllText(SerializationSamples.GoldenPath("ahp-result.usm-model.json"));

    [Fact]
    public void WriteAhpResult_Sample_MatchesGoldenFile() => SerializationSamples.AssertGolden("ahp-result.usm-model.json", UsmJson.WriteAhpResult(Sample()));

    [Fact]
    public void ReadAhpResult_GoldenFile_GivesBackTheSample()
    {
        var result = UsmJson.ReadAhpResult(Golden, ReaderOptions.Default.WithStrict(true));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.True(Same(Sample(), result.Value));
        Assert.Same(AhpRandomIndex.AlonsoLamata2006, result.Value.RandomIndex);
    }

    [Fact]
    public void GeneratedResults_RoundTripBothWays()
    {
        var tables = new[] { AhpRandomIndex.Saaty1980, AhpRandomIndex.Saaty2005, AhpRandomIndex.DoneganDodd1991, AhpRandomIndex.Custom("flat", Enumerable.Repeat(1.5, 12)) };
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.ReciprocalMatrix(), matrix =>
        {
            var labelled = matrix.Size % 2 == 0 ? matrix.WithLabels(Enumerable.Range(0, matrix.Size).Select(i => "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) : matrix;
            return Enum.GetValues<AhpWeighting>().All(weighting =>
            {
                var result = Ahp.Weigh(labelled, weighting, tables[matrix.Size % tables.Length], 0.05 * (matrix.Size % 3));
                var json = UsmJson.WriteAhpResult(result);
                var back = UsmJson.ReadAhpResult(json, ReaderOptions.Default.WithStrict(true));
                return back.IsSuccess && Same(result, back.Value) && UsmJson.WriteAhpResult(back.Value) == json;
            });
        }), maxTest: 300);
    }

    [Theory]
    [InlineData("\"weighting\": \"eigenvector\"", "\"weighting\": \"majority\"", ReadErrorCode.UnknownEnumValue, "$.ahp-result.weighting")]
    [InlineData("\"salary\"", "\"growth\"", ReadErrorCode.DuplicateId, "$.ahp-result.labels[2]")]
    [InlineData("\"iterations\": ", "\"iterations\": -", ReadErrorCode.NumberOutOfRange, "$.ahp-result.iterations")]
    [InlineData("\"converged\": true", "\"converged\": 1", ReadErrorCode.WrongType, "$.ahp-result.converged")]
    [InlineData("\"consistency-threshold\": 0.1", "\"consistency-threshold\": 1e400", ReadErrorCode.NumberOutOfRange, "$.ahp-result.consistency-threshold")]
    [InlineData("\"consistency-threshold\": 0.1", "\"consistency-threshold\": 2", ReadErrorCode.NumberOutOfRange, "$.ahp-result.consistency-threshold")]
    [InlineData("\"random-index-value\": 0.5245", "\"random-index-value\": 0.58", ReadErrorCode.InvalidValue, "$.ahp-result.random-index-value")]
    [InlineData("\"name\": \"Alonso & Lamata 2006\"", "\"name\": \"\"", ReadErrorCode.InvalidValue, "$.ahp-result.random-index.name")]
    public void BrokenMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var json = Mutations.ReplaceFirst(Golden, find, replace);
        var error = Assert.Single(UsmJson.ReadAhpResult(json).Errors);

        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Fact]
    public void TamperedWeight_BreaksTheSumToOne()
    {
        var weights = Sample().Weights;
        var json = Mutations.ReplaceFirst(Golden, Num(weights[0]) + ",", "0.5,");

        var error = Assert.Single(UsmJson.ReadAhpResult(json).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, "$.ahp-result.weights"), (error.Code, error.Path));
    }

    [Fact]
    public void TamperedLambda_BreaksTheConsistencyIndex()
    {
        var json = Mutations.ReplaceFirst(Golden, "\"lambda-max\": 3", "\"lambda-max\": 4");

        var errors = UsmJson.ReadAhpResult(json).Errors;

        Assert.Contains(errors, e => (e.Code, e.Path) == (ReadErrorCode.InvalidValue, "$.ahp-result.consistency-index"));
    }

    [Fact]
    public void NaNAndTruncation_AreSyntaxErrors()
    {
        Assert.Equal(ReadErrorCode.Syntax, Assert.Single(UsmJson.ReadAhpResult(Mutations.ReplaceFirst(Golden, "\"converged\": true", "\"converged\": NaN")).Errors).Code);
        Assert.Equal(ReadErrorCode.Syntax, Assert.Single(UsmJson.ReadAhpResult(Golden[..120]).Errors).Code);
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        Mutations.EveryMutationEndsInAResult(Golden, stream => UsmJson.ReadAhpResult(stream), (text, options) => UsmJson.ReadAhpResult(text, options), maxTest: 500);
    }

    private static string Num(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    internal static bool Same(AhpResult a, AhpResult b) =>
        a.Labels.SequenceEqual(b.Labels) && a.Weights.SequenceEqual(b.Weights) && a.Weighting == b.Weighting && a.LambdaMax.Equals(b.LambdaMax)
        && a.ConsistencyIndex.Equals(b.ConsistencyIndex) && a.RandomIndex.Equals(b.RandomIndex) && a.RandomIndexValue.Equals(b.RandomIndexValue)
        && a.ConsistencyRatio.Equals(b.ConsistencyRatio) && a.ConsistencyThreshold.Equals(b.ConsistencyThreshold) && a.Iterations == b.Iterations
        && a.Converged == b.Converged && a.IsConsistent == b.IsConsistent;
}
