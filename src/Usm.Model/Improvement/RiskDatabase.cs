using System.Collections;
using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// The risk database: the register of all risks, and so the inventory of improvements (USM prerequisites 6 and 7).
/// </summary>
/// <remarks>
/// <para>The database is immutable: <see cref="Register"/>, <see cref="Apply"/> and the other operations return a
/// new database and append one <see cref="RiskDatabaseEvent"/> per change, stamped with the injected
/// <see cref="IClock"/> and the acting person's id. Every version keeps a pointer to the versions before it, so
/// <see cref="AsOf"/> and <see cref="AfterEvent"/> return the database as it was, and <see cref="Replay"/> of the
/// <see cref="Events"/> rebuilds an equal database.</para>
/// <para>State is held in persistent collections (sorted by id, ordinal) with indexes by status, polarity,
/// resource, service, MIC and category; a change costs O(log n) and shares the rest with the previous version.
/// Every query returns risks ordered by id (ordinal).</para>
/// <para><see cref="Exposure"/> is the sum of the open risks' signed expected values (inherent assessment), kept
/// up to date with each change.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe (as long as the clock is).</threadsafety>
public sealed class RiskDatabase
{
    private static readonly ImmutableSortedSet<string> s_noIds = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    private readonly IClock _clock;
    private readonly State _state;
    private readonly RiskDatabaseEvent? _lastEvent;

    // Versions form a chain through _parent (the version before). _jump is a skew-binary jump pointer (Myers 1983,
    // "An applicative random-access stack"): any earlier version is reached in O(log n) steps, and each change costs
    // O(1) here instead of an O(log n) path copy of a list of all versions.
    private readonly RiskDatabase? _parent;
    private readonly RiskDatabase _jump;
    private readonly int _version;

    /// <summary>Creates an empty risk database.</summary>
    /// <param name="clock">The clock that stamps events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public RiskDatabase(IClock clock)
        : this(Preconditions.CheckNotNull(clock), State.Empty, null, null)
    {
    }

    private RiskDatabase(IClock clock, State state, RiskDatabaseEvent? lastEvent, RiskDatabase? parent)
    {
        _clock = clock;
        _state = state;
        _lastEvent = lastEvent;
        _parent = parent;
        if (parent is null)
        {
            _version = 0;
            _jump = this;
        }
        else
        {
            _version = parent._version + 1;
            var j = parent._jump;
            _jump = parent._version - j._version == j._version - j._jump._version ? j._jump : parent;
        }
    }

    /// <summary>Gets the number of risks, open or not.</summary>
    public int Count => _state.Risks.Count;

    /// <summary>Gets all risks, ordered by id.</summary>
    public IEnumerable<Risk> Risks => _state.Risks.Values;

    /// <summary>Gets the open risks (Identified to Fulfilled), ordered by id.</summary>
    public ImmutableArray<Risk> OpenRisks => Resolve(_state.Open);

    /// <summary>Gets the number of open risks.</summary>
    public int OpenCount => _state.Open.Count;

    /// <summary>Gets the total exposure: the sum of the open risks' signed expected values (threats negative).</summary>
    public double Exposure => _state.Exposure;

    /// <summary>Gets the event log, oldest first; <see cref="RiskDatabaseEvent.Sequence"/> is the 1-based position.</summary>
    public IReadOnlyList<RiskDatabaseEvent> Events => new EventLog(this);

    /// <summary>Gets the number of events so far (the version number; 0 for an empty database).</summary>
    public int Version => _version;

    /// <summary>Gets the instant of the last event, or null for a database without events.</summary>
    public Instant? LastChanged => _lastEvent?.At;

    /// <summary>Rebuilds a database by replaying an event log from an empty database.</summary>
    /// <param name="clock">The clock for changes made after the replay.</param>
    /// <param name="events">The events, in order, numbered from 1.</param>
    /// <returns>The rebuilt database; its events equal <paramref name="events"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An event is out of sequence, goes back in time, or cannot be applied; the message names it.</exception>
    public static RiskDatabase Replay(IClock clock, IEnumerable<RiskDatabaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var db = new RiskDatabase(clock);
        foreach (var e in events)
        {
            Preconditions.CheckArgument(e is not null, nameof(events), "The event log holds a null event.");
            Preconditions.CheckArgument(e.Sequence == db.Version + 1, nameof(events), Preconditions.Invariant($"Event {e} is out of sequence: expected number {db.Version + 1}."));
            try
            {
                db = e.Kind == RiskEventKind.Registered
                    ? db.RegisterAt(e.Registered!, e.ActorId, e.At)
                    : db.ApplyAt(e.RiskId, e.Command!, e.ActorId, e.At);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                throw new ArgumentException(Preconditions.Invariant($"Event {e} cannot be replayed: {ex.Message}"), nameof(events), ex);
            }
        }

        return db;
    }

    /// <summary>Registers a new risk.</summary>
    /// <param name="risk">The risk; its status must be Identified.</param>
    /// <param name="actorId">The id of the person registering it.</param>
    /// <returns>The new database.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A risk with the same id exists, the risk is not Identified, a related risk id is unknown, or <paramref name="actorId"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">The clock has gone back before the last event.</exception>
    public RiskDatabase Register(Risk risk, string actorId) => RegisterAt(risk, actorId, _clock.GetCurrentInstant());

    /// <summary>
    /// Closes the loop from a call's evaluation: registers one risk per improvement found when the call was
    /// evaluated and closed. Each risk's origin must be that call.
    /// </summary>
    /// <param name="callId">The evaluated call's id.</param>
    /// <param name="improvements">The risks, one per improvement.</param>
    /// <param name="actorId">The id of the person registering them.</param>
    /// <returns>The new database, with one event per risk; unchanged if <paramref name="improvements"/> is empty.</returns>
    /// <exception cref="ArgumentException">A risk's origin is not the call, an id is duplicated or exists already; nothing is registered then.</exception>
    public RiskDatabase RegisterFromCallEvaluation(string callId, IEnumerable<Risk> improvements, string actorId)
    {
        Preconditions.CheckNotBlank(callId);
        ArgumentNullException.ThrowIfNull(improvements);
        var origin = RiskOrigin.FromClosedCall(callId);
        var db = this;
        foreach (var risk in improvements)
        {
            Preconditions.CheckArgument(risk is not null, nameof(improvements), "The improvements hold a null risk.");
            Preconditions.CheckArgument(risk.Origin.Equals(origin), nameof(improvements), Preconditions.Invariant($"Risk '{risk.Id}' has origin '{risk.Origin}', not the evaluation of call '{callId}'."));
            db = db.Register(risk, actorId);
        }

        return db;
    }

    /// <summary>Applies a lifecycle command to a registered risk.</summary>
    /// <param name="riskId">The risk's id.</param>
    /// <param name="command">The command.</param>
    /// <param name="actorId">The id of the person making the change.</param>
    /// <returns>The new database.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No risk has id <paramref name="riskId"/>, the command names an unknown related risk, or <paramref name="actorId"/> is blank.</exception>
    /// <exception cref="InvalidRiskTransitionException">The command is not legal for the risk now.</exception>
    /// <exception cref="InvalidOperationException">The clock has gone back before the last event.</exception>
    public RiskDatabase Apply(string riskId, RiskCommand command, string actorId) => ApplyAt(riskId, command, actorId, _clock.GetCurrentInstant());

    /// <summary>Gets a risk by id.</summary>
    /// <param name="riskId">The id.</param>
    /// <returns>The risk.</returns>
    /// <exception cref="ArgumentException">No risk has that id.</exception>
    public Risk Get(string riskId)
    {
        ArgumentNullException.ThrowIfNull(riskId);
        return _state.Risks.TryGetValue(riskId, out var risk) ? risk : throw new ArgumentException(Preconditions.Invariant($"No risk with id '{riskId}' is registered."), nameof(riskId));
    }

    /// <summary>Tries to get a risk by id.</summary>
    /// <param name="riskId">The id.</param>
    /// <param name="risk">The risk, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(string riskId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Risk? risk)
    {
        ArgumentNullException.ThrowIfNull(riskId);
        return _state.Risks.TryGetValue(riskId, out risk);
    }

    /// <summary>Gets whether a risk with the id is registered.</summary>
    /// <param name="riskId">The id.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool Contains(string riskId) => _state.Risks.ContainsKey(Preconditions.CheckNotNull(riskId));

    /// <summary>Gets the risks with a status, ordered by id.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByStatus(RiskStatus status) => Resolve(_state.ByStatus.GetValueOrDefault(Preconditions.CheckDefined(status), s_noIds));

    /// <summary>Gets the risks of a polarity (open or not), ordered by id.</summary>
    /// <param name="polarity">The polarity.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByPolarity(RiskPolarity polarity) => Resolve(_state.ByPolarity.GetValueOrDefault(Preconditions.CheckDefined(polarity), s_noIds));

    /// <summary>Gets the risks that affect a resource, ordered by id.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByResource(Resource resource) => Resolve(_state.ByResource.GetValueOrDefault(Preconditions.CheckDefined(resource), s_noIds));

    /// <summary>Gets the risks that affect a service, ordered by id.</summary>
    /// <param name="serviceId">The service id.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByService(string serviceId) => Resolve(_state.ByService.GetValueOrDefault(Preconditions.CheckNotNull(serviceId), s_noIds));

    /// <summary>Gets the risks that affect a MIC, ordered by id.</summary>
    /// <param name="micId">The MIC id.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByMic(string micId) => Resolve(_state.ByMic.GetValueOrDefault(Preconditions.CheckNotNull(micId), s_noIds));

    /// <summary>Gets the risks of a category (ordinal comparison), ordered by id.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByCategory(string category) => Resolve(_state.ByCategory.GetValueOrDefault(Preconditions.CheckNotNull(category), s_noIds));

    /// <summary>Gets the number of risks with a status, without listing them.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int CountByStatus(RiskStatus status) => _state.ByStatus.GetValueOrDefault(Preconditions.CheckDefined(status), s_noIds).Count;

    /// <summary>Gets the database as it was at an instant: after every event stamped at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>That version (the empty database before the first event). Later changes to it start a new branch.</returns>
    public RiskDatabase AsOf(Instant instant)
    {
        // Version k is the database after k events; its time is the k-th event's instant, and times never decrease.
        int lo = 0, hi = Version;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (VersionAt(mid)._lastEvent!.At <= instant)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return VersionAt(lo);
    }

    /// <summary>Gets the database as it was right after an event.</summary>
    /// <param name="sequence">The event's sequence number, 0 for the empty database.</param>
    /// <returns>That version.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is outside 0 to <see cref="Version"/>.</exception>
    public RiskDatabase AfterEvent(int sequence) => VersionAt(Preconditions.CheckInRange(sequence, 0, Version));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"Risk database: {Count} risks, {OpenCount} open, exposure {Exposure}, version {Version}");

    private RiskDatabase VersionAt(int k)
    {
        var v = this;
        while (v._version != k)
        {
            v = v._jump._version >= k ? v._jump : v._parent!;
        }

        return v;
    }

    private ImmutableArray<Risk> Resolve(ImmutableSortedSet<string> ids)
    {
        var builder = ImmutableArray.CreateBuilder<Risk>(ids.Count);
        foreach (var id in ids)
        {
            builder.Add(_state.Risks[id]);
        }

        return builder.MoveToImmutable();
    }

    private RiskDatabase RegisterAt(Risk risk, string actorId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(risk);
        Preconditions.CheckNotBlank(actorId);
        if (_state.Risks.ContainsKey(risk.Id))
        {
            throw new ArgumentException(Preconditions.Invariant($"A risk with id '{risk.Id}' is already registered."), nameof(risk));
        }

        if (risk.Status != RiskStatus.Identified)
        {
            throw new ArgumentException(Preconditions.Invariant($"Risk '{risk.Id}' is {risk.Status}; only an identified risk can be registered."), nameof(risk));
        }

        CheckRelated(risk, nameof(risk));

        CheckTime(at);
        var e = new RiskDatabaseEvent(Version + 1, at, actorId, RiskEventKind.Registered, risk.Id, risk, null, risk.Status);
        return new RiskDatabase(_clock, _state.Put(null, risk), e, this);
    }

    private RiskDatabase ApplyAt(string riskId, RiskCommand command, string actorId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(command);
        Preconditions.CheckNotBlank(actorId);
        var before = Get(riskId);
        var after = before.Apply(command);
        CheckRelated(after, nameof(command));
        CheckTime(at);
        var e = new RiskDatabaseEvent(Version + 1, at, actorId, RiskEventKind.CommandApplied, riskId, null, command, after.Status);
        return new RiskDatabase(_clock, _state.Put(before, after), e, this);
    }

    private void CheckRelated(Risk risk, string paramName)
    {
        foreach (var related in risk.RelatedRiskIds)
        {
            if (!_state.Risks.ContainsKey(related))
            {
                throw new ArgumentException(Preconditions.Invariant($"Risk '{risk.Id}' refers to related risk '{related}', which is not registered."), paramName);
            }
        }
    }

    private void CheckTime(Instant at)
    {
        if (_lastEvent is not null && at < _lastEvent.At)
        {
            throw new InvalidOperationException(Preconditions.Invariant($"The clock reads {at}, before the last event at {_lastEvent.At}; events must not go back in time."));
        }
    }

    /// <summary>The persistent state of one version: the risks and their indexes.</summary>
    private sealed class State
    {
        public static readonly State Empty = new(
            ImmutableSortedDictionary.Create<string, Risk>(StringComparer.Ordinal),
            s_noIds,
            ImmutableDictionary<RiskStatus, ImmutableSortedSet<string>>.Empty,
            ImmutableDictionary<RiskPolarity, ImmutableSortedSet<string>>.Empty,
            ImmutableDictionary<Resource, ImmutableSortedSet<string>>.Empty,
            ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal),
            0);

        private State(
            ImmutableSortedDictionary<string, Risk> risks,
            ImmutableSortedSet<string> open,
            ImmutableDictionary<RiskStatus, ImmutableSortedSet<string>> byStatus,
            ImmutableDictionary<RiskPolarity, ImmutableSortedSet<string>> byPolarity,
            ImmutableDictionary<Resource, ImmutableSortedSet<string>> byResource,
            ImmutableDictionary<string, ImmutableSortedSet<string>> byService,
            ImmutableDictionary<string, ImmutableSortedSet<string>> byMic,
            ImmutableDictionary<string, ImmutableSortedSet<string>> byCategory,
            double exposure)
        {
            Risks = risks;
            Open = open;
            ByStatus = byStatus;
            ByPolarity = byPolarity;
            ByResource = byResource;
            ByService = byService;
            ByMic = byMic;
            ByCategory = byCategory;
            Exposure = exposure;
        }

        public ImmutableSortedDictionary<string, Risk> Risks { get; }

        public ImmutableSortedSet<string> Open { get; }

        public ImmutableDictionary<RiskStatus, ImmutableSortedSet<string>> ByStatus { get; }

        public ImmutableDictionary<RiskPolarity, ImmutableSortedSet<string>> ByPolarity { get; }

        public ImmutableDictionary<Resource, ImmutableSortedSet<string>> ByResource { get; }

        public ImmutableDictionary<string, ImmutableSortedSet<string>> ByService { get; }

        public ImmutableDictionary<string, ImmutableSortedSet<string>> ByMic { get; }

        public ImmutableDictionary<string, ImmutableSortedSet<string>> ByCategory { get; }

        public double Exposure { get; }

        /// <summary>Replaces <paramref name="before"/> (null for a new risk) by <paramref name="after"/>, updating only the index entries that change.</summary>
        public State Put(Risk? before, Risk after)
        {
            var id = after.Id;
            var wasOpen = before?.IsOpen ?? false;
            var open = Open;
            if (wasOpen != after.IsOpen)
            {
                open = after.IsOpen ? open.Add(id) : open.Remove(id);
            }

            var exposure = Exposure - (wasOpen ? before!.SignedExpectedValue : 0) + (after.IsOpen ? after.SignedExpectedValue : 0);
            return new State(
                Risks.SetItem(id, after),
                open,
                Reindex(ByStatus, before is null ? [] : [before.Status], [after.Status], id),
                Reindex(ByPolarity, before is null ? [] : [before.Polarity], [after.Polarity], id),
                Reindex(ByResource, before?.Resources ?? [], after.Resources, id),
                Reindex(ByService, before?.ServiceIds ?? [], after.ServiceIds, id),
                Reindex(ByMic, before?.MicIds ?? [], after.MicIds, id),
                Reindex(ByCategory, before is null ? [] : [before.Category], [after.Category], id),
                exposure);
        }

        private static ImmutableDictionary<TKey, ImmutableSortedSet<string>> Reindex<TKey>(ImmutableDictionary<TKey, ImmutableSortedSet<string>> index, ImmutableArray<TKey> oldKeys, ImmutableArray<TKey> newKeys, string id)
            where TKey : notnull
        {
            foreach (var key in oldKeys)
            {
                if (!newKeys.Contains(key))
                {
                    var ids = index[key].Remove(id);
                    index = ids.IsEmpty ? index.Remove(key) : index.SetItem(key, ids);
                }
            }

            foreach (var key in newKeys)
            {
                if (!oldKeys.Contains(key))
                {
                    index = index.SetItem(key, index.GetValueOrDefault(key, s_noIds).Add(id));
                }
            }

            return index;
        }
    }

    /// <summary>A read-only view of the event log that reads each event from the version it produced.</summary>
    private sealed class EventLog(RiskDatabase db) : IReadOnlyList<RiskDatabaseEvent>
    {
        public int Count => db.Version;

        public RiskDatabaseEvent this[int index] => db.VersionAt(Preconditions.CheckInRange(index, 0, Count - 1) + 1)._lastEvent!;

        public IEnumerator<RiskDatabaseEvent> GetEnumerator()
        {
            // One walk back along the chain collects the events; they are then yielded oldest first.
            var events = new RiskDatabaseEvent[db.Version];
            for (var v = db; v._parent is not null; v = v._parent)
            {
                events[v._version - 1] = v._lastEvent!;
            }

            foreach (var e in events)
            {
                yield return e;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
