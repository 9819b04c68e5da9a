using Usm.Model.Improvement;
using Usm.Model.Internal;

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

    /// <summary>
    /// Checks the improvement programme's sounding-board group against the people model: USM gives staff, not managers,
    /// a say in the improvements through it (prerequisite 10).
    /// </summary>
    /// <remarks>
    /// <para>Findings, in this order: <c>USM-IMP-003</c> (warning) when the programme names no sounding-board member;
    /// then per member, in the programme's (ordinal) order, <c>USM-IMP-004</c> (error) for a person the people model does
    /// not know and <c>USM-IMP-005</c> (error) for a manager. Each names the member as its subject; its path is the
    /// member's place in the interchange format (<c>sounding-board-member-ids[i]</c>).</para>
    /// <para>The programme itself accepts any ids (a programme is often read or built before the people model is at
    /// hand); <see cref="Deployment.WithSoundingBoard"/> applies the same rule to a deployment and refuses instead.</para>
    /// </remarks>
    /// <param name="programme">The programme.</param>
    /// <param name="positionOf">
    /// Looks a person up in the people model, as for <see cref="Deployment.WithSoundingBoard"/>: for a
    /// <see cref="ManagementSystem.ServiceManagementSystem"/>, <c>id =&gt; ManagementSystemEvidence.PositionOf(system, id)</c>.
    /// </param>
    /// <returns>The findings; conforming when there are no errors.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static FindingReport CheckSoundingBoard(ImprovementProgramme programme, Func<string, StaffPosition?> positionOf)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(positionOf);
        var members = programme.SoundingBoardMemberIds;
        if (members.IsEmpty)
        {
            return new FindingReport([new Finding(ImprovementProgramme.NoSoundingBoardRuleId, FindingSeverity.Warning,
                Preconditions.Invariant($"Programme '{programme.Id}' has no sounding-board group: USM gives staff a say in the improvements through one (prerequisite 10)."),
                "sounding-board-member-ids", programme.Id)]);
        }

        var findings = new List<Finding>();
        for (var i = 0; i < members.Length; i++)
        {
            var id = members[i];
            var path = Preconditions.Invariant($"sounding-board-member-ids[{i}]");
            switch (positionOf(id))
            {
                case null:
                    findings.Add(new Finding(ImprovementProgramme.UnknownSoundingBoardMemberRuleId, FindingSeverity.Error,
                        Preconditions.Invariant($"Sounding-board member '{id}' is not a known person in the people model."), path, id));
                    break;
                case StaffPosition.Manager:
                    findings.Add(new Finding(ImprovementProgramme.ManagerOnSoundingBoardRuleId, FindingSeverity.Error,
                        Preconditions.Invariant($"Sounding-board member '{id}' is a manager; a sounding-board group consists of staff, not managers."), path, id));
                    break;
                case StaffPosition.Staff:
                    break;
                case var other:
                    throw new ArgumentException(Preconditions.Invariant($"The position lookup returned {other} for '{id}', which is not a StaffPosition."), nameof(positionOf));
            }
        }

        return new FindingReport(findings);
    }
}
