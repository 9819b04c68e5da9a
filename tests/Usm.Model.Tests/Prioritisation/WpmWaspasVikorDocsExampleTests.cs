using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/mcda-wpm-waspas-vikor.md, compiled, run and checked; its lines must match the page.</summary>
public class WpmWaspasVikorDocsExampleTests
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

        Ranking wpm = Prioritiser.Rank(set, RankingMethod.WeightedProduct(criteria));
        console.WriteLine(string.Join(" > ", wpm.Ids));                // IMP-3 > IMP-2 > IMP-4 > IMP-1
        console.WriteLine(wpm[0].Explanation.Contributions[2]);        // Cost 'effort' = 2, normalised min 1 / x to 0.5, ^ weight 0.166667 = factor 0.890899

        Ranking waspas = Prioritiser.Rank(set, RankingMethod.Waspas(criteria, lambda: 0.5));
        console.WriteLine(string.Join(" > ", waspas.Ids));             // IMP-3 > IMP-2 > IMP-1 > IMP-4
        console.WriteLine(waspas[0].Explanation.Summary);              // WASPAS score 0.677279 = λ × WSM + (1 − λ) × WPM = 0.5 × 0.680556 + 0.5 × 0.674003 (max normalisation).

        VikorMethod vikor = RankingMethod.Vikor(criteria, v: 0.5);
        Ranking byQ = Prioritiser.Rank(set, vikor);                    // score = −Q: the lowest Q comes first
        console.WriteLine(string.Join(" > ", byQ.Ids));                // IMP-3 > IMP-2 > IMP-1 > IMP-4
        VikorCompromise compromise = vikor.Compromise(set);
        console.WriteLine(compromise.Candidates[0]);                   // 1. IMP-3: Q 0, S 0.370635, R 0.2
        console.WriteLine(compromise.Candidates[1]);                   // 2. IMP-2: Q 0.297336, S 0.466667, R 0.3
        console.WriteLine(compromise.HasAcceptableAdvantage);          // False: 0.297336 − 0 is below DQ = 1 / (4 − 1)
        console.WriteLine(compromise.HasAcceptableStability);          // True: IMP-3 is also best by S and by R
        console.WriteLine(string.Join(", ", compromise.CompromiseSet)); // IMP-3, IMP-2, IMP-1
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("mcda-wpm-waspas-vikor.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/WpmWaspasVikorDocsExampleTests.cs");
}
