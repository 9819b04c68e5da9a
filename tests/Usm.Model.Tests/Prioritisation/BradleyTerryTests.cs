using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Bradley–Terry fits by Hunter's MM iteration, the comparison records and profiles they read.</summary>
public class BradleyTerryTests
{
    // Wikipedia, "Bradley–Terry model", section "Worked example of iterated procedure" (retrieved 2026): four teams, wins
    // of the row team over the column team; the iteration converges to p = (0.640, 1.043, 0.660, 2.270), normalised so
    // that the geometric mean is 1.
    //        A  B  C  D
    //   A    -  2  0  1
    //   B    3  -  5  0
    //   C    0  3  -  1
    //   D    4  0  3  -
    private static readonly int[,] s_wikipediaWins = { { 0, 2, 0, 1 }, { 3, 0, 5, 0 }, { 0, 3, 0, 1 }, { 4, 0, 3, 0 } };

    [Fact]
    public void Fit_WikipediaWorkedExample_GivesThePublishedStrengths()
    {
        var result = BradleyTerry.Fit(WikipediaProfile());

        Assert.True(result.Converged);
        Assert.Equal(0.640, result.StrengthOf("A"), 3);
        Assert.Equal(1.043, result.StrengthOf("B"), 3);
        Assert.Equal(0.660, result.StrengthOf("C"), 3);
        Assert.Equal(2.270, result.StrengthOf("D"), 3);
        Assert.Equal(["D", "B", "C", "A"], result.Order.ToArray());
        Assert.Equal(1.0, result.Candidates.Aggregate(1.0, (p, c) => p * c.Strength), 12);
    }

    [Fact]
    public void Fit_WikipediaWorkedExample_ExplainsEachCandidate()
    {
        var d = BradleyTerry.Fit(WikipediaProfile()).StandingOf("D");

        // D beat A 4 times and C 3 times, lost 1 to A and 1 to C, never met B: 7 won, 2 lost.
        Assert.Equal((1, 7, 2, 0), (d.Rank, d.Wins, d.Losses, d.Ties));
        Assert.Equal(7.0, d.ExpectedWins, 6);
        Assert.Equal(["A", "C"], d.Explanation.Contributions.Select(c => c.Criterion).ToArray());
        Assert.Equal(2.270 / (2.270 + 0.640), d.Explanation.Contributions[0].Contribution, 3);
        Assert.Contains("vs 'A': 4 won, 1 lost, 0 tied", d.Explanation.Contributions[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Bradley–Terry strength 2.27", d.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TwoCandidates_StrengthRatioIsTheWinRatio()
    {
        // Worked by hand: with two candidates the likelihood equation is 3 = 4·π_A / (π_A + π_B), so π_A / π_B = 3;
        // with geometric mean 1, π_A = √3 and π_B = 1/√3, and P(A preferred to B) = 3/4.
        var profile = new PairwiseProfile(["A", "B"], [PairwiseComparison.Win("A", "B", 3), PairwiseComparison.Parse("A < B")]);

        var result = BradleyTerry.Fit(profile);

        Assert.Equal(Math.Sqrt(3), result.StrengthOf("A"), 9);
        Assert.Equal(1 / Math.Sqrt(3), result.StrengthOf("B"), 9);
        Assert.Equal(0.75, result.WinProbability("A", "B"), 9);
        Assert.Equal(0.5, result.WinProbability("A", "A"));
    }

    [Fact]
    public void Fit_ATieIsHalfAWinForEachSide()
    {
        // A beat B once and they tied twice: A scores 2, B scores 1, as if A had won 2 of 3.
        var withTies = new PairwiseProfile(["A", "B"], [PairwiseComparison.Win("A", "B"), PairwiseComparison.Tie("B", "A", 2)]);
        var asWins = new PairwiseProfile(["A", "B"], [PairwiseComparison.Win("A", "B", 2), PairwiseComparison.Win("B", "A")]);

        Assert.Equal(BradleyTerry.Fit(asWins).WinProbability("A", "B"), BradleyTerry.Fit(withTies).WinProbability("A", "B"), 12);
        Assert.Equal(2.0 / 3, BradleyTerry.Fit(withTies).WinProbability("A", "B"), 9);
    }

    [Fact]
    public void Fit_SymmetricCandidates_ShareARank_AndAreOrderedById()
    {
        // A cycle: every candidate beats the next once, so all strengths are 1.
        var profile = new PairwiseProfile(["c", "a", "b"], [PairwiseComparison.Parse("c > a"), PairwiseComparison.Parse("a > b"), PairwiseComparison.Parse("b > c")]);

        var result = BradleyTerry.Fit(profile);

        Assert.Equal(["a", "b", "c"], result.Order.ToArray());
        Assert.All(result.Candidates, c => Assert.Equal(1, c.Rank));
        Assert.All(result.Candidates, c => Assert.Equal(1.0, c.Strength, 12));
    }

    [Fact]
    public void Fit_SingleCandidate_HasStrengthOne_WithoutIterating()
    {
        var result = BradleyTerry.Fit(new PairwiseProfile(["only"], []));

        Assert.Equal((1.0, 0, true), (result.StrengthOf("only"), result.Iterations, result.Converged));
    }

    [Fact]
    public void Fit_NotStronglyConnected_RefusesAndNamesTheGroups()
    {
        // A and B beat each other; both beat C; D was never compared.
        var profile = new PairwiseProfile(["A", "B", "C", "D"], [
            PairwiseComparison.Parse("A > B"), PairwiseComparison.Parse("B > A"), PairwiseComparison.Parse("A > C"), PairwiseComparison.Parse("B > C")]);

        var ex = Assert.Throws<BradleyTerryNotEstimableException>(() => BradleyTerry.Fit(profile));

        Assert.Equal("profile", ex.ParamName);
        Assert.Equal([["A", "B"], ["C"], ["D"]], ex.Groups.Select(g => g.ToArray()).ToArray());
        Assert.Equal(["C"], ex.NeverWon.ToArray());
        Assert.Empty(ex.NeverLost);
        Assert.Equal(["D"], ex.Uncompared.ToArray());
        Assert.Contains("[A, B] | [C] | [D]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Never won: C.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Never compared: D.", ex.Message, StringComparison.Ordinal);
        Assert.False(profile.IsStronglyConnected);
    }

    [Fact]
    public void Fit_AnUnbeatenCandidate_IsNamed()
    {
        var profile = new PairwiseProfile(["A", "B", "C"], [PairwiseComparison.Parse("A > B"), PairwiseComparison.Parse("B > C"), PairwiseComparison.Parse("C > B")]);

        var ex = Assert.Throws<BradleyTerryNotEstimableException>(() => BradleyTerry.Fit(profile));

        Assert.Equal(["A"], ex.NeverLost.ToArray());
        Assert.Equal([["A"], ["B", "C"]], ex.Groups.Select(g => g.ToArray()).ToArray());
        Assert.Contains("Never lost: A.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WithVirtualTies_GivesFiniteStrengths_AndKeepsTheOrder()
    {
        var profile = new PairwiseProfile(["A", "B", "C", "D"], [PairwiseComparison.Parse("A > B"), PairwiseComparison.Parse("B > C")]);

        var result = BradleyTerry.Fit(profile, new BradleyTerryOptions(virtualTies: 1));

        Assert.True(result.Converged);
        Assert.Equal(["A", "B", "D", "C"], result.Order.ToArray());
        Assert.All(result.Candidates, c => Assert.True(double.IsFinite(c.Strength) && c.Strength > 0));

        // D has only its virtual tie, so it sits exactly at the reference: its strength relative to the reference is 1.
        // Check the regularised equation for B: 1 + 1/2 = π_B/(π_B+π_A) + π_B/(π_B+π_C) + π_B/(π_B+π_ref).
        var reference = result.StrengthOf("D");
        var b = result.StrengthOf("B");
        var expected = (b / (b + result.StrengthOf("A"))) + (b / (b + result.StrengthOf("C"))) + (b / (b + reference));
        Assert.Equal(1.5, expected, 8);
    }

    [Fact]
    public void Fit_ManyVirtualTies_PullEveryStrengthTowardsTheReference()
    {
        var few = BradleyTerry.Fit(WikipediaProfile(), new BradleyTerryOptions(virtualTies: 0.01));
        var many = BradleyTerry.Fit(WikipediaProfile(), new BradleyTerryOptions(virtualTies: 1e5));

        // A little regularisation barely moves the estimate; a lot flattens it, keeping the order.
        Assert.Equal(2.270, few.StrengthOf("D"), 2);
        Assert.All(many.Candidates, c => Assert.Equal(1.0, c.Strength, 3));
        Assert.Equal(["D", "B", "C", "A"], many.Order.ToArray());
    }

    [Fact]
    public void Fit_WithVirtualTies_ConvergesQuickly_EvenWithManyComparisonsPerCandidate()
    {
        // 20 candidates, every pair compared 50 times, the lower index winning 30. Holding the reference at 1 during the
        // iteration took 22,170 iterations here (the one virtual tie barely pins the common scale; found by the
        // benchmark); fitting the reference as a candidate takes 39.
        var ids = Enumerable.Range(0, 20).Select(i => "c" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var comparisons = new List<PairwiseComparison>();
        for (var i = 0; i < ids.Length; i++)
        {
            for (var j = i + 1; j < ids.Length; j++)
            {
                comparisons.Add(PairwiseComparison.Win(ids[i], ids[j], 30));
                comparisons.Add(PairwiseComparison.Win(ids[j], ids[i], 20));
            }
        }

        var result = BradleyTerry.Fit(new PairwiseProfile(ids, comparisons), new BradleyTerryOptions(virtualTies: 1));

        Assert.True(result.Converged);
        Assert.InRange(result.Iterations, 1, 1000);
        Assert.Equal(ids, result.Order.ToArray());
    }

    [Fact]
    public void Fit_IterationCap_ReportsNotConverged()
    {
        var result = BradleyTerry.Fit(WikipediaProfile(), new BradleyTerryOptions(maxIterations: 2));

        Assert.Equal(2, result.Iterations);
        Assert.False(result.Converged);
    }

    [Fact]
    public void Options_OutOfRange_AreRefusedByName()
    {
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new BradleyTerryOptions(tolerance: 0)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new BradleyTerryOptions(tolerance: double.NaN)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new BradleyTerryOptions(maxIterations: 0)).ParamName);
        Assert.Equal("virtualTies", Assert.Throws<ArgumentOutOfRangeException>(() => new BradleyTerryOptions(virtualTies: -1)).ParamName);
        Assert.Equal("virtualTies", Assert.Throws<ArgumentOutOfRangeException>(() => BradleyTerryOptions.Default.WithVirtualTies(double.PositiveInfinity)).ParamName);
        Assert.Throws<ArgumentNullException>(() => BradleyTerry.Fit(null!));
    }

    [Fact]
    public void Options_TinyPositiveVirtualTies_AreRefused_InsteadOfFittingNaN()
    {
        // A virtual-tie count so small that v / 2 underflows (or the strengths blow up) once gave NaN strengths for a
        // profile with a never-beaten and a never-winning candidate; such counts are now refused, naming the value.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BradleyTerryOptions(virtualTies: 1e-300));
        Assert.Equal("virtualTies", error.ParamName);
        Assert.Contains("1E-300", error.Message, StringComparison.Ordinal);
        Assert.Equal("virtualTies", Assert.Throws<ArgumentOutOfRangeException>(() => BradleyTerryOptions.Default.WithVirtualTies(double.Epsilon)).ParamName);

        // The smallest allowed count still gives finite, positive strengths.
        var chain = new PairwiseProfile(["A", "B", "C"], [PairwiseComparison.Parse("A > B"), PairwiseComparison.Parse("B > C")]);
        var fit = BradleyTerry.Fit(chain, new BradleyTerryOptions(virtualTies: BradleyTerryOptions.MinVirtualTies));
        Assert.All(fit.Candidates, c => Assert.True(double.IsFinite(c.Strength) && c.Strength > 0, c.ToString()));
        Assert.Equal(["A", "B", "C"], fit.Order.ToArray());
    }

    // --- comparisons and profiles ---

    [Fact]
    public void Comparison_Validation_NamesTheProblem()
    {
        var self = Assert.Throws<ArgumentException>(() => PairwiseComparison.Win("R-1", "R-1"));
        Assert.Equal("loser", self.ParamName);
        Assert.Contains("'R-1' cannot be compared with itself", self.Message, StringComparison.Ordinal);
        Assert.Equal("winner", Assert.Throws<ArgumentException>(() => PairwiseComparison.Win(" ", "R-1")).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => PairwiseComparison.Tie("R-1", null!)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => PairwiseComparison.Win("A", "B", 0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => PairwiseComparison.Win("A", "B").WithCount(-1)).ParamName);
    }

    [Fact]
    public void Comparison_Parse_ReadsBackWhatToStringWrites_CountIncluded()
    {
        // ToString writes "3 x A > B"; Parse once read that as a win of a candidate named "3 x A", which a profile
        // refuses and a PairwiseMechanism silently dropped.
        foreach (var c in new[] { PairwiseComparison.Win("A", "B", 3), PairwiseComparison.Tie("R-1", "R 2", 12), PairwiseComparison.Win("x", "y") })
        {
            Assert.Equal(c, PairwiseComparison.Parse(c.ToString()));
        }

        Assert.Equal(PairwiseComparison.Win("B", "A", 5), PairwiseComparison.Parse("5 x A < B"));
        var both = Assert.Throws<ArgumentException>(() => PairwiseComparison.Parse("3 x A > B", 2));
        Assert.Equal("text", both.ParamName);
        Assert.Contains("'3 x A > B'", both.Message, StringComparison.Ordinal);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => PairwiseComparison.Parse("0 x A > B"));
        Assert.Equal("count", zero.ParamName);
        Assert.Contains("A > B has count 0", zero.Message, StringComparison.Ordinal);
        Assert.Contains("R-1 = R-2 has count -1", Assert.Throws<ArgumentOutOfRangeException>(() => PairwiseComparison.Tie("R-1", "R-2", -1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_Parse_ReadsWinsLossesAndTies()
    {
        Assert.Equal(PairwiseComparison.Win("A", "B"), PairwiseComparison.Parse(" A > B "));
        Assert.Equal(PairwiseComparison.Win("B", "A", 2), PairwiseComparison.Parse("A < B", 2));
        Assert.Equal(PairwiseComparison.Tie("A", "B"), PairwiseComparison.Parse("A = B"));
        Assert.Equal("3 x A > B", PairwiseComparison.Win("A", "B", 3).ToString());
        Assert.Equal("B = A", PairwiseComparison.Tie("A", "B").Reversed().ToString());
        Assert.Equal(PairwiseComparison.Win("B", "A"), PairwiseComparison.Parse("A > B").Reversed());
        Assert.Null(PairwiseComparison.Tie("A", "B").Winner);
        Assert.Equal("A", PairwiseComparison.Parse("A > B").Winner);
        Assert.NotEqual(PairwiseComparison.Tie("A", "B"), PairwiseComparison.Tie("B", "A"));
    }

    [Theory]
    [InlineData("A B")]
    [InlineData("A > B > C")]
    [InlineData("A = B > C")]
    [InlineData("> B")]
    [InlineData("A = A")]
    public void Comparison_Parse_RefusesMalformedText(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => PairwiseComparison.Parse(text));

        Assert.Equal("text", ex.ParamName);
        Assert.Contains(text.Trim(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_Validation_NamesTheCandidateOrComparison()
    {
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => new PairwiseProfile([], [])).ParamName);
        Assert.Contains("'A' appears twice", Assert.Throws<ArgumentException>(() => new PairwiseProfile(["A", "A"], [])).Message, StringComparison.Ordinal);
        Assert.Contains("Candidate 1 has a blank id", Assert.Throws<ArgumentException>(() => new PairwiseProfile(["A", ""], [])).Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => new PairwiseProfile(["A", "B"], [PairwiseComparison.Parse("A > B"), PairwiseComparison.Parse("A > X")]));
        Assert.Equal("comparisons", unknown.ParamName);
        Assert.Contains("Comparison 1 names unknown candidate 'X'", unknown.Message, StringComparison.Ordinal);

        var isNull = Assert.Throws<ArgumentNullException>(() => new PairwiseProfile(["A", "B"], [PairwiseComparison.Parse("A > B"), null!]));
        Assert.Contains("Comparison 1 is null", isNull.Message, StringComparison.Ordinal);

        var overflow = Assert.Throws<ArgumentException>(() => new PairwiseProfile(["A", "B"], [PairwiseComparison.Win("A", "B", int.MaxValue), PairwiseComparison.Win("B", "A")]));
        Assert.Equal("comparisons", overflow.ParamName);
        Assert.Contains("2147483648 outcomes", overflow.Message, StringComparison.Ordinal);
        Assert.Equal(int.MaxValue, new PairwiseProfile(["A", "B"], [PairwiseComparison.Win("A", "B", int.MaxValue)]).TotalCount);
    }

    [Fact]
    public void Profile_CountsPerPairAndPerCandidate()
    {
        var profile = WikipediaProfile();

        Assert.Equal(5, profile.WinsOver("B", "C"));
        Assert.Equal(3, profile.WinsOver("C", "B"));
        Assert.Equal(0, profile.WinsOver("B", "D"));
        Assert.Equal(0, profile.WinsOver("B", "B"));
        Assert.Equal((8, 5, 0), profile.RecordOf("B"));
        Assert.Equal(0, profile.TiesBetween("A", "B"));
        Assert.True(profile.IsStronglyConnected);
        Assert.Equal("candidateId", Assert.Throws<ArgumentException>(() => profile.RecordOf("E")).ParamName);
    }

    [Fact]
    public void Profile_GroupsAreOrderedTopFirst_ThenBySmallestId()
    {
        // x beats y; a and b are never compared with anything: three groups, x before y, a and b by id.
        var profile = new PairwiseProfile(["y", "x", "b", "a"], [PairwiseComparison.Parse("x > y")]);

        Assert.Equal([["a"], ["b"], ["x"], ["y"]], profile.ComparisonGroups.Select(g => g.ToArray()).ToArray());
    }

    // --- laws ---

    [Fact]
    public void Fit_AtConvergence_ExpectedWinsEqualObservedWins()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.ConnectedProfile(), profile =>
        {
            var result = BradleyTerry.Fit(profile);
            return result.Converged
                && result.Candidates.All(c => Math.Abs(c.ExpectedWins - c.Score) <= 1e-7 * Math.Max(1, c.Score))
                && Math.Abs(result.Candidates.Sum(c => Math.Log(c.Strength))) <= 1e-9;
        }), maxTest: 500);
    }

    [Fact]
    public void Fit_DoesNotDependOnTheOrderOfTheComparisons()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.ConnectedProfileAndShuffle(), p =>
        {
            var a = BradleyTerry.Fit(p.Profile);
            var b = BradleyTerry.Fit(p.Shuffled);
            return a.Order.SequenceEqual(b.Order)
                && a.Iterations == b.Iterations
                && a.Candidates.Zip(b.Candidates).All(x => x.First.Strength == x.Second.Strength);
        }), maxTest: 500);
    }

    [Fact]
    public void Fit_SwappingWinnersAndLosers_ReversesTheOrder()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.ConnectedProfile(), profile =>
        {
            var forward = BradleyTerry.Fit(profile);
            var backward = BradleyTerry.Fit(profile.Reversed());
            var ids = profile.Candidates;
            return ids.All(i => Math.Abs(Math.Log(forward.StrengthOf(i)) + Math.Log(backward.StrengthOf(i))) <= 1e-6)
                && ids.All(i => ids.All(j =>
                    Math.Abs(Math.Log(forward.StrengthOf(i) / forward.StrengthOf(j))) <= 1e-6
                    || (forward.StrengthOf(i) > forward.StrengthOf(j)) == (backward.StrengthOf(i) < backward.StrengthOf(j))));
        }), maxTest: 500);
    }

    [Fact]
    public void Fit_WithVirtualTies_ExistsForAnyProfile_AndSatisfiesItsEquations()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.AnyProfile(), profile =>
        {
            var result = BradleyTerry.Fit(profile, new BradleyTerryOptions(virtualTies: 0.5));
            return result.Converged
                && result.Candidates.All(c => double.IsFinite(c.Strength) && c.Strength > 0)
                && result.Candidates.Select(c => c.Position).SequenceEqual(Enumerable.Range(1, profile.Candidates.Length));
        }), maxTest: 500);
    }

    [Fact]
    public void Fit_Refuses_ExactlyWhenNotStronglyConnected()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.AnyProfile(), profile =>
        {
            try
            {
                BradleyTerry.Fit(profile);
                return profile.IsStronglyConnected;
            }
            catch (BradleyTerryNotEstimableException ex)
            {
                // The groups partition the candidates, and no later group beats or ties an earlier one.
                var groupOf = ex.Groups.SelectMany((g, k) => g.Select(id => (id, k))).ToDictionary(x => x.id, x => x.k);
                return !profile.IsStronglyConnected
                    && groupOf.Count == profile.Candidates.Length
                    && profile.Comparisons.All(c => c.IsTie ? groupOf[c.First] == groupOf[c.Second] : groupOf[c.First] <= groupOf[c.Second]);
            }
        }), maxTest: 1000);
    }

    [Fact]
    public void Fit_ACandidateThatBeatEveryOtherAndNeverLost_IsFirstWithAtMostOneVirtualTie_AndNamedWithout()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.ChampionProfile(), profile =>
        {
            var regularised = BradleyTerry.Fit(profile, new BradleyTerryOptions(virtualTies: 1));
            var first = regularised.Candidates[0];
            var strictlyFirst = first.Id == "champ" && regularised.Candidates.Skip(1).All(c => c.Rank > 1);
            var ex = Assert.Throws<BradleyTerryNotEstimableException>(() => BradleyTerry.Fit(profile));
            return strictlyFirst && ex.NeverLost.Contains("champ") && ex.Groups[0].SequenceEqual(["champ"]);
        }), maxTest: 500);
    }

    private static PairwiseProfile WikipediaProfile()
    {
        string[] teams = ["A", "B", "C", "D"];
        var comparisons = new List<PairwiseComparison>();
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                if (s_wikipediaWins[i, j] > 0)
                {
                    comparisons.Add(PairwiseComparison.Win(teams[i], teams[j], s_wikipediaWins[i, j]));
                }
            }
        }

        return new PairwiseProfile(teams, comparisons);
    }
}
