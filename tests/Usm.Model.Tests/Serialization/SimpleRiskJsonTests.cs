using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>The SimpleRisk method in the interchange format: the agreed mechanism's descriptor and the ranking document.</summary>
public class SimpleRiskJsonTests
{
    private const string MethodPath = "$.improvement-programme.agreement.mechanism.method";

    private static string Programme(RankingMethod method) =>
        UsmJson.WriteImprovementProgramme(new ImprovementProgramme("ip", "P").AgreeMechanism(new RankingMechanism(method), new LocalDate(2026, 1, 1)));

    [Fact]
    public void EveryFormula_RoundTrips_WithItsScalesAndCriteria()
    {
        foreach (var formula in SimpleRiskArbitraries.Formulas)
        {
            var method = RankingMethod.SimpleRisk(formula, RiskCandidates.Likelihood, RiskCandidates.Effect, 4, 7);
            var json = Programme(method);

            var back = UsmJson.ReadImprovementProgramme(json, ReaderOptions.Default.WithStrict(true));

            Assert.True(back.IsSuccess, string.Join("\n", back.Errors));
            var read = Assert.IsType<SimpleRiskMethod>(Assert.IsType<RankingMechanism>(back.Value.Agreement!.Mechanism).Method);
            Assert.Equal((formula, RiskCandidates.Likelihood, RiskCandidates.Effect, 4, 7, method.Name), (read.Formula, read.LikelihoodCriterion, read.ImpactCriterion, read.MaxLikelihood, read.MaxImpact, read.Name));
            Assert.Equal(json, Programme(read));
        }
    }

    [Fact]
    public void Descriptor_NamesTheMethodAndItsParameters()
    {
        using var document = JsonDocument.Parse(Programme(RankingMethod.SimpleRisk(SimpleRiskFormula.ContributingRisk, "l", "i", 4, 3)));
        var method = document.RootElement.GetProperty("improvement-programme").GetProperty("agreement").GetProperty("mechanism").GetProperty("method");

        Assert.Equal("simplerisk", method.GetProperty("kind").GetString());
        Assert.Equal("SimpleRisk Contributing Risk", method.GetProperty("name").GetString());
        Assert.Equal("contributing-risk", method.GetProperty("formula").GetString());
        Assert.Equal(("l", "i", 4, 3), (method.GetProperty("likelihood-criterion").GetString(), method.GetProperty("impact-criterion").GetString(), method.GetProperty("max-likelihood").GetInt32(), method.GetProperty("max-impact").GetInt32()));
    }

    [Fact]
    public void MissingMaxima_ReadAsSimpleRisksDefaultOfFive()
    {
        var json = Programme(RankingMethod.SimpleRisk(SimpleRiskFormula.Owasp, "l", "i", 4, 3));
        json = Regex.Replace(json, @",\s*""max-(likelihood|impact)"": \d+", string.Empty);
        Assert.DoesNotContain("max-", json, StringComparison.Ordinal);

        var read = (SimpleRiskMethod)((RankingMechanism)UsmJson.ReadImprovementProgramme(json).Value.Agreement!.Mechanism).Method;

        Assert.Equal((5, 5), (read.MaxLikelihood, read.MaxImpact));
    }

    [Theory]
    [InlineData("\"formula\": \"owasp\"", "\"formula\": \"owasp-2013\"", MethodPath + ".formula", ReadErrorCode.UnknownEnumValue)]
    [InlineData("\"formula\": \"owasp\",", "", MethodPath + ".formula", ReadErrorCode.MissingMember)]
    [InlineData("\"max-likelihood\": 4", "\"max-likelihood\": 0", MethodPath + ".max-likelihood", ReadErrorCode.InvalidValue)]
    [InlineData("\"max-likelihood\": 4", "\"max-likelihood\": -2", MethodPath + ".max-likelihood", ReadErrorCode.InvalidValue)]
    [InlineData("\"max-impact\": 3", "\"max-impact\": 10001", MethodPath + ".max-impact", ReadErrorCode.InvalidValue)]
    [InlineData("\"max-impact\": 3", "\"max-impact\": \"3\"", MethodPath + ".max-impact", ReadErrorCode.WrongType)]
    [InlineData("\"max-impact\": 3", "\"max-impact\": 2.5", MethodPath + ".max-impact", ReadErrorCode.InvalidValue)]
    [InlineData("\"impact-criterion\": \"i\"", "\"impact-criterion\": \"l\"", MethodPath, ReadErrorCode.InvalidValue)]
    [InlineData("\"likelihood-criterion\": \"l\",", "", MethodPath + ".likelihood-criterion", ReadErrorCode.MissingMember)]
    [InlineData("\"impact-criterion\": \"i\"", "\"impact-criterion\": null", MethodPath + ".impact-criterion", ReadErrorCode.MissingMember)]
    [InlineData("\"impact-criterion\": \"i\"", "\"impact-criterion\": \" \"", MethodPath, ReadErrorCode.InvalidValue)]
    [InlineData("\"kind\": \"simplerisk\"", "\"kind\": \"simple-risk\"", MethodPath + ".kind", ReadErrorCode.UnknownEnumValue)]
    public void BadValues_AreReportedAtTheirPath(string find, string replace, string path, ReadErrorCode code)
    {
        var json = Mutations.ReplaceFirst(Programme(RankingMethod.SimpleRisk(SimpleRiskFormula.Owasp, "l", "i", 4, 3)), find, replace);

        var result = UsmJson.ReadImprovementProgramme(json);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Code == code && e.Path == path);
    }

    [Fact]
    public void SameCriterionTwice_IsReportedWithTheLibrarysReason()
    {
        var json = Mutations.ReplaceFirst(Programme(RankingMethod.SimpleRisk(SimpleRiskFormula.Dread, "l", "i")), "\"impact-criterion\": \"i\"", "\"impact-criterion\": \"l\"");

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(json).Errors);

        Assert.Contains("'l' is named as both likelihood and impact", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rankings_RoundTripThroughTheRankingDocument()
    {
        PropertyCheck.Run(Prop.ForAll(SimpleRiskArbitraries.MethodCandidatesAndShuffle(), x =>
        {
            var set = new CandidateSet(x.Original);
            return new[] { Prioritiser.Rank(set, x.Method), Prioritiser.Top(set, x.Method, Math.Max(1, set.Count / 2)) }.All(ranking =>
            {
                var json = UsmJson.WriteRanking(ranking);
                var back = UsmJson.ReadRanking(json, ReaderOptions.Default.WithStrict(true));
                return back.IsSuccess && RankingJsonTests.Same(ranking, back.Value) && back.Value.Method is SimpleRiskMethod && UsmJson.WriteRanking(back.Value) == json;
            });
        }), maxTest: 200);
    }

    [Fact]
    public void RankingDocument_WithAnotherFormula_IsReportedAtTheMethodName()
    {
        var set = new CandidateSet([new Candidate("R-1", [KeyValuePair.Create("l", 4.0), KeyValuePair.Create("i", 3.0)])]);
        var json = UsmJson.WriteRanking(Prioritiser.Rank(set, RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "l", "i")));

        var errors = UsmJson.ReadRanking(Mutations.ReplaceFirst(json, "\"formula\": \"classic\"", "\"formula\": \"dread\"")).Errors;

        Assert.Contains(errors, e => e.Code == ReadErrorCode.InvalidValue && e.Path == "$.ranking.method.name");
    }

    [Fact]
    public void WriteRanking_CarriesTheDescriptorAndTheExplanations()
    {
        var set = new CandidateSet(
        [
            new Candidate("R-1", [KeyValuePair.Create("l", 4.0), KeyValuePair.Create("i", 3.0)]),
            new Candidate("R-2", [KeyValuePair.Create("l", 5.0), KeyValuePair.Create("i", 5.0)]),
        ]);
        var ranking = Prioritiser.Rank(set, RankingMethod.SimpleRisk(SimpleRiskFormula.Classic, "l", "i"));

        using var document = JsonDocument.Parse(UsmJson.WriteRanking(ranking));
        var root = document.RootElement.GetProperty("ranking");

        Assert.Equal("classic", root.GetProperty("method").GetProperty("formula").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["R-2", "R-1"], items.Select(e => e.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(10.0, items[0].GetProperty("score").GetDouble());
        Assert.Equal(ranking.Items[1].Explanation.Summary, items[1].GetProperty("explanation").GetProperty("summary").GetString());
    }
}
