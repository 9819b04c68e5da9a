using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>
/// An organisation's risk matrix (heat map): effect × likelihood → priority class.
/// </summary>
/// <remarks>
/// <para>USM (coach material) derives a risk's priority from its effect and likelihood through a matrix; the levels
/// and classes are the organisation's own. Priority classes are levels of an <see cref="OrdinalScale"/>, lowest
/// (least urgent) first.</para>
/// <para>The matrix must be monotone: a higher effect (same likelihood) or a higher likelihood (same effect) never
/// gives a lower class. A matrix that breaks this is rejected at construction with an <see cref="ArgumentException"/>
/// whose message names every offending pair of neighbouring cells.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiskMatrix
{
    private readonly ImmutableArray<ImmutableArray<int>> _cells;

    /// <summary>Creates a matrix from the names of the priority classes, one row per effect level.</summary>
    /// <param name="effectScale">The effect scale.</param>
    /// <param name="likelihoodScale">The likelihood scale.</param>
    /// <param name="priorityClasses">The priority classes, least urgent first.</param>
    /// <param name="rows">One row per effect level (lowest first), each holding one class name per likelihood level (lowest first).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shape is wrong, a class name is unknown, or the matrix is not monotone; the message names the row, cell or cells.</exception>
    public RiskMatrix(OrdinalScale effectScale, OrdinalScale likelihoodScale, OrdinalScale priorityClasses, IEnumerable<IEnumerable<string>> rows)
        : this(effectScale, likelihoodScale, priorityClasses, ToIndexes(effectScale, likelihoodScale, priorityClasses, rows))
    {
    }

    private RiskMatrix(OrdinalScale effectScale, OrdinalScale likelihoodScale, OrdinalScale priorityClasses, ImmutableArray<ImmutableArray<int>> cells)
    {
        EffectScale = effectScale;
        LikelihoodScale = likelihoodScale;
        PriorityClasses = priorityClasses;
        _cells = cells;
        var violations = FindViolations();
        if (violations.Length > 0)
        {
            throw new ArgumentException("The risk matrix is not monotone: " + string.Join("; ", violations) + ".", "rows");
        }
    }

    /// <summary>Gets the effect scale (rows).</summary>
    public OrdinalScale EffectScale { get; }

    /// <summary>Gets the likelihood scale (columns).</summary>
    public OrdinalScale LikelihoodScale { get; }

    /// <summary>Gets the priority classes, least urgent first.</summary>
    public OrdinalScale PriorityClasses { get; }

    /// <summary>Creates a matrix from a function of the effect and likelihood levels.</summary>
    /// <param name="effectScale">The effect scale.</param>
    /// <param name="likelihoodScale">The likelihood scale.</param>
    /// <param name="priorityClasses">The priority classes, least urgent first.</param>
    /// <param name="classOf">Gives the class index for an effect index and a likelihood index.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A class index is outside <paramref name="priorityClasses"/>, or the matrix is not monotone.</exception>
    public static RiskMatrix FromFunction(OrdinalScale effectScale, OrdinalScale likelihoodScale, OrdinalScale priorityClasses, Func<int, int, int> classOf)
    {
        ArgumentNullException.ThrowIfNull(effectScale);
        ArgumentNullException.ThrowIfNull(likelihoodScale);
        ArgumentNullException.ThrowIfNull(priorityClasses);
        ArgumentNullException.ThrowIfNull(classOf);
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<int>>(effectScale.Count);
        for (var e = 0; e < effectScale.Count; e++)
        {
            var row = ImmutableArray.CreateBuilder<int>(likelihoodScale.Count);
            for (var l = 0; l < likelihoodScale.Count; l++)
            {
                var c = classOf(e, l);
                if (c < 0 || c >= priorityClasses.Count)
                {
                    throw new ArgumentException(Preconditions.Invariant($"Cell ({Cell(effectScale, likelihoodScale, e, l)}) has class index {c}, outside '{priorityClasses.Name}' (0 to {priorityClasses.Count - 1})."), nameof(classOf));
                }

                row.Add(c);
            }

            rows.Add(row.MoveToImmutable());
        }

        return new RiskMatrix(effectScale, likelihoodScale, priorityClasses, rows.MoveToImmutable());
    }

    /// <summary>Gets the priority class index of a cell.</summary>
    /// <param name="effect">The effect level.</param>
    /// <param name="likelihood">The likelihood level.</param>
    /// <returns>The class index, 0 for the least urgent.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside its scale.</exception>
    public int ClassOf(int effect, int likelihood) =>
        _cells[EffectScale.CheckLevel(effect, nameof(effect))][LikelihoodScale.CheckLevel(likelihood, nameof(likelihood))];

    /// <summary>Gets the priority class index of an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The class index, 0 for the least urgent.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The assessment's effect or likelihood is outside the matrix's scales.</exception>
    public int Classify(RiskAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return ClassOf(assessment.Effect, assessment.Likelihood);
    }

    /// <summary>Gets the name of the priority class of an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The class name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The assessment's effect or likelihood is outside the matrix's scales.</exception>
    public string ClassNameOf(RiskAssessment assessment) => PriorityClasses.NameOf(Classify(assessment));

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var e = EffectScale.Count - 1; e >= 0; e--)
        {
            text.Append(EffectScale.Levels[e]).Append(": ").AppendJoin(" | ", _cells[e].Select(PriorityClasses.NameOf)).AppendLine();
        }

        return text.ToString();
    }

    private static string Cell(OrdinalScale effects, OrdinalScale likelihoods, int e, int l) =>
        Preconditions.Invariant($"effect '{effects.Levels[e]}', likelihood '{likelihoods.Levels[l]}'");

    private static ImmutableArray<ImmutableArray<int>> ToIndexes(OrdinalScale effectScale, OrdinalScale likelihoodScale, OrdinalScale priorityClasses, IEnumerable<IEnumerable<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(effectScale);
        ArgumentNullException.ThrowIfNull(likelihoodScale);
        ArgumentNullException.ThrowIfNull(priorityClasses);
        ArgumentNullException.ThrowIfNull(rows);
        var rowList = rows.Select(r => r?.ToList()).ToList();
        Preconditions.CheckArgument(rowList.Count == effectScale.Count, nameof(rows), Preconditions.Invariant($"The matrix needs {effectScale.Count} rows (one per level of '{effectScale.Name}'), but has {rowList.Count}."));
        var result = ImmutableArray.CreateBuilder<ImmutableArray<int>>(rowList.Count);
        for (var e = 0; e < rowList.Count; e++)
        {
            var row = rowList[e] ?? [];
            Preconditions.CheckArgument(row.Count == likelihoodScale.Count, nameof(rows), Preconditions.Invariant($"Row {e} (effect '{effectScale.Levels[e]}') needs {likelihoodScale.Count} cells (one per level of '{likelihoodScale.Name}'), but has {row.Count}."));
            var cells = ImmutableArray.CreateBuilder<int>(row.Count);
            for (var l = 0; l < row.Count; l++)
            {
                var index = row[l] is null ? -1 : priorityClasses.Levels.IndexOf(row[l], StringComparer.Ordinal);
                Preconditions.CheckArgument(index >= 0, nameof(rows), Preconditions.Invariant($"Cell ({Cell(effectScale, likelihoodScale, e, l)}) names '{row[l]}', which is not a class of '{priorityClasses.Name}'."));
                cells.Add(index);
            }

            result.Add(cells.MoveToImmutable());
        }

        return result.MoveToImmutable();
    }

    private ImmutableArray<string> FindViolations()
    {
        var violations = ImmutableArray.CreateBuilder<string>();
        for (var e = 0; e < EffectScale.Count; e++)
        {
            for (var l = 0; l < LikelihoodScale.Count; l++)
            {
                if (e + 1 < EffectScale.Count && _cells[e + 1][l] < _cells[e][l])
                {
                    violations.Add(Describe(e, l, e + 1, l));
                }

                if (l + 1 < LikelihoodScale.Count && _cells[e][l + 1] < _cells[e][l])
                {
                    violations.Add(Describe(e, l, e, l + 1));
                }
            }
        }

        return violations.ToImmutable();

        string Describe(int e1, int l1, int e2, int l2) => Preconditions.Invariant(
            $"cell ({Cell(EffectScale, LikelihoodScale, e2, l2)}) has class '{PriorityClasses.Levels[_cells[e2][l2]]}', lower than class '{PriorityClasses.Levels[_cells[e1][l1]]}' of cell ({Cell(EffectScale, LikelihoodScale, e1, l1)})");
    }
}
