using NodaTime;
using Usm.Model.ManagementSystem;

namespace Usm.Model.Tests.ManagementSystem;

/// <summary>The example in docs/management-system.md, kept compiling and passing.</summary>
public class DocsExampleTests
{
    [Fact]
    public void DocsExample_Runs()
    {
        // begin-snippet: management-system-example
        var system = SampleOrganisation.Create();

        // Validation: the sample is coherent, the flawed variant is not.
        FindingReport report = system.Validate();                       // no findings
        FindingReport flawed = SampleOrganisation.CreateFlawed().Validate();
        // flawed.RuleIds: USM-SMS-001, -003, -004, -005, -007, -020, -021

        // Supply chain behind a service, and agreements about to lapse.
        var chain = system.SupplyChainOf("svc-email");                   // cleanco, cloudnet, greenpower
        var lapsing = system.AgreementsLapsingWithin(new LocalDate(2026, 6, 1), 30); // sa-water-board

        // Routing: a request to add laptops to the pool touches a managed attribute, so it is a change request (W2).
        var decision = system.Route(new CustomerRequest(
            "REQ-1042", "Thirty more laptops for the Eastbrook office",
            isFailure: false, isWithinAgreements: true,
            modifications: [new RequestedModification("mic-laptop-pool", "count")]));
        // decision.CallType == CallType.ChangeRequest, decision.Pattern == WorkflowPattern.W2,
        // decision.RoutineIds == [rt-w2], decision.OwnerTeamIds == [team-it-workplace]

        // A new version: an extra OLA; the original system is unchanged.
        var next = system.ToBuilder()
            .AddAgreement(new Agreement("ola-smo", AgreementKind.OperationalLevelAgreement, "OLA Service management office",
                "team-smo", "ssc", ["svc-workplace"], [], new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))))
            .Build();
        // end-snippet

        Assert.True(report.IsEmpty);
        Assert.Equal(SampleOrganisation.FlawedRuleIds.ToArray(), flawed.RuleIds.ToArray());
        Assert.Equal(["cleanco", "cloudnet", "greenpower"], chain.ToArray());
        Assert.Equal("sa-water-board", Assert.Single(lapsing).Id);
        Assert.Equal(CallType.ChangeRequest, decision.CallType);
        Assert.Same(WorkflowPattern.W2, decision.Pattern);
        Assert.Equal(["rt-w2"], decision.RoutineIds.ToArray());
        Assert.Equal(["team-it-workplace"], decision.OwnerTeamIds.ToArray());
        Assert.Equal(system.Agreements.Length + 1, next.Agreements.Length);
        Assert.True(next.Validate().IsEmpty);
    }
}
