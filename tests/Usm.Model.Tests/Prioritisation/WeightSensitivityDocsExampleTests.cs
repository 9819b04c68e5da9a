using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/weight-sensitivity.md, compiled, run and checked; its lines must match the page.</summary>
public class WeightSensitivityDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // Four improvements scored on value and urgency (benefits) and effort in days (a cost).
        static Candidate Item(string id, double value, double urgency, double effort) =>
            new(id, [new("value", value), new("urgency", urgency), new("effort", effort)]);

        var set = new CandidateSet(
        [
            Item("IMP-1", value: 8, urgency: 2, effort: 5),
            Item("IMP-2", value: 5, urgency: 9, effort: 7),
            Item("IMP-3", value: 6, urgency: 6, effort: 2),
            Item("IMP-4", value: 3, urgency: 4, effort: 1),
        ]);
        var saw = RankingMethod.WeightedSum(
            [Criterion.Benefit("value", 3), Criterion.Benefit("urgency", 2), Criterion.Cost("effort", 1)],
            SawNormalisation.MinMax);

        WeightSensitivityResult result = WeightSensitivity.Analyse(set, saw);
        console.WriteLine(string.Join(" > ", result.Ranking.Ids));  // IMP-3 > IMP-1 > IMP-2 > IMP-4

        CriterionSensitivity value = result["value"];
        console.WriteLine(value.Weight);                 // 0.5 (3 of 3 + 2 + 1)
        console.WriteLine(value.Ranking);                // [0.4807692307692307, 0.5778894472361809)
        console.WriteLine(value.Ranking.Upper);          // IMP-1 passes IMP-3 at weight 0.5778894472361809
        console.WriteLine(value.TopCandidate.Lower);     // IMP-2 passes IMP-3 at weight 0.038167938931297586

        // What the ranking looks like beyond the end: move the weight, the others keep their proportions.
        var moreValue = WeightSensitivity.Reweight(saw, "value", 0.6);
        console.WriteLine(string.Join(" > ", Prioritiser.Rank(set, moreValue).Ids));  // IMP-1 > IMP-3 > IMP-2 > IMP-4
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("weight-sensitivity.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/WeightSensitivityDocsExampleTests.cs");
}
