using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/mcda-mabac-multimoora-spotis.md, compiled, run and checked; its lines must match the page.</summary>
public class Mcda3DocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // Four improvements: value and urgency (1-10) are benefits, effort in days is a cost; every value is positive.
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

        Ranking mabac = Prioritiser.Rank(set, RankingMethod.Mabac(criteria));
        console.WriteLine(string.Join(" > ", mabac.Ids));                   // IMP-3 > IMP-1 > IMP-2 > IMP-4
        console.WriteLine(mabac[0].Explanation.Contributions[0]);           // Benefit 'value' = 6, normalised (min 3, max 8) to 0.6, weighted 0.5 × (t + 1) = 0.8; border 0.727427, distance 0.0725728 (upper)

        Ranking multimoora = Prioritiser.Rank(set, RankingMethod.Multimoora(criteria));
        console.WriteLine(string.Join(" > ", multimoora.Ids));              // IMP-3 > IMP-2 > IMP-1 > IMP-4
        console.WriteLine(multimoora[0].Explanation.Summary);               // MULTIMOORA score 3: generally dominates 3 of the other 3 candidates (ranked better by at least two of the three parts); part ranks 1, 1, 1 of 4.

        // SPOTIS: bounds fixed in advance (the scales' ends and the longest effort the team accepts).
        KeyValuePair<string, SpotisBounds>[] bounds =
        [
            new("value", new SpotisBounds(1, 10)),
            new("urgency", new SpotisBounds(1, 10)),
            new("effort", new SpotisBounds(1, 20)),
        ];
        var spotis = RankingMethod.Spotis(criteria, bounds);
        Ranking before = Prioritiser.Rank(set, spotis);
        console.WriteLine(string.Join(" > ", before.Ids));                  // IMP-2 > IMP-3 > IMP-1 > IMP-4
        Ranking after = Prioritiser.Rank(set.With(Item("IMP-5", value: 10, urgency: 10, effort: 20)), spotis);
        console.WriteLine(string.Join(" > ", after.Ids));                   // IMP-5 > IMP-2 > IMP-3 > IMP-1 > IMP-4: the others keep their order
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("mcda-mabac-multimoora-spotis.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/Mcda3DocsExampleTests.cs");
}
