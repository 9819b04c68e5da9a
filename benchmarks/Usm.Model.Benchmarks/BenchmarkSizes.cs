namespace Usm.Model.Benchmarks;

/// <summary>
/// Parameter sizes for <c>[ParamsSource]</c>. A full run uses the sizes the targets name; the CI smoke run
/// (<c>--smoke</c>, which sets <see cref="IsSmoke"/>) uses only the smallest so that it stays quick on a 2-core machine.
/// </summary>
public static class BenchmarkSizes
{
    /// <summary>True while the <c>--smoke</c> run is in progress (benchmarks run in process then).</summary>
    public static bool IsSmoke { get; internal set; }

    /// <summary>Returns <paramref name="full"/> normally, or only <paramref name="smoke"/> during a smoke run.</summary>
    public static IEnumerable<int> Pick(int[] full, params int[] smoke) => IsSmoke ? smoke : full;
}
