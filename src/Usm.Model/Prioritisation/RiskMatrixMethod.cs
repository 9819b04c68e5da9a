using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The USM risk matrix (heat map): a candidate's class is looked up from its effect level and likelihood level;
/// candidates rank by class (higher first), then by a within-class score (higher first).
/// </summary>
/// <remarks>
/// <para>USM (FACT) classifies a risk by an effect table and a likelihood table into a risk matrix; the scales and the
/// matrix are the organisation's. This method takes the matrix as a table of classes,
/// <c>ClassTable[effect − 1][likelihood − 1]</c>, with 1 the lowest class. The table must be monotone: raising effect
/// or likelihood never lowers the class (our PROPOSAL, domain rule 19).</para>
/// <para>The levels are ordinal. Within a class the default score is effect × likelihood, which only orders items
/// that share a class; it is not a cardinal risk measure (multiplying ordinal codes is a known pitfall, so it never
/// overrides the class).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskMatrixMethod : RankingMethod
{
    private readonly int[][] _table;

    internal RiskMatrixMethod(string effectCriterion, string likelihoodCriterion, ImmutableArray<ImmutableArray<int>> classTable, string? withinClassCriterion)
    {
        EffectCriterion = Preconditions.CheckNotBlank(effectCriterion);
        LikelihoodCriterion = Preconditions.CheckNotBlank(likelihoodCriterion);
        WithinClassCriterion = withinClassCriterion is null ? null : Preconditions.CheckNotBlank(withinClassCriterion);
        Preconditions.CheckArgument(!classTable.IsDefault && classTable.All(r => !r.IsDefault), nameof(classTable), "The class table and its rows must not be default arrays.");
        _table = [.. classTable.Select(row => row.ToArray())];
        Preconditions.CheckArgument(_table.Length > 0 && _table[0].Length > 0, nameof(classTable), "The class table must have at least one row and one column.");
        for (var e = 0; e < _table.Length; e++)
        {
            if (!(_table[e].Length == _table[0].Length))
            {
                throw new ArgumentException(Preconditions.Invariant($"Row {e + 1} of the class table has {_table[e].Length} cells but row 1 has {_table[0].Length}."), nameof(classTable));
            }
            for (var l = 0; l < _table[e].Length; l++)
            {
                var cls = _table[e][l];
                if (!(cls >= 1))
                {
                    throw new ArgumentException(Preconditions.Invariant($"Cell (effect {e + 1}, likelihood {l + 1}) has class {cls}; classes start at 1."), nameof(classTable));
                }
                if (e > 0 && _table[e - 1][l] > cls)
                {
                    throw new ArgumentException(Preconditions.Invariant($"The class table is not monotone: raising effect from {e} to {e + 1} at likelihood {l + 1} lowers the class from {_table[e - 1][l]} to {cls}."), nameof(classTable));
                }

                if (l > 0 && _table[e][l - 1] > cls)
                {
                    throw new ArgumentException(Preconditions.Invariant($"The class table is not monotone: raising likelihood from {l} to {l + 1} at effect {e + 1} lowers the class from {_table[e][l - 1]} to {cls}."), nameof(classTable));
                }
            }
        }

        ClassTable = [.. _table.Select(r => r.ToImmutableArray())];
        ClassCount = _table.Max(r => r.Max());
    }

    /// <summary>
    /// Gets a 5 × 5 table that bands effect × likelihood into four classes: 1-4 → 1 (low), 5-9 → 2 (medium),
    /// 10-16 → 3 (high), 20-25 → 4 (very high). A starting point only; USM leaves the matrix to the organisation.
    /// </summary>
    public static ImmutableArray<ImmutableArray<int>> StandardFiveByFive { get; } =
        [.. Enumerable.Range(1, 5).Select(e => Enumerable.Range(1, 5).Select(l => (e * l) switch { <= 4 => 1, <= 9 => 2, <= 16 => 3, _ => 4 }).ToImmutableArray())];

    /// <summary>Gets the criterion holding the effect level.</summary>
    public string EffectCriterion { get; }

    /// <summary>Gets the criterion holding the likelihood level.</summary>
    public string LikelihoodCriterion { get; }

    /// <summary>Gets the criterion that orders items within a class, or null for effect × likelihood.</summary>
    public string? WithinClassCriterion { get; }

    /// <summary>Gets the class table, <c>ClassTable[effect − 1][likelihood − 1]</c>.</summary>
    public ImmutableArray<ImmutableArray<int>> ClassTable { get; }

    /// <summary>Gets the highest class in the table.</summary>
    public int ClassCount { get; }

    /// <inheritdoc />
    public override string Name => "Risk matrix";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var effect = set.ColumnArray(EffectCriterion, "candidates", Name);
        var likelihood = set.ColumnArray(LikelihoodCriterion, "candidates", Name);
        var within = WithinClassCriterion is null ? null : set.ColumnArray(WithinClassCriterion, "candidates", Name);
        var n = set.Count;
        var classes = new int[n];
        var rows = _table.Length;
        var cols = _table[0].Length;
        for (var i = 0; i < n; i++)
        {
            var e = effect[i];
            var l = likelihood[i];
            if (e < 1 || e > rows || e != Math.Floor(e))
            {
                throw BadValue(set, i, EffectCriterion, e, Preconditions.Invariant($"a whole effect level from 1 to {rows}"));
            }

            if (l < 1 || l > cols || l != Math.Floor(l))
            {
                throw BadValue(set, i, LikelihoodCriterion, l, Preconditions.Invariant($"a whole likelihood level from 1 to {cols}"));
            }

            classes[i] = _table[(int)e - 1][(int)l - 1];
            scores[i] = within is null ? e * l : within[i];
        }

        return new ScoreSheet(scores, classes, null);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var e = set.ColumnArray(EffectCriterion, "candidates", Name)[index];
        var l = set.ColumnArray(LikelihoodCriterion, "candidates", Name)[index];
        var c = cls!.Value;
        var contributions = new List<CriterionContribution>
        {
            new(EffectCriterion, e, e, Preconditions.Invariant($"Effect '{EffectCriterion}' level {F(e)} selects row {F(e)} of the matrix")),
            new(LikelihoodCriterion, l, l, Preconditions.Invariant($"Likelihood '{LikelihoodCriterion}' level {F(l)} selects column {F(l)}; the cell holds class {c} of {ClassCount}")),
        };
        if (WithinClassCriterion is not null)
        {
            var w = set.ColumnArray(WithinClassCriterion, "candidates", Name)[index];
            contributions.Add(new(WithinClassCriterion, w, w, Preconditions.Invariant($"Within class {c}, '{WithinClassCriterion}' = {F(w)} orders it (higher first)")));
        }

        var within = WithinClassCriterion is null ? Preconditions.Invariant($"effect × likelihood = {F(e * l)}") : Preconditions.Invariant($"'{WithinClassCriterion}' = {F(score)}");
        return new Explanation(Name, Preconditions.Invariant($"Risk class {c} of {ClassCount}; within the class it scores {within}."), contributions);
    }
}
