using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The four MoSCoW priorities of DSDM: Must have, Should have, Could have, Won't have this time. The numbers are the
/// codes a candidate's category criterion holds (1 = Must … 4 = Won't have this time).
/// </summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum MoscowCategory
{
    /// <summary>Must have: the minimum usable subset the timebox guarantees to deliver.</summary>
    Must = 1,

    /// <summary>Should have: important but not vital; leaving it out hurts, but the result is still viable.</summary>
    Should = 2,

    /// <summary>Could have: wanted but less important; the first to drop when the timebox is at risk.</summary>
    Could = 3,

    /// <summary>Won't have this time: agreed not to be delivered in this timebox.</summary>
    WontThisTime = 4,
}

/// <summary>
/// MoSCoW as a ranking method: every Must ranks before every Should, every Should before every Could, and every Could
/// before every Won't-have-this-time item; inside a category an optional criterion orders the items (higher first).
/// </summary>
/// <remarks>
/// <para>The category is read from a criterion column coded 1 = <see cref="MoscowCategory.Must"/>, 2 = Should,
/// 3 = Could, 4 = Won't have this time (the <see cref="MoscowCategory"/> values). Any other value, including a
/// fraction, is rejected, naming the candidate and the criterion.</para>
/// <para>The method is a <see cref="RankingMethod"/> with classes, like the risk matrix, so it works with
/// <see cref="Prioritiser"/>, <see cref="Ranking"/> explanations and <see cref="RankingMechanism"/> unchanged. The
/// class is 5 − code, so a Must is class 4 and a Won't-have-this-time item class 1 (classes rank higher first);
/// <see cref="CategoryFromClass"/> turns it back. Without a within-category criterion every score is 0, so items of
/// one category keep the order of <see cref="RankingOptions.SecondaryKey"/>, then ordinal id.</para>
/// <para>MoSCoW itself does not order items inside a category; the within-category order is the caller's choice.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MoscowMethod : RankingMethod
{
    /// <summary>The number of MoSCoW categories (and classes): 4.</summary>
    public const int CategoryCount = 4;

    internal MoscowMethod(string categoryCriterion, string? withinCategoryCriterion)
    {
        CategoryCriterion = Preconditions.CheckNotBlank(categoryCriterion);
        WithinCategoryCriterion = withinCategoryCriterion is null ? null : Preconditions.CheckNotBlank(withinCategoryCriterion);
        if (string.Equals(categoryCriterion, withinCategoryCriterion, StringComparison.Ordinal))
        {
            throw new ArgumentException(Preconditions.Invariant($"Criterion '{categoryCriterion}' cannot be both the category and the within-category criterion."), nameof(withinCategoryCriterion));
        }
    }

    /// <summary>Gets the criterion holding each candidate's category code (1 = Must … 4 = Won't have this time).</summary>
    public string CategoryCriterion { get; }

    /// <summary>Gets the criterion that orders items inside a category (higher first), or null for none (score 0).</summary>
    public string? WithinCategoryCriterion { get; }

    /// <inheritdoc />
    public override string Name => "MoSCoW";

    /// <summary>Gets the category a ranking class stands for: class 4 is Must, 3 Should, 2 Could, 1 Won't have this time.</summary>
    /// <param name="rankClass">The class, for example <see cref="RankedItem.Class"/> of a MoSCoW ranking, from 1 to 4.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rankClass"/> is not from 1 to 4.</exception>
    public static MoscowCategory CategoryFromClass(int rankClass) => (MoscowCategory)(CategoryCount + 1 - Preconditions.CheckInRange(rankClass, 1, CategoryCount));

    /// <summary>Gets the ranking class of a category: Must 4, Should 3, Could 2, Won't have this time 1.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The class.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is undefined.</exception>
    public static int ClassOf(MoscowCategory category) => CategoryCount + 1 - (int)Preconditions.CheckDefined(category);

    /// <summary>The display name of a category: "Must have", "Should have", "Could have", "Won't have this time".</summary>
    internal static string Label(MoscowCategory category) => category switch
    {
        MoscowCategory.Must => "Must have",
        MoscowCategory.Should => "Should have",
        MoscowCategory.Could => "Could have",
        _ => "Won't have this time",
    };

    /// <summary>Reads a category code, or throws naming the candidate and the criterion.</summary>
    internal static MoscowCategory ReadCode(CandidateSet set, int index, string criterion, double code, string methodName)
    {
        if (code is >= 1 and <= CategoryCount && code == Math.Floor(code))
        {
            return (MoscowCategory)(int)code;
        }

        throw new ArgumentOutOfRangeException("candidates", code, Preconditions.Invariant(
            $"Candidate '{set.IdArray[index]}' has {criterion} = {code}; {methodName} needs a whole category code: 1 = Must, 2 = Should, 3 = Could, 4 = Won't have this time."));
    }

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var codes = set.ColumnArray(CategoryCriterion, "candidates", Name);
        var within = WithinCategoryCriterion is null ? null : set.ColumnArray(WithinCategoryCriterion, "candidates", Name);
        var n = set.Count;
        var classes = new int[n];
        for (var i = 0; i < n; i++)
        {
            classes[i] = ClassOf(ReadCode(set, i, CategoryCriterion, codes[i], Name));
            scores[i] = within is null ? 0 : within[i];
        }

        return new ScoreSheet(scores, classes, null);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var code = set.ColumnArray(CategoryCriterion, "candidates", Name)[index];
        var category = CategoryFromClass(cls!.Value);
        var after = category switch
        {
            MoscowCategory.Must => "it ranks before every Should, Could and Won't-have-this-time item",
            MoscowCategory.Should => "it ranks after every Must and before every Could and Won't-have-this-time item",
            MoscowCategory.Could => "it ranks after every Must and Should and before every Won't-have-this-time item",
            _ => "it ranks after every item planned for this timebox",
        };
        var contributions = new List<CriterionContribution>
        {
            new(CategoryCriterion, code, cls.Value, Preconditions.Invariant($"Category '{CategoryCriterion}' code {F(code)} is {Label(category)} (class {cls.Value} of {CategoryCount})")),
        };
        string within;
        if (WithinCategoryCriterion is null)
        {
            within = "no within-category criterion, so the secondary key and then the id order it inside the category";
        }
        else
        {
            contributions.Add(new(WithinCategoryCriterion, score, score, Preconditions.Invariant($"Within {Label(category)}, '{WithinCategoryCriterion}' = {F(score)} orders it (higher first)")));
            within = Preconditions.Invariant($"within the category it scores '{WithinCategoryCriterion}' = {F(score)}");
        }

        return new Explanation(Name, Preconditions.Invariant($"{Label(category)}: {after}; {within}."), contributions);
    }
}
