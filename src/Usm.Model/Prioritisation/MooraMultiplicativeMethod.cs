using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// MULTIMOORA's full multiplicative form (Brauers and Zavadskas 2010, after Miller and Starr 1969): the product of the
/// benefit values divided by the product of the cost values, each raised to its weight, Uᵢ = Π_benefit xᵢⱼ^wⱼ /
/// Π_cost xᵢⱼ^wⱼ. Higher is better; the score is ln Uᵢ. Every value must be positive.
/// </summary>
/// <remarks>
/// <para>Weights are divided by their sum. Brauers and Zavadskas's original form has no weights (Π benefit / Π cost);
/// equal weights give its m-th root for m criteria, the same order. The form works on the raw values, as in the
/// original: normalising a column by any positive constant (its norm, its maximum) would multiply every Uᵢ by the same
/// factor, so the order does not change, and each candidate's U depends on its own values only (no rank reversal).</para>
/// <para>The score is ln Uᵢ = Σ_benefit wⱼ ln xᵢⱼ − Σ_cost wⱼ ln xᵢⱼ rather than Uᵢ itself: U of values across the whole
/// double range can overflow or underflow (for example 1e300 over 1e-300), which would create false ties, while its
/// logarithm stays within ±1,500. The order is the same; the explanation states both.</para>
/// <para>A zero or negative value is refused with a message naming the candidate and the criterion: a zero factor
/// makes the product 0 or infinite whatever the other criteria say, and a negative value has no real power.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MooraMultiplicativeMethod : RankingMethod
{
    private readonly double[] _weights;

    internal MooraMultiplicativeMethod(IEnumerable<Criterion> criteria)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override string Name => "MOORA full multiplicative form";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        Compute(set, scores, Name);
        return new ScoreSheet(scores, null, null);
    }

    /// <summary>Writes every candidate's ln U into <paramref name="scores"/>; errors name <paramref name="methodName"/>.</summary>
    internal void Compute(CandidateSet set, double[] scores, string methodName)
    {
        var n = set.Count;
        var columns = new double[Criteria.Length][];
        for (var j = 0; j < Criteria.Length; j++)
        {
            var x = set.ColumnArray(Criteria[j].Name, "candidates", methodName);
            var (min, _) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
            if (!(min > 0))
            {
                throw NotPositive(set, x, Criteria[j].Name, methodName, "positive values on every criterion (the full multiplicative form multiplies and divides the values, and a zero or negative value has no meaningful power)");
            }

            columns[j] = x;
        }

        var logs = scores.AsSpan(0, n);
        logs.Clear();
        for (var j = 0; j < Criteria.Length; j++)
        {
            var w = Criteria[j].Kind == CriterionKind.Benefit ? _weights[j] : -_weights[j];
            if (w == 0)
            {
                continue;
            }

            var x = columns[j];
            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    logs[i] += w * Math.Log(x[i]);
                }
            }
        }
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls) =>
        new(Name, Preconditions.Invariant(
            $"MOORA full multiplicative score ln U = {F(score)}, with U = Π benefit ^ weight / Π cost ^ weight = {FExp(score)}."), Factors(set, index, Name));

    /// <summary>Each criterion's term ± wⱼ · ln xᵢⱼ in ln U, with a sentence.</summary>
    internal List<CriterionContribution> Factors(CandidateSet set, int index, string methodName)
    {
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", methodName)[index];
            var benefit = c.Kind == CriterionKind.Benefit;
            var term = _weights[j] == 0 ? 0 : (benefit ? _weights[j] : -_weights[j]) * Math.Log(x);
            contributions.Add(new CriterionContribution(c.Name, x, term, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}: {(benefit ? "multiplies" : "divides")} U by x ^ weight {F(_weights[j])} = {F(Math.Pow(x, _weights[j]))} (ln term {F(term)})")));
        }

        return contributions;
    }
}
