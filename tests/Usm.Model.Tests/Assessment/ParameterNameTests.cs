using NodaTime;
using Usm.Model.Assessment;

namespace Usm.Model.Tests.Assessment;

/// <summary>Errors name the called member's own parameter (found by review, session 5).</summary>
public class ParameterNameTests
{
    private static readonly Instrument s_instrument = new("I", "1", "n", [
        new InstrumentArea("A", "a", [
            new Question("q1", "t", AnswerScale.Percentage, UsmElement.For(Resource.People)),
            new Question("q2", "t", AnswerScale.YesNo, UsmElement.For(Resource.People)),
        ]),
    ]);

    private static Scan Scan() =>
        new("S", s_instrument, new LocalDate(2026, 1, 1), [new Respondent("r", "x")], [new Answer("r", "q1", AnswerValue.Percent(10))]);

    [Fact]
    public void GapTargets_NullIds_AreNamed()
    {
        Assert.Equal("questionId", Assert.Throws<ArgumentNullException>(() => GapTargets.Default.ForQuestion(null!)).ParamName);
        Assert.Equal("areaId", Assert.Throws<ArgumentNullException>(() => GapTargets.Default.ForArea(null!)).ParamName);
    }

    [Fact]
    public void WithAnswer_ByIds_NamesTheParameterAtFault()
    {
        var scan = Scan();

        Assert.Equal("respondentId", Assert.Throws<ArgumentException>(() => scan.WithAnswer("zz", "q1", AnswerValue.Percent(20))).ParamName);
        Assert.Equal("questionId", Assert.Throws<ArgumentException>(() => scan.WithAnswer("r", "zz", AnswerValue.Percent(20))).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => scan.WithAnswer("r", "q2", AnswerValue.Percent(20))).ParamName);
        Assert.Equal(20.0, scan.WithAnswer("r", "q1", AnswerValue.Percent(20)).Answers.Single().Value.Number);
    }

    [Fact]
    public void WithAnswer_OfAnAnswer_NamesTheAnswer()
    {
        var scan = Scan();

        Assert.Equal("answer", Assert.Throws<ArgumentException>(() => scan.WithAnswer(new Answer("zz", "q1", AnswerValue.Percent(20)))).ParamName);
        Assert.Equal("answer", Assert.Throws<ArgumentException>(() => scan.WithAnswer(new Answer("r", "q1", AnswerValue.Percent(20)))).ParamName);
        Assert.Equal(2, scan.WithAnswer(new Answer("r", "q2", AnswerValue.Yes)).Answers.Length);
    }
}
