using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

namespace Usm.Cli.Inputs;

/// <summary>
/// A register to prioritise: the open risks of a risk-database JSON or the rows of a risk register CSV, each mapped to
/// a ranking candidate.
/// </summary>
/// <remarks>
/// <para>Every candidate has the criteria of <see cref="RiskCandidates.FromRisk"/> (<c>effect</c>, <c>likelihood</c>,
/// <c>probability</c>, <c>impact</c>, <c>expected-value</c>) plus <c>effort</c> (the risk's effort), <c>resources</c>
/// (how many of people, process and technology the risk touches) and <c>ease</c> (10 ÷ effort, 0 when the effort is
/// unknown).</para>
/// <para>A CSV's identity columns are read by <see cref="RiskRegisterCsv.Import"/>. Its state columns, which import
/// ignores, feed the analysis: <c>inherent-effect</c> and <c>inherent-likelihood</c> (0-based levels, so plus one) and
/// <c>signed-expected-value</c> (its size). Every other column that is not part of the register format is an analysis
/// criterion under its header name (numbers in the invariant culture; an empty cell is 0); an <c>effort</c> column is
/// also the candidate's effort.</para>
/// </remarks>
internal sealed class Register
{
    public const string EffortCriterion = "effort";

    public const string ResourcesCriterion = "resources";

    public const string EaseCriterion = "ease";

    private Register(string path, InputKind kind, IReadOnlyList<Risk> risks, CandidateSet candidates, IReadOnlySet<string>? columnCriteria, IReadOnlyList<string> endedIds, CsvTable? table, IReadOnlyList<int>? openRows)
    {
        Path = path;
        Kind = kind;
        Risks = risks;
        Candidates = candidates;
        ColumnCriteria = columnCriteria;
        EndedIds = endedIds;
        _table = table;
        _openRows = openRows;
    }

    private readonly CsvTable? _table;

    private readonly IReadOnlyList<int>? _openRows;

    private Dictionary<string, Risk>? _byId;

    public string Path { get; }

    public InputKind Kind { get; }

    public IReadOnlyList<Risk> Risks { get; }

    public CandidateSet Candidates { get; }

    /// <summary>
    /// For a CSV register, the criteria that have a column behind them (the others hold 0 for every risk); null for a
    /// risk database, whose risks carry their own assessments.
    /// </summary>
    public IReadOnlySet<string>? ColumnCriteria { get; }

    /// <summary>The ids of the risks left out because they are no longer open (closed, rejected, withdrawn), in ordinal order.</summary>
    public IReadOnlyList<string> EndedIds { get; }

    /// <summary>The written names of the risk statuses (kebab-case, as the register CSV's <c>status</c> column has them).</summary>
    public static readonly IReadOnlyDictionary<string, RiskStatus> StatusNames =
        Enum.GetValues<RiskStatus>().ToDictionary(Kebab, s => s, StringComparer.Ordinal);

    /// <summary>Reads a register; <paramref name="clock"/> is the risk database's clock (for changes, which no command makes).</summary>
    public static Register Load(string path, IClock clock)
    {
        var (text, kind) = InputFiles.ReadAndDetect(path, InputKind.RiskDatabase, InputKind.RegisterCsv);
        if (kind == InputKind.RiskDatabase)
        {
            var database = InputFiles.Unwrap(path, UsmJson.ReadRiskDatabase(text, clock));
            var open = database.OpenRisks;
            var candidates = open.Select(r => Complete(RiskCandidates.FromRisk(r), r)).ToList();
            var ended = database.Risks.Where(r => !r.IsOpen).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            return Create(path, kind, open, candidates, null, ended, null, null);
        }

        var risks = InputFiles.Unwrap(path, RiskRegisterCsv.Import(text));
        var table = InputFiles.Unwrap(path, UsmCsv.ReadTable(text));
        return FromCsv(path, risks, table);
    }

    // Linear in the size of the table: the columns are looked up once, and each candidate is built in one go.
    private static Register FromCsv(string path, IReadOnlyList<Risk> risks, CsvTable table)
    {
        var header = table.Header;
        var known = RiskRegisterCsv.Columns.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
            {
                throw Error(path, "$", string.Create(CultureInfo.InvariantCulture, $"Column {i + 1} of the header has no name (a comma at the end of the header?); name the column or remove it."));
            }
        }

        var extras = Enumerable.Range(0, header.Length).Where(i => !known.Contains(header[i])).Select(i => (Index: i, Name: header[i])).ToList();
        var status = table.ColumnIndex("status");
        var effect = table.ColumnIndex("inherent-effect");
        var likelihood = table.ColumnIndex("inherent-likelihood");
        var emv = table.ColumnIndex("signed-expected-value");

        var columnCriteria = new HashSet<string>(StringComparer.Ordinal) { ResourcesCriterion };
        columnCriteria.UnionWith(extras.Select(e => e.Name));
        if (effect >= 0)
        {
            columnCriteria.Add(RiskCandidates.Effect);
        }

        if (likelihood >= 0)
        {
            columnCriteria.Add(RiskCandidates.Likelihood);
        }

        if (emv >= 0)
        {
            columnCriteria.Add(RiskCandidates.ExpectedValue);
        }

        if (columnCriteria.Contains(EffortCriterion))
        {
            columnCriteria.Add(EaseCriterion);
        }

        var open = new List<Risk>(risks.Count);
        var openRows = new List<int>(risks.Count);
        var ended = new List<string>();
        var list = new List<Candidate>(risks.Count);
        for (var row = 0; row < risks.Count; row++)
        {
            var cells = table.Rows[row];
            var risk = risks[row];
            if (status >= 0 && cells[status].Length > 0)
            {
                if (!StatusNames.TryGetValue(cells[status], out var state))
                {
                    throw CellError(path, table, row, status, $"'{cells[status]}' is not a risk status (expected {string.Join(", ", StatusNames.Keys)}).");
                }

                if (!state.IsOpen())
                {
                    ended.Add(risk.Id);
                    continue;
                }
            }

            double Number(int index)
            {
                var cell = cells[index];
                if (cell.Length == 0)
                {
                    return 0;
                }

                return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                    ? value
                    : throw CellError(path, table, row, index, $"'{cell}' is not a number.");
            }

            var start = RiskCandidates.FromRisk(risk);
            var values = new Dictionary<string, double>(start.Values, StringComparer.Ordinal);
            if (effect >= 0 && cells[effect].Length > 0)
            {
                values[RiskCandidates.Effect] = Number(effect) + 1;
            }

            if (likelihood >= 0 && cells[likelihood].Length > 0)
            {
                values[RiskCandidates.Likelihood] = Number(likelihood) + 1;
            }

            if (emv >= 0 && cells[emv].Length > 0)
            {
                values[RiskCandidates.ExpectedValue] = Math.Abs(Number(emv));
            }

            var effort = start.Effort;
            foreach (var (index, name) in extras)
            {
                var value = Number(index);
                values[name] = value;
                if (name == EffortCriterion)
                {
                    if (value < 0)
                    {
                        throw CellError(path, table, row, index, string.Create(CultureInfo.InvariantCulture, $"Effort {value} is negative; effort must be zero or more."));
                    }

                    effort = value;
                }
            }

            values.TryAdd(EffortCriterion, effort);
            values.TryAdd(ResourcesCriterion, risk.Resources.Length);
            values.TryAdd(EaseCriterion, effort > 0 ? 10 / effort : 0);
            try
            {
                list.Add(new Candidate(risk.Id, values, effort, start.Polarity));
            }
            catch (ArgumentException e)
            {
                throw Error(path, JsonRow(row), CliException.Reason(e));
            }

            open.Add(risk);
            openRows.Add(row);
        }

        ended.Sort(StringComparer.Ordinal);
        return Create(path, InputKind.RegisterCsv, open, list, columnCriteria, ended, table, openRows);
    }

    private static string JsonRow(int row) => string.Create(CultureInfo.InvariantCulture, $"$[{row}]");

    private static string Cell(int row, string column) => JsonRow(row) + "." + column;

    private static CliReadException Error(string path, string where, string message) =>
        new(path, [new ReadError(ReadErrorCode.InvalidValue, where, message)]);

    // A cell's error carries its path and where the cell starts in the text (a quoted cell above may span lines).
    private static CliReadException CellError(string path, CsvTable table, int row, int column, string message)
    {
        var (line, character) = table.PositionOf(row, column);
        return new(path, [new ReadError(ReadErrorCode.InvalidValue, Cell(row, table.Header[column]), message, line, character)]);
    }

    private static string Kebab(RiskStatus status)
    {
        var name = status.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    private static Register Create(string path, InputKind kind, IReadOnlyList<Risk> risks, List<Candidate> candidates, IReadOnlySet<string>? columnCriteria, IReadOnlyList<string> endedIds, CsvTable? table, IReadOnlyList<int>? openRows)
    {
        if (candidates.Count == 0)
        {
            throw new CliException($"{path}: the register has no open risks to work on.");
        }

        try
        {
            return new Register(path, kind, risks, new CandidateSet(candidates), columnCriteria, endedIds, table, openRows);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{path}: {CliException.Reason(e)}");
        }
    }

    private static Candidate Complete(Candidate candidate, Risk risk)
    {
        if (!candidate.Values.ContainsKey(EffortCriterion))
        {
            candidate = candidate.WithValue(EffortCriterion, candidate.Effort);
        }

        if (!candidate.Values.ContainsKey(ResourcesCriterion))
        {
            candidate = candidate.WithValue(ResourcesCriterion, risk.Resources.Length);
        }

        if (!candidate.Values.ContainsKey(EaseCriterion))
        {
            candidate = candidate.WithValue(EaseCriterion, candidate.Effort > 0 ? 10 / candidate.Effort : 0);
        }

        return candidate;
    }

    /// <summary>The column of a CSV register with the probability that a risk happens (for the simulation's estimates).</summary>
    public const string ProbabilityColumn = "probability";

    /// <summary>The column of a CSV register with a risk's single impact amount.</summary>
    public const string ImpactColumn = "impact";

    /// <summary>The three columns of a CSV register with a three-point impact (minimum, most likely, maximum).</summary>
    public static readonly ImmutableArray<string> ThreePointColumns = ["impact-minimum", "impact-most-likely", "impact-maximum"];

    /// <summary>
    /// The open risks as the simulation sees them. A risk database's risks carry their own assessments and are returned
    /// as they are. A CSV register's risks are imported unassessed, so each open row is classified here: effect and
    /// likelihood from <c>inherent-effect</c> and <c>inherent-likelihood</c> (0-based; an empty cell is 0), and a
    /// quantitative estimate from <c>impact-minimum</c>, <c>impact-most-likely</c> and <c>impact-maximum</c> (a
    /// three-point impact, with the probability from <c>probability</c>, 1 when that cell is empty) or else from
    /// <c>probability</c> and <c>impact</c> (a single amount). A row with none of these cells filled has no estimate
    /// (the risk stays identified); a row with only some of them, or a value the library refuses, is an input error
    /// naming the cell.
    /// </summary>
    public IReadOnlyList<Risk> SimulationRisks()
    {
        if (_table is not { } table || _openRows is not { } rows)
        {
            return Risks;
        }

        int Column(string name) => table.ColumnIndex(name);
        var probability = Column(ProbabilityColumn);
        var impact = Column(ImpactColumn);
        var threePoint = ThreePointColumns.Select(Column).ToArray();
        var effect = Column("inherent-effect");
        var likelihood = Column("inherent-likelihood");
        var result = new List<Risk>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cells = table.Rows[row];
            bool Filled(int index) => index >= 0 && cells[index].Length > 0;
            double Number(int index) =>
                double.TryParse(cells[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value)
                    ? value
                    : throw CellError(Path, table, row, index, $"'{cells[index]}' is not a number.");
            int Level(int index)
            {
                if (!Filled(index))
                {
                    return 0;
                }

                return int.TryParse(cells[index], NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level <= RiskAssessment.MaxLevel
                    ? level
                    : throw CellError(Path, table, row, index, $"'{cells[index]}' is not a level (a whole number of 0 or more).");
            }

            QuantitativeEstimate? estimate = null;
            var named = new Dictionary<string, int>(StringComparer.Ordinal);
            if (threePoint.Any(Filled))
            {
                foreach (var index in threePoint.Where(c => !Filled(c)))
                {
                    var missing = ThreePointColumns[Array.IndexOf(threePoint, index)];
                    throw index >= 0
                        ? CellError(Path, table, row, index, $"The cell is empty, but a three-point impact needs all of {string.Join(", ", ThreePointColumns)}.")
                        : Error(Path, Cell(row, missing), $"The column '{missing}' is missing, but a three-point impact needs all of {string.Join(", ", ThreePointColumns)}.");
                }

                named["minimum"] = threePoint[0];
                named["mostLikely"] = threePoint[1];
                named["maximum"] = threePoint[2];
                named["probability"] = probability;
                estimate = Estimate(() => QuantitativeEstimate.FromThreePoint(Number(threePoint[0]), Number(threePoint[1]), Number(threePoint[2]), Filled(probability) ? Number(probability) : 1));
            }
            else if (Filled(probability) || Filled(impact))
            {
                var (missingIndex, missing) = Filled(probability) ? (impact, ImpactColumn) : (probability, ProbabilityColumn);
                if (missingIndex < 0)
                {
                    throw Error(Path, Cell(row, missing), $"The column '{missing}' is missing, but an estimate needs both {ProbabilityColumn} and {ImpactColumn} (or a three-point impact).");
                }

                if (!Filled(missingIndex))
                {
                    throw CellError(Path, table, row, missingIndex, $"The cell is empty, but an estimate needs both {ProbabilityColumn} and {ImpactColumn} (or a three-point impact).");
                }

                named["probability"] = probability;
                named["impact"] = impact;
                estimate = Estimate(() => QuantitativeEstimate.FromProbabilityAndImpact(Number(probability), Number(impact)));
            }

            QuantitativeEstimate Estimate(Func<QuantitativeEstimate> create)
            {
                try
                {
                    return create();
                }
                catch (ArgumentException e)
                {
                    // The library names the parameter; point at the cell behind it.
                    var index = e.ParamName is { } name && named.TryGetValue(name, out var c) && c >= 0 ? c : named.Values.First(v => v >= 0);
                    throw CellError(Path, table, row, index, CliException.Reason(e));
                }
            }

            var risk = Risks[i];
            result.Add(estimate is null ? risk : risk.Apply(new ClassifyRisk(new RiskAssessment(Level(effect), Level(likelihood), estimate))));
        }

        return result;
    }

    public ImmutableArray<Usm.Model.Resource> ResourcesOf(string id)
    {
        _byId ??= Risks.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return _byId[id].Resources;
    }
}
