using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

public class AnalysisInputJsonTests
{
    private static readonly ReaderOptions s_strict = ReaderOptions.Default.WithStrict(true);

    // Our own small survey: three respondents on two features, given out of order.
    public static KanoSurvey KanoSample() => new([
        new KanoResponse("self-service", "r2", KanoAnswer.Like, KanoAnswer.Neutral),
        new KanoResponse("chat", "r1", KanoAnswer.MustBe, KanoAnswer.Dislike),
        new KanoResponse("self-service", "r1", KanoAnswer.Like, KanoAnswer.Dislike),
        new KanoResponse("chat", "r2", KanoAnswer.Neutral, KanoAnswer.LiveWith),
        new KanoResponse("chat", "r3", KanoAnswer.Like, KanoAnswer.Like),
    ]);

    // Our own small comparison set: a win with a count, a tie, and a candidate never compared.
    public static PairwiseProfile PairwiseSample() => new(
        ["backup", "monitoring", "patching", "training"],
        [PairwiseComparison.Win("monitoring", "backup", 3), PairwiseComparison.Win("backup", "patching"), PairwiseComparison.Tie("patching", "monitoring"), PairwiseComparison.Win("patching", "monitoring", 2)]);

    // Our own small vote: a full ranking for two voters, a ranking with a tie, and a partial ballot with a tie.
    public static RankedBallots BallotsSample() => new(
        ["backup", "monitoring", "patching", "training"],
        [Ballot.Parse("monitoring > backup > patching > training", 2), Ballot.Parse("backup = patching > monitoring > training"), Ballot.Parse("training = backup")]);

    [Fact]
    public void Samples_MatchGoldenFiles()
    {
        SerializationSamples.AssertGolden("kano-survey.usm-model.json", UsmJson.WriteKanoSurvey(KanoSample()));
        SerializationSamples.AssertGolden("pairwise-comparisons.usm-model.json", UsmJson.WritePairwiseComparisons(PairwiseSample()));
        SerializationSamples.AssertGolden("ranked-ballots.usm-model.json", UsmJson.WriteRankedBallots(BallotsSample()));
    }

    [Fact]
    public void GoldenFiles_ReadBackAsTheSamples()
    {
        var kano = UsmJson.ReadKanoSurvey(Golden("kano-survey"), s_strict);
        var pairwise = UsmJson.ReadPairwiseComparisons(Golden("pairwise-comparisons"), s_strict);
        var ballots = UsmJson.ReadRankedBallots(Golden("ranked-ballots"), s_strict);

        Assert.True(kano.IsSuccess, string.Join("\n", kano.Errors));
        Assert.True(pairwise.IsSuccess, string.Join("\n", pairwise.Errors));
        Assert.True(ballots.IsSuccess, string.Join("\n", ballots.Errors));
        Assert.Equal(KanoSample().Responses.ToArray(), kano.Value.Responses.ToArray());
        Assert.True(Same(PairwiseSample(), pairwise.Value));
        Assert.Equal(BallotsSample(), ballots.Value);
    }

    [Fact]
    public void Streams_ReadLikeText()
    {
        using var kano = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Golden("kano-survey")));
        using var pairwise = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Golden("pairwise-comparisons")));
        using var ballots = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Golden("ranked-ballots")));

        Assert.Equal(KanoSample().Responses.ToArray(), UsmJson.ReadKanoSurvey(kano).Value.Responses.ToArray());
        Assert.True(Same(PairwiseSample(), UsmJson.ReadPairwiseComparisons(pairwise).Value));
        Assert.Equal(BallotsSample(), UsmJson.ReadRankedBallots(ballots).Value);
    }

    [Fact]
    public void GeneratedSurveys_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Surveys(), c =>
        {
            var survey = new KanoSurvey(c.Shuffled);
            var json = UsmJson.WriteKanoSurvey(survey);
            var back = UsmJson.ReadKanoSurvey(json, s_strict);
            return back.IsSuccess && back.Value.Responses.SequenceEqual(survey.Responses) && UsmJson.WriteKanoSurvey(back.Value) == json;
        }), maxTest: 500);
    }

    [Fact]
    public void GeneratedComparisons_RoundTripBothWays_KeepingTheOrder()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.AnyProfile(), profile =>
        {
            var json = UsmJson.WritePairwiseComparisons(profile);
            var back = UsmJson.ReadPairwiseComparisons(json, s_strict);
            return back.IsSuccess && Same(profile, back.Value) && UsmJson.WritePairwiseComparisons(back.Value) == json;
        }), maxTest: 500);
    }

    [Fact]
    public void GeneratedBallots_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Any(), c =>
        {
            var ballots = new RankedBallots(c.Candidates, c.Ballots);
            var json = UsmJson.WriteRankedBallots(ballots);
            var back = UsmJson.ReadRankedBallots(json, s_strict);
            return back.IsSuccess && back.Value.Equals(ballots) && back.Value.TotalVoters == ballots.TotalVoters && UsmJson.WriteRankedBallots(back.Value) == json;
        }), maxTest: 500);
    }

    [Theory]
    [InlineData("\"functional\": \"must-be\"", "\"functional\": \"must\"", ReadErrorCode.UnknownEnumValue, "$.kano-survey.responses[0].functional")]
    [InlineData("\"respondent-id\": \"r2\"", "\"respondent-id\": \" \"", ReadErrorCode.InvalidValue, "$.kano-survey.responses[1].respondent-id")]
    [InlineData("\"respondent-id\": \"r2\"", "\"respondent-id\": \"r1\"", ReadErrorCode.DuplicateId, "$.kano-survey.responses[1].respondent-id")]
    [InlineData("\"dysfunctional\": \"dislike\"", "\"dysfunctional\": 5", ReadErrorCode.WrongType, "$.kano-survey.responses[0].dysfunctional")]
    [InlineData("\"feature-id\": \"chat\",", "", ReadErrorCode.MissingMember, "$.kano-survey.responses[0].feature-id")]
    public void BrokenSurveyMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var error = Assert.Single(UsmJson.ReadKanoSurvey(Mutations.ReplaceFirst(Golden("kano-survey"), find, replace)).Errors);

        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Theory]
    [InlineData("\"outcome\": \"tie\"", "\"outcome\": \"draw\"", ReadErrorCode.UnknownEnumValue, "$.pairwise-comparisons.comparisons[2].outcome")]
    [InlineData("\"count\": 3", "\"count\": 0", ReadErrorCode.NumberOutOfRange, "$.pairwise-comparisons.comparisons[0].count")]
    [InlineData("\"count\": 3", "\"count\": 2.5", ReadErrorCode.InvalidValue, "$.pairwise-comparisons.comparisons[0].count")]
    [InlineData("\"second\": \"patching\"", "\"second\": \"backups\"", ReadErrorCode.DanglingReference, "$.pairwise-comparisons.comparisons[1].second")]
    [InlineData("\"second\": \"patching\"", "\"second\": \"backup\"", ReadErrorCode.InvalidValue, "$.pairwise-comparisons.comparisons[1]")]
    [InlineData("\"training\"", "\"backup\"", ReadErrorCode.DuplicateId, "$.pairwise-comparisons.candidates[3]")]
    [InlineData("\"first\": \"monitoring\",", "", ReadErrorCode.MissingMember, "$.pairwise-comparisons.comparisons[0].first")]
    public void BrokenComparisonMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var error = Assert.Single(UsmJson.ReadPairwiseComparisons(Mutations.ReplaceFirst(Golden("pairwise-comparisons"), find, replace)).Errors);

        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Theory]
    [InlineData("\"voters\": 2", "\"voters\": 0", ReadErrorCode.NumberOutOfRange, "$.ranked-ballots.ballots[0].voters")]
    [InlineData("\"voters\": 2", "\"voters\": 2147483647", ReadErrorCode.InvalidValue, "$.ranked-ballots.ballots")]
    [InlineData("\"training\",\n            \"backup\"", "\"trainer\",\n            \"backup\"", ReadErrorCode.DanglingReference, "$.ranked-ballots.ballots[2].ranks[0][0]")]
    [InlineData("\"training\",\n            \"backup\"", "\"backup\",\n            \"backup\"", ReadErrorCode.DuplicateId, "$.ranked-ballots.ballots[2].ranks[0][1]")]
    [InlineData("\"candidates\": [", "\"candidates\": [],\"x\": [", ReadErrorCode.InvalidValue, "$.ranked-ballots.candidates")]
    public void BrokenBallotMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var error = Assert.Single(UsmJson.ReadRankedBallots(Mutations.ReplaceFirst(Golden("ranked-ballots"), find, replace)).Errors);

        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Fact]
    public void SeveralBrokenMembers_AreAllReported_AndNothingIsBuilt()
    {
        var json = Mutations.ReplaceFirst(Mutations.ReplaceFirst(Golden("pairwise-comparisons"), "\"outcome\": \"tie\"", "\"outcome\": \"draw\""), "\"count\": 3", "\"count\": -1");

        var result = UsmJson.ReadPairwiseComparisons(json);

        Assert.False(result.IsSuccess);
        Assert.Equal(["$.pairwise-comparisons.comparisons[0].count", "$.pairwise-comparisons.comparisons[2].outcome"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OtherKinds_AreRefused()
    {
        var error = Assert.Single(UsmJson.ReadRankedBallots(Golden("pairwise-comparisons")).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, "$.kind"), (error.Code, error.Path));
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        Mutations.EveryMutationEndsInAResult(Golden("kano-survey"), s => UsmJson.ReadKanoSurvey(s), (t, o) => UsmJson.ReadKanoSurvey(t, o), maxTest: 300);
        Mutations.EveryMutationEndsInAResult(Golden("pairwise-comparisons"), s => UsmJson.ReadPairwiseComparisons(s), (t, o) => UsmJson.ReadPairwiseComparisons(t, o), maxTest: 300);
        Mutations.EveryMutationEndsInAResult(Golden("ranked-ballots"), s => UsmJson.ReadRankedBallots(s), (t, o) => UsmJson.ReadRankedBallots(t, o), maxTest: 300);
    }

    [Fact]
    public void RankedBallots_RefusesBallotsNamingOtherCandidates()
    {
        var error = Assert.Throws<ArgumentException>(() => new RankedBallots(["a", "b"], [Ballot.Parse("a > c")]));

        Assert.Equal("ballots", error.ParamName);
        Assert.Contains("'c'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RankedBallots([], []));
        Assert.Throws<ArgumentException>(() => new RankedBallots(["a", "a"], []));
        Assert.Throws<ArgumentNullException>(() => new RankedBallots(["a"], [null!]));
    }

    internal static string Golden(string kind) => File.ReadAllText(SerializationSamples.GoldenPath(kind + ".usm-model.json"));

    internal static bool Same(PairwiseProfile a, PairwiseProfile b) =>
        a.Candidates.SequenceEqual(b.Candidates, StringComparer.Ordinal) && a.Comparisons.SequenceEqual(b.Comparisons);
}
