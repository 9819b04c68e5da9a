using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Usm.Model.Routines;
using Usm.Model.Serialization;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Importing a USM-WIF workflow of N steps: the full reader (limit scan, parse, mapping, every check, the conformance
/// checker) against a baseline that only parses the same text into a <see cref="JsonDocument"/>. The ratio shows
/// what the defences and mapping cost on top of parsing.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private string _wif = string.Empty;
    private string _native = string.Empty;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 9_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var steps = Enumerable.Range(0, N).Select(i => new WorkflowStep("s" + i, UsmProcess.Operate, "Step " + i,
            [new Activity("a", "Do the work", [new Responsibility("operator", RaciRoles.Responsible), new Responsibility("coordinator", RaciRoles.Accountable)])]));
        var workflow = new Workflow("operate-" + N, "Operate", CallType.ServiceRequest, RoutineType.Procedure, steps);
        _wif = UsmWif.Export(workflow);
        _native = UsmJson.WriteWorkflow(workflow);
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(_wif);
        return document.RootElement.GetProperty("steps").GetArrayLength();
    }

    [Benchmark]
    public int ImportWif() => UsmWif.Import(_wif).Value.Workflow.Steps.Length;

    [Benchmark]
    public int ReadNative() => UsmJson.ReadWorkflow(_native).Value.Steps.Length;
}
