using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// One feature's Kano evaluation: how many respondents' answers fall in each category, the feature's category, and
/// Berger et al.'s Better and Worse coefficients.
/// </summary>
/// <remarks>
/// <para><b>Category.</b> The most frequent category over all six (M, O, A, I, R, Q). When several share the largest
/// count, the first in the order must-be &gt; one-dimensional &gt; attractive &gt; indifferent wins (Sauerwein et al.'s
/// evaluation rule "M &gt; O &gt; A &gt; I": fulfil first what dissatisfies when missing); we extend the order with
/// reverse, then questionable, last. <see cref="TiedCategories"/> and <see cref="IsTie"/> report every tie, so a
/// caller can refuse to decide instead.</para>
/// <para><b>Coefficients</b> (Berger et al., 1993): Better = (A + O) / (A + O + M + I), in [0, 1], how much the
/// feature can raise satisfaction; Worse = −(O + M) / (A + O + M + I), in [−1, 0], how much its absence lowers it.
/// Reverse and questionable answers are left out of both. When A + O + M + I = 0 (every answer reverse or
/// questionable) both are undefined and are null.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class KanoFeatureResult
{
    private readonly int[] _counts;

    internal KanoFeatureResult(string featureId, int[] counts)
    {
        FeatureId = featureId;
        _counts = counts;
        Respondents = counts.Sum();
        var max = counts.Max();
        TiedCategories = [.. Enumerable.Range(1, 6).Where(c => counts[c - 1] == max).Select(c => (KanoCategory)c)];
        Category = TiedCategories[0];
        var basis = Attractive + OneDimensional + MustBe + Indifferent;
        if (basis > 0)
        {
            Better = (double)(Attractive + OneDimensional) / basis;
            Worse = -(double)(OneDimensional + MustBe) / basis;
        }

        Explanation = Explain(basis);
    }

    /// <summary>Gets the feature's id.</summary>
    public string FeatureId { get; }

    /// <summary>Gets the number of respondents who answered the feature (the sum of the six counts).</summary>
    public int Respondents { get; }

    /// <summary>Gets the number of must-be (M) answer pairs.</summary>
    public int MustBe => _counts[0];

    /// <summary>Gets the number of one-dimensional (O) answer pairs.</summary>
    public int OneDimensional => _counts[1];

    /// <summary>Gets the number of attractive (A) answer pairs.</summary>
    public int Attractive => _counts[2];

    /// <summary>Gets the number of indifferent (I) answer pairs.</summary>
    public int Indifferent => _counts[3];

    /// <summary>Gets the number of reverse (R) answer pairs.</summary>
    public int Reverse => _counts[4];

    /// <summary>Gets the number of questionable (Q) answer pairs.</summary>
    public int Questionable => _counts[5];

    /// <summary>Gets the feature's category: the most frequent, ties broken M &gt; O &gt; A &gt; I &gt; R &gt; Q (see the type remarks).</summary>
    public KanoCategory Category { get; }

    /// <summary>Gets every category with the largest count, in tie-break order; <see cref="Category"/> is the first.</summary>
    public ImmutableArray<KanoCategory> TiedCategories { get; }

    /// <summary>Gets whether more than one category has the largest count (the tie-break rule decided <see cref="Category"/>).</summary>
    public bool IsTie => TiedCategories.Length > 1;

    /// <summary>Gets Better = (A + O) / (A + O + M + I), in [0, 1]; null when A + O + M + I = 0.</summary>
    public double? Better { get; }

    /// <summary>Gets Worse = −(O + M) / (A + O + M + I), in [−1, 0]; null when A + O + M + I = 0.</summary>
    public double? Worse { get; }

    /// <summary>Gets the explanation: a summary with the category and coefficients, and one line per category with its count (<see cref="CriterionContribution.Value"/>) and share of the respondents (<see cref="CriterionContribution.Contribution"/>).</summary>
    public Explanation Explanation { get; }

    /// <summary>Gets the number of answer pairs in one category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is undefined.</exception>
    public int CountOf(KanoCategory category) => _counts[(int)Preconditions.CheckDefined(category) - 1];

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{FeatureId}: {Kano.Letter(Category)} (M {MustBe}, O {OneDimensional}, A {Attractive}, I {Indifferent}, R {Reverse}, Q {Questionable}), Better {Coefficient(Better)}, Worse {Coefficient(Worse)}");

    private static string Coefficient(double? value) => value is { } v ? RankingMethod.F(v) : "undefined";

    private Explanation Explain(int basis)
    {
        var contributions = new List<CriterionContribution>(6);
        for (var c = 1; c <= 6; c++)
        {
            var category = (KanoCategory)c;
            var count = _counts[c - 1];
            var share = (double)count / Respondents;
            contributions.Add(new CriterionContribution(
                Kano.Label(category),
                count,
                share,
                Preconditions.Invariant($"{Kano.Label(category)} ({Kano.Letter(category)}): {count} of {Respondents} respondents ({RankingMethod.F(share * 100)} %)")));
        }

        var decided = IsTie
            ? Preconditions.Invariant($"{string.Join(", ", TiedCategories.Select(Kano.Letter))} tie with {CountOf(Category)} each, broken by M > O > A > I > R > Q")
            : Preconditions.Invariant($"the most frequent, {CountOf(Category)} of {Respondents}");
        var coefficients = basis > 0
            ? Preconditions.Invariant($"Better = (A + O)/(A + O + M + I) = {Attractive + OneDimensional}/{basis} = {RankingMethod.F(Better!.Value)}; Worse = −(O + M)/(A + O + M + I) = −{OneDimensional + MustBe}/{basis} = {RankingMethod.F(Worse!.Value)}")
            : "Better and Worse are undefined: every answer is reverse or questionable (A + O + M + I = 0)";
        return new Explanation(
            Kano.MethodName,
            Preconditions.Invariant($"Feature '{FeatureId}' is {Kano.Label(Category)} ({Kano.Letter(Category)}): {decided}. {coefficients}."),
            contributions);
    }
}

/// <summary>The evaluation of a <see cref="KanoSurvey"/>: one <see cref="KanoFeatureResult"/> per feature, and a ranking by the coefficients.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class KanoResult
{
    private readonly Dictionary<string, KanoFeatureResult> _byId;

    internal KanoResult(ImmutableArray<KanoFeatureResult> features)
    {
        Features = features;
        _byId = features.ToDictionary(f => f.FeatureId, StringComparer.Ordinal);
        Ranked = [.. features.Order(Comparer<KanoFeatureResult>.Create(CompareForRanking))];
    }

    /// <summary>Gets each feature's evaluation, in ordinal id order.</summary>
    public ImmutableArray<KanoFeatureResult> Features { get; }

    /// <summary>
    /// Gets the features ranked for development: by Better (higher first), then by |Worse| (higher first), then by id
    /// (ordinal); features whose coefficients are undefined come last, by id.
    /// </summary>
    /// <remarks>
    /// Better first favours what can raise satisfaction; |Worse| then favours, among equals, what dissatisfies most when
    /// missing. This is one reading of the coefficients, not Kano's own rule: a must-be feature with a low Better can
    /// rank below attractive ones, so check <see cref="KanoFeatureResult.Category"/> (Sauerwein et al. fulfil must-be
    /// requirements first).
    /// </remarks>
    public ImmutableArray<KanoFeatureResult> Ranked { get; }

    /// <summary>Gets a feature's evaluation by id.</summary>
    /// <param name="featureId">The feature's id (ordinal).</param>
    /// <exception cref="KeyNotFoundException">No response names the feature.</exception>
    public KanoFeatureResult this[string featureId] =>
        featureId is not null && _byId.TryGetValue(featureId, out var f) ? f : throw new KeyNotFoundException(Preconditions.Invariant($"The Kano survey has no feature '{featureId}'."));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"Kano evaluation of {Features.Length} features");

    private static int CompareForRanking(KanoFeatureResult? a, KanoFeatureResult? b)
    {
        var (x, y) = (a!, b!);
        if (x.Better is { } bx && y.Better is { } by)
        {
            var c = by.CompareTo(bx);
            if (c == 0)
            {
                c = Math.Abs(y.Worse!.Value).CompareTo(Math.Abs(x.Worse!.Value));
            }

            if (c != 0)
            {
                return c;
            }
        }
        else if (x.Better.HasValue != y.Better.HasValue)
        {
            return x.Better.HasValue ? -1 : 1;
        }

        return string.CompareOrdinal(x.FeatureId, y.FeatureId);
    }
}
