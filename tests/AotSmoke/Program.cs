using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Improvement;
using Usm.Model.ManagementSystem;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

// JSON round trips of the sample organisation, a risk database, a scan, an improvement programme and a USM-WIF
// workflow, and of every prioritisation result and preference analysis document, run after trimming with
// reflection-based serialization switched off: any use of reflection metadata would fail here.
var system = SampleOrganisation.Create();
var json = UsmJson.WriteManagementSystem(system);
var back = UsmJson.ReadManagementSystem(json);
if (!back.IsSuccess || !back.Value.Equals(system))
{
    Console.WriteLine("management system round trip failed: " + string.Join("; ", back.Errors));
    return 1;
}

var clock = SystemClock.Instance;
var database = new RiskDatabase(clock).Register(new Risk("R-1", "Backups fail", "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p1"), [Usm.Model.Resource.Technology], "operational"), "p1");
var risks = UsmJson.ReadRiskDatabase(UsmJson.WriteRiskDatabase(database), clock);
if (!risks.IsSuccess || risks.Value.Count != 1)
{
    Console.WriteLine("risk database round trip failed: " + string.Join("; ", risks.Errors));
    return 1;
}

var scan = SampleScans.Baseline;
var scanBack = UsmJson.ReadScan(UsmJson.WriteScan(scan));
if (!scanBack.IsSuccess || !scanBack.Value.Equals(scan))
{
    Console.WriteLine("scan round trip failed: " + string.Join("; ", scanBack.Errors));
    return 1;
}

var programme = new ImprovementProgramme("ip", "Pilot")
    .AgreeMechanism(new RankingMechanism(RankingMethod.Cd3(RiskCandidates.ExpectedValue)), new LocalDate(2026, 1, 1))
    .PlanSprint(database, new DateInterval(new LocalDate(2026, 2, 2), new LocalDate(2026, 2, 13)), 5, [new SprintItem("R-1", 3)]);
var programmeJson = UsmJson.WriteImprovementProgramme(programme);
var programmeBack = UsmJson.ReadImprovementProgramme(programmeJson, database: database);
if (!programmeBack.IsSuccess || UsmJson.WriteImprovementProgramme(programmeBack.Value) != programmeJson)
{
    Console.WriteLine("programme round trip failed: " + string.Join("; ", programmeBack.Errors));
    return 1;
}

var ranking = Prioritiser.Rank(new CandidateSet([new Candidate("a", [new("v", 2.0)], 1), new Candidate("b", [new("v", 3.0)], 1)]), RankingMethod.Cd3("v"));
var rankingJson = UsmJson.WriteRanking(ranking);
var rankingBack = UsmJson.ReadRanking(rankingJson);
if (!rankingBack.IsSuccess || UsmJson.WriteRanking(rankingBack.Value) != rankingJson)
{
    Console.WriteLine("ranking round trip failed: " + string.Join("; ", rankingBack.Errors));
    return 1;
}

// The other computed results: AHP weights and synthesis, Borda and Schulze counts, a sprint selection.
var matrix = AhpMatrix.Create([[1, 3], [1.0 / 3, 1]], ["x", "y"]);
var ahpJson = UsmJson.WriteAhpResult(Ahp.Weigh(matrix));
var synthesisJson = UsmJson.WriteAhpSynthesis(new AhpHierarchy(AhpCriterion.Leaf("goal", matrix), ["x", "y"]).Synthesise());
Ballot[] ballots = [Ballot.Parse("a > b"), Ballot.Parse("b > a", 2)];
var bordaJson = UsmJson.WriteBordaResult(BallotCount.Borda(["a", "b"], ballots));
var schulzeJson = UsmJson.WriteSchulzeResult(BallotCount.Schulze(["a", "b"], ballots));
var sprintJson = UsmJson.WriteSprintSelection(SprintSelector.Select([new SprintSelectItem("a", 3, 2), new SprintSelectItem("b", 2, 2)], new SprintSelectOptions(2)));
string?[] rewritten =
[
    UsmJson.ReadAhpResult(ahpJson).ValueOrNull is { } ahp ? UsmJson.WriteAhpResult(ahp) : null,
    UsmJson.ReadAhpSynthesis(synthesisJson).ValueOrNull is { } synthesis ? UsmJson.WriteAhpSynthesis(synthesis) : null,
    UsmJson.ReadBordaResult(bordaJson).ValueOrNull is { } borda ? UsmJson.WriteBordaResult(borda) : null,
    UsmJson.ReadSchulzeResult(schulzeJson).ValueOrNull is { } schulze ? UsmJson.WriteSchulzeResult(schulze) : null,
    UsmJson.ReadSprintSelection(sprintJson).ValueOrNull is { } sprint ? UsmJson.WriteSprintSelection(sprint) : null,
];
if (!rewritten.SequenceEqual([ahpJson, synthesisJson, bordaJson, schulzeJson, sprintJson]))
{
    Console.WriteLine("a prioritisation result round trip failed");
    return 1;
}

// The preference analyses: a Kano survey and evaluation, pairwise comparisons and a Bradley–Terry fit, ranked ballots
// and a Plackett–Luce fit, an ELECTRE I result and a Pareto sort.
var kanoSurvey = new KanoSurvey([new KanoResponse("f", "r1", KanoAnswer.Like, KanoAnswer.Dislike), new KanoResponse("f", "r2", KanoAnswer.MustBe, KanoAnswer.Dislike)]);
var pairwise = new PairwiseProfile(["a", "b"], [PairwiseComparison.Win("a", "b", 2), PairwiseComparison.Win("b", "a")]);
var rankedBallots = new RankedBallots(["a", "b"], ballots);
var electreSet = new CandidateSet([new Candidate("a", [new("x", 1)]), new Candidate("b", [new("x", 2)])]);
string[] analysisJson =
[
    UsmJson.WriteKanoSurvey(kanoSurvey),
    UsmJson.WritePairwiseComparisons(pairwise),
    UsmJson.WriteRankedBallots(rankedBallots),
    UsmJson.WriteKanoResult(kanoSurvey.Evaluate()),
    UsmJson.WriteBradleyTerryResult(BradleyTerry.Fit(pairwise)),
    UsmJson.WritePlackettLuceResult(PlackettLuce.Fit(rankedBallots.Candidates, rankedBallots.Ballots)),
    UsmJson.WriteElectreResult(Electre.Kernel(electreSet, [Criterion.Benefit("x", 1)], 0.7, 0.3)),
    UsmJson.WriteParetoResult(Pareto.Sort(electreSet, [Criterion.Benefit("x", 1)])),
];
string?[] analysisRewritten =
[
    UsmJson.ReadKanoSurvey(analysisJson[0]).ValueOrNull is { } s0 ? UsmJson.WriteKanoSurvey(s0) : null,
    UsmJson.ReadPairwiseComparisons(analysisJson[1]).ValueOrNull is { } s1 ? UsmJson.WritePairwiseComparisons(s1) : null,
    UsmJson.ReadRankedBallots(analysisJson[2]).ValueOrNull is { } s2 ? UsmJson.WriteRankedBallots(s2) : null,
    UsmJson.ReadKanoResult(analysisJson[3]).ValueOrNull is { } s3 ? UsmJson.WriteKanoResult(s3) : null,
    UsmJson.ReadBradleyTerryResult(analysisJson[4]).ValueOrNull is { } s4 ? UsmJson.WriteBradleyTerryResult(s4) : null,
    UsmJson.ReadPlackettLuceResult(analysisJson[5]).ValueOrNull is { } s5 ? UsmJson.WritePlackettLuceResult(s5) : null,
    UsmJson.ReadElectreResult(analysisJson[6]).ValueOrNull is { } s6 ? UsmJson.WriteElectreResult(s6) : null,
    UsmJson.ReadParetoResult(analysisJson[7]).ValueOrNull is { } s7 ? UsmJson.WriteParetoResult(s7) : null,
];
if (!analysisRewritten.SequenceEqual(analysisJson))
{
    Console.WriteLine("a preference analysis round trip failed");
    return 1;
}

var routine = system.Routines[0];
var wif = UsmWif.Import(UsmWif.Export(routine));
if (!wif.IsSuccess || !wif.Value.Workflow.Equals(routine))
{
    Console.WriteLine("USM-WIF round trip failed: " + string.Join("; ", wif.Errors));
    return 1;
}

Console.WriteLine("ok");
return 0;
