using Usm.Model.ManagementSystem;

namespace Usm.Model.Assessment;

/// <summary>
/// Reads evidence for the readiness check and the sounding-board rule from a <see cref="ServiceManagementSystem"/>.
/// </summary>
public static class ManagementSystemEvidence
{
    /// <summary>
    /// Gets whether a person is staff or a manager: a person holding any profile with a <see cref="ManagementVerb.Manage"/>
    /// assignment (a line manager or a process manager) is a manager; everyone else is staff.
    /// </summary>
    /// <param name="system">The management system.</param>
    /// <param name="personId">The person's id.</param>
    /// <returns>The position, or null when the system has no such person.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public static StaffPosition? PositionOf(ServiceManagementSystem system, string personId)
    {
        ArgumentNullException.ThrowIfNull(system);
        var person = system.People.FirstOrDefault(p => p.Id == personId);
        if (person is null)
        {
            return null;
        }

        var manages = system.Profiles
            .Where(p => person.ProfileIds.Contains(p.Id, StringComparer.Ordinal))
            .Any(p => p.Assignments.Any(a => a.Verb == ManagementVerb.Manage));
        return manages ? StaffPosition.Manager : StaffPosition.Staff;
    }

    /// <summary>
    /// Completes readiness facts from the management system: prerequisite 5's SDC tool with workflow administration
    /// (a call register for each of the five call types) and its MIR. Facts already known are kept.
    /// </summary>
    /// <param name="system">The management system.</param>
    /// <param name="known">Facts the caller already knows; null for none.</param>
    /// <returns>The completed facts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public static ReadinessFacts ReadinessFacts(ServiceManagementSystem system, ReadinessFacts? known = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        known ??= Assessment.ReadinessFacts.None;
        var sdc = system.Technology.SdcTool;
        var workflowAdministration = UsmProcesses.AllCallTypes.All(c => sdc.RegisterFor(c) is not null);
        return new ReadinessFacts(
            known.ManagementCommitment,
            known.StaffTrained,
            known.ProjectLeaderAppointed,
            known.SteeringGroupFormed,
            known.ResourcesAllocated,
            known.SdcToolWithWorkflowAdministration ?? workflowAdministration,
            known.ManagedInfrastructureRegister ?? system.Mir is not null,
            known.RiskDatabase,
            known.RegisteredImprovements,
            known.PrioritisationMechanismAgreed,
            known.CommunicationPlan,
            known.SoundingBoardOfStaff);
    }
}
