using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Usm.Model.Internal;

namespace Usm.Model.Improvement.Simulation;

/// <summary>
/// The summary of one simulated quantity over the iterations: mean, standard deviation, extremes and percentiles at
/// the levels of <see cref="RiskSimulationOptions.PercentileLevels"/>.
/// </summary>
/// <remarks>
/// <para>The mean is the sum in iteration order divided by the count; the standard deviation is the sample standard
/// deviation (denominator count − 1; 0 for one iteration), from the two-pass sum of squared deviations.</para>
/// <para>Percentiles follow Hyndman and Fan's definition 7 (R. J. Hyndman and Y. Fan, "Sample quantiles in
/// statistical packages", The American Statistician 50(4), 1996; R's and NumPy's default): over the sorted values
/// x₀ ≤ … ≤ xₙ₋₁, h = (n − 1) · p and Q(p) = x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋₊₁ − x⌊h⌋), kept within [x⌊h⌋, x⌊h⌋₊₁] against
/// rounding, so Q is monotone in p, Q(0) is the minimum and Q(1) the maximum.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SimulationSummary
{
    private SimulationSummary(int count, double mean, double standardDeviation, double minimum, double maximum, ImmutableArray<double> levels, ImmutableArray<double> percentiles)
    {
        Count = count;
        Mean = mean;
        StandardDeviation = standardDeviation;
        Minimum = minimum;
        Maximum = maximum;
        Levels = levels;
        Percentiles = percentiles;
    }

    /// <summary>Gets the number of iterations summarised.</summary>
    public int Count { get; }

    /// <summary>Gets the mean over the iterations.</summary>
    public double Mean { get; }

    /// <summary>Gets the sample standard deviation (denominator count − 1; 0 for one iteration).</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets the smallest value.</summary>
    public double Minimum { get; }

    /// <summary>Gets the largest value.</summary>
    public double Maximum { get; }

    /// <summary>Gets the standard error of the mean: <see cref="StandardDeviation"/> / √<see cref="Count"/>.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Count);

    /// <summary>Gets the percentile levels kept, ascending (always with 0.1, 0.5 and 0.9).</summary>
    public ImmutableArray<double> Levels { get; }

    /// <summary>Gets the percentiles at <see cref="Levels"/>, in the same order (non-decreasing).</summary>
    public ImmutableArray<double> Percentiles { get; }

    /// <summary>Gets the 10th percentile (P10).</summary>
    public double P10 => Percentile(0.1);

    /// <summary>Gets the median (P50).</summary>
    public double P50 => Percentile(0.5);

    /// <summary>Gets the 90th percentile (P90).</summary>
    public double P90 => Percentile(0.9);

    /// <summary>Gets the percentile at one of the kept levels.</summary>
    /// <param name="level">A level of <see cref="Levels"/>, for example 0.95.</param>
    /// <returns>The percentile (Hyndman and Fan definition 7).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a kept level; the message lists them.</exception>
    public double Percentile(double level)
    {
        var index = Levels.IndexOf(level);
        return index >= 0
            ? Percentiles[index]
            : throw new ArgumentOutOfRangeException(nameof(level), level, Preconditions.Invariant(
                $"The level {level} is not kept by this summary; the kept levels are {string.Join(", ", Levels)} (set them with RiskSimulationOptions' percentileLevels)."));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"mean {F(Mean)}, sd {F(StandardDeviation)}, P10 {F(P10)}, P50 {F(P50)}, P90 {F(P90)}, min {F(Minimum)}, max {F(Maximum)}";

    /// <summary>A number for texts: whole units from 100 up, else four significant digits; never "-0".</summary>
    internal static string F(double value) => Math.Abs(value) >= 100
        ? (Math.Round(value) + 0.0).ToString("F0", System.Globalization.CultureInfo.InvariantCulture)
        : (value + 0.0).ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Summarises values given in iteration order: the moments first, in that order, then the values are sorted in
    /// place for the percentiles (the caller's span is left sorted).
    /// </summary>
    internal static SimulationSummary Compute(Span<double> values, ImmutableArray<double> levels)
    {
        var n = values.Length;
        var sum = 0.0;
        foreach (var x in values)
        {
            sum += x;
        }

        var mean = sum / n;
        var squares = 0.0;
        foreach (var x in values)
        {
            var d = x - mean;
            squares += d * d;
        }

        var sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0.0;
        values.Sort();
        var percentiles = new double[levels.Length];
        for (var k = 0; k < levels.Length; k++)
        {
            percentiles[k] = Quantile(values, levels[k]);
        }

        return new SimulationSummary(n, mean, sd, values[0], values[n - 1], levels, ImmutableCollectionsMarshal.AsImmutableArray(percentiles));
    }

    /// <summary>Hyndman and Fan definition 7 over sorted values, clamped between the two neighbours.</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double level)
    {
        var h = (sorted.Length - 1) * level;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var low = sorted[lo];
        var high = sorted[lo + 1];
        return Math.Clamp(low + ((h - lo) * (high - low)), low, high);
    }
}
