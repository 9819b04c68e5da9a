using NodaTime;
using Usm.Model.Routines;
using Usm.Model.Serialization;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>Shared sample models and golden-file helpers for the serialization tests.</summary>
internal static class SerializationSamples
{
    public static string GoldenPath(string name) => RepositoryPaths.Combine("tests", "Usm.Model.Tests", "Serialization", "Golden", name);

    /// <summary>
    /// Compares text with a committed golden file. With <c>USM_UPDATE_GOLDEN=1</c> the file is rewritten first, so an
    /// intended format change is one command away; an unintended one fails here.
    /// </summary>
    public static void AssertGolden(string name, string actual)
    {
        var path = GoldenPath(name);
        if (Environment.GetEnvironmentVariable("USM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with USM_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>A dynamic procedure for incidents (W3 or W4): recover, then a change or straight to operate.</summary>
    public static Workflow IncidentProcedure()
    {
        static Activity Act(string id, string name, params (string Profile, RaciRoles Roles)[] raci) =>
            new(id, name, raci.Select(r => new Responsibility(r.Profile, r.Roles)));

        var trunk = new[]
        {
            new WorkflowStep("accept", UsmProcess.Recover, "Accept the incident", [Act("register", "Register the call and issue a tracking number", ("coordinator", RaciRoles.Responsible | RaciRoles.Accountable), ("requester", RaciRoles.Informed))], "recover.accept"),
            new WorkflowStep("classify", UsmProcess.Recover, "Classify", [Act("prioritise", "Set impact and urgency", ("coordinator", RaciRoles.Responsible | RaciRoles.Accountable))], "recover.classify"),
            new WorkflowStep("analyse", UsmProcess.Recover, "Analyse", [Act("match", "Search the knowledge base for a known solution", ("operator", RaciRoles.Responsible), ("coordinator", RaciRoles.Accountable))], "recover.analyse"),
            new WorkflowStep("recover", UsmProcess.Recover, "Recover through a change or a service request", [Act("route", "Raise the change request or service request", ("coordinator", RaciRoles.Responsible | RaciRoles.Accountable))], "recover.recover", "The fork step: the path depends on whether the managed infrastructure changes."),
        };
        var viaChange = new WorkflowBranch("recovery needs a change", [
            new WorkflowStep("change-accept", UsmProcess.Change, "Accept the change request", [Act("rfc", "Register the change request", ("coordinator", RaciRoles.Responsible | RaciRoles.Accountable))], "change.accept"),
            new WorkflowStep("change-deploy", UsmProcess.Change, "Deploy through a service request", [], "change.deploy"),
            new WorkflowStep("operate-execute", UsmProcess.Operate, "Carry out the work", [Act("execute", "Bring the change into production", ("operator", RaciRoles.Responsible), ("service-manager", RaciRoles.Accountable | RaciRoles.Informed))], "operate.execute"),
        ]);
        var direct = new WorkflowBranch("recovery by operations", [
            new WorkflowStep("operate-direct", UsmProcess.Operate, "Carry out the work", [Act("restore", "Restore the service", ("operator", RaciRoles.Responsible), ("service-manager", RaciRoles.Accountable))], "operate.execute"),
        ]);
        return new Workflow("incident-recovery", "Incident recovery (Hérstel)", CallType.Incident, RoutineType.Procedure, trunk, Dynamicity.Dynamic, [viaChange, direct], "Workflows 3 and 4 as one dynamic procedure.");
    }

    public static WifMetadata IncidentMetadata() => new(
        WifDocumentType.Workflow,
        "service-desk",
        "example-org:sdc-tool",
        "4.2",
        "instance-01",
        "7",
        Instant.FromUtc(2024, 3, 1, 9, 30, 0) + Duration.FromMilliseconds(125),
        Instant.FromUtc(2024, 4, 2, 14, 0),
        new WifPerson("u-17", "Coordinator On Duty", "coordinator@example.org"),
        new WifPerson("u-42"));

    public static IReadOnlyList<WifProfile> IncidentProfiles() =>
    [
        new("coordinator", "Coordinator"),
        new("operator", "Operator"),
        new("requester", "Requester"),
        new("service-manager", "Service manager"),
    ];
}
