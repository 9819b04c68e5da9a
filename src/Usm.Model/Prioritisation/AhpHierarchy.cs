using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// A node of an AHP hierarchy: a criterion with either sub-criteria, compared with each other, or (a leaf) the
/// alternatives compared with respect to it.
/// </summary>
/// <remarks>When the comparison matrix has labels, they must equal the sub-criterion ids (or, for a leaf, the
/// hierarchy's alternatives) in order; this is checked when the hierarchy is built.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AhpCriterion
{
    private AhpCriterion(string id, AhpMatrix comparisons, ImmutableArray<AhpCriterion> subCriteria)
    {
        Id = id;
        Comparisons = comparisons;
        SubCriteria = subCriteria;
    }

    /// <summary>Gets the id, unique within the hierarchy.</summary>
    public string Id { get; }

    /// <summary>Gets the comparison matrix: of the sub-criteria, or of the alternatives for a leaf.</summary>
    public AhpMatrix Comparisons { get; }

    /// <summary>Gets the sub-criteria (empty for a leaf).</summary>
    public ImmutableArray<AhpCriterion> SubCriteria { get; }

    /// <summary>Gets whether this criterion compares alternatives directly.</summary>
    public bool IsLeaf => SubCriteria.IsEmpty;

    /// <summary>Creates a leaf criterion: the alternatives compared with respect to it.</summary>
    /// <param name="id">The criterion id.</param>
    /// <param name="alternativeComparisons">The alternatives' comparison matrix, in the hierarchy's alternative order.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public static AhpCriterion Leaf(string id, AhpMatrix alternativeComparisons)
    {
        Preconditions.CheckNotBlank(id);
        ArgumentNullException.ThrowIfNull(alternativeComparisons);
        return new AhpCriterion(id, alternativeComparisons, []);
    }

    /// <summary>Creates a criterion refined into sub-criteria.</summary>
    /// <param name="id">The criterion id.</param>
    /// <param name="subCriterionComparisons">The sub-criteria's comparison matrix, in sub-criterion order.</param>
    /// <param name="subCriteria">The sub-criteria, at least one.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentNullException">An argument is null or holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, there are no sub-criteria, or the matrix size differs from their number.</exception>
    public static AhpCriterion Parent(string id, AhpMatrix subCriterionComparisons, IEnumerable<AhpCriterion> subCriteria)
    {
        Preconditions.CheckNotBlank(id);
        ArgumentNullException.ThrowIfNull(subCriterionComparisons);
        ArgumentNullException.ThrowIfNull(subCriteria);
        ImmutableArray<AhpCriterion> children = [.. subCriteria];
        if (children.IsEmpty)
        {
            throw new ArgumentException(Preconditions.Invariant($"Criterion '{id}' needs at least one sub-criterion; use Leaf for a criterion that compares alternatives."), nameof(subCriteria));
        }

        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is null)
            {
                throw new ArgumentNullException(nameof(subCriteria), Preconditions.Invariant($"Criterion '{id}' has a null sub-criterion at {i}."));
            }
        }

        if (subCriterionComparisons.Size != children.Length)
        {
            throw new ArgumentException(Preconditions.Invariant($"Criterion '{id}' has {children.Length} sub-criteria but a {subCriterionComparisons.Size}x{subCriterionComparisons.Size} comparison matrix."), nameof(subCriterionComparisons));
        }

        return new AhpCriterion(id, subCriterionComparisons, children);
    }

    /// <inheritdoc />
    public override string ToString() => IsLeaf ? $"{Id} (leaf)" : $"{Id} ({SubCriteria.Length} sub-criteria)";
}

/// <summary>
/// An AHP decision hierarchy: a goal criterion, refined into criteria and sub-criteria, whose leaves compare the
/// alternatives. <see cref="Synthesise"/> turns it into global priorities.
/// </summary>
/// <remarks>
/// <para>Synthesis is Saaty's distributive mode: a criterion's global weight is its parent's global weight times its local
/// weight (the goal's is 1); an alternative's global priority is the sum, over the leaf criteria, of the leaf's global
/// weight times the alternative's local weight under that leaf. Each leaf's term is reported as a contribution.</para>
/// <para>Construction checks that criterion ids are unique, that each matrix has the right size, and that matrix labels,
/// when present, match the sub-criteria or alternatives in order; errors name the criterion.</para>
/// <para>Depth is not limited: construction and synthesis walk the hierarchy with their own stack, not by recursion,
/// so a chain of many thousands of levels neither overflows the thread's stack nor changes the results.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AhpHierarchy
{
    /// <summary>Creates a hierarchy.</summary>
    /// <param name="goal">The goal: the root criterion.</param>
    /// <param name="alternatives">The alternatives' ids, unique and not blank, in the order every leaf matrix uses.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An id is blank or repeated, a matrix has the wrong size, or labels do not match (the message names the criterion).</exception>
    public AhpHierarchy(AhpCriterion goal, IEnumerable<string> alternatives)
    {
        Goal = Preconditions.CheckNotNull(goal);
        ArgumentNullException.ThrowIfNull(alternatives);
        Alternatives = [.. alternatives];
        Preconditions.CheckArgument(!Alternatives.IsEmpty, nameof(alternatives), "A hierarchy needs at least one alternative.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Alternatives)
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(a), nameof(alternatives), "An alternative id is blank.");
            if (!seen.Add(a))
            {
                throw new ArgumentException(Preconditions.Invariant($"Alternative '{a}' appears twice."), nameof(alternatives));
            }
        }

        // Depth first in hierarchy order, with an explicit stack (see Synthesise).
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AhpCriterion>();
        pending.Push(goal);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            Check(node, ids);
            for (var c = node.SubCriteria.Length - 1; c >= 0; c--)
            {
                pending.Push(node.SubCriteria[c]);
            }
        }
    }

    /// <summary>Gets the goal criterion.</summary>
    public AhpCriterion Goal { get; }

    /// <summary>Gets the alternatives, in matrix order.</summary>
    public ImmutableArray<string> Alternatives { get; }

    /// <summary>Weighs every matrix and synthesises the alternatives' global priorities.</summary>
    /// <param name="weighting">The weighting method for every matrix.</param>
    /// <param name="randomIndex">The random index table; <see cref="AhpRandomIndex.Saaty1980"/> when null.</param>
    /// <param name="consistencyThreshold">The consistency threshold for every matrix.</param>
    /// <returns>The synthesis.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, or the table (the default one when <paramref name="randomIndex"/> is null) does not cover a matrix's size; the message names the criterion.</exception>
    public AhpSynthesis Synthesise(AhpWeighting weighting = AhpWeighting.Eigenvector, AhpRandomIndex? randomIndex = null, double consistencyThreshold = Ahp.DefaultConsistencyThreshold)
    {
        var nodes = ImmutableArray.CreateBuilder<AhpCriterionWeight>();
        var priorities = new double[Alternatives.Length];
        var contributions = new List<AhpContribution>[Alternatives.Length];
        for (var a = 0; a < contributions.Length; a++)
        {
            contributions[a] = [];
        }

        // Depth first in hierarchy order, with an explicit stack: a hierarchy thousands of levels deep must not
        // overflow the thread's stack (found by review, session 5).
        var pending = new Stack<(AhpCriterion Node, string? ParentId, double LocalWeight, double GlobalWeight)>();
        pending.Push((Goal, null, 1, 1));
        while (pending.Count > 0)
        {
            var (node, parentId, localWeight, globalWeight) = pending.Pop();
            var table = randomIndex ?? AhpRandomIndex.Saaty1980;
            if (node.Comparisons.Size > table.MaxSize)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(randomIndex),
                    Preconditions.Invariant($"Criterion '{node.Id}' has a matrix of size {node.Comparisons.Size}, but the random index table '{table.Name}' covers sizes 1 to {table.MaxSize}; pass a table that covers it."));
            }

            var result = Ahp.Weigh(node.Comparisons, weighting, randomIndex, consistencyThreshold);
            nodes.Add(new AhpCriterionWeight(node.Id, parentId, localWeight, globalWeight, result));
            if (node.IsLeaf)
            {
                for (var a = 0; a < Alternatives.Length; a++)
                {
                    var contribution = globalWeight * result.Weights[a];
                    priorities[a] += contribution;
                    contributions[a].Add(new AhpContribution(node.Id, globalWeight, result.Weights[a], contribution));
                }

                continue;
            }

            for (var c = node.SubCriteria.Length - 1; c >= 0; c--)
            {
                pending.Push((node.SubCriteria[c], node.Id, result.Weights[c], globalWeight * result.Weights[c]));
            }
        }

        var order = Enumerable.Range(0, Alternatives.Length)
            .OrderByDescending(a => priorities[a])
            .ThenBy(a => Alternatives[a], StringComparer.Ordinal)
            .ToArray();
        var ranked = ImmutableArray.CreateBuilder<AhpAlternativePriority>(order.Length);
        for (var p = 0; p < order.Length; p++)
        {
            var a = order[p];
            var rank = p > 0 && priorities[order[p - 1]] == priorities[a] ? ranked[p - 1].Rank : p + 1;
            ranked.Add(new AhpAlternativePriority(Alternatives[a], priorities[a], rank, p + 1, [.. contributions[a]]));
        }

        return new AhpSynthesis(ranked.MoveToImmutable(), nodes.ToImmutable());
    }

    private void Check(AhpCriterion node, HashSet<string> ids)
    {
        if (!ids.Add(node.Id))
        {
            throw new ArgumentException(Preconditions.Invariant($"Criterion id '{node.Id}' appears twice in the hierarchy."), "goal");
        }

        var labels = node.Comparisons.Labels;
        if (node.IsLeaf)
        {
            if (node.Comparisons.Size != Alternatives.Length)
            {
                throw new ArgumentException(Preconditions.Invariant($"Leaf criterion '{node.Id}' compares {node.Comparisons.Size} alternatives, but the hierarchy has {Alternatives.Length}."), "goal");
            }

            if (!(labels.IsEmpty || labels.SequenceEqual(Alternatives, StringComparer.Ordinal)))
            {
                throw new ArgumentException(Preconditions.Invariant($"Leaf criterion '{node.Id}' labels its matrix [{string.Join(", ", labels)}], not the alternatives [{string.Join(", ", Alternatives)}]."), "goal");
            }

            return;
        }

        if (!(labels.IsEmpty || labels.SequenceEqual(node.SubCriteria.Select(c => c.Id), StringComparer.Ordinal)))
        {
            throw new ArgumentException(Preconditions.Invariant($"Criterion '{node.Id}' labels its matrix [{string.Join(", ", labels)}], not its sub-criteria [{string.Join(", ", node.SubCriteria.Select(c => c.Id))}]."), "goal");
        }
    }
}

/// <summary>One criterion's place in a synthesis: its local and global weight and its own matrix's result.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AhpCriterionWeight
{
    internal AhpCriterionWeight(string id, string? parentId, double localWeight, double globalWeight, AhpResult result)
    {
        Id = id;
        ParentId = parentId;
        LocalWeight = localWeight;
        GlobalWeight = globalWeight;
        Result = result;
    }

    /// <summary>Gets the criterion id.</summary>
    public string Id { get; }

    /// <summary>Gets the parent's id, or null for the goal.</summary>
    public string? ParentId { get; }

    /// <summary>Gets the weight among its siblings (1 for the goal).</summary>
    public double LocalWeight { get; }

    /// <summary>Gets the weight with respect to the goal: the product of local weights along the path.</summary>
    public double GlobalWeight { get; }

    /// <summary>Gets the result of this criterion's own comparison matrix.</summary>
    public AhpResult Result { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Id}: local {LocalWeight:0.000}, global {GlobalWeight:0.000}, CR {Result.ConsistencyRatio:0.000}");
}

/// <summary>One leaf criterion's share in an alternative's global priority.</summary>
public readonly struct AhpContribution : IEquatable<AhpContribution>
{
    /// <summary>Creates a contribution.</summary>
    /// <param name="criterionId">The leaf criterion.</param>
    /// <param name="criterionWeight">The criterion's global weight.</param>
    /// <param name="localPriority">The alternative's local weight under the criterion.</param>
    /// <param name="contribution">The product of the two.</param>
    public AhpContribution(string criterionId, double criterionWeight, double localPriority, double contribution)
    {
        CriterionId = criterionId;
        CriterionWeight = criterionWeight;
        LocalPriority = localPriority;
        Contribution = contribution;
    }

    /// <summary>Gets the leaf criterion's id.</summary>
    public string CriterionId { get; }

    /// <summary>Gets the criterion's global weight.</summary>
    public double CriterionWeight { get; }

    /// <summary>Gets the alternative's local weight under the criterion.</summary>
    public double LocalPriority { get; }

    /// <summary>Gets <see cref="CriterionWeight"/> × <see cref="LocalPriority"/>.</summary>
    public double Contribution { get; }

    /// <summary>Compares two contributions.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AhpContribution left, AhpContribution right) => left.Equals(right);

    /// <summary>Compares two contributions.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AhpContribution left, AhpContribution right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AhpContribution other) =>
        CriterionId == other.CriterionId && CriterionWeight.Equals(other.CriterionWeight) && LocalPriority.Equals(other.LocalPriority) && Contribution.Equals(other.Contribution);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AhpContribution other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CriterionId, CriterionWeight, LocalPriority, Contribution);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{CriterionId}: {CriterionWeight:0.000} x {LocalPriority:0.000} = {Contribution:0.000}");
}

/// <summary>An alternative's global priority, rank and per-criterion explanation.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AhpAlternativePriority
{
    internal AhpAlternativePriority(string id, double priority, int rank, int position, ImmutableArray<AhpContribution> contributions)
    {
        Id = id;
        Priority = priority;
        Rank = rank;
        Position = position;
        Contributions = contributions;
    }

    /// <summary>Gets the alternative's id.</summary>
    public string Id { get; }

    /// <summary>Gets the global priority; the priorities of all alternatives sum to 1.</summary>
    public double Priority { get; }

    /// <summary>Gets the rank: 1 + the number of alternatives with a strictly higher priority (equal priorities share a rank).</summary>
    public int Rank { get; }

    /// <summary>Gets the 1-based position in the ordering: priority descending, then id ordinally.</summary>
    public int Position { get; }

    /// <summary>Gets each leaf criterion's contribution, in hierarchy order (depth first); they sum to <see cref="Priority"/>.</summary>
    public ImmutableArray<AhpContribution> Contributions { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Rank}. {Id} {Priority:0.000} = {string.Join(" + ", Contributions.Select(c => c.Contribution.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}");
}

/// <summary>The result of <see cref="AhpHierarchy.Synthesise"/>: ranked alternatives and every criterion's weights.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AhpSynthesis
{
    internal AhpSynthesis(ImmutableArray<AhpAlternativePriority> alternatives, ImmutableArray<AhpCriterionWeight> criteria)
    {
        Alternatives = alternatives;
        Criteria = criteria;
    }

    /// <summary>Gets the alternatives ordered by priority descending, then id ordinally.</summary>
    public ImmutableArray<AhpAlternativePriority> Alternatives { get; }

    /// <summary>Gets every criterion, the goal first, depth first in hierarchy order.</summary>
    public ImmutableArray<AhpCriterionWeight> Criteria { get; }

    /// <summary>Gets whether every matrix in the hierarchy is consistent.</summary>
    public bool IsConsistent => Criteria.All(c => c.Result.IsConsistent);

    /// <summary>Returns the priority record of one alternative.</summary>
    /// <param name="alternativeId">The alternative's id.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentException">No alternative has that id.</exception>
    public AhpAlternativePriority PriorityOf(string alternativeId) =>
        Alternatives.FirstOrDefault(a => a.Id == alternativeId)
        ?? throw new ArgumentException(Preconditions.Invariant($"No alternative '{alternativeId}'."), nameof(alternativeId));

    /// <summary>Returns the weights of one criterion.</summary>
    /// <param name="criterionId">The criterion's id.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentException">No criterion has that id.</exception>
    public AhpCriterionWeight CriterionOf(string criterionId) =>
        Criteria.FirstOrDefault(c => c.Id == criterionId)
        ?? throw new ArgumentException(Preconditions.Invariant($"No criterion '{criterionId}'."), nameof(criterionId));

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Alternatives);
}
