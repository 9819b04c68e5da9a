using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// The risk database: the register of all risks, and so the inventory of improvements (USM prerequisites 6 and 7).
/// </summary>
/// <remarks>
/// <para>The database is immutable: <see cref="Register"/>, <see cref="Apply"/> and the other operations return a
/// new database and append one <see cref="RiskDatabaseEvent"/> per change, stamped with the injected
/// <see cref="IClock"/> and the acting person's id. <see cref="Replay"/> of the <see cref="Events"/> rebuilds an
/// equal database.</para>
/// <para>Versions that descend from one another share one append-only event log; each entry keeps the risk as it
/// was after the event and the version's totals. A change to the latest version of a log (its tip) appends in place
/// in O(1) amortised. A change to an older version starts a fork: a new log that shares the older version's entries
/// with its parent and appends after them; forking is O(1) after checks that cost O(d · log k) (d: the depth of the
/// chain of forks, at most 8; k: the risk's number of events). Every ninth nested fork copies the entries it would
/// share into a new root instead, in O(its number of events). <see cref="Get"/>, <see cref="TryGet"/> and
/// <see cref="Contains"/> answer for any version by binary search in the list of entries that touched the id,
/// walking to the parent log for earlier entries, in O(d · log k) (O(1) on the tip); <see cref="Count"/>, <see cref="OpenCount"/>,
/// <see cref="Exposure"/> and <see cref="LastChanged"/> are read from the version's last entry in O(1). The index
/// queries (<see cref="ByStatus"/> and the others, <see cref="OpenRisks"/>, <see cref="Risks"/>) use indexes by
/// status, polarity, resource, service, MIC and category: the tip's are kept up to date in place (O(number of
/// hits) per query); an older version, or a fork before its first index query, builds its own once, in O(its number
/// of events). A database does not keep past version objects alive, but a fork keeps its parent log alive, with the
/// parent's later entries and its indexes. Every query returns risks ordered by id (ordinal).</para>
/// <para><see cref="Exposure"/> is the sum of the open risks' signed expected values (inherent assessment), kept
/// up to date with each change without rounding drift: the running total is held exactly (as a short list of
/// non-overlapping partial sums, Shewchuk's method), so removing a large value never leaves its rounding error behind,
/// and <see cref="Exposure"/> is the correctly rounded sum of the open risks' values, whatever the order of changes.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe (as long as the clock is): appends and the tip's indexes are
/// changed only under a lock on the log; reads of written entries and per-id lists need no lock, because every value
/// is stored before the count that reveals it is published. No caller code (such as a comparer in a command) runs
/// under that lock, and no change is observable from a version already handed out.</threadsafety>
public sealed class RiskDatabase
{
    private readonly IClock _clock;
    private readonly Log _log;
    private readonly int _version;

    // The state of this version once it is no longer the tip of its log; built on first need, then never changed
    // except for the lazily sorted index caches (guarded by locking the state).
    private State? _own;

    /// <summary>Creates an empty risk database.</summary>
    /// <param name="clock">The clock that stamps events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public RiskDatabase(IClock clock)
        : this(Preconditions.CheckNotNull(clock), new Log(), 0)
    {
    }

    private RiskDatabase(IClock clock, Log log, int version)
    {
        _clock = clock;
        _log = Log.OwnerOf(log, version);
        _version = version;
    }

    /// <summary>Gets the number of risks, open or not.</summary>
    public int Count => _version == 0 ? 0 : _log[_version - 1].Count;

    /// <summary>Gets all risks, ordered by id.</summary>
    /// <remarks>
    /// A view in O(1): its count (and so <c>Any()</c> and <c>Count()</c>) is <see cref="Count"/>; enumerating it
    /// reads this version's risks sorted by id, an array cached until the version's indexed state changes (so
    /// repeated enumerations of an unchanged version cost no copy; the first after a change costs O(n)).
    /// </remarks>
    public IEnumerable<Risk> Risks => new RiskView(this);

    /// <summary>Gets the open risks (Identified to Fulfilled), ordered by id.</summary>
    public ImmutableArray<Risk> OpenRisks => Read(0, static (state, _) => state.Open());

    /// <summary>Gets the number of open risks.</summary>
    public int OpenCount => _version == 0 ? 0 : _log[_version - 1].OpenCount;

    /// <summary>Gets the total exposure: the sum of the open risks' signed expected values (threats negative).</summary>
    public double Exposure => _version == 0 ? 0 : _log[_version - 1].Exposure;

    /// <summary>Gets the event log, oldest first; <see cref="RiskDatabaseEvent.Sequence"/> is the 1-based position.</summary>
    public IReadOnlyList<RiskDatabaseEvent> Events => new EventLog(this);

    /// <summary>Gets the number of events so far (the version number; 0 for an empty database).</summary>
    public int Version => _version;

    /// <summary>Gets the instant of the last event, or null for a database without events.</summary>
    public Instant? LastChanged => LastEvent?.At;

    private RiskDatabaseEvent? LastEvent => _version == 0 ? null : _log[_version - 1].Event;

    /// <summary>Rebuilds a database by replaying an event log from an empty database.</summary>
    /// <param name="clock">The clock for changes made after the replay.</param>
    /// <param name="events">The events, in order, numbered from 1.</param>
    /// <returns>The rebuilt database; its events equal <paramref name="events"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An event is out of sequence, goes back in time, or cannot be applied; the message names it.</exception>
    /// <remarks>The replay builds the final state directly in one pass (O(1) amortised per event); no intermediate version is kept.</remarks>
    public static RiskDatabase Replay(IClock clock, IEnumerable<RiskDatabaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);

        // Each step extends the tip of one fresh log in place; the intermediate versions are garbage at once.
        var db = new RiskDatabase(clock);
        foreach (var e in events)
        {
            Preconditions.CheckElementNotNull(e, nameof(events), "The event log holds a null event.");
            if (e.Sequence != db.Version + 1)
            {
                // The message is formatted only on failure: formatting it for every event cost more than the replay itself.
                throw new ArgumentException(Preconditions.Invariant($"Event {e} is out of sequence: expected number {db.Version + 1}."), nameof(events));
            }

            try
            {
                db = e.Kind == RiskEventKind.Registered
                    ? db.RegisterAt(e.Registered!, e.ActorId, e.At, e)
                    : db.ApplyAt(e.RiskId, e.Command!, e.ActorId, e.At, e);
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
    /// Registers several new risks at once, each after the risks of the list that it names as related, and otherwise in
    /// the given order: for example the risks <see cref="Serialization.RiskRegisterCsv.Import"/> reads, where a risk may
    /// relate to a row below it. All are registered at the clock's current instant, with one event each.
    /// </summary>
    /// <remarks>
    /// Relations that form a cycle (a command can relate two registered risks both ways, and an export then holds both
    /// relations) cannot all hold at registration: the relation that closes the cycle is ignored for the order, and
    /// registering that risk fails, naming the relation. The database is immutable, so a failure registers nothing.
    /// </remarks>
    /// <param name="risks">The risks; each must be Identified.</param>
    /// <param name="actorId">The id of the person registering them.</param>
    /// <returns>The new database, with one event per risk; unchanged if <paramref name="risks"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="risks"/> or <paramref name="actorId"/> is null, or <paramref name="risks"/> holds null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Register"/>, for any of the risks, reported against <paramref name="risks"/>: a duplicate id, a status other than Identified, or a related id that is neither registered nor in the list (the message names the risk); or <paramref name="actorId"/> is blank. Nothing is registered then.</exception>
    /// <exception cref="InvalidOperationException">The clock has gone back before the last event.</exception>
    public RiskDatabase RegisterAll(IEnumerable<Risk> risks, string actorId)
    {
        ArgumentNullException.ThrowIfNull(risks);
        Preconditions.CheckNotBlank(actorId);
        var list = risks.ToList();
        var nullAt = list.IndexOf(null!);
        if (nullAt >= 0)
        {
            throw new ArgumentNullException(nameof(risks), Preconditions.Invariant($"Risk {nullAt} of the list is null."));
        }

        if (list.Count == 0)
        {
            return this;
        }

        var at = _clock.GetCurrentInstant();
        var db = this;
        foreach (var risk in RelatedFirst(list))
        {
            try
            {
                db = db.RegisterAt(risk, actorId, at);
            }
            catch (ArgumentException e) when (e is not ArgumentNullException && e.ParamName == "risk")
            {
                throw Preconditions.ForParameter(e, nameof(risks));
            }
        }

        return db;
    }

    /// <summary>
    /// Orders risks so that each comes after the risks of the list it relates to, keeping the given order otherwise: a
    /// depth-first walk in the given order that emits a risk once the risks it relates to are emitted. An edge back to a risk
    /// still being walked (a cycle) is skipped. The walk keeps its own stack, so a long chain of relations cannot
    /// overflow the call stack.
    /// </summary>
    private static List<Risk> RelatedFirst(List<Risk> risks)
    {
        var index = new Dictionary<string, int>(risks.Count, StringComparer.Ordinal);
        for (var i = 0; i < risks.Count; i++)
        {
            index[risks[i].Id] = i;
        }

        var state = new byte[risks.Count]; // 0 not seen, 1 being walked, 2 emitted
        var ordered = new List<Risk>(risks.Count);
        var stack = new Stack<(int Risk, int Next)>();
        for (var start = 0; start < risks.Count; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            state[start] = 1;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (current, next) = stack.Pop();
                var related = risks[current].RelatedRiskIds;
                if (next < related.Length)
                {
                    stack.Push((current, next + 1));
                    if (index.TryGetValue(related[next], out var target) && state[target] == 0)
                    {
                        state[target] = 1;
                        stack.Push((target, 0));
                    }

                    continue;
                }

                state[current] = 2;
                ordered.Add(risks[current]);
            }
        }

        return ordered;
    }

    /// <summary>
    /// Closes the loop from a call's evaluation: registers one risk per improvement found when the call was
    /// evaluated and closed. Each risk's origin must be that call.
    /// </summary>
    /// <param name="callId">The evaluated call's id.</param>
    /// <param name="improvements">The risks, one per improvement.</param>
    /// <param name="actorId">The id of the person registering them.</param>
    /// <returns>The new database, with one event per risk; unchanged if <paramref name="improvements"/> is empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="improvements"/> holds null.</exception>
    /// <exception cref="ArgumentException">A risk's origin is not the call, an id is duplicated or exists already, or another check of <see cref="Register"/> fails (reported against <paramref name="improvements"/>); nothing is registered then.</exception>
    public RiskDatabase RegisterFromCallEvaluation(string callId, IEnumerable<Risk> improvements, string actorId)
    {
        Preconditions.CheckNotBlank(callId);
        ArgumentNullException.ThrowIfNull(improvements);
        var origin = RiskOrigin.FromClosedCall(callId);
        var db = this;
        foreach (var risk in improvements)
        {
            Preconditions.CheckElementNotNull(risk, nameof(improvements), "The improvements hold a null risk.");
            Preconditions.CheckArgument(risk.Origin.Equals(origin), nameof(improvements), Preconditions.Invariant($"Risk '{risk.Id}' has origin '{risk.Origin}', not the evaluation of call '{callId}'."));
            try
            {
                db = db.Register(risk, actorId);
            }
            catch (ArgumentException e) when (e is not ArgumentNullException && e.ParamName == "risk")
            {
                throw Preconditions.ForParameter(e, nameof(improvements));
            }
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
        return Find(riskId) ?? throw UnknownRisk(riskId);
    }

    /// <summary>Tries to get a risk by id.</summary>
    /// <param name="riskId">The id.</param>
    /// <param name="risk">The risk, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(string riskId, [NotNullWhen(true)] out Risk? risk)
    {
        ArgumentNullException.ThrowIfNull(riskId);
        risk = Find(riskId);
        return risk is not null;
    }

    /// <summary>Gets whether a risk with the id is registered.</summary>
    /// <param name="riskId">The id.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool Contains(string riskId) => Find(Preconditions.CheckNotNull(riskId)) is not null;

    /// <summary>Gets the risks with a status, ordered by id.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByStatus(RiskStatus status) => Read(Preconditions.CheckDefined(status), static (state, key) => State.Query(state.Statuses, key));

    /// <summary>Gets the risks of a polarity (open or not), ordered by id.</summary>
    /// <param name="polarity">The polarity.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByPolarity(RiskPolarity polarity) => Read(Preconditions.CheckDefined(polarity), static (state, key) => State.Query(state.Polarities, key));

    /// <summary>Gets the risks that affect a resource, ordered by id.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByResource(Resource resource) => Read(Preconditions.CheckDefined(resource), static (state, key) => State.Query(state.Resources, key));

    /// <summary>Gets the risks that affect a service, ordered by id.</summary>
    /// <param name="serviceId">The service id.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByService(string serviceId) => Read(Preconditions.CheckNotNull(serviceId), static (state, key) => State.Query(state.Services, key));

    /// <summary>Gets the risks that affect a MIC, ordered by id.</summary>
    /// <param name="micId">The MIC id.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByMic(string micId) => Read(Preconditions.CheckNotNull(micId), static (state, key) => State.Query(state.Mics, key));

    /// <summary>Gets the risks of a category (ordinal comparison), ordered by id.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The risks.</returns>
    public ImmutableArray<Risk> ByCategory(string category) => Read(Preconditions.CheckNotNull(category), static (state, key) => State.Query(state.Categories, key));

    /// <summary>Gets the number of risks with a status, without listing them.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int CountByStatus(RiskStatus status) => Read(Preconditions.CheckDefined(status), static (state, key) => state.Statuses.TryGetValue(key, out var bucket) ? bucket.Count : 0);

    /// <summary>Gets the database as it was at an instant: after every event stamped at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>
    /// That version (the empty database before the first event), which rebuilds its state from the log when first
    /// queried; this database itself when no event is later than <paramref name="instant"/>. Later changes to it
    /// start a new branch.
    /// </returns>
    public RiskDatabase AsOf(Instant instant)
    {
        // Version k is the database after k events; its time is the k-th event's instant, and times never decrease.
        int lo = 0, hi = Version;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (_log[mid - 1].Event.At <= instant)
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
    /// <returns>That version, which rebuilds its state from the log when first queried (equal to, not the same object as, the version first returned); this database itself for <see cref="Version"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is outside 0 to <see cref="Version"/>.</exception>
    public RiskDatabase AfterEvent(int sequence) => VersionAt(Preconditions.CheckInRange(sequence, 0, Version));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"Risk database: {Count} risks, {OpenCount} open, exposure {Exposure}, version {Version}");

    private static ArgumentException UnknownRisk(string riskId) =>
        new(Preconditions.Invariant($"No risk with id '{riskId}' is registered."), nameof(riskId));

    private RiskDatabase VersionAt(int k) => k == _version ? this : new RiskDatabase(_clock, _log, k);

    /// <summary>Answers an index query from this version's state: the log's live state while this version is its tip, else this version's own.</summary>
    private TResult Read<TArg, TResult>(TArg arg, Func<State, TArg, TResult> query)
    {
        var own = Volatile.Read(ref _own);
        if (own is null)
        {
            var log = _log;
            lock (log)
            {
                if (_version == log.Count)
                {
                    return query(log.Head, arg);
                }
            }

            // The log has moved on: rebuild this version once from its events (they never change) and keep it.
            own = log.Rebuild(_version);
            own = Interlocked.CompareExchange(ref _own, own, null) ?? own;
        }

        lock (own)
        {
            return query(own, arg);
        }
    }

    /// <summary>Finds a risk as it is in this version, in O(depth × log of the risk's number of events); no lock.</summary>
    private Risk? Find(string riskId) => _log.Find(riskId, _version);

    private RiskDatabase RegisterAt(Risk risk, string actorId, Instant at, RiskDatabaseEvent? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(risk);
        Preconditions.CheckNotBlank(actorId);
        return Commit(new PendingChange(risk, null, null, actorId, at, recorded));
    }

    private RiskDatabase ApplyAt(string riskId, RiskCommand command, string actorId, Instant at, RiskDatabaseEvent? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        Preconditions.CheckNotBlank(actorId);
        ArgumentNullException.ThrowIfNull(riskId);
        return Commit(new PendingChange(null, riskId, command, actorId, at, recorded));
    }

    /// <summary>Checks a change against this version and appends it: in place at the tip of the log, else on a new log (a fork).</summary>
    private RiskDatabase Commit(PendingChange change)
    {
        // Every check, and Risk.Apply (which may call the caller's comparer), runs outside any lock and before
        // anything is written, so a refused change leaves no trace. This version's events never change, so the
        // result computed against it stays right whatever happens to the log meanwhile.
        var (e, before, after) = Prepare(change);
        var log = _log;
        lock (log)
        {
            if (_version == log.Count)
            {
                log.Append(e, before, after);
                return new RiskDatabase(_clock, log, _version + 1);
            }
        }

        // The log has moved on past this version: a new log shares this version's events and appends after them.
        var fork = log.Fork(_version);
        fork.Append(e, before, after);
        return new RiskDatabase(_clock, fork, _version + 1);
    }

    private (RiskDatabaseEvent Event, Risk? Before, Risk After) Prepare(PendingChange change)
    {
        Risk? before;
        Risk after;
        RiskDatabaseEvent e;
        if (change.Registered is { } risk)
        {
            if (Find(risk.Id) is not null)
            {
                throw new ArgumentException(Preconditions.Invariant($"A risk with id '{risk.Id}' is already registered."), nameof(risk));
            }

            if (risk.Status != RiskStatus.Identified)
            {
                throw new ArgumentException(Preconditions.Invariant($"Risk '{risk.Id}' is {risk.Status}; only an identified risk can be registered."), nameof(risk));
            }

            CheckRelated(risk, nameof(risk));
            CheckTime(change.At);
            before = null;
            after = risk;
            e = Reuse(change.Recorded, RiskEventKind.Registered, risk.Id, risk, null, risk.Status)
                ?? new RiskDatabaseEvent(_version + 1, change.At, change.ActorId, RiskEventKind.Registered, risk.Id, risk, null, risk.Status);
        }
        else
        {
            before = Find(change.RiskId!) ?? throw UnknownRisk(change.RiskId!);
            after = before.Apply(change.Command!);
            CheckRelated(after, "command");
            CheckTime(change.At);
            e = Reuse(change.Recorded, RiskEventKind.CommandApplied, change.RiskId!, null, change.Command, after.Status)
                ?? new RiskDatabaseEvent(_version + 1, change.At, change.ActorId, RiskEventKind.CommandApplied, change.RiskId!, null, change.Command, after.Status);
        }

        return (e, before, after);
    }

    // A replayed event that records exactly the event this change makes is kept as it is (events are immutable), so a
    // replay does not hold a second copy of every event.
    private RiskDatabaseEvent? Reuse(RiskDatabaseEvent? recorded, RiskEventKind kind, string riskId, Risk? registered, RiskCommand? command, RiskStatus status) =>
        recorded is not null && recorded.Sequence == _version + 1 && recorded.Kind == kind && recorded.ResultingStatus == status
        && string.Equals(recorded.RiskId, riskId, StringComparison.Ordinal) && ReferenceEquals(recorded.Registered, registered) && ReferenceEquals(recorded.Command, command)
            ? recorded
            : null;

    private void CheckRelated(Risk risk, string paramName)
    {
        foreach (var related in risk.RelatedRiskIds)
        {
            if (Find(related) is null)
            {
                throw new ArgumentException(Preconditions.Invariant($"Risk '{risk.Id}' refers to related risk '{related}', which is not registered."), paramName);
            }
        }
    }

    private void CheckTime(Instant at)
    {
        if (LastEvent is { } last && at < last.At)
        {
            throw new InvalidOperationException(Preconditions.Invariant($"The clock reads {at}, before the last event at {last.At}; events must not go back in time."));
        }
    }

    /// <summary>A change to make: a registration (<see cref="Registered"/> set) or a command on a registered risk; <see cref="Recorded"/> is the event being replayed, if any.</summary>
    private readonly record struct PendingChange(Risk? Registered, string? RiskId, RiskCommand? Command, string ActorId, Instant At, RiskDatabaseEvent? Recorded);

    /// <summary>One logged event, the risk as it was after it, and the version's totals after it (the exposure also as exact partial sums).</summary>
    private readonly record struct Entry(RiskDatabaseEvent Event, Risk After, int Count, int OpenCount, double Exposure, double[] ExposureParts);

    /// <summary>
    /// An append-only event log shared by a line of versions. A log either starts empty (a root) or is a fork: it
    /// shares the first <c>prefix</c> entries of its parent (which never change, as a log only appends after them)
    /// and holds only the entries after them. Global position <c>i</c> is the parent's entry when <c>i</c> is below
    /// the prefix, else this log's own. A version with <c>n</c> events sees the first <c>n</c> positions. Per risk id
    /// the log keeps the ascending positions of its own entries that touched the risk, so any version finds a risk by
    /// binary search, walking to the parent for positions before the prefix. The indexed state of the tip
    /// (<see cref="Head"/>) is built on the first index query and then kept up to date in place.
    /// Appending and reading <see cref="Head"/> happen under a lock on the log; reading written entries and positions
    /// needs no lock (a value is stored before the count that reveals it is published, and a grown array is filled
    /// before it is published).
    /// </summary>
    private sealed class Log
    {
        /// <summary>The deepest chain of forks kept; a fork deeper than this copies its shared entries into a new root.</summary>
        private const int MaxDepth = 8;

        private readonly Log? _parent;
        private readonly int _prefix;
        private readonly int _depth;
        private readonly ConcurrentDictionary<string, Positions> _positions = new(StringComparer.Ordinal);
        private Entry[] _entries;
        private int _ownCount;
        private State? _head;

        public Log()
            : this(null, 0, 0, [])
        {
            _head = new State();
        }

        private Log(Log? parent, int prefix, int depth, Entry[] entries)
        {
            _parent = parent;
            _prefix = prefix;
            _depth = depth;
            _entries = entries;
        }

        /// <summary>Gets the state after the last entry, building it on first need in O(count); use it only while holding the lock on this log.</summary>
        public State Head => _head ??= Rebuild(Count);

        public int Count => _prefix + Volatile.Read(ref _ownCount);

        public Entry this[int index]
        {
            get
            {
                var log = this;
                while (index < log._prefix)
                {
                    log = log._parent!;
                }

                return Volatile.Read(ref log._entries)[index - log._prefix];
            }
        }

        /// <summary>Gets the log that holds the last of the first <paramref name="version"/> positions of <paramref name="log"/> (the root for 0).</summary>
        public static Log OwnerOf(Log log, int version)
        {
            while (log._parent is not null && version <= log._prefix)
            {
                log = log._parent;
            }

            return log;
        }

        /// <summary>Finds a risk as it is after the first <paramref name="version"/> positions, or null.</summary>
        public Risk? Find(string id, int version)
        {
            for (var log = this; log is not null && version > 0; log = log._parent)
            {
                if (version > log._prefix && log._positions.TryGetValue(id, out var positions))
                {
                    var at = positions.LastBelow(version);
                    if (at >= 0)
                    {
                        return Volatile.Read(ref log._entries)[at - log._prefix].After;
                    }
                }

                version = Math.Min(version, log._prefix);
            }

            return null;
        }

        /// <summary>
        /// Appends an event that changed <paramref name="before"/> (null for a registration) into <paramref name="after"/>,
        /// with the new totals, and applies it to the indexed state if built; the caller holds the lock (or owns a log not yet shared).
        /// </summary>
        public void Append(RiskDatabaseEvent e, Risk? before, Risk after)
        {
            var position = Count;
            var last = position == 0 ? default : this[position - 1];
            var count = last.Count + (before is null ? 1 : 0);
            var open = last.OpenCount - (before is { IsOpen: true } ? 1 : 0) + (after.IsOpen ? 1 : 0);
            var parts = last.ExposureParts ?? [];
            var changed = false;
            if (before is { IsOpen: true } && before.SignedExpectedValue != 0)
            {
                parts = ExactSum.Add(parts, -before.SignedExpectedValue);
                changed = true;
            }

            if (after.IsOpen && after.SignedExpectedValue != 0)
            {
                parts = ExactSum.Add(parts, after.SignedExpectedValue);
                changed = true;
            }

            var exposure = changed ? ExactSum.Round(parts) : last.Exposure;
            _head?.Put(after);

            var own = _ownCount;
            var entries = _entries;
            if (own == entries.Length)
            {
                var grown = new Entry[Math.Max(16, entries.Length * 2)];
                Array.Copy(entries, grown, own);
                Volatile.Write(ref _entries, grown);
                entries = grown;
            }

            entries[own] = new Entry(e, after, count, open, exposure, parts);
            Volatile.Write(ref _ownCount, own + 1);
            Positions.Record(_positions, after.Id, position);
        }

        /// <summary>Rebuilds the indexed state after the first <paramref name="version"/> positions, in O(<paramref name="version"/>).</summary>
        public State Rebuild(int version)
        {
            var state = new State();
            PutInto(state, version);
            return state;
        }

        /// <summary>
        /// Starts a log that shares the first <paramref name="version"/> positions (the caller has checked they are
        /// fewer than <see cref="Count"/>) in O(1); past <see cref="MaxDepth"/> nested forks, a root with a copy of
        /// them instead, in O(<paramref name="version"/>).
        /// </summary>
        public Log Fork(int version)
        {
            if (_depth < MaxDepth)
            {
                return new Log(this, version, _depth + 1, []);
            }

            var copy = new Entry[Math.Max(16, version * 2)];
            CopyInto(copy, version);
            var root = new Log(null, 0, 0, copy) { _ownCount = version };
            for (var i = 0; i < version; i++)
            {
                Positions.Record(root._positions, copy[i].Event.RiskId, i);
            }

            return root;
        }

        private void PutInto(State state, int upTo)
        {
            if (_parent is not null)
            {
                _parent.PutInto(state, Math.Min(upTo, _prefix));
            }

            var entries = Volatile.Read(ref _entries);
            for (var i = _prefix; i < upTo; i++)
            {
                state.Put(entries[i - _prefix].After);
            }
        }

        private void CopyInto(Entry[] target, int upTo)
        {
            if (_parent is not null)
            {
                _parent.CopyInto(target, Math.Min(upTo, _prefix));
            }

            if (upTo > _prefix)
            {
                Array.Copy(Volatile.Read(ref _entries), 0, target, _prefix, upTo - _prefix);
            }
        }
    }

    /// <summary>
    /// The ascending positions of one log's entries that touched one risk, the first held inline (most risks have
    /// few events); appended under the log's lock, read without one.
    /// </summary>
    private sealed class Positions(int first)
    {
        private readonly int _first = first;
        private int[]? _all;
        private int _count = 1;

        /// <summary>Records the position of an entry that touched the risk in the log, or starts the list with it.</summary>
        public static void Record(ConcurrentDictionary<string, Positions> index, string id, int position)
        {
            if (index.TryGetValue(id, out var positions))
            {
                positions.Add(position);
            }
            else
            {
                index.TryAdd(id, new Positions(position));
            }
        }

        /// <summary>Returns the last position below <paramref name="version"/>, or -1: O(1) for the tip, else a binary search.</summary>
        public int LastBelow(int version)
        {
            var count = Volatile.Read(ref _count);
            if (count == 1)
            {
                return _first < version ? _first : -1;
            }

            var items = Volatile.Read(ref _all)!;
            if (items[count - 1] < version)
            {
                return items[count - 1];
            }

            int lo = 0, hi = count - 1;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (items[mid] < version)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo == 0 ? -1 : items[lo - 1];
        }

        private void Add(int position)
        {
            var items = _all;
            if (items is null || _count == items.Length)
            {
                var grown = new int[Math.Max(4, _count * 2)];
                if (items is null)
                {
                    grown[0] = _first;
                }
                else
                {
                    Array.Copy(items, grown, _count);
                }

                grown[_count] = position;
                Volatile.Write(ref _all, grown);
            }
            else
            {
                items[_count] = position;
            }

            Volatile.Write(ref _count, _count + 1);
        }
    }

    /// <summary>A risk's place in one state: its id and its current value, shared by every index that lists it.</summary>
    private sealed class Slot(string id, Risk current)
    {
        public string Id { get; } = id;

        public Risk Current { get; set; } = current;
    }

    /// <summary>
    /// The risks of one index key (one status, one service...), kept sorted by id lazily: a change only counts and
    /// notes the slot (O(1)); the next query filters out slots that left, sorts the few that joined (already in order
    /// when ids grow) and merges them in, in O(hits + joined × log joined). The risks themselves are cached in id
    /// order until a member changes, and handed out as they are (the cached array is never written again), so a repeated
    /// query costs O(1).
    /// </summary>
    private sealed class Bucket(Func<Risk, bool> holds)
    {
        private static readonly Comparison<Slot> s_byId = static (a, b) => string.CompareOrdinal(a.Id, b.Id);

        private readonly List<Slot> _joined = [];
        private Slot[] _sorted = [];
        private Risk[]? _risks = [];
        private bool _left;

        public int Count { get; private set; }

        public void Add(Slot slot)
        {
            _joined.Add(slot);
            _risks = null;
            Count++;
        }

        public void Remove()
        {
            Count--;
            _left = true;
            _risks = null;
        }

        /// <summary>Notes that a member's risk has changed (it stays in the bucket).</summary>
        public void Touch() => _risks = null;

        public ImmutableArray<Risk> Resolve()
        {
            Settle();
            var risks = _risks;
            if (risks is null)
            {
                var sorted = _sorted;
                risks = new Risk[sorted.Length];
                for (var i = 0; i < risks.Length; i++)
                {
                    risks[i] = sorted[i].Current;
                }

                _risks = risks;
            }

            // A changed bucket builds a new array, so this one is never written again and can be shared.
            return ImmutableCollectionsMarshal.AsImmutableArray(risks);
        }

        private void Settle()
        {
            if (_joined.Count == 0 && !_left)
            {
                return;
            }

            // Keep the joined slots still in the bucket, and sort them unless they came in id order.
            var joined = CollectionsMarshal.AsSpan(_joined);
            var kept = 0;
            var ordered = true;
            foreach (var slot in joined)
            {
                if (holds(slot.Current))
                {
                    ordered &= kept == 0 || string.CompareOrdinal(joined[kept - 1].Id, slot.Id) <= 0;
                    joined[kept++] = slot;
                }
            }

            joined = joined[..kept];
            if (!ordered)
            {
                joined.Sort(s_byId);
            }

            // Merge with the sorted slots, dropping those that left and duplicates (a slot that left and came back).
            var sorted = _sorted;
            var merged = new Slot[Count];
            int i = 0, j = 0, k = 0;
            Slot? last = null;
            while (i < sorted.Length || j < joined.Length)
            {
                var next = j == joined.Length || (i < sorted.Length && string.CompareOrdinal(sorted[i].Id, joined[j].Id) <= 0) ? sorted[i++] : joined[j++];
                if (!ReferenceEquals(next, last) && holds(next.Current))
                {
                    merged[k++] = next;
                    last = next;
                }
            }

            _sorted = merged;
            _joined.Clear();
            _left = false;
        }
    }

    /// <summary>The indexed state of one version: the risks by id and their indexes. Not thread-safe; its owner locks.</summary>
    private sealed class State
    {
        private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
        private readonly Bucket _all = new(static _ => true);
        private readonly Bucket _open = new(static r => r.IsOpen);

        public Dictionary<RiskStatus, Bucket> Statuses { get; } = [];

        public Dictionary<RiskPolarity, Bucket> Polarities { get; } = [];

        public Dictionary<Resource, Bucket> Resources { get; } = [];

        public Dictionary<string, Bucket> Services { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Bucket> Mics { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Bucket> Categories { get; } = new(StringComparer.Ordinal);

        public static ImmutableArray<Risk> Query<TKey>(Dictionary<TKey, Bucket> index, TKey key)
            where TKey : notnull
            => index.TryGetValue(key, out var bucket) ? bucket.Resolve() : [];

        public ImmutableArray<Risk> All() => _all.Resolve();

        public ImmutableArray<Risk> Open() => _open.Resolve();

        /// <summary>Puts <paramref name="after"/> in place of the risk with its id (new or not), updating only the index entries that change.</summary>
        public void Put(Risk after)
        {
            Risk? before = null;
            if (_slots.TryGetValue(after.Id, out var slot))
            {
                before = slot.Current;
                slot.Current = after;
            }
            else
            {
                slot = new Slot(after.Id, after);
                _slots.Add(after.Id, slot);
                _all.Add(slot);
            }

            var wasOpen = before?.IsOpen ?? false;
            if (before is not null)
            {
                _all.Touch();
            }

            if (wasOpen && after.IsOpen)
            {
                _open.Touch();
            }
            else if (wasOpen != after.IsOpen)
            {
                if (after.IsOpen)
                {
                    _open.Add(slot);
                }
                else
                {
                    _open.Remove();
                }
            }

            Reindex(Statuses, before is null ? [] : [before.Status], [after.Status], slot, static key => r => r.Status == key);
            Reindex(Polarities, before is null ? [] : [before.Polarity], [after.Polarity], slot, static key => r => r.Polarity == key);
            Reindex(Resources, (before?.Resources ?? []).AsSpan(), after.Resources.AsSpan(), slot, static key => r => r.Resources.Contains(key));
            Reindex(Services, (before?.ServiceIds ?? []).AsSpan(), after.ServiceIds.AsSpan(), slot, static key => r => r.ServiceIds.Contains(key));
            Reindex(Mics, (before?.MicIds ?? []).AsSpan(), after.MicIds.AsSpan(), slot, static key => r => r.MicIds.Contains(key));
            Reindex(Categories, before is null ? [] : [before.Category], [after.Category], slot, static key => r => string.Equals(r.Category, key, StringComparison.Ordinal));
        }

        private static void Reindex<TKey>(Dictionary<TKey, Bucket> index, ReadOnlySpan<TKey> oldKeys, ReadOnlySpan<TKey> newKeys, Slot slot, Func<TKey, Func<Risk, bool>> holds)
            where TKey : notnull
        {
            foreach (var key in oldKeys)
            {
                if (!Contains(newKeys, key))
                {
                    index[key].Remove();
                }
            }

            foreach (var key in newKeys)
            {
                if (Contains(oldKeys, key))
                {
                    // Still listed, but the cached risks of the bucket now hold the old value.
                    index[key].Touch();
                }
                else
                {
                    ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
                    bucket ??= new Bucket(holds(key));
                    bucket.Add(slot);
                }
            }
        }

        private static bool Contains<TKey>(ReadOnlySpan<TKey> keys, TKey key)
        {
            foreach (var k in keys)
            {
                if (EqualityComparer<TKey>.Default.Equals(k, key))
                {
                    return true;
                }
            }

            return false;
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

    /// <summary>A read-only view of a version's risks, ordered by id: counted in O(1), listed from the cached sorted array.</summary>
    private sealed class RiskView(RiskDatabase db) : ICollection<Risk>, IReadOnlyCollection<Risk>
    {
        public int Count => db.Count;

        public bool IsReadOnly => true;

        public bool Contains(Risk item) => item is not null && db.TryGet(item.Id, out var risk) && risk.Equals(item);

        public void CopyTo(Risk[] array, int arrayIndex) => All().CopyTo(array, arrayIndex);

        public IEnumerator<Risk> GetEnumerator() => ((IEnumerable<Risk>)All()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        void ICollection<Risk>.Add(Risk item) => throw ReadOnly();

        void ICollection<Risk>.Clear() => throw ReadOnly();

        bool ICollection<Risk>.Remove(Risk item) => throw ReadOnly();

        private static NotSupportedException ReadOnly() => new("The risks of a database version are read-only; use Register or Apply for a new version.");

        private ImmutableArray<Risk> All() => db.Read(0, static (state, _) => state.All());
    }

    /// <summary>A read-only view of a version's events.</summary>
    private sealed class EventLog(RiskDatabase db) : IReadOnlyList<RiskDatabaseEvent>
    {
        public int Count => db._version;

        public RiskDatabaseEvent this[int index] => db._log[Preconditions.CheckInRange(index, 0, Count - 1)].Event;

        public IEnumerator<RiskDatabaseEvent> GetEnumerator()
        {
            for (var i = 0; i < db._version; i++)
            {
                yield return db._log[i].Event;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
