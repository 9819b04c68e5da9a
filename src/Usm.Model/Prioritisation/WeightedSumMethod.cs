using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How a multi-criteria method makes criteria on different scales comparable.</summary>
public enum SawNormalisation
{
    /// <summary>Linear by the maximum: benefit x / max; cost min / x. Needs values ≥ 0, and > 0 for costs.</summary>
    Max = 1,

    /// <summary>Min-max: benefit (x − min) / (max − min); cost (max − x) / (max − min). A criterion on which all candidates are equal contributes 0.</summary>
    MinMax = 2,

    /// <summary>Vector: benefit x / ‖x‖; cost 1 − x / ‖x‖, where ‖x‖ is the column's Euclidean norm. A column of zeros contributes 0.</summary>
    Vector = 3,
}

/// <summary>Simple additive weighting (SAW): score = Σⱼ wⱼ · rⱼ with rⱼ the normalised value of criterion j.</summary>
/// <remarks>
/// Weights are divided by their sum. The normalisation turns every criterion into "more is better" on a comparable
/// scale; see <see cref="SawNormalisation"/>. Improving a benefit criterion (or lowering a cost) never lowers an
/// item's score, and so never its rank.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WeightedSumMethod : RankingMethod
{
    private readonly double[] _weights;

    internal WeightedSumMethod(IEnumerable<Criterion> criteria, SawNormalisation normalisation, string name = "SAW")
    {
        Name = name;
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
        Normalisation = Preconditions.CheckDefined(normalisation);
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets the normalisation.</summary>
    public SawNormalisation Normalisation { get; }

    /// <inheritdoc />
    public override string Name { get; }

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var stats = new (double Min, double Max, double Norm)[Criteria.Length];

        // Most normalisations are linear (a·(x − c) + b); those terms are summed block by block below, up to four columns per
        // pass, so that the score block stays in cache while every column streams through once. Max normalisation's
        // cost terms (min / x) are added first, in criterion order, as before.
        var linear = new (double[] X, double A, double B, double C)[Criteria.Length];
        var terms = 0;
        var divided = false;
        for (var j = 0; j < Criteria.Length; j++)
        {
            var criterion = Criteria[j];
            var x = set.ColumnArray(criterion.Name, "candidates", Name);
            var column = x.AsSpan(0, n);

            // Min and max are all that Max and MinMax normalisation need; only the vector normalisation reads the norm.
            (double Min, double Max, double Norm) s;
            if (Normalisation == SawNormalisation.Vector)
            {
                s = ColumnMath.Stats(column);
            }
            else
            {
                var (min, max) = ColumnMath.MinMaxFinite(column);
                s = (min, max, double.NaN);
            }

            stats[j] = s;
            var w = _weights[j];
            var benefit = criterion.Kind == CriterionKind.Benefit;
            switch (Normalisation)
            {
                case SawNormalisation.Max:
                    if (s.Min < 0 || (!benefit && s.Min <= 0))
                    {
                        var bad = Array.FindIndex(x, v => v < 0 || (!benefit && v <= 0));
                        throw BadValue(set, bad, criterion.Name, x[bad], benefit ? "values ≥ 0 under max normalisation" : "positive values for a cost criterion under max normalisation (min / x)");
                    }

                    if (benefit)
                    {
                        linear[terms++] = (x, s.Max > 0 ? Finite(w / s.Max, criterion, s) : 0, 0, 0);
                    }
                    else
                    {
                        if (!divided)
                        {
                            Array.Clear(scores, 0, n);
                            divided = true;
                        }

                        var numerator = w * s.Min;
                        var y = scores.AsSpan(0, n);
                        unchecked
                        {
                            for (var i = 0; i < y.Length; i++)
                            {
                                y[i] += numerator / column[i];
                            }
                        }
                    }

                    break;
                case SawNormalisation.MinMax:
                    var range = s.Max - s.Min;
                    if (range > 0)
                    {
                        // Benefit: a · (x − min); cost: −a · (x − max) = a · (max − x), with a = w / range. Subtracting
                        // first keeps the accuracy that a · x − a · min loses when the range is tiny beside the values.
                        // A range that overflows (values towards ±1.8e308) is taken in halves, which is the same ratio,
                        // (x − min) / (max − min) = (x − min) / 2 / (max / 2 − min / 2), and then x − min could
                        // overflow too, so that case keeps the form a · x + b.
                        if (double.IsPositiveInfinity(range))
                        {
                            var half = Finite(w / ((s.Max / 2) - (s.Min / 2)) / 2, criterion, s);
                            linear[terms++] = (x, benefit ? half : -half, benefit ? -Finite(half * s.Min, criterion, s) : Finite(half * s.Max, criterion, s), 0);
                        }
                        else
                        {
                            var a = Finite(w / range, criterion, s);
                            linear[terms++] = (x, benefit ? a : -a, 0, benefit ? s.Min : s.Max);
                        }
                    }

                    break;
                default:
                    if (s.Norm > 0)
                    {
                        // A norm beyond the largest double (values near 1.8e308 in a few rows) would make the factor 0.
                        var a = Finite(double.IsPositiveInfinity(s.Norm) ? double.NaN : w / s.Norm, criterion, s);
                        linear[terms++] = (x, benefit ? a : -a, benefit ? 0 : w, 0);
                    }

                    break;
            }
        }

        if (terms == 0 && !divided)
        {
            Array.Clear(scores, 0, n);
        }

        const int Block = 2048;
        var pending = linear.AsSpan(0, terms);
        for (var start = 0; start < n; start += Block)
        {
            var length = Math.Min(Block, n - start);
            var block = scores.AsSpan(start, length);
            var accumulate = divided;
            for (var t = 0; t < pending.Length; t += 4)
            {
                ColumnMath.AddScaledTerms(pending.Slice(t, Math.Min(4, pending.Length - t)), start, block, accumulate);
                accumulate = true;
            }
        }

        return new ScoreSheet(scores, null, stats);
    }

    /// <summary>
    /// A normalisation factor or offset, checked finite: a criterion whose values are all subnormal, whose range is far
    /// below their size, or whose Euclidean norm exceeds the largest double, cannot be scaled in double precision and is
    /// refused by name, rather than ranked as NaN or silently dropped.
    /// </summary>
    private double Finite(double value, Criterion criterion, (double Min, double Max, double Norm) s) =>
        double.IsFinite(value) ? value : throw Unnormalisable(Name, criterion, s);

    /// <summary>The exception for a criterion whose values cannot be normalised in double precision.</summary>
    internal static ArgumentOutOfRangeException Unnormalisable(string method, Criterion criterion, (double Min, double Max, double Norm) s) =>
        new("candidates", Preconditions.Invariant(
            $"{method} cannot normalise criterion '{criterion.Name}': its values (from {s.Min} to {s.Max}) cannot be scaled in double precision (they are too small, too close together for their size, or so large that their norm exceeds the largest double). Rescale the criterion."));

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var stats = ((double Min, double Max, double Norm)[])state!;
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var (r, how) = Normalise(c.Kind, Normalisation, x, stats[j]);
            var part = _weights[j] * r;
            contributions.Add(new CriterionContribution(c.Name, x, part, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, normalised {how} to {F(r)}, × weight {F(_weights[j])} = {F(part)}")));
        }

        return new Explanation(Name, Preconditions.Invariant($"SAW score {F(score)} = Σ weight × normalised value ({Normalisation} normalisation)."), contributions);
    }

    internal static (double Value, string How) Normalise(CriterionKind kind, SawNormalisation normalisation, double x, (double Min, double Max, double Norm) s)
    {
        var benefit = kind == CriterionKind.Benefit;
        var how = normalisation switch
        {
            SawNormalisation.Max when benefit => Preconditions.Invariant($"x / max {F(s.Max)}"),
            SawNormalisation.Max => Preconditions.Invariant($"min {F(s.Min)} / x"),
            SawNormalisation.MinMax when s.Max == s.Min => "to 0 (all candidates equal)",
            SawNormalisation.MinMax when double.IsPositiveInfinity(s.Max - s.Min) =>
                Preconditions.Invariant($"{(benefit ? "(x − min)" : "(max − x)")} / range, both halved (the range from {F(s.Min)} to {F(s.Max)} is beyond double precision)"),
            SawNormalisation.MinMax when benefit => Preconditions.Invariant($"(x − min {F(s.Min)}) / range {F(s.Max - s.Min)}"),
            SawNormalisation.MinMax => Preconditions.Invariant($"(max {F(s.Max)} − x) / range {F(s.Max - s.Min)}"),
            _ when s.Norm == 0 => "to 0 (all values 0)",
            _ when benefit => Preconditions.Invariant($"x / norm {F(s.Norm)}"),
            _ => Preconditions.Invariant($"1 − x / norm {F(s.Norm)}"),
        };
        return (NormalisedValue(kind, normalisation, x, s), how);
    }

    /// <summary>
    /// The normalised value rⱼ of one candidate's value, from the column's statistics; the explanation and the weight
    /// sensitivity analysis use it, and it agrees with the linear terms of <see cref="Evaluate"/>.
    /// </summary>
    internal static double NormalisedValue(CriterionKind kind, SawNormalisation normalisation, double x, (double Min, double Max, double Norm) s)
    {
        var benefit = kind == CriterionKind.Benefit;
        return normalisation switch
        {
            SawNormalisation.Max when benefit => s.Max > 0 ? x / s.Max : 0,
            SawNormalisation.Max => s.Min / x,
            SawNormalisation.MinMax when s.Max == s.Min => 0,
            SawNormalisation.MinMax when double.IsPositiveInfinity(s.Max - s.Min) =>
                (benefit ? (x / 2) - (s.Min / 2) : (s.Max / 2) - (x / 2)) / ((s.Max / 2) - (s.Min / 2)),
            SawNormalisation.MinMax when benefit => (x - s.Min) / (s.Max - s.Min),
            SawNormalisation.MinMax => (s.Max - x) / (s.Max - s.Min),
            _ when s.Norm == 0 => 0,
            _ when benefit => x / s.Norm,
            _ => 1 - (x / s.Norm),
        };
    }
}

/// <summary>Shared validation of weighted criteria.</summary>
internal static class CriteriaCheck
{
    public static (ImmutableArray<Criterion> Criteria, double[] Weights) Weights(IEnumerable<Criterion> criteria, string paramName)
    {
        ArgumentNullException.ThrowIfNull(criteria, paramName);
        ImmutableArray<Criterion> list = [.. criteria];
        Preconditions.CheckArgument(list.Length > 0, paramName, "At least one criterion is needed.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sum = 0.0;
        foreach (var c in list)
        {
            Preconditions.CheckArgument(c is not null, paramName, "A criterion is null.");
            if (!(seen.Add(c.Name)))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{c.Name}' is given twice."), paramName);
            }
            sum += c.Weight;
        }

        if (!(sum > 0 && double.IsFinite(sum)))
        {
            throw new ArgumentException(Preconditions.Invariant($"The weights must have a positive, finite sum, but sum to {sum}."), paramName);
        }

        return (list, [.. list.Select(c => c.Weight / sum)]);
    }
}
