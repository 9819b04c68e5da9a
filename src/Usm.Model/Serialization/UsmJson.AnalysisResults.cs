using System.Text.Json;
using Usm.Model.Internal;
using Usm.Model.Prioritisation;

namespace Usm.Model.Serialization;

public static partial class UsmJson
{
    /// <summary>
    /// Writes a Kano evaluation (<c>kano-result</c>): each feature in ordinal id order with its six category counts,
    /// respondents, category, tied categories and Better and Worse coefficients (left out when undefined), and the
    /// feature ids in <see cref="KanoResult.Ranked"/> order. Explanations are not written: they follow from the counts.
    /// </summary>
    /// <param name="result">The evaluation.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string WriteKanoResult(KanoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new KanoResultDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.KanoResult), KanoResult = AnalysisResultMapper.ToDto(result) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.KanoResultDocumentDto);
    }

    /// <summary>
    /// Reads a Kano evaluation from text. Each feature is rebuilt from its six counts (the evaluation itself, so no
    /// survey is needed), and the recorded respondents, category, tied categories, coefficients and ranked order must
    /// equal the rebuilt ones; features must be unique, in ordinal id order, and answered by at least one respondent.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The evaluation, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<KanoResult> ReadKanoResult(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.KanoResult, UsmJsonContext.Writer.KanoResultDocumentDto, (dto, ctx) => AnalysisResultMapper.KanoFromDto(dto.KanoResult, ctx));

    /// <summary>Reads a Kano evaluation from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The evaluation, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<KanoResult> ReadKanoResult(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.KanoResult, UsmJsonContext.Writer.KanoResultDocumentDto, (dto, ctx) => AnalysisResultMapper.KanoFromDto(dto.KanoResult, ctx));

    /// <summary>
    /// Writes a Bradley–Terry fit (<c>bradley-terry-result</c>): the comparisons it was fitted to (as in a
    /// <c>pairwise-comparisons</c> document), the options, the iterations and convergence, and each candidate's
    /// standing in ranking order with its strength, rank, position, record and expected wins. Explanations are not
    /// written: they follow from the strengths and the comparisons.
    /// </summary>
    /// <param name="result">The fit.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">A strength or expected score is not finite (JSON has no infinity or NaN).</exception>
    public static string WriteBradleyTerryResult(BradleyTerryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new BradleyTerryResultDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.BradleyTerryResult), BradleyTerryResult = AnalysisResultMapper.ToDto(result) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.BradleyTerryResultDocumentDto);
    }

    /// <summary>
    /// Reads a Bradley–Terry fit from text without fitting again: the result is rebuilt from the written comparisons,
    /// options and strengths, and the recorded ranks, positions, records and expected wins must equal the rebuilt ones.
    /// The reader checks what it can without the iteration: one standing per candidate, strengths positive with
    /// geometric mean 1 (within 10⁻⁹ on the mean logarithm), iterations within the cap, and comparisons that have an
    /// estimate when the options ask for no virtual ties. It cannot check that the strengths are the maximum-likelihood
    /// estimate; <see cref="BradleyTerry.Fit"/> on the result's <see cref="BradleyTerryResult.Profile"/> does that.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The fit, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<BradleyTerryResult> ReadBradleyTerryResult(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.BradleyTerryResult, UsmJsonContext.Writer.BradleyTerryResultDocumentDto, (dto, ctx) => AnalysisResultMapper.BradleyTerryFromDto(dto.BradleyTerryResult, ctx));

    /// <summary>Reads a Bradley–Terry fit from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The fit, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<BradleyTerryResult> ReadBradleyTerryResult(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.BradleyTerryResult, UsmJsonContext.Writer.BradleyTerryResultDocumentDto, (dto, ctx) => AnalysisResultMapper.BradleyTerryFromDto(dto.BradleyTerryResult, ctx));

    /// <summary>
    /// Writes a Plackett–Luce fit (<c>plackett-luce-result</c>): the ballots it was fitted to (as in a
    /// <c>ranked-ballots</c> document), the options, the iterations and convergence, the log-likelihood, and each
    /// candidate's standing in ranking order with its worth, rank, position, voters, choices, expected choices and
    /// first-choice probability. Explanations are not written: they follow from the worths and the ballots.
    /// </summary>
    /// <param name="result">The fit.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">A worth, measure or the log-likelihood is not finite (JSON has no infinity or NaN).</exception>
    public static string WritePlackettLuceResult(PlackettLuceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new PlackettLuceResultDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.PlackettLuceResult), PlackettLuceResult = AnalysisResultMapper.ToDto(result) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.PlackettLuceResultDocumentDto);
    }

    /// <summary>
    /// Reads a Plackett–Luce fit from text without fitting again: the result is rebuilt from the written ballots,
    /// options and worths, and the recorded log-likelihood, ranks, positions, voters, choices, expected choices and
    /// first-choice probabilities must equal the rebuilt ones (the log-likelihood within 10⁻¹² relative, since it goes
    /// through <see cref="Math.Log(double)"/>, whose last bit may differ between platforms). As for <see cref="ReadBradleyTerryResult(string, ReaderOptions?)"/>,
    /// the worths must be positive with geometric mean 1 and the ballots must have an estimate when the options ask for
    /// no virtual ties; whether the worths are the maximum-likelihood estimate is not checked.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The fit, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<PlackettLuceResult> ReadPlackettLuceResult(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.PlackettLuceResult, UsmJsonContext.Writer.PlackettLuceResultDocumentDto, (dto, ctx) => AnalysisResultMapper.PlackettLuceFromDto(dto.PlackettLuceResult, ctx));

    /// <summary>Reads a Plackett–Luce fit from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The fit, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<PlackettLuceResult> ReadPlackettLuceResult(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.PlackettLuceResult, UsmJsonContext.Writer.PlackettLuceResultDocumentDto, (dto, ctx) => AnalysisResultMapper.PlackettLuceFromDto(dto.PlackettLuceResult, ctx));

    /// <summary>
    /// Writes an ELECTRE I result (<c>electre-result</c>): the candidates and criteria, the two thresholds, δ (the
    /// discordance scale), the kernel, the cycles, and the outranking relation as, for each candidate in set order, the
    /// ids it outranks (ordinal order). Concordance and discordance of each pair are not written (n² numbers); the
    /// reader gets them back from the candidates.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string WriteElectreResult(ElectreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new ElectreResultDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.ElectreResult), ElectreResult = AnalysisResultMapper.ToDto(result) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.ElectreResultDocumentDto);
    }

    /// <summary>
    /// Reads an ELECTRE I result from text. The relation and kernel are a function of the written candidates, criteria
    /// and thresholds with no iteration or tolerance, so, as <see cref="ReadRanking(string, ReaderOptions?)"/> does, the
    /// reader computes them again with <see cref="Electre.Kernel"/> and the recorded δ, kernel, cycles and relation must
    /// equal the computed ones.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<ElectreResult> ReadElectreResult(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.ElectreResult, UsmJsonContext.Writer.ElectreResultDocumentDto, (dto, ctx) => AnalysisResultMapper.ElectreFromDto(dto.ElectreResult, ctx));

    /// <summary>Reads an ELECTRE I result from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The result, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<ElectreResult> ReadElectreResult(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.ElectreResult, UsmJsonContext.Writer.ElectreResultDocumentDto, (dto, ctx) => AnalysisResultMapper.ElectreFromDto(dto.ElectreResult, ctx));

    /// <summary>
    /// Writes a Pareto sort (<c>pareto-result</c>): the candidates and criteria, and the fronts, first (non-dominated)
    /// first, each listing its ids in the sort's order. Per-item details (dominators, crowding) are not written: they
    /// follow from the candidates.
    /// </summary>
    /// <param name="result">The sort.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string WriteParetoResult(ParetoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new ParetoResultDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.ParetoResult), ParetoResult = AnalysisResultMapper.ToDto(result) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.ParetoResultDocumentDto);
    }

    /// <summary>
    /// Reads a Pareto sort from text. Dominance is a fixed comparison of values without arithmetic, so, as for
    /// <see cref="ReadElectreResult(string, ReaderOptions?)"/>, the reader sorts the written candidates again with
    /// <see cref="Pareto.Sort"/> and the recorded fronts must be the computed ones.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The sort, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<ParetoResult> ReadParetoResult(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.ParetoResult, UsmJsonContext.Writer.ParetoResultDocumentDto, (dto, ctx) => AnalysisResultMapper.ParetoFromDto(dto.ParetoResult, ctx));

    /// <summary>Reads a Pareto sort from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The sort, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<ParetoResult> ReadParetoResult(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.ParetoResult, UsmJsonContext.Writer.ParetoResultDocumentDto, (dto, ctx) => AnalysisResultMapper.ParetoFromDto(dto.ParetoResult, ctx));
}

/// <summary>Maps the preference analyses' results (Kano, Bradley–Terry, Plackett–Luce, ELECTRE I) to and from their JSON shape.</summary>
internal static class AnalysisResultMapper
{
    private const string KanoRoot = "$.kano-result";

    private const string BradleyTerryRoot = "$.bradley-terry-result";

    private const string PlackettLuceRoot = "$.plackett-luce-result";

    private const string ElectreRoot = "$.electre-result";

    private static readonly string[] s_countNames = ["must-be", "one-dimensional", "attractive", "indifferent", "reverse", "questionable"];

    public static KanoResultDto ToDto(KanoResult r) => new()
    {
        Features = [.. r.Features.Select(f => new KanoFeatureDto
        {
            FeatureId = f.FeatureId,
            Respondents = f.Respondents,
            MustBe = f.MustBe,
            OneDimensional = f.OneDimensional,
            Attractive = f.Attractive,
            Indifferent = f.Indifferent,
            Reverse = f.Reverse,
            Questionable = f.Questionable,
            Category = AnalysisMapper.Category.Name(f.Category),
            TiedCategories = [.. f.TiedCategories.Select(AnalysisMapper.Category.Name)],
            Better = f.Better,
            Worse = f.Worse,
        })],
        Ranked = [.. r.Ranked.Select(f => f.FeatureId)],
    };

    public static KanoResult? KanoFromDto(KanoResultDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<KanoResult>(KanoRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(KanoRoot, member);
        var features = d.Features is null ? ManagementSystemMapper.Missing<List<KanoFeatureResult>>(P("features"), ctx)
            : ManagementSystemMapper.Items(d.Features, P("features"), ctx, (f, at) => FeatureFromDto(f, at, ctx));
        var ranked = d.Ranked is null ? ManagementSystemMapper.Missing<List<string>>(P("ranked"), ctx) : ManagementSystemMapper.Strings(d.Ranked, P("ranked"), ctx);
        if (ctx.HasErrors || features is null || ranked is null)
        {
            return null;
        }

        for (var i = 1; i < features.Count; i++)
        {
            if (string.CompareOrdinal(features[i - 1].FeatureId, features[i].FeatureId) >= 0)
            {
                ctx.Error(
                    features[i - 1].FeatureId == features[i].FeatureId ? ReadErrorCode.DuplicateId : ReadErrorCode.InvalidValue,
                    JsonPaths.Member(JsonPaths.Index(P("features"), i), "feature-id"),
                    $"Features are listed once each in ordinal id order, so '{JsonReadContext.Shorten(features[i].FeatureId)}' cannot follow '{JsonReadContext.Shorten(features[i - 1].FeatureId)}'.");
            }
        }

        if (ctx.HasErrors)
        {
            return null;
        }

        var result = new KanoResult([.. features]);
        var order = result.Ranked.Select(f => f.FeatureId).ToList();
        if (ranked.Count != order.Count)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("ranked"), Preconditions.Invariant($"The ranking lists every feature once: {order.Count} id(s) expected but {ranked.Count} found."));
        }
        else
        {
            for (var i = 0; i < order.Count; i++)
            {
                if (ranked[i] != order[i])
                {
                    ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Index(P("ranked"), i), $"'{JsonReadContext.Shorten(order[i])}' belongs at place {Num(i + 1)} of the ranking by Better, then |Worse|, then id, not '{JsonReadContext.Shorten(ranked[i])}'.");
                    break;
                }
            }
        }

        return ctx.HasErrors ? null : result;
    }

    private static KanoFeatureResult? FeatureFromDto(KanoFeatureDto f, string at, JsonReadContext ctx)
    {
        var before = ctx.Errors.Count;
        var id = WorkflowMapper.RequiredId(f.FeatureId, JsonPaths.Member(at, "feature-id"), ctx);
        int?[] written = [f.MustBe, f.OneDimensional, f.Attractive, f.Indifferent, f.Reverse, f.Questionable];
        var counts = new int[6];
        for (var c = 0; c < 6; c++)
        {
            counts[c] = Count(written[c], JsonPaths.Member(at, s_countNames[c]), ctx) ?? 0;
        }

        var respondents = Count(f.Respondents, JsonPaths.Member(at, "respondents"), ctx);
        var category = AnalysisMapper.Category.Read(f.Category, JsonPaths.Member(at, "category"), ctx, "a Kano category");
        var tied = new List<KanoCategory>();
        if (f.TiedCategories is null)
        {
            ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "tied-categories"), ctx);
        }
        else
        {
            for (var i = 0; i < f.TiedCategories.Count; i++)
            {
                if (AnalysisMapper.Category.Read(f.TiedCategories[i], JsonPaths.Index(JsonPaths.Member(at, "tied-categories"), i), ctx, "a Kano category") is { } t)
                {
                    tied.Add(t);
                }
            }
        }

        if (ctx.Errors.Count > before)
        {
            return null;
        }

        var sum = counts.Sum(c => (long)c);
        if (sum is 0 or > int.MaxValue)
        {
            ctx.Error(ReadErrorCode.InvalidValue, at, sum == 0 ? "A feature in a Kano evaluation is answered by at least one respondent, but all six counts are 0."
                : Preconditions.Invariant($"The six counts sum to {sum}, more than {int.MaxValue} respondents."));
            return null;
        }

        var feature = new KanoFeatureResult(id!, counts);
        Differs(respondents!.Value, feature.Respondents, JsonPaths.Member(at, "respondents"), "the six counts give", ctx);
        if (category != feature.Category)
        {
            ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "category"), $"The recorded category {AnalysisMapper.Category.Name(category!.Value)} differs from {AnalysisMapper.Category.Name(feature.Category)}, which the counts give.");
        }

        if (!tied.SequenceEqual(feature.TiedCategories))
        {
            ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "tied-categories"), $"The recorded tied categories [{string.Join(", ", tied.Select(AnalysisMapper.Category.Name))}] differ from [{string.Join(", ", feature.TiedCategories.Select(AnalysisMapper.Category.Name))}], which the counts give.");
        }

        Differs(f.Better, feature.Better, JsonPaths.Member(at, "better"), ctx);
        Differs(f.Worse, feature.Worse, JsonPaths.Member(at, "worse"), ctx);
        return ctx.Errors.Count > before ? null : feature;
    }

    public static BradleyTerryResultDto ToDto(BradleyTerryResult r)
    {
        if (r.Candidates.Any(c => !double.IsFinite(c.Strength) || !double.IsFinite(c.ExpectedWins)))
        {
            throw new ArgumentException("The Bradley–Terry result holds a strength or expected score that is not finite, which JSON cannot hold.", "result");
        }

        return new()
        {
            Profile = AnalysisMapper.ToDto(r.Profile),
            Options = new BradleyTerryOptionsDto { Tolerance = r.Options.Tolerance, MaxIterations = r.Options.MaxIterations, VirtualTies = r.Options.VirtualTies },
            Iterations = r.Iterations,
            Converged = r.Converged,
            Standings = [.. r.Candidates.Select(c => new BradleyTerryStandingDto
            {
                Id = c.Id,
                Strength = c.Strength,
                Rank = c.Rank,
                Position = c.Position,
                Wins = c.Wins,
                Losses = c.Losses,
                Ties = c.Ties,
                ExpectedWins = c.ExpectedWins,
            })],
        };
    }

    public static BradleyTerryResult? BradleyTerryFromDto(BradleyTerryResultDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<BradleyTerryResult>(BradleyTerryRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(BradleyTerryRoot, member);
        var profile = AnalysisMapper.ProfileFromDto(d.Profile, P("profile"), ctx);
        BradleyTerryOptions? options = null;
        if (d.Options is not { } o)
        {
            ManagementSystemMapper.Missing<string>(P("options"), ctx);
        }
        else
        {
            var tolerance = Tolerance(o.Tolerance, JsonPaths.Member(P("options"), "tolerance"), ctx);
            var maxIterations = IterationCap(o.MaxIterations, JsonPaths.Member(P("options"), "max-iterations"), ctx);
            var virtualTies = Number(o.VirtualTies, JsonPaths.Member(P("options"), "virtual-ties"), ctx);
            if (tolerance is not null && maxIterations is not null && virtualTies is not null)
            {
                options = ctx.Build(P("options"), () => new BradleyTerryOptions(tolerance.Value, maxIterations.Value, virtualTies.Value));
            }
        }

        var iterations = Count(d.Iterations, P("iterations"), ctx);
        Required(d.Converged, P("converged"), ctx);
        var standings = d.Standings is null ? ManagementSystemMapper.Missing<List<BradleyTerryStandingDto>>(P("standings"), ctx)
            : ManagementSystemMapper.Items(d.Standings, P("standings"), ctx, (s, at) =>
            {
                WorkflowMapper.RequiredId(s.Id, JsonPaths.Member(at, "id"), ctx);
                Number(s.Strength, JsonPaths.Member(at, "strength"), ctx);
                Count(s.Rank, JsonPaths.Member(at, "rank"), ctx);
                Count(s.Position, JsonPaths.Member(at, "position"), ctx);
                Count(s.Wins, JsonPaths.Member(at, "wins"), ctx);
                Count(s.Losses, JsonPaths.Member(at, "losses"), ctx);
                Count(s.Ties, JsonPaths.Member(at, "ties"), ctx);
                Number(s.ExpectedWins, JsonPaths.Member(at, "expected-wins"), ctx);
                return s;
            });
        if (ctx.HasErrors || profile is null || options is null || iterations is null || standings is null)
        {
            return null;
        }

        CheckIterations(iterations.Value, d.Converged!.Value, options.MaxIterations, profile.Candidates.Length == 1, P("iterations"), P("converged"), ctx);
        if (options.VirtualTies == 0 && !profile.IsStronglyConnected)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("profile"), Preconditions.Invariant($"The comparisons fall into {profile.ComparisonGroups.Length} comparison groups, so without virtual ties they have no Bradley–Terry estimate."));
        }

        var strength = Strengths(profile.Candidates, standings.Select(s => (s.Id!, s.Strength!.Value)).ToList(), P("standings"), "strength", ctx);
        if (ctx.HasErrors || strength is null)
        {
            return null;
        }

        var result = new BradleyTerryResult(profile, options, strength, iterations.Value, d.Converged!.Value);
        for (var p = 0; p < standings.Count; p++)
        {
            var at = JsonPaths.Index(P("standings"), p);
            var (recorded, actual) = (standings[p], result.Candidates[p]);
            if (!SameId(recorded.Id!, actual.Id, p, at, ctx))
            {
                break;
            }

            Differs(recorded.Rank!.Value, actual.Rank, JsonPaths.Member(at, "rank"), "the strengths give", ctx);
            Differs(recorded.Position!.Value, actual.Position, JsonPaths.Member(at, "position"), "the order gives", ctx);
            Differs(recorded.Wins!.Value, actual.Wins, JsonPaths.Member(at, "wins"), "the comparisons give", ctx);
            Differs(recorded.Losses!.Value, actual.Losses, JsonPaths.Member(at, "losses"), "the comparisons give", ctx);
            Differs(recorded.Ties!.Value, actual.Ties, JsonPaths.Member(at, "ties"), "the comparisons give", ctx);
            Differs(recorded.ExpectedWins, actual.ExpectedWins, JsonPaths.Member(at, "expected-wins"), ctx);
        }

        return ctx.HasErrors ? null : result;
    }

    public static PlackettLuceResultDto ToDto(PlackettLuceResult r)
    {
        if (!double.IsFinite(r.LogLikelihood) || r.Candidates.Any(c => !double.IsFinite(c.Worth) || !double.IsFinite(c.ExpectedChoices) || !double.IsFinite(c.FirstChoiceProbability)))
        {
            throw new ArgumentException("The Plackett–Luce result holds a worth, measure or log-likelihood that is not finite, which JSON cannot hold.", "result");
        }

        return new()
        {
            Ballots = AnalysisMapper.ToDto(r.CandidateIds, r.Ballots),
            Options = new PlackettLuceOptionsDto { Tolerance = r.Options.Tolerance, MaxIterations = r.Options.MaxIterations, VirtualTies = r.Options.VirtualTies, Unranked = AnalysisMapper.Unranked.Name(r.Options.Unranked) },
            Iterations = r.Iterations,
            Converged = r.Converged,
            LogLikelihood = r.LogLikelihood,
            Standings = [.. r.Candidates.Select(c => new PlackettLuceStandingDto
            {
                Id = c.Id,
                Worth = c.Worth,
                Rank = c.Rank,
                Position = c.Position,
                RankedBy = c.RankedBy,
                Chosen = c.Chosen,
                ExpectedChoices = c.ExpectedChoices,
                FirstChoiceProbability = c.FirstChoiceProbability,
            })],
        };
    }

    public static PlackettLuceResult? PlackettLuceFromDto(PlackettLuceResultDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<PlackettLuceResult>(PlackettLuceRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(PlackettLuceRoot, member);
        var ballots = AnalysisMapper.BallotsFromDto(d.Ballots, P("ballots"), ctx);
        PlackettLuceOptions? options = null;
        if (d.Options is not { } o)
        {
            ManagementSystemMapper.Missing<string>(P("options"), ctx);
        }
        else
        {
            var tolerance = Tolerance(o.Tolerance, JsonPaths.Member(P("options"), "tolerance"), ctx);
            var maxIterations = IterationCap(o.MaxIterations, JsonPaths.Member(P("options"), "max-iterations"), ctx);
            var virtualTies = Number(o.VirtualTies, JsonPaths.Member(P("options"), "virtual-ties"), ctx);
            var unranked = AnalysisMapper.Unranked.Read(o.Unranked, JsonPaths.Member(P("options"), "unranked"), ctx, "a reading of unranked candidates");
            if (tolerance is not null && maxIterations is not null && virtualTies is not null && unranked is not null)
            {
                options = ctx.Build(P("options"), () => new PlackettLuceOptions(tolerance.Value, maxIterations.Value, virtualTies.Value, unranked.Value));
            }
        }

        var iterations = Count(d.Iterations, P("iterations"), ctx);
        Required(d.Converged, P("converged"), ctx);
        var logLikelihood = Number(d.LogLikelihood, P("log-likelihood"), ctx);
        var standings = d.Standings is null ? ManagementSystemMapper.Missing<List<PlackettLuceStandingDto>>(P("standings"), ctx)
            : ManagementSystemMapper.Items(d.Standings, P("standings"), ctx, (s, at) =>
            {
                WorkflowMapper.RequiredId(s.Id, JsonPaths.Member(at, "id"), ctx);
                Number(s.Worth, JsonPaths.Member(at, "worth"), ctx);
                Count(s.Rank, JsonPaths.Member(at, "rank"), ctx);
                Count(s.Position, JsonPaths.Member(at, "position"), ctx);
                Count(s.RankedBy, JsonPaths.Member(at, "ranked-by"), ctx);
                Number(s.Chosen, JsonPaths.Member(at, "chosen"), ctx);
                Number(s.ExpectedChoices, JsonPaths.Member(at, "expected-choices"), ctx);
                Number(s.FirstChoiceProbability, JsonPaths.Member(at, "first-choice-probability"), ctx);
                return s;
            });
        if (ctx.HasErrors || ballots is null || options is null || iterations is null || logLikelihood is null || standings is null)
        {
            return null;
        }

        CheckIterations(iterations.Value, d.Converged!.Value, options.MaxIterations, false, P("iterations"), P("converged"), ctx);
        var data = ctx.Build(P("ballots"), () => PlackettLuceData.Create(ballots.Candidates, ballots.Ballots, options.Unranked));
        if (data is not null && options.VirtualTies == 0 && data.Groups() is { Length: > 1 } groups)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("ballots"), Preconditions.Invariant($"The ballots fall into {groups.Length} groups that never meet in a choice, so without virtual ties they have no Plackett–Luce estimate."));
        }

        var worth = Strengths(ballots.Candidates, standings.Select(s => (s.Id!, s.Worth!.Value)).ToList(), P("standings"), "worth", ctx);
        if (ctx.HasErrors || data is null || worth is null)
        {
            return null;
        }

        var result = new PlackettLuceResult(data, options, worth, iterations.Value, d.Converged!.Value);
        // The log-likelihood goes through Math.Log, whose last bit may differ between platforms; everything else the
        // reader compares is plain IEEE arithmetic and is compared exactly.
        if (!(Math.Abs(logLikelihood.Value - result.LogLikelihood) <= 1e-12 * Math.Max(1, Math.Abs(result.LogLikelihood))))
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("log-likelihood"), $"The recorded log-likelihood {Num(logLikelihood.Value)} differs from {Num(result.LogLikelihood)}, which the worths and ballots give.");
        }
        for (var p = 0; p < standings.Count; p++)
        {
            var at = JsonPaths.Index(P("standings"), p);
            var (recorded, actual) = (standings[p], result.Candidates[p]);
            if (!SameId(recorded.Id!, actual.Id, p, at, ctx))
            {
                break;
            }

            Differs(recorded.Rank!.Value, actual.Rank, JsonPaths.Member(at, "rank"), "the worths give", ctx);
            Differs(recorded.Position!.Value, actual.Position, JsonPaths.Member(at, "position"), "the order gives", ctx);
            Differs(recorded.RankedBy!.Value, actual.RankedBy, JsonPaths.Member(at, "ranked-by"), "the ballots give", ctx);
            Differs(recorded.Chosen, actual.Chosen, JsonPaths.Member(at, "chosen"), ctx);
            Differs(recorded.ExpectedChoices, actual.ExpectedChoices, JsonPaths.Member(at, "expected-choices"), ctx);
            Differs(recorded.FirstChoiceProbability, actual.FirstChoiceProbability, JsonPaths.Member(at, "first-choice-probability"), ctx);
        }

        return ctx.HasErrors ? null : result;
    }

    public static ElectreResultDto ToDto(ElectreResult r)
    {
        var ids = r.Candidates.Ids;
        return new()
        {
            Candidates = [.. r.Candidates.Candidates.Select(c => new CandidateDto
            {
                Id = c.Id,
                Values = c.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
                Effort = c.Effort,
                Polarity = ProgrammeNames.Polarity.Name(c.Polarity),
            })],
            Criteria = [.. r.Criteria.Select(c => new CriterionDto { Name = c.Name, Kind = ProgrammeNames.CriterionKind.Name(c.Kind), Weight = c.Weight })],
            ConcordanceThreshold = r.ConcordanceThreshold,
            DiscordanceThreshold = r.DiscordanceThreshold,
            DiscordanceScale = r.DiscordanceScale,
            Kernel = [.. r.Kernel],
            Cycles = [.. r.Cycles.Select(c => (List<string?>?)[.. c])],
            Relation = [.. ids.Select(a => new ElectreOutrankingDto { Id = a, Outranks = [.. Outranked(r, a)] })],
        };
    }

    public static ElectreResult? ElectreFromDto(ElectreResultDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<ElectreResult>(ElectreRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(ElectreRoot, member);
        var candidates = d.Candidates is null ? ManagementSystemMapper.Missing<List<Candidate>>(P("candidates"), ctx)
            : ManagementSystemMapper.Items(d.Candidates, P("candidates"), ctx, (c, at) => ResultMapper.CandidateFromDto(c, at, ctx), c => c.Id);
        var criteria = d.Criteria is null ? ManagementSystemMapper.Missing<List<Criterion>>(P("criteria"), ctx)
            : ManagementSystemMapper.Items(d.Criteria, P("criteria"), ctx, (c, at) => ProgrammeMapper.CriterionFromDto(c, at, ctx));
        var concordance = Threshold(d.ConcordanceThreshold, P("concordance-threshold"), ctx);
        var discordance = Threshold(d.DiscordanceThreshold, P("discordance-threshold"), ctx);
        var scale = Number(d.DiscordanceScale, P("discordance-scale"), ctx);
        var kernel = d.Kernel is null ? ManagementSystemMapper.Missing<List<string>>(P("kernel"), ctx) : ManagementSystemMapper.Strings(d.Kernel, P("kernel"), ctx);
        var cycles = d.Cycles is null ? ManagementSystemMapper.Missing<List<List<string>>>(P("cycles"), ctx) : StringLists(d.Cycles, P("cycles"), ctx);
        var relation = d.Relation is null ? ManagementSystemMapper.Missing<List<ElectreOutrankingDto>>(P("relation"), ctx)
            : ManagementSystemMapper.Items(d.Relation, P("relation"), ctx, (e, at) =>
            {
                WorkflowMapper.RequiredId(e.Id, JsonPaths.Member(at, "id"), ctx);
                return e.Outranks is null ? ManagementSystemMapper.Missing<ElectreOutrankingDto>(JsonPaths.Member(at, "outranks"), ctx)
                    : ManagementSystemMapper.Strings(e.Outranks, JsonPaths.Member(at, "outranks"), ctx) is null ? null : e;
            });
        if (ctx.HasErrors || candidates is null || criteria is null || concordance is null || discordance is null || scale is null || kernel is null || cycles is null || relation is null)
        {
            return null;
        }

        var set = ctx.Build(P("candidates"), () => new CandidateSet(candidates));
        var result = set is null ? null : ctx.Build(P("criteria"), () => Electre.Kernel(set, criteria, concordance.Value, discordance.Value));
        if (result is null)
        {
            return null;
        }

        Differs(scale, result.DiscordanceScale, P("discordance-scale"), ctx);
        if (!kernel.SequenceEqual(result.Kernel, StringComparer.Ordinal))
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("kernel"), $"The recorded kernel [{List(kernel)}] differs from [{List(result.Kernel)}], which the candidates, criteria and thresholds give.");
        }

        if (cycles.Count != result.Cycles.Length || !cycles.Zip(result.Cycles).All(p => p.First.SequenceEqual(p.Second, StringComparer.Ordinal)))
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("cycles"), $"The recorded cycles [{string.Join("; ", cycles.Select(List))}] differ from [{string.Join("; ", result.Cycles.Select(c => List(c)))}], which the relation gives.");
        }

        var ids = result.Candidates.Ids;
        if (relation.Count != ids.Length)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("relation"), Preconditions.Invariant($"The relation lists every candidate once, in candidate order: {ids.Length} entries expected but {relation.Count} found."));
            return null;
        }

        for (var i = 0; i < ids.Length; i++)
        {
            var at = JsonPaths.Index(P("relation"), i);
            if (relation[i].Id != ids[i])
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "id"), $"The relation lists the candidates in their order, so entry {Num(i + 1)} is '{JsonReadContext.Shorten(ids[i])}', not '{JsonReadContext.Shorten(relation[i].Id!)}'.");
                continue;
            }

            var outranked = Outranked(result, ids[i]).ToList();
            if (!relation[i].Outranks!.SequenceEqual(outranked, StringComparer.Ordinal))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "outranks"), $"'{JsonReadContext.Shorten(ids[i])}' outranks [{List(outranked)}] (c ≥ ĉ and d ≤ d̂), not the recorded [{List(relation[i].Outranks!.Select(s => s ?? string.Empty))}].");
            }
        }

        return ctx.HasErrors ? null : result;
    }

    private const string ParetoRoot = "$.pareto-result";

    public static ParetoResultDto ToDto(ParetoResult r) => new()
    {
        Candidates = [.. r.Candidates.Candidates.Select(CandidateToDto)],
        Criteria = [.. r.Criteria.Select(c => new CriterionDto { Name = c.Name, Kind = ProgrammeNames.CriterionKind.Name(c.Kind), Weight = c.Weight })],
        Fronts = [.. r.Fronts.Select(f => (List<string?>?)[.. f.Ids])],
    };

    public static ParetoResult? ParetoFromDto(ParetoResultDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<ParetoResult>(ParetoRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(ParetoRoot, member);
        var candidates = d.Candidates is null ? ManagementSystemMapper.Missing<List<Candidate>>(P("candidates"), ctx)
            : ManagementSystemMapper.Items(d.Candidates, P("candidates"), ctx, (c, at) => ResultMapper.CandidateFromDto(c, at, ctx), c => c.Id);
        var criteria = Criteria(d.Criteria, P("criteria"), ctx);
        var fronts = d.Fronts is null ? ManagementSystemMapper.Missing<List<List<string>>>(P("fronts"), ctx) : StringLists(d.Fronts, P("fronts"), ctx);
        if (ctx.HasErrors || candidates is null || criteria is null || fronts is null)
        {
            return null;
        }

        var set = ctx.Build(P("candidates"), () => new CandidateSet(candidates));
        var result = set is null ? null : ctx.Build(P("criteria"), () => Pareto.Sort(set, criteria));
        if (result is null)
        {
            return null;
        }

        if (fronts.Count != result.Fronts.Length)
        {
            ctx.Error(ReadErrorCode.InvalidValue, P("fronts"), Preconditions.Invariant($"The candidates fall into {result.Fronts.Length} front(s), but {fronts.Count} were recorded."));
            return null;
        }

        for (var k = 0; k < fronts.Count; k++)
        {
            if (!fronts[k].SequenceEqual(result.Fronts[k].Ids, StringComparer.Ordinal))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Index(P("fronts"), k), $"Front {Num(k + 1)} is [{List(result.Fronts[k].Ids)}], which the candidates and criteria give, not the recorded [{List(fronts[k])}].");
            }
        }

        return ctx.HasErrors ? null : result;
    }

    private static CandidateDto CandidateToDto(Candidate c) => new()
    {
        Id = c.Id,
        Values = c.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
        Effort = c.Effort,
        Polarity = ProgrammeNames.Polarity.Name(c.Polarity),
    };

    private static List<Criterion>? Criteria(List<CriterionDto?>? dtos, string path, JsonReadContext ctx) =>
        dtos is null ? ManagementSystemMapper.Missing<List<Criterion>>(path, ctx)
            : ManagementSystemMapper.Items(dtos, path, ctx, (c, at) => ProgrammeMapper.CriterionFromDto(c, at, ctx));

    private static IEnumerable<string> Outranked(ElectreResult r, string a) =>
        r.Candidates.Ids.Where(b => r.Outranks(a, b)).Order(StringComparer.Ordinal);

    private static string List(IEnumerable<string> ids)
    {
        var all = ids.ToList();
        return JsonReadContext.Shorten(string.Join(", ", all.Take(20)) + (all.Count > 20 ? ", …" : string.Empty));
    }

    private static List<List<string>>? StringLists(List<List<string?>?> lists, string path, JsonReadContext ctx)
    {
        var result = new List<List<string>>(lists.Count);
        for (var i = 0; i < lists.Count; i++)
        {
            var at = JsonPaths.Index(path, i);
            if (lists[i] is null)
            {
                ctx.Error(ReadErrorCode.WrongType, at, "Expected an array of ids but found null.");
                continue;
            }

            if (ManagementSystemMapper.Strings(lists[i], at, ctx) is { } ids)
            {
                result.Add(ids);
            }
        }

        return result;
    }

    // The strengths (or worths) in candidate order from standings listed by rank: one per candidate, positive, with
    // geometric mean 1 as the fits normalise them.
    private static double[]? Strengths(IReadOnlyList<string> candidates, List<(string Id, double Value)> standings, string path, string member, JsonReadContext ctx)
    {
        var n = candidates.Count;
        if (standings.Count != n)
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, Preconditions.Invariant($"There are {standings.Count} standings for {n} candidates."));
            return null;
        }

        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            index.Add(candidates[i], i);
        }

        var values = new double[n];
        var seen = new bool[n];
        var ok = true;
        for (var p = 0; p < n; p++)
        {
            var at = JsonPaths.Index(path, p);
            var (id, value) = standings[p];
            if (!index.TryGetValue(id, out var i))
            {
                ctx.Error(ReadErrorCode.DanglingReference, JsonPaths.Member(at, "id"), $"'{JsonReadContext.Shorten(id)}' is not one of the candidates.");
                ok = false;
            }
            else if (seen[i])
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(at, "id"), $"'{JsonReadContext.Shorten(id)}' has an earlier standing.");
                ok = false;
            }
            else if (value <= 0)
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, member), $"A {member} is above 0, but was {Num(value)}.");
                ok = false;
            }
            else
            {
                seen[i] = true;
                values[i] = value;
            }
        }

        if (!ok)
        {
            return null;
        }

        var meanLog = values.Sum(Math.Log) / n;
        if (!(Math.Abs(meanLog) <= 1e-9))
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, $"The fits scale every {member} so that their geometric mean is 1, but it is {Num(Math.Exp(meanLog))}.");
            return null;
        }

        return values;
    }

    private static bool SameId(string recorded, string actual, int p, string at, JsonReadContext ctx)
    {
        if (recorded == actual)
        {
            return true;
        }

        ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "id"), $"Standings are in ranking order (higher first, then id); '{JsonReadContext.Shorten(actual)}' belongs at position {Num(p + 1)}, not '{JsonReadContext.Shorten(recorded)}'.");
        return false;
    }

    // The fits iterate until they converge or reach the cap, at least once; a Bradley–Terry fit of a single candidate
    // is converged before the first iteration. So the count is 0 only then, and a fit that did not converge ran to the cap.
    private static void CheckIterations(int iterations, bool converged, int max, bool single, string iterationsAt, string convergedAt, JsonReadContext ctx)
    {
        if (iterations > max)
        {
            ctx.Error(ReadErrorCode.InvalidValue, iterationsAt, Preconditions.Invariant($"{iterations} iterations is more than the options' cap of {max}."));
        }
        else if (single && (iterations != 0 || !converged))
        {
            ctx.Error(ReadErrorCode.InvalidValue, iterationsAt, Preconditions.Invariant($"A single candidate is converged before the first iteration, so the fit records 0 iterations and converged, not {iterations}{(converged ? string.Empty : " and not converged")}."));
        }
        else if (!single && iterations == 0)
        {
            ctx.Error(ReadErrorCode.InvalidValue, iterationsAt, "The fit runs at least one iteration, but 0 are recorded.");
        }
        else if (!converged && iterations < max)
        {
            ctx.Error(ReadErrorCode.InvalidValue, convergedAt, Preconditions.Invariant($"The fit stops early only when it converges, so a fit that did not converge ran the options' cap of {max} iterations, not {iterations}."));
        }
    }

    private static double? Threshold(double? value, string path, JsonReadContext ctx)
    {
        if (Number(value, path, ctx) is not { } v)
        {
            return null;
        }

        if (v is < 0 or > 1)
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, path, $"A threshold is from 0 to 1, but was {Num(v)}.");
            return null;
        }

        return v;
    }

    // The fits' options: a tolerance above 0 and at most 0.1, and a cap of at least one iteration, as
    // BradleyTerryOptions and PlackettLuceOptions require; checked here so that the error names the member.
    private static double? Tolerance(double? value, string path, JsonReadContext ctx)
    {
        if (Number(value, path, ctx) is not { } v)
        {
            return null;
        }

        if (!(v > 0 && v <= 0.1))
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, path, $"A tolerance is above 0 and at most 0.1, but was {Num(v)}.");
            return null;
        }

        return v;
    }

    private static int? IterationCap(int? value, string path, JsonReadContext ctx)
    {
        if (value is 0)
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, path, "A fit runs at least one iteration, so its cap is at least 1, but was 0.");
            return null;
        }

        return Count(value, path, ctx);
    }

    private static double? Number(double? value, string path, JsonReadContext ctx)
    {
        if (value is null)
        {
            ManagementSystemMapper.Missing<string>(path, ctx);
        }

        return value;
    }

    private static void Required(bool? value, string path, JsonReadContext ctx)
    {
        if (value is null)
        {
            ManagementSystemMapper.Missing<string>(path, ctx);
        }
    }

    private static int? Count(int? value, string path, JsonReadContext ctx) => ResultMapper.Count(value, path, int.MaxValue, ctx);

    private static void Differs(int recorded, int computed, string path, string source, JsonReadContext ctx) => ResultMapper.Compare(recorded, computed, path, source, ctx);

    // Recorded and rebuilt numbers must be equal to the last bit; a missing recorded value stands for "undefined".
    private static void Differs(double? recorded, double? computed, string path, JsonReadContext ctx)
    {
        if (recorded.HasValue != computed.HasValue || (recorded is { } r && !r.Equals(computed!.Value)))
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, $"The recorded value {(recorded is { } a ? Num(a) : "(none)")} differs from {(computed is { } b ? Num(b) : "(none: undefined)")}, which the rest of the document gives.");
        }
    }

    private static string Num(double value) => ResultMapper.Num(value);

    private static string Num(long value) => ResultMapper.Num(value);
}
