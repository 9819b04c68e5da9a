using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Serialization;

/// <summary>A table read from or written to CSV: a header row and data rows of equal width.</summary>
/// <remarks>Equality compares the header and every cell ordinally, in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CsvTable : IEquatable<CsvTable>
{
    /// <summary>Creates a table.</summary>
    /// <param name="header">The column names; at least one, each unique.</param>
    /// <param name="rows">The data rows; each has exactly as many cells as the header.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or a row or cell is null.</exception>
    /// <exception cref="ArgumentException">The header is empty or repeats a name, or a row has the wrong width; the message names the row.</exception>
    public CsvTable(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        Header = [.. header];
        Preconditions.CheckArgument(!Header.IsEmpty, nameof(header), "A table needs at least one column.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Header)
        {
            Preconditions.CheckArgument(name is not null, nameof(header), "A column name cannot be null.");
            Preconditions.CheckArgument(names.Add(name), nameof(header), $"Column '{name}' appears twice.");
        }

        var built = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var row in rows)
        {
            Preconditions.CheckArgument(row is not null, nameof(rows), "A row cannot be null.");
            ImmutableArray<string> cells = [.. row];
            Preconditions.CheckArgument(cells.Length == Header.Length, nameof(rows), Preconditions.Invariant($"Row {built.Count} has {cells.Length} cells; the header has {Header.Length}."));
            Preconditions.CheckArgument(cells.All(c => c is not null), nameof(rows), Preconditions.Invariant($"Row {built.Count} has a null cell."));
            built.Add(cells);
        }

        Rows = built.ToImmutable();
    }

    /// <summary>Gets, for a table read from text, the 1-based line and column where each cell of each data row starts.</summary>
    internal IReadOnlyList<(int Line, int Column)[]>? Positions { get; private init; }

    internal CsvTable WithPositions(IReadOnlyList<(int Line, int Column)[]> positions) => new(Header, Rows.Select(r => r.AsEnumerable())) { Positions = positions };

    /// <summary>
    /// Gets where a data cell starts, for a caller's own error messages about a cell (for example a typed column the
    /// caller parses): in the text the table was read from, or, for a table built in code, in the text
    /// <see cref="UsmCsv.WriteTable"/> would write if no cell held a line break.
    /// </summary>
    /// <param name="row">The data row, counting from 0 (the header is not a data row).</param>
    /// <param name="column">The column index, counting from 0.</param>
    /// <returns>The 1-based line and column; columns count characters (Unicode code points), as read errors do.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> or <paramref name="column"/> is outside the table.</exception>
    public (int Line, int Column) PositionOf(int row, int column)
    {
        Preconditions.CheckInRange(row, 0, Rows.Length - 1);
        Preconditions.CheckInRange(column, 0, Header.Length - 1);
        return Positions is { } p ? p[row][column] : (row + 2, Rows[row].Take(column).Sum(c => CodePoints(UsmCsv.Quote(c)) + 1) + 1);
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>Gets the column names.</summary>
    public ImmutableArray<string> Header { get; }

    /// <summary>Gets the data rows.</summary>
    public ImmutableArray<ImmutableArray<string>> Rows { get; }

    /// <summary>Gets the index of a column, or -1 when the table has no such column.</summary>
    /// <param name="name">The column name (compared ordinally).</param>
    /// <returns>The index, or -1.</returns>
    public int ColumnIndex(string name) => Header.IndexOf(name, StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Equals(CsvTable? other) =>
        other is not null && Header.SequenceEqual(other.Header, StringComparer.Ordinal)
        && Rows.Length == other.Rows.Length && Rows.Zip(other.Rows).All(p => p.First.SequenceEqual(p.Second, StringComparer.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CsvTable other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Hashing.Sequence(Header), Rows.Length);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"CSV table: {Header.Length} columns, {Rows.Length} rows");
}

/// <summary>
/// A small RFC 4180 CSV reader and writer: comma-separated, double-quoted fields where needed, quotes doubled
/// inside quotes, CRLF between records (LF and CR are accepted on input), UTF-8 without byte order mark.
/// </summary>
/// <remarks>
/// <para>Reading returns every error with its 1-based line and column (in characters, that is Unicode code points) and a path such as
/// <c>$[3]</c> (data row 3, counting from 0). Limits from <see cref="ReaderOptions"/> apply: document size, rows
/// per table (<see cref="ReaderOptions.MaxCollectionItems"/>) and UTF-16 code units per unquoted field
/// (<see cref="ReaderOptions.MaxStringLength"/>, which JSON readers count in UTF-8 bytes). A syntax error stops reading, since the rest cannot be
/// delimited reliably; a row of the wrong width is reported and reading goes on. Empty lines at the end of a table
/// with two or more columns are not rows (an editor's extra line breaks); between rows they are rows of the wrong
/// width.</para>
/// <para>The writer quotes a field when it holds a comma, a quote, a line break, or leading or trailing white space,
/// so that spreadsheets read the value back unchanged.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class UsmCsv
{
    /// <summary>Reads a CSV table whose first record is the header.</summary>
    /// <param name="csv">The text.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The table, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="csv"/> is null.</exception>
    public static ReadResult<CsvTable> ReadTable(string csv, ReaderOptions? options = null)
    {
        if (csv is null)
        {
            throw new ReadException("The CSV text is null.", nameof(csv));
        }

        options ??= ReaderOptions.Default;
        var errors = new List<ReadError>();
        if (csv.Length > options.MaxDocumentBytes || Encoding.UTF8.GetByteCount(csv) > options.MaxDocumentBytes)
        {
            return ReadResult<CsvTable>.Failure([new ReadError(ReadErrorCode.DocumentTooLarge, "$", Preconditions.Invariant($"The document is larger than the limit of {options.MaxDocumentBytes} bytes."))]);
        }

        var records = Parse(csv.StartsWith('\uFEFF') ? csv[1..] : csv, options, errors);
        if (records is null || errors.Count > 0)
        {
            return ReadResult<CsvTable>.Failure(errors);
        }

        return Build(records, errors) is { } table && errors.Count == 0 ? ReadResult<CsvTable>.Success(table) : ReadResult<CsvTable>.Failure(errors);
    }

    /// <summary>Reads a CSV table from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Csv">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The table, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Csv"/> is null or cannot be read from.</exception>
    public static ReadResult<CsvTable> ReadTable(Stream utf8Csv, ReaderOptions? options = null)
    {
        if (utf8Csv is null)
        {
            throw new ReadException("The stream is null.", nameof(utf8Csv));
        }

        options ??= ReaderOptions.Default;
        var errors = new List<ReadError>();
        var bytes = JsonInput.ReadAll(utf8Csv, options, errors);
        if (bytes is null)
        {
            return ReadResult<CsvTable>.Failure(errors);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes.Value.Span);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index < 0 ? 0 : ex.Index;
            var (line, column) = JsonInput.Position(bytes.Value.Span, offset);
            return ReadResult<CsvTable>.Failure([new ReadError(ReadErrorCode.InvalidUtf8, "$", "The CSV text is not valid UTF-8.", line, column)]);
        }

        return ReadTable(text, options);
    }

    /// <summary>Writes a table as RFC 4180 CSV (CRLF line ends, a final CRLF).</summary>
    /// <param name="table">The table.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string WriteTable(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        WriteRecord(sb, table.Header);
        foreach (var row in table.Rows)
        {
            WriteRecord(sb, row);
        }

        return sb.ToString();
    }

    /// <summary>Quotes one field when RFC 4180 (or a spreadsheet) needs it.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The field as written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is null.</exception>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var needs = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
        return needs ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static void WriteRecord(StringBuilder sb, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                sb.Append(',');
            }

            sb.Append(Quote(field));
            first = false;
        }

        sb.Append("\r\n");
    }

    private static CsvTable? Build(List<(List<string> Fields, int Line, List<(int Line, int Column)> Starts)> records, List<ReadError> errors)
    {
        if (records.Count == 0)
        {
            errors.Add(new ReadError(ReadErrorCode.MissingMember, "$", "The CSV text has no header row.", 1, 1));
            return null;
        }

        var header = records[0].Fields;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            if (!seen.Add(header[c]))
            {
                var (line, column) = records[0].Starts[c];
                errors.Add(new ReadError(ReadErrorCode.DuplicateMember, "$", $"Column '{header[c]}' appears twice in the header.", line, column));
            }
        }

        var rows = new List<List<string>>();
        var positions = new List<(int Line, int Column)[]>();
        for (var i = 1; i < records.Count; i++)
        {
            var (fields, line, starts) = records[i];
            if (fields.Count != header.Count)
            {
                errors.Add(new ReadError(ReadErrorCode.InvalidValue, Preconditions.Invariant($"$[{i - 1}]"), Preconditions.Invariant($"The row has {fields.Count} fields; the header has {header.Count}."), line, 1));
                continue;
            }

            rows.Add(fields);
            positions.Add([.. starts]);
        }

        return errors.Count == 0 ? new CsvTable(header, rows).WithPositions(positions) : null;
    }

    // A record is a list of fields plus the line it starts on. A blank final line is not a record, and neither are empty
    // lines at the end of a table with two or more columns (an editor's extra line breaks): such lines are held back and
    // become records (rows of the wrong width) only if a record follows them.
    private static List<(List<string> Fields, int Line, List<(int Line, int Column)> Starts)>? Parse(string text, ReaderOptions options, List<ReadError> errors)
    {
        var records = new List<(List<string>, int, List<(int, int)>)>();
        var heldBack = new List<(List<string>, int, List<(int, int)>)>();
        var fields = new List<string>();
        var starts = new List<(int, int)>();
        var field = new StringBuilder();
        int line = 1, column = 1, recordLine = 1;
        var i = 0;
        while (i <= text.Length)
        {
            // Start of a field.
            field.Clear();
            var fieldLine = line;
            var fieldColumn = column;
            var quoted = i < text.Length && text[i] == '"';
            if (quoted)
            {
                i++;
                column++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        errors.Add(new ReadError(ReadErrorCode.Syntax, RowPath(records.Count + heldBack.Count), "A quoted field is not closed.", fieldLine, fieldColumn));
                        return null;
                    }

                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            column += 2;
                            continue;
                        }

                        i++;
                        column++;
                        break;
                    }

                    field.Append(c);
                    i++;
                    if (c == '\n' || (c == '\r' && !(i < text.Length && text[i] == '\n')))
                    {
                        line++;
                        column = 1;
                    }
                    else if (c != '\r' && !EndsSurrogatePair(text, i - 1))
                    {
                        column++;
                    }

                    if (field.Length > options.MaxStringLength)
                    {
                        errors.Add(new ReadError(ReadErrorCode.StringTooLong, RowPath(records.Count + heldBack.Count), Preconditions.Invariant($"A field is longer than the limit of {options.MaxStringLength} characters."), fieldLine, fieldColumn));
                        return null;
                    }
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    errors.Add(new ReadError(ReadErrorCode.Syntax, RowPath(records.Count + heldBack.Count), $"Unexpected '{text[i]}' after a closing quote; expected a comma or a line break.", line, column));
                    return null;
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        errors.Add(new ReadError(ReadErrorCode.Syntax, RowPath(records.Count + heldBack.Count), "A quote inside an unquoted field; quote the whole field and double the inner quotes.", line, column));
                        return null;
                    }

                    field.Append(text[i]);
                    if (!EndsSurrogatePair(text, i))
                    {
                        column++;
                    }

                    i++;
                    if (field.Length > options.MaxStringLength)
                    {
                        errors.Add(new ReadError(ReadErrorCode.StringTooLong, RowPath(records.Count + heldBack.Count), Preconditions.Invariant($"A field is longer than the limit of {options.MaxStringLength} characters."), fieldLine, fieldColumn));
                        return null;
                    }
                }
            }

            fields.Add(field.ToString());
            starts.Add((fieldLine, fieldColumn));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                column++;
                continue;
            }

            // End of record: a line break or the end of the text.
            var atEnd = i >= text.Length;
            var blankLastLine = atEnd && fields.Count == 1 && fields[0].Length == 0 && fieldColumn == 1;
            var emptyLine = fields.Count == 1 && fields[0].Length == 0 && !quoted;
            if (emptyLine && !atEnd && records.Count > 0 && records[0].Item1.Count > 1)
            {
                // Held-back lines are bounded by the row limit too, so that a flood of empty lines stays small; they count
                // as rows only if a record follows them.
                heldBack.Add((fields, recordLine, starts));
                if (heldBack.Count > options.MaxCollectionItems)
                {
                    errors.Add(new ReadError(ReadErrorCode.CollectionTooLarge, RowPath(records.Count + heldBack.Count), Preconditions.Invariant($"The table holds more than {options.MaxCollectionItems} rows."), recordLine, 1));
                    return null;
                }
            }
            else if (!blankLastLine)
            {
                foreach (var record in heldBack.Append((fields, recordLine, starts)))
                {
                    records.Add(record);
                    if (records.Count > options.MaxCollectionItems + 1)
                    {
                        errors.Add(new ReadError(ReadErrorCode.CollectionTooLarge, RowPath(records.Count - 1), Preconditions.Invariant($"The table holds more than {options.MaxCollectionItems} rows."), record.Item2, 1));
                        return null;
                    }
                }

                heldBack.Clear();
            }

            if (atEnd)
            {
                break;
            }

            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            line++;
            column = 1;
            recordLine = line;
            fields = [];
            starts = [];
        }

        return records;
    }

    // Columns count characters (Unicode code points): the second half of a surrogate pair does not move the column.
    private static bool EndsSurrogatePair(string text, int index) =>
        index > 0 && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]);

    private static string RowPath(int recordCount) => recordCount == 0 ? "$" : "$[" + (recordCount - 1).ToString(CultureInfo.InvariantCulture) + "]";
}
