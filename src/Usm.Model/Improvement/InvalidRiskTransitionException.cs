namespace Usm.Model.Improvement;

/// <summary>
/// Thrown when a <see cref="RiskCommand"/> is not legal for a risk in its current state: the lifecycle does not allow
/// the step, or a guard of the step fails (for example, selecting a measure when none has been proposed).
/// </summary>
/// <remarks>The message names the risk, the current state and the state the command leads to.</remarks>
public sealed class InvalidRiskTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="riskId">The risk's id.</param>
    /// <param name="from">The risk's current status.</param>
    /// <param name="to">The status the command leads to.</param>
    /// <param name="reason">Why the command is not legal.</param>
    public InvalidRiskTransitionException(string riskId, RiskStatus from, RiskStatus to, string reason)
        : base($"Risk '{riskId}' cannot go from {from} to {to}: {reason}")
    {
        RiskId = riskId;
        From = from;
        To = to;
        Reason = reason;
    }

    /// <summary>Gets the risk's id.</summary>
    public string RiskId { get; }

    /// <summary>Gets the risk's status when the command was tried.</summary>
    public RiskStatus From { get; }

    /// <summary>Gets the status the command leads to.</summary>
    public RiskStatus To { get; }

    /// <summary>Gets why the command is not legal.</summary>
    public string Reason { get; }
}

/// <summary>The result of <see cref="Risk.TryApply"/>: the new risk, or why the command was refused.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskTransitionResult
{
    private RiskTransitionResult(Risk risk, InvalidRiskTransitionException? error)
    {
        Risk = risk;
        Error = error;
    }

    /// <summary>Gets whether the command was applied.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Gets the new risk on success, or the unchanged risk on failure.</summary>
    public Risk Risk { get; }

    /// <summary>Gets the refusal on failure (not thrown), or null on success.</summary>
    public InvalidRiskTransitionException? Error { get; }

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Applied: {Risk.Id} is {Risk.Status}." : Error!.Message;

    internal static RiskTransitionResult Success(Risk risk) => new(risk, null);

    internal static RiskTransitionResult Failure(Risk risk, InvalidRiskTransitionException error) => new(risk, error);
}
