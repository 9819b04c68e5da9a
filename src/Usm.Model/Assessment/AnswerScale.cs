using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>The shape of a question's answers.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum AnswerScaleKind
{
    /// <summary>Ordered levels, each with a label and a score.</summary>
    Ordinal = 1,

    /// <summary>Yes (100 %) or no (0 %).</summary>
    YesNo = 2,

    /// <summary>A percentage from 0 to 100.</summary>
    Percentage = 3,
}

/// <summary>One level of an ordinal answer scale: a label and its score.</summary>
/// <remarks>Equality compares the label (ordinally) and the score.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ScaleLevel : IEquatable<ScaleLevel>
{
    /// <summary>Creates a level.</summary>
    /// <param name="label">The label respondents choose, for example "largely in place".</param>
    /// <param name="score">The level's score, from −<see cref="MaxScore"/> to <see cref="MaxScore"/>; scores must rise strictly along the scale.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is NaN or its magnitude exceeds <see cref="MaxScore"/> (infinity included).</exception>
    public ScaleLevel(string label, double score)
    {
        Label = Preconditions.CheckNotBlank(label);
        if (double.IsNaN(score) || Math.Abs(score) > MaxScore)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, Preconditions.Invariant($"A level's score must be from -{MaxScore} to {MaxScore}, but was {score}."));
        }

        Score = score;
    }

    /// <summary>
    /// The largest magnitude of a level's score: 10⁹. The bound keeps the span between a scale's lowest and highest
    /// score finite (at most 2 × 10⁹), so every achievement is a number from 0 to 100; without it levels at ±10³⁰⁸
    /// would overflow the span and give NaN achievements.
    /// </summary>
    public const double MaxScore = 1e9;

    /// <summary>Gets the label.</summary>
    public string Label { get; }

    /// <summary>Gets the score.</summary>
    public double Score { get; }

    /// <inheritdoc />
    public bool Equals(ScaleLevel? other) => other is not null && Label == other.Label && Score.Equals(other.Score);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScaleLevel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Label, Score);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Label} ({Score})");
}

/// <summary>
/// How a question is answered: ordinal levels, yes/no, or a percentage. Every answer maps to an achievement from 0 to
/// 100 (percent), which is what scoring works with.
/// </summary>
/// <remarks>
/// <para>An ordinal level's achievement is <c>100 · (score − lowest) / (highest − lowest)</c>, so the lowest level is
/// 0 % and the highest 100 %. Yes is 100 %, no is 0 %. A percentage answer is its own achievement.</para>
/// <para>Equality compares the kind and the levels in order.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AnswerScale : IEquatable<AnswerScale>
{
    private AnswerScale(AnswerScaleKind kind, ImmutableArray<ScaleLevel> levels)
    {
        Kind = kind;
        Levels = levels;
    }

    /// <summary>Gets the yes/no scale.</summary>
    public static AnswerScale YesNo { get; } = new(AnswerScaleKind.YesNo, []);

    /// <summary>Gets the percentage scale (0 to 100).</summary>
    public static AnswerScale Percentage { get; } = new(AnswerScaleKind.Percentage, []);

    /// <summary>
    /// Gets this library's five-level scale: "not in place" (0), "ad hoc" (1), "partly in place" (2), "largely in place"
    /// (3) and "fully in place" (4), giving 0, 25, 50, 75 and 100 %.
    /// </summary>
    public static AnswerScale FiveLevel { get; } = Ordinal(
        new ScaleLevel("not in place", 0),
        new ScaleLevel("ad hoc", 1),
        new ScaleLevel("partly in place", 2),
        new ScaleLevel("largely in place", 3),
        new ScaleLevel("fully in place", 4));

    /// <summary>Gets the kind of scale.</summary>
    public AnswerScaleKind Kind { get; }

    /// <summary>Gets the ordinal levels, lowest first; empty for yes/no and percentage scales.</summary>
    public ImmutableArray<ScaleLevel> Levels { get; }

    /// <summary>Creates an ordinal scale.</summary>
    /// <param name="levels">The levels, lowest first: at least two, distinct labels, strictly rising scores.</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">There are fewer than two levels, a label repeats, or the scores do not rise strictly.</exception>
    public static AnswerScale Ordinal(params IEnumerable<ScaleLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ImmutableArray<ScaleLevel> list = [.. levels];
        Preconditions.CheckNoNulls(list, nameof(levels), "An ordinal scale cannot hold a null level.");
        Preconditions.CheckArgument(list.Length >= 2, nameof(levels), Preconditions.Invariant($"An ordinal scale needs at least two levels, but got {list.Length}."));
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            Preconditions.CheckArgument(labels.Add(list[i].Label), nameof(levels), Preconditions.Invariant($"The label '{list[i].Label}' appears twice in the scale."));
            if (i > 0)
            {
                Preconditions.CheckArgument(
                    list[i].Score > list[i - 1].Score,
                    nameof(levels),
                    Preconditions.Invariant($"Scores must rise strictly along the scale, but '{list[i].Label}' ({list[i].Score}) does not exceed '{list[i - 1].Label}' ({list[i - 1].Score})."));
            }
        }

        return new AnswerScale(AnswerScaleKind.Ordinal, list);
    }

    /// <summary>Finds the level with a label.</summary>
    /// <param name="label">The label.</param>
    /// <returns>The level, or null when the scale has no such label (or is not ordinal).</returns>
    public ScaleLevel? FindLevel(string label) => Levels.FirstOrDefault(l => l.Label == label);

    /// <summary>Returns whether <paramref name="value"/> is a valid answer on this scale.</summary>
    /// <param name="value">The answer.</param>
    /// <returns>True when the answer's kind matches and its level or percentage is valid.</returns>
    public bool Accepts(AnswerValue value) => value.Kind switch
    {
        AnswerValueKind.Level => Kind == AnswerScaleKind.Ordinal && FindLevel(value.Label!) is not null,
        AnswerValueKind.YesNo => Kind == AnswerScaleKind.YesNo,
        AnswerValueKind.Percentage => Kind == AnswerScaleKind.Percentage,
        _ => false,
    };

    /// <summary>Converts an answer to its achievement, 0 to 100.</summary>
    /// <param name="value">The answer.</param>
    /// <returns>The achievement in percent.</returns>
    /// <exception cref="ArgumentException">The answer does not fit this scale.</exception>
    public double Achievement(AnswerValue value)
    {
        Preconditions.CheckArgument(Accepts(value), nameof(value), Preconditions.Invariant($"The answer {value} does not fit a {Kind} scale."));
        switch (value.Kind)
        {
            case AnswerValueKind.Level:
                var low = Levels[0].Score;
                var high = Levels[^1].Score;
                return 100.0 * (FindLevel(value.Label!)!.Score - low) / (high - low);
            case AnswerValueKind.YesNo:
                return value.Number;
            default:
                return value.Number;
        }
    }

    /// <inheritdoc />
    public bool Equals(AnswerScale? other) => other is not null && Kind == other.Kind && Hashing.SequenceEqual(Levels, other.Levels);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AnswerScale other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Hashing.Sequence(Levels));

    /// <inheritdoc />
    public override string ToString() => Kind == AnswerScaleKind.Ordinal ? "ordinal: " + string.Join(", ", Levels.Select(l => l.Label)) : Kind.ToString();
}

/// <summary>The shape of an <see cref="AnswerValue"/>.</summary>
/// <remarks>There is no member with the value 0; <c>default(AnswerValue)</c> has no valid kind and is rejected.</remarks>
public enum AnswerValueKind
{
    /// <summary>A level of an ordinal scale, by label.</summary>
    Level = 1,

    /// <summary>Yes or no.</summary>
    YesNo = 2,

    /// <summary>A percentage.</summary>
    Percentage = 3,
}

/// <summary>One respondent's answer to one question: an ordinal level, yes/no, or a percentage.</summary>
/// <remarks>
/// <para>Equality compares the kind, the label (ordinally) and the number. The default value has no kind and is
/// rejected wherever an answer is needed.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public readonly struct AnswerValue : IEquatable<AnswerValue>
{
    private AnswerValue(AnswerValueKind kind, string? label, double number)
    {
        Kind = kind;
        Label = label;
        Number = number;
    }

    /// <summary>Gets the answer "yes" (100 %).</summary>
    public static AnswerValue Yes => new(AnswerValueKind.YesNo, null, 100);

    /// <summary>Gets the answer "no" (0 %).</summary>
    public static AnswerValue No => new(AnswerValueKind.YesNo, null, 0);

    /// <summary>Gets the kind of answer.</summary>
    public AnswerValueKind Kind { get; }

    /// <summary>Gets the chosen level's label, for a level answer; otherwise null.</summary>
    public string? Label { get; }

    /// <summary>Gets the percentage (0 to 100) for a percentage answer, 100 or 0 for yes or no, and 0 for a level answer.</summary>
    public double Number { get; }

    /// <summary>Creates a level answer.</summary>
    /// <param name="label">The chosen level's label.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is null or blank.</exception>
    public static AnswerValue Level(string label) => new(AnswerValueKind.Level, Preconditions.CheckNotBlank(label), 0);

    /// <summary>Creates a yes/no answer.</summary>
    /// <param name="yes">True for yes.</param>
    /// <returns>The answer.</returns>
    public static AnswerValue FromBoolean(bool yes) => yes ? Yes : No;

    /// <summary>Creates a percentage answer.</summary>
    /// <param name="percent">The percentage, 0 to 100.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is NaN or outside 0 to 100.</exception>
    public static AnswerValue Percent(double percent) => new(AnswerValueKind.Percentage, null, Preconditions.CheckInRange(percent, 0.0, 100.0));

    /// <inheritdoc />
    public bool Equals(AnswerValue other) => Kind == other.Kind && Label == other.Label && Number.Equals(other.Number);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AnswerValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Label, Number);

    /// <summary>Compares two answers for equality.</summary>
    /// <param name="left">The first answer.</param>
    /// <param name="right">The second answer.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(AnswerValue left, AnswerValue right) => left.Equals(right);

    /// <summary>Compares two answers for inequality.</summary>
    /// <param name="left">The first answer.</param>
    /// <param name="right">The second answer.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(AnswerValue left, AnswerValue right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        AnswerValueKind.Level => "'" + Label + "'",
        AnswerValueKind.YesNo => Number > 0 ? "yes" : "no",
        AnswerValueKind.Percentage => Preconditions.Invariant($"{Number} %"),
        _ => "(no answer)",
    };
}
