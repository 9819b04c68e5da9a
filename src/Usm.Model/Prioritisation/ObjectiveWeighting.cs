using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>The objective weighting methods of <see cref="ObjectiveWeighting"/>.</summary>
public enum ObjectiveWeightingMethod
{
    /// <summary>Shannon entropy: a criterion whose values are spread unevenly over the candidates carries more information.</summary>
    Entropy = 1,

    /// <summary>CRITIC (Diakoulaki, Mavrotas and Papayannakis 1995): contrast (standard deviation) times conflict with the other criteria (1 − correlation).</summary>
    Critic = 2,

    /// <summary>Standard deviation of the min-max normalised values: CRITIC without the conflict term.</summary>
    StandardDeviation = 3,

    /// <summary>MEREC (Keshavarz-Ghorabaee et al. 2021): how much the candidates' overall performance changes when the criterion is removed.</summary>
    Merec = 4,
}

/// <summary>
/// Objective criterion weights: weights derived from the candidates' values instead of from people's judgements, by
/// Shannon entropy, CRITIC, the standard deviation method or MEREC.
/// </summary>
/// <remarks>
/// <para>Each method reads the columns of the named criteria, measures how much each criterion tells the candidates
/// apart (its spread, and for CRITIC also its conflict with the others, for MEREC its effect on an overall
/// performance), and divides these measures by their sum. The result's <see cref="ObjectiveWeights.Criteria"/> are the
/// same criteria, in the same order and with the same kinds, carrying the derived weights, so they can be passed to
/// <see cref="RankingMethod.WeightedSum"/>, <see cref="RankingMethod.Topsis"/> or any other weighted method. The
/// weights of the criteria given are ignored: only their names and kinds are read.</para>
/// <para>Where the literature differs, each method follows its original paper; docs/objective-weighting.md lists every
/// choice. In short: entropy works on the raw values with pᵢⱼ = xᵢⱼ / Σᵢ xᵢⱼ and 0 · ln 0 = 0, and ignores the kind
/// (Hwang and Yoon 1981; the examples of Xu 2004 and Zavadskas and Podvezko 2016); CRITIC and the standard deviation
/// method work on min-max normalised values with costs reversed, (max − x) / (max − min) (Diakoulaki et al. 1995), and
/// use the population standard deviation (dividing by n; dividing by n − 1 scales every σⱼ alike and gives the same
/// weights); MEREC normalises a benefit as min / x and a cost as x / max, and uses
/// Sᵢ = ln(1 + (1/m) Σⱼ |ln nᵢⱼ|) with the same 1/m when a criterion is removed (Keshavarz-Ghorabaee et al. 2021).</para>
/// <para>A criterion on which every candidate has the same value (a constant column) tells the candidates nothing: it
/// gets weight 0 under every method (entropy 1 and divergence 0; σ = 0; removal effect 0). CRITIC leaves it out of the
/// other criteria's correlation sums, since its correlation is undefined. When every criterion is constant (or, for
/// CRITIC, every C_j is 0 because the criteria that vary are perfectly correlated, or there is only one of them) no
/// weight can be derived and the method throws.</para>
/// <para>Every sum over the candidates is correctly rounded, so the weights do not depend on the order of the candidates,
/// bit for bit, and a ranking fed with them cannot have a tie broken differently for a reordered set.</para>
/// <para>Cost: O(n · m) for entropy, the standard deviation method and MEREC's normalisation, O(n · m²) for CRITIC's
/// correlations and MEREC's removal effects, for n candidates and m criteria.</para>
/// </remarks>
public static class ObjectiveWeighting
{
    /// <summary>
    /// CRITIC takes a correlation within this distance of 1 to be exactly 1, so that two criteria equal up to rounding
    /// (for example one a multiple of the other) count as fully correlated instead of conflicting by rounding noise.
    /// </summary>
    internal const double CorrelationTolerance = 1e-12;

    /// <summary>
    /// Entropy weights: eⱼ = −(1 / ln n) Σᵢ pᵢⱼ ln pᵢⱼ with pᵢⱼ = xᵢⱼ / Σᵢ xᵢⱼ (0 · ln 0 taken as 0), divergence
    /// dⱼ = 1 − eⱼ, weight wⱼ = dⱼ / Σₖ dₖ.
    /// </summary>
    /// <remarks>
    /// The raw values are used whatever the criterion's kind, as in the method's original form: entropy measures how
    /// unevenly a criterion's total is shared among the candidates, which a cost shows as well as a benefit. Scaling a
    /// criterion's values by a positive factor leaves the weights unchanged; adding a constant to them does not.
    /// </remarks>
    /// <param name="candidates">The candidates; at least 2.</param>
    /// <param name="criteria">The criteria to weigh (names and kinds; their weights are ignored).</param>
    /// <returns>The derived weights with each criterion's entropy and divergence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="criteria"/> holds null.</exception>
    /// <exception cref="ArgumentException">There are no criteria, a name repeats, the set lacks a criterion, there are fewer than 2 candidates, or every criterion is constant (the message says which).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative (the message names the candidate and the criterion).</exception>
    public static ObjectiveWeights Entropy(CandidateSet candidates, IEnumerable<Criterion> criteria)
    {
        var (columns, list) = Read(candidates, criteria, ObjectiveWeightingMethod.Entropy);
        var n = candidates.Count;
        var m = list.Length;
        var entropy = new double[m];
        var divergence = new double[m];
        var constant = new bool[m];
        var logN = Math.Log(n);
        var terms = new double[n];
        for (var j = 0; j < m; j++)
        {
            var x = columns[j];
            var (min, max) = ColumnMath.MinMaxFinite(x);
            if (min < 0)
            {
                var bad = Array.FindIndex(x, v => v < 0);
                throw BadValue(candidates, bad, list[j].Name, x[bad], ObjectiveWeightingMethod.Entropy, "values ≥ 0 (it shares each criterion's total among the candidates)");
            }

            if (min == max)
            {
                constant[j] = true;
                entropy[j] = 1;
                continue;
            }

            // p = x / Σx, computed as y / Σy with y = x / max, so that a total beyond the largest double cannot overflow. Both
            // sums are correctly rounded, so the weights do not depend on the order of the candidates.
            for (var i = 0; i < n; i++)
            {
                terms[i] = x[i] / max;
            }

            var total = ColumnMath.ExactSum(terms);
            for (var i = 0; i < n; i++)
            {
                var p = terms[i] / total;
                terms[i] = p > 0 ? p * Math.Log(p) : 0;
            }

            var sum = ColumnMath.ExactSum(terms);

            entropy[j] = Math.Clamp(-sum / logN, 0, 1);
            divergence[j] = 1 - entropy[j];
        }

        return Build(ObjectiveWeightingMethod.Entropy, candidates, list, divergence, constant, j => new Numbers { Entropy = entropy[j], Divergence = divergence[j] });
    }

    /// <summary>
    /// CRITIC weights (criteria importance through intercriteria correlation): the min-max normalised values
    /// rᵢⱼ (benefit (x − min) / (max − min), cost (max − x) / (max − min)), their standard deviation σⱼ, the Pearson
    /// correlation ρⱼₖ between criteria, the information Cⱼ = σⱼ · Σₖ (1 − ρⱼₖ), and wⱼ = Cⱼ / Σₖ Cₖ.
    /// </summary>
    /// <remarks>
    /// A criterion gains weight by spreading the candidates widely and by disagreeing with the other criteria. The kind
    /// matters: reversing a cost flips the sign of its correlations. Scaling a criterion by a positive factor, or
    /// shifting it, leaves the weights unchanged. A constant criterion gets weight 0 and is left out of the other
    /// criteria's sums, so their weights are those of the set without it.
    /// </remarks>
    /// <param name="candidates">The candidates; at least 2.</param>
    /// <param name="criteria">The criteria to weigh (names and kinds; their weights are ignored).</param>
    /// <returns>The derived weights with each criterion's σⱼ, Σₖ (1 − ρⱼₖ) and Cⱼ.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="criteria"/> holds null.</exception>
    /// <exception cref="ArgumentException">There are no criteria, a name repeats, the set lacks a criterion, there are fewer than 2 candidates, every criterion is constant, or every Cⱼ is 0 (one varying criterion, or varying criteria perfectly correlated; the message says which).</exception>
    public static ObjectiveWeights Critic(CandidateSet candidates, IEnumerable<Criterion> criteria)
    {
        var (columns, list) = Read(candidates, criteria, ObjectiveWeightingMethod.Critic);
        var n = candidates.Count;
        var m = list.Length;
        var (centred, sigma, constant) = Normalised(columns, list, n, keep: true);
        var conflict = new double[m];
        var information = new double[m];
        var correlation = new double[m, m];
        var products = new double[n];
        for (var j = 0; j < m; j++)
        {
            for (var k = j; k < m; k++)
            {
                if (constant[j] || constant[k])
                {
                    correlation[j, k] = correlation[k, j] = double.NaN;
                    continue;
                }

                var r = j == k ? 1 : Correlation(centred[j], centred[k], sigma[j], sigma[k], products);
                correlation[j, k] = correlation[k, j] = r;
            }
        }

        for (var j = 0; j < m; j++)
        {
            if (constant[j])
            {
                continue;
            }

            var s = 0.0;
            for (var k = 0; k < m; k++)
            {
                if (!constant[k])
                {
                    s += 1 - correlation[j, k];
                }
            }

            conflict[j] = s;
            information[j] = sigma[j] * s;
        }

        if (!constant.All(c => c) && information.All(c => c == 0))
        {
            var varying = list.Where((_, j) => !constant[j]).Select(c => c.Name).ToArray();
            throw new ArgumentException(
                varying.Length == 1
                    ? Preconditions.Invariant($"CRITIC weighting cannot weigh these criteria: only '{varying[0]}' varies (the others are constant), and CRITIC measures a criterion's conflict with other varying criteria, so every Cⱼ is 0.")
                    : Preconditions.Invariant($"CRITIC weighting cannot weigh these criteria: the varying criteria ({string.Join(", ", varying)}) are perfectly correlated with each other, so none conflicts with another and every Cⱼ is 0."),
                nameof(candidates));
        }

        var rows = Enumerable.Range(0, m).Select(j => Enumerable.Range(0, m).Select(k => correlation[j, k]).ToImmutableArray()).ToImmutableArray();
        return Build(ObjectiveWeightingMethod.Critic, candidates, list, information, constant,
            j => new Numbers { StandardDeviation = sigma[j], ConflictSum = conflict[j], Information = information[j] }, rows);
    }

    /// <summary>
    /// Standard deviation weights: σⱼ of the min-max normalised values (as for <see cref="Critic"/>), and
    /// wⱼ = σⱼ / Σₖ σₖ.
    /// </summary>
    /// <remarks>
    /// The normalisation makes the weights independent of each criterion's unit: scaling or shifting a criterion leaves
    /// them unchanged, and so does its kind (reversing a column does not change its spread). Some libraries take σ of
    /// the raw values instead, which makes a criterion measured in cents outweigh the same one in euros; see
    /// docs/objective-weighting.md.
    /// </remarks>
    /// <param name="candidates">The candidates; at least 2.</param>
    /// <param name="criteria">The criteria to weigh (names and kinds; their weights are ignored).</param>
    /// <returns>The derived weights with each criterion's σⱼ.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="criteria"/> holds null.</exception>
    /// <exception cref="ArgumentException">There are no criteria, a name repeats, the set lacks a criterion, there are fewer than 2 candidates, or every criterion is constant.</exception>
    public static ObjectiveWeights StandardDeviation(CandidateSet candidates, IEnumerable<Criterion> criteria)
    {
        var (columns, list) = Read(candidates, criteria, ObjectiveWeightingMethod.StandardDeviation);
        var (_, sigma, constant) = Normalised(columns, list, candidates.Count, keep: false);
        return Build(ObjectiveWeightingMethod.StandardDeviation, candidates, list, sigma, constant, j => new Numbers { StandardDeviation = sigma[j] });
    }

    /// <summary>
    /// MEREC weights (method based on the removal effects of criteria): normalise a benefit as nᵢⱼ = min / xᵢⱼ and a
    /// cost as nᵢⱼ = xᵢⱼ / max, take each candidate's overall performance Sᵢ = ln(1 + (1/m) Σⱼ |ln nᵢⱼ|) and its
    /// performance with criterion j removed S′ᵢⱼ = ln(1 + (1/m) Σₖ≠ⱼ |ln nᵢₖ|), the removal effect
    /// Eⱼ = Σᵢ |S′ᵢⱼ − Sᵢ|, and wⱼ = Eⱼ / Σₖ Eₖ.
    /// </summary>
    /// <remarks>
    /// The divisor stays m (the number of criteria) when one is removed, as in the original paper. Scaling a criterion
    /// by a positive factor leaves the weights unchanged; shifting it does not. A constant criterion has removal effect
    /// 0 and weight 0, but it still counts in m, so adding one changes the others' weights.
    /// </remarks>
    /// <param name="candidates">The candidates; at least 2.</param>
    /// <param name="criteria">The criteria to weigh (names and kinds; their weights are ignored).</param>
    /// <returns>The derived weights with each criterion's removal effect.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="criteria"/> holds null.</exception>
    /// <exception cref="ArgumentException">There are no criteria, a name repeats, the set lacks a criterion, there are fewer than 2 candidates, or every criterion is constant.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is 0 or negative (the message names the candidate and the criterion).</exception>
    public static ObjectiveWeights Merec(CandidateSet candidates, IEnumerable<Criterion> criteria)
    {
        var (columns, list) = Read(candidates, criteria, ObjectiveWeightingMethod.Merec);
        var n = candidates.Count;
        var m = list.Length;
        var logs = new double[m][];
        var constant = new bool[m];
        for (var j = 0; j < m; j++)
        {
            var x = columns[j];
            var (min, max) = ColumnMath.MinMaxFinite(x);
            if (!(min > 0))
            {
                var bad = Array.FindIndex(x, v => !(v > 0));
                throw BadValue(candidates, bad, list[j].Name, x[bad], ObjectiveWeightingMethod.Merec, "positive values (it divides by them and takes logarithms)");
            }

            constant[j] = min == max;
            logs[j] = new double[n];
            if (constant[j])
            {
                continue;
            }

            // |ln(min / x)| = ln x − ln min for a benefit, |ln(x / max)| = ln max − ln x for a cost: differences of logarithms
            // never overflow, as a quotient of a huge and a tiny value could.
            var benefit = list[j].Kind == CriterionKind.Benefit;
            var logMin = Math.Log(min);
            var logMax = Math.Log(max);
            var a = logs[j];
            for (var i = 0; i < n; i++)
            {
                var log = Math.Log(x[i]);
                a[i] = Math.Max(benefit ? log - logMin : logMax - log, 0);
            }
        }

        // |S′ᵢⱼ − Sᵢ| = ln(1 + T/m) − ln(1 + T′/m) with T′ = T − aᵢⱼ, taken as ln(1 + (aᵢⱼ / m) / (1 + T′/m)): one logarithm
        // of 1 plus a small quantity (LogOnePlus), instead of the difference of two nearly equal logarithms, which loses
        // the digits of a small removal effect. T′ is summed directly, never as T − aᵢⱼ.
        // Eⱼ, the sum over the candidates, is correctly rounded, so the weights do not depend on the order of the candidates.
        var effect = new double[m];
        var terms = new double[n];
        for (var j = 0; j < m; j++)
        {
            if (constant[j])
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                var without = 0.0;
                for (var k = 0; k < m; k++)
                {
                    if (k != j)
                    {
                        without += logs[k][i];
                    }
                }

                terms[i] = LogOnePlus(logs[j][i] / m / (1 + (without / m)));
            }

            effect[j] = ColumnMath.ExactSum(terms);
        }

        return Build(ObjectiveWeightingMethod.Merec, candidates, list, effect, constant, j => new Numbers { RemovalEffect = effect[j] });
    }

    /// <summary>
    /// ln(1 + x) for x ≥ 0, accurate also for tiny x, where 1 + x rounds: ln(u) · x / (u − 1) with u = 1 + x corrects for
    /// that rounding (Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991).
    /// </summary>
    internal static double LogOnePlus(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>The display name of a method, as used in messages and explanations.</summary>
    internal static string Name(ObjectiveWeightingMethod method) => method switch
    {
        ObjectiveWeightingMethod.Entropy => "Entropy weighting",
        ObjectiveWeightingMethod.Critic => "CRITIC weighting",
        ObjectiveWeightingMethod.StandardDeviation => "Standard deviation weighting",
        _ => "MEREC weighting",
    };

    /// <summary>Validates the criteria and the set and returns each criterion's column, in the criteria's order.</summary>
    private static (double[][] Columns, ImmutableArray<Criterion> Criteria) Read(CandidateSet candidates, IEnumerable<Criterion> criteria, ObjectiveWeightingMethod method)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(criteria);
        ImmutableArray<Criterion> list = [.. criteria];
        Preconditions.CheckArgument(list.Length > 0, nameof(criteria), "At least one criterion is needed.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < list.Length; j++)
        {
            if (list[j] is null)
            {
                throw new ArgumentNullException(nameof(criteria), Preconditions.Invariant($"The criterion at index {j} is null."));
            }

            if (!seen.Add(list[j].Name))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{list[j].Name}' is given twice."), nameof(criteria));
            }
        }

        var name = Name(method);
        var columns = list.Select(c => candidates.ColumnArray(c.Name, nameof(candidates), name)).ToArray();
        if (candidates.Count < 2)
        {
            throw new ArgumentException(Preconditions.Invariant(
                $"{name} needs at least 2 candidates, but the set has {candidates.Count}: objective weights measure how a criterion's values differ between candidates, so with fewer there is nothing to measure and every weight is undefined."),
                nameof(candidates));
        }

        return (columns, list);
    }

    /// <summary>
    /// The min-max normalised columns (costs reversed), centred on their means, with their population standard
    /// deviations and which are constant. With <paramref name="keep"/> false only σ is computed and no column is kept.
    /// </summary>
    private static (double[][] Centred, double[] Sigma, bool[] Constant) Normalised(double[][] columns, ImmutableArray<Criterion> criteria, int n, bool keep)
    {
        var m = columns.Length;
        var centred = new double[m][];
        var sigma = new double[m];
        var constant = new bool[m];
        var scratch = keep ? null : new double[n];
        for (var j = 0; j < m; j++)
        {
            var x = columns[j];
            var (min, max) = ColumnMath.MinMaxFinite(x);
            if (min == max)
            {
                constant[j] = true;
                continue;
            }

            // A range beyond the largest double (values towards ±1.8e308) is taken in halves: the same ratio.
            var h = double.IsPositiveInfinity(max - min) ? 0.5 : 1.0;
            var range = (h * max) - (h * min);
            var benefit = criteria[j].Kind == CriterionKind.Benefit;
            double Normalise(double v) => (benefit ? (h * v) - (h * min) : (h * max) - (h * v)) / range;

            // The mean and the sum of squares are correctly rounded, so σ does not depend on the order of the candidates.
            var r = scratch ?? new double[n];
            for (var i = 0; i < n; i++)
            {
                r[i] = Normalise(x[i]);
            }

            var mean = ColumnMath.ExactSum(r) / n;
            for (var i = 0; i < n; i++)
            {
                r[i] -= mean;
            }

            centred[j] = keep ? r : null!;
            sigma[j] = Math.Sqrt(ColumnMath.ExactSumOfSquares(r, 1.0) / n);
            constant[j] = !(sigma[j] > 0);
        }

        return (centred, sigma, constant);
    }

    /// <summary>The Pearson correlation of two centred columns (the sum of products correctly rounded, in <paramref name="products"/>), clamped to [−1, 1], and 1 within <see cref="CorrelationTolerance"/> of it.</summary>
    private static double Correlation(double[] a, double[] b, double sigmaA, double sigmaB, double[] products)
    {
        for (var i = 0; i < a.Length; i++)
        {
            products[i] = a[i] * b[i];
        }

        var r = Math.Clamp(ColumnMath.ExactSum(products) / a.Length / sigmaA / sigmaB, -1, 1);
        return r >= 1 - CorrelationTolerance ? 1 : r;
    }

    private static ObjectiveWeights Build(ObjectiveWeightingMethod method, CandidateSet set, ImmutableArray<Criterion> criteria, double[] measure, bool[] constant, Func<int, Numbers> numbers, ImmutableArray<ImmutableArray<double>> correlations = default)
    {
        var name = Name(method);
        if (constant.All(c => c))
        {
            throw new ArgumentException(Preconditions.Invariant(
                $"{name} cannot weigh these criteria: every one ({string.Join(", ", criteria.Select(c => c.Name))}) has the same value for all {set.Count} candidates, so none tells the candidates apart and every weight is undefined."),
                "candidates");
        }

        var total = 0.0;
        foreach (var v in measure)
        {
            total += v;
        }

        if (!(total > 0 && double.IsFinite(total)))
        {
            throw new ArgumentException(Preconditions.Invariant(
                $"{name} cannot weigh these criteria: their measures sum to {total}, so no weight can be derived (the criteria that vary do so only in the last digits of a double)."),
                "candidates");
        }

        var builder = ImmutableArray.CreateBuilder<ObjectiveCriterionWeight>(criteria.Length);
        for (var j = 0; j < criteria.Length; j++)
        {
            var c = criteria[j];
            var weighted = new Criterion(c.Name, c.Kind, measure[j] / total);
            var text = ObjectiveWeights.Describe(method, set.Count, criteria, j, weighted.Weight, constant[j], measure[j], total, numbers(j), correlations);
            builder.Add(new ObjectiveCriterionWeight(weighted, constant[j], measure[j], numbers(j), text));
        }

        return new ObjectiveWeights(method, name, set.Count, builder.MoveToImmutable());
    }

    private static ArgumentOutOfRangeException BadValue(CandidateSet set, int index, string criterion, double value, ObjectiveWeightingMethod method, string rule) =>
        new("candidates", value, Preconditions.Invariant($"Candidate '{set.IdArray[index]}' has {criterion} = {value}; {Name(method)} needs {rule}."));
}

/// <summary>The intermediate numbers of one criterion; each method fills those it computes.</summary>
internal readonly record struct Numbers(double? Entropy, double? Divergence, double? StandardDeviation, double? ConflictSum, double? Information, double? RemovalEffect)
{
    public Numbers()
        : this(null, null, null, null, null, null)
    {
    }
}
