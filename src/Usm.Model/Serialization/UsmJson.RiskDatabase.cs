using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Internal;

namespace Usm.Model.Serialization;

public static partial class UsmJson
{
    /// <summary>
    /// Writes a risk database document: the database's event log, each event with its time, actor, the registered
    /// risk or the applied command, and the resulting status.
    /// </summary>
    /// <param name="database">The risk database.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    /// <exception cref="ArgumentException">A <see cref="SelectMeasure"/> in the log uses a comparer other than
    /// <see cref="BusinessCase.DefaultComparer"/>, which cannot be written.</exception>
    public static string WriteRiskDatabase(RiskDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);

        // The events are streamed one at a time through the writer, so the whole DTO graph never exists at once. The
        // header is written by hand in the order and layout the document DTO would give; each event goes through the
        // same source-generated contract as before, so the text is byte-identical to serializing the document DTO.
        var events = database.Events;
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, UsmJsonContext.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format-version", FormatVersion);
            writer.WriteString("kind", KindName(UsmDocumentKind.RiskDatabase));
            writer.WriteStartObject("risk-database");
            writer.WriteStartArray("events");
            var eventInfo = UsmJsonContext.Writer.RiskEventDto;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (e.Registered is not null && e.Command is null)
                {
                    // The bulk of most logs: written member by member, in the DTO's order and null handling.
                    RiskDatabaseMapper.WriteRegistration(writer, e);
                }
                else
                {
                    JsonSerializer.Serialize(writer, RiskDatabaseMapper.ToDto(e), eventInfo);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToUtf8String();
    }

    /// <summary>Reads a risk database document from text by replaying its event log.</summary>
    /// <param name="json">The document.</param>
    /// <param name="clock">The clock the rebuilt database uses for later changes.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The rebuilt database, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> or <paramref name="clock"/> is null.</exception>
    public static ReadResult<RiskDatabase> ReadRiskDatabase(string json, IClock clock, ReaderOptions? options = null)
    {
        if (clock is null)
        {
            throw new ReadException("The clock is null.", nameof(clock));
        }

        // Optimistic fast path first; anything it cannot vouch for goes through the diagnostic path, which reports errors.
        options ??= ReaderOptions.Default;
        return json is not null && RiskDatabaseFastPath.TryRead(json, clock, options) is { } database
            ? ReadResult<RiskDatabase>.Success(database)
            : ReadRiskDatabaseDiagnostic(json!, clock, options);
    }

    /// <summary>Reads a risk database document from a UTF-8 stream by replaying its event log. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="clock">The clock the rebuilt database uses for later changes.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The rebuilt database, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> or <paramref name="clock"/> is null, or the stream cannot be read from.</exception>
    public static ReadResult<RiskDatabase> ReadRiskDatabase(Stream utf8Json, IClock clock, ReaderOptions? options = null)
    {
        if (clock is null)
        {
            throw new ReadException("The clock is null.", nameof(clock));
        }

        if (utf8Json is null)
        {
            throw new ReadException("The stream is null.", nameof(utf8Json));
        }

        // The stream is buffered once; the fast path and, if needed, the diagnostic path both read the buffer.
        options ??= ReaderOptions.Default;
        var errors = new List<ReadError>();
        if (JsonInput.ReadAll(utf8Json, options, errors) is not { } bytes)
        {
            return ReadResult<RiskDatabase>.Failure(errors);
        }

        if (RiskDatabaseFastPath.TryRead(bytes.Span, clock, options) is { } database)
        {
            return ReadResult<RiskDatabase>.Success(database);
        }

        using var document = JsonInput.Parse(bytes, options, errors);
        return document is null ? ReadResult<RiskDatabase>.Failure(errors) : Bind(document.RootElement, options, UsmDocumentKind.RiskDatabase, UsmJsonContext.Writer.RiskDatabaseDocumentDto, (dto, ctx) => RiskDatabaseMapper.FromDto(dto.RiskDatabase, clock, ctx));
    }

    /// <summary>The diagnostic path alone: parse, check the shape, bind, map with a path for every error, replay.</summary>
    internal static ReadResult<RiskDatabase> ReadRiskDatabaseDiagnostic(string json, IClock clock, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.RiskDatabase, UsmJsonContext.Writer.RiskDatabaseDocumentDto, (dto, ctx) => RiskDatabaseMapper.FromDto(dto.RiskDatabase, clock, ctx));

    /// <summary>The diagnostic path alone, from a stream.</summary>
    internal static ReadResult<RiskDatabase> ReadRiskDatabaseDiagnostic(Stream utf8Json, IClock clock, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.RiskDatabase, UsmJsonContext.Writer.RiskDatabaseDocumentDto, (dto, ctx) => RiskDatabaseMapper.FromDto(dto.RiskDatabase, clock, ctx));
}

/// <summary>Maps a risk database's event log to and from its JSON shape.</summary>
internal static class RiskDatabaseMapper
{
    private const string EventsPath = "$.risk-database.events";

    private static readonly JsonEncodedText s_sequence = JsonEncodedText.Encode("sequence");
    private static readonly JsonEncodedText s_at = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText s_actorId = JsonEncodedText.Encode("actor-id");
    private static readonly JsonEncodedText s_kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText s_riskId = JsonEncodedText.Encode("risk-id");
    private static readonly JsonEncodedText s_risk = JsonEncodedText.Encode("risk");
    private static readonly JsonEncodedText s_resultingStatus = JsonEncodedText.Encode("resulting-status");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText s_description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText s_polarity = JsonEncodedText.Encode("polarity");
    private static readonly JsonEncodedText s_origin = JsonEncodedText.Encode("origin");
    private static readonly JsonEncodedText s_personId = JsonEncodedText.Encode("person-id");
    private static readonly JsonEncodedText s_callId = JsonEncodedText.Encode("call-id");
    private static readonly JsonEncodedText s_scanId = JsonEncodedText.Encode("scan-id");
    private static readonly JsonEncodedText s_scanItemId = JsonEncodedText.Encode("scan-item-id");
    private static readonly JsonEncodedText s_resources = JsonEncodedText.Encode("resources");
    private static readonly JsonEncodedText s_category = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText s_serviceIds = JsonEncodedText.Encode("service-ids");
    private static readonly JsonEncodedText s_micIds = JsonEncodedText.Encode("mic-ids");
    private static readonly JsonEncodedText s_relatedRiskIds = JsonEncodedText.Encode("related-risk-ids");

    /// <summary>
    /// Writes a registration event exactly as serializing <see cref="ToDto(RiskDatabaseEvent)"/> would: members in
    /// the DTO's order, null members left out, an empty <c>related-risk-ids</c> left out, other lists always written.
    /// </summary>
    public static void WriteRegistration(Utf8JsonWriter writer, RiskDatabaseEvent e)
    {
        var risk = e.Registered!;
        writer.WriteStartObject();
        writer.WriteNumber(s_sequence, e.Sequence);
        Span<byte> at = stackalloc byte[32];
        if (IsoInstantText.TryFormat(e.At, at, out var atLength))
        {
            writer.WriteString(s_at, at[..atLength]);
        }
        else
        {
            writer.WriteString(s_at, NodaTimeText.Instant.Format(e.At));
        }

        writer.WriteString(s_actorId, e.ActorId);
        writer.WriteString(s_kind, ImprovementNames.EventKind.Encoded(e.Kind));
        writer.WriteString(s_riskId, e.RiskId);
        writer.WriteStartObject(s_risk);
        writer.WriteString(s_id, risk.Id);
        writer.WriteString(s_title, risk.Title);
        writer.WriteString(s_description, risk.Description);
        writer.WriteString(s_polarity, ImprovementNames.Polarity.Encoded(risk.Polarity));
        writer.WriteStartObject(s_origin);
        var origin = risk.Origin;
        writer.WriteString(s_kind, ImprovementNames.OriginKind.Encoded(origin.Kind));
        WriteIfNotNull(writer, s_personId, origin.PersonId);
        WriteIfNotNull(writer, s_callId, origin.CallId);
        WriteIfNotNull(writer, s_scanId, origin.ScanId);
        WriteIfNotNull(writer, s_scanItemId, origin.ScanItemId);
        writer.WriteEndObject();
        writer.WriteStartArray(s_resources);
        foreach (var resource in risk.Resources)
        {
            writer.WriteStringValue(ImprovementNames.Resource.Encoded(resource));
        }

        writer.WriteEndArray();
        writer.WriteString(s_category, risk.Category);
        WriteIds(writer, s_serviceIds, risk.ServiceIds);
        WriteIds(writer, s_micIds, risk.MicIds);
        if (!risk.RelatedRiskIds.IsEmpty)
        {
            WriteIds(writer, s_relatedRiskIds, risk.RelatedRiskIds);
        }

        writer.WriteEndObject();
        writer.WriteString(s_resultingStatus, ImprovementNames.Status.Encoded(e.ResultingStatus));
        writer.WriteEndObject();
    }

    private static void WriteIfNotNull(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIds(Utf8JsonWriter writer, JsonEncodedText name, ImmutableArray<string> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }

    public static RiskEventDto ToDto(RiskDatabaseEvent e) => new()
    {
        Sequence = e.Sequence,
        At = e.At,
        ActorId = e.ActorId,
        Kind = ImprovementNames.EventKind.Name(e.Kind),
        RiskId = e.RiskId,
        Risk = e.Registered is null ? null : ToDto(e.Registered),
        Command = e.Command is null ? null : ToDto(e.Command),
        ResultingStatus = ImprovementNames.Status.Name(e.ResultingStatus),
    };

    public static RiskDto ToDto(Risk risk) => new()
    {
        Id = risk.Id,
        Title = risk.Title,
        Description = risk.Description,
        Polarity = ImprovementNames.Polarity.Name(risk.Polarity),
        Origin = new RiskOriginDto
        {
            Kind = ImprovementNames.OriginKind.Name(risk.Origin.Kind),
            PersonId = risk.Origin.PersonId,
            CallId = risk.Origin.CallId,
            ScanId = risk.Origin.ScanId,
            ScanItemId = risk.Origin.ScanItemId,
        },
        Resources = [.. risk.Resources.Select(ImprovementNames.Resource.Name)],
        Category = risk.Category,
        ServiceIds = [.. risk.ServiceIds],
        MicIds = [.. risk.MicIds],
        RelatedRiskIds = risk.RelatedRiskIds.IsEmpty ? null : [.. risk.RelatedRiskIds],
    };

    public static RiskCommandDto ToDto(RiskCommand command) => command switch
    {
        ClassifyRisk c => new() { Type = "classify", Inherent = ToDto(c.Inherent) },
        RecordRootCause c => new() { Type = "record-root-cause", RootCause = c.RootCause },
        AddMeasure c => new() { Type = "add-measure", Measure = ToDto(c.Measure) },
        SelectMeasure c => ReferenceEquals(c.Comparer, BusinessCase.DefaultComparer)
            ? new() { Type = "select-measure", ExpectedResidual = c.ExpectedResidual is null ? null : ToDto(c.ExpectedResidual) }
            : throw new ArgumentException("A SelectMeasure command with a custom business-case comparer cannot be written; only the default comparer is part of the format.", nameof(command)),
        DeployMeasure c => new() { Type = "deploy-measure", RaisedCallId = c.RaisedCallId },
        FulfilRisk => new() { Type = "fulfil" },
        CloseRisk c => new() { Type = "close", Residual = ToDto(c.Residual) },
        RejectRisk c => new() { Type = "reject", Reason = c.Reason },
        WithdrawRisk c => new() { Type = "withdraw", Reason = c.Reason },
        UpdateRiskDetails c => new()
        {
            Type = "update-details",
            Title = c.Title,
            Description = c.Description,
            Category = c.Category,
            Resources = c.Resources is { } r ? [.. r.Select(ImprovementNames.Resource.Name)] : null,
            ServiceIds = c.ServiceIds is { } s ? [.. s] : null,
            MicIds = c.MicIds is { } m ? [.. m] : null,
            RelatedRiskIds = c.RelatedRiskIds is { } rel ? [.. rel] : null,
        },
        _ => throw new ArgumentException($"The command {command.Name} is not part of the format.", nameof(command)),
    };

    private static RiskAssessmentDto ToDto(RiskAssessment a) => new()
    {
        Effect = a.Effect,
        Likelihood = a.Likelihood,
        Estimate = a.Estimate is not { } e ? null
            : e.Kind == EstimateKind.ThreePoint
                ? new EstimateDto { Kind = ImprovementNames.EstimateKind.Name(e.Kind), Probability = e.Probability, Minimum = e.Minimum, MostLikely = e.MostLikely, Maximum = e.Maximum }
                : new EstimateDto { Kind = ImprovementNames.EstimateKind.Name(e.Kind), Probability = e.Probability, Impact = e.MostLikely },
    };

    private static MeasureDto ToDto(Measure m) => new()
    {
        Id = m.Id,
        Title = m.Title,
        Kind = ImprovementNames.MeasureKind.Name(m.Kind),
        Trigger = EnumNames.CallType.Name(m.Trigger),
        BusinessCase = new BusinessCaseDto
        {
            ExpectedResult = m.BusinessCase.ExpectedResult,
            ExpectedBenefit = m.BusinessCase.ExpectedBenefit,
            ChanceOfSuccess = m.BusinessCase.ChanceOfSuccess,
            Cost = m.BusinessCase.Cost,
            Feasibility = m.BusinessCase.Feasibility,
            Effort = m.BusinessCase.Effort,
        },
    };

    public static RiskDatabase? FromDto(RiskDatabaseDto? dto, IClock clock, JsonReadContext ctx)
    {
        if (dto is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, "$.risk-database", "The required member 'risk-database' is missing.");
            return null;
        }

        if (dto.Events is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, EventsPath, "The required member 'events' is missing.");
            return null;
        }

        var events = new List<RiskDatabaseEvent>();
        var registered = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Events.Count; i++)
        {
            var path = JsonPaths.Index(EventsPath, i);
            var e = dto.Events[i];
            if (e is null)
            {
                ctx.Error(ReadErrorCode.WrongType, path, "Expected an event object but found null.");
                continue;
            }

            if (e.Sequence is null)
            {
                ctx.Error(ReadErrorCode.MissingMember, JsonPaths.Member(path, "sequence"), "The required member 'sequence' is missing.");
            }
            else if (e.Sequence != i + 1)
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(path, "sequence"), Preconditions.Invariant($"Event number {e.Sequence} is out of sequence: expected {i + 1}."));
            }

            if (e.At is null)
            {
                ctx.Error(ReadErrorCode.MissingMember, JsonPaths.Member(path, "at"), "The required member 'at' is missing.");
            }

            var actor = WorkflowMapper.RequiredId(e.ActorId, JsonPaths.Member(path, "actor-id"), ctx);
            var riskId = WorkflowMapper.RequiredId(e.RiskId, JsonPaths.Member(path, "risk-id"), ctx);
            var kind = ImprovementNames.EventKind.Read(e.Kind, JsonPaths.Member(path, "kind"), ctx, "an event kind");
            var status = ImprovementNames.Status.Read(e.ResultingStatus, JsonPaths.Member(path, "resulting-status"), ctx, "a risk status");
            Risk? risk = null;
            RiskCommand? command = null;
            if (kind == RiskEventKind.Registered)
            {
                risk = RiskFromDto(e.Risk, JsonPaths.Member(path, "risk"), ctx);
                if (risk is not null && riskId is not null && risk.Id != riskId)
                {
                    ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(path, "risk-id"), $"The event names risk '{riskId}' but registers risk '{risk.Id}'.");
                }

                if (riskId is not null && !registered.Add(riskId))
                {
                    ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(path, "risk-id"), $"Risk '{riskId}' is registered twice.");
                }

                CheckRelated(risk?.RelatedRiskIds, JsonPaths.Member(JsonPaths.Member(path, "risk"), "related-risk-ids"), e.Risk?.RelatedRiskIds, registered, ctx);
            }
            else if (kind == RiskEventKind.CommandApplied)
            {
                command = CommandFromDto(e.Command, JsonPaths.Member(path, "command"), ctx);
                if (riskId is not null && !registered.Contains(riskId))
                {
                    ctx.Error(ReadErrorCode.DanglingReference, JsonPaths.Member(path, "risk-id"), $"Risk '{riskId}' has not been registered by an earlier event.");
                }

                CheckRelated((command as UpdateRiskDetails)?.RelatedRiskIds, JsonPaths.Member(JsonPaths.Member(path, "command"), "related-risk-ids"), e.Command?.RelatedRiskIds, registered, ctx);
            }

            if (!ctx.HasErrors)
            {
                events.Add(new RiskDatabaseEvent(i + 1, e.At!.Value, actor!, kind!.Value, riskId!, risk, command, status!.Value));
            }
        }

        if (ctx.HasErrors)
        {
            return null;
        }

        var database = TryReplay(clock, events, out var message);
        if (database is null)
        {
            // Find the first event that cannot be replayed (binary search over prefixes) to report its path.
            int low = 1, high = events.Count;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (TryReplay(clock, events.Take(mid), out _) is null)
                {
                    high = mid;
                }
                else
                {
                    low = mid + 1;
                }
            }

            ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Index(EventsPath, low - 1), message!);
            return null;
        }

        var replayed = database.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (replayed[i].ResultingStatus != events[i].ResultingStatus)
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(JsonPaths.Index(EventsPath, i), "resulting-status"),
                    $"The event records status '{ImprovementNames.Status.Name(events[i].ResultingStatus)}' but replaying it gives '{ImprovementNames.Status.Name(replayed[i].ResultingStatus)}'.");
            }
        }

        return ctx.HasErrors ? null : database;
    }

    // A related risk must have been registered by an earlier event (the database refuses unknown references).
    private static void CheckRelated(ImmutableArray<string>? related, string path, List<string?>? written, HashSet<string> registered, JsonReadContext ctx)
    {
        if (related is null || written is null)
        {
            return;
        }

        for (var i = 0; i < written.Count; i++)
        {
            if (written[i] is { } id && !registered.Contains(id))
            {
                ctx.Error(ReadErrorCode.DanglingReference, JsonPaths.Index(path, i), $"Related risk '{JsonReadContext.Shorten(id)}' has not been registered by an earlier event.");
            }
        }
    }

    private static RiskDatabase? TryReplay(IClock clock, IEnumerable<RiskDatabaseEvent> events, out string? message)
    {
        try
        {
            message = null;
            return RiskDatabase.Replay(clock, events);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            message = ex.Message;
            return null;
        }
    }

    public static Risk? RiskFromDto(RiskDto? dto, string path, JsonReadContext ctx)
    {
        if (dto is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, path, "The required member 'risk' is missing.");
            return null;
        }

        var before = ctx.Errors.Count;
        var id = WorkflowMapper.RequiredId(dto.Id, JsonPaths.Member(path, "id"), ctx);
        var title = WorkflowMapper.Required(dto.Title, JsonPaths.Member(path, "title"), ctx);
        var polarity = ImprovementNames.Polarity.Read(dto.Polarity, JsonPaths.Member(path, "polarity"), ctx, "a risk polarity");
        var origin = OriginFromDto(dto.Origin, JsonPaths.Member(path, "origin"), ctx);
        var resources = Resources(dto.Resources, JsonPaths.Member(path, "resources"), ctx, required: true);
        var category = WorkflowMapper.Required(dto.Category, JsonPaths.Member(path, "category"), ctx);
        var services = Ids(dto.ServiceIds, JsonPaths.Member(path, "service-ids"), ctx);
        var mics = Ids(dto.MicIds, JsonPaths.Member(path, "mic-ids"), ctx);
        var related = Ids(dto.RelatedRiskIds, JsonPaths.Member(path, "related-risk-ids"), ctx);
        if (ctx.Errors.Count > before)
        {
            return null;
        }

        return ctx.Build(path, () => new Risk(id!, title!, dto.Description ?? string.Empty, polarity!.Value, origin!, resources!, category!, services, mics, related));
    }

    private static RiskOrigin? OriginFromDto(RiskOriginDto? dto, string path, JsonReadContext ctx)
    {
        if (dto is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, path, "The required member 'origin' is missing.");
            return null;
        }

        var kind = ImprovementNames.OriginKind.Read(dto.Kind, JsonPaths.Member(path, "kind"), ctx, "a risk origin kind");
        return kind switch
        {
            RiskOriginKind.ReportedByPerson => ctx.Build(JsonPaths.Member(path, "person-id"), () => RiskOrigin.ReportedBy(dto.PersonId!)),
            RiskOriginKind.ClosedCall => ctx.Build(JsonPaths.Member(path, "call-id"), () => RiskOrigin.FromClosedCall(dto.CallId!)),
            RiskOriginKind.ScanGap => ctx.Build(path, () => RiskOrigin.FromScanGap(dto.ScanId!, dto.ScanItemId!)),
            _ => null,
        };
    }

    private static List<Resource>? Resources(List<string?>? names, string path, JsonReadContext ctx, bool required)
    {
        if (names is null)
        {
            if (required)
            {
                ctx.Error(ReadErrorCode.MissingMember, path, "The required member 'resources' is missing.");
            }

            return null;
        }

        var result = new List<Resource>();
        for (var i = 0; i < names.Count; i++)
        {
            if (ImprovementNames.Resource.Read(names[i], JsonPaths.Index(path, i), ctx, "a resource") is { } r)
            {
                result.Add(r);
            }
        }

        return result;
    }

    private static List<string>? Ids(List<string?>? ids, string path, JsonReadContext ctx)
    {
        if (ids is null)
        {
            return null;
        }

        var result = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (WorkflowMapper.RequiredId(ids[i], JsonPaths.Index(path, i), ctx) is { } id)
            {
                result.Add(id);
            }
        }

        return result;
    }

    private static RiskAssessment? Assessment(RiskAssessmentDto? dto, string path, JsonReadContext ctx, bool required)
    {
        if (dto is null)
        {
            if (required)
            {
                ctx.Error(ReadErrorCode.MissingMember, path, $"The required member '{path[(path.LastIndexOf('.') + 1)..]}' is missing.");
            }

            return null;
        }

        if (dto.Effect is null || dto.Likelihood is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, JsonPaths.Member(path, dto.Effect is null ? "effect" : "likelihood"), "An assessment needs an effect and a likelihood level.");
            return null;
        }

        // Each member's own bound is reported at that member; the constructors below then check only what spans
        // members (minimum ≤ most likely ≤ maximum), at the enclosing object.
        var before = ctx.Errors.Count;
        Level(dto.Effect.Value, "effect");
        Level(dto.Likelihood.Value, "likelihood");
        QuantitativeEstimate? estimate = null;
        if (dto.Estimate is { } e)
        {
            var at = JsonPaths.Member(path, "estimate");
            var kind = ImprovementNames.EstimateKind.Read(e.Kind, JsonPaths.Member(at, "kind"), ctx, "an estimate kind");
            InRange(e.Probability, 0, 1, at, "probability", "A probability");
            InRange(e.Impact, 0, QuantitativeEstimate.MaxAmount, at, "impact", "An impact amount");
            InRange(e.Minimum, 0, QuantitativeEstimate.MaxAmount, at, "minimum", "An impact amount");
            InRange(e.MostLikely, 0, QuantitativeEstimate.MaxAmount, at, "most-likely", "An impact amount");
            InRange(e.Maximum, 0, QuantitativeEstimate.MaxAmount, at, "maximum", "An impact amount");
            if (ctx.Errors.Count > before)
            {
                return null;
            }

            estimate = kind switch
            {
                EstimateKind.ProbabilityAndImpact => e.Probability is null || e.Impact is null
                    ? Missing(at, "probability-and-impact estimates need 'probability' and 'impact'.")
                    : ctx.Build(at, () => QuantitativeEstimate.FromProbabilityAndImpact(e.Probability.Value, e.Impact.Value)),
                EstimateKind.ThreePoint => e.Minimum is null || e.MostLikely is null || e.Maximum is null
                    ? Missing(at, "three-point estimates need 'minimum', 'most-likely' and 'maximum'.")
                    : ctx.Build(at, () => QuantitativeEstimate.FromThreePoint(e.Minimum.Value, e.MostLikely.Value, e.Maximum.Value, e.Probability ?? 1)),
                _ => null,
            };
            if (estimate is null)
            {
                return null;
            }
        }

        return ctx.Errors.Count > before ? null : ctx.Build(path, () => new RiskAssessment(dto.Effect.Value, dto.Likelihood.Value, estimate));

        QuantitativeEstimate? Missing(string at, string message)
        {
            ctx.Error(ReadErrorCode.MissingMember, at, "The estimate is incomplete: " + message);
            return null;
        }

        void Level(int level, string member)
        {
            if (level is < 0 or > RiskAssessment.MaxLevel)
            {
                ctx.Error(ReadErrorCode.NumberOutOfRange, JsonPaths.Member(path, member), Preconditions.Invariant($"A level is from 0 to {RiskAssessment.MaxLevel}, but was {level}."));
            }
        }

        void InRange(double? value, double min, double max, string at, string member, string what)
        {
            if (value is { } v && !(v >= min && v <= max))
            {
                ctx.Error(ReadErrorCode.NumberOutOfRange, JsonPaths.Member(at, member), Preconditions.Invariant($"{what} is from {min} to {max:R}, but was {v:R}."));
            }
        }
    }

    private static RiskCommand? CommandFromDto(RiskCommandDto? dto, string path, JsonReadContext ctx)
    {
        if (dto is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, path, "The required member 'command' is missing.");
            return null;
        }

        var typePath = JsonPaths.Member(path, "type");
        switch (dto.Type)
        {
            case null:
                ctx.Error(ReadErrorCode.MissingMember, typePath, "The required member 'type' is missing.");
                return null;
            case "classify":
                return Assessment(dto.Inherent, JsonPaths.Member(path, "inherent"), ctx, required: true) is { } inherent ? new ClassifyRisk(inherent) : null;
            case "record-root-cause":
                return ctx.Build(JsonPaths.Member(path, "root-cause"), () => new RecordRootCause(dto.RootCause!));
            case "add-measure":
                return MeasureFromDto(dto.Measure, JsonPaths.Member(path, "measure"), ctx) is { } measure ? new AddMeasure(measure) : null;
            case "select-measure":
                var before = ctx.Errors.Count;
                var expected = Assessment(dto.ExpectedResidual, JsonPaths.Member(path, "expected-residual"), ctx, required: false);
                return ctx.Errors.Count > before ? null : new SelectMeasure(expected);
            case "deploy-measure":
                return ctx.Build(JsonPaths.Member(path, "raised-call-id"), () => new DeployMeasure(dto.RaisedCallId));
            case "fulfil":
                return new FulfilRisk();
            case "close":
                return Assessment(dto.Residual, JsonPaths.Member(path, "residual"), ctx, required: true) is { } residual ? new CloseRisk(residual) : null;
            case "reject":
                return ctx.Build(JsonPaths.Member(path, "reason"), () => new RejectRisk(dto.Reason!));
            case "withdraw":
                return ctx.Build(JsonPaths.Member(path, "reason"), () => new WithdrawRisk(dto.Reason!));
            case "update-details":
                var errors = ctx.Errors.Count;
                var resources = Resources(dto.Resources, JsonPaths.Member(path, "resources"), ctx, required: false);
                var services = Ids(dto.ServiceIds, JsonPaths.Member(path, "service-ids"), ctx);
                var mics = Ids(dto.MicIds, JsonPaths.Member(path, "mic-ids"), ctx);
                var related = Ids(dto.RelatedRiskIds, JsonPaths.Member(path, "related-risk-ids"), ctx);
                return ctx.Errors.Count > errors ? null
                    : ctx.Build(path, () => new UpdateRiskDetails(dto.Title, dto.Description, dto.Category, resources, services, mics, related));
            default:
                ctx.Error(ReadErrorCode.UnknownEnumValue, typePath, $"'{JsonReadContext.Shorten(dto.Type)}' is not a risk command (expected one of {string.Join(", ", ImprovementNames.CommandTypes)}).");
                return null;
        }
    }

    private static Measure? MeasureFromDto(MeasureDto? dto, string path, JsonReadContext ctx)
    {
        if (dto is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, path, "The required member 'measure' is missing.");
            return null;
        }

        var before = ctx.Errors.Count;
        var id = WorkflowMapper.RequiredId(dto.Id, JsonPaths.Member(path, "id"), ctx);
        var title = WorkflowMapper.Required(dto.Title, JsonPaths.Member(path, "title"), ctx);
        var kind = ImprovementNames.MeasureKind.Read(dto.Kind, JsonPaths.Member(path, "kind"), ctx, "a measure kind");
        var trigger = EnumNames.CallType.Read(dto.Trigger, JsonPaths.Member(path, "trigger"), ctx, "a call type");
        var bcPath = JsonPaths.Member(path, "business-case");
        var bc = dto.BusinessCase;
        if (bc is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, bcPath, "The required member 'business-case' is missing.");
        }
        else if (bc.ExpectedResult is null || bc.ExpectedBenefit is null || bc.ChanceOfSuccess is null || bc.Cost is null || bc.Feasibility is null || bc.Effort is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, bcPath, "A business case needs expected-result, expected-benefit, chance-of-success, cost, feasibility and effort.");
        }

        if (ctx.Errors.Count > before)
        {
            return null;
        }

        var businessCase = ctx.Build(bcPath, () => new BusinessCase(bc!.ExpectedResult!, bc.ExpectedBenefit!.Value, bc.ChanceOfSuccess!.Value, bc.Cost!.Value, bc.Feasibility!.Value, bc.Effort!.Value));
        return businessCase is null ? null : ctx.Build(path, () => new Measure(id!, title!, kind!.Value, businessCase, trigger!.Value));
    }
}
