using Spectre.Console;
using Usm.Model;

namespace Usm.Cli;

/// <summary>The <c>usm demo</c> command.</summary>
internal static class DemoCommand
{
    public static int Run(IAnsiConsole console)
    {
        console.Write(new Rule("[bold]USM: 1 service specification, 5 processes, 8 workflow patterns[/]").LeftJustified());

        var processes = new Table().Title("The 5 processes").AddColumns("Process", "Code", "Dutch", "Triggered by", "Hands off to");
        foreach (var process in UsmProcesses.All)
        {
            var info = UsmProcesses.Info(process);
            var targets = info.HandOffTargets.IsEmpty ? "-" : string.Join(", ", info.HandOffTargets);
            processes.AddRow(info.EnglishName, info.Code, info.DutchName, Split(info.Trigger), targets);
        }

        console.Write(processes);

        var patterns = new Table().Title("The 8 workflow patterns").AddColumns("Pattern", "Name", "Trigger", "Kind", "Process sequence");
        foreach (var pattern in WorkflowPattern.All)
        {
            patterns.AddRow(pattern.Code, Markup.Escape(pattern.EnglishName), Split(pattern.Trigger), pattern.Kind.ToString(), string.Join(" → ", pattern.Processes));
        }

        console.Write(patterns);
        return 0;
    }

    private static string Split(CallType callType) => callType switch
    {
        CallType.ChangeRequest => "change request",
        CallType.ServiceRequest => "service request",
        _ => callType.ToString().ToLowerInvariant(),
    };
}
