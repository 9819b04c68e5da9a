using BenchmarkDotNet.Attributes;
using Usm.Model.Prioritisation;

namespace Usm.Model.Benchmarks;

/// <summary>
/// PROMETHEE V on n candidates with four criteria, efforts 1-10 and a capacity of n / 2 (about a tenth of the total
/// effort), with a precedence per 50 candidates. Baseline: the sprint selection alone on the same items with the net
/// flows as values, computed once beforehand. Expectation: from flows, PROMETHEE V adds only O(n log n) for the
/// ranks and the explanations to the selector's O(n·C) programme; from the candidate set it also pays PROMETHEE II's
/// O(m·n log n), which is small beside the programme.
/// </summary>
[MemoryDiagnoser]
public class PrometheeVBenchmarks
{
    private CandidateSet _set = CandidateSet.Empty;
    private PrometheeMethod _method = null!;
    private PrometheeFlows _flows = null!;
    private PrometheeVItem[] _items = [];
    private SprintSelectItem[] _sprintItems = [];
    private SprintSelectOptions _options = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 10_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        (_set, var criteria) = BenchmarkSets.FourCriteria(N);
        _method = RankingMethod.Promethee(criteria,
        [
            new("value", PreferenceFunction.Linear(5, 30)),
            new("urgency", PreferenceFunction.Level(1, 4)),
            new("cost", PreferenceFunction.VShape(200)),
        ]);
        _flows = _method.Flows(_set);
        var random = new Random(11);
        var ids = _set.Ids;
        _items = [.. ids.Select(id => new PrometheeVItem(id, random.Next(1, 11)))];
        _sprintItems = [.. _items.Select(i => new SprintSelectItem(i.Id, Math.Max(_flows.NetFlow(i.Id), 0), i.Effort))];
        var precedences = Enumerable.Range(1, N / 50).Select(k => new SprintPrecedence(ids[(k * 50) - 1], ids[(k * 50) - 2]));
        _options = new SprintSelectOptions(N / 2, precedences);
    }

    [Benchmark(Baseline = true)]
    public double SelectorAlone() => SprintSelector.Select(_sprintItems, _options).TotalValue;

    [Benchmark]
    public double FromFlows() => PrometheeV.Select(_flows, _items, _options).Objective;

    [Benchmark]
    public double FromCandidates() => PrometheeV.Select(_set, _method, _items, _options).Objective;

    [Benchmark]
    public double FromFlowsShifted() => PrometheeV.Select(_flows, _items, _options, PrometheeVValue.ShiftByMinimum).Objective;
}
