using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Usm.Cli.Output;

/// <summary>Writes a <see cref="Report"/> in one of the <see cref="OutputFormat"/>s.</summary>
internal static class ReportRenderer
{
    public static void Write(Report report, OutputFormat format, CliEnvironment env)
    {
        switch (format)
        {
            case OutputFormat.Table:
                WriteTables(report, env.Console);
                break;
            case OutputFormat.Markdown:
                env.Out.Write(ToMarkdown(report));
                break;
            case OutputFormat.Csv:
                env.Out.Write(ToCsv(report));
                break;
            case OutputFormat.Json:
                env.Out.Write(ToJson(report));
                env.Out.WriteLine();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format.");
        }
    }

    private static void WriteTables(Report report, IAnsiConsole console)
    {
        console.Write(new Rule("[bold]" + Markup.Escape(report.Title) + "[/]").LeftJustified());
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case ReportTable table:
                    var t = new Table().Title(Markup.Escape(table.Title));
                    foreach (var column in table.Columns)
                    {
                        t.AddColumn(Markup.Escape(column));
                    }

                    foreach (var row in table.Rows)
                    {
                        t.AddRow(row.Select(c => Markup.Escape(ReportTable.Format(c))).ToArray());
                    }

                    console.Write(t);
                    break;
                case ReportText text:
                    if (text.Title.Length > 0)
                    {
                        console.MarkupLine("[bold]" + Markup.Escape(text.Title) + "[/]");
                    }

                    foreach (var line in text.Lines)
                    {
                        console.WriteLine(line);
                    }

                    console.WriteLine();
                    break;
            }
        }
    }

    public static string ToMarkdown(Report report)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(report.Title).Append('\n');
        foreach (var block in report.Blocks)
        {
            sb.Append('\n');
            if (block.Title.Length > 0)
            {
                sb.Append("## ").Append(block.Title).Append("\n\n");
            }

            switch (block)
            {
                case ReportTable table:
                    sb.Append("| ").AppendJoin(" | ", table.Columns.Select(EscapeMarkdown)).Append(" |\n");
                    sb.Append('|').AppendJoin("|", table.Columns.Select(_ => "---")).Append("|\n");
                    foreach (var row in table.Rows)
                    {
                        sb.Append("| ").AppendJoin(" | ", row.Select(c => EscapeMarkdown(ReportTable.Format(c)))).Append(" |\n");
                    }

                    break;
                case ReportText text:
                    foreach (var line in text.Lines)
                    {
                        sb.Append(line).Append('\n');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string EscapeMarkdown(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    public static string ToCsv(Report report)
    {
        var sb = new StringBuilder();
        var table = report.PrimaryTable;
        if (table is null)
        {
            return string.Empty;
        }

        sb.AppendJoin(",", table.Columns.Select(CsvField)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(",", row.Select(c => CsvField(c switch
            {
                null => string.Empty,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                _ => ReportTable.Format(c),
            }))).Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>RFC 4180: quote a field containing a comma, quote, CR or LF; double embedded quotes.</summary>
    public static string CsvField(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    public static string ToJson(Report report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("title", report.Title);
            w.WriteStartArray("sections");
            foreach (var block in report.Blocks)
            {
                w.WriteStartObject();
                w.WriteString("title", block.Title);
                switch (block)
                {
                    case ReportTable table:
                        w.WriteStartArray("columns");
                        foreach (var c in table.Columns)
                        {
                            w.WriteStringValue(c);
                        }

                        w.WriteEndArray();
                        w.WriteStartArray("rows");
                        foreach (var row in table.Rows)
                        {
                            w.WriteStartObject();
                            for (var i = 0; i < row.Length; i++)
                            {
                                w.WritePropertyName(table.Columns[i]);
                                WriteValue(w, row[i]);
                            }

                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        break;
                    case ReportText text:
                        w.WriteStartArray("lines");
                        foreach (var line in text.Lines)
                        {
                            w.WriteStringValue(line);
                        }

                        w.WriteEndArray();
                        break;
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Read errors for <c>--format json</c>: <c>{"file", "errors": [{"code", "path", "line", "column", "message"}]}</c>
    /// (line and column are null when the reader has none).
    /// </summary>
    public static string ReadErrorsToJson(string file, IEnumerable<Usm.Model.Serialization.ReadError> errors)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteStartArray("errors");
            foreach (var e in errors)
            {
                w.WriteStartObject();
                w.WriteString("code", e.Code.ToString());
                w.WriteString("path", e.Path);
                WriteValue(w, "line", e.Line);
                WriteValue(w, "column", e.Column);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                w.WriteNumberValue(d);
                break;
            case double d:
                w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal m:
                w.WriteNumberValue(m);
                break;
            default:
                w.WriteStringValue(ReportTable.Format(value));
                break;
        }
    }
}
