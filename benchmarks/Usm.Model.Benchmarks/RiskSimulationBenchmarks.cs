using BenchmarkDotNet.Attributes;
using Usm.Model.Improvement;
using Usm.Model.Improvement.Simulation;
using Usm.Model.Internal;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Monte Carlo of N risks (two in three with a three-point estimate, one in three a single amount; probabilities 0.05
/// to 0.95; threats and opportunities) over 10,000 iterations. Baseline: the same number of raw xoshiro256** doubles
/// (N × 10,000), the floor any simulation of that size pays. Expectation: a three-point draw that occurs costs about
/// eight uniforms and two or three logarithms (a Bernoulli uniform, then two gamma variates, each a polar-method
/// normal, a uniform and sometimes a logarithm), and each risk's 10,000 draws are sorted once for its percentiles
/// (about as much again), so the simulation costs a few tens of times the baseline; the parallel run (two threads)
/// gives the same result in less wall time on an idle machine. Session 9, ShortRun (3 iterations) on the 2-core machine
/// under a load of about 18 from other builds: N = 100 took 109 ms (51× the baseline's 2.1 ms), N = 1,000 took 985 ms
/// (about 100 ns per risk and iteration); two threads gave no gain under that load.
/// </summary>
[MemoryDiagnoser]
public class RiskSimulationBenchmarks
{
    private const int Iterations = 10_000;

    private Risk[] _risks = [];
    private RiskSimulationOptions _options = null!;

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([100, 1_000], 5);

    [GlobalSetup]
    public void Setup()
    {
        _risks = new Risk[N];
        for (var i = 0; i < N; i++)
        {
            var p = 0.05 + (0.9 * (i % 19) / 18.0);
            var estimate = i % 3 == 2
                ? QuantitativeEstimate.FromProbabilityAndImpact(p, 1_000 + (i % 50) * 100)
                : QuantitativeEstimate.FromThreePoint(100 * (i % 7), 500 + (100 * (i % 7)), 5_000 + (250 * (i % 11)), p);
            _risks[i] = new Risk($"RSK-{i:D5}", "Risk", "", i % 4 == 0 ? RiskPolarity.Opportunity : RiskPolarity.Threat, RiskOrigin.ReportedBy("p-1"), [Resource.Process], "operational")
                .Apply(new ClassifyRisk(new RiskAssessment(1, 1, estimate)));
        }

        _options = new RiskSimulationOptions(Iterations);
    }

    [Benchmark(Baseline = true)]
    public double RawUniforms()
    {
        var rng = new Xoshiro256StarStar(2000);
        var sum = 0.0;
        for (long k = 0; k < (long)N * Iterations; k++)
        {
            sum += rng.NextDouble();
        }

        return sum;
    }

    [Benchmark]
    public RiskSimulationResult Simulate() => RiskSimulation.Run(_risks, _options);

    [Benchmark]
    public RiskSimulationResult SimulateOnTwoThreads() => RiskSimulation.Run(_risks, _options.WithMaxDegreeOfParallelism(2));
}
