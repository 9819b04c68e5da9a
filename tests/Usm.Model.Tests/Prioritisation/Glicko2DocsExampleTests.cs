using System.Globalization;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/glicko.md, compiled, run and checked; its lines must match the page.</summary>
public class Glicko2DocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // The sounding-board group compares improvement candidates in rounds; each round is one rating period.
        var round1 = new PairwiseProfile(["IMP-1", "IMP-2", "IMP-3"],
        [
            PairwiseComparison.Parse("IMP-1 > IMP-2", count: 4),
            PairwiseComparison.Parse("IMP-2 > IMP-1", count: 2),
            PairwiseComparison.Parse("IMP-2 > IMP-3", count: 3),
            PairwiseComparison.Parse("IMP-1 = IMP-3"),
        ]);
        var round2 = new PairwiseProfile(["IMP-1", "IMP-2", "IMP-3", "IMP-4"],
        [
            PairwiseComparison.Parse("IMP-4 > IMP-2"),              // IMP-4 is new: one comparison only
            PairwiseComparison.Parse("IMP-1 > IMP-3", count: 3),
            PairwiseComparison.Parse("IMP-2 > IMP-1"),
        ]);
        var glicko = Glicko2.Rate([round1, round2]);
        console.WriteLine(string.Join(" > ", glicko.Order));                 // IMP-4 > IMP-1 > IMP-2 > IMP-3
        console.WriteLine(string.Join(" > ", glicko.ConservativeOrder));     // IMP-1 > IMP-2 > IMP-4 > IMP-3 (rating − 2 RD)
        var imp4 = glicko.StandingOf("IMP-4");
        console.WriteLine(FormattableString.Invariant($"{imp4.Lower95:F0} to {imp4.Upper95:F0}"));   // 1185 to 2207 (95 %): one comparison says little
        console.WriteLine(glicko.StandingOf("IMP-1"));                      // 2. IMP-1: rating 1594.88, RD 142.576, volatility 0.0599937 (7 won, 3 lost, 1 tied)
        console.WriteLine(glicko.StandingOf("IMP-1").Explanation.Contributions[0]);   // vs 'IMP-2': 4 won, 3 lost, 0 tied; rating change +51.4782.

        // A third round later on: continue from the ratings so far.
        var round3 = new PairwiseProfile(["IMP-3", "IMP-4"], [PairwiseComparison.Parse("IMP-4 > IMP-3", count: 2)]);
        var later = Glicko2.Rate([round3], starts: glicko.Ratings);
        console.WriteLine(later.StandingOf("IMP-2").Deviation > glicko.StandingOf("IMP-2").Deviation);   // True: IMP-2 sat out round 3, so its RD widened
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("glicko.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/Glicko2DocsExampleTests.cs");
}
