using System.Buffers;
using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// EDAS, evaluation based on distance from average solution (Keshavarz Ghorabaee, Zavadskas, Olfat and Turskis 2015):
/// each candidate is scored by how far it lies above and below the average of every criterion.
/// </summary>
/// <remarks>
/// <para>Steps: per criterion the average AVⱼ of the column; per candidate the positive distance from average
/// PDAⱼ = max(0, x − AVⱼ) / |AVⱼ| for a benefit (max(0, AVⱼ − x) / |AVⱼ| for a cost) and the negative distance
/// NDAⱼ = max(0, AVⱼ − x) / |AVⱼ| for a benefit (max(0, x − AVⱼ) / |AVⱼ| for a cost); with the weights divided by their
/// sum, SP = Σⱼ wⱼ · PDAⱼ and SN = Σⱼ wⱼ · NDAⱼ; then NSP = SP / max SP, NSN = 1 − SN / max SN and the appraisal score
/// AS = (NSP + NSN) / 2, in [0, 1]. Higher is better, and the score is AS itself.</para>
/// <para>Choices where the sources are silent or differ. The paper divides by AVⱼ and assumes positive values; this class
/// divides by |AVⱼ|, which is the paper's form whenever the average is positive and keeps the distances' meaning when
/// it is negative. A criterion on which every candidate is equal gives every candidate PDA = NDA = 0 (it drops out; a
/// computed average could otherwise differ from the common value by rounding). A column that is not constant but
/// averages exactly 0 has no relative distance and is refused with a message naming the criterion and a candidate, and
/// so is one whose average is so close to 0 beside its values that the relative distances overflow.
/// When max SP is 0, NSP is 0 for every candidate, and when max SN is 0, NSN is 1: so if every weighted criterion is
/// constant, every candidate scores 0.5 and the candidates are ordered by id.</para>
/// <para>Numerics: the average is the correctly rounded sum divided by the count (the same for any order of the
/// candidates), clamped to the column's range, and taken on the column scaled by a power of two so that the sum cannot
/// overflow. A candidate that is best on every criterion therefore has SN = 0 and the largest SP, so it scores 1 (or
/// 0.5 when every weighted criterion is constant) and ranks first. Multiplying a column by a positive constant leaves
/// every distance unchanged (bit for bit for a power of two).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class EdasMethod : RankingMethod
{
    private readonly double[] _weights;

    internal EdasMethod(IEnumerable<Criterion> criteria)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override string Name => "EDAS";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var columns = new Column[m];
        var sp = new double[n];
        var sn = new double[n];
        var scaled = ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (var j = 0; j < m; j++)
            {
                var c = Criteria[j];
                var x = set.ColumnArray(c.Name, "candidates", Name);
                var (min, max) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
                if (min == max)
                {
                    columns[j] = new Column(true, 1, min, min);
                    continue;
                }

                // A power of two that brings the largest magnitude into [1, 2), so that the sum of n scaled values cannot
                // overflow (capped at 2^1000 for a column of subnormal values, which then stays tiny but exact).
                var scale = Math.ScaleB(1.0, Math.Min(-Math.ILogB(Math.Max(Math.Abs(min), Math.Abs(max))), 1000));
                for (var i = 0; i < n; i++)
                {
                    scaled[i] = x[i] * scale;
                }

                var average = Math.Clamp(ColumnMath.ExactSum(scaled.AsSpan(0, n)) / n, min * scale, max * scale);
                if (average == 0)
                {
                    var bad = Array.FindIndex(x, 0, n, v => v != 0);
                    throw BadValue(set, bad, c.Name, x[bad], Preconditions.Invariant(
                        $"a criterion whose average is not 0, but the values of '{c.Name}' average exactly 0, so no distance from the average can be taken relative to it (shift the criterion, for example by adding a constant)"));
                }

                // An average tiny beside the values (a signed column that nearly cancels) makes the relative distances
                // overflow; refuse it by name rather than let ∞ / ∞ turn the scores into NaN.
                if (!double.IsFinite(Math.Max((max * scale) - average, average - (min * scale)) / Math.Abs(average)))
                {
                    var far = (max * scale) - average >= average - (min * scale) ? Array.IndexOf(x, max, 0, n) : Array.IndexOf(x, min, 0, n);
                    throw BadValue(set, far, c.Name, x[far], Preconditions.Invariant(
                        $"a criterion whose average is not this close to 0 beside its values, but the values of '{c.Name}' average {F(average / scale)}, so their distances from the average, taken relative to it, overflow (shift the criterion, for example by adding a constant; scaling does not help)"));
                }

                columns[j] = new Column(false, scale, average, average / scale);
                var w = _weights[j];
                if (w == 0)
                {
                    continue;
                }

                var benefit = c.Kind == CriterionKind.Benefit;
                unchecked
                {
                    for (var i = 0; i < n; i++)
                    {
                        var d = Distance(benefit, scaled[i], average);
                        if (d > 0)
                        {
                            sp[i] += w * d;
                        }
                        else if (d < 0)
                        {
                            sn[i] += w * -d;
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scaled);
        }

        var maxSp = 0.0;
        var maxSn = 0.0;
        for (var i = 0; i < n; i++)
        {
            maxSp = Math.Max(maxSp, sp[i]);
            maxSn = Math.Max(maxSn, sn[i]);
        }

        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                var (nsp, nsn) = Normalised(sp[i], sn[i], maxSp, maxSn);
                scores[i] = (nsp + nsn) / 2;
            }
        }

        return new ScoreSheet(scores, null, new State(columns, sp, sn, maxSp, maxSn));
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
            if (col.Constant)
            {
                contributions.Add(new CriterionContribution(c.Name, x, 0, Preconditions.Invariant(
                    $"{c.Kind} '{c.Name}' = {F(x)}: every candidate has this value, so PDA = NDA = 0")));
                continue;
            }

            var d = Distance(c.Kind == CriterionKind.Benefit, x * col.Scale, col.ScaledAverage);
            var (pda, nda) = (Math.Max(d, 0), Math.Max(-d, 0));
            var part = (_weights[j] * pda) - (_weights[j] * nda);
            contributions.Add(new CriterionContribution(c.Name, x, part, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}: average {F(col.Average)}; PDA {F(pda)}, NDA {F(nda)}; weight {F(_weights[j])} × PDA = {F(_weights[j] * pda)} into SP, weight × NDA = {F(_weights[j] * nda)} into SN")));
        }

        var (nsp, nsn) = Normalised(st.Sp[index], st.Sn[index], st.MaxSp, st.MaxSn);
        return new Explanation(Name, Preconditions.Invariant(
            $"EDAS appraisal score AS {F(score)} = (NSP {F(nsp)} + NSN {F(nsn)}) / 2, with SP = Σ weight × PDA = {F(st.Sp[index])} (largest {F(st.MaxSp)}), SN = Σ weight × NDA = {F(st.Sn[index])} (largest {F(st.MaxSn)}), NSP = SP / max SP and NSN = 1 − SN / max SN (NSP = 0 and NSN = 1 when the largest is 0)."), contributions);
    }

    /// <summary>The signed relative distance from the average: positive when better than average (PDA), negative when worse (−NDA).</summary>
    private static double Distance(bool benefit, double x, double average) =>
        (benefit ? x - average : average - x) / Math.Abs(average);

    /// <summary>NSP = SP / max SP and NSN = 1 − SN / max SN, with NSP = 0 and NSN = 1 when the largest is 0.</summary>
    private static (double Nsp, double Nsn) Normalised(double sp, double sn, double maxSp, double maxSn) =>
        (maxSp > 0 ? sp / maxSp : 0, maxSn > 0 ? 1 - (sn / maxSn) : 1);

    /// <summary>One criterion's average: whether the column is constant, the power of two it was scaled by, and the average scaled and not.</summary>
    private sealed record Column(bool Constant, double Scale, double ScaledAverage, double Average);

    private sealed record State(Column[] Columns, double[] Sp, double[] Sn, double MaxSp, double MaxSn);
}
