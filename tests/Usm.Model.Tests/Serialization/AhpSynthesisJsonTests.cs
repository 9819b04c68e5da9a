using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;
using static Usm.Model.Tests.Serialization.RankingJsonTests;

namespace Usm.Model.Tests.Serialization;

public class AhpSynthesisJsonTests
{
    // A three-level hierarchy over n alternatives: the goal weighs cost against quality; quality splits into speed
    // and support. Judgements are random Saaty-scale matrices from the seed.
    public static AhpSynthesis Build(int alternatives, int seed, AhpWeighting weighting = AhpWeighting.Eigenvector)
    {
        AhpMatrix M(int n, int k) => AhpBallotArbitraries.RandomMatrix(n, unchecked((seed * 31) + k));
        var quality = AhpCriterion.Parent("quality", M(2, 1), [AhpCriterion.Leaf("speed", M(alternatives, 2)), AhpCriterion.Leaf("support", M(alternatives, 3))]);
        var goal = AhpCriterion.Parent("goal", M(2, 4), [AhpCriterion.Leaf("cost", M(alternatives, 5)), quality]);
        return new AhpHierarchy(goal, Enumerable.Range(0, alternatives).Select(i => "tool-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Synthesise(weighting);
    }

    private static string Golden => File.ReadAllText(SerializationSamples.GoldenPath("ahp-synthesis.usm-model.json"));

    [Fact]
    public void WriteAhpSynthesis_Sample_MatchesGoldenFile() => SerializationSamples.AssertGolden("ahp-synthesis.usm-model.json", UsmJson.WriteAhpSynthesis(Build(3, 7)));

    [Fact]
    public void GeneratedSyntheses_RoundTripBothWays()
    {
        var arbitrary = (from n in Gen.Choose(1, 9) from seed in Gen.Choose(0, 100_000) from w in Gen.Elements(AhpWeighting.Eigenvector, AhpWeighting.GeometricMean) select (n, seed, w)).ToArbitrary();
        PropertyCheck.Run(Prop.ForAll(arbitrary, input =>
        {
            var synthesis = Build(input.n, input.seed, input.w);
            var json = UsmJson.WriteAhpSynthesis(synthesis);
            var back = UsmJson.ReadAhpSynthesis(json, ReaderOptions.Default.WithStrict(true));
            return back.IsSuccess && UsmJson.WriteAhpSynthesis(back.Value) == json && Same(synthesis, back.Value);
        }), maxTest: 200);
    }

    [Theory]
    [InlineData("\"parent-id\": \"quality\"", "\"parent-id\": \"qualty\"", ReadErrorCode.DanglingReference, "$.ahp-synthesis.criteria[3].parent-id")]
    [InlineData("\"id\": \"cost\"", "\"id\": \"goal\"", ReadErrorCode.DuplicateId, "$.ahp-synthesis.criteria[1].id")]
    [InlineData("\"criterion-id\": \"cost\"", "\"criterion-id\": \"price\"", ReadErrorCode.DanglingReference, "$.ahp-synthesis.alternatives[0].contributions[0].criterion-id")]
    [InlineData("\"position\": 1", "\"position\": 2", ReadErrorCode.InvalidValue, "$.ahp-synthesis.alternatives[0].position")]
    [InlineData("\"weighting\": \"eigenvector\"", "\"weighting\": \"median\"", ReadErrorCode.UnknownEnumValue, "$.ahp-synthesis.criteria[0].result.weighting")]
    [InlineData("\"priority\": ", "\"priority\": \"x\", \"old\": ", ReadErrorCode.WrongType, "$.ahp-synthesis.alternatives[0].priority")]
    public void BrokenMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var errors = UsmJson.ReadAhpSynthesis(Mutations.ReplaceFirst(Golden, find, replace)).Errors;

        Assert.Equal((code, path), (errors[0].Code, errors[0].Path));
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        Mutations.EveryMutationEndsInAResult(Golden, stream => UsmJson.ReadAhpSynthesis(stream), (text, options) => UsmJson.ReadAhpSynthesis(text, options), maxTest: 300);
    }

    internal static bool Same(AhpSynthesis a, AhpSynthesis b) =>
        a.IsConsistent == b.IsConsistent && a.Criteria.Length == b.Criteria.Length && a.Alternatives.Length == b.Alternatives.Length
        && a.Criteria.Zip(b.Criteria).All(p => p.First.Id == p.Second.Id && p.First.ParentId == p.Second.ParentId && p.First.LocalWeight.Equals(p.Second.LocalWeight)
            && p.First.GlobalWeight.Equals(p.Second.GlobalWeight) && AhpResultJsonTests.Same(p.First.Result, p.Second.Result))
        && a.Alternatives.Zip(b.Alternatives).All(p => p.First.Id == p.Second.Id && p.First.Priority.Equals(p.Second.Priority) && p.First.Rank == p.Second.Rank
            && p.First.Position == p.Second.Position && p.First.Contributions.SequenceEqual(p.Second.Contributions));
}
