#:project ../src/Usm.Model/Usm.Model.csproj
// Lists the 8 USM workflow patterns and the processes each one runs through.
using Usm.Model;

foreach (var pattern in WorkflowPattern.All)
{
    Console.WriteLine($"{pattern.Code}: {string.Join(" -> ", pattern.Processes)}");
}
