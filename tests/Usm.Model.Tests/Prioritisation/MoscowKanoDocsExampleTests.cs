using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/moscow-kano.md, compiled, run and checked; its lines must match the page.</summary>
public class MoscowKanoDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // MoSCoW: the category is a criterion coded 1-4 (1 = Must); "value" orders items inside a category.
        static Candidate Item(string id, MoscowCategory category, double value, double effort) =>
            new(id, [new("moscow", (int)category), new("value", value)], effort);

        var set = new CandidateSet(
        [
            Item("IMP-1", MoscowCategory.Must, value: 3, effort: 5),
            Item("IMP-2", MoscowCategory.Should, value: 8, effort: 3),
            Item("IMP-3", MoscowCategory.Must, value: 6, effort: 4),
            Item("IMP-4", MoscowCategory.Could, value: 9, effort: 3),
            Item("IMP-5", MoscowCategory.WontThisTime, value: 7, effort: 6),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.Moscow("moscow", "value"));
        console.WriteLine(string.Join(" > ", ranking.Ids));  // IMP-3 > IMP-1 > IMP-2 > IMP-4 > IMP-5

        // The timebox check against DSDM's guidance, for a sprint of 15 person-days.
        MoscowTimeboxResult timebox = MoscowTimebox.Check(set, "moscow", capacity: 15);
        console.WriteLine(timebox.IsMustWithinLimit);  // True (Must 5 + 4 = 9 of 15 = 60 %)
        console.WriteLine(timebox.CouldPool);          // Near (Could 3 of 15 = 20 %)
        console.WriteLine(timebox.IsFeasible);         // True (planned 9 + 3 + 3 = 15; IMP-5 is not planned)

        // Kano: each respondent answers with the feature present (functional) and absent (dysfunctional).
        var survey = new KanoSurvey(
        [
            new KanoResponse("self-service", "anna", KanoAnswer.Like, KanoAnswer.Neutral),
            new KanoResponse("self-service", "bram", KanoAnswer.Like, KanoAnswer.Dislike),
            new KanoResponse("status-mail", "anna", KanoAnswer.MustBe, KanoAnswer.Dislike),
            new KanoResponse("status-mail", "bram", KanoAnswer.Neutral, KanoAnswer.Dislike),
        ]);
        KanoResult kano = survey.Evaluate();
        console.WriteLine(kano["status-mail"].Category);   // MustBe (M twice)
        console.WriteLine(kano["self-service"].Category);  // OneDimensional (A and O tie; O comes before A)
        console.WriteLine(kano["self-service"].Better);    // 1 ((A + O) / (A + O + M + I) = 2 / 2)
        console.WriteLine(kano["status-mail"].Worse);      // -1 (−(O + M) / (A + O + M + I) = −2 / 2)
        console.WriteLine(string.Join(" > ", kano.Ranked.Select(f => f.FeatureId)));  // self-service > status-mail
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("moscow-kano.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/MoscowKanoDocsExampleTests.cs");
}
