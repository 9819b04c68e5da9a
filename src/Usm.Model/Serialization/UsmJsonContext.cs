using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Usm.Model.Serialization;

/// <summary>
/// The source-generated serialization context: every type this library writes or reads with System.Text.Json is
/// listed here, and every call passes the generated type information, so no reflection-based serialization runs
/// and the package stays trim- and AOT-clean.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(WifWorkflowDto))]
internal sealed partial class UsmJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context for writing (indented, LF line ends, non-ASCII letters unescaped).</summary>
    public static UsmJsonContext Writer { get; } = new(CreateOptions(strict: false));

    /// <summary>Gets the tolerant reading context (unknown members ignored).</summary>
    public static UsmJsonContext Tolerant => Writer;

    /// <summary>Gets the strict reading context (unknown members are errors).</summary>
    public static UsmJsonContext Strict { get; } = new(CreateOptions(strict: true));

    private static JsonSerializerOptions CreateOptions(bool strict)
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
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
