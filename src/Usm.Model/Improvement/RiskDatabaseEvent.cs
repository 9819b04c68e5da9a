using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>What a <see cref="RiskDatabaseEvent"/> records.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum RiskEventKind
{
    /// <summary>A risk was registered.</summary>
    Registered = 1,

    /// <summary>A command was applied to a registered risk.</summary>
    CommandApplied = 2,
}

/// <summary>
/// One entry of the risk database's event log: what changed, who changed it and when. Replaying the log from an
/// empty database rebuilds the database.
/// </summary>
/// <remarks>Equality compares every property; the command is compared by reference (commands are immutable values that the log shares).</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskDatabaseEvent : IEquatable<RiskDatabaseEvent>
{
    internal RiskDatabaseEvent(int sequence, Instant at, string actorId, RiskEventKind kind, string riskId, Risk? registered, RiskCommand? command, RiskStatus resultingStatus)
    {
        Sequence = sequence;
        At = at;
        ActorId = actorId;
        Kind = kind;
        RiskId = riskId;
        Registered = registered;
        Command = command;
        ResultingStatus = resultingStatus;
    }

    /// <summary>Gets the 1-based position in the log.</summary>
    public int Sequence { get; }

    /// <summary>Gets when the change was made (from the database's clock).</summary>
    public Instant At { get; }

    /// <summary>Gets the id of the person who made the change.</summary>
    public string ActorId { get; }

    /// <summary>Gets what kind of change this is.</summary>
    public RiskEventKind Kind { get; }

    /// <summary>Gets the id of the risk changed.</summary>
    public string RiskId { get; }

    /// <summary>Gets the risk as registered, for <see cref="RiskEventKind.Registered"/>.</summary>
    public Risk? Registered { get; }

    /// <summary>Gets the command applied, for <see cref="RiskEventKind.CommandApplied"/>.</summary>
    public RiskCommand? Command { get; }

    /// <summary>Gets the risk's status after the change.</summary>
    public RiskStatus ResultingStatus { get; }

    /// <inheritdoc />
    public bool Equals(RiskDatabaseEvent? other) =>
        other is not null && Sequence == other.Sequence && At == other.At && ActorId == other.ActorId && Kind == other.Kind
        && RiskId == other.RiskId && Equals(Registered, other.Registered) && ReferenceEquals(Command, other.Command) && ResultingStatus == other.ResultingStatus;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RiskDatabaseEvent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Sequence, At, ActorId, Kind, RiskId, ResultingStatus);

    /// <inheritdoc />
    public override string ToString() => Kind == RiskEventKind.Registered
        ? Preconditions.Invariant($"#{Sequence} {At} {ActorId} registered {RiskId}")
        : Preconditions.Invariant($"#{Sequence} {At} {ActorId} {Command!.Name} {RiskId} → {ResultingStatus}");
}
