using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// CODAS, the combinative distance-based assessment (Keshavarz Ghorabaee, Zavadskas, Turskis and Antucheviciene 2016):
/// candidates far from the negative-ideal point are better, judged by Euclidean distance and, against candidates whose
/// Euclidean distance differs from theirs by at least τ, also by taxicab distance (the paper's ψ; see the remarks).
/// </summary>
/// <remarks>
/// <para>Steps: normalise each column linearly by its best value (benefit rᵢⱼ = x / max, cost rᵢⱼ = min / x), weight it
/// (vᵢⱼ = wⱼ · rᵢⱼ, weights divided by their sum), take the negative-ideal point nsⱼ = minᵢ vᵢⱼ, and each candidate's
/// Euclidean distance Eᵢ = √Σⱼ (vᵢⱼ − nsⱼ)² and taxicab distance Tᵢ = Σⱼ |vᵢⱼ − nsⱼ| from it. The relative assessment of
/// candidate i against k is hᵢₖ = (Eᵢ − Eₖ) + ψ(Eᵢ − Eₖ) · (Tᵢ − Tₖ), with ψ(d) = 1 when |d| ≥ τ and 0 otherwise, and
/// the assessment score is Hᵢ = Σₖ hᵢₖ. Higher H is better, and the score is H itself.</para>
/// <para>Range: E and T lie in [0, 1] (the weighted values lie in [0, wⱼ]), so each hᵢₖ lies in [−2, 2] and H in
/// [−2 (n − 1), 2 (n − 1)]; the scores of a set sum to 0 up to rounding (h is antisymmetric), so a positive H is better
/// than the set's average.</para>
/// <para>τ, the threshold, is the paper's: "between 0.01 and 0.05", 0.02 in its examples and here by default. This class
/// accepts any τ in [0, 1]: τ = 0 counts the taxicab term for every pair, and a τ near 1 for almost none. The paper's
/// prose calls T a secondary measure for alternatives whose Euclidean distances are close, but its ψ, which gives its
/// published numbers and which pymcdm and JMcDM implement, counts T for the pairs at least τ apart and not for the
/// close ones; this class follows the formula.</para>
/// <para>Values: a benefit needs values ≥ 0 (x / max) and a cost positive values (min / x); a benefit column of zeros
/// gives r = 0 for all and drops out, and so does any constant column (every v equals the negative ideal).</para>
/// <para>Dominance: a candidate best on every criterion has the largest E and the largest T, but, unlike in the other
/// additive methods, that does not make it first for every τ: the ψ switch can give a dominated candidate a taxicab
/// term against others that the dominating one, being within τ of them, does not get. It is first for τ = 0 (then
/// H = n (E + T) − Σₖ (Eₖ + Tₖ)) and whenever no two Euclidean distances are τ apart.</para>
/// <para>Numerics: H is computed in O(n log n) rather than over all n² pairs: Σₖ (Eᵢ − Eₖ) = n · Eᵢ − Σₖ Eₖ, and the
/// candidates at least τ away in E are a prefix and a suffix of the candidates ordered by (E, T), whose T sums are
/// running sums. Every sum is formed in an order fixed by the values, so a candidate's score does not depend on the
/// input order. Multiplying a column by a power of two changes no score; by any other positive constant, a score may
/// change in its last digits, and where two E differ by τ within those digits, ψ can switch.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CodasMethod : RankingMethod
{
    private readonly double[] _weights;

    internal CodasMethod(IEnumerable<Criterion> criteria, double tau)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
        Tau = Preconditions.CheckInRange(tau, 0, 1);
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets τ, the threshold in Euclidean distance from which two candidates are also compared by taxicab distance, in [0, 1].</summary>
    public double Tau { get; }

    /// <inheritdoc />
    public override string Name => "CODAS";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var columns = new Column[m];
        var e = new double[n];
        var t = new double[n];
        for (var j = 0; j < m; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name);
            var (min, max) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
            var benefit = c.Kind == CriterionKind.Benefit;
            if (benefit && min < 0)
            {
                var bad = Array.FindIndex(x, 0, n, v => v < 0);
                throw BadValue(set, bad, c.Name, x[bad], "values ≥ 0 on a benefit criterion (it normalises x / max)");
            }

            if (!benefit && !(min > 0))
            {
                throw NotPositive(set, x, c.Name, Name, "positive values on a cost criterion (it normalises min / x)");
            }

            var w = _weights[j];
            // The negative ideal is the smallest weighted value: the minimum's for a benefit, the maximum's for a cost.
            var col = new Column(benefit, min, max, w * Normalise(benefit, benefit ? min : max, min, max));
            columns[j] = col;
            if (w == 0 || min == max)
            {
                continue;
            }

            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    var gap = (w * Normalise(benefit, x[i], min, max)) - col.NegativeIdeal;
                    e[i] += gap * gap;
                    t[i] += gap;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            e[i] = Math.Sqrt(e[i]);
        }

        var far = Assess(e, t, Tau, scores);
        return new ScoreSheet(scores, null, new State(columns, e, t, far));
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
            var r = Normalise(col.Benefit, x, col.Min, col.Max);
            var v = _weights[j] * r;
            var how = col.Benefit
                ? (col.Max > 0 ? Preconditions.Invariant($"x / max {F(col.Max)}") : "to 0 (every value is 0)")
                : Preconditions.Invariant($"min {F(col.Min)} / x");
            contributions.Add(new CriterionContribution(c.Name, x, v - col.NegativeIdeal, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, normalised {how} to {F(r)}, × weight {F(_weights[j])} = {F(v)}; negative ideal {F(col.NegativeIdeal)}, gap {F(v - col.NegativeIdeal)}")));
        }

        var others = set.Count - 1;
        return new Explanation(Name, Preconditions.Invariant(
            $"CODAS assessment score H {F(score)} = Σ over the other candidates of (E − Eₖ) + ψ × (T − Tₖ), with E = {F(st.E[index])} the Euclidean and T = {F(st.T[index])} the taxicab distance from the negative ideal; ψ = 1 for the {st.Far[index]} of {others} others whose E differs from this one's by at least τ = {F(Tau)}, else 0."), contributions);
    }

    /// <summary>The linear normalisation by the column's best value: x / max for a benefit (0 for a column of zeros), min / x for a cost.</summary>
    private static double Normalise(bool benefit, double x, double min, double max) =>
        benefit ? (max > 0 ? x / max : 0) : min / x;

    /// <summary>
    /// Writes Hᵢ = n·Eᵢ − ΣE + cᵢ·Tᵢ − Σ_far T into <paramref name="scores"/>, with cᵢ the number of candidates whose E is at
    /// least τ from Eᵢ (all of them when τ = 0), and returns each candidate's count of such others.
    /// </summary>
    private static int[] Assess(double[] e, double[] t, double tau, double[] scores)
    {
        var n = e.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // By (E, T): candidates with equal keys have equal T, so every running sum below is the same for any input order.
        Array.Sort(order, (a, b) => e[a] != e[b] ? e[a].CompareTo(e[b]) : t[a].CompareTo(t[b]));
        var sumE = ColumnMath.ExactSum(e);
        var prefix = new double[n + 1];
        var suffix = new double[n + 1];
        for (var p = 0; p < n; p++)
        {
            prefix[p + 1] = prefix[p] + t[order[p]];
        }

        for (var p = n - 1; p >= 0; p--)
        {
            suffix[p] = suffix[p + 1] + t[order[p]];
        }

        var count = (double)n;
        var far = new int[n];
        var low = 0;
        var high = 0;
        for (var p = 0; p < n; p++)
        {
            var i = order[p];
            var ei = e[i];
            int below, aboveFrom;
            if (tau == 0)
            {
                (below, aboveFrom) = (n, n);
            }
            else
            {
                // E is ascending along the order, so Eᵢ − Eₖ ≥ τ holds on a prefix and Eₖ − Eᵢ ≥ τ on a suffix, and both
                // boundaries only move forwards.
                while (low < n && ei - e[order[low]] >= tau)
                {
                    low++;
                }

                high = Math.Max(high, p);
                while (high < n && !(e[order[high]] - ei >= tau))
                {
                    high++;
                }

                (below, aboveFrom) = (low, high);
            }

            var farCount = below + (n - aboveFrom);
            var farT = prefix[below] + suffix[aboveFrom];
            scores[i] = ((count * ei) - sumE) + ((farCount * t[i]) - farT);
            far[i] = tau == 0 ? n - 1 : farCount;
        }

        return far;
    }

    /// <summary>One criterion's normalisation: kind, the column's min and max, and the negative-ideal weighted value.</summary>
    private sealed record Column(bool Benefit, double Min, double Max, double NegativeIdeal);

    private sealed record State(Column[] Columns, double[] E, double[] T, int[] Far);
}
