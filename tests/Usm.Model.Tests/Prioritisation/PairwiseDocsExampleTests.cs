using System.Globalization;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/pairwise.md, compiled, run and checked; the page's C# block must match it line by line.</summary>
public class PairwiseDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter();

        // --- begin docs example ---
        // Staff of the sounding-board group compare improvement candidates two at a time.
        string[] candidates = ["IMP-1", "IMP-2", "IMP-3", "IMP-4"];
        PairwiseComparison[] comparisons =
        [
            PairwiseComparison.Parse("IMP-2 > IMP-1", count: 3),   // three staff members preferred IMP-2
            PairwiseComparison.Parse("IMP-1 > IMP-2"),
            PairwiseComparison.Parse("IMP-1 > IMP-3", count: 2),
            PairwiseComparison.Parse("IMP-3 = IMP-2"),              // a tie: half a win each
            PairwiseComparison.Parse("IMP-3 > IMP-1"),
            PairwiseComparison.Parse("IMP-4 > IMP-3"),
        ];
        var profile = new PairwiseProfile(candidates, comparisons);
        console.WriteLine(profile.IsStronglyConnected);                     // False: IMP-4 never lost

        try
        {
            BradleyTerry.Fit(profile);
        }
        catch (BradleyTerryNotEstimableException e)
        {
            console.WriteLine(string.Join(" | ", e.Groups.Select(g => string.Join(", ", g))));   // IMP-4 | IMP-1, IMP-2, IMP-3
        }

        // Either collect a comparison in which IMP-4 loses or ties, or regularise with one virtual tie each.
        var fit = BradleyTerry.Fit(profile, new BradleyTerryOptions(virtualTies: 1));
        console.WriteLine(string.Join(" > ", fit.Order));                    // IMP-4 > IMP-2 > IMP-1 > IMP-3
        console.WriteLine(fit.WinProbability("IMP-2", "IMP-1").ToString("F2", CultureInfo.InvariantCulture));   // 0.67
        console.WriteLine(fit.StandingOf("IMP-2").Explanation.Summary);      // Bradley–Terry strength 1.39… (rank 2 of 4): 3 won, 1 lost, 1 tied; …

        // Elo reads the same comparisons one by one, in order: later ones weigh more.
        var elo = Elo.Rate(profile, new EloOptions(startRating: 1500, kFactor: 32));
        console.WriteLine(string.Join(" > ", elo.Order));                    // IMP-2 > IMP-4 > IMP-1 > IMP-3
        console.WriteLine(elo.RatingOf("IMP-4").ToString("F1", CultureInfo.InvariantCulture));   // 1515.4
        // --- end docs example ---

        var lines = console.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("False", lines[0]);
        Assert.Equal("IMP-4 | IMP-1, IMP-2, IMP-3", lines[1]);
        Assert.Equal(Comment(2), lines[2]);
        Assert.Equal(Comment(3), lines[3]);
        Assert.StartsWith(Comment(4).Split('…')[0], lines[4], StringComparison.Ordinal);
        Assert.Contains("(rank 2 of 4): 3 won, 1 lost, 1 tied;", lines[4], StringComparison.Ordinal);
        Assert.Equal(Comment(5), lines[5]);
        Assert.Equal(Comment(6), lines[6]);
        Assert.True(fit.Converged);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("pairwise.md", ExampleLines());
    }

    /// <summary>The text after "// " on the n-th printing line (0-based) of the example.</summary>
    private static string Comment(int n)
    {
        var printing = ExampleLines().Where(l => l.StartsWith("console.WriteLine", StringComparison.Ordinal) && l.Contains("// ", StringComparison.Ordinal)).ToArray();
        var line = printing[n];
        return line[(line.LastIndexOf("// ", StringComparison.Ordinal) + 3)..];
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/PairwiseDocsExampleTests.cs");
}
