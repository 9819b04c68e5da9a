using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The five arithmetic risk formulas of the SimpleRisk risk register, on a whole likelihood level L and a whole impact
/// level I. The names are the ones SimpleRisk's support article gives; despite them, no formula scores a CVSS, DREAD
/// or OWASP vector: each is the product L × I plus an extra weight on impact or likelihood.
/// </summary>
/// <remarks>
/// SimpleRisk's sixth method, Custom, looks each (likelihood, impact) cell up in a matrix the organisation fills in.
/// This library already has that method: <see cref="RankingMethod.RiskMatrix(string, string, System.Collections.Immutable.ImmutableArray{System.Collections.Immutable.ImmutableArray{int}}, string?)"/>
/// with its class table, so it has no value here. The numbers are SimpleRisk's method ids (Custom is 5).
/// </remarks>
public enum SimpleRiskFormula
{
    /// <summary>Classic, (L × I) + 2 × I: the product plus twice the impact.</summary>
    Classic = 1,

    /// <summary>"CVSS", (L × I) + I: the product plus the impact. Not CVSS vector scoring.</summary>
    Cvss = 2,

    /// <summary>"DREAD", L × I: the plain product. Not DREAD's five-factor rating.</summary>
    Dread = 3,

    /// <summary>"OWASP", (L × I) + L: the product plus the likelihood. Not the OWASP Risk Rating Methodology.</summary>
    Owasp = 4,

    /// <summary>Contributing Risk, (L × I) + 2 × L: the product plus twice the likelihood.</summary>
    ContributingRisk = 6,
}

/// <summary>
/// SimpleRisk's risk formulas as a ranking method: each candidate's raw score S comes from its likelihood level L
/// and impact level I by the <see cref="Formula"/>, and its score is S normalised to 0-10,
/// S₁₀ = 10 · S / S_max, where S_max is the formula at (<see cref="MaxLikelihood"/>, <see cref="MaxImpact"/>).
/// </summary>
/// <remarks>
/// <para>Levels must be whole numbers from 1 to their maximum; anything else is rejected, naming the candidate, the
/// criterion and the value (SimpleRisk itself falls back to a default score instead).</para>
/// <para>The score is not rounded. SimpleRisk shows it rounded to one decimal (<see cref="RoundedScore"/>); rounding
/// can merge scores but never reorders them, so this method's order refines SimpleRisk's. The explanation gives both.</para>
/// <para>The levels are ordinal codes; multiplying them, and adding a level to the product, gives an order, not a
/// measure of risk. See docs/prioritisation.md.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SimpleRiskMethod : RankingMethod
{
    /// <summary>The largest maximum level a scale may have; it keeps every score an exact integer in a double.</summary>
    public const int MaxScaleLevels = 10_000;

    internal SimpleRiskMethod(SimpleRiskFormula formula, string likelihoodCriterion, string impactCriterion, int maxLikelihood, int maxImpact)
    {
        Formula = Preconditions.CheckDefined(formula);
        LikelihoodCriterion = Preconditions.CheckNotBlank(likelihoodCriterion);
        ImpactCriterion = Preconditions.CheckNotBlank(impactCriterion);
        if (string.Equals(likelihoodCriterion, impactCriterion, StringComparison.Ordinal))
        {
            throw new ArgumentException(Preconditions.Invariant($"Criterion '{impactCriterion}' is named as both likelihood and impact; SimpleRisk's formulas need two criteria."), nameof(impactCriterion));
        }

        MaxLikelihood = Preconditions.CheckInRange(maxLikelihood, 1, MaxScaleLevels);
        MaxImpact = Preconditions.CheckInRange(maxImpact, 1, MaxScaleLevels);
        MaximumRawScore = Raw(Formula, MaxLikelihood, MaxImpact);
        Name = "SimpleRisk " + FormulaName(Formula);
    }

    /// <summary>Gets the formula.</summary>
    public SimpleRiskFormula Formula { get; }

    /// <summary>Gets the criterion holding the likelihood level, 1 to <see cref="MaxLikelihood"/>.</summary>
    public string LikelihoodCriterion { get; }

    /// <summary>Gets the criterion holding the impact level, 1 to <see cref="MaxImpact"/>.</summary>
    public string ImpactCriterion { get; }

    /// <summary>Gets the highest likelihood level (SimpleRisk's number of likelihood levels; 5 by default).</summary>
    public int MaxLikelihood { get; }

    /// <summary>Gets the highest impact level (SimpleRisk's number of impact levels; 5 by default).</summary>
    public int MaxImpact { get; }

    /// <summary>Gets S_max, the formula at the highest likelihood and impact; the raw score that normalises to 10.</summary>
    public long MaximumRawScore { get; }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>Returns the raw score S of one pair of levels, by <see cref="Formula"/>.</summary>
    /// <param name="likelihood">The likelihood level, 1 to <see cref="MaxLikelihood"/>.</param>
    /// <param name="impact">The impact level, 1 to <see cref="MaxImpact"/>.</param>
    /// <returns>The raw score, 1 to <see cref="MaximumRawScore"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside its scale.</exception>
    public long RawScore(int likelihood, int impact)
    {
        Preconditions.CheckInRange(likelihood, 1, MaxLikelihood);
        Preconditions.CheckInRange(impact, 1, MaxImpact);
        return Raw(Formula, likelihood, impact);
    }

    /// <summary>Returns the score of one pair of levels: 10 · S / S_max, unrounded; this is what the ranking uses.</summary>
    /// <param name="likelihood">The likelihood level, 1 to <see cref="MaxLikelihood"/>.</param>
    /// <param name="impact">The impact level, 1 to <see cref="MaxImpact"/>.</param>
    /// <returns>The score, above 0 and at most 10 (exactly 10 at the highest levels).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside its scale.</exception>
    public double Score(int likelihood, int impact) => Normalise(RawScore(likelihood, impact));

    /// <summary>
    /// Returns the score as SimpleRisk shows it: 10 · S / S_max rounded to one decimal, halves away from zero. The
    /// rounding is done on whole tenths, so it is exact.
    /// </summary>
    /// <param name="likelihood">The likelihood level, 1 to <see cref="MaxLikelihood"/>.</param>
    /// <param name="impact">The impact level, 1 to <see cref="MaxImpact"/>.</param>
    /// <returns>The rounded score.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside its scale.</exception>
    public double RoundedScore(int likelihood, int impact) => Round(RawScore(likelihood, impact));

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var likelihood = set.ColumnArray(LikelihoodCriterion, "candidates", Name);
        var impact = set.ColumnArray(ImpactCriterion, "candidates", Name);
        var n = set.Count;
        for (var i = 0; i < n; i++)
        {
            var l = likelihood[i];
            var m = impact[i];
            if (!(l >= 1 && l <= MaxLikelihood && l == Math.Floor(l)))
            {
                throw BadValue(set, i, LikelihoodCriterion, l, Preconditions.Invariant($"a whole likelihood level from 1 to {MaxLikelihood}"));
            }

            if (!(m >= 1 && m <= MaxImpact && m == Math.Floor(m)))
            {
                throw BadValue(set, i, ImpactCriterion, m, Preconditions.Invariant($"a whole impact level from 1 to {MaxImpact}"));
            }

            scores[i] = Normalise(Raw(Formula, (int)l, (int)m));
        }

        return new ScoreSheet(scores, null, null);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var l = (int)set.ColumnArray(LikelihoodCriterion, "candidates", Name)[index];
        var m = (int)set.ColumnArray(ImpactCriterion, "candidates", Name)[index];
        var raw = Raw(Formula, l, m);
        var product = (long)l * m;
        var impactText = Formula switch
        {
            SimpleRiskFormula.Classic => Preconditions.Invariant($"; {FormulaName(Formula)} adds it twice more (2 × {m} = {2L * m})"),
            SimpleRiskFormula.Cvss => Preconditions.Invariant($"; {FormulaName(Formula)} adds it once more (+{m})"),
            _ => string.Empty,
        };
        var likelihoodText = Formula switch
        {
            SimpleRiskFormula.Owasp => Preconditions.Invariant($"; {FormulaName(Formula)} adds it once more (+{l})"),
            SimpleRiskFormula.ContributingRisk => Preconditions.Invariant($"; {FormulaName(Formula)} adds it twice more (2 × {l} = {2L * l})"),
            _ => string.Empty,
        };
        var summary = Preconditions.Invariant(
            $"{Name}: S = {Symbolic(Formula)} = {Numeric(Formula, l, m)} = {raw}; S_max = {Numeric(Formula, MaxLikelihood, MaxImpact)} = {MaximumRawScore} at L = {MaxLikelihood}, I = {MaxImpact}; score = 10 × {raw} / {MaximumRawScore} = {F(score)} (SimpleRisk shows {F(Round(raw))}).");
        return new Explanation(Name, summary,
        [
            new(LikelihoodCriterion, l, l, Preconditions.Invariant($"Likelihood '{LikelihoodCriterion}' = {l} of {MaxLikelihood}; L × I = {l} × {m} = {product}{likelihoodText}")),
            new(ImpactCriterion, m, m, Preconditions.Invariant($"Impact '{ImpactCriterion}' = {m} of {MaxImpact}{impactText}")),
        ]);
    }

    /// <summary>The name of a formula as SimpleRisk's support article gives it.</summary>
    internal static string FormulaName(SimpleRiskFormula formula) => formula switch
    {
        SimpleRiskFormula.Classic => "Classic",
        SimpleRiskFormula.Cvss => "CVSS",
        SimpleRiskFormula.Dread => "DREAD",
        SimpleRiskFormula.Owasp => "OWASP",
        _ => "Contributing Risk",
    };

    private static long Raw(SimpleRiskFormula formula, long l, long i) => formula switch
    {
        SimpleRiskFormula.Classic => (l * i) + (2 * i),
        SimpleRiskFormula.Cvss => (l * i) + i,
        SimpleRiskFormula.Dread => l * i,
        SimpleRiskFormula.Owasp => (l * i) + l,
        _ => (l * i) + (2 * l),
    };

    private static string Symbolic(SimpleRiskFormula formula) => formula switch
    {
        SimpleRiskFormula.Classic => "(L × I) + 2 × I",
        SimpleRiskFormula.Cvss => "(L × I) + I",
        SimpleRiskFormula.Dread => "L × I",
        SimpleRiskFormula.Owasp => "(L × I) + L",
        _ => "(L × I) + 2 × L",
    };

    private static string Numeric(SimpleRiskFormula formula, long l, long i) => formula switch
    {
        SimpleRiskFormula.Classic => Preconditions.Invariant($"({l} × {i}) + 2 × {i}"),
        SimpleRiskFormula.Cvss => Preconditions.Invariant($"({l} × {i}) + {i}"),
        SimpleRiskFormula.Dread => Preconditions.Invariant($"{l} × {i}"),
        SimpleRiskFormula.Owasp => Preconditions.Invariant($"({l} × {i}) + {l}"),
        _ => Preconditions.Invariant($"({l} × {i}) + 2 × {l}"),
    };

    // 10 · S / S_max: both integers below 2^53, so 10 · S is exact and the one division rounds once; S = S_max gives 10.
    private double Normalise(long raw) => 10.0 * raw / MaximumRawScore;

    // Tenths, rounded half up on integers: round(100 · S / S_max) = ⌊(200 · S + S_max) / (2 · S_max)⌋.
    private double Round(long raw) => ((200 * raw) + MaximumRawScore) / (2 * MaximumRawScore) / 10.0;
}
