using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// The business case of a measure: what it should bring, how likely that is, what it costs, how feasible it is,
/// and how much effort it takes.
/// </summary>
/// <remarks>
/// <para>The attributes (result, chance of the result, cost, feasibility) follow the USM coach's risk template;
/// effort is in the organisation's integer units (for example person-days) and is what improvement sprints plan
/// against.</para>
/// <para><see cref="NetExpectedBenefit"/> = <see cref="ChanceOfSuccess"/> × <see cref="ExpectedBenefit"/> −
/// <see cref="Cost"/>. <see cref="DefaultComparer"/> orders business cases from best to worst. Equality compares
/// every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BusinessCase : IEquatable<BusinessCase>
{
    /// <summary>Creates a business case.</summary>
    /// <param name="expectedResult">What the measure should achieve, in words.</param>
    /// <param name="expectedBenefit">The benefit if it succeeds (for a threat: the loss avoided), finite and not negative.</param>
    /// <param name="chanceOfSuccess">The chance that the result is achieved, in [0, 1].</param>
    /// <param name="cost">The cost, finite and not negative.</param>
    /// <param name="feasibility">How feasible the measure is, in [0, 1].</param>
    /// <param name="effort">The effort in integer units, at least 1.</param>
    /// <exception cref="ArgumentException">A value is blank or out of range; the message names it.</exception>
    public BusinessCase(string expectedResult, double expectedBenefit, double chanceOfSuccess, double cost, double feasibility, int effort)
    {
        ExpectedResult = Preconditions.CheckNotBlank(expectedResult);
        ExpectedBenefit = CheckAmount(expectedBenefit);
        ChanceOfSuccess = Preconditions.CheckInRange(chanceOfSuccess, 0, 1);
        Cost = CheckAmount(cost);
        Feasibility = Preconditions.CheckInRange(feasibility, 0, 1);
        Effort = Preconditions.CheckInRange(effort, 1, int.MaxValue);
    }

    /// <summary>
    /// Gets the default "best business case first" order: higher <see cref="NetExpectedBenefit"/>, then higher
    /// <see cref="Feasibility"/>, then lower <see cref="Effort"/>, then lower <see cref="Cost"/>, then
    /// <see cref="ExpectedResult"/> by ordinal comparison.
    /// </summary>
    public static IComparer<BusinessCase> DefaultComparer { get; } = Comparer<BusinessCase>.Create(CompareDefault);

    /// <summary>Gets what the measure should achieve.</summary>
    public string ExpectedResult { get; }

    /// <summary>Gets the benefit if the measure succeeds.</summary>
    public double ExpectedBenefit { get; }

    /// <summary>Gets the chance of success, in [0, 1].</summary>
    public double ChanceOfSuccess { get; }

    /// <summary>Gets the cost.</summary>
    public double Cost { get; }

    /// <summary>Gets the feasibility, in [0, 1].</summary>
    public double Feasibility { get; }

    /// <summary>Gets the effort in integer units.</summary>
    public int Effort { get; }

    /// <summary>Gets chance of success × expected benefit − cost.</summary>
    public double NetExpectedBenefit => (ChanceOfSuccess * ExpectedBenefit) - Cost;

    /// <inheritdoc />
    public bool Equals(BusinessCase? other) =>
        other is not null && ExpectedResult == other.ExpectedResult && ExpectedBenefit.Equals(other.ExpectedBenefit)
        && ChanceOfSuccess.Equals(other.ChanceOfSuccess) && Cost.Equals(other.Cost) && Feasibility.Equals(other.Feasibility) && Effort == other.Effort;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BusinessCase other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ExpectedResult, ExpectedBenefit, ChanceOfSuccess, Cost, Feasibility, Effort);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{ExpectedResult} (net {NetExpectedBenefit}, effort {Effort})");

    private static int CompareDefault(BusinessCase? x, BusinessCase? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return 1;
        }

        if (y is null)
        {
            return -1;
        }

        var c = y.NetExpectedBenefit.CompareTo(x.NetExpectedBenefit);
        if (c == 0)
        {
            c = y.Feasibility.CompareTo(x.Feasibility);
        }

        if (c == 0)
        {
            c = x.Effort.CompareTo(y.Effort);
        }

        if (c == 0)
        {
            c = x.Cost.CompareTo(y.Cost);
        }

        return c != 0 ? c : string.CompareOrdinal(x.ExpectedResult, y.ExpectedResult);
    }

    private static double CheckAmount(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, Preconditions.Invariant($"Value must be finite and not negative, but was {value}."));
        }

        return value;
    }
}
