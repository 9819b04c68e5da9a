using System.Buffers;
using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// ARAS, additive ratio assessment (Zavadskas and Turskis 2010): each candidate's weighted sum of shares S is compared
/// with that of an optimal alternative, K = S / S₀.
/// </summary>
/// <remarks>
/// <para>Steps: add an optimal alternative A₀ whose value on each criterion is the column's best (the maximum for a
/// benefit, the minimum for a cost); turn each cost value into its reciprocal 1 / x; normalise every column of the
/// extended matrix by its sum (A₀ included), x̄ᵢⱼ = xᵢⱼ / Σₖ₌₀ xₖⱼ; with the weights divided by their sum, Sᵢ = Σⱼ wⱼ x̄ᵢⱼ
/// and the utility degree Kᵢ = Sᵢ / S₀, in [0, 1]. Higher is better, and the score is K itself; a candidate best on every
/// criterion equals A₀ and scores exactly 1.</para>
/// <para>Choices. The paper lets the decision maker set A₀'s values; this class takes the column's best (the paper's
/// rule when the decision maker has none). A benefit needs values ≥ 0 and a column with a positive sum; a cost needs
/// positive values (its reciprocal is used). Both are refused with a message naming the candidate and the criterion. A
/// constant column gives every candidate (and A₀) the same share, so it adds the same to every S.</para>
/// <para>Numerics: a benefit column is taken as x / max and a cost column as min / x (the reciprocals scaled by the
/// column's smallest value), so every normalised value lies in [0, 1] and cannot overflow, and A₀'s is exactly 1. Column
/// sums are correctly rounded, so the score does not depend on the input order. Multiplying a column by a positive
/// constant leaves every share unchanged (bit for bit for a power of two).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ArasMethod : RankingMethod
{
    private readonly double[] _weights;

    internal ArasMethod(IEnumerable<Criterion> criteria)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override string Name => "ARAS";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var columns = new Column[m];
        var s = scores.AsSpan(0, n);
        s.Clear();
        var s0 = 0.0;
        var ratio = ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (var j = 0; j < m; j++)
            {
                var c = Criteria[j];
                var x = set.ColumnArray(c.Name, "candidates", Name);
                var (min, max) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
                var benefit = c.Kind == CriterionKind.Benefit;
                if (benefit && min < 0)
                {
                    var bad = Array.FindIndex(x, 0, n, v => v < 0);
                    throw BadValue(set, bad, c.Name, x[bad], "values ≥ 0 on a benefit criterion (each value is taken as its share of the column sum)");
                }

                if (benefit && max == 0)
                {
                    throw BadValue(set, 0, c.Name, x[0], Preconditions.Invariant($"a benefit column with a positive sum, but every candidate has 0 on '{c.Name}', so no share can be formed"));
                }

                if (!benefit && !(min > 0))
                {
                    throw NotPositive(set, x, c.Name, Name, "positive values on a cost criterion (it takes the reciprocal 1 / x)");
                }

                unchecked
                {
                    for (var i = 0; i < n; i++)
                    {
                        ratio[i] = Ratio(benefit, x[i], min, max);
                    }
                }

                // A₀'s ratio is exactly 1; it is part of the column's sum.
                var sum = ColumnMath.ExactSum(ratio.AsSpan(0, n)) + 1;
                columns[j] = new Column(benefit, min, max, sum);
                var w = _weights[j];
                if (w == 0)
                {
                    continue;
                }

                s0 += w * (1.0 / sum);
                unchecked
                {
                    for (var i = 0; i < n; i++)
                    {
                        s[i] += w * (ratio[i] / sum);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(ratio);
        }

        var optimality = s.ToArray();
        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                s[i] = optimality[i] / s0;
            }
        }

        return new ScoreSheet(scores, null, new State(columns, optimality, s0));
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (State)state!;
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var col = st.Columns[j];
            var share = Ratio(col.Benefit, x, col.Min, col.Max) / col.Sum;
            var part = _weights[j] * share;
            var what = col.Benefit
                ? Preconditions.Invariant($"optimal value {F(col.Max)}; share x / Σx")
                : Preconditions.Invariant($"optimal value {F(col.Min)}; share (1 / x) / Σ(1 / x)");
            contributions.Add(new CriterionContribution(c.Name, x, part, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}: {what} (optimal alternative included) = {F(share)}, × weight {F(_weights[j])} = {F(part)}")));
        }

        return new Explanation(Name, Preconditions.Invariant(
            $"ARAS utility degree K {F(score)} = S {F(st.S[index])} / S₀ {F(st.S0)}, with S the weighted sum of this candidate's shares and S₀ the optimal alternative's."), contributions);
    }

    /// <summary>The value relative to the column's best: x / max for a benefit, min / x (the reciprocal scaled by the minimum) for a cost; 1 for the best.</summary>
    private static double Ratio(bool benefit, double x, double min, double max) => benefit ? x / max : min / x;

    /// <summary>One criterion's column: kind, min, max and the sum of the ratios, the optimal alternative's 1 included.</summary>
    private sealed record Column(bool Benefit, double Min, double Max, double Sum);

    private sealed record State(Column[] Columns, double[] S, double S0);
}
