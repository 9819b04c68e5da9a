using System.Globalization;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The discrimination thresholds of one ELECTRE TRI-B criterion, in the criterion's own unit: the indifference
/// threshold q, the preference threshold p and, optionally, the veto threshold v, with 0 ≤ q ≤ p ≤ v.
/// </summary>
/// <remarks>
/// <para>The thresholds are constant: the same q, p and v apply wherever on the scale the two values lie (the affine
/// thresholds of the original method, q = α + β·g, are not built). Each is a size of a disadvantage: how far the first
/// of two objects (a candidate or a profile) may fall behind the second on this criterion.</para>
/// <para><b>Concordance.</b> A disadvantage of at most q keeps the criterion's full concordance (1); one of at least p
/// removes it (0); in between it falls linearly. With q = p it is a step: up to q gives 1, anything more 0.</para>
/// <para><b>Discordance.</b> Without a veto the criterion never objects (0). With one, a disadvantage of at most p does
/// not object (0), one of at least v objects fully (1: a veto), and in between the objection grows linearly. With
/// v = p it is a step: up to p gives 0, anything more 1.</para>
/// <para>Equality compares q, p and v.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ElectreTriThresholds : IEquatable<ElectreTriThresholds>
{
    /// <summary>Creates thresholds.</summary>
    /// <param name="indifference">q: the largest disadvantage that still counts as none; finite and not negative.</param>
    /// <param name="preference">p: the smallest disadvantage that removes the criterion's support entirely; finite and at least q.</param>
    /// <param name="veto">v: the smallest disadvantage that vetoes the outranking whatever the other criteria say; finite and at least p, or null for no veto.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is NaN, infinite or negative, p is below q, or v is below p (the message names both values).</exception>
    public ElectreTriThresholds(double indifference, double preference, double? veto = null)
    {
        if (!double.IsFinite(indifference) || indifference < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(indifference), indifference, Preconditions.Invariant($"The indifference threshold q = {indifference} must be finite and not negative."));
        }

        if (!double.IsFinite(preference) || preference < indifference)
        {
            throw new ArgumentOutOfRangeException(nameof(preference), preference, Preconditions.Invariant($"The preference threshold p = {preference} must be finite and at least the indifference threshold q = {indifference} (0 ≤ q ≤ p ≤ v)."));
        }

        if (veto is { } v && (!double.IsFinite(v) || v < preference))
        {
            throw new ArgumentOutOfRangeException(nameof(veto), v, Preconditions.Invariant($"The veto threshold v = {v} must be finite and at least the preference threshold p = {preference} (0 ≤ q ≤ p ≤ v)."));
        }

        Indifference = indifference;
        Preference = preference;
        Veto = veto;
    }

    /// <summary>Gets the thresholds used for a criterion given none: q = p = 0 and no veto, so any disadvantage at all removes the criterion's support and nothing is vetoed.</summary>
    public static ElectreTriThresholds None { get; } = new(0, 0);

    /// <summary>Gets the indifference threshold q.</summary>
    public double Indifference { get; }

    /// <summary>Gets the preference threshold p.</summary>
    public double Preference { get; }

    /// <summary>Gets the veto threshold v, or null when the criterion cannot veto.</summary>
    public double? Veto { get; }

    /// <inheritdoc />
    public bool Equals(ElectreTriThresholds? other) =>
        other is not null && Indifference.Equals(other.Indifference) && Preference.Equals(other.Preference) && Nullable.Equals(Veto, other.Veto);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ElectreTriThresholds other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Indifference, Preference, Veto);

    /// <inheritdoc />
    public override string ToString() => Veto is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"q = {Indifference}, p = {Preference}, v = {v}")
        : string.Create(CultureInfo.InvariantCulture, $"q = {Indifference}, p = {Preference}, no veto");

    /// <summary>The partial concordance for a disadvantage <paramref name="gap"/> (the other object's lead): 1 up to q, 0 from p, linear between.</summary>
    internal double Concordance(double gap) =>
        gap <= Indifference ? 1 : gap >= Preference ? 0 : (Preference - gap) / (Preference - Indifference);

    /// <summary>The partial discordance for a disadvantage <paramref name="gap"/>: 0 without a veto or up to p, 1 from v, linear between.</summary>
    internal double Discordance(double gap) =>
        Veto is not { } v || gap <= Preference ? 0 : gap >= v ? 1 : (gap - Preference) / (v - Preference);
}
