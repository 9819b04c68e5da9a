using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Sprint selection: the exact knapsack programme (plain, and with people/process/technology coverage, which has eight
/// times the states) against the greedy baseline. The <c>Greedy/Exact</c> column reports the greedy value as a share
/// of the optimum for the same generated problem, so the price of the exact method can be weighed against its gain.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ValueColumns))]
public class SprintSelectionBenchmarks
{
    private SprintSelectItem[] _items = [];
    private SprintSelectOptions _exact = new(0);
    private SprintSelectOptions _greedy = new(0);
    private SprintSelectOptions _covered = new(0);

    /// <summary>The number of candidates.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N;

    /// <summary>The sprint's capacity in effort units.</summary>
    [ParamsSource(nameof(Capacities))]
    public int Capacity;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([100, 1_000], 100);

    public static IEnumerable<int> Capacities => BenchmarkSizes.Pick([1_000, 10_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        _items = Problem(N, Capacity);
        _exact = new SprintSelectOptions(Capacity);
        _greedy = _exact.WithWorkBudget(0);
        _covered = _exact.WithResourceCoverage(true);
    }

    [Benchmark(Baseline = true)]
    public double Greedy() => SprintSelector.Select(_items, _greedy).TotalValue;

    [Benchmark]
    public double Exact() => SprintSelector.Select(_items, _exact).TotalValue;

    [Benchmark]
    public double ExactWithCoverage() => SprintSelector.Select(_items, _covered).TotalValue;

    /// <summary>
    /// A reproducible problem whose efforts add up to about twice the capacity, with values loosely proportional to
    /// effort (the hard case for greedy is many items of similar ratio) and one resource per item.
    /// </summary>
    internal static SprintSelectItem[] Problem(int n, int capacity)
    {
        var random = new Random(20261201);
        var maxEffort = Math.Max(1, 4 * capacity / n);
        var resources = Enum.GetValues<Resource>();
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var effort = random.Next(1, maxEffort + 1);
            var value = Math.Round(effort * (0.8 + (0.4 * random.NextDouble())) * 10) + random.Next(0, 10);
            return new SprintSelectItem("item-" + i.ToString("0000", CultureInfo.InvariantCulture), value, effort, [resources[random.Next(resources.Length)]]);
        })];
    }

    /// <summary>Adds the greedy-versus-exact value column.</summary>
    private sealed class ValueColumns : ManualConfig
    {
        public ValueColumns() => AddColumn(new GreedyShareColumn());
    }

    /// <summary>The greedy value divided by the optimum, computed once per parameter set.</summary>
    private sealed class GreedyShareColumn : IColumn
    {
        public string Id => nameof(GreedyShareColumn);

        public string ColumnName => "Greedy/Exact";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Greedy value as a share of the exact optimum for the same problem";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var n = (int)benchmarkCase.Parameters[nameof(N)];
            var capacity = (int)benchmarkCase.Parameters[nameof(Capacity)];
            var items = Problem(n, capacity);
            var exact = SprintSelector.Select(items, new SprintSelectOptions(capacity));
            var greedy = SprintSelector.Select(items, new SprintSelectOptions(capacity, workBudget: 0));
            return (greedy.TotalValue / exact.TotalValue).ToString("0.00000", CultureInfo.InvariantCulture)
                + " (" + greedy.TotalValue.ToString(CultureInfo.InvariantCulture) + "/" + exact.TotalValue.ToString(CultureInfo.InvariantCulture) + ")";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
