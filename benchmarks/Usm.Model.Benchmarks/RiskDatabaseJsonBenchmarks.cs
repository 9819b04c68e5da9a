using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Usm.Model.Improvement;
using Usm.Model.Serialization;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Writing and reading a risk database of N risks as JSON (issue 9, target 6): <see cref="UsmJson"/> against raw
/// System.Text.Json on plain DTO records that produce the same document (same members, names, indentation and
/// null handling) through a source-generated context. Target: each ≤ 1.5× its raw baseline. The library's reader
/// also checks every member, reports paths and replays the event log into an immutable database; the raw reader
/// only materialises the records.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RiskDatabaseJsonBenchmarks
{
    // The default limits (16 MiB, 10,000 items per collection) guard against hostile input; a 100,000-risk log needs more.
    private static readonly ReaderOptions s_large = new(maxDocumentBytes: 1L << 30, maxCollectionItems: 10_000_000);
    private RiskDatabase _db = null!;
    private PlainRiskDocument _plain = null!;
    private string _json = string.Empty;
    private string _plainJson = string.Empty;

    /// <summary>The number of risks in the database (one registration event each).</summary>
    [ParamsSource(nameof(Sizes))]
    public int N;

    /// <summary>100,000 risks in a full run; 1,000 in the CI smoke run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var db = new RiskDatabase(new RiskDatabaseBenchmarks.ConstantClock());
        foreach (var risk in RiskDatabaseBenchmarks.MakeRisks(N))
        {
            db = db.Register(risk, "p-1");
        }

        _db = db;
        _json = UsmJson.WriteRiskDatabase(db);
        _plain = JsonSerializer.Deserialize(_json, PlainJsonContext.Default.PlainRiskDocument)!;
        _plainJson = JsonSerializer.Serialize(_plain, PlainJsonContext.Default.PlainRiskDocument);
        if (_plainJson != _json)
        {
            throw new InvalidOperationException("The plain DTOs do not write the same document as UsmJson: the baseline would not be equivalent.");
        }

        if (ReadUsmJson() != N)
        {
            throw new InvalidOperationException("UsmJson did not read back every risk.");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public int WritePlainDtos() => JsonSerializer.Serialize(_plain, PlainJsonContext.Default.PlainRiskDocument).Length;

    [Benchmark]
    [BenchmarkCategory("Write")]
    public int WriteUsmJson() => UsmJson.WriteRiskDatabase(_db).Length;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public int ReadPlainDtos() => JsonSerializer.Deserialize(_plainJson, PlainJsonContext.Default.PlainRiskDocument)!.RiskDatabase.Events.Count;

    [Benchmark]
    [BenchmarkCategory("Read")]
    public int ReadUsmJson() => UsmJson.ReadRiskDatabase(_json, new RiskDatabaseBenchmarks.ConstantClock(), s_large).Value.Count;
}

/// <summary>The document, as plain records.</summary>
public sealed record PlainRiskDocument(int FormatVersion, string Kind, PlainRiskDatabase RiskDatabase);

/// <summary>The event log.</summary>
public sealed record PlainRiskDatabase(List<PlainRiskEvent> Events);

/// <summary>One registration event; <c>At</c> stays the ISO text it is written as.</summary>
public sealed record PlainRiskEvent(int Sequence, string At, string ActorId, string Kind, string RiskId, PlainRisk? Risk, string ResultingStatus);

/// <summary>A registered risk.</summary>
public sealed record PlainRisk(
    string Id,
    string Title,
    string Description,
    string Polarity,
    PlainOrigin Origin,
    List<string> Resources,
    string Category,
    List<string> ServiceIds,
    List<string> MicIds,
    List<string>? RelatedRiskIds);

/// <summary>Where a risk came from.</summary>
public sealed record PlainOrigin(string Kind, string? PersonId, string? CallId, string? ScanId, string? ScanItemId);

/// <summary>The same naming, indentation and null handling as the library's own context.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
[JsonSerializable(typeof(PlainRiskDocument))]
internal sealed partial class PlainJsonContext : JsonSerializerContext;
