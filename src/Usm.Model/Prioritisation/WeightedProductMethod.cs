using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The weighted product model (WPM; Bridgman 1922, Miller and Starr 1969): score = Πⱼ rⱼ^wⱼ, with rⱼ the
/// candidate's value of criterion j normalised linearly by the column's best value (benefit x / max, cost min / x).
/// </summary>
/// <remarks>
/// <para>Weights are divided by their sum, so a score lies in (0, 1] and is 1 only for a candidate that is best on
/// every criterion with a positive weight. Because the score is a product, a candidate's ratio to another,
/// Πⱼ (xₖⱼ / xₗⱼ)^wⱼ for benefits, does not depend on the normalisation or on the units of any criterion: multiplying a
/// column by a positive constant leaves every score unchanged.</para>
/// <para>Every value must be positive (a zero would zero the whole product, and a negative power of a negative number
/// is undefined); a zero or negative value is refused with a message naming the candidate and the criterion.</para>
/// <para>Numerics: the product is computed in log space, score = exp(Σⱼ wⱼ · ln rⱼ), so that many small factors
/// neither underflow nor lose digits as a running product would. rⱼ is taken as the ratio first (x / max is exact
/// when a column is scaled by a power of two) and, only when that ratio would be subnormal, as ln x − ln max.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WeightedProductMethod : RankingMethod
{
    /// <summary>The smallest normal double, 2^−1022; a ratio below it has lost digits (or is 0).</summary>
    private const double SmallestNormal = 2.2250738585072014E-308;

    private readonly double[] _weights;

    internal WeightedProductMethod(IEnumerable<Criterion> criteria)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override string Name => "WPM";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores) => Compute(set, scores, Name);

    /// <summary>Writes every candidate's WPM score into <paramref name="scores"/> and returns the columns' (min, max); errors name <paramref name="methodName"/>.</summary>
    internal ScoreSheet Compute(CandidateSet set, double[] scores, string methodName)
    {
        var n = set.Count;
        var bounds = new (double Min, double Max)[Criteria.Length];
        var columns = new double[Criteria.Length][];
        for (var j = 0; j < Criteria.Length; j++)
        {
            var x = set.ColumnArray(Criteria[j].Name, "candidates", methodName);
            var (min, max) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
            if (!(min > 0))
            {
                throw NotPositive(set, x, Criteria[j].Name, methodName, "positive values on every criterion (the weighted product raises x / max or min / x to the criterion's weight, and a zero or negative value has no meaningful power)");
            }

            bounds[j] = (min, max);
            columns[j] = x;
        }

        var logs = scores.AsSpan(0, n);
        logs.Clear();
        for (var j = 0; j < Criteria.Length; j++)
        {
            var w = _weights[j];
            if (w == 0)
            {
                continue;
            }

            var x = columns[j];
            var benefit = Criteria[j].Kind == CriterionKind.Benefit;
            var (min, max) = bounds[j];
            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    logs[i] += w * LogRatio(benefit, x[i], min, max);
                }
            }
        }

        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                logs[i] = Math.Exp(logs[i]);
            }
        }

        return new ScoreSheet(scores, null, bounds);
    }

    /// <summary>ln rⱼ: ln(x / max) for a benefit, ln(min / x) for a cost; never positive for a value inside the column.</summary>
    internal static double LogRatio(bool benefit, double x, double min, double max)
    {
        var (numerator, denominator) = benefit ? (x, max) : (min, x);
        var ratio = numerator / denominator;
        return ratio >= SmallestNormal ? Math.Log(ratio) : Math.Log(numerator) - Math.Log(denominator);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var bounds = ((double Min, double Max)[])state!;
        var contributions = Factors(set, bounds, index, Name);
        return new Explanation(Name, Preconditions.Invariant($"WPM score {F(score)} = Π normalised value ^ weight (computed as exp Σ weight × ln normalised value)."), contributions);
    }

    /// <summary>Each criterion's factor rⱼ^wⱼ in one candidate's product, with a sentence.</summary>
    internal List<CriterionContribution> Factors(CandidateSet set, (double Min, double Max)[] bounds, int index, string methodName)
    {
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", methodName)[index];
            var benefit = c.Kind == CriterionKind.Benefit;
            var log = LogRatio(benefit, x, bounds[j].Min, bounds[j].Max);
            var factor = _weights[j] == 0 ? 1 : Math.Exp(_weights[j] * log);
            var how = benefit ? Preconditions.Invariant($"x / max {F(bounds[j].Max)}") : Preconditions.Invariant($"min {F(bounds[j].Min)} / x");
            contributions.Add(new CriterionContribution(c.Name, x, factor, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, normalised {how} to {F(Math.Exp(log))}, ^ weight {F(_weights[j])} = factor {F(factor)}")));
        }

        return contributions;
    }
}
