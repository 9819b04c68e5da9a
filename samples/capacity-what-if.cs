#:project ../src/Usm.Model/Usm.Model.csproj
// A capacity what-if: how much of the register's value a sprint captures as its capacity goes from 10 % to 100 % of
// the register's total effort, choosing exactly (SprintSelector's dynamic programme) and greedily (value per effort).
// The register is samples/data/register.csv (the baseline scan's gaps); value is the size of each risk's expected value.
// Run from the repository root: dotnet run samples/capacity-what-if.cs
using System.Globalization;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

var csv = File.ReadAllText(Path.Combine("samples", "data", "register.csv"));
var risks = RiskRegisterCsv.Import(csv).Value;
var table = UsmCsv.ReadTable(csv).Value;
string Cell(int row, string column) => table.Rows[row][table.ColumnIndex(column)];

var items = risks
    .Select((risk, row) => new SprintSelectItem(
        risk.Id,
        Math.Abs(double.Parse(Cell(row, "signed-expected-value"), CultureInfo.InvariantCulture)),
        int.Parse(Cell(row, "effort"), CultureInfo.InvariantCulture),
        risk.Resources))
    .ToList();
var totalEffort = items.Sum(i => i.Effort);
var totalValue = items.Sum(i => i.Value);
var methods = new SortedSet<string>(StringComparer.Ordinal);
Console.WriteLine($"Register: {items.Count} risks, total effort {totalEffort}, total value {totalValue.ToString("0", CultureInfo.InvariantCulture)}");
Console.WriteLine();
Console.WriteLine("  share  capacity  exact value  exact %  items  greedy value  greedy %  greedy/exact");
foreach (var percent in Enumerable.Range(1, 10).Select(i => i * 10))
{
    var capacity = totalEffort * percent / 100;
    var options = new SprintSelectOptions(capacity);
    var exact = SprintSelector.Select(items, options);
    var greedy = SprintSelector.Select(items, options.WithWorkBudget(0)); // a zero work budget forces the greedy method
    methods.Add($"{exact.Method} vs {greedy.Method}");
    string Share(double value) => (100 * value / totalValue).ToString("0.0", CultureInfo.InvariantCulture);
    var ratio = exact.TotalValue == 0 ? "-" : (greedy.TotalValue / exact.TotalValue).ToString("0.000", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{percent,6}%  {capacity,8}  {exact.TotalValue,11:0}  {Share(exact.TotalValue),7}  {exact.SelectedIds.Length,5}  {greedy.TotalValue,12:0}  {Share(greedy.TotalValue),8}  {ratio,12}"));
}

Console.WriteLine();
Console.WriteLine($"Methods used: {string.Join("; ", methods)}");
