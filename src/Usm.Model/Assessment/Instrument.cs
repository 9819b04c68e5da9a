using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>One question of an assessment instrument.</summary>
/// <remarks>Equality is structural over every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Question : IEquatable<Question>
{
    /// <summary>Creates a question.</summary>
    /// <param name="id">The id, unique within the instrument.</param>
    /// <param name="text">The question as respondents read it.</param>
    /// <param name="scale">The answer scale.</param>
    /// <param name="element">The USM element the question probes.</param>
    /// <param name="weight">The weight within its area: positive and at most <see cref="MaxWeight"/>. The default is 1.</param>
    /// <param name="maturityCriterion">The value maturity level this question is a criterion for, or null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="text"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not positive or exceeds <see cref="MaxWeight"/> (NaN and infinity included), or <paramref name="maturityCriterion"/> is undefined.</exception>
    public Question(string id, string text, AnswerScale scale, UsmElement element, double weight = 1.0, ValueMaturityLevel? maturityCriterion = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Text = Preconditions.CheckNotBlank(text);
        Scale = Preconditions.CheckNotNull(scale);
        Element = Preconditions.CheckNotNull(element);
        Weight = CheckWeight(weight);
        MaturityCriterion = maturityCriterion is { } level ? Preconditions.CheckDefined(level, nameof(maturityCriterion)) : null;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the question text.</summary>
    public string Text { get; }

    /// <summary>Gets the answer scale.</summary>
    public AnswerScale Scale { get; }

    /// <summary>Gets the USM element the question probes.</summary>
    public UsmElement Element { get; }

    /// <summary>
    /// The largest weight a question or an area accepts: 10⁶. The bound keeps every weighted sum in scoring finite (a
    /// sum of weights up to 10⁶ times achievements up to 100 stays far below the largest <see cref="double"/>); without
    /// it two weights near 10³⁰⁸ would overflow their total and score NaN.
    /// </summary>
    public const double MaxWeight = 1e6;

    /// <summary>Gets the weight within the area.</summary>
    public double Weight { get; }

    /// <summary>Gets the value maturity level this question is a criterion for, or null.</summary>
    public ValueMaturityLevel? MaturityCriterion { get; }

    /// <inheritdoc />
    public bool Equals(Question? other) =>
        other is not null && Id == other.Id && Text == other.Text && Scale.Equals(other.Scale) && Element.Equals(other.Element)
        && Weight.Equals(other.Weight) && MaturityCriterion == other.MaturityCriterion;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Question other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Text, Scale, Element, Weight, MaturityCriterion);

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Text;

    internal static double CheckWeight(double weight, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(weight))] string? paramName = null)
    {
        if (!double.IsFinite(weight) || weight <= 0 || weight > MaxWeight)
        {
            throw new ArgumentOutOfRangeException(paramName, weight, Preconditions.Invariant($"A weight must be positive and at most {MaxWeight}, but was {weight}."));
        }

        return weight;
    }
}

/// <summary>An area of an instrument: a named group of questions with a weight in the overall score.</summary>
/// <remarks>Equality is structural, with questions compared in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class InstrumentArea : IEquatable<InstrumentArea>
{
    /// <summary>Creates an area.</summary>
    /// <param name="id">The id, unique within the instrument.</param>
    /// <param name="name">The name.</param>
    /// <param name="questions">The questions; at least one.</param>
    /// <param name="weight">The weight in the overall score: positive and at most <see cref="Question.MaxWeight"/>. The default is 1.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or <paramref name="questions"/> holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is blank, or there are no questions.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not positive or exceeds <see cref="Question.MaxWeight"/> (NaN and infinity included).</exception>
    public InstrumentArea(string id, string name, IEnumerable<Question> questions, double weight = 1.0)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotBlank(name);
        ArgumentNullException.ThrowIfNull(questions);
        Questions = [.. questions];
        Preconditions.CheckNoNulls(Questions, nameof(questions), Preconditions.Invariant($"Area '{id}' has a null question."));
        Preconditions.CheckArgument(!Questions.IsEmpty, nameof(questions), Preconditions.Invariant($"Area '{id}' needs at least one question."));
        Weight = Question.CheckWeight(weight);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the questions, in order.</summary>
    public ImmutableArray<Question> Questions { get; }

    /// <summary>Gets the weight in the overall score.</summary>
    public double Weight { get; }

    /// <inheritdoc />
    public bool Equals(InstrumentArea? other) =>
        other is not null && Id == other.Id && Name == other.Name && Weight.Equals(other.Weight) && Hashing.SequenceEqual(Questions, other.Questions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is InstrumentArea other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Weight, Hashing.Sequence(Questions));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Id}: {Name} ({Questions.Length} questions)");
}

/// <summary>
/// An assessment instrument: an id, a version and areas of questions. Scans taken with the same id and version are
/// comparable; scans taken with different ones never are.
/// </summary>
/// <remarks>Equality is structural: id, version, name and areas in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Instrument : IEquatable<Instrument>
{
    private readonly Dictionary<string, (Question Question, InstrumentArea Area)> _questions;

    /// <summary>Creates an instrument.</summary>
    /// <param name="id">The id, for example "usm-baseline".</param>
    /// <param name="version">The version, for example "1.0"; compared ordinally.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="areas">The areas; at least one.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or <paramref name="areas"/> holds null.</exception>
    /// <exception cref="ArgumentException">A text is blank, there are no areas, or an area or question id repeats.</exception>
    public Instrument(string id, string version, string name, IEnumerable<InstrumentArea> areas)
    {
        Id = Preconditions.CheckNotBlank(id);
        Version = Preconditions.CheckNotBlank(version);
        Name = Preconditions.CheckNotBlank(name);
        ArgumentNullException.ThrowIfNull(areas);
        Areas = [.. areas];
        Preconditions.CheckNoNulls(Areas, nameof(areas), "An instrument cannot hold a null area.");
        Preconditions.CheckArgument(!Areas.IsEmpty, nameof(areas), Preconditions.Invariant($"Instrument '{id}' needs at least one area."));
        var areaIds = new HashSet<string>(StringComparer.Ordinal);
        _questions = new Dictionary<string, (Question, InstrumentArea)>(StringComparer.Ordinal);
        foreach (var area in Areas)
        {
            Preconditions.CheckArgument(areaIds.Add(area.Id), nameof(areas), Preconditions.Invariant($"The area id '{area.Id}' appears twice in instrument '{id}'."));
            foreach (var q in area.Questions)
            {
                Preconditions.CheckArgument(_questions.TryAdd(q.Id, (q, area)), nameof(areas), Preconditions.Invariant($"The question id '{q.Id}' appears twice in instrument '{id}'."));
            }
        }

        Questions = [.. Areas.SelectMany(a => a.Questions)];
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the version.</summary>
    public string Version { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the areas, in order.</summary>
    public ImmutableArray<InstrumentArea> Areas { get; }

    /// <summary>Gets every question, area by area, in order.</summary>
    public ImmutableArray<Question> Questions { get; }

    /// <summary>Gets "id version", for example "usm-baseline 1.0".</summary>
    public string Key => Id + " " + Version;

    /// <summary>Finds a question by id.</summary>
    /// <param name="questionId">The question id.</param>
    /// <returns>The question, or null when the instrument has none with that id.</returns>
    public Question? FindQuestion(string questionId) => questionId is not null && _questions.TryGetValue(questionId, out var entry) ? entry.Question : null;

    /// <summary>Finds the area that holds a question.</summary>
    /// <param name="questionId">The question id.</param>
    /// <returns>The area, or null when the instrument has no question with that id.</returns>
    public InstrumentArea? AreaOf(string questionId) => questionId is not null && _questions.TryGetValue(questionId, out var entry) ? entry.Area : null;

    /// <summary>Returns whether <paramref name="other"/> has the same id and version (so scans with both compare).</summary>
    /// <param name="other">The other instrument.</param>
    /// <returns>True for the same id and version, compared ordinally.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public bool IsSameVersionAs(Instrument other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && Version == other.Version;
    }

    /// <inheritdoc />
    public bool Equals(Instrument? other) =>
        other is not null && Id == other.Id && Version == other.Version && Name == other.Name && Hashing.SequenceEqual(Areas, other.Areas);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Instrument other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version, Name, Hashing.Sequence(Areas));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Key}: {Name} ({Areas.Length} areas, {Questions.Length} questions)");
}
