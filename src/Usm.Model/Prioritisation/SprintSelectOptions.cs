using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The parameters of a sprint selection: the sprint's capacity, precedences between candidates, whether the sprint
/// must cover people, process and technology, the work budget of the exact method, and how values are handled.
/// </summary>
/// <remarks>
/// <para><b>Work.</b> The exact method fills n·(C + 1)·s table cells, where n is the number of candidates, C the
/// capacity left after the must-include items and s is 8 when resource coverage is required (one state per subset of
/// the three resources) and 1 otherwise. When that product exceeds <see cref="WorkBudget"/>, the selector uses the
/// greedy method instead and says so. The default budget, 10^8 cells, keeps the exact method to about a tenth of a
/// second and its bit table to about 12.5 MB.</para>
/// <para><b>Values.</b> Without <see cref="ValueScale"/>, the table holds sums of the given doubles. The choice is then
/// exact in effort units, and the sums are exact too when every value is a whole number (or a multiple of a power of
/// two such as 0.25) and the total stays below 2^53; other fractions carry the usual rounding of double addition, so
/// two selections whose values differ by less than about n·2^-52 of the total may be told apart wrongly. With a
/// <see cref="ValueScale"/> k, each value v becomes the whole number round(v·k) (ties to even) before the table is
/// filled, so every comparison is exact; the selection is then optimal for the rounded values, and the reported
/// total is still the sum of the original values.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SprintSelectOptions
{
    /// <summary>The default work budget: 10^8 table cells.</summary>
    public const long DefaultWorkBudget = 100_000_000;

    /// <summary>Creates options.</summary>
    /// <param name="capacity">The sprint's capacity in effort units, not negative.</param>
    /// <param name="precedences">Precedences between candidates; none by default.</param>
    /// <param name="requireResourceCoverage">Whether the sprint must hold at least one item for each of people, process and technology (when feasible).</param>
    /// <param name="workBudget">The largest number of table cells the exact method may fill; 0 uses the greedy method whenever there is a candidate.</param>
    /// <param name="valueScale">If set, values are multiplied by it and rounded to whole numbers before the exact method runs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="precedences"/> holds null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="workBudget"/> is negative, or <paramref name="valueScale"/> is not a finite positive number.</exception>
    public SprintSelectOptions(int capacity, IEnumerable<SprintPrecedence>? precedences = null, bool requireResourceCoverage = false, long workBudget = DefaultWorkBudget, double? valueScale = null)
    {
        Capacity = Preconditions.CheckNonNegative(capacity);
        if (workBudget < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(workBudget), workBudget, Preconditions.Invariant($"Value must not be negative, but was {workBudget}."));
        }

        if (valueScale is { } scale && (!double.IsFinite(scale) || scale <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(valueScale), scale, Preconditions.Invariant($"Value must be a finite positive number, but was {scale}."));
        }

        Precedences = precedences is null ? [] : [.. precedences];
        foreach (var p in Precedences)
        {
            Preconditions.CheckElementNotNull(p, nameof(precedences), "The precedences cannot hold null.");
        }

        RequireResourceCoverage = requireResourceCoverage;
        WorkBudget = workBudget;
        ValueScale = valueScale;
    }

    /// <summary>Gets the sprint's capacity in effort units.</summary>
    public int Capacity { get; }

    /// <summary>Gets the precedences, in the given order.</summary>
    public ImmutableArray<SprintPrecedence> Precedences { get; }

    /// <summary>Gets whether the sprint must hold at least one item for each of people, process and technology when that is feasible.</summary>
    public bool RequireResourceCoverage { get; }

    /// <summary>Gets the largest number of table cells the exact method may fill (see the type remarks).</summary>
    public long WorkBudget { get; }

    /// <summary>Gets the factor that turns values into whole numbers for the exact method, or null to use the values as given.</summary>
    public double? ValueScale { get; }

    /// <summary>Returns a copy with another capacity.</summary>
    /// <param name="capacity">The new capacity.</param>
    /// <returns>New options; these are unchanged.</returns>
    public SprintSelectOptions WithCapacity(int capacity) => new(capacity, Precedences, RequireResourceCoverage, WorkBudget, ValueScale);

    /// <summary>Returns a copy with other precedences.</summary>
    /// <param name="precedences">The new precedences.</param>
    /// <returns>New options; these are unchanged.</returns>
    public SprintSelectOptions WithPrecedences(IEnumerable<SprintPrecedence> precedences) => new(Capacity, precedences, RequireResourceCoverage, WorkBudget, ValueScale);

    /// <summary>Returns a copy that does or does not require people, process and technology coverage.</summary>
    /// <param name="required">Whether coverage is required.</param>
    /// <returns>New options; these are unchanged.</returns>
    public SprintSelectOptions WithResourceCoverage(bool required) => new(Capacity, Precedences, required, WorkBudget, ValueScale);

    /// <summary>Returns a copy with another work budget.</summary>
    /// <param name="workBudget">The new budget in table cells.</param>
    /// <returns>New options; these are unchanged.</returns>
    public SprintSelectOptions WithWorkBudget(long workBudget) => new(Capacity, Precedences, RequireResourceCoverage, workBudget, ValueScale);

    /// <summary>Returns a copy with another value scale.</summary>
    /// <param name="valueScale">The new scale, or null to use values as given.</param>
    /// <returns>New options; these are unchanged.</returns>
    public SprintSelectOptions WithValueScale(double? valueScale) => new(Capacity, Precedences, RequireResourceCoverage, WorkBudget, valueScale);
}
