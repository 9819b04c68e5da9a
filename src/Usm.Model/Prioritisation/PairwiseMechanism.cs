using System.Collections.Immutable;
using Usm.Model.Improvement;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Plugs the sounding-board group's pairwise comparisons into the improvement programme as its agreed
/// <see cref="IPrioritisationMechanism"/>: staff compare open risks (improvement candidates) two at a time, and a
/// <see cref="BradleyTerry"/> fit decides their priority.
/// </summary>
/// <remarks>
/// <para>The candidates are the risks passed to <see cref="Prioritise"/>. Comparisons that name a risk no longer in that
/// list (closed or selected since) are dropped; the others are kept in their order.</para>
/// <para>By default every risk gets one virtual tie against a reference (<see cref="BradleyTerryOptions.VirtualTies"/>
/// = 1), so that a new risk nobody has compared yet, or one that was never beaten, still gets a finite strength (a new
/// risk lands at the reference's strength). Pass options with no virtual ties to insist on a pure maximum likelihood
/// estimate: <see cref="Prioritise"/> then throws a <see cref="BradleyTerryNotEstimableException"/> when the comparisons
/// of the open risks are not strongly connected.</para>
/// <para>The returned ranks are the fit's positions (strength descending, then ordinal risk id); the score is the
/// strength (geometric mean 1 over the open risks); the explanation is the fit's explanation of the risk.</para>
/// </remarks>
/// <example>
/// <code>
/// var board = new PairwiseMechanism([PairwiseComparison.Parse("R-2 &gt; R-1"), PairwiseComparison.Parse("R-1 = R-3")]);
/// programme = programme.AgreeMechanism(board, agreedOn);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PairwiseMechanism : IPrioritisationMechanism
{
    /// <summary>Creates the mechanism.</summary>
    /// <param name="comparisons">The sounding-board group's comparisons over risk ids, in the order made; at least one.</param>
    /// <param name="options">The fit's options, or null for the default tolerance and cap with one virtual tie per risk.</param>
    /// <exception cref="ArgumentNullException"><paramref name="comparisons"/> is null or holds null (the message names the index).</exception>
    /// <exception cref="ArgumentException">There are no comparisons, or their counts sum to more than <see cref="int.MaxValue"/>.</exception>
    public PairwiseMechanism(IEnumerable<PairwiseComparison> comparisons, BradleyTerryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ImmutableArray<PairwiseComparison> list = [.. comparisons];
        var total = 0L;
        for (var i = 0; i < list.Length; i++)
        {
            total += (list[i] ?? throw new ArgumentNullException(nameof(comparisons), Preconditions.Invariant($"Comparison {i} is null."))).Count;
        }

        Preconditions.CheckArgument(!list.IsEmpty, nameof(comparisons), "A pairwise mechanism needs at least one comparison.");
        Preconditions.CheckArgument(total <= int.MaxValue, nameof(comparisons), Preconditions.Invariant($"The comparisons stand for {total} outcomes, more than {int.MaxValue}."));
        Comparisons = list;
        Options = options ?? DefaultOptions;
    }

    /// <summary>Gets the options used when none are given: default tolerance and iteration cap, one virtual tie per risk.</summary>
    public static BradleyTerryOptions DefaultOptions { get; } = BradleyTerryOptions.Default.WithVirtualTies(1);

    /// <summary>Gets the comparisons.</summary>
    public ImmutableArray<PairwiseComparison> Comparisons { get; }

    /// <summary>Gets the options of the Bradley–Terry fit.</summary>
    public BradleyTerryOptions Options { get; }

    /// <inheritdoc />
    public string Name => "Sounding-board pairwise comparisons (Bradley–Terry)";

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="openRisks"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A risk is not open, or two risks share an id (the message names the risk).</exception>
    /// <exception cref="BradleyTerryNotEstimableException">The options have no virtual ties and the comparisons of the open risks are not strongly connected.</exception>
    public IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks)
    {
        var ids = OpenRiskList.Ids(openRisks, nameof(openRisks));
        var known = new HashSet<string>(ids, StringComparer.Ordinal);

        if (ids.Length == 0)
        {
            return [];
        }

        var profile = new PairwiseProfile(ids, Comparisons.Where(c => known.Contains(c.First) && known.Contains(c.Second)));
        if (Options.VirtualTies == 0 && !profile.IsStronglyConnected)
        {
            throw new BradleyTerryNotEstimableException(profile, nameof(openRisks));
        }

        var fit = BradleyTerry.Fit(profile, Options);
        return [.. fit.Candidates.Select(s => new RiskPriority(s.Id, s.Position, s.Strength, s.Explanation.ToString()))];
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
