using System.Collections.Immutable;
using Usm.Model.Improvement;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>
/// Registers scan gaps as risks in the risk database: the step scan → register of the improvement loop
/// (scan → register → prioritise → sprint → rescan).
/// </summary>
/// <remarks>
/// Every proposal becomes an <see cref="RiskPolarity.Opportunity"/> (closing a gap is an improvement, a positive risk)
/// whose origin is <see cref="RiskOrigin.FromScanGap"/> with the scan id and the question or area id, whose affected
/// resources come from the question's USM element (or the area's questions), and whose id is the proposal's id.
/// </remarks>
public static class ScanGapRisks
{
    /// <summary>The category given to risks from scan gaps unless the caller chooses another: "scan gap".</summary>
    public const string DefaultCategory = "scan gap";

    /// <summary>Converts a proposal into an identified opportunity risk.</summary>
    /// <param name="proposal">The proposal.</param>
    /// <param name="category">The risk category. The default is <see cref="DefaultCategory"/>.</param>
    /// <returns>The risk, in status Identified.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="proposal"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="category"/> is blank.</exception>
    public static Risk ToRisk(ImprovementProposal proposal, string category = DefaultCategory)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new Risk(proposal.Id, proposal.Title, proposal.Description, RiskPolarity.Opportunity, RiskOrigin.FromScanGap(proposal.ScanId, proposal.Gap.Id), proposal.AffectedResources, category);
    }

    /// <summary>
    /// Suggests an inherent assessment from the size of the gap: the effect is
    /// <see cref="ScanGap.SuggestedEffectIndex"/> on the effect scale (0-based, as in <see cref="RiskAssessment"/>);
    /// the likelihood is the middle level of the likelihood scale (rounded down), a neutral start that the Improve
    /// process refines when it classifies the risk.
    /// </summary>
    /// <param name="proposal">The proposal.</param>
    /// <param name="effectScale">The organisation's effect scale.</param>
    /// <param name="likelihoodScale">The organisation's likelihood scale.</param>
    /// <returns>The suggested assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RiskAssessment SuggestedAssessment(ImprovementProposal proposal, OrdinalScale effectScale, OrdinalScale likelihoodScale)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(effectScale);
        ArgumentNullException.ThrowIfNull(likelihoodScale);
        return new RiskAssessment(proposal.Gap.SuggestedEffectIndex(effectScale.Count), (likelihoodScale.Count - 1) / 2);
    }

    /// <summary>Registers one risk per proposal.</summary>
    /// <param name="database">The risk database.</param>
    /// <param name="proposals">The proposals, for example <see cref="ScanGaps.Propose"/>'s result.</param>
    /// <param name="actorId">The id of the person registering them.</param>
    /// <param name="category">The risk category. The default is <see cref="DefaultCategory"/>.</param>
    /// <returns>The new database, with one event per proposal, in proposal order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="proposals"/> holds null.</exception>
    /// <exception cref="ArgumentException">A proposal's id is already registered or repeats; nothing is registered then (the input database is unchanged).</exception>
    public static RiskDatabase Register(RiskDatabase database, IEnumerable<ImprovementProposal> proposals, string actorId, string category = DefaultCategory)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(proposals);
        ImmutableArray<ImprovementProposal> list = [.. proposals];
        Preconditions.CheckNoNulls(list, nameof(proposals), "The proposals cannot hold null.");
        var result = database;
        foreach (var proposal in list)
        {
            Preconditions.CheckArgument(!result.Contains(proposal.Id), nameof(proposals), Preconditions.Invariant($"A risk with id '{proposal.Id}' is already registered; scan gap '{proposal.Gap.Id}' of scan '{proposal.ScanId}' was registered before."));
            result = result.Register(ToRisk(proposal, category), actorId);
        }

        return result;
    }
}
