using System.Text;
using FsCheck.Fluent;
using Usm.Model.Improvement;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

public class RiskDatabaseJsonTests
{
    private static readonly FixedClock s_clock = FixedClock.At(2027, 1, 1);

    private static readonly Lazy<RiskDatabase> s_sample = new(() =>
        Enumerable.Range(1, 10_000).Select(seed => RiskSerializationArbitraries.BuildDatabase(new Random(seed)))
            .First(db => db.Events.Where(e => e.Command is not null).Select(e => e.Command!.Name).Distinct().Count() >= 8));

    // The first generated database whose log uses at least 8 kinds of command (deterministic: seeds 1, 2, 3, …).
    internal static RiskDatabase Sample() => s_sample.Value;

    private static bool SameLog(RiskDatabase a, RiskDatabase b) =>
        a.Version == b.Version
        && a.Events.Zip(b.Events).All(p => p.First.Sequence == p.Second.Sequence && p.First.At == p.Second.At && p.First.ActorId == p.Second.ActorId
            && p.First.Kind == p.Second.Kind && p.First.RiskId == p.Second.RiskId && Equals(p.First.Registered, p.Second.Registered)
            && p.First.ResultingStatus == p.Second.ResultingStatus && p.First.Command?.Name == p.Second.Command?.Name)
        && a.Risks.OrderBy(r => r.Id, StringComparer.Ordinal).SequenceEqual(b.Risks.OrderBy(r => r.Id, StringComparer.Ordinal));

    [Fact]
    public void Sample_CoversEveryCommandKind()
    {
        var names = Sample().Events.Where(e => e.Command is not null).Select(e => e.Command!.Name).ToHashSet();

        Assert.True(names.Count >= 8, string.Join(", ", names));
    }

    [Fact]
    public void WriteRiskDatabase_MatchesGoldenFile() =>
        SerializationSamples.AssertGolden("risk-database.usm-model.json", UsmJson.WriteRiskDatabase(Sample()));

    [Fact]
    public void ReadRiskDatabase_GoldenFile_ReplaysTheSameDatabase()
    {
        var result = UsmJson.ReadRiskDatabase(File.ReadAllText(SerializationSamples.GoldenPath("risk-database.usm-model.json")), s_clock);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.True(SameLog(Sample(), result.Value));
    }

    [Fact]
    public void ModelToJsonToModel_IsEqual()
    {
        PropertyCheck.Run(Prop.ForAll(RiskSerializationArbitraries.Database(), db =>
        {
            var result = UsmJson.ReadRiskDatabase(UsmJson.WriteRiskDatabase(db), s_clock);
            return result.IsSuccess && SameLog(db, result.Value);
        }), maxTest: 100);
    }

    [Fact]
    public void JsonToModelToJson_IsStable()
    {
        PropertyCheck.Run(Prop.ForAll(RiskSerializationArbitraries.Database(), db =>
        {
            var json = UsmJson.WriteRiskDatabase(db);
            return UsmJson.WriteRiskDatabase(UsmJson.ReadRiskDatabase(json, s_clock).Value) == json;
        }), maxTest: 100);
    }

    private const string Header = """{"format-version":1,"kind":"risk-database","risk-database":{"events":[""";
    private const string Register = """{"sequence":1,"at":"2026-03-01T09:00:00Z","actor-id":"a","kind":"registered","risk-id":"R-1","risk":{"id":"R-1","title":"T","description":"","polarity":"threat","origin":{"kind":"reported-by-person","person-id":"p"},"resources":["process"],"category":"c"},"resulting-status":"identified"}""";

    [Fact]
    public void DuplicateRiskIds_AreReported()
    {
        var second = Register.Replace("\"sequence\":1", "\"sequence\":2", StringComparison.Ordinal);
        var error = Assert.Single(UsmJson.ReadRiskDatabase(Header + Register + "," + second + "]}}", s_clock).Errors);

        Assert.Equal((ReadErrorCode.DuplicateId, "$.risk-database.events[1].risk-id"), (error.Code, error.Path));
    }

    [Fact]
    public void CommandOnAnUnknownRisk_IsADanglingReference()
    {
        const string Command = """{"sequence":2,"at":"2026-03-01T10:00:00Z","actor-id":"a","kind":"command-applied","risk-id":"R-9","command":{"type":"fulfil"},"resulting-status":"fulfilled"}""";

        var error = Assert.Single(UsmJson.ReadRiskDatabase(Header + Register + "," + Command + "]}}", s_clock).Errors);

        Assert.Equal((ReadErrorCode.DanglingReference, "$.risk-database.events[1].risk-id"), (error.Code, error.Path));
    }

    [Fact]
    public void UnregisteredRelatedRisk_IsADanglingReference()
    {
        var json = Header + Register.Replace("\"category\":\"c\"", "\"category\":\"c\",\"related-risk-ids\":[\"R-0\"]", StringComparison.Ordinal) + "]}}";

        var error = Assert.Single(UsmJson.ReadRiskDatabase(json, s_clock).Errors);

        Assert.Equal((ReadErrorCode.DanglingReference, "$.risk-database.events[0].risk.related-risk-ids[0]"), (error.Code, error.Path));
    }

    [Fact]
    public void ImpactAboveTheBound_IsReportedAtTheImpact()
    {
        var golden = UsmJson.WriteRiskDatabase(Sample());
        const string Impact = "\"impact\": 134544.85714285713";
        Assert.Contains(Impact, golden, StringComparison.Ordinal);

        var errors = UsmJson.ReadRiskDatabase(golden.Replace(Impact, "\"impact\": 1e16", StringComparison.Ordinal), s_clock).Errors;

        var error = Assert.Single(errors);
        // Since the schemas state the bound (maximum 10^15), the reader reports it at the member, as a schema validator does.
        Assert.Equal(ReadErrorCode.NumberOutOfRange, error.Code);
        Assert.EndsWith(".command.residual.estimate.impact", error.Path, StringComparison.Ordinal);
        Assert.Contains("but was 10000000000000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IllegalTransition_IsReportedAtTheEvent()
    {
        const string Command = """{"sequence":2,"at":"2026-03-01T10:00:00Z","actor-id":"a","kind":"command-applied","risk-id":"R-1","command":{"type":"fulfil"},"resulting-status":"fulfilled"}""";

        var error = Assert.Single(UsmJson.ReadRiskDatabase(Header + Register + "," + Command + "]}}", s_clock).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, "$.risk-database.events[1]"), (error.Code, error.Path));
    }

    [Fact]
    public void BadValues_AreAllReported()
    {
        var json = Header + Register.Replace("\"polarity\":\"threat\"", "\"polarity\":\"menace\"", StringComparison.Ordinal)
            .Replace("\"resources\":[\"process\"]", "\"resources\":[\"money\"]", StringComparison.Ordinal)
            .Replace("\"at\":\"2026-03-01T09:00:00Z\"", "\"at\":\"yesterday\"", StringComparison.Ordinal) + "]}}";

        var errors = UsmJson.ReadRiskDatabase(json, s_clock).Errors;

        Assert.Equal([("$.risk-database.events[0].at", ReadErrorCode.InvalidValue)], errors.Select(e => (e.Path, e.Code)));
        var fixedAt = json.Replace("yesterday", "2026-03-01T09:00:00Z", StringComparison.Ordinal);
        Assert.Equal(
            [("$.risk-database.events[0].risk.polarity", ReadErrorCode.UnknownEnumValue), ("$.risk-database.events[0].risk.resources[0]", ReadErrorCode.UnknownEnumValue)],
            UsmJson.ReadRiskDatabase(fixedAt, s_clock).Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void NaNAndHugeNumbers_AreReported()
    {
        var json = UsmJson.WriteRiskDatabase(Sample());
        var huge = System.Text.RegularExpressions.Regex.Replace(json, "\"cost\": [0-9.E+-]+", "\"cost\": 1e400", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5));

        var errors = UsmJson.ReadRiskDatabase(huge, s_clock).Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(ReadErrorCode.NumberOutOfRange, e.Code));
        Assert.All(errors, e => Assert.EndsWith(".business-case.cost", e.Path, StringComparison.Ordinal));
        Assert.Equal(ReadErrorCode.Syntax, Assert.Single(UsmJson.ReadRiskDatabase(huge.Replace("1e400", "NaN", StringComparison.Ordinal), s_clock).Errors).Code);
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        var source = UsmJson.WriteRiskDatabase(Sample());
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            using var stream = new MemoryStream(Mutations.MutateBytes(Encoding.UTF8.GetBytes(source), random));
            var fromBytes = UsmJson.ReadRiskDatabase(stream, s_clock);
            var fromText = UsmJson.ReadRiskDatabase(Mutations.MutateText(source, random), s_clock);
            return (fromBytes.IsSuccess || !fromBytes.Errors.IsEmpty) && (fromText.IsSuccess || !fromText.Errors.IsEmpty);
        }), maxTest: 150);
    }
}
