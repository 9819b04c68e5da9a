using System.Globalization;

namespace Usm.Cli.Output;

/// <summary>
/// What a command prints, independent of the output format: a title and a sequence of blocks (tables, text, key-value
/// lists). Every command builds one report; <see cref="ReportRenderer"/> turns it into a table view, Markdown, CSV or JSON.
/// </summary>
internal sealed class Report
{
    private readonly List<ReportBlock> _blocks = [];

    public Report(string title) => Title = title;

    public string Title { get; }

    public IReadOnlyList<ReportBlock> Blocks => _blocks;

    /// <summary>Adds a table; the first table added with <paramref name="primary"/> true is what <c>--format csv</c> writes.</summary>
    public ReportTable AddTable(string title, IEnumerable<string> columns, bool primary = false)
    {
        var table = new ReportTable(title, [.. columns], primary);
        _blocks.Add(table);
        return table;
    }

    public ReportText AddText(string title, params IEnumerable<string> lines)
    {
        var text = new ReportText(title, [.. lines]);
        _blocks.Add(text);
        return text;
    }

    public ReportTable AddFacts(string title, params IEnumerable<(string Key, object? Value)> facts)
    {
        var table = AddTable(title, ["item", "value"]);
        foreach (var (key, value) in facts)
        {
            table.Add(key, value);
        }

        return table;
    }

    /// <summary>The table <c>--format csv</c> writes: the first primary table, else the first table.</summary>
    public ReportTable? PrimaryTable =>
        _blocks.OfType<ReportTable>().FirstOrDefault(t => t.IsPrimary) ?? _blocks.OfType<ReportTable>().FirstOrDefault();
}

/// <summary>One block of a report.</summary>
internal abstract class ReportBlock(string title)
{
    public string Title { get; } = title;
}

/// <summary>A table whose cells keep their types (numbers stay numbers in JSON).</summary>
internal sealed class ReportTable(string title, IReadOnlyList<string> columns, bool primary) : ReportBlock(title)
{
    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<string> Columns { get; } = columns;

    public bool IsPrimary { get; } = primary;

    public IReadOnlyList<object?[]> Rows => _rows;

    public ReportTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Row has {cells.Length} cells but table '{Title}' has {Columns.Count} columns.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>Formats a cell for text output: invariant culture, doubles to 4 significant decimals, null as "-".</summary>
    public static string Format(object? cell) => cell switch
    {
        null => "-",
        double d when double.IsNaN(d) => "NaN",
        double d => Math.Round(d, 4).ToString("0.####", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };
}

/// <summary>Free text lines.</summary>
internal sealed class ReportText(string title, IReadOnlyList<string> lines) : ReportBlock(title)
{
    public IReadOnlyList<string> Lines { get; } = lines;
}
