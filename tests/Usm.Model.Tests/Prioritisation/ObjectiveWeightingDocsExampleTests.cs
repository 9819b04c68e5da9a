using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/objective-weighting.md, compiled, run and checked; its lines must match the page.</summary>
public class ObjectiveWeightingDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // Five registered improvements: value and urgency (benefits, 1-10) and effort in days (a cost).
        static Candidate Item(string id, double value, double urgency, double effort) =>
            new(id, [new("value", value), new("urgency", urgency), new("effort", effort)]);

        var set = new CandidateSet(
        [
            Item("IMP-1", value: 8, urgency: 3, effort: 5),
            Item("IMP-2", value: 6, urgency: 9, effort: 8),
            Item("IMP-3", value: 7, urgency: 4, effort: 2),
            Item("IMP-4", value: 3, urgency: 8, effort: 1),
            Item("IMP-5", value: 5, urgency: 5, effort: 3),
        ]);
        Criterion[] criteria = [Criterion.Benefit("value", 1), Criterion.Benefit("urgency", 1), Criterion.Cost("effort", 1)];

        // What the data says: CRITIC weights (the input weights are ignored; names and kinds are used).
        ObjectiveWeights critic = ObjectiveWeighting.Critic(set, criteria);
        console.WriteLine(critic);  // CRITIC weighting over 5 candidates: value 0.338376, urgency 0.356657, effort 0.304967
        console.WriteLine(critic.Explain("urgency"));  // CRITIC weighting: Benefit 'urgency' has σ = 0.385861 after min-max normalisation over 5 candidates and conflict Σ(1 − ρ) = 2.93428 (ρ with 'value' -0.66279; ρ with 'effort' -0.271489), so C = σ · Σ(1 − ρ) = 1.13222, weight 1.13222 / 3.17454 = 0.356657 (C / ΣC).

        // The sounding-board group agreed value 3, urgency 2, effort 1; combine (w = s·o / Σ s·o) and rank.
        Criterion[] agreed = [Criterion.Benefit("value", 3), Criterion.Benefit("urgency", 2), Criterion.Cost("effort", 1)];
        var combined = ObjectiveWeights.Combine(agreed, critic.Criteria);
        console.WriteLine(string.Join(", ", combined));  // value (Benefit, weight 0.49922439627845916), urgency (Benefit, weight 0.3507974763753363), effort (Cost, weight 0.14997812734620455)
        var ranking = Prioritiser.Rank(set, RankingMethod.WeightedSum(combined, SawNormalisation.MinMax));
        console.WriteLine(string.Join(" > ", ranking.Ids));  // IMP-2 > IMP-3 > IMP-1 > IMP-4 > IMP-5
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("objective-weighting.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/ObjectiveWeightingDocsExampleTests.cs");
}
