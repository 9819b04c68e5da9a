using System.Text;
using FsCheck.Fluent;
using Usm.Model.Routines;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

public class UsmWifTests
{
    [Fact]
    public void Export_IncidentProcedure_MatchesGoldenFile()
    {
        var json = UsmWif.Export(SerializationSamples.IncidentProcedure(), SerializationSamples.IncidentMetadata(), SerializationSamples.IncidentProfiles());
        SerializationSamples.AssertGolden("incident-recovery.workflow.json", json);
    }

    [Fact]
    public void Import_GoldenFile_GivesBackTheModel()
    {
        var result = UsmWif.Import(File.ReadAllText(SerializationSamples.GoldenPath("incident-recovery.workflow.json")));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(SerializationSamples.IncidentProcedure(), result.Value.Workflow);
        Assert.Equal(SerializationSamples.IncidentMetadata(), result.Value.Metadata);
        Assert.Equal(SerializationSamples.IncidentProfiles(), result.Value.Profiles);
        Assert.True(result.Value.Findings.IsEmpty, result.Value.Findings.ToString());
        Assert.Equal([WorkflowPattern.W3, WorkflowPattern.W4], result.Value.Workflow.Patterns.ToArray());
    }

    [Fact]
    public void Import_RunsTheConformanceChecker()
    {
        var result = UsmWif.Import(File.ReadAllText(SerializationSamples.GoldenPath("incident-recovery.workflow.json"))).Value;

        Assert.Equal(Usm.Model.Conformance.ConformanceChecker.Check(result.Workflow).Findings.ToArray(), result.Conformance.Findings.ToArray());
        Assert.True(result.Conformance.IsConforming, result.Conformance.ToString());
    }

    [Fact]
    public void Import_NonconformingWorkflow_IsImportedWithItsFindings()
    {
        // Operate cannot hand off to Agree (domain.md §4): the workflow imports, and the checker says why it is wrong.
        var result = UsmWif.Import("""
            {"usm-wif-version":"1.0.0","slug":"odd","name":"Odd","process":"operate",
             "steps":[{"id":"o","process":"operate","name":"Do"},{"id":"a","process":"agree","name":"Agree afterwards"}]}
            """);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value.Conformance.IsConforming);
    }

    [Fact]
    public void Import_DraftStyleTemplate_AbsorbsTheDraftsQuirks()
    {
        // Written after the shape of the examples in the USM-WIF draft (Ahonen, usm-rfc workflow-format.md, 2021):
        // sort-index as strings, steps as an object, an activity 'name', RACI letters, members in an odd order.
        var result = UsmWif.Import(File.ReadAllText(SerializationSamples.GoldenPath("draft-style.workflow-template.json")));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        var import = result.Value;
        Assert.Equal(WifDocumentType.WorkflowTemplate, import.Metadata.DocumentType);
        Assert.Equal("operate-request", import.Workflow.Id);
        Assert.Equal(CallType.ServiceRequest, import.Workflow.Trigger);
        Assert.Equal(RoutineType.Procedure, import.Workflow.RoutineType);
        Assert.Equal(["accept", "plan", "execute"], import.Workflow.Steps.Select(s => s.Id));
        Assert.Equal(["check", "register"], import.Workflow.Steps[0].Activities.Select(a => a.Id));
        Assert.Equal(RaciRoles.Responsible | RaciRoles.Accountable, import.Workflow.Steps[0].Activities[1].Responsibilities[0].Roles);
        Assert.Equal(["USM-WIF-001", "USM-WIF-002", "USM-WIF-004"], import.Findings.RuleIds.ToArray());
        Assert.Contains(import.Findings.Findings, f => f.RuleId == "USM-WIF-001" && f.Path == "steps.plan.sort-index");
    }

    [Fact]
    public void Import_EmptyTemplate_IsAccepted()
    {
        var result = UsmWif.Import("""{"type":"workflow-template"}""");

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal("workflow-template", result.Value.Workflow.Id);
        Assert.Equal(["USM-WIF-005", "USM-WIF-008", "USM-WIF-009"], result.Value.Findings.RuleIds.ToArray());
    }

    [Fact]
    public void Import_WorkflowWithoutSlugAndName_ReportsBoth()
    {
        var result = UsmWif.Import("""{"usm-wif-version":"1.0.0","type":"workflow","process":"agree"}""");

        Assert.False(result.IsSuccess);
        Assert.Equal([("$.slug", ReadErrorCode.MissingMember), ("$.name", ReadErrorCode.MissingMember)], result.Errors.Select(e => (e.Path, e.Code)));
    }

    [Theory]
    [InlineData("2.0.0", "$.usm-wif-version")]
    [InlineData("1.0", "$.usm-wif-version")]
    public void Import_OtherVersion_IsRejectedClearly(string version, string path)
    {
        var result = UsmWif.Import($$"""{"usm-wif-version":"{{version}}","slug":"a","name":"A","process":"agree"}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ReadErrorCode.UnsupportedVersion, error.Code);
        Assert.Equal(path, error.Path);
        Assert.Contains(version, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("a--b")]
    [InlineData("a b")]
    [InlineData("é")]
    [InlineData("")]
    public void Import_InvalidSlug_IsAnError(string slug)
    {
        var result = UsmWif.Import($$"""{"usm-wif-version":"1.0.0","slug":"{{slug}}","name":"A","process":"agree"}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidValue, "$.slug"), (error.Code, error.Path));
    }

    [Fact]
    public void Import_MemberOrder_DoesNotChangeTheResult()
    {
        var a = UsmWif.Import("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"change","steps":[{"id":"s","process":"change","name":"S"}]}""");
        var b = UsmWif.Import("""{"steps":[{"name":"S","process":"change","id":"s"}],"process":"change","name":"A","slug":"a","usm-wif-version":"1.0.0"}""");

        Assert.Equal(a.Value.Workflow, b.Value.Workflow);
    }

    [Fact]
    public void Import_UnknownMembers_AreIgnoredUnlessStrict()
    {
        const string Json = """{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","vendor":{"x":1},"steps":[{"id":"s","process":"agree","colour":"red"}]}""";

        Assert.True(UsmWif.Import(Json).IsSuccess);
        var strict = UsmWif.Import(Json, ReaderOptions.Default.WithStrict(true));
        Assert.Equal([("$.vendor", ReadErrorCode.UnknownMember), ("$.steps[0].colour", ReadErrorCode.UnknownMember)], strict.Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void Import_FormatVersionAlias_IsReadWithAWarning()
    {
        var result = UsmWif.Import("""{"format-version":"1.0.0","slug":"a","name":"A","process":"agree"}""");

        Assert.True(result.IsSuccess);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(result.Value.Findings.ForRule("USM-WIF-004")).Severity);
    }

    [Fact]
    public void Import_ReportsEveryErrorNotJustTheFirst()
    {
        const string Json = """
            {"usm-wif-version":"1.0.0","slug":"a","name":7,"process":"fix","dynamicity":"sometimes",
             "steps":[{"id":"s","process":"agree","activities":[{"id":"x","responsibilities":{"coordinator":["Q"]}}]},{"id":"s","process":"agree"}]}
            """;

        var result = UsmWif.Import(Json);

        Assert.Null(result.ValueOrNull);
        Assert.Equal(
            [
                ("$.name", ReadErrorCode.WrongType),
                ("$.process", ReadErrorCode.UnknownEnumValue),
                ("$.dynamicity", ReadErrorCode.UnknownEnumValue),
                ("$.steps[0].activities[0].responsibilities.coordinator[0]", ReadErrorCode.UnknownEnumValue),
                ("$.steps[1].id", ReadErrorCode.DuplicateId),
            ],
            result.Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void Import_Null_ThrowsReadException()
    {
        Assert.Throws<ReadException>(() => UsmWif.Import((string)null!));
        Assert.Throws<ReadException>(() => UsmWif.Import((Stream)null!));
    }

    [Fact]
    public void Export_NonSlugId_ThrowsNamingTheId()
    {
        var workflow = new Workflow("not a slug", "W", CallType.Wish, RoutineType.Process, []);

        var ex = Assert.Throws<ArgumentException>(() => UsmWif.Export(workflow));
        Assert.Contains("'not a slug'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_DuplicateStepIds_ThrowsNamingTheId()
    {
        var step = new WorkflowStep("twice", UsmProcess.Agree, "S");
        var workflow = new Workflow("w", "W", CallType.Wish, RoutineType.Process, [step, step]);

        var ex = Assert.Throws<ArgumentException>(() => UsmWif.Export(workflow));
        Assert.Contains("'twice'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportThenImport_GivesAnEqualModel()
    {
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.ExportableWorkflow(), sample =>
        {
            var json = UsmWif.Export(sample.Workflow, sample.Metadata);
            var result = UsmWif.Import(json);
            return result.IsSuccess && result.Value.Workflow.Equals(sample.Workflow) && result.Value.Metadata.Equals(sample.Metadata);
        }), maxTest: 500);
    }

    [Fact]
    public void ImportThenExport_IsStable()
    {
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.ExportableWorkflow(), sample =>
        {
            var json = UsmWif.Export(sample.Workflow, sample.Metadata);
            var again = UsmWif.Import(json).Value;
            return UsmWif.Export(again.Workflow, again.Metadata) == json;
        }), maxTest: 500);
    }

    [Fact]
    public void Import_FromStream_MatchesImportFromText()
    {
        var json = File.ReadAllText(SerializationSamples.GoldenPath("incident-recovery.workflow.json"));
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray());

        Assert.Equal(UsmWif.Import(json).Value.Workflow, UsmWif.Import(stream).Value.Workflow);
    }
}
