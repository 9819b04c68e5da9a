using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// Where a risk came from: a person who reported it, the evaluation of a closed call, or a gap found by a scan.
/// </summary>
/// <remarks>
/// Create instances with <see cref="ReportedBy"/>, <see cref="FromClosedCall"/> or <see cref="FromScanGap"/>.
/// Equality compares every property (ordinal for ids).
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskOrigin : IEquatable<RiskOrigin>
{
    private RiskOrigin(RiskOriginKind kind, string? personId, string? callId, string? scanId, string? scanItemId)
    {
        Kind = kind;
        PersonId = personId;
        CallId = callId;
        ScanId = scanId;
        ScanItemId = scanItemId;
    }

    /// <summary>Gets the kind of origin.</summary>
    public RiskOriginKind Kind { get; }

    /// <summary>Gets the id of the person who reported the risk, for <see cref="RiskOriginKind.ReportedByPerson"/>.</summary>
    public string? PersonId { get; }

    /// <summary>Gets the id of the closed call whose evaluation raised the risk, for <see cref="RiskOriginKind.ClosedCall"/>.</summary>
    public string? CallId { get; }

    /// <summary>Gets the id of the scan that found the gap, for <see cref="RiskOriginKind.ScanGap"/>.</summary>
    public string? ScanId { get; }

    /// <summary>Gets the id of the scan question or area that shows the gap, for <see cref="RiskOriginKind.ScanGap"/>.</summary>
    public string? ScanItemId { get; }

    /// <summary>Creates the origin of a risk reported by a person.</summary>
    /// <param name="personId">The reporter's id.</param>
    /// <returns>The origin.</returns>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is null or blank.</exception>
    public static RiskOrigin ReportedBy(string personId) => new(RiskOriginKind.ReportedByPerson, Preconditions.CheckNotBlank(personId), null, null, null);

    /// <summary>Creates the origin of a risk found by the evaluation of a closed call.</summary>
    /// <param name="callId">The call's id (its tracking number).</param>
    /// <returns>The origin.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is null or blank.</exception>
    public static RiskOrigin FromClosedCall(string callId) => new(RiskOriginKind.ClosedCall, null, Preconditions.CheckNotBlank(callId), null, null);

    /// <summary>Creates the origin of a risk proposed by a scan gap.</summary>
    /// <param name="scanId">The scan's id.</param>
    /// <param name="scanItemId">The id of the question or area that shows the gap.</param>
    /// <returns>The origin.</returns>
    /// <exception cref="ArgumentException"><paramref name="scanId"/> or <paramref name="scanItemId"/> is null or blank.</exception>
    public static RiskOrigin FromScanGap(string scanId, string scanItemId) =>
        new(RiskOriginKind.ScanGap, null, null, Preconditions.CheckNotBlank(scanId), Preconditions.CheckNotBlank(scanItemId));

    /// <inheritdoc />
    public bool Equals(RiskOrigin? other) =>
        other is not null && Kind == other.Kind && PersonId == other.PersonId && CallId == other.CallId && ScanId == other.ScanId && ScanItemId == other.ScanItemId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RiskOrigin other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, PersonId, CallId, ScanId, ScanItemId);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RiskOriginKind.ReportedByPerson => $"reported by {PersonId}",
        RiskOriginKind.ClosedCall => $"evaluation of call {CallId}",
        _ => $"gap {ScanItemId} in scan {ScanId}",
    };
}
