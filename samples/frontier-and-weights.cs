#:project ../src/Usm.Model/Usm.Model.csproj
// Two questions a researcher asks before trusting a weighted ranking of the register, answered on samples/data/register.csv:
// 1. Which improvements are on the Pareto frontier of value (the size of the expected value), effect and effort, so
//    that no other improvement beats them on all three? No weights are needed for that.
// 2. With agreed weights, how far can each weight move (the others keeping their proportions) before the ranking, or
//    only its first improvement, changes?
// Run from the repository root: dotnet run samples/frontier-and-weights.cs
using System.Globalization;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

var table = UsmCsv.ReadTable(File.ReadAllText(Path.Combine("samples", "data", "register.csv"))).Value;
double Cell(int row, string column) => double.Parse(table.Rows[row][table.ColumnIndex(column)], CultureInfo.InvariantCulture);
string Text(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
string Interval(WeightInterval i) => $"{(i.IncludesLow ? "[" : "(")}{Text(i.Low)}, {Text(i.High)}{(i.IncludesHigh ? "]" : ")")}";

var set = new CandidateSet(Enumerable.Range(0, table.Rows.Length).Select(row => new Candidate(
    table.Rows[row][table.ColumnIndex("id")],
    [
        new("value", Math.Abs(Cell(row, "signed-expected-value"))),
        new("effect", Cell(row, "inherent-effect") + 1),    // levels 1-5
        new("effort", Cell(row, "effort")),
    ])));
Criterion[] criteria = [Criterion.Benefit("value", 5), Criterion.Benefit("effect", 2), Criterion.Cost("effort", 3)];

// 1. Pareto fronts: the weights above are ignored; only benefit or cost counts.
var fronts = Pareto.Sort(set, criteria);
Console.WriteLine($"Register: {set.Count} improvements, {fronts.Fronts.Length} Pareto fronts of sizes {string.Join(", ", fronts.Fronts.Select(f => f.Count))}");
Console.WriteLine($"Front 1: {string.Join(", ", fronts.Fronts[0].Ids)}");
var deepest = fronts.Fronts[^1].Ids[0];
Console.WriteLine($"Deepest: {fronts.Find(deepest)!.Explanation.Summary}");

// 2. Weight sensitivity of SAW (min-max normalisation) with the weights above, over the whole register.
var saw = RankingMethod.WeightedSum(criteria, SawNormalisation.MinMax);
var sensitivity = WeightSensitivity.Analyse(set, saw);
Console.WriteLine();
Console.WriteLine($"SAW top 5: {string.Join(" > ", sensitivity.Ranking.Ids.Take(5))}");
foreach (var c in sensitivity.Criteria)
{
    // An end in round brackets is excluded: the tie-break already reverses the pair at that weight.
    Console.WriteLine($"{c.Name,-7} weight {Text(c.Weight)}: ranking kept in {Interval(c.Ranking)}, {sensitivity.TopId} first in {Interval(c.TopCandidate)}");
    foreach (var swap in new[] { c.TopCandidate.Lower, c.TopCandidate.Upper }.OfType<WeightSwap>())
    {
        Console.WriteLine($"        at {Text(swap.Weight)}: {swap.BehindId} passes {swap.AheadId}");
    }
}

// The narrowest interval is the weight the ranking depends on most; one step beyond it shows the change.
var touchiest = sensitivity.Criteria.Where(c => c.CanMove).MinBy(c => c.Ranking.Width)!;
Console.WriteLine();
Console.WriteLine($"Most sensitive weight: {touchiest.Name} (the ranking holds over a width of {Text(touchiest.Ranking.Width)})");
if (touchiest.Ranking.Upper is { } next)
{
    // Check the analysis with the library's own ranking: just past the end, the named pair has swapped.
    var moved = Prioritiser.Rank(set, WeightSensitivity.Reweight(saw, touchiest.Name, next.Weight + 0.001));
    Console.WriteLine($"At {touchiest.Name} weight {Text(next.Weight + 0.001)}: {next.BehindId} ranks {moved.RankOf(next.BehindId)}, {next.AheadId} ranks {moved.RankOf(next.AheadId)} (before: {sensitivity.Ranking.RankOf(next.BehindId)} and {sensitivity.Ranking.RankOf(next.AheadId)})");
}

// Ranking the frontier alone, with the same weights: what the group would see if it shortlisted by Pareto first.
var frontier = Prioritiser.Rank(fronts.CandidatesInFronts(1), saw);
Console.WriteLine($"Front 1 ranked by SAW: {string.Join(" > ", frontier.Ids)}");
