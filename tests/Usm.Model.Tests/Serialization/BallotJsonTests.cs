using System.Text;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;
using static Usm.Model.Tests.Serialization.RankingJsonTests;

namespace Usm.Model.Tests.Serialization;

public class BallotJsonTests
{
    // The 45-voter example of the Wikipedia article "Schulze method" (en.wikipedia.org/wiki/Schulze_method,
    // section "Example"), whose Schulze winner is E.
    private static readonly string[] s_candidates = ["A", "B", "C", "D", "E"];

    private static readonly Ballot[] s_ballots =
    [
        Ballot.Parse("A > C > B > E > D", 5), Ballot.Parse("A > D > E > C > B", 5), Ballot.Parse("B > E > D > A > C", 8),
        Ballot.Parse("C > A > B > E > D", 3), Ballot.Parse("C > A > E > B > D", 7), Ballot.Parse("C > B > A > D > E", 2),
        Ballot.Parse("D > C > E > B > A", 7), Ballot.Parse("E > B > A > D > C", 8),
    ];

    // A partial ballot, so that the Borda sample has half points.
    public static BordaResult BordaSample() => BallotCount.Borda(s_candidates, [.. s_ballots, Ballot.Parse("B > D")]);

    public static SchulzeResult SchulzeSample() => BallotCount.Schulze(s_candidates, s_ballots);

    private static string BordaGolden => File.ReadAllText(SerializationSamples.GoldenPath("borda-result.usm-model.json"));

    private static string SchulzeGolden => File.ReadAllText(SerializationSamples.GoldenPath("schulze-result.usm-model.json"));

    [Fact]
    public void Samples_MatchGoldenFiles()
    {
        Assert.Equal(["E"], SchulzeSample().Winners.ToArray());
        SerializationSamples.AssertGolden("borda-result.usm-model.json", UsmJson.WriteBordaResult(BordaSample()));
        SerializationSamples.AssertGolden("schulze-result.usm-model.json", UsmJson.WriteSchulzeResult(SchulzeSample()));
    }

    [Fact]
    public void GoldenFiles_ReadBackAsTheSamples()
    {
        var borda = UsmJson.ReadBordaResult(BordaGolden, ReaderOptions.Default.WithStrict(true));
        var schulze = UsmJson.ReadSchulzeResult(SchulzeGolden, ReaderOptions.Default.WithStrict(true));

        Assert.True(borda.IsSuccess, string.Join("\n", borda.Errors));
        Assert.True(schulze.IsSuccess, string.Join("\n", schulze.Errors));
        Assert.True(Same(BordaSample(), borda.Value));
        Assert.True(Same(SchulzeSample(), schulze.Value));
    }

    [Fact]
    public void GeneratedCounts_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(AhpBallotArbitraries.Election(partial: true), election =>
        {
            var ok = true;
            foreach (var rule in Enum.GetValues<BordaPartialRule>())
            {
                var borda = BallotCount.Borda(election.Candidates, election.Ballots, rule);
                var json = UsmJson.WriteBordaResult(borda);
                var back = UsmJson.ReadBordaResult(json, ReaderOptions.Default.WithStrict(true));
                ok &= back.IsSuccess && Same(borda, back.Value) && UsmJson.WriteBordaResult(back.Value) == json;
            }

            foreach (var strength in Enum.GetValues<SchulzeStrength>())
            {
                var schulze = BallotCount.Schulze(election.Candidates, election.Ballots, strength);
                var json = UsmJson.WriteSchulzeResult(schulze);
                var back = UsmJson.ReadSchulzeResult(json, ReaderOptions.Default.WithStrict(true));
                ok &= back.IsSuccess && Same(schulze, back.Value) && UsmJson.WriteSchulzeResult(back.Value) == json;
            }

            return ok;
        }), maxTest: 300);
    }

    [Theory]
    [InlineData("\"partial-rule\": \"share-remaining\"", "\"partial-rule\": \"ignore\"", ReadErrorCode.UnknownEnumValue, "$.borda-result.partial-rule")]
    [InlineData("\"id\": \"A\"", "\"id\": \"E\"", ReadErrorCode.DuplicateId, "$.borda-result.standings[1].id")]
    [InlineData("\"total-voters\": 46", "\"total-voters\": \"46\"", ReadErrorCode.WrongType, "$.borda-result.total-voters")]
    [InlineData("\"total-voters\": 46", "\"total-voters\": 1e400", ReadErrorCode.NumberOutOfRange, "$.borda-result.total-voters")]
    [InlineData("\"rank\": 2", "\"rank\": 1", ReadErrorCode.InvalidValue, "$.borda-result.standings[1].rank")]
    [InlineData("\"first-preferences\": 8", "\"first-preferences\": 99", ReadErrorCode.NumberOutOfRange, "$.borda-result.standings[0].first-preferences")]
    public void BrokenBorda_IsReportedAtItsPath(string find, string replace, ReadErrorCode code, string path)
    {
        var error = Assert.Single(UsmJson.ReadBordaResult(Mutations.ReplaceFirst(BordaGolden, find, replace)).Errors);

        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Theory]
    [InlineData("\"strength\": \"winning-votes\"", "\"strength\": \"landslide\"", ReadErrorCode.UnknownEnumValue, "$.schulze-result.strength")]
    [InlineData("\"B\",\n      \"C\"", "\"B\",\n      \"B\"", ReadErrorCode.DuplicateId, "$.schulze-result.candidates[2]")]
    [InlineData("\"preferences\": [\n      [\n        0,", "\"preferences\": [\n      [\n        3,", ReadErrorCode.InvalidValue, "$.schulze-result.preferences[0][0]")]
    [InlineData("\"path-strengths\": [\n      [\n        0,\n        28", "\"path-strengths\": [\n      [\n        0,\n        27", ReadErrorCode.InvalidValue, "$.schulze-result.path-strengths[0][1]")]
    [InlineData("\"wins\": 4", "\"wins\": 3", ReadErrorCode.InvalidValue, "$.schulze-result.standings[0].wins")]
    [InlineData("\"total-voters\": 45", "\"total-voters\": 30", ReadErrorCode.InvalidValue, "$.schulze-result.preferences[0][1]")]
    public void BrokenSchulze_IsReportedAtItsPath(string find, string replace, ReadErrorCode code, string path)
    {
        var errors = UsmJson.ReadSchulzeResult(Mutations.ReplaceFirst(SchulzeGolden, find, replace)).Errors;

        Assert.Equal((code, path), (errors[0].Code, errors[0].Path));
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        var borda = BordaGolden;
        var schulze = SchulzeGolden;
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            using var stream = new MemoryStream(Mutations.MutateBytes(Encoding.UTF8.GetBytes(borda), random));
            var a = UsmJson.ReadBordaResult(stream);
            var b = UsmJson.ReadSchulzeResult(Mutations.MutateText(schulze, random), ReaderOptions.Default.WithStrict(random.Next(2) == 0));
            var c = UsmJson.ReadBordaResult(Mutations.MutateText(borda, random));
            return (a.IsSuccess || !a.Errors.IsEmpty) && (b.IsSuccess || !b.Errors.IsEmpty) && (c.IsSuccess || !c.Errors.IsEmpty);
        }), maxTest: 500);
    }

    internal static bool Same(BordaResult a, BordaResult b) =>
        a.PartialRule == b.PartialRule && a.TotalVoters == b.TotalVoters && a.TotalPoints.Equals(b.TotalPoints) && a.Candidates.Length == b.Candidates.Length
        && a.Candidates.Zip(b.Candidates).All(p => p.First.ToString() == p.Second.ToString() && p.First.Points.Equals(p.Second.Points) && p.First.Rank == p.Second.Rank
            && p.First.Position == p.Second.Position && p.First.RankedBy == p.Second.RankedBy && p.First.FirstPreferences == p.Second.FirstPreferences);

    internal static bool Same(SchulzeResult a, SchulzeResult b)
    {
        var ids = a.Preferences.Candidates;
        return a.Strength == b.Strength && ids.SequenceEqual(b.Preferences.Candidates) && a.Preferences.TotalVoters == b.Preferences.TotalVoters
            && ids.All(x => ids.All(y => a.Preferences.Preference(x, y) == b.Preferences.Preference(x, y) && a.PathStrength(x, y) == b.PathStrength(x, y)))
            && a.Candidates.Select(c => (c.Id, c.Rank, c.Position, c.Wins, c.Losses)).SequenceEqual(b.Candidates.Select(c => (c.Id, c.Rank, c.Position, c.Wins, c.Losses)))
            && a.Preferences.CondorcetWinner == b.Preferences.CondorcetWinner;
    }
}
