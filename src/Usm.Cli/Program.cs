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
        var root = new RootCommand("usm: the USM method as a typed model. Run 'usm demo' to see the whole loop on the sample organisation.");
        var demo = new Command("demo", "Show the USM process model: the 5 processes, 5 call types and 8 workflow patterns.");
        demo.SetAction(_ => DemoCommand.Run(AnsiConsole.Console));
        root.Subcommands.Add(demo);
        return root.Parse(args).Invoke();
    }
}
