using BenchmarkDotNet.Attributes;
using Usm.Model.Improvement;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Changes and point reads on old versions of a risk database of N risks: 200 what-if changes, each on the same
/// version that is no longer the tip of its log (each one a fork), and 200 reads of one risk each on a different old
/// version (<c>AfterEvent(k).Get(id)</c>), against a baseline of the same 200 changes made one after the other (a
/// chain that forks once, then appends in place).
/// </summary>
[MemoryDiagnoser]
public class RiskDatabaseWhatIfBenchmarks
{
    private const int Changes = 200;

    private static readonly ClassifyRisk s_classify = new(new RiskAssessment(1, 2, QuantitativeEstimate.FromProbabilityAndImpact(0.5, 1000)));

    private RiskDatabase _base = null!;
    private string[] _ids = [];

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([10_000, 50_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var db = new RiskDatabase(new RiskDatabaseBenchmarks.ConstantClock());
        for (var i = 0; i < N; i++)
        {
            var id = "R-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            db = db.Register(new Risk(id, "Risk " + i, "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p"), [Resource.Process], "cat-" + (i % 5), ["svc-" + (i % 100)]), "p");
        }

        // The base is left behind by one more change, so every change to it forks; the ids are of risks registered
        // before the last 200 events, so every point read finds its risk.
        _base = db;
        _ = db.Apply("R-0000000", new RejectRisk("moved on"), "p");
        _ids = [.. Enumerable.Range(0, Changes).Select(i => "R-" + ((i * 7919) % (N - Changes)).ToString("D7", System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Benchmark(Baseline = true)]
    public int ChainOfChanges()
    {
        var db = _base;
        foreach (var id in _ids)
        {
            db = db.Apply(id, s_classify, "p");
        }

        return db.Version;
    }

    [Benchmark]
    public int WhatIfChangesOnOneOldVersion()
    {
        var results = new List<RiskDatabase>(Changes);
        foreach (var id in _ids)
        {
            results.Add(_base.Apply(id, s_classify, "p"));
        }

        return results.Count;
    }

    [Benchmark]
    public int PointReadsOnOldVersions()
    {
        var found = 0;
        for (var i = 0; i < Changes; i++)
        {
            found += _base.AfterEvent(N - Changes + i).Get(_ids[i]).IsOpen ? 1 : 0;
        }

        return found;
    }
}
