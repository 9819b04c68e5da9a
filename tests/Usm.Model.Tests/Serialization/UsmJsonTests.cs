using System.Text;
using FsCheck.Fluent;
using Usm.Model.Routines;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

public class UsmJsonTests
{
    private static string Golden => File.ReadAllText(SerializationSamples.GoldenPath("incident-recovery.usm-model.json"));

    [Fact]
    public void WriteWorkflow_MatchesGoldenFile() =>
        SerializationSamples.AssertGolden("incident-recovery.usm-model.json", UsmJson.WriteWorkflow(SerializationSamples.IncidentProcedure()));

    [Fact]
    public void ReadWorkflow_GoldenFile_GivesBackTheModel()
    {
        var result = UsmJson.ReadWorkflow(Golden);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(SerializationSamples.IncidentProcedure(), result.Value);
    }

    [Fact]
    public void WriteWorkflow_StartsWithFormatVersionAndKind()
    {
        var json = UsmJson.WriteWorkflow(SerializationSamples.IncidentProcedure());

        Assert.StartsWith("{\n  \"format-version\": 1,\n  \"kind\": \"workflow\",\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelToJsonToModel_IsEqual()
    {
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.ExportableWorkflow(), sample =>
        {
            var result = UsmJson.ReadWorkflow(UsmJson.WriteWorkflow(sample.Workflow));
            return result.IsSuccess && result.Value.Equals(sample.Workflow);
        }), maxTest: 500);
    }

    [Fact]
    public void JsonToModelToJson_IsStable()
    {
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.ExportableWorkflow(), sample =>
        {
            var json = UsmJson.WriteWorkflow(sample.Workflow);
            return UsmJson.WriteWorkflow(UsmJson.ReadWorkflow(json).Value) == json;
        }), maxTest: 500);
    }

    [Theory]
    [InlineData("2", ReadErrorCode.UnsupportedVersion)]
    [InlineData("0", ReadErrorCode.UnsupportedVersion)]
    [InlineData("\"1\"", ReadErrorCode.WrongType)]
    [InlineData("1.5", ReadErrorCode.WrongType)]
    public void OtherFormatVersions_AreRejectedClearly(string version, ReadErrorCode code)
    {
        var json = Golden.Replace("\"format-version\": 1", "\"format-version\": " + version, StringComparison.Ordinal);

        var error = Assert.Single(UsmJson.ReadWorkflow(json).Errors);

        Assert.Equal((code, "$.format-version"), (error.Code, error.Path));
    }

    [Fact]
    public void NewerFormatVersion_SaysToUpgrade()
    {
        var error = Assert.Single(UsmJson.ReadWorkflow("""{"format-version":7,"kind":"workflow"}""").Errors);

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFormatVersion_IsReported()
    {
        var error = Assert.Single(UsmJson.ReadWorkflow("""{"kind":"workflow","workflow":{}}""").Errors);

        Assert.Equal((ReadErrorCode.MissingMember, "$.format-version"), (error.Code, error.Path));
    }

    [Fact]
    public void WrongKind_IsReported()
    {
        var error = Assert.Single(UsmJson.ReadWorkflow("""{"format-version":1,"kind":"risk-database"}""").Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, "$.kind"), (error.Code, error.Path));
    }

    [Fact]
    public void EveryWrongTypeAndBadValue_IsReported()
    {
        const string Json = """
            {"format-version":1,"kind":"workflow","workflow":{"id":5,"name":"n","trigger":"complaint","routine-type":"process","dynamicity":"static",
             "steps":[{"id":"s","process":"fix","name":"S","activities":[{"id":"a","name":["x"]}]},{"id":" ","process":"agree"}]}}
            """;

        var errors = UsmJson.ReadWorkflow(Json).Errors;

        Assert.Equal(
            [("$.workflow.id", ReadErrorCode.WrongType), ("$.workflow.steps[0].activities[0].name", ReadErrorCode.WrongType)],
            errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void EveryMissingMemberAndUnknownName_IsReported()
    {
        const string Json = """
            {"format-version":1,"kind":"workflow","workflow":{"name":"n","trigger":"complaint","routine-type":"process","dynamicity":"static",
             "steps":[{"id":"s","process":"fix","name":"S","activities":[{"id":"a","name":"x","responsibilities":[{"profile-id":"p","roles":["boss"]}]}]},{"id":" ","process":"agree"}]}}
            """;

        var errors = UsmJson.ReadWorkflow(Json).Errors;

        Assert.Equal(
            [
                ("$.workflow.id", ReadErrorCode.MissingMember),
                ("$.workflow.trigger", ReadErrorCode.UnknownEnumValue),
                ("$.workflow.steps[0].process", ReadErrorCode.UnknownEnumValue),
                ("$.workflow.steps[0].activities[0].responsibilities[0].roles[0]", ReadErrorCode.UnknownEnumValue),
                ("$.workflow.steps[1].id", ReadErrorCode.InvalidValue),
                ("$.workflow.steps[1].name", ReadErrorCode.MissingMember),
            ],
            errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void UnknownMembers_AreIgnoredUnlessStrict()
    {
        var json = Golden.Replace("\"kind\": \"workflow\",", "\"kind\": \"workflow\", \"extra\": 1,", StringComparison.Ordinal)
            .Replace("\"catalogue-key\": \"recover.accept\",", "\"catalogue-key\": \"recover.accept\", \"colour\": \"red\",", StringComparison.Ordinal);

        Assert.True(UsmJson.ReadWorkflow(json).IsSuccess);
        Assert.Equal(
            [("$.extra", ReadErrorCode.UnknownMember), ("$.workflow.steps[0].colour", ReadErrorCode.UnknownMember)],
            UsmJson.ReadWorkflow(json, ReaderOptions.Default.WithStrict(true)).Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void HugeNumberForTheVersion_IsReported()
    {
        var error = Assert.Single(UsmJson.ReadWorkflow("""{"format-version":1e400,"kind":"workflow"}""").Errors);

        Assert.Equal((ReadErrorCode.WrongType, "$.format-version"), (error.Code, error.Path));
    }

    [Fact]
    public void HostileLimits_ApplyToTheNativeFormatToo()
    {
        Assert.Equal(ReadErrorCode.DepthExceeded, Assert.Single(UsmJson.ReadWorkflow(new string('[', 10_000)).Errors).Code);
        Assert.Equal(ReadErrorCode.Syntax, Assert.Single(UsmJson.ReadWorkflow(Golden[..200]).Errors).Code);
        using var stream = new MemoryStream([0x7B, 0xC3, 0x28, 0x7D]);
        Assert.Equal(ReadErrorCode.InvalidUtf8, Assert.Single(UsmJson.ReadWorkflow(stream).Errors).Code);
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        Mutations.EveryMutationEndsInAResult(Golden, stream => UsmJson.ReadWorkflow(stream), (text, options) => UsmJson.ReadWorkflow(text, options), maxTest: 1000);
    }

    // Every document kind has a committed schema: a new kind without one fails here.
    public static TheoryData<UsmDocumentKind> DocumentKinds() => [.. Enum.GetValues<UsmDocumentKind>()];

#if NET9_0_OR_GREATER
    // The schema exporter exists from .NET 9 on, and so does UsmJson.GetSchema.
    [Theory]
    [MemberData(nameof(DocumentKinds))]
    public void Schema_MatchesCommittedFile(UsmDocumentKind kind)
    {
        var name = UsmJson.GetSchema(kind);
        var path = RepositoryPaths.Combine("docs", "schema", SchemaFileName(kind));
        if (Environment.GetEnvironmentVariable("USM_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, name);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with USM_UPDATE_SCHEMA=1 to create it.");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == name, $"The schema of {kind} documents differs from {path}: the format changed. If intended, rerun with USM_UPDATE_SCHEMA=1 and commit the file.");
    }
#endif

    private static string SchemaFileName(UsmDocumentKind kind) => kind switch
    {
        UsmDocumentKind.Workflow => "workflow",
        UsmDocumentKind.RiskDatabase => "risk-database",
        UsmDocumentKind.ManagementSystem => "management-system",
        UsmDocumentKind.Instrument => "instrument",
        UsmDocumentKind.Scan => "scan",
        UsmDocumentKind.ImprovementProgramme => "improvement-programme",
        UsmDocumentKind.Ranking => "ranking",
        UsmDocumentKind.AhpResult => "ahp-result",
        UsmDocumentKind.BordaResult => "borda-result",
        UsmDocumentKind.SchulzeResult => "schulze-result",
        UsmDocumentKind.SprintSelection => "sprint-selection",
        UsmDocumentKind.AhpSynthesis => "ahp-synthesis",
        UsmDocumentKind.KanoSurvey => "kano-survey",
        UsmDocumentKind.PairwiseComparisons => "pairwise-comparisons",
        UsmDocumentKind.RankedBallots => "ranked-ballots",
        UsmDocumentKind.KanoResult => "kano-result",
        UsmDocumentKind.BradleyTerryResult => "bradley-terry-result",
        UsmDocumentKind.PlackettLuceResult => "plackett-luce-result",
        UsmDocumentKind.ElectreResult => "electre-result",
        UsmDocumentKind.ParetoResult => "pareto-result",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Add the schema file name of this kind."),
    } + ".schema.json";
}
