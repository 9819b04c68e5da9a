using System.Text.Json.Nodes;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

namespace Usm.Model.Tests.Serialization;

/// <summary>
/// Every ranking method's descriptor in the improvement programme and in the ranking document: a member that is
/// missing or null is reported as a missing member at its own JSON path, for every method kind, never as a factory's
/// bare "Value cannot be null" at the method.
/// </summary>
public class MethodDescriptorTests
{
    private const string ProgrammeMethodPath = "$.improvement-programme.agreement.mechanism.method";

    // One method of every kind the reader knows, each with its optional criteria set, and the members it cannot do
    // without. A member not listed is optional: the document still reads without it.
    public static TheoryData<string, string[]> Methods() => new()
    {
        { "weighted-sum", ["criteria", "normalisation"] },
        { "topsis", ["criteria", "normalisation"] },
        { "expected-value", ["probability-criterion", "impact-criterion"] },
        { "risk-matrix", ["effect-criterion", "likelihood-criterion"] },
        { "rice", ["reach-criterion", "impact-criterion", "confidence-criterion"] },
        { "ice", ["impact-criterion", "confidence-criterion", "ease-criterion", "convention"] },
        { "wsjf", ["cost-of-delay-components"] },
        { "cd3", ["cost-of-delay-criterion"] },
        { "simplerisk", ["likelihood-criterion", "impact-criterion", "formula"] },
        { "moscow", ["category-criterion"] },
        { "promethee", ["criteria"] },
        { "weighted-product", ["criteria"] },
        { "waspas", ["criteria"] },
        { "vikor", ["criteria"] },
        { "mabac", ["criteria"] },
        { "moora-ratio", ["criteria"] },
        { "moora-reference-point", ["criteria"] },
        { "moora-multiplicative", ["criteria"] },
        { "multimoora", ["criteria"] },
        { "spotis", ["criteria", "bounds"] },
        { "edas", ["criteria"] },
        { "codas", ["criteria"] },
        { "copras", ["criteria"] },
        { "aras", ["criteria"] },
    };

    private static RankingMethod Sample(string kind) => kind switch
    {
        "weighted-sum" => RankingMethod.WeightedSum([new Criterion("v", CriterionKind.Benefit, 2), new Criterion("e", CriterionKind.Cost, 1)]),
        "topsis" => RankingMethod.Topsis([new Criterion("v", CriterionKind.Benefit, 2), new Criterion("e", CriterionKind.Cost, 1)]),
        "expected-value" => RankingMethod.ExpectedValue("p", "i"),
        "risk-matrix" => RankingMethod.RiskMatrix("e", "l", [[1, 1, 2], [1, 2, 3], [2, 3, 3]], "w"),
        "rice" => RankingMethod.Rice("r", "i", "c", "e"),
        "ice" => RankingMethod.Ice("i", "c", "e", IceConvention.Product),
        "wsjf" => RankingMethod.Wsjf(["v", "t"], "s"),
        "cd3" => RankingMethod.Cd3("cod", "d"),
        "simplerisk" => RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "l", "i"),
        "moscow" => RankingMethod.Moscow("moscow", "value"),
        "promethee" => RankingMethod.Promethee([Criterion.Benefit("v", 2), Criterion.Cost("e", 1), Criterion.Benefit("u", 1)], [new("v", PreferenceFunction.Linear(1, 3)), new("e", PreferenceFunction.Gaussian(2))]),
        "weighted-product" => RankingMethod.WeightedProduct([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        "waspas" => RankingMethod.Waspas([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)], 0.25),
        "vikor" => RankingMethod.Vikor([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)], 0.75),
        "mabac" => RankingMethod.Mabac([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        "moora-ratio" => RankingMethod.MooraRatio([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        "moora-reference-point" => RankingMethod.MooraReferencePoint([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        "moora-multiplicative" => RankingMethod.MooraMultiplicative([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        "multimoora" => RankingMethod.Multimoora([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        "spotis" => RankingMethod.Spotis([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)], [new("e", new SpotisBounds(0, 10)), new("v", new SpotisBounds(-1, 10.5))]),
        "edas" => RankingMethod.Edas([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        "codas" => RankingMethod.Codas([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)], 0.05),
        "copras" => RankingMethod.Copras([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        "aras" => RankingMethod.Aras([Criterion.Benefit("v", 2), Criterion.Cost("e", 1)]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No sample method of that kind."),
    };

    private static string Programme(RankingMethod method) =>
        UsmJson.WriteImprovementProgramme(new ImprovementProgramme("ip", "P").AgreeMechanism(new RankingMechanism(method), new LocalDate(2026, 1, 1)));

    private static JsonObject MethodNode(JsonNode root) => root["improvement-programme"]!["agreement"]!["mechanism"]!["method"]!.AsObject();

    [Theory]
    [MemberData(nameof(Methods))]
    public void SampleOfEveryKind_IsWrittenWithThatKind_AndReadsBack(string kind, string[] required)
    {
        var json = Programme(Sample(kind));
        var method = MethodNode(JsonNode.Parse(json)!);

        Assert.Equal(kind, (string?)method["kind"]);
        Assert.All(required, member => Assert.True(method.ContainsKey(member), $"'{kind}' is written without '{member}'."));
        var back = UsmJson.ReadImprovementProgramme(json, ReaderOptions.Default.WithStrict(true));
        Assert.True(back.IsSuccess, string.Join("\n", back.Errors));
        Assert.Equal(json, Programme(((RankingMechanism)back.Value.Agreement!.Mechanism).Method));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void EveryMember_LeftOutOrNull_IsReportedAtItsPath_OrIsOptional(string kind, string[] required)
    {
        var json = Programme(Sample(kind));
        var members = MethodNode(JsonNode.Parse(json)!).Select(p => p.Key).Where(k => k is not "kind" and not "name").ToList();
        Assert.Superset(required.ToHashSet(), members.ToHashSet());

        foreach (var member in members)
        {
            foreach (var asNull in new[] { false, true })
            {
                var root = JsonNode.Parse(json)!;
                if (asNull)
                {
                    MethodNode(root)[member] = null;
                }
                else
                {
                    MethodNode(root).Remove(member);
                }

                var result = UsmJson.ReadImprovementProgramme(root.ToJsonString());
                var what = $"'{kind}' with '{member}' {(asNull ? "null" : "left out")}";
                Assert.DoesNotContain(result.Errors, e => e.Message.Contains("cannot be null", StringComparison.Ordinal));
                if (required.Contains(member))
                {
                    Assert.False(result.IsSuccess, what + " was read.");
                    var error = Assert.Single(result.Errors);
                    Assert.Equal((ReadErrorCode.MissingMember, $"{ProgrammeMethodPath}.{member}"), (error.Code, error.Path));
                }
                else
                {
                    Assert.True(result.IsSuccess, what + ": " + string.Join("\n", result.Errors));
                }
            }
        }
    }

    [Fact]
    public void EveryMethodKindTheReaderKnows_HasASample()
    {
        Assert.Equal(ProgrammeNamesKinds().Order(StringComparer.Ordinal), Methods().Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    // The kinds the reader names in its "expected one of ..." message for an unknown kind.
    private static IEnumerable<string> ProgrammeNamesKinds()
    {
        var root = JsonNode.Parse(Programme(Sample("cd3")))!;
        MethodNode(root)["kind"] = "no-such-kind";
        var message = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors).Message;
        var list = message[(message.IndexOf("expected one of ", StringComparison.Ordinal) + "expected one of ".Length)..].TrimEnd(')', '.');
        return list.Split(", ");
    }

    [Theory]
    [InlineData("waspas", "lambda", 1.5)]
    [InlineData("waspas", "lambda", -0.25)]
    [InlineData("vikor", "v", 2.0)]
    [InlineData("codas", "tau", 1.5)]
    [InlineData("codas", "tau", -0.01)]
    public void AShareOutside0To1_IsInvalidAtItsPath(string kind, string member, double value)
    {
        var root = JsonNode.Parse(Programme(Sample(kind)))!;
        MethodNode(root)[member] = value;

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, $"{ProgrammeMethodPath}.{member}"), (error.Code, error.Path));
        Assert.Contains("must be from 0 to 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vikor", "lambda", 0.5, "waspas")]
    [InlineData("waspas", "v", 0.5, "vikor")]
    [InlineData("weighted-sum", "tau", 0.05, "codas")]
    [InlineData("cd3", "max-likelihood", 5, "simplerisk")]
    [InlineData("codas", "max-impact", 5, "simplerisk")]
    public void AnotherMethodsParameter_IsInvalidAtItsPath_NotDropped(string kind, string member, double value, string owner)
    {
        // The schemas bound these members whatever the kind; the reader used to ignore them under another kind, so a
        // document could pass the reader and fail the schema, and a WASPAS method under the wrong kind lost its λ silently.
        var root = JsonNode.Parse(Programme(Sample(kind)))!;
        MethodNode(root)[member] = value;

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, $"{ProgrammeMethodPath}.{member}"), (error.Code, error.Path));
        Assert.Equal($"The {kind} method takes no '{member}' (it was {value}); remove it, or use the {owner} method, which takes it.", error.Message);
    }

    [Theory]
    [InlineData("waspas")]
    [InlineData("vikor")]
    public void AMissingShare_ReadsAsTheFactoriesDefault(string kind)
    {
        var root = JsonNode.Parse(Programme(Sample(kind)))!;
        MethodNode(root).Remove(kind == "waspas" ? "lambda" : "v");

        var method = ((RankingMechanism)UsmJson.ReadImprovementProgramme(root.ToJsonString()).Value.Agreement!.Mechanism).Method;

        Assert.Equal(0.5, method is WaspasMethod w ? w.Lambda : ((VikorMethod)method).V);
    }

    [Fact]
    public void AMissingTau_ReadsAsTheCodasDefault()
    {
        var root = JsonNode.Parse(Programme(Sample("codas")))!;
        Assert.Equal(0.05, (double?)MethodNode(root)["tau"]);
        MethodNode(root).Remove("tau");

        var method = ((RankingMechanism)UsmJson.ReadImprovementProgramme(root.ToJsonString()).Value.Agreement!.Mechanism).Method;

        Assert.Equal(0.02, Assert.IsType<CodasMethod>(method).Tau);
    }

    [Fact]
    public void VikorAndWaspasRankings_RoundTripThroughTheRankingDocument()
    {
        var set = new CandidateSet(
        [
            new Candidate("R-1", [KeyValuePair.Create("v", 4.0), KeyValuePair.Create("e", 2.0)]),
            new Candidate("R-2", [KeyValuePair.Create("v", 9.0), KeyValuePair.Create("e", 8.0)]),
            new Candidate("R-3", [KeyValuePair.Create("v", 6.0), KeyValuePair.Create("e", 3.0)]),
        ]);
        foreach (var kind in new[] { "weighted-product", "waspas", "vikor", "edas", "codas", "copras", "aras" })
        {
            var ranking = Prioritiser.Rank(set, Sample(kind));
            var json = UsmJson.WriteRanking(ranking);

            var back = UsmJson.ReadRanking(json, ReaderOptions.Default.WithStrict(true));

            Assert.True(back.IsSuccess, kind + ": " + string.Join("\n", back.Errors));
            Assert.True(RankingJsonTests.Same(ranking, back.Value), kind);
            Assert.Equal(json, UsmJson.WriteRanking(back.Value));
        }
    }

    [Fact]
    public void MabacMooraAndMultimooraRankings_RoundTripThroughTheRankingDocument()
    {
        var set = new CandidateSet(
        [
            new Candidate("R-1", [KeyValuePair.Create("v", 4.0), KeyValuePair.Create("e", 2.0)]),
            new Candidate("R-2", [KeyValuePair.Create("v", 9.0), KeyValuePair.Create("e", 8.0)]),
            new Candidate("R-3", [KeyValuePair.Create("v", 6.0), KeyValuePair.Create("e", 3.0)]),
        ]);
        foreach (var kind in new[] { "mabac", "moora-ratio", "moora-reference-point", "moora-multiplicative", "multimoora", "spotis" })
        {
            var ranking = Prioritiser.Rank(set, Sample(kind));
            var json = UsmJson.WriteRanking(ranking);

            var back = UsmJson.ReadRanking(json, ReaderOptions.Default.WithStrict(true));

            Assert.True(back.IsSuccess, kind + ": " + string.Join("\n", back.Errors));
            Assert.Equal(ranking.Ids, back.Value.Items.Select(i => i.Id));
            Assert.True(RankingJsonTests.Same(ranking, back.Value), kind);
            Assert.Equal(json, UsmJson.WriteRanking(back.Value));
        }
    }

    [Theory]
    [InlineData("criterion", ReadErrorCode.MissingMember, "bounds[1].criterion")]
    [InlineData("min", ReadErrorCode.MissingMember, "bounds[1].min")]
    [InlineData("max", ReadErrorCode.MissingMember, "bounds[1].max")]
    public void SpotisBoundsMember_LeftOut_IsReportedAtItsPath(string member, ReadErrorCode code, string where)
    {
        var root = JsonNode.Parse(Programme(Sample("spotis")))!;
        MethodNode(root)["bounds"]![1]!.AsObject().Remove(member);

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors);

        Assert.Equal((code, $"{ProgrammeMethodPath}.{where}"), (error.Code, error.Path));
    }

    [Fact]
    public void SpotisBadBounds_AreInvalid_NamingTheCriterionOrAtTheirPath()
    {
        var reversed = JsonNode.Parse(Programme(Sample("spotis")))!;
        MethodNode(reversed)["bounds"]![0]!["min"] = 12.0;
        var error = Assert.Single(UsmJson.ReadImprovementProgramme(reversed.ToJsonString()).Errors);
        Assert.Equal((ReadErrorCode.InvalidValue, $"{ProgrammeMethodPath}.bounds[0]"), (error.Code, error.Path));
        Assert.Contains("min < max", error.Message, StringComparison.Ordinal);

        var missing = JsonNode.Parse(Programme(Sample("spotis")))!;
        MethodNode(missing)["bounds"]!.AsArray().RemoveAt(0);
        error = Assert.Single(UsmJson.ReadImprovementProgramme(missing.ToJsonString()).Errors);
        Assert.Equal((ReadErrorCode.InvalidValue, ProgrammeMethodPath), (error.Code, error.Path));
        Assert.Contains("Criterion 'v' has no bounds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoMissingCriteria_AreBothReported()
    {
        var root = JsonNode.Parse(Programme(RankingMethod.Rice("r", "i", "c")))!;
        MethodNode(root).Remove("reach-criterion");
        MethodNode(root)["confidence-criterion"] = null;

        var result = UsmJson.ReadImprovementProgramme(root.ToJsonString());

        Assert.Equal(
            [$"{ProgrammeMethodPath}.confidence-criterion", $"{ProgrammeMethodPath}.reach-criterion"],
            result.Errors.Where(e => e.Code == ReadErrorCode.MissingMember).Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("weight")]
    public void ACriterionsMember_LeftOut_IsReportedAtTheCriterion(string member)
    {
        foreach (var kind in new[] { "weighted-sum", "topsis" })
        {
            var root = JsonNode.Parse(Programme(Sample(kind)))!;
            MethodNode(root)["criteria"]![1]!.AsObject().Remove(member);

            var error = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors);

            Assert.Equal((ReadErrorCode.MissingMember, $"{ProgrammeMethodPath}.criteria[1].{member}"), (error.Code, error.Path));
        }
    }

    [Fact]
    public void EmptyCriteria_OrACriterionNamedTwice_IsInvalidAtTheMethod_WithTheLibrarysReason()
    {
        var empty = JsonNode.Parse(Programme(Sample("weighted-sum")))!;
        MethodNode(empty)["criteria"] = new JsonArray();
        var twice = JsonNode.Parse(Programme(Sample("topsis")))!;
        MethodNode(twice)["criteria"]![1]!["name"] = "v";

        foreach (var root in new[] { empty, twice })
        {
            var error = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors);

            Assert.Equal((ReadErrorCode.InvalidValue, ProgrammeMethodPath), (error.Code, error.Path));
            Assert.DoesNotContain("cannot be null", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PrometheeMechanism_RoundTripsWithEveryShape()
    {
        PreferenceFunction[] shapes = [PreferenceFunction.Usual, PreferenceFunction.UShape(1), PreferenceFunction.VShape(2), PreferenceFunction.Level(1, 3), PreferenceFunction.Linear(0.5, 2.5), PreferenceFunction.Gaussian(1.5)];
        var method = RankingMethod.Promethee(shapes.Select((_, j) => Criterion.Benefit("c" + j, j + 1)), shapes.Select((f, j) => KeyValuePair.Create("c" + j, f)));
        var json = Programme(method);

        var back = UsmJson.ReadImprovementProgramme(json, ReaderOptions.Default.WithStrict(true));

        Assert.True(back.IsSuccess, string.Join("\n", back.Errors));
        var read = Assert.IsType<PrometheeMethod>(Assert.IsType<RankingMechanism>(back.Value.Agreement!.Mechanism).Method);
        Assert.Equal(shapes, read.PreferenceFunctions.ToArray());
        Assert.Equal(method.Criteria.ToArray(), read.Criteria.ToArray());
        Assert.Equal(json, Programme(read));
    }

    [Theory]
    [InlineData("linear", 3.0, 1.0, "preference-functions[0]", "q = 3 must be below")]
    [InlineData("gaussian", null, null, "preference-functions[0].sigma", "missing")]
    [InlineData("v-shape", null, null, "preference-functions[0].preference", "missing")]
    [InlineData("w-shape", null, null, "preference-functions[0].shape", "w-shape")]
    public void PrometheeBadPreferenceFunction_IsReportedAtItsPath(string shape, double? q, double? p, string where, string text)
    {
        var root = JsonNode.Parse(Programme(Sample("promethee")))!;
        var function = new JsonObject { ["criterion"] = "v", ["shape"] = shape, ["indifference"] = q, ["preference"] = p };
        MethodNode(root)["preference-functions"] = new JsonArray(function);

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors);

        Assert.EndsWith(where, error.Path, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v-shape", 1.0, 4.0, null, "preference-functions[0].indifference")]
    [InlineData("usual", 1.0, null, null, "preference-functions[0].indifference")]
    [InlineData("u-shape", 1.0, 4.0, null, "preference-functions[0].preference")]
    [InlineData("gaussian", null, null, 2.0, "preference-functions[0].indifference")]
    [InlineData("linear", 1.0, 4.0, 2.0, "preference-functions[0].sigma")]
    public void PrometheeThresholdTheShapeDoesNotTake_IsAnError_NotSilentlyDropped(string shape, double? q, double? p, double? s, string where)
    {
        // A V-shape with q = 1 is most likely a linear criterion written under the wrong shape; reading it as V-shape(p)
        // and dropping q would change every flow without a word.
        var root = JsonNode.Parse(Programme(Sample("promethee")))!;
        var function = new JsonObject { ["criterion"] = "v", ["shape"] = shape, ["indifference"] = q, ["preference"] = p, ["sigma"] = s };
        if (shape == "gaussian")
        {
            function["indifference"] = 1.0;
        }

        MethodNode(root)["preference-functions"] = new JsonArray(function);

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors);

        Assert.Equal(ReadErrorCode.InvalidValue, error.Code);
        Assert.EndsWith(where, error.Path, StringComparison.Ordinal);
        Assert.Contains(shape, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrometheeFunctionForAnUnknownCriterion_NamesIt()
    {
        var root = JsonNode.Parse(Programme(Sample("promethee")))!;
        MethodNode(root)["preference-functions"]![0]!["criterion"] = "nope";

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(root.ToJsonString()).Errors);

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("method", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void PrometheeRanking_RoundTripsThroughTheRankingDocument()
    {
        var set = new CandidateSet(
        [
            new Candidate("R-1", [KeyValuePair.Create("v", 8.0), KeyValuePair.Create("e", 5.0), KeyValuePair.Create("u", 2.0)]),
            new Candidate("R-2", [KeyValuePair.Create("v", 5.0), KeyValuePair.Create("e", 7.0), KeyValuePair.Create("u", 9.0)]),
            new Candidate("R-3", [KeyValuePair.Create("v", 6.0), KeyValuePair.Create("e", 2.0), KeyValuePair.Create("u", 6.0)]),
        ]);
        var ranking = Prioritiser.Rank(set, Sample("promethee"));
        var json = UsmJson.WriteRanking(ranking);

        var back = UsmJson.ReadRanking(json, ReaderOptions.Default.WithStrict(true));

        Assert.True(back.IsSuccess, string.Join("\n", back.Errors));
        Assert.Equal(ranking.Ids, back.Value.Items.Select(i => i.Id));
        Assert.True(RankingJsonTests.Same(ranking, back.Value));
        Assert.Equal(json, UsmJson.WriteRanking(back.Value));
    }

    [Fact]
    public void MoscowRanking_RoundTripsThroughTheRankingDocument()
    {
        var set = new CandidateSet(
        [
            new Candidate("R-1", [KeyValuePair.Create("moscow", 2.0), KeyValuePair.Create("value", 5.0)]),
            new Candidate("R-2", [KeyValuePair.Create("moscow", 1.0), KeyValuePair.Create("value", 1.0)]),
            new Candidate("R-3", [KeyValuePair.Create("moscow", 2.0), KeyValuePair.Create("value", 9.0)]),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.Moscow("moscow", "value"));
        var json = UsmJson.WriteRanking(ranking);

        var back = UsmJson.ReadRanking(json, ReaderOptions.Default.WithStrict(true));

        Assert.True(back.IsSuccess, string.Join("\n", back.Errors));
        Assert.Equal(["R-2", "R-3", "R-1"], back.Value.Items.Select(i => i.Id));
        Assert.True(RankingJsonTests.Same(ranking, back.Value));
        Assert.Equal(json, UsmJson.WriteRanking(back.Value));
    }

    [Fact]
    public void RankingDocument_ReportsAMissingCriterionAtItsPath()
    {
        var set = new CandidateSet([new Candidate("R-1", [KeyValuePair.Create("p", 0.5), KeyValuePair.Create("i", 3.0)])]);
        var root = JsonNode.Parse(UsmJson.WriteRanking(Prioritiser.Rank(set, RankingMethod.ExpectedValue("p", "i"))))!;
        root["ranking"]!["method"]!.AsObject().Remove("impact-criterion");

        var result = UsmJson.ReadRanking(root.ToJsonString());

        Assert.Contains(result.Errors, e => e.Code == ReadErrorCode.MissingMember && e.Path == "$.ranking.method.impact-criterion");
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("cannot be null", StringComparison.Ordinal));
    }
}
