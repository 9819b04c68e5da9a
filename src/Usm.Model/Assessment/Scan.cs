using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>A person who answers a scan, with the role they answer in.</summary>
/// <remarks>Equality compares the id and the role, ordinally.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Respondent : IEquatable<Respondent>
{
    /// <summary>Creates a respondent.</summary>
    /// <param name="id">The id, unique within the scan.</param>
    /// <param name="role">The role, as the organisation names it (for example "service desk operator", "team lead", "customer").</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    public Respondent(string id, string role)
    {
        Id = Preconditions.CheckNotBlank(id);
        Role = Preconditions.CheckNotBlank(role);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the role.</summary>
    public string Role { get; }

    /// <inheritdoc />
    public bool Equals(Respondent? other) => other is not null && Id == other.Id && Role == other.Role;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Respondent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Role);

    /// <inheritdoc />
    public override string ToString() => Id + " (" + Role + ")";
}

/// <summary>One respondent's answer to one question.</summary>
/// <remarks>Equality compares all three parts.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Answer : IEquatable<Answer>
{
    /// <summary>Creates an answer.</summary>
    /// <param name="respondentId">The respondent's id.</param>
    /// <param name="questionId">The question's id.</param>
    /// <param name="value">The answer.</param>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is blank, or <paramref name="value"/> is the default (no kind).</exception>
    public Answer(string respondentId, string questionId, AnswerValue value)
    {
        RespondentId = Preconditions.CheckNotBlank(respondentId);
        QuestionId = Preconditions.CheckNotBlank(questionId);
        Preconditions.CheckArgument(Enum.IsDefined(value.Kind), nameof(value), Preconditions.Invariant($"The answer of '{respondentId}' to '{questionId}' has no value."));
        Value = value;
    }

    /// <summary>Gets the respondent's id.</summary>
    public string RespondentId { get; }

    /// <summary>Gets the question's id.</summary>
    public string QuestionId { get; }

    /// <summary>Gets the answer.</summary>
    public AnswerValue Value { get; }

    /// <inheritdoc />
    public bool Equals(Answer? other) => other is not null && RespondentId == other.RespondentId && QuestionId == other.QuestionId && Value.Equals(other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Answer other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RespondentId, QuestionId, Value);

    /// <inheritdoc />
    public override string ToString() => $"{RespondentId} → {QuestionId}: {Value}";
}

/// <summary>
/// A scan: one measurement of an organisation with an <see cref="Assessment.Instrument"/> on a date, answered by
/// several respondents. The first scan of an initiative is its baseline; later scans measure progress with the same
/// instrument and version.
/// </summary>
/// <remarks>
/// <para>A respondent may leave questions unanswered; how that is scored is the <see cref="MissingAnswerRule"/> of
/// the <see cref="ScoringOptions"/>, never a silent zero.</para>
/// <para>Respondents and answers keep the order given, but no result depends on that order. Equality is
/// structural.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Scan : IEquatable<Scan>
{
    /// <summary>Creates a scan.</summary>
    /// <param name="id">The scan's id.</param>
    /// <param name="instrument">The instrument used.</param>
    /// <param name="date">The date the scan was taken.</param>
    /// <param name="respondents">The respondents; ids unique.</param>
    /// <param name="answers">The answers; at most one per respondent and question.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or a collection holds null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> is blank, <paramref name="date"/> is not in the ISO calendar, a respondent id repeats, an answer names an unknown respondent or question, an
    /// answer does not fit its question's scale, or a respondent answers a question twice.
    /// </exception>
    public Scan(string id, Instrument instrument, LocalDate date, IEnumerable<Respondent> respondents, IEnumerable<Answer> answers)
    {
        Id = Preconditions.CheckNotBlank(id);
        Instrument = Preconditions.CheckNotNull(instrument);
        Date = Preconditions.CheckIso(date);
        ArgumentNullException.ThrowIfNull(respondents);
        ArgumentNullException.ThrowIfNull(answers);
        Respondents = [.. respondents];
        Answers = [.. answers];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Respondents)
        {
            Preconditions.CheckElementNotNull(r, nameof(respondents), Preconditions.Invariant($"Scan '{id}' has a null respondent."));
            Preconditions.CheckArgument(ids.Add(r.Id), nameof(respondents), Preconditions.Invariant($"The respondent id '{r.Id}' appears twice in scan '{id}'."));
        }

        var seen = new HashSet<(string, string)>();
        foreach (var a in Answers)
        {
            Preconditions.CheckElementNotNull(a, nameof(answers), Preconditions.Invariant($"Scan '{id}' has a null answer."));
            CheckAnswer(id, instrument, ids.Contains(a.RespondentId), a, nameof(answers), nameof(answers), nameof(answers));
            Preconditions.CheckArgument(seen.Add((a.RespondentId, a.QuestionId)), nameof(answers), Preconditions.Invariant($"Respondent '{a.RespondentId}' answers question '{a.QuestionId}' twice in scan '{id}'."));
        }
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the instrument.</summary>
    public Instrument Instrument { get; }

    /// <summary>Gets the date the scan was taken.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the respondents.</summary>
    public ImmutableArray<Respondent> Respondents { get; }

    /// <summary>Gets the answers.</summary>
    public ImmutableArray<Answer> Answers { get; }

    /// <summary>Returns a scan with one more answer.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>A new scan; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answer"/> is null.</exception>
    /// <exception cref="ArgumentException">The answer is invalid for this scan (see the constructor); the parameter is <paramref name="answer"/>.</exception>
    public Scan WithAnswer(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        CheckAnswer(Id, Instrument, HasRespondent(answer.RespondentId), answer, nameof(answer), nameof(answer), nameof(answer));
        var twice = Answers.Any(a => a.RespondentId == answer.RespondentId && a.QuestionId == answer.QuestionId);
        Preconditions.CheckArgument(!twice, nameof(answer), Preconditions.Invariant($"Respondent '{answer.RespondentId}' answers question '{answer.QuestionId}' twice in scan '{Id}'."));
        return new(Id, Instrument, Date, Respondents, Answers.Add(answer));
    }

    /// <summary>Returns a scan whose answer from one respondent to one question is replaced (or added).</summary>
    /// <param name="respondentId">The respondent.</param>
    /// <param name="questionId">The question.</param>
    /// <param name="value">The new answer.</param>
    /// <returns>A new scan; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">
    /// An id is blank, <paramref name="respondentId"/> is not a respondent of the scan, <paramref name="questionId"/> is not a
    /// question of the instrument, or <paramref name="value"/> does not fit the question's scale; the exception names that parameter.
    /// </exception>
    public Scan WithAnswer(string respondentId, string questionId, AnswerValue value)
    {
        var answer = new Answer(respondentId, questionId, value);
        CheckAnswer(Id, Instrument, HasRespondent(respondentId), answer, nameof(respondentId), nameof(questionId), nameof(value));
        return new(Id, Instrument, Date, Respondents, Answers.Where(a => a.RespondentId != respondentId || a.QuestionId != questionId).Append(answer));
    }

    // Each check names the caller's own parameter (found by review, session 5: WithAnswer reported 'answers').
    private static void CheckAnswer(string scanId, Instrument instrument, bool knownRespondent, Answer a, string respondentParam, string questionParam, string valueParam)
    {
        Preconditions.CheckArgument(knownRespondent, respondentParam, Preconditions.Invariant($"An answer in scan '{scanId}' names the unknown respondent '{a.RespondentId}'."));
        var question = instrument.FindQuestion(a.QuestionId);
        Preconditions.CheckArgument(question is not null, questionParam, Preconditions.Invariant($"An answer in scan '{scanId}' names the question '{a.QuestionId}', which instrument '{instrument.Key}' does not have."));
        Preconditions.CheckArgument(question.Scale.Accepts(a.Value), valueParam, Preconditions.Invariant($"The answer {a.Value} of '{a.RespondentId}' to '{a.QuestionId}' does not fit its scale ({question.Scale})."));
    }

    private bool HasRespondent(string respondentId) => Respondents.Any(r => r.Id == respondentId);

    /// <summary>Scores the scan.</summary>
    /// <param name="options">The scoring options; null for <see cref="ScoringOptions.Default"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="IncompleteScanException">The options' rule is <see cref="MissingAnswerRule.Reject"/> and an answer is missing.</exception>
    public ScanResult Score(ScoringOptions? options = null) => ScanScorer.Score(this, options ?? ScoringOptions.Default);

    /// <inheritdoc />
    public bool Equals(Scan? other) =>
        other is not null && Id == other.Id && Instrument.Equals(other.Instrument) && Date == other.Date
        && Hashing.SequenceEqual(Respondents, other.Respondents) && Hashing.SequenceEqual(Answers, other.Answers);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Scan other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Instrument.Key, Date, Hashing.Sequence(Respondents), Hashing.Sequence(Answers));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"scan '{Id}' ({Instrument.Key}, {Date:uuuu-MM-dd}, {Respondents.Length} respondents, {Answers.Length} answers)");
}
