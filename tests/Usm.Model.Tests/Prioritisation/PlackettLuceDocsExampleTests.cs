using System.Globalization;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/plackett-luce.md, compiled, run and checked; the page's C# block must match it line by line.</summary>
public class PlackettLuceDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter();

        // --- begin docs example ---
        // The sounding-board group ranks the open improvement risks; most staff name only their top few.
        string[] risks = ["R-1", "R-2", "R-3", "R-4", "R-5", "R-6"];
        Ballot[] ballots =
        [
            Ballot.Parse("R-2 > R-1 > R-4", voters: 4),   // four staff members handed in this ballot
            Ballot.Parse("R-1 > R-2", voters: 3),
            Ballot.Parse("R-3 > R-2 = R-5"),              // tied in second place
            Ballot.Parse("R-4 > R-3 > R-1"),
            Ballot.Parse("R-5 > R-1", voters: 2),
        ];

        try
        {
            PlackettLuce.Fit(risks, ballots);
        }
        catch (PlackettLuceNotEstimableException e)
        {
            console.WriteLine(string.Join(" | ", e.Groups.Select(g => string.Join(", ", g))));   // R-5 | R-6
            console.WriteLine(string.Join(", ", e.NeverChosen));
        }

        // Nobody put R-6 first among the rest, so its worth would be 0: collect more ballots, or add one virtual tie each.
        var fit = PlackettLuce.Fit(risks, ballots, new PlackettLuceOptions(virtualTies: 1));
        console.WriteLine(string.Join(" > ", fit.Order));                                        // R-1 > R-2 > R-4 > R-5 > R-3 > R-6
        console.WriteLine(fit.FirstChoiceProbability("R-1").ToString("F2", CultureInfo.InvariantCulture));   // 0.43
        console.WriteLine(fit.FirstChoiceProbability("R-5", ["R-5", "R-3"]).ToString("F2", CultureInfo.InvariantCulture));   // 0.55
        console.WriteLine(fit.StandingOf("R-1").Explanation.Summary);                            // Plackett–Luce worth 4.86… (rank 1 of 6; …)
        console.WriteLine(fit.Converged);                                                         // True
        // --- end docs example ---

        // Each printed line is its comment, or starts with the comment's text up to "…".
        var printed = console.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var comments = ExampleLines().Where(l => l.StartsWith("console.WriteLine", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf("// ", StringComparison.Ordinal) + 3)..]).ToArray();
        Assert.Equal(comments.Length, printed.Length);
        for (var i = 0; i < printed.Length; i++)
        {
            if (comments[i].Contains('…', StringComparison.Ordinal))
            {
                Assert.True(printed[i].StartsWith(comments[i].Split('…')[0], StringComparison.Ordinal), $"Line {i} printed: {printed[i]}");
            }
            else
            {
                Assert.True(comments[i] == printed[i], $"Line {i} printed: {printed[i]}");
            }
        }
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("plackett-luce.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/PlackettLuceDocsExampleTests.cs");
}
