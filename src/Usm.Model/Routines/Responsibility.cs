using Usm.Model.Internal;

namespace Usm.Model.Routines;

/// <summary>The RACI roles one profile holds for one activity.</summary>
/// <remarks>Equality compares the profile id (ordinally) and the roles.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Responsibility : IEquatable<Responsibility>
{
    /// <summary>Creates a responsibility.</summary>
    /// <param name="profileId">The profile's id (a role or a position).</param>
    /// <param name="roles">The RACI roles; may be <see cref="RaciRoles.None"/>, which <see cref="Conformance.ConformanceChecker"/> reports.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profileId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="profileId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="roles"/> holds bits outside R, A, C and I.</exception>
    public Responsibility(string profileId, RaciRoles roles)
    {
        ProfileId = Preconditions.CheckNotBlank(profileId);
        if ((roles & ~(RaciRoles.Responsible | RaciRoles.Accountable | RaciRoles.Consulted | RaciRoles.Informed)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(roles), roles, Preconditions.Invariant($"RACI roles hold undefined bits: {(int)roles}."));
        }

        Roles = roles;
    }

    /// <summary>Gets the profile id.</summary>
    public string ProfileId { get; }

    /// <summary>Gets the RACI roles.</summary>
    public RaciRoles Roles { get; }

    /// <summary>Gets whether the profile is responsible.</summary>
    public bool IsResponsible => (Roles & RaciRoles.Responsible) != 0;

    /// <summary>Gets whether the profile is accountable.</summary>
    public bool IsAccountable => (Roles & RaciRoles.Accountable) != 0;

    /// <inheritdoc />
    public bool Equals(Responsibility? other) => other is not null && ProfileId == other.ProfileId && Roles == other.Roles;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Responsibility other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ProfileId, Roles);

    /// <inheritdoc />
    public override string ToString() => $"{ProfileId}: {Roles}";
}
