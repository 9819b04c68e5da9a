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
/// <see cref="IClock"/> and the acting person's id. Versions that descend from one another share one append-only
/// event log, which holds a checkpoint of the state every 64 events; <see cref="AsOf"/> and <see cref="AfterEvent"/>
/// rebuild the database as it was from the nearest checkpoint before it (at most 63 events to re-apply), so a
/// database does not keep every past version alive. <see cref="Replay"/> of the <see cref="Events"/> rebuilds an
/// equal database.</para>
/// <para>State is held in persistent collections (sorted by id, ordinal) with indexes by status, polarity,
/// resource, service, MIC and category; a change costs O(log n) and shares the rest with the previous version.
/// Every query returns risks ordered by id (ordinal).</para>
/// <para><see cref="Exposure"/> is the sum of the open risks' signed expected values (inherent assessment), kept
/// up to date with each change without rounding drift: the running total is held exactly (as a short list of
/// non-overlapping partial sums, Shewchuk's method), so removing a large value never leaves its rounding error behind,
/// and <see cref="Exposure"/> is the correctly rounded sum of the open risks' values, whatever the order of changes.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe (as long as the clock is).</threadsafety>
public sealed class RiskDatabase
{
    private static readonly ImmutableSortedSet<string> s_noIds = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    private readonly IClock _clock;
    private readonly State _state;
    private readonly RiskDatabaseEvent? _lastEvent;
    private readonly History _history;
    private readonly int _version;

    /// <summary>Creates an empty risk database.</summary>
    /// <param name="clock">The clock that stamps events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public RiskDatabase(IClock clock)
        : this(Preconditions.CheckNotNull(clock), State.Empty, null, new History(null, 0), 0)
    {
    }

    private RiskDatabase(IClock clock, State state, RiskDatabaseEvent? lastEvent, History history, int version)
    {
        _clock = clock;
        _state = state;
        _lastEvent = lastEvent;
        _history = history;
        _version = version;
    }

    /// <summary>Gets the number of risks, open or not.</summary>
    public int Count => _state.Risks.Count;

    /// <summary>Gets all risks, ordered by id.</summary>
    public IEnumerable<Risk> Risks => _state.Risks.Values;

    /// <summary>Gets the open risks (Identified to Fulfilled), ordered by id.</summary>
    public ImmutableArray<Risk> OpenRisks
    {
        get
        {
            // The open risks are those of the open statuses; merging their indexes keeps each change one index cheaper.
            var ids = new List<string>(OpenCount);
            foreach (var (status, set) in _state.ByStatus)
            {
                if (status.IsOpen())
                {
                    ids.AddRange(set);
                }
            }

            ids.Sort(StringComparer.Ordinal);
            var builder = ImmutableArray.CreateBuilder<Risk>(ids.Count);
            foreach (var id in ids)
            {
                builder.Add(_state.Risks[id]);
            }

            return builder.MoveToImmutable();
        }
    }

    /// <summary>Gets the number of open risks.</summary>
    public int OpenCount
    {
        get
        {
            var count = 0;
            foreach (var (status, set) in _state.ByStatus)
            {
                count += status.IsOpen() ? set.Count : 0;
            }

            return count;
        }
    }

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
    /// <returns>
    /// That version (the empty database before the first event), rebuilt from the nearest state checkpoint; this
    /// database itself when no event is later than <paramref name="instant"/>. Later changes to it start a new branch.
    /// </returns>
    public RiskDatabase AsOf(Instant instant)
    {
        // Version k is the database after k events; its time is the k-th event's instant, and times never decrease.
        int lo = 0, hi = Version;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (_history.EventAt(mid - 1).At <= instant)
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
    /// <returns>That version, rebuilt from the nearest state checkpoint (equal to, not the same object as, the version first returned); this database itself for <see cref="Version"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is outside 0 to <see cref="Version"/>.</exception>
    public RiskDatabase AfterEvent(int sequence) => VersionAt(Preconditions.CheckInRange(sequence, 0, Version));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"Risk database: {Count} risks, {OpenCount} open, exposure {Exposure}, version {Version}");

    private RiskDatabase VersionAt(int k)
    {
        if (k == _version)
        {
            return this;
        }

        // Start from the checkpoint at or before version k and re-apply the recorded results of the events after it.
        var start = k - (k % History.CheckpointInterval);
        var state = start == 0 ? State.Empty : _history.EntryAt(start - 1).Checkpoint!;
        for (var i = start; i < k; i++)
        {
            var after = _history.EntryAt(i).After;
            state = state.Put(state.Risks.GetValueOrDefault(after.Id), after);
        }

        return new RiskDatabase(_clock, state, k == 0 ? null : _history.EventAt(k - 1), _history, k);
    }

    private RiskDatabase Append(RiskDatabaseEvent e, Risk? before, Risk after)
    {
        var state = _state.Put(before, after);
        var history = _history.Append(_version, new Entry(e, after, (_version + 1) % History.CheckpointInterval == 0 ? state : null));
        return new RiskDatabase(_clock, state, e, history, _version + 1);
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
        return Append(e, null, risk);
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
        return Append(e, before, after);
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
            ImmutableDictionary<RiskStatus, ImmutableSortedSet<string>>.Empty,
            ImmutableDictionary<RiskPolarity, ImmutableSortedSet<string>>.Empty,
            ImmutableDictionary<Resource, ImmutableSortedSet<string>>.Empty,
            ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal),
            []);

        private State(
            ImmutableSortedDictionary<string, Risk> risks,
            ImmutableDictionary<RiskStatus, ImmutableSortedSet<string>> byStatus,
            ImmutableDictionary<RiskPolarity, ImmutableSortedSet<string>> byPolarity,
            ImmutableDictionary<Resource, ImmutableSortedSet<string>> byResource,
            ImmutableDictionary<string, ImmutableSortedSet<string>> byService,
            ImmutableDictionary<string, ImmutableSortedSet<string>> byMic,
            ImmutableDictionary<string, ImmutableSortedSet<string>> byCategory,
            double[] exposureParts)
        {
            Risks = risks;
            ByStatus = byStatus;
            ByPolarity = byPolarity;
            ByResource = byResource;
            ByService = byService;
            ByMic = byMic;
            ByCategory = byCategory;
            _exposureParts = exposureParts;
            Exposure = ExactSum.Round(exposureParts);
        }

        // Never changed after construction.
        private readonly double[] _exposureParts;

        public ImmutableSortedDictionary<string, Risk> Risks { get; }

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
            var exposure = _exposureParts;
            if (wasOpen && before!.SignedExpectedValue != 0)
            {
                exposure = ExactSum.Add(exposure, -before.SignedExpectedValue);
            }

            if (after.IsOpen && after.SignedExpectedValue != 0)
            {
                exposure = ExactSum.Add(exposure, after.SignedExpectedValue);
            }

            return new State(
                Risks.SetItem(id, after),
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

    /// <summary>
    /// Exact running sums of doubles (Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust
    /// Geometric Predicates", 1997; the same method as Python's <c>math.fsum</c>): a sum is held as non-overlapping
    /// partials in increasing magnitude whose exact total is the true sum.
    /// </summary>
    private static class ExactSum
    {
        /// <summary>Returns new partials for the sum plus <paramref name="x"/>; <paramref name="parts"/> is not changed.</summary>
        public static double[] Add(double[] parts, double x)
        {
            var result = new double[parts.Length + 1];
            var count = 0;
            foreach (var part in parts)
            {
                var y = part;
                if (Math.Abs(x) < Math.Abs(y))
                {
                    (x, y) = (y, x);
                }

                var hi = x + y;
                var lo = y - (hi - x);
                if (lo != 0)
                {
                    result[count++] = lo;
                }

                x = hi;
            }

            if (x != 0 || count == 0)
            {
                result[count++] = x;
            }

            return count == result.Length ? result : result[..count];
        }

        /// <summary>Returns the partials' exact total, correctly rounded (round half to even).</summary>
        public static double Round(double[] parts)
        {
            var n = parts.Length;
            if (n == 0)
            {
                return 0;
            }

            var hi = parts[--n];
            var lo = 0.0;
            while (n > 0)
            {
                var x = hi;
                var y = parts[--n];
                hi = x + y;
                lo = y - (hi - x);
                if (lo != 0)
                {
                    break;
                }
            }

            // Half-way case: the partials below decide whether to round up.
            if (n > 0 && ((lo < 0 && parts[n - 1] < 0) || (lo > 0 && parts[n - 1] > 0)))
            {
                var y = lo * 2;
                var x = hi + y;
                if (y == x - hi)
                {
                    hi = x;
                }
            }

            return hi;
        }
    }

    /// <summary>One logged event, the risk as it was after it, and, every <see cref="History.CheckpointInterval"/> events, the whole state after it.</summary>
    private readonly record struct Entry(RiskDatabaseEvent Event, Risk After, State? Checkpoint);

    /// <summary>
    /// An append-only event log shared by a line of versions. A version with <c>n</c> events sees the first
    /// <c>n</c> entries. Appending after the last entry extends the log in place (entries already written never
    /// change); appending after an earlier entry (a change to an older version) starts a new log that reads its
    /// first entries from this one.
    /// </summary>
    private sealed class History
    {
        /// <summary>The number of events between two state checkpoints.</summary>
        public const int CheckpointInterval = 64;

        private readonly History? _parent;
        private readonly int _inherited;
        private readonly List<Entry> _own = [];

        public History(History? parent, int inherited)
        {
            _parent = parent;
            _inherited = inherited;
        }

        public History Append(int version, Entry entry)
        {
            lock (_own)
            {
                if (_inherited + _own.Count == version)
                {
                    _own.Add(entry);
                    return this;
                }
            }

            var branch = new History(this, version);
            branch._own.Add(entry);
            return branch;
        }

        public RiskDatabaseEvent EventAt(int index) => EntryAt(index).Event;

        public Entry EntryAt(int index)
        {
            var log = this;
            while (index < log._inherited)
            {
                log = log._parent!;
            }

            lock (log._own)
            {
                return log._own[index - log._inherited];
            }
        }
    }

    /// <summary>A read-only view of the event log.</summary>
    private sealed class EventLog(RiskDatabase db) : IReadOnlyList<RiskDatabaseEvent>
    {
        public int Count => db.Version;

        public RiskDatabaseEvent this[int index] => db._history.EventAt(Preconditions.CheckInRange(index, 0, Count - 1));

        public IEnumerator<RiskDatabaseEvent> GetEnumerator()
        {
            for (var i = 0; i < db._version; i++)
            {
                yield return db._history.EventAt(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
