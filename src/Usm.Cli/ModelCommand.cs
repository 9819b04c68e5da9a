using System.CommandLine;
using Usm.Cli.Output;

namespace Usm.Cli;

/// <summary>The <c>usm model</c> command: the USM process model (5 processes, 5 call types, 8 workflow patterns).</summary>
internal static class ModelCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("model", "Show the USM process model: the 5 processes, the call type that triggers each, and the 8 workflow patterns.");
        command.SetAction(parse =>
        {
            var report = new Report("The USM process model: 5 processes, 5 call types, 8 workflow patterns");
            DemoCommand.AddProcessModel(report);
            Commands.Render(parse, report, env);
            return ExitCodes.Ok;
        });
        return command;
    }
}
