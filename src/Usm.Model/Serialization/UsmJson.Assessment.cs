using System.Text.Json;
using Usm.Model.Assessment;

namespace Usm.Model.Serialization;

public static partial class UsmJson
{
    /// <summary>Writes an instrument document: the instrument's id, version and name, and its areas with their questions, scales and USM elements.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> is null.</exception>
    public static string WriteInstrument(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var document = new InstrumentDocumentDto { FormatVersion = FormatVersion, Kind = KindName(UsmDocumentKind.Instrument), Instrument = AssessmentMapper.ToDto(instrument) };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.InstrumentDocumentDto);
    }

    /// <summary>Reads an instrument document from text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The instrument, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<Instrument> ReadInstrument(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.Instrument, UsmJsonContext.Writer.InstrumentDocumentDto, (dto, ctx) => AssessmentMapper.FromDto(dto.Instrument, "$.instrument", ctx));

    /// <summary>Reads an instrument document from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The instrument, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<Instrument> ReadInstrument(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.Instrument, UsmJsonContext.Writer.InstrumentDocumentDto, (dto, ctx) => AssessmentMapper.FromDto(dto.Instrument, "$.instrument", ctx));

    /// <summary>
    /// Writes a scan document: the scan's id and date, its instrument <b>embedded in full</b> (so the document can be
    /// read on its own and two scans can be compared without a shared catalogue), its respondents and its answers.
    /// </summary>
    /// <param name="scan">The scan.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scan"/> is null.</exception>
    public static string WriteScan(Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);

        // Streamed: the answers (the bulk of a scan) go through the writer one at a time, each by the same
        // source-generated contract, so the text is byte-identical to serializing the whole document DTO.
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, UsmJsonContext.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format-version", FormatVersion);
            writer.WriteString("kind", KindName(UsmDocumentKind.Scan));
            writer.WritePropertyName("scan");
            AssessmentMapper.Write(writer, scan);
            writer.WriteEndObject();
        }

        return buffer.ToUtf8String();
    }

    /// <summary>
    /// Reads a scan document from text. The instrument is taken from the document (<c>scan.instrument</c>); every
    /// answer must name a declared respondent and a question of that instrument, and fit the question's scale.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The scan, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<Scan> ReadScan(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.Scan, UsmJsonContext.Writer.ScanDocumentDto, (dto, ctx) => AssessmentMapper.FromDto(dto.Scan, ctx));

    /// <summary>Reads a scan document from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The scan, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<Scan> ReadScan(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.Scan, UsmJsonContext.Writer.ScanDocumentDto, (dto, ctx) => AssessmentMapper.FromDto(dto.Scan, ctx));
}

/// <summary>The written names of the assessment model's enumerations.</summary>
internal static class AssessmentNames
{
    public static readonly EnumTable<UsmElementKind> ElementKind = KebabEnum<UsmElementKind>.Table;

    public static readonly EnumTable<Prerequisite> Prerequisite = KebabEnum<Prerequisite>.Table;

    public static readonly EnumTable<AnswerScaleKind> ScaleKind = KebabEnum<AnswerScaleKind>.Table;

    public static readonly EnumTable<ValueMaturityLevel> MaturityLevel = KebabEnum<ValueMaturityLevel>.Table;
}

/// <summary>Maps instruments and scans to and from their JSON shape.</summary>
internal static class AssessmentMapper
{
    private const string ScanRoot = "$.scan";

    public static InstrumentDto ToDto(Instrument instrument) => new()
    {
        Id = instrument.Id,
        Version = instrument.Version,
        Name = instrument.Name,
        Areas = [.. instrument.Areas.Select(a => new InstrumentAreaDto
        {
            Id = a.Id,
            Name = a.Name,
            Weight = a.Weight,
            Questions = [.. a.Questions.Select(q => new QuestionDto
            {
                Id = q.Id,
                Text = q.Text,
                Scale = new AnswerScaleDto
                {
                    Kind = AssessmentNames.ScaleKind.Name(q.Scale.Kind),
                    Levels = q.Scale.Kind == AnswerScaleKind.Ordinal ? [.. q.Scale.Levels.Select(l => new ScaleLevelDto { Label = l.Label, Score = l.Score })] : null,
                },
                Element = ToDto(q.Element),
                Weight = q.Weight,
                MaturityCriterion = q.MaturityCriterion is { } level ? AssessmentNames.MaturityLevel.Name(level) : null,
            })],
        })],
    };

    /// <summary>Writes a scan object member by member, in the order and layout of <see cref="ScanDto"/>.</summary>
    public static void Write(Utf8JsonWriter writer, Scan scan)
    {
        var context = UsmJsonContext.Writer;
        writer.WriteStartObject();
        writer.WriteString("id", scan.Id);
        writer.WriteString("date", NodaTimeText.FormatDate(scan.Date));
        writer.WritePropertyName("instrument");
        JsonSerializer.Serialize(writer, ToDto(scan.Instrument), context.InstrumentDto);
        writer.WriteStartArray("respondents");
        foreach (var r in scan.Respondents)
        {
            JsonSerializer.Serialize(writer, new RespondentDto { Id = r.Id, Role = r.Role }, context.RespondentDto);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("answers");
        foreach (var a in scan.Answers)
        {
            JsonSerializer.Serialize(writer, ToDto(a), context.AnswerDto);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static ScanDto ToDto(Scan scan) => new()
    {
        Id = scan.Id,
        Date = scan.Date,
        Instrument = ToDto(scan.Instrument),
        Respondents = [.. scan.Respondents.Select(r => new RespondentDto { Id = r.Id, Role = r.Role })],
        Answers = [.. scan.Answers.Select(ToDto)],
    };

    private static AnswerDto ToDto(Answer a) => new()
    {
        RespondentId = a.RespondentId,
        QuestionId = a.QuestionId,
        Level = a.Value.Kind == AnswerValueKind.Level ? a.Value.Label : null,
        Yes = a.Value.Kind == AnswerValueKind.YesNo ? a.Value.Number > 0 : null,
        Percent = a.Value.Kind == AnswerValueKind.Percentage ? a.Value.Number : null,
    };

    private static UsmElementDto ToDto(UsmElement element) => new()
    {
        Kind = AssessmentNames.ElementKind.Name(element.Kind),
        Prerequisite = element.Prerequisite is { } p ? AssessmentNames.Prerequisite.Name(p) : null,
        Resource = element.Resource is { } r ? ImprovementNames.Resource.Name(r) : null,
        Process = element.Process is { } u ? EnumNames.Process.Name(u) : null,
        Pattern = element.Pattern?.Number,
    };

    public static Instrument? FromDto(InstrumentDto? d, string path, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<Instrument>(path, ctx);
        }

        var id = WorkflowMapper.RequiredId(d.Id, JsonPaths.Member(path, "id"), ctx);
        var version = WorkflowMapper.RequiredId(d.Version, JsonPaths.Member(path, "version"), ctx);
        var name = WorkflowMapper.Required(d.Name, JsonPaths.Member(path, "name"), ctx);
        var areasPath = JsonPaths.Member(path, "areas");
        if (d.Areas is null)
        {
            ManagementSystemMapper.Missing<Instrument>(areasPath, ctx);
        }

        var questionIds = new HashSet<string>(StringComparer.Ordinal);
        var areas = ManagementSystemMapper.Items(d.Areas, areasPath, ctx, (a, at) =>
        {
            var areaId = WorkflowMapper.RequiredId(a.Id, JsonPaths.Member(at, "id"), ctx);
            var areaName = WorkflowMapper.Required(a.Name, JsonPaths.Member(at, "name"), ctx);
            var questionsPath = JsonPaths.Member(at, "questions");
            if (a.Questions is null)
            {
                ManagementSystemMapper.Missing<Question>(questionsPath, ctx);
            }

            var questions = ManagementSystemMapper.Items(a.Questions, questionsPath, ctx, (q, qAt) => QuestionFromDto(q, qAt, questionIds, ctx));
            var weightOk = WeightInRange(a.Weight, JsonPaths.Member(at, "weight"), ctx);
            return areaId is null || areaName is null || questions is null || !weightOk ? null : ctx.Build(at, () => new InstrumentArea(areaId, areaName, questions, a.Weight ?? 1.0));
        }, a => a.Id);
        return ctx.HasErrors || id is null || version is null || name is null || areas is null ? null : ctx.Build(path, () => new Instrument(id, version, name, areas));
    }

    public static Scan? FromDto(ScanDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            return ManagementSystemMapper.Missing<Scan>(ScanRoot, ctx);
        }

        string P(string member) => JsonPaths.Member(ScanRoot, member);
        var id = WorkflowMapper.RequiredId(d.Id, P("id"), ctx);
        if (d.Date is null)
        {
            ManagementSystemMapper.Missing<Scan>(P("date"), ctx);
        }

        var instrument = FromDto(d.Instrument, P("instrument"), ctx);
        var respondents = ManagementSystemMapper.Items(d.Respondents, P("respondents"), ctx, (r, at) =>
        {
            var rid = WorkflowMapper.RequiredId(r.Id, JsonPaths.Member(at, "id"), ctx);
            var role = WorkflowMapper.Required(r.Role, JsonPaths.Member(at, "role"), ctx);
            return rid is null || role is null ? null : ctx.Build(at, () => new Respondent(rid, role));
        }, r => r.Id);
        var known = respondents?.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var given = new HashSet<(string, string)>();
        var answers = ManagementSystemMapper.Items(d.Answers, P("answers"), ctx, (a, at) => AnswerFromDto(a, at, instrument, known, given, ctx));
        if (ctx.HasErrors || id is null || instrument is null || respondents is null || answers is null)
        {
            return null;
        }

        return ctx.Build(ScanRoot, () => new Scan(id, instrument, d.Date!.Value, respondents, answers));
    }

    private static Question? QuestionFromDto(QuestionDto q, string at, HashSet<string> questionIds, JsonReadContext ctx)
    {
        var qid = WorkflowMapper.RequiredId(q.Id, JsonPaths.Member(at, "id"), ctx);
        var text = WorkflowMapper.Required(q.Text, JsonPaths.Member(at, "text"), ctx);
        if (qid is not null && !questionIds.Add(qid))
        {
            ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(at, "id"), $"Question id '{JsonReadContext.Shorten(qid)}' is used by an earlier question of this instrument.");
        }

        var scale = ScaleFromDto(q.Scale, JsonPaths.Member(at, "scale"), ctx);
        var element = ElementFromDto(q.Element, JsonPaths.Member(at, "element"), ctx);
        ValueMaturityLevel? level = null;
        if (q.MaturityCriterion is not null)
        {
            level = AssessmentNames.MaturityLevel.Read(q.MaturityCriterion, JsonPaths.Member(at, "maturity-criterion"), ctx, "a value maturity level");
            if (level is null)
            {
                return null;
            }
        }

        var weightOk = WeightInRange(q.Weight, JsonPaths.Member(at, "weight"), ctx);
        return qid is null || text is null || scale is null || element is null || !weightOk ? null : ctx.Build(at, () => new Question(qid, text, scale, element, q.Weight ?? 1.0, level));
    }

    // An area's or a question's optional weight: Question.CheckWeight's bound (above 0, at most Question.MaxWeight),
    // reported at the member (the schema states it there).
    private static bool WeightInRange(double? weight, string path, JsonReadContext ctx)
    {
        if (weight is not { } w || (w > 0 && w <= Question.MaxWeight))
        {
            return true;
        }

        ctx.Error(ReadErrorCode.NumberOutOfRange, path, Internal.Preconditions.Invariant($"A weight is above 0 and at most {Question.MaxWeight}, but was {w}."));
        return false;
    }

    private static AnswerScale? ScaleFromDto(AnswerScaleDto? s, string path, JsonReadContext ctx)
    {
        if (s is null)
        {
            return ManagementSystemMapper.Missing<AnswerScale>(path, ctx);
        }

        var kind = AssessmentNames.ScaleKind.Read(s.Kind, JsonPaths.Member(path, "kind"), ctx, "an answer scale kind");
        var levelsPath = JsonPaths.Member(path, "levels");
        switch (kind)
        {
            case null:
                return null;
            case AnswerScaleKind.YesNo or AnswerScaleKind.Percentage:
                if (s.Levels is { Count: > 0 })
                {
                    ctx.Error(ReadErrorCode.InvalidValue, levelsPath, $"A {AssessmentNames.ScaleKind.Name(kind.Value)} scale has no levels.");
                    return null;
                }

                return kind == AnswerScaleKind.YesNo ? AnswerScale.YesNo : AnswerScale.Percentage;
            default:
                if (s.Levels is null)
                {
                    return ManagementSystemMapper.Missing<AnswerScale>(levelsPath, ctx);
                }

                var labels = new HashSet<string>(StringComparer.Ordinal);
                var levels = ManagementSystemMapper.Items(s.Levels, levelsPath, ctx, (l, at) =>
                {
                    var label = WorkflowMapper.Required(l.Label, JsonPaths.Member(at, "label"), ctx);
                    if (l.Score is null)
                    {
                        return ManagementSystemMapper.Missing<ScaleLevel>(JsonPaths.Member(at, "score"), ctx);
                    }

                    if (label is not null && !labels.Add(label))
                    {
                        ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(at, "label"), $"Label '{JsonReadContext.Shorten(label)}' is used by an earlier level of this scale.");
                        return null;
                    }

                    return label is null ? null : ctx.Build(at, () => new ScaleLevel(label, l.Score.Value));
                });
                return levels is null ? null : ctx.Build(levelsPath, () => AnswerScale.Ordinal(levels));
        }
    }

    private static UsmElement? ElementFromDto(UsmElementDto? e, string path, JsonReadContext ctx)
    {
        if (e is null)
        {
            return ManagementSystemMapper.Missing<UsmElement>(path, ctx);
        }

        string At(string member) => JsonPaths.Member(path, member);
        switch (AssessmentNames.ElementKind.Read(e.Kind, At("kind"), ctx, "a USM element kind"))
        {
            case UsmElementKind.Prerequisite:
                return AssessmentNames.Prerequisite.Read(e.Prerequisite, At("prerequisite"), ctx, "a prerequisite") is { } p ? UsmElement.For(p) : null;
            case UsmElementKind.Resource:
                return ImprovementNames.Resource.Read(e.Resource, At("resource"), ctx, "a resource") is { } r ? UsmElement.For(r) : null;
            case UsmElementKind.Process:
                return EnumNames.Process.Read(e.Process, At("process"), ctx, "a USM process") is { } u ? UsmElement.For(u) : null;
            case UsmElementKind.WorkflowPattern:
                if (e.Pattern is not { } number)
                {
                    return ManagementSystemMapper.Missing<UsmElement>(At("pattern"), ctx);
                }

                if (number is < 1 or > 8)
                {
                    ctx.Error(ReadErrorCode.NumberOutOfRange, At("pattern"), $"Workflow pattern {number} does not exist (expected 1 to 8).");
                    return null;
                }

                return UsmElement.For(WorkflowPattern.FromNumber(number));
            case UsmElementKind.Services:
                return UsmElement.Services;
            default:
                return null;
        }
    }

    private static Answer? AnswerFromDto(AnswerDto a, string at, Instrument? instrument, HashSet<string>? respondents, HashSet<(string, string)> given, JsonReadContext ctx)
    {
        var respondentId = WorkflowMapper.RequiredId(a.RespondentId, JsonPaths.Member(at, "respondent-id"), ctx);
        var questionId = WorkflowMapper.RequiredId(a.QuestionId, JsonPaths.Member(at, "question-id"), ctx);
        if (respondentId is not null && respondents is not null && !respondents.Contains(respondentId))
        {
            ctx.Error(ReadErrorCode.DanglingReference, JsonPaths.Member(at, "respondent-id"), $"Respondent '{JsonReadContext.Shorten(respondentId)}' is not among the scan's respondents.");
            respondentId = null;
        }

        var question = questionId is null || instrument is null ? null : instrument.FindQuestion(questionId);
        if (questionId is not null && instrument is not null && question is null)
        {
            ctx.Error(ReadErrorCode.DanglingReference, JsonPaths.Member(at, "question-id"), $"Question '{JsonReadContext.Shorten(questionId)}' is not part of instrument '{instrument.Key}'.");
        }

        var count = (a.Level is null ? 0 : 1) + (a.Yes is null ? 0 : 1) + (a.Percent is null ? 0 : 1);
        if (count != 1)
        {
            ctx.Error(count == 0 ? ReadErrorCode.MissingMember : ReadErrorCode.InvalidValue, at,
                count == 0 ? "An answer needs one of 'level', 'yes' or 'percent'." : "An answer holds exactly one of 'level', 'yes' or 'percent'.");
            return null;
        }

        AnswerValue value;
        if (a.Level is { } label)
        {
            if (string.IsNullOrWhiteSpace(label))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(at, "level"), "A level label must not be empty or white space.");
                return null;
            }

            value = AnswerValue.Level(label);
        }
        else if (a.Yes is { } yes)
        {
            value = AnswerValue.FromBoolean(yes);
        }
        else if (a.Percent is { } percent and >= 0 and <= 100)
        {
            value = AnswerValue.Percent(percent);
        }
        else
        {
            ctx.Error(ReadErrorCode.NumberOutOfRange, JsonPaths.Member(at, "percent"), $"A percentage must lie from 0 to 100, but was {a.Percent!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            return null;
        }

        if (question is not null && !question.Scale.Accepts(value))
        {
            ctx.Error(ReadErrorCode.InvalidValue, at, $"The answer {value} does not fit the scale of question '{question.Id}' ({question.Scale}).");
            return null;
        }

        if (respondentId is null || question is null)
        {
            return null;
        }

        if (!given.Add((respondentId, questionId!)))
        {
            ctx.Error(ReadErrorCode.DuplicateId, at, $"Respondent '{JsonReadContext.Shorten(respondentId)}' answers question '{JsonReadContext.Shorten(questionId!)}' twice.");
            return null;
        }

        return new Answer(respondentId, questionId!, value);
    }
}
