using BenchmarkDotNet.Attributes;
using Usm.Model.Improvement;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Queries on a risk database of N risks (a quarter classified, 100 services): the indexed queries by status and by
/// service, against a baseline that scans a plain array of the same risks.
/// </summary>
[MemoryDiagnoser]
public class RiskDatabaseQueryBenchmarks
{
    private Risk[] _risks = [];
    private RiskDatabase _db = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([10_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var db = new RiskDatabase(new RiskDatabaseBenchmarks.ConstantClock());
        var classify = new ClassifyRisk(new RiskAssessment(1, 2, QuantitativeEstimate.FromProbabilityAndImpact(0.5, 1000)));
        for (var i = 0; i < N; i++)
        {
            var id = "R-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var polarity = i % 3 == 0 ? RiskPolarity.Opportunity : RiskPolarity.Threat;
            db = db.Register(new Risk(id, "Risk " + i, "", polarity, RiskOrigin.ReportedBy("p"), [Resource.Process], "cat-" + (i % 5), ["svc-" + (i % 100)]), "p");
            if (i % 4 == 0)
            {
                db = db.Apply(id, classify, "p");
            }
        }

        _db = db;
        _risks = [.. db.Risks];
    }

    [Benchmark(Baseline = true)]
    public int ScanByStatus() => _risks.Count(r => r.Status == RiskStatus.Classified);

    [Benchmark]
    public int QueryByStatus() => _db.ByStatus(RiskStatus.Classified).Length;

    [Benchmark]
    public int QueryByService() => _db.ByService("svc-42").Length;

    [Benchmark]
    public double Exposure() => _db.Exposure;
}
