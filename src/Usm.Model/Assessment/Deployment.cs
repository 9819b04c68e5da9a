using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>The three ways to adopt USM.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum AdoptionApproach
{
    /// <summary>Do it yourself: study the book and apply it.</summary>
    DoItYourself = 1,

    /// <summary>Training: USM Foundation or Professional courses, possibly for in-house experts who pass it on.</summary>
    Training = 2,

    /// <summary>Supported deployment: a certified USM coach supports the internal project leader.</summary>
    SupportedDeployment = 3,
}

/// <summary>A role in a USM deployment.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum DeploymentRole
{
    /// <summary>The sponsor (client, "opdrachtgever") who commissions the initiative.</summary>
    Sponsor = 1,

    /// <summary>The internal project leader (iPL); always internal.</summary>
    InternalProjectLeader = 2,

    /// <summary>A member of the steering group.</summary>
    SteeringGroupMember = 3,

    /// <summary>A certified USM coach from an accredited partner; only under supported deployment, never internal.</summary>
    Coach = 4,

    /// <summary>The internal tool administrator.</summary>
    InternalToolAdministrator = 5,

    /// <summary>An external tool expert who coaches the internal tool administrators.</summary>
    ExternalToolExpert = 6,
}

/// <summary>Whether a person is staff or a manager, for the sounding-board rule.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum StaffPosition
{
    /// <summary>Staff: an employee without management authority.</summary>
    Staff = 1,

    /// <summary>A manager (line or process manager).</summary>
    Manager = 2,
}

/// <summary>A person in a deployment role.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class DeploymentParticipant : IEquatable<DeploymentParticipant>
{
    /// <summary>Creates a participant.</summary>
    /// <param name="personId">The person's id (in the people model, when the person is internal).</param>
    /// <param name="name">The person's name.</param>
    /// <param name="role">The role.</param>
    /// <param name="isInternal">Whether the person belongs to the organisation.</param>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    /// <exception cref="ArgumentException">A text is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is undefined.</exception>
    public DeploymentParticipant(string personId, string name, DeploymentRole role, bool isInternal)
    {
        PersonId = Preconditions.CheckNotBlank(personId);
        Name = Preconditions.CheckNotBlank(name);
        Role = Preconditions.CheckDefined(role);
        IsInternal = isInternal;
    }

    /// <summary>Gets the person's id.</summary>
    public string PersonId { get; }

    /// <summary>Gets the person's name.</summary>
    public string Name { get; }

    /// <summary>Gets the role.</summary>
    public DeploymentRole Role { get; }

    /// <summary>Gets whether the person belongs to the organisation.</summary>
    public bool IsInternal { get; }

    /// <inheritdoc />
    public bool Equals(DeploymentParticipant? other) => other is not null && PersonId == other.PersonId && Name == other.Name && Role == other.Role && IsInternal == other.IsInternal;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DeploymentParticipant other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PersonId, Name, Role, IsInternal);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({PersonId}): {Role}{(IsInternal ? string.Empty : ", external")}";
}

/// <summary>A phase of a deployment. Phases are data: intake and plan are given, later phases are the organisation's.</summary>
/// <remarks>Equality compares the id and the name.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class DeploymentPhase : IEquatable<DeploymentPhase>
{
    /// <summary>Creates a phase.</summary>
    /// <param name="id">The id, unique within the deployment.</param>
    /// <param name="name">The name.</param>
    /// <param name="description">An optional description.</param>
    /// <exception cref="ArgumentNullException">A required text is null.</exception>
    /// <exception cref="ArgumentException">A required text is blank.</exception>
    public DeploymentPhase(string id, string name, string? description = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotBlank(name);
        Description = description;
    }

    /// <summary>Gets the intake phase (INTAKE): the coach establishes the current way of working, ending with a USM scan.</summary>
    public static DeploymentPhase Intake { get; } = new("intake", "Intake", "Establish the current way of working in growing detail: talks, documents, and a baseline scan.");

    /// <summary>Gets the plan phase (PLANNEN): the improvement is planned in more detail.</summary>
    public static DeploymentPhase Plan { get; } = new("plan", "Plan", "Work out the current situation in more detail and plan the improvement sprints.");

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <inheritdoc />
    public bool Equals(DeploymentPhase? other) => other is not null && Id == other.Id && Name == other.Name && Description == other.Description;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DeploymentPhase other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Description);

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Name;
}

/// <summary>One entry of a communication plan: who is told what, how, and when.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CommunicationItem : IEquatable<CommunicationItem>
{
    /// <summary>Creates an entry.</summary>
    /// <param name="audience">Who is addressed, for example "all staff" or "customers".</param>
    /// <param name="message">What is communicated.</param>
    /// <param name="channel">How, for example "staff meeting" or "newsletter".</param>
    /// <param name="date">When, if planned for a date.</param>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    /// <exception cref="ArgumentException">A text is blank, or <paramref name="date"/> is not in the ISO calendar.</exception>
    public CommunicationItem(string audience, string message, string channel, LocalDate? date = null)
    {
        Audience = Preconditions.CheckNotBlank(audience);
        Message = Preconditions.CheckNotBlank(message);
        Channel = Preconditions.CheckNotBlank(channel);
        Date = date is { } d ? Preconditions.CheckIso(d, nameof(date)) : null;
    }

    /// <summary>Gets the audience.</summary>
    public string Audience { get; }

    /// <summary>Gets the message.</summary>
    public string Message { get; }

    /// <summary>Gets the channel.</summary>
    public string Channel { get; }

    /// <summary>Gets the planned date, if any.</summary>
    public LocalDate? Date { get; }

    /// <inheritdoc />
    public bool Equals(CommunicationItem? other) => other is not null && Audience == other.Audience && Message == other.Message && Channel == other.Channel && Date == other.Date;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CommunicationItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Audience, Message, Channel, Date);

    /// <inheritdoc />
    public override string ToString() => $"{Audience} via {Channel}: {Message}";
}

/// <summary>
/// A USM deployment: the adoption approach, the people in deployment roles, the phases, the communication plan and the
/// sounding-board group.
/// </summary>
/// <remarks>
/// <para>Rules enforced at construction: exactly one internal project leader, who is internal; a coach only under
/// <see cref="AdoptionApproach.SupportedDeployment"/>, and never internal; phase ids unique; a person holds each role
/// at most once. The sounding board is checked against the people model by <see cref="WithSoundingBoard"/>.</para>
/// <para>Every change returns a new deployment.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Deployment
{
    /// <summary>Creates a deployment.</summary>
    /// <param name="name">The initiative's name.</param>
    /// <param name="approach">The adoption approach.</param>
    /// <param name="participants">The people in deployment roles.</param>
    /// <param name="phases">The phases in order; null for intake and plan.</param>
    /// <param name="communicationPlan">The communication plan; null for none yet.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or a collection holds null.</exception>
    /// <exception cref="ArgumentException">A rule in the remarks is broken; the message names the person or phase.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="approach"/> is undefined.</exception>
    public Deployment(string name, AdoptionApproach approach, IEnumerable<DeploymentParticipant> participants, IEnumerable<DeploymentPhase>? phases = null, IEnumerable<CommunicationItem>? communicationPlan = null)
        : this(name, approach, participants, phases ?? [DeploymentPhase.Intake, DeploymentPhase.Plan], communicationPlan ?? [], [])
    {
    }

    private Deployment(string name, AdoptionApproach approach, IEnumerable<DeploymentParticipant> participants, IEnumerable<DeploymentPhase> phases, IEnumerable<CommunicationItem> communicationPlan, ImmutableArray<string> soundingBoard)
    {
        Name = Preconditions.CheckNotBlank(name);
        Approach = Preconditions.CheckDefined(approach);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(communicationPlan);
        Participants = [.. participants];
        Phases = [.. phases];
        CommunicationPlan = [.. communicationPlan];
        SoundingBoard = soundingBoard;
        Preconditions.CheckNoNulls(Participants, nameof(participants), "A deployment cannot hold a null participant.");
        Preconditions.CheckNoNulls(Phases, nameof(phases), "A deployment cannot hold a null phase.");
        Preconditions.CheckNoNulls(CommunicationPlan, nameof(communicationPlan), "A communication plan cannot hold a null entry.");

        var leaders = Participants.Where(p => p.Role == DeploymentRole.InternalProjectLeader).ToList();
        Preconditions.CheckArgument(leaders.Count == 1, nameof(participants), Preconditions.Invariant($"A deployment needs exactly one internal project leader, but '{name}' has {leaders.Count}."));
        Preconditions.CheckArgument(leaders[0].IsInternal, nameof(participants), Preconditions.Invariant($"The project leader '{leaders[0].PersonId}' must be internal: USM deployments are led from inside the organisation."));
        foreach (var coach in Participants.Where(p => p.Role == DeploymentRole.Coach))
        {
            Preconditions.CheckArgument(approach == AdoptionApproach.SupportedDeployment, nameof(participants), Preconditions.Invariant($"'{coach.PersonId}' is a coach, but a coach only exists under supported deployment, not {approach}."));
            Preconditions.CheckArgument(!coach.IsInternal, nameof(participants), Preconditions.Invariant($"The coach '{coach.PersonId}' must come from an accredited partner, not from inside the organisation."));
        }

        var roles = new HashSet<(string, DeploymentRole)>();
        foreach (var p in Participants)
        {
            Preconditions.CheckArgument(roles.Add((p.PersonId, p.Role)), nameof(participants), Preconditions.Invariant($"'{p.PersonId}' holds the role {p.Role} twice."));
        }

        var phaseIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phase in Phases)
        {
            Preconditions.CheckArgument(phaseIds.Add(phase.Id), nameof(phases), Preconditions.Invariant($"The phase id '{phase.Id}' appears twice."));
        }
    }

    /// <summary>Gets the initiative's name.</summary>
    public string Name { get; }

    /// <summary>Gets the adoption approach.</summary>
    public AdoptionApproach Approach { get; }

    /// <summary>Gets the participants.</summary>
    public ImmutableArray<DeploymentParticipant> Participants { get; }

    /// <summary>Gets the phases, in order.</summary>
    public ImmutableArray<DeploymentPhase> Phases { get; }

    /// <summary>Gets the communication plan.</summary>
    public ImmutableArray<CommunicationItem> CommunicationPlan { get; }

    /// <summary>Gets the person ids of the sounding-board group, sorted ordinally; all checked to be staff.</summary>
    public ImmutableArray<string> SoundingBoard { get; }

    /// <summary>Gets the internal project leader.</summary>
    public DeploymentParticipant ProjectLeader => Participants.Single(p => p.Role == DeploymentRole.InternalProjectLeader);

    /// <summary>Gets the sponsor, if named.</summary>
    public DeploymentParticipant? Sponsor => Participants.FirstOrDefault(p => p.Role == DeploymentRole.Sponsor);

    /// <summary>Gets the coach, if any (only under supported deployment).</summary>
    public DeploymentParticipant? Coach => Participants.FirstOrDefault(p => p.Role == DeploymentRole.Coach);

    /// <summary>Gets the steering group's members.</summary>
    public ImmutableArray<DeploymentParticipant> SteeringGroup => [.. Participants.Where(p => p.Role == DeploymentRole.SteeringGroupMember)];

    /// <summary>Returns a deployment with one more participant.</summary>
    /// <param name="participant">The participant.</param>
    /// <returns>A new deployment.</returns>
    /// <exception cref="ArgumentException">A rule is broken (see the type remarks).</exception>
    public Deployment WithParticipant(DeploymentParticipant participant) =>
        new(Name, Approach, Participants.Add(Preconditions.CheckNotNull(participant)), Phases, CommunicationPlan, SoundingBoard);

    /// <summary>Returns a deployment with another adoption approach.</summary>
    /// <param name="approach">The approach.</param>
    /// <returns>A new deployment.</returns>
    /// <exception cref="ArgumentException">The deployment has a coach and <paramref name="approach"/> is not supported deployment.</exception>
    public Deployment WithApproach(AdoptionApproach approach) => new(Name, approach, Participants, Phases, CommunicationPlan, SoundingBoard);

    /// <summary>Returns a deployment with a phase appended.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>A new deployment.</returns>
    /// <exception cref="ArgumentException">The phase id is already used.</exception>
    public Deployment WithPhase(DeploymentPhase phase) => new(Name, Approach, Participants, Phases.Add(Preconditions.CheckNotNull(phase)), CommunicationPlan, SoundingBoard);

    /// <summary>Returns a deployment with an entry appended to the communication plan.</summary>
    /// <param name="item">The entry.</param>
    /// <returns>A new deployment.</returns>
    public Deployment WithCommunication(CommunicationItem item) => new(Name, Approach, Participants, Phases, CommunicationPlan.Add(Preconditions.CheckNotNull(item)), SoundingBoard);

    /// <summary>
    /// Returns a deployment with a sounding-board group, checked against the people model: every member must be a known
    /// person who is staff, not a manager.
    /// </summary>
    /// <param name="personIds">The members' person ids; at least one, no repeats.</param>
    /// <param name="positionOf">
    /// Looks a person up in the people model: <see cref="StaffPosition.Staff"/>, <see cref="StaffPosition.Manager"/>,
    /// or null for an unknown person. For example, a person who holds a line- or process-manager profile is a manager.
    /// </param>
    /// <returns>A new deployment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">There are no members, an id repeats, a person is unknown, or a member is a manager; the message names the person.</exception>
    public Deployment WithSoundingBoard(IEnumerable<string> personIds, Func<string, StaffPosition?> positionOf)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(positionOf);
        var ids = personIds.ToList();
        Preconditions.CheckArgument(ids.Count > 0, nameof(personIds), "A sounding-board group needs at least one member.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            Preconditions.CheckNotBlank(id, nameof(personIds));
            Preconditions.CheckArgument(seen.Add(id), nameof(personIds), Preconditions.Invariant($"'{id}' appears twice in the sounding-board group."));
            var position = positionOf(id);
            Preconditions.CheckArgument(position is not null, nameof(personIds), Preconditions.Invariant($"'{id}' is not a known person in the people model."));
            Preconditions.CheckArgument(position == StaffPosition.Staff, nameof(personIds), Preconditions.Invariant($"'{id}' is a manager; a sounding-board group consists of staff, not managers."));
        }

        return new(Name, Approach, Participants, Phases, CommunicationPlan, [.. ids.Order(StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Name}: {Approach}, led by {ProjectLeader.Name}, {Phases.Length} phases, sounding board of {SoundingBoard.Length}");
}
