using System.Collections.Immutable;
using System.Text.Json;
using Usm.Model.Serialization;

namespace Usm.Cli.Inputs;

/// <summary>The kinds of document the tool reads, told apart by their content (not by the file name).</summary>
internal enum InputKind
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>A library document with <c>"kind": "management-system"</c>.</summary>
    ManagementSystem,

    /// <summary>A library document with <c>"kind": "risk-database"</c>.</summary>
    RiskDatabase,

    /// <summary>A library document with <c>"kind": "workflow"</c>.</summary>
    Workflow,

    /// <summary>A USM-WIF document (it has <c>usm-wif-version</c>).</summary>
    Wif,

    /// <summary>A risk register CSV (anything that is not JSON and has a header row).</summary>
    RegisterCsv,

    /// <summary>A library document with <c>"kind": "scan"</c>.</summary>
    Scan,

    /// <summary>A library document with <c>"kind": "instrument"</c>.</summary>
    Instrument,
}

/// <summary>
/// A file that could not be read: the message names the file and the first error (its JSON path or line and column);
/// <see cref="Errors"/> holds all of them for <c>--format json</c>.
/// </summary>
internal sealed class CliReadException(string file, ImmutableArray<ReadError> errors)
    : CliException(Describe(file, errors))
{
    public string File { get; } = file;

    public ImmutableArray<ReadError> Errors { get; } = errors;

    private static string Describe(string file, ImmutableArray<ReadError> errors)
    {
        var first = errors[0];
        var where = first.Line is { } line ? $"line {line}, column {first.Column} ({first.Path})" : first.Path;
        var more = errors.Length > 1 ? $" (and {errors.Length - 1} more; --format json lists them all)" : string.Empty;
        return $"{file}: {where}: {first.Message}{more}";
    }
}

/// <summary>Reading input files through the library's readers, with user errors that name the file.</summary>
internal static class InputFiles
{
    /// <summary>Detects the kind of a document from its content: <c>format-version</c>/<c>kind</c> or <c>usm-wif-version</c>.</summary>
    public static InputKind Detect(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            return InputKind.Unknown;
        }

        if (trimmed[0] != '{' && trimmed[0] != '[')
        {
            return InputKind.RegisterCsv;
        }

        try
        {
            // Only a peek at two top-level members; the library's readers do the real reading.
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 256 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return InputKind.Unknown;
            }

            if (doc.RootElement.TryGetProperty("usm-wif-version", out _))
            {
                return InputKind.Wif;
            }

            if (doc.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String)
            {
                return kind.GetString() switch
                {
                    "management-system" => InputKind.ManagementSystem,
                    "risk-database" => InputKind.RiskDatabase,
                    "workflow" => InputKind.Workflow,
                    "scan" => InputKind.Scan,
                    "instrument" => InputKind.Instrument,
                    _ => InputKind.Unknown,
                };
            }

            // An object that is not a library document is read as USM-WIF: the importer also accepts draft-style
            // documents (without usm-wif-version) and reports what it cannot use.
            return doc.RootElement.TryGetProperty("format-version", out _) ? InputKind.Unknown : InputKind.Wif;
        }
        catch (JsonException)
        {
            return InputKind.Unknown;
        }
    }

    /// <summary>Reads a file and detects its kind; malformed JSON becomes a read error with its line and column.</summary>
    public static (string Text, InputKind Kind) ReadAndDetect(string path, params InputKind[] accepted)
    {
        var text = Files.ReadAllText(path);
        var kind = Detect(text);

        // A .json file whose content does not start an object or array (null, a number, a string) is not a CSV
        // register, whatever its first character says.
        if (kind == InputKind.RegisterCsv && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"{path}: a .json file whose content is not a JSON object (expected {Describe(accepted)}).");
        }

        if (kind == InputKind.Unknown)
        {
            var trimmed = text.AsSpan().TrimStart();
            if (!trimmed.IsEmpty && trimmed[0] is '{' or '[')
            {
                // The WIF importer is lenient (draft-style documents, comments, trailing commas): if it reads the file, it is WIF.
                if (UsmWif.Import(text).IsSuccess)
                {
                    return Accept(path, text, InputKind.Wif, accepted);
                }

                // Let a library reader report the syntax error (line, column and path) exactly as it sees it.
                var probe = UsmJson.ReadWorkflow(text);
                if (!probe.IsSuccess && probe.Errors.Any(e => e.Code is ReadErrorCode.Syntax or ReadErrorCode.InvalidUtf8 or ReadErrorCode.DepthExceeded))
                {
                    throw new CliReadException(path, probe.Errors);
                }
            }

            throw new CliException($"{path}: not a document this tool reads (expected {Describe(accepted)}).");
        }

        return Accept(path, text, kind, accepted);
    }

    private static (string Text, InputKind Kind) Accept(string path, string text, InputKind kind, InputKind[] accepted) =>
        accepted.Length > 0 && !accepted.Contains(kind)
            ? throw new CliException($"{path}: this is a {Name(kind)}, but the command expects {Describe(accepted)}.")
            : (text, kind);

    /// <summary>The value of a read result, or a <see cref="CliReadException"/> naming the file and the errors.</summary>
    public static T Unwrap<T>(string path, ReadResult<T> result)
        where T : class =>
        result.IsSuccess ? result.Value : throw new CliReadException(path, result.Errors);

    public static string Name(InputKind kind) => kind switch
    {
        InputKind.ManagementSystem => "management-system JSON",
        InputKind.RiskDatabase => "risk-database JSON",
        InputKind.Workflow => "library workflow JSON",
        InputKind.Wif => "USM-WIF workflow",
        InputKind.RegisterCsv => "risk register CSV",
        InputKind.Scan => "scan JSON",
        InputKind.Instrument => "instrument JSON",
        _ => "unknown document",
    };

    private static string Describe(InputKind[] accepted) =>
        accepted.Length == 0 ? "a USM document" : string.Join(" or ", accepted.Select(Name));
}
