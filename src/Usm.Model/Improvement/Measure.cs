using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// A candidate measure for a risk: mitigate a threat or foster an opportunity, with a business case and the kind of
/// call its deployment raises.
/// </summary>
/// <remarks>
/// <para>Deploying a measure raises a wish (the risk then runs W6), a change request (W7) or a service request (W8);
/// see <see cref="WorkflowPattern.ForRiskMeasure"/>. The kind must match the risk's polarity; the risk checks that
/// when the measure is added.</para>
/// <para>Equality compares every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Measure : IEquatable<Measure>
{
    /// <summary>Creates a measure.</summary>
    /// <param name="id">The measure's id, unique within its risk.</param>
    /// <param name="title">A short title.</param>
    /// <param name="kind">Mitigate (threats) or foster (opportunities).</param>
    /// <param name="businessCase">The business case.</param>
    /// <param name="trigger">The call its deployment raises: a wish, a change request or a service request.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined, or <paramref name="trigger"/> is not a wish, change request or service request.</exception>
    public Measure(string id, string title, MeasureKind kind, BusinessCase businessCase, CallType trigger)
    {
        Id = Preconditions.CheckNotBlank(id);
        Title = Preconditions.CheckNotBlank(title);
        Kind = Preconditions.CheckDefined(kind);
        BusinessCase = Preconditions.CheckNotNull(businessCase);
        Pattern = WorkflowPattern.ForRiskMeasure(trigger);
        Trigger = trigger;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the kind.</summary>
    public MeasureKind Kind { get; }

    /// <summary>Gets the business case.</summary>
    public BusinessCase BusinessCase { get; }

    /// <summary>Gets the call type its deployment raises.</summary>
    public CallType Trigger { get; }

    /// <summary>Gets the workflow pattern its deployment starts: W6, W7 or W8.</summary>
    public WorkflowPattern Pattern { get; }

    /// <summary>Gets the measure kind that fits a polarity: mitigate for a threat, foster for an opportunity.</summary>
    /// <param name="polarity">The polarity.</param>
    /// <returns>The matching kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="polarity"/> is undefined.</exception>
    public static MeasureKind KindFor(RiskPolarity polarity) =>
        Preconditions.CheckDefined(polarity) == RiskPolarity.Threat ? MeasureKind.Mitigate : MeasureKind.Foster;

    /// <inheritdoc />
    public bool Equals(Measure? other) =>
        other is not null && Id == other.Id && Title == other.Title && Kind == other.Kind && BusinessCase.Equals(other.BusinessCase) && Trigger == other.Trigger;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Measure other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Title, Kind, BusinessCase, Trigger);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Kind}: {Title} → {Pattern.Code}";
}
