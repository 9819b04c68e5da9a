using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// One step of a risk's lifecycle, applied with <see cref="Risk.Apply"/> or <see cref="Risk.TryApply"/>. The
/// subtypes are the only commands; each knows from which statuses it is legal and which guards it checks.
/// </summary>
/// <remarks>
/// <para>Lifecycle: Identified →<see cref="ClassifyRisk"/>→ Classified →<see cref="RecordRootCause"/>→ KnownError
/// (<see cref="AddMeasure"/> any number of times) →<see cref="SelectMeasure"/>→ MeasureSelected
/// →<see cref="DeployMeasure"/>→ MeasureDeployed →<see cref="FulfilRisk"/>→ Fulfilled →<see cref="CloseRisk"/>→
/// Closed. <see cref="RejectRisk"/> and <see cref="WithdrawRisk"/> end any open risk; <see cref="UpdateRiskDetails"/>
/// edits an open risk's description without changing its status.</para>
/// <para>Commands check their own arguments when constructed, so a command object is always well formed.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public abstract class RiskCommand
{
    private protected RiskCommand()
    {
    }

    /// <summary>Gets a short name for messages and event logs, for example "Classify".</summary>
    public abstract string Name { get; }

    /// <summary>Gets whether the lifecycle allows this command from a status (guards aside).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when the command may be tried from <paramref name="status"/>.</returns>
    public abstract bool IsLegalFrom(RiskStatus status);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The status the command leads to (the current one for commands that do not move the risk).</summary>
    internal abstract RiskStatus TargetFor(Risk risk);

    /// <summary>Returns why the command cannot be applied to a risk whose status allows it, or null.</summary>
    internal virtual string? Check(Risk risk) => null;

    /// <summary>Applies the command; called only after the status and guards were checked.</summary>
    internal abstract Risk ApplyTo(Risk risk);
}

/// <summary>Records the inherent assessment: Identified → Classified.</summary>
public sealed class ClassifyRisk : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="inherent">The inherent assessment (effect, likelihood, optional estimate).</param>
    /// <exception cref="ArgumentNullException"><paramref name="inherent"/> is null.</exception>
    public ClassifyRisk(RiskAssessment inherent) => Inherent = Preconditions.CheckNotNull(inherent);

    /// <summary>Gets the inherent assessment.</summary>
    public RiskAssessment Inherent { get; }

    /// <inheritdoc />
    public override string Name => "Classify";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status == RiskStatus.Identified;

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.Classified;

    internal override Risk ApplyTo(Risk risk) => risk.With(status: RiskStatus.Classified, inherent: Inherent);
}

/// <summary>Records the root cause (for an opportunity: what enables it): Classified → KnownError.</summary>
public sealed class RecordRootCause : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="rootCause">The root cause, from a root-cause analysis.</param>
    /// <exception cref="ArgumentException"><paramref name="rootCause"/> is null or blank.</exception>
    public RecordRootCause(string rootCause) => RootCause = Preconditions.CheckNotBlank(rootCause);

    /// <summary>Gets the root cause.</summary>
    public string RootCause { get; }

    /// <inheritdoc />
    public override string Name => "RecordRootCause";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status == RiskStatus.Classified;

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.KnownError;

    internal override Risk ApplyTo(Risk risk) => risk.With(status: RiskStatus.KnownError, rootCause: RootCause);
}

/// <summary>Adds a candidate measure to a known error; the status stays KnownError.</summary>
/// <remarks>Guards: the measure's kind matches the polarity (mitigate a threat, foster an opportunity) and its id is new for the risk.</remarks>
public sealed class AddMeasure : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="measure">The measure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    public AddMeasure(Measure measure) => Measure = Preconditions.CheckNotNull(measure);

    /// <summary>Gets the measure.</summary>
    public Measure Measure { get; }

    /// <inheritdoc />
    public override string Name => "AddMeasure";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status == RiskStatus.KnownError;

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.KnownError;

    internal override string? Check(Risk risk)
    {
        var fits = Measure.KindFor(risk.Polarity);
        if (Measure.Kind != fits)
        {
            return Preconditions.Invariant($"measure '{Measure.Id}' is {Measure.Kind}, but a {risk.Polarity.ToString().ToLowerInvariant()} needs {fits}.");
        }

        return risk.Measures.Any(m => m.Id == Measure.Id) ? Preconditions.Invariant($"the risk already has a measure '{Measure.Id}'.") : null;
    }

    internal override Risk ApplyTo(Risk risk) => risk.With(measures: risk.Measures.Add(Measure));
}

/// <summary>Selects the measure with the best business case: KnownError → MeasureSelected.</summary>
/// <remarks>
/// Guard: at least one measure exists. The selected measure is the best under <see cref="Comparer"/> (by default
/// <see cref="BusinessCase.DefaultComparer"/>), ties broken by measure id (ordinal).
/// </remarks>
public sealed class SelectMeasure : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="expectedResidual">The residual assessment expected once the measure works; optional.</param>
    /// <param name="comparer">Orders business cases best first; null for <see cref="BusinessCase.DefaultComparer"/>.</param>
    public SelectMeasure(RiskAssessment? expectedResidual = null, IComparer<BusinessCase>? comparer = null)
    {
        ExpectedResidual = expectedResidual;
        Comparer = comparer ?? BusinessCase.DefaultComparer;
    }

    /// <summary>Gets the expected residual assessment, if given.</summary>
    public RiskAssessment? ExpectedResidual { get; }

    /// <summary>Gets the comparison that decides the best business case.</summary>
    public IComparer<BusinessCase> Comparer { get; }

    /// <inheritdoc />
    public override string Name => "SelectMeasure";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status == RiskStatus.KnownError;

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.MeasureSelected;

    internal override string? Check(Risk risk) => risk.Measures.IsEmpty ? "no measure with a business case has been added." : null;

    internal override Risk ApplyTo(Risk risk) => risk.With(status: RiskStatus.MeasureSelected, selected: risk.BestMeasure(Comparer), residual: ExpectedResidual);
}

/// <summary>
/// Deploys the selected measure by raising its call (wish → W6, change request → W7, service request → W8):
/// MeasureSelected → MeasureDeployed.
/// </summary>
public sealed class DeployMeasure : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="raisedCallId">The id of the call raised for the measure; optional.</param>
    /// <exception cref="ArgumentException"><paramref name="raisedCallId"/> is given but blank.</exception>
    public DeployMeasure(string? raisedCallId = null) =>
        RaisedCallId = raisedCallId is null ? null : Preconditions.CheckNotBlank(raisedCallId);

    /// <summary>Gets the id of the raised call, if given.</summary>
    public string? RaisedCallId { get; }

    /// <inheritdoc />
    public override string Name => "DeployMeasure";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status == RiskStatus.MeasureSelected;

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.MeasureDeployed;

    internal override Risk ApplyTo(Risk risk) => risk.With(status: RiskStatus.MeasureDeployed, raisedCallId: RaisedCallId, deployedPattern: risk.SelectedMeasure!.Pattern);
}

/// <summary>Records that the workflow the measure started is fulfilled: MeasureDeployed → Fulfilled.</summary>
public sealed class FulfilRisk : RiskCommand
{
    /// <inheritdoc />
    public override string Name => "Fulfil";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status == RiskStatus.MeasureDeployed;

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.Fulfilled;

    internal override Risk ApplyTo(Risk risk) => risk.With(status: RiskStatus.Fulfilled);
}

/// <summary>Closes a fulfilled risk with its residual assessment: Fulfilled → Closed.</summary>
public sealed class CloseRisk : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="residual">The residual assessment at closure (required).</param>
    /// <exception cref="ArgumentNullException"><paramref name="residual"/> is null.</exception>
    public CloseRisk(RiskAssessment residual) => Residual = Preconditions.CheckNotNull(residual);

    /// <summary>Gets the residual assessment.</summary>
    public RiskAssessment Residual { get; }

    /// <inheritdoc />
    public override string Name => "Close";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status == RiskStatus.Fulfilled;

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.Closed;

    internal override Risk ApplyTo(Risk risk) => risk.With(status: RiskStatus.Closed, residual: Residual);
}

/// <summary>Rejects an open risk, with a reason: any open status → Rejected.</summary>
public sealed class RejectRisk : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="reason">Why the risk is rejected.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or blank.</exception>
    public RejectRisk(string reason) => Reason = Preconditions.CheckNotBlank(reason);

    /// <summary>Gets the reason.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string Name => "Reject";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status.IsOpen();

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.Rejected;

    internal override Risk ApplyTo(Risk risk) => risk.With(status: RiskStatus.Rejected, endReason: Reason);
}

/// <summary>Withdraws an open risk, with a reason: any open status → Withdrawn.</summary>
public sealed class WithdrawRisk : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="reason">Why the risk is withdrawn.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or blank.</exception>
    public WithdrawRisk(string reason) => Reason = Preconditions.CheckNotBlank(reason);

    /// <summary>Gets the reason.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string Name => "Withdraw";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status.IsOpen();

    internal override RiskStatus TargetFor(Risk risk) => RiskStatus.Withdrawn;

    internal override Risk ApplyTo(Risk risk) => risk.With(status: RiskStatus.Withdrawn, endReason: Reason);
}

/// <summary>Edits an open risk's descriptive fields and scope; the status does not change. Null leaves a field as it is.</summary>
public sealed class UpdateRiskDetails : RiskCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="title">A new title, or null.</param>
    /// <param name="description">A new description, or null.</param>
    /// <param name="category">A new category, or null.</param>
    /// <param name="resources">New affected resources (at least one), or null.</param>
    /// <param name="serviceIds">New service ids, or null.</param>
    /// <param name="micIds">New MIC ids, or null.</param>
    /// <param name="relatedRiskIds">New related risk ids, or null; the risk database checks that they exist.</param>
    /// <exception cref="ArgumentException">A given title or category is blank, the resources are empty, or an id is blank.</exception>
    public UpdateRiskDetails(string? title = null, string? description = null, string? category = null, IEnumerable<Resource>? resources = null, IEnumerable<string>? serviceIds = null, IEnumerable<string>? micIds = null, IEnumerable<string>? relatedRiskIds = null)
    {
        Title = title is null ? null : Preconditions.CheckNotBlank(title);
        Description = description;
        Category = category is null ? null : Preconditions.CheckNotBlank(category);
        Resources = resources is null ? null : Risk.NormaliseResources(resources, nameof(resources));
        ServiceIds = serviceIds is null ? null : Risk.NormaliseIds(serviceIds, nameof(serviceIds));
        MicIds = micIds is null ? null : Risk.NormaliseIds(micIds, nameof(micIds));
        RelatedRiskIds = relatedRiskIds is null ? null : Risk.NormaliseIds(relatedRiskIds, nameof(relatedRiskIds));
    }

    /// <summary>Gets the new title, or null.</summary>
    public string? Title { get; }

    /// <summary>Gets the new description, or null.</summary>
    public string? Description { get; }

    /// <summary>Gets the new category, or null.</summary>
    public string? Category { get; }

    /// <summary>Gets the new resources, or null.</summary>
    public ImmutableArray<Resource>? Resources { get; }

    /// <summary>Gets the new service ids, or null.</summary>
    public ImmutableArray<string>? ServiceIds { get; }

    /// <summary>Gets the new MIC ids, or null.</summary>
    public ImmutableArray<string>? MicIds { get; }

    /// <summary>Gets the new related risk ids, or null.</summary>
    public ImmutableArray<string>? RelatedRiskIds { get; }

    /// <inheritdoc />
    public override string Name => "UpdateDetails";

    /// <inheritdoc />
    public override bool IsLegalFrom(RiskStatus status) => status.IsOpen();

    internal override RiskStatus TargetFor(Risk risk) => risk.Status;

    internal override string? Check(Risk risk) =>
        RelatedRiskIds is { } related && related.Contains(risk.Id) ? Preconditions.Invariant($"risk '{risk.Id}' cannot be related to itself.") : null;

    internal override Risk ApplyTo(Risk risk) =>
        risk.With(title: Title, description: Description, category: Category, resources: Resources, serviceIds: ServiceIds, micIds: MicIds, relatedRiskIds: RelatedRiskIds);
}
