using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// MOORA's reference point approach (Brauers and Zavadskas 2006; the second part of MULTIMOORA): the largest weighted
/// gap, over the criteria, between a candidate's vector-normalised value and the reference point (the best normalised
/// value of each criterion), Tchebycheff's min-max metric. Lower distance is better, so the score is −distance.
/// </summary>
/// <remarks>
/// <para>With rᵢⱼ = xᵢⱼ / ‖xⱼ‖ as in <see cref="MooraRatioMethod"/> and the reference point r*ⱼ = maxᵢ rᵢⱼ for a benefit and
/// minᵢ rᵢⱼ for a cost, the distance is dᵢ = maxⱼ wⱼ · |r*ⱼ − rᵢⱼ|, with the weights divided by their sum. Brauers and
/// Zavadskas's original form has no weights; equal weights give it divided by the number of criteria, the same order.</para>
/// <para>The library ranks higher scores first, so a candidate's score is 0 − dᵢ (0 for a candidate at the reference
/// point on every weighted criterion): ranking by score descending is ranking by distance ascending, exactly. The
/// explanation states the distance and the criterion that sets it.</para>
/// <para>A candidate best on every criterion has distance 0 and ranks first (ties by id). A constant column has
/// every gap 0 and cannot set the distance.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MooraReferencePointMethod : RankingMethod
{
    private readonly double[] _weights;

    internal MooraReferencePointMethod(IEnumerable<Criterion> criteria)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override string Name => "MOORA reference point";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores) => new(scores, null, Compute(set, scores, Name));

    /// <summary>Writes every candidate's score −dᵢ into <paramref name="scores"/>; returns the norms and the reference point. Errors name <paramref name="methodName"/>.</summary>
    internal State Compute(CandidateSet set, double[] scores, string methodName)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var norms = MooraMath.Norms(set, Criteria, methodName);
        var reference = new double[m];
        var d = scores.AsSpan(0, n);
        d.Clear();
        for (var j = 0; j < m; j++)
        {
            var x = set.ColumnArray(Criteria[j].Name, "candidates", methodName);
            var norm = norms[j];
            if (norm == 0)
            {
                continue;
            }

            var (min, max) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
            var best = Criteria[j].Kind == CriterionKind.Benefit ? max / norm : min / norm;
            reference[j] = best;
            var w = _weights[j];
            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    var gap = w * Math.Abs(best - (x[i] / norm));
                    if (gap > d[i])
                    {
                        d[i] = gap;
                    }
                }
            }
        }

        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                // 0 − d rather than −d: a candidate at the reference point scores +0, not −0.
                d[i] = 0.0 - d[i];
            }
        }

        return new State(norms, reference);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (State)state!;
        var (contributions, worst) = Gaps(set, st, index, Name);
        return new Explanation(Name, Preconditions.Invariant(
            $"MOORA reference point score {F(score)} = −distance; distance {F(0.0 - score)} = the largest weighted gap to the reference point{(worst is null ? " (no gap)" : $", on '{worst}'")} (lower distance is better)."), contributions);
    }

    /// <summary>Each criterion's weighted gap wⱼ · |r*ⱼ − rᵢⱼ| with a sentence, and the criterion with the largest gap (null if every gap is 0).</summary>
    internal (List<CriterionContribution> Gaps, string? Worst) Gaps(CandidateSet set, State st, int index, string methodName)
    {
        var contributions = new List<CriterionContribution>(Criteria.Length);
        string? worst = null;
        var largest = 0.0;
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", methodName)[index];
            var r = st.Norms[j] == 0 ? 0 : x / st.Norms[j];
            var gap = st.Norms[j] == 0 ? 0 : _weights[j] * Math.Abs(st.Reference[j] - r);
            if (gap > largest)
            {
                (largest, worst) = (gap, c.Name);
            }

            contributions.Add(new CriterionContribution(c.Name, x, gap, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, normalised x / norm {F(st.Norms[j])} to {F(r)}; reference point {F(st.Reference[j])}, weighted gap {F(_weights[j])} × |{F(st.Reference[j])} − {F(r)}| = {F(gap)}")));
        }

        return (contributions, worst);
    }

    /// <summary>The norms and the reference point, for explanations.</summary>
    internal sealed record State(double[] Norms, double[] Reference);
}
