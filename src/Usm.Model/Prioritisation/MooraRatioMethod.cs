using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// MOORA's ratio system (Brauers and Zavadskas 2006; the first part of MULTIMOORA): vector normalisation, then the
/// weighted sum of the benefit criteria minus the weighted sum of the cost criteria. Higher is better.
/// </summary>
/// <remarks>
/// <para>Each value is divided by its column's Euclidean norm, rᵢⱼ = xᵢⱼ / ‖xⱼ‖ (the "ratio" of the name), and the score is
/// yᵢ = Σ_benefit wⱼ rᵢⱼ − Σ_cost wⱼ rᵢⱼ, with the weights divided by their sum. Brauers and Zavadskas's original form
/// has no weights (every criterion counts once); equal weights give it divided by the number of criteria, the same
/// order. A score can be negative; any finite values are accepted.</para>
/// <para>A column of zeros has norm 0 and contributes 0. A column whose norm exceeds the largest double is refused,
/// naming the criterion. The norm is computed exactly (order-independent), so the scores do not depend on the order of
/// the candidates; they do depend on the other candidates through the norms (rank reversal is possible).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MooraRatioMethod : RankingMethod
{
    private readonly double[] _weights;

    internal MooraRatioMethod(IEnumerable<Criterion> criteria)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override string Name => "MOORA ratio system";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores) => new(scores, null, Compute(set, scores, Name));

    /// <summary>Writes every candidate's ratio-system score into <paramref name="scores"/>; returns the column norms. Errors name <paramref name="methodName"/>.</summary>
    internal double[] Compute(CandidateSet set, double[] scores, string methodName)
    {
        var n = set.Count;
        var norms = MooraMath.Norms(set, Criteria, methodName);
        var y = scores.AsSpan(0, n);
        y.Clear();
        for (var j = 0; j < Criteria.Length; j++)
        {
            if (norms[j] == 0 || _weights[j] == 0)
            {
                continue;
            }

            var x = set.ColumnArray(Criteria[j].Name, "candidates", methodName);
            var norm = norms[j];
            var w = Criteria[j].Kind == CriterionKind.Benefit ? _weights[j] : -_weights[j];
            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    y[i] += w * (x[i] / norm);
                }
            }
        }

        return norms;
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var norms = (double[])state!;
        return new Explanation(Name, Preconditions.Invariant(
            $"MOORA ratio system score {F(score)} = Σ weight × x / norm over the benefits − the same over the costs."), Terms(set, norms, index, Name));
    }

    /// <summary>Each criterion's signed term ± wⱼ · xᵢⱼ / ‖xⱼ‖, with a sentence.</summary>
    internal List<CriterionContribution> Terms(CandidateSet set, double[] norms, int index, string methodName)
    {
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", methodName)[index];
            var r = norms[j] == 0 ? 0 : x / norms[j];
            var term = _weights[j] * r;
            var signed = c.Kind == CriterionKind.Benefit ? term : 0.0 - term;
            contributions.Add(new CriterionContribution(c.Name, x, signed, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, normalised x / norm {F(norms[j])} to {F(r)}, × weight {F(_weights[j])} = {(c.Kind == CriterionKind.Benefit ? "+" : "−")}{F(term)}")));
        }

        return contributions;
    }
}

/// <summary>The vector normalisation shared by MOORA's ratio system and reference point.</summary>
internal static class MooraMath
{
    /// <summary>Each criterion's Euclidean norm (0 for a column of zeros); a norm beyond the largest double is refused.</summary>
    public static double[] Norms(CandidateSet set, ImmutableArray<Criterion> criteria, string methodName)
    {
        var norms = new double[criteria.Length];
        for (var j = 0; j < criteria.Length; j++)
        {
            var x = set.ColumnArray(criteria[j].Name, "candidates", methodName);
            var s = ColumnMath.Stats(x.AsSpan(0, set.Count));
            if (double.IsPositiveInfinity(s.Norm))
            {
                throw WeightedSumMethod.Unnormalisable(methodName, criteria[j], s);
            }

            norms[j] = s.Norm;
        }

        return norms;
    }
}
