using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// One outcome of comparing two candidates side by side, as a staff member of the sounding-board group gives it: one
/// candidate preferred to the other (a win and a loss), or neither preferred (a tie). <see cref="Count"/> lets one
/// record stand for several identical outcomes.
/// </summary>
/// <remarks>
/// <para>For a win, <see cref="First"/> is the winner and <see cref="Second"/> the loser. For a tie the two are simply
/// the candidates in the order given; <see cref="BradleyTerry"/> and <see cref="Elo"/> treat a tie as
/// half a win for each side, so the order of a tie's candidates does not matter to a result (in Elo, up to
/// rounding).</para>
/// <para>Equality is structural: first, second, whether it is a tie, and the count. A tie of A and B does not equal a
/// tie of B and A (the order is kept as given).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PairwiseComparison : IEquatable<PairwiseComparison>
{
    private PairwiseComparison(string first, string second, bool isTie, int count, string firstParam, string secondParam)
    {
        First = Preconditions.CheckNotBlank(first, firstParam);
        Second = Preconditions.CheckNotBlank(second, secondParam);
        if (string.Equals(first, second, StringComparison.Ordinal))
        {
            throw new ArgumentException(Preconditions.Invariant($"Candidate '{first}' cannot be compared with itself."), secondParam);
        }

        IsTie = isTie;
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, Preconditions.Invariant(
                $"The comparison {first} {(isTie ? '=' : '>')} {second} has count {count}; a count must be at least 1."));
        }

        Count = count;
    }

    /// <summary>Gets the winner, or for a tie the first candidate named.</summary>
    public string First { get; }

    /// <summary>Gets the loser, or for a tie the second candidate named.</summary>
    public string Second { get; }

    /// <summary>Gets whether neither candidate was preferred.</summary>
    public bool IsTie { get; }

    /// <summary>Gets how many identical outcomes this record stands for (at least 1).</summary>
    public int Count { get; }

    /// <summary>Gets the winner, or null for a tie.</summary>
    public string? Winner => IsTie ? null : First;

    /// <summary>Gets the loser, or null for a tie.</summary>
    public string? Loser => IsTie ? null : Second;

    /// <summary>Creates a win: <paramref name="winner"/> was preferred to <paramref name="loser"/>.</summary>
    /// <param name="winner">The preferred candidate's id.</param>
    /// <param name="loser">The other candidate's id.</param>
    /// <param name="count">How many identical outcomes the record stands for, at least 1.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is blank, or both ids are the same (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static PairwiseComparison Win(string winner, string loser, int count = 1) =>
        new(winner, loser, isTie: false, count, nameof(winner), nameof(loser));

    /// <summary>Creates a tie: neither candidate was preferred.</summary>
    /// <param name="first">One candidate's id.</param>
    /// <param name="second">The other candidate's id.</param>
    /// <param name="count">How many identical outcomes the record stands for, at least 1.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is blank, or both ids are the same (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static PairwiseComparison Tie(string first, string second, int count = 1) =>
        new(first, second, isTie: true, count, nameof(first), nameof(second));

    /// <summary>
    /// Parses <c>"A &gt; B"</c> (A preferred to B), <c>"A &lt; B"</c> (B preferred to A) or <c>"A = B"</c> (a tie);
    /// white space around the ids is ignored. A leading count in the form <see cref="ToString"/> writes, such as
    /// <c>"3 x A &gt; B"</c>, is read as the count, so <c>Parse(c.ToString())</c> equals <c>c</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="count">How many identical outcomes it stands for, at least 1; leave it at 1 when the text starts with a count.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is blank, does not hold exactly one of <c>&gt;</c>, <c>&lt;</c> or <c>=</c> between two ids, names one id twice, or starts with a count while <paramref name="count"/> is not 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static PairwiseComparison Parse(string text, int count = 1)
    {
        Preconditions.CheckNotBlank(text);
        var at = text.IndexOfAny(['>', '<', '=']);
        if (at < 0 || text.IndexOfAny(['>', '<', '='], at + 1) >= 0)
        {
            throw new ArgumentException(Preconditions.Invariant($"'{text}' is not a comparison such as 'A > B', 'A < B' or 'A = B'."), nameof(text));
        }

        var left = text[..at].Trim();
        var right = text[(at + 1)..].Trim();
        var times = left.IndexOf(" x ", StringComparison.Ordinal);
        if (times > 0 && int.TryParse(left.AsSpan(0, times), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            if (count != 1)
            {
                throw new ArgumentException(Preconditions.Invariant($"'{text}' starts with a count, and a count of {count} is given as well; give one of them."), nameof(text));
            }

            count = prefix;
            left = left[(times + 3)..].Trim();
        }
        try
        {
            return text[at] switch
            {
                '>' => Win(left, right, count),
                '<' => Win(right, left, count),
                _ => Tie(left, right, count),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            throw;
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException(Preconditions.Invariant($"'{text}': {Preconditions.OwnMessage(error)}"), nameof(text), error);
        }
    }

    /// <summary>Returns the comparison with the outcome reversed: the loser wins (a tie names its candidates the other way round).</summary>
    /// <returns>A new comparison; this one is unchanged.</returns>
    public PairwiseComparison Reversed() => new(Second, First, IsTie, Count, nameof(First), nameof(Second));

    /// <summary>Returns a copy that stands for another number of outcomes.</summary>
    /// <param name="count">The count, at least 1.</param>
    /// <returns>A new comparison; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public PairwiseComparison WithCount(int count) => new(First, Second, IsTie, count, nameof(First), nameof(Second));

    /// <inheritdoc />
    public bool Equals(PairwiseComparison? other) =>
        other is not null && IsTie == other.IsTie && Count == other.Count
        && string.Equals(First, other.First, StringComparison.Ordinal) && string.Equals(Second, other.Second, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PairwiseComparison other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(First, Second, IsTie, Count);

    /// <summary>Returns the comparison as <see cref="Parse"/> reads it (round trip), prefixed by the count when above 1, for example <c>3 x A &gt; B</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = Preconditions.Invariant($"{First} {(IsTie ? '=' : '>')} {Second}");
        return Count == 1 ? text : Preconditions.Invariant($"{Count} x {text}");
    }
}
