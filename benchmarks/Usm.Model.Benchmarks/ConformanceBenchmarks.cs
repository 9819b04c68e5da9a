using BenchmarkDotNet.Attributes;
using Usm.Model.Conformance;
using Usm.Model.Routines;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Checking N workflows for conformance, against a baseline that only walks the same workflows' steps, activities and
/// responsibilities (the traversal floor every checker pays). The workflows are procedures built from random patterns
/// with the default catalogue; one in four carries a defect, so both the clean and the reporting paths run.
/// </summary>
[MemoryDiagnoser]
public class ConformanceBenchmarks
{
    private static readonly string[] s_profiles = ["coordinator", "operator", "service-manager"];
    private Workflow[] _workflows = [];
    private ConformanceOptions _options = ConformanceOptions.Default;

    /// <summary>The number of workflows checked per operation.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N;

    /// <summary>10,000 workflows in a full run; 100 in the CI smoke run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([10_000], 100);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var catalogue = ProcessStepCatalogue.Default;
        _options = new ConformanceOptions(s_profiles, catalogue);
        Responsibility[] raci =
        [
            new("coordinator", RaciRoles.Accountable),
            new("operator", RaciRoles.Responsible),
            new("service-manager", RaciRoles.Informed),
        ];
        _workflows = new Workflow[N];
        for (var i = 0; i < N; i++)
        {
            var pattern = WorkflowPattern.All[random.Next(8)];
            var steps = pattern.Processes.SelectMany(p => catalogue.StepsOf(p))
                .Select((s, n) => new WorkflowStep("s" + n, s.Process, s.EnglishName, [new Activity("a" + n, s.EnglishName, raci)], s.Key))
                .ToList();
            if (i % 4 == 3)
            {
                // A defect: swap two neighbouring steps (often an order warning, sometimes a hand-off error).
                var k = random.Next(steps.Count - 1);
                (steps[k], steps[k + 1]) = (steps[k + 1], steps[k]);
            }

            _workflows[i] = new Workflow("wf" + i, "Workflow " + i, pattern.Trigger, RoutineType.Procedure, steps);
        }
    }

    /// <summary>The traversal floor: visit every step, activity and responsibility once.</summary>
    [Benchmark(Baseline = true)]
    public int WalkSteps()
    {
        var sum = 0;
        foreach (var workflow in _workflows)
        {
            foreach (var step in workflow.AllSteps)
            {
                sum += (int)step.Process;
                foreach (var activity in step.Activities)
                {
                    foreach (var responsibility in activity.Responsibilities)
                    {
                        sum += (int)responsibility.Roles;
                    }
                }
            }
        }

        return sum;
    }

    /// <summary>The full conformance check of every workflow.</summary>
    [Benchmark]
    public int Check()
    {
        var findings = 0;
        foreach (var workflow in _workflows)
        {
            findings += ConformanceChecker.Check(workflow, _options).Findings.Length;
        }

        return findings;
    }
}
