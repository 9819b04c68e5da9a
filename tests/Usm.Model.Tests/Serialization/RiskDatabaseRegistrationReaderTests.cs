// The fast path exists on net10.0 only (net8.0 always reads diagnostically; RiskDatabaseJsonFastPathTests checks that).
#if NET10_0_OR_GREATER
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using Usm.Model.Improvement;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>
/// The fast path's member-by-member reader of registration events: it reads the writer's shape in any member order,
/// and hands anything else back to the DTO binder, so that what a reader returns never changes.
/// </summary>
public class RiskDatabaseRegistrationReaderTests
{
    private static readonly FixedClock s_clock = FixedClock.At(2027, 1, 1);

    private const string Header = """{"format-version":1,"kind":"risk-database","risk-database":{"events":[""";
    private const string Register = """{"sequence":1,"at":"2026-03-01T09:00:00Z","actor-id":"a","kind":"registered","risk-id":"R-1","risk":{"id":"R-1","title":"T","description":"","polarity":"threat","origin":{"kind":"reported-by-person","person-id":"p"},"resources":["people","process"],"category":"c","service-ids":["s-1","s-2"],"mic-ids":[]},"resulting-status":"identified"}""";
    private const string Valid = Header + Register + "]}}";

    private static string Describe(ReadResult<RiskDatabase> result) =>
        result.IsSuccess ? "ok:" + UsmJson.WriteRiskDatabase(result.Value) : "errors:" + string.Join("\n", result.Errors);

    // Every object's members in a random order (the writer's order is not part of the format).
    private static string Shuffle(string json, Random random)
    {
        static JsonNode? Reorder(JsonNode? node, Random random) => node switch
        {
            JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Reorder(p.Value?.DeepClone(), random))).OrderBy(_ => random.Next()).ToList()),
            JsonArray a => new JsonArray([.. a.Select(e => Reorder(e?.DeepClone(), random))]),
            _ => node,
        };

        return Reorder(JsonNode.Parse(json), random)!.ToJsonString();
    }

    [Fact]
    public void MembersInAnyOrder_ReadOnTheFastPath_AsTheDiagnosticPathReadsThem()
    {
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            var json = Shuffle(UsmJson.WriteRiskDatabase(RiskSerializationArbitraries.BuildDatabase(random)), random);
            var fast = RiskDatabaseFastPath.TryRead(json, s_clock, ReaderOptions.Default);
            var diagnostic = UsmJson.ReadRiskDatabaseDiagnostic(json, s_clock);
            return fast is not null && Describe(ReadResult<RiskDatabase>.Success(fast)) == Describe(diagnostic);
        }), maxTest: 200);
    }

    public static TheoryData<string, string, bool> OtherShapes() => new()
    {
        // description, document, whether it is valid
        { "as written", Valid, true },
        { "escaped member name", Valid.Replace("\"actor-id\"", "\"actor\\u002did\"", StringComparison.Ordinal), true },
        { "escaped value", Valid.Replace("\"category\":\"c\"", "\"category\":\"\\u0063\"", StringComparison.Ordinal), true },
        { "escaped instant", Valid.Replace("09:00:00Z", "09:00:00\\u005A", StringComparison.Ordinal), true },
        { "instant with trailing zeros", Valid.Replace("09:00:00Z", "09:00:00.500Z", StringComparison.Ordinal), true },
        { "instant with an offset", Valid.Replace("09:00:00Z", "11:00:00+02:00", StringComparison.Ordinal), true },
        { "no description or lists", Valid.Replace("\"description\":\"\",", "", StringComparison.Ordinal).Replace(",\"service-ids\":[\"s-1\",\"s-2\"],\"mic-ids\":[]", "", StringComparison.Ordinal), true },
        { "unsorted duplicated ids", Valid.Replace("[\"s-1\",\"s-2\"]", "[\"s-2\",\"s-1\",\"s-2\"]", StringComparison.Ordinal), true },
        { "unsorted resources", Valid.Replace("[\"people\",\"process\"]", "[\"process\",\"people\",\"process\"]", StringComparison.Ordinal), true },
        { "origin with another kind's id", Valid.Replace("\"person-id\":\"p\"", "\"person-id\":\"p\",\"call-id\":\"C-1\"", StringComparison.Ordinal), true },
        { "null description", Valid.Replace("\"description\":\"\"", "\"description\":null", StringComparison.Ordinal), true },
        { "null service ids", Valid.Replace("[\"s-1\",\"s-2\"]", "null", StringComparison.Ordinal), true },
        { "null in ids", Valid.Replace("[\"s-1\",\"s-2\"]", "[\"s-1\",null]", StringComparison.Ordinal), false },
        { "blank id in ids", Valid.Replace("[\"s-1\",\"s-2\"]", "[\"s-1\",\" \"]", StringComparison.Ordinal), false },
        { "no resources", Valid.Replace("[\"people\",\"process\"]", "[]", StringComparison.Ordinal), false },
        { "duplicate risk member", Valid.Replace("\"title\":\"T\"", "\"title\":\"T\",\"title\":\"U\"", StringComparison.Ordinal), false },
        { "unknown origin member", Valid.Replace("\"person-id\":\"p\"", "\"person-id\":\"p\",\"x\":1", StringComparison.Ordinal), true },
        { "sequence as text", Valid.Replace("\"sequence\":1", "\"sequence\":\"1\"", StringComparison.Ordinal), false },
        { "sequence 1.0", Valid.Replace("\"sequence\":1", "\"sequence\":1.0", StringComparison.Ordinal), false },
        { "title a number", Valid.Replace("\"title\":\"T\"", "\"title\":7", StringComparison.Ordinal), false },
        { "registration with a command", Valid.Replace("\"resulting-status\"", "\"command\":{\"type\":\"fulfil\"},\"resulting-status\"", StringComparison.Ordinal), true },
        { "self related", Valid.Replace("\"mic-ids\":[]", "\"mic-ids\":[],\"related-risk-ids\":[\"R-1\"]", StringComparison.Ordinal), false },
        { "risk id differs", Valid.Replace("\"risk-id\":\"R-1\"", "\"risk-id\":\"R-2\"", StringComparison.Ordinal), false },
        { "no resulting status", Valid.Replace(",\"resulting-status\":\"identified\"", "", StringComparison.Ordinal), false },
    };

    [Theory]
    [MemberData(nameof(OtherShapes))]
    public void OtherShapes_ReadExactlyAsTheDiagnosticPath(string what, string json, bool valid)
    {
        var diagnostic = UsmJson.ReadRiskDatabaseDiagnostic(json, s_clock);

        Assert.True(valid == diagnostic.IsSuccess, what + ": " + Describe(diagnostic));
        Assert.Equal(Describe(diagnostic), Describe(UsmJson.ReadRiskDatabase(json, s_clock)));
        Assert.Equal(Describe(diagnostic), Describe(UsmJson.ReadRiskDatabase(new MemoryStream(Encoding.UTF8.GetBytes(json)), s_clock)));
        // A valid document of the format's own members stays on the fast path, whichever reader takes its events.
        var fast = RiskDatabaseFastPath.TryRead(json, s_clock, ReaderOptions.Default);
        Assert.True((valid && !what.StartsWith("unknown", StringComparison.Ordinal)) == fast is not null, what);
    }

    [Fact]
    public void RepeatedValues_AreReadAsOneCopy()
    {
        var second = Register.Replace("\"sequence\":1", "\"sequence\":2", StringComparison.Ordinal).Replace("R-1", "R-2", StringComparison.Ordinal);
        var db = RiskDatabaseFastPath.TryRead(Header + Register + "," + second + "]}}", s_clock, ReaderOptions.Default)!;

        var (a, b) = (db.Get("R-1"), db.Get("R-2"));
        Assert.Same(a.Category, b.Category);
        Assert.Same(a.ServiceIds[0], b.ServiceIds[0]);
        Assert.Same(db.Events[0].ActorId, db.Events[1].ActorId);
        Assert.Same(a.Id, db.Events[0].RiskId);
        Assert.Same(a.Origin, b.Origin);
        Assert.Same(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(a.Resources), System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(b.Resources));
        Assert.Equal(UsmJson.ReadRiskDatabaseDiagnostic(Header + Register + "," + second + "]}}", s_clock).Value.Risks, db.Risks);
    }

    [Fact]
    public void OneIdLists_AreShared_AndLongerOnesAreNot()
    {
        var one = Valid.Replace("[\"s-1\",\"s-2\"]", "[\"s-1\"]", StringComparison.Ordinal);
        var second = one[Header.Length..^3].Replace("\"sequence\":1", "\"sequence\":2", StringComparison.Ordinal).Replace("R-1", "R-2", StringComparison.Ordinal);
        var third = Register.Replace("\"sequence\":1", "\"sequence\":3", StringComparison.Ordinal).Replace("R-1", "R-3", StringComparison.Ordinal);
        var fourth = third.Replace("\"sequence\":3", "\"sequence\":4", StringComparison.Ordinal).Replace("R-3", "R-4", StringComparison.Ordinal);
        var json = one[..^3] + "," + second + "," + third + "," + fourth + "]}}";

        var db = RiskDatabaseFastPath.TryRead(json, s_clock, ReaderOptions.Default)!;

        static string[] Array(Risk r) => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(r.ServiceIds)!;
        Assert.Same(Array(db.Get("R-1")), Array(db.Get("R-2")));
        Assert.NotSame(Array(db.Get("R-3")), Array(db.Get("R-4")));
        Assert.Equal(UsmJson.ReadRiskDatabaseDiagnostic(json, s_clock).Value.Risks, db.Risks);
    }

    [Fact]
    public void MoreDistinctValuesThanThePoolHolds_ReadAsTheDiagnosticPathReadsThem()
    {
        // 5,000 distinct categories, people and services: past the pool's 4,096 strings and origins.
        var db = new RiskDatabase(s_clock);
        for (var i = 0; i < 5_000; i++)
        {
            db = db.Register(new Risk("R-" + i, "T", "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p-" + i), [Resource.People], "c-" + i, ["s-" + i]), "a-" + (i % 7));
        }

        var json = UsmJson.WriteRiskDatabase(db);
        var fast = RiskDatabaseFastPath.TryRead(json, s_clock, ReaderOptions.Default.WithMaxCollectionItems(5_000))!;

        Assert.Equal(json, UsmJson.WriteRiskDatabase(fast));
        Assert.Equal(db.Risks, fast.Risks);
    }

    [Fact]
    public void LongStringsPastThePool_ReadAsWritten()
    {
        var category = new string('k', 200);
        var json = Valid.Replace("\"category\":\"c\"", "\"category\":\"" + category + "\"", StringComparison.Ordinal);

        Assert.Equal(category, RiskDatabaseFastPath.TryRead(json, s_clock, ReaderOptions.Default)!.Get("R-1").Category);
    }
}
#endif
