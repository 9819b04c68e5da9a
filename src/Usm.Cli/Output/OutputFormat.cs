namespace Usm.Cli.Output;

/// <summary>The <c>--format</c> values.</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable tables (colour only on an interactive terminal without NO_COLOR).</summary>
    Table = 1,

    /// <summary>One JSON document: <c>{"title", "sections": [{"title", "columns", "rows"} | {"title", "lines"}]}</c>.</summary>
    Json,

    /// <summary>The report's primary table as RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>GitHub-flavoured Markdown: headings and pipe tables.</summary>
    Markdown,
}
