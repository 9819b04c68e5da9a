using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Usm.Model.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Usm.Model.Benchmarks -- --filter '*'</c>.
/// <c>--smoke</c> runs every benchmark once, in process, with a tiny job: CI uses it so that benchmarks never rot.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var rest = args.Where(a => a != "--smoke").ToArray();
        IConfig config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub);
        if (smoke)
        {
            BenchmarkSizes.IsSmoke = true;
            config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithIterationCount(1).WithWarmupCount(0).WithLaunchCount(1))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            if (rest.Length == 0)
            {
                rest = ["--filter", "*"];
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
