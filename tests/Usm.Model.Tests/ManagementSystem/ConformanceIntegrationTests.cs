using Usm.Model.Conformance;
using Usm.Model.ManagementSystem;
using Usm.Model.Routines;

namespace Usm.Model.Tests.ManagementSystem;

/// <summary>USM-SMS-002 counts a routine for its pattern only when the conformance checker finds no error in it.</summary>
public class ConformanceIntegrationTests
{
    [Fact]
    public void SampleRoutines_AllConform()
    {
        var s = SampleOrganisation.Create();
        var options = new ConformanceOptions(s.Profiles.Select(p => p.Id));
        Assert.All(s.Routines, w => Assert.True(ConformanceChecker.Check(w, options).IsConforming, w.Id + ": " + ConformanceChecker.Check(w, options)));
    }

    [Fact]
    public void NonconformingRoutine_NoLongerCountsForItsPattern()
    {
        var s = SampleOrganisation.Create();
        var w4 = s.Routines.Single(w => w.Id == "rt-w4");

        // Give the first activity of the first step a second Accountable: a routine-level error (exactly one A).
        var step = w4.Steps[0];
        var activity = step.Activities[0];
        var extra = s.Profiles.Select(p => p.Id).First(id => activity.Responsibilities.All(r => r.ProfileId != id));
        var broken = w4.WithSteps([step.WithActivities([activity.WithResponsibilities([.. activity.Responsibilities, new Responsibility(extra, RaciRoles.Accountable)]), .. step.Activities.Skip(1)]), .. w4.Steps.Skip(1)]);
        Assert.False(ConformanceChecker.Check(broken, new ConformanceOptions(s.Profiles.Select(p => p.Id))).IsConforming);

        var report = s.WithRoutines(s.Routines.Select(w => w.Id == "rt-w4" ? broken : w), s.PatternsInUse).Validate();
        var finding = Assert.Single(report.Findings, f => f.RuleId == SystemRules.PatternRoutine);
        Assert.Contains("W4", finding.Message, StringComparison.Ordinal);
    }
}
