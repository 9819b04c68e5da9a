using Usm.Model.Improvement;

namespace Usm.Model.Assessment;

/// <summary>Reads evidence for the readiness check (prerequisites 6, 7 and 8) from the improvement model.</summary>
public static class ImprovementEvidence
{
    /// <summary>
    /// Completes readiness facts from a risk database and an improvement programme: a supplied database means a risk
    /// database exists (prerequisite 6) and its risk count is the number of registered improvements (7); a programme
    /// with an agreed prioritisation mechanism satisfies the fact of prerequisite 8. Facts already known are kept.
    /// </summary>
    /// <param name="database">The risk database, if there is one.</param>
    /// <param name="programme">The improvement programme, if there is one.</param>
    /// <param name="known">Facts the caller already knows; null for none.</param>
    /// <returns>The completed facts.</returns>
    public static ReadinessFacts ReadinessFacts(RiskDatabase? database, ImprovementProgramme? programme = null, ReadinessFacts? known = null)
    {
        known ??= Assessment.ReadinessFacts.None;
        return new ReadinessFacts(
            known.ManagementCommitment,
            known.StaffTrained,
            known.ProjectLeaderAppointed,
            known.SteeringGroupFormed,
            known.ResourcesAllocated,
            known.SdcToolWithWorkflowAdministration,
            known.ManagedInfrastructureRegister,
            known.RiskDatabase ?? (database is null ? null : true),
            known.RegisteredImprovements ?? database?.Count,
            known.PrioritisationMechanismAgreed ?? (programme is null ? null : programme.Agreement is not null),
            known.CommunicationPlan,
            known.SoundingBoardOfStaff);
    }
}
