using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>One item of a timebox plan for the MoSCoW check: its id, category and effort.</summary>
/// <remarks>Equality compares every property (the id ordinally).</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MoscowItem : IEquatable<MoscowItem>
{
    /// <summary>Creates an item.</summary>
    /// <param name="id">The id, unique within one check (ordinal).</param>
    /// <param name="category">The MoSCoW category.</param>
    /// <param name="effort">The effort, in the unit of the capacity; finite and not negative.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is undefined, or <paramref name="effort"/> is negative, NaN or infinite (the message names the item).</exception>
    public MoscowItem(string id, MoscowCategory category, double effort)
    {
        Id = Preconditions.CheckNotBlank(id);
        if (!Enum.IsDefined(category))
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, Preconditions.Invariant($"Item '{id}' has an undefined MoSCoW category {(int)category}."));
        }

        if (!double.IsFinite(effort) || effort < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(effort), effort, Preconditions.Invariant($"Item '{id}' has effort {effort}; effort must be finite and not negative."));
        }

        Category = category;
        Effort = effort;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the MoSCoW category.</summary>
    public MoscowCategory Category { get; }

    /// <summary>Gets the effort.</summary>
    public double Effort { get; }

    /// <inheritdoc />
    public bool Equals(MoscowItem? other) =>
        other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal) && Category == other.Category && Effort.Equals(other.Effort);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MoscowItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Category, Effort);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Id} ({Category}, effort {Effort})");
}

/// <summary>Where the Could pool stands against its target share of the capacity.</summary>
public enum MoscowCouldPool
{
    /// <summary>The Could effort is more than the tolerance below the target: little contingency to drop.</summary>
    Below = 1,

    /// <summary>The Could effort is within the tolerance of the target.</summary>
    Near = 2,

    /// <summary>The Could effort is more than the tolerance above the target.</summary>
    Above = 3,
}

/// <summary>
/// The limits of the MoSCoW timebox check: the largest Must share of the capacity, and the target and tolerance of
/// the Could pool. The defaults are DSDM's guidance: Must effort at most 60 % of the timebox, a Could pool of about
/// 20 %.
/// </summary>
/// <remarks>
/// DSDM says Must effort above 60 % risks failure unless estimates are accurate, the approach and the environment are
/// well understood and the team is performing; it leaves the exact split to the team. The tolerance around the Could
/// target is ours (DSDM says only "typically around 20 %"): 5 percentage points by default.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MoscowTimeboxOptions
{
    /// <summary>DSDM's largest Must share of the timebox: 0.6.</summary>
    public const double DefaultMustLimit = 0.6;

    /// <summary>DSDM's typical Could pool: 0.2 of the timebox.</summary>
    public const double DefaultCouldTarget = 0.2;

    /// <summary>Our default tolerance around the Could target: 0.05 (5 percentage points).</summary>
    public const double DefaultCouldTolerance = 0.05;

    /// <summary>Creates options.</summary>
    /// <param name="mustLimit">The largest Must effort as a share of the capacity, in (0, 1].</param>
    /// <param name="couldTarget">The Could pool's target share of the capacity, in [0, 1].</param>
    /// <param name="couldTolerance">How far the Could share may be from the target and still count as near, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or NaN.</exception>
    public MoscowTimeboxOptions(double mustLimit = DefaultMustLimit, double couldTarget = DefaultCouldTarget, double couldTolerance = DefaultCouldTolerance)
    {
        if (!(mustLimit > 0 && mustLimit <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(mustLimit), mustLimit, Preconditions.Invariant($"The Must limit must be a share in (0, 1], but was {mustLimit}."));
        }

        MustLimit = mustLimit;
        CouldTarget = Preconditions.CheckInRange(couldTarget, 0, 1);
        CouldTolerance = Preconditions.CheckInRange(couldTolerance, 0, 1);
    }

    /// <summary>Gets DSDM's defaults: Must at most 0.6, Could pool 0.2 ± 0.05.</summary>
    public static MoscowTimeboxOptions Default { get; } = new();

    /// <summary>Gets the largest Must effort as a share of the capacity. The default is 0.6.</summary>
    public double MustLimit { get; }

    /// <summary>Gets the Could pool's target share of the capacity. The default is 0.2.</summary>
    public double CouldTarget { get; }

    /// <summary>Gets how far the Could share may be from the target and still count as near. The default is 0.05.</summary>
    public double CouldTolerance { get; }

    /// <summary>Returns a copy with another Must limit.</summary>
    /// <param name="mustLimit">The new limit, in (0, 1].</param>
    /// <returns>New options; these are unchanged.</returns>
    public MoscowTimeboxOptions WithMustLimit(double mustLimit) => new(mustLimit, CouldTarget, CouldTolerance);

    /// <summary>Returns a copy with another Could target and tolerance.</summary>
    /// <param name="couldTarget">The new target, in [0, 1].</param>
    /// <param name="couldTolerance">The new tolerance, in [0, 1].</param>
    /// <returns>New options; these are unchanged.</returns>
    public MoscowTimeboxOptions WithCouldPool(double couldTarget, double couldTolerance) => new(MustLimit, couldTarget, couldTolerance);
}

/// <summary>
/// Checks a MoSCoW-prioritised timebox plan against its capacity, as DSDM advises: how much of the plan each category
/// takes, whether the Must effort stays within its limit of the capacity, whether the Could pool is near its target,
/// and which items do not fit.
/// </summary>
/// <remarks>
/// <para><b>Planned effort</b> is the effort of the Must, Should and Could items; Won't-have-this-time items are not in
/// the timebox, so they count towards no share and never make it infeasible (their effort is still reported).</para>
/// <para><b>Two denominators.</b> <see cref="MoscowTimeboxResult.ShareOf"/> gives each category's part of the planned
/// effort (Must + Should + Could = 1). DSDM's limits are on the timebox, so the Must limit and the Could pool are
/// judged against the capacity (<see cref="MoscowTimeboxResult.MustShareOfCapacity"/>,
/// <see cref="MoscowTimeboxResult.CouldShareOfCapacity"/>): a plan of Musts alone that fills 60 % of the capacity leaves
/// 40 % free, which is contingency too.</para>
/// <para><b>The cut line.</b> Items are laid into the capacity in priority order: Must, then Should, then Could, and
/// inside a category by ordinal id. Every item whose running total passes the capacity is beyond the cut line and is
/// named in <see cref="MoscowTimeboxResult.OverCapacity"/>; the plan is feasible when there is none. Order inside a
/// category is ours (MoSCoW has none): give ids that sort in backlog order, or drop items by a ranking of your own.
/// The result does not depend on the order of the input.</para>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public static class MoscowTimebox
{
    /// <summary>Checks a timebox plan.</summary>
    /// <param name="items">The items, with unique ids (ordinal); never changed.</param>
    /// <param name="capacity">The timebox's capacity, in the unit of the efforts; finite and positive.</param>
    /// <param name="options">The limits, or null for <see cref="MoscowTimeboxOptions.Default"/>.</param>
    /// <returns>The check's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">An id occurs twice (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not finite and positive.</exception>
    public static MoscowTimeboxResult Check(IEnumerable<MoscowItem> items, double capacity, MoscowTimeboxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            Preconditions.CheckElementNotNull(list[i], nameof(items), Preconditions.Invariant($"The item at index {i} is null."));
            if (!seen.Add(list[i].Id))
            {
                throw new ArgumentException(Preconditions.Invariant($"Item '{list[i].Id}' occurs more than once."), nameof(items));
            }
        }

        if (!(double.IsFinite(capacity) && capacity > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, Preconditions.Invariant($"The capacity must be finite and positive, but was {capacity}."));
        }

        return new MoscowTimeboxResult(list, capacity, options ?? MoscowTimeboxOptions.Default);
    }

    /// <summary>Checks a timebox plan held in a candidate set: the category from a criterion coded as for <see cref="RankingMethod.Moscow"/>, the effort from each candidate's effort.</summary>
    /// <param name="candidates">The candidates; never changed.</param>
    /// <param name="categoryCriterion">The criterion holding the category code, 1 = Must … 4 = Won't have this time.</param>
    /// <param name="capacity">The timebox's capacity, in the unit of the efforts; finite and positive.</param>
    /// <param name="options">The limits, or null for <see cref="MoscowTimeboxOptions.Default"/>.</param>
    /// <returns>The check's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> or <paramref name="categoryCriterion"/> is null.</exception>
    /// <exception cref="ArgumentException">The set lacks the criterion.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A category code is not a whole number from 1 to 4 (the message names the candidate), or <paramref name="capacity"/> is not finite and positive.</exception>
    public static MoscowTimeboxResult Check(CandidateSet candidates, string categoryCriterion, double capacity, MoscowTimeboxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var codes = candidates.ColumnArray(Preconditions.CheckNotNull(categoryCriterion), nameof(categoryCriterion), "The MoSCoW timebox check");
        var items = new MoscowItem[candidates.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new MoscowItem(candidates.IdArray[i], MoscowMethod.ReadCode(candidates, i, categoryCriterion, codes[i], "the MoSCoW timebox check"), candidates.EffortArray[i]);
        }

        return Check(items, capacity, options);
    }
}

/// <summary>
/// The result of a MoSCoW timebox check: effort and share per category, the Must limit and Could pool verdicts, the
/// items beyond the cut line, and one message per problem, each naming the items concerned.
/// </summary>
/// <remarks>See <see cref="MoscowTimebox"/> for the denominators and the cut line.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MoscowTimeboxResult
{
    private readonly double[] _effort = new double[MoscowMethod.CategoryCount];

    internal MoscowTimeboxResult(MoscowItem[] items, double capacity, MoscowTimeboxOptions options)
    {
        Capacity = capacity;
        Options = options;
        var ordered = items.OrderBy(x => x.Category).ThenBy(x => x.Id, StringComparer.Ordinal).ToImmutableArray();
        Items = ordered;
        foreach (var item in ordered)
        {
            _effort[(int)item.Category - 1] += item.Effort;
        }

        MustShareOfCapacity = EffortOf(MoscowCategory.Must) / capacity;
        CouldShareOfCapacity = EffortOf(MoscowCategory.Could) / capacity;
        IsMustWithinLimit = MustShareOfCapacity <= options.MustLimit;
        var gap = CouldShareOfCapacity - options.CouldTarget;
        CouldPool = gap < -options.CouldTolerance ? MoscowCouldPool.Below : gap > options.CouldTolerance ? MoscowCouldPool.Above : MoscowCouldPool.Near;

        var messages = ImmutableArray.CreateBuilder<string>();
        var over = new List<MoscowItem>();
        var running = 0.0;
        var mustOver = new List<string>();
        foreach (var item in ordered)
        {
            if (item.Category == MoscowCategory.WontThisTime)
            {
                continue;
            }

            running += item.Effort;
            if (running > capacity)
            {
                over.Add(item);
                if (item.Category == MoscowCategory.Must)
                {
                    mustOver.Add(item.Id);
                }
            }
        }

        // The planned effort is the cut line's final running total, so IsFeasible ⇔ PlannedEffort ≤ Capacity exactly
        // (the running total of efforts that are not negative never decreases, even in floating point).
        PlannedEffort = running;
        OverCapacity = [.. over.Select(x => x.Id)];
        MustOverCapacity = [.. mustOver];
        if (!IsMustWithinLimit)
        {
            messages.Add(Preconditions.Invariant(
                $"Must effort {RankingMethod.F(EffortOf(MoscowCategory.Must))} is {Percent(MustShareOfCapacity)} of capacity {RankingMethod.F(capacity)}, above the limit of {Percent(options.MustLimit)}; Must items: {Ids(MoscowCategory.Must)}."));
        }

        if (CouldPool != MoscowCouldPool.Near)
        {
            messages.Add(Preconditions.Invariant(
                $"Could effort {RankingMethod.F(EffortOf(MoscowCategory.Could))} is {Percent(CouldShareOfCapacity)} of capacity {RankingMethod.F(capacity)}, {(CouldPool == MoscowCouldPool.Below ? "below" : "above")} the pool of {Percent(options.CouldTarget)} ± {Percent(options.CouldTolerance)}; Could items: {Ids(MoscowCategory.Could)}."));
        }

        if (mustOver.Count > 0)
        {
            messages.Add(Preconditions.Invariant(
                $"The Must items alone need {RankingMethod.F(EffortOf(MoscowCategory.Must))}, more than capacity {RankingMethod.F(capacity)}: the timebox cannot deliver its minimum usable subset; Must items beyond the cut line: {string.Join(", ", mustOver.Select(id => "'" + id + "'"))}."));
        }

        if (over.Count > mustOver.Count)
        {
            messages.Add(Preconditions.Invariant(
                $"Planned effort {RankingMethod.F(PlannedEffort)} exceeds capacity {RankingMethod.F(capacity)}; beyond the cut line (Must, Should, Could, then id): {string.Join(", ", over.Skip(mustOver.Count).Select(x => "'" + x.Id + "' (" + x.Category + ")"))}."));
        }

        Messages = messages.ToImmutable();
    }

    /// <summary>Gets the items, in cut-line order: Must, Should, Could, Won't have this time, each by ordinal id.</summary>
    public ImmutableArray<MoscowItem> Items { get; }

    /// <summary>Gets the timebox's capacity.</summary>
    public double Capacity { get; }

    /// <summary>Gets the limits the plan was checked against.</summary>
    public MoscowTimeboxOptions Options { get; }

    /// <summary>Gets the effort of the Must, Should and Could items (Won't-have-this-time items are not planned).</summary>
    public double PlannedEffort { get; }

    /// <summary>Gets the Must effort as a share of the capacity (above 1 when the Musts alone do not fit).</summary>
    public double MustShareOfCapacity { get; }

    /// <summary>Gets the Could effort as a share of the capacity.</summary>
    public double CouldShareOfCapacity { get; }

    /// <summary>Gets whether the Must effort is at most <see cref="MoscowTimeboxOptions.MustLimit"/> of the capacity.</summary>
    public bool IsMustWithinLimit { get; }

    /// <summary>Gets where the Could effort stands against <see cref="MoscowTimeboxOptions.CouldTarget"/> of the capacity.</summary>
    public MoscowCouldPool CouldPool { get; }

    /// <summary>Gets whether every planned item fits in the capacity (<see cref="OverCapacity"/> is empty).</summary>
    public bool IsFeasible => OverCapacity.IsEmpty;

    /// <summary>Gets the ids of the planned items beyond the cut line, in cut-line order; empty when the plan fits.</summary>
    public ImmutableArray<string> OverCapacity { get; }

    /// <summary>Gets the ids of the Must items beyond the cut line: non-empty exactly when the Musts alone exceed the capacity.</summary>
    public ImmutableArray<string> MustOverCapacity { get; }

    /// <summary>Gets one message per problem found (Must limit, Could pool, Musts over capacity, items over capacity), each naming the items; empty for a sound plan.</summary>
    public ImmutableArray<string> Messages { get; }

    /// <summary>Gets the total effort of one category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The effort (0 when the category has no items).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is undefined.</exception>
    public double EffortOf(MoscowCategory category) => _effort[(int)Preconditions.CheckDefined(category) - 1];

    /// <summary>Gets a category's share of the planned effort: Must, Should and Could shares sum to 1; Won't have this time is 0, and every share is 0 when nothing is planned.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The share, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is undefined.</exception>
    public double ShareOf(MoscowCategory category)
    {
        Preconditions.CheckDefined(category);
        return category == MoscowCategory.WontThisTime || PlannedEffort == 0 ? 0 : EffortOf(category) / PlannedEffort;
    }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"MoSCoW timebox: Must {Percent(MustShareOfCapacity)} of capacity {RankingMethod.F(Capacity)}, {(IsFeasible ? "feasible" : "infeasible")}, {Messages.Length} message(s)");

    private static string Percent(double share) => RankingMethod.F(share * 100) + " %";

    private string Ids(MoscowCategory category)
    {
        var ids = Items.Where(x => x.Category == category).Select(x => "'" + x.Id + "'").ToList();
        return ids.Count == 0 ? "none" : string.Join(", ", ids);
    }
}
