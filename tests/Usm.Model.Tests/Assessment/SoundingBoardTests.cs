using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Assessment;
using Usm.Model.Improvement;
using Usm.Model.ManagementSystem;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Assessment;

/// <summary>
/// <see cref="ImprovementEvidence.CheckSoundingBoard"/>: the improvement programme's sounding-board group is of staff,
/// not managers (domain.md, prerequisite 10 and rule 20), checked against the people model.
/// </summary>
public class SoundingBoardTests
{
    private static ImprovementProgramme Programme(params string[] members) => new("ip", "P", soundingBoardMemberIds: members);

    [Fact]
    public void StaffOnly_IsConforming_WithoutFindings()
    {
        var report = ImprovementEvidence.CheckSoundingBoard(Programme("s2", "s1"), DeploymentTests.PositionOf);

        Assert.True(report.IsConforming);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void ManagersAndUnknownPeople_AreErrors_NamingEachMemberAtItsPlace()
    {
        var report = ImprovementEvidence.CheckSoundingBoard(Programme("s1", "m2", "ghost", "m1"), DeploymentTests.PositionOf);

        // The programme keeps its ids in ordinal order: ghost, m1, m2, s1.
        Assert.False(report.IsConforming);
        Assert.Equal(
            [
                "Error USM-IMP-004 at sounding-board-member-ids[0]: Sounding-board member 'ghost' is not a known person in the people model.",
                "Error USM-IMP-005 at sounding-board-member-ids[1]: Sounding-board member 'm1' is a manager; a sounding-board group consists of staff, not managers.",
                "Error USM-IMP-005 at sounding-board-member-ids[2]: Sounding-board member 'm2' is a manager; a sounding-board group consists of staff, not managers.",
            ],
            report.Findings.Select(f => f.ToString()));
        Assert.Equal(["ghost", "m1", "m2"], report.Findings.Select(f => f.SubjectId));
    }

    [Fact]
    public void NoSoundingBoard_IsAWarning_OnTheProgramme()
    {
        var finding = Assert.Single(ImprovementEvidence.CheckSoundingBoard(Programme(), DeploymentTests.PositionOf).Findings);

        Assert.Equal((ImprovementProgramme.NoSoundingBoardRuleId, FindingSeverity.Warning, "sounding-board-member-ids", "ip"), (finding.RuleId, finding.Severity, finding.Path, finding.SubjectId));
        Assert.Contains("prerequisite 10", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleOrganisation_OperatorsConform_LineAndProcessManagersDoNot()
    {
        // Sample organisation: p-gijs, p-jet operate; p-dana is a line manager, p-bram a process manager.
        var system = SampleOrganisation.Create();

        var report = ImprovementEvidence.CheckSoundingBoard(Programme("p-gijs", "p-jet", "p-dana", "p-bram"), id => ManagementSystemEvidence.PositionOf(system, id));

        Assert.Equal([("USM-IMP-005", "p-bram"), ("USM-IMP-005", "p-dana")], report.Findings.Select(f => (f.RuleId, f.SubjectId)));
    }

    [Fact]
    public void EveryNonStaffMember_GetsExactlyOneError_InTheProgrammesOrder()
    {
        var people = Gen.Elements("s1", "s2", "s3", "m1", "m2", "x1", "x2");
        PropertyCheck.Run(Prop.ForAll(Gen.ArrayOf(people).ToArbitrary(), ids =>
        {
            var programme = Programme(ids);
            var report = ImprovementEvidence.CheckSoundingBoard(programme, DeploymentTests.PositionOf);
            var expected = programme.SoundingBoardMemberIds.Where(id => DeploymentTests.PositionOf(id) != StaffPosition.Staff).ToList();
            return programme.SoundingBoardMemberIds.IsEmpty
                ? report.IsConforming && report.Findings.Single().RuleId == ImprovementProgramme.NoSoundingBoardRuleId
                : report.Findings.Select(f => f.SubjectId).SequenceEqual(expected)
                  && report.Findings.All(f => f.Severity == FindingSeverity.Error
                      && f.RuleId == (DeploymentTests.PositionOf(f.SubjectId!) is null ? "USM-IMP-004" : "USM-IMP-005")
                      && f.Path == $"sounding-board-member-ids[{programme.SoundingBoardMemberIds.IndexOf(f.SubjectId!)}]")
                  && report.IsConforming == (expected.Count == 0);
        }), maxTest: 500);
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        Assert.Equal("programme", Assert.Throws<ArgumentNullException>(() => ImprovementEvidence.CheckSoundingBoard(null!, DeploymentTests.PositionOf)).ParamName);
        Assert.Equal("positionOf", Assert.Throws<ArgumentNullException>(() => ImprovementEvidence.CheckSoundingBoard(Programme("s1"), null!)).ParamName);
        var undefined = Assert.Throws<ArgumentException>(() => ImprovementEvidence.CheckSoundingBoard(Programme("s1"), _ => (StaffPosition)7));
        Assert.Equal("positionOf", undefined.ParamName);
        Assert.Contains("'s1'", undefined.Message, StringComparison.Ordinal);
    }
}
