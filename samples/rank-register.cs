#:project ../src/Usm.Model/Usm.Model.csproj
// Loads a risk register from CSV, ranks it with every ranking method that takes a register's columns (the USM risk
// matrix, SimpleRisk's Classic formula, expected value, CD3, WSJF, RICE, ICE, weighted sum, TOPSIS, the weighted
// product, VIKOR, PROMETHEE II with the usual criterion, and a weighted sum with AHP-derived weights), prints each
// method's top 5 and how far the methods agree: Spearman's rho and Kendall's tau-b between every pair.
// The register (samples/data/register.csv) holds the gaps of the sample organisation's baseline scan, written by
// samples/data/make-register.cs. How the register's columns feed each method is this script's choice (see comments).
// Run from the repository root: dotnet run samples/rank-register.cs
using System.Globalization;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

var csv = File.ReadAllText(Path.Combine("samples", "data", "register.csv"));

// The library's import reads each risk's identity (Value throws, listing the errors, when the file is not a register);
// the state and analysis columns are read from the same text as a plain table.
var risks = RiskRegisterCsv.Import(csv).Value;
var table = UsmCsv.ReadTable(csv).Value;
double Cell(int row, string column) => double.Parse(table.Rows[row][table.ColumnIndex(column)], CultureInfo.InvariantCulture);

var candidates = new List<Candidate>();
for (var row = 0; row < risks.Count; row++)
{
    var risk = risks[row];
    var effect = Cell(row, "inherent-effect") + 1;          // levels 1-5, as RiskCandidates maps them
    var likelihood = Cell(row, "inherent-likelihood") + 1;  // levels 1-5
    var probability = Cell(row, "probability");
    var effort = Cell(row, "effort");
    double[] riceImpact = [0.25, 0.5, 1, 2, 3];             // Intercom's impact scale, by effect level
    var values = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [RiskCandidates.Effect] = effect,
        [RiskCandidates.Likelihood] = likelihood,
        [RiskCandidates.Probability] = probability,
        [RiskCandidates.Impact] = Cell(row, "impact"),
        [RiskCandidates.ExpectedValue] = Math.Abs(Cell(row, "signed-expected-value")),
        ["reach"] = risk.Resources.Length,                   // how many of people, process and technology it touches
        ["rice-impact"] = riceImpact[(int)effect - 1],
        ["ice-impact"] = 2 * effect,                         // 1-10 scales for ICE
        ["ice-confidence"] = Math.Round(10 * probability),
        ["ice-ease"] = Math.Max(1, 11 - effort),
        ["effort"] = effort,                                 // as a column too, so that SAW, TOPSIS and AHP can weigh it
    };
    var polarity = risk.Polarity == RiskPolarity.Threat ? CandidatePolarity.Threat : CandidatePolarity.Opportunity;
    candidates.Add(new Candidate(risk.Id, values, effort, polarity));
}

var set = new CandidateSet(candidates);

// AHP: the criteria compared pairwise (expected value 3x as important as effect, 5x as likelihood, 2x as effort, ...);
// the principal eigenvector gives the weights of a weighted sum (AhpWeightedSum refuses a comparison with CR > 0.10).
string[] ahpCriteria = [RiskCandidates.ExpectedValue, RiskCandidates.Effect, RiskCandidates.Likelihood, "effort"];
var ahp = Ahp.Weigh(AhpMatrix.FromUpperTriangle(4, [3, 5, 2, 2, 1, 0.5], ahpCriteria));
Console.WriteLine($"AHP weights: {string.Join(", ", ahpCriteria.Select(c => $"{c} {ahp.WeightOf(c).ToString("0.000", CultureInfo.InvariantCulture)}"))}; CR {ahp.ConsistencyRatio.ToString("0.000", CultureInfo.InvariantCulture)}");

Criterion[] criteria =
[
    Criterion.Benefit(RiskCandidates.ExpectedValue, 0.4),
    Criterion.Benefit(RiskCandidates.Effect, 0.2),
    Criterion.Benefit(RiskCandidates.Likelihood, 0.1),
    Criterion.Cost("effort", 0.3),
];
(string Name, RankingMethod Method)[] methods =
[
    ("Matrix", RankingMethod.RiskMatrix(RiskCandidates.Effect, RiskCandidates.Likelihood)),
    ("Classic", RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, RiskCandidates.Likelihood, RiskCandidates.Effect)),
    ("EV", RankingMethod.ExpectedValue(RiskCandidates.Probability, RiskCandidates.Impact)),
    ("CD3", RankingMethod.Cd3(RiskCandidates.ExpectedValue)),
    ("WSJF", RankingMethod.Wsjf([RiskCandidates.Effect, RiskCandidates.Likelihood, "reach"])),
    ("RICE", RankingMethod.Rice("reach", "rice-impact", RiskCandidates.Probability)),
    ("ICE", RankingMethod.Ice("ice-impact", "ice-confidence", "ice-ease", IceConvention.Average)),
    ("SAW", RankingMethod.WeightedSum(criteria)),
    ("TOPSIS", RankingMethod.Topsis(criteria)),
    ("WPM", RankingMethod.WeightedProduct(criteria)),
    ("VIKOR", RankingMethod.Vikor(criteria)),
    ("PROM-II", RankingMethod.Promethee(criteria)),
    ("AHP-SAW", RankingMethod.AhpWeightedSum(ahp, costCriteria: ["effort"])),
];

var rankings = methods.Select(m => (m.Name, Ranking: Prioritiser.Rank(set, m.Method))).ToList();
Console.WriteLine($"Register: {set.Count} risks from samples/data/register.csv");
foreach (var (name, ranking) in rankings)
{
    Console.WriteLine();
    Console.WriteLine($"{name} ({ranking.MethodName}): top 5");
    foreach (var item in ranking.Items.Take(5))
    {
        Console.WriteLine($"  {item.Rank,2}. {item.Id,-10} score {item.Score.ToString("0.0000", CultureInfo.InvariantCulture)}");
    }
}

void PrintMatrix(string title, Func<Ranking, Ranking, double> coefficient)
{
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine($"{"",-8}" + string.Concat(rankings.Select(r => $"{r.Name,8}")));
    foreach (var (name, first) in rankings)
    {
        var cells = rankings.Select(r => coefficient(first, r.Ranking).ToString("0.00", CultureInfo.InvariantCulture));
        Console.WriteLine($"{name,-8}" + string.Concat(cells.Select(c => $"{c,8}")));
    }
}

PrintMatrix("Spearman's rho between methods:", RankCorrelation.Spearman);
PrintMatrix("Kendall's tau-b between methods:", RankCorrelation.KendallTauB);
