using System.Globalization;
using System.Text.Json;
using Usm.Model.Internal;

namespace Usm.Model.Serialization;

/// <summary>
/// Collects errors while walking a parsed document, and offers typed accessors that report a wrong type, a missing
/// member or an out-of-range number at the value's JSONPath instead of throwing.
/// </summary>
internal sealed class JsonReadContext(ReaderOptions options)
{
    public ReaderOptions Options { get; } = options;

    public List<ReadError> Errors { get; } = [];

    public List<(string Path, string RuleId, FindingSeverity Severity, string Message)> Notes { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public void Error(ReadErrorCode code, string path, string message) => Errors.Add(new ReadError(code, path, message));

    public void Note(string path, string ruleId, FindingSeverity severity, string message) => Notes.Add((path, ruleId, severity, message));

    /// <summary>Reports members outside <paramref name="known"/> in strict mode; ignores them otherwise (must-ignore).</summary>
    public void CheckMembers(JsonElement obj, string path, IReadOnlySet<string> known)
    {
        if (!Options.Strict)
        {
            return;
        }

        foreach (var member in obj.EnumerateObject())
        {
            if (!known.Contains(member.Name))
            {
                Error(ReadErrorCode.UnknownMember, JsonPaths.Member(path, member.Name), $"The member '{member.Name}' is not part of the format (strict mode).");
            }
        }
    }

    public bool IsObject(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(ReadErrorCode.WrongType, path, $"Expected an object but found {Describe(value)}.");
        return false;
    }

    public static bool TryMember(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads an optional string member; null when absent or JSON null.</summary>
    public string? String(JsonElement obj, string path, string name, bool required = false)
    {
        var at = JsonPaths.Member(path, name);
        if (!TryMember(obj, name, out var value))
        {
            if (required)
            {
                Error(ReadErrorCode.MissingMember, at, $"The required member '{name}' is missing.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(ReadErrorCode.WrongType, at, $"Expected a string but found {Describe(value)}.");
            return null;
        }

        return value.GetString();
    }

    /// <summary>
    /// Reads an optional non-negative integer. Tolerant: a string holding digits is accepted and noted, because the
    /// USM-WIF draft's own examples write numbers as strings.
    /// </summary>
    public int? NonNegativeInteger(JsonElement obj, string path, string name, string quirkRule)
    {
        var at = JsonPaths.Member(path, name);
        if (!TryMember(obj, name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetInt32(out var n))
                {
                    if (n >= 0)
                    {
                        return n;
                    }

                    Error(ReadErrorCode.NumberOutOfRange, at, Preconditions.Invariant($"Expected a non-negative integer but found {n}."));
                    return null;
                }

                var raw = value.GetRawText();
                var fractional = value.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) != d;
                Error(fractional ? ReadErrorCode.InvalidValue : ReadErrorCode.NumberOutOfRange, at,
                    fractional
                        ? $"Expected a non-negative integer but found {Shorten(raw)}."
                        : $"The number {Shorten(raw)} is outside the range 0 to {int.MaxValue}.");
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    Note(at, quirkRule, FindingSeverity.Info, $"'{name}' is written as the string \"{text}\"; read as the number {parsed.ToString(CultureInfo.InvariantCulture)}.");
                    return parsed;
                }

                Error(text.Length > 0 && text.All(char.IsAsciiDigit) ? ReadErrorCode.NumberOutOfRange : ReadErrorCode.InvalidValue, at,
                    $"Expected a non-negative integer but found the string \"{Shorten(text)}\".");
                return null;
            default:
                Error(ReadErrorCode.WrongType, at, $"Expected a non-negative integer but found {Describe(value)}.");
                return null;
        }
    }

    /// <summary>Runs a model constructor; an <see cref="ArgumentException"/> becomes an <see cref="ReadErrorCode.InvalidValue"/> error at <paramref name="path"/>.</summary>
    public T? Build<T>(string path, Func<T> make)
        where T : class
    {
        try
        {
            return make();
        }
        catch (ArgumentException ex)
        {
            Error(ReadErrorCode.InvalidValue, path, Preconditions.OwnMessage(ex));
            return null;
        }
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
