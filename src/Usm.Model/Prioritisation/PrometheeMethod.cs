using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// PROMETHEE II (Brans 1982; Brans and Vincke 1985): every pair of candidates is compared criterion by criterion
/// through a preference function, and each candidate's score is its net outranking flow φ = φ⁺ − φ⁻, in [−1, 1].
/// </summary>
/// <remarks>
/// <para><b>Definition.</b> On criterion j the difference d_j(a, b) = g_j(a) − g_j(b) (reversed, g_j(b) − g_j(a), for a
/// cost) gives the preference P_j(a, b) = F_j(d_j(a, b)) in [0, 1] (<see cref="PreferenceFunction"/>). The preference
/// index is π(a, b) = Σ_j w_j·P_j(a, b), with the weights divided by their sum. Over n candidates the positive flow is
/// φ⁺(a) = Σ_{x≠a} π(a, x) / (n − 1) (how strongly a outranks the others), the negative flow
/// φ⁻(a) = Σ_{x≠a} π(x, a) / (n − 1) (how strongly the others outrank a), and the score is φ(a) = φ⁺(a) − φ⁻(a). A single
/// candidate has φ⁺ = φ⁻ = φ = 0.</para>
/// <para><b>Additivity.</b> Because π is a weighted sum, so are the flows: φ(a) = Σ_j w_j·φ_j(a), with the single-criterion
/// net flow φ_j(a) = Σ_{x≠a} [P_j(a, x) − P_j(x, a)] / (n − 1). The explanation shows each w_j·φ_j; they add up to φ
/// (to within rounding).</para>
/// <para><b>Cost.</b> The flows are computed per criterion from the sorted column, once per distinct value, not pair by
/// pair: O(m·n log n) for the usual, U-shape, V-shape, level and linear criteria. The Gaussian adds, per distinct value,
/// one term per distinct value within about 8.6·s of it (beyond, P = 1 in double precision): O(u²) for u distinct
/// values in the worst case, so about 10¹⁰ exponentials for 100,000 distinct values packed within a few s (minutes),
/// but O(n log n) for ratings on a short scale or for s small beside the spread. Memory: 2·m + 2 arrays of n doubles
/// (the per-criterion flows are kept for the explanations).</para>
/// <para><b>Numerics.</b> Every per-criterion flow depends only on the candidate's value and the column's sorted values,
/// and the weighted sums run in criterion order, so the flows, scores and ranking do not depend on the order of the
/// candidates in the set, bit for bit; candidates with equal values have equal flows. Against the pairwise definition
/// evaluated in double precision the flows agree to within a few units in the last place of the largest term (the
/// property tests allow 1e-12).</para>
/// <para><b>Pitfalls.</b> The flows compare each candidate with all others, so adding or removing a candidate can swap
/// two others (rank reversal; Mareschal, De Smet and Nemery 2008). Use <see cref="RankReversal"/> to probe for it. The
/// thresholds are in each criterion's own unit; adding a constant to a column changes nothing, scaling it does unless
/// the thresholds scale with it. For PROMETHEE I's partial order use <see cref="Flows"/> or
/// <see cref="PrometheeFlows.Of"/> and <see cref="PrometheeFlows.Compare"/>.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PrometheeMethod : RankingMethod
{
    private readonly double[] _weights;

    internal PrometheeMethod(IEnumerable<Criterion> criteria, IEnumerable<KeyValuePair<string, PreferenceFunction>>? preferenceFunctions)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
        var byName = new Dictionary<string, PreferenceFunction>(StringComparer.Ordinal);
        foreach (var (name, function) in preferenceFunctions ?? [])
        {
            if (!Criteria.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
            {
                throw new ArgumentException(Preconditions.Invariant(
                    $"A preference function is given for criterion '{name}', which is not one of the criteria [{string.Join(", ", Criteria.Select(c => c.Name))}]."), nameof(preferenceFunctions));
            }

            if (function is null)
            {
                throw new ArgumentNullException(nameof(preferenceFunctions), Preconditions.Invariant($"The preference function of criterion '{name}' is null."));
            }

            if (!byName.TryAdd(name, function))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{name}' is given two preference functions."), nameof(preferenceFunctions));
            }
        }

        PreferenceFunctions = [.. Criteria.Select(c => byName.GetValueOrDefault(c.Name, PreferenceFunction.Usual))];
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets each criterion's preference function, in the order of <see cref="Criteria"/> (the usual criterion where none was given).</summary>
    public ImmutableArray<PreferenceFunction> PreferenceFunctions { get; }

    /// <inheritdoc />
    public override string Name => "PROMETHEE II";

    /// <summary>Computes the outranking flows of every candidate, for PROMETHEE I's partial order or to read φ⁺ and φ⁻.</summary>
    /// <param name="candidates">The candidates; never changed. At least one.</param>
    /// <returns>The flows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> is null.</exception>
    /// <exception cref="ArgumentException">The set is empty or lacks a criterion.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A linear or V-shape criterion's values are so large that their sums overflow (the message names it).</exception>
    public PrometheeFlows Flows(CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (!(candidates.Count > 0))
        {
            throw new ArgumentException(Preconditions.Invariant($"{Name} needs at least one candidate, but the set is empty."), nameof(candidates));
        }

        return new PrometheeFlows(candidates, this, Compute(candidates));
    }

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var state = Compute(set);
        for (var i = 0; i < set.Count; i++)
        {
            scores[i] = state.Plus[i] - state.Minus[i];
        }

        return new ScoreSheet(scores, null, state);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (PrometheeState)state!;
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var plus = st.CriterionPlus[j][index];
            var minus = st.CriterionMinus[j][index];
            var net = plus - minus;
            var part = _weights[j] == 0 ? 0 : _weights[j] * net; // a zero weight gives +0, not 0 × (negative φ_j) = −0
            contributions.Add(new CriterionContribution(c.Name, x, part, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, {PreferenceFunctions[j]} preference: φ⁺ {F(plus)} − φ⁻ {F(minus)} = φ_j {F(net)}, × weight {F(_weights[j])} = {F(part)}")));
        }

        return new Explanation(Name, Preconditions.Invariant(
            $"PROMETHEE II net flow φ {F(score)} = φ⁺ {F(st.Plus[index])} (how strongly it outranks the other {set.Count - 1}) − φ⁻ {F(st.Minus[index])} (how strongly they outrank it); φ is additive over criteria, φ = Σ weight × φ_j, shown per criterion."), contributions);
    }

    /// <summary>The weight of criterion j, divided by the sum of the weights.</summary>
    internal double WeightAt(int j) => _weights[j];

    /// <summary>Validates the set and computes every flow.</summary>
    internal PrometheeState Compute(CandidateSet set)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var columns = new double[m][];
        for (var j = 0; j < m; j++)
        {
            columns[j] = set.ColumnArray(Criteria[j].Name, "candidates", Name);
        }

        var criterionPlus = new double[m][];
        var criterionMinus = new double[m][];
        var plus = new double[n];
        var minus = new double[n];
        var oriented = Criteria.Any(c => c.Kind == CriterionKind.Cost) ? new double[n] : null;
        for (var j = 0; j < m; j++)
        {
            var c = Criteria[j];
            var x = columns[j];
            if (c.Kind == CriterionKind.Cost)
            {
                // A cost reverses the difference: P(g(b) − g(a)) = P((−g(a)) − (−g(b))), and negation is exact.
                for (var i = 0; i < n; i++)
                {
                    oriented![i] = -x[i];
                }

                x = oriented!;
            }

            criterionPlus[j] = new double[n];
            criterionMinus[j] = new double[n];
            if (!PrometheeFlowMath.Flows(x, n, PreferenceFunctions[j], criterionPlus[j], criterionMinus[j]))
            {
                throw new ArgumentOutOfRangeException("candidates", Preconditions.Invariant(
                    $"{Name} cannot sum criterion '{c.Name}' ({PreferenceFunctions[j]}): its values or thresholds are so large that n times them exceeds the largest double. Rescale the criterion and its thresholds."));
            }

            var w = _weights[j];
            var cp = criterionPlus[j];
            var cm = criterionMinus[j];
            for (var i = 0; i < n; i++)
            {
                plus[i] += w * cp[i];
                minus[i] += w * cm[i];
            }
        }

        return new PrometheeState(criterionPlus, criterionMinus, plus, minus);
    }
}

/// <summary>The flows of one PROMETHEE evaluation, by set index: per criterion (unweighted) and in total.</summary>
internal sealed record PrometheeState(double[][] CriterionPlus, double[][] CriterionMinus, double[] Plus, double[] Minus);
