using System.Text;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

namespace Usm.Model.Tests.Serialization;

// Hostile input for the scan, instrument, programme and result readers (the shared defences are tested in depth with USM-WIF).
public class NewReadersHostileInputTests
{
    private static readonly string[] s_newReaders = ["scan", "instrument", "programme", "ranking", "ahp-result", "borda-result", "schulze-result", "sprint-selection", "ahp-synthesis",
        "kano-survey", "pairwise-comparisons", "ranked-ballots", "kano-result", "bradley-terry-result", "plackett-luce-result", "electre-result", "pareto-result"];

    public static TheoryData<string> Readers() => [.. s_newReaders];

    /// <summary>Every JSON reader of the library, the older ones included.</summary>
    public static TheoryData<string> AllReaders() => [.. s_newReaders, "risk-database", "management-system", "workflow", "usm-wif"];

    private static ReadResult<object> Read(string reader, byte[] utf8)
    {
        using var stream = new MemoryStream(utf8);
        return reader switch
        {
            "scan" => Wrap(UsmJson.ReadScan(stream)),
            "instrument" => Wrap(UsmJson.ReadInstrument(stream)),
            "ranking" => Wrap(UsmJson.ReadRanking(stream)),
            "ahp-result" => Wrap(UsmJson.ReadAhpResult(stream)),
            "borda-result" => Wrap(UsmJson.ReadBordaResult(stream)),
            "schulze-result" => Wrap(UsmJson.ReadSchulzeResult(stream)),
            "sprint-selection" => Wrap(UsmJson.ReadSprintSelection(stream)),
            "ahp-synthesis" => Wrap(UsmJson.ReadAhpSynthesis(stream)),
            "risk-database" => Wrap(UsmJson.ReadRiskDatabase(stream, NodaTime.SystemClock.Instance)),
            "management-system" => Wrap(UsmJson.ReadManagementSystem(stream)),
            "workflow" => Wrap(UsmJson.ReadWorkflow(stream)),
            "usm-wif" => Wrap(UsmWif.Import(stream)),
            "kano-survey" => Wrap(UsmJson.ReadKanoSurvey(stream)),
            "pairwise-comparisons" => Wrap(UsmJson.ReadPairwiseComparisons(stream)),
            "ranked-ballots" => Wrap(UsmJson.ReadRankedBallots(stream)),
            "kano-result" => Wrap(UsmJson.ReadKanoResult(stream)),
            "bradley-terry-result" => Wrap(UsmJson.ReadBradleyTerryResult(stream)),
            "plackett-luce-result" => Wrap(UsmJson.ReadPlackettLuceResult(stream)),
            "electre-result" => Wrap(UsmJson.ReadElectreResult(stream)),
            "pareto-result" => Wrap(UsmJson.ReadParetoResult(stream)),
            _ => Wrap(UsmJson.ReadImprovementProgramme(stream)),
        };
    }

    private static ReadResult<object> Wrap<T>(ReadResult<T> result)
        where T : class => result.IsSuccess ? ReadResult<object>.Success(result.Value) : ReadResult<object>.Failure(result.Errors);

    [Theory]
    [MemberData(nameof(Readers))]
    public void TenThousandDeepNesting_StopsAtTheDepthLimit(string reader)
    {
        var json = "{\"format-version\": 1, \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        var error = Assert.Single(Read(reader, Encoding.UTF8.GetBytes(json)).Errors);

        Assert.Equal(ReadErrorCode.DepthExceeded, error.Code);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void InvalidUtf8_IsReported(string reader)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"format-version\": 1, \"kind\": \"sc"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];

        var error = Assert.Single(Read(reader, bytes).Errors);

        Assert.Equal(ReadErrorCode.InvalidUtf8, error.Code);
    }

    [Theory]
    [MemberData(nameof(AllReaders))]
    public void EscapedLoneSurrogate_InAMemberName_IsInvalidUtf8_NotAnException(string reader)
    {
        // Found by review: the scan unescaped member names without catching the runtime's refusal of a lone surrogate.
        const string Json = "{\"format-version\": 1, \"kind\": \"x\", \"\\ud800\": 1}";

        var error = Assert.Single(Read(reader, Encoding.UTF8.GetBytes(Json)).Errors);
        var asText = reader == "risk-database" ? Assert.Single(UsmJson.ReadRiskDatabase(Json, NodaTime.SystemClock.Instance).Errors) : error;

        Assert.Equal((ReadErrorCode.InvalidUtf8, "$"), (error.Code, error.Path));
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
        Assert.Equal(error, asText);
    }

    [Theory]
    [MemberData(nameof(AllReaders))]
    public void EscapedLoneSurrogate_InAString_IsInvalidUtf8_AtItsPath(string reader)
    {
        const string Json = "{\"format-version\": 1, \"kind\": \"x\", \"x\": [\"ok\", \"a\\udc00b\"]}";

        var error = Assert.Single(Read(reader, Encoding.UTF8.GetBytes(Json)).Errors);

        Assert.Equal((ReadErrorCode.InvalidUtf8, "$.x[1]"), (error.Code, error.Path));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void NewerFormatVersion_IsRejected(string reader)
    {
        var error = Assert.Single(Read(reader, Encoding.UTF8.GetBytes("{\"format-version\": 2, \"kind\": \"scan\"}")).Errors);

        Assert.Equal((ReadErrorCode.UnsupportedVersion, "$.format-version"), (error.Code, error.Path));
    }

    [Fact]
    public void WriteRanking_RefusesAnInfiniteScore()
    {
        var candidates = new CandidateSet([new Candidate("huge", [KeyValuePair.Create("a", double.MaxValue), KeyValuePair.Create("b", double.MaxValue)], 1), new Candidate("small", [KeyValuePair.Create("a", 1.0), KeyValuePair.Create("b", 1.0)], 1)]);
        var ranking = Prioritiser.Rank(candidates, RankingMethod.Wsjf(["a", "b"]));

        // The cost of delay MaxValue + MaxValue overflows to infinity, which the ranking keeps and JSON cannot hold.
        Assert.Equal(double.PositiveInfinity, ranking.Items[0].Score);
        var ex = Assert.Throws<ArgumentException>(() => UsmJson.WriteRanking(ranking));
        Assert.Contains("huge", ex.Message, StringComparison.Ordinal);
    }
}
