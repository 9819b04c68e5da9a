using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// PROMETHEE II ranking of n candidates on four criteria. Baseline: a TOPSIS ranking of the same set (a few linear
/// passes). Expectation: with the piecewise-linear preference functions (usual, level, linear, V-shape) the flows come
/// from the sorted columns in O(m·n log n), a small multiple of the baseline; the pairwise definition would be
/// O(m·n²), 10¹⁰ preference evaluations per criterion at n = 100,000. The Gaussian criterion sums the window where
/// 0 &lt; P &lt; 1 (differences below about 8.6·s): with s a few hundredths of the column's spread, as here, that window
/// holds a few per cent of the candidates, so it is O(n²) with a small constant.
/// </summary>
[MemoryDiagnoser]
public class PrometheeBenchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private TopsisMethod _topsis = null!;
    private PrometheeMethod _piecewise = null!;
    private PrometheeMethod _gaussian = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_set, var criteria) = BenchmarkSets.FourCriteria(N);
        _topsis = RankingMethod.Topsis(criteria);
        _piecewise = RankingMethod.Promethee(criteria,
        [
            new("value", PreferenceFunction.Linear(5, 30)),
            new("urgency", PreferenceFunction.Level(1, 4)),
            new("cost", PreferenceFunction.VShape(200)),
        ]);
        _gaussian = RankingMethod.Promethee(criteria, [new("value", PreferenceFunction.Gaussian(0.3))]);
    }

    [Benchmark(Baseline = true)]
    public Ranking Topsis() => Prioritiser.Rank(_set, _topsis);

    [Benchmark]
    public Ranking PrometheePiecewise() => Prioritiser.Rank(_set, _piecewise);

    [Benchmark]
    public Ranking PrometheeGaussian() => Prioritiser.Rank(_set, _gaussian);
}

/// <summary>
/// ELECTRE I kernel of n candidates on four criteria on one 0-10 scale. Baseline: the Pareto non-dominated set of the
/// same candidates (also a choice by pairwise comparison, but only against the frontier). Expectation: O(m·n²) for
/// the relation plus O(n²) for the cycles and the kernel; about 25 times the work from 1,000 to 5,000 candidates.
/// </summary>
[MemoryDiagnoser]
public class PrometheeElectreBenchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private Criterion[] _criteria = [];

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 5_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        double[] Column() => [.. Enumerable.Range(0, N).Select(_ => (double)random.Next(0, 11))];
        var ids = Enumerable.Range(0, N).Select(i => "R-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _set = CandidateSet.FromColumns(ids, [.. new[] { "a", "b", "c", "d" }.Select(name => KeyValuePair.Create(name, (IReadOnlyList<double>)Column()))]);
        _criteria = [Criterion.Benefit("a", 3), Criterion.Benefit("b", 2), Criterion.Cost("c", 2), Criterion.Benefit("d", 1)];
    }

    [Benchmark(Baseline = true)]
    public int NonDominated() => Pareto.NonDominated(_set, _criteria).Length;

    [Benchmark]
    public int Kernel() => Electre.Kernel(_set, _criteria, 0.75, 0.3).Kernel.Length;
}
