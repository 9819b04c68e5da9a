using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// One criterion's objective weight and the numbers it was derived from. Each method fills the numbers it computes and
/// leaves the others null: entropy <see cref="Entropy"/> and <see cref="Divergence"/>; CRITIC
/// <see cref="StandardDeviation"/>, <see cref="ConflictSum"/> and <see cref="Information"/>; the standard deviation
/// method <see cref="StandardDeviation"/>; MEREC <see cref="RemovalEffect"/>.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ObjectiveCriterionWeight
{
    internal ObjectiveCriterionWeight(Criterion criterion, bool isConstant, double measure, Numbers numbers, string explanation)
    {
        Criterion = criterion;
        IsConstant = isConstant;
        Measure = measure;
        Entropy = numbers.Entropy;
        Divergence = numbers.Divergence;
        StandardDeviation = numbers.StandardDeviation;
        ConflictSum = numbers.ConflictSum;
        Information = numbers.Information;
        RemovalEffect = numbers.RemovalEffect;
        Explanation = explanation;
    }

    /// <summary>Gets the criterion with its derived weight (name and kind as given).</summary>
    public Criterion Criterion { get; }

    /// <summary>Gets the criterion's name.</summary>
    public string Name => Criterion.Name;

    /// <summary>Gets the derived weight, from 0 to 1; the weights of one result sum to 1.</summary>
    public double Weight => Criterion.Weight;

    /// <summary>Gets whether every candidate has the same value for the criterion (its weight is then 0).</summary>
    public bool IsConstant { get; }

    /// <summary>
    /// Gets the number the weight is proportional to: the divergence dⱼ (entropy), the information Cⱼ (CRITIC), σⱼ
    /// (standard deviation) or the removal effect Eⱼ (MEREC). The weight is this divided by the sum over all criteria.
    /// </summary>
    public double Measure { get; }

    /// <summary>Gets the entropy eⱼ, from 0 to 1 (1 for a constant criterion); null unless the method is entropy.</summary>
    public double? Entropy { get; }

    /// <summary>Gets the divergence dⱼ = 1 − eⱼ; null unless the method is entropy.</summary>
    public double? Divergence { get; }

    /// <summary>Gets the population standard deviation σⱼ of the min-max normalised values (0 for a constant criterion); null unless the method is CRITIC or standard deviation.</summary>
    public double? StandardDeviation { get; }

    /// <summary>Gets CRITIC's conflict Σₖ (1 − ρⱼₖ) over the varying criteria (0 for a constant criterion, which is left out); null unless the method is CRITIC.</summary>
    public double? ConflictSum { get; }

    /// <summary>Gets CRITIC's information Cⱼ = σⱼ · Σₖ (1 − ρⱼₖ); null unless the method is CRITIC.</summary>
    public double? Information { get; }

    /// <summary>Gets MEREC's removal effect Eⱼ = Σᵢ |S′ᵢⱼ − Sᵢ|; null unless the method is MEREC.</summary>
    public double? RemovalEffect { get; }

    /// <summary>Gets a sentence that explains the weight with its numbers.</summary>
    public string Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => Explanation;
}

/// <summary>
/// The result of <see cref="ObjectiveWeighting"/>: the method, the criteria with their derived weights (summing to 1,
/// kinds kept, ready for any weighted <see cref="RankingMethod"/>), and per criterion the numbers behind its weight.
/// </summary>
/// <remarks>
/// Objective weights describe the data, not the organisation's priorities: they say which criteria tell these
/// candidates apart. In USM the prioritisation mechanism is agreed before the first improvement sprint; objective
/// weights can inform that agreement, or be combined with agreed weights (<see cref="Combine"/>), but they are not a
/// substitute for it.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ObjectiveWeights
{
    internal ObjectiveWeights(ObjectiveWeightingMethod method, string methodName, int candidateCount, ImmutableArray<ObjectiveCriterionWeight> details)
    {
        Method = method;
        MethodName = methodName;
        CandidateCount = candidateCount;
        Details = details;
        Criteria = [.. details.Select(d => d.Criterion)];
    }

    /// <summary>Gets the method that derived the weights.</summary>
    public ObjectiveWeightingMethod Method { get; }

    /// <summary>Gets the method's name, for example <c>CRITIC weighting</c>.</summary>
    public string MethodName { get; }

    /// <summary>Gets the number of candidates the weights were derived from.</summary>
    public int CandidateCount { get; }

    /// <summary>Gets the criteria in the order given, with the given names and kinds and the derived weights (summing to 1).</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Gets each criterion's weight and intermediate numbers, in the order given.</summary>
    public ImmutableArray<ObjectiveCriterionWeight> Details { get; }

    /// <summary>Gets a criterion's weight and numbers by name.</summary>
    /// <param name="criterion">The criterion's name (ordinal).</param>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> is null.</exception>
    /// <exception cref="ArgumentException">No criterion has that name (the message lists those there are).</exception>
    public ObjectiveCriterionWeight this[string criterion]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(criterion);
            foreach (var d in Details)
            {
                if (string.Equals(d.Name, criterion, StringComparison.Ordinal))
                {
                    return d;
                }
            }

            throw new ArgumentException(Preconditions.Invariant(
                $"The {MethodName} has no criterion '{criterion}' (it has: {string.Join(", ", Details.Select(d => d.Name))})."), nameof(criterion));
        }
    }

    /// <summary>Explains one criterion's weight with its numbers.</summary>
    /// <param name="criterion">The criterion's name (ordinal).</param>
    /// <returns>The explanation, as <see cref="ObjectiveCriterionWeight.Explanation"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> is null.</exception>
    /// <exception cref="ArgumentException">No criterion has that name.</exception>
    public string Explain(string criterion) => this[criterion].Explanation;

    /// <summary>
    /// Combines subjective weights (agreed by people, directly or through AHP) with objective ones by the multiplicative
    /// rule wⱼ = sⱼ · oⱼ / Σₖ sₖ · oₖ.
    /// </summary>
    /// <remarks>
    /// The rule is the usual integration of a prior (subjective) weight with a data-derived one, as for entropy weights
    /// in Hwang and Yoon (1981) and for IDOCRIW in Zavadskas and Podvezko (2016). A criterion that either side weighs 0
    /// gets 0. Both lists must name the same criteria with the same kinds; the result follows
    /// <paramref name="subjective"/>'s order. Only relative weights matter on either side.
    /// </remarks>
    /// <param name="subjective">The agreed criteria and weights.</param>
    /// <param name="objective">The objective criteria and weights, for example <see cref="Criteria"/>.</param>
    /// <returns>The criteria with the combined weights, summing to 1.</returns>
    /// <exception cref="ArgumentNullException">An argument is null or holds null.</exception>
    /// <exception cref="ArgumentException">A list is empty or repeats a name, the lists name different criteria or give one a different kind (the message names it), or every product sⱼ · oⱼ is 0.</exception>
    public static ImmutableArray<Criterion> Combine(IEnumerable<Criterion> subjective, IEnumerable<Criterion> objective)
    {
        var (subjectiveList, s) = Index(subjective, nameof(subjective));
        var (_, o) = Index(objective, nameof(objective));
        foreach (var name in o.Keys)
        {
            if (!s.ContainsKey(name))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{name}' has an objective weight but no subjective weight; both lists must name the same criteria."), nameof(subjective));
            }
        }

        // Each side is divided by its largest weight first, so that products of weights near the largest double cannot overflow.
        var sMax = s.Values.Max(c => c.Weight);
        var oMax = o.Values.Max(c => c.Weight);
        var list = new List<(Criterion Criterion, double Product)>(s.Count);
        var total = 0.0;
        foreach (var c in subjectiveList)
        {
            if (!o.TryGetValue(c.Name, out var other))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{c.Name}' has a subjective weight but no objective weight; both lists must name the same criteria."), nameof(objective));
            }

            if (other.Kind != c.Kind)
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{c.Name}' is a {c.Kind} in the subjective weights but a {other.Kind} in the objective ones."), nameof(objective));
            }

            var product = sMax > 0 && oMax > 0 ? c.Weight / sMax * (other.Weight / oMax) : 0;
            list.Add((c, product));
            total += product;
        }

        if (!(total > 0))
        {
            throw new ArgumentException(
                "Every criterion has subjective weight 0 or objective weight 0, so every product sⱼ · oⱼ is 0 and no combined weight can be derived.",
                nameof(objective));
        }

        return [.. list.Select(p => new Criterion(p.Criterion.Name, p.Criterion.Kind, p.Product / total))];
    }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{MethodName} over {CandidateCount} candidates: {string.Join(", ", Details.Select(d => d.Name + " " + RankingMethod.F(d.Weight)))}");

    private static (Criterion[] List, Dictionary<string, Criterion> Index) Index(IEnumerable<Criterion> criteria, string paramName)
    {
        ArgumentNullException.ThrowIfNull(criteria, paramName);
        var list = criteria.ToArray();
        var index = new Dictionary<string, Criterion>(StringComparer.Ordinal);
        var position = 0;
        foreach (var c in list)
        {
            if (c is null)
            {
                throw new ArgumentNullException(paramName, Preconditions.Invariant($"The criterion at index {position} is null."));
            }

            if (!index.TryAdd(c.Name, c))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{c.Name}' is given twice."), paramName);
            }

            position++;
        }

        Preconditions.CheckArgument(index.Count > 0, paramName, "At least one criterion is needed.");
        return (list, index);
    }

    /// <summary>The explanation of one criterion's weight, in the method's terms.</summary>
    internal static string Describe(ObjectiveWeightingMethod method, int n, ImmutableArray<Criterion> criteria, int j, double weight, bool constant, double measure, double total, Numbers numbers, ImmutableArray<ImmutableArray<double>> correlations)
    {
        static string F(double v) => RankingMethod.F(v);
        var c = criteria[j];
        var name = ObjectiveWeighting.Name(method);
        if (constant)
        {
            return Preconditions.Invariant(method switch
            {
                ObjectiveWeightingMethod.Entropy => $"{name}: '{c.Name}' has the same value for all {n} candidates, so its entropy is 1, its divergence 0 and its weight 0.",
                ObjectiveWeightingMethod.Merec => $"{name}: '{c.Name}' has the same value for all {n} candidates, so every normalised value is 1, removing it changes no candidate's performance (effect 0) and its weight is 0.",
                ObjectiveWeightingMethod.Critic => $"{name}: '{c.Name}' has the same value for all {n} candidates, so σ = 0, its correlations are undefined (it is left out of the other criteria's sums) and its weight is 0.",
                _ => $"{name}: '{c.Name}' has the same value for all {n} candidates, so σ = 0 and its weight is 0.",
            });
        }

        var share = Preconditions.Invariant($"weight {F(measure)} / {F(total)} = {F(weight)}");
        switch (method)
        {
            case ObjectiveWeightingMethod.Entropy:
                return Preconditions.Invariant(
                    $"{name}: '{c.Name}' has entropy e = {F(numbers.Entropy!.Value)} over {n} candidates (pᵢ = xᵢ / Σx; 1 would mean all equal), divergence d = 1 − e = {F(measure)}, {share} (d / Σd).");
            case ObjectiveWeightingMethod.StandardDeviation:
                return Preconditions.Invariant(
                    $"{name}: '{c.Name}' has σ = {F(measure)} after min-max normalisation over {n} candidates, {share} (σ / Σσ).");
            case ObjectiveWeightingMethod.Critic:
                var text = new StringBuilder(Preconditions.Invariant(
                    $"{name}: {c.Kind} '{c.Name}' has σ = {F(numbers.StandardDeviation!.Value)} after min-max normalisation over {n} candidates and conflict Σ(1 − ρ) = {F(numbers.ConflictSum!.Value)}"));
                var others = new List<string>();
                for (var k = 0; k < criteria.Length; k++)
                {
                    var r = correlations[j][k];
                    if (k != j && !double.IsNaN(r))
                    {
                        others.Add(Preconditions.Invariant($"ρ with '{criteria[k].Name}' {F(r)}"));
                    }
                }

                if (others.Count > 0)
                {
                    text.Append(" (").Append(string.Join("; ", others)).Append(')');
                }

                return text.Append(Preconditions.Invariant($", so C = σ · Σ(1 − ρ) = {F(measure)}, {share} (C / ΣC).")).ToString();
            default:
                return Preconditions.Invariant(
                    $"{name}: {c.Kind} '{c.Name}': removing it lowers the {n} candidates' overall performance S (ln(1 + mean |ln n|) over {criteria.Length} criteria) by E = Σ|S′ − S| = {F(measure)} in all, {share} (E / ΣE).");
        }
    }
}
