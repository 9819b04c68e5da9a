using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// WASPAS, the weighted aggregated sum product assessment (Zavadskas, Turskis, Antucheviciene and Zakarevicius 2012):
/// Q = λ · WSM + (1 − λ) · WPM, a blend of the weighted sum and the weighted product of the same normalised values.
/// </summary>
/// <remarks>
/// <para>Both parts use the linear normalisation by the column's best value (benefit x / max, cost min / x) and the
/// weights divided by their sum: WSM = Σⱼ wⱼ · rⱼ is <see cref="RankingMethod.WeightedSum"/> with
/// <see cref="SawNormalisation.Max"/>, and WPM = Πⱼ rⱼ^wⱼ is <see cref="RankingMethod.WeightedProduct"/>. λ = 1 gives
/// exactly the SAW scores and λ = 0 exactly the WPM scores (the same numbers, bit for bit). A score lies in (0, 1].</para>
/// <para>Because of the product, every value must be positive; a zero or negative value is refused with a message
/// naming the candidate and the criterion. Zavadskas et al. choose λ to minimise the variance of Q; this class takes λ
/// as given (0.5 by default, the usual choice).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WaspasMethod : RankingMethod
{
    private readonly double[] _weights;
    private readonly WeightedSumMethod _sum;
    private readonly WeightedProductMethod _product;

    internal WaspasMethod(IEnumerable<Criterion> criteria, double lambda)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
        Lambda = Preconditions.CheckInRange(lambda, 0, 1);
        _sum = new WeightedSumMethod(Criteria, SawNormalisation.Max, "WASPAS");
        _product = new WeightedProductMethod(Criteria);
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets λ, the share of the weighted sum in the score (1 − λ is the share of the weighted product), in [0, 1].</summary>
    public double Lambda { get; }

    /// <inheritdoc />
    public override string Name => "WASPAS";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;

        // The product first: its check (every value positive) is the stricter one, so its message is the one users see.
        var product = new double[n];
        var bounds = ((double Min, double Max)[])_product.Compute(set, product, Name).State!;
        var sum = new double[n];
        _sum.Evaluate(set, sum);
        var lambda = Lambda;
        var rest = 1 - lambda;
        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                scores[i] = (lambda * sum[i]) + (rest * product[i]);
            }
        }

        return new ScoreSheet(scores, null, new State(sum, product, bounds));
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var st = (State)state!;
        var factors = _product.Factors(set, st.Bounds, index, Name);
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var r = WeightedSumMethod.NormalisedValue(c.Kind, SawNormalisation.Max, x, (st.Bounds[j].Min, st.Bounds[j].Max, double.NaN));
            var part = _weights[j] * r;
            contributions.Add(new CriterionContribution(c.Name, x, part, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, normalised to {F(r)}: WSM term weight {F(_weights[j])} × {F(r)} = {F(part)}; WPM factor {F(r)} ^ {F(_weights[j])} = {F(factors[j].Contribution)}")));
        }

        return new Explanation(Name, Preconditions.Invariant(
            $"WASPAS score {F(score)} = λ × WSM + (1 − λ) × WPM = {F(Lambda)} × {F(st.Sum[index])} + {F(1 - Lambda)} × {F(st.Product[index])} (max normalisation)."), contributions);
    }

    private sealed record State(double[] Sum, double[] Product, (double Min, double Max)[] Bounds);
}
