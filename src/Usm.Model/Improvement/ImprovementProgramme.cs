using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// An improvement programme: the agreed prioritisation mechanism, the baseline scan, the sounding-board group and
/// the improvement sprints ("a renovation while the shop stays open").
/// </summary>
/// <remarks>
/// <para>The programme is immutable; every operation returns a new programme. It refuses to plan a sprint until a
/// prioritisation mechanism is agreed, on or before the sprint's first day (USM prerequisite 8). Sprint periods of
/// the programme never overlap (cancelled sprints excepted), and a sprint's items must exist, be open and fit its
/// capacity.</para>
/// <para>A sprint that leaves out one of people, process and technology yields finding <c>USM-IMP-001</c> with
/// <see cref="MissingResourceSeverity"/> (a warning by default); planning a sprint without a baseline scan yields
/// <c>USM-IMP-002</c> (a warning). Findings do not block planning; they are kept on the sprint.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ImprovementProgramme
{
    /// <summary>The rule id of the finding for a sprint that misses a resource.</summary>
    public const string MissingResourceRuleId = "USM-IMP-001";

    /// <summary>The rule id of the finding for a sprint planned without a baseline scan.</summary>
    public const string NoBaselineRuleId = "USM-IMP-002";

    /// <summary>The rule id of the finding for a programme without a sounding-board group (checked by <c>ImprovementEvidence.CheckSoundingBoard</c>).</summary>
    public const string NoSoundingBoardRuleId = "USM-IMP-003";

    /// <summary>The rule id of the finding for a sounding-board member who is not a known person of the organisation.</summary>
    public const string UnknownSoundingBoardMemberRuleId = "USM-IMP-004";

    /// <summary>The rule id of the finding for a sounding-board member who is a manager: the group is of staff, not managers.</summary>
    public const string ManagerOnSoundingBoardRuleId = "USM-IMP-005";

    /// <summary>Creates a programme without sprints.</summary>
    /// <param name="id">The programme's id.</param>
    /// <param name="name">The programme's name.</param>
    /// <param name="baselineScanId">The id of the baseline scan, if taken.</param>
    /// <param name="soundingBoardMemberIds">The person ids of the sounding-board group (staff, not managers).</param>
    /// <param name="missingResourceSeverity">The severity of finding USM-IMP-001; warning by default.</param>
    /// <exception cref="ArgumentException">An id or the name is blank, or a member id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="missingResourceSeverity"/> is undefined.</exception>
    public ImprovementProgramme(string id, string name, string? baselineScanId = null, IEnumerable<string>? soundingBoardMemberIds = null, FindingSeverity missingResourceSeverity = FindingSeverity.Warning)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotBlank(name);
        BaselineScanId = baselineScanId is null ? null : Preconditions.CheckNotBlank(baselineScanId);
        SoundingBoardMemberIds = Risk.NormaliseIds(soundingBoardMemberIds ?? [], nameof(soundingBoardMemberIds));
        MissingResourceSeverity = Preconditions.CheckDefined(missingResourceSeverity);
        Sprints = [];
    }

    private ImprovementProgramme(ImprovementProgramme source)
    {
        Id = source.Id;
        Name = source.Name;
        BaselineScanId = source.BaselineScanId;
        SoundingBoardMemberIds = source.SoundingBoardMemberIds;
        MissingResourceSeverity = source.MissingResourceSeverity;
        Agreement = source.Agreement;
        Sprints = source.Sprints;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the baseline scan's id, if taken.</summary>
    public string? BaselineScanId { get; private init; }

    /// <summary>Gets the sounding-board group's person ids, sorted ordinally.</summary>
    public ImmutableArray<string> SoundingBoardMemberIds { get; private init; }

    /// <summary>Gets the severity of finding USM-IMP-001.</summary>
    public FindingSeverity MissingResourceSeverity { get; private init; }

    /// <summary>Gets the agreed prioritisation mechanism, or null while none is agreed.</summary>
    public PrioritisationAgreement? Agreement { get; private init; }

    /// <summary>Gets the sprints, by number.</summary>
    public ImmutableArray<ImprovementSprint> Sprints { get; private init; }

    /// <summary>Returns a programme with a baseline scan recorded.</summary>
    /// <param name="scanId">The baseline scan's id.</param>
    /// <returns>The new programme.</returns>
    /// <exception cref="ArgumentException"><paramref name="scanId"/> is blank.</exception>
    public ImprovementProgramme WithBaselineScan(string scanId) => new(this) { BaselineScanId = Preconditions.CheckNotBlank(scanId) };

    /// <summary>Returns a programme with a new sounding-board group.</summary>
    /// <param name="memberIds">The members' person ids.</param>
    /// <returns>The new programme.</returns>
    /// <exception cref="ArgumentException">A member id is blank.</exception>
    public ImprovementProgramme WithSoundingBoard(IEnumerable<string> memberIds) => new(this) { SoundingBoardMemberIds = Risk.NormaliseIds(memberIds, nameof(memberIds)) };

    /// <summary>Returns a programme with a different severity for finding USM-IMP-001 (applies to sprints planned later).</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The new programme.</returns>
    public ImprovementProgramme WithMissingResourceSeverity(FindingSeverity severity) => new(this) { MissingResourceSeverity = Preconditions.CheckDefined(severity) };

    /// <summary>Records the agreement on a prioritisation mechanism.</summary>
    /// <param name="mechanism">The mechanism.</param>
    /// <param name="agreedOn">The date of the agreement; sprints may start on or after it.</param>
    /// <returns>The new programme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mechanism"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="agreedOn"/> is not in the ISO calendar.</exception>
    public ImprovementProgramme AgreeMechanism(IPrioritisationMechanism mechanism, LocalDate agreedOn) => new(this) { Agreement = new PrioritisationAgreement(mechanism, agreedOn) };

    /// <summary>Prioritises the database's open risks with the agreed mechanism.</summary>
    /// <param name="database">The risk database.</param>
    /// <returns>The priorities, rank 1 first.</returns>
    /// <exception cref="InvalidOperationException">No mechanism is agreed.</exception>
    public IReadOnlyList<RiskPriority> Prioritise(RiskDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Preconditions.CheckState(Agreement is not null, Preconditions.Invariant($"Programme '{Id}' has no agreed prioritisation mechanism."));
        return Agreement.Mechanism.Prioritise(database.OpenRisks);
    }

    /// <summary>Gets a sprint by number.</summary>
    /// <param name="number">The number, 1 for the first sprint.</param>
    /// <returns>The sprint.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No sprint has that number.</exception>
    public ImprovementSprint Sprint(int number) => Sprints[Preconditions.CheckInRange(number, 1, Sprints.Length) - 1];

    /// <summary>Plans the next sprint with the given items.</summary>
    /// <param name="database">The risk database the items come from.</param>
    /// <param name="period">The sprint's dates; must not overlap another (not cancelled) sprint.</param>
    /// <param name="capacity">The capacity in effort units, at least 1.</param>
    /// <param name="items">The items; each risk exists and is open, at most once; total effort within the capacity.</param>
    /// <returns>The new programme, whose last sprint is the new one.</returns>
    /// <exception cref="InvalidOperationException">No mechanism is agreed, or it was agreed after the sprint's first day.</exception>
    /// <exception cref="ArgumentException">The period is not in the ISO calendar or overlaps, an item's risk is unknown, closed or repeated, the effort exceeds the capacity, or the programme's planned effort (cancelled sprints aside) would pass <see cref="int.MaxValue"/>; the message names the value.</exception>
    public ImprovementProgramme PlanSprint(RiskDatabase database, DateInterval period, int capacity, IEnumerable<SprintItem> items)
    {
        ArgumentNullException.ThrowIfNull(database);
        Preconditions.CheckIso(period);
        ArgumentNullException.ThrowIfNull(items);
        Preconditions.CheckInRange(capacity, 1, int.MaxValue);
        Preconditions.CheckState(Agreement is not null, Preconditions.Invariant($"Programme '{Id}' cannot plan a sprint before a prioritisation mechanism is agreed (USM prerequisite 8)."));
        Preconditions.CheckState(Agreement.AgreedOn <= period.Start, Preconditions.Invariant($"The mechanism was agreed on {Agreement.AgreedOn:uuuu-MM-dd}, after the sprint's first day {period.Start:uuuu-MM-dd}."));
        foreach (var other in Sprints.Where(s => s.Status != SprintStatus.Cancelled))
        {
            var overlaps = other.Period.Start <= period.End && period.Start <= other.Period.End;
            Preconditions.CheckArgument(!overlaps, nameof(period), Preconditions.Invariant($"Period {period.Start:uuuu-MM-dd}..{period.End:uuuu-MM-dd} overlaps sprint {other.Number} ({other.Period.Start:uuuu-MM-dd}..{other.Period.End:uuuu-MM-dd})."));
        }

        var list = items.ToImmutableArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var covered = new SortedSet<Resource>();
        long effort = 0;
        foreach (var item in list)
        {
            Preconditions.CheckElementNotNull(item, nameof(items), "The items hold a null item.");
            Preconditions.CheckArgument(seen.Add(item.RiskId), nameof(items), Preconditions.Invariant($"Risk '{item.RiskId}' appears more than once."));
            Preconditions.CheckArgument(database.TryGet(item.RiskId, out var risk), nameof(items), Preconditions.Invariant($"Risk '{item.RiskId}' is not in the risk database."));
            Preconditions.CheckArgument(risk.IsOpen, nameof(items), Preconditions.Invariant($"Risk '{item.RiskId}' is {risk.Status}, not open."));
            covered.UnionWith(risk.Resources);
            effort += item.Effort;
        }

        Preconditions.CheckArgument(effort <= capacity, nameof(items), Preconditions.Invariant($"The items need {effort} effort units, more than the capacity {capacity}."));

        var number = Sprints.Length + 1;
        var cumulative = effort + Sprints.Where(s => s.Status != SprintStatus.Cancelled).Sum(s => (long)s.PlannedEffort);
        Preconditions.CheckArgument(cumulative <= int.MaxValue, nameof(items), Preconditions.Invariant($"Sprint {number} would bring the programme's planned effort to {cumulative} units, beyond {int.MaxValue}, the most the burn-up can count."));
        var findings = new List<Finding>();
        if (BaselineScanId is null)
        {
            findings.Add(new Finding(NoBaselineRuleId, FindingSeverity.Warning, Preconditions.Invariant($"Sprint {number} is planned without a baseline scan, so its progress cannot be measured (USM prerequisite 2)."), "baselineScanId", Id));
        }

        foreach (var resource in Enum.GetValues<Resource>().Where(r => !covered.Contains(r)))
        {
            findings.Add(new Finding(MissingResourceRuleId, MissingResourceSeverity, Preconditions.Invariant($"Sprint {number} improves no {resource}: USM improves people, process and technology together."), Preconditions.Invariant($"sprints[{number - 1}]"), resource.ToString()));
        }

        var sprint = new ImprovementSprint(number, period, capacity, list, [.. covered], Agreement.Mechanism.Name, new FindingReport(findings));
        return new(this) { Sprints = Sprints.Add(sprint) };
    }

    /// <summary>
    /// Plans the next sprint from the agreed mechanism's order: walks the prioritised open risks and takes each one
    /// whose effort (<see cref="Risk.Effort"/>) fits the remaining capacity; risks without a measure are skipped.
    /// </summary>
    /// <param name="database">The risk database.</param>
    /// <param name="period">The sprint's dates.</param>
    /// <param name="capacity">The capacity in effort units.</param>
    /// <returns>The new programme.</returns>
    /// <exception cref="InvalidOperationException">
    /// No mechanism is agreed (or agreed too late), or the agreed mechanism misbehaves: it returns null, a null priority,
    /// or a risk id that is not an open risk of <paramref name="database"/> or appears twice. The message names the
    /// mechanism.
    /// </exception>
    /// <exception cref="ArgumentException">The period is not in the ISO calendar or overlaps another sprint.</exception>
    public ImprovementProgramme PlanSprintByPriority(RiskDatabase database, DateInterval period, int capacity)
    {
        ArgumentNullException.ThrowIfNull(database);
        Preconditions.CheckIso(period);
        var order = Prioritise(database);
        var mechanism = Agreement!.Mechanism.Name;

        // Found by review, session 5: a mechanism returning null (or holding null) threw NullReferenceException, and an
        // unknown risk id was reported against a parameter this method does not have.
        Preconditions.CheckState(order is not null, Preconditions.Invariant($"The agreed mechanism '{mechanism}' returned null instead of a list of priorities."));
        var items = new List<SprintItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long left = Preconditions.CheckInRange(capacity, 1, int.MaxValue);
        for (var i = 0; i < order.Count; i++)
        {
            var priority = order[i];
            Preconditions.CheckState(priority is not null, Preconditions.Invariant($"The agreed mechanism '{mechanism}' returned a null priority at position {i}."));
            var known = database.TryGet(priority.RiskId, out var risk) && risk.IsOpen;
            Preconditions.CheckState(known, Preconditions.Invariant($"The agreed mechanism '{mechanism}' returned risk '{priority.RiskId}', which is not an open risk of the database."));
            Preconditions.CheckState(seen.Add(priority.RiskId), Preconditions.Invariant($"The agreed mechanism '{mechanism}' returned risk '{priority.RiskId}' more than once."));
            if (risk!.Effort is int effort && effort <= left)
            {
                items.Add(new SprintItem(priority.RiskId, effort));
                left -= effort;
            }
        }

        return PlanSprint(database, period, capacity, items);
    }

    /// <summary>Starts a planned sprint.</summary>
    /// <param name="number">The sprint number.</param>
    /// <returns>The new programme.</returns>
    /// <exception cref="InvalidOperationException">The sprint is not planned, or another sprint is active.</exception>
    public ImprovementProgramme StartSprint(int number)
    {
        var sprint = Sprint(number);
        CheckSprintState(sprint, SprintStatus.Planned, SprintStatus.Active);
        var active = Sprints.FirstOrDefault(s => s.Status == SprintStatus.Active);
        Preconditions.CheckState(active is null, Preconditions.Invariant($"Sprint {number} cannot start while sprint {active?.Number} is active."));
        return Replace(sprint.With(SprintStatus.Active));
    }

    /// <summary>Completes an active sprint with an outcome for each item.</summary>
    /// <param name="number">The sprint number.</param>
    /// <param name="outcomes">One outcome per item, keyed by risk id.</param>
    /// <param name="database">The risk database now; carried-over risks must still be open in it.</param>
    /// <returns>The new programme.</returns>
    /// <exception cref="InvalidOperationException">The sprint is not active.</exception>
    /// <exception cref="ArgumentException">An item has no outcome, an outcome is for a risk not in the sprint, or a carried-over risk is not open.</exception>
    public ImprovementProgramme CompleteSprint(int number, IEnumerable<KeyValuePair<string, SprintItemOutcome>> outcomes, RiskDatabase database)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(database);
        var sprint = Sprint(number);
        CheckSprintState(sprint, SprintStatus.Active, SprintStatus.Completed);
        var map = ImmutableSortedDictionary.CreateBuilder<string, SprintItemOutcome>(StringComparer.Ordinal);
        foreach (var (riskId, outcome) in outcomes)
        {
            Preconditions.CheckArgument(riskId is not null && sprint.Items.Any(i => i.RiskId == riskId), nameof(outcomes), Preconditions.Invariant($"Risk '{riskId}' is not an item of sprint {number}."));
            Preconditions.CheckDefined(outcome, nameof(outcomes));
            Preconditions.CheckArgument(map.TryAdd(riskId, outcome), nameof(outcomes), Preconditions.Invariant($"Risk '{riskId}' has more than one outcome."));
            if (outcome == SprintItemOutcome.CarriedOver)
            {
                var open = database.TryGet(riskId, out var risk) && risk.IsOpen;
                Preconditions.CheckArgument(open, nameof(outcomes), Preconditions.Invariant($"Risk '{riskId}' is carried over but is not open in the risk database."));
            }
        }

        var missing = sprint.Items.FirstOrDefault(i => !map.ContainsKey(i.RiskId));
        Preconditions.CheckArgument(missing is null, nameof(outcomes), Preconditions.Invariant($"Risk '{missing?.RiskId}' of sprint {number} has no outcome."));
        return Replace(sprint.With(SprintStatus.Completed, map.ToImmutable()));
    }

    /// <summary>Cancels a planned or active sprint.</summary>
    /// <param name="number">The sprint number.</param>
    /// <param name="reason">Why it is cancelled.</param>
    /// <returns>The new programme.</returns>
    /// <exception cref="InvalidOperationException">The sprint is completed or cancelled already.</exception>
    public ImprovementProgramme CancelSprint(int number, string reason)
    {
        Preconditions.CheckNotBlank(reason);
        var sprint = Sprint(number);
        Preconditions.CheckState(sprint.Status is SprintStatus.Planned or SprintStatus.Active, Preconditions.Invariant($"Sprint {number} is {sprint.Status}; only a planned or active sprint can be cancelled."));
        return Replace(sprint.With(SprintStatus.Cancelled, cancelReason: reason));
    }

    /// <summary>Gets the burn-up series over the sprints that are not cancelled, by number.</summary>
    /// <returns>One point per sprint: cumulative planned and done effort.</returns>
    public ImmutableArray<BurnUpPoint> BurnUp()
    {
        var builder = ImmutableArray.CreateBuilder<BurnUpPoint>();
        int planned = 0, done = 0;
        foreach (var sprint in Sprints.Where(s => s.Status != SprintStatus.Cancelled))
        {
            planned += sprint.PlannedEffort;
            done += sprint.DoneEffort;
            builder.Add(new BurnUpPoint(sprint.Number, sprint.Period.End, planned, done));
        }

        return builder.ToImmutable();
    }

    /// <summary>Gets the exposure trend: the database's exposure as it was at the end of each sprint that is not cancelled.</summary>
    /// <param name="database">The risk database (its history is used through <see cref="RiskDatabase.AsOf"/>).</param>
    /// <returns>
    /// One point per sprint, by number; the instant is the start (UTC) of the day after the sprint's last day, or
    /// <see cref="Instant.MaxValue"/> for a sprint that ends on <see cref="LocalDate.MaxIsoValue"/>, which has no next day.
    /// </returns>
    public ImmutableArray<ExposurePoint> ExposureTrend(RiskDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return [.. Sprints.Where(s => s.Status != SprintStatus.Cancelled).Select(s =>
            new ExposurePoint(s.Number, s.Period.End, database.AsOf(EndOf(s.Period.End)).Exposure))];

        // Found by review, session 5: the day after LocalDate.MaxIsoValue overflowed.
        static Instant EndOf(LocalDate lastDay) =>
            lastDay == LocalDate.MaxIsoValue ? Instant.MaxValue : lastDay.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
    }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"Programme {Id} '{Name}': {Sprints.Length} sprints, mechanism {Agreement?.Mechanism.Name ?? "not agreed"}");

    private static void CheckSprintState(ImprovementSprint sprint, SprintStatus expected, SprintStatus target) =>
        Preconditions.CheckState(sprint.Status == expected, Preconditions.Invariant($"Sprint {sprint.Number} cannot go from {sprint.Status} to {target}; it must be {expected}."));

    private ImprovementProgramme Replace(ImprovementSprint sprint) => new(this) { Sprints = Sprints.SetItem(sprint.Number - 1, sprint) };
}
