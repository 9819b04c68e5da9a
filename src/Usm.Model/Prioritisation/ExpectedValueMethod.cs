using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Signed expected monetary value (EMV, PMBOK): EMV = p · v, with v &lt; 0 for a threat and v &gt; 0 for an
/// opportunity. The ranking score is |EMV|: a threat counts by the expected loss that addressing it avoids, an
/// opportunity by the expected gain it brings, so both compete on one scale.
/// </summary>
/// <remarks>
/// The impact criterion may hold a magnitude (≥ 0; the candidate's <see cref="CandidatePolarity"/> gives the sign)
/// or a signed value. A threat accepts either sign; an opportunity with a negative impact contradicts its polarity
/// and is rejected. Probabilities must lie in [0, 1].
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ExpectedValueMethod : RankingMethod
{
    internal ExpectedValueMethod(string probabilityCriterion, string impactCriterion)
    {
        ProbabilityCriterion = Preconditions.CheckNotBlank(probabilityCriterion);
        ImpactCriterion = Preconditions.CheckNotBlank(impactCriterion);
    }

    /// <summary>Gets the criterion holding the probability.</summary>
    public string ProbabilityCriterion { get; }

    /// <summary>Gets the criterion holding the impact.</summary>
    public string ImpactCriterion { get; }

    /// <inheritdoc />
    public override string Name => "EMV";

    /// <summary>Returns the signed EMV of every candidate, in the set's index order (negative for threats).</summary>
    /// <param name="candidates">The candidates.</param>
    /// <returns>The signed EMVs.</returns>
    /// <exception cref="ArgumentException">A criterion is missing, or a value is out of range (the message names the candidate).</exception>
    public ImmutableArray<double> SignedValues(CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var scores = new double[candidates.Count];
        Evaluate(candidates, scores);
        var polarity = candidates.PolarityArray;
        var signed = new double[scores.Length];
        for (var i = 0; i < signed.Length; i++)
        {
            signed[i] = polarity[i] == CandidatePolarity.Threat ? -scores[i] : scores[i];
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(signed);
    }

    /// <summary>Returns the register's exposure: the sum of the signed EMVs (negative when threats outweigh opportunities).</summary>
    /// <param name="candidates">The candidates.</param>
    /// <returns>Σ signed EMV.</returns>
    public double Exposure(CandidateSet candidates) => SignedValues(candidates).Sum();

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        ReadOnlySpan<double> p = set.ColumnArray(ProbabilityCriterion, "candidates", Name).AsSpan(0, n);
        ReadOnlySpan<double> v = set.ColumnArray(ImpactCriterion, "candidates", Name).AsSpan(0, n);
        var polarity = set.PolarityArray;
        var y = scores.AsSpan(0, n);

        // One vector pass computes p · |v| and checks that every probability lies in [0, 1] and that no impact is negative
        // (a negative impact is allowed for threats only); when any check fails, the scalar pass below finds the first
        // offending candidate and reports it exactly as before.
        if (ColumnMath.ScaledMagnitudes(p, v, y))
        {
            return new ScoreSheet(scores, null, null);
        }

        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                var pi = p[i];
                var vi = v[i];
                if (!(pi >= 0 && pi <= 1))
                {
                    throw BadValue(set, i, ProbabilityCriterion, pi, "a probability in [0, 1]");
                }

                if (vi < 0 && polarity[i] == CandidatePolarity.Opportunity)
                {
                    throw BadValue(set, i, ImpactCriterion, vi, "a non-negative impact for an opportunity (a negative value would make it a threat)");
                }

                y[i] = pi * Math.Abs(vi);
            }
        }

        return new ScoreSheet(scores, null, null);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var p = set.ColumnArray(ProbabilityCriterion, "candidates", Name)[index];
        var raw = set.ColumnArray(ImpactCriterion, "candidates", Name)[index];
        var v = Math.Abs(raw);
        var threat = set.PolarityArray[index] == CandidatePolarity.Threat;
        var contributions = new List<CriterionContribution>
        {
            new(ProbabilityCriterion, p, p, Preconditions.Invariant($"Probability '{ProbabilityCriterion}' = {F(p)}")),
            new(ImpactCriterion, raw, threat ? -v : v, threat
                ? Preconditions.Invariant($"Impact '{ImpactCriterion}': a loss of {F(v)} if the threat occurs")
                : Preconditions.Invariant($"Impact '{ImpactCriterion}': a gain of {F(v)} if the opportunity is realised")),
        };
        var summary = threat
            ? Preconditions.Invariant($"Threat: EMV = {F(p)} × −{F(v)} = −{F(score)}; addressing it avoids an expected loss of {F(score)}.")
            : Preconditions.Invariant($"Opportunity: EMV = {F(p)} × {F(v)} = {F(score)}; realising it brings an expected gain of {F(score)}.");
        return new Explanation(Name, summary, contributions);
    }
}
