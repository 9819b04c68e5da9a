using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// Weight sensitivity of a weighted-sum (SAW) ranking: for each criterion, how far its weight can move before the
/// ranking, or only its first-ranked candidate, changes (stability intervals).
/// </summary>
/// <remarks>
/// <para>Moving criterion j's normalised weight to t keeps the proportions of the other weights (each becomes
/// wₗ · (1 − t) / (1 − wⱼ)). The normalised values do not depend on the weights, so every candidate's score is then a
/// straight line in t, and two candidates can swap only where their lines cross. The whole ranking stays as it is
/// until the first crossing of two candidates that are neighbours in it; the first candidate stays first until its
/// line first meets another one. Each interval is closed at an end where the tie-break of <see cref="Prioritiser"/>
/// (secondary key, then ordinal id) still gives the current order, and open where it does not.</para>
/// <para>The scores at the current weights are the ones <see cref="Prioritiser.Rank"/> computes, so the current
/// ranking is the library's own. Crossings are computed in double precision; one within 1e-10 of the current weight
/// or of an end is taken to be there, so that scores equal in exact arithmetic (common on small integer scales) give
/// the exact-arithmetic intervals. Two candidates whose scores are equal in exact arithmetic may still be ordered either
/// way by <see cref="Prioritiser.Rank"/> at a moved weight, as their computed scores differ in the last places. Whether
/// two lines meet before, at or beyond weight 0 or 1 is decided by their scores there (at 1 the normalised values,
/// compared exactly; at 0 taken as equal within 1e-12), never by a tolerance in weight, so an end at 0 or 1 is claimed
/// stable only when the ranking there is the current one up to such ties.</para>
/// <para>Cost: one ranking, then per criterion O(n · m) to sum each candidate's score without it and O(n) passes over
/// the neighbouring pairs and the first candidate's rivals, so O(n log n + n · m²) in all (m is the number of
/// criteria, a handful in practice). The result keeps one array of n normalised values per criterion.</para>
/// <para>See docs/weight-sensitivity.md, which cites the literature on weight sensitivity of the weighted sum model
/// (Triantaphyllou and Sánchez, Decision Sciences 28(1), 1997; O'Shea et al., Expert Systems with Applications 296,
/// 2026).</para>
/// </remarks>
public static class WeightSensitivity
{
    /// <summary>Computes the stability intervals of every criterion's weight for a weighted-sum ranking.</summary>
    /// <param name="candidates">The candidates; never changed.</param>
    /// <param name="method">The weighted-sum method (also what <see cref="RankingMethod.AhpWeightedSum"/> returns).</param>
    /// <param name="options">The ranking options, or null for <see cref="RankingOptions.Default"/>. A secondary key is supported: it does not depend on the weights, and it breaks ties at the interval ends as it does in the ranking.</param>
    /// <returns>The current ranking and, per criterion in the method's order, its intervals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> or <paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException">The set is empty, or lacks a criterion the method or the secondary key names (as for <see cref="Prioritiser.Rank"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside what the method accepts (as for <see cref="Prioritiser.Rank"/>).</exception>
    public static WeightSensitivityResult Analyse(CandidateSet candidates, WeightedSumMethod method, RankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(method);
        var ranking = Prioritiser.Rank(candidates, method, options);
        var lines = new SensitivityLines(candidates, method, ranking);
        var builder = ImmutableArray.CreateBuilder<CriterionSensitivity>(method.Criteria.Length);
        for (var j = 0; j < method.Criteria.Length; j++)
        {
            builder.Add(lines.Analyse(j));
        }

        return new WeightSensitivityResult(ranking, builder.MoveToImmutable(), lines);
    }

    /// <summary>
    /// Returns the method with one criterion's normalised weight moved to <paramref name="weight"/> and the other
    /// weights rescaled in proportion (each becomes wₗ · (1 − weight) / (1 − wⱼ)), the move whose effect
    /// <see cref="Analyse"/> describes. The method's name and normalisation are kept.
    /// </summary>
    /// <param name="method">The weighted-sum method.</param>
    /// <param name="criterion">The criterion's name.</param>
    /// <param name="weight">The new normalised weight, from 0 to 1.</param>
    /// <returns>A new method; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> or <paramref name="criterion"/> is null.</exception>
    /// <exception cref="ArgumentException">The method has no criterion of that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is outside [0, 1] or NaN, or is below 1 while the criterion's normalised weight is 1 (every other criterion weighs 0, or so little beside it that it rounds away): there is nothing to rescale.</exception>
    public static WeightedSumMethod Reweight(WeightedSumMethod method, string criterion, double weight)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(criterion);
        Preconditions.CheckInRange(weight, 0, 1);
        var j = IndexOf(method, criterion);
        var weights = method.NormalisedWeights();
        var rest = 1 - weights[j];
        if (!(rest > 0) && weight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, Preconditions.Invariant(
                $"Criterion '{criterion}' carries all the weight (its normalised weight is 1: the others weigh 0, or so little beside it that they vanish in double precision), so there are no other weights to rescale; only 1 is possible."));
        }

        var moved = method.Criteria.Select((c, l) => new Criterion(c.Name, c.Kind, l == j ? weight : rest > 0 ? weights[l] * (1 - weight) / rest : 0));
        return new WeightedSumMethod(moved, method.Normalisation, method.Name);
    }

    internal static int IndexOf(WeightedSumMethod method, string criterion)
    {
        for (var j = 0; j < method.Criteria.Length; j++)
        {
            if (string.Equals(method.Criteria[j].Name, criterion, StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw new ArgumentException(Preconditions.Invariant(
            $"{method.Name} has no criterion '{criterion}' (it has: {string.Join(", ", method.Criteria.Select(c => c.Name))})."), nameof(criterion));
    }

    /// <summary>The method's weights divided by their sum, as the method itself computes them.</summary>
    internal static double[] NormalisedWeights(this WeightedSumMethod method) => CriteriaCheck.Weights(method.Criteria, nameof(method)).Weights;
}

/// <summary>
/// The score lines of one analysis: each candidate's score at the current weights (the library's own) and, per
/// criterion, its normalised value, which is its score where that criterion carries all the weight.
/// </summary>
internal sealed class SensitivityLines
{
    private readonly CandidateSet _set;
    private readonly WeightedSumMethod _method;
    private readonly double[] _weights;
    private readonly double[] _scores;
    private readonly int[] _order;
    private readonly int[] _positions;
    private readonly (double Min, double Max, double Norm)[] _stats;
    private readonly IComparer<int> _tie;

    // Per criterion, each candidate's normalised value (kept for RankInterval).
    private readonly double[][] _normalised;

    public SensitivityLines(CandidateSet set, WeightedSumMethod method, Ranking ranking)
    {
        _set = set;
        _method = method;
        _weights = method.NormalisedWeights();
        _stats = ((double Min, double Max, double Norm)[])ranking.State!;
        var n = set.Count;
        _order = ranking.Order.ToArray();
        _positions = new int[n];
        _scores = new double[n];
        for (var p = 0; p < n; p++)
        {
            _positions[_order[p]] = p;
            _scores[_order[p]] = ranking.ScoreAt(p);
        }

        // Ties at a crossing are broken as the ranking breaks them: secondary key, then ordinal id.
        var key = ranking.Options.SecondaryKey;
        var secondary = key.UsesEffort ? set.EffortArray
            : key.Criterion is not null ? set.ColumnArray(key.Criterion, "options", "The secondary key")
            : null;
        _tie = new RankComparer(_scores, null, secondary, key.HigherFirst, set.IdArray).TiesOnly;

        _normalised = new double[method.Criteria.Length][];
        for (var j = 0; j < _normalised.Length; j++)
        {
            _normalised[j] = NormalisedColumn(j);
        }
    }

    /// <summary>
    /// Each candidate's score where criterion j weighs 0 (the others rescaled): its line's value at t = 0. Summed
    /// directly over the other criteria and divided by their weights' sum, rather than taken from the current score
    /// (S − w · r) / (1 − w), which multiplies the rounding by w / (1 − w) for a weight close to 1. O(n · m).
    /// </summary>
    private double[] ScoresWithout(int j)
    {
        var q = new double[_order.Length];
        var rest = 0.0;
        for (var l = 0; l < _normalised.Length; l++)
        {
            if (l == j)
            {
                continue;
            }

            rest += _weights[l];
            var weight = _weights[l];
            var r = _normalised[l];
            for (var i = 0; i < q.Length; i++)
            {
                q[i] += weight * r[i];
            }
        }

        for (var i = 0; i < q.Length; i++)
        {
            q[i] /= rest;
        }

        return q;
    }

    public CriterionSensitivity Analyse(int j)
    {
        var criterion = _method.Criteria[j];
        var w = _weights[j];
        if (!(w < 1))
        {
            var fixedInterval = WeightInterval.Fixed(w);
            return new CriterionSensitivity(criterion, w, false, fixedInterval, fixedInterval);
        }

        var r = _normalised[j];
        var q = ScoresWithout(j);
        var crossings = new double[_order.Length];
        var ranking = new WeightInterval(
            AdjacentEnd(w, r, q, crossings, upper: false),
            AdjacentEnd(w, r, q, crossings, upper: true));
        var top = new WeightInterval(
            CandidateEnd(_order[0], w, r, q, crossings, upper: false),
            CandidateEnd(_order[0], w, r, q, crossings, upper: true));
        return new CriterionSensitivity(criterion, w, true, ranking, Contain(top, ranking));
    }

    /// <summary>The interval in which no other candidate passes the given one (so its rank stays).</summary>
    public WeightInterval CandidateInterval(int j, string id)
    {
        var index = _set.IndexOf(id);
        if (index < 0)
        {
            throw new ArgumentException(Preconditions.Invariant($"The candidate set has no candidate '{id}'."), "candidateId");
        }

        var w = _weights[j];
        if (!(w < 1))
        {
            return WeightInterval.Fixed(w);
        }

        var r = _normalised[j];
        var q = ScoresWithout(j);
        var crossings = new double[_order.Length];
        return new WeightInterval(CandidateEnd(index, w, r, q, crossings, upper: false), CandidateEnd(index, w, r, q, crossings, upper: true));
    }

    public int IndexOf(string criterion) => WeightSensitivity.IndexOf(_method, criterion);

    /// <summary>Each candidate's normalised value on criterion j: its score where j carries all the weight.</summary>
    private double[] NormalisedColumn(int j)
    {
        var criterion = _method.Criteria[j];
        var x = _set.ColumnArray(criterion.Name, "candidates", _method.Name);
        var r = new double[_set.Count];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = WeightedSumMethod.NormalisedValue(criterion.Kind, _method.Normalisation, x[i], _stats[j]);
        }

        return r;
    }

    /// <summary>
    /// Where the weight of a pair (ahead, behind) in the current order meets, going up or down from w; null when the
    /// lines do not meet in that direction within [0, 1], or meet exactly at the bound where the tie-break keeps the
    /// current order (nothing changes before the bound is reached).
    /// </summary>
    private double? Crossing(int ahead, int behind, double w, double[] r, double[] q, bool upper)
    {
        // With t the moved weight, a score is the line sᵢ(t) = Sᵢ + (t − w) · (rᵢ − Sᵢ) / (1 − w), through the current
        // score Sᵢ at t = w and the normalised value rᵢ at t = 1. So s_behind(t) − s_ahead(t) = −gap + (t − w) · rate /
        // (1 − w), with gap = S_ahead − S_behind ≥ 0 and rate = (r_behind − r_ahead) + gap: the behind candidate gains
        // when the weight moves in the direction of rate's sign, and meets the ahead one after gap · (1 − w) / rate.
        var gap = _scores[ahead] - _scores[behind];
        var dr = r[behind] - r[ahead];
        var rate = dr + gap;

        // Whether the lines meet before, at or beyond the bound is decided by the two scores at the bound, not by how
        // close the computed crossing is to it: a tolerance in weight there would turn a real swap just inside the
        // bound into "nothing changes up to the bound", and report the bound as stable when the ranking there differs.
        // At t = 1 the scores are the normalised values, which are equal only for equal values (dr = 0), so that test is
        // exact. At t = 0 they are the scores without j (q), summed directly rather than extrapolated from the current
        // scores, which would multiply their rounding by w / (1 − w); a tie there in exact arithmetic (common with small
        // integer scales) is taken to be one when it is within rounding (SameScore). Going down, the crossing is then
        // found between t = 0 and w, where the difference runs from q_behind − q_ahead to −gap.
        double t;
        if (upper)
        {
            if (!(rate > 0) || dr < 0)
            {
                return null;
            }

            // dr > 0: the behind candidate is ahead at 1, so the lines meet below 1, even when the division rounds to 1.
            t = dr == 0 ? 1.0 : Math.Min(w + (gap * (1 - w) / rate), Math.BitDecrement(1.0));
        }
        else
        {
            // How far the behind candidate leads at t = 0.
            var lead = q[behind] - q[ahead];
            if (lead < -SameScore)
            {
                return null;
            }

            t = lead <= SameScore ? 0.0 : Math.Max(w * lead / (lead + gap), double.Epsilon);
        }

        // A crossing within rounding of the current weight is taken to be there: candidates tied now in exact arithmetic
        // (see SameWeight). Only the current weight moves the end inwards, so an interval never claims more than it should.
        var bound = upper ? 1.0 : 0.0;
        t = t != bound && Math.Abs(t - w) <= SameWeight ? w : t;
        return t == bound && KeepsOrderAt(t, w, ahead, behind) ? null : t;
    }

    private bool KeepsOrder(int ahead, int behind) => _tie.Compare(ahead, behind) < 0;

    /// <summary>
    /// Whether the pair is still in the current order at a crossing: their scores meet there, so the tie-break decides;
    /// at the current weight itself the order is the current one by definition (a crossing computed to round to it from
    /// scores that differ by a unit in the last place must not exclude the current weight).
    /// </summary>
    private bool KeepsOrderAt(double at, double w, int ahead, int behind) => at == w || KeepsOrder(ahead, behind);

    /// <summary>
    /// Crossings this close to an end (in normalised weight) are taken to be at the end. Lines that meet in one point in
    /// exact arithmetic (common with scores on small integer scales) have crossings computed a few units in the last
    /// place apart; without this, which pair or candidate is named, and whether the end is included, would depend on
    /// that rounding.
    /// </summary>
    internal const double SameWeight = 1e-10;

    /// <summary>
    /// Two scores at weight 0 this close are taken to be equal there. Scores are weighted averages of normalised values
    /// in [0, 1], so their rounding errors are a few units of 1e-16; a real difference this small is below what a user
    /// could act on, while a tolerance in weight (<see cref="SameWeight"/>) would hide differences a million times larger.
    /// </summary>
    internal const double SameScore = 1e-12;

    /// <summary>One end of the whole ranking's interval: the first crossing of two neighbours.</summary>
    /// <param name="w">The current weight.</param>
    /// <param name="r">The normalised values on the moved criterion.</param>
    /// <param name="q">The scores where the moved criterion weighs 0.</param>
    /// <param name="crossings">Scratch space, n long.</param>
    /// <param name="upper">True for the upper end.</param>
    private IntervalEnd AdjacentEnd(double w, double[] r, double[] q, double[] crossings, bool upper)
    {
        var n = _order.Length;
        var best = double.NaN;
        for (var p = 0; p + 1 < n; p++)
        {
            var at = Crossing(_order[p], _order[p + 1], w, r, q, upper) ?? double.NaN;
            crossings[p] = at;
            if (!double.IsNaN(at) && (double.IsNaN(best) || (upper ? at < best : at > best)))
            {
                best = at;
            }
        }

        if (double.IsNaN(best))
        {
            return IntervalEnd.Bound(upper);
        }

        // Every neighbouring pair that meets at the end must keep its order there for the end to be included; the pair
        // named is the first in rank order.
        var pair = -1;
        var closed = true;
        for (var p = 0; p + 1 < n; p++)
        {
            if (AtEnd(crossings[p], best, upper))
            {
                pair = pair < 0 ? p : pair;
                closed &= KeepsOrderAt(best, w, _order[p], _order[p + 1]);
            }
        }

        return new IntervalEnd(best, closed, new WeightSwap(best, _set.IdArray[_order[pair]], _set.IdArray[_order[pair + 1]]));
    }

    /// <summary>Whether a crossing (NaN for none) lies at the end <paramref name="best"/>, within <see cref="SameWeight"/>.</summary>
    private static bool AtEnd(double at, double best, bool upper) => upper ? at <= best + SameWeight : at >= best - SameWeight;

    /// <summary>
    /// One end of the interval in which no other candidate passes candidate k, or falls behind it. Among candidates
    /// that meet it at the end, the one named is the one that moves away fastest beyond the end (for the first-ranked
    /// candidate: the one that is first just beyond it), then the first by the tie-break.
    /// </summary>
    private IntervalEnd CandidateEnd(int k, double w, double[] r, double[] q, double[] crossings, bool upper)
    {
        var n = _order.Length;
        var best = double.NaN;
        for (var c = 0; c < n; c++)
        {
            var kAhead = _positions[k] < _positions[c];
            var at = c == k ? null : Crossing(kAhead ? k : c, kAhead ? c : k, w, r, q, upper);
            crossings[c] = at ?? double.NaN;
            if (at is { } t && (double.IsNaN(best) || (upper ? t < best : t > best)))
            {
                best = t;
            }
        }

        if (double.IsNaN(best))
        {
            return IntervalEnd.Bound(upper);
        }

        var other = -1;
        var closed = true;
        for (var c = 0; c < n; c++)
        {
            if (!AtEnd(crossings[c], best, upper))
            {
                continue;
            }

            var kAhead = _positions[k] < _positions[c];
            closed &= KeepsOrderAt(best, w, kAhead ? k : c, kAhead ? c : k);
            if (other < 0)
            {
                other = c;
                continue;
            }

            // Rates (slope differences times 1 − w) equal in exact arithmetic may differ in the last places: such candidates go by the
            // tie-break, as the ranking orders them.
            var gap = Math.Abs(r[c] - r[k] - (_scores[c] - _scores[k]));
            var otherGap = Math.Abs(r[other] - r[k] - (_scores[other] - _scores[k]));
            var same = Math.Abs(gap - otherGap) <= SameWeight * Math.Max(1, Math.Max(gap, otherGap));
            if (same ? _tie.Compare(c, other) < 0 : gap > otherGap)
            {
                other = c;
            }
        }

        var swap = _positions[k] < _positions[other]
            ? new WeightSwap(best, _set.IdArray[k], _set.IdArray[other])
            : new WeightSwap(best, _set.IdArray[other], _set.IdArray[k]);
        return new IntervalEnd(best, closed, swap);
    }

    /// <summary>
    /// If the whole ranking is unchanged, so is its first candidate: the top interval contains the ranking's. In exact
    /// arithmetic it does by construction; this guards against a crossing computed a unit in the last place early.
    /// </summary>
    private static WeightInterval Contain(WeightInterval top, WeightInterval ranking)
    {
        var low = top.Low > ranking.Low || (top.Low == ranking.Low && ranking.IncludesLow && !top.IncludesLow)
            ? new IntervalEnd(ranking.Low, ranking.IncludesLow, top.Lower is null ? null : new WeightSwap(ranking.Low, top.Lower.AheadId, top.Lower.BehindId))
            : new IntervalEnd(top.Low, top.IncludesLow, top.Lower);
        var high = top.High < ranking.High || (top.High == ranking.High && ranking.IncludesHigh && !top.IncludesHigh)
            ? new IntervalEnd(ranking.High, ranking.IncludesHigh, top.Upper is null ? null : new WeightSwap(ranking.High, top.Upper.AheadId, top.Upper.BehindId))
            : new IntervalEnd(top.High, top.IncludesHigh, top.Upper);
        return new WeightInterval(low, high);
    }
}

/// <summary>One end of a weight interval: the weight, whether it belongs to the interval, and the swap there.</summary>
internal readonly record struct IntervalEnd(double Weight, bool Included, WeightSwap? Swap)
{
    /// <summary>The end at the bound 0 (lower) or 1 (upper), where nothing swaps.</summary>
    public static IntervalEnd Bound(bool upper) => new(upper ? 1 : 0, true, null);
}
