using Usm.Model.ManagementSystem;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.ManagementSystem;

/// <summary>Errors name the called member's own parameter (found by review, session 5).</summary>
public class ParameterNameTests
{
    private static ManagedInfrastructureComponent Mic(string id, string name = "M") => new(id, name, MicKind.InternalResource, "team-a");

    [Fact]
    public void Mir_AddUpdateRetire_NameTheComponentOrId_NotAnEntry()
    {
        var mir = new ManagedInfrastructureRegister([]).Add(Mic("m1"), FixedClock.At(2026, 1, 1), "new");

        Assert.Equal("component", Assert.Throws<ArgumentException>(() => mir.Add(Mic("m1"), FixedClock.At(2026, 1, 2), "again")).ParamName);
        Assert.Equal("component", Assert.Throws<ArgumentException>(() => mir.Update(Mic("m2"), FixedClock.At(2026, 1, 2), "unknown")).ParamName);
        Assert.Equal("micId", Assert.Throws<ArgumentException>(() => mir.Retire("m2", FixedClock.At(2026, 1, 2), "unknown")).ParamName);
    }

    [Fact]
    public void Mir_AClockBeforeTheLastEntry_IsNamed()
    {
        var mir = new ManagedInfrastructureRegister([]).Add(Mic("m1"), FixedClock.At(2026, 1, 2), "new");

        var ex = Assert.Throws<ArgumentException>(() => mir.Update(Mic("m1", "renamed"), FixedClock.At(2026, 1, 1), "late"));

        Assert.Equal("clock", ex.ParamName);
        Assert.Contains("chronological", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mir_Record_StillNamesTheEntry()
    {
        var mir = new ManagedInfrastructureRegister([]);
        var retire = new MirChange(MirChangeKind.Retired, "m9", FixedClock.At(2026, 1, 1).Now, "gone", null, null);

        Assert.Equal("entry", Assert.Throws<ArgumentException>(() => mir.Record(retire)).ParamName);
    }

    [Fact]
    public void CustomerRequest_AnIncidentAsMeasureTrigger_NamesRiskMeasureTrigger()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerRequest("r", "d", false, true, reportsRisk: true, riskMeasureTrigger: CallType.Incident));

        Assert.Equal("riskMeasureTrigger", ex.ParamName);
        Assert.Contains("not by Incident", ex.Message, StringComparison.Ordinal);
        Assert.Equal(CallType.Wish, new CustomerRequest("r", "d", false, true, reportsRisk: true, riskMeasureTrigger: CallType.Wish).RiskMeasureTrigger);
    }
}
