using System.Text;
using FsCheck.Fluent;
using Usm.Model.Assessment;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

public class ScanJsonTests
{
    [Fact]
    public void WriteInstrument_Baseline_MatchesGoldenFile() =>
        SerializationSamples.AssertGolden("baseline-instrument.usm-model.json", UsmJson.WriteInstrument(UsmInstruments.Baseline));

    [Fact]
    public void WriteScan_SampleBaseline_MatchesGoldenFile() =>
        SerializationSamples.AssertGolden("baseline-scan.usm-model.json", UsmJson.WriteScan(SampleScans.Baseline));

    [Fact]
    public void ReadScan_GoldenFile_GivesBackTheSampleScan_AndItScoresTheSame()
    {
        var result = UsmJson.ReadScan(File.ReadAllText(SerializationSamples.GoldenPath("baseline-scan.usm-model.json")));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(SampleScans.Baseline, result.Value);
        Assert.Equal(SampleScans.Baseline.Score().Overall, result.Value.Score().Overall);
    }

    [Fact]
    public void ReadInstrument_GoldenFile_GivesBackTheBaselineInstrument()
    {
        using var stream = File.OpenRead(SerializationSamples.GoldenPath("baseline-instrument.usm-model.json"));
        var result = UsmJson.ReadInstrument(stream);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(UsmInstruments.Baseline, result.Value);
    }

    [Fact]
    public void ScansOfOneInstrument_ReadBack_AreComparable()
    {
        var baseline = UsmJson.ReadScan(UsmJson.WriteScan(SampleScans.Baseline)).Value;
        var followUp = UsmJson.ReadScan(UsmJson.WriteScan(SampleScans.FollowUp)).Value;

        var series = ScanSeries.Of([baseline, followUp]);

        Assert.Equal(ScanSeries.Of(SampleScans.All.Where(s => s != SampleScans.Interim)).ProgressSinceBaseline().ToString(), series.ProgressSinceBaseline().ToString());
    }

    [Fact]
    public void GeneratedScans_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(AssessmentSerializationArbitraries.Scans(), scan =>
        {
            var json = UsmJson.WriteScan(scan);
            var back = UsmJson.ReadScan(json, ReaderOptions.Default.WithStrict(true));
            return back.IsSuccess && back.Value.Equals(scan) && UsmJson.WriteScan(back.Value) == json;
        }), maxTest: 300);
    }

    [Fact]
    public void GeneratedInstruments_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(AssessmentSerializationArbitraries.Scans(), scan =>
        {
            var json = UsmJson.WriteInstrument(scan.Instrument);
            var back = UsmJson.ReadInstrument(json, ReaderOptions.Default.WithStrict(true));
            return back.IsSuccess && back.Value.Equals(scan.Instrument) && UsmJson.WriteInstrument(back.Value) == json;
        }), maxTest: 300);
    }

    [Fact]
    public void Answers_AreWrittenAsLevelYesOrPercent()
    {
        var instrument = new Instrument("i", "1", "Mixed", [new InstrumentArea("a", "A", [
            new Question("q1", "Ordinal", AnswerScale.FiveLevel, UsmElement.For(WorkflowPattern.FromNumber(3))),
            new Question("q2", "Yes or no", AnswerScale.YesNo, UsmElement.Services),
            new Question("q3", "Percentage", AnswerScale.Percentage, UsmElement.For(Resource.People)),
        ])]);
        var scan = new Scan("s", instrument, new NodaTime.LocalDate(2026, 1, 5), [new Respondent("r", "staff")],
            [new Answer("r", "q1", AnswerValue.Level("ad hoc")), new Answer("r", "q2", AnswerValue.No), new Answer("r", "q3", AnswerValue.Percent(62.5))]);

        var json = UsmJson.WriteScan(scan);

        Assert.Contains("\"level\": \"ad hoc\"", json, StringComparison.Ordinal);
        Assert.Contains("\"yes\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"percent\": 62.5", json, StringComparison.Ordinal);
        Assert.Contains("\"pattern\": 3", json, StringComparison.Ordinal);
        Assert.Contains("\"date\": \"2026-01-05\"", json, StringComparison.Ordinal);
        Assert.Equal(scan, UsmJson.ReadScan(json).Value);
    }

    [Theory]
    [InlineData("\"date\": \"2026-03-02\"", "\"date\": 20260302", "$.scan.date", ReadErrorCode.WrongType)]
    [InlineData("\"date\": \"2026-03-02\"", "\"date\": \"2026-02-30\"", "$.scan.date", ReadErrorCode.InvalidValue)]
    [InlineData("\"respondents\": [", "\"respondents\": \"none\", \"x-list\": [", "$.scan.respondents", ReadErrorCode.WrongType)]
    [InlineData("\"weight\": 1,", "\"weight\": \"1\",", "$.scan.instrument.areas[0].weight", ReadErrorCode.WrongType)]
    [InlineData("\"kind\": \"ordinal\"", "\"kind\": \"likert\"", "$.scan.instrument.areas[0].questions[0].scale.kind", ReadErrorCode.UnknownEnumValue)]
    [InlineData("\"kind\": \"prerequisite\"", "\"kind\": \"gadget\"", "$.scan.instrument.areas[0].questions[0].element.kind", ReadErrorCode.UnknownEnumValue)]
    [InlineData("\"prerequisite\": \"management-commitment\"", "\"prerequisite\": \"luck\"", "$.scan.instrument.areas[0].questions[0].element.prerequisite", ReadErrorCode.UnknownEnumValue)]
    [InlineData("\"weight\": 1,", "\"weight\": 1e400,", "$.scan.instrument.areas[0].weight", ReadErrorCode.NumberOutOfRange)]
    [InlineData("\"weight\": 1,", "\"weight\": -1,", "$.scan.instrument.areas[0].weight", ReadErrorCode.NumberOutOfRange)]
    public void BadValues_AreReportedAtTheirPath(string find, string replace, string path, ReadErrorCode code)
    {
        var json = Mutations.ReplaceFirst(UsmJson.WriteScan(SampleScans.Baseline), find, replace);

        var errors = UsmJson.ReadScan(json).Errors;

        Assert.Contains(errors, e => e.Code == code && e.Path == path);
    }

    [Fact]
    public void DanglingRespondentAndQuestion_AreReportedAtTheAnswer()
    {
        var scan = SampleScans.Baseline;
        var json = UsmJson.WriteScan(scan);
        var firstAnswer = scan.Answers[0];
        var broken = Mutations.ReplaceFirst(json, $"\"respondent-id\": \"{firstAnswer.RespondentId}\"", "\"respondent-id\": \"nobody\"");
        broken = Mutations.ReplaceFirst(broken, $"\"question-id\": \"{firstAnswer.QuestionId}\"", "\"question-id\": \"no-such-question\"");

        var errors = UsmJson.ReadScan(broken).Errors;

        Assert.Equal(2, errors.Length);
        Assert.Equal((ReadErrorCode.DanglingReference, "$.scan.answers[0].respondent-id"), (errors[0].Code, errors[0].Path));
        Assert.Contains("nobody", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((ReadErrorCode.DanglingReference, "$.scan.answers[0].question-id"), (errors[1].Code, errors[1].Path));
    }

    [Fact]
    public void DuplicateIds_AreReported()
    {
        var scan = SampleScans.Baseline;
        var json = UsmJson.WriteScan(scan);
        var first = scan.Respondents[0].Id;
        var second = scan.Respondents[1].Id;
        var respondents = json.IndexOf("\"respondents\"", StringComparison.Ordinal);
        var broken = json[..respondents] + Mutations.ReplaceFirst(json[respondents..], $"\"id\": \"{second}\"", $"\"id\": \"{first}\"");
        var q0 = scan.Instrument.Questions[0].Id;
        var q1 = scan.Instrument.Questions[1].Id;
        var questionClash = Mutations.ReplaceFirst(json, $"\"id\": \"{q1}\"", $"\"id\": \"{q0}\"");
        var areaClash = Mutations.ReplaceFirst(json, $"\"id\": \"{scan.Instrument.Areas[1].Id}\"", $"\"id\": \"{scan.Instrument.Areas[0].Id}\"");

        Assert.Contains(UsmJson.ReadScan(broken).Errors, e => e.Code == ReadErrorCode.DuplicateId && e.Path == "$.scan.respondents[1].id");
        Assert.Contains(UsmJson.ReadScan(questionClash).Errors, e => e.Code == ReadErrorCode.DuplicateId && e.Path == "$.scan.instrument.areas[0].questions[1].id");
        Assert.Contains(UsmJson.ReadScan(areaClash).Errors, e => e.Code == ReadErrorCode.DuplicateId && e.Path == "$.scan.instrument.areas[1].id");
    }

    [Theory]
    [InlineData("{\"respondent-id\": \"r\", \"question-id\": \"q1\"}", ReadErrorCode.MissingMember, "$.scan.answers[0]")]
    [InlineData("{\"respondent-id\": \"r\", \"question-id\": \"q1\", \"level\": \"ad hoc\", \"yes\": true}", ReadErrorCode.InvalidValue, "$.scan.answers[0]")]
    [InlineData("{\"respondent-id\": \"r\", \"question-id\": \"q1\", \"yes\": true}", ReadErrorCode.InvalidValue, "$.scan.answers[0]")]
    [InlineData("{\"respondent-id\": \"r\", \"question-id\": \"q1\", \"level\": \"brilliant\"}", ReadErrorCode.InvalidValue, "$.scan.answers[0]")]
    [InlineData("{\"respondent-id\": \"r\", \"question-id\": \"q2\", \"percent\": 101}", ReadErrorCode.NumberOutOfRange, "$.scan.answers[0].percent")]
    [InlineData("{\"respondent-id\": \"r\", \"question-id\": \"q2\", \"percent\": NaN}", ReadErrorCode.Syntax, "$.scan.answers[0].percent")]
    [InlineData("{\"respondent-id\": \"r\", \"question-id\": \"q1\", \"level\": \"ad hoc\"}, {\"respondent-id\": \"r\", \"question-id\": \"q1\", \"level\": \"ad hoc\"}", ReadErrorCode.DuplicateId, "$.scan.answers[1]")]
    public void BadAnswers_AreReported(string answers, ReadErrorCode code, string path)
    {
        var json = """
            {"format-version": 1, "kind": "scan", "scan": {"id": "s", "date": "2026-01-05",
              "instrument": {"id": "i", "version": "1", "name": "I", "areas": [{"id": "a", "name": "A", "questions": [
                {"id": "q1", "text": "Ordinal", "scale": {"kind": "ordinal", "levels": [{"label": "none", "score": 0}, {"label": "ad hoc", "score": 1}]}, "element": {"kind": "services"}},
                {"id": "q2", "text": "Share", "scale": {"kind": "percentage"}, "element": {"kind": "workflow-pattern", "pattern": 4}}]}]},
              "respondents": [{"id": "r", "role": "staff"}],
              "answers": [ANSWERS]}}
            """.Replace("ANSWERS", answers, StringComparison.Ordinal);

        var error = Assert.Single(UsmJson.ReadScan(json).Errors);

        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Fact]
    public void ValidHandWrittenScan_IsRead()
    {
        var json = """
            {"kind": "scan", "format-version": 1, "scan": {"id": "s", "date": "2026-01-05",
              "instrument": {"id": "i", "version": "1", "name": "I", "areas": [{"id": "a", "name": "A", "questions": [
                {"id": "q1", "text": "Pattern", "scale": {"kind": "yes-no"}, "element": {"kind": "workflow-pattern", "pattern": 4}}]}]},
              "respondents": [{"id": "r", "role": "staff"}], "answers": [{"question-id": "q1", "yes": true, "respondent-id": "r"}]}}
            """;

        var scan = UsmJson.ReadScan(json).Value;

        Assert.Equal(1.0, scan.Instrument.Areas[0].Weight);
        Assert.Equal(WorkflowPattern.FromNumber(4), scan.Instrument.Questions[0].Element.Pattern);
        Assert.Equal(AnswerValue.Yes, Assert.Single(scan.Answers).Value);
    }

    [Fact]
    public void OutOfRangePattern_AndBadKind_AreReported()
    {
        var json = UsmJson.WriteInstrument(UsmInstruments.Baseline);
        var wrongKind = UsmJson.ReadScan(json).Errors;
        var badPattern = UsmJson.ReadInstrument(Mutations.ReplaceFirst(json, "\"prerequisite\": \"management-commitment\"", "\"pattern\": 9").Replace("\"kind\": \"prerequisite\",", "\"kind\": \"workflow-pattern\",", StringComparison.Ordinal)).Errors;

        Assert.Equal((ReadErrorCode.InvalidValue, "$.kind"), Assert.Single(wrongKind) is var k ? (k.Code, k.Path) : default);
        Assert.Contains(badPattern, e => e.Code == ReadErrorCode.NumberOutOfRange && e.Path == "$.instrument.areas[0].questions[0].element.pattern");
    }

    [Fact]
    public void StrictMode_ReportsUnknownMembers()
    {
        var json = Mutations.ReplaceFirst(UsmJson.WriteScan(SampleScans.Baseline), "\"respondents\": [", "\"x-note\": \"hi\", \"respondents\": [");

        Assert.True(UsmJson.ReadScan(json).IsSuccess);
        var error = Assert.Single(UsmJson.ReadScan(json, ReaderOptions.Default.WithStrict(true)).Errors);
        Assert.Equal((ReadErrorCode.UnknownMember, "$.scan.x-note"), (error.Code, error.Path));
    }

    [Fact]
    public void Truncated_IsASyntaxError()
    {
        var json = UsmJson.WriteScan(SampleScans.Baseline);

        var error = Assert.Single(UsmJson.ReadScan(json[..(json.Length / 2)]).Errors);

        Assert.Equal(ReadErrorCode.Syntax, error.Code);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        var scan = UsmJson.WriteScan(AssessmentSerializationArbitraries.BuildScan(new Random(7)));
        var instrument = UsmJson.WriteInstrument(UsmInstruments.Baseline);
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            using var stream = new MemoryStream(Mutations.MutateBytes(Encoding.UTF8.GetBytes(scan), random));
            var fromBytes = UsmJson.ReadScan(stream);
            var fromText = UsmJson.ReadScan(Mutations.MutateText(scan, random));
            var instrumentText = UsmJson.ReadInstrument(Mutations.MutateText(instrument, random));
            return (fromBytes.IsSuccess || !fromBytes.Errors.IsEmpty) && (fromText.IsSuccess || !fromText.Errors.IsEmpty) && (instrumentText.IsSuccess || !instrumentText.Errors.IsEmpty);
        }), maxTest: 300);
    }

    [Fact]
    public void SemanticMutations_AlwaysEndInAResult()
    {
        // Well-formed documents with swapped scale kinds, element kinds, answers and numbers reach the mapping itself.
        string[] swaps = ["true", "false", "\"ad hoc\"", "101", "-3", "0", "9", "1e308", "\"ordinal\"", "\"yes-no\"", "\"percentage\"", "\"services\"", "\"workflow-pattern\"", "\"prerequisite\"", "\"r0\"", "\"q0\"", "\"x0\"", "null", "[]", "{}"];
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            var json = UsmJson.WriteScan(AssessmentSerializationArbitraries.BuildScan(random));
            for (var k = 0; k < random.Next(1, 4); k++)
            {
                var from = swaps[random.Next(swaps.Length)];
                var at = json.IndexOf(from, random.Next(json.Length), StringComparison.Ordinal);
                if (at >= 0)
                {
                    json = json[..at] + swaps[random.Next(swaps.Length)] + json[(at + from.Length)..];
                }
            }

            var result = UsmJson.ReadScan(json);
            return result.IsSuccess || !result.Errors.IsEmpty;
        }), maxTest: 500);
    }
}
