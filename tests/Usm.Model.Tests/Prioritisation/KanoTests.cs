using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;
using static Usm.Model.Prioritisation.KanoAnswer;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>Kano: the evaluation table, per-feature counts and category, Berger's Better and Worse, the ranking, validation.</summary>
public class KanoTests
{
    // The evaluation table of Berger et al., "Kano's methods for understanding customer-defined quality", Center for
    // Quality of Management Journal 2(4), 1993 (also Sauerwein et al., "The Kano model: how to delight your customers",
    // 1996). Rows: functional answer; columns: dysfunctional answer; both Like, Must-be, Neutral, Live-with, Dislike.
    private static readonly string[] s_table =
    [
        "QAAAO",
        "RIIIM",
        "RIIIM",
        "RIIIM",
        "RRRRQ",
    ];

    private static IEnumerable<KanoResponse> Answers(string feature, int count, KanoAnswer functional, KanoAnswer dysfunctional, int firstRespondent) =>
        Enumerable.Range(firstRespondent, count).Select(r => new KanoResponse(feature, "r" + r.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), functional, dysfunctional));

    [Fact]
    public void Classify_PinsTheWholeEvaluationTable()
    {
        var cells = 0;
        for (var f = 1; f <= 5; f++)
        {
            for (var d = 1; d <= 5; d++)
            {
                var category = Kano.Classify((KanoAnswer)f, (KanoAnswer)d);
                Assert.Equal(s_table[f - 1][d - 1], "MOAIRQ"[(int)category - 1]);
                cells++;
            }
        }

        Assert.Equal(25, cells);
        Assert.Equal(KanoCategory.OneDimensional, Kano.Classify(Like, Dislike));
        Assert.Equal(KanoCategory.Attractive, Kano.Classify(Like, LiveWith));
        Assert.Equal(KanoCategory.MustBe, Kano.Classify(MustBe, Dislike));
        Assert.Equal(KanoCategory.Indifferent, Kano.Classify(Neutral, Neutral));
        Assert.Equal(KanoCategory.Reverse, Kano.Classify(Dislike, Like));
        Assert.Equal(KanoCategory.Questionable, Kano.Classify(Like, Like));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kano.Classify((KanoAnswer)0, Like));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kano.Classify(Like, (KanoAnswer)6));
    }

    [Fact]
    public void Evaluate_HandWorkedExample()
    {
        // Hand-worked (no published survey with raw answers was at hand):
        // "portal", 10 respondents: 4 × (Like, Dislike) = O, 3 × (Like, Neutral) = A, 2 × (Neutral, Dislike) = M,
        //   1 × (Neutral, Neutral) = I. Category O (4, the largest count).
        //   Better = (A + O)/(A + O + M + I) = (3 + 4)/10 = 0.7; Worse = −(O + M)/(A + O + M + I) = −(4 + 2)/10 = −0.6.
        // "reset", 8 respondents: 3 × (Must-be, Dislike) = M, 3 × (Like, Dislike) = O, 1 × (Neutral, Live-with) = I,
        //   1 × (Dislike, Like) = R. M and O tie at 3; the rule M > O > A > I gives M.
        //   A + O + M + I = 0 + 3 + 3 + 1 = 7 (R left out): Better = 3/7 ≈ 0.428571; Worse = −6/7 ≈ −0.857143.
        // "dark", 3 respondents: 2 × (Dislike, Like) = R, 1 × (Like, Like) = Q. Category R; A + O + M + I = 0, so
        //   Better and Worse are undefined (null).
        // Ranking by Better, then |Worse|, then id; undefined last: portal (0.7), reset (0.43), dark.
        var survey = new KanoSurvey(
        [
            .. Answers("portal", 4, Like, Dislike, 0),
            .. Answers("portal", 3, Like, Neutral, 4),
            .. Answers("portal", 2, Neutral, Dislike, 7),
            .. Answers("portal", 1, Neutral, Neutral, 9),
            .. Answers("reset", 3, MustBe, Dislike, 0),
            .. Answers("reset", 3, Like, Dislike, 3),
            .. Answers("reset", 1, Neutral, LiveWith, 6),
            .. Answers("reset", 1, Dislike, Like, 7),
            .. Answers("dark", 2, Dislike, Like, 0),
            .. Answers("dark", 1, Like, Like, 2),
        ]);

        var result = survey.Evaluate();

        Assert.Equal(["dark", "portal", "reset"], result.Features.Select(f => f.FeatureId));
        var portal = result["portal"];
        Assert.Equal((4, 3, 2, 1, 0, 0, 10), (portal.OneDimensional, portal.Attractive, portal.MustBe, portal.Indifferent, portal.Reverse, portal.Questionable, portal.Respondents));
        Assert.Equal(KanoCategory.OneDimensional, portal.Category);
        Assert.False(portal.IsTie);
        Assert.Equal(0.7, portal.Better!.Value, 12);
        Assert.Equal(-0.6, portal.Worse!.Value, 12);

        var reset = result["reset"];
        Assert.Equal(KanoCategory.MustBe, reset.Category);
        Assert.True(reset.IsTie);
        Assert.Equal([KanoCategory.MustBe, KanoCategory.OneDimensional], reset.TiedCategories.ToArray());
        Assert.Equal(3.0 / 7, reset.Better!.Value, 12);
        Assert.Equal(-6.0 / 7, reset.Worse!.Value, 12);
        Assert.Equal(1, reset.CountOf(KanoCategory.Reverse));

        var dark = result["dark"];
        Assert.Equal(KanoCategory.Reverse, dark.Category);
        Assert.Null(dark.Better);
        Assert.Null(dark.Worse);

        Assert.Equal(["portal", "reset", "dark"], result.Ranked.Select(f => f.FeatureId));
        Assert.Equal(["r00", "r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09"], survey.RespondentIds.ToArray());
    }

    [Fact]
    public void Explanation_StatesCategoryTieAndCoefficients()
    {
        var survey = new KanoSurvey([.. Answers("reset", 3, MustBe, Dislike, 0), .. Answers("reset", 3, Like, Dislike, 3), .. Answers("reset", 1, Neutral, LiveWith, 6), .. Answers("reset", 1, Dislike, Like, 7)]);
        var explanation = survey.Evaluate()["reset"].Explanation;

        Assert.Equal("Kano", explanation.Method);
        Assert.Equal(
            "Feature 'reset' is must-be (M): M, O tie with 3 each, broken by M > O > A > I > R > Q. Better = (A + O)/(A + O + M + I) = 3/7 = 0.428571; Worse = −(O + M)/(A + O + M + I) = −6/7 = -0.857143.",
            explanation.Summary);
        Assert.Equal(6, explanation.Contributions.Length);
        Assert.Equal("must-be (M): 3 of 8 respondents (37.5 %)", explanation.Contributions[0].Text);
        Assert.Equal(3, explanation.Contributions[0].Value);
        Assert.Equal(0.375, explanation.Contributions[0].Contribution);

        var undefined = new KanoSurvey([new KanoResponse("dark", "r1", Dislike, Like)]).Evaluate()["dark"];
        Assert.Contains("undefined", undefined.Explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("Better undefined", undefined.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_With_AddsAResponseAndKeepsTheOriginal()
    {
        var one = new KanoSurvey([new KanoResponse("f", "a", Like, Dislike)]);
        var two = one.With(new KanoResponse("f", "b", MustBe, Dislike));

        Assert.Single(one.Responses);
        Assert.Equal(2, two.Evaluate()["f"].Respondents);
        var twice = Assert.Throws<ArgumentException>(() => two.With(new KanoResponse("f", "b", Like, Like)));
        Assert.Equal("response", twice.ParamName);
        Assert.Contains("'b'", twice.Message, StringComparison.Ordinal);
        Assert.Contains("'f'", twice.Message, StringComparison.Ordinal);
        Assert.Empty(KanoSurvey.Empty.Evaluate().Features);
        Assert.Empty(KanoSurvey.Empty.Evaluate().Ranked);
    }

    [Fact]
    public void KanoResponse_Equality_ComparesEveryProperty()
    {
        var a = new KanoResponse("f", "r", Like, Dislike);
        Assert.Equal(a, new KanoResponse("f", "r", Like, Dislike));
        Assert.Equal(a.GetHashCode(), new KanoResponse("f", "r", Like, Dislike).GetHashCode());
        Assert.NotEqual(a, new KanoResponse("g", "r", Like, Dislike));
        Assert.NotEqual(a, new KanoResponse("f", "s", Like, Dislike));
        Assert.NotEqual(a, new KanoResponse("f", "r", MustBe, Dislike));
        Assert.NotEqual(a, new KanoResponse("f", "r", Like, Neutral));
        Assert.Equal(KanoCategory.OneDimensional, a.Category);
        Assert.Equal("r on f: Like/Dislike → OneDimensional", a.ToString());
    }

    [Fact]
    public void Validation_NamesFeatureAndRespondent()
    {
        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() => new KanoResponse("portal", "anna", Like, (KanoAnswer)7));
        Assert.Equal("dysfunctional", undefined.ParamName);
        Assert.Contains("'anna'", undefined.Message, StringComparison.Ordinal);
        Assert.Contains("'portal'", undefined.Message, StringComparison.Ordinal);
        var functional = Assert.Throws<ArgumentOutOfRangeException>(() => new KanoResponse("portal", "anna", 0, Like));
        Assert.Equal("functional", functional.ParamName);
        Assert.Throws<ArgumentException>(() => new KanoResponse(" ", "anna", Like, Like));
        Assert.Throws<ArgumentNullException>(() => new KanoResponse("portal", null!, Like, Like));

        var twice = Assert.Throws<ArgumentException>(() => new KanoSurvey([new KanoResponse("portal", "anna", Like, Dislike), new KanoResponse("portal", "anna", Like, Like)]));
        Assert.Equal("responses", twice.ParamName);
        Assert.Contains("'anna'", twice.Message, StringComparison.Ordinal);
        Assert.Contains("'portal'", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new KanoSurvey([null!]));
        Assert.Throws<ArgumentNullException>(() => new KanoSurvey(null!));

        var missing = Assert.Throws<KeyNotFoundException>(() => KanoSurvey.Empty.Evaluate()["nope"]);
        Assert.Contains("'nope'", missing.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KanoSurvey([new KanoResponse("f", "a", Like, Like)]).Evaluate()["f"].CountOf((KanoCategory)0));
    }

    [Fact]
    public void Counts_SumToTheRespondents()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Surveys(), x =>
        {
            var result = new KanoSurvey(x.Responses).Evaluate();
            return result.Features.All(f =>
                    f.Respondents == x.Responses.Count(r => r.FeatureId == f.FeatureId)
                    && Enum.GetValues<KanoCategory>().Sum(f.CountOf) == f.Respondents
                    && Enum.GetValues<KanoCategory>().All(c => f.CountOf(c) == x.Responses.Count(r => r.FeatureId == f.FeatureId && Kano.Classify(r.Functional, r.Dysfunctional) == c)))
                && result.Features.Length == x.Responses.Select(r => r.FeatureId).Distinct().Count();
        }), maxTest: 1000);
    }

    [Fact]
    public void Coefficients_StayInTheirRanges_AndAreNullExactlyWithoutAOMI()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Surveys(), x =>
            new KanoSurvey(x.Responses).Evaluate().Features.All(f =>
            {
                var basis = f.Attractive + f.OneDimensional + f.MustBe + f.Indifferent;
                return basis == 0
                    ? f.Better is null && f.Worse is null
                    : f.Better is >= 0 and <= 1 && f.Worse is >= -1 and <= 0
                        && Math.Abs(f.Better.Value - ((double)(f.Attractive + f.OneDimensional) / basis)) <= 1e-15
                        && Math.Abs(f.Worse.Value + ((double)(f.OneDimensional + f.MustBe) / basis)) <= 1e-15;
            })), maxTest: 1000);
    }

    [Fact]
    public void Category_IsTheMostFrequent_TiesBrokenMOAIRQ()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.SkewedSurveys(), x =>
            new KanoSurvey(x.Responses).Evaluate().Features.All(f =>
            {
                var max = Enum.GetValues<KanoCategory>().Max(f.CountOf);
                var tied = Enum.GetValues<KanoCategory>().Where(c => f.CountOf(c) == max).ToArray();
                return f.TiedCategories.SequenceEqual(tied) && f.Category == tied.Min() && f.IsTie == (tied.Length > 1);
            })), maxTest: 1000);
    }

    [Fact]
    public void RespondentOrder_DoesNotMatter()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Surveys(), x =>
        {
            var a = new KanoSurvey(x.Responses).Evaluate();
            var b = new KanoSurvey(x.Shuffled).Evaluate();
            return a.Features.Select(f => f.ToString()).SequenceEqual(b.Features.Select(f => f.ToString()))
                && a.Features.Select(f => f.Explanation.ToString()).SequenceEqual(b.Features.Select(f => f.Explanation.ToString()))
                && a.Ranked.Select(f => f.FeatureId).SequenceEqual(b.Ranked.Select(f => f.FeatureId));
        }), maxTest: 1000);
    }

    [Fact]
    public void Ranked_IsAPermutationOrderedByBetterThenWorseThenId()
    {
        PropertyCheck.Run(Prop.ForAll(MoscowKanoArbitraries.Surveys(), x =>
        {
            var result = new KanoSurvey(x.Responses).Evaluate();
            var ranked = result.Ranked;
            if (!ranked.Select(f => f.FeatureId).Order(StringComparer.Ordinal).SequenceEqual(result.Features.Select(f => f.FeatureId)))
            {
                return false;
            }

            for (var p = 1; p < ranked.Length; p++)
            {
                var (a, b) = (ranked[p - 1], ranked[p]);
                var inOrder = (a.Better, b.Better) switch
                {
                    (null, null) => string.CompareOrdinal(a.FeatureId, b.FeatureId) < 0,
                    (null, _) => false,
                    (_, null) => true,
                    var (ba, bb) => ba > bb || (ba == bb && (Math.Abs(a.Worse!.Value) > Math.Abs(b.Worse!.Value)
                        || (Math.Abs(a.Worse!.Value) == Math.Abs(b.Worse!.Value) && string.CompareOrdinal(a.FeatureId, b.FeatureId) < 0))),
                };
                if (!inOrder)
                {
                    return false;
                }
            }

            return true;
        }), maxTest: 1000);
    }
}
