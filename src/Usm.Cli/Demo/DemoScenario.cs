using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Usm.Model;
using Usm.Model.Assessment;
using Usm.Model.Conformance;
using Usm.Model.Improvement;
using Usm.Model.ManagementSystem;
using Usm.Model.Prioritisation;

namespace Usm.Cli.Demo;

/// <summary>
/// The whole USM loop on the sample organisation, computed once and deterministically (fixed dates, a fixed clock,
/// no random numbers): validate the system, check readiness, score the baseline scan, register its gaps as risks,
/// prioritise with two methods, and plan the next improvement sprint within capacity.
/// </summary>
/// <remarks>
/// How a scan gap becomes a quantified risk is this demo's own illustrative rule (documented in docs/cli.md): USM
/// prescribes no formula, and an organisation would assess each risk itself.
/// </remarks>
internal sealed class DemoScenario
{
    public const int SprintCapacity = 24;

    public const double GapTarget = 60;

    public static readonly LocalDate AgreedOn = new(2026, 3, 9);

    public static readonly DateInterval SprintPeriod = new(new LocalDate(2026, 3, 16), new LocalDate(2026, 4, 10));

    private DemoScenario()
    {
    }

    public required ServiceManagementSystem System { get; init; }

    public required FindingReport SystemFindings { get; init; }

    public required ImmutableArray<(Usm.Model.Routines.Workflow Routine, FindingReport Report)> RoutineChecks { get; init; }

    public required ReadinessReport Readiness { get; init; }

    public required ScanResult Baseline { get; init; }

    public required ValueMaturityAssessment Maturity { get; init; }

    public required ImmutableArray<ImprovementProposal> Proposals { get; init; }

    public required RiskMatrix Matrix { get; init; }

    public required RiskDatabase Database { get; init; }

    public required ImprovementProgramme Programme { get; init; }

    public required IReadOnlyList<RiskPriority> AgreedRanking { get; init; }

    public required IReadOnlyList<RiskPriority> SecondRanking { get; init; }

    public required string SecondMethodName { get; init; }

    public required double Spearman { get; init; }

    public required double KendallTauB { get; init; }

    public required SprintSelectResult Selection { get; init; }

    public static OrdinalScale Effects { get; } = new("Effect", ["negligible", "minor", "moderate", "major", "severe"]);

    public static OrdinalScale Likelihoods { get; } = new("Likelihood", ["rare", "unlikely", "possible", "likely", "almost certain"]);

    public static OrdinalScale Classes { get; } = new("Priority", ["P4 monitor", "P3 plan", "P2 next sprint", "P1 act now"]);

    public static DemoScenario Run()
    {
        var clock = new DemoClock(Instant.FromUtc(2026, 3, 9, 9, 0));

        // 1. Validate the management system and check every routine against the method.
        var system = SampleOrganisation.Create();
        var options = new ConformanceOptions(system.Profiles.Select(p => p.Id));
        var routineChecks = system.Routines.Select(w => (w, ConformanceChecker.Check(w, options))).ToImmutableArray();

        // 3. The baseline scan (taken before the readiness check so that prerequisite 2 has its evidence).
        var baselineScan = SampleScans.Baseline;
        var baseline = baselineScan.Score();

        // 4. Register the scan gaps as improvement risks, assessed and with a measure selected.
        // The demo targets 60 % per question (a first-year goal) and registers question-level gaps only: area gaps would
        // restate them.
        var proposals = ScanGaps.Propose(baseline, GapTargets.Uniform(GapTarget)).Where(p => p.Gap.Scope == GapScope.Question).ToImmutableArray();
        var matrix = RiskMatrix.FromFunction(Effects, Likelihoods, Classes, (e, l) => Math.Min(3, (e + l) * 4 / 9));
        var database = new RiskDatabase(clock);
        foreach (var proposal in proposals)
        {
            database = Register(database, proposal);
        }

        // The programme: staff sounding board, baseline, and the mechanism agreed before the first sprint.
        var soundingBoard = system.People.OrderBy(p => p.Id, StringComparer.Ordinal).Skip(6).Take(3).Select(p => p.Id).ToList();
        var programme = new ImprovementProgramme("ip-rivermouth", "Rivermouth improvement programme", baselineScan.Id, soundingBoard)
            .AgreeMechanism(new RiskMatrixPrioritisation(matrix), AgreedOn);

        // 2. Readiness of the ten prerequisites. Prerequisite 5 comes from the management system, 6-8 from the risk
        // database and the programme; the rest are the demo's statements about the organisation (no communication
        // plan yet). The sounding board's members are checked to be staff against the people model.
        var known = new ReadinessFacts(
            managementCommitment: true,
            staffTrained: true,
            projectLeaderAppointed: true,
            steeringGroupFormed: true,
            resourcesAllocated: true,
            communicationPlan: false,
            soundingBoardOfStaff: programme.SoundingBoardMemberIds.All(id => ManagementSystemEvidence.PositionOf(system, id) == StaffPosition.Staff));
        var facts = ImprovementEvidence.ReadinessFacts(database, programme, ManagementSystemEvidence.ReadinessFacts(system, known));
        var readiness = ReadinessCheck.Evaluate(facts, baselineScan);

        // 5. Prioritise with the agreed mechanism and with CD3 (expected value per unit of effort); how far do they agree?
        var agreed = programme.Prioritise(database);
        var emv = new RankingMechanism(RankingMethod.Cd3(RiskCandidates.ExpectedValue));
        var second = emv.Prioritise(database.OpenRisks);
        var rankOf = second.ToDictionary(p => p.RiskId, p => (double)p.Rank, StringComparer.Ordinal);
        var x = agreed.Select(p => (double)p.Rank).ToList();
        var y = agreed.Select(p => rankOf[p.RiskId]).ToList();

        // 6. Plan the next sprint: the most value within capacity, covering people, process and technology.
        var items = database.OpenRisks
            .Select(r => new SprintSelectItem(r.Id, Math.Max(0, r.SignedExpectedValue), r.Effort ?? 1, r.Resources))
            .ToList();
        var selection = SprintSelector.Select(items, new SprintSelectOptions(SprintCapacity, requireResourceCoverage: true));
        programme = programme.PlanSprint(database, SprintPeriod, SprintCapacity,
            selection.SelectedIds.Select(id => new SprintItem(id, database.Get(id).Effort ?? 1)));

        return new DemoScenario
        {
            System = system,
            SystemFindings = system.Validate(),
            RoutineChecks = routineChecks,
            Readiness = readiness,
            Baseline = baseline,
            Maturity = ValueMaturityAssessment.Of(baseline),
            Proposals = proposals,
            Matrix = matrix,
            Database = database,
            Programme = programme,
            AgreedRanking = agreed,
            SecondRanking = second,
            SecondMethodName = emv.Name,
            Spearman = RankCorrelation.Spearman(x, y),
            KendallTauB = RankCorrelation.KendallTauB(x, y),
            Selection = selection,
        };
    }

    /// <summary>
    /// The demo's rule from a scan gap to an assessed risk with a selected measure: closing a gap is an opportunity;
    /// the effect grows with the gap, the likelihood of realising the gain with how low the current score is; the
    /// value is 1,000 per percentage point of gap; the effort is 2 units per affected resource plus one per 10 points.
    /// </summary>
    private static RiskDatabase Register(RiskDatabase database, ImprovementProposal proposal)
    {
        var gap = proposal.Gap;
        // The library's conversion, with a short id for readable tables.
        var converted = ScanGapRisks.ToRisk(proposal, gap.AreaId);
        var id = "R-" + gap.Id;
        var risk = new Risk(id, converted.Title, converted.Description, converted.Polarity, converted.Origin, converted.Resources, converted.Category);
        var resources = risk.Resources;
        var effect = ScanGapRisks.SuggestedAssessment(proposal, Effects, Likelihoods).Effect;
        var likelihood = Math.Clamp(Likelihoods.Count - 1 - (int)(gap.Score / 20), 0, Likelihoods.Count - 1);
        var probability = Math.Round(0.3 + (0.6 * Math.Min(gap.Gap, 100) / 100), 2);
        var impact = Math.Round(1_000 * gap.Gap);
        var effort = (2 * resources.Length) + (int)(gap.Gap / 10);
        var trigger = resources.Contains(Resource.Technology) ? CallType.ChangeRequest : resources.Contains(Resource.People) ? CallType.ServiceRequest : CallType.Wish;
        var measure = new Measure("M-" + gap.Id, "Close the gap: " + proposal.Title, Measure.KindFor(RiskPolarity.Opportunity),
            new BusinessCase(string.Create(CultureInfo.InvariantCulture, $"Score from {gap.Score:0} % to {gap.Target:0} %"), impact, probability, effort * 800, 0.8, effort), trigger);
        return database
            .Register(risk, "p-improve")
            .Apply(id, new ClassifyRisk(new RiskAssessment(effect, likelihood, QuantitativeEstimate.FromProbabilityAndImpact(probability, impact))), "p-improve")
            .Apply(id, new RecordRootCause(gap.ToString()), "p-improve")
            .Apply(id, new AddMeasure(measure), "p-improve")
            .Apply(id, new SelectMeasure(), "p-improve");
    }

    private sealed class DemoClock(Instant start) : IClock
    {
        private Instant _now = start;

        // Each reading moves on by a second, so every event in the demo's database has its own instant.
        public Instant GetCurrentInstant() => _now = _now + Duration.FromSeconds(1);
    }
}
