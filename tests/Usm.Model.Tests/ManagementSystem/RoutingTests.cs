using Usm.Model.ManagementSystem;

namespace Usm.Model.Tests.ManagementSystem;

/// <summary>One test per routing law (domain.md §1: change, incident, service request, risk; §3.1 triggers).</summary>
public class RoutingTests
{
    private static readonly ServiceManagementSystem s_sample = SampleOrganisation.Create();

    private static RoutingDecision Route(bool failure = false, bool within = true, bool risk = false, CallType? measure = null, params RequestedModification[] modifications) =>
        s_sample.Route(new CustomerRequest("req-1", "test", failure, within, modifications, risk, measure));

    [Fact]
    public void Route_FailureWhoseRecoveryModifiesTheMir_IsIncidentW3()
    {
        var d = Route(failure: true, modifications: new RequestedModification("mic-core-switch", "firmware"));
        Assert.Equal(CallType.Incident, d.CallType);
        Assert.Equal(UsmProcess.Recover, d.Process);
        Assert.Same(WorkflowPattern.W3, d.Pattern);
        Assert.Equal(["team-it-infra"], d.OwnerTeamIds.ToArray());
        Assert.Equal(["rt-w3"], d.RoutineIds.ToArray());
        Assert.Equal(["pm-recover"], d.ProcessManagerProfileIds.ToArray());
    }

    [Fact]
    public void Route_FailureWithoutMirModification_IsIncidentW4()
    {
        var d = Route(failure: true);
        Assert.Equal(CallType.Incident, d.CallType);
        Assert.Same(WorkflowPattern.W4, d.Pattern);
        Assert.Equal(["rt-w4"], d.RoutineIds.ToArray());
    }

    [Fact]
    public void Route_OutsideAgreements_IsWishW1()
    {
        var d = Route(within: false, modifications: new RequestedModification("mic-laptop-pool", "count"));
        Assert.Equal(CallType.Wish, d.CallType);
        Assert.Equal(UsmProcess.Agree, d.Process);
        Assert.Same(WorkflowPattern.W1, d.Pattern);
    }

    [Fact]
    public void Route_ModifiesAManagedAttribute_IsChangeRequestW2()
    {
        var d = Route(modifications: new RequestedModification("mic-laptop-pool", "count"));
        Assert.Equal(CallType.ChangeRequest, d.CallType);
        Assert.Same(WorkflowPattern.W2, d.Pattern);
        Assert.Equal(["pm-change"], d.ProcessManagerProfileIds.ToArray());
    }

    [Fact]
    public void Route_AddsANewManagedComponent_IsChangeRequest() =>
        Assert.Equal(CallType.ChangeRequest, Route(modifications: new RequestedModification("mic-new-printer", isNewComponent: true)).CallType);

    // domain.md §1 and §7: a modification of an attribute that is not managed is a service request, not a change.
    [Theory]
    [InlineData("mic-laptop-pool", "colour")]
    [InlineData("mic-not-registered", null)]
    [InlineData("mic-old-pbx", "model")]
    public void Route_ModifiesSomethingUnmanaged_IsServiceRequestW5(string micId, string? attribute)
    {
        var d = Route(modifications: new RequestedModification(micId, attribute));
        Assert.Equal(CallType.ServiceRequest, d.CallType);
        Assert.Equal(UsmProcess.Operate, d.Process);
        Assert.Same(WorkflowPattern.W5, d.Pattern);
        Assert.Empty(d.ManagedModifications);
    }

    // domain.md §1: a password reset that the agreement includes is a service request, not an incident.
    [Fact]
    public void Route_AgreedPasswordReset_IsServiceRequest() => Assert.Equal(CallType.ServiceRequest, Route().CallType);

    [Theory]
    [InlineData(CallType.Wish, 6)]
    [InlineData(CallType.ChangeRequest, 7)]
    [InlineData(CallType.ServiceRequest, 8)]
    public void Route_RiskWithKnownMeasure_IsRiskWithPatternOfTheMeasure(CallType measure, int pattern)
    {
        var d = Route(risk: true, measure: measure);
        Assert.Equal(CallType.Risk, d.CallType);
        Assert.Equal(UsmProcess.Improve, d.Process);
        Assert.Same(WorkflowPattern.FromNumber(pattern), d.Pattern);
        Assert.Equal(["rt-w" + pattern], d.RoutineIds.ToArray());
    }

    [Fact]
    public void Route_RiskWithoutMeasure_LeavesW6ToW8Open()
    {
        var d = Route(risk: true, failure: true);
        Assert.Equal(CallType.Risk, d.CallType);
        Assert.Null(d.Pattern);
        Assert.Equal([6, 7, 8], d.CandidatePatterns.Select(p => p.Number));
        Assert.Equal(["rt-w6", "rt-w7", "rt-w8"], d.RoutineIds.ToArray());
    }

    [Fact]
    public void Route_RequestForAService_GoesToItsContributingTeams()
    {
        var d = s_sample.Route(new CustomerRequest("req-2", "Payslip correction", false, true, serviceId: "svc-payroll"));
        Assert.Equal(CallType.ServiceRequest, d.CallType);
        Assert.Equal(["team-hr-payroll", "team-it-apps"], d.ServiceTeamIds.ToArray());
    }

    [Fact]
    public void Route_UnknownService_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => s_sample.Route(new CustomerRequest("req-3", "x", false, true, serviceId: "svc-ghost")));
        Assert.Contains("'svc-ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomerRequest_RiskMeasureOfIncident_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerRequest("r", "x", false, true, null, true, CallType.Incident));

    [Fact]
    public void Route_WithoutMir_TreatsNothingAsManaged()
    {
        var noMir = s_sample.WithTechnology(s_sample.Technology.WithSdcTool(s_sample.Technology.SdcTool.WithMir(null)));
        var d = noMir.Route(new CustomerRequest("r", "x", false, true, [new RequestedModification("mic-laptop-pool", "count")]));
        Assert.Equal(CallType.ServiceRequest, d.CallType);
    }
}
