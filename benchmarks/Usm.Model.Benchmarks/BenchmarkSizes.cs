namespace Usm.Model.Benchmarks;

/// <summary>
/// Parameter sizes for <c>[ParamsSource]</c>. A full run uses the sizes the targets name; the CI smoke run
/// (<c>--smoke</c>, which sets <see cref="IsSmoke"/>) uses only the smallest so that it stays quick on a 2-core machine.
/// </summary>
public static class BenchmarkSizes
{
    /// <summary>True while the <c>--smoke</c> run is in progress (benchmarks run in process then).</summary>
    public static bool IsSmoke { get; internal set; }

    /// <summary>
    /// Returns <paramref name="full"/> normally, or only <paramref name="smoke"/> during a smoke run. The environment
    /// variable <c>USM_BENCH_MAX_SIZE</c> (a whole number) drops the full sizes above it, to rerun the small sizes of a
    /// class alone; if it would drop every size, the smallest is kept.
    /// </summary>
    public static IEnumerable<int> Pick(int[] full, params int[] smoke)
    {
        if (IsSmoke)
        {
            return smoke;
        }

        if (int.TryParse(Environment.GetEnvironmentVariable("USM_BENCH_MAX_SIZE"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max))
        {
            var kept = full.Where(size => size <= max).ToArray();
            return kept.Length > 0 ? kept : [full.Min()];
        }

        return full;
    }
}
