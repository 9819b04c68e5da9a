using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The five answers of a Kano question, asked once with the feature present (functional) and once with it absent
/// (dysfunctional).
/// </summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum KanoAnswer
{
    /// <summary>"I like it that way."</summary>
    Like = 1,

    /// <summary>"It must be that way" (also worded "I expect it").</summary>
    MustBe = 2,

    /// <summary>"I am neutral."</summary>
    Neutral = 3,

    /// <summary>"I can live with it that way" (also worded "I can tolerate it").</summary>
    LiveWith = 4,

    /// <summary>"I dislike it that way."</summary>
    Dislike = 5,
}

/// <summary>
/// The Kano categories a pair of answers falls into. The numbers are the tie-break order: when two categories are
/// equally frequent for a feature, the lower number wins (must-be, one-dimensional, attractive, indifferent, then
/// reverse and questionable).
/// </summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum KanoCategory
{
    /// <summary>Must-be (M): taken for granted; its absence dissatisfies, its presence does not satisfy.</summary>
    MustBe = 1,

    /// <summary>One-dimensional (O): the more of it, the more satisfied; its absence dissatisfies.</summary>
    OneDimensional = 2,

    /// <summary>Attractive (A): unexpected; its presence delights, its absence does not dissatisfy.</summary>
    Attractive = 3,

    /// <summary>Indifferent (I): the respondent does not care either way.</summary>
    Indifferent = 4,

    /// <summary>Reverse (R): the respondent prefers the feature absent.</summary>
    Reverse = 5,

    /// <summary>Questionable (Q): the two answers contradict each other (for example liking both presence and absence).</summary>
    Questionable = 6,
}

/// <summary>One respondent's answers on one feature: the functional (feature present) and dysfunctional (feature absent) answer.</summary>
/// <remarks>Equality compares every property (ids ordinally).</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class KanoResponse : IEquatable<KanoResponse>
{
    /// <summary>Creates a response.</summary>
    /// <param name="featureId">The feature's id.</param>
    /// <param name="respondentId">The respondent's id.</param>
    /// <param name="functional">The answer with the feature present.</param>
    /// <param name="dysfunctional">The answer with the feature absent.</param>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer is undefined (the message names the feature and the respondent).</exception>
    public KanoResponse(string featureId, string respondentId, KanoAnswer functional, KanoAnswer dysfunctional)
    {
        FeatureId = Preconditions.CheckNotBlank(featureId);
        RespondentId = Preconditions.CheckNotBlank(respondentId);
        Functional = CheckAnswer(functional, featureId, respondentId, "functional", nameof(functional));
        Dysfunctional = CheckAnswer(dysfunctional, featureId, respondentId, "dysfunctional", nameof(dysfunctional));
    }

    /// <summary>Gets the feature's id.</summary>
    public string FeatureId { get; }

    /// <summary>Gets the respondent's id.</summary>
    public string RespondentId { get; }

    /// <summary>Gets the answer with the feature present.</summary>
    public KanoAnswer Functional { get; }

    /// <summary>Gets the answer with the feature absent.</summary>
    public KanoAnswer Dysfunctional { get; }

    /// <summary>Gets the category of this answer pair, from <see cref="Kano.Classify"/>.</summary>
    public KanoCategory Category => Kano.Classify(Functional, Dysfunctional);

    /// <inheritdoc />
    public bool Equals(KanoResponse? other) =>
        other is not null
        && string.Equals(FeatureId, other.FeatureId, StringComparison.Ordinal)
        && string.Equals(RespondentId, other.RespondentId, StringComparison.Ordinal)
        && Functional == other.Functional
        && Dysfunctional == other.Dysfunctional;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KanoResponse other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FeatureId, RespondentId, Functional, Dysfunctional);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{RespondentId} on {FeatureId}: {Functional}/{Dysfunctional} → {Category}");

    private static KanoAnswer CheckAnswer(KanoAnswer answer, string featureId, string respondentId, string which, string paramName)
    {
        if (!Enum.IsDefined(answer))
        {
            throw new ArgumentOutOfRangeException(paramName, answer, Preconditions.Invariant($"Respondent '{respondentId}' gave an undefined {which} answer {(int)answer} on feature '{featureId}'."));
        }

        return answer;
    }
}

/// <summary>
/// The Kano evaluation table: which category a functional and a dysfunctional answer put a feature in for one respondent.
/// </summary>
/// <remarks>
/// <para>The table (rows: functional answer; columns: dysfunctional answer; both Like, Must-be, Neutral, Live-with,
/// Dislike) is the one of Berger et al., "Kano's methods for understanding customer-defined quality", Center for
/// Quality of Management Journal 2(4), 1993, also used by Sauerwein et al. (1996):</para>
/// <code>
///              Like  Must-be  Neutral  Live-with  Dislike
/// Like          Q      A        A         A          O
/// Must-be       R      I        I         I          M
/// Neutral       R      I        I         I          M
/// Live-with     R      I        I         I          M
/// Dislike       R      R        R         R          Q
/// </code>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public static class Kano
{
    /// <summary>The method's name in explanations: "Kano".</summary>
    internal const string MethodName = "Kano";

    private static readonly KanoCategory[,] s_table = BuildTable();

    /// <summary>Gets the category of one respondent's answer pair through the evaluation table.</summary>
    /// <param name="functional">The answer with the feature present.</param>
    /// <param name="dysfunctional">The answer with the feature absent.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An answer is undefined.</exception>
    public static KanoCategory Classify(KanoAnswer functional, KanoAnswer dysfunctional) =>
        s_table[(int)Preconditions.CheckDefined(functional) - 1, (int)Preconditions.CheckDefined(dysfunctional) - 1];

    /// <summary>The one-letter code of a category: M, O, A, I, R or Q.</summary>
    internal static char Letter(KanoCategory category) => "MOAIRQ"[(int)category - 1];

    /// <summary>The name of a category in explanations.</summary>
    internal static string Label(KanoCategory category) => category switch
    {
        KanoCategory.MustBe => "must-be",
        KanoCategory.OneDimensional => "one-dimensional",
        KanoCategory.Attractive => "attractive",
        KanoCategory.Indifferent => "indifferent",
        KanoCategory.Reverse => "reverse",
        _ => "questionable",
    };

    private static KanoCategory[,] BuildTable()
    {
        var table = new KanoCategory[5, 5];
        for (var f = 1; f <= 5; f++)
        {
            for (var d = 1; d <= 5; d++)
            {
                table[f - 1, d - 1] = ((KanoAnswer)f, (KanoAnswer)d) switch
                {
                    (KanoAnswer.Like, KanoAnswer.Like) or (KanoAnswer.Dislike, KanoAnswer.Dislike) => KanoCategory.Questionable,
                    (KanoAnswer.Like, KanoAnswer.Dislike) => KanoCategory.OneDimensional,
                    (KanoAnswer.Like, _) => KanoCategory.Attractive,
                    (KanoAnswer.Dislike, _) or (_, KanoAnswer.Like) => KanoCategory.Reverse,
                    (_, KanoAnswer.Dislike) => KanoCategory.MustBe,
                    _ => KanoCategory.Indifferent,
                };
            }
        }

        return table;
    }
}

/// <summary>
/// A Kano survey: for each feature and respondent, one functional and one dysfunctional answer. Evaluate it to get
/// each feature's category counts, category, Better and Worse coefficients and explanation.
/// </summary>
/// <remarks>
/// <para>Each respondent answers a feature at most once; not every respondent needs to answer every feature. The
/// responses are held by feature id, then respondent id (both ordinal), so the order they were given in never
/// matters.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class KanoSurvey
{
    /// <summary>Creates a survey.</summary>
    /// <param name="responses">The responses.</param>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A respondent answers a feature twice (the message names both).</exception>
    public KanoSurvey(IEnumerable<KanoResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var list = responses.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            Preconditions.CheckElementNotNull(list[i], nameof(responses), Preconditions.Invariant($"The response at index {i} is null."));
        }

        Responses = [.. list.OrderBy(r => r.FeatureId, StringComparer.Ordinal).ThenBy(r => r.RespondentId, StringComparer.Ordinal)];
        for (var i = 1; i < Responses.Length; i++)
        {
            var (a, b) = (Responses[i - 1], Responses[i]);
            if (string.Equals(a.FeatureId, b.FeatureId, StringComparison.Ordinal) && string.Equals(a.RespondentId, b.RespondentId, StringComparison.Ordinal))
            {
                throw new ArgumentException(Preconditions.Invariant($"Respondent '{b.RespondentId}' answers feature '{b.FeatureId}' more than once."), nameof(responses));
            }
        }

        FeatureIds = [.. Responses.Select(r => r.FeatureId).Distinct(StringComparer.Ordinal)];
        RespondentIds = [.. Responses.Select(r => r.RespondentId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets the empty survey.</summary>
    public static KanoSurvey Empty { get; } = new([]);

    /// <summary>Gets the responses, by feature id, then respondent id (ordinal).</summary>
    public ImmutableArray<KanoResponse> Responses { get; }

    /// <summary>Gets the ids of the features answered, in ordinal order.</summary>
    public ImmutableArray<string> FeatureIds { get; }

    /// <summary>Gets the ids of the respondents, in ordinal order.</summary>
    public ImmutableArray<string> RespondentIds { get; }

    /// <summary>Returns a survey with one more response.</summary>
    /// <param name="response">The response.</param>
    /// <returns>A new survey; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    /// <exception cref="ArgumentException">The respondent already answered the feature.</exception>
    public KanoSurvey With(KanoResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return new KanoSurvey([.. Responses, response]);
        }
        catch (ArgumentException e)
        {
            throw Preconditions.ForParameter(e, nameof(response));
        }
    }

    /// <summary>Evaluates the survey: each feature's counts, category, coefficients and explanation.</summary>
    /// <returns>The result, one entry per feature in ordinal id order.</returns>
    public KanoResult Evaluate()
    {
        var features = ImmutableArray.CreateBuilder<KanoFeatureResult>(FeatureIds.Length);
        var start = 0;
        while (start < Responses.Length)
        {
            var counts = new int[6];
            var end = start;
            while (end < Responses.Length && string.Equals(Responses[end].FeatureId, Responses[start].FeatureId, StringComparison.Ordinal))
            {
                counts[(int)Responses[end].Category - 1]++;
                end++;
            }

            features.Add(new KanoFeatureResult(Responses[start].FeatureId, counts));
            start = end;
        }

        return new KanoResult(features.MoveToImmutable());
    }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"Kano survey: {Responses.Length} responses on {FeatureIds.Length} features by {RespondentIds.Length} respondents");
}
