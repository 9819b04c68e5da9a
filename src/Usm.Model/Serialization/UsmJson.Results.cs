using System.Globalization;
using System.Text.Json;
using Usm.Model.Internal;
using Usm.Model.Prioritisation;

namespace Usm.Model.Serialization;

public static partial class UsmJson
{
    /// <summary>
    /// Reads a prioritisation result (<c>ranking</c>) from text. The ranking is rebuilt by ranking the written
    /// candidates again with the written method and options (<see cref="Prioritiser.Rank"/>, or
    /// <see cref="Prioritiser.Top"/> when <c>complete</c> is false), and every recorded item (id, rank, score, class
    /// and explanation) must equal the rebuilt one, so the result is the library's own <see cref="Ranking"/>.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The ranking, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<Ranking> ReadRanking(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.Ranking, UsmJsonContext.Writer.RankingDocumentDto, (dto, ctx) => ResultMapper.RankingFromDto(dto.Ranking, ctx));

    /// <summary>Reads a prioritisation result (<c>ranking</c>) from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The ranking, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<Ranking> ReadRanking(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.Ranking, UsmJsonContext.Writer.RankingDocumentDto, (dto, ctx) => ResultMapper.RankingFromDto(dto.Ranking, ctx));

    /// <summary>
    /// Writes an AHP result (<c>ahp-result</c>): the labels and weights of one pairwise comparison, the weighting
    /// method, λmax, the consistency index and ratio, the random index table used with its value for this size, the
    /// threshold, and the solver's iterations and convergence.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">A weight or λmax is not finite (JSON has no infinity or NaN).</exception>
    public static string WriteAhpResult(AhpResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new AhpResultDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.AhpResult), AhpResult = ResultMapper.ToDto(result, nameof(result)) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.AhpResultDocumentDto);
    }

    /// <summary>
    /// Reads an AHP result from text. The recorded numbers are the result (no matrix is written), so the reader
    /// checks them instead: weights positive and summing to 1, labels unique and one per weight, the random index
    /// value equal to the table's value for this size, and the consistency index and ratio equal to the ones
    /// λmax and the random index give.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<AhpResult> ReadAhpResult(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.AhpResult, UsmJsonContext.Writer.AhpResultDocumentDto, (dto, ctx) => ResultMapper.AhpFromDto(dto.AhpResult, "$.ahp-result", ctx));

    /// <summary>Reads an AHP result from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<AhpResult> ReadAhpResult(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.AhpResult, UsmJsonContext.Writer.AhpResultDocumentDto, (dto, ctx) => ResultMapper.AhpFromDto(dto.AhpResult, "$.ahp-result", ctx));

    /// <summary>Writes a Borda count (<c>borda-result</c>): the partial-ballot rule, the voters, the total points, and each candidate's standing in order.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string WriteBordaResult(BordaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new BordaResultDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.BordaResult), BordaResult = ResultMapper.ToDto(result) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.BordaResultDocumentDto);
    }

    /// <summary>
    /// Reads a Borda count from text. The standings are rebuilt from each candidate's points, so their order, ranks
    /// (equal points share a rank) and the total must be the ones the points give.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<BordaResult> ReadBordaResult(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.BordaResult, UsmJsonContext.Writer.BordaResultDocumentDto, (dto, ctx) => ResultMapper.BordaFromDto(dto.BordaResult, ctx));

    /// <summary>Reads a Borda count from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<BordaResult> ReadBordaResult(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.BordaResult, UsmJsonContext.Writer.BordaResultDocumentDto, (dto, ctx) => ResultMapper.BordaFromDto(dto.BordaResult, ctx));

    /// <summary>
    /// Writes a Schulze count (<c>schulze-result</c>): the strength measure, the voters, the candidates in count order,
    /// the pairwise preference matrix d, the strongest-path matrix p, and the standings.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string WriteSchulzeResult(SchulzeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new SchulzeResultDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.SchulzeResult), SchulzeResult = ResultMapper.ToDto(result) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.SchulzeResultDocumentDto);
    }

    /// <summary>
    /// Reads a Schulze count from text. The count is rebuilt from the written preference matrix with the written
    /// strength measure, and the recorded path strengths and standings must equal the rebuilt ones.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<SchulzeResult> ReadSchulzeResult(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.SchulzeResult, UsmJsonContext.Writer.SchulzeResultDocumentDto, (dto, ctx) => ResultMapper.SchulzeFromDto(dto.SchulzeResult, ctx));

    /// <summary>Reads a Schulze count from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<SchulzeResult> ReadSchulzeResult(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.SchulzeResult, UsmJsonContext.Writer.SchulzeResultDocumentDto, (dto, ctx) => ResultMapper.SchulzeFromDto(dto.SchulzeResult, ctx));

    /// <summary>
    /// Writes a sprint selection (<c>sprint-selection</c>): status, method, capacity, resource coverage, the selected
    /// ids, totals, infeasible items and reasons, the work done, and every candidate's explanation. An item's ratio
    /// is not written (it follows from value and effort, and is infinite for an item without effort).
    /// </summary>
    /// <param name="result">The result.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string WriteSprintSelection(SprintSelectResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new SprintSelectionDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.SprintSelection), SprintSelection = ResultMapper.ToDto(result) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.SprintSelectionDocumentDto);
    }

    /// <summary>
    /// Reads a sprint selection from text. The items' resources, precedences and the options are not part of a
    /// <see cref="SprintSelectResult"/>, so the selection cannot be recomputed; the reader checks that the record
    /// agrees with itself instead: explanation ids unique, every selected, infeasible and displaced id naming an
    /// explained candidate, the selected ids being exactly the candidates whose decision selects them, and the total
    /// effort being their sum.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<SprintSelectResult> ReadSprintSelection(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.SprintSelection, UsmJsonContext.Writer.SprintSelectionDocumentDto, (dto, ctx) => ResultMapper.SprintFromDto(dto.SprintSelection, ctx));

    /// <summary>Reads a sprint selection from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<SprintSelectResult> ReadSprintSelection(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.SprintSelection, UsmJsonContext.Writer.SprintSelectionDocumentDto, (dto, ctx) => ResultMapper.SprintFromDto(dto.SprintSelection, ctx));

    /// <summary>
    /// Writes an AHP hierarchy synthesis (<c>ahp-synthesis</c>): every criterion (goal first) with its parent, local
    /// and global weight and the result of its comparison, and every alternative in rank order with its priority and
    /// per-leaf contributions.
    /// </summary>
    /// <param name="synthesis">The synthesis.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="synthesis"/> is null.</exception>
    /// <exception cref="ArgumentException">A weight or measure is not finite (JSON has no infinity or NaN).</exception>
    public static string WriteAhpSynthesis(AhpSynthesis synthesis)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        var document = new AhpSynthesisDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.AhpSynthesis), AhpSynthesis = ResultMapper.ToDto(synthesis) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.AhpSynthesisDocumentDto);
    }

    /// <summary>
    /// Reads an AHP hierarchy synthesis from text. The judgements are not written, so the reader checks the record:
    /// each criterion's result as <see cref="ReadAhpResult(string, ReaderOptions?)"/> does, unique criterion and
    /// alternative ids, one goal, parents and contributions that name listed criteria, and positions and ranks in order.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The synthesis, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<AhpSynthesis> ReadAhpSynthesis(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.AhpSynthesis, UsmJsonContext.Writer.AhpSynthesisDocumentDto, (dto, ctx) => ResultMapper.SynthesisFromDto(dto.AhpSynthesis, ctx));

    /// <summary>Reads an AHP hierarchy synthesis from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The synthesis, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<AhpSynthesis> ReadAhpSynthesis(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.AhpSynthesis, UsmJsonContext.Writer.AhpSynthesisDocumentDto, (dto, ctx) => ResultMapper.SynthesisFromDto(dto.AhpSynthesis, ctx));
}

/// <summary>Maps computed results (rankings, AHP weights, ballot counts, sprint selections) from their JSON shape.</summary>
internal static class ResultMapper
{
    private const string RankingRoot = "$.ranking";

    public static Ranking? RankingFromDto(RankingDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<Ranking>(RankingRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(RankingRoot, member);
        var method = ProgrammeMapper.MethodFromDto(d.Method, P("method"), ctx);
        var options = ProgrammeMapper.OptionsFromDto(d.Options, P("options"), ctx);
        if (d.Complete is null)
        {
            ManagementSystemMapper.Missing<Ranking>(P("complete"), ctx);
        }

        var candidates = d.Candidates is null
            ? ManagementSystemMapper.Missing<List<Candidate>>(P("candidates"), ctx)
            : ManagementSystemMapper.Items(d.Candidates, P("candidates"), ctx, (c, at) => CandidateFromDto(c, at, ctx), c => c.Id);
        var items = d.Items is null
            ? ManagementSystemMapper.Missing<List<RankedItemDto>>(P("items"), ctx)
            : ManagementSystemMapper.Items(d.Items, P("items"), ctx, (i, at) => CheckItem(i, at, ctx));
        if (ctx.HasErrors || method is null || options is null || candidates is null || items is null)
        {
            return null;
        }

        if (d.Method!.Name is { } writtenName && writtenName != method.Name)
        {
            ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(P("method"), "name"), $"The method is named '{JsonReadContext.Shorten(writtenName)}', but a '{d.Method.Kind}' method with these parameters is '{method.Name}'.");
            return null;
        }

        var n = candidates.Count;
        var complete = d.Complete!.Value;
        if (complete ? items.Count != n : items.Count < 1 || items.Count >= n)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("items"), complete
                ? Preconditions.Invariant($"A complete ranking holds every candidate: {n} item(s) expected but {items.Count} found.")
                : Preconditions.Invariant($"A top-k ranking holds from 1 to {n - 1} of its {n} candidates, but {items.Count} item(s) were found."));
            return null;
        }

        var set = ctx.Build(P("candidates"), () => new CandidateSet(candidates));
        var ranking = set is null ? null : ctx.Build(P("method"), () => complete ? Prioritiser.Rank(set, method, options) : Prioritiser.Top(set, method, items.Count, options));
        if (ranking is null)
        {
            return null;
        }

        for (var p = 0; p < items.Count; p++)
        {
            CompareItem(items[p], ranking.Items[p], JsonPaths.Index(P("items"), p), ctx);
        }

        return ctx.HasErrors ? null : ranking;
    }

    internal static Candidate? CandidateFromDto(CandidateDto c, string at, JsonReadContext ctx)
    {
        var id = WorkflowMapper.RequiredId(c.Id, JsonPaths.Member(at, "id"), ctx);
        var values = c.Values ?? ManagementSystemMapper.Missing<Dictionary<string, double>>(JsonPaths.Member(at, "values"), ctx);
        var effortOk = c.Effort is not null;
        if (c.Effort is null)
        {
            ManagementSystemMapper.Missing<Candidate>(JsonPaths.Member(at, "effort"), ctx);
        }
        else if (!(c.Effort >= 0))
        {
            // Candidate's bound, reported at the member (the schema states it there).
            ctx.Error(ReadErrorCode.NumberOutOfRange, JsonPaths.Member(at, "effort"), Preconditions.Invariant($"A candidate's effort is 0 or more, but was {c.Effort}."));
            effortOk = false;
        }

        var polarity = ProgrammeNames.Polarity.Read(c.Polarity, JsonPaths.Member(at, "polarity"), ctx, "a candidate polarity");
        return id is null || values is null || !effortOk || polarity is null ? null
            : ctx.Build(at, () => new Candidate(id, values, c.Effort!.Value, polarity.Value));
    }

    // Checks that an item has its required members; its values are compared with the rebuilt ranking afterwards.
    private static RankedItemDto? CheckItem(RankedItemDto i, string at, JsonReadContext ctx)
    {
        var before = ctx.Errors.Count;
        WorkflowMapper.RequiredId(i.Id, JsonPaths.Member(at, "id"), ctx);
        if (i.Rank is null)
        {
            ManagementSystemMapper.Missing<RankedItemDto>(JsonPaths.Member(at, "rank"), ctx);
        }

        if (i.Score is null)
        {
            ManagementSystemMapper.Missing<RankedItemDto>(JsonPaths.Member(at, "score"), ctx);
        }

        if (i.Explanation is not { } e)
        {
            ManagementSystemMapper.Missing<RankedItemDto>(JsonPaths.Member(at, "explanation"), ctx);
        }
        else
        {
            var ePath = JsonPaths.Member(at, "explanation");
            WorkflowMapper.Required(e.Method, JsonPaths.Member(ePath, "method"), ctx);
            WorkflowMapper.Required(e.Summary, JsonPaths.Member(ePath, "summary"), ctx);
            if (e.Contributions is null)
            {
                ManagementSystemMapper.Missing<RankedItemDto>(JsonPaths.Member(ePath, "contributions"), ctx);
            }
            else
            {
                ManagementSystemMapper.Items(e.Contributions, JsonPaths.Member(ePath, "contributions"), ctx, (c, cAt) =>
                {
                    WorkflowMapper.Required(c.Criterion, JsonPaths.Member(cAt, "criterion"), ctx);
                    WorkflowMapper.Required(c.Text, JsonPaths.Member(cAt, "text"), ctx);
                    return c.Value is null ? ManagementSystemMapper.Missing<ContributionItemDto>(JsonPaths.Member(cAt, "value"), ctx)
                        : c.Contribution is null ? ManagementSystemMapper.Missing<ContributionItemDto>(JsonPaths.Member(cAt, "contribution"), ctx)
                        : c;
                });
            }
        }

        return ctx.Errors.Count > before ? null : i;
    }

    // A recorded item must be exactly what ranking the written candidates gives; each difference is one error.
    private static void CompareItem(RankedItemDto recorded, RankedItem actual, string at, JsonReadContext ctx)
    {
        void Differs(string member, string written, string computed) =>
            ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, member), $"The recorded {member} {JsonReadContext.Shorten(written)} differs from {JsonReadContext.Shorten(computed)}, which ranking the written candidates gives.");

        if (recorded.Id != actual.Id)
        {
            Differs("id", $"'{recorded.Id}'", $"'{actual.Id}'");
            return;
        }

        if (recorded.Rank != actual.Rank)
        {
            Differs("rank", Num(recorded.Rank!.Value), Num(actual.Rank));
        }

        if (!recorded.Score!.Value.Equals(actual.Score))
        {
            Differs("score", Num(recorded.Score.Value), Num(actual.Score));
        }

        if (recorded.Class != actual.Class)
        {
            Differs("class", recorded.Class is { } rc ? Num(rc) : "(none)", actual.Class is { } ac ? Num(ac) : "(none)");
        }

        var e = recorded.Explanation!;
        var x = actual.Explanation;
        var same = e.Method == x.Method && e.Summary == x.Summary && e.Contributions!.Count == x.Contributions.Length
            && e.Contributions.Zip(x.Contributions).All(p => p.First!.Criterion == p.Second.Criterion && p.First.Value!.Value.Equals(p.Second.Value)
                && p.First.Contribution!.Value.Equals(p.Second.Contribution) && p.First.Text == p.Second.Text);
        if (!same)
        {
            ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "explanation"), $"The recorded explanation of '{JsonReadContext.Shorten(actual.Id)}' differs from the one that ranking the written candidates gives ({JsonReadContext.Shorten(x.Summary)}).");
        }
    }

    public static readonly EnumTable<AhpWeighting> Weighting = KebabEnum<AhpWeighting>.Table;

    private static readonly AhpRandomIndex[] s_standardTables = [AhpRandomIndex.Saaty1980, AhpRandomIndex.Saaty2005, AhpRandomIndex.AlonsoLamata2006, AhpRandomIndex.DoneganDodd1991];

    public static AhpResultDto ToDto(AhpResult r, string paramName)
    {
        if (r.Weights.Any(w => !double.IsFinite(w)) || !double.IsFinite(r.LambdaMax) || !double.IsFinite(r.ConsistencyRatio))
        {
            throw new ArgumentException(Preconditions.Invariant($"The AHP result {r} holds a weight or measure that is not finite, which JSON cannot hold."), paramName);
        }

        return new()
        {
            Labels = r.Labels.IsEmpty ? null : [.. r.Labels],
            Weights = [.. r.Weights],
            Weighting = Weighting.Name(r.Weighting),
            LambdaMax = r.LambdaMax,
            ConsistencyIndex = r.ConsistencyIndex,
            RandomIndex = new RandomIndexDto { Name = r.RandomIndex.Name, Values = [.. r.RandomIndex.Values] },
            RandomIndexValue = r.RandomIndexValue,
            ConsistencyRatio = r.ConsistencyRatio,
            ConsistencyThreshold = r.ConsistencyThreshold,
            Iterations = r.Iterations,
            Converged = r.Converged,
        };
    }

    public static AhpResult? AhpFromDto(AhpResultDto? d, string path, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<AhpResult>(path, ctx);
        }

        var before = ctx.Errors.Count;
        string P(string member) => JsonPaths.Member(path, member);
        double? Number(double? value, string member)
        {
            if (value is null)
            {
                ManagementSystemMapper.Missing<string>(P(member), ctx);
            }

            return value;
        }

        var weighting = Weighting.Read(d.Weighting, P("weighting"), ctx, "an AHP weighting");
        var lambda = Number(d.LambdaMax, "lambda-max");
        var ci = Number(d.ConsistencyIndex, "consistency-index");
        var riValue = Number(d.RandomIndexValue, "random-index-value");
        var cr = Number(d.ConsistencyRatio, "consistency-ratio");
        var threshold = Number(d.ConsistencyThreshold, "consistency-threshold");
        if (d.Iterations is null)
        {
            ManagementSystemMapper.Missing<string>(P("iterations"), ctx);
        }
        else if (d.Iterations < 0)
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, P("iterations"), Preconditions.Invariant($"Expected a non-negative iteration count but found {d.Iterations}."));
        }

        if (d.Converged is null)
        {
            ManagementSystemMapper.Missing<string>(P("converged"), ctx);
        }

        if (threshold is < 0 or > 1)
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, P("consistency-threshold"), $"The consistency threshold must be from 0 to 1, but was {Num(threshold.Value)}.");
        }

        var weights = d.Weights ?? ManagementSystemMapper.Missing<List<double>>(P("weights"), ctx);
        var n = weights?.Count ?? 0;
        if (weights is not null)
        {
            if (n == 0)
            {
                ctx.Error(ReadErrorCode.InvalidValue, P("weights"), "An AHP result has at least one weight.");
            }

            for (var i = 0; i < n; i++)
            {
                if (weights[i] is <= 0 or > 1)
                {
                    ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Index(P("weights"), i), $"A weight must be above 0 and at most 1, but was {Num(weights[i])}.");
                }
            }

            var sum = weights.Sum();
            if (n > 0 && Math.Abs(sum - 1) > 1e-9 * n)
            {
                ctx.Error(ReadErrorCode.InvalidValue, P("weights"), $"The weights must sum to 1, but sum to {Num(sum)}.");
            }
        }

        var labels = ManagementSystemMapper.Strings(d.Labels, P("labels"), ctx) ?? [];
        if (labels.Count > 0 && weights is not null && labels.Count != n)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("labels"), Preconditions.Invariant($"There are {labels.Count} labels for {n} weights."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(labels[i]))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Index(P("labels"), i), "A label must not be empty or white space.");
            }
            else if (!seen.Add(labels[i]))
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Index(P("labels"), i), $"Label '{JsonReadContext.Shorten(labels[i])}' is used by an earlier element.");
            }
        }

        var table = RandomIndexFromDto(d.RandomIndex, P("random-index"), ctx);
        if (ctx.Errors.Count > before || weighting is null || table is null || weights is null)
        {
            return null;
        }

        if (n > table.MaxSize)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("random-index"), Preconditions.Invariant($"The random index table '{table.Name}' covers sizes 1 to {table.MaxSize}, not {n}."));
            return null;
        }

        var result = new AhpResult([.. labels], [.. weights], weighting.Value, lambda!.Value, table, riValue!.Value, threshold!.Value, d.Iterations!.Value, d.Converged!.Value);
        if (!riValue.Value.Equals(table.For(n)))
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("random-index-value"), $"The recorded random index {Num(riValue.Value)} differs from {Num(table.For(n))}, the value of table '{table.Name}' for size {Num(n)}.");
        }
        else if (!ci!.Value.Equals(result.ConsistencyIndex))
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("consistency-index"), $"The recorded consistency index {Num(ci.Value)} differs from {Num(result.ConsistencyIndex)}, which λmax gives.");
        }
        else if (!cr!.Value.Equals(result.ConsistencyRatio))
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("consistency-ratio"), $"The recorded consistency ratio {Num(cr.Value)} differs from {Num(result.ConsistencyRatio)}, which the consistency and random indices give.");
        }

        return ctx.Errors.Count > before ? null : result;
    }

    private static AhpRandomIndex? RandomIndexFromDto(RandomIndexDto? d, string path, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<AhpRandomIndex>(path, ctx);
        }

        var name = WorkflowMapper.RequiredId(d.Name, JsonPaths.Member(path, "name"), ctx);
        var values = d.Values ?? ManagementSystemMapper.Missing<List<double>>(JsonPaths.Member(path, "values"), ctx);
        if (name is null || values is null)
        {
            return null;
        }

        var table = ctx.Build(path, () => AhpRandomIndex.Custom(name, values));
        return table is null ? null : s_standardTables.FirstOrDefault(t => t.Equals(table)) ?? table;
    }

    public static readonly EnumTable<BordaPartialRule> PartialRule = KebabEnum<BordaPartialRule>.Table;

    public static readonly EnumTable<SchulzeStrength> Strength = KebabEnum<SchulzeStrength>.Table;

    private const string BordaRoot = "$.borda-result";

    private const string SchulzeRoot = "$.schulze-result";

    public static BordaResultDto ToDto(BordaResult r) => new()
    {
        PartialRule = PartialRule.Name(r.PartialRule),
        TotalVoters = r.TotalVoters,
        TotalPoints = r.TotalPoints,
        Standings = [.. r.Candidates.Select(c => new BordaStandingDto { Id = c.Id, Points = c.Points, Rank = c.Rank, Position = c.Position, RankedBy = c.RankedBy, FirstPreferences = c.FirstPreferences })],
    };

    public static SchulzeResultDto ToDto(SchulzeResult r)
    {
        var ids = r.Preferences.Candidates;
        return new()
        {
            Strength = Strength.Name(r.Strength),
            TotalVoters = r.Preferences.TotalVoters,
            Candidates = [.. ids],
            Preferences = [.. ids.Select(a => (List<int>?)[.. ids.Select(b => r.Preferences.Preference(a, b))])],
            PathStrengths = [.. ids.Select(a => (List<int>?)[.. ids.Select(b => r.PathStrength(a, b))])],
            Standings = [.. r.Candidates.Select(c => new SchulzeStandingDto { Id = c.Id, Rank = c.Rank, Position = c.Position, Wins = c.Wins, Losses = c.Losses })],
        };
    }

    public static BordaResult? BordaFromDto(BordaResultDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<BordaResult>(BordaRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(BordaRoot, member);
        var rule = PartialRule.Read(d.PartialRule, P("partial-rule"), ctx, "a Borda partial-ballot rule");
        var voters = Count(d.TotalVoters, P("total-voters"), int.MaxValue, ctx);
        if (d.TotalPoints is null)
        {
            ManagementSystemMapper.Missing<string>(P("total-points"), ctx);
        }

        var standings = d.Standings is null ? ManagementSystemMapper.Missing<List<BordaStandingDto>>(P("standings"), ctx)
            : ManagementSystemMapper.Items(d.Standings, P("standings"), ctx, (c, at) =>
            {
                WorkflowMapper.RequiredId(c.Id, JsonPaths.Member(at, "id"), ctx);
                if (c.Points is not { } points)
                {
                    ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "points"), ctx);
                }
                else if (points < 0 || points > 1e15 || Math.Floor(points * 2) != points * 2)
                {
                    ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "points"), $"Borda points are whole or half numbers from 0 to 10^15, but found {Num(points)}.");
                }

                Count(c.Rank, JsonPaths.Member(at, "rank"), int.MaxValue, ctx);
                Count(c.Position, JsonPaths.Member(at, "position"), int.MaxValue, ctx);
                Count(c.RankedBy, JsonPaths.Member(at, "ranked-by"), voters ?? int.MaxValue, ctx);
                Count(c.FirstPreferences, JsonPaths.Member(at, "first-preferences"), voters ?? int.MaxValue, ctx);
                return c;
            }, c => c.Id!);
        if (ctx.HasErrors || rule is null || voters is null || standings is null)
        {
            return null;
        }

        var result = new BordaResult(
            [.. standings.Select(c => c.Id!)],
            [.. standings.Select(c => (long)(c.Points!.Value * 2))],
            [.. standings.Select(c => (long)c.RankedBy!.Value)],
            [.. standings.Select(c => (long)c.FirstPreferences!.Value)],
            voters.Value,
            rule.Value);
        for (var p = 0; p < standings.Count; p++)
        {
            var at = JsonPaths.Index(P("standings"), p);
            var (recorded, actual) = (standings[p], result.Candidates[p]);
            if (recorded.Id != actual.Id)
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "id"), $"Standings are ordered by points, then id; '{JsonReadContext.Shorten(actual.Id)}' belongs at position {Num(p + 1)}, not '{JsonReadContext.Shorten(recorded.Id!)}'.");
                break;
            }

            Compare(recorded.Rank!.Value, actual.Rank, JsonPaths.Member(at, "rank"), "the points give", ctx);
            Compare(recorded.Position!.Value, actual.Position, JsonPaths.Member(at, "position"), "the order gives", ctx);
        }

        if (!ctx.HasErrors && !d.TotalPoints!.Value.Equals(result.TotalPoints))
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("total-points"), $"The recorded total {Num(d.TotalPoints.Value)} differs from {Num(result.TotalPoints)}, the sum of the candidates' points.");
        }

        return ctx.HasErrors ? null : result;
    }

    public static SchulzeResult? SchulzeFromDto(SchulzeResultDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<SchulzeResult>(SchulzeRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(SchulzeRoot, member);
        var strength = Strength.Read(d.Strength, P("strength"), ctx, "a Schulze strength measure");
        var voters = Count(d.TotalVoters, P("total-voters"), int.MaxValue, ctx);
        var ids = d.Candidates is null ? ManagementSystemMapper.Missing<List<string>>(P("candidates"), ctx) : ManagementSystemMapper.Strings(d.Candidates, P("candidates"), ctx);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(ids![i]))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Index(P("candidates"), i), "An id must not be empty or white space.");
            }
            else if (!seen.Add(ids[i]))
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Index(P("candidates"), i), $"Id '{JsonReadContext.Shorten(ids[i])}' is used by an earlier candidate.");
            }
        }

        if (ctx.HasErrors || strength is null || voters is null || ids is null)
        {
            return null;
        }

        var n = ids.Count;
        var dMatrix = Matrix(d.Preferences, n, P("preferences"), ctx);
        var pMatrix = Matrix(d.PathStrengths, n, P("path-strengths"), ctx);
        var standings = d.Standings is null ? ManagementSystemMapper.Missing<List<SchulzeStandingDto>>(P("standings"), ctx)
            : ManagementSystemMapper.Items(d.Standings, P("standings"), ctx, (c, at) =>
            {
                WorkflowMapper.RequiredId(c.Id, JsonPaths.Member(at, "id"), ctx);
                Count(c.Rank, JsonPaths.Member(at, "rank"), int.MaxValue, ctx);
                Count(c.Position, JsonPaths.Member(at, "position"), int.MaxValue, ctx);
                Count(c.Wins, JsonPaths.Member(at, "wins"), int.MaxValue, ctx);
                Count(c.Losses, JsonPaths.Member(at, "losses"), int.MaxValue, ctx);
                return c;
            }, c => c.Id!);
        if (dMatrix is not null)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    var at = JsonPaths.Index(JsonPaths.Index(P("preferences"), a), b);
                    var v = dMatrix[(a * n) + b];
                    if (v < 0 || (a == b && v != 0))
                    {
                        ctx.Error(ReadErrorCode.InvalidValue, at, a == b ? $"No voter prefers a candidate to itself, but found {Num(v)}." : $"A preference count is not negative, but found {Num(v)}.");
                    }
                    else if (a < b && (long)v + dMatrix[(b * n) + a] > voters.Value)
                    {
                        ctx.Error(ReadErrorCode.InvalidValue, at, $"{Num(v)} + {Num(dMatrix[(b * n) + a])} voters prefer one of '{JsonReadContext.Shorten(ids[a])}' and '{JsonReadContext.Shorten(ids[b])}' to the other, more than the {Num(voters.Value)} voters.");
                    }
                }
            }
        }

        if (standings is not null && standings.Count != n)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("standings"), Preconditions.Invariant($"There are {standings.Count} standings for {n} candidates."));
        }

        if (ctx.HasErrors || dMatrix is null || pMatrix is null || standings is null)
        {
            return null;
        }

        var result = BallotCount.SchulzeOf(new BallotPreferences([.. ids], dMatrix, voters.Value), strength.Value);
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                Compare(pMatrix[(a * n) + b], result.PathStrength(ids[a], ids[b]), JsonPaths.Index(JsonPaths.Index(P("path-strengths"), a), b), "the preferences give", ctx);
            }
        }

        for (var p = 0; p < n; p++)
        {
            var at = JsonPaths.Index(P("standings"), p);
            var (recorded, actual) = (standings[p], result.Candidates[p]);
            if (recorded.Id != actual.Id)
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "id"), $"'{JsonReadContext.Shorten(actual.Id)}' belongs at position {Num(p + 1)} of the Schulze order, not '{JsonReadContext.Shorten(recorded.Id!)}'.");
                break;
            }

            Compare(recorded.Rank!.Value, actual.Rank, JsonPaths.Member(at, "rank"), "the path strengths give", ctx);
            Compare(recorded.Position!.Value, actual.Position, JsonPaths.Member(at, "position"), "the order gives", ctx);
            Compare(recorded.Wins!.Value, actual.Wins, JsonPaths.Member(at, "wins"), "the path strengths give", ctx);
            Compare(recorded.Losses!.Value, actual.Losses, JsonPaths.Member(at, "losses"), "the path strengths give", ctx);
        }

        return ctx.HasErrors ? null : result;
    }

    private static int[]? Matrix(List<List<int>?>? rows, int n, string path, JsonReadContext ctx)
    {
        if (rows is null)
        {
            return ManagementSystemMapper.Missing<int[]>(path, ctx);
        }

        if (rows.Count != n)
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, Preconditions.Invariant($"Expected {n} rows, one per candidate, but found {rows.Count}."));
            return null;
        }

        var cells = new int[n * n];
        var ok = true;
        for (var a = 0; a < n; a++)
        {
            var at = JsonPaths.Index(path, a);
            if (rows[a] is not { } row)
            {
                ctx.Error(ReadErrorCode.WrongType, at, "Expected an array but found null.");
                ok = false;
            }
            else if (row.Count != n)
            {
                ctx.Error(ReadErrorCode.InvalidValue, at, Preconditions.Invariant($"Expected {n} values, one per candidate, but found {row.Count}."));
                ok = false;
            }
            else
            {
                row.CopyTo(cells, a * n);
            }
        }

        return ok ? cells : null;
    }

    internal static int? Count(int? value, string path, int max, JsonReadContext ctx)
    {
        if (value is null)
        {
            ManagementSystemMapper.Missing<string>(path, ctx);
        }
        else if (value < 0 || value > max)
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, path, Preconditions.Invariant($"Expected a count from 0 to {max} but found {value}."));
            return null;
        }

        return value;
    }

    internal static void Compare(int recorded, int computed, string path, string source, JsonReadContext ctx)
    {
        if (recorded != computed)
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, $"The recorded value {Num(recorded)} differs from {Num(computed)}, which {source}.");
        }
    }

    public static readonly EnumTable<SprintSelectStatus> SelectStatus = KebabEnum<SprintSelectStatus>.Table;

    public static readonly EnumTable<SprintSelectMethod> SelectMethod = KebabEnum<SprintSelectMethod>.Table;

    public static readonly EnumTable<SprintSelectDecision> Decision = KebabEnum<SprintSelectDecision>.Table;

    private const string SprintRoot = "$.sprint-selection";

    public static SprintSelectionDto ToDto(SprintSelectResult r) => new()
    {
        Status = SelectStatus.Name(r.Status),
        Method = SelectMethod.Name(r.Method),
        Capacity = r.Capacity,
        CoverageRequired = r.IsCoverageRequired,
        CoveredResources = [.. r.CoveredResources.Select(ImprovementNames.Resource.Name)],
        SelectedIds = [.. r.SelectedIds],
        TotalValue = r.TotalValue,
        TotalEffort = r.TotalEffort,
        InfeasibleItemIds = [.. r.InfeasibleItemIds],
        Reasons = [.. r.Reasons],
        WorkCells = r.WorkCells,
        Explanations = [.. r.Explanations.Select(e => new SprintExplanationDto
        {
            ItemId = e.ItemId,
            Decision = Decision.Name(e.Decision),
            Value = e.Value,
            Effort = e.Effort,
            CapacityNeeded = e.CapacityNeeded,
            CapacityShortfall = e.CapacityShortfall,
            Displaced = e.Displaced.IsEmpty ? null : [.. e.Displaced],
        })],
    };

    public static SprintSelectResult? SprintFromDto(SprintSelectionDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<SprintSelectResult>(SprintRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(SprintRoot, member);
        var status = SelectStatus.Read(d.Status, P("status"), ctx, "a sprint selection status");
        var method = SelectMethod.Read(d.Method, P("method"), ctx, "a sprint selection method");
        var capacity = Count(d.Capacity, P("capacity"), int.MaxValue, ctx);
        if (d.CoverageRequired is null)
        {
            ManagementSystemMapper.Missing<string>(P("coverage-required"), ctx);
        }

        if (d.TotalValue is null)
        {
            ManagementSystemMapper.Missing<string>(P("total-value"), ctx);
        }

        var totalEffort = Long(d.TotalEffort, P("total-effort"), ctx);
        var workCells = Long(d.WorkCells, P("work-cells"), ctx);
        var resources = new List<Resource>();
        var resourceNames = d.CoveredResources is null ? ManagementSystemMapper.Missing<List<string>>(P("covered-resources"), ctx) : ManagementSystemMapper.Strings(d.CoveredResources, P("covered-resources"), ctx);
        for (var i = 0; i < (resourceNames?.Count ?? 0); i++)
        {
            var at = JsonPaths.Index(P("covered-resources"), i);
            if (ImprovementNames.Resource.Read(resourceNames![i], at, ctx, "a resource") is { } resource)
            {
                if (resources.Contains(resource))
                {
                    ctx.Error(ReadErrorCode.DuplicateId, at, $"The resource '{resourceNames[i]}' is listed twice.");
                }

                resources.Add(resource);
            }
        }

        var selected = d.SelectedIds is null ? ManagementSystemMapper.Missing<List<string>>(P("selected-ids"), ctx) : ManagementSystemMapper.Strings(d.SelectedIds, P("selected-ids"), ctx);
        var infeasible = ManagementSystemMapper.Strings(d.InfeasibleItemIds, P("infeasible-item-ids"), ctx) ?? [];
        var reasons = ManagementSystemMapper.Strings(d.Reasons, P("reasons"), ctx) ?? [];
        var explanations = d.Explanations is null ? ManagementSystemMapper.Missing<List<SprintSelectExplanation>>(P("explanations"), ctx)
            : ManagementSystemMapper.Items(d.Explanations, P("explanations"), ctx, (e, at) => ExplanationFromDto(e, at, ctx));
        var explained = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (explanations?.Count ?? 0); i++)
        {
            if (!explained.Add(explanations![i].ItemId))
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(JsonPaths.Index(P("explanations"), i), "item-id"), $"Id '{JsonReadContext.Shorten(explanations[i].ItemId)}' is explained by an earlier item of this list.");
            }
        }

        if (ctx.HasErrors || status is null || method is null || capacity is null || totalEffort is null || workCells is null || selected is null || explanations is null)
        {
            return null;
        }

        var byId = explanations.ToDictionary(e => e.ItemId, StringComparer.Ordinal);
        void CheckReference(string id, string at)
        {
            if (!byId.ContainsKey(id))
            {
                ctx.Error(ReadErrorCode.DanglingReference, at, $"'{JsonReadContext.Shorten(id)}' is not one of the explained candidates.");
            }
        }

        var selectedSet = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < selected.Count; i++)
        {
            var at = JsonPaths.Index(P("selected-ids"), i);
            CheckReference(selected[i], at);
            if (!selectedSet.Add(selected[i]))
            {
                ctx.Error(ReadErrorCode.DuplicateId, at, $"'{JsonReadContext.Shorten(selected[i])}' is selected twice.");
            }
            else if (byId.TryGetValue(selected[i], out var e) && !e.IsSelected)
            {
                ctx.Error(ReadErrorCode.InvalidValue, at, $"'{JsonReadContext.Shorten(selected[i])}' is selected, but its explanation's decision is {Decision.Name(e.Decision)}.");
            }
        }

        for (var i = 0; i < infeasible.Count; i++)
        {
            CheckReference(infeasible[i], JsonPaths.Index(P("infeasible-item-ids"), i));
        }

        for (var i = 0; i < explanations.Count; i++)
        {
            var e = explanations[i];
            var at = JsonPaths.Index(P("explanations"), i);
            if (e.IsSelected && !selectedSet.Contains(e.ItemId))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "decision"), $"'{JsonReadContext.Shorten(e.ItemId)}' is explained as {Decision.Name(e.Decision)} but is not among the selected ids.");
            }

            for (var j = 0; j < e.Displaced.Length; j++)
            {
                CheckReference(e.Displaced[j], JsonPaths.Index(JsonPaths.Member(at, "displaced"), j));
            }
        }

        if (!ctx.HasErrors)
        {
            var sum = selected.Sum(id => (long)byId[id].Effort);
            if (sum != totalEffort.Value)
            {
                ctx.Error(ReadErrorCode.InvalidValue, P("total-effort"), $"The recorded total effort {Num(totalEffort.Value)} differs from {Num(sum)}, the sum of the selected items' efforts.");
            }
        }

        return ctx.HasErrors ? null
            : new SprintSelectResult(status.Value, method.Value, [.. selected], d.TotalValue!.Value, totalEffort.Value, capacity.Value, d.CoverageRequired!.Value, [.. resources], [.. infeasible], [.. reasons], [.. explanations], workCells.Value);
    }

    private static SprintSelectExplanation? ExplanationFromDto(SprintExplanationDto e, string at, JsonReadContext ctx)
    {
        var id = WorkflowMapper.RequiredId(e.ItemId, JsonPaths.Member(at, "item-id"), ctx);
        var decision = Decision.Read(e.Decision, JsonPaths.Member(at, "decision"), ctx, "a sprint selection decision");
        if (e.Value is null)
        {
            ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "value"), ctx);
        }

        var effort = Count(e.Effort, JsonPaths.Member(at, "effort"), int.MaxValue, ctx);
        var needed = Long(e.CapacityNeeded, JsonPaths.Member(at, "capacity-needed"), ctx);
        var shortfall = Long(e.CapacityShortfall, JsonPaths.Member(at, "capacity-shortfall"), ctx);
        var displaced = ManagementSystemMapper.Strings(e.Displaced, JsonPaths.Member(at, "displaced"), ctx) ?? [];
        if (id is null || decision is null || e.Value is null || effort is null || needed is null || shortfall is null)
        {
            return null;
        }

        var item = ctx.Build(at, () => new SprintSelectItem(id, e.Value.Value, effort.Value));
        return item is null ? null : new SprintSelectExplanation(item, decision.Value, needed.Value, shortfall.Value, [.. displaced]);
    }

    private static long? Long(long? value, string path, JsonReadContext ctx)
    {
        if (value is null)
        {
            ManagementSystemMapper.Missing<string>(path, ctx);
        }
        else if (value < 0)
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, path, Preconditions.Invariant($"Expected a count of at least 0 but found {value}."));
            return null;
        }

        return value;
    }

    private const string SynthesisRoot = "$.ahp-synthesis";

    public static AhpSynthesisDto ToDto(AhpSynthesis s)
    {
        if (s.Criteria.Any(c => !double.IsFinite(c.LocalWeight) || !double.IsFinite(c.GlobalWeight))
            || s.Alternatives.Any(a => !double.IsFinite(a.Priority) || a.Contributions.Any(c => !double.IsFinite(c.Contribution) || !double.IsFinite(c.CriterionWeight) || !double.IsFinite(c.LocalPriority))))
        {
            throw new ArgumentException("The AHP synthesis holds a weight or priority that is not finite, which JSON cannot hold.", "synthesis");
        }

        return new()
        {
            Criteria = [.. s.Criteria.Select(c => new AhpCriterionWeightDto { Id = c.Id, ParentId = c.ParentId, LocalWeight = c.LocalWeight, GlobalWeight = c.GlobalWeight, Result = ToDto(c.Result, "synthesis") })],
            Alternatives = [.. s.Alternatives.Select(a => new AhpAlternativeDto
            {
                Id = a.Id,
                Priority = a.Priority,
                Rank = a.Rank,
                Position = a.Position,
                Contributions = [.. a.Contributions.Select(c => new AhpContributionDto { CriterionId = c.CriterionId, CriterionWeight = c.CriterionWeight, LocalPriority = c.LocalPriority, Contribution = c.Contribution })],
            })],
        };
    }

    public static AhpSynthesis? SynthesisFromDto(AhpSynthesisDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<AhpSynthesis>(SynthesisRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(SynthesisRoot, member);
        double Required(double? value, string path)
        {
            if (value is null)
            {
                ManagementSystemMapper.Missing<string>(path, ctx);
            }

            return value ?? 0;
        }

        var criteria = d.Criteria is null ? ManagementSystemMapper.Missing<List<AhpCriterionWeight>>(P("criteria"), ctx)
            : ManagementSystemMapper.Items(d.Criteria, P("criteria"), ctx, (c, at) =>
            {
                var id = WorkflowMapper.RequiredId(c.Id, JsonPaths.Member(at, "id"), ctx);
                var local = Required(c.LocalWeight, JsonPaths.Member(at, "local-weight"));
                var global = Required(c.GlobalWeight, JsonPaths.Member(at, "global-weight"));
                var result = AhpFromDto(c.Result, JsonPaths.Member(at, "result"), ctx);
                return id is null || result is null ? null : new AhpCriterionWeight(id, c.ParentId, local, global, result);
            }, c => c.Id);
        var alternatives = d.Alternatives is null ? ManagementSystemMapper.Missing<List<AhpAlternativePriority>>(P("alternatives"), ctx)
            : ManagementSystemMapper.Items(d.Alternatives, P("alternatives"), ctx, (a, at) =>
            {
                var id = WorkflowMapper.RequiredId(a.Id, JsonPaths.Member(at, "id"), ctx);
                var priority = Required(a.Priority, JsonPaths.Member(at, "priority"));
                var rank = Count(a.Rank, JsonPaths.Member(at, "rank"), int.MaxValue, ctx);
                var position = Count(a.Position, JsonPaths.Member(at, "position"), int.MaxValue, ctx);
                var contributions = a.Contributions is null ? ManagementSystemMapper.Missing<List<object>>(JsonPaths.Member(at, "contributions"), ctx)
                    : ManagementSystemMapper.Items(a.Contributions, JsonPaths.Member(at, "contributions"), ctx, (c, cAt) =>
                    {
                        var criterion = WorkflowMapper.RequiredId(c.CriterionId, JsonPaths.Member(cAt, "criterion-id"), ctx);
                        var weight = Required(c.CriterionWeight, JsonPaths.Member(cAt, "criterion-weight"));
                        var local = Required(c.LocalPriority, JsonPaths.Member(cAt, "local-priority"));
                        var part = Required(c.Contribution, JsonPaths.Member(cAt, "contribution"));
                        return criterion is null ? null : ctx.Build(cAt, () => (object)new AhpContribution(criterion, weight, local, part));
                    });
                return id is null || rank is null || position is null || contributions is null ? null
                    : new AhpAlternativePriority(id, priority, rank.Value, position.Value, [.. contributions.Cast<AhpContribution>()]);
            }, a => a.Id);
        if (ctx.HasErrors || criteria is null || alternatives is null)
        {
            return null;
        }

        var ids = new HashSet<string>(criteria.Select(c => c.Id), StringComparer.Ordinal);
        var goals = 0;
        for (var i = 0; i < criteria.Count; i++)
        {
            if (criteria[i].ParentId is not { } parent)
            {
                goals++;
            }
            else if (!ids.Contains(parent) || parent == criteria[i].Id)
            {
                ctx.Error(ReadErrorCode.DanglingReference, JsonPaths.Member(JsonPaths.Index(P("criteria"), i), "parent-id"), $"'{JsonReadContext.Shorten(parent)}' is not another criterion of this synthesis.");
            }
        }

        if (goals != 1)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("criteria"), Preconditions.Invariant($"A hierarchy has exactly one goal (a criterion without parent-id), but {goals} were found."));
        }

        for (var i = 0; i < alternatives.Count; i++)
        {
            var a = alternatives[i];
            var at = JsonPaths.Index(P("alternatives"), i);
            if (a.Position != i + 1)
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "position"), Preconditions.Invariant($"Alternatives are listed in rank order, so this one's position is {i + 1}, not {a.Position}."));
            }

            var previous = i == 0 ? 1 : alternatives[i - 1].Rank;
            if (a.Rank < previous || a.Rank > i + 1 || (i > 0 && a.Rank != previous && a.Rank != i + 1))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "rank"), Preconditions.Invariant($"Rank {a.Rank} does not follow rank {previous} at position {i + 1}: a rank is the position, or the rank before it in a tie."));
            }

            for (var j = 0; j < a.Contributions.Length; j++)
            {
                if (!ids.Contains(a.Contributions[j].CriterionId))
                {
                    ctx.Error(ReadErrorCode.DanglingReference, JsonPaths.Member(JsonPaths.Index(JsonPaths.Member(at, "contributions"), j), "criterion-id"), $"'{JsonReadContext.Shorten(a.Contributions[j].CriterionId)}' is not a criterion of this synthesis.");
                }
            }
        }

        return ctx.HasErrors ? null : new AhpSynthesis([.. alternatives], [.. criteria]);
    }

    internal static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
