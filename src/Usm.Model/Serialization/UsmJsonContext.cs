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
internal sealed partial class UsmJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context for writing and binding (indented, LF line ends, non-ASCII letters unescaped; unknown members are skipped when binding, strict mode is checked before binding).</summary>
    public static UsmJsonContext Writer { get; } = new(CreateOptions());

    private static JsonSerializerOptions CreateOptions()
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
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new DateIntervalJsonConverter());
        return options;
    }
}
