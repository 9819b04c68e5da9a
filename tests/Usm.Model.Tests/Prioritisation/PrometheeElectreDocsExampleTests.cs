using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/promethee-electre.md, compiled, run and checked; its lines must match the page.</summary>
public class PrometheeElectreDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // Four improvements: value and urgency on 0-10 ratings (benefits), effort in days (a cost).
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

        var promethee = RankingMethod.Promethee(criteria,
        [
            new("value", PreferenceFunction.Linear(indifference: 1, preference: 4)),  // 1 point is noise, 4 is decisive
            new("urgency", PreferenceFunction.Level(indifference: 1, preference: 3)),
            new("effort", PreferenceFunction.VShape(preference: 5)),                  // in days
        ]);
        Ranking ranking = Prioritiser.Rank(set, promethee);
        console.WriteLine(string.Join(" > ", ranking.Ids));          // IMP-3 > IMP-2 > IMP-1 > IMP-4
        console.WriteLine(ranking[0].Explanation.Contributions[0]);  // Benefit 'value' = 6, linear (q = 1, p = 4) preference: φ⁺ 0.222222 − φ⁻ 0.111111 = φ_j 0.111111, × weight 0.5 = 0.0555556

        PrometheeFlows flows = PrometheeFlows.Of(ranking);
        console.WriteLine(flows.Compare("IMP-1", "IMP-2"));          // Incomparable
        console.WriteLine(string.Join(", ", flows.Unbeaten()));      // IMP-3

        ElectreResult electre = Electre.Kernel(set, criteria, concordanceThreshold: 0.6, discordanceThreshold: 0.5);
        console.WriteLine(string.Join(", ", electre.Kernel));        // IMP-1, IMP-3
        console.WriteLine(electre.Explain("IMP-4").Summary);         // 'IMP-4' is outside the ELECTRE I kernel: outranked by kernel member(s) 'IMP-3' (c 0.833333 ≥ ĉ 0.6, d 0.142857 ≤ d̂ 0.5).
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: true);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("promethee-electre.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/PrometheeElectreDocsExampleTests.cs");
}
