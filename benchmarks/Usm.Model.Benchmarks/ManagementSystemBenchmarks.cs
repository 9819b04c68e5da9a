using BenchmarkDotNet.Attributes;
using NodaTime;
using Usm.Model.ManagementSystem;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Answering "what did MIC X look like at instant T" from a register of N components with N updates: one scan of the
/// history (<see cref="ManagedInfrastructureRegister.ComponentAt"/>) against a baseline that replays the history up to
/// T into a new register and looks the MIC up.
/// </summary>
[MemoryDiagnoser]
public class ManagementSystemBenchmarks
{
    private ManagedInfrastructureRegister _mir = ManagedInfrastructureRegister.Empty;
    private Instant _at;
    private string _micId = "";

    [ParamsSource(nameof(Sizes))]
    public int N;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 100_000], 1_000);

    [GlobalSetup]
    public void Setup()
    {
        var clock = new StepClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        var history = new List<MirChange>(2 * N);
        for (var i = 0; i < N; i++)
        {
            var mic = new ManagedInfrastructureComponent("mic-" + i, "MIC " + i, MicKind.InternalResource, "team", [new("version", "1")]);
            history.Add(new MirChange(MirChangeKind.Added, mic.Id, clock.Next(), "add", null, mic));
        }

        for (var i = 0; i < N; i++)
        {
            var mic = new ManagedInfrastructureComponent("mic-" + i, "MIC " + i, MicKind.InternalResource, "team", [new("version", "2")]);
            history.Add(new MirChange(MirChangeKind.Updated, mic.Id, clock.Next(), "update", null, mic));
        }

        _mir = new ManagedInfrastructureRegister(history);
        _at = history[N + (N / 2)].At;
        _micId = "mic-" + (N / 3);
    }

    [Benchmark(Baseline = true)]
    public ManagedInfrastructureComponent? ReplayHistory() => new ManagedInfrastructureRegister(_mir.History.Where(e => e.At <= _at)).Find(_micId);

    [Benchmark]
    public ManagedInfrastructureComponent? ComponentAt() => _mir.ComponentAt(_micId, _at);

    private sealed class StepClock(Instant start)
    {
        private Instant _now = start;

        public Instant Next() => _now += Duration.FromSeconds(1);
    }
}
