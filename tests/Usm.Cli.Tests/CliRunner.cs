using System.Diagnostics;

namespace Usm.Cli.Tests;

/// <summary>The outcome of one CLI run.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Runs the tool in process (through <c>Program.Run</c>) or as a real child process.</summary>
internal static class CliRunner
{
    public static CliRun InProcess(params string[] args) => InProcessWith(new Dictionary<string, string>(), null, args);

    /// <summary>
    /// Runs in process with these environment variables (and no others: the test process's own are not seen, so tests
    /// running in parallel cannot disturb each other) and, if given, this clock instead of the system clock.
    /// </summary>
    public static CliRun InProcessWith(IReadOnlyDictionary<string, string> variables, NodaTime.IClock? clock, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment(output, error, interactive: false, colour: false, variables: name => variables.GetValueOrDefault(name), clock: clock);
        var exit = Program.Run(args, env);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built <c>usm.dll</c> next to the tests with <c>dotnet</c>, output redirected (so plain).</summary>
    public static CliRun Process(params string[] args) => ProcessWith(new Dictionary<string, string>(), args);

    /// <summary>
    /// As <see cref="Process(string[])"/>, with these environment variables added to the child's (SOURCE_DATE_EPOCH
    /// is removed from what it inherits, so only a test that sets it fixes the child's time).
    /// </summary>
    public static CliRun ProcessWith(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "usm.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        return RunProcess(start, TimeSpan.FromMinutes(2));
    }

    /// <summary>Runs a shell command line exactly as written, from the repository root.</summary>
    public static CliRun Shell(string commandLine, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        return RunProcess(start, timeout);
    }

    private static CliRun RunProcess(ProcessStartInfo start, TimeSpan timeout)
    {
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{start.FileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}.");
        }

        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>
/// Tests that start <c>dotnet run</c> build the library in Debug; they share this collection so that xUnit never runs
/// two such builds at once (they would write the same output files).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DotnetBuildCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "dotnet build";
}
