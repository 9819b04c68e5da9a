using System.CommandLine;
using Usm.Cli.Output;
using Usm.Model;

namespace Usm.Cli;

/// <summary>The <c>usm demo</c> command: the whole USM loop on the sample organisation.</summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("demo", "Run the USM loop on the sample organisation that ships with the library, and show the process model.");
        command.SetAction(parse =>
        {
            var report = new Report("USM demo: the process model (1 service specification, 5 processes, 8 workflow patterns)");
            AddProcessModel(report);
            Commands.Render(parse, report, env);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void AddProcessModel(Report report)
    {
        var processes = report.AddTable("The 5 processes", ["process", "code", "Dutch", "triggered by", "hands off to"]);
        foreach (var process in UsmProcesses.All)
        {
            var info = UsmProcesses.Info(process);
            var targets = info.HandOffTargets.IsEmpty ? "-" : string.Join(", ", info.HandOffTargets);
            processes.Add(info.EnglishName, info.Code, info.DutchName, Words(info.Trigger), targets);
        }

        var patterns = report.AddTable("The 8 workflow patterns", ["pattern", "name", "trigger", "kind", "process sequence"]);
        foreach (var pattern in WorkflowPattern.All)
        {
            patterns.Add(pattern.Code, pattern.EnglishName, Words(pattern.Trigger), pattern.Kind.ToString(), string.Join(" → ", pattern.Processes));
        }
    }

    public static string Words(CallType callType) => callType switch
    {
        CallType.ChangeRequest => "change request",
        CallType.ServiceRequest => "service request",
        _ => callType.ToString().ToLowerInvariant(),
    };
}
