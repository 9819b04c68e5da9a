using System.Text.Json;
using Usm.Model.Internal;
using Usm.Model.Prioritisation;

namespace Usm.Model.Serialization;

public static partial class UsmJson
{
    /// <summary>Writes a Kano survey (<c>kano-survey</c>): every response with its feature, respondent, functional and dysfunctional answer, by feature id, then respondent id.</summary>
    /// <param name="survey">The survey.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="survey"/> is null.</exception>
    public static string WriteKanoSurvey(KanoSurvey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var document = new KanoSurveyDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.KanoSurvey), KanoSurvey = AnalysisMapper.ToDto(survey) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.KanoSurveyDocumentDto);
    }

    /// <summary>
    /// Reads a Kano survey from text. Every response needs both ids and both answers; a respondent who answers a
    /// feature twice is reported at the second response. The responses may come in any order.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The survey, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<KanoSurvey> ReadKanoSurvey(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.KanoSurvey, UsmJsonContext.Writer.KanoSurveyDocumentDto, (dto, ctx) => AnalysisMapper.SurveyFromDto(dto.KanoSurvey, "$.kano-survey", ctx));

    /// <summary>Reads a Kano survey from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The survey, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<KanoSurvey> ReadKanoSurvey(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.KanoSurvey, UsmJsonContext.Writer.KanoSurveyDocumentDto, (dto, ctx) => AnalysisMapper.SurveyFromDto(dto.KanoSurvey, "$.kano-survey", ctx));

    /// <summary>
    /// Writes a set of pairwise comparisons (<c>pairwise-comparisons</c>), the input of <see cref="BradleyTerry.Fit"/>
    /// and <see cref="Elo.Rate"/>: the candidates and the comparisons in the order they were made, each with its
    /// outcome (<c>win</c>: first preferred to second; <c>tie</c>) and, when above 1, its count.
    /// </summary>
    /// <param name="profile">The comparisons.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public static string WritePairwiseComparisons(PairwiseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var document = new PairwiseComparisonsDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.PairwiseComparisons), PairwiseComparisons = AnalysisMapper.ToDto(profile) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.PairwiseComparisonsDocumentDto);
    }

    /// <summary>
    /// Reads a set of pairwise comparisons from text. The candidates must be unique and not blank; each comparison must
    /// name two different candidates, have the outcome <c>win</c> or <c>tie</c>, and a count of at least 1 (1 when
    /// absent). The comparisons keep their written order (Elo depends on it).
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The comparisons, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<PairwiseProfile> ReadPairwiseComparisons(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.PairwiseComparisons, UsmJsonContext.Writer.PairwiseComparisonsDocumentDto, (dto, ctx) => AnalysisMapper.ProfileFromDto(dto.PairwiseComparisons, "$.pairwise-comparisons", ctx));

    /// <summary>Reads a set of pairwise comparisons from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The comparisons, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<PairwiseProfile> ReadPairwiseComparisons(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.PairwiseComparisons, UsmJsonContext.Writer.PairwiseComparisonsDocumentDto, (dto, ctx) => AnalysisMapper.ProfileFromDto(dto.PairwiseComparisons, "$.pairwise-comparisons", ctx));

    /// <summary>
    /// Writes ranked ballots (<c>ranked-ballots</c>), the input of <see cref="PlackettLuce.Fit"/> and of
    /// <see cref="BallotCount"/>: the candidates and the ballots in the order cast, each with its ranks (best first, a
    /// rank listing its tied candidates) and, when above 1, its voters.
    /// </summary>
    /// <param name="ballots">The ballots.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ballots"/> is null.</exception>
    public static string WriteRankedBallots(RankedBallots ballots)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        var document = new RankedBallotsDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.RankedBallots), RankedBallots = AnalysisMapper.ToDto(ballots) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.RankedBallotsDocumentDto);
    }

    /// <summary>
    /// Reads ranked ballots from text. The candidates must be unique and not blank; every rank must hold at least one
    /// id, an id may appear once per ballot and must be a candidate, and voters must be at least 1 (1 when absent).
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The ballots, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<RankedBallots> ReadRankedBallots(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.RankedBallots, UsmJsonContext.Writer.RankedBallotsDocumentDto, (dto, ctx) => AnalysisMapper.BallotsFromDto(dto.RankedBallots, "$.ranked-ballots", ctx));

    /// <summary>Reads ranked ballots from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The ballots, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<RankedBallots> ReadRankedBallots(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.RankedBallots, UsmJsonContext.Writer.RankedBallotsDocumentDto, (dto, ctx) => AnalysisMapper.BallotsFromDto(dto.RankedBallots, "$.ranked-ballots", ctx));
}

/// <summary>The outcome of one pairwise comparison as written: <c>win</c> (first preferred to second) or <c>tie</c>.</summary>
internal enum PairwiseOutcome
{
    Win = 1,
    Tie,
}

/// <summary>Maps the preference analyses' inputs and results (Kano, pairwise comparisons, ranked ballots, ELECTRE I) to and from their JSON shape.</summary>
internal static class AnalysisMapper
{
    public static readonly EnumTable<KanoAnswer> Answer = KebabEnum<KanoAnswer>.Table;

    public static readonly EnumTable<KanoCategory> Category = KebabEnum<KanoCategory>.Table;

    public static readonly EnumTable<PairwiseOutcome> Outcome = KebabEnum<PairwiseOutcome>.Table;

    public static readonly EnumTable<PlackettLuceUnranked> Unranked = KebabEnum<PlackettLuceUnranked>.Table;

    public static KanoSurveyDto ToDto(KanoSurvey survey) => new()
    {
        Responses = [.. survey.Responses.Select(r => new KanoResponseDto
        {
            FeatureId = r.FeatureId,
            RespondentId = r.RespondentId,
            Functional = Answer.Name(r.Functional),
            Dysfunctional = Answer.Name(r.Dysfunctional),
        })],
    };

    public static KanoSurvey? SurveyFromDto(KanoSurveyDto? d, string path, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<KanoSurvey>(path, ctx);
        }

        var at = JsonPaths.Member(path, "responses");
        var responses = d.Responses is null ? ManagementSystemMapper.Missing<List<KanoResponse>>(at, ctx)
            : ManagementSystemMapper.Items(d.Responses, at, ctx, (r, rAt) =>
            {
                var feature = WorkflowMapper.RequiredId(r.FeatureId, JsonPaths.Member(rAt, "feature-id"), ctx);
                var respondent = WorkflowMapper.RequiredId(r.RespondentId, JsonPaths.Member(rAt, "respondent-id"), ctx);
                var functional = Answer.Read(r.Functional, JsonPaths.Member(rAt, "functional"), ctx, "a Kano answer");
                var dysfunctional = Answer.Read(r.Dysfunctional, JsonPaths.Member(rAt, "dysfunctional"), ctx, "a Kano answer");
                return feature is null || respondent is null || functional is null || dysfunctional is null ? null
                    : new KanoResponse(feature, respondent, functional.Value, dysfunctional.Value);
            });
        if (responses is null)
        {
            return null;
        }

        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < responses.Count; i++)
        {
            if (!seen.Add((responses[i].FeatureId, responses[i].RespondentId)))
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(JsonPaths.Index(at, i), "respondent-id"),
                    $"Respondent '{JsonReadContext.Shorten(responses[i].RespondentId)}' already answered feature '{JsonReadContext.Shorten(responses[i].FeatureId)}' in an earlier response.");
            }
        }

        return ctx.HasErrors ? null : ctx.Build(path, () => new KanoSurvey(responses));
    }

    public static PairwiseProfileDto ToDto(PairwiseProfile profile) => new()
    {
        Candidates = [.. profile.Candidates],
        Comparisons = [.. profile.Comparisons.Select(c => new PairwiseComparisonDto
        {
            First = c.First,
            Second = c.Second,
            Outcome = Outcome.Name(c.IsTie ? PairwiseOutcome.Tie : PairwiseOutcome.Win),
            Count = c.Count == 1 ? null : c.Count,
        })],
    };

    public static PairwiseProfile? ProfileFromDto(PairwiseProfileDto? d, string path, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<PairwiseProfile>(path, ctx);
        }

        var before = ctx.Errors.Count;
        var candidates = CandidateIds(d.Candidates, JsonPaths.Member(path, "candidates"), ctx);
        var at = JsonPaths.Member(path, "comparisons");
        var comparisons = d.Comparisons is null ? ManagementSystemMapper.Missing<List<PairwiseComparison>>(at, ctx)
            : ManagementSystemMapper.Items(d.Comparisons, at, ctx, (c, cAt) =>
            {
                var first = WorkflowMapper.RequiredId(c.First, JsonPaths.Member(cAt, "first"), ctx);
                var second = WorkflowMapper.RequiredId(c.Second, JsonPaths.Member(cAt, "second"), ctx);
                var outcome = Outcome.Read(c.Outcome, JsonPaths.Member(cAt, "outcome"), ctx, "a comparison outcome");
                var count = Multiplicity(c.Count, JsonPaths.Member(cAt, "count"), ctx);
                return first is null || second is null || outcome is null || count is null ? null
                    : ctx.Build(cAt, () => outcome == PairwiseOutcome.Win ? PairwiseComparison.Win(first, second, count.Value) : PairwiseComparison.Tie(first, second, count.Value));
            });
        if (ctx.Errors.Count > before || candidates is null || comparisons is null)
        {
            return null;
        }

        var known = new HashSet<string>(candidates, StringComparer.Ordinal);
        var total = 0L;
        for (var k = 0; k < comparisons.Count; k++)
        {
            var cAt = JsonPaths.Index(at, k);
            NotACandidate(comparisons[k].First, JsonPaths.Member(cAt, "first"));
            NotACandidate(comparisons[k].Second, JsonPaths.Member(cAt, "second"));
            total += comparisons[k].Count;
        }

        if (total > int.MaxValue)
        {
            ctx.Error(ReadErrorCode.InvalidValue, at, Preconditions.Invariant($"The comparisons stand for {total} outcomes, more than {int.MaxValue}."));
        }

        return ctx.Errors.Count > before ? null : ctx.Build(path, () => new PairwiseProfile(candidates, comparisons));

        void NotACandidate(string id, string idAt)
        {
            if (!known.Contains(id))
            {
                ctx.Error(ReadErrorCode.DanglingReference, idAt, $"'{JsonReadContext.Shorten(id)}' is not one of the candidates.");
            }
        }
    }

    public static RankedBallotsDto ToDto(RankedBallots ballots) => ToDto(ballots.Candidates, ballots.Ballots);

    public static RankedBallotsDto ToDto(IEnumerable<string> candidates, IEnumerable<Ballot> ballots) => new()
    {
        Candidates = [.. candidates],
        Ballots = [.. ballots.Select(b => new BallotDto
        {
            Ranks = [.. b.Ranks.Select(r => (List<string?>?)[.. r])],
            Voters = b.Voters == 1 ? null : b.Voters,
        })],
    };

    public static RankedBallots? BallotsFromDto(RankedBallotsDto? d, string path, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<RankedBallots>(path, ctx);
        }

        var before = ctx.Errors.Count;
        var candidates = CandidateIds(d.Candidates, JsonPaths.Member(path, "candidates"), ctx);
        var known = candidates is null ? null : new HashSet<string>(candidates, StringComparer.Ordinal);
        var at = JsonPaths.Member(path, "ballots");
        var ballots = d.Ballots is null ? ManagementSystemMapper.Missing<List<Ballot>>(at, ctx)
            : ManagementSystemMapper.Items(d.Ballots, at, ctx, (b, bAt) =>
            {
                var ranksAt = JsonPaths.Member(bAt, "ranks");
                var errors = ctx.Errors.Count;
                var voters = Multiplicity(b.Voters, JsonPaths.Member(bAt, "voters"), ctx);
                if (b.Ranks is null)
                {
                    return ManagementSystemMapper.Missing<Ballot>(ranksAt, ctx);
                }

                var ranks = new List<List<string>>(b.Ranks.Count);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var r = 0; r < b.Ranks.Count; r++)
                {
                    var rAt = JsonPaths.Index(ranksAt, r);
                    if (b.Ranks[r] is not { } rank)
                    {
                        ctx.Error(ReadErrorCode.WrongType, rAt, "Expected an array of candidate ids but found null.");
                        continue;
                    }

                    if (rank.Count == 0)
                    {
                        ctx.Error(ReadErrorCode.InvalidValue, rAt, "A rank holds at least one candidate.");
                    }

                    var ids = new List<string>(rank.Count);
                    for (var j = 0; j < rank.Count; j++)
                    {
                        var idAt = JsonPaths.Index(rAt, j);
                        var id = WorkflowMapper.RequiredId(rank[j], idAt, ctx);
                        if (id is null)
                        {
                            continue;
                        }

                        if (known is not null && !known.Contains(id))
                        {
                            ctx.Error(ReadErrorCode.DanglingReference, idAt, $"'{JsonReadContext.Shorten(id)}' is not one of the candidates.");
                        }
                        else if (!seen.Add(id))
                        {
                            ctx.Error(ReadErrorCode.DuplicateId, idAt, $"'{JsonReadContext.Shorten(id)}' is ranked earlier on this ballot.");
                        }

                        ids.Add(id);
                    }

                    ranks.Add(ids);
                }

                return voters is null || ctx.Errors.Count > errors ? null : ctx.Build(bAt, () => new Ballot(ranks, voters.Value));
            });
        if (ctx.Errors.Count > before || candidates is null || ballots is null)
        {
            return null;
        }

        var total = ballots.Sum(b => (long)b.Voters);
        if (total > int.MaxValue)
        {
            ctx.Error(ReadErrorCode.InvalidValue, at, Preconditions.Invariant($"The ballots stand for {total} voters, more than {int.MaxValue}."));
            return null;
        }

        return ctx.Build(path, () => new RankedBallots(candidates, ballots));
    }

    // A required, non-empty list of unique, non-blank candidate ids.
    private static List<string>? CandidateIds(List<string?>? values, string path, JsonReadContext ctx)
    {
        if (values is null)
        {
            return ManagementSystemMapper.Missing<List<string>>(path, ctx);
        }

        if (values.Count == 0)
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, "At least one candidate is needed.");
            return null;
        }

        var before = ctx.Errors.Count;
        var ids = new List<string>(values.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var at = JsonPaths.Index(path, i);
            if (values[i] is not { } id)
            {
                ctx.Error(ReadErrorCode.WrongType, at, "Expected a candidate id but found null.");
            }
            else if (string.IsNullOrWhiteSpace(id))
            {
                ctx.Error(ReadErrorCode.InvalidValue, at, "An id must not be empty or white space.");
            }
            else if (!seen.Add(id))
            {
                ctx.Error(ReadErrorCode.DuplicateId, at, $"Id '{JsonReadContext.Shorten(id)}' is used by an earlier candidate.");
            }
            else
            {
                ids.Add(id);
            }
        }

        return ctx.Errors.Count > before ? null : ids;
    }

    // An optional count of identical records (comparisons or ballots): 1 when absent, otherwise at least 1.
    private static int? Multiplicity(int? value, string path, JsonReadContext ctx)
    {
        if (value is < 1)
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, path, Preconditions.Invariant($"Expected a count of at least 1 but found {value}."));
            return null;
        }

        return value ?? 1;
    }
}
