using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Usm.Model.Serialization;

/// <summary>
/// The source-generated serialization context: every type this library writes or reads with System.Text.Json is
/// listed here, and every call passes the generated type information, so no reflection-based serialization runs
/// and the package stays trim- and AOT-clean.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
[JsonSerializable(typeof(WifWorkflowDto))]
[JsonSerializable(typeof(WorkflowDocumentDto))]
[JsonSerializable(typeof(RiskDatabaseDocumentDto))]
[JsonSerializable(typeof(ManagementSystemDocumentDto))]
[JsonSerializable(typeof(InstrumentDocumentDto))]
[JsonSerializable(typeof(ScanDocumentDto))]
[JsonSerializable(typeof(ProgrammeDocumentDto))]
[JsonSerializable(typeof(RankingDocumentDto))]
[JsonSerializable(typeof(AhpResultDocumentDto))]
[JsonSerializable(typeof(BordaResultDocumentDto))]
[JsonSerializable(typeof(SchulzeResultDocumentDto))]
[JsonSerializable(typeof(SprintSelectionDocumentDto))]
[JsonSerializable(typeof(AhpSynthesisDocumentDto))]
[JsonSerializable(typeof(KanoSurveyDocumentDto))]
[JsonSerializable(typeof(PairwiseComparisonsDocumentDto))]
[JsonSerializable(typeof(RankedBallotsDocumentDto))]
[JsonSerializable(typeof(KanoResultDocumentDto))]
[JsonSerializable(typeof(BradleyTerryResultDocumentDto))]
[JsonSerializable(typeof(PlackettLuceResultDocumentDto))]
[JsonSerializable(typeof(ElectreResultDocumentDto))]
[JsonSerializable(typeof(ParetoResultDocumentDto))]
internal sealed partial class UsmJsonContext : JsonSerializerContext
{
    /// <summary>The depth limit of the fast-path binder; no document of the format nests deeper than this.</summary>
    public const int FastReadMaxDepth = 16;

    /// <summary>Gets the context for writing and binding (indented, LF line ends, non-ASCII letters unescaped; unknown members are skipped when binding, strict mode is checked before binding).</summary>
    public static UsmJsonContext Writer { get; } = new(CreateOptions(fastRead: false));

#if NET10_0_OR_GREATER
    /// <summary>
    /// Gets the context for the readers' optimistic fast path: the same contract, but binding fails on any member that
    /// is not part of the format and on any member that appears twice, so that a document it accepts holds nothing the
    /// diagnostic path's checks would not also see in the bound DTOs. Available on net10.0 only (duplicate detection
    /// needs .NET 10).
    /// </summary>
    public static UsmJsonContext FastReader { get; } = new(CreateOptions(fastRead: true));
#endif

    /// <summary>Gets the writer settings that match <see cref="Writer"/>'s layout, for documents streamed through a <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = ReaderOptions.MaxConfigurableDepth + 1,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    private static JsonSerializerOptions CreateOptions(bool fastRead)
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = ReaderOptions.MaxConfigurableDepth + 1,
        };
#if NET9_0_OR_GREATER
        options.NewLine = "\n";
#endif
        if (fastRead)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.MaxDepth = FastReadMaxDepth;
#if NET10_0_OR_GREATER
            options.AllowDuplicateProperties = false;
#endif
        }

        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new DateIntervalJsonConverter());
        return options;
    }
}
