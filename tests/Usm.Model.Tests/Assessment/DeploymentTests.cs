using NodaTime;
using Usm.Model.Assessment;

namespace Usm.Model.Tests.Assessment;

public class DeploymentTests
{
    internal static readonly DeploymentParticipant Leader = new("p-anna", "Anna", DeploymentRole.InternalProjectLeader, isInternal: true);
    internal static readonly DeploymentParticipant Sponsor = new("p-bram", "Bram", DeploymentRole.Sponsor, isInternal: true);
    internal static readonly DeploymentParticipant Coach = new("x-coach", "Cora", DeploymentRole.Coach, isInternal: false);

    // A tiny people model: staff s1-s3, managers m1 and m2; anyone else is unknown.
    internal static StaffPosition? PositionOf(string personId) => personId switch
    {
        "s1" or "s2" or "s3" => StaffPosition.Staff,
        "m1" or "m2" => StaffPosition.Manager,
        _ => null,
    };

    [Fact]
    public void Deployment_DefaultsToIntakeAndPlanPhases()
    {
        var deployment = new Deployment("USM at the shared-service centre", AdoptionApproach.SupportedDeployment, [Leader, Sponsor, Coach]);
        Assert.Equal(["intake", "plan"], deployment.Phases.Select(p => p.Id));
        Assert.Same(Leader, deployment.ProjectLeader);
        Assert.Same(Coach, deployment.Coach);
        Assert.Same(Sponsor, deployment.Sponsor);
        Assert.Empty(deployment.SoundingBoard);
    }

    [Fact]
    public void ProjectLeader_IsRequiredAndInternal()
    {
        Assert.Contains("exactly one internal project leader", Assert.Throws<ArgumentException>(() => new Deployment("d", AdoptionApproach.Training, [Sponsor])).Message, StringComparison.Ordinal);
        var external = new DeploymentParticipant("x-pl", "Xavier", DeploymentRole.InternalProjectLeader, isInternal: false);
        Assert.Contains("'x-pl' must be internal", Assert.Throws<ArgumentException>(() => new Deployment("d", AdoptionApproach.Training, [external])).Message, StringComparison.Ordinal);
        var second = new DeploymentParticipant("p-carl", "Carl", DeploymentRole.InternalProjectLeader, isInternal: true);
        Assert.Throws<ArgumentException>(() => new Deployment("d", AdoptionApproach.Training, [Leader, second]));
    }

    [Theory]
    [InlineData(AdoptionApproach.DoItYourself)]
    [InlineData(AdoptionApproach.Training)]
    public void Coach_OnlyExistsUnderSupportedDeployment(AdoptionApproach approach)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Deployment("d", approach, [Leader, Coach]));
        Assert.Contains("'x-coach' is a coach", ex.Message, StringComparison.Ordinal);
        var supported = new Deployment("d", AdoptionApproach.SupportedDeployment, [Leader, Coach]);
        Assert.Throws<ArgumentException>(() => supported.WithApproach(approach));
        Assert.Throws<ArgumentException>(() => new Deployment("d", approach, [Leader]).WithParticipant(Coach));
    }

    [Fact]
    public void Coach_IsNeverInternal() =>
        Assert.Throws<ArgumentException>(() => new Deployment("d", AdoptionApproach.SupportedDeployment, [Leader, new DeploymentParticipant("p-x", "X", DeploymentRole.Coach, true)]));

    [Fact]
    public void SoundingBoard_AcceptsStaff_AndIsSorted()
    {
        var deployment = new Deployment("d", AdoptionApproach.Training, [Leader]).WithSoundingBoard(["s3", "s1"], PositionOf);
        Assert.Equal(["s1", "s3"], deployment.SoundingBoard.ToArray());
    }

    [Fact]
    public void SoundingBoard_RejectsManagersUnknownPeopleRepeatsAndEmptyGroups()
    {
        var deployment = new Deployment("d", AdoptionApproach.Training, [Leader]);
        var manager = Assert.Throws<ArgumentException>(() => deployment.WithSoundingBoard(["s1", "m2"], PositionOf));
        Assert.Contains("'m2' is a manager", manager.Message, StringComparison.Ordinal);
        Assert.Equal("personIds", manager.ParamName);
        Assert.Contains("'ghost'", Assert.Throws<ArgumentException>(() => deployment.WithSoundingBoard(["ghost"], PositionOf)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => deployment.WithSoundingBoard(["s1", "s1"], PositionOf));
        Assert.Throws<ArgumentException>(() => deployment.WithSoundingBoard([], PositionOf));
    }

    [Fact]
    public void PhasesAndCommunication_AreData()
    {
        var deployment = new Deployment("d", AdoptionApproach.DoItYourself, [Leader])
            .WithPhase(new DeploymentPhase("sprint-1", "First improvement sprint"))
            .WithCommunication(new CommunicationItem("all staff", "Why we start with USM", "staff meeting", new LocalDate(2026, 2, 1)));
        Assert.Equal(["intake", "plan", "sprint-1"], deployment.Phases.Select(p => p.Id));
        Assert.Single(deployment.CommunicationPlan);
        Assert.Throws<ArgumentException>(() => deployment.WithPhase(new DeploymentPhase("plan", "Again")));
    }
}
