using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// What the levels of a <see cref="RiskMatrix"/> stand for in numbers: a probability interval per likelihood level and
/// a consequence interval per effect level. A cell then covers a rectangle of (probability, consequence) points, and
/// its quantitative risks are probability × consequence (Cox's setting) over that rectangle.
/// </summary>
/// <remarks>
/// <para>Intervals are closed, ascending and do not overlap: each level's interval starts at or above the end of the
/// level below it (gaps are allowed, touching ends are allowed). Probabilities lie in [0, 1]; consequences in
/// [0, <see cref="QuantitativeEstimate.MaxAmount"/>] and are in any unit the organisation uses (money, hours lost,
/// a 0-1 severity), since only the order of risks matters to the checks.</para>
/// <para>Because probability and consequence are not negative, the least risk of a cell is at its lower-left corner
/// and the greatest at its upper-right corner, so <see cref="RiskRange"/> is exact: every number in it is the risk of
/// some point of the cell.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskMatrixQuantification
{
    /// <summary>Creates a quantification.</summary>
    /// <param name="effectScale">The effect scale (the matrix's rows).</param>
    /// <param name="likelihoodScale">The likelihood scale (the matrix's columns).</param>
    /// <param name="consequences">One consequence interval per effect level, lowest level first.</param>
    /// <param name="probabilities">One probability interval per likelihood level, lowest level first.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The count of intervals differs from the scale's levels, an interval is the default value or out of range, or two intervals are not ascending and apart; the message names the level and the interval.</exception>
    public RiskMatrixQuantification(OrdinalScale effectScale, OrdinalScale likelihoodScale, IEnumerable<RiskInterval> consequences, IEnumerable<RiskInterval> probabilities)
    {
        EffectScale = Preconditions.CheckNotNull(effectScale);
        LikelihoodScale = Preconditions.CheckNotNull(likelihoodScale);
        ArgumentNullException.ThrowIfNull(consequences);
        ArgumentNullException.ThrowIfNull(probabilities);
        Consequences = [.. consequences];
        Probabilities = [.. probabilities];
        Validate(effectScale, Consequences, "consequence", QuantitativeEstimate.MaxAmount, nameof(consequences));
        Validate(likelihoodScale, Probabilities, "probability", 1, nameof(probabilities));
    }

    /// <summary>Gets the effect scale.</summary>
    public OrdinalScale EffectScale { get; }

    /// <summary>Gets the likelihood scale.</summary>
    public OrdinalScale LikelihoodScale { get; }

    /// <summary>Gets the consequence interval of each effect level, lowest level first.</summary>
    public ImmutableArray<RiskInterval> Consequences { get; }

    /// <summary>Gets the probability interval of each likelihood level, lowest level first.</summary>
    public ImmutableArray<RiskInterval> Probabilities { get; }

    /// <summary>
    /// Creates Cox's reference quantification: both axes run over [0, 1] and each is cut into equal-width intervals,
    /// one per level (level i of n covers [i/n, (i+1)/n]).
    /// </summary>
    /// <param name="effectScale">The effect scale.</param>
    /// <param name="likelihoodScale">The likelihood scale.</param>
    /// <returns>The quantification.</returns>
    /// <exception cref="ArgumentNullException">A scale is null.</exception>
    public static RiskMatrixQuantification EqualWidth(OrdinalScale effectScale, OrdinalScale likelihoodScale)
    {
        ArgumentNullException.ThrowIfNull(effectScale);
        ArgumentNullException.ThrowIfNull(likelihoodScale);
        return new(effectScale, likelihoodScale, Cut(effectScale.Count), Cut(likelihoodScale.Count));

        static IEnumerable<RiskInterval> Cut(int n) =>
            Enumerable.Range(0, n).Select(i => new RiskInterval((double)i / n, i + 1 == n ? 1 : (double)(i + 1) / n));
    }

    /// <summary>
    /// Gets the exact range of quantitative risks (probability × consequence) of the points of a cell: from the
    /// product of the lower bounds to the product of the upper bounds.
    /// </summary>
    /// <param name="effect">The effect level.</param>
    /// <param name="likelihood">The likelihood level.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside its scale.</exception>
    public RiskInterval RiskRange(int effect, int likelihood) =>
        RiskInterval.Product(Consequences[EffectScale.CheckLevel(effect, nameof(effect))], Probabilities[LikelihoodScale.CheckLevel(likelihood, nameof(likelihood))]);

    private static void Validate(OrdinalScale scale, ImmutableArray<RiskInterval> intervals, string what, double max, string paramName)
    {
        Preconditions.CheckArgument(intervals.Length == scale.Count, paramName, Preconditions.Invariant($"Scale '{scale.Name}' has {scale.Count} levels, but {intervals.Length} {what} intervals were given."));
        for (var i = 0; i < intervals.Length; i++)
        {
            var interval = intervals[i];
            Preconditions.CheckArgument(interval.Lower < interval.Upper, paramName, Preconditions.Invariant($"The {what} interval of level '{scale.Levels[i]}' of '{scale.Name}' is {interval}, which is empty (the default value?)."));
            Preconditions.CheckArgument(interval.Upper <= max, paramName, Preconditions.Invariant($"The {what} interval of level '{scale.Levels[i]}' of '{scale.Name}' is {interval}, which goes above {max}."));
            if (i > 0)
            {
                var below = intervals[i - 1];
                Preconditions.CheckArgument(interval.Lower >= below.Upper, paramName, Preconditions.Invariant(
                    $"The {what} interval of level '{scale.Levels[i]}' of '{scale.Name}' is {interval}, which starts below the end of level '{scale.Levels[i - 1]}' ({below}): intervals must ascend without overlapping."));
            }
        }
    }
}
