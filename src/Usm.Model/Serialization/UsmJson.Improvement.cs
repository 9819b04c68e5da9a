using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Internal;
using Usm.Model.Prioritisation;

namespace Usm.Model.Serialization;

public static partial class UsmJson
{
    /// <summary>
    /// Writes an improvement programme document: identity, baseline scan, sounding board, the agreed prioritisation
    /// mechanism as a descriptor, and every sprint with its period, capacity, items, status, outcomes and findings.
    /// </summary>
    /// <param name="programme">The programme.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programme"/> is null.</exception>
    /// <remarks>
    /// A <see cref="RiskMatrixPrioritisation"/> is written as kind <c>risk-matrix</c> with its matrix, a
    /// <see cref="RankingMechanism"/> as kind <c>ranking</c> with its method and options (a custom candidate mapping
    /// is not part of the descriptor), and any other mechanism as kind <c>custom</c> with its name only, which
    /// <see cref="ReadImprovementProgramme(string, ReaderOptions?, RiskDatabase?)"/> reads back only through
    /// <see cref="ReaderOptions.MechanismResolver"/>.
    /// </remarks>
    public static string WriteImprovementProgramme(ImprovementProgramme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var document = new ProgrammeDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.ImprovementProgramme), ImprovementProgramme = ProgrammeMapper.ToDto(programme) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.ProgrammeDocumentDto);
    }

    /// <summary>
    /// Reads an improvement programme document from text. The programme is rebuilt by replaying its history through
    /// the programme's own operations (agree, plan, start, complete, cancel), so its rules decide what is legal; the
    /// recorded findings of each sprint must equal the replayed ones.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <param name="database">When given, every sprint item must name a risk in this database (<see cref="ReadErrorCode.DanglingReference"/> otherwise).</param>
    /// <returns>The programme, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<ImprovementProgramme> ReadImprovementProgramme(string json, ReaderOptions? options = null, RiskDatabase? database = null) =>
        Read(json, options, UsmDocumentKind.ImprovementProgramme, UsmJsonContext.Writer.ProgrammeDocumentDto, (dto, ctx) => ProgrammeMapper.FromDto(dto.ImprovementProgramme, database, ctx));

    /// <summary>Reads an improvement programme document from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <param name="database">When given, every sprint item must name a risk in this database.</param>
    /// <returns>The programme, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<ImprovementProgramme> ReadImprovementProgramme(Stream utf8Json, ReaderOptions? options = null, RiskDatabase? database = null) =>
        Read(utf8Json, options, UsmDocumentKind.ImprovementProgramme, UsmJsonContext.Writer.ProgrammeDocumentDto, (dto, ctx) => ProgrammeMapper.FromDto(dto.ImprovementProgramme, database, ctx));

    /// <summary>
    /// Writes a prioritisation result (<c>ranking</c>): the method as a descriptor, the options, the candidates
    /// with their criterion values, and every ranked item with its rank, score, class and explanation.
    /// <see cref="ReadRanking(string, ReaderOptions?)"/> reads it back by ranking the written candidates again.
    /// </summary>
    /// <param name="ranking">The ranking.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranking"/> is null.</exception>
    /// <exception cref="ArgumentException">A score or contribution is not finite (JSON has no infinity or NaN); the message names the item.</exception>
    public static string WriteRanking(Ranking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        foreach (var item in ranking.Items)
        {
            if (!double.IsFinite(item.Score) || item.Explanation.Contributions.Any(c => !double.IsFinite(c.Value) || !double.IsFinite(c.Contribution)))
            {
                throw new ArgumentException($"Item '{item.Id}' has a score or contribution that is not finite ({item.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)}), which JSON cannot hold.", nameof(ranking));
            }
        }

        var document = new RankingDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.Ranking), Ranking = ProgrammeMapper.ToDto(ranking) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.RankingDocumentDto);
    }
}

/// <summary>The written names of the improvement programme's and the prioritisation engine's enumerations and kinds.</summary>
internal static class ProgrammeNames
{
    public const string RiskMatrixKind = "risk-matrix";
    public const string RankingKind = "ranking";
    public const string CustomKind = "custom";

    public static readonly string[] MechanismKinds = [RiskMatrixKind, RankingKind, CustomKind];

    public static readonly string[] MethodKinds = ["weighted-sum", "topsis", "expected-value", "risk-matrix", "rice", "ice", "wsjf", "cd3", "simplerisk", "moscow", "promethee", "weighted-product", "waspas", "vikor", "mabac", "moora-ratio", "moora-reference-point", "moora-multiplicative", "multimoora", "spotis", "edas", "codas", "copras", "aras"];

    public static readonly string[] TieBreakerKinds = ["none", "lower-effort-first", "criterion"];

    public static readonly EnumTable<SprintStatus> Status = KebabEnum<SprintStatus>.Table;
    public static readonly EnumTable<SprintItemOutcome> Outcome = KebabEnum<SprintItemOutcome>.Table;
    public static readonly EnumTable<FindingSeverity> Severity = KebabEnum<FindingSeverity>.Table;
    public static readonly EnumTable<SawNormalisation> Normalisation = KebabEnum<SawNormalisation>.Table;
    public static readonly EnumTable<IceConvention> Convention = KebabEnum<IceConvention>.Table;
    public static readonly EnumTable<SimpleRiskFormula> SimpleRiskFormula = KebabEnum<SimpleRiskFormula>.Table;
    public static readonly EnumTable<CriterionKind> CriterionKind = KebabEnum<CriterionKind>.Table;
    public static readonly EnumTable<CandidatePolarity> Polarity = KebabEnum<CandidatePolarity>.Table;
    public static readonly EnumTable<PreferenceShape> PreferenceShape = KebabEnum<PreferenceShape>.Table;
}

/// <summary>Maps improvement programmes and rankings to and from their JSON shape.</summary>
internal static class ProgrammeMapper
{
    /// <summary>
    /// A criterion: its name, kind and weight, each reported at its own member when missing or wrong (a weight below 0
    /// with <see cref="ReadErrorCode.NumberOutOfRange"/>, Criterion's bound, which the schema states there). Shared by
    /// every reader that holds criteria.
    /// </summary>
    internal static Criterion? CriterionFromDto(CriterionDto c, string at, JsonReadContext ctx)
    {
        var name = c.Name ?? ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "name"), ctx);
        var kind = ProgrammeNames.CriterionKind.Read(c.Kind, JsonPaths.Member(at, "kind"), ctx, "a criterion kind");
        if (c.Weight is null)
        {
            ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "weight"), ctx);
        }
        else if (!(c.Weight >= 0))
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, JsonPaths.Member(at, "weight"), Preconditions.Invariant($"A criterion's weight is 0 or more, but was {c.Weight}."));
            return null;
        }

        return name is null || kind is null || c.Weight is not { } weight ? null : ctx.Build(at, () => new Criterion(name, kind.Value, weight));
    }

    private const string Root = "$.improvement-programme";

    public static ProgrammeDto ToDto(ImprovementProgramme p) => new()
    {
        Id = p.Id,
        Name = p.Name,
        BaselineScanId = p.BaselineScanId,
        SoundingBoardMemberIds = [.. p.SoundingBoardMemberIds],
        MissingResourceSeverity = ProgrammeNames.Severity.Name(p.MissingResourceSeverity),
        Agreement = p.Agreement is { } a ? new PrioritisationAgreementDto { AgreedOn = a.AgreedOn, Mechanism = ToDto(a.Mechanism) } : null,
        Sprints = [.. p.Sprints.Select(s => new SprintDto
        {
            Number = s.Number,
            Period = s.Period,
            Capacity = s.Capacity,
            Status = ProgrammeNames.Status.Name(s.Status),
            MechanismName = s.MechanismName,
            Items = [.. s.Items.Select(i => new SprintItemDto { RiskId = i.RiskId, Effort = i.Effort })],
            CoveredResources = [.. s.CoveredResources.Select(ImprovementNames.Resource.Name)],
            Outcomes = s.Outcomes.IsEmpty ? null : s.Outcomes.ToDictionary(o => o.Key, o => (string?)ProgrammeNames.Outcome.Name(o.Value), StringComparer.Ordinal),
            CancelReason = s.CancelReason,
            Findings = [.. s.Findings.Findings.Select(f => new FindingDto { RuleId = f.RuleId, Severity = ProgrammeNames.Severity.Name(f.Severity), Message = f.Message, Path = f.Path, SubjectId = f.SubjectId })],
        })],
    };

    public static MechanismDto ToDto(IPrioritisationMechanism mechanism) => mechanism switch
    {
        RiskMatrixPrioritisation m => new MechanismDto { Kind = ProgrammeNames.RiskMatrixKind, Name = m.Name, Matrix = ToDto(m.Matrix) },
        RankingMechanism r => new MechanismDto { Kind = ProgrammeNames.RankingKind, Name = r.Name, Method = ToDto(r.Method), Options = ToDto(r.Options) },
        _ => new MechanismDto { Kind = ProgrammeNames.CustomKind, Name = mechanism.Name },
    };

    private static RiskMatrixDto ToDto(RiskMatrix m) => new()
    {
        EffectScale = ToDto(m.EffectScale),
        LikelihoodScale = ToDto(m.LikelihoodScale),
        PriorityClasses = ToDto(m.PriorityClasses),
        Rows = [.. Enumerable.Range(0, m.EffectScale.Count).Select(e => (List<string?>?)[.. Enumerable.Range(0, m.LikelihoodScale.Count).Select(l => (string?)m.PriorityClasses.NameOf(m.ClassOf(e, l)))])],
    };

    private static OrdinalScaleDto ToDto(OrdinalScale s) => new() { Name = s.Name, Levels = [.. s.Levels] };

    public static RankingMethodDto ToDto(RankingMethod method)
    {
        var dto = new RankingMethodDto { Name = method.Name };
        switch (method)
        {
            case WeightedSumMethod w:
                dto.Kind = "weighted-sum";
                dto.Criteria = [.. w.Criteria.Select(ToDto)];
                dto.Normalisation = ProgrammeNames.Normalisation.Name(w.Normalisation);
                break;
            case TopsisMethod t:
                dto.Kind = "topsis";
                dto.Criteria = [.. t.Criteria.Select(ToDto)];
                dto.Normalisation = ProgrammeNames.Normalisation.Name(t.Normalisation);
                break;
            case ExpectedValueMethod e:
                dto.Kind = "expected-value";
                dto.ProbabilityCriterion = e.ProbabilityCriterion;
                dto.ImpactCriterion = e.ImpactCriterion;
                break;
            case RiskMatrixMethod r:
                dto.Kind = "risk-matrix";
                dto.EffectCriterion = r.EffectCriterion;
                dto.LikelihoodCriterion = r.LikelihoodCriterion;
                dto.ClassTable = [.. r.ClassTable.Select(row => (List<int>?)[.. row])];
                dto.WithinClassCriterion = r.WithinClassCriterion;
                break;
            case RiceMethod r:
                dto.Kind = "rice";
                dto.ReachCriterion = r.ReachCriterion;
                dto.ImpactCriterion = r.ImpactCriterion;
                dto.ConfidenceCriterion = r.ConfidenceCriterion;
                dto.EffortCriterion = r.EffortCriterion;
                break;
            case IceMethod i:
                dto.Kind = "ice";
                dto.ImpactCriterion = i.ImpactCriterion;
                dto.ConfidenceCriterion = i.ConfidenceCriterion;
                dto.EaseCriterion = i.EaseCriterion;
                dto.Convention = ProgrammeNames.Convention.Name(i.Convention);
                break;
            case WsjfMethod w:
                dto.Kind = "wsjf";
                dto.CostOfDelayComponents = [.. w.CostOfDelayComponents];
                dto.JobSizeCriterion = w.JobSizeCriterion;
                break;
            case Cd3Method c:
                dto.Kind = "cd3";
                dto.CostOfDelayCriterion = c.CostOfDelayCriterion;
                dto.DurationCriterion = c.DurationCriterion;
                break;
            case SimpleRiskMethod r:
                dto.Kind = "simplerisk";
                dto.Formula = ProgrammeNames.SimpleRiskFormula.Name(r.Formula);
                dto.LikelihoodCriterion = r.LikelihoodCriterion;
                dto.ImpactCriterion = r.ImpactCriterion;
                dto.MaxLikelihood = r.MaxLikelihood;
                dto.MaxImpact = r.MaxImpact;
                break;
            case PrometheeMethod p:
                dto.Kind = "promethee";
                dto.Criteria = [.. p.Criteria.Select(ToDto)];
                dto.PreferenceFunctions = [.. p.Criteria.Select((c, j) => (PreferenceFunctionDto?)ToDto(c.Name, p.PreferenceFunctions[j]))];
                break;
            case WeightedProductMethod w:
                dto.Kind = "weighted-product";
                dto.Criteria = [.. w.Criteria.Select(ToDto)];
                break;
            case WaspasMethod w:
                dto.Kind = "waspas";
                dto.Criteria = [.. w.Criteria.Select(ToDto)];
                dto.Lambda = w.Lambda;
                break;
            case VikorMethod v:
                dto.Kind = "vikor";
                dto.Criteria = [.. v.Criteria.Select(ToDto)];
                dto.V = v.V;
                break;
            case MoscowMethod m:
                dto.Kind = "moscow";
                dto.CategoryCriterion = m.CategoryCriterion;
                dto.WithinCategoryCriterion = m.WithinCategoryCriterion;
                break;
            case MabacMethod mabac:
                dto.Kind = "mabac";
                dto.Criteria = [.. mabac.Criteria.Select(ToDto)];
                break;
            case MooraRatioMethod ratio:
                dto.Kind = "moora-ratio";
                dto.Criteria = [.. ratio.Criteria.Select(ToDto)];
                break;
            case MooraReferencePointMethod reference:
                dto.Kind = "moora-reference-point";
                dto.Criteria = [.. reference.Criteria.Select(ToDto)];
                break;
            case MooraMultiplicativeMethod product:
                dto.Kind = "moora-multiplicative";
                dto.Criteria = [.. product.Criteria.Select(ToDto)];
                break;
            case MultimooraMethod multimoora:
                dto.Kind = "multimoora";
                dto.Criteria = [.. multimoora.Criteria.Select(ToDto)];
                break;
            case SpotisMethod spotis:
                dto.Kind = "spotis";
                dto.Criteria = [.. spotis.Criteria.Select(ToDto)];
                dto.Bounds = [.. spotis.Criteria.Select((c, j) => (SpotisBoundsDto?)new SpotisBoundsDto { Criterion = c.Name, Min = spotis.Bounds[j].Min, Max = spotis.Bounds[j].Max })];
                break;
            case EdasMethod e:
                dto.Kind = "edas";
                dto.Criteria = [.. e.Criteria.Select(ToDto)];
                break;
            case CodasMethod c:
                dto.Kind = "codas";
                dto.Criteria = [.. c.Criteria.Select(ToDto)];
                dto.Tau = c.Tau;
                break;
            case CoprasMethod c:
                dto.Kind = "copras";
                dto.Criteria = [.. c.Criteria.Select(ToDto)];
                break;
            case ArasMethod a:
                dto.Kind = "aras";
                dto.Criteria = [.. a.Criteria.Select(ToDto)];
                break;
            default:
                throw new ArgumentException($"The ranking method '{method.Name}' ({method.GetType().Name}) has no descriptor in the Usm.Model JSON format.", nameof(method));
        }

        return dto;
    }

    private static PreferenceFunctionDto ToDto(string criterion, PreferenceFunction f) => new()
    {
        Criterion = criterion,
        Shape = ProgrammeNames.PreferenceShape.Name(f.Shape),
        Indifference = f.Shape is PreferenceShape.UShape or PreferenceShape.Level or PreferenceShape.Linear ? f.Indifference : null,
        Preference = f.Shape is PreferenceShape.VShape or PreferenceShape.Level or PreferenceShape.Linear ? f.Preference : null,
        Sigma = f.Shape == PreferenceShape.Gaussian ? f.Sigma : null,
    };

    private static CriterionDto ToDto(Criterion c) => new() { Name = c.Name, Kind = ProgrammeNames.CriterionKind.Name(c.Kind), Weight = c.Weight };

    private static RankingOptionsDto ToDto(RankingOptions options) => new()
    {
        SecondaryKey = options.SecondaryKey switch
        {
            { IsNone: true } => new TieBreakerDto { Kind = "none" },
            { UsesEffort: true } => new TieBreakerDto { Kind = "lower-effort-first" },
            var k => new TieBreakerDto { Kind = "criterion", Criterion = k.Criterion, HigherFirst = k.HigherFirst },
        },
    };

    public static RankingDto ToDto(Ranking ranking) => new()
    {
        Method = ToDto(ranking.Method),
        Options = ToDto(ranking.Options),
        Complete = ranking.IsComplete,
        Candidates = [.. ranking.Candidates.Candidates.Select(c => new CandidateDto
        {
            Id = c.Id,
            Values = c.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            Effort = c.Effort,
            Polarity = ProgrammeNames.Polarity.Name(c.Polarity),
        })],
        Items = [.. ranking.Items.Select(i => new RankedItemDto
        {
            Id = i.Id,
            Rank = i.Rank,
            Score = i.Score,
            Class = i.Class,
            Explanation = new ExplanationDto
            {
                Method = i.Explanation.Method,
                Summary = i.Explanation.Summary,
                Contributions = [.. i.Explanation.Contributions.Select(c => new ContributionItemDto { Criterion = c.Criterion, Value = c.Value, Contribution = c.Contribution, Text = c.Text })],
            },
        })],
    };

    public static ImprovementProgramme? FromDto(ProgrammeDto? d, RiskDatabase? database, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<ImprovementProgramme>(Root, ctx);
        }

        string P(string member) => JsonPaths.Member(Root, member);
        var id = WorkflowMapper.RequiredId(d.Id, P("id"), ctx);
        var name = WorkflowMapper.Required(d.Name, P("name"), ctx);
        var severity = d.MissingResourceSeverity is null ? FindingSeverity.Warning : ProgrammeNames.Severity.Read(d.MissingResourceSeverity, P("missing-resource-severity"), ctx, "a finding severity");
        var board = ManagementSystemMapper.Strings(d.SoundingBoardMemberIds, P("sounding-board-member-ids"), ctx) ?? [];
        PrioritisationAgreement? agreement = null;
        if (d.Agreement is { } a)
        {
            var at = P("agreement");
            var mechanism = MechanismFromDto(a.Mechanism, JsonPaths.Member(at, "mechanism"), ctx);
            if (a.AgreedOn is null)
            {
                ManagementSystemMapper.Missing<PrioritisationAgreement>(JsonPaths.Member(at, "agreed-on"), ctx);
            }
            else if (mechanism is not null)
            {
                agreement = new PrioritisationAgreement(mechanism, a.AgreedOn.Value);
            }
        }

        var sprints = Sprints(d.Sprints, database, ctx);
        if (ctx.HasErrors || id is null || name is null || severity is null || sprints is null)
        {
            return null;
        }

        if (sprints.Count > 0 && agreement is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, P("agreement"), "A programme with sprints must have an agreed prioritisation mechanism (USM prerequisite 8).");
            return null;
        }

        var programme = ctx.Build(Root, () => new ImprovementProgramme(id, name, null, board, severity.Value));
        if (programme is null)
        {
            return null;
        }

        // Replay the sprints in order through the programme's operations.
        for (var i = 0; i < sprints.Count; i++)
        {
            var s = sprints[i];
            var at = JsonPaths.Index(P("sprints"), i);
            var before = programme;
            programme = Apply(at, () => Replay(before, s, d.BaselineScanId), ctx);
            if (programme is null)
            {
                return null;
            }

            var replayed = programme.Sprint(s.Number).Findings.Findings;
            if (!replayed.SequenceEqual(s.Findings))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "findings"),
                    $"The recorded findings of sprint {s.Number} differ from those its planning gives ({replayed.Length} findings: {string.Join("; ", replayed.Select(f => f.RuleId + " " + f.Message))}).");
                return null;
            }
        }

        // At most one sprint is active; it starts last, since later sprints may have run while it waited.
        var final = programme;
        return Apply(Root, () =>
        {
            var result = final;
            foreach (var active in sprints.Where(s => s.Status == SprintStatus.Active))
            {
                result = result.StartSprint(active.Number);
            }

            result = result.WithMissingResourceSeverity(severity.Value);
            result = d.BaselineScanId is null ? result : result.WithBaselineScan(d.BaselineScanId);
            return agreement is null ? result : result.AgreeMechanism(agreement.Mechanism, agreement.AgreedOn);
        }, ctx);
    }

    // The programme's operations refuse bad arguments (ArgumentException) and illegal states (InvalidOperationException,
    // such as two active sprints); both are reported at the path instead of escaping the reader.
    private static ImprovementProgramme? Apply(string path, Func<ImprovementProgramme> operation, JsonReadContext ctx)
    {
        try
        {
            return ctx.Build(path, operation);
        }
        catch (InvalidOperationException ex)
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, ex.Message);
            return null;
        }
    }

    // One sprint as read: what planning needs, and what happened to it afterwards.
    private sealed record SprintRecord(int Number, DateInterval Period, int Capacity, SprintStatus Status, string MechanismName, List<SprintItem> Items,
        List<Resource> Covered, List<KeyValuePair<string, SprintItemOutcome>> Outcomes, string? CancelReason, List<Finding> Findings);

    private static ImprovementProgramme Replay(ImprovementProgramme programme, SprintRecord s, string? baselineScanId)
    {
        // Planning-time settings are recovered from the recorded findings; the replayed findings are compared after.
        if (!s.Findings.Any(f => f.RuleId == ImprovementProgramme.NoBaselineRuleId) && baselineScanId is not null)
        {
            programme = programme.WithBaselineScan(baselineScanId);
        }

        if (s.Findings.FirstOrDefault(f => f.RuleId == ImprovementProgramme.MissingResourceRuleId) is { } missing)
        {
            programme = programme.WithMissingResourceSeverity(missing.Severity);
        }

        // A stand-in database in which each item is an open risk touching exactly the sprint's covered resources.
        var stand = new RiskDatabase(ReplayClock.Instance);
        foreach (var item in s.Items)
        {
            stand = stand.Register(new Risk(item.RiskId, item.RiskId, string.Empty, RiskPolarity.Threat, RiskOrigin.ReportedBy("replay"), s.Covered, "replay"), "replay");
        }

        programme = programme.AgreeMechanism(new NamedMechanism(s.MechanismName), LocalDate.MinIsoValue).PlanSprint(stand, s.Period, s.Capacity, s.Items);
        switch (s.Status)
        {
            case SprintStatus.Completed:
                programme = programme.StartSprint(s.Number).CompleteSprint(s.Number, s.Outcomes, stand);
                break;
            case SprintStatus.Cancelled:
                programme = programme.CancelSprint(s.Number, s.CancelReason ?? throw new ArgumentException($"Cancelled sprint {s.Number} needs a 'cancel-reason'."));
                break;
        }

        if (s.Status != SprintStatus.Completed && s.Outcomes.Count > 0)
        {
            throw new ArgumentException($"Sprint {s.Number} is {ProgrammeNames.Status.Name(s.Status)}; only a completed sprint has outcomes.");
        }

        return programme;
    }

    private static List<SprintRecord>? Sprints(List<SprintDto?>? dtos, RiskDatabase? database, JsonReadContext ctx)
    {
        var result = new List<SprintRecord>();
        var ok = true;
        var path = JsonPaths.Member(Root, "sprints");
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var at = JsonPaths.Index(path, i);
            if (dtos![i] is not { } s)
            {
                ctx.Error(ReadErrorCode.WrongType, at, "Expected an object but found null.");
                ok = false;
                continue;
            }

            var before = ctx.Errors.Count;
            string A(string member) => JsonPaths.Member(at, member);
            if (s.Number is null)
            {
                ManagementSystemMapper.Missing<SprintDto>(A("number"), ctx);
            }
            else if (s.Number != i + 1)
            {
                ctx.Error(s.Number <= i ? ReadErrorCode.DuplicateId : ReadErrorCode.InvalidValue, A("number"), $"Sprint number {s.Number} is out of sequence: sprint {i + 1} belongs here (sprints are numbered 1, 2, … in order).");
            }

            if (s.Period is null)
            {
                ManagementSystemMapper.Missing<SprintDto>(A("period"), ctx);
            }

            if (s.Capacity is null)
            {
                ManagementSystemMapper.Missing<SprintDto>(A("capacity"), ctx);
            }
            else if (s.Capacity < 1)
            {
                // ImprovementProgramme.PlanSprint's bound, reported at the member (the schema states it there).
                ctx.Error(ReadErrorCode.NumberOutOfRange, A("capacity"), Preconditions.Invariant($"A sprint's capacity is at least 1, but was {s.Capacity}."));
            }

            var status = ProgrammeNames.Status.Read(s.Status, A("status"), ctx, "a sprint status");
            var mechanismName = WorkflowMapper.RequiredId(s.MechanismName, A("mechanism-name"), ctx);
            var riskIds = new HashSet<string>(StringComparer.Ordinal);
            var items = ManagementSystemMapper.Items(s.Items, A("items"), ctx, (x, xAt) =>
            {
                var riskId = WorkflowMapper.RequiredId(x.RiskId, JsonPaths.Member(xAt, "risk-id"), ctx);
                if (x.Effort is null)
                {
                    return ManagementSystemMapper.Missing<SprintItem>(JsonPaths.Member(xAt, "effort"), ctx);
                }

                if (x.Effort < 1)
                {
                    // SprintItem's bound, reported at the member (the schema states it there).
                    ctx.Error(ReadErrorCode.NumberOutOfRange, JsonPaths.Member(xAt, "effort"), Preconditions.Invariant($"An item's effort is at least 1, but was {x.Effort}."));
                    return null;
                }

                if (riskId is null)
                {
                    return null;
                }

                if (!riskIds.Add(riskId))
                {
                    ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(xAt, "risk-id"), $"Risk '{JsonReadContext.Shorten(riskId)}' is an earlier item of this sprint.");
                    return null;
                }

                if (database is not null && !database.TryGet(riskId, out _))
                {
                    ctx.Error(ReadErrorCode.DanglingReference, JsonPaths.Member(xAt, "risk-id"), $"Risk '{JsonReadContext.Shorten(riskId)}' is not in the risk database.");
                    return null;
                }

                return ctx.Build(xAt, () => new SprintItem(riskId, x.Effort.Value));
            });
            var covered = new List<Resource>();
            for (var k = 0; k < (s.CoveredResources?.Count ?? 0); k++)
            {
                if (ImprovementNames.Resource.Read(s.CoveredResources![k], JsonPaths.Index(A("covered-resources"), k), ctx, "a resource") is { } r)
                {
                    covered.Add(r);
                }
            }

            var outcomes = new List<KeyValuePair<string, SprintItemOutcome>>();
            foreach (var (riskId, text) in s.Outcomes ?? [])
            {
                var oAt = JsonPaths.Member(A("outcomes"), riskId);
                if (!riskIds.Contains(riskId))
                {
                    ctx.Error(ReadErrorCode.DanglingReference, oAt, $"Risk '{JsonReadContext.Shorten(riskId)}' is not an item of this sprint.");
                }
                else if (ProgrammeNames.Outcome.Read(text, oAt, ctx, "a sprint item outcome") is { } outcome)
                {
                    outcomes.Add(new(riskId, outcome));
                }
            }

            var findings = ManagementSystemMapper.Items(s.Findings, A("findings"), ctx, (f, fAt) =>
                ProgrammeNames.Severity.Read(f.Severity, JsonPaths.Member(fAt, "severity"), ctx, "a finding severity") is { } sev
                    ? ctx.Build(fAt, () => new Finding(f.RuleId!, sev, f.Message!, f.Path!, f.SubjectId))
                    : null);
            if (ctx.Errors.Count > before || items is null || findings is null)
            {
                ok = false;
                continue;
            }

            if (items.Count > 0 && covered.Count == 0)
            {
                ctx.Error(ReadErrorCode.MissingMember, A("covered-resources"), "A sprint with items must list the resources its items cover.");
                ok = false;
                continue;
            }

            result.Add(new SprintRecord(s.Number!.Value, s.Period!, s.Capacity!.Value, status!.Value, mechanismName!, items, covered, outcomes, s.CancelReason, findings));
        }

        return ok ? result : null;
    }

    private static IPrioritisationMechanism? MechanismFromDto(MechanismDto? m, string path, JsonReadContext ctx)
    {
        if (m is null)
        {
            return ManagementSystemMapper.Missing<IPrioritisationMechanism>(path, ctx);
        }

        var kindPath = JsonPaths.Member(path, "kind");
        switch (m.Kind)
        {
            case null:
                return ManagementSystemMapper.Missing<IPrioritisationMechanism>(kindPath, ctx);
            case ProgrammeNames.RiskMatrixKind:
                var matrix = MatrixFromDto(m.Matrix, JsonPaths.Member(path, "matrix"), ctx);
                return matrix is null ? null : new RiskMatrixPrioritisation(matrix);
            case ProgrammeNames.RankingKind:
                var method = MethodFromDto(m.Method, JsonPaths.Member(path, "method"), ctx);
                var options = OptionsFromDto(m.Options, JsonPaths.Member(path, "options"), ctx);
                return method is null || options is null ? null : new RankingMechanism(method, options);
            case ProgrammeNames.CustomKind:
                return CustomMechanism(m.Name, path, ctx);
            default:
                ctx.Error(ReadErrorCode.UnknownEnumValue, kindPath, $"'{JsonReadContext.Shorten(m.Kind)}' is not a prioritisation mechanism this library reads (expected {ProgrammeNames.RiskMatrixKind} or {ProgrammeNames.RankingKind}).");
                return null;
        }
    }

    // A custom mechanism is code, not data: only the caller can supply it, through ReaderOptions.MechanismResolver.
    private static IPrioritisationMechanism? CustomMechanism(string? name, string path, JsonReadContext ctx)
    {
        var namePath = JsonPaths.Member(path, "name");
        if (name is null)
        {
            return ManagementSystemMapper.Missing<IPrioritisationMechanism>(namePath, ctx);
        }

        var shown = JsonReadContext.Shorten(name);
        if (ctx.Options.MechanismResolver is not { } resolver)
        {
            ctx.Error(ReadErrorCode.UnresolvedMechanism, namePath, $"The custom mechanism '{shown}' at {path} cannot be rebuilt from the document; supply it with ReaderOptions.WithMechanismResolver.");
            return null;
        }

        var mechanism = resolver(name);
        if (mechanism is null)
        {
            ctx.Error(ReadErrorCode.UnresolvedMechanism, namePath, $"The mechanism resolver does not know the custom mechanism '{shown}' at {path}.");
            return null;
        }

        if (mechanism.Name != name)
        {
            ctx.Error(ReadErrorCode.UnresolvedMechanism, namePath, $"The mechanism resolver returned '{JsonReadContext.Shorten(mechanism.Name)}' for the custom mechanism '{shown}' at {path}; the names must match.");
            return null;
        }

        return mechanism;
    }

    private static RiskMatrix? MatrixFromDto(RiskMatrixDto? m, string path, JsonReadContext ctx)
    {
        if (m is null)
        {
            return ManagementSystemMapper.Missing<RiskMatrix>(path, ctx);
        }

        var effect = ScaleFromDto(m.EffectScale, JsonPaths.Member(path, "effect-scale"), ctx);
        var likelihood = ScaleFromDto(m.LikelihoodScale, JsonPaths.Member(path, "likelihood-scale"), ctx);
        var classes = ScaleFromDto(m.PriorityClasses, JsonPaths.Member(path, "priority-classes"), ctx);
        var rowsPath = JsonPaths.Member(path, "rows");
        if (m.Rows is null)
        {
            return ManagementSystemMapper.Missing<RiskMatrix>(rowsPath, ctx);
        }

        var rows = new List<List<string>>();
        for (var i = 0; i < m.Rows.Count; i++)
        {
            rows.Add(ManagementSystemMapper.Strings(m.Rows[i], JsonPaths.Index(rowsPath, i), ctx) ?? []);
        }

        return effect is null || likelihood is null || classes is null ? null : ctx.Build(path, () => new RiskMatrix(effect, likelihood, classes, rows));
    }

    private static OrdinalScale? ScaleFromDto(OrdinalScaleDto? s, string path, JsonReadContext ctx)
    {
        if (s is null)
        {
            return ManagementSystemMapper.Missing<OrdinalScale>(path, ctx);
        }

        var levels = ManagementSystemMapper.Strings(s.Levels, JsonPaths.Member(path, "levels"), ctx);
        return levels is null ? ManagementSystemMapper.Missing<OrdinalScale>(JsonPaths.Member(path, "levels"), ctx) : ctx.Build(path, () => new OrdinalScale(s.Name!, levels));
    }

    // The numeric parameters that belong to one method kind each (the writer emits them only for that kind).
    private static bool StrayParameters(RankingMethodDto m, string path, JsonReadContext ctx)
    {
        var stray = false;
        foreach (var (member, value, owner) in new (string, double?, string)[]
        {
            ("lambda", m.Lambda, "waspas"),
            ("v", m.V, "vikor"),
            ("tau", m.Tau, "codas"),
            ("max-likelihood", m.MaxLikelihood, "simplerisk"),
            ("max-impact", m.MaxImpact, "simplerisk"),
        })
        {
            if (value is { } given && m.Kind != owner && ProgrammeNames.MethodKinds.Contains(m.Kind))
            {
                stray = true;
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(path, member), Preconditions.Invariant(
                    $"The {m.Kind} method takes no '{member}' (it was {given}); remove it, or use the {owner} method, which takes it."));
            }
        }

        return stray;
    }

    internal static RankingMethod? MethodFromDto(RankingMethodDto? m, string path, JsonReadContext ctx)
    {
        if (m is null)
        {
            return ManagementSystemMapper.Missing<RankingMethod>(path, ctx);
        }

        var kindPath = JsonPaths.Member(path, "kind");
        if (m.Kind is null)
        {
            return ManagementSystemMapper.Missing<RankingMethod>(kindPath, ctx);
        }

        // A numeric parameter of another method is an error, not dropped: "lambda" on VIKOR is most likely a WASPAS
        // method under the wrong kind, and the schemas bound these members whatever the kind (reader and schema agree).
        if (StrayParameters(m, path, ctx))
        {
            return null;
        }

        // A missing or null criterion name is reported at its member, as every other required member is, never as a
        // factory's bare "Value cannot be null" at the method. Each required name is looked at, so that a document
        // missing two of them gets both errors.
        string? Required(string? value, string member) => value ?? ManagementSystemMapper.Missing<string>(JsonPaths.Member(path, member), ctx);
        List<Criterion>? Criteria()
        {
            var at = JsonPaths.Member(path, "criteria");
            return m.Criteria is null ? ManagementSystemMapper.Missing<List<Criterion>>(at, ctx) : ManagementSystemMapper.Items(m.Criteria, at, ctx, CriterionFromDto);
        }

        Criterion? CriterionFromDto(CriterionDto c, string at) => ProgrammeMapper.CriterionFromDto(c, at, ctx);

        // SPOTIS's bounds: required, one {criterion, min, max} per criterion.
        List<Tuple<string, SpotisBounds>>? SpotisBounds()
        {
            var at = JsonPaths.Member(path, "bounds");
            return m.Bounds is null ? ManagementSystemMapper.Missing<List<Tuple<string, SpotisBounds>>>(at, ctx) : ManagementSystemMapper.Items(m.Bounds, at, ctx, SpotisBoundsFromDto);
        }

        Tuple<string, SpotisBounds>? SpotisBoundsFromDto(SpotisBoundsDto b, string at)
        {
            var criterion = b.Criterion ?? ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "criterion"), ctx);
            if (b.Min is null)
            {
                ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "min"), ctx);
            }

            if (b.Max is null)
            {
                ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "max"), ctx);
            }

            return criterion is null || b.Min is not { } min || b.Max is not { } max ? null
                : ctx.Build(at, () => Tuple.Create(criterion, new SpotisBounds(min, max)));
        }

        SawNormalisation? Normalisation() => ProgrammeNames.Normalisation.Read(m.Normalisation, JsonPaths.Member(path, "normalisation"), ctx, "a normalisation");

        // PROMETHEE's preference functions: optional (absent means the usual criterion everywhere); each names its criterion and shape.
        List<KeyValuePair<string, PreferenceFunction>>? PreferenceFunctions()
        {
            var at = JsonPaths.Member(path, "preference-functions");
            return m.PreferenceFunctions is null ? []
                : ManagementSystemMapper.Items(m.PreferenceFunctions, at, ctx, PreferenceFunctionFromDto)?.Select(t => KeyValuePair.Create(t.Item1, t.Item2)).ToList();
        }

        Tuple<string, PreferenceFunction>? PreferenceFunctionFromDto(PreferenceFunctionDto f, string at)
        {
            var criterion = f.Criterion ?? ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "criterion"), ctx);
            PreferenceShape? shape = null;
            if (f.Shape is null)
            {
                ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, "shape"), ctx);
            }
            else
            {
                shape = ProgrammeNames.PreferenceShape.Read(f.Shape, JsonPaths.Member(at, "shape"), ctx, "a preference shape");
            }

            double? Parameter(double? value, string member)
            {
                if (value is null)
                {
                    ManagementSystemMapper.Missing<string>(JsonPaths.Member(at, member), ctx);
                }

                return value;
            }

            if (criterion is null || shape is null)
            {
                return null;
            }

            // A threshold the shape does not take is an error, not dropped: a V-shape with q is most likely a linear
            // criterion under the wrong shape, and reading it without q would change every flow silently.
            var takes = (
                Indifference: shape.Value is PreferenceShape.UShape or PreferenceShape.Level or PreferenceShape.Linear,
                Preference: shape.Value is PreferenceShape.VShape or PreferenceShape.Level or PreferenceShape.Linear,
                Sigma: shape.Value == PreferenceShape.Gaussian);
            var unexpected = false;
            foreach (var (member, given, taken) in new[] { ("indifference", f.Indifference, takes.Indifference), ("preference", f.Preference, takes.Preference), ("sigma", f.Sigma, takes.Sigma) })
            {
                if (given is { } value && !taken)
                {
                    unexpected = true;
                    ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, member), Preconditions.Invariant(
                        $"The {f.Shape} preference function takes no '{member}' (it was {value}); remove it, or choose the shape that takes it (indifference: u-shape, level, linear; preference: v-shape, level, linear; sigma: gaussian)."));
                }
            }

            if (unexpected)
            {
                return null;
            }

            var function = shape.Value switch
            {
                PreferenceShape.Usual => PreferenceFunction.Usual,
                PreferenceShape.UShape => Parameter(f.Indifference, "indifference") is { } q ? ctx.Build(at, () => PreferenceFunction.UShape(q)) : null,
                PreferenceShape.VShape => Parameter(f.Preference, "preference") is { } p ? ctx.Build(at, () => PreferenceFunction.VShape(p)) : null,
                PreferenceShape.Gaussian => Parameter(f.Sigma, "sigma") is { } s ? ctx.Build(at, () => PreferenceFunction.Gaussian(s)) : null,
                _ => (Parameter(f.Indifference, "indifference"), Parameter(f.Preference, "preference")) is ({ } q, { } p)
                    ? ctx.Build(at, () => shape.Value == PreferenceShape.Level ? PreferenceFunction.Level(q, p) : PreferenceFunction.Linear(q, p))
                    : null,
            };
            return function is null ? null : Tuple.Create(criterion, function);
        }

        switch (m.Kind)
        {
            case "weighted-sum" or "topsis":
                var criteria = Criteria();
                var normalisation = Normalisation();
                // A weighted sum keeps its written name, so that an AHP-weighted SAW reads back under its own name.
                return criteria is null || normalisation is null ? null
                    : ctx.Build<RankingMethod>(path, () => m.Kind == "topsis" ? RankingMethod.Topsis(criteria, normalisation.Value)
                        : string.IsNullOrWhiteSpace(m.Name) ? RankingMethod.WeightedSum(criteria, normalisation.Value) : new WeightedSumMethod(criteria, normalisation.Value, m.Name));
            case "expected-value":
                var probability = Required(m.ProbabilityCriterion, "probability-criterion");
                var impact = Required(m.ImpactCriterion, "impact-criterion");
                return probability is null || impact is null ? null : ctx.Build<RankingMethod>(path, () => RankingMethod.ExpectedValue(probability, impact));
            case "risk-matrix":
                var effect = Required(m.EffectCriterion, "effect-criterion");
                var likelihood = Required(m.LikelihoodCriterion, "likelihood-criterion");
                if (effect is null || likelihood is null)
                {
                    return null;
                }

                if (m.ClassTable is null)
                {
                    return ctx.Build<RankingMethod>(path, () => RankingMethod.RiskMatrix(effect, likelihood));
                }

                var table = new List<ImmutableArray<int>>();
                for (var i = 0; i < m.ClassTable.Count; i++)
                {
                    if (m.ClassTable[i] is not { } row)
                    {
                        ctx.Error(ReadErrorCode.WrongType, JsonPaths.Index(JsonPaths.Member(path, "class-table"), i), "Expected an array but found null.");
                        return null;
                    }

                    table.Add([.. row]);
                }

                return ctx.Build<RankingMethod>(path, () => RankingMethod.RiskMatrix(effect, likelihood, [.. table], m.WithinClassCriterion));
            case "rice":
                var reach = Required(m.ReachCriterion, "reach-criterion");
                var riceImpact = Required(m.ImpactCriterion, "impact-criterion");
                var riceConfidence = Required(m.ConfidenceCriterion, "confidence-criterion");
                return reach is null || riceImpact is null || riceConfidence is null ? null
                    : ctx.Build<RankingMethod>(path, () => RankingMethod.Rice(reach, riceImpact, riceConfidence, m.EffortCriterion));
            case "ice":
                var iceImpact = Required(m.ImpactCriterion, "impact-criterion");
                var iceConfidence = Required(m.ConfidenceCriterion, "confidence-criterion");
                var ease = Required(m.EaseCriterion, "ease-criterion");
                var convention = ProgrammeNames.Convention.Read(m.Convention, JsonPaths.Member(path, "convention"), ctx, "an ICE convention");
                return convention is null || iceImpact is null || iceConfidence is null || ease is null ? null
                    : ctx.Build<RankingMethod>(path, () => RankingMethod.Ice(iceImpact, iceConfidence, ease, convention.Value));
            case "wsjf":
                var components = ManagementSystemMapper.Strings(m.CostOfDelayComponents, JsonPaths.Member(path, "cost-of-delay-components"), ctx);
                return components is null ? ManagementSystemMapper.Missing<RankingMethod>(JsonPaths.Member(path, "cost-of-delay-components"), ctx)
                    : ctx.Build<RankingMethod>(path, () => RankingMethod.Wsjf(components, m.JobSizeCriterion));
            case "cd3":
                var costOfDelay = Required(m.CostOfDelayCriterion, "cost-of-delay-criterion");
                return costOfDelay is null ? null : ctx.Build<RankingMethod>(path, () => RankingMethod.Cd3(costOfDelay, m.DurationCriterion));
            case "simplerisk":
                var formula = ProgrammeNames.SimpleRiskFormula.Read(m.Formula, JsonPaths.Member(path, "formula"), ctx, "a SimpleRisk formula");
                var maxLikelihood = ScaleMaximum(m.MaxLikelihood, JsonPaths.Member(path, "max-likelihood"), ctx);
                var maxImpact = ScaleMaximum(m.MaxImpact, JsonPaths.Member(path, "max-impact"), ctx);

                var likelihoodCriterion = Required(m.LikelihoodCriterion, "likelihood-criterion");
                var impactCriterion = Required(m.ImpactCriterion, "impact-criterion");
                return formula is null || maxLikelihood is null || maxImpact is null || likelihoodCriterion is null || impactCriterion is null ? null
                    : ctx.Build<RankingMethod>(path, () => RankingMethod.SimpleRisk(formula.Value, likelihoodCriterion, impactCriterion, maxLikelihood.Value, maxImpact.Value));
            case "promethee":
                var prometheeCriteria = Criteria();
                var functions = PreferenceFunctions();
                return prometheeCriteria is null || functions is null ? null
                    : ctx.Build<RankingMethod>(path, () => RankingMethod.Promethee(prometheeCriteria, functions));
            case "weighted-product":
                var productCriteria = Criteria();
                return productCriteria is null ? null : ctx.Build<RankingMethod>(path, () => RankingMethod.WeightedProduct(productCriteria));
            case "waspas" or "vikor":
                var blendCriteria = Criteria();
                var share = m.Kind == "waspas" ? Share(m.Lambda, JsonPaths.Member(path, "lambda"), ctx) : Share(m.V, JsonPaths.Member(path, "v"), ctx);
                return blendCriteria is null || share is null ? null
                    : ctx.Build<RankingMethod>(path, () => m.Kind == "waspas" ? RankingMethod.Waspas(blendCriteria, share.Value) : RankingMethod.Vikor(blendCriteria, share.Value));
            case "moscow":
                var category = Required(m.CategoryCriterion, "category-criterion");
                return category is null ? null : ctx.Build<RankingMethod>(path, () => RankingMethod.Moscow(category, m.WithinCategoryCriterion));
            case "mabac" or "moora-ratio" or "moora-reference-point" or "moora-multiplicative" or "multimoora":
                var mcdaCriteria = Criteria();
                return mcdaCriteria is null ? null : ctx.Build<RankingMethod>(path, () => m.Kind switch
                {
                    "mabac" => RankingMethod.Mabac(mcdaCriteria),
                    "moora-ratio" => RankingMethod.MooraRatio(mcdaCriteria),
                    "moora-reference-point" => RankingMethod.MooraReferencePoint(mcdaCriteria),
                    "moora-multiplicative" => RankingMethod.MooraMultiplicative(mcdaCriteria),
                    _ => RankingMethod.Multimoora(mcdaCriteria),
                });
            case "spotis":
                var spotisCriteria = Criteria();
                var bounds = SpotisBounds();
                return spotisCriteria is null || bounds is null ? null
                    : ctx.Build<RankingMethod>(path, () => RankingMethod.Spotis(spotisCriteria, bounds.Select(t => KeyValuePair.Create(t.Item1, t.Item2))));
            case "edas" or "copras" or "aras":
                var ratioCriteria = Criteria();
                return ratioCriteria is null ? null
                    : ctx.Build<RankingMethod>(path, () => m.Kind switch
                    {
                        "edas" => RankingMethod.Edas(ratioCriteria),
                        "copras" => RankingMethod.Copras(ratioCriteria),
                        _ => RankingMethod.Aras(ratioCriteria),
                    });
            case "codas":
                var codasCriteria = Criteria();
                var tau = Tau(m.Tau, JsonPaths.Member(path, "tau"), ctx);
                return codasCriteria is null || tau is null ? null : ctx.Build<RankingMethod>(path, () => RankingMethod.Codas(codasCriteria, tau.Value));
            default:
                ctx.Error(ReadErrorCode.UnknownEnumValue, kindPath, $"'{JsonReadContext.Shorten(m.Kind)}' is not a ranking method this library reads (expected one of {string.Join(", ", ProgrammeNames.MethodKinds)}).");
                return null;
        }
    }

    // WASPAS's λ or VIKOR's v: 0.5 (both factories' default) when absent, otherwise a number in [0, 1].
    private static double? Share(double? value, string path, JsonReadContext ctx)
    {
        if (value is not { } share)
        {
            return 0.5;
        }

        if (!(share >= 0 && share <= 1))
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, Preconditions.Invariant($"'{path[(path.LastIndexOf('.') + 1)..]}' must be from 0 to 1, not {share}."));
            return null;
        }

        return share;
    }

    // CODAS's τ: 0.02 (the factory's default, the paper's value) when absent, otherwise a number in [0, 1].
    private static double? Tau(double? value, string path, JsonReadContext ctx)
    {
        if (value is not { } tau)
        {
            return 0.02;
        }

        if (!(tau >= 0 && tau <= 1))
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, Preconditions.Invariant($"'tau' must be from 0 to 1, not {tau}."));
            return null;
        }

        return tau;
    }

    // A SimpleRisk scale's highest level: 5 (SimpleRisk's default) when absent, otherwise 1 to SimpleRiskMethod.MaxScaleLevels.
    private static int? ScaleMaximum(int? value, string path, JsonReadContext ctx)
    {
        if (value is not { } max)
        {
            return 5;
        }

        if (max < 1 || max > SimpleRiskMethod.MaxScaleLevels)
        {
            ctx.Error(ReadErrorCode.InvalidValue, path, $"A scale's highest level must be from 1 to {SimpleRiskMethod.MaxScaleLevels}, not {max}.");
            return null;
        }

        return max;
    }

    internal static RankingOptions? OptionsFromDto(RankingOptionsDto? o, string path, JsonReadContext ctx)
    {
        if (o?.SecondaryKey is not { } key)
        {
            return RankingOptions.Default;
        }

        var at = JsonPaths.Member(path, "secondary-key");
        switch (key.Kind)
        {
            case "none":
                return new RankingOptions(TieBreaker.None);
            case "lower-effort-first":
                return new RankingOptions(TieBreaker.LowerEffortFirst);
            case "criterion":
                return ctx.Build(at, () => new RankingOptions(TieBreaker.ByCriterion(key.Criterion!, key.HigherFirst ?? true)));
            case null:
                return ManagementSystemMapper.Missing<RankingOptions>(JsonPaths.Member(at, "kind"), ctx);
            default:
                ctx.Error(ReadErrorCode.UnknownEnumValue, JsonPaths.Member(at, "kind"), $"'{JsonReadContext.Shorten(key.Kind)}' is not a tie-breaker (expected one of {string.Join(", ", ProgrammeNames.TieBreakerKinds)}).");
                return null;
        }
    }

    // Stands in for the agreed mechanism while sprints are replayed: only its name is recorded in a sprint.
    private sealed class NamedMechanism(string name) : IPrioritisationMechanism
    {
        public string Name { get; } = name;

        public IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks) => throw new InvalidOperationException("A replay stand-in does not prioritise.");
    }

    // The stand-in database's clock; the database is discarded after the replay.
    private sealed class ReplayClock : IClock
    {
        public static ReplayClock Instance { get; } = new();

        public Instant GetCurrentInstant() => Instant.FromUtc(2000, 1, 1, 0, 0);
    }
}
