using System.Diagnostics;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

#if NET10_0_OR_GREATER
// One publish is enough: the net10.0 test run does it, the net8.0 run of the same tests does not repeat it.
/// <summary>
/// Publishes tests/AotSmoke (JSON round trips of the sample organisation, a risk database, a scan, a programme, a
/// ranking and a USM-WIF workflow) as a full Native AOT program, with reflection-based serialization off. Warnings are
/// errors in this repository, so any IL2xxx (trim) or IL3xxx (AOT) warning fails the publish; the native program must
/// then print "ok".
/// </summary>
/// <remarks>
/// Native AOT links with clang, which <c>.ci/run</c> installs from Debian's packages when it is missing. The publish
/// takes one to several minutes on the 2-core build machine, so the test runs in CI (<c>CI=true</c>, which
/// <c>.ci/run</c> sets) or when <c>USM_AOT_SMOKE=1</c>; elsewhere it returns at once.
/// </remarks>
public class AotSmokeTests
{
    [Fact]
    public void NativeAotPublish_OfJsonRoundTrips_HasNoTrimOrAotWarnings_AndRuns()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && Environment.GetEnvironmentVariable("USM_AOT_SMOKE") != "1")
        {
            return;
        }

        Assert.True(
            OnPath("clang"),
            "Native AOT needs clang on PATH to link; .ci/run installs it (apt-get install clang), or install it by hand.");

        var work = Path.Combine(Path.GetTempPath(), "usm-aot-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            var project = RepositoryPaths.Combine("tests", "AotSmoke", "AotSmoke.csproj");
            var (code, output) = Run("dotnet", $"publish \"{project}\" -c Release -r linux-x64 --artifacts-path \"{Path.Combine(work, "artifacts")}\" -o \"{Path.Combine(work, "out")}\"");

            Assert.True(code == 0, "publish failed:\n" + output);
            Assert.DoesNotMatch(@"\bIL[23]\d{3}\b", output);
            Assert.Contains("Generating native code", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(work, "out", "AotSmoke.dll")), "the output holds a managed AotSmoke.dll, so it is not a native program");
            var (runCode, runOutput) = Run(Path.Combine(work, "out", "AotSmoke"), string.Empty);
            Assert.Equal((0, "ok"), (runCode, runOutput.Trim()));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    private static (int Code, string Output) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{file} did not finish within 10 minutes.");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
#endif
