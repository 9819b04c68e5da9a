using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Conformance;
using Usm.Model.Improvement;
using Usm.Model.ManagementSystem;
using Usm.Model.Prioritisation;
using Usm.Model.Routines;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Core;

/// <summary>
/// Every member that documents <see cref="ArgumentNullException"/> for a collection holding null throws exactly that,
/// naming its parameter (found by review, session 5: 23 of these 27 threw a plain <see cref="ArgumentException"/>).
/// </summary>
public class NullElementTests
{
    private static readonly DateInterval s_year = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

    public static IEnumerable<object[]> Cases => s_cases.Select(c => new object[] { c.Key, c.Value.Param });

    private static readonly Dictionary<string, (string Param, Action Act)> s_cases = new(StringComparer.Ordinal)
    {
        ["Workflow(steps)"] = ("steps", () => new Workflow("w", "n", CallType.Incident, RoutineType.Process, [null!])),
        ["Workflow(branches)"] = ("branches", () => new Workflow("w", "n", CallType.Incident, RoutineType.Process, [], branches: [null!])),
        ["Workflow.ProcessBlocks"] = ("steps", () => Workflow.ProcessBlocks([null!])),
        ["WorkflowStep(activities)"] = ("activities", () => new WorkflowStep("s", UsmProcess.Recover, "n", [null!])),
        ["WorkflowBranch(steps)"] = ("steps", () => new WorkflowBranch("b", [null!])),
        ["Activity(responsibilities)"] = ("responsibilities", () => new Activity("a", "n", [null!])),
        ["ProcessStepCatalogue.Create"] = ("steps", () => ProcessStepCatalogue.Create([null!])),
        ["FindingReport"] = ("findings", () => new FindingReport([null!])),
        ["ConformanceOptions"] = ("knownProfileIds", () => new ConformanceOptions([null!])),
        ["CandidateSet"] = ("candidates", () => new CandidateSet([new Candidate("a", []), null!])),
        ["SprintSelectOptions(precedences)"] = ("precedences", () => new SprintSelectOptions(1, [null!])),
        ["BallotMechanism"] = ("ballots", () => new BallotMechanism([null!])),
        ["Agreement(coveredServiceIds)"] = ("coveredServiceIds", () => new Agreement("A", AgreementKind.ServiceAgreement, "n", "p", "c", [null!], [], s_year)),
        ["Agreement(serviceLevels)"] = ("serviceLevels", () => new Agreement("A", AgreementKind.ServiceAgreement, "n", "p", "c", ["s"], [null!], s_year)),
        ["SdcTool(registers)"] = ("registers", () => new SdcTool("t", [null!], null)),
        ["ManagedInfrastructureRegister"] = ("history", () => new ManagedInfrastructureRegister([null!])),
        ["ServiceCatalogue"] = ("services", () => new ServiceCatalogue([null!])),
        ["ProviderNetwork"] = ("links", () => new ProviderNetwork([null!])),
        ["CustomerRequest(modifications)"] = ("modifications", () => new CustomerRequest("r", "d", false, true, [null!])),
        ["ScanGapRisks.Register"] = ("proposals", () => ScanGapRisks.Register(new RiskDatabase(FixedClock.At(2026, 1, 1)), [null!], "p")),
        ["InstrumentArea(questions)"] = ("questions", () => new InstrumentArea("A", "a", [null!])),
        ["Instrument(areas)"] = ("areas", () => new Instrument("I", "1", "n", [null!])),
        ["AnswerScale.Ordinal"] = ("levels", () => AnswerScale.Ordinal(null!, new ScaleLevel("a", 1))),
        ["Scan(answers)"] = ("answers", () => new Scan("S", Instrument(), new LocalDate(2026, 1, 1), [new Respondent("r", "x")], [null!])),
        ["Scan(respondents)"] = ("respondents", () => new Scan("S", Instrument(), new LocalDate(2026, 1, 1), [null!], [])),
        ["ScanSeries.Of"] = ("scans", () => ScanSeries.Of([null!])),
        ["Deployment(participants)"] = ("participants", () => new Deployment("d", AdoptionApproach.Training, [null!])),
        ["AgreementQueries.LapsingWithin"] = ("agreements", () => AgreementQueries.LapsingWithin([null!], new LocalDate(2026, 1, 1), 30)),
        ["AhpMatrix.GeometricMean"] = ("assessors", () => AhpMatrix.GeometricMean([null!])),
        ["RankingMechanism.Prioritise"] = ("openRisks", () => new RankingMechanism(RankingMethod.Wsjf(["v"])).Prioritise([null!])),
        ["SprintSelector.Select"] = ("items", () => SprintSelector.Select([null!], new SprintSelectOptions(3))),
        ["RiskMatrixPrioritisation.Prioritise"] = ("openRisks", () => new RiskMatrixPrioritisation(Usm.Model.Tests.Improvement.Samples.Matrix).Prioritise([null!])),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void HoldingNull_ThrowsArgumentNullExceptionNamingTheParameter(string member, string parameter)
    {
        var ex = Assert.Throws<ArgumentNullException>(s_cases[member].Act);
        Assert.Equal(parameter, ex.ParamName);
    }

    private static Instrument Instrument() =>
        new("I", "1", "n", [new InstrumentArea("A", "a", [new Question("q1", "t", AnswerScale.Percentage, UsmElement.For(Resource.People))])]);
}
