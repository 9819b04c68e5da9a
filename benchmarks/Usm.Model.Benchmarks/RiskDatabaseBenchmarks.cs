using BenchmarkDotNet.Attributes;
using NodaTime;
using Usm.Model.Improvement;

namespace Usm.Model.Benchmarks;

/// <summary>
/// The risk database: registering N risks one at a time (each add returns a new immutable version and appends an
/// event), against a baseline that adds the same risks to a plain mutable <see cref="Dictionary{TKey, TValue}"/>.
/// </summary>
/// <remarks>
/// Per-add cost should stay flat (the log updates its latest state in place, O(1) amortised; no snapshot per
/// event): compare the <c>RegisterOneAtATime</c> time per risk across the sizes.
/// </remarks>
[MemoryDiagnoser]
public class RiskDatabaseBenchmarks
{
    private static readonly Resource[][] s_resources = [[Resource.People], [Resource.Process], [Resource.Technology], [Resource.People, Resource.Process, Resource.Technology]];

    private Risk[] _risks = [];

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([10_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup() => _risks = MakeRisks(N);

    /// <summary>N reproducible risks: a third opportunities, 50 reporters, 5 categories, 100 services.</summary>
    internal static Risk[] MakeRisks(int n)
    {
        var risks = new Risk[n];
        for (var i = 0; i < n; i++)
        {
            var polarity = i % 3 == 0 ? RiskPolarity.Opportunity : RiskPolarity.Threat;
            risks[i] = new Risk("R-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture), "Risk " + i, "", polarity, RiskOrigin.ReportedBy("p-" + (i % 50)), s_resources[i % 4], "cat-" + (i % 5), ["svc-" + (i % 100)]);
        }

        return risks;
    }

    [Benchmark(Baseline = true)]
    public int DictionaryAdd()
    {
        var map = new Dictionary<string, Risk>(StringComparer.Ordinal);
        foreach (var risk in _risks)
        {
            map.Add(risk.Id, risk);
        }

        return map.Count;
    }

    [Benchmark]
    public int RegisterOneAtATime()
    {
        var db = new RiskDatabase(new ConstantClock());
        foreach (var risk in _risks)
        {
            db = db.Register(risk, "p");
        }

        return db.Count;
    }

    internal sealed class ConstantClock : IClock
    {
        private static readonly Instant s_now = Instant.FromUtc(2026, 3, 2, 9, 0);

        public Instant GetCurrentInstant() => s_now;
    }
}
