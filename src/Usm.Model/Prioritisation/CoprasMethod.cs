using System.Buffers;
using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// COPRAS, complex proportional assessment (Zavadskas, Kaklauskas and Šarka 1994): each candidate's weighted shares of
/// the benefit columns (S⁺) and of the cost columns (S⁻) are combined into its relative significance Q, and the score is
/// its utility degree N = Q / max Q.
/// </summary>
/// <remarks>
/// <para>Steps: with the weights divided by their sum, each value becomes its weighted share of its column,
/// dᵢⱼ = wⱼ · xᵢⱼ / Σₖ xₖⱼ; S⁺ᵢ sums the shares of the benefit criteria and S⁻ᵢ those of the cost criteria; the relative
/// significance is Qᵢ = S⁺ᵢ + (S⁻min · Σₖ S⁻ₖ) / (S⁻ᵢ · Σₖ (S⁻min / S⁻ₖ)), the paper's form, and the utility degree
/// Nᵢ = Qᵢ / maxₖ Qₖ. The paper gives N in percent; the score here is the fraction, in [0, 1], with 1 for the best.
/// Higher is better.</para>
/// <para>Choices where the sources differ. Many texts and libraries write the cost part as
/// Σₖ S⁻ₖ / (S⁻ᵢ · Σₖ (1 / S⁻ₖ)), which is the same quantity (S⁻min cancels); this class computes the paper's ratios
/// S⁻min / S⁻ₖ, which lie in (0, 1] and cannot overflow. Some libraries rank by Q rather than N; the order is the same.
/// When there is no cost criterion, or every cost criterion has weight 0, the cost part is left out and Q = S⁺ (then
/// COPRAS orders as SAW with sum normalisation).</para>
/// <para>Values: a benefit needs values ≥ 0 and a column with a positive sum (a share of a zero sum is undefined); a cost
/// needs positive values (a candidate with S⁻ = 0 would get an infinite Q). Both are refused with a message naming
/// the candidate and the criterion. A constant column gives every candidate the share 1 / n, so it shifts every S
/// alike.</para>
/// <para>Numerics: shares are taken of x / max, whose correctly rounded column sum is the same for any order of the
/// candidates, as are Σ S⁻ and Σ S⁻min / S⁻ₖ. A candidate best on every criterion has the largest S⁺, the smallest S⁻
/// and so the largest Q: it scores 1. Multiplying a column by a positive constant leaves every share unchanged (bit for
/// bit for a power of two).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CoprasMethod : RankingMethod
{
    private readonly double[] _weights;

    internal CoprasMethod(IEnumerable<Criterion> criteria)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override string Name => "COPRAS";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var columns = new Column[m];
        var plus = new double[n];
        var minus = new double[n];
        var ratio = ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (var j = 0; j < m; j++)
            {
                var c = Criteria[j];
                var x = set.ColumnArray(c.Name, "candidates", Name);
                var (min, max) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
                var benefit = c.Kind == CriterionKind.Benefit;
                ShareCheck(set, c, x, min, max);
                unchecked
                {
                    for (var i = 0; i < n; i++)
                    {
                        ratio[i] = x[i] / max;
                    }
                }

                var sum = ColumnMath.ExactSum(ratio.AsSpan(0, n));
                columns[j] = new Column(max, sum);
                var w = _weights[j];
                if (w == 0)
                {
                    continue;
                }

                var target = benefit ? plus : minus;
                unchecked
                {
                    for (var i = 0; i < n; i++)
                    {
                        target[i] += w * (ratio[i] / sum);
                    }
                }
            }

            var q = new double[n];
            var totalMinus = ColumnMath.ExactSum(minus);
            var minMinus = totalMinus > 0 ? ColumnMath.MinMaxFinite(minus).Min : 0;
            var ratioSum = 0.0;
            if (totalMinus > 0)
            {
                if (!(minMinus > 0))
                {
                    var bad = Array.IndexOf(minus, minMinus);
                    var values = string.Join(", ", Criteria.Where((c, j) => c.Kind == CriterionKind.Cost && _weights[j] > 0)
                        .Select(c => Preconditions.Invariant($"{c.Name} = {set.ColumnArray(c.Name, "candidates", Name)[bad]}")));
                    throw new ArgumentOutOfRangeException("candidates", minMinus, Preconditions.Invariant(
                        $"Candidate '{set.IdArray[bad]}' has cost shares that underflow to S⁻ = 0 ({values}: negligible beside the column sums, more than the range of a double below them); {Name} needs S⁻ > 0. Scaling a column does not help, since a share is relative to its column's sum; transform the cost criterion (for example take its logarithm) or leave the candidate out."));
                }

                for (var i = 0; i < n; i++)
                {
                    ratio[i] = minMinus / minus[i];
                }

                ratioSum = ColumnMath.ExactSum(ratio.AsSpan(0, n));
            }

            var maxQ = 0.0;
            for (var i = 0; i < n; i++)
            {
                q[i] = Significance(plus[i], minus[i], totalMinus, minMinus, ratioSum);
                maxQ = Math.Max(maxQ, q[i]);
            }

            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    scores[i] = q[i] / maxQ;
                }
            }

            return new ScoreSheet(scores, null, new State(columns, plus, minus, q, totalMinus, minMinus, ratioSum, maxQ));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(ratio);
        }
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (State)state!;
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var share = (x / st.Columns[j].Max) / st.Columns[j].RatioSum;
            var d = _weights[j] * share;
            contributions.Add(new CriterionContribution(c.Name, x, d, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}: share of the column sum {F(share)} × weight {F(_weights[j])} = {F(d)} into {(c.Kind == CriterionKind.Benefit ? "S⁺" : "S⁻")}")));
        }

        var q = st.Q[index];
        var costPart = st.TotalMinus > 0
            ? Preconditions.Invariant($"Q = S⁺ {F(st.Plus[index])} + S⁻min {F(st.MinMinus)} × ΣS⁻ {F(st.TotalMinus)} / (S⁻ {F(st.Minus[index])} × Σ S⁻min / S⁻ₖ {F(st.RatioSum)})")
            : Preconditions.Invariant($"Q = S⁺ {F(st.Plus[index])} (no cost criterion carries weight, so there is no S⁻ part)");
        return new Explanation(Name, Preconditions.Invariant(
            $"COPRAS utility degree N {F(score)} = Q {F(q)} / max Q {F(st.MaxQ)}; {costPart}."), contributions);
    }

    /// <summary>Refuses a column that has no shares: a negative benefit value, a benefit column of zeros, or a cost value that is not positive.</summary>
    private void ShareCheck(CandidateSet set, Criterion c, double[] x, double min, double max)
    {
        var n = set.Count;
        if (c.Kind == CriterionKind.Benefit)
        {
            if (min < 0)
            {
                var bad = Array.FindIndex(x, 0, n, v => v < 0);
                throw BadValue(set, bad, c.Name, x[bad], "values ≥ 0 on a benefit criterion (each value is taken as its share of the column sum)");
            }

            if (max == 0)
            {
                throw BadValue(set, 0, c.Name, x[0], Preconditions.Invariant($"a benefit column with a positive sum, but every candidate has 0 on '{c.Name}', so no share can be formed"));
            }
        }
        else if (!(min > 0))
        {
            throw NotPositive(set, x, c.Name, Name, "positive values on a cost criterion (a candidate with no cost share would get an infinite relative significance)");
        }
    }

    /// <summary>Q = S⁺ + ΣS⁻ · (S⁻min / S⁻) / Σₖ (S⁻min / S⁻ₖ), or S⁺ alone when no cost share carries weight.</summary>
    private static double Significance(double plus, double minus, double totalMinus, double minMinus, double ratioSum) =>
        totalMinus > 0 ? plus + (totalMinus * (minMinus / minus) / ratioSum) : plus;

    /// <summary>One criterion's column: its maximum and the correctly rounded sum of x / max.</summary>
    private sealed record Column(double Max, double RatioSum);

    private sealed record State(Column[] Columns, double[] Plus, double[] Minus, double[] Q, double TotalMinus, double MinMinus, double RatioSum, double MaxQ);
}
