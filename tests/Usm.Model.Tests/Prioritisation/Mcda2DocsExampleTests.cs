using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/mcda-edas-codas-copras-aras.md, compiled, run and checked; its lines must match the page.</summary>
public class Mcda2DocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // Four improvements: value and urgency are benefits, effort in days is a cost; every value is positive.
        static Candidate Item(string id, double value, double urgency, double effort) =>
            new(id, [new("value", value), new("urgency", urgency), new("effort", effort)]);

        var set = new CandidateSet(
        [
            Item("IMP-1", value: 8, urgency: 2, effort: 5),
            Item("IMP-2", value: 5, urgency: 9, effort: 7),
            Item("IMP-3", value: 6, urgency: 6, effort: 2),
            Item("IMP-4", value: 3, urgency: 4, effort: 1),
        ]);
        Criterion[] criteria = [Criterion.Benefit("value", 3), Criterion.Benefit("urgency", 2), Criterion.Cost("effort", 1)];

        Ranking edas = Prioritiser.Rank(set, RankingMethod.Edas(criteria));
        console.WriteLine(string.Join(" > ", edas.Ids));               // IMP-3 > IMP-2 > IMP-1 > IMP-4
        console.WriteLine(edas[0].Explanation.Contributions[0]);       // Benefit 'value' = 6: average 5.5; PDA 0.0909091, NDA 0; weight 0.5 × PDA = 0.0454545 into SP, weight × NDA = 0 into SN

        Ranking codas = Prioritiser.Rank(set, RankingMethod.Codas(criteria, tau: 0.02));
        console.WriteLine(string.Join(" > ", codas.Ids));              // IMP-2 > IMP-3 > IMP-1 > IMP-4
        console.WriteLine(Math.Round(codas[0].Score, 4));              // 0.3623: H sums to 0 over the set, so above 0 is better than average

        Ranking copras = Prioritiser.Rank(set, RankingMethod.Copras(criteria));
        console.WriteLine(string.Join(" > ", copras.Ids));             // IMP-3 > IMP-2 > IMP-1 > IMP-4
        console.WriteLine(copras[3].Explanation.Contributions[2]);     // Cost 'effort' = 1: share of the column sum 0.0666667 × weight 0.166667 = 0.0111111 into S⁻

        Ranking aras = Prioritiser.Rank(set, RankingMethod.Aras(criteria));
        console.WriteLine(string.Join(" > ", aras.Ids));               // IMP-3 > IMP-2 > IMP-1 > IMP-4
        console.WriteLine(Math.Round(aras[0].Score, 4));               // 0.6713: K = S / S₀, against an optimal alternative of the best values
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("mcda-edas-codas-copras-aras.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/Mcda2DocsExampleTests.cs");
}
