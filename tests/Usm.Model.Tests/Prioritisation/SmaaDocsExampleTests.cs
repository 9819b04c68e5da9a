using System.Collections.Immutable;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The example of docs/smaa.md, compiled, run and checked; its lines must match the page.</summary>
public class SmaaDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        // Five open risks from the risk database: impact and likelihood (1-5, benefits to address) and effort in days (a cost).
        static Candidate Risk(string id, double impact, double likelihood, double effort) =>
            new(id, [new("impact", impact), new("likelihood", likelihood), new("effort", effort)]);

        var risks = new CandidateSet(
        [
            Risk("RSK-1", impact: 5, likelihood: 2, effort: 8),
            Risk("RSK-2", impact: 3, likelihood: 4, effort: 3),
            Risk("RSK-3", impact: 4, likelihood: 4, effort: 6),
            Risk("RSK-4", impact: 2, likelihood: 5, effort: 2),
            Risk("RSK-5", impact: 2, likelihood: 2, effort: 5),
        ]);
        Criterion[] agreed = [Criterion.Benefit("impact", 3), Criterion.Benefit("likelihood", 2), Criterion.Cost("effort", 1)];
        static RankingMethod Saw(ImmutableArray<Criterion> criteria) => RankingMethod.WeightedSum(criteria, SawNormalisation.MinMax);

        // Nothing known about the weights: 10,000 weight vectors uniform on the simplex, default seed 2001.
        SmaaResult smaa = Smaa.Analyse(risks, agreed, Saw);
        console.WriteLine(string.Join(" > ", smaa.Reference.Ids));  // RSK-3 > RSK-2 > RSK-1 > RSK-4 > RSK-5
        console.WriteLine(smaa.ReferenceRankingShare);              // 0.0139 (the agreed order, exactly, in 1.4 % of samples)
        console.WriteLine(smaa["RSK-3"]);                          // RSK-3: first 0.1435, holistic 0.6316
        console.WriteLine(smaa.Results[0]);                        // RSK-4: first 0.6161, holistic 0.7685
        console.WriteLine(smaa["RSK-5"].Acceptability(5));         // 0.6638 (last in two samples of three)

        // The group agrees only that impact matters most, then likelihood, then effort.
        var ranked = new SmaaOptions(weights: SmaaWeights.Ranked(["impact", "likelihood", "effort"]));
        SmaaCandidate rsk3 = Smaa.Analyse(risks, agreed, Saw, ranked)["RSK-3"];
        console.WriteLine(rsk3.FirstRankAcceptability);             // 0.542
        console.WriteLine(rsk3.Explanation.Contributions[0]);       // Benefit 'impact' = 4: central weight 0.530651 (agreed 0.5)
        console.WriteLine(rsk3.ConfidenceFactor);                   // 1
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("smaa.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Prioritisation/SmaaDocsExampleTests.cs");
}
