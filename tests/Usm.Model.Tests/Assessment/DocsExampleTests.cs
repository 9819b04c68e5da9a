using NodaTime;
using Usm.Model.Assessment;

namespace Usm.Model.Tests.Assessment;

/// <summary>The example of docs/assessment.md, compiled and checked.</summary>
public class DocsExampleTests
{
    [Fact]
    public void AssessmentPageExample_Runs()
    {
        // --- begin docs/assessment.md example ---
        var instrument = UsmInstruments.Baseline;                      // "usm-baseline" 1.0
        Respondent[] people = [new("r1", "service desk operator"), new("r2", "team lead")];
        var baseline = new Scan("scan-2026-01", instrument, new LocalDate(2026, 1, 15), people, [
            new Answer("r1", "pre-05", AnswerValue.Level("partly in place")),
            new Answer("r2", "pre-05", AnswerValue.Level("ad hoc")),
            new Answer("r1", "tec-01", AnswerValue.Yes),
            new Answer("r2", "tec-02", AnswerValue.Percent(40)),
        ]);

        var result = baseline.Score();                                 // mean, weighted mean, missing answers excluded
        var tools = result.Question("pre-05");                         // 37.5 %, rated P
        var maturity = ValueMaturityAssessment.Of(result);             // no criteria answered: below level 1
        var proposals = ScanGaps.Propose(result);                      // one per question or area below 85 %

        var interim = baseline.WithAnswer("r2", "pre-05", AnswerValue.Level("largely in place"));
        var progress = ScanSeries.StartWith(baseline).Add(new Scan("scan-2026-04", instrument, new LocalDate(2026, 4, 15), people, interim.Answers));
        var delta = progress.ProgressSinceBaseline().Question("pre-05").Delta;   // +25 points

        var readiness = ReadinessCheck.Evaluate(
            new ReadinessFacts(sdcToolWithWorkflowAdministration: true, managedInfrastructureRegister: false, riskDatabase: true, registeredImprovements: 0),
            baseline);
        // --- end docs/assessment.md example ---

        Assert.Equal(37.5, tools.Score);
        Assert.Equal(AchievementRating.PartiallyAchieved, tools.Rating);
        Assert.Null(maturity.Level);
        Assert.Equal(BusinessStrategy.OperationalExcellence, maturity.Strategy);
        Assert.Contains(proposals, p => p.Id == "scan-2026-01/q/pre-05");
        Assert.Equal(25.0, delta);
        Assert.Equal(ReadinessStatus.PartlySatisfied, readiness[Prerequisite.ManagementTools].Status);
        Assert.Equal(ReadinessStatus.Satisfied, readiness[Prerequisite.BaselineScan].Status);
        Assert.False(readiness.IsReady);
    }
}
