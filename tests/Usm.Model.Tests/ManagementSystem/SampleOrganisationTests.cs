using Usm.Model.ManagementSystem;

namespace Usm.Model.Tests.ManagementSystem;

public class SampleOrganisationTests
{
    [Fact]
    public void Create_ValidatesWithNoFindings()
    {
        var report = SampleOrganisation.Create().Validate();
        Assert.True(report.IsEmpty, report.ToString());
    }

    [Fact]
    public void Create_HasTheDescribedSize()
    {
        var s = SampleOrganisation.Create();
        Assert.Equal(10, s.Services.Length);
        Assert.Equal(3, s.Agreements.Count(a => a.Kind == AgreementKind.ServiceAgreement));
        Assert.Equal(6, s.Agreements.Count(a => a.Kind == AgreementKind.OperationalLevelAgreement));
        Assert.Equal(2, s.Agreements.Count(a => a.Kind == AgreementKind.UnderpinningContract));
        Assert.Equal(49, s.Mir!.Count);
        Assert.Equal(53, s.Mir.History.Count);
        Assert.Equal(WorkflowPattern.All.ToArray(), s.PatternsInUse.ToArray());
        Assert.Equal(12, s.People.Length);
    }

    [Fact]
    public void CreateFlawed_ReportsExactlyTheDocumentedRules()
    {
        var report = SampleOrganisation.CreateFlawed().Validate();
        Assert.Equal(SampleOrganisation.FlawedRuleIds.ToArray(), report.RuleIds.ToArray());
        Assert.Equal(2, report.WarningCount);
    }

    [Fact]
    public void Create_IsDeterministic()
    {
        var a = SampleOrganisation.Create();
        var b = SampleOrganisation.Create();
        Assert.Equal(a.Mir!.History, b.Mir!.History);
        Assert.Equal(a.Services.ToArray(), b.Services.ToArray());
        Assert.Equal(a.Agreements.ToArray(), b.Agreements.ToArray());
    }

    [Fact]
    public void SupplyChain_OfEmailReachesTheSupplierOfTheSupplier()
    {
        var s = SampleOrganisation.Create();
        Assert.Equal(["cleanco", "cloudnet", "greenpower"], s.SupplyChainOf("svc-email").ToArray());
        Assert.False(s.Network.HasCycle);
    }

    [Fact]
    public void Expiry_WaterBoardSaLapsesWithinThirtyDaysOfTheReferenceDate()
    {
        var s = SampleOrganisation.Create();
        var lapsing = s.AgreementsLapsingWithin(SampleOrganisation.ReferenceDate, 30);
        Assert.Equal(["sa-water-board"], lapsing.Select(a => a.Id));
    }
}

public class SystemEqualityTests
{
    [Fact]
    public void Equals_TwoSamples_AreEqual()
    {
        var a = SampleOrganisation.Create();
        var b = SampleOrganisation.Create();
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.Mir, b.Mir);
        Assert.Equal(a.Technology, b.Technology);
    }

    [Fact]
    public void Equals_RoundTripThroughBuilder_IsEqual() => Assert.Equal(SampleOrganisation.Create(), SampleOrganisation.Create().ToBuilder().Build());

    [Fact]
    public void Equals_FlawedVariant_Differs() => Assert.NotEqual(SampleOrganisation.Create(), SampleOrganisation.CreateFlawed());

    [Fact]
    public void Equals_RebuiltFromHistory_RegisterIsEqual()
    {
        var mir = SampleOrganisation.Create().Mir!;
        Assert.Equal(mir, new ManagedInfrastructureRegister(mir.History));
        Assert.NotEqual(mir, ManagedInfrastructureRegister.Empty);
    }
}
