using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Plackett–Luce fits of ranked ballots by Hunter's MM iteration.</summary>
public class PlackettLuceTests
{
    // PrefLib data set 00004-00000138 (Netflix Prize, Bennett and Lanning 2007), as distributed with the PlackettLuce R
    // package (inst/extdata/netflix.soc) and fitted in its README (Turner, Kosmidis and Firth, "PlackettLuce: Plackett-Luce
    // Models for Rankings", https://github.com/hturner/PlackettLuce): 588 users' full rankings of four films, 24 distinct
    // orders, each with its number of users. Items: 1 Mean Girls, 2 Beverly Hills Cop, 3 The Mummy Returns,
    // 4 Mission: Impossible II. The README reports worths summing to one of 0.2306285, 0.4510655, 0.1684719 and
    // 0.1498342, log-worths against Mean Girls of 0, 0.67080, −0.31404 and −0.43128, and a residual deviance of 3493.5
    // (−2 × the log-likelihood). The README's worths are a few 1e-4 off the maximum: its own iteration stopped after 6
    // steps. At its worths the log-likelihood is −1746.757992; at the maximum, −1746.757926, where the worths summing to
    // one are 0.2306008, 0.4512255, 0.1684073 and 0.1497664 (checked independently with a separate MM script in Python
    // run to 5,000 iterations). The test checks the README's numbers within 2e-4 (log-worths within 1e-3) and the
    // maximum within 1e-6.
    private static readonly string[] s_films = ["Mean Girls", "Beverly Hills Cop", "The Mummy Returns", "Mission: Impossible II"];

    private static readonly (int Users, int[] Order)[] s_netflix =
    [
        (68, [2, 1, 4, 3]), (53, [1, 2, 4, 3]), (49, [2, 1, 3, 4]), (44, [1, 2, 3, 4]), (39, [2, 4, 1, 3]), (37, [3, 2, 1, 4]),
        (37, [2, 3, 1, 4]), (36, [2, 3, 4, 1]), (31, [3, 2, 4, 1]), (29, [2, 4, 3, 1]), (22, [1, 3, 2, 4]), (19, [3, 1, 2, 4]),
        (17, [3, 4, 2, 1]), (17, [4, 2, 3, 1]), (16, [4, 2, 1, 3]), (14, [1, 4, 2, 3]), (10, [1, 3, 4, 2]), (10, [4, 1, 2, 3]),
        (9, [4, 3, 1, 2]), (8, [3, 4, 1, 2]), (8, [1, 4, 3, 2]), (7, [3, 1, 4, 2]), (7, [4, 3, 2, 1]), (1, [4, 1, 3, 2]),
    ];

    [Fact]
    public void Fit_NetflixExample_GivesThePublishedWorths()
    {
        var result = PlackettLuce.Fit(s_films, NetflixBallots());

        Assert.True(result.Converged);
        var total = result.Candidates.Sum(c => c.Worth);
        Assert.Equal(0.2306285, result.WorthOf("Mean Girls") / total, 2e-4);
        Assert.Equal(0.4510655, result.WorthOf("Beverly Hills Cop") / total, 2e-4);
        Assert.Equal(0.1684719, result.WorthOf("The Mummy Returns") / total, 2e-4);
        Assert.Equal(0.1498342, result.WorthOf("Mission: Impossible II") / total, 2e-4);
        Assert.Equal(0.67080, Math.Log(result.WorthOf("Beverly Hills Cop") / result.WorthOf("Mean Girls")), 1e-3);
        Assert.Equal(-0.31404, Math.Log(result.WorthOf("The Mummy Returns") / result.WorthOf("Mean Girls")), 1e-3);
        Assert.Equal(-0.43128, Math.Log(result.WorthOf("Mission: Impossible II") / result.WorthOf("Mean Girls")), 1e-3);
        Assert.Equal(3493.5, -2 * result.LogLikelihood, 0.05);
        Assert.Equal(0.2306008, result.WorthOf("Mean Girls") / total, 1e-6);
        Assert.Equal(0.4512255, result.WorthOf("Beverly Hills Cop") / total, 1e-6);
        Assert.Equal(0.1684073, result.WorthOf("The Mummy Returns") / total, 1e-6);
        Assert.Equal(0.1497664, result.WorthOf("Mission: Impossible II") / total, 1e-6);
        Assert.Equal(-1746.757926, result.LogLikelihood, 1e-5);
        Assert.Equal(["Beverly Hills Cop", "Mean Girls", "The Mummy Returns", "Mission: Impossible II"], result.Order.ToArray());

        // The worths summing to one are the probabilities of being ranked first (the README's reading).
        Assert.Equal(0.4512255, result.FirstChoiceProbability("Beverly Hills Cop"), 1e-6);
        Assert.Equal(1.0, result.Candidates.Aggregate(1.0, (p, c) => p * c.Worth), 12);
    }

    [Fact]
    public void Fit_NetflixExample_ExplainsEachCandidate()
    {
        var result = PlackettLuce.Fit(s_films, NetflixBallots());
        var cop = result.StandingOf("Beverly Hills Cop");

        // Beverly Hills Cop is first on 68 + 49 + 39 + 37 + 36 + 29 = 258 ballots, second on 53 + 44 + 37 + 31 + 17 + 16
        // = 198, third on 22 + 19 + 17 + 14 + 10 + 7 = 89 and last on 10 + 9 + 8 + 8 + 7 + 1 = 43; the last rank is no
        // choice, so it is credited 258 + 198 + 89 = 545 choices.
        Assert.Equal((1, 1, 588), (cop.Rank, cop.Position, cop.RankedBy));
        Assert.Equal(["rank 1", "rank 2", "rank 3", "rank 4"], cop.Explanation.Contributions.Select(c => c.Criterion).ToArray());
        Assert.Equal([258.0, 198, 89, 43], cop.Explanation.Contributions.Select(c => c.Value).ToArray());
        Assert.Equal([258.0, 198, 89, 0], cop.Explanation.Contributions.Select(c => c.Contribution).ToArray());
        Assert.Equal(545, cop.Chosen, 9);
        Assert.Equal(545, cop.ExpectedChoices, 6);
        Assert.StartsWith("Plackett–Luce worth ", cop.Explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("ranked by 588 of 588 voters; chosen first among the rest 545 times", cop.Explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("ranked 1 by 258 voter(s)", cop.Explanation.Contributions[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TopChoiceBallotsOnly_WorthsAreProportionalToFirstPreferences()
    {
        // Worked by hand: when every ballot names only its first choice (read as chosen from all candidates), the
        // likelihood is multinomial, Π_i (α_i / Σα)^(c_i), maximised at α_i ∝ c_i: here 6 : 3 : 1.
        Ballot[] ballots = [Ballot.Parse("A", 6), Ballot.Parse("B", 3), Ballot.Parse("C")];

        var result = PlackettLuce.Fit(["A", "B", "C"], ballots);

        Assert.Equal(0.6, result.FirstChoiceProbability("A"), 9);
        Assert.Equal(0.3, result.FirstChoiceProbability("B"), 9);
        Assert.Equal(2.0, result.WorthOf("A") / result.WorthOf("B"), 9);
        Assert.Equal((6 * Math.Log(0.6)) + (3 * Math.Log(0.3)) + Math.Log(0.1), result.LogLikelihood, 9);
    }

    [Fact]
    public void Fit_TwoCandidates_IsBradleyTerry()
    {
        // Worked by hand, as for Bradley–Terry: 3 = 4·α_A / (α_A + α_B), so α_A / α_B = 3; with geometric mean 1,
        // α_A = √3 and α_B = 1/√3.
        var result = PlackettLuce.Fit(["A", "B"], [Ballot.Parse("A > B", 3), Ballot.Parse("B")]);

        Assert.Equal(Math.Sqrt(3), result.WorthOf("A"), 9);
        Assert.Equal(1 / Math.Sqrt(3), result.WorthOf("B"), 9);
        Assert.Equal(0.75, result.FirstChoiceProbability("A", ["B", "A"]), 9);
        Assert.Equal(1.0, result.FirstChoiceProbability("B", ["B"]));
    }

    [Fact]
    public void Fit_ATieOfTwoIsHalfAChoiceForEach_AsInBradleyTerry()
    {
        // A > B once and A = B twice, as sub-rankings: A is credited 2 choices, B 1, over three choices of the pair.
        var options = new PlackettLuceOptions(unranked: PlackettLuceUnranked.Absent);
        var result = PlackettLuce.Fit(["A", "B", "C"], [Ballot.Parse("A > B"), Ballot.Parse("A = B", 2), Ballot.Parse("B > C"), Ballot.Parse("C > A")], options);
        var bt = BradleyTerry.Fit(new PairwiseProfile(["A", "B", "C"], [
            PairwiseComparison.Win("A", "B"), PairwiseComparison.Tie("A", "B", 2), PairwiseComparison.Win("B", "C"), PairwiseComparison.Win("C", "A")]));

        Assert.Equal(2.0, result.StandingOf("A").Chosen, 12);
        Assert.Equal(2.0, result.StandingOf("B").Chosen, 12);
        foreach (var id in new[] { "A", "B", "C" })
        {
            Assert.Equal(bt.StrengthOf(id), result.WorthOf(id), 9);
        }
    }

    [Fact]
    public void Fit_ATrailingTieOfTheRest_SaysNoMoreThanLeavingThemUnranked()
    {
        // Ballot reads unranked candidates as tied below the ranked ones, so "A > B = C" over {A, B, C} is "A".
        string[] ids = ["A", "B", "C"];
        Ballot[] common = [Ballot.Parse("B > C > A"), Ballot.Parse("C > A")];
        var spelled = PlackettLuce.Fit(ids, [.. common, Ballot.Parse("A > B = C", 2)]);
        var shorter = PlackettLuce.Fit(ids, [.. common, Ballot.Parse("A", 2)]);

        Assert.All(ids, id => Assert.Equal(shorter.WorthOf(id), spelled.WorthOf(id), 12));
        Assert.Equal(shorter.LogLikelihood, spelled.LogLikelihood, 9);
        Assert.Equal(0, spelled.StandingOf("B").Explanation.Contributions.Single(c => c.Criterion == "rank 2").Contribution);
    }

    [Fact]
    public void Fit_UnrankedCandidates_StayInTheChoiceSets_OrTakeNoPart()
    {
        // With BelowRanked, "A > B" over {A, B, C} says A beat C and B beat C too; with Absent, C takes no part.
        string[] ids = ["A", "B", "C"];
        Ballot[] ballots = [Ballot.Parse("A > B", 2), Ballot.Parse("B > A"), Ballot.Parse("C > A > B"), Ballot.Parse("A > C")];

        var below = PlackettLuce.Fit(ids, ballots);
        var absent = PlackettLuce.Fit(ids, ballots, new PlackettLuceOptions(unranked: PlackettLuceUnranked.Absent));

        Assert.True(below.WorthOf("C") < absent.WorthOf("C"));
        Assert.Equal(2, below.StandingOf("C").RankedBy);
        Assert.Contains("not named by 3 voter(s): passed over in every choice", below.StandingOf("C").Explanation.Contributions[^1].Text, StringComparison.Ordinal);
        Assert.Contains("no part in their ballots", absent.StandingOf("C").Explanation.Contributions[^1].Text, StringComparison.Ordinal);

        // Without "A > C", C would never be passed over when unranked candidates take no part: the refusal names it.
        Assert.Equal(["C"], Assert.Throws<PlackettLuceNotEstimableException>(() =>
            PlackettLuce.Fit(ids, [Ballot.Parse("A > B"), Ballot.Parse("B > A"), Ballot.Parse("C > A")], new PlackettLuceOptions(unranked: PlackettLuceUnranked.Absent))).NeverPassedOver.ToArray());
    }

    [Fact]
    public void Fit_VotersWeighBallots_LikeRepeatedBallots()
    {
        string[] ids = ["A", "B", "C", "D"];
        var weighted = PlackettLuce.Fit(ids, [Ballot.Parse("A > B > C", 3), Ballot.Parse("D > C = B"), Ballot.Parse("C > D > A", 2), Ballot.Parse("B")]);
        var repeated = PlackettLuce.Fit(ids, [
            Ballot.Parse("A > B > C"), Ballot.Parse("C > D > A"), Ballot.Parse("A > B > C"), Ballot.Parse("B"), Ballot.Parse("D > C = B"), Ballot.Parse("C > D > A"), Ballot.Parse("A > B > C")]);

        Assert.All(ids, id => Assert.Equal(weighted.WorthOf(id), repeated.WorthOf(id)));
        Assert.Equal(weighted.Iterations, repeated.Iterations);
    }

    [Fact]
    public void Fit_NotStronglyConnected_RefusesAndNamesTheGroups()
    {
        // A and B are each chosen first once (from all four), so they reach everyone; C and D are never chosen.
        var ex = Assert.Throws<PlackettLuceNotEstimableException>(() =>
            PlackettLuce.Fit(["D", "C", "B", "A"], [Ballot.Parse("A > B"), Ballot.Parse("B > A")]));

        Assert.Equal("ballots", ex.ParamName);
        Assert.Equal([["A", "B"], ["C"], ["D"]], ex.Groups.Select(g => g.ToArray()).ToArray());
        Assert.Equal(["C", "D"], ex.NeverChosen.ToArray());
        Assert.Empty(ex.NeverPassedOver);
        Assert.Empty(ex.NeverInAChoice);
        Assert.Contains("[A, B] | [C] | [D]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Never chosen: C, D.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_Absent_NamesCandidatesNoBallotOffers()
    {
        var ex = Assert.Throws<PlackettLuceNotEstimableException>(() =>
            PlackettLuce.Fit(["A", "B", "C", "D"], [Ballot.Parse("A > B"), Ballot.Parse("B > A > C"), Ballot.Parse("D")], new PlackettLuceOptions(unranked: PlackettLuceUnranked.Absent)));

        Assert.Equal([["A", "B"], ["C"], ["D"]], ex.Groups.Select(g => g.ToArray()).ToArray());
        Assert.Equal(["C"], ex.NeverChosen.ToArray());
        Assert.Equal(["D"], ex.NeverInAChoice.ToArray());
        Assert.Contains("In no choice: D.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WithVirtualTies_GivesFiniteWorths_AndKeepsTheOrder()
    {
        var result = PlackettLuce.Fit(["A", "B", "C", "D"], [Ballot.Parse("A > B"), Ballot.Parse("A > C")], new PlackettLuceOptions(virtualTies: 1));

        Assert.True(result.Converged);
        Assert.All(result.Candidates, c => Assert.True(double.IsFinite(c.Worth) && c.Worth > 0, c.ToString()));
        Assert.Equal("A", result.Order[0]);
        // B was chosen from {B, C, D} and C from {B, C, D}: the same record, so the same worth, above D (never chosen).
        Assert.Equal(result.WorthOf("B"), result.WorthOf("C"), 9);
        Assert.True(result.WorthOf("B") > result.WorthOf("D"));
    }

    [Fact]
    public void Fit_IterationCap_ReportsNotConverged()
    {
        var result = PlackettLuce.Fit(s_films, NetflixBallots(), new PlackettLuceOptions(maxIterations: 2));

        Assert.Equal(2, result.Iterations);
        Assert.False(result.Converged);
    }

    [Fact]
    public void FirstChoiceProbability_FollowsLucesAxiom()
    {
        var result = PlackettLuce.Fit(s_films, NetflixBallots());
        var (cop, girls, mummy) = ("Beverly Hills Cop", "Mean Girls", "The Mummy Returns");

        // The odds of choosing one film over another do not depend on what else is offered.
        var pair = result.FirstChoiceProbability(cop, [cop, girls]) / result.FirstChoiceProbability(girls, [cop, girls]);
        var triple = result.FirstChoiceProbability(cop, [cop, girls, mummy]) / result.FirstChoiceProbability(girls, [mummy, girls, cop]);
        Assert.Equal(pair, triple, 12);
        Assert.Equal(1.0, s_films.Sum(f => result.FirstChoiceProbability(f, s_films)), 12);
    }

    [Fact]
    public void FirstChoiceProbability_NamesABadSet()
    {
        var result = PlackettLuce.Fit(["A", "B"], [Ballot.Parse("A > B"), Ballot.Parse("B > A")]);

        Assert.Contains("'A' is listed twice", Assert.Throws<ArgumentException>(() => result.FirstChoiceProbability("A", ["A", "B", "A"])).Message, StringComparison.Ordinal);
        Assert.Contains("'A' is not in the set", Assert.Throws<ArgumentException>(() => result.FirstChoiceProbability("A", ["B"])).Message, StringComparison.Ordinal);
        Assert.Equal("among", Assert.Throws<ArgumentException>(() => result.FirstChoiceProbability("A", ["A", "X"])).ParamName);
        Assert.Equal("candidateId", Assert.Throws<ArgumentException>(() => result.FirstChoiceProbability("X")).ParamName);
        Assert.Equal("candidateId", Assert.Throws<ArgumentException>(() => result.WorthOf("X")).ParamName);
    }

    [Fact]
    public void Fit_Validation_NamesTheBadItem()
    {
        string[] ids = ["A", "B"];
        var few = Assert.Throws<ArgumentException>(() => PlackettLuce.Fit(["A"], [Ballot.Parse("A")]));
        Assert.Equal("candidates", few.ParamName);
        Assert.Contains("at least two candidates, but 1 were given", few.Message, StringComparison.Ordinal);
        Assert.Contains("'A' appears twice", Assert.Throws<ArgumentException>(() => PlackettLuce.Fit(["A", "B", "A"], [])).Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => PlackettLuce.Fit(ids, [Ballot.Parse("A > B"), Ballot.Parse("B > X")]));
        Assert.Equal("ballots", unknown.ParamName);
        Assert.Contains("Ballot 1 names unknown candidate 'X'", unknown.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<ArgumentException>(() => PlackettLuce.Fit(ids, [Ballot.Parse("A > B"), Ballot.Parse("B"), new Ballot([])]));
        Assert.Equal("ballots", empty.ParamName);
        Assert.Contains("Ballot 2 ranks no candidate", empty.Message, StringComparison.Ordinal);

        Assert.Contains("Ballot 0 is null", Assert.Throws<ArgumentNullException>(() => PlackettLuce.Fit(ids, [null!])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => PlackettLuce.Fit(null!, []));
        Assert.Throws<ArgumentNullException>(() => PlackettLuce.Fit(ids, null!));
    }

    [Fact]
    public void Options_OutOfRange_AreRefusedByName()
    {
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new PlackettLuceOptions(tolerance: 0)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new PlackettLuceOptions(maxIterations: 0)).ParamName);
        Assert.Equal("virtualTies", Assert.Throws<ArgumentOutOfRangeException>(() => new PlackettLuceOptions(virtualTies: 1e-9)).ParamName);
        Assert.Equal("virtualTies", Assert.Throws<ArgumentOutOfRangeException>(() => PlackettLuceOptions.Default.WithVirtualTies(double.NaN)).ParamName);
        Assert.Equal("unranked", Assert.Throws<ArgumentOutOfRangeException>(() => new PlackettLuceOptions(unranked: 0)).ParamName);
        Assert.Equal(PlackettLuceUnranked.Absent, PlackettLuceOptions.Default.WithUnranked(PlackettLuceUnranked.Absent).Unranked);
        Assert.Equal(PlackettLuceUnranked.BelowRanked, PlackettLuceOptions.Default.Unranked);
    }

    // --- laws ---

    [Fact]
    public void Fit_AtConvergence_ChosenEqualsExpectedChoices_AndWorthsAreNormalised()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Connected(), c =>
        {
            var result = PlackettLuce.Fit(c.Candidates, c.Ballots, c.Options);
            return result.Converged
                && result.Candidates.All(s => double.IsFinite(s.Worth) && s.Worth > 0)
                && result.Candidates.All(s => Math.Abs(s.ExpectedChoices - s.Chosen) <= 1e-7 * Math.Max(1, s.Chosen))
                && Math.Abs(result.Candidates.Sum(s => Math.Log(s.Worth))) <= 1e-9
                && Math.Abs(result.Candidates.Sum(s => s.FirstChoiceProbability) - 1) <= 1e-12;
        }), maxTest: 500);
    }

    [Fact]
    public void Fit_DoesNotDependOnTheOrderOfTheBallots()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Connected(), c =>
        {
            var shuffled = (Ballot[])c.Ballots.Clone();
            new Random(c.Seed ^ 0x5bd1e995).Shuffle(shuffled);
            var a = PlackettLuce.Fit(c.Candidates, c.Ballots, c.Options);
            var b = PlackettLuce.Fit(c.Candidates, shuffled, c.Options);
            return a.Order.SequenceEqual(b.Order)
                && a.Iterations == b.Iterations
                && a.LogLikelihood == b.LogLikelihood
                && a.Candidates.Zip(b.Candidates).All(x => x.First.Worth == x.Second.Worth);
        }), maxTest: 500);
    }

    [Fact]
    public void Fit_RelabellingTheCandidates_RelabelsTheWorths()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Connected(), c =>
        {
            // Rename every candidate (and list them in another order): each worth moves with its candidate.
            var fresh = c.Candidates.Select((_, i) => "r" + (c.Candidates.Length - i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var rename = c.Candidates.Zip(fresh).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            var ballots = c.Ballots.Select(b => new Ballot(b.Ranks.Select(r => r.Select(id => rename[id])), b.Voters)).ToArray();
            var a = PlackettLuce.Fit(c.Candidates, c.Ballots, c.Options);
            var b = PlackettLuce.Fit(Enumerable.Reverse(fresh), ballots, c.Options);
            return c.Candidates.All(id => Math.Abs(Math.Log(a.WorthOf(id) / b.WorthOf(rename[id]))) <= 1e-8)
                && Math.Abs(a.LogLikelihood - b.LogLikelihood) <= 1e-8 * Math.Max(1, Math.Abs(a.LogLikelihood));
        }), maxTest: 500);
    }

    [Fact]
    public void Fit_ABallotForKVoters_WeighsLikeKCopies()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Connected(), c =>
        {
            var copies = c.Ballots.SelectMany(b => Enumerable.Repeat(b.WithVoters(1), b.Voters)).ToArray();
            var a = PlackettLuce.Fit(c.Candidates, c.Ballots, c.Options);
            var b = PlackettLuce.Fit(c.Candidates, copies, c.Options);
            return a.Iterations == b.Iterations
                && a.LogLikelihood == b.LogLikelihood
                && a.Candidates.Zip(b.Candidates).All(x => x.First.Id == x.Second.Id && x.First.Worth == x.Second.Worth && x.First.RankedBy == x.Second.RankedBy);
        }), maxTest: 300);
    }

    [Fact]
    public void Fit_Absent_ABallotNamingOneCandidateChangesNothing()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Connected(), c =>
        {
            // Read as a sub-ranking, a ballot naming one candidate makes no choice.
            var options = c.Options.WithUnranked(PlackettLuceUnranked.Absent);
            var a = PlackettLuce.Fit(c.Candidates, c.Ballots, options);
            var b = PlackettLuce.Fit(c.Candidates, [.. c.Ballots, Ballot.Ranking(c.Candidates[0])], options);
            return a.LogLikelihood == b.LogLikelihood
                && a.Candidates.Zip(b.Candidates).All(x => x.First.Id == x.Second.Id && x.First.Worth == x.Second.Worth);
        }), maxTest: 300);
    }

    [Fact]
    public void Fit_LogLikelihood_NeverFallsFromOneIterationToTheNext()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Connected(), c =>
        {
            // MM: each step maximises a minorising function, so the likelihood never falls (the k-th iterate is the fit
            // capped at k iterations).
            var previous = double.NegativeInfinity;
            for (var k = 1; k <= 8; k++)
            {
                var ll = PlackettLuce.Fit(c.Candidates, c.Ballots, new PlackettLuceOptions(tolerance: 1e-15, maxIterations: k, unranked: c.Unranked)).LogLikelihood;
                if (ll < previous - (1e-11 * Math.Abs(previous)))
                {
                    return false;
                }

                previous = ll;
            }

            return true;
        }), maxTest: 300);
    }

    [Fact]
    public void Fit_PairwiseBallots_GiveExactlyBradleyTerrysStrengths()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.ConnectedProfile(), profile =>
        {
            // Each comparison becomes a two-candidate ballot, read as a sub-ranking (a tie is a tied rank).
            var ballots = profile.Comparisons.Select(x => Ballot.Parse(x.First + (x.IsTie ? " = " : " > ") + x.Second, x.Count));
            var pl = PlackettLuce.Fit(profile.Candidates, ballots, new PlackettLuceOptions(unranked: PlackettLuceUnranked.Absent));
            var bt = BradleyTerry.Fit(profile);
            return pl.Order.SequenceEqual(bt.Order)
                && profile.Candidates.All(id => Math.Abs((pl.WorthOf(id) / bt.StrengthOf(id)) - 1) <= 1e-8);
        }), maxTest: 500);
    }

    [Fact]
    public void Fit_PairwiseBallots_WithVirtualTies_GiveBradleyTerrysRegularisedStrengths()
    {
        PropertyCheck.Run(Prop.ForAll(PairwiseArbitraries.AnyProfile(), profile =>
        {
            if (profile.Candidates.Length < 2)
            {
                return true;
            }

            var ballots = profile.Comparisons.Select(x => Ballot.Parse(x.First + (x.IsTie ? " = " : " > ") + x.Second, x.Count));
            var pl = PlackettLuce.Fit(profile.Candidates, ballots, new PlackettLuceOptions(virtualTies: 0.5, unranked: PlackettLuceUnranked.Absent));
            var bt = BradleyTerry.Fit(profile, new BradleyTerryOptions(virtualTies: 0.5));
            return profile.Candidates.All(id => Math.Abs((pl.WorthOf(id) / bt.StrengthOf(id)) - 1) <= 1e-8);
        }), maxTest: 300);
    }

    [Fact]
    public void Fit_Refuses_ExactlyWhenTheChosenBeforeGraphIsNotStronglyConnected()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Any(), c =>
        {
            try
            {
                PlackettLuce.Fit(c.Candidates, c.Ballots, c.Options);
                return PlackettLuceArbitraries.StronglyConnected(c);
            }
            catch (PlackettLuceNotEstimableException ex)
            {
                var members = ex.Groups.SelectMany(g => g).Order(StringComparer.Ordinal);
                return !PlackettLuceArbitraries.StronglyConnected(c)
                    && ex.Groups.Length > 1
                    && members.SequenceEqual(c.Candidates.Order(StringComparer.Ordinal));
            }
        }), maxTest: 1000);
    }

    [Fact]
    public void Fit_NotEstimable_NamesTheGroupsInTheOrderBruteForceGives()
    {
        // Review: the groups come from a graph whose tail arrows pass through a segment tree; they must be the groups
        // and order of the plain graph with an arrow from each chosen candidate to every other one in its choice set.
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Any(), c =>
        {
            try
            {
                PlackettLuce.Fit(c.Candidates, c.Ballots, c.Options);
                return true;
            }
            catch (PlackettLuceNotEstimableException ex)
            {
                var expected = PlackettLuceArbitraries.Groups(c);
                return ex.Groups.Length == expected.Length && ex.Groups.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
            }
        }), maxTest: 1000);
    }

    [Fact]
    public void Groups_BallotsWithLongTails_CostLogNPerGap_NotN()
    {
        // Review: 10,000 candidates (a reader's default collection limit) and 10,000 ballots that each name one of
        // them first. Each ballot's choice holds every candidate; an arrow to each would be 10⁸ arrows (1.2 GB), so a
        // 300 kB ranked-ballots or plackett-luce-result document could exhaust memory. The chosen-first candidates
        // reach everyone: one group.
        var ids = Enumerable.Range(0, 10_000).Select(i => "c" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var data = PlackettLuceData.Create(ids, ids.Select(id => new Ballot([[id]])), PlackettLuceUnranked.BelowRanked);

        var group = Assert.Single(data.Groups());
        Assert.Equal(ids, group.ToArray());
    }

    [Fact]
    public void Fit_WithVirtualTies_ExistsForAnyBallots()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Any(), c =>
        {
            var result = PlackettLuce.Fit(c.Candidates, c.Ballots, c.Options.WithVirtualTies(1));
            return result.Converged
                && result.Candidates.All(s => double.IsFinite(s.Worth) && s.Worth > 0)
                && result.Candidates.Select(s => s.Position).SequenceEqual(Enumerable.Range(1, c.Candidates.Length));
        }), maxTest: 500);
    }

    private static IEnumerable<Ballot> NetflixBallots() =>
        s_netflix.Select(x => new Ballot(x.Order.Select(i => new[] { s_films[i - 1] }), x.Users));
}
