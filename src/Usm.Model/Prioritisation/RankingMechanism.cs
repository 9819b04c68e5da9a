using System.Collections.Immutable;
using Usm.Model.Improvement;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Maps risks of the risk database to ranking candidates, so that any <see cref="RankingMethod"/> can rank them.
/// </summary>
/// <remarks>
/// <para>The default mapping reads a risk's inherent assessment: <see cref="Effect"/> and <see cref="Likelihood"/> are
/// the assessment's levels plus one (the improvement model counts levels from 0, the risk matrix method from 1);
/// <see cref="Probability"/> and <see cref="Impact"/> come from its quantitative estimate (0 when there is none);
/// <see cref="ExpectedValue"/> is the size of the signed expected value. Effort is the risk's effort (its selected or
/// best measure's business-case effort), 0 when unknown; polarity follows the risk's polarity.</para>
/// <para>A risk without an inherent assessment maps to levels 0, which the risk matrix method rejects, naming the
/// risk: classify risks before ranking them by the matrix.</para>
/// </remarks>
public static class RiskCandidates
{
    /// <summary>The criterion holding the effect level (1 = lowest).</summary>
    public const string Effect = "effect";

    /// <summary>The criterion holding the likelihood level (1 = lowest).</summary>
    public const string Likelihood = "likelihood";

    /// <summary>The criterion holding the estimate's probability.</summary>
    public const string Probability = "probability";

    /// <summary>The criterion holding the estimate's impact (a magnitude).</summary>
    public const string Impact = "impact";

    /// <summary>The criterion holding the size of the signed expected value.</summary>
    public const string ExpectedValue = "expected-value";

    /// <summary>Maps one risk to a candidate with the criteria above.</summary>
    /// <param name="risk">The risk.</param>
    /// <returns>The candidate; its id is the risk's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="risk"/> is null.</exception>
    public static Candidate FromRisk(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var assessment = risk.Inherent;
        var estimate = assessment?.Estimate;
        KeyValuePair<string, double>[] values =
        [
            new(Effect, assessment is null ? 0 : assessment.Effect + 1),
            new(Likelihood, assessment is null ? 0 : assessment.Likelihood + 1),
            new(Probability, estimate?.Probability ?? 0),
            new(Impact, Math.Abs(estimate?.Impact ?? 0)),
            new(ExpectedValue, Math.Abs(risk.SignedExpectedValue)),
        ];
        var polarity = risk.Polarity == RiskPolarity.Threat ? CandidatePolarity.Threat : CandidatePolarity.Opportunity;
        return new Candidate(risk.Id, values, risk.Effort ?? 0, polarity);
    }
}

/// <summary>
/// Plugs any <see cref="RankingMethod"/> into the improvement programme as its agreed
/// <see cref="IPrioritisationMechanism"/>: risks are mapped to candidates, ranked, and returned as
/// <see cref="RiskPriority"/> values whose explanation is the method's own.
/// </summary>
/// <example>
/// <code>
/// var mechanism = new RankingMechanism(RankingMethod.ExpectedValue(RiskCandidates.Probability, RiskCandidates.Impact));
/// programme = programme.AgreeMechanism(mechanism, agreedOn);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and thread-safe if the mapping is.</threadsafety>
public sealed class RankingMechanism : IPrioritisationMechanism
{
    private readonly Func<Risk, Candidate> _map;

    /// <summary>Creates a mechanism.</summary>
    /// <param name="method">The ranking method.</param>
    /// <param name="options">The ranking options, or null for the defaults.</param>
    /// <param name="map">How a risk becomes a candidate, or null for <see cref="RiskCandidates.FromRisk"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    public RankingMechanism(RankingMethod method, RankingOptions? options = null, Func<Risk, Candidate>? map = null)
    {
        Method = Preconditions.CheckNotNull(method);
        Options = options ?? RankingOptions.Default;
        _map = map ?? RiskCandidates.FromRisk;
    }

    /// <summary>Gets the ranking method.</summary>
    public RankingMethod Method { get; }

    /// <summary>Gets the ranking options.</summary>
    public RankingOptions Options { get; }

    /// <inheritdoc />
    public string Name => Method.Name;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="openRisks"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A risk is not open or is listed twice, or its values do not suit the method, or give it an infinite score (the message names the risk).</exception>
    public IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks)
    {
        OpenRiskList.Ids(openRisks, nameof(openRisks));
        if (openRisks.Count == 0)
        {
            return [];
        }

        var candidates = new Candidate[openRisks.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            var risk = openRisks[i];
            candidates[i] = _map(risk) ?? throw new ArgumentException(Preconditions.Invariant($"The mapping returned null for risk '{risk.Id}'."), nameof(openRisks));
        }

        var ranking = Prioritiser.Rank(new CandidateSet(candidates), Method, Options);
        var result = ImmutableArray.CreateBuilder<RiskPriority>(ranking.Count);
        foreach (var item in ranking.Items)
        {
            // A ranking may hold an infinite score (finite values that overflow); a priority may not. Found by review:
            // RiskPriority's own check named neither the risk nor the method.
            if (!double.IsFinite(item.Score))
            {
                throw new ArgumentOutOfRangeException(nameof(openRisks), item.Score, Preconditions.Invariant(
                    $"Risk '{item.Id}' has an infinite {Method.Name} score: its values overflow. Scale the criteria down."));
            }

            result.Add(new RiskPriority(item.Id, item.Rank, item.Score, item.Explanation.ToString()));
        }

        return result.MoveToImmutable();
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
