using System.Collections.Immutable;
using System.Globalization;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// A prioritisation mechanism: a pure function from a <see cref="CandidateSet"/> (plus the method's parameters) to
/// one score per candidate, with an explanation per candidate in the method's own terms. Pass one to
/// <see cref="Prioritiser.Rank"/> or <see cref="Prioritiser.Top"/>.
/// </summary>
/// <remarks>
/// Create methods with the static factories (<see cref="RiskMatrix(string, string, ImmutableArray{ImmutableArray{int}}, string?)"/>,
/// <see cref="ExpectedValue"/>, <see cref="WeightedSum"/>, <see cref="Wsjf"/>, <see cref="Cd3"/>, <see cref="Rice"/>,
/// <see cref="Ice"/>, <see cref="Topsis"/>, <see cref="WeightedProduct"/>, <see cref="Waspas"/>, <see cref="Vikor"/>,
/// <see cref="Promethee"/>, <see cref="AhpWeightedSum"/>, <see cref="SimpleRisk"/>, <see cref="Moscow"/>, <see cref="Edas"/>,
/// <see cref="Codas"/>, <see cref="Copras"/>, <see cref="Aras"/>, <see cref="Mabac"/>, <see cref="MooraRatio"/>,
/// <see cref="MooraReferencePoint"/>, <see cref="MooraMultiplicative"/>, <see cref="Multimoora"/>, <see cref="Spotis"/>). Each is a
/// sealed subclass that exposes its parameters. A method never
/// changes its input; it validates it and throws an <see cref="ArgumentException"/> (or
/// <see cref="ArgumentOutOfRangeException"/>) whose message names the candidate and the criterion.
/// </remarks>
/// <threadsafety>Every method is immutable and thread-safe.</threadsafety>
public abstract class RankingMethod
{
    private protected RankingMethod()
    {
    }

    /// <summary>Gets the method's name, for example <c>WSJF</c> or <c>TOPSIS</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The USM risk matrix: each candidate's class comes from a table indexed by its effect and likelihood levels
    /// (both 1-based ordinal levels); candidates rank by class first, then by a within-class score.
    /// </summary>
    /// <param name="effectCriterion">The criterion holding the effect level (1 = lowest).</param>
    /// <param name="likelihoodCriterion">The criterion holding the likelihood level (1 = lowest).</param>
    /// <param name="classTable">The class of each cell: <c>classTable[effect - 1][likelihood - 1]</c>, 1 = lowest class. Must be rectangular and monotone (raising effect or likelihood never lowers the class).</param>
    /// <param name="withinClassCriterion">The criterion that orders candidates inside a class (higher first), or null for effect × likelihood.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    /// <exception cref="ArgumentException">The table is empty, ragged or not monotone, or a class is below 1.</exception>
    public static RiskMatrixMethod RiskMatrix(string effectCriterion, string likelihoodCriterion, ImmutableArray<ImmutableArray<int>> classTable, string? withinClassCriterion = null) =>
        new(effectCriterion, likelihoodCriterion, classTable, withinClassCriterion);

    /// <summary>The USM risk matrix with <see cref="RiskMatrixMethod.StandardFiveByFive"/> as its class table.</summary>
    /// <param name="effectCriterion">The criterion holding the effect level, 1 to 5.</param>
    /// <param name="likelihoodCriterion">The criterion holding the likelihood level, 1 to 5.</param>
    /// <returns>The method.</returns>
    public static RiskMatrixMethod RiskMatrix(string effectCriterion, string likelihoodCriterion) =>
        new(effectCriterion, likelihoodCriterion, RiskMatrixMethod.StandardFiveByFive, null);

    /// <summary>
    /// DSDM's MoSCoW: candidates rank by category (every Must before every Should, every Should before every Could,
    /// every Could before every Won't-have-this-time item), then by an optional within-category criterion.
    /// </summary>
    /// <param name="categoryCriterion">The criterion holding the category code: 1 = Must, 2 = Should, 3 = Could, 4 = Won't have this time (<see cref="MoscowCategory"/>).</param>
    /// <param name="withinCategoryCriterion">The criterion that orders candidates inside a category (higher first), or null for none.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categoryCriterion"/> is null.</exception>
    /// <exception cref="ArgumentException">A criterion name is blank, or both name the same criterion.</exception>
    public static MoscowMethod Moscow(string categoryCriterion, string? withinCategoryCriterion = null) => new(categoryCriterion, withinCategoryCriterion);

    /// <summary>
    /// Signed expected monetary value: EMV = probability × impact, negative for threats and positive for
    /// opportunities. Candidates rank by |EMV|: a threat by the loss that addressing it avoids, an opportunity by the
    /// gain it brings.
    /// </summary>
    /// <param name="probabilityCriterion">The criterion holding the probability, in [0, 1].</param>
    /// <param name="impactCriterion">The criterion holding the monetary impact (a magnitude, or a signed value that agrees with the polarity).</param>
    /// <returns>The method.</returns>
    public static ExpectedValueMethod ExpectedValue(string probabilityCriterion, string impactCriterion) => new(probabilityCriterion, impactCriterion);

    /// <summary>Simple additive weighting (SAW): the weighted sum of normalised benefit and cost criteria.</summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <param name="normalisation">How each criterion is normalised.</param>
    /// <returns>The method.</returns>
    public static WeightedSumMethod WeightedSum(IEnumerable<Criterion> criteria, SawNormalisation normalisation = SawNormalisation.Max) => new(criteria, normalisation);

    /// <summary>
    /// SAW weighted by AHP: the criteria are the labels of an AHP pairwise comparison of criteria and their weights the
    /// AHP weights, so AHP judgements can drive <see cref="Prioritiser.Rank"/> and, through
    /// <see cref="RankingMechanism"/>, the improvement programme.
    /// </summary>
    /// <remarks>
    /// The labels of the compared matrix must be the candidates' criterion names. By default an inconsistent comparison
    /// (<see cref="AhpResult.IsConsistent"/> false, CR above its threshold) is rejected: an agreed mechanism should not rest
    /// on judgements AHP itself flags. The method's <see cref="Name"/> is "AHP-weighted SAW".
    /// </remarks>
    /// <param name="criteriaWeights">The AHP result of comparing the criteria, for example <see cref="Prioritisation.Ahp.Weigh"/>.</param>
    /// <param name="normalisation">How each criterion is normalised.</param>
    /// <param name="costCriteria">The labels that are cost criteria (lower is better); the rest are benefits. Null for none.</param>
    /// <param name="allowInconsistent">Whether to accept a comparison whose consistency ratio exceeds its threshold.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteriaWeights"/> is null.</exception>
    /// <exception cref="ArgumentException">The comparison has no labels, is inconsistent (unless allowed; the message gives CR), or a cost criterion is not one of the labels (the message names it).</exception>
    public static WeightedSumMethod AhpWeightedSum(AhpResult criteriaWeights, SawNormalisation normalisation = SawNormalisation.Max, IEnumerable<string>? costCriteria = null, bool allowInconsistent = false)
    {
        ArgumentNullException.ThrowIfNull(criteriaWeights);
        Preconditions.CheckArgument(!criteriaWeights.Labels.IsEmpty, nameof(criteriaWeights), "The AHP comparison has no labels; label its matrix with the candidates' criterion names.");
        if (!allowInconsistent && !criteriaWeights.IsConsistent)
        {
            throw new ArgumentException(Preconditions.Invariant($"The AHP comparison of criteria [{string.Join(", ", criteriaWeights.Labels)}] is inconsistent: CR {F(criteriaWeights.ConsistencyRatio)} exceeds {F(criteriaWeights.ConsistencyThreshold)}. Revise the judgements, or pass allowInconsistent: true."), nameof(criteriaWeights));
        }

        var costs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cost in costCriteria ?? [])
        {
            if (!criteriaWeights.Labels.Contains(cost, StringComparer.Ordinal))
            {
                throw new ArgumentException(Preconditions.Invariant($"Cost criterion '{cost}' is not one of the AHP criteria [{string.Join(", ", criteriaWeights.Labels)}]."), nameof(costCriteria));
            }

            costs.Add(cost);
        }

        var criteria = criteriaWeights.Labels.Select((label, i) => new Criterion(label, costs.Contains(label) ? CriterionKind.Cost : CriterionKind.Benefit, criteriaWeights.Weights[i]));
        return new WeightedSumMethod(criteria, normalisation, "AHP-weighted SAW");
    }

    /// <summary>SAFe's weighted shortest job first: the sum of the cost-of-delay components divided by job size.</summary>
    /// <param name="costOfDelayComponents">The criteria whose sum is the cost of delay, for example user-business value, time criticality, risk reduction/opportunity enablement.</param>
    /// <param name="jobSizeCriterion">The criterion holding job size, or null to use each candidate's effort.</param>
    /// <returns>The method.</returns>
    public static WsjfMethod Wsjf(IEnumerable<string> costOfDelayComponents, string? jobSizeCriterion = null) => new(costOfDelayComponents, jobSizeCriterion);

    /// <summary>Reinertsen's CD3 (cost of delay divided by duration).</summary>
    /// <param name="costOfDelayCriterion">The criterion holding the cost of delay per unit of time.</param>
    /// <param name="durationCriterion">The criterion holding the duration, or null to use each candidate's effort.</param>
    /// <returns>The method.</returns>
    public static Cd3Method Cd3(string costOfDelayCriterion, string? durationCriterion = null) => new(costOfDelayCriterion, durationCriterion);

    /// <summary>Intercom's RICE: reach × impact × confidence / effort.</summary>
    /// <param name="reachCriterion">Reach (people or events per period).</param>
    /// <param name="impactCriterion">Impact (Intercom's scale 3, 2, 1, 0.5, 0.25).</param>
    /// <param name="confidenceCriterion">Confidence as a fraction in [0, 1] (100 % = 1.0, 80 % = 0.8, 50 % = 0.5).</param>
    /// <param name="effortCriterion">Effort (person-months), or null to use each candidate's effort.</param>
    /// <returns>The method.</returns>
    public static RiceMethod Rice(string reachCriterion, string impactCriterion, string confidenceCriterion, string? effortCriterion = null) =>
        new(reachCriterion, impactCriterion, confidenceCriterion, effortCriterion);

    /// <summary>ICE: impact, confidence and ease combined by the named convention (average or product).</summary>
    /// <param name="impactCriterion">Impact (usually 1-10).</param>
    /// <param name="confidenceCriterion">Confidence (usually 1-10).</param>
    /// <param name="easeCriterion">Ease (usually 1-10).</param>
    /// <param name="convention">Average or product; the two can order items differently.</param>
    /// <returns>The method.</returns>
    public static IceMethod Ice(string impactCriterion, string confidenceCriterion, string easeCriterion, IceConvention convention) =>
        new(impactCriterion, confidenceCriterion, easeCriterion, convention);

    /// <summary>
    /// One of SimpleRisk's risk formulas on whole likelihood and impact levels, normalised to 0-10:
    /// 10 · S / S_max, with S_max the formula at the highest levels. SimpleRisk's Custom method is
    /// <see cref="RiskMatrix(string, string, ImmutableArray{ImmutableArray{int}}, string?)"/> with a class table.
    /// </summary>
    /// <param name="formula">The formula: Classic (L·I + 2I), CVSS (L·I + I), DREAD (L·I), OWASP (L·I + L) or Contributing Risk (L·I + 2L). The names are SimpleRisk's; none scores a real CVSS, DREAD or OWASP vector.</param>
    /// <param name="likelihoodCriterion">The criterion holding the likelihood level, 1 to <paramref name="maxLikelihood"/>.</param>
    /// <param name="impactCriterion">The criterion holding the impact level, 1 to <paramref name="maxImpact"/>.</param>
    /// <param name="maxLikelihood">The highest likelihood level, 1 to <see cref="SimpleRiskMethod.MaxScaleLevels"/> (SimpleRisk's default 5).</param>
    /// <param name="maxImpact">The highest impact level, 1 to <see cref="SimpleRiskMethod.MaxScaleLevels"/> (SimpleRisk's default 5).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException">A criterion name is null.</exception>
    /// <exception cref="ArgumentException">A criterion name is blank, or both name the same criterion.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="formula"/> is undefined, or a maximum is below 1 or above <see cref="SimpleRiskMethod.MaxScaleLevels"/>.</exception>
    public static SimpleRiskMethod SimpleRisk(SimpleRiskFormula formula, string likelihoodCriterion, string impactCriterion, int maxLikelihood = 5, int maxImpact = 5) =>
        new(formula, likelihoodCriterion, impactCriterion, maxLikelihood, maxImpact);

    /// <summary>
    /// TOPSIS: normalise, weight, and score each candidate by its relative closeness to the ideal point,
    /// D⁻ / (D⁺ + D⁻).
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <param name="normalisation">The normalisation; <see cref="SawNormalisation.Vector"/> is the classic choice of Hwang and Yoon.</param>
    /// <returns>The method.</returns>
    public static TopsisMethod Topsis(IEnumerable<Criterion> criteria, SawNormalisation normalisation = SawNormalisation.Vector) => new(criteria, normalisation);

    /// <summary>
    /// The weighted product model (WPM): score = Πⱼ rⱼ^wⱼ, with rⱼ the value normalised by the column's best (benefit
    /// x / max, cost min / x). Every value must be positive.
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static WeightedProductMethod WeightedProduct(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>
    /// WASPAS: Q = λ · WSM + (1 − λ) · WPM, the weighted sum and the weighted product of the same values normalised by
    /// the column's best (benefit x / max, cost min / x). Every value must be positive.
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <param name="lambda">λ, the weighted sum's share, in [0, 1]: 1 is SAW with max normalisation, 0 is WPM.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is NaN or outside [0, 1].</exception>
    public static WaspasMethod Waspas(IEnumerable<Criterion> criteria, double lambda = 0.5) => new(criteria, lambda);

    /// <summary>
    /// VIKOR: group utility S, individual regret R and the compromise index Q = v · S part + (1 − v) · R part; lower Q
    /// is better, so the score is −Q. <see cref="VikorMethod.Compromise"/> checks the compromise conditions.
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <param name="v">v, the weight of group utility S in Q, in [0, 1] (0.5: consensus; above: majority rule; below: veto).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="v"/> is NaN or outside [0, 1].</exception>
    public static VikorMethod Vikor(IEnumerable<Criterion> criteria, double v = 0.5) => new(criteria, v);

    /// <summary>
    /// PROMETHEE II: score each candidate by its net outranking flow φ = φ⁺ − φ⁻ in [−1, 1], from pairwise comparisons
    /// through one preference function per criterion.
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <param name="preferenceFunctions">The preference function of each criterion, by criterion name; a criterion not named gets <see cref="PreferenceFunction.Usual"/>. Null for the usual criterion everywhere.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null, or a preference function is null (the message names its criterion).</exception>
    /// <exception cref="ArgumentException">The criteria are empty, repeat a name or have no positive weight sum, or a preference function names a criterion that is not among them or is given twice (the message names it).</exception>
    public static PrometheeMethod Promethee(IEnumerable<Criterion> criteria, IEnumerable<KeyValuePair<string, PreferenceFunction>>? preferenceFunctions = null) =>
        new(criteria, preferenceFunctions);

    /// <summary>
    /// EDAS: score each candidate by its weighted distances above (PDA) and below (NDA) each criterion's average, the
    /// appraisal score AS = (SP / max SP + 1 − SN / max SN) / 2, in [0, 1].
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static EdasMethod Edas(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>
    /// CODAS: score each candidate by its Euclidean distance E from the negative-ideal point and, against candidates
    /// whose E differs from its own by at least τ (ψ = 1), also by taxicab distance T: H = Σₖ (E − Eₖ) + ψ · (T − Tₖ).
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <param name="tau">τ, the Euclidean difference from which the taxicab term counts, in [0, 1]; the paper suggests 0.01 to 0.05 and uses 0.02.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tau"/> is NaN or outside [0, 1].</exception>
    public static CodasMethod Codas(IEnumerable<Criterion> criteria, double tau = 0.02) => new(criteria, tau);

    /// <summary>
    /// COPRAS: each candidate's weighted shares of the benefit columns (S⁺) and of the cost columns (S⁻) give its
    /// relative significance Q; the score is the utility degree N = Q / max Q, in [0, 1].
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static CoprasMethod Copras(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>
    /// ARAS: each candidate's weighted sum of shares S (cost values through 1 / x) against that of an optimal
    /// alternative made of the columns' best values; the score is the utility degree K = S / S₀, in [0, 1].
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static ArasMethod Aras(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>
    /// MABAC (Pamučar and Ćirović 2015): min-max normalisation, weighted values w · (t + 1), and the score Σⱼ of each
    /// weighted value's distance from the border approximation area (the geometric mean of the criterion's weighted values).
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static MabacMethod Mabac(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>MOORA's ratio system (the first part of MULTIMOORA): Σ weight × x / norm over the benefits minus the same over the costs.</summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static MooraRatioMethod MooraRatio(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>
    /// MOORA's reference point approach (the second part of MULTIMOORA): the largest weighted gap to the best
    /// vector-normalised value of each criterion (Tchebycheff); lower is better, so the score is −distance.
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static MooraReferencePointMethod MooraReferencePoint(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>
    /// MULTIMOORA's full multiplicative form (the third part): U = Π benefit ^ weight / Π cost ^ weight on the raw
    /// values; the score is ln U. Every value must be positive.
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static MooraMultiplicativeMethod MooraMultiplicative(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>
    /// MULTIMOORA: the ratio system, the reference point and the full multiplicative form combined by dominance theory;
    /// the score is the number of other candidates a candidate beats in at least two of the three parts. Every value
    /// must be positive.
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no criterion, one is null or named twice, or the weights do not have a positive, finite sum.</exception>
    public static MultimooraMethod Multimoora(IEnumerable<Criterion> criteria) => new(criteria);

    /// <summary>
    /// SPOTIS (Dezert et al. 2020): the weighted distance to the ideal point of fixed bounds, |x − ideal| / (max − min);
    /// lower is better, so the score is −distance. Free of rank reversal.
    /// </summary>
    /// <param name="criteria">The criteria, with kinds and weights (weights are divided by their sum).</param>
    /// <param name="bounds">The bounds of every criterion, by criterion name.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> or <paramref name="bounds"/> is null.</exception>
    /// <exception cref="ArgumentException">The criteria are empty, repeat a name or have no positive, finite weight sum; or a criterion has no bounds, bounds twice, or bounds that are not finite with min &lt; max, or bounds name a criterion that is not among them (the message names it).</exception>
    public static SpotisMethod Spotis(IEnumerable<Criterion> criteria, IEnumerable<KeyValuePair<string, SpotisBounds>> bounds) => new(criteria, bounds);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Validates the set against this method's needs and writes every candidate's score into <paramref name="scores"/> (at least <c>set.Count</c> long; it may be a pooled buffer).</summary>
    internal abstract ScoreSheet Evaluate(CandidateSet set, double[] scores);

    /// <summary>Explains one candidate's score.</summary>
    internal abstract Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls);

    /// <summary>
    /// Formats a number for explanations (invariant): six significant digits, all digits of the integer part, no
    /// trailing zeros; scientific notation below 1e-4 and from 1e15. Found by review (session 5): four fixed decimals
    /// printed 0.00024 and 0.00015 alike, and tiny scores as 0, so an explanation could contradict its own score.
    /// </summary>
    internal static string F(double value)
    {
        var magnitude = Math.Abs(value);
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (magnitude < 1e-4 || magnitude >= 1e15)
        {
            return value.ToString("0.#####E+0", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Clamp(5 - (int)Math.Floor(Math.Log10(magnitude)), 0, 10);
        var text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    /// <summary>
    /// Formats e^<paramref name="logarithm"/> for explanations: as <see cref="F"/> does while the power is a normal
    /// double, otherwise as m × 10^k computed from the logarithm, so that a product whose logarithm is ±1,000 is not
    /// printed as 0 or ∞ next to a finite score.
    /// </summary>
    internal static string FExp(double logarithm)
    {
        if (!double.IsFinite(logarithm) || Math.Abs(logarithm) < 700)
        {
            return F(Math.Exp(logarithm));
        }

        var log10 = logarithm / Math.Log(10);
        var exponent = Math.Floor(log10);
        var mantissa = Math.Pow(10, log10 - exponent);
        if (mantissa >= 9.999995)
        {
            mantissa = 1;
            exponent++;
        }

        return Preconditions.Invariant($"{mantissa.ToString("0.#####", CultureInfo.InvariantCulture)}E{(exponent >= 0 ? "+" : string.Empty)}{exponent.ToString("0", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The column a method reads, or the efforts when <paramref name="criterion"/> is null.</summary>
    private protected double[] ColumnOrEffort(CandidateSet set, string? criterion) =>
        criterion is null ? set.EffortArray : set.ColumnArray(criterion, "candidates", Name);

    /// <summary>The exception for a value a method cannot use; it names the candidate and the criterion.</summary>
    private protected ArgumentOutOfRangeException BadValue(CandidateSet set, int index, string? criterion, double value, string rule) =>
        BadValue(set, index, criterion, value, Name, rule);

    /// <summary>The exception for a value a method cannot use, naming <paramref name="methodName"/> (a combined method's name when it runs a part).</summary>
    private protected static ArgumentOutOfRangeException BadValue(CandidateSet set, int index, string? criterion, double value, string methodName, string rule) =>
        new("candidates", value, Preconditions.Invariant($"Candidate '{set.IdArray[index]}' has {criterion ?? "effort"} = {value}; {methodName} needs {rule}."));

    /// <summary>The exception for a column that holds a value that is not positive: it names the first such candidate.</summary>
    private protected static ArgumentOutOfRangeException NotPositive(CandidateSet set, double[] column, string criterion, string methodName, string rule)
    {
        var bad = Array.FindIndex(column, 0, set.Count, v => !(v > 0));
        return BadValue(set, bad, criterion, column[bad], methodName, rule);
    }

    /// <summary>Checks names are given and distinct.</summary>
    private protected static string[] CheckNames(IEnumerable<string> names, string paramName)
    {
        ArgumentNullException.ThrowIfNull(names, paramName);
        var array = names.ToArray();
        Preconditions.CheckArgument(array.Length > 0, paramName, "At least one criterion is needed.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in array)
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), paramName, "A criterion name is null or blank.");
            if (!(seen.Add(name)))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{name}' is named twice."), paramName);
            }
        }

        return array;
    }
}

/// <summary>The scores of one evaluation, with the method's intermediate values for explanations.</summary>
internal sealed class ScoreSheet(double[] scores, int[]? classes, object? state)
{
    /// <summary>Gets the score of each candidate, by set index (the array may be longer than the set).</summary>
    public double[] Scores { get; } = scores;

    /// <summary>Gets the class of each candidate (risk matrix and MoSCoW only), higher first; otherwise null.</summary>
    public int[]? Classes { get; } = classes;

    /// <summary>Gets the method's intermediate values (aggregates, ideal points) for explanations.</summary>
    public object? State { get; } = state;
}
