using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/promethee-v.md, compiled, run and checked; its lines must match the page.</summary>
public class PrometheeVDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // Five registered improvements: value and urgency on 0-10 ratings (benefits), effort in days (a cost).
        static Candidate Item(string id, double value, double urgency, double effort) =>
            new(id, [new("value", value), new("urgency", urgency), new("effort", effort)]);

        var set = new CandidateSet(
        [
            Item("IMP-1", value: 8, urgency: 2, effort: 5),
            Item("IMP-2", value: 5, urgency: 9, effort: 7),
            Item("IMP-3", value: 6, urgency: 6, effort: 2),
            Item("IMP-4", value: 3, urgency: 4, effort: 1),
            Item("IMP-5", value: 7, urgency: 5, effort: 4),
        ]);
        var promethee = RankingMethod.Promethee(
            [Criterion.Benefit("value", 3), Criterion.Benefit("urgency", 2), Criterion.Cost("effort", 1)],
            [
                new("value", PreferenceFunction.Linear(indifference: 1, preference: 4)),
                new("urgency", PreferenceFunction.Level(indifference: 1, preference: 3)),
                new("effort", PreferenceFunction.VShape(preference: 5)),
            ]);

        // The sprint: 11 days; IMP-2 only together with IMP-4; the resource each item improves.
        PrometheeVItem[] items =
        [
            new("IMP-1", effort: 5, [Resource.Technology]),
            new("IMP-2", effort: 7, [Resource.Process]),
            new("IMP-3", effort: 2, [Resource.People]),
            new("IMP-4", effort: 1, [Resource.Process]),
            new("IMP-5", effort: 4, [Resource.Technology]),
        ];
        var sprint = new SprintSelectOptions(capacity: 11, precedences: [new SprintPrecedence("IMP-4", "IMP-2")]);

        // Brans and Mareschal's objective: the sum of the net flows (the default).
        PrometheeVResult result = PrometheeV.Select(set, promethee, items, sprint);
        console.WriteLine(string.Join(", ", result.SelectedIds)); // IMP-3, IMP-5
        console.WriteLine(result);                                // PROMETHEE V (NetFlow), Optimal: 2 of 5 items, objective 0.316667, effort 6/11
        console.WriteLine(result.Explain("IMP-1"));               // IMP-1: φ -0.05 (rank 4 of 5), value -0.05, effort 5; out: its net flow is not positive, so taking it would not raise the objective (it would fit: needs 5, 5 free).
        console.WriteLine(result.Explain("IMP-2"));               // IMP-2: φ 0.0833333 (rank 3 of 5), value 0.0833333, effort 7; out: needs 8, 3 more than is free; to make room, IMP-5 (value 0.116667) would have to go, worth 0.116667 together.

        // Shifted so that the weakest candidate is worth 0: the sprint fills up.
        PrometheeVResult shifted = PrometheeV.Select(set, promethee, items, sprint, PrometheeVValue.ShiftByMinimum);
        console.WriteLine(string.Join(", ", shifted.SelectedIds)); // IMP-1, IMP-3, IMP-5
        console.WriteLine(shifted.NetFlowTotal);                   // 0.26666666666666666 (below the 0.316667 of the default: the price of filling)
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("promethee-v.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/PrometheeVDocsExampleTests.cs");
}
