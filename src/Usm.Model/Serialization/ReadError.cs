using Usm.Model.Internal;

namespace Usm.Model.Serialization;

/// <summary>What kind of problem a <see cref="ReadError"/> reports. The names are stable; tools may key on them.</summary>
public enum ReadErrorCode
{
    /// <summary>The text is not well-formed JSON or CSV (for example a truncated document).</summary>
    Syntax = 1,

    /// <summary>The bytes are not valid UTF-8.</summary>
    InvalidUtf8 = 2,

    /// <summary>The document is larger than <see cref="ReaderOptions.MaxDocumentBytes"/>.</summary>
    DocumentTooLarge = 3,

    /// <summary>Objects and arrays nest deeper than <see cref="ReaderOptions.MaxDepth"/>.</summary>
    DepthExceeded = 4,

    /// <summary>A string or member name is longer than <see cref="ReaderOptions.MaxStringLength"/>.</summary>
    StringTooLong = 5,

    /// <summary>An array, object or table holds more than <see cref="ReaderOptions.MaxCollectionItems"/> items.</summary>
    CollectionTooLarge = 6,

    /// <summary>A value has the wrong JSON type, for example a number where a string is expected.</summary>
    WrongType = 7,

    /// <summary>A required member (or CSV column) is missing.</summary>
    MissingMember = 8,

    /// <summary>A member is not part of the format; reported only in strict mode.</summary>
    UnknownMember = 9,

    /// <summary>An object holds the same member name twice.</summary>
    DuplicateMember = 10,

    /// <summary>A value has the right type but breaks a rule of the format, for example an invalid slug.</summary>
    InvalidValue = 11,

    /// <summary>A string does not name a member of the expected enumeration.</summary>
    UnknownEnumValue = 12,

    /// <summary>A number is outside the allowed range, or not representable (for example 1e400).</summary>
    NumberOutOfRange = 13,

    /// <summary>Two items that must have distinct ids share one.</summary>
    DuplicateId = 14,

    /// <summary>A reference names an item that the document does not contain.</summary>
    DanglingReference = 15,

    /// <summary>The document's format version is not one this reader supports or can migrate.</summary>
    UnsupportedVersion = 16,

    /// <summary>Reading the input stream failed.</summary>
    IoFailure = 17,

    /// <summary>A custom prioritisation mechanism is named but <see cref="ReaderOptions.MechanismResolver"/> is not set or does not supply it.</summary>
    UnresolvedMechanism = 18,
}

/// <summary>
/// One problem found while reading a document: where it is, what is wrong, and a stable <see cref="Code"/>.
/// </summary>
/// <remarks>
/// <para><see cref="Path"/> is a JSONPath expression such as <c>$.steps[2].activities[0].id</c> for JSON documents,
/// and <c>$[4].likelihood</c> (data row 4, column <c>likelihood</c>) for CSV tables; <c>$</c> is the whole document.
/// <see cref="Line"/> and <see cref="Column"/> are 1-based and present when the reader knows the text position:
/// always for syntax, encoding and limit errors and for CSV, not for errors found after parsing.</para>
/// <para>Equality compares every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ReadError : IEquatable<ReadError>
{
    /// <summary>Creates a read error.</summary>
    /// <param name="code">The kind of problem.</param>
    /// <param name="path">The JSONPath of the offending value; <c>$</c> for the whole document.</param>
    /// <param name="message">A readable message naming the offending value.</param>
    /// <param name="line">The 1-based line, when known.</param>
    /// <param name="column">The 1-based column (in bytes for JSON, in characters for CSV), when known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is undefined, or a position is below 1.</exception>
    public ReadError(ReadErrorCode code, string path, string message, long? line = null, long? column = null)
    {
        Code = Preconditions.CheckDefined(code);
        Path = Preconditions.CheckNotNull(path);
        Message = Preconditions.CheckNotBlank(message);
        if (line < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, "A line number starts at 1.");
        }

        if (column < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "A column number starts at 1.");
        }

        Line = line;
        Column = column;
    }

    /// <summary>Gets the kind of problem.</summary>
    public ReadErrorCode Code { get; }

    /// <summary>Gets the JSONPath of the offending value, for example <c>$.steps[2].id</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the message.</summary>
    public string Message { get; }

    /// <summary>Gets the 1-based line, when known.</summary>
    public long? Line { get; }

    /// <summary>Gets the 1-based column, when known.</summary>
    public long? Column { get; }

    /// <inheritdoc />
    public bool Equals(ReadError? other) =>
        other is not null && Code == other.Code && Path == other.Path && Message == other.Message && Line == other.Line && Column == other.Column;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReadError other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Path, Message, Line, Column);

    /// <inheritdoc />
    public override string ToString() =>
        Line is { } l ? Preconditions.Invariant($"{Code} at {Path} (line {l}, column {Column}): {Message}") : $"{Code} at {Path}: {Message}";
}
