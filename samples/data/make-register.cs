#:project ../../src/Usm.Model/Usm.Model.csproj
// Writes samples/data/register.csv, the risk register the rank-register and capacity-what-if samples read.
// It was run once; the CSV is committed so that the samples start from a file, as a researcher would.
// The register: every question-level gap of the sample organisation's baseline scan against a 60 % target, registered
// as an improvement opportunity (ScanGapRisks) and classified with an illustrative rule (the same rule as `usm demo`):
// the effect follows the gap's size, the likelihood how low the score is, the probability of realising the gain grows
// with the gap, the impact is 1,000 per point of gap, and the effort is 2 units per affected resource plus 1 per 10 points.
// The library's export holds the risks' identity and state; the analysis columns probability, impact and effort are
// appended (RiskRegisterCsv.Import ignores unknown columns unless strict).
// Run from the repository root: dotnet run samples/data/make-register.cs
using System.Globalization;
using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Improvement;
using Usm.Model.Serialization;

var effects = new OrdinalScale("Effect", ["negligible", "minor", "moderate", "major", "severe"]);
var likelihoods = new OrdinalScale("Likelihood", ["rare", "unlikely", "possible", "likely", "almost certain"]);
var baseline = SampleScans.Baseline.Score();
var proposals = ScanGaps.Propose(baseline, GapTargets.Uniform(60)).Where(p => p.Gap.Scope == GapScope.Question).ToList();

var database = new RiskDatabase(new StepClock(Instant.FromUtc(2026, 3, 9, 9, 0)));
var analysis = new Dictionary<string, (double Probability, double Impact, int Effort)>(StringComparer.Ordinal);
foreach (var proposal in proposals)
{
    var gap = proposal.Gap;
    var converted = ScanGapRisks.ToRisk(proposal);
    var id = "R-" + gap.Id;
    var risk = new Risk(id, converted.Title, converted.Description, converted.Polarity, converted.Origin, converted.Resources, converted.Category);
    var effect = ScanGapRisks.SuggestedAssessment(proposal, effects, likelihoods).Effect;
    var likelihood = Math.Clamp(likelihoods.Count - 1 - (int)(gap.Score / 20), 0, likelihoods.Count - 1);
    var probability = Math.Round(0.3 + (0.6 * Math.Min(gap.Gap, 100) / 100), 2);
    var impact = Math.Round(1_000 * gap.Gap);
    var effort = (2 * risk.Resources.Length) + (int)(gap.Gap / 10);
    database = database
        .Register(risk, "p-improve")
        .Apply(id, new ClassifyRisk(new RiskAssessment(effect, likelihood, QuantitativeEstimate.FromProbabilityAndImpact(probability, impact))), "p-improve");
    analysis[id] = (probability, impact, effort);
}

var exported = UsmCsv.ReadTable(RiskRegisterCsv.Export(database.Risks)).Value;
var idColumn = exported.ColumnIndex("id");
var rows = exported.Rows.Select(row =>
{
    var (p, i, e) = analysis[row[idColumn]];
    return row.Concat([p.ToString("R", CultureInfo.InvariantCulture), i.ToString("R", CultureInfo.InvariantCulture), e.ToString(CultureInfo.InvariantCulture)]);
});
var table = new CsvTable(exported.Header.Concat(["probability", "impact", "effort"]), rows);
File.WriteAllText(Path.Combine("samples", "data", "register.csv"), UsmCsv.WriteTable(table));
Console.WriteLine($"Wrote {table.Rows.Length} risks to samples/data/register.csv");

internal sealed class StepClock(Instant start) : IClock
{
    private Instant _now = start;

    // Each reading moves on by a second, so every event has its own instant.
    public Instant GetCurrentInstant() => _now = _now + Duration.FromSeconds(1);
}
