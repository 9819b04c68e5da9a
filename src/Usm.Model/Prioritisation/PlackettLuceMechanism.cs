using System.Collections.Immutable;
using Usm.Model.Improvement;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Plugs the sounding-board group's ranked ballots into the improvement programme as its agreed
/// <see cref="IPrioritisationMechanism"/>: staff rank open risks (improvement candidates), and a
/// <see cref="PlackettLuce"/> fit decides their priority.
/// </summary>
/// <remarks>
/// <para>The candidates are the risks passed to <see cref="Prioritise"/>. Each ballot is cut down to those risks (risks
/// closed or selected since drop out, and a rank left empty goes); a ballot left empty is dropped. With one open risk
/// the fit is skipped: the risk is first, with worth 1.</para>
/// <para>By default every risk gets one virtual tie against a reference (<see cref="PlackettLuceOptions.VirtualTies"/>
/// = 1), so that a new risk nobody has ranked yet, or one that no one ranked first among the rest, still gets a finite
/// worth, and unranked risks are read as below the ranked ones (<see cref="PlackettLuceUnranked.BelowRanked"/>). Pass
/// options with no virtual ties to insist on a pure maximum likelihood estimate: <see cref="Prioritise"/> then throws a
/// <see cref="PlackettLuceNotEstimableException"/> when the ballots over the open risks have none.</para>
/// <para>The returned ranks are the fit's positions (worth descending, then ordinal risk id); the score is the worth
/// (geometric mean 1 over the open risks); the explanation is the fit's explanation of the risk.</para>
/// </remarks>
/// <example>
/// <code>
/// var board = new PlackettLuceMechanism([Ballot.Parse("R-2 &gt; R-1 &gt; R-4", voters: 3), Ballot.Parse("R-1 &gt; R-3")]);
/// programme = programme.AgreeMechanism(board, agreedOn);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PlackettLuceMechanism : IPrioritisationMechanism
{
    /// <summary>Creates the mechanism.</summary>
    /// <param name="ballots">The sounding-board group's ballots over risk ids; at least one.</param>
    /// <param name="options">The fit's options, or null for <see cref="DefaultOptions"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ballots"/> is null or holds null (the message names the index).</exception>
    /// <exception cref="ArgumentException">There are no ballots, or they stand for more than <see cref="int.MaxValue"/> voters.</exception>
    public PlackettLuceMechanism(IEnumerable<Ballot> ballots, PlackettLuceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        ImmutableArray<Ballot> list = [.. ballots];
        var voters = 0L;
        for (var i = 0; i < list.Length; i++)
        {
            voters += (list[i] ?? throw new ArgumentNullException(nameof(ballots), Preconditions.Invariant($"Ballot {i} is null."))).Voters;
        }

        Preconditions.CheckArgument(!list.IsEmpty, nameof(ballots), "A Plackett–Luce mechanism needs at least one ballot.");
        Preconditions.CheckArgument(voters <= int.MaxValue, nameof(ballots), Preconditions.Invariant($"The ballots stand for {voters} voters, more than {int.MaxValue}."));
        Ballots = list;
        Options = options ?? DefaultOptions;
    }

    /// <summary>Gets the options used when none are given: default tolerance and iteration cap, one virtual tie per risk, unranked risks below the ranked ones.</summary>
    public static PlackettLuceOptions DefaultOptions { get; } = PlackettLuceOptions.Default.WithVirtualTies(1);

    /// <summary>Gets the ballots.</summary>
    public ImmutableArray<Ballot> Ballots { get; }

    /// <summary>Gets the options of the Plackett–Luce fit.</summary>
    public PlackettLuceOptions Options { get; }

    /// <inheritdoc />
    public string Name => "Sounding-board ranked ballots (Plackett–Luce)";

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="openRisks"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A risk is not open, or two risks share an id (the message names the risk).</exception>
    /// <exception cref="PlackettLuceNotEstimableException">The options have no virtual ties and the ballots over the open risks have no estimate.</exception>
    public IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks)
    {
        var ids = OpenRiskList.Ids(openRisks, nameof(openRisks));
        if (ids.Length == 0)
        {
            return [];
        }

        if (ids.Length == 1)
        {
            return [new RiskPriority(ids[0], 1, 1.0, "Plackett–Luce: the only open risk, so first with worth 1.")];
        }

        var known = new HashSet<string>(ids, StringComparer.Ordinal);
        var ballots = new List<Ballot>(Ballots.Length);
        foreach (var ballot in Ballots)
        {
            var ranks = ballot.Ranks.Select(r => r.Where(known.Contains).ToArray()).Where(r => r.Length > 0).ToArray();
            if (ranks.Length > 0)
            {
                ballots.Add(new Ballot(ranks, ballot.Voters));
            }
        }

        PlackettLuceResult fit;
        try
        {
            fit = PlackettLuce.Fit(ids, ballots, Options);
        }
        catch (PlackettLuceNotEstimableException e)
        {
            throw new PlackettLuceNotEstimableException(e.Groups, e.NeverChosen, e.NeverPassedOver, e.NeverInAChoice, nameof(openRisks));
        }

        return [.. fit.Candidates.Select(s => new RiskPriority(s.Id, s.Position, s.Worth, s.Explanation.ToString()))];
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
