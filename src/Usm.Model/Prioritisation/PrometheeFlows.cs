using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How PROMETHEE I relates two candidates, read from the first candidate's side.</summary>
public enum PrometheeRelation
{
    /// <summary>The first is preferred: φ⁺ at least as high and φ⁻ at least as low as the second's, one of them strictly.</summary>
    FirstPreferred = 1,

    /// <summary>The second is preferred (the mirror of <see cref="FirstPreferred"/>).</summary>
    SecondPreferred = 2,

    /// <summary>Indifferent: equal φ⁺ and equal φ⁻.</summary>
    Indifferent = 3,

    /// <summary>Incomparable: one has the higher φ⁺ and the other the lower φ⁻, so the two flows disagree.</summary>
    Incomparable = 4,
}

/// <summary>
/// The outranking flows of a PROMETHEE evaluation: φ⁺, φ⁻ and φ per candidate, the single-criterion net flows, and
/// PROMETHEE I's partial order.
/// </summary>
/// <remarks>
/// <para><b>PROMETHEE I</b> (Brans 1982) keeps the two flows apart instead of netting them: a is preferred to b when
/// φ⁺(a) ≥ φ⁺(b) and φ⁻(a) ≤ φ⁻(b) with at least one inequality strict; indifferent when both are equal; incomparable
/// when the flows disagree (a outranks the others more strongly but is also outranked more strongly, or the reverse).
/// Where PROMETHEE I finds a preference, PROMETHEE II agrees (a higher φ); where it finds incomparability, PROMETHEE II's
/// total order hides a real conflict.</para>
/// <para>Flows are compared exactly. They are computed bit for bit alike for candidates with equal values (see
/// <see cref="PrometheeMethod"/>), so such candidates are always indifferent; two candidates with different values whose
/// flows are equal in exact arithmetic can differ in the last bits and then compare as preferred or incomparable.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PrometheeFlows
{
    private readonly PrometheeState _state;

    internal PrometheeFlows(CandidateSet candidates, PrometheeMethod method, PrometheeState state)
    {
        Candidates = candidates;
        Method = method;
        _state = state;
    }

    /// <summary>Gets the candidates.</summary>
    public CandidateSet Candidates { get; }

    /// <summary>Gets the method whose flows these are.</summary>
    public PrometheeMethod Method { get; }

    /// <summary>Gets the number of candidates.</summary>
    public int Count => Candidates.Count;

    /// <summary>Gets the positive flows φ⁺, in the set's index order.</summary>
    public ImmutableArray<double> PositiveFlows => [.. _state.Plus];

    /// <summary>Gets the negative flows φ⁻, in the set's index order.</summary>
    public ImmutableArray<double> NegativeFlows => [.. _state.Minus];

    /// <summary>Reads the flows of a ranking made with <see cref="RankingMethod.Promethee"/> (full or top-k: the flows cover every candidate).</summary>
    /// <param name="ranking">The ranking.</param>
    /// <returns>The flows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranking"/> is null.</exception>
    /// <exception cref="ArgumentException">The ranking was made with another method (the message names it).</exception>
    public static PrometheeFlows Of(Ranking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (ranking.Method is not PrometheeMethod method || ranking.State is not PrometheeState state)
        {
            throw new ArgumentException(Preconditions.Invariant($"The ranking was made with {ranking.MethodName}, not PROMETHEE II; flows exist only for a PROMETHEE ranking."), nameof(ranking));
        }

        return new PrometheeFlows(ranking.Candidates, method, state);
    }

    /// <summary>Gets a candidate's positive flow φ⁺: Σ π(a, x) / (n − 1), in [0, 1].</summary>
    /// <param name="id">The id.</param>
    /// <returns>φ⁺.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public double PositiveFlow(string id) => _state.Plus[IndexOf(id)];

    /// <summary>Gets a candidate's negative flow φ⁻: Σ π(x, a) / (n − 1), in [0, 1].</summary>
    /// <param name="id">The id.</param>
    /// <returns>φ⁻.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public double NegativeFlow(string id) => _state.Minus[IndexOf(id)];

    /// <summary>Gets a candidate's net flow φ = φ⁺ − φ⁻, its PROMETHEE II score, in [−1, 1].</summary>
    /// <param name="id">The id.</param>
    /// <returns>φ.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public double NetFlow(string id)
    {
        var i = IndexOf(id);
        return _state.Plus[i] - _state.Minus[i];
    }

    /// <summary>Gets a candidate's single-criterion net flow φ_j (unweighted, in [−1, 1]); φ = Σ_j w_j·φ_j with the normalised weights.</summary>
    /// <param name="id">The id.</param>
    /// <param name="criterion">The criterion's name.</param>
    /// <returns>φ_j.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    /// <exception cref="ArgumentException">The method has no such criterion.</exception>
    public double CriterionNetFlow(string id, string criterion)
    {
        var i = IndexOf(id);
        ArgumentNullException.ThrowIfNull(criterion);
        var j = Method.Criteria.Length - 1;
        while (j >= 0 && !string.Equals(Method.Criteria[j].Name, criterion, StringComparison.Ordinal))
        {
            j--;
        }

        if (j < 0)
        {
            throw new ArgumentException(Preconditions.Invariant($"PROMETHEE II has no criterion '{criterion}' (it has: {string.Join(", ", Method.Criteria.Select(c => c.Name))})."), nameof(criterion));
        }

        return _state.CriterionPlus[j][i] - _state.CriterionMinus[j][i];
    }

    /// <summary>PROMETHEE I: relates two candidates by their positive and negative flows.</summary>
    /// <param name="first">The first candidate's id.</param>
    /// <param name="second">The second candidate's id.</param>
    /// <returns>The relation, from the first candidate's side.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has one of the ids.</exception>
    public PrometheeRelation Compare(string first, string second)
    {
        var a = IndexOf(first);
        var b = IndexOf(second);
        var plus = _state.Plus[a].CompareTo(_state.Plus[b]);
        var minus = _state.Minus[b].CompareTo(_state.Minus[a]);
        return (plus, minus) switch
        {
            (0, 0) => PrometheeRelation.Indifferent,
            ( >= 0, >= 0) => PrometheeRelation.FirstPreferred,
            ( <= 0, <= 0) => PrometheeRelation.SecondPreferred,
            _ => PrometheeRelation.Incomparable,
        };
    }

    /// <summary>Gets the candidates no other candidate is preferred to under PROMETHEE I (the maximal elements of the partial order), in ordinal id order. O(n²).</summary>
    /// <returns>The ids.</returns>
    public ImmutableArray<string> Unbeaten()
    {
        var ids = Candidates.IdArray;
        var result = new List<string>();
        for (var a = 0; a < Count; a++)
        {
            var beaten = false;
            for (var b = 0; b < Count && !beaten; b++)
            {
                beaten = b != a && _state.Plus[b] >= _state.Plus[a] && _state.Minus[b] <= _state.Minus[a]
                    && (_state.Plus[b] > _state.Plus[a] || _state.Minus[b] < _state.Minus[a]);
            }

            if (!beaten)
            {
                result.Add(ids[a]);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return [.. result];
    }

    /// <summary>Explains a candidate's net flow, criterion by criterion (the same explanation as a ranking's item).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public Explanation Explain(string id)
    {
        var i = IndexOf(id);
        return Method.Explain(Candidates, _state, i, _state.Plus[i] - _state.Minus[i], null);
    }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"PROMETHEE flows of {Count} candidates");

    private int IndexOf(string id)
    {
        var index = Candidates.IndexOf(id);
        return index >= 0 ? index : throw new KeyNotFoundException(Preconditions.Invariant($"The PROMETHEE flows have no candidate '{id}'."));
    }
}
