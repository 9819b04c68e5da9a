using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How a candidate a and a boundary profile b relate under ELECTRE TRI-B at the cutting level λ.</summary>
public enum ElectreTriRelation
{
    /// <summary>Each outranks the other: σ(a, b) ≥ λ and σ(b, a) ≥ λ.</summary>
    Indifferent = 1,

    /// <summary>The candidate is preferred: σ(a, b) ≥ λ and σ(b, a) &lt; λ.</summary>
    CandidatePreferred = 2,

    /// <summary>The profile is preferred: σ(b, a) ≥ λ and σ(a, b) &lt; λ.</summary>
    ProfilePreferred = 3,

    /// <summary>Neither outranks the other: the candidate is better on some criteria and worse on others, too much so for either to hold.</summary>
    Incomparable = 4,
}

/// <summary>
/// Where ELECTRE TRI-B puts one candidate: its pessimistic and optimistic categories, its credibility and concordance
/// against every profile in both directions, its relation to each profile, and an explanation.
/// </summary>
/// <remarks>Per-profile lists are in the profiles' order, worst first. Category indices count from 0 for the worst.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ElectreTriAssignment
{
    private readonly Lazy<Explanation> _explanation;

    internal ElectreTriAssignment(ElectreTriData data, int index, int pessimistic, int optimistic, ImmutableArray<double> credibility, ImmutableArray<double> reverseCredibility, ImmutableArray<double> concordance, ImmutableArray<double> reverseConcordance)
    {
        Id = data.Set.IdArray[index];
        PessimisticIndex = pessimistic;
        OptimisticIndex = optimistic;
        Pessimistic = data.Categories[pessimistic];
        Optimistic = data.Categories[optimistic];
        Credibility = credibility;
        ReverseCredibility = reverseCredibility;
        Concordance = concordance;
        ReverseConcordance = reverseConcordance;
        var relations = new ElectreTriRelation[credibility.Length];
        for (var h = 0; h < relations.Length; h++)
        {
            relations[h] = (data.Outranks(credibility[h]), data.Outranks(reverseCredibility[h])) switch
            {
                (true, true) => ElectreTriRelation.Indifferent,
                (true, false) => ElectreTriRelation.CandidatePreferred,
                (false, true) => ElectreTriRelation.ProfilePreferred,
                _ => ElectreTriRelation.Incomparable,
            };
        }

        Relations = ImmutableCollectionsMarshal.AsImmutableArray(relations);
        _explanation = new Lazy<Explanation>(() => data.Explain(this, index), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the candidate's id.</summary>
    public string Id { get; }

    /// <summary>Gets the category given by the pessimistic (pseudo-conjunctive) rule.</summary>
    public string Pessimistic { get; }

    /// <summary>Gets the category given by the optimistic (pseudo-disjunctive) rule; never below <see cref="Pessimistic"/>.</summary>
    public string Optimistic { get; }

    /// <summary>Gets the pessimistic category's index, 0 for the worst.</summary>
    public int PessimisticIndex { get; }

    /// <summary>Gets the optimistic category's index, 0 for the worst; at least <see cref="PessimisticIndex"/>.</summary>
    public int OptimisticIndex { get; }

    /// <summary>Gets whether the two rules disagree (the candidate is incomparable with a profile between them).</summary>
    public bool IsAmbiguous => PessimisticIndex != OptimisticIndex;

    /// <summary>Gets σ(a, b_h), the credibility of "the candidate outranks profile h", per profile.</summary>
    public ImmutableArray<double> Credibility { get; }

    /// <summary>Gets σ(b_h, a), the credibility of "profile h outranks the candidate", per profile.</summary>
    public ImmutableArray<double> ReverseCredibility { get; }

    /// <summary>Gets C(a, b_h), the global concordance of "the candidate outranks profile h" before any discordance, per profile.</summary>
    public ImmutableArray<double> Concordance { get; }

    /// <summary>Gets C(b_h, a), the global concordance of "profile h outranks the candidate", per profile.</summary>
    public ImmutableArray<double> ReverseConcordance { get; }

    /// <summary>Gets the candidate's relation to each profile at the cutting level.</summary>
    public ImmutableArray<ElectreTriRelation> Relations { get; }

    /// <summary>
    /// Gets the explanation: which profile decided each rule, with its credibilities, the criteria that weakened or
    /// vetoed the outranking, and criterion by criterion (c_j × weight, summing to C, and d_j) against the profile just
    /// above the pessimistic category (the top profile when the candidate is in the best one).
    /// </summary>
    public Explanation Explanation => _explanation.Value;

    /// <inheritdoc />
    public override string ToString() => IsAmbiguous ? Preconditions.Invariant($"{Id}: {Pessimistic} to {Optimistic}") : Preconditions.Invariant($"{Id}: {Pessimistic}");
}

/// <summary>
/// The result of <see cref="ElectreTri.Sort"/>: every candidate's pessimistic and optimistic category, with
/// credibilities against every profile and explanations.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ElectreTriResult
{
    private readonly ElectreTriData _data;
    private readonly int[] _order;
    private readonly int[] _rank;
    private readonly int[] _pessimistic;
    private readonly int[] _optimistic;
    private readonly double[] _credibility;
    private readonly double[] _reverseCredibility;
    private readonly double[] _concordance;
    private readonly double[] _reverseConcordance;
    private readonly Lazy<ImmutableArray<ElectreTriAssignment>> _assignments;
    private readonly Dictionary<string, int> _categoryIndex;

    internal ElectreTriResult(ElectreTriData data)
    {
        _data = data;
        var n = data.Set.Count;
        var p = data.Profiles.Length;
        _pessimistic = new int[n];
        _optimistic = new int[n];
        _credibility = new double[n * p];
        _reverseCredibility = new double[n * p];
        _concordance = new double[n * p];
        _reverseConcordance = new double[n * p];
        for (var i = 0; i < n; i++)
        {
            var a = data.Candidate(i);
            var row = i * p;
            for (var h = 0; h < p; h++)
            {
                var b = data.Profile(h);
                (_concordance[row + h], _credibility[row + h]) = data.Outranking(a, b);
                (_reverseConcordance[row + h], _reverseCredibility[row + h]) = data.Outranking(b, a);
            }

            // Pessimistic: from the top down, the first profile the candidate outranks; the category just above it.
            var pessimistic = 0;
            for (var h = p - 1; h >= 0; h--)
            {
                if (data.Outranks(_credibility[row + h]))
                {
                    pessimistic = h + 1;
                    break;
                }
            }

            // Optimistic: from the bottom up, the first profile preferred to the candidate; the category just below it.
            var optimistic = p;
            for (var h = 0; h < p; h++)
            {
                if (data.Outranks(_reverseCredibility[row + h]) && !data.Outranks(_credibility[row + h]))
                {
                    optimistic = h;
                    break;
                }
            }

            _pessimistic[i] = pessimistic;
            _optimistic[i] = optimistic;
        }

        // Ordinal id order, and each candidate's place in it; the assignment objects are built on first use.
        _order = [.. Enumerable.Range(0, n)];
        Array.Sort((string[])data.Set.IdArray.Clone(), _order, StringComparer.Ordinal);
        _rank = new int[n];
        for (var r = 0; r < n; r++)
        {
            _rank[_order[r]] = r;
        }

        _assignments = new Lazy<ImmutableArray<ElectreTriAssignment>>(BuildAssignments, LazyThreadSafetyMode.ExecutionAndPublication);
        _categoryIndex = data.Categories.Select((c, k) => (c, k)).ToDictionary(t => t.c, t => t.k, StringComparer.Ordinal);
    }

    /// <summary>Gets the candidates.</summary>
    public CandidateSet Candidates => _data.Set;

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria => _data.Criteria;

    /// <summary>Gets each criterion's thresholds, in the criteria's order (<see cref="ElectreTriThresholds.None"/> where none were given).</summary>
    public ImmutableArray<ElectreTriThresholds> Thresholds => _data.Thresholds;

    /// <summary>Gets the category names, worst first.</summary>
    public ImmutableArray<string> Categories => _data.Categories;

    /// <summary>Gets the boundary profiles, worst first: profile h separates category h from category h + 1.</summary>
    public ImmutableArray<ElectreTriProfile> Profiles => _data.Profiles;

    /// <summary>Gets the cutting level λ.</summary>
    public double CuttingLevel => _data.CuttingLevel;

    /// <summary>Gets every candidate's assignment, in ordinal id order (built on first use).</summary>
    public ImmutableArray<ElectreTriAssignment> Assignments => _assignments.Value;

    /// <summary>Gets one candidate's assignment.</summary>
    /// <param name="id">The candidate's id.</param>
    /// <returns>The assignment.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public ElectreTriAssignment Assignment(string id)
    {
        var index = _data.Set.IndexOf(id);
        return index >= 0 ? Assignments[_rank[index]] : throw new KeyNotFoundException(Preconditions.Invariant($"The {ElectreTri.MethodName} result has no candidate '{id}'."));
    }

    /// <summary>Gets the candidates the pessimistic rule puts in a category, in ordinal id order.</summary>
    /// <param name="category">The category's name.</param>
    /// <returns>The ids.</returns>
    /// <exception cref="KeyNotFoundException">No category has that name.</exception>
    public ImmutableArray<string> PessimisticMembers(string category)
    {
        var k = CategoryIndex(category);
        return [.. _order.Where(i => _pessimistic[i] == k).Select(i => _data.Set.IdArray[i])];
    }

    /// <summary>Gets the candidates the optimistic rule puts in a category, in ordinal id order.</summary>
    /// <param name="category">The category's name.</param>
    /// <returns>The ids.</returns>
    /// <exception cref="KeyNotFoundException">No category has that name.</exception>
    public ImmutableArray<string> OptimisticMembers(string category)
    {
        var k = CategoryIndex(category);
        return [.. _order.Where(i => _optimistic[i] == k).Select(i => _data.Set.IdArray[i])];
    }

    /// <summary>Explains one candidate's assignment (see <see cref="ElectreTriAssignment.Explanation"/>).</summary>
    /// <param name="id">The candidate's id.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public Explanation Explain(string id) => Assignment(id).Explanation;

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{ElectreTri.MethodName} sorting of {_order.Length} candidates into {Categories.Length} categories (λ {CuttingLevel}), {_order.Count(i => _pessimistic[i] != _optimistic[i])} assigned differently by the two rules");

    private ImmutableArray<ElectreTriAssignment> BuildAssignments()
    {
        var p = _data.Profiles.Length;
        var list = new ElectreTriAssignment[_order.Length];
        for (var r = 0; r < list.Length; r++)
        {
            var i = _order[r];
            list[r] = new ElectreTriAssignment(
                _data,
                i,
                _pessimistic[i],
                _optimistic[i],
                ImmutableArray.Create(_credibility, i * p, p),
                ImmutableArray.Create(_reverseCredibility, i * p, p),
                ImmutableArray.Create(_concordance, i * p, p),
                ImmutableArray.Create(_reverseConcordance, i * p, p));
        }

        return [.. list];
    }

    private int CategoryIndex(string category) =>
        category is not null && _categoryIndex.TryGetValue(category, out var k) ? k : throw new KeyNotFoundException(Preconditions.Invariant($"The {ElectreTri.MethodName} result has no category '{category}' (it has: {string.Join(", ", Categories)})."));
}
