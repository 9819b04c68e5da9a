using System.Collections.Immutable;
using Usm.Model.Internal;
using Usm.Model.Routines;

namespace Usm.Model.Conformance;

/// <summary>Options for <see cref="ConformanceChecker.Check"/>: the known profiles and the standard step catalogue.</summary>
/// <remarks>
/// The order in which profile ids are given does not matter: they are kept as a set, sorted ordinally. Ids are
/// compared ordinally (case matters).
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ConformanceOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="knownProfileIds">
    /// The ids of the organisation's profiles. When given, every profile an activity names must be one of them
    /// (rule <c>USM-RT-009</c>); when null, profile ids are not checked.
    /// </param>
    /// <param name="catalogue">The standard step catalogue; null means <see cref="ProcessStepCatalogue.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="knownProfileIds"/> holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="knownProfileIds"/> holds a blank id.</exception>
    public ConformanceOptions(IEnumerable<string>? knownProfileIds = null, ProcessStepCatalogue? catalogue = null)
    {
        if (knownProfileIds is not null)
        {
            var builder = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var id in knownProfileIds)
            {
                if (id is null)
                {
                    throw new ArgumentNullException(nameof(knownProfileIds), "The known profile ids cannot hold null.");
                }

                Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(id), nameof(knownProfileIds), Preconditions.Invariant($"A known profile id must not be blank, but was '{id}'."));
                builder.Add(id);
            }

            KnownProfileIds = builder.ToImmutable();
        }

        Catalogue = catalogue ?? ProcessStepCatalogue.Default;
    }

    /// <summary>Gets options with no profile list and the default catalogue.</summary>
    public static ConformanceOptions Default { get; } = new();

    /// <summary>Gets the known profile ids, sorted ordinally, or null when profiles are not checked.</summary>
    public ImmutableSortedSet<string>? KnownProfileIds { get; }

    /// <summary>Gets the standard step catalogue the step rules compare against.</summary>
    public ProcessStepCatalogue Catalogue { get; }

    /// <summary>Returns a copy with other known profile ids.</summary>
    /// <param name="knownProfileIds">The ids, or null to stop checking profiles.</param>
    /// <returns>New options; these are unchanged.</returns>
    public ConformanceOptions WithKnownProfileIds(IEnumerable<string>? knownProfileIds) => new(knownProfileIds, Catalogue);

    /// <summary>Returns a copy with another catalogue.</summary>
    /// <param name="catalogue">The catalogue, or null for the default.</param>
    /// <returns>New options; these are unchanged.</returns>
    public ConformanceOptions WithCatalogue(ProcessStepCatalogue? catalogue) => new(KnownProfileIds, catalogue);
}
