using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Usm.Model.Internal;

namespace Usm.Model.Serialization;

/// <summary>
/// Turns raw input into a parsed <see cref="JsonDocument"/>, or into errors, while enforcing the limits of
/// <see cref="ReaderOptions"/>. Every failure here is fatal for the document and carries a line and column.
/// </summary>
/// <remarks>
/// Order of checks: size (before anything is buffered beyond the limit), UTF-8 validity, then one forward pass with
/// <see cref="Utf8JsonReader"/> that checks syntax, depth, string lengths, collection sizes and duplicate member
/// names while tracking the JSONPath. Only a document that passes is handed to <see cref="JsonDocument"/>, which then
/// cannot fail. A document is buffered at most once.
/// </remarks>
internal static class JsonInput
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a JSON document from a string.</summary>
    public static JsonDocument? Parse(string text, ReaderOptions options, List<ReadError> errors)
    {
        // A char is at least one UTF-8 byte, so a string longer than the limit cannot fit: reject it before encoding.
        if (text.Length > options.MaxDocumentBytes)
        {
            errors.Add(TooLarge(options));
            return null;
        }

        byte[] bytes;
        try
        {
            var count = s_strictUtf8.GetByteCount(text);
            if (count > options.MaxDocumentBytes)
            {
                errors.Add(TooLarge(options));
                return null;
            }

            bytes = s_strictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException ex)
        {
            errors.Add(new ReadError(ReadErrorCode.InvalidUtf8, "$", Preconditions.Invariant($"The text holds an unpaired surrogate at character {ex.Index}, which UTF-8 cannot encode.")));
            return null;
        }

        return Parse(bytes, options, errors);
    }

    /// <summary>Reads a JSON document from a stream, buffering at most the size limit plus one byte.</summary>
    public static JsonDocument? Parse(Stream stream, ReaderOptions options, List<ReadError> errors)
    {
        var bytes = ReadAll(stream, options, errors);
        return bytes is null ? null : Parse(bytes.Value, options, errors);
    }

    /// <summary>Reads a whole stream into memory, or reports that it is too large or unreadable.</summary>
    public static ReadOnlyMemory<byte>? ReadAll(Stream stream, ReaderOptions options, List<ReadError> errors)
    {
        if (!stream.CanRead)
        {
            throw new ReadException("The stream cannot be read from.", nameof(stream));
        }

        try
        {
            var limit = options.MaxDocumentBytes;
            long? known = null;
            if (stream.CanSeek)
            {
                known = stream.Length - stream.Position;
                if (known > limit)
                {
                    errors.Add(TooLarge(options));
                    return null;
                }
            }

            // Allocate once when the length is known; otherwise grow geometrically up to the limit.
            var buffer = new byte[(int)Math.Min(known ?? 64 * 1024, Math.Min(limit + 1, Array.MaxLength))];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        errors.Add(TooLarge(options));
                        return null;
                    }

                    var grown = (int)Math.Min(Math.Min((long)buffer.Length * 2, limit + 1), Array.MaxLength);
                    if (grown <= buffer.Length)
                    {
                        // Array.MaxLength reached: the next byte would exceed what can be buffered.
                        var probe = new byte[1];
                        if (stream.Read(probe, 0, 1) == 0)
                        {
                            break;
                        }

                        errors.Add(TooLarge(options));
                        return null;
                    }

                    Array.Resize(ref buffer, grown);
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length > limit)
            {
                errors.Add(TooLarge(options));
                return null;
            }

            return new ReadOnlyMemory<byte>(buffer, 0, length);
        }
        catch (IOException ex)
        {
            errors.Add(new ReadError(ReadErrorCode.IoFailure, "$", "Reading the stream failed: " + ex.Message));
            return null;
        }
    }

    /// <summary>Reads a JSON document from UTF-8 bytes.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, ReaderOptions options, List<ReadError> errors)
    {
        if (utf8.Length > options.MaxDocumentBytes)
        {
            errors.Add(TooLarge(options));
            return null;
        }

        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (FindInvalidUtf8(utf8.Span) is { } bad)
        {
            var (line, column) = Position(utf8.Span, bad);
            errors.Add(new ReadError(ReadErrorCode.InvalidUtf8, "$", Preconditions.Invariant($"Invalid UTF-8 at byte offset {bad}."), line, column));
            return null;
        }

        if (!Scan(utf8.Span, options, errors))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = options.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            // The scan accepts exactly what JsonDocument accepts; this is a safety net.
            errors.Add(new ReadError(ReadErrorCode.Syntax, "$", ex.Message));
            return null;
        }
    }

    /// <summary>Computes the 1-based line and byte column of an offset.</summary>
    public static (long Line, long Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)Math.Min(offset, utf8.Length)];
        long line = before.Count((byte)'\n') + 1;
        var lastNewLine = before.LastIndexOf((byte)'\n');
        return (line, before.Length - lastNewLine);
    }

    private static ReadError TooLarge(ReaderOptions options) =>
        new(ReadErrorCode.DocumentTooLarge, "$", Preconditions.Invariant($"The document is larger than the limit of {options.MaxDocumentBytes} bytes."));

    private static long? FindInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            long offset = 0;
            while (!utf8.IsEmpty)
            {
                var status = Utf8.ToUtf16(utf8, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                if (status == OperationStatus.InvalidData || (status == OperationStatus.NeedMoreData))
                {
                    return offset + read;
                }

                offset += read;
                utf8 = utf8[read..];
            }

            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool Scan(ReadOnlySpan<byte> utf8, ReaderOptions options, List<ReadError> errors)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = options.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
        var stack = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                var parent = stack.Count == 0 ? null : stack[^1];
                if (parent is { IsArray: true } && token is not JsonTokenType.EndArray)
                {
                    parent.Count++;
                    if (parent.Count > options.MaxCollectionItems)
                    {
                        return Fail(utf8, reader.TokenStartIndex, errors, stack, ReadErrorCode.CollectionTooLarge, Preconditions.Invariant($"The array holds more than {options.MaxCollectionItems} items."), stack.Count);
                    }
                }

                switch (token)
                {
                    case JsonTokenType.PropertyName:
                        if (reader.ValueSpan.Length > options.MaxStringLength)
                        {
                            return Fail(utf8, reader.TokenStartIndex, errors, stack, ReadErrorCode.StringTooLong, Preconditions.Invariant($"A member name is longer than the limit of {options.MaxStringLength} bytes."), stack.Count - 1);
                        }

                        parent!.Count++;
                        if (parent.Count > options.MaxCollectionItems)
                        {
                            return Fail(utf8, reader.TokenStartIndex, errors, stack, ReadErrorCode.CollectionTooLarge, Preconditions.Invariant($"The object holds more than {options.MaxCollectionItems} members."), stack.Count - 1);
                        }

                        if (!TryGetString(ref reader, out var name))
                        {
                            return Fail(utf8, reader.TokenStartIndex, errors, stack, ReadErrorCode.InvalidUtf8, LoneSurrogate("A member name"), stack.Count - 1);
                        }

                        parent.Name = name;
                        parent.Names ??= new HashSet<string>(StringComparer.Ordinal);
                        if (!parent.Names.Add(name))
                        {
                            return Fail(utf8, reader.TokenStartIndex, errors, stack, ReadErrorCode.DuplicateMember, $"The member '{Shorten(name)}' appears twice in one object.", stack.Count);
                        }

                        break;
                    case JsonTokenType.String:
                        if (reader.ValueSpan.Length > options.MaxStringLength)
                        {
                            return Fail(utf8, reader.TokenStartIndex, errors, stack, ReadErrorCode.StringTooLong, Preconditions.Invariant($"The string is longer than the limit of {options.MaxStringLength} bytes."), stack.Count);
                        }

                        // Only an escaped string can hide a lone surrogate (raw text was checked as UTF-8 already).
                        if (reader.ValueIsEscaped && !TryGetString(ref reader, out _))
                        {
                            return Fail(utf8, reader.TokenStartIndex, errors, stack, ReadErrorCode.InvalidUtf8, LoneSurrogate("The string"), stack.Count);
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (stack.Count >= options.MaxDepth)
                        {
                            return Fail(utf8, reader.TokenStartIndex, errors, stack, ReadErrorCode.DepthExceeded, Preconditions.Invariant($"Objects and arrays nest deeper than the limit of {options.MaxDepth}."), stack.Count);
                        }

                        stack.Add(new Frame(token == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                }
            }

            return true;
        }
        catch (JsonException ex)
        {
            errors.Add(new ReadError(ReadErrorCode.Syntax, PathOf(stack, stack.Count), CleanMessage(ex.Message), (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1));
            return false;
        }

    }

    /// <summary>Unescapes the current string or member name; false when an escape is a lone UTF-16 surrogate, which is not text.</summary>
    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    private static string LoneSurrogate(string what) =>
        what + " holds an escaped lone surrogate (a \\uD800-\\uDFFF escape without its pair), which is not text.";

    private static bool Fail(ReadOnlySpan<byte> utf8, long tokenStart, List<ReadError> errors, List<Frame> stack, ReadErrorCode code, string message, int frames)
    {
        var (line, column) = Position(utf8, tokenStart);
        errors.Add(new ReadError(code, PathOf(stack, frames), message, line, column));
        return false;
    }

    private static string PathOf(List<Frame> stack, int frames)
    {
        var path = "$";
        for (var i = 0; i < Math.Min(frames, stack.Count); i++)
        {
            var frame = stack[i];
            if (frame.IsArray)
            {
                path = frame.Count > 0 ? JsonPaths.Index(path, frame.Count - 1) : path;
            }
            else if (frame.Name is not null)
            {
                path = JsonPaths.Member(path, frame.Name);
            }
        }

        return path;
    }

    // The reader's messages end with position details that ReadError already carries.
    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim().TrimEnd('|').Trim();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Count { get; set; }

        public string? Name { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}

/// <summary>Builds JSONPath strings such as <c>$.steps[2]['odd name']</c>.</summary>
internal static class JsonPaths
{
    public static string Member(string parent, string name)
    {
        if (name.Length > 0 && name.AsSpan().IndexOfAny(".[]'\" \\") < 0 && name.Length <= 80)
        {
            return parent + "." + name;
        }

        var shown = name.Length <= 80 ? name : name[..80] + "…";
        return parent + "['" + shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    public static string Index(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>Turns a JSONPath into the finding-path notation of <see cref="Finding.Path"/> (no leading <c>$.</c>).</summary>
    public static string ToFindingPath(string path) => path == "$" ? string.Empty : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..];
}
