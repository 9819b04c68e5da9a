using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Usm.Model.Routines;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Classifying workflows into the eight patterns by collapsing their steps into process blocks, against a naive
/// baseline that formats each block sequence as a string and looks it up.
/// </summary>
[MemoryDiagnoser]
public class PatternMatchingBenchmarks
{
    private Workflow[] _workflows = [];
    private Dictionary<string, int> _byText = [];

    [Params(1_000, 10_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var catalogue = ProcessStepCatalogue.Default;
        _workflows = new Workflow[Count];
        for (var i = 0; i < Count; i++)
        {
            var pattern = WorkflowPattern.All[random.Next(8)];
            var steps = pattern.Processes.SelectMany(p => catalogue.StepsOf(p)).Select((s, n) => new WorkflowStep("s" + n, s.Process, s.EnglishName));
            _workflows[i] = new Workflow("wf" + i, "Workflow " + i, pattern.Trigger, RoutineType.Process, steps);
        }

        _byText = WorkflowPattern.All.ToDictionary(p => string.Join(">", p.Processes), p => p.Number);
    }

    [Benchmark(Baseline = true)]
    public int StringKeys()
    {
        var sum = 0;
        foreach (var wf in _workflows)
        {
            var text = string.Join(">", wf.Steps.Select(s => s.Process).Aggregate(ImmutableList<UsmProcess>.Empty, (acc, p) => acc.Count > 0 && acc[^1] == p ? acc : acc.Add(p)));
            sum += _byText.TryGetValue(text, out var n) ? n : 0;
        }

        return sum;
    }

    [Benchmark]
    public int ProcessBlocks()
    {
        var sum = 0;
        foreach (var wf in _workflows)
        {
            sum += WorkflowPattern.FromProcesses(Workflow.ProcessBlocks(wf.Steps))?.Number ?? 0;
        }

        return sum;
    }
}
