using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Usm.Model.Routines;

namespace Usm.Model.Serialization;

/// <summary>The kinds of document in the Usm.Model JSON format (member <c>kind</c>).</summary>
public enum UsmDocumentKind
{
    /// <summary>A workflow (<c>workflow</c>): a routine with its steps, activities, responsibilities and branches.</summary>
    Workflow = 1,

    /// <summary>A risk database (<c>risk-database</c>): its event log, from which the database is replayed.</summary>
    RiskDatabase = 2,

    /// <summary>A service management system (<c>management-system</c>), including the MIR with its history.</summary>
    ManagementSystem = 3,

    /// <summary>An assessment instrument (<c>instrument</c>): its areas, questions, answer scales and USM elements.</summary>
    Instrument = 4,

    /// <summary>A scan (<c>scan</c>): its date, respondents and answers, with its instrument embedded in full.</summary>
    Scan = 5,

    /// <summary>An improvement programme (<c>improvement-programme</c>): its agreed mechanism as a descriptor, and its sprints.</summary>
    ImprovementProgramme = 6,

    /// <summary>A prioritisation result (<c>ranking</c>): method, candidates, and items with ranks, scores and explanations; read back by ranking the candidates again.</summary>
    Ranking = 7,

    /// <summary>An AHP result (<c>ahp-result</c>): the weights of one pairwise comparison with its consistency measures.</summary>
    AhpResult = 8,

    /// <summary>A Borda count (<c>borda-result</c>): the partial-ballot rule, the voters, and each candidate's points and rank.</summary>
    BordaResult = 9,

    /// <summary>A Schulze count (<c>schulze-result</c>): the strength measure, the pairwise preferences, the strongest paths and the standings.</summary>
    SchulzeResult = 10,

    /// <summary>A sprint selection (<c>sprint-selection</c>): status, method, capacity, the chosen items, and every candidate's explanation.</summary>
    SprintSelection = 11,

    /// <summary>An AHP hierarchy synthesis (<c>ahp-synthesis</c>): every criterion's local and global weight with its comparison's result, and every alternative's priority and contributions.</summary>
    AhpSynthesis = 12,

    /// <summary>A Kano survey (<c>kano-survey</c>): each respondent's functional and dysfunctional answer on each feature.</summary>
    KanoSurvey = 13,

    /// <summary>A set of pairwise comparisons (<c>pairwise-comparisons</c>): the candidates and each comparison's outcome and count, in the order made; the input of Bradley–Terry and Elo.</summary>
    PairwiseComparisons = 14,

    /// <summary>Ranked ballots (<c>ranked-ballots</c>): the candidates and each ballot's ranks and voters; the input of Plackett–Luce and the ballot counts.</summary>
    RankedBallots = 15,

    /// <summary>A Kano evaluation (<c>kano-result</c>): each feature's category counts, category, ties and Better and Worse coefficients, and the ranking by them.</summary>
    KanoResult = 16,

    /// <summary>A Bradley–Terry fit (<c>bradley-terry-result</c>): the comparisons, the options, and each candidate's strength, place and record.</summary>
    BradleyTerryResult = 17,

    /// <summary>A Plackett–Luce fit (<c>plackett-luce-result</c>): the ballots, the options, the log-likelihood, and each candidate's worth, place and choices.</summary>
    PlackettLuceResult = 18,

    /// <summary>An ELECTRE I result (<c>electre-result</c>): the candidates, criteria and thresholds, the outranking relation, its cycles and the kernel.</summary>
    ElectreResult = 19,

    /// <summary>A Pareto sort (<c>pareto-result</c>): the candidates and criteria, and the fronts of non-dominated candidates.</summary>
    ParetoResult = 20,
}

/// <summary>
/// Reads and writes the Usm.Model JSON format: versioned documents (<c>format-version</c>), kebab-case member names,
/// NodaTime values as ISO 8601 text. Writing and binding use System.Text.Json source generation only.
/// </summary>
/// <remarks>
/// <para>Every document is an object whose first members are <c>format-version</c> (currently
/// <see cref="FormatVersion"/>) and <c>kind</c>. A reader rejects a document of another version with
/// <see cref="ReadErrorCode.UnsupportedVersion"/> and says which versions it reads; older versions will be migrated
/// by the reader once a newer format exists (version 1 is the first).</para>
/// <para>Reading never throws for bad input and never returns a partly built model: either the whole model, or every
/// error found, each with its JSONPath. The only exception is <see cref="ReadException"/>, for a null argument or an
/// unreadable stream.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static partial class UsmJson
{
    /// <summary>The format version this library writes, and the newest it reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The lowest format version this library reads.</summary>
    public const int MinimumFormatVersion = 1;

    /// <summary>Writes a workflow document (indented, LF line ends).</summary>
    /// <param name="workflow">The workflow.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workflow"/> is null.</exception>
    public static string WriteWorkflow(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var document = new WorkflowDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.Workflow), Workflow = WorkflowMapper.ToDto(workflow) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.WorkflowDocumentDto);
    }

    /// <summary>Reads a workflow document from text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The workflow, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<Workflow> ReadWorkflow(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.Workflow, UsmJsonContext.Writer.WorkflowDocumentDto, (dto, ctx) => WorkflowMapper.FromDto(dto.Workflow, "$.workflow", ctx));

    /// <summary>Reads a workflow document from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The workflow, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<Workflow> ReadWorkflow(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.Workflow, UsmJsonContext.Writer.WorkflowDocumentDto, (dto, ctx) => WorkflowMapper.FromDto(dto.Workflow, "$.workflow", ctx));

#if NET9_0_OR_GREATER
    /// <summary>
    /// Gets the JSON Schema (draft 2020-12) of one kind of document, exported from the live serialization contract
    /// with System.Text.Json's schema exporter. Available on net10.0 only (the exporter needs .NET 9 or later).
    /// </summary>
    /// <param name="kind">The document kind.</param>
    /// <returns>The schema as indented JSON text with LF line ends.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public static string GetSchema(UsmDocumentKind kind) => SchemaExport.Export(kind);
#endif

    internal static string KindName(UsmDocumentKind kind) => kind switch
    {
        UsmDocumentKind.Workflow => "workflow",
        UsmDocumentKind.RiskDatabase => "risk-database",
        UsmDocumentKind.ManagementSystem => "management-system",
        UsmDocumentKind.Instrument => "instrument",
        UsmDocumentKind.Scan => "scan",
        UsmDocumentKind.ImprovementProgramme => "improvement-programme",
        UsmDocumentKind.Ranking => "ranking",
        UsmDocumentKind.AhpResult => "ahp-result",
        UsmDocumentKind.BordaResult => "borda-result",
        UsmDocumentKind.SchulzeResult => "schulze-result",
        UsmDocumentKind.SprintSelection => "sprint-selection",
        UsmDocumentKind.AhpSynthesis => "ahp-synthesis",
        UsmDocumentKind.KanoSurvey => "kano-survey",
        UsmDocumentKind.PairwiseComparisons => "pairwise-comparisons",
        UsmDocumentKind.RankedBallots => "ranked-ballots",
        UsmDocumentKind.KanoResult => "kano-result",
        UsmDocumentKind.BradleyTerryResult => "bradley-terry-result",
        UsmDocumentKind.PlackettLuceResult => "plackett-luce-result",
        UsmDocumentKind.ElectreResult => "electre-result",
        UsmDocumentKind.ParetoResult => "pareto-result",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined document kind."),
    };

    internal static JsonTypeInfo TypeInfoOf(UsmDocumentKind kind) => kind switch
    {
        UsmDocumentKind.Workflow => UsmJsonContext.Writer.WorkflowDocumentDto,
        UsmDocumentKind.RiskDatabase => UsmJsonContext.Writer.RiskDatabaseDocumentDto,
        UsmDocumentKind.ManagementSystem => UsmJsonContext.Writer.ManagementSystemDocumentDto,
        UsmDocumentKind.Instrument => UsmJsonContext.Writer.InstrumentDocumentDto,
        UsmDocumentKind.Scan => UsmJsonContext.Writer.ScanDocumentDto,
        UsmDocumentKind.ImprovementProgramme => UsmJsonContext.Writer.ProgrammeDocumentDto,
        UsmDocumentKind.Ranking => UsmJsonContext.Writer.RankingDocumentDto,
        UsmDocumentKind.AhpResult => UsmJsonContext.Writer.AhpResultDocumentDto,
        UsmDocumentKind.BordaResult => UsmJsonContext.Writer.BordaResultDocumentDto,
        UsmDocumentKind.SchulzeResult => UsmJsonContext.Writer.SchulzeResultDocumentDto,
        UsmDocumentKind.SprintSelection => UsmJsonContext.Writer.SprintSelectionDocumentDto,
        UsmDocumentKind.AhpSynthesis => UsmJsonContext.Writer.AhpSynthesisDocumentDto,
        UsmDocumentKind.KanoSurvey => UsmJsonContext.Writer.KanoSurveyDocumentDto,
        UsmDocumentKind.PairwiseComparisons => UsmJsonContext.Writer.PairwiseComparisonsDocumentDto,
        UsmDocumentKind.RankedBallots => UsmJsonContext.Writer.RankedBallotsDocumentDto,
        UsmDocumentKind.KanoResult => UsmJsonContext.Writer.KanoResultDocumentDto,
        UsmDocumentKind.BradleyTerryResult => UsmJsonContext.Writer.BradleyTerryResultDocumentDto,
        UsmDocumentKind.PlackettLuceResult => UsmJsonContext.Writer.PlackettLuceResultDocumentDto,
        UsmDocumentKind.ElectreResult => UsmJsonContext.Writer.ElectreResultDocumentDto,
        UsmDocumentKind.ParetoResult => UsmJsonContext.Writer.ParetoResultDocumentDto,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined document kind."),
    };

    internal static ReadResult<T> Read<TDto, T>(string json, ReaderOptions? options, UsmDocumentKind kind, JsonTypeInfo<TDto> typeInfo, Func<TDto, JsonReadContext, T?> map)
        where T : class
    {
        if (json is null)
        {
            throw new ReadException("The document text is null.", nameof(json));
        }

        options ??= ReaderOptions.Default;
        var errors = new List<ReadError>();
        using var document = JsonInput.Parse(json, options, errors);
        return document is null ? ReadResult<T>.Failure(errors) : Bind(document.RootElement, options, kind, typeInfo, map);
    }

    internal static ReadResult<T> Read<TDto, T>(Stream utf8Json, ReaderOptions? options, UsmDocumentKind kind, JsonTypeInfo<TDto> typeInfo, Func<TDto, JsonReadContext, T?> map)
        where T : class
    {
        if (utf8Json is null)
        {
            throw new ReadException("The stream is null.", nameof(utf8Json));
        }

        options ??= ReaderOptions.Default;
        var errors = new List<ReadError>();
        using var document = JsonInput.Parse(utf8Json, options, errors);
        return document is null ? ReadResult<T>.Failure(errors) : Bind(document.RootElement, options, kind, typeInfo, map);
    }

    private static ReadResult<T> Bind<TDto, T>(JsonElement root, ReaderOptions options, UsmDocumentKind kind, JsonTypeInfo<TDto> typeInfo, Func<TDto, JsonReadContext, T?> map)
        where T : class
    {
        var ctx = new JsonReadContext(options);
        if (!ctx.IsObject(root, "$"))
        {
            return ReadResult<T>.Failure(ctx.Errors);
        }

        if (!CheckHeader(root, kind, ctx))
        {
            // A document of another version or kind is not checked further: its shape is not this contract's.
            return ReadResult<T>.Failure(ctx.Errors);
        }

        ShapeChecker.Check(root, typeInfo, "$", ctx);
        if (ctx.HasErrors)
        {
            return ReadResult<T>.Failure(ctx.Errors);
        }

        TDto? dto;
        try
        {
            dto = root.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            // The shape check accepts only what binds; this is a safety net.
            ctx.Error(ReadErrorCode.WrongType, ex.Path ?? "$", ex.Message);
            return ReadResult<T>.Failure(ctx.Errors);
        }

        var value = dto is null ? null : map(dto, ctx);
        return ctx.HasErrors || value is null ? ReadResult<T>.Failure(ctx.HasErrors ? ctx.Errors : [new ReadError(ReadErrorCode.WrongType, "$", "The document is empty.")]) : ReadResult<T>.Success(value);
    }

    private static bool CheckHeader(JsonElement root, UsmDocumentKind kind, JsonReadContext ctx)
    {
        if (!JsonReadContext.TryMember(root, "format-version", out var version))
        {
            ctx.Error(ReadErrorCode.MissingMember, "$.format-version", "The required member 'format-version' is missing.");
            return false;
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            ctx.Error(ReadErrorCode.WrongType, "$.format-version", $"Expected the format version as an integer but found {JsonReadContext.Describe(version)} {JsonReadContext.Shorten(version.GetRawText())}.");
            return false;
        }

        if (number is < MinimumFormatVersion or > FormatVersion)
        {
            ctx.Error(ReadErrorCode.UnsupportedVersion, "$.format-version", number > FormatVersion
                ? $"Format version {number} is newer than this library reads ({MinimumFormatVersion} to {FormatVersion}); upgrade Usm.Model to read it."
                : $"Format version {number} is not a Usm.Model format version; this library reads {MinimumFormatVersion} to {FormatVersion}.");
            return false;
        }

        var expected = KindName(kind);
        var kindText = ctx.String(root, "$", "kind", required: true);
        if (kindText is not null && kindText != expected)
        {
            ctx.Error(ReadErrorCode.InvalidValue, "$.kind", $"Expected a '{expected}' document but found '{JsonReadContext.Shorten(kindText)}'.");
        }

        return !ctx.HasErrors;
    }
}

/// <summary>Maps workflows to and from their JSON shape, reporting every problem with its path.</summary>
internal static class WorkflowMapper
{
    public static WorkflowDto ToDto(Workflow workflow) => new()
    {
        Id = workflow.Id,
        Name = workflow.Name,
        Description = workflow.Description,
        Trigger = EnumNames.CallType.Name(workflow.Trigger),
        RoutineType = EnumNames.RoutineType.Name(workflow.RoutineType),
        Dynamicity = EnumNames.Dynamicity.Name(workflow.Dynamicity),
        Steps = [.. workflow.Steps.Select(ToDto)],
        Branches = workflow.Branches.IsEmpty ? null : [.. workflow.Branches.Select(b => new BranchDto { Name = b.Name, Steps = [.. b.Steps.Select(ToDto)] })],
    };

    public static Workflow? FromDto(WorkflowDto? dto, string path, JsonReadContext ctx)
    {
        if (dto is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, path, "The required member 'workflow' is missing.");
            return null;
        }

        var id = RequiredId(dto.Id, JsonPaths.Member(path, "id"), ctx);
        var name = Required(dto.Name, JsonPaths.Member(path, "name"), ctx);
        var trigger = EnumNames.CallType.Read(dto.Trigger, JsonPaths.Member(path, "trigger"), ctx, "a call type");
        var routineType = EnumNames.RoutineType.Read(dto.RoutineType, JsonPaths.Member(path, "routine-type"), ctx, "a routine type");
        var dynamicity = EnumNames.Dynamicity.Read(dto.Dynamicity, JsonPaths.Member(path, "dynamicity"), ctx, "a dynamicity");
        var steps = Steps(dto.Steps, JsonPaths.Member(path, "steps"), ctx, required: true);
        var branches = new List<WorkflowBranch>();
        if (dto.Branches is not null)
        {
            for (var i = 0; i < dto.Branches.Count; i++)
            {
                var at = JsonPaths.Index(JsonPaths.Member(path, "branches"), i);
                var branch = dto.Branches[i];
                if (branch is null)
                {
                    ctx.Error(ReadErrorCode.WrongType, at, "Expected a branch object but found null.");
                    continue;
                }

                var branchName = Required(branch.Name, JsonPaths.Member(at, "name"), ctx);
                var branchSteps = Steps(branch.Steps, JsonPaths.Member(at, "steps"), ctx, required: true);
                if (branchName is not null && branchSteps is not null)
                {
                    branches.Add(new WorkflowBranch(branchName, branchSteps));
                }
            }
        }

        return ctx.HasErrors ? null : new Workflow(id!, name!, trigger!.Value, routineType!.Value, steps!, dynamicity!.Value, branches, dto.Description);
    }

    private static StepDto ToDto(WorkflowStep step) => new()
    {
        Id = step.Id,
        Process = EnumNames.Process.Name(step.Process),
        Name = step.Name,
        Description = step.Description,
        CatalogueKey = step.CatalogueKey,
        Activities = [.. step.Activities.Select(a => new ActivityDto
        {
            Id = a.Id,
            Name = a.Name,
            Description = a.Description,
            Responsibilities = [.. a.Responsibilities.Select(r => new ResponsibilityDto { ProfileId = r.ProfileId, Roles = [.. RaciNames(r.Roles)] })],
            Tool = a.Tool,
            Instruction = a.Instruction,
        })],
    };

    private static IEnumerable<string> RaciNames(RaciRoles roles) =>
        new[] { RaciRoles.Responsible, RaciRoles.Accountable, RaciRoles.Consulted, RaciRoles.Informed }.Where(r => (roles & r) != 0).Select(EnumNames.Raci.Name);

    private static List<WorkflowStep>? Steps(List<StepDto?>? dtos, string path, JsonReadContext ctx, bool required)
    {
        if (dtos is null)
        {
            if (required)
            {
                ctx.Error(ReadErrorCode.MissingMember, path, "The required member 'steps' is missing.");
            }

            return required ? null : [];
        }

        var steps = new List<WorkflowStep>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var at = JsonPaths.Index(path, i);
            var dto = dtos[i];
            if (dto is null)
            {
                ctx.Error(ReadErrorCode.WrongType, at, "Expected a step object but found null.");
                continue;
            }

            var id = RequiredId(dto.Id, JsonPaths.Member(at, "id"), ctx);
            var process = EnumNames.Process.Read(dto.Process, JsonPaths.Member(at, "process"), ctx, "a USM process");
            var name = Required(dto.Name, JsonPaths.Member(at, "name"), ctx);
            var activities = Activities(dto.Activities, JsonPaths.Member(at, "activities"), ctx);
            if (id is not null && process is not null && name is not null && activities is not null)
            {
                steps.Add(new WorkflowStep(id, process.Value, name, activities, dto.CatalogueKey, dto.Description));
            }
        }

        return steps;
    }

    private static List<Activity>? Activities(List<ActivityDto?>? dtos, string path, JsonReadContext ctx)
    {
        var activities = new List<Activity>();
        var ok = true;
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var at = JsonPaths.Index(path, i);
            var dto = dtos![i];
            if (dto is null)
            {
                ctx.Error(ReadErrorCode.WrongType, at, "Expected an activity object but found null.");
                ok = false;
                continue;
            }

            var id = RequiredId(dto.Id, JsonPaths.Member(at, "id"), ctx);
            var name = Required(dto.Name, JsonPaths.Member(at, "name"), ctx);
            var responsibilities = new List<Responsibility>();
            for (var j = 0; j < (dto.Responsibilities?.Count ?? 0); j++)
            {
                var rAt = JsonPaths.Index(JsonPaths.Member(at, "responsibilities"), j);
                var r = dto.Responsibilities![j];
                if (r is null)
                {
                    ctx.Error(ReadErrorCode.WrongType, rAt, "Expected a responsibility object but found null.");
                    ok = false;
                    continue;
                }

                var profile = RequiredId(r.ProfileId, JsonPaths.Member(rAt, "profile-id"), ctx);
                var roles = RaciRoles.None;
                if (r.Roles is null)
                {
                    ctx.Error(ReadErrorCode.MissingMember, JsonPaths.Member(rAt, "roles"), "The required member 'roles' is missing.");
                    ok = false;
                }
                else
                {
                    for (var k = 0; k < r.Roles.Count; k++)
                    {
                        var role = EnumNames.Raci.Read(r.Roles[k], JsonPaths.Index(JsonPaths.Member(rAt, "roles"), k), ctx, "a RACI role");
                        roles |= role ?? RaciRoles.None;
                        ok &= role is not null;
                    }
                }

                if (profile is not null && ok)
                {
                    responsibilities.Add(new Responsibility(profile, roles));
                }
            }

            if (id is not null && name is not null && ok)
            {
                activities.Add(new Activity(id, name, responsibilities, dto.Tool, dto.Instruction, dto.Description));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? activities : null;
    }

    internal static string? Required(string? value, string path, JsonReadContext ctx)
    {
        if (value is null)
        {
            var dot = path.LastIndexOf('.');
            ctx.Error(ReadErrorCode.MissingMember, path, $"The required member '{path[(dot + 1)..]}' is missing.");
        }

        return value;
    }

    internal static string? RequiredId(string? value, string path, JsonReadContext ctx)
    {
        if (Required(value, path, ctx) is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, "An id must not be empty or white space.");
            return null;
        }

        return value;
    }
}
