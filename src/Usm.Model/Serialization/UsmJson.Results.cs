using System.Globalization;
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

    private static Candidate? CandidateFromDto(CandidateDto c, string at, JsonReadContext ctx)
    {
        var id = WorkflowMapper.RequiredId(c.Id, JsonPaths.Member(at, "id"), ctx);
        var values = c.Values ?? ManagementSystemMapper.Missing<Dictionary<string, double>>(JsonPaths.Member(at, "values"), ctx);
        if (c.Effort is null)
        {
            ManagementSystemMapper.Missing<Candidate>(JsonPaths.Member(at, "effort"), ctx);
        }

        var polarity = ProgrammeNames.Polarity.Read(c.Polarity, JsonPaths.Member(at, "polarity"), ctx, "a candidate polarity");
        return id is null || values is null || c.Effort is null || polarity is null ? null
            : ctx.Build(at, () => new Candidate(id, values, c.Effort.Value, polarity.Value));
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

    internal static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
