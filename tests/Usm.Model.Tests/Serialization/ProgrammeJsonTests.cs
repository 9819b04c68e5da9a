using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

public class ProgrammeJsonTests
{
    // A programme whose sprints show every status: sprint 1 planned without a baseline and completed, sprint 2
    // cancelled after the baseline and a stricter severity were set, sprint 3 active, and sprint 4 planned after the
    // mechanism was agreed again (a ranking method instead of the risk matrix).
    public static ImprovementProgramme Sample(RiskDatabase database)
    {
        var programme = new ImprovementProgramme("ip-pilot", "Pilot improvement programme", soundingBoardMemberIds: ["p-7", "p-3"])
            .AgreeMechanism(new RiskMatrixPrioritisation(ProgrammeSerializationArbitraries.Matrix), new LocalDate(2026, 1, 20))
            .PlanSprint(database, new DateInterval(new LocalDate(2026, 2, 2), new LocalDate(2026, 2, 13)), 10, [new SprintItem("R-1", 3), new SprintItem("R-5", 5)])
            .StartSprint(1)
            .CompleteSprint(1, [KeyValuePair.Create("R-1", SprintItemOutcome.Done), KeyValuePair.Create("R-5", SprintItemOutcome.CarriedOver)], database)
            .WithBaselineScan("rivermouth-baseline-2026-03")
            .WithMissingResourceSeverity(FindingSeverity.Error)
            .PlanSprint(database, new DateInterval(new LocalDate(2026, 2, 16), new LocalDate(2026, 2, 27)), 8, [new SprintItem("R-5", 5), new SprintItem("R-2", 2)])
            .CancelSprint(2, "Staff needed for a major incident")
            .PlanSprint(database, new DateInterval(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 13)), 12, [new SprintItem("R-7", 6), new SprintItem("R-5", 5)])
            .StartSprint(3)
            .AgreeMechanism(new RankingMechanism(RankingMethod.WeightedSum([Criterion.Benefit(RiskCandidates.ExpectedValue, 3), Criterion.Benefit(RiskCandidates.Likelihood, 1)], SawNormalisation.MinMax), new RankingOptions(TieBreaker.LowerEffortFirst)), new LocalDate(2026, 3, 10))
            .PlanSprint(database, new DateInterval(new LocalDate(2026, 3, 16), new LocalDate(2026, 3, 27)), 6, [new SprintItem("R-3", 4)]);
        return programme;
    }

    [Fact]
    public void WriteImprovementProgramme_Sample_MatchesGoldenFile() =>
        SerializationSamples.AssertGolden("improvement-programme.usm-model.json", UsmJson.WriteImprovementProgramme(Sample(ProgrammeSerializationArbitraries.Database())));

    [Fact]
    public void ReadImprovementProgramme_GoldenFile_GivesBackTheSample()
    {
        var database = ProgrammeSerializationArbitraries.Database();
        var expected = Sample(database);

        var result = UsmJson.ReadImprovementProgramme(File.ReadAllText(SerializationSamples.GoldenPath("improvement-programme.usm-model.json")), database: database);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        AssertSame(expected, result.Value);
        Assert.Equal(expected.BurnUp().ToArray(), result.Value.BurnUp().ToArray());
        Assert.Equal(expected.Prioritise(database).ToArray(), result.Value.Prioritise(database).ToArray());
    }

    [Fact]
    public void GeneratedProgrammes_RoundTripBothWays()
    {
        var database = ProgrammeSerializationArbitraries.Database();
        PropertyCheck.Run(Prop.ForAll(ProgrammeSerializationArbitraries.Programmes(), programme =>
        {
            var json = UsmJson.WriteImprovementProgramme(programme);
            var back = UsmJson.ReadImprovementProgramme(json, ReaderOptions.Default.WithStrict(true), database);
            return back.IsSuccess && Same(programme, back.Value) && UsmJson.WriteImprovementProgramme(back.Value) == json;
        }), maxTest: 200);
    }

    [Fact]
    public void EveryRankingMethod_IsReadBackAsTheSameMechanism()
    {
        var database = ProgrammeSerializationArbitraries.Database();
        var random = new Random(11);
        for (var i = 0; i < 60; i++)
        {
            var mechanism = ProgrammeSerializationArbitraries.RandomMechanism(random);
            var programme = new ImprovementProgramme("ip", "P").AgreeMechanism(mechanism, new LocalDate(2026, 1, 1));
            var json = UsmJson.WriteImprovementProgramme(programme);

            var back = UsmJson.ReadImprovementProgramme(json).Value;

            Assert.Equal(mechanism.GetType(), back.Agreement!.Mechanism.GetType());
            Assert.Equal(mechanism.Name, back.Agreement.Mechanism.Name);
            Assert.Equal(json, UsmJson.WriteImprovementProgramme(back));
        }
    }

    [Fact]
    public void CustomMechanism_IsWrittenByName_AndNotReadBackWithoutAResolver()
    {
        var programme = new ImprovementProgramme("ip", "P").AgreeMechanism(new CoinToss(), new LocalDate(2026, 1, 1));
        var json = UsmJson.WriteImprovementProgramme(programme);

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(json).Errors);

        Assert.Contains("\"kind\": \"custom\"", json, StringComparison.Ordinal);
        Assert.Equal((ReadErrorCode.UnresolvedMechanism, "$.improvement-programme.agreement.mechanism.name"), (error.Code, error.Path));
        Assert.Contains("coin toss", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"kind\": \"risk-matrix\"", "\"kind\": \"dice\"", "$.improvement-programme.agreement.mechanism.kind", ReadErrorCode.UnknownEnumValue)]
    [InlineData("\"status\": \"completed\"", "\"status\": \"finished\"", "$.improvement-programme.sprints[0].status", ReadErrorCode.UnknownEnumValue)]
    [InlineData("\"R-1\": \"done\"", "\"R-1\": \"half-done\"", "$.improvement-programme.sprints[0].outcomes.R-1", ReadErrorCode.UnknownEnumValue)]
    [InlineData("\"R-1\": \"done\"", "\"R-9\": \"done\"", "$.improvement-programme.sprints[0].outcomes.R-9", ReadErrorCode.DanglingReference)]
    [InlineData("\"capacity\": 10,", "\"capacity\": \"10\",", "$.improvement-programme.sprints[0].capacity", ReadErrorCode.WrongType)]
    [InlineData("\"number\": 2,", "\"number\": 1,", "$.improvement-programme.sprints[1].number", ReadErrorCode.DuplicateId)]
    [InlineData("\"risk-id\": \"R-2\"", "\"risk-id\": \"R-5\"", "$.improvement-programme.sprints[1].items[1].risk-id", ReadErrorCode.DuplicateId)]
    [InlineData("\"risk-id\": \"R-2\"", "\"risk-id\": \"R-99\"", "$.improvement-programme.sprints[1].items[1].risk-id", ReadErrorCode.DanglingReference)]
    [InlineData("\"period\": \"2026-02-02/2026-02-13\"", "\"period\": \"2026-02-13/2026-02-02\"", "$.improvement-programme.sprints[0].period", ReadErrorCode.InvalidValue)]
    [InlineData("\"kind\": \"weighted-sum\"", "\"kind\": \"astrology\"", "$.improvement-programme.agreement.mechanism.method.kind", ReadErrorCode.UnknownEnumValue)]
    [InlineData("\"normalisation\": \"min-max\"", "\"normalisation\": \"none\"", "$.improvement-programme.agreement.mechanism.method.normalisation", ReadErrorCode.UnknownEnumValue)]
    public void BadValues_AreReportedAtTheirPath(string find, string replace, string path, ReadErrorCode code)
    {
        var database = ProgrammeSerializationArbitraries.Database();
        var json = UsmJson.WriteImprovementProgramme(Sample(database));
        if (find.Contains("risk-matrix", StringComparison.Ordinal))
        {
            // The mechanism under test must be the agreed one.
            json = UsmJson.WriteImprovementProgramme(new ImprovementProgramme("ip", "P").AgreeMechanism(new RiskMatrixPrioritisation(ProgrammeSerializationArbitraries.Matrix), new LocalDate(2026, 1, 1)));
        }

        json = Mutations.ReplaceFirst(json, find, replace);

        var errors = UsmJson.ReadImprovementProgramme(json, database: database).Errors;

        Assert.Contains(errors, e => e.Code == code && e.Path == path);
    }

    [Fact]
    public void ReplayedRules_AreReportedAtTheSprint()
    {
        var database = ProgrammeSerializationArbitraries.Database();
        var json = UsmJson.WriteImprovementProgramme(Sample(database));
        var overCapacity = Mutations.ReplaceFirst(json, "\"capacity\": 10,", "\"capacity\": 7,");
        var overlapping = Mutations.ReplaceFirst(json, "\"period\": \"2026-03-02/2026-03-13\"", "\"period\": \"2026-02-10/2026-03-13\"");
        var editedFinding = Mutations.ReplaceFirst(json, "improves no People", "improves no staff");

        var capacity = Assert.Single(UsmJson.ReadImprovementProgramme(overCapacity).Errors);
        var overlap = Assert.Single(UsmJson.ReadImprovementProgramme(overlapping).Errors);
        var finding = Assert.Single(UsmJson.ReadImprovementProgramme(editedFinding).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, "$.improvement-programme.sprints[0]"), (capacity.Code, capacity.Path));
        Assert.Contains("capacity 7", capacity.Message, StringComparison.Ordinal);
        Assert.Equal((ReadErrorCode.InvalidValue, "$.improvement-programme.sprints[2]"), (overlap.Code, overlap.Path));
        Assert.Equal((ReadErrorCode.InvalidValue, "$.improvement-programme.sprints[1].findings"), (finding.Code, finding.Path));
    }

    [Fact]
    public void TwoActiveSprints_AreRefused_NotThrown()
    {
        var json = UsmJson.WriteImprovementProgramme(Sample(ProgrammeSerializationArbitraries.Database()));
        var twoActive = Mutations.ReplaceFirst(json, "\"status\": \"planned\"", "\"status\": \"active\"");

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(twoActive).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, "$.improvement-programme"), (error.Code, error.Path));
        Assert.Contains("active", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SprintsWithoutAgreement_AreRefused()
    {
        var json = UsmJson.WriteImprovementProgramme(Sample(ProgrammeSerializationArbitraries.Database()));
        var start = json.IndexOf("  \"agreement\": {", StringComparison.Ordinal);
        var end = json.IndexOf("\n    },\n    \"sprints\"", StringComparison.Ordinal);
        var without = json[..start] + json[(end + "\n    },\n".Length)..].TrimStart();

        var error = Assert.Single(UsmJson.ReadImprovementProgramme("{" + without[1..]).Errors);

        Assert.Equal((ReadErrorCode.MissingMember, "$.improvement-programme.agreement"), (error.Code, error.Path));
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        var database = ProgrammeSerializationArbitraries.Database();
        var source = UsmJson.WriteImprovementProgramme(Sample(database));
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            using var stream = new MemoryStream(Mutations.MutateBytes(Encoding.UTF8.GetBytes(source), random));
            var fromBytes = UsmJson.ReadImprovementProgramme(stream, database: database);
            var fromText = UsmJson.ReadImprovementProgramme(Mutations.MutateText(source, random));
            return (fromBytes.IsSuccess || !fromBytes.Errors.IsEmpty) && (fromText.IsSuccess || !fromText.Errors.IsEmpty);
        }), maxTest: 300);
    }

    [Fact]
    public void SemanticMutations_AlwaysEndInAResult()
    {
        // Well-formed documents with swapped statuses, outcomes, numbers and dates reach the replay itself.
        var database = ProgrammeSerializationArbitraries.Database();
        string[] swaps = ["\"planned\"", "\"active\"", "\"completed\"", "\"cancelled\"", "\"done\"", "\"carried-over\"", "\"not-done\"", "1", "2", "3", "0", "-1", "\"2026-02-13/2026-02-02\"", "\"2026-03-01/2026-03-20\"", "\"R-1\"", "\"R-5\"", "null"];
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            var json = UsmJson.WriteImprovementProgramme(ProgrammeSerializationArbitraries.Build(random, database));
            for (var k = 0; k < random.Next(1, 4); k++)
            {
                var from = swaps[random.Next(swaps.Length)];
                var at = json.IndexOf(from, random.Next(json.Length), StringComparison.Ordinal);
                if (at >= 0)
                {
                    json = json[..at] + swaps[random.Next(swaps.Length)] + json[(at + from.Length)..];
                }
            }

            var result = UsmJson.ReadImprovementProgramme(json, database: database);
            return result.IsSuccess || !result.Errors.IsEmpty;
        }), maxTest: 500);
    }

    // Rankings are written only: the document carries the method, candidates, and every item's rank, score and explanation.
    [Fact]
    public void WriteRanking_MatchesGoldenFile()
    {
        var candidates = new CandidateSet([
            new Candidate("backup-restore", [KeyValuePair.Create("value", 8.0), KeyValuePair.Create("risk", 3.0)], 5),
            new Candidate("call-register", [KeyValuePair.Create("value", 6.0), KeyValuePair.Create("risk", 1.0)], 2),
            new Candidate("self-service", [KeyValuePair.Create("value", 6.0), KeyValuePair.Create("risk", 1.0)], 3, CandidatePolarity.Threat),
        ]);
        var ranking = Prioritiser.Rank(candidates, RankingMethod.WeightedSum([Criterion.Benefit("value", 2), Criterion.Cost("risk", 1)]), new RankingOptions(TieBreaker.LowerEffortFirst));

        SerializationSamples.AssertGolden("ranking.usm-model.json", UsmJson.WriteRanking(ranking));
    }

    [Fact]
    public void WriteRanking_HoldsEveryItemInRankOrder_ForEveryMethod()
    {
        PropertyCheck.Run(Prop.ForAll(RankingArbitraries.Candidates().ToArbitrary(), candidates =>
        {
            var set = RankingArbitraries.ToSet(candidates);
            return RankingArbitraries.Methods().All(method =>
            {
                var ranking = Prioritiser.Rank(set, method);
                var json = UsmJson.WriteRanking(ranking);
                using var document = JsonDocument.Parse(json);
                var items = document.RootElement.GetProperty("ranking").GetProperty("items").EnumerateArray().ToList();
                return json == UsmJson.WriteRanking(ranking)
                    && document.RootElement.GetProperty("kind").GetString() == "ranking"
                    && items.Count == ranking.Count
                    && items.Select((e, i) => e.GetProperty("id").GetString() == ranking.Items[i].Id
                        && e.GetProperty("rank").GetInt32() == ranking.Items[i].Rank
                        && e.GetProperty("score").GetDouble().Equals(ranking.Items[i].Score)
                        && e.GetProperty("explanation").GetProperty("summary").GetString() == ranking.Items[i].Explanation.Summary).All(ok => ok);
            });
        }), maxTest: 100);
    }

    internal static bool Same(ImprovementProgramme a, ImprovementProgramme b) =>
        a.Id == b.Id && a.Name == b.Name && a.BaselineScanId == b.BaselineScanId && a.SoundingBoardMemberIds.SequenceEqual(b.SoundingBoardMemberIds)
        && a.MissingResourceSeverity == b.MissingResourceSeverity && a.Agreement?.AgreedOn == b.Agreement?.AgreedOn && a.Agreement?.Mechanism.Name == b.Agreement?.Mechanism.Name
        && a.Sprints.Length == b.Sprints.Length && a.Sprints.Zip(b.Sprints).All(p => SameSprint(p.First, p.Second));

    private static bool SameSprint(ImprovementSprint a, ImprovementSprint b) =>
        a.Number == b.Number && a.Period == b.Period && a.Capacity == b.Capacity && a.Items.SequenceEqual(b.Items) && a.CoveredResources.SequenceEqual(b.CoveredResources)
        && a.MechanismName == b.MechanismName && a.Findings.Findings.SequenceEqual(b.Findings.Findings) && a.Status == b.Status
        && a.Outcomes.SequenceEqual(b.Outcomes) && a.CancelReason == b.CancelReason;

    private static void AssertSame(ImprovementProgramme expected, ImprovementProgramme actual) => Assert.True(Same(expected, actual), $"{expected}\n≠\n{actual}");

    private sealed class CoinToss : IPrioritisationMechanism
    {
        public string Name => "coin toss";

        public IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks) => [.. openRisks.Select((r, i) => new RiskPriority(r.Id, i + 1, 0, "heads"))];
    }
}
