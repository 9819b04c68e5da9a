using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The examples of docs/prioritisation-ahp-ballots.md, compiled and checked.</summary>
public class AhpDocsExampleTests
{
    [Fact]
    public void DocsExample_AhpAndBallots()
    {
        // --- begin docs example ---
        // Three improvement themes compared pairwise by two assessors (upper triangle, row by row).
        string[] themes = ["people", "process", "technology"];
        var anna = AhpMatrix.FromUpperTriangle(3, [3, 5, 2], themes);
        var bram = AhpMatrix.FromUpperTriangle(3, [2, 4, 3], themes);
        var group = AhpMatrix.GeometricMean([anna, bram]);

        AhpResult weights = Ahp.Weigh(group); // eigenvector, Saaty 1980 table, threshold 0.10
        Console.WriteLine(weights);           // [people=0.605, process=0.272, technology=0.123] λmax=3.010 CI=0.005 CR=0.008 (Saaty 1980)

        // The sounding-board group ranks the candidate improvements; ties and partial ballots are allowed.
        string[] candidates = ["IMP-1", "IMP-2", "IMP-3", "IMP-4"];
        Ballot[] ballots =
        [
            Ballot.Parse("IMP-2 > IMP-1 > IMP-3 = IMP-4", voters: 4),
            Ballot.Parse("IMP-1 > IMP-2", voters: 3),   // IMP-3 and IMP-4 unranked
            Ballot.Parse("IMP-3 > IMP-2 > IMP-1 > IMP-4", voters: 2),
        ];
        SchulzeResult schulze = BallotCount.Schulze(candidates, ballots);
        BordaResult borda = BallotCount.Borda(candidates, ballots);
        Console.WriteLine(schulze.Winners[0]);                 // IMP-2
        foreach (var line in schulze.Explain("IMP-2"))
        {
            Console.WriteLine(line);                           // vs IMP-1: d 6:3, p 6:0 (beats) ...
        }

        Console.WriteLine(borda.StandingOf("IMP-2").Points);   // 22 = 4·3 + 3·2 + 2·2
        // --- end docs example ---

        Assert.Equal(["people", "process", "technology"], weights.Labels.ToArray());
        Assert.True(weights.WeightOf("people") > weights.WeightOf("process"));
        Assert.True(weights.IsConsistent);
        Assert.Equal("IMP-2", schulze.Winners[0]);
        Assert.Equal(new SchulzeComparison("IMP-1", 6, 3, 6, 0), schulze.Explain("IMP-2")[0]);
        Assert.Equal(22, borda.StandingOf("IMP-2").Points);
    }
}
