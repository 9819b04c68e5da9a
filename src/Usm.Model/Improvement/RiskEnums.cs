namespace Usm.Model.Improvement;

/// <summary>Whether a risk is negative (a threat) or positive (an opportunity, that is, an improvement).</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum RiskPolarity
{
    /// <summary>A negative risk: something that may harm the service. Its measures mitigate.</summary>
    Threat = 1,

    /// <summary>A positive risk: an improvement that may benefit the service. Its measures foster.</summary>
    Opportunity = 2,
}

/// <summary>Where a risk's lifecycle stands. The first seven are the main line; the last two end a risk early.</summary>
/// <remarks>
/// The main line is Identified → Classified → KnownError → MeasureSelected → MeasureDeployed → Fulfilled → Closed.
/// Rejected and Withdrawn can be reached from any open state. There is no member with the value 0.
/// </remarks>
public enum RiskStatus
{
    /// <summary>Registered in the risk database, not yet assessed.</summary>
    Identified = 1,

    /// <summary>Assessed: effect and likelihood (the inherent assessment) are recorded.</summary>
    Classified = 2,

    /// <summary>The root cause is recorded (USM coach term "known error").</summary>
    KnownError = 3,

    /// <summary>At least one measure with a business case exists and the best one is selected.</summary>
    MeasureSelected = 4,

    /// <summary>The selected measure is deployed by raising a wish, change request or service request (W6, W7 or W8).</summary>
    MeasureDeployed = 5,

    /// <summary>The workflow the measure started is fulfilled.</summary>
    Fulfilled = 6,

    /// <summary>Closed with the residual risk recorded.</summary>
    Closed = 7,

    /// <summary>Ended because the risk is not accepted as one to handle (with a reason).</summary>
    Rejected = 8,

    /// <summary>Ended because the reporter or owner withdrew it (with a reason).</summary>
    Withdrawn = 9,
}

/// <summary>The kind of a measure: it must match the polarity of its risk.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum MeasureKind
{
    /// <summary>Lowers the effect or the likelihood of a threat.</summary>
    Mitigate = 1,

    /// <summary>Raises the effect or the likelihood of an opportunity.</summary>
    Foster = 2,
}

/// <summary>How a risk came to be registered.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum RiskOriginKind
{
    /// <summary>Reported by a person (anyone may report a risk).</summary>
    ReportedByPerson = 1,

    /// <summary>Found by the evaluation of a closed call ("evaluate and close").</summary>
    ClosedCall = 2,

    /// <summary>Proposed by a gap in a baseline or interim scan.</summary>
    ScanGap = 3,
}

/// <summary>Extension helpers for <see cref="RiskStatus"/>.</summary>
public static class RiskStatusExtensions
{
    /// <summary>Gets whether a risk in this status is still open (not closed, rejected or withdrawn).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for Identified up to and including Fulfilled.</returns>
    public static bool IsOpen(this RiskStatus status) => status is >= RiskStatus.Identified and <= RiskStatus.Fulfilled;
}
