using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// A prioritisation mechanism: orders the open risks of the risk database so that an improvement sprint can pick
/// from the top. USM requires the mechanism to be agreed before the first sprint (prerequisite 8).
/// </summary>
/// <remarks>
/// Implementations must be deterministic: the same risks give the same order, with documented tie-breaking that
/// ends in the risk id (ordinal). <see cref="RiskMatrixPrioritisation"/> is the mechanism this namespace ships;
/// <c>Usm.Model.Prioritisation</c> adds others.
/// </remarks>
public interface IPrioritisationMechanism
{
    /// <summary>Gets the mechanism's name, as recorded in the programme and its sprints.</summary>
    string Name { get; }

    /// <summary>Orders open risks, most urgent first.</summary>
    /// <param name="openRisks">The open risks, for example <see cref="RiskDatabase.OpenRisks"/>.</param>
    /// <returns>One priority per risk, ordered by rank (1 first).</returns>
    IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks);
}

/// <summary>One risk's place in a prioritised list: rank, score and a readable explanation.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskPriority : IEquatable<RiskPriority>
{
    /// <summary>Creates a priority.</summary>
    /// <param name="riskId">The risk's id.</param>
    /// <param name="rank">The 1-based rank.</param>
    /// <param name="score">The mechanism's score (its meaning depends on the mechanism; higher is more urgent).</param>
    /// <param name="explanation">Why the risk has this place, in words.</param>
    /// <exception cref="ArgumentException">An id or the explanation is blank, the rank is below 1, or the score is not finite.</exception>
    public RiskPriority(string riskId, int rank, double score, string explanation)
    {
        RiskId = Preconditions.CheckNotBlank(riskId);
        Rank = Preconditions.CheckInRange(rank, 1, int.MaxValue);
        Score = Preconditions.CheckFinite(score);
        Explanation = Preconditions.CheckNotBlank(explanation);
    }

    /// <summary>Gets the risk's id.</summary>
    public string RiskId { get; }

    /// <summary>Gets the 1-based rank.</summary>
    public int Rank { get; }

    /// <summary>Gets the score; higher is more urgent.</summary>
    public double Score { get; }

    /// <summary>Gets the explanation.</summary>
    public string Explanation { get; }

    /// <inheritdoc />
    public bool Equals(RiskPriority? other) =>
        other is not null && RiskId == other.RiskId && Rank == other.Rank && Score.Equals(other.Score) && Explanation == other.Explanation;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RiskPriority other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RiskId, Rank, Score, Explanation);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Rank}. {RiskId} ({Score}): {Explanation}");
}

/// <summary>The record that a programme agreed on a prioritisation mechanism, and when.</summary>
/// <threadsafety>This type is immutable and thread-safe if the mechanism is.</threadsafety>
public sealed class PrioritisationAgreement
{
    /// <summary>Creates the record.</summary>
    /// <param name="mechanism">The agreed mechanism.</param>
    /// <param name="agreedOn">The date of the agreement.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mechanism"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="agreedOn"/> is not in the ISO calendar.</exception>
    public PrioritisationAgreement(IPrioritisationMechanism mechanism, LocalDate agreedOn)
    {
        Mechanism = Preconditions.CheckNotNull(mechanism);
        AgreedOn = Preconditions.CheckIso(agreedOn);
    }

    /// <summary>Gets the agreed mechanism.</summary>
    public IPrioritisationMechanism Mechanism { get; }

    /// <summary>Gets the date of the agreement.</summary>
    public LocalDate AgreedOn { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Mechanism.Name}, agreed on {AgreedOn:uuuu-MM-dd}";
}

/// <summary>
/// Prioritises by the organisation's <see cref="RiskMatrix"/>: higher priority class first, then the larger size
/// (absolute value) of the signed expected value, then risk id (ordinal).
/// </summary>
/// <remarks>
/// <para>The score is the class index (0 = least urgent). Risks not yet classified (no inherent assessment) come
/// after every classified risk, with score −1. Using the size of the signed expected value puts the larger stake
/// first whether it is a threat or an opportunity.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskMatrixPrioritisation : IPrioritisationMechanism
{
    /// <summary>Creates the mechanism.</summary>
    /// <param name="matrix">The organisation's risk matrix.</param>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public RiskMatrixPrioritisation(RiskMatrix matrix) => Matrix = Preconditions.CheckNotNull(matrix);

    /// <summary>Gets the matrix.</summary>
    public RiskMatrix Matrix { get; }

    /// <inheritdoc />
    public string Name => "Risk matrix";

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="openRisks"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="openRisks"/> holds an id twice, a risk is not open, or its assessment lies outside the matrix's scales; the message names the risk.</exception>
    public IReadOnlyList<RiskPriority> Prioritise(IReadOnlyList<Risk> openRisks)
    {
        OpenRiskList.Ids(openRisks, nameof(openRisks));
        var scored = new List<(Risk Risk, int Class, double Value)>(openRisks.Count);
        foreach (var risk in openRisks)
        {
            var cls = -1;
            if (risk.Inherent is not null)
            {
                try
                {
                    cls = Matrix.Classify(risk.Inherent);
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    throw new ArgumentException(Preconditions.Invariant($"Risk '{risk.Id}' cannot be placed in the matrix: {ex.Message}"), nameof(openRisks), ex);
                }
            }

            scored.Add((risk, cls, risk.SignedExpectedValue));
        }

        scored.Sort((x, y) =>
        {
            var c = y.Class.CompareTo(x.Class);
            if (c == 0)
            {
                c = Math.Abs(y.Value).CompareTo(Math.Abs(x.Value));
            }

            return c != 0 ? c : string.CompareOrdinal(x.Risk.Id, y.Risk.Id);
        });

        var result = ImmutableArray.CreateBuilder<RiskPriority>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (risk, cls, value) = scored[i];
            var why = cls < 0
                ? Preconditions.Invariant($"not yet classified; signed expected value {value}")
                : Preconditions.Invariant($"class '{Matrix.PriorityClasses.NameOf(cls)}' (effect '{Matrix.EffectScale.NameOf(risk.Inherent!.Effect)}', likelihood '{Matrix.LikelihoodScale.NameOf(risk.Inherent.Likelihood)}'); signed expected value {value}");
            result.Add(new RiskPriority(risk.Id, i + 1, cls, why));
        }

        return result.MoveToImmutable();
    }
}
