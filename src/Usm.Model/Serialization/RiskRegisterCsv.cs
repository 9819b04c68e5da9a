using System.Collections.Immutable;
using System.Globalization;
using Usm.Model.Improvement;
using Usm.Model.Internal;

namespace Usm.Model.Serialization;

/// <summary>
/// CSV import and export of the risk register (the risks of a <see cref="RiskDatabase"/>), for spreadsheets and
/// notebooks. Export writes one row per risk with its identity and its current state; import reads the identity
/// columns and returns new, identified risks ready to register.
/// </summary>
/// <remarks>
/// <para>Columns, in this order (<see cref="Columns"/>): <c>id, title, description, polarity, category, resources,
/// service-ids, mic-ids, related-risk-ids, origin-kind, origin-person-id, origin-call-id, origin-scan-id, origin-scan-item-id</c>
/// (the identity, read on import), then <c>status, inherent-effect, inherent-likelihood, root-cause,
/// selected-measure-id, residual-effect, residual-likelihood, signed-expected-value</c> (the current state, written
/// for analysis and ignored on import, because state is changed only by commands in the event log).</para>
/// <para>Lists (<c>resources</c>, <c>service-ids</c>, <c>mic-ids</c>, <c>related-risk-ids</c>) are separated by semicolons. Enumerations use the
/// JSON format's kebab-case names. Numbers use the invariant culture (a dot for decimals, shortest round-trip form).
/// Rows are ordered by id (ordinal). An empty cell means "none".</para>
/// <para>Import errors carry the line and column of the offending cell and a path such as <c>$[3].polarity</c>.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class RiskRegisterCsv
{
    private static readonly string[] s_identity =
        ["id", "title", "description", "polarity", "category", "resources", "service-ids", "mic-ids", "related-risk-ids", "origin-kind", "origin-person-id", "origin-call-id", "origin-scan-id", "origin-scan-item-id"];

    private static readonly string[] s_state =
        ["status", "inherent-effect", "inherent-likelihood", "root-cause", "selected-measure-id", "residual-effect", "residual-likelihood", "signed-expected-value"];

    /// <summary>Gets the column names, in the order written.</summary>
    public static ImmutableArray<string> Columns { get; } = [.. s_identity, .. s_state];

    /// <summary>Gets the columns import requires (the others are optional or ignored).</summary>
    public static ImmutableArray<string> RequiredColumns { get; } = ["id", "title", "polarity", "category", "resources", "origin-kind"];

    /// <summary>Exports risks as RFC 4180 CSV, one row per risk ordered by id.</summary>
    /// <param name="risks">The risks, for example <see cref="RiskDatabase.Risks"/>.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="risks"/> is null or holds null.</exception>
    public static string Export(IEnumerable<Risk> risks)
    {
        ArgumentNullException.ThrowIfNull(risks);
        var rows = new List<string[]>();
        foreach (var r in risks.OrderBy(r => Preconditions.CheckNotNull(r, nameof(risks)).Id, StringComparer.Ordinal))
        {
            rows.Add(
            [
                r.Id, r.Title, r.Description, ImprovementNames.Polarity.Name(r.Polarity), r.Category,
                string.Join(';', r.Resources.Select(ImprovementNames.Resource.Name)), string.Join(';', r.ServiceIds), string.Join(';', r.MicIds), string.Join(';', r.RelatedRiskIds),
                ImprovementNames.OriginKind.Name(r.Origin.Kind), r.Origin.PersonId ?? string.Empty, r.Origin.CallId ?? string.Empty,
                r.Origin.ScanId ?? string.Empty, r.Origin.ScanItemId ?? string.Empty,
                ImprovementNames.Status.Name(r.Status), Number(r.Inherent?.Effect), Number(r.Inherent?.Likelihood), r.RootCause ?? string.Empty,
                r.SelectedMeasure?.Id ?? string.Empty, Number(r.Residual?.Effect), Number(r.Residual?.Likelihood),
                r.SignedExpectedValue.ToString("R", CultureInfo.InvariantCulture),
            ]);
        }

        return UsmCsv.WriteTable(new CsvTable(Columns, rows));
    }

    /// <summary>Imports risks from CSV: the identity columns of each row become a new, identified risk.</summary>
    /// <remarks>
    /// The risks come back in row order, so that the i-th risk belongs to the i-th data row of the same text (read as a
    /// <see cref="CsvTable"/> for its other columns). A risk may relate to a row below it (<see cref="Export"/> orders
    /// rows by id), so register the list with <see cref="RiskDatabase.RegisterAll"/>, which registers related risks
    /// first, rather than one by one.
    /// </remarks>
    /// <param name="csv">The CSV text; its header names the columns (any order; unknown columns are ignored unless strict).</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The risks in row order, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="csv"/> is null.</exception>
    public static ReadResult<IReadOnlyList<Risk>> Import(string csv, ReaderOptions? options = null)
    {
        if (csv is null)
        {
            throw new ReadException("The CSV text is null.", nameof(csv));
        }

        options ??= ReaderOptions.Default;
        var table = UsmCsv.ReadTable(csv, options);
        if (!table.TryGetValue(out var t))
        {
            return ReadResult<IReadOnlyList<Risk>>.Failure(table.Errors);
        }

        var errors = new List<ReadError>();
        foreach (var missing in RequiredColumns.Where(c => t.ColumnIndex(c) < 0))
        {
            errors.Add(new ReadError(ReadErrorCode.MissingMember, "$", $"The required column '{missing}' is missing from the header.", 1, 1));
        }

        if (options.Strict)
        {
            foreach (var unknown in t.Header.Where(h => !Columns.Contains(h)))
            {
                errors.Add(new ReadError(ReadErrorCode.UnknownMember, "$", $"The column '{unknown}' is not part of the risk register format (strict mode).", 1, 1));
            }
        }

        if (errors.Count > 0)
        {
            return ReadResult<IReadOnlyList<Risk>>.Failure(errors);
        }

        var risks = new List<Risk>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var row = 0; row < t.Rows.Length; row++)
        {
            var before = errors.Count;
            string Cell(string column) => t.ColumnIndex(column) is var i and >= 0 ? t.Rows[row][i] : string.Empty;
            void Error(ReadErrorCode code, string column, string message)
            {
                var index = Math.Max(t.ColumnIndex(column), 0);
                var (line, col) = t.PositionOf(row, index);
                errors.Add(new ReadError(code, JsonPaths.Member(JsonPaths.Index("$", row), column), message, line, col));
            }

            var id = Cell("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                Error(ReadErrorCode.MissingMember, "id", "The risk id is empty.");
            }
            else if (!seen.Add(id))
            {
                Error(ReadErrorCode.DuplicateId, "id", $"Risk id '{id}' appears in an earlier row.");
            }

            var polarity = ImprovementNames.Polarity.Parse(Cell("polarity"));
            if (polarity is null)
            {
                Error(ReadErrorCode.UnknownEnumValue, "polarity", $"'{Cell("polarity")}' is not a polarity (expected threat or opportunity).");
            }

            var resources = new List<Resource>();
            foreach (var name in Split(Cell("resources")))
            {
                if (ImprovementNames.Resource.Parse(name) is { } r)
                {
                    resources.Add(r);
                }
                else
                {
                    Error(ReadErrorCode.UnknownEnumValue, "resources", $"'{name}' is not a resource (expected people, process or technology).");
                }
            }

            var originKind = ImprovementNames.OriginKind.Parse(Cell("origin-kind"));
            if (originKind is null)
            {
                Error(ReadErrorCode.UnknownEnumValue, "origin-kind", $"'{Cell("origin-kind")}' is not an origin kind (expected {string.Join(", ", ImprovementNames.OriginKind.Names)}).");
            }

            if (errors.Count > before)
            {
                continue;
            }

            try
            {
                var origin = originKind switch
                {
                    RiskOriginKind.ReportedByPerson => RiskOrigin.ReportedBy(Cell("origin-person-id")),
                    RiskOriginKind.ClosedCall => RiskOrigin.FromClosedCall(Cell("origin-call-id")),
                    _ => RiskOrigin.FromScanGap(Cell("origin-scan-id"), Cell("origin-scan-item-id")),
                };
                risks.Add(new Risk(id, Cell("title"), Cell("description"), polarity!.Value, origin, resources, Cell("category"), Split(Cell("service-ids")), Split(Cell("mic-ids")), Split(Cell("related-risk-ids"))));
            }
            catch (ArgumentException ex)
            {
                var column = ex.ParamName switch
                {
                    "title" => "title",
                    "category" => "category",
                    "resources" => "resources",
                    "serviceIds" => "service-ids",
                    "micIds" => "mic-ids",
                    "relatedRiskIds" => "related-risk-ids",
                    "personId" => "origin-person-id",
                    "callId" => "origin-call-id",
                    "scanId" => "origin-scan-id",
                    "scanItemId" => "origin-scan-item-id",
                    _ => "id",
                };
                Error(ReadErrorCode.InvalidValue, column, Preconditions.OwnMessage(ex));
            }
        }

        return errors.Count > 0 ? ReadResult<IReadOnlyList<Risk>>.Failure(errors) : ReadResult<IReadOnlyList<Risk>>.Success(risks.AsReadOnly());
    }

    private static IEnumerable<string> Split(string cell) => cell.Length == 0 ? [] : cell.Split(';');

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
