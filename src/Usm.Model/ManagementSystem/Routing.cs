using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.ManagementSystem;

/// <summary>
/// Something a request would modify: one attribute of a MIC, a MIC as a whole, or a component that does not exist yet.
/// </summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RequestedModification : IEquatable<RequestedModification>
{
    /// <summary>Creates a modification.</summary>
    /// <param name="micId">The MIC's id.</param>
    /// <param name="attribute">The attribute to modify, or null for the MIC as a whole.</param>
    /// <param name="isNewComponent">Whether the request adds a new component that is to be managed.</param>
    /// <exception cref="ArgumentException"><paramref name="micId"/> is null or blank.</exception>
    public RequestedModification(string micId, string? attribute = null, bool isNewComponent = false)
    {
        MicId = Preconditions.CheckNotBlank(micId);
        Attribute = attribute;
        IsNewComponent = isNewComponent;
    }

    /// <summary>Gets the MIC id.</summary>
    public string MicId { get; }

    /// <summary>Gets the attribute name, or null for the MIC as a whole.</summary>
    public string? Attribute { get; }

    /// <summary>Gets whether the request adds a new managed component.</summary>
    public bool IsNewComponent { get; }

    /// <summary>
    /// Gets whether this modification touches the managed infrastructure: it adds a new managed component, or the MIC
    /// is in the register and either the whole MIC or one of its managed attributes is modified.
    /// </summary>
    /// <param name="mir">The register.</param>
    /// <returns><see langword="true"/> when the modification needs a change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mir"/> is null.</exception>
    public bool IsManaged(ManagedInfrastructureRegister mir)
    {
        ArgumentNullException.ThrowIfNull(mir);
        return IsNewComponent || (mir.Find(MicId) is { } mic && (Attribute is null || mic.Manages(Attribute)));
    }

    /// <inheritdoc />
    public bool Equals(RequestedModification? other) => other is not null && MicId == other.MicId && Attribute == other.Attribute && IsNewComponent == other.IsNewComponent;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RequestedModification other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MicId, Attribute, IsNewComponent);

    /// <inheritdoc />
    public override string ToString() => IsNewComponent ? $"new {MicId}" : Attribute is null ? MicId : $"{MicId}.{Attribute}";
}

/// <summary>
/// A customer's request as the provider receives it, with the facts the USM routing decision needs: is it a failure,
/// is it within current agreements, what would it modify, and does it report a risk or an improvement idea.
/// </summary>
/// <remarks>Equality is reference equality.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CustomerRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="id">The id (for example a tracking number).</param>
    /// <param name="description">What is asked.</param>
    /// <param name="isFailure">Whether it reports a failure: a deviation from the agreed service that has happened or is about to.</param>
    /// <param name="isWithinAgreements">Whether what is asked falls within the current agreements.</param>
    /// <param name="modifications">What fulfilling it (or, for a failure, recovering) would modify.</param>
    /// <param name="reportsRisk">Whether it reports a risk (a threat) or an improvement idea (an opportunity).</param>
    /// <param name="riskMeasureTrigger">For a risk whose measure has been selected: the call type that deploys it.</param>
    /// <param name="serviceId">The service concerned, if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null, or <paramref name="modifications"/> holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="riskMeasureTrigger"/> is not a wish, change request or service request.</exception>
    public CustomerRequest(string id, string description, bool isFailure, bool isWithinAgreements, IEnumerable<RequestedModification>? modifications = null, bool reportsRisk = false, CallType? riskMeasureTrigger = null, string? serviceId = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Description = Preconditions.CheckNotNull(description);
        IsFailure = isFailure;
        IsWithinAgreements = isWithinAgreements;
        Modifications = Ids.Items(modifications, nameof(modifications));
        ReportsRisk = reportsRisk;
        if (riskMeasureTrigger is { } t && t is not (CallType.Wish or CallType.ChangeRequest or CallType.ServiceRequest))
        {
            // Named here, not by WorkflowPattern.ForRiskMeasure's own parameter (found by review, session 5).
            throw new ArgumentOutOfRangeException(nameof(riskMeasureTrigger), t, Preconditions.Invariant($"A risk's measure is deployed by a wish, a change request or a service request, not by {t}."));
        }

        RiskMeasureTrigger = riskMeasureTrigger;
        ServiceId = serviceId;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the description.</summary>
    public string Description { get; }

    /// <summary>Gets whether it reports a failure.</summary>
    public bool IsFailure { get; }

    /// <summary>Gets whether it falls within the current agreements.</summary>
    public bool IsWithinAgreements { get; }

    /// <summary>Gets what it would modify.</summary>
    public ImmutableArray<RequestedModification> Modifications { get; }

    /// <summary>Gets whether it reports a risk or an improvement idea.</summary>
    public bool ReportsRisk { get; }

    /// <summary>Gets the call type that deploys the risk's selected measure, if known.</summary>
    public CallType? RiskMeasureTrigger { get; }

    /// <summary>Gets the service concerned, if known.</summary>
    public string? ServiceId { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Description}";
}

/// <summary>
/// The outcome of routing a request: the call type, the process it triggers, the workflow pattern that will run (or
/// the candidates while that is still open), why, and where the call goes.
/// </summary>
/// <remarks>Equality is reference equality.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RoutingDecision
{
    /// <summary>Creates a decision.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="callType">The call type.</param>
    /// <param name="pattern">The pattern that will run, or null while it is open (a risk before its measure is selected).</param>
    /// <param name="reason">Which law decided.</param>
    /// <param name="managedModifications">The requested modifications that touch the managed infrastructure.</param>
    /// <param name="routineIds">The routines registered for the call type that follow the pattern (or any candidate pattern).</param>
    /// <param name="ownerTeamIds">The teams that own the MICs concerned.</param>
    /// <param name="processManagerProfileIds">The profiles that manage the triggered process.</param>
    /// <param name="serviceTeamIds">The internal teams that contribute to the service concerned.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is blank, or <paramref name="pattern"/> is not started by <paramref name="callType"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="callType"/> is undefined.</exception>
    public RoutingDecision(string requestId, CallType callType, WorkflowPattern? pattern, string reason, IEnumerable<RequestedModification>? managedModifications = null, IEnumerable<string>? routineIds = null, IEnumerable<string>? ownerTeamIds = null, IEnumerable<string>? processManagerProfileIds = null, IEnumerable<string>? serviceTeamIds = null)
    {
        RequestId = Preconditions.CheckNotBlank(requestId);
        CallType = Preconditions.CheckDefined(callType);
        Preconditions.CheckArgument(pattern is null || pattern.Trigger == callType, nameof(pattern), Preconditions.Invariant($"Pattern {pattern?.Code} is not started by a {callType}."));
        Pattern = pattern;
        Reason = Preconditions.CheckNotNull(reason);
        ManagedModifications = Ids.Items(managedModifications, nameof(managedModifications));
        RoutineIds = Ids.From(routineIds, nameof(routineIds));
        OwnerTeamIds = Ids.From(ownerTeamIds, nameof(ownerTeamIds));
        ProcessManagerProfileIds = Ids.From(processManagerProfileIds, nameof(processManagerProfileIds));
        ServiceTeamIds = Ids.From(serviceTeamIds, nameof(serviceTeamIds));
    }

    /// <summary>Gets the request's id.</summary>
    public string RequestId { get; }

    /// <summary>Gets the call type.</summary>
    public CallType CallType { get; }

    /// <summary>Gets the process the call triggers.</summary>
    public UsmProcess Process => UsmProcesses.TriggeredProcess(CallType);

    /// <summary>Gets the pattern that will run, or null while it is open.</summary>
    public WorkflowPattern? Pattern { get; }

    /// <summary>Gets the patterns still possible: the decided pattern alone, or every pattern the call type can start.</summary>
    public ImmutableArray<WorkflowPattern> CandidatePatterns => Pattern is null ? WorkflowPattern.StartedBy(CallType) : [Pattern];

    /// <summary>Gets which law decided.</summary>
    public string Reason { get; }

    /// <summary>Gets the requested modifications that touch the managed infrastructure.</summary>
    public ImmutableArray<RequestedModification> ManagedModifications { get; }

    /// <summary>Gets the routines the call can run.</summary>
    public ImmutableArray<string> RoutineIds { get; }

    /// <summary>Gets the teams that own the MICs concerned.</summary>
    public ImmutableArray<string> OwnerTeamIds { get; }

    /// <summary>Gets the profiles that manage the triggered process.</summary>
    public ImmutableArray<string> ProcessManagerProfileIds { get; }

    /// <summary>Gets the internal teams that contribute to the service concerned (empty when the request names no service).</summary>
    public ImmutableArray<string> ServiceTeamIds { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RequestId}: {CallType} → {Process}, {(Pattern is null ? string.Join("/", CandidatePatterns.Select(p => p.Code)) : Pattern.Code)} ({Reason})";
}

/// <summary>
/// The USM routing decision: classifies a customer request as a call type and picks the workflow pattern.
/// </summary>
/// <remarks>
/// <para>The laws, applied in this order (the first that applies decides):</para>
/// <list type="number">
/// <item>a request that reports a risk or an improvement idea is a <b>risk</b> (Improve): W6, W7 or W8 once the
/// selected measure's trigger is known (wish, change request, service request), otherwise open;</item>
/// <item>a failure is an <b>incident</b> (Recover): W3 when recovery modifies the managed infrastructure, else W4;</item>
/// <item>a request outside the current agreements is a <b>wish</b> (Agree): W1;</item>
/// <item>a request that modifies something in the MIR is a <b>change request</b> (Change): W2;</item>
/// <item>anything else is a <b>service request</b> (Operate): W5.</item>
/// </list>
/// <para>A modification of an attribute that is not managed (or of a MIC not in the register) does not count as
/// modifying the MIR, so it is a service request. The order of laws 1 and 2 is this library's choice: a report of a
/// risk is about the future, a failure about the agreed service now, and the caller states which it is.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class RequestRouter
{
    /// <summary>Routes a request against a register.</summary>
    /// <param name="request">The request.</param>
    /// <param name="mir">The managed infrastructure register that decides what is managed.</param>
    /// <returns>The decision, with the owner teams of the managed MICs concerned (sorted ordinally); routines and process managers are left empty (the system fills them).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RoutingDecision Route(CustomerRequest request, ManagedInfrastructureRegister mir)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mir);
        var managed = request.Modifications.Where(m => m.IsManaged(mir)).ToImmutableArray();
        var owners = managed.Select(m => mir.Find(m.MicId)?.OwnerTeamId).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var (callType, pattern, reason) = Decide(request, !managed.IsEmpty);
        return new RoutingDecision(request.Id, callType, pattern, reason, managed, null, owners);
    }

    private static (CallType CallType, WorkflowPattern? Pattern, string Reason) Decide(CustomerRequest request, bool modifiesMir)
    {
        if (request.ReportsRisk)
        {
            return request.RiskMeasureTrigger is { } t
                ? (CallType.Risk, WorkflowPattern.ForRiskMeasure(t), Preconditions.Invariant($"reports a risk; its measure is deployed by a {t}"))
                : (CallType.Risk, null, "reports a risk; the pattern is open until a measure is selected");
        }

        if (request.IsFailure)
        {
            return modifiesMir
                ? (CallType.Incident, WorkflowPattern.W3, "a failure whose recovery modifies the managed infrastructure")
                : (CallType.Incident, WorkflowPattern.W4, "a failure recovered without modifying the managed infrastructure");
        }

        if (!request.IsWithinAgreements)
        {
            return (CallType.Wish, WorkflowPattern.W1, "outside the current agreements");
        }

        return modifiesMir
            ? (CallType.ChangeRequest, WorkflowPattern.W2, "modifies the managed infrastructure within the current agreements")
            : (CallType.ServiceRequest, WorkflowPattern.W5, "within the current agreements and modifies nothing managed");
    }
}
