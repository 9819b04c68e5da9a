using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// VIKOR (Opricovic 1998; Opricovic and Tzeng 2004), the compromise ranking: each candidate's group utility S, its
/// individual regret R, and the index Q that blends them; lower Q is better.
/// </summary>
/// <remarks>
/// <para>Steps: per criterion the best value f*ⱼ and the worst f⁻ⱼ (max and min for a benefit, min and max for a cost);
/// per candidate the regret terms dᵢⱼ = wⱼ · (f*ⱼ − fᵢⱼ) / (f*ⱼ − f⁻ⱼ) (weights divided by their sum), their sum Sᵢ and
/// their maximum Rᵢ; then Qᵢ = v · (Sᵢ − S*) / (S⁻ − S*) + (1 − v) · (Rᵢ − R*) / (R⁻ − R*), with S* and S⁻ the
/// smallest and largest S, R* and R⁻ likewise. S, R and Q all lie in [0, 1].</para>
/// <para>The library ranks higher scores first, so a candidate's score is −Q (0 for the best, down to −1 for the
/// worst): ranking by score descending is ranking by Q ascending, exactly (negation loses no digits, unlike 1 − Q).
/// The explanation states Q, S and R.</para>
/// <para>Degenerate cases, all defined rather than NaN: a criterion on which every candidate is equal (f* = f⁻) gives
/// every candidate the regret term 0, so it drops out; when every S is equal (S⁻ = S*) the S part of Q is 0 for all,
/// and likewise the R part when R⁻ = R*; so if every candidate is equal on every criterion, every Q is 0 and the
/// candidates are ordered by id.</para>
/// <para>VIKOR proposes a compromise rather than only a ranking: see <see cref="Compromise"/> for the conditions of
/// acceptable advantage and acceptable stability, and the compromise set when they fail.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class VikorMethod : RankingMethod
{
    private readonly double[] _weights;

    internal VikorMethod(IEnumerable<Criterion> criteria, double v)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
        V = Preconditions.CheckInRange(v, 0, 1);
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets v, the weight of the strategy of the majority of criteria (group utility S) in Q; 1 − v weighs the individual regret R.</summary>
    public double V { get; }

    /// <inheritdoc />
    public override string Name => "VIKOR";

    /// <summary>
    /// Computes S, R and Q for every candidate, orders them by Q and checks VIKOR's two conditions for proposing the
    /// first as the compromise solution: acceptable advantage (C1) and acceptable stability (C2).
    /// </summary>
    /// <param name="candidates">The candidates; never changed.</param>
    /// <returns>The compromise analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> is null.</exception>
    /// <exception cref="ArgumentException">The set is empty, or lacks one of the criteria.</exception>
    public VikorCompromise Compromise(CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (!(candidates.Count > 0))
        {
            throw new ArgumentException(Preconditions.Invariant($"{Name} needs at least one candidate, but the set is empty."), nameof(candidates));
        }

        var st = Measures(candidates);
        return new VikorCompromise(this, candidates.IdArray, st.S, st.R, st.Q);
    }

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var st = Measures(set);
        unchecked
        {
            for (var i = 0; i < set.Count; i++)
            {
                // 0 − Q rather than −Q: the best candidate (Q = +0) scores +0, not −0.
                scores[i] = 0.0 - st.Q[i];
            }
        }

        return new ScoreSheet(scores, null, st);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (State)state!;
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var d = Regret(x, st.Best[j], st.Worst[j], _weights[j]);
            var text = st.Best[j] == st.Worst[j]
                ? Preconditions.Invariant($"{c.Kind} '{c.Name}' = {F(x)}: every candidate has this value, so its regret term is 0")
                : Preconditions.Invariant($"{c.Kind} '{c.Name}' = {F(x)}: best {F(st.Best[j])}, worst {F(st.Worst[j])}; regret weight {F(_weights[j])} × (best − x) / (best − worst) = {F(d)}");
            contributions.Add(new CriterionContribution(c.Name, x, d, text));
        }

        return new Explanation(Name, Preconditions.Invariant(
            $"VIKOR score {F(score)} = −Q, Q = {F(st.Q[index])} (lower is better) = v {F(V)} × (S {F(st.S[index])} − S* {F(st.SBest)}) / (S⁻ {F(st.SWorst)} − S*) + {F(1 - V)} × (R {F(st.R[index])} − R* {F(st.RBest)}) / (R⁻ {F(st.RWorst)} − R*); a part whose range is 0 counts 0."), contributions);
    }

    /// <summary>wⱼ · (f* − x) / (f* − f⁻), 0 for a constant column; a range beyond double precision is taken in halves.</summary>
    /// <remarks>The best value's term is +0 exactly: for a cost f* − f⁻ is negative, and 0 / (f* − f⁻) would be −0.</remarks>
    private static double Regret(double x, double best, double worst, double weight)
    {
        if (best == worst || weight == 0 || x == best)
        {
            return 0;
        }

        var range = best - worst;
        var ratio = double.IsInfinity(range) ? ((best / 2) - (x / 2)) / ((best / 2) - (worst / 2)) : (best - x) / range;
        return weight * ratio;
    }

    private State Measures(CandidateSet set)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var best = new double[m];
        var worst = new double[m];
        var s = new double[n];
        var r = new double[n];
        for (var j = 0; j < m; j++)
        {
            var x = set.ColumnArray(Criteria[j].Name, "candidates", Name);
            var (min, max) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
            (best[j], worst[j]) = Criteria[j].Kind == CriterionKind.Benefit ? (max, min) : (min, max);
            var b = best[j];
            var w = worst[j];
            var weight = _weights[j];
            for (var i = 0; i < n; i++)
            {
                var d = Regret(x[i], b, w, weight);
                s[i] += d;
                if (d > r[i])
                {
                    r[i] = d;
                }
            }
        }

        // The weights sum to 1 only up to rounding; keep S within its documented range.
        var (sBest, sWorst) = (double.PositiveInfinity, double.NegativeInfinity);
        var (rBest, rWorst) = (double.PositiveInfinity, double.NegativeInfinity);
        for (var i = 0; i < n; i++)
        {
            s[i] = Math.Min(s[i], 1);
            sBest = Math.Min(sBest, s[i]);
            sWorst = Math.Max(sWorst, s[i]);
            rBest = Math.Min(rBest, r[i]);
            rWorst = Math.Max(rWorst, r[i]);
        }

        var q = new double[n];
        var sRange = sWorst - sBest;
        var rRange = rWorst - rBest;
        for (var i = 0; i < n; i++)
        {
            var sPart = sRange > 0 ? V * ((s[i] - sBest) / sRange) : 0;
            var rPart = rRange > 0 ? (1 - V) * ((r[i] - rBest) / rRange) : 0;
            q[i] = Math.Clamp(sPart + rPart, 0, 1);
        }

        return new State(best, worst, s, r, q, sBest, sWorst, rBest, rWorst);
    }

    private sealed record State(double[] Best, double[] Worst, double[] S, double[] R, double[] Q, double SBest, double SWorst, double RBest, double RWorst);
}
