using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/electre-tri.md, compiled, run and checked; its lines must match the page.</summary>
public class ElectreTriDocsExampleTests
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
            Item("IMP-3", value: 8, urgency: 7, effort: 3),
            Item("IMP-4", value: 3, urgency: 4, effort: 1),
        ]);
        Criterion[] criteria = [Criterion.Benefit("value", 3), Criterion.Benefit("urgency", 2), Criterion.Cost("effort", 1)];

        // Agreed by the sounding board beforehand: what a difference means, and where the categories begin.
        KeyValuePair<string, ElectreTriThresholds>[] thresholds =
        [
            new("value", new ElectreTriThresholds(indifference: 1, preference: 2, veto: 5)),  // 5 points behind vetoes
            new("urgency", new ElectreTriThresholds(indifference: 1, preference: 3)),
            new("effort", new ElectreTriThresholds(indifference: 1, preference: 3, veto: 8)), // in days
        ];
        string[] categories = ["later", "next quarter", "this sprint"];  // worst first
        ElectreTriProfile[] profiles =                                   // worst first, each dominating the one before
        [
            new("quarter line", [new("value", 4), new("urgency", 4), new("effort", 10)]),
            new("sprint line", [new("value", 7), new("urgency", 6), new("effort", 5)]),
        ];

        ElectreTriResult result = ElectreTri.Sort(set, criteria, thresholds, categories, profiles, cuttingLevel: 0.75);
        console.WriteLine(string.Join("; ", result.Assignments));  // IMP-1: next quarter; IMP-2: next quarter to this sprint; IMP-3: this sprint; IMP-4: next quarter

        console.WriteLine(string.Join(", ", result.PessimisticMembers("this sprint")));  // IMP-3
        ElectreTriAssignment imp2 = result.Assignment("IMP-2");
        console.WriteLine(string.Join(", ", imp2.Relations));  // CandidatePreferred, Incomparable
        console.WriteLine(imp2.Explanation.Summary);           // 'IMP-2' is in 'next quarter' by the pessimistic rule and in 'this sprint' by the optimistic rule (λ 0.75). Pessimistic: it does not outrank 'sprint line' (σ 0.416667 < λ; C 0.416667) but outranks 'quarter line' (σ 1 ≥ λ). Optimistic: no profile is preferred to it; against the top profile 'sprint line', σ(profile, candidate) 0.666667 (C 0.666667) and σ(candidate, profile) 0.416667. Incomparable with 'sprint line'.
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: true);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("electre-tri.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/ElectreTriDocsExampleTests.cs");
}
