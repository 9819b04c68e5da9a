using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// MABAC (multi-attributive border approximation area comparison; Pamučar and Ćirović 2015): each candidate's score
/// is the sum over the criteria of its weighted value's distance from the border approximation area, the geometric
/// mean of that criterion's weighted values. A positive distance puts the candidate in the upper approximation area on
/// that criterion, a negative one in the lower; higher scores are better.
/// </summary>
/// <remarks>
/// <para>Steps (Pamučar and Ćirović, "The selection of transport and handling resources in logistics centers using
/// Multi-Attributive Border Approximation area Comparison (MABAC)", Expert Systems with Applications 42(6), 2015):
/// min-max normalisation, tᵢⱼ = (x − min) / (max − min) for a benefit and (max − x) / (max − min) for a cost, so that
/// tᵢⱼ lies in [0, 1] and 1 is best; the weighted matrix vᵢⱼ = wⱼ · (tᵢⱼ + 1), weights divided by their sum; the border
/// approximation area gⱼ = (Πᵢ vᵢⱼ)^(1/n), the geometric mean over the n candidates; the distances qᵢⱼ = vᵢⱼ − gⱼ; and
/// the score Sᵢ = Σⱼ qᵢⱼ.</para>
/// <para>The geometric mean is always defined: vᵢⱼ ≥ wⱼ, so with a positive weight every factor is positive, and with a
/// zero weight every vᵢⱼ and gⱼ is 0 and the criterion drops out. It is computed in log space, gⱼ = exp(Σᵢ ln vᵢⱼ / n),
/// with the sum of the logarithms correctly rounded, so that the score does not depend on the order of the candidates.</para>
/// <para>A constant criterion (max = min) has no min-max normalisation (0 / 0); every candidate is equal on it, so every
/// distance is set to exactly 0 and the criterion drops out (any common t would give the same). A range beyond the
/// largest double is taken in halves, as for VIKOR.</para>
/// <para>Since Σⱼ gⱼ is the same for every candidate, MABAC orders candidates as SAW with min-max normalisation does;
/// what it adds is the sign of each qᵢⱼ (above or below the border) and of the sum. Like SAW min-max it can show rank
/// reversal: adding a candidate can move a column's min or max.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MabacMethod : RankingMethod
{
    private readonly double[] _weights;

    internal MabacMethod(IEnumerable<Criterion> criteria)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override string Name => "MABAC";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var min = new double[m];
        var max = new double[m];
        var border = new double[m];
        var total = scores.AsSpan(0, n);
        total.Clear();
        var v = new double[n];
        for (var j = 0; j < m; j++)
        {
            var x = set.ColumnArray(Criteria[j].Name, "candidates", Name);
            (min[j], max[j]) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
            var w = _weights[j];
            if (min[j] == max[j] || w == 0)
            {
                // Every distance is exactly 0: the criterion drops out.
                border[j] = w;
                continue;
            }

            var benefit = Criteria[j].Kind == CriterionKind.Benefit;
            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    v[i] = Math.Log(w * (Normalised(benefit, x[i], min[j], max[j]) + 1));
                }
            }

            border[j] = Math.Exp(ColumnMath.ExactSum(v) / n);
            var g = border[j];
            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    total[i] += (w * (Normalised(benefit, x[i], min[j], max[j]) + 1)) - g;
                }
            }
        }

        return new ScoreSheet(scores, null, new State(min, max, border));
    }

    /// <summary>The min-max normalised value t in [0, 1], 1 best; a range beyond the largest double is taken in halves.</summary>
    private static double Normalised(bool benefit, double x, double min, double max)
    {
        var range = max - min;
        var t = double.IsPositiveInfinity(range)
            ? (benefit ? (x / 2) - (min / 2) : (max / 2) - (x / 2)) / ((max / 2) - (min / 2))
            : (benefit ? x - min : max - x) / range;
        return Math.Clamp(t, 0, 1);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (State)state!;
        var contributions = new List<CriterionContribution>(Criteria.Length);
        var above = 0;
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var w = _weights[j];
            if (st.Min[j] == st.Max[j] || w == 0)
            {
                contributions.Add(new CriterionContribution(c.Name, x, 0, Preconditions.Invariant(
                    $"{c.Kind} '{c.Name}' = {F(x)}: {(w == 0 ? "weight 0" : "every candidate has this value")}, so its distance to the border is 0")));
                continue;
            }

            var t = Normalised(c.Kind == CriterionKind.Benefit, x, st.Min[j], st.Max[j]);
            var v = w * (t + 1);
            var q = v - st.Border[j];
            above += q > 0 ? 1 : 0;
            contributions.Add(new CriterionContribution(c.Name, x, q, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, normalised (min {F(st.Min[j])}, max {F(st.Max[j])}) to {F(t)}, weighted {F(w)} × (t + 1) = {F(v)}; border {F(st.Border[j])}, distance {F(q)} ({(q > 0 ? "upper" : q < 0 ? "lower" : "on the border")})")));
        }

        return new Explanation(Name, Preconditions.Invariant(
            $"MABAC score {F(score)} = Σ distance of the weighted value to the border approximation area (the geometric mean of the criterion's weighted values); above the border on {above} of {Criteria.Length} criteria."), contributions);
    }

    private sealed record State(double[] Min, double[] Max, double[] Border);
}
