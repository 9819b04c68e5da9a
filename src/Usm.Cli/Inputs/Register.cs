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

    private Register(string path, InputKind kind, IReadOnlyList<Risk> risks, CandidateSet candidates)
    {
        Path = path;
        Kind = kind;
        Risks = risks;
        Candidates = candidates;
    }

    public string Path { get; }

    public InputKind Kind { get; }

    public IReadOnlyList<Risk> Risks { get; }

    public CandidateSet Candidates { get; }

    public static Register Load(string path)
    {
        var (text, kind) = InputFiles.ReadAndDetect(path, InputKind.RiskDatabase, InputKind.RegisterCsv);
        if (kind == InputKind.RiskDatabase)
        {
            var database = InputFiles.Unwrap(path, UsmJson.ReadRiskDatabase(text, SystemClock.Instance));
            var open = database.OpenRisks;
            var candidates = open.Select(r => Complete(RiskCandidates.FromRisk(r), r)).ToList();
            return Create(path, kind, open, candidates);
        }

        var risks = InputFiles.Unwrap(path, RiskRegisterCsv.Import(text));
        var table = InputFiles.Unwrap(path, UsmCsv.ReadTable(text));
        var list = new List<Candidate>(risks.Count);
        for (var row = 0; row < risks.Count; row++)
        {
            var candidate = RiskCandidates.FromRisk(risks[row]);
            var cells = table.Rows[row];
            string? Cell(string column)
            {
                var index = table.ColumnIndex(column);
                return index < 0 || index >= cells.Length || cells[index].Length == 0 ? null : cells[index];
            }

            double Number(string column, string text) =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                    ? value
                    : throw new CliReadException(path, [new ReadError(ReadErrorCode.InvalidValue, $"$[{row}].{column}", $"'{text}' is not a number.", row + 2, table.ColumnIndex(column) + 1)]);

            if (Cell("inherent-effect") is { } effect)
            {
                candidate = candidate.WithValue(RiskCandidates.Effect, Number("inherent-effect", effect) + 1);
            }

            if (Cell("inherent-likelihood") is { } likelihood)
            {
                candidate = candidate.WithValue(RiskCandidates.Likelihood, Number("inherent-likelihood", likelihood) + 1);
            }

            if (Cell("signed-expected-value") is { } emv)
            {
                candidate = candidate.WithValue(RiskCandidates.ExpectedValue, Math.Abs(Number("signed-expected-value", emv)));
            }

            foreach (var column in table.Header.Where(h => !RiskRegisterCsv.Columns.Contains(h)))
            {
                var value = Cell(column) is { } t ? Number(column, t) : 0;
                candidate = candidate.WithValue(column, value);
                if (column == EffortCriterion)
                {
                    candidate = candidate.WithEffort(value);
                }
            }

            list.Add(Complete(candidate, risks[row]));
        }

        return Create(path, kind, risks, list);
    }

    private static Register Create(string path, InputKind kind, IReadOnlyList<Risk> risks, List<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            throw new CliException($"{path}: the register has no open risks to work on.");
        }

        try
        {
            return new Register(path, kind, risks, new CandidateSet(candidates));
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

    public ImmutableArray<Usm.Model.Resource> ResourcesOf(string id) => Risks.First(r => r.Id == id).Resources;
}
