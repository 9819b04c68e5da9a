using Usm.Model.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>The example of docs/risk-matrix-checks.md, compiled, run and checked; its lines must match the page.</summary>
public class RiskMatrixCheckDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        var effects = new OrdinalScale("Effect", ["Minor", "Major", "Severe"]);
        var likelihoods = new OrdinalScale("Likelihood", ["Unlikely", "Possible", "Likely"]);
        var classes = new OrdinalScale("Priority", ["Low", "Medium", "High"]);

        // The matrix many organisations draw first: the class rises with effect + likelihood.
        var bySum = RiskMatrix.FromFunction(effects, likelihoods, classes, (e, l) => Math.Clamp(e + l - 1, 0, 2));

        // Cox's setting: both axes on [0, 1], cut into equal widths; risk = probability × consequence.
        var unit = RiskMatrixQuantification.EqualWidth(effects, likelihoods);
        FindingReport report = RiskMatrixCheck.Check(bySum, unit);
        console.WriteLine(string.Join(", ", report.RuleIds));      // USM-RMX-002, USM-RMX-006 (betweenness; the classes are also bands of e × l)
        console.WriteLine(report.Findings[0].Path);                // rows[0][1] (Minor, Possible is Low; its upper-right neighbour Major, Likely is High)

        // Cox's three-colour pattern: Low along the lowest row and column, High only in the corner.
        var cox = RiskMatrix.FromFunction(effects, likelihoods, classes, (e, l) => e == 0 || l == 0 ? 0 : e + l == 4 ? 2 : 1);
        console.WriteLine(RiskMatrixCheck.Check(cox, unit));       // No findings.

        // The organisation's own numbers: chance per year, and loss in euros.
        var own = new RiskMatrixQuantification(effects, likelihoods,
            consequences: [new(1_000, 10_000), new(10_000, 100_000), new(100_000, 1_000_000)],
            probabilities: [new(0.01, 0.1), new(0.1, 0.5), new(0.5, 1)]);
        console.WriteLine(own.RiskRange(effects.IndexOf("Severe"), likelihoods.IndexOf("Unlikely"))); // [1000, 100000]
        report = RiskMatrixCheck.Check(cox, own);
        console.WriteLine(string.Join(", ", report.RuleIds));      // USM-RMX-001, USM-RMX-006 (weak consistency fails on these numbers)
        console.WriteLine(report.Findings[0].Path);                // rows[2][2] (Severe, Likely: High, from 50000; Severe, Unlikely: Low, up to 100000)
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("risk-matrix-checks.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Improvement/RiskMatrixCheckDocsExampleTests.cs");
}
