using System.CommandLine;
using Spectre.Console;

namespace Usm.Cli;

/// <summary>The <c>usm</c> command-line tool.</summary>
public static class Program
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code: 0 success, 1 findings, 2 a usage or input error.</returns>
    public static int Main(string[] args)
    {
        var console = CreateConsole();
        var root = new RootCommand("usm: the USM method as a typed model. Run 'usm demo' to see the USM process model.");
        var demo = new Command("demo", "Show the USM process model: the 5 processes, 5 call types and 8 workflow patterns.");
        demo.SetAction(_ => DemoCommand.Run(console));
        root.Subcommands.Add(demo);
        return root.Parse(args).Invoke();
    }

    /// <summary>A console without colour or ANSI codes when output is redirected or NO_COLOR is set.</summary>
    private static IAnsiConsole CreateConsole()
    {
        var plain = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
    }
}
