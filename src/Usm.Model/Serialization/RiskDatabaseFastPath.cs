using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using Usm.Model.Improvement;

namespace Usm.Model.Serialization;

/// <summary>
/// The optimistic fast path of <see cref="UsmJson.ReadRiskDatabase(string, IClock, ReaderOptions?)"/>: walks the
/// document with a <see cref="Utf8JsonReader"/>, builds each event as soon as it is read (registrations in the writer's
/// shape member by member straight into the model, any other event through its DTO), checks the limits and every rule
/// of the diagnostic path without building a single JSONPath, and replays the log. It answers only "this document is
/// valid, here is the database" or "not sure" (null); on "not sure" the caller runs the diagnostic path, which finds
/// and reports the errors exactly as before.
/// </summary>
/// <remarks>
/// <para>The fast path must never accept a document that the diagnostic path rejects. It therefore accepts only
/// documents made of the format's own members: an unknown member (even in tolerant mode), a duplicate member, or any
/// value the readers refuse sends the document to the diagnostic path. Every string and array of such a document is
/// among the values read, where the limits are checked conservatively: a string of n UTF-16 characters is written with at
/// most 6n bytes (<c>\uXXXX</c>), so it passes only if 6n is within the string limit. The options' depth, string and
/// collection limits must also leave room for the format's own nesting (7 levels), member names, instants and members
/// per object; tighter options always take the diagnostic path.</para>
/// <para>On net8.0 there is no fast path (System.Text.Json detects duplicate members only from .NET 10 on).</para>
/// </remarks>
internal static class RiskDatabaseFastPath
{
    // A written UTF-16 character takes at most six bytes (\uXXXX).
    private const int MaxBytesPerChar = 6;

    // Text that never reaches the DTOs as a string, member names and the ISO instants of "at", is under 64 characters
    // in any document the binder accepts; the largest DTO (a command) has 15 members; the deepest path nests 7 containers.
    private const int LongestUncheckedText = 64;
    private const int MostMembersPerObject = 16;
    private const int DeepestNesting = 8;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a document given as text; null when the fast path cannot vouch for it.</summary>
    public static RiskDatabase? TryRead(string json, IClock clock, ReaderOptions options)
    {
        if (!Applies(options) || json.Length > options.MaxDocumentBytes)
        {
            return null;
        }

        // Encoded into a pooled buffer: the bound DTOs copy every string, so nothing refers to it afterwards.
        int count;
        try
        {
            count = s_strictUtf8.GetByteCount(json);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }

        if (count > options.MaxDocumentBytes)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var written = s_strictUtf8.GetBytes(json.AsSpan(), buffer);
            return TryRead(buffer.AsSpan(0, written), clock, options);
        }
        finally
        {
            // The bytes are the caller's document; clear them before another user of the pool gets the array.
            buffer.AsSpan(0, Math.Min(count, buffer.Length)).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a document given as UTF-8 bytes; null when the fast path cannot vouch for it.</summary>
    public static RiskDatabase? TryRead(ReadOnlySpan<byte> utf8, IClock clock, ReaderOptions options)
    {
#if NET10_0_OR_GREATER
        if (!Applies(options) || utf8.Length > options.MaxDocumentBytes)
        {
            return null;
        }

        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (!Utf8.IsValid(utf8))
        {
            return null;
        }

        var limits = new Limits(options);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = UsmJsonContext.FastReadMaxDepth });
        try
        {
            return ReadDocument(ref reader, limits, clock);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
        {
            // The reader or the binder refused the text, or a model constructor refused a value: the diagnostic path
            // reports it with its path.
            return null;
        }
#else
        _ = utf8;
        _ = clock;
        _ = options;
        return null;
#endif
    }

    /// <summary>Whether the options leave room for every document of the format (otherwise only the diagnostic path is exact).</summary>
    public static bool Applies(ReaderOptions options) =>
#if NET10_0_OR_GREATER
        options.MaxDepth >= DeepestNesting && options.MaxStringLength >= LongestUncheckedText * MaxBytesPerChar && options.MaxCollectionItems >= MostMembersPerObject;
#else
        false;
#endif

#if NET10_0_OR_GREATER
    // The document object, read member by member: each of its three members at most once, nothing else. The events are
    // bound one at a time as they are met, so no event's DTO outlives the building of its event.
    private static RiskDatabase? ReadDocument(ref Utf8JsonReader reader, Limits limits, IClock clock)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int? version = null;
        var kind = false;
        Builder? builder = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("format-version"u8))
            {
                if (version is not null || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number))
                {
                    return null;
                }

                version = number;
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                if (kind || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(s_kind))
                {
                    return null;
                }

                kind = true;
            }
            else if (reader.ValueTextEquals("risk-database"u8))
            {
                if (builder is not null || !reader.Read() || reader.TokenType != JsonTokenType.StartObject
                    || (builder = ReadRiskDatabase(ref reader, limits)) is null)
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        // The root object has ended; anything after it but white space makes the reader throw.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()
            || version is not (>= UsmJson.MinimumFormatVersion and <= UsmJson.FormatVersion) || !kind || builder is null)
        {
            return null;
        }

        return builder.Finish(clock);
    }

    // The risk-database object: only its events array, once.
    private static Builder? ReadRiskDatabase(ref Utf8JsonReader reader, Limits limits)
    {
        Builder? builder = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (builder is not null || !reader.ValueTextEquals("events"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            builder = new Builder();
            var registrations = new RegistrationReader(limits);
            var info = UsmJsonContext.FastReader.RiskEventDto;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject || builder.Count >= limits.MaxItems)
                {
                    return null;
                }

                // A registration in the writer's shape is read member by member; anything else (a command, or a
                // registration the reader is not sure of) is read again from the same place by the DTO binder. A copy
                // of the reader is a complete snapshot while its depth stays within 64 (the limit here is 16).
                var start = reader;
                if (registrations.TryRead(ref reader) is { } registration)
                {
                    if (!builder.Add(registration))
                    {
                        return null;
                    }
                }
                else
                {
                    reader = start;
                    if (JsonSerializer.Deserialize(ref reader, info) is not { } e || !limits.Check(e) || !builder.Add(e))
                    {
                        return null;
                    }
                }
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? builder : null;
    }

    /// <summary>A registration event as read, before the log's rules are checked.</summary>
    private readonly record struct Registration(int Sequence, Instant At, string ActorId, string RiskId, Risk Risk, RiskStatus Status);

    /// <summary>
    /// Reads a registration event written in the writer's shape straight into the model, without a DTO: every member
    /// at most once, each of the expected token type, every string within the limits. It answers null ("not mine")
    /// for anything else, and the caller then binds the same event through the DTOs, which decide. Short strings that
    /// repeat across events (actor, person, category, service and MIC ids, enumeration names) are read through a
    /// pool, so the log holds one copy of each; so are origins, normalised resource lists and one-id lists (all
    /// immutable once in a risk, so risks may share them).
    /// </summary>
    private sealed class RegistrationReader(Limits limits)
    {
        // At most this many distinct short strings are pooled; a longer or later one is allocated as usual.
        private const int PoolCapacity = 4_096;
        private const int PooledLength = 64;

        private readonly HashSet<string> _pool = new(StringComparer.Ordinal);
        private readonly Dictionary<(RiskOriginKind, string?, string?), RiskOrigin> _origins = [];
        private readonly Dictionary<string, string[]> _singleIds = new(StringComparer.Ordinal);
        private readonly Resource[]?[] _resourceSets = new Resource[]?[1 << 4];
        private readonly List<Resource> _resources = [];
        private readonly List<string> _ids = [];

        public Registration? TryRead(ref Utf8JsonReader reader)
        {
            int? sequence = null;
            Instant? at = null;
            string? actorId = null, riskId = null;
            RiskStatus? status = null;
            Risk? risk = null;
            var kind = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("sequence"u8))
                {
                    if (sequence is not null || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var n))
                    {
                        return null;
                    }

                    sequence = n;
                }
                else if (reader.ValueTextEquals("at"u8))
                {
                    if (at is not null || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence
                        || !IsoInstantText.TryParse(reader.ValueSpan, out var instant))
                    {
                        return null;
                    }

                    at = instant;
                }
                else if (reader.ValueTextEquals("actor-id"u8))
                {
                    if (actorId is not null || (actorId = ReadString(ref reader, pooled: true)) is null)
                    {
                        return null;
                    }
                }
                else if (reader.ValueTextEquals("kind"u8))
                {
                    if (kind || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("registered"u8))
                    {
                        return null;
                    }

                    kind = true;
                }
                else if (reader.ValueTextEquals("risk-id"u8))
                {
                    if (riskId is not null || (riskId = ReadString(ref reader, pooled: false)) is null)
                    {
                        return null;
                    }
                }
                else if (reader.ValueTextEquals("risk"u8))
                {
                    if (risk is not null || !reader.Read() || reader.TokenType != JsonTokenType.StartObject || (risk = ReadRisk(ref reader)) is null)
                    {
                        return null;
                    }
                }
                else if (reader.ValueTextEquals("resulting-status"u8))
                {
                    if (status is not null || ReadString(ref reader, pooled: true) is not { } name || (status = ImprovementNames.Status.Parse(name)) is null)
                    {
                        return null;
                    }
                }
                else
                {
                    return null;
                }
            }

            return sequence is { } s && at is { } a && actorId is not null && kind && riskId is not null && risk is not null && status is { } st
                ? new Registration(s, a, actorId, riskId, risk, st)
                : null;
        }

        private Risk? ReadRisk(ref Utf8JsonReader reader)
        {
            string? id = null, title = null, description = null, category = null;
            RiskPolarity? polarity = null;
            RiskOrigin? origin = null;
            Resource[]? resources = null;
            string[]? services = null, mics = null, related = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool ok;
                if (reader.ValueTextEquals("id"u8))
                {
                    ok = id is null && (id = ReadString(ref reader, pooled: false)) is not null;
                }
                else if (reader.ValueTextEquals("title"u8))
                {
                    ok = title is null && (title = ReadString(ref reader, pooled: false)) is not null;
                }
                else if (reader.ValueTextEquals("description"u8))
                {
                    ok = description is null && (description = ReadString(ref reader, pooled: true)) is not null;
                }
                else if (reader.ValueTextEquals("polarity"u8))
                {
                    ok = polarity is null && ReadString(ref reader, pooled: true) is { } name && (polarity = ImprovementNames.Polarity.Parse(name)) is not null;
                }
                else if (reader.ValueTextEquals("origin"u8))
                {
                    ok = origin is null && reader.Read() && reader.TokenType == JsonTokenType.StartObject && (origin = ReadOrigin(ref reader)) is not null;
                }
                else if (reader.ValueTextEquals("resources"u8))
                {
                    ok = resources is null && (resources = ReadResources(ref reader)) is not null;
                }
                else if (reader.ValueTextEquals("category"u8))
                {
                    ok = category is null && (category = ReadString(ref reader, pooled: true)) is not null;
                }
                else if (reader.ValueTextEquals("service-ids"u8))
                {
                    ok = services is null && (services = ReadIds(ref reader)) is not null;
                }
                else if (reader.ValueTextEquals("mic-ids"u8))
                {
                    ok = mics is null && (mics = ReadIds(ref reader)) is not null;
                }
                else if (reader.ValueTextEquals("related-risk-ids"u8))
                {
                    ok = related is null && (related = ReadIds(ref reader)) is not null;
                }
                else
                {
                    ok = false;
                }

                if (!ok)
                {
                    return null;
                }
            }

            if (!IsId(id) || title is null || polarity is not { } p || origin is null || resources is null || category is null)
            {
                return null;
            }

            // Throws ArgumentException, as the DTO path's risk would, for a value the model refuses.
            return Risk.CreateNormalised(id!, title, description ?? string.Empty, p, origin, resources, category, services ?? [], mics ?? [], related ?? []);
        }

        private RiskOrigin? ReadOrigin(ref Utf8JsonReader reader)
        {
            string? kind = null, personId = null, callId = null, scanId = null, scanItemId = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var ok = reader.ValueTextEquals("kind"u8) ? kind is null && (kind = ReadString(ref reader, pooled: true)) is not null
                    : reader.ValueTextEquals("person-id"u8) ? personId is null && (personId = ReadString(ref reader, pooled: true)) is not null
                    : reader.ValueTextEquals("call-id"u8) ? callId is null && (callId = ReadString(ref reader, pooled: true)) is not null
                    : reader.ValueTextEquals("scan-id"u8) ? scanId is null && (scanId = ReadString(ref reader, pooled: true)) is not null
                    : reader.ValueTextEquals("scan-item-id"u8) && scanItemId is null && (scanItemId = ReadString(ref reader, pooled: true)) is not null;
                if (!ok)
                {
                    return null;
                }
            }

            // As the DTO path: the kind decides which ids are used (the constructors refuse a missing or blank one).
            var originKind = ImprovementNames.OriginKind.Parse(kind);
            var key = originKind switch
            {
                RiskOriginKind.ReportedByPerson => (RiskOriginKind.ReportedByPerson, personId, null),
                RiskOriginKind.ClosedCall => (RiskOriginKind.ClosedCall, callId, null),
                RiskOriginKind.ScanGap => (RiskOriginKind.ScanGap, scanId, scanItemId),
                _ => default((RiskOriginKind, string?, string?)?),
            };
            if (key is not { } k)
            {
                return null;
            }

            if (_origins.TryGetValue(k, out var origin))
            {
                return origin;
            }

            origin = k.Item1 switch
            {
                RiskOriginKind.ReportedByPerson => RiskOrigin.ReportedBy(personId!),
                RiskOriginKind.ClosedCall => RiskOrigin.FromClosedCall(callId!),
                _ => RiskOrigin.FromScanGap(scanId!, scanItemId!),
            };
            if (_origins.Count < PoolCapacity)
            {
                _origins.Add(k, origin);
            }

            return origin;
        }

        private Resource[]? ReadResources(ref Utf8JsonReader reader)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            _resources.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                if (_resources.Count >= limits.MaxItems || ImprovementNames.Resource.Parse(Pooled(ref reader)) is not { } resource)
                {
                    return null;
                }

                _resources.Add(resource);
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return null;
            }

            // A normalised list is one of a few sets: shared by every risk that has it. Any other list is its own
            // array, which the risk's factory then normalises.
            if (!Risk.IsNormalised(CollectionsMarshal.AsSpan(_resources)))
            {
                return [.. _resources];
            }

            var mask = 0;
            foreach (var resource in _resources)
            {
                mask |= 1 << (int)resource;
            }

            return _resourceSets[mask] ??= [.. _resources];
        }

        private string[]? ReadIds(ref Utf8JsonReader reader)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            _ids.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                if (_ids.Count >= limits.MaxItems || Pooled(ref reader) is not { } id || !IsId(id) || !limits.Fits(id))
                {
                    return null;
                }

                _ids.Add(id);
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return null;
            }

            if (_ids.Count != 1)
            {
                return _ids.Count == 0 ? [] : [.. _ids];
            }

            // A list of one id (the common case) is shared by every risk that has the same one.
            if (!_singleIds.TryGetValue(_ids[0], out var single))
            {
                single = [_ids[0]];
                if (_singleIds.Count < PoolCapacity)
                {
                    _singleIds.Add(_ids[0], single);
                }
            }

            return single;
        }

        // Reads the member's value: a string within the limits, or null.
        private string? ReadString(ref Utf8JsonReader reader, bool pooled)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            var text = pooled ? Pooled(ref reader) : reader.GetString()!;
            return limits.Fits(text) ? text : null;
        }

        private string Pooled(ref Utf8JsonReader reader)
        {
            // A UTF-8 string never has more UTF-16 characters than bytes, escaped or not.
            var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (length > PooledLength)
            {
                return reader.GetString()!;
            }

            Span<char> buffer = stackalloc char[PooledLength];
            var chars = buffer[..reader.CopyString(buffer)];
            var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(chars, out var text))
            {
                return text;
            }

            text = new string(chars);
            if (_pool.Count < PoolCapacity)
            {
                _pool.Add(text);
            }

            return text;
        }
    }

    private static readonly byte[] s_kind = Encoding.UTF8.GetBytes(UsmJson.KindName(UsmDocumentKind.RiskDatabase));

    /// <summary>Builds the events one at a time, mirroring <c>RiskDatabaseMapper.FromDto</c> rule by rule, answering only yes (the database) or no (null).</summary>
    private sealed class Builder
    {
        private readonly List<RiskDatabaseEvent> _events = [];
        private readonly HashSet<string> _registered = new(StringComparer.Ordinal);

        public int Count => _events.Count;

        public bool Add(RiskEventDto e)
        {
            var sequence = _events.Count + 1;
            if (e.Sequence != sequence || e.At is not { } at || !IsId(e.ActorId) || !IsId(e.RiskId)
                || ImprovementNames.EventKind.Parse(e.Kind) is not { } kind || ImprovementNames.Status.Parse(e.ResultingStatus) is not { } status)
            {
                return false;
            }

            var riskId = e.RiskId!;
            Risk? risk = null;
            RiskCommand? command = null;
            if (kind == RiskEventKind.Registered)
            {
                risk = RiskFromDto(e.Risk);
                if (risk is null || risk.Id != riskId || !_registered.Add(riskId) || !AllRegistered(e.Risk!.RelatedRiskIds, _registered))
                {
                    return false;
                }

                // The same text: the event shares the risk's id string.
                riskId = risk.Id;
            }
            else
            {
                command = CommandFromDto(e.Command);
                if (command is null || !_registered.Contains(riskId) || (command is UpdateRiskDetails && !AllRegistered(e.Command!.RelatedRiskIds, _registered)))
                {
                    return false;
                }
            }

            _events.Add(new RiskDatabaseEvent(sequence, at, e.ActorId!, kind, riskId, risk, command, status));
            return true;
        }

        public bool Add(Registration r)
        {
            var sequence = _events.Count + 1;
            if (r.Sequence != sequence || !IsId(r.ActorId) || !IsId(r.RiskId) || r.Risk.Id != r.RiskId || !_registered.Add(r.Risk.Id))
            {
                return false;
            }

            foreach (var related in r.Risk.RelatedRiskIds)
            {
                if (!_registered.Contains(related))
                {
                    return false;
                }
            }

            _events.Add(new RiskDatabaseEvent(sequence, r.At, r.ActorId, RiskEventKind.Registered, r.Risk.Id, r.Risk, null, r.Status));
            return true;
        }

        public RiskDatabase? Finish(IClock clock)
        {
            RiskDatabase database;
            try
            {
                database = RiskDatabase.Replay(clock, _events);
            }
            catch (ArgumentException)
            {
                // Replay refuses a log it cannot apply (an illegal transition, a sequence out of order) with an
                // ArgumentException; the diagnostic path reports it with its path.
                return null;
            }

            var replayed = database.Events;
            for (var i = 0; i < _events.Count; i++)
            {
                if (replayed[i].ResultingStatus != _events[i].ResultingStatus)
                {
                    return null;
                }
            }

            return database;
        }
    }
#endif

    private static bool IsId(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool AllRegistered(List<string?>? ids, HashSet<string> registered)
    {
        if (ids is not null)
        {
            foreach (var id in ids)
            {
                if (id is not null && !registered.Contains(id))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static Risk? RiskFromDto(RiskDto? dto)
    {
        if (dto is null || !IsId(dto.Id) || dto.Title is null || dto.Category is null
            || ImprovementNames.Polarity.Parse(dto.Polarity) is not { } polarity || OriginFromDto(dto.Origin) is not { } origin
            || dto.Resources is null || !TryResources(dto.Resources, out var resources)
            || !TryIdArray(dto.ServiceIds, out var services) || !TryIdArray(dto.MicIds, out var mics) || !TryIdArray(dto.RelatedRiskIds, out var related))
        {
            return null;
        }

        // The writer writes every list normalised, so the risk takes the arrays as they are (checked in one pass).
        return Risk.CreateNormalised(dto.Id!, dto.Title, dto.Description ?? string.Empty, polarity, origin, [.. resources!], dto.Category, services, mics, related);
    }

    private static bool TryIdArray(List<string?>? ids, out string[] result)
    {
        result = [];
        if (ids is null || ids.Count == 0)
        {
            return true;
        }

        var array = new string[ids.Count];
        for (var i = 0; i < array.Length; i++)
        {
            if (!IsId(ids[i]))
            {
                return false;
            }

            array[i] = ids[i]!;
        }

        result = array;
        return true;
    }

    private static RiskOrigin? OriginFromDto(RiskOriginDto? dto) => dto is null ? null : ImprovementNames.OriginKind.Parse(dto.Kind) switch
    {
        RiskOriginKind.ReportedByPerson => RiskOrigin.ReportedBy(dto.PersonId!),
        RiskOriginKind.ClosedCall => RiskOrigin.FromClosedCall(dto.CallId!),
        RiskOriginKind.ScanGap => RiskOrigin.FromScanGap(dto.ScanId!, dto.ScanItemId!),
        _ => null,
    };

    private static bool TryResources(List<string?>? names, out List<Resource>? resources)
    {
        resources = null;
        if (names is null)
        {
            return true;
        }

        var result = new List<Resource>(names.Count);
        foreach (var name in names)
        {
            if (ImprovementNames.Resource.Parse(name) is not { } resource)
            {
                return false;
            }

            result.Add(resource);
        }

        resources = result;
        return true;
    }

    private static bool TryIds(List<string?>? ids, out List<string>? result)
    {
        result = null;
        if (ids is null)
        {
            return true;
        }

        var list = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            if (!IsId(id))
            {
                return false;
            }

            list.Add(id!);
        }

        result = list;
        return true;
    }

    private static RiskAssessment? AssessmentFromDto(RiskAssessmentDto? dto)
    {
        if (dto?.Effect is not { } effect || dto.Likelihood is not { } likelihood)
        {
            return null;
        }

        QuantitativeEstimate? estimate = null;
        if (dto.Estimate is { } e)
        {
            estimate = ImprovementNames.EstimateKind.Parse(e.Kind) switch
            {
                EstimateKind.ProbabilityAndImpact when e.Probability is { } p && e.Impact is { } impact => QuantitativeEstimate.FromProbabilityAndImpact(p, impact),
                EstimateKind.ThreePoint when e.Minimum is { } min && e.MostLikely is { } mostLikely && e.Maximum is { } max =>
                    QuantitativeEstimate.FromThreePoint(min, mostLikely, max, e.Probability ?? 1),
                _ => null,
            };
            if (estimate is null)
            {
                return null;
            }
        }

        return new RiskAssessment(effect, likelihood, estimate);
    }

    private static RiskCommand? CommandFromDto(RiskCommandDto? dto) => dto?.Type switch
    {
        null => null,
        "classify" => AssessmentFromDto(dto.Inherent) is { } inherent ? new ClassifyRisk(inherent) : null,
        "record-root-cause" => new RecordRootCause(dto.RootCause!),
        "add-measure" => MeasureFromDto(dto.Measure) is { } measure ? new AddMeasure(measure) : null,
        "select-measure" => dto.ExpectedResidual is null ? new SelectMeasure(null)
            : AssessmentFromDto(dto.ExpectedResidual) is { } expected ? new SelectMeasure(expected) : null,
        "deploy-measure" => new DeployMeasure(dto.RaisedCallId),
        "fulfil" => new FulfilRisk(),
        "close" => AssessmentFromDto(dto.Residual) is { } residual ? new CloseRisk(residual) : null,
        "reject" => new RejectRisk(dto.Reason!),
        "withdraw" => new WithdrawRisk(dto.Reason!),
        "update-details" => TryResources(dto.Resources, out var resources) && TryIds(dto.ServiceIds, out var services) && TryIds(dto.MicIds, out var mics)
            && TryIds(dto.RelatedRiskIds, out var related)
                ? new UpdateRiskDetails(dto.Title, dto.Description, dto.Category, resources, services, mics, related)
                : null,
        _ => null,
    };

    private static Measure? MeasureFromDto(MeasureDto? dto)
    {
        if (dto is null || !IsId(dto.Id) || dto.Title is null || ImprovementNames.MeasureKind.Parse(dto.Kind) is not { } kind
            || EnumNames.CallType.Parse(dto.Trigger) is not { } trigger || dto.BusinessCase is not { } bc
            || bc.ExpectedResult is null || bc.ExpectedBenefit is not { } benefit || bc.ChanceOfSuccess is not { } chance
            || bc.Cost is not { } cost || bc.Feasibility is not { } feasibility || bc.Effort is not { } effort)
        {
            return null;
        }

        return new Measure(dto.Id!, dto.Title, kind, new BusinessCase(bc.ExpectedResult, benefit, chance, cost, feasibility, effort), trigger);
    }

    /// <summary>Checks every string, array and number of the bound DTOs against the reader limits, conservatively.</summary>
    private readonly struct Limits(ReaderOptions options)
    {
        private readonly int _maxChars = options.MaxStringLength / MaxBytesPerChar;
        private readonly int _maxItems = options.MaxCollectionItems;

        public int MaxItems => _maxItems;

        public bool Check(RiskEventDto e) =>
            Fits(e.ActorId) && Fits(e.Kind) && Fits(e.RiskId) && Fits(e.ResultingStatus)
            && (e.Risk is not { } r || Check(r))
            && (e.Command is not { } c || Check(c));

        private bool Check(RiskDto r) =>
            Fits(r.Id) && Fits(r.Title) && Fits(r.Description) && Fits(r.Polarity) && Fits(r.Category)
            && (r.Origin is not { } o || (Fits(o.Kind) && Fits(o.PersonId) && Fits(o.CallId) && Fits(o.ScanId) && Fits(o.ScanItemId)))
            && Fits(r.Resources) && Fits(r.ServiceIds) && Fits(r.MicIds) && Fits(r.RelatedRiskIds);

        private bool Check(RiskCommandDto c) =>
            Fits(c.Type) && Fits(c.RootCause) && Fits(c.RaisedCallId) && Fits(c.Reason) && Fits(c.Title) && Fits(c.Description) && Fits(c.Category)
            && Fits(c.Resources) && Fits(c.ServiceIds) && Fits(c.MicIds) && Fits(c.RelatedRiskIds)
            && Check(c.Inherent) && Check(c.ExpectedResidual) && Check(c.Residual)
            && (c.Measure is not { } m || (Fits(m.Id) && Fits(m.Title) && Fits(m.Kind) && Fits(m.Trigger) && Check(m.BusinessCase)));

        private bool Check(RiskAssessmentDto? a) =>
            a?.Estimate is not { } e
            || (Fits(e.Kind) && Finite(e.Probability) && Finite(e.Impact) && Finite(e.Minimum) && Finite(e.MostLikely) && Finite(e.Maximum));

        private bool Check(BusinessCaseDto? bc) =>
            bc is null || (Fits(bc.ExpectedResult) && Finite(bc.ExpectedBenefit) && Finite(bc.ChanceOfSuccess) && Finite(bc.Cost) && Finite(bc.Feasibility));

        private static bool Finite(double? value) => value is not { } v || double.IsFinite(v);

        public bool Fits(string? text) => text is null || text.Length <= _maxChars;

        private bool Fits(List<string?>? items)
        {
            if (items is null)
            {
                return true;
            }

            if (items.Count > _maxItems)
            {
                return false;
            }

            foreach (var item in items)
            {
                if (!Fits(item))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
