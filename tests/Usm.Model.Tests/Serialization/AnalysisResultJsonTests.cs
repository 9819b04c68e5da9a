using System.Text;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;
using static Usm.Model.Tests.Serialization.AnalysisInputJsonTests;

namespace Usm.Model.Tests.Serialization;

public class AnalysisResultJsonTests
{
    private static readonly ReaderOptions s_strict = ReaderOptions.Default.WithStrict(true);

    public static KanoResult KanoResultSample() => KanoSample().Evaluate();

    // "training" is never compared, so the sample needs virtual ties.
    public static BradleyTerryResult BradleyTerrySample() => BradleyTerry.Fit(PairwiseSample(), BradleyTerryOptions.Default.WithVirtualTies(0.5));

    public static PlackettLuceResult PlackettLuceSample() => PlackettLuce.Fit(BallotsSample().Candidates, BallotsSample().Ballots, PlackettLuceOptions.Default.WithVirtualTies(1));

    // The hand-worked example of ElectreTests (our own): kernel {P, R}.
    public static ElectreResult ElectreSample() => Electre.Kernel(
        new CandidateSet([
            new Candidate("P", [new("a", 8), new("b", 6), new("c", 7)]),
            new Candidate("Q", [new("a", 6), new("b", 7), new("c", 5)]),
            new Candidate("R", [new("a", 9), new("b", 3), new("c", 6)]),
            new Candidate("S", [new("a", 4), new("b", 4), new("c", 4)]),
        ]),
        [Criterion.Benefit("a", 2), Criterion.Benefit("b", 1), Criterion.Benefit("c", 1)],
        0.7,
        0.3);

    // The same four candidates sorted on a (benefit) and b (cost): R is best on both; then P and S; Q is dominated by P.
    public static ParetoResult ParetoSample() => Pareto.Sort(ElectreSample().Candidates, [Criterion.Benefit("a", 1), Criterion.Cost("b", 1)]);

    [Fact]
    public void Samples_MatchGoldenFiles()
    {
        Assert.Equal(["P", "R"], ElectreSample().Kernel.ToArray());
        Assert.Equal(["R", "P", "S", "Q"], ParetoSample().Ids.ToArray());
        SerializationSamples.AssertGolden("kano-result.usm-model.json", UsmJson.WriteKanoResult(KanoResultSample()));
        SerializationSamples.AssertGolden("bradley-terry-result.usm-model.json", UsmJson.WriteBradleyTerryResult(BradleyTerrySample()));
        SerializationSamples.AssertGolden("plackett-luce-result.usm-model.json", UsmJson.WritePlackettLuceResult(PlackettLuceSample()));
        SerializationSamples.AssertGolden("electre-result.usm-model.json", UsmJson.WriteElectreResult(ElectreSample()));
        SerializationSamples.AssertGolden("pareto-result.usm-model.json", UsmJson.WriteParetoResult(ParetoSample()));
    }

    [Fact]
    public void GoldenFiles_ReadBackAsTheSamples()
    {
        var kano = UsmJson.ReadKanoResult(Golden("kano-result"), s_strict);
        var bt = UsmJson.ReadBradleyTerryResult(Golden("bradley-terry-result"), s_strict);
        var pl = UsmJson.ReadPlackettLuceResult(Golden("plackett-luce-result"), s_strict);
        var electre = UsmJson.ReadElectreResult(Golden("electre-result"), s_strict);

        Assert.True(kano.IsSuccess, string.Join("\n", kano.Errors));
        Assert.True(bt.IsSuccess, string.Join("\n", bt.Errors));
        Assert.True(pl.IsSuccess, string.Join("\n", pl.Errors));
        Assert.True(electre.IsSuccess, string.Join("\n", electre.Errors));
        Assert.True(Same(KanoResultSample(), kano.Value));
        Assert.True(Same(BradleyTerrySample(), bt.Value));
        Assert.True(Same(PlackettLuceSample(), pl.Value));
        Assert.True(Same(ElectreSample(), electre.Value));
    }

    [Fact]
    public void Streams_ReadLikeText()
    {
        static MemoryStream Open(string kind) => new(Encoding.UTF8.GetBytes(Golden(kind)));

        Assert.True(UsmJson.ReadKanoResult(Open("kano-result")).IsSuccess);
        Assert.True(UsmJson.ReadBradleyTerryResult(Open("bradley-terry-result")).IsSuccess);
        Assert.True(UsmJson.ReadPlackettLuceResult(Open("plackett-luce-result")).IsSuccess);
        Assert.True(UsmJson.ReadElectreResult(Open("electre-result")).IsSuccess);
    }

    [Fact]
    public void GeneratedKanoResults_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Surveys(), c =>
        {
            var result = new KanoSurvey(c.Responses).Evaluate();
            var json = UsmJson.WriteKanoResult(result);
            var back = UsmJson.ReadKanoResult(json, s_strict);
            return back.IsSuccess && Same(result, back.Value) && UsmJson.WriteKanoResult(back.Value) == json;
        }), maxTest: 500);
    }

    [Fact]
    public void GeneratedBradleyTerryFits_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(AnalysisJsonArbitraries.BradleyTerryCases(), c =>
        {
            var result = BradleyTerry.Fit(c.Profile, c.Options);
            var json = UsmJson.WriteBradleyTerryResult(result);
            var back = UsmJson.ReadBradleyTerryResult(json, s_strict);
            return back.IsSuccess && Same(result, back.Value) && UsmJson.WriteBradleyTerryResult(back.Value) == json;
        }), maxTest: 300);
    }

    [Fact]
    public void GeneratedPlackettLuceFits_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(PlackettLuceArbitraries.Any(), c =>
        {
            var result = PlackettLuce.Fit(c.Candidates, c.Ballots.Where(b => b.RankedCount > 0), c.Options.WithVirtualTies(c.Seed % 2 == 0 ? 0.5 : 2));
            var json = UsmJson.WritePlackettLuceResult(result);
            var back = UsmJson.ReadPlackettLuceResult(json, s_strict);
            return back.IsSuccess && Same(result, back.Value) && UsmJson.WritePlackettLuceResult(back.Value) == json;
        }), maxTest: 300);
    }

    [Fact]
    public void GeneratedElectreResults_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(AnalysisJsonArbitraries.ElectreCases(), c =>
        {
            var result = Electre.Kernel(c.Case.Set, c.Case.Criteria, c.Concordance, c.Discordance);
            var json = UsmJson.WriteElectreResult(result);
            var back = UsmJson.ReadElectreResult(json, s_strict);
            return back.IsSuccess && Same(result, back.Value) && UsmJson.WriteElectreResult(back.Value) == json;
        }), maxTest: 300);
    }

    [Fact]
    public void ParetoGoldenFile_ReadsBackAsTheSample_AndATamperedFrontIsCaught()
    {
        var golden = Golden("pareto-result");
        var back = UsmJson.ReadParetoResult(golden, s_strict);
        var tampered = UsmJson.ReadParetoResult(Mutations.ReplaceFirst(golden, "\"fronts\": [\n      [\n        \"", "\"fronts\": [\n      [\n        \"S\", \""));

        Assert.True(back.IsSuccess, string.Join("\n", back.Errors));
        Assert.True(Same(ParetoSample(), back.Value));
        Assert.Contains(tampered.Errors, e => (e.Code, e.Path) == (ReadErrorCode.InvalidValue, "$.pareto-result.fronts[0]"));
    }

    [Fact]
    public void GeneratedParetoSorts_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(ParetoArbitraries.Arbitrary(), c =>
        {
            if (c.Ids.Length == 0)
            {
                return true; // An empty set has no criterion columns to write (see docs/interchange.md).
            }

            var result = Pareto.Sort(c.ToSet(), c.Criteria());
            var json = UsmJson.WriteParetoResult(result);
            var back = UsmJson.ReadParetoResult(json, s_strict);
            return back.IsSuccess && Same(result, back.Value) && UsmJson.WriteParetoResult(back.Value) == json;
        }), maxTest: 300);
    }

    [Theory]
    [InlineData("\"respondents\": 3", "\"respondents\": 4", ReadErrorCode.InvalidValue, "$.kano-result.features[0].respondents")]
    [InlineData("\"category\": \"must-be\"", "\"category\": \"attractive\"", ReadErrorCode.InvalidValue, "$.kano-result.features[0].category")]
    [InlineData("\"category\": \"must-be\"", "\"category\": \"delighter\"", ReadErrorCode.UnknownEnumValue, "$.kano-result.features[0].category")]
    [InlineData("\"reverse\": 0", "\"reverse\": -1", ReadErrorCode.NumberOutOfRange, "$.kano-result.features[0].reverse")]
    [InlineData("\"feature-id\": \"self-service\"", "\"feature-id\": \"chat\"", ReadErrorCode.DuplicateId, "$.kano-result.features[1].feature-id")]
    [InlineData("\"feature-id\": \"self-service\"", "\"feature-id\": \"a\"", ReadErrorCode.InvalidValue, "$.kano-result.features[1].feature-id")]
    public void BrokenKanoMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path) =>
        AssertSingleError(UsmJson.ReadKanoResult(Mutations.ReplaceFirst(Golden("kano-result"), find, replace)).Errors, code, path);

    [Theory]
    [InlineData("\"rank\": 1", "\"rank\": 2", ReadErrorCode.InvalidValue, "$.bradley-terry-result.standings[0].rank")]
    [InlineData("\"wins\": 3", "\"wins\": 4", ReadErrorCode.InvalidValue, "$.bradley-terry-result.standings[1].wins")]
    [InlineData("\"virtual-ties\": 0.5", "\"virtual-ties\": 0", ReadErrorCode.InvalidValue, "$.bradley-terry-result.profile")]
    [InlineData("\"virtual-ties\": 0.5", "\"virtual-ties\": -1", ReadErrorCode.InvalidValue, "$.bradley-terry-result.options")]
    [InlineData("\"converged\": true", "\"converged\": \"yes\"", ReadErrorCode.WrongType, "$.bradley-terry-result.converged")]
    [InlineData("\"outcome\": \"tie\"", "\"outcome\": \"draw\"", ReadErrorCode.UnknownEnumValue, "$.bradley-terry-result.profile.comparisons[2].outcome")]
    // Found by review: the fit stops only when it converges or at the cap, and runs at least once for two or more candidates.
    [InlineData("\"converged\": true", "\"converged\": false", ReadErrorCode.InvalidValue, "$.bradley-terry-result.converged")]
    [InlineData("\"iterations\": 66", "\"iterations\": 0", ReadErrorCode.InvalidValue, "$.bradley-terry-result.iterations")]
    public void BrokenBradleyTerryMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path) =>
        AssertSingleError(UsmJson.ReadBradleyTerryResult(Mutations.ReplaceFirst(Golden("bradley-terry-result"), find, replace)).Errors, code, path);

    [Fact]
    public void SingleCandidateFit_RecordsNoIteration()
    {
        // Found by review: one candidate is converged before the first iteration, so a record of one is impossible.
        var json = UsmJson.WriteBradleyTerryResult(BradleyTerry.Fit(new PairwiseProfile(["only"], [])));
        Assert.True(UsmJson.ReadBradleyTerryResult(json, s_strict).IsSuccess);

        AssertSingleError(UsmJson.ReadBradleyTerryResult(Mutations.ReplaceFirst(json, "\"iterations\": 0", "\"iterations\": 1")).Errors, ReadErrorCode.InvalidValue, "$.bradley-terry-result.iterations");
    }

    [Fact]
    public void TamperedStrengths_AreCaught()
    {
        var sample = BradleyTerrySample();
        var first = sample.Candidates[0];
        var golden = Golden("bradley-terry-result");

        // Doubling one strength breaks the geometric mean; swapping two standings' ids breaks the order.
        var doubled = Mutations.ReplaceFirst(golden, "\"strength\": " + Num(first.Strength), "\"strength\": " + Num(first.Strength * 2));
        AssertSingleError(UsmJson.ReadBradleyTerryResult(doubled).Errors, ReadErrorCode.InvalidValue, "$.bradley-terry-result.standings");
        var swapped = Mutations.ReplaceFirst(golden, "\"id\": \"" + first.Id + "\"", "\"id\": \"" + sample.Candidates[1].Id + "\"");
        AssertSingleError(UsmJson.ReadBradleyTerryResult(swapped).Errors, ReadErrorCode.DuplicateId, "$.bradley-terry-result.standings[1].id");
    }

    [Theory]
    [InlineData("\"unranked\": \"below-ranked\"", "\"unranked\": \"ignored\"", ReadErrorCode.UnknownEnumValue, "$.plackett-luce-result.options.unranked")]
    [InlineData("\"unranked\": \"below-ranked\"", "\"unranked\": \"absent\"", ReadErrorCode.InvalidValue, "$.plackett-luce-result.log-likelihood")]
    [InlineData("\"position\": 2", "\"position\": 3", ReadErrorCode.InvalidValue, "$.plackett-luce-result.standings[1].position")]
    [InlineData("\"iterations\": ", "\"iterations\": 1000000000, \"x\": ", ReadErrorCode.InvalidValue, "$.plackett-luce-result.iterations")]
    [InlineData("\"converged\": true", "\"converged\": false", ReadErrorCode.InvalidValue, "$.plackett-luce-result.converged")]
    [InlineData("\"iterations\": 40", "\"iterations\": 0", ReadErrorCode.InvalidValue, "$.plackett-luce-result.iterations")]
    public void BrokenPlackettLuceMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var errors = UsmJson.ReadPlackettLuceResult(Mutations.ReplaceFirst(Golden("plackett-luce-result"), find, replace)).Errors;

        Assert.Contains(errors, e => (e.Code, e.Path) == (code, path));
    }

    [Theory]
    [InlineData("\"concordance-threshold\": 0.7", "\"concordance-threshold\": 1.5", ReadErrorCode.NumberOutOfRange, "$.electre-result.concordance-threshold")]
    [InlineData("\"concordance-threshold\": 0.7", "\"concordance-threshold\": 0.2", ReadErrorCode.InvalidValue, "$.electre-result.kernel")]
    [InlineData("\"discordance-scale\": 5", "\"discordance-scale\": 4", ReadErrorCode.InvalidValue, "$.electre-result.discordance-scale")]
    [InlineData("\"kind\": \"benefit\"", "\"kind\": \"gain\"", ReadErrorCode.UnknownEnumValue, "$.electre-result.criteria[0].kind")]
    [InlineData("\"name\": \"c\"", "\"name\": \"d\"", ReadErrorCode.InvalidValue, "$.electre-result.criteria")]
    public void BrokenElectreMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var errors = UsmJson.ReadElectreResult(Mutations.ReplaceFirst(Golden("electre-result"), find, replace)).Errors;

        Assert.Contains(errors, e => (e.Code, e.Path) == (code, path));
    }

    [Fact]
    public void TamperedRelation_IsCaughtAtTheEntry()
    {
        var json = Mutations.ReplaceFirst(Golden("electre-result"), "\"outranks\": [\n          \"Q\",", "\"outranks\": [\n          \"R\",\n          \"Q\",");

        AssertSingleError(UsmJson.ReadElectreResult(json).Errors, ReadErrorCode.InvalidValue, "$.electre-result.relation[0].outranks");
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        Mutations.EveryMutationEndsInAResult(Golden("kano-result"), s => UsmJson.ReadKanoResult(s), (t, o) => UsmJson.ReadKanoResult(t, o), maxTest: 200);
        Mutations.EveryMutationEndsInAResult(Golden("bradley-terry-result"), s => UsmJson.ReadBradleyTerryResult(s), (t, o) => UsmJson.ReadBradleyTerryResult(t, o), maxTest: 200);
        Mutations.EveryMutationEndsInAResult(Golden("plackett-luce-result"), s => UsmJson.ReadPlackettLuceResult(s), (t, o) => UsmJson.ReadPlackettLuceResult(t, o), maxTest: 200);
        Mutations.EveryMutationEndsInAResult(Golden("electre-result"), s => UsmJson.ReadElectreResult(s), (t, o) => UsmJson.ReadElectreResult(t, o), maxTest: 200);
    }

    private static void AssertSingleError(IEnumerable<ReadError> errors, ReadErrorCode code, string path)
    {
        var error = Assert.Single(errors);
        Assert.Equal((code, path), (error.Code, error.Path));
    }

    private static string Num(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    internal static bool Same(KanoResult a, KanoResult b) =>
        a.Features.Length == b.Features.Length
        && a.Features.Zip(b.Features).All(p => p.First.ToString() == p.Second.ToString() && p.First.Explanation.Summary == p.Second.Explanation.Summary
            && p.First.TiedCategories.SequenceEqual(p.Second.TiedCategories) && Nullable.Equals(p.First.Better, p.Second.Better) && Nullable.Equals(p.First.Worse, p.Second.Worse))
        && a.Ranked.Select(f => f.FeatureId).SequenceEqual(b.Ranked.Select(f => f.FeatureId));

    internal static bool Same(BradleyTerryResult a, BradleyTerryResult b) =>
        AnalysisInputJsonTests.Same(a.Profile, b.Profile) && a.Options.Tolerance.Equals(b.Options.Tolerance) && a.Options.MaxIterations == b.Options.MaxIterations
        && a.Options.VirtualTies.Equals(b.Options.VirtualTies) && a.Iterations == b.Iterations && a.Converged == b.Converged
        && a.Candidates.Zip(b.Candidates).All(p => p.First.Id == p.Second.Id && p.First.Strength.Equals(p.Second.Strength) && p.First.Rank == p.Second.Rank
            && p.First.ExpectedWins.Equals(p.Second.ExpectedWins) && p.First.Explanation.Summary == p.Second.Explanation.Summary)
        && a.Candidates.Length == b.Candidates.Length;

    internal static bool Same(PlackettLuceResult a, PlackettLuceResult b) =>
        a.CandidateIds.SequenceEqual(b.CandidateIds) && a.Ballots.SequenceEqual(b.Ballots) && a.Options.Unranked == b.Options.Unranked
        && a.Options.VirtualTies.Equals(b.Options.VirtualTies) && a.Options.Tolerance.Equals(b.Options.Tolerance) && a.Iterations == b.Iterations
        && a.Converged == b.Converged && a.LogLikelihood.Equals(b.LogLikelihood) && a.Candidates.Length == b.Candidates.Length
        && a.Candidates.Zip(b.Candidates).All(p => p.First.Id == p.Second.Id && p.First.Worth.Equals(p.Second.Worth) && p.First.Rank == p.Second.Rank
            && p.First.Chosen.Equals(p.Second.Chosen) && p.First.ExpectedChoices.Equals(p.Second.ExpectedChoices) && p.First.Explanation.Summary == p.Second.Explanation.Summary);

    internal static bool Same(ParetoResult a, ParetoResult b) =>
        a.Candidates.Candidates.SequenceEqual(b.Candidates.Candidates) && a.Criteria.SequenceEqual(b.Criteria)
        && a.Fronts.Length == b.Fronts.Length && a.Fronts.Zip(b.Fronts).All(p => p.First.Ids.SequenceEqual(p.Second.Ids))
        && a.Items.Zip(b.Items).All(p => p.First.Explanation.Summary == p.Second.Explanation.Summary);

    internal static bool Same(ElectreResult a, ElectreResult b)
    {
        var ids = a.Candidates.Ids;
        return ids.SequenceEqual(b.Candidates.Ids) && a.Candidates.Candidates.SequenceEqual(b.Candidates.Candidates) && a.Criteria.SequenceEqual(b.Criteria)
            && a.ConcordanceThreshold.Equals(b.ConcordanceThreshold) && a.DiscordanceThreshold.Equals(b.DiscordanceThreshold) && a.DiscordanceScale.Equals(b.DiscordanceScale)
            && a.Kernel.SequenceEqual(b.Kernel) && a.OutrankingCount == b.OutrankingCount
            && ids.All(x => ids.All(y => a.Outranks(x, y) == b.Outranks(x, y) && a.Concordance(x, y).Equals(b.Concordance(x, y)) && a.Discordance(x, y).Equals(b.Discordance(x, y))))
            && ids.All(x => a.Explain(x).Summary == b.Explain(x).Summary);
    }
}
