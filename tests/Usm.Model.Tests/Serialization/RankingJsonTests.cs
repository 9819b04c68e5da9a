using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

// Rankings are read back by ranking the written candidates again; the recorded items must match the rebuilt ones.
public class RankingJsonTests
{
    public static Ranking Sample()
    {
        var candidates = new CandidateSet([
            new Candidate("backup-restore", [KeyValuePair.Create("value", 8.0), KeyValuePair.Create("risk", 3.0)], 5),
            new Candidate("call-register", [KeyValuePair.Create("value", 6.0), KeyValuePair.Create("risk", 1.0)], 2),
            new Candidate("self-service", [KeyValuePair.Create("value", 6.0), KeyValuePair.Create("risk", 1.0)], 3, CandidatePolarity.Threat),
        ]);
        return Prioritiser.Rank(candidates, RankingMethod.WeightedSum([Criterion.Benefit("value", 2), Criterion.Cost("risk", 1)]), new RankingOptions(TieBreaker.LowerEffortFirst));
    }

    private static string Golden => File.ReadAllText(SerializationSamples.GoldenPath("ranking.usm-model.json"));

    [Fact]
    public void ReadRanking_GoldenFile_GivesBackTheSample()
    {
        var result = UsmJson.ReadRanking(Golden, ReaderOptions.Default.WithStrict(true));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.True(Same(Sample(), result.Value));
        Assert.Equal(["call-register", "self-service", "backup-restore"], result.Value.Ids.ToArray());
    }

    [Fact]
    public void GeneratedRankings_RoundTripBothWays_ForEveryMethod()
    {
        var arbitrary = (from candidates in RankingArbitraries.Candidates()
                         from k in Gen.Choose(1, candidates.Length)
                         from key in Gen.Elements(TieBreaker.None, TieBreaker.LowerEffortFirst, TieBreaker.ByCriterion("c", false))
                         select (candidates, k, key)).ToArbitrary();
        PropertyCheck.Run(Prop.ForAll(arbitrary, input =>
        {
            var set = RankingArbitraries.ToSet(input.candidates);
            var options = new RankingOptions(input.key);
            return RankingArbitraries.Methods().Append(RankingMethod.AhpWeightedSum(Ahp.Weigh(AhpMatrix.FromWeights([3.0, 1.0], ["a", "c"])))).All(method =>
            {
                var ranking = input.k == input.candidates.Length ? Prioritiser.Rank(set, method, options) : Prioritiser.Top(set, method, input.k, options);
                var json = UsmJson.WriteRanking(ranking);
                var back = UsmJson.ReadRanking(json, ReaderOptions.Default.WithStrict(true));
                return back.IsSuccess && Same(ranking, back.Value) && UsmJson.WriteRanking(back.Value) == json;
            });
        }), maxTest: 100);
    }

    [Fact]
    public void TamperedScore_IsReportedAtItsPath()
    {
        var json = Mutations.ReplaceFirst(Golden, "\"score\": 0.8333333333333333,", "\"score\": 0.9,");
        Assert.NotEqual(Golden, json);

        var error = Assert.Single(UsmJson.ReadRanking(json).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, "$.ranking.items[0].score"), (error.Code, error.Path));
    }

    [Fact]
    public void TamperedOrder_IsReportedAtTheFirstItem()
    {
        var json = Mutations.ReplaceFirst(Golden, "\"id\": \"call-register\",\n        \"rank\": 1", "\"id\": \"self-service\",\n        \"rank\": 1");

        var errors = UsmJson.ReadRanking(json).Errors;

        Assert.Contains(errors, e => e.Code == ReadErrorCode.InvalidValue && e.Path == "$.ranking.items[0].id");
    }

    [Fact]
    public void DuplicateCandidateId_IsReported()
    {
        var json = Mutations.ReplaceFirst(Golden, "\"id\": \"call-register\"", "\"id\": \"backup-restore\"");

        var error = Assert.Single(UsmJson.ReadRanking(json).Errors);

        Assert.Equal((ReadErrorCode.DuplicateId, "$.ranking.candidates[1].id"), (error.Code, error.Path));
    }

    [Theory]
    [InlineData("\"kind\": \"weighted-sum\"", "\"kind\": \"borda\"", ReadErrorCode.UnknownEnumValue, "$.ranking.method.kind")]
    [InlineData("\"polarity\": \"threat\"", "\"polarity\": \"menace\"", ReadErrorCode.UnknownEnumValue, "$.ranking.candidates[2].polarity")]
    [InlineData("\"complete\": true", "\"complete\": \"yes\"", ReadErrorCode.WrongType, "$.ranking.complete")]
    [InlineData("\"effort\": 5", "\"effort\": \"5\"", ReadErrorCode.WrongType, "$.ranking.candidates[0].effort")]
    [InlineData("\"effort\": 5", "\"effort\": 1e400", ReadErrorCode.NumberOutOfRange, "$.ranking.candidates[0].effort")]
    [InlineData("\"effort\": 5", "\"effort\": -5", ReadErrorCode.NumberOutOfRange, "$.ranking.candidates[0].effort")]
    [InlineData("\"rank\": 1", "\"rank\": 1.5", ReadErrorCode.InvalidValue, "$.ranking.items[0].rank")]
    [InlineData("\"rank\": 1", "\"rank\": 99999999999", ReadErrorCode.NumberOutOfRange, "$.ranking.items[0].rank")]
    [InlineData("\"complete\": true", "\"complete\": false", ReadErrorCode.InvalidValue, "$.ranking.items")]
    [InlineData("\"kind\": \"weighted-sum\"", "\"kind\": \"topsis\"", ReadErrorCode.InvalidValue, "$.ranking.method.name")]
    public void BrokenMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var error = Assert.Single(UsmJson.ReadRanking(Mutations.ReplaceFirst(Golden, find, replace)).Errors);

        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Fact]
    public void NaN_IsASyntaxError()
    {
        var error = Assert.Single(UsmJson.ReadRanking(Mutations.ReplaceFirst(Golden, "\"effort\": 5", "\"effort\": NaN")).Errors);

        Assert.Equal(ReadErrorCode.Syntax, error.Code);
    }

    [Fact]
    public void Truncated_IsASyntaxError()
    {
        var error = Assert.Single(UsmJson.ReadRanking(Golden[..300]).Errors);

        Assert.Equal(ReadErrorCode.Syntax, error.Code);
    }

    [Fact]
    public void UnknownMember_IsIgnored_UnlessStrict()
    {
        var json = Mutations.ReplaceFirst(Golden, "\"complete\": true", "\"complete\": true, \"vendor\": 1");

        Assert.True(UsmJson.ReadRanking(json).IsSuccess);
        var error = Assert.Single(UsmJson.ReadRanking(json, ReaderOptions.Default.WithStrict(true)).Errors);
        Assert.Equal((ReadErrorCode.UnknownMember, "$.ranking.vendor"), (error.Code, error.Path));
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        Mutations.EveryMutationEndsInAResult(Golden, stream => UsmJson.ReadRanking(stream), (text, options) => UsmJson.ReadRanking(text, options), maxTest: 500);
    }

    internal static bool Same(Ranking a, Ranking b) =>
        a.MethodName == b.MethodName && a.Method.GetType() == b.Method.GetType() && a.Options.SecondaryKey.ToString() == b.Options.SecondaryKey.ToString()
        && a.IsComplete == b.IsComplete && a.Count == b.Count && a.Candidates.Candidates.SequenceEqual(b.Candidates.Candidates)
        && a.Items.Zip(b.Items).All(p => p.First.Id == p.Second.Id && p.First.Rank == p.Second.Rank && p.First.Score.Equals(p.Second.Score)
            && p.First.Class == p.Second.Class && p.First.Explanation.ToString() == p.Second.Explanation.ToString());

}
