using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// SPOTIS (stable preference ordering towards ideal solution; Dezert, Tchamova, Han and Tacnet 2020): each candidate's
/// weighted, normalised distance to the ideal solution point, which comes from bounds the caller fixes per criterion
/// rather than from the candidates. Lower distance is better, so the score is −distance.
/// </summary>
/// <remarks>
/// <para>Steps (Dezert et al., "The SPOTIS rank reversal free method for multi-criteria decision-making support", 23rd
/// International Conference on Information Fusion (FUSION), IEEE 2020): for each criterion the bounds [Sⱼ_min, Sⱼ_max];
/// the ideal solution point S*ⱼ = Sⱼ_max for a benefit and Sⱼ_min for a cost; the normalised distance
/// dᵢⱼ = |xᵢⱼ − S*ⱼ| / (Sⱼ_max − Sⱼ_min), in [0, 1]; and dᵢ = Σⱼ wⱼ dᵢⱼ with the weights divided by their sum, in [0, 1].
/// The score is 0 − dᵢ.</para>
/// <para>Freedom from rank reversal: a candidate's score depends only on its own values, the bounds and the weights,
/// never on the other candidates, so adding or removing candidates never changes the relative order of the others
/// (a property test checks this). The price is that the bounds must be chosen beforehand and must hold every value: a
/// value outside its bounds is refused, naming the candidate and the criterion.</para>
/// <para>A candidate at the ideal point on every weighted criterion has distance 0 and score +0, the greatest possible.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SpotisMethod : RankingMethod
{
    private readonly double[] _weights;

    internal SpotisMethod(IEnumerable<Criterion> criteria, IEnumerable<KeyValuePair<string, SpotisBounds>> bounds)
    {
        (Criteria, _weights) = CriteriaCheck.Weights(criteria, nameof(criteria));
        ArgumentNullException.ThrowIfNull(bounds);
        var byName = new Dictionary<string, SpotisBounds>(StringComparer.Ordinal);
        foreach (var (name, pair) in bounds)
        {
            if (!Criteria.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
            {
                throw new ArgumentException(Preconditions.Invariant(
                    $"Bounds are given for criterion '{name}', which is not one of the criteria [{string.Join(", ", Criteria.Select(c => c.Name))}]."), nameof(bounds));
            }

            if (!(pair.Min < pair.Max) || !double.IsFinite(pair.Min) || !double.IsFinite(pair.Max))
            {
                throw new ArgumentException(Preconditions.Invariant(
                    $"The bounds of criterion '{name}' are [{pair.Min}, {pair.Max}]; SPOTIS needs finite bounds with min < max."), nameof(bounds));
            }

            if (!byName.TryAdd(name, pair))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{name}' is given bounds twice."), nameof(bounds));
            }
        }

        var missing = Criteria.FirstOrDefault(c => !byName.ContainsKey(c.Name));
        if (missing is not null)
        {
            throw new ArgumentException(Preconditions.Invariant($"Criterion '{missing.Name}' has no bounds; SPOTIS needs bounds [min, max] for every criterion."), nameof(bounds));
        }

        Bounds = [.. Criteria.Select(c => byName[c.Name])];
    }

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets each criterion's bounds, in the order of <see cref="Criteria"/>.</summary>
    public ImmutableArray<SpotisBounds> Bounds { get; }

    /// <inheritdoc />
    public override string Name => "SPOTIS";

    /// <summary>Gets the ideal solution point of a criterion: its max bound for a benefit, its min bound for a cost.</summary>
    private double Ideal(int j) => Criteria[j].Kind == CriterionKind.Benefit ? Bounds[j].Max : Bounds[j].Min;

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var d = scores.AsSpan(0, n);
        d.Clear();
        for (var j = 0; j < Criteria.Length; j++)
        {
            var x = set.ColumnArray(Criteria[j].Name, "candidates", Name);
            var (lo, hi) = (Bounds[j].Min, Bounds[j].Max);
            var (min, max) = ColumnMath.MinMaxFinite(x.AsSpan(0, n));
            if (min < lo || max > hi)
            {
                var bad = Array.FindIndex(x, 0, n, v => v < lo || v > hi);
                throw BadValue(set, bad, Criteria[j].Name, x[bad], Preconditions.Invariant($"every value within the criterion's bounds {Bounds[j]}"));
            }

            var w = _weights[j];
            if (w == 0)
            {
                continue;
            }

            var ideal = Ideal(j);
            var half = double.IsPositiveInfinity(hi - lo);
            unchecked
            {
                for (var i = 0; i < n; i++)
                {
                    d[i] += w * Distance(x[i], ideal, lo, hi, half);
                }
            }
        }

        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                // 0 − d rather than −d: a candidate at the ideal point scores +0, not −0.
                d[i] = 0.0 - Math.Min(d[i], 1);
            }
        }

        return new ScoreSheet(scores, null, null);
    }

    /// <summary>|x − ideal| / (max − min), in [0, 1]; a range beyond the largest double is taken in halves.</summary>
    private static double Distance(double x, double ideal, double min, double max, bool half) =>
        half ? Math.Abs((x / 2) - (ideal / 2)) / ((max / 2) - (min / 2)) : Math.Abs(x - ideal) / (max - min);

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var contributions = new List<CriterionContribution>(Criteria.Length);
        for (var j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            var x = set.ColumnArray(c.Name, "candidates", Name)[index];
            var (lo, hi) = (Bounds[j].Min, Bounds[j].Max);
            var dj = Distance(x, Ideal(j), lo, hi, double.IsPositiveInfinity(hi - lo));
            var part = _weights[j] * dj;
            contributions.Add(new CriterionContribution(c.Name, x, part, Preconditions.Invariant(
                $"{c.Kind} '{c.Name}' = {F(x)}, bounds [{F(lo)}, {F(hi)}], ideal {F(Ideal(j))}: normalised distance {F(dj)} × weight {F(_weights[j])} = {F(part)}")));
        }

        return new Explanation(Name, Preconditions.Invariant(
            $"SPOTIS score {F(score)} = −distance; distance {F(0.0 - score)} = Σ weight × |x − ideal| / (max − min) over the fixed bounds (lower distance is better)."), contributions);
    }
}
