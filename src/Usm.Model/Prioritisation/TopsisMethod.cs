using System.Buffers;
using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// TOPSIS (technique for order of preference by similarity to the ideal solution, Hwang and Yoon 1981): each
/// candidate's score is its relative closeness C = D⁻ / (D⁺ + D⁻) to the ideal point.
/// </summary>
/// <remarks>
/// <para>Steps: normalise each criterion column (classically by its Euclidean norm, rᵢⱼ = xᵢⱼ / ‖xⱼ‖), weight it
/// (vᵢⱼ = wⱼ · rᵢⱼ, weights divided by their sum), take the ideal A⁺ (the best v per criterion: the maximum for a
/// benefit, the minimum for a cost) and the anti-ideal A⁻ (the worst), and measure each candidate's Euclidean
/// distances D⁺ to A⁺ and D⁻ to A⁻. If every criterion is constant (D⁺ = D⁻ = 0) every candidate scores 0.5.</para>
/// <para>Under TOPSIS the normalisation is applied without flipping costs (x / ‖x‖, x / max, (x − min) / range);
/// the ideal point does the flipping.</para>
/// <para>Pitfall: the ideal points and the norms depend on every candidate, so adding or removing one candidate can
/// swap two others (rank reversal). Use <see cref="RankReversal"/> to probe for it.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class TopsisMethod : RankingMethod
{
    private readonly double[] _weights;

    internal TopsisMethod(IEnumerable<Criterion> criteria, SawNormalisation normalisation)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
        Normalisation = Preconditions.CheckDefined(normalisation);
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets the normalisation.</summary>
    public SawNormalisation Normalisation { get; }

    /// <inheritdoc />
    public override string Name => "TOPSIS";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var m = Criteria.Length;
        var scale = new double[m];
        var offset = new double[m];
        var half = new double[m];
        var ideal = new double[m];
        var anti = new double[m];
        var plus = ArrayPool<double>.Shared.Rent(n);
        var minus = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Array.Clear(plus, 0, n);
            Array.Clear(minus, 0, n);
            for (var j = 0; j < m; j++)
            {
                var c = Criteria[j];
                var x = set.ColumnArray(c.Name, "candidates", Name);
                var s = ColumnMath.Stats(x);

                // v = w · scale · (h·x − h·offset), with h = 1 except for a min-max range that overflows (values towards
                // ±1.8e308), which is taken in halves (h = ½): the same ratio, and ordinary columns are unchanged.
                var h = Normalisation == SawNormalisation.MinMax && double.IsPositiveInfinity(s.Max - s.Min) ? 0.5 : 1.0;
                (scale[j], offset[j]) = Normalisation switch
                {
                    SawNormalisation.Max => (s.Max > 0 ? 1 / s.Max : 0, 0),
                    SawNormalisation.MinMax => (s.Max > s.Min ? 1 / ((h * s.Max) - (h * s.Min)) : 0, s.Min),
                    _ => (s.Norm > 0 ? 1 / s.Norm : 0, 0),
                };
                half[j] = h;
                if (!double.IsFinite(scale[j]) || (double.IsPositiveInfinity(s.Norm) && Normalisation == SawNormalisation.Vector))
                {
                    throw WeightedSumMethod.Unnormalisable(Name, c, s);
                }
                if (Normalisation == SawNormalisation.Max && s.Min < 0)
                {
                    var bad = Array.FindIndex(x, v => v < 0);
                    throw BadValue(set, bad, c.Name, x[bad], "values ≥ 0 under max normalisation");
                }

                var a = _weights[j] * scale[j];
                var ho = h * offset[j];
                var vMax = a * ((h * s.Max) - ho);
                var vMin = a * ((h * s.Min) - ho);
                (ideal[j], anti[j]) = c.Kind == CriterionKind.Benefit ? (vMax, vMin) : (vMin, vMax);
                var best = ideal[j];
                var worst = anti[j];
                unchecked
                {
                    for (var i = 0; i < n; i++)
                    {
                        var v = a * ((h * x[i]) - ho);
                        var dp = v - best;
                        var dm = v - worst;
                        plus[i] += dp * dp;
                        minus[i] += dm * dm;
                    }
                }
            }

            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    var dp = Math.Sqrt(plus[i]);
                    var dm = Math.Sqrt(minus[i]);
                    var total = dp + dm;
                    scores[i] = total > 0 ? dm / total : 0.5;
                }
            }

            return new ScoreSheet(scores, null, new State(scale, offset, half, ideal, anti));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(plus);
            ArrayPool<double>.Shared.Return(minus);
        }
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (State)state!;
        var contributions = new List<CriterionContribution>(Criteria.Length);
        double plus = 0, minus = 0;
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var h = st.Half[j];
            var v = _weights[j] * st.Scale[j] * ((h * x) - (h * st.Offset[j]));
            var dp = (v - st.Ideal[j]) * (v - st.Ideal[j]);
            var dm = (v - st.Anti[j]) * (v - st.Anti[j]);
            plus += dp;
            minus += dm;
            contributions.Add(new CriterionContribution(c.Name, x, v, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}: weighted normalised value {F(v)}; ideal {F(st.Ideal[j])} (squared gap {F(dp)}), anti-ideal {F(st.Anti[j])} (squared gap {F(dm)})")));
        }

        return new Explanation(Name, Preconditions.Invariant(
            $"TOPSIS closeness {F(score)} = D⁻ / (D⁺ + D⁻) with D⁺ = {F(Math.Sqrt(plus))} to the ideal and D⁻ = {F(Math.Sqrt(minus))} to the anti-ideal ({Normalisation} normalisation)."), contributions);
    }

    private sealed record State(double[] Scale, double[] Offset, double[] Half, double[] Ideal, double[] Anti);
}
