using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using Usm.Model.Improvement;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>
/// The risk database reader's optimistic fast path and the streaming writer: the fast path must never change what a
/// reader returns (the same database, or exactly the same errors), and the writer must write the same bytes as
/// serializing the whole document DTO.
/// </summary>
public class RiskDatabaseJsonFastPathTests
{
    private static readonly FixedClock s_clock = FixedClock.At(2027, 1, 1);

    private static readonly ReaderOptions[] s_options =
        [ReaderOptions.Default, ReaderOptions.Default.WithStrict(true), new(maxStringLength: 400, maxCollectionItems: 16, maxDepth: 8), new(maxDepth: 7, maxStringLength: 40, maxCollectionItems: 3)];

    // The document as the writer produced it before streaming: the complete DTO graph, serialized in one call.
    private static string WriteWholeDocument(RiskDatabase db) => JsonSerializer.Serialize(
        new RiskDatabaseDocumentDto
        {
            FormatVersion = UsmJson.FormatVersion,
            Kind = "risk-database",
            RiskDatabase = new RiskDatabaseDto { Events = [.. db.Events.Select(RiskDatabaseMapper.ToDto)] },
        },
        UsmJsonContext.Writer.RiskDatabaseDocumentDto);

    private static string Describe(ReadResult<RiskDatabase> result) =>
        result.IsSuccess ? "ok:" + UsmJson.WriteRiskDatabase(result.Value) : "errors:" + string.Join("\n", result.Errors);

    // Identical behaviour: the same database (written identically) or the same errors, in the same order.
    private static bool Same(ReadResult<RiskDatabase> a, ReadResult<RiskDatabase> b) => Describe(a) == Describe(b);

    [Fact]
    public void StreamingWriter_WritesTheSameBytesAsTheWholeDocument()
    {
        PropertyCheck.Run(Prop.ForAll(RiskSerializationArbitraries.Database(), db => UsmJson.WriteRiskDatabase(db) == WriteWholeDocument(db)), maxTest: 200);
    }

    [Fact]
    public void StreamingWriter_EmptyDatabase_MatchesTheWholeDocument() =>
        Assert.Equal(WriteWholeDocument(new RiskDatabase(s_clock)), UsmJson.WriteRiskDatabase(new RiskDatabase(s_clock)));

    [Fact]
    public void StreamingWriter_LargeDatabase_MatchesTheWholeDocument()
    {
        // Past the writer's first buffer, so that growing the pooled buffer is exercised.
        var db = new RiskDatabase(s_clock);
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            db = db.Register(RiskSerializationArbitraries.NewRisk(random, "R-" + i), "p-1");
        }

        Assert.Equal(WriteWholeDocument(db), UsmJson.WriteRiskDatabase(db));
    }

#if !NET10_0_OR_GREATER
    [Fact]
    public void OnNet8_ThereIsNoFastPath_AndTheDiagnosticPathReads()
    {
        // System.Text.Json detects duplicate members only from .NET 10 on, so the net8.0 build always reads diagnostically.
        var text = File.ReadAllText(SerializationSamples.GoldenPath("risk-database.usm-model.json"));
        Assert.False(RiskDatabaseFastPath.Applies(ReaderOptions.Default));
        Assert.Null(RiskDatabaseFastPath.TryRead(text, s_clock, ReaderOptions.Default));
        Assert.True(UsmJson.ReadRiskDatabase(text, s_clock).IsSuccess);
    }
#endif

#if NET10_0_OR_GREATER
    [Fact]
    public void FastPath_ValidDocuments_GivesTheSameDatabaseAsTheDiagnosticPath()
    {
        PropertyCheck.Run(Prop.ForAll(RiskSerializationArbitraries.Database(), db =>
        {
            var json = UsmJson.WriteRiskDatabase(db);
            var fast = RiskDatabaseFastPath.TryRead(json, s_clock, ReaderOptions.Default);
            var diagnostic = UsmJson.ReadRiskDatabaseDiagnostic(json, s_clock);
            return fast is not null && diagnostic.IsSuccess
                && UsmJson.WriteRiskDatabase(fast) == json && UsmJson.WriteRiskDatabase(diagnostic.Value) == json
                && fast.Version == diagnostic.Value.Version && fast.Exposure == diagnostic.Value.Exposure
                && fast.Risks.OrderBy(r => r.Id, StringComparer.Ordinal).SequenceEqual(diagnostic.Value.Risks.OrderBy(r => r.Id, StringComparer.Ordinal));
        }), maxTest: 200);
    }
#endif

#if NET10_0_OR_GREATER
    [Fact]
    public void FastPath_GoldenFile_IsTaken()
    {
        var text = File.ReadAllText(SerializationSamples.GoldenPath("risk-database.usm-model.json"));

        Assert.NotNull(RiskDatabaseFastPath.TryRead(text, s_clock, ReaderOptions.Default));
        Assert.NotNull(RiskDatabaseFastPath.TryRead(Encoding.UTF8.GetBytes(text), s_clock, ReaderOptions.Default.WithStrict(true)));
    }
#endif

    [Fact]
    public void ValueMutations_ReadExactlyAsTheDiagnosticPath()
    {
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            var json = RiskJsonMutationArbitraries.Mutate(UsmJson.WriteRiskDatabase(RiskSerializationArbitraries.BuildDatabase(random)), random);
            var options = s_options[random.Next(s_options.Length)];
            return Same(UsmJson.ReadRiskDatabase(json, s_clock, options), UsmJson.ReadRiskDatabaseDiagnostic(json, s_clock, options));
        }), maxTest: 600);
    }

    [Fact]
    public void ByteAndTextMutations_ReadExactlyAsTheDiagnosticPath()
    {
        var source = UsmJson.WriteRiskDatabase(RiskDatabaseJsonTests.Sample());
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            var options = s_options[random.Next(s_options.Length)];
            var bytes = Mutations.MutateBytes(Encoding.UTF8.GetBytes(source), random);
            var text = Mutations.MutateText(source, random);
            return Same(UsmJson.ReadRiskDatabase(new MemoryStream(bytes), s_clock, options), UsmJson.ReadRiskDatabaseDiagnostic(new MemoryStream(bytes), s_clock, options))
                && Same(UsmJson.ReadRiskDatabase(text, s_clock, options), UsmJson.ReadRiskDatabaseDiagnostic(text, s_clock, options));
        }), maxTest: 300);
    }

    private const string Header = """{"format-version":1,"kind":"risk-database","risk-database":{"events":[""";
    private const string Register = """{"sequence":1,"at":"2026-03-01T09:00:00Z","actor-id":"a","kind":"registered","risk-id":"R-1","risk":{"id":"R-1","title":"T","description":"","polarity":"threat","origin":{"kind":"reported-by-person","person-id":"p"},"resources":["process"],"category":"c"},"resulting-status":"identified"}""";
    private const string Valid = Header + Register + "]}}";

    public static TheoryData<string, string> DocumentsTheFastPathRefuses() => new()
    {
        { "duplicate member", Valid.Replace("\"actor-id\":\"a\"", "\"actor-id\":\"a\",\"actor-id\":\"b\"", StringComparison.Ordinal) },
        { "unknown member", Valid.Replace("\"actor-id\":\"a\"", "\"actor-id\":\"a\",\"note\":{\"x\":[1]}", StringComparison.Ordinal) },
        { "wrong type", Valid.Replace("\"sequence\":1", "\"sequence\":\"1\"", StringComparison.Ordinal) },
        { "bad instant", Valid.Replace("2026-03-01T09:00:00Z", "yesterday", StringComparison.Ordinal) },
        { "unknown enum", Valid.Replace("\"threat\"", "\"menace\"", StringComparison.Ordinal) },
        { "blank id", Valid.Replace("\"actor-id\":\"a\"", "\"actor-id\":\" \"", StringComparison.Ordinal) },
        { "wrong status", Valid.Replace("\"identified\"", "\"closed\"", StringComparison.Ordinal) },
        { "dangling related risk", Valid.Replace("\"category\":\"c\"", "\"category\":\"c\",\"related-risk-ids\":[\"R-0\"]", StringComparison.Ordinal) },
        { "out of sequence", Valid.Replace("\"sequence\":1", "\"sequence\":2", StringComparison.Ordinal) },
        { "huge number", Header + Register + ",{\"sequence\":2,\"at\":\"2026-03-01T10:00:00Z\",\"actor-id\":\"a\",\"kind\":\"command-applied\",\"risk-id\":\"R-1\",\"command\":{\"type\":\"classify\",\"inherent\":{\"effect\":1,\"likelihood\":1,\"estimate\":{\"kind\":\"probability-and-impact\",\"probability\":0.5,\"impact\":1e400}}},\"resulting-status\":\"classified\"}]}}" },
        { "other kind", Valid.Replace("\"kind\":\"risk-database\"", "\"kind\":\"workflow\"", StringComparison.Ordinal) },
        { "newer version", Valid.Replace("\"format-version\":1", "\"format-version\":2", StringComparison.Ordinal) },
        { "truncated", Valid[..^5] },
        { "byte order mark then garbage", "\uFEFF" + Valid + "x" },
    };

    [Theory]
    [MemberData(nameof(DocumentsTheFastPathRefuses))]
    public void FailingDocuments_LeaveTheFastPath_AndReadAsToday(string what, string json)
    {
        var today = UsmJson.ReadRiskDatabaseDiagnostic(json, s_clock, ReaderOptions.Default);

        Assert.Null(RiskDatabaseFastPath.TryRead(json, s_clock, ReaderOptions.Default));
        Assert.True(Same(today, UsmJson.ReadRiskDatabase(json, s_clock)), what);
        Assert.True(Same(today, UsmJson.ReadRiskDatabase(new MemoryStream(Encoding.UTF8.GetBytes(json)), s_clock)), what);
    }

    [Fact]
    public void UnknownMemberInTolerantMode_StillReads_ThroughTheDiagnosticPath()
    {
        var json = Valid.Replace("\"actor-id\":\"a\"", "\"actor-id\":\"a\",\"note\":\"kept out\"", StringComparison.Ordinal);

        Assert.True(UsmJson.ReadRiskDatabase(json, s_clock).IsSuccess);
        Assert.Equal(ReadErrorCode.UnknownMember, Assert.Single(UsmJson.ReadRiskDatabase(json, s_clock, ReaderOptions.Default.WithStrict(true)).Errors).Code);
    }

    [Fact]
    public void StringNearTheLimit_IsDecidedByTheDiagnosticPath()
    {
        // 100 characters pass a 500-byte limit as written, but 6 × 100 could exceed it when escaped: the fast path
        // does not decide; one 600-byte escaped title does exceed it and must be reported exactly as before.
        var options = new ReaderOptions(maxStringLength: 500);
        var plain = Valid.Replace("\"title\":\"T\"", "\"title\":\"" + new string('t', 100) + "\"", StringComparison.Ordinal);
        var escaped = Valid.Replace("\"title\":\"T\"", "\"title\":\"" + string.Concat(Enumerable.Repeat("\\u0074", 100)) + "\"", StringComparison.Ordinal);

        Assert.Null(RiskDatabaseFastPath.TryRead(plain, s_clock, options));
        Assert.True(UsmJson.ReadRiskDatabase(plain, s_clock, options).IsSuccess);
        Assert.Equal(ReadErrorCode.StringTooLong, Assert.Single(UsmJson.ReadRiskDatabase(escaped, s_clock, options).Errors).Code);
    }

#if NET10_0_OR_GREATER
    [Fact]
    public void TightOptions_AlwaysTakeTheDiagnosticPath()
    {
        Assert.False(RiskDatabaseFastPath.Applies(ReaderOptions.Default.WithMaxDepth(7)));
        Assert.False(RiskDatabaseFastPath.Applies(ReaderOptions.Default.WithMaxStringLength(383)));
        Assert.False(RiskDatabaseFastPath.Applies(ReaderOptions.Default.WithMaxCollectionItems(15)));
        Assert.True(RiskDatabaseFastPath.Applies(ReaderOptions.Default));
        Assert.Null(RiskDatabaseFastPath.TryRead(Valid, s_clock, ReaderOptions.Default.WithMaxDepth(7)));
    }
#endif

#if NET10_0_OR_GREATER
    [Fact]
    public void TooManyEvents_LeaveTheFastPath_AndAreReportedAsToday()
    {
        var db = new RiskDatabase(s_clock);
        var random = new Random(3);
        for (var i = 0; i < 17; i++)
        {
            db = db.Register(RiskSerializationArbitraries.NewRisk(random, "R-" + i), "p-1");
        }

        var json = UsmJson.WriteRiskDatabase(db);
        var options = ReaderOptions.Default.WithMaxCollectionItems(16);

        Assert.NotNull(RiskDatabaseFastPath.TryRead(json, s_clock, ReaderOptions.Default.WithMaxCollectionItems(17)));

        Assert.Null(RiskDatabaseFastPath.TryRead(json, s_clock, options));
        Assert.Equal(ReadErrorCode.CollectionTooLarge, Assert.Single(UsmJson.ReadRiskDatabase(json, s_clock, options).Errors).Code);
    }
#endif
}
