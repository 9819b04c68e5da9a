using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// A risk in USM's sense: a threat (negative) or an opportunity (positive, an improvement). Every improvement is
/// registered and handled as a risk by the Improve process.
/// </summary>
/// <remarks>
/// <para>A new risk is <see cref="RiskStatus.Identified"/>. Its lifecycle moves only through
/// <see cref="RiskCommand"/>s: <see cref="Apply"/> returns a new risk or throws
/// <see cref="InvalidRiskTransitionException"/>; <see cref="TryApply"/> returns a result instead. The risk itself is
/// never changed.</para>
/// <para>Resources, service ids and MIC ids are held sorted (enum order, ordinal) and without duplicates. Equality
/// compares every property, so two risks built by the same commands are equal.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Risk : IEquatable<Risk>
{
    /// <summary>Creates an identified risk.</summary>
    /// <param name="id">The risk's id (its tracking number), unique in the risk database.</param>
    /// <param name="title">A short title.</param>
    /// <param name="description">A description; may be empty.</param>
    /// <param name="polarity">Threat or opportunity.</param>
    /// <param name="origin">Who or what raised it.</param>
    /// <param name="resources">The affected resources: at least one of people, process and technology.</param>
    /// <param name="category">The organisation's category, for example "operational".</param>
    /// <param name="serviceIds">The ids of the affected services; may be empty.</param>
    /// <param name="micIds">The ids of the affected managed infrastructure components (MICs); may be empty.</param>
    /// <param name="relatedRiskIds">The ids of related risks; the risk database checks that they exist.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">An id, the title or the category is blank; no resource is given; an id in a list is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="polarity"/> or a resource is undefined.</exception>
    public Risk(string id, string title, string description, RiskPolarity polarity, RiskOrigin origin, IEnumerable<Resource> resources, string category, IEnumerable<string>? serviceIds = null, IEnumerable<string>? micIds = null, IEnumerable<string>? relatedRiskIds = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Title = Preconditions.CheckNotBlank(title);
        Description = Preconditions.CheckNotNull(description);
        Polarity = Preconditions.CheckDefined(polarity);
        Origin = Preconditions.CheckNotNull(origin);
        Resources = NormaliseResources(resources);
        Category = Preconditions.CheckNotBlank(category);
        ServiceIds = NormaliseIds(serviceIds ?? [], nameof(serviceIds));
        MicIds = NormaliseIds(micIds ?? [], nameof(micIds));
        RelatedRiskIds = NormaliseIds(relatedRiskIds ?? [], nameof(relatedRiskIds));
        CheckNotSelfRelated(Id, RelatedRiskIds);
        Status = RiskStatus.Identified;
        Measures = [];
    }

    // The reader's path: every list already normalised, checked by the caller (see CreateNormalised); the scalar
    // arguments are checked here in the same order as the public constructor, so a bad one throws the same exception.
    private Risk(string id, string title, string description, RiskPolarity polarity, RiskOrigin origin, Resource[] resources, string category, string[] serviceIds, string[] micIds, string[] relatedRiskIds)
    {
        Id = Preconditions.CheckNotBlank(id);
        Title = Preconditions.CheckNotBlank(title);
        Description = Preconditions.CheckNotNull(description);
        Polarity = Preconditions.CheckDefined(polarity);
        Origin = Preconditions.CheckNotNull(origin);
        Resources = ImmutableCollectionsMarshal.AsImmutableArray(resources);
        Category = Preconditions.CheckNotBlank(category);
        ServiceIds = ImmutableCollectionsMarshal.AsImmutableArray(serviceIds);
        MicIds = ImmutableCollectionsMarshal.AsImmutableArray(micIds);
        RelatedRiskIds = ImmutableCollectionsMarshal.AsImmutableArray(relatedRiskIds);
        CheckNotSelfRelated(Id, RelatedRiskIds);
        Status = RiskStatus.Identified;
        Measures = [];
    }

    private Risk(Risk source)
    {
        Id = source.Id;
        Title = source.Title;
        Description = source.Description;
        Polarity = source.Polarity;
        Origin = source.Origin;
        Resources = source.Resources;
        Category = source.Category;
        ServiceIds = source.ServiceIds;
        MicIds = source.MicIds;
        RelatedRiskIds = source.RelatedRiskIds;
        Status = source.Status;
        Inherent = source.Inherent;
        RootCause = source.RootCause;
        Measures = source.Measures;
        SelectedMeasure = source.SelectedMeasure;
        Residual = source.Residual;
        RaisedCallId = source.RaisedCallId;
        DeployedPattern = source.DeployedPattern;
        EndReason = source.EndReason;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; private init; }

    /// <summary>Gets the description.</summary>
    public string Description { get; private init; }

    /// <summary>Gets the polarity.</summary>
    public RiskPolarity Polarity { get; }

    /// <summary>Gets the origin.</summary>
    public RiskOrigin Origin { get; }

    /// <summary>Gets the affected resources, in enum order; never empty.</summary>
    public ImmutableArray<Resource> Resources { get; private init; }

    /// <summary>Gets the category.</summary>
    public string Category { get; private init; }

    /// <summary>Gets the ids of the affected services, sorted ordinally.</summary>
    public ImmutableArray<string> ServiceIds { get; private init; }

    /// <summary>Gets the ids of the affected MICs, sorted ordinally.</summary>
    public ImmutableArray<string> MicIds { get; private init; }

    /// <summary>Gets the ids of related risks, sorted ordinally.</summary>
    public ImmutableArray<string> RelatedRiskIds { get; private init; }

    /// <summary>Gets the lifecycle status.</summary>
    public RiskStatus Status { get; private init; }

    /// <summary>Gets whether the risk is still open (not closed, rejected or withdrawn).</summary>
    public bool IsOpen => Status.IsOpen();

    /// <summary>Gets the inherent assessment, recorded by <see cref="ClassifyRisk"/>; null while identified.</summary>
    public RiskAssessment? Inherent { get; private init; }

    /// <summary>Gets the root cause, recorded by <see cref="RecordRootCause"/>.</summary>
    public string? RootCause { get; private init; }

    /// <summary>Gets the candidate measures, in the order they were added.</summary>
    public ImmutableArray<Measure> Measures { get; private init; }

    /// <summary>Gets the selected measure, once <see cref="SelectMeasure"/> has run.</summary>
    public Measure? SelectedMeasure { get; private init; }

    /// <summary>Gets the residual assessment: expected when the measure is selected, recorded again at closure.</summary>
    public RiskAssessment? Residual { get; private init; }

    /// <summary>Gets the workflow pattern started when the measure was deployed (W6, W7 or W8), or null before; it stays set if the risk is later rejected or withdrawn.</summary>
    public WorkflowPattern? DeployedPattern { get; private init; }

    /// <summary>Gets the id of the call raised when the measure was deployed, if one was given.</summary>
    public string? RaisedCallId { get; private init; }

    /// <summary>Gets the reason given when the risk was rejected or withdrawn.</summary>
    public string? EndReason { get; private init; }

    /// <summary>Gets the signed expected value of the inherent assessment (threats negative, opportunities positive); zero without an estimate.</summary>
    public double SignedExpectedValue => Inherent?.SignedExpectedValue(Polarity) ?? 0;

    /// <summary>Gets the effort of the selected measure, or else of the best candidate by <see cref="BusinessCase.DefaultComparer"/>; null without measures.</summary>
    public int? Effort => (SelectedMeasure ?? BestMeasure(BusinessCase.DefaultComparer))?.BusinessCase.Effort;

    /// <summary>Applies a command and returns the new risk.</summary>
    /// <param name="command">The command.</param>
    /// <returns>A new risk; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="InvalidRiskTransitionException">The command is not legal now; the message names the risk and both states.</exception>
    public Risk Apply(RiskCommand command)
    {
        var result = TryApply(command);
        return result.Error is null ? result.Risk : throw result.Error;
    }

    /// <summary>Tries to apply a command.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The new risk, or the refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    public RiskTransitionResult TryApply(RiskCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var target = command.TargetFor(this);
        if (!command.IsLegalFrom(Status))
        {
            var legal = string.Join(", ", Enum.GetValues<RiskStatus>().Where(command.IsLegalFrom));
            return RiskTransitionResult.Failure(this, new InvalidRiskTransitionException(Id, Status, target, $"{command.Name} is allowed only from {legal}."));
        }

        var refusal = command.Check(this);
        return refusal is null
            ? RiskTransitionResult.Success(command.ApplyTo(this))
            : RiskTransitionResult.Failure(this, new InvalidRiskTransitionException(Id, Status, target, refusal));
    }

    /// <summary>Gets whether a command would be applied now.</summary>
    /// <param name="command">The command.</param>
    /// <returns><see langword="true"/> when <see cref="Apply"/> would succeed.</returns>
    public bool CanApply(RiskCommand command) => TryApply(command).Succeeded;

    /// <summary>Gets the best candidate measure under a comparison (best first; ties broken by measure id, ordinal).</summary>
    /// <param name="comparer">Orders business cases best first.</param>
    /// <returns>The best measure, or null when there are none.</returns>
    public Measure? BestMeasure(IComparer<BusinessCase> comparer)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        Measure? best = null;
        foreach (var m in Measures)
        {
            if (best is null)
            {
                best = m;
                continue;
            }

            var c = comparer.Compare(m.BusinessCase, best.BusinessCase);
            if (c < 0 || (c == 0 && string.CompareOrdinal(m.Id, best.Id) < 0))
            {
                best = m;
            }
        }

        return best;
    }

    /// <inheritdoc />
    public bool Equals(Risk? other) =>
        other is not null
        && Id == other.Id && Title == other.Title && Description == other.Description && Polarity == other.Polarity
        && Origin.Equals(other.Origin) && Resources.SequenceEqual(other.Resources) && Category == other.Category
        && ServiceIds.SequenceEqual(other.ServiceIds, StringComparer.Ordinal) && MicIds.SequenceEqual(other.MicIds, StringComparer.Ordinal)
        && RelatedRiskIds.SequenceEqual(other.RelatedRiskIds, StringComparer.Ordinal)
        && Status == other.Status && Equals(Inherent, other.Inherent) && RootCause == other.RootCause
        && Measures.SequenceEqual(other.Measures) && Equals(SelectedMeasure, other.SelectedMeasure)
        && Equals(Residual, other.Residual) && RaisedCallId == other.RaisedCallId && DeployedPattern == other.DeployedPattern && EndReason == other.EndReason;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Risk other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Status, Title, Measures.Length);

    /// <inheritdoc />
    public override string ToString() => $"{Id} [{Status}] {Polarity}: {Title}";

    internal Risk With(
        RiskStatus? status = null,
        RiskAssessment? inherent = null,
        string? rootCause = null,
        ImmutableArray<Measure>? measures = null,
        Measure? selected = null,
        RiskAssessment? residual = null,
        string? raisedCallId = null,
        WorkflowPattern? deployedPattern = null,
        string? endReason = null,
        string? title = null,
        string? description = null,
        string? category = null,
        ImmutableArray<Resource>? resources = null,
        ImmutableArray<string>? serviceIds = null,
        ImmutableArray<string>? micIds = null,
        ImmutableArray<string>? relatedRiskIds = null) => new(this)
        {
            Status = status ?? Status,
            Inherent = inherent ?? Inherent,
            RootCause = rootCause ?? RootCause,
            Measures = measures ?? Measures,
            SelectedMeasure = selected ?? SelectedMeasure,
            Residual = residual ?? Residual,
            RaisedCallId = raisedCallId ?? RaisedCallId,
            DeployedPattern = deployedPattern ?? DeployedPattern,
            EndReason = endReason ?? EndReason,
            Title = title ?? Title,
            Description = description ?? Description,
            Category = category ?? Category,
            Resources = resources ?? Resources,
            ServiceIds = serviceIds ?? ServiceIds,
            MicIds = micIds ?? MicIds,
            RelatedRiskIds = relatedRiskIds ?? RelatedRiskIds,
        };

    /// <summary>
    /// Creates an identified risk equal to what the public constructor gives for the same arguments, without its
    /// sorted sets when the lists are already normalised: <paramref name="resources"/> strictly ascending, defined and
    /// not empty; each id list strictly ascending (ordinal) and free of blank ids. One linear pass checks that; any
    /// other input goes through the public constructor's normalisation (and its exceptions). The arrays become the
    /// risk's own: the caller must not change them afterwards.
    /// </summary>
    internal static Risk CreateNormalised(string id, string title, string description, RiskPolarity polarity, RiskOrigin origin, Resource[] resources, string category, string[]? serviceIds, string[]? micIds, string[]? relatedRiskIds)
    {
        // A null list means none, as in the public constructor (a null array would otherwise pass as an empty span).
        serviceIds ??= [];
        micIds ??= [];
        relatedRiskIds ??= [];
        return resources is not null && IsNormalised(resources) && IsNormalised(serviceIds) && IsNormalised(micIds) && IsNormalised(relatedRiskIds)
            ? new Risk(id, title, description, polarity, origin, resources, category, serviceIds, micIds, relatedRiskIds)
            : new Risk(id, title, description, polarity, origin, (IEnumerable<Resource>)resources!, category, serviceIds, micIds, relatedRiskIds);
    }

    /// <summary>Whether the resources are defined, strictly ascending (so free of duplicates) and not empty.</summary>
    internal static bool IsNormalised(ReadOnlySpan<Resource> resources)
    {
        if (resources.IsEmpty)
        {
            return false;
        }

        for (var i = 0; i < resources.Length; i++)
        {
            if (!Enum.IsDefined(resources[i]) || (i > 0 && resources[i - 1] >= resources[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the ids are none blank and strictly ascending in ordinal order (so free of duplicates).</summary>
    internal static bool IsNormalised(ReadOnlySpan<string> ids)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]) || (i > 0 && string.CompareOrdinal(ids[i - 1], ids[i]) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckNotSelfRelated(string id, ImmutableArray<string> relatedRiskIds)
    {
        if (relatedRiskIds.Contains(id))
        {
            throw new ArgumentException(Preconditions.Invariant($"Risk '{id}' cannot be related to itself."), nameof(relatedRiskIds));
        }
    }

    internal static ImmutableArray<Resource> NormaliseResources(IEnumerable<Resource> resources, string paramName = "resources")
    {
        ArgumentNullException.ThrowIfNull(resources, paramName);
        var set = new SortedSet<Resource>();
        foreach (var r in resources)
        {
            set.Add(Preconditions.CheckDefined(r, paramName));
        }

        Preconditions.CheckArgument(set.Count > 0, paramName, "A risk must affect at least one resource (people, process or technology).");
        return [.. set];
    }

    internal static ImmutableArray<string> NormaliseIds(IEnumerable<string> ids, string paramName)
    {
        ArgumentNullException.ThrowIfNull(ids, paramName);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException(Preconditions.Invariant($"An id in '{paramName}' is blank: '{id}'."), paramName);
            }

            set.Add(id);
        }

        return [.. set];
    }
}
