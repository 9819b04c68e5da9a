using Usm.Model.Improvement;

namespace Usm.Model.Tests.Improvement;

public class RiskLifecycleTests
{
    private static readonly RiskStatus[] s_allStatuses = Enum.GetValues<RiskStatus>();

    // Each command with the one status it is legal from (null: every open status), and the status it leads to (null: unchanged).
    public static TheoryData<string, RiskStatus?, RiskStatus?> Commands => new()
    {
        { "Classify", RiskStatus.Identified, RiskStatus.Classified },
        { "RecordRootCause", RiskStatus.Classified, RiskStatus.KnownError },
        { "AddMeasure", RiskStatus.KnownError, null },
        { "SelectMeasure", RiskStatus.KnownError, RiskStatus.MeasureSelected },
        { "DeployMeasure", RiskStatus.MeasureSelected, RiskStatus.MeasureDeployed },
        { "Fulfil", RiskStatus.MeasureDeployed, RiskStatus.Fulfilled },
        { "Close", RiskStatus.Fulfilled, RiskStatus.Closed },
        { "Reject", null, RiskStatus.Rejected },
        { "Withdraw", null, RiskStatus.Withdrawn },
        { "UpdateDetails", null, null },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void EachCommand_IsLegalFromItsStatusesOnly_AndNamesTheRiskAndBothStatesOtherwise(string name, RiskStatus? legalFrom, RiskStatus? leadsTo)
    {
        foreach (var status in s_allStatuses)
        {
            var risk = Samples.ThreatAt(status);
            Assert.Equal(status, risk.Status);
            if (name == "SelectMeasure" && status == RiskStatus.KnownError)
            {
                risk = risk.Apply(new AddMeasure(Samples.Mitigation()));
            }

            var command = Make(name);
            var legal = legalFrom is null ? status.IsOpen() : status == legalFrom;
            Assert.Equal(legal, command.IsLegalFrom(status));
            var result = risk.TryApply(command);
            Assert.Equal(legal, result.Succeeded);
            if (legal)
            {
                Assert.Equal(leadsTo ?? status, result.Risk.Status);
                Assert.Equal(leadsTo ?? status, risk.Apply(command).Status);
            }
            else
            {
                Assert.Same(risk, result.Risk);
                var ex = Assert.Throws<InvalidRiskTransitionException>(() => risk.Apply(command));
                Assert.Equal("R-1", ex.RiskId);
                Assert.Equal(status, ex.From);
                Assert.Contains("'R-1'", ex.Message, StringComparison.Ordinal);
                Assert.Contains(status.ToString(), ex.Message, StringComparison.Ordinal);
                Assert.Contains(ex.To.ToString(), ex.Message, StringComparison.Ordinal);
                Assert.Equal(ex.Message, result.Error!.Message);
            }
        }
    }

    [Fact]
    public void MainLine_RecordsEverythingAlongTheWay()
    {
        var risk = Samples.ThreatAt(RiskStatus.Closed);
        Assert.Equal(RiskStatus.Closed, risk.Status);
        Assert.False(risk.IsOpen);
        Assert.Equal(Samples.Assessment(), risk.Inherent);
        Assert.Equal("no restore procedure", risk.RootCause);
        Assert.Equal("M-1", risk.SelectedMeasure!.Id);
        Assert.Equal(new RiskAssessment(1, 0), risk.Residual);
        Assert.Equal("CR-42", risk.RaisedCallId);
        Assert.Same(WorkflowPattern.W7, risk.DeployedPattern);
    }

    [Theory]
    [InlineData(CallType.Wish, 6)]
    [InlineData(CallType.ChangeRequest, 7)]
    [InlineData(CallType.ServiceRequest, 8)]
    public void DeployingAMeasure_StartsW6W7OrW8ByItsTrigger(CallType trigger, int pattern)
    {
        var risk = Samples.ThreatAt(RiskStatus.KnownError).Apply(new AddMeasure(Samples.Mitigation(trigger: trigger))).Apply(new SelectMeasure());
        Assert.Null(risk.DeployedPattern);
        Assert.Equal(pattern, risk.Apply(new DeployMeasure()).DeployedPattern!.Number);
    }

    [Theory]
    [InlineData(CallType.Incident)]
    [InlineData(CallType.Risk)]
    public void AMeasure_CannotBeDeployedByAnIncidentOrARisk(CallType trigger)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Samples.Mitigation(trigger: trigger));
        Assert.Contains(trigger.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectMeasure_WithoutMeasures_IsRefusedWithAReason()
    {
        var ex = Assert.Throws<InvalidRiskTransitionException>(() => Samples.ThreatAt(RiskStatus.KnownError).Apply(new SelectMeasure()));
        Assert.Equal(RiskStatus.MeasureSelected, ex.To);
        Assert.Contains("no measure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectMeasure_TakesTheBestBusinessCase_ByDefaultOrByAGivenComparison()
    {
        var risk = Samples.ThreatAt(RiskStatus.KnownError)
            .Apply(new AddMeasure(Samples.Mitigation("M-small", effort: 1, benefit: 500)))
            .Apply(new AddMeasure(Samples.Mitigation("M-big", effort: 8, benefit: 5000)))
            .Apply(new AddMeasure(Samples.Mitigation("M-big-twin", effort: 8, benefit: 5000)));

        // Default: highest net expected benefit (0.8 × 5000 − 100); the twin ties and loses on id.
        Assert.Equal("M-big", risk.Apply(new SelectMeasure()).SelectedMeasure!.Id);
        var leastEffort = Comparer<BusinessCase>.Create((x, y) => x.Effort.CompareTo(y.Effort));
        Assert.Equal("M-small", risk.Apply(new SelectMeasure(comparer: leastEffort)).SelectedMeasure!.Id);
    }

    [Fact]
    public void AMeasureKind_ThatDoesNotFitThePolarity_IsRefused_NamingMeasureKindAndPolarity()
    {
        var threat = Samples.ThreatAt(RiskStatus.KnownError);
        var ex = Assert.Throws<InvalidRiskTransitionException>(() => threat.Apply(new AddMeasure(Samples.Fostering("M-9"))));
        Assert.Contains("'M-9'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Foster", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Mitigate", ex.Message, StringComparison.Ordinal);

        var opportunity = Samples.Opportunity().Apply(new ClassifyRisk(Samples.Assessment())).Apply(new RecordRootCause("demand exists"));
        Assert.False(opportunity.CanApply(new AddMeasure(Samples.Mitigation())));
        Assert.Equal(MeasureKind.Foster, opportunity.Apply(new AddMeasure(Samples.Fostering())).Measures.Single().Kind);
    }

    [Fact]
    public void ADuplicateMeasureId_IsRefused()
    {
        var risk = Samples.ThreatAt(RiskStatus.KnownError).Apply(new AddMeasure(Samples.Mitigation("M-1")));
        var result = risk.TryApply(new AddMeasure(Samples.Mitigation("M-1")));
        Assert.False(result.Succeeded);
        Assert.Contains("already has a measure 'M-1'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectAndWithdraw_KeepTheReason()
    {
        Assert.Equal("duplicate of R-0", Samples.ThreatAt(RiskStatus.Rejected).EndReason);
        Assert.Equal("reporter withdrew it", Samples.ThreatAt(RiskStatus.Withdrawn).EndReason);
        Assert.Throws<ArgumentException>("reason", () => new RejectRisk(" "));
    }

    [Fact]
    public void Apply_ReturnsANewRisk_AndLeavesTheOldOneUnchanged()
    {
        var before = Samples.Threat();
        var copy = Samples.Threat();
        var after = before.Apply(new ClassifyRisk(Samples.Assessment()));
        Assert.NotSame(before, after);
        Assert.Equal(copy, before);
        Assert.Equal(RiskStatus.Identified, before.Status);
        Assert.Null(before.Inherent);

        var edited = after.Apply(new UpdateRiskDetails(title: "Restores untested", resources: [Resource.People, Resource.Technology], serviceIds: ["b", "a", "a"]));
        Assert.Equal("Backups untested", after.Title);
        Assert.Equal("Restores untested", edited.Title);
        Assert.Equal<string>(["a", "b"], edited.ServiceIds);
        Assert.Equal(RiskStatus.Classified, edited.Status);
    }

    [Fact]
    public void BadInput_NamesTheValue()
    {
        Assert.Equal("resources", Assert.Throws<ArgumentException>(() => new Risk("R", "t", "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p"), [], "c")).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Risk(" ", "t", "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p"), [Resource.People], "c")).ParamName);
        var polarity = Assert.Throws<ArgumentOutOfRangeException>(() => new Risk("R", "t", "", (RiskPolarity)0, RiskOrigin.ReportedBy("p"), [Resource.People], "c"));
        Assert.Equal("polarity", polarity.ParamName);
        var service = Assert.Throws<ArgumentException>(() => new Risk("R", "t", "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p"), [Resource.People], "c", ["svc", " "]));
        Assert.Equal("serviceIds", service.ParamName);
        Assert.Equal("callId", Assert.Throws<ArgumentException>(() => RiskOrigin.FromClosedCall("")).ParamName);
        var chance = Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessCase("r", 1, 1.5, 0, 1, 1));
        Assert.Equal("chanceOfSuccess", chance.ParamName);
        Assert.Contains("1.5", chance.Message, StringComparison.Ordinal);
        Assert.Equal("effort", Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessCase("r", 1, 1, 0, 1, 0)).ParamName);
    }

    [Fact]
    public void Origins_CarryTheirIds()
    {
        Assert.Equal("C-7", RiskOrigin.FromClosedCall("C-7").CallId);
        var scan = RiskOrigin.FromScanGap("scan-1", "area-people");
        Assert.Equal(("scan-1", "area-people", RiskOriginKind.ScanGap), (scan.ScanId, scan.ScanItemId, scan.Kind));
        Assert.Equal("p-ann", RiskOrigin.ReportedBy("p-ann").PersonId);
        Assert.Equal(RiskOrigin.ReportedBy("x"), RiskOrigin.ReportedBy("x"));
        Assert.NotEqual(RiskOrigin.ReportedBy("x"), RiskOrigin.FromClosedCall("x"));
    }

    private static RiskCommand Make(string name) => name switch
    {
        "Classify" => new ClassifyRisk(Samples.Assessment()),
        "RecordRootCause" => new RecordRootCause("cause"),
        "AddMeasure" => new AddMeasure(Samples.Mitigation("M-new")),
        "SelectMeasure" => new SelectMeasure(),
        "DeployMeasure" => new DeployMeasure(),
        "Fulfil" => new FulfilRisk(),
        "Close" => new CloseRisk(new RiskAssessment(0, 0)),
        "Reject" => new RejectRisk("not ours"),
        "Withdraw" => new WithdrawRisk("solved elsewhere"),
        "UpdateDetails" => new UpdateRiskDetails(description: "more detail"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown command"),
    };
}
