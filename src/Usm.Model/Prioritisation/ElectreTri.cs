using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// ELECTRE TRI-B (Yu 1992; Roy and Bouyssou 1993): sorts candidates into ordered categories, such as "this sprint",
/// "next quarter" and "later", by comparing each candidate with boundary profiles agreed beforehand, rather than
/// ranking the candidates against one another.
/// </summary>
/// <remarks>
/// <para><b>Categories and profiles.</b> k categories, named by the caller and given <b>worst first</b>, are separated
/// by k − 1 boundary profiles, also worst first: profile h is the upper limit of category h and the lower limit of
/// category h + 1 (indices from 0). Each profile must be at least as good as the one below it on every criterion and
/// better on at least one.</para>
/// <para><b>Outranking.</b> For an object x (a candidate or a profile) against another y, on criterion j with y's lead
/// Δ_j = g_j(y) − g_j(x) (reversed for a cost): the partial concordance c_j is 1 when Δ_j ≤ q_j, 0 when Δ_j ≥ p_j and
/// linear between; the global concordance C(x, y) = Σ w_j·c_j / Σ w_j; the partial discordance d_j is 0 without a veto
/// threshold or when Δ_j ≤ p_j, 1 when Δ_j ≥ v_j and linear between (see <see cref="ElectreTriThresholds"/>). The
/// credibility is σ(x, y) = C(x, y) · Π over the criteria with d_j &gt; C(x, y) of (1 − d_j) / (1 − C(x, y)): a
/// criterion that objects more strongly than the whole coalition supports weakens the outranking, and a full veto
/// (d_j = 1) cancels it, even when C(x, y) = 1 (possible only through a criterion of weight 0, which the product over d_j &gt; C would skip) (Roy and Bouyssou, "Aide multicritère à la décision : méthodes et cas", Economica, 1993;
/// Mousseau, Słowiński and Zielniewicz, "A user-oriented implementation of the ELECTRE-TRI method integrating preference
/// elicitation support", Computers &amp; Operations Research 27(7-8), 2000). x outranks y (x S y) when σ(x, y) ≥ λ,
/// the cutting level (σ short of λ by at most 1e-9, a rounding error, counts as reaching it: weights 0.1 and 0.3 give
/// C = 0.3 / 0.4, which double precision rounds to 0.7499999999999999, and that C must meet λ = 0.75). Between a candidate a and a profile b: both ways is indifference, one way a preference, neither
/// way incomparability (<see cref="ElectreTriRelation"/>).</para>
/// <para><b>Assignment.</b> The <i>pessimistic</i> (pseudo-conjunctive) rule takes the profiles from the top down; the
/// first profile b_h with a S b_h puts a in the category just above it (none: the worst category). The
/// <i>optimistic</i> (pseudo-disjunctive) rule takes them from the bottom up; the first profile b_h preferred to a
/// (b_h S a and not a S b_h) puts a in the category just below it (none: the best category). The pessimistic category
/// is never above the optimistic one; they differ exactly when a is incomparable with some profile between them.
/// Raising λ never raises the pessimistic category, and a candidate at least as good as another on every criterion is
/// never put lower by either rule; but raising λ can lower the optimistic category, because an indifference a I b_h
/// can become a preference b_h ≻ a (see docs/electre-tri.md).</para>
/// <para><b>Cost.</b> O(n·k·m) for n candidates, k categories and m criteria: each candidate is compared with the
/// profiles only, never with the other candidates, so adding or removing a candidate never moves another.</para>
/// <para><b>Order.</b> <see cref="ElectreTriResult.Assignments"/> is in ordinal id order; nothing depends on the order
/// of the candidates in the set.</para>
/// </remarks>
public static class ElectreTri
{
    /// <summary>The method name used in explanations and messages.</summary>
    internal const string MethodName = "ELECTRE TRI-B";

    /// <summary>
    /// How far σ may fall short of λ and still count as reaching it (1e-9): the slack absorbs rounding only, so that
    /// σ = λ in exact arithmetic outranks even when the division by the weight sum rounds it down (weights 0.1 and 0.3
    /// give C = 0.3 / 0.4, which is 0.7499999999999999 in double precision).
    /// </summary>
    internal const double CuttingSlack = 1e-9;

    /// <summary>The smallest cutting level accepted: below ½ a candidate could outrank a profile and the profile the candidate on the strength of a minority each.</summary>
    public const double MinCuttingLevel = 0.5;

    /// <summary>Sorts candidates into ordered categories.</summary>
    /// <param name="candidates">The candidates; never changed. May be empty.</param>
    /// <param name="criteria">The criteria, each a benefit or a cost, with weights (divided by their sum); a weight of 0 is allowed, and such a criterion can still veto.</param>
    /// <param name="thresholds">The thresholds by criterion name; a criterion not named gets <see cref="ElectreTriThresholds.None"/>.</param>
    /// <param name="categories">The category names, worst first: one more than there are profiles, at least one.</param>
    /// <param name="profiles">The boundary profiles, worst first, each with a value for every criterion and for no other name.</param>
    /// <param name="cuttingLevel">λ in [0.5, 1]: the least credibility for an outranking (0.75 is common; higher is stricter).</param>
    /// <returns>The assignments, credibilities and explanations.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a threshold or profile in a collection is null.</exception>
    /// <exception cref="ArgumentException">
    /// The criteria are empty, repeat a name, have no positive weight sum, or name a criterion the set lacks; a threshold
    /// names an unknown criterion or repeats one; a category name is null, blank or repeated; the number of categories is not one
    /// more than the number of profiles; a profile name repeats, a profile lacks a criterion or names an unknown one, or a
    /// profile is worse than the one below it on some criterion or equal to it everywhere (the message names the profiles
    /// and the criterion).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cuttingLevel"/> is outside [0.5, 1] or NaN.</exception>
    public static ElectreTriResult Sort(
        CandidateSet candidates,
        IEnumerable<Criterion> criteria,
        IEnumerable<KeyValuePair<string, ElectreTriThresholds>> thresholds,
        IEnumerable<string> categories,
        IEnumerable<ElectreTriProfile> profiles,
        double cuttingLevel)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var (list, _) = CriteriaCheck.Weights(criteria, nameof(criteria));
        var m = list.Length;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < m; j++)
        {
            index.Add(list[j].Name, j);
        }

        var limits = ReadThresholds(thresholds, list, index);
        ImmutableArray<string> names = [.. Preconditions.CheckNotNull(categories)];
        ImmutableArray<ElectreTriProfile> bounds = [.. Preconditions.CheckNotNull(profiles)];
        CheckCategories(names, bounds.Length);
        var profileRows = ReadProfiles(bounds, list, index);
        if (double.IsNaN(cuttingLevel) || cuttingLevel < MinCuttingLevel || cuttingLevel > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cuttingLevel), cuttingLevel, Preconditions.Invariant($"The cutting level λ = {cuttingLevel} must lie in [{MinCuttingLevel}, 1]."));
        }

        var n = candidates.Count;
        var rows = new double[n * m];
        for (var j = 0; j < m; j++)
        {
            var x = candidates.ColumnArray(list[j].Name, nameof(criteria), MethodName);
            var sign = list[j].Kind == CriterionKind.Benefit ? 1.0 : -1.0;
            for (var i = 0; i < n; i++)
            {
                rows[(i * m) + j] = sign * x[i];
            }
        }

        var data = new ElectreTriData(candidates, list, limits, names, bounds, profileRows, rows, cuttingLevel);
        return new ElectreTriResult(data);
    }

    private static ElectreTriThresholds[] ReadThresholds(IEnumerable<KeyValuePair<string, ElectreTriThresholds>> thresholds, ImmutableArray<Criterion> criteria, Dictionary<string, int> index)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var limits = new ElectreTriThresholds?[criteria.Length];
        foreach (var (name, value) in thresholds)
        {
            if (name is null || !index.TryGetValue(name, out var j))
            {
                throw new ArgumentException(Preconditions.Invariant($"Thresholds are given for '{name}', which is not one of the criteria ({string.Join(", ", criteria.Select(c => c.Name))})."), nameof(thresholds));
            }

            if (value is null)
            {
                throw new ArgumentNullException(nameof(thresholds), Preconditions.Invariant($"The thresholds of criterion '{name}' are null."));
            }

            if (limits[j] is not null)
            {
                throw new ArgumentException(Preconditions.Invariant($"Thresholds are given twice for criterion '{name}'."), nameof(thresholds));
            }

            limits[j] = value;
        }

        return [.. limits.Select(l => l ?? ElectreTriThresholds.None)];
    }

    private static void CheckCategories(ImmutableArray<string> names, int profileCount)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new ArgumentException(Preconditions.Invariant($"The category name at index {i} is null or blank."), "categories");
            }

            if (!seen.Add(names[i]))
            {
                throw new ArgumentException(Preconditions.Invariant($"Category '{names[i]}' is given twice."), "categories");
            }
        }

        if (names.Length != profileCount + 1)
        {
            throw new ArgumentException(Preconditions.Invariant($"{names.Length} categories need {Math.Max(names.Length - 1, 0)} boundary profiles, but {profileCount} are given (k categories are separated by k − 1 profiles; at least one category is needed)."), "categories");
        }
    }

    private static double[] ReadProfiles(ImmutableArray<ElectreTriProfile> profiles, ImmutableArray<Criterion> criteria, Dictionary<string, int> index)
    {
        var m = criteria.Length;
        var rows = new double[profiles.Length * m];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var h = 0; h < profiles.Length; h++)
        {
            var profile = profiles[h];
            if (profile is null)
            {
                throw new ArgumentNullException(nameof(profiles), Preconditions.Invariant($"The profile at index {h} is null."));
            }

            if (!seen.Add(profile.Name))
            {
                throw new ArgumentException(Preconditions.Invariant($"Profile '{profile.Name}' is given twice."), nameof(profiles));
            }

            var extra = profile.Values.Keys.FirstOrDefault(k => !index.ContainsKey(k));
            if (extra is not null)
            {
                throw new ArgumentException(Preconditions.Invariant($"Profile '{profile.Name}' has a value for '{extra}', which is not one of the criteria."), nameof(profiles));
            }

            for (var j = 0; j < m; j++)
            {
                var c = criteria[j];
                if (!profile.Values.TryGetValue(c.Name, out var value))
                {
                    throw new ArgumentException(Preconditions.Invariant($"Profile '{profile.Name}' lacks criterion '{c.Name}'; every profile needs a value for every criterion."), nameof(profiles));
                }

                rows[(h * m) + j] = c.Kind == CriterionKind.Benefit ? value : -value;
            }

            if (h == 0)
            {
                continue;
            }

            var below = profiles[h - 1];
            var better = false;
            for (var j = 0; j < m; j++)
            {
                var upper = rows[(h * m) + j];
                var lower = rows[((h - 1) * m) + j];
                if (upper < lower)
                {
                    var c = criteria[j];
                    throw new ArgumentException(Preconditions.Invariant(
                        $"Profile '{profile.Name}' is worse than the profile below it, '{below.Name}', on criterion '{c.Name}' ({(c.Kind == CriterionKind.Benefit ? "a benefit" : "a cost")}: {profile.Values[c.Name]} against {below.Values[c.Name]}). Give the profiles worst first, each at least as good as the one below it on every criterion."),
                        nameof(profiles));
                }

                better |= upper > lower;
            }

            if (!better)
            {
                throw new ArgumentException(Preconditions.Invariant($"Profile '{profile.Name}' equals the profile below it, '{below.Name}', on every criterion, which would leave the category between them empty; each profile must be better than the one below it on at least one criterion."), nameof(profiles));
            }
        }

        return rows;
    }
}

/// <summary>The oriented values (costs negated) of candidates and profiles, and the parameters of one ELECTRE TRI-B sort.</summary>
internal sealed class ElectreTriData
{
    private readonly double[] _weights;
    private readonly double _total;
    private readonly bool _anyVeto;
    private readonly double[] _profileRows;
    private readonly double[] _rows;

    public ElectreTriData(CandidateSet set, ImmutableArray<Criterion> criteria, ElectreTriThresholds[] thresholds, ImmutableArray<string> categories, ImmutableArray<ElectreTriProfile> profiles, double[] profileRows, double[] rows, double cuttingLevel)
    {
        Set = set;
        Criteria = criteria;
        Thresholds = [.. thresholds];
        Categories = categories;
        Profiles = profiles;
        CuttingLevel = cuttingLevel;
        _profileRows = profileRows;
        _rows = rows;
        _weights = [.. criteria.Select(c => c.Weight)];
        var total = 0.0;
        foreach (var w in _weights)
        {
            total += w;
        }

        _total = total;
        _anyVeto = thresholds.Any(t => t.Veto is not null);
    }

    public CandidateSet Set { get; }

    public ImmutableArray<Criterion> Criteria { get; }

    public ImmutableArray<ElectreTriThresholds> Thresholds { get; }

    public ImmutableArray<string> Categories { get; }

    public ImmutableArray<ElectreTriProfile> Profiles { get; }

    public double CuttingLevel { get; }

    public int Width => Criteria.Length;

    public ReadOnlySpan<double> Candidate(int i) => _rows.AsSpan(i * Width, Width);

    public ReadOnlySpan<double> Profile(int h) => _profileRows.AsSpan(h * Width, Width);

    /// <summary>Criterion j's weight divided by the sum of the weights.</summary>
    public double Weight(int j) => _weights[j] / _total;

    /// <summary>Whether a credibility reaches the cutting level: σ ≥ λ, allowing <see cref="ElectreTri.CuttingSlack"/> for rounding.</summary>
    public bool Outranks(double credibility) => credibility >= CuttingLevel - ElectreTri.CuttingSlack;

    /// <summary>
    /// C(x, y) and σ(x, y) for x outranking y. The weighted sum runs in criterion order over the raw weights and is divided
    /// by their total summed in the same order, so that C = 1 exactly when every criterion concords. A full veto (d = 1)
    /// gives σ = 0 outright. Each step is monotone in the values (rounding included), so a better x never gets a smaller σ.
    /// </summary>
    public (double Concordance, double Credibility) Outranking(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            sum += _weights[j] * Thresholds[j].Concordance(y[j] - x[j]);
        }

        var c = sum / _total;
        var sigma = c;
        if (_anyVeto)
        {
            for (var j = 0; j < x.Length; j++)
            {
                var d = Thresholds[j].Discordance(y[j] - x[j]);
                if (d >= 1)
                {
                    sigma = 0;
                }
                else if (d > c)
                {
                    sigma *= (1 - d) / (1 - c);
                }
            }
        }

        return (c, sigma);
    }

    /// <summary>Why a candidate is where it is: both rules, the profiles that decided, and the objecting criteria.</summary>
    public Explanation Explain(ElectreTriAssignment a, int i)
    {
        var p = Profiles.Length;
        var lambda = RankingMethod.F(CuttingLevel);
        var text = new StringBuilder();
        text.Append(Preconditions.Invariant($"'{a.Id}' is in '{a.Pessimistic}' by the pessimistic rule and in '{a.Optimistic}' by the optimistic rule (λ {lambda})."));
        if (p == 0)
        {
            text.Append(" There is one category and no profile.");
            return new Explanation(ElectreTri.MethodName, text.ToString(), Criteria.Select((c, j) => new CriterionContribution(c.Name, Raw(Candidate(i)[j], j), 0, Preconditions.Invariant($"{c.Kind} '{c.Name}' = {RankingMethod.F(Raw(Candidate(i)[j], j))}."))));
        }

        // Pessimistic: the profile just above the category decided (a does not outrank it), and the one below it (a outranks it).
        var hp = a.PessimisticIndex - 1;
        text.Append(" Pessimistic: ");
        if (hp == p - 1)
        {
            text.Append(Preconditions.Invariant($"it outranks the top profile '{Profiles[hp].Name}' (σ {RankingMethod.F(a.Credibility[hp])} ≥ λ)."));
        }
        else
        {
            text.Append(Preconditions.Invariant($"it does not outrank '{Profiles[hp + 1].Name}' (σ {RankingMethod.F(a.Credibility[hp + 1])} < λ; {Objections(Candidate(i), Profile(hp + 1), a.Concordance[hp + 1])})"));
            text.Append(hp >= 0
                ? Preconditions.Invariant($" but outranks '{Profiles[hp].Name}' (σ {RankingMethod.F(a.Credibility[hp])} ≥ λ).")
                : ", the lowest profile.");
        }

        // Optimistic: the first profile preferred to a, from the bottom, decided; none means the best category.
        var ho = a.OptimisticIndex;
        text.Append(" Optimistic: ");
        if (ho < p)
        {
            text.Append(Preconditions.Invariant($"'{Profiles[ho].Name}' is preferred to it (σ(profile, candidate) {RankingMethod.F(a.ReverseCredibility[ho])} ≥ λ, σ(candidate, profile) {RankingMethod.F(a.Credibility[ho])} < λ){(ho > 0 ? " and no lower profile is" : "")}."));
        }
        else
        {
            var top = p - 1;
            text.Append(Preconditions.Invariant($"no profile is preferred to it; against the top profile '{Profiles[top].Name}', σ(profile, candidate) {RankingMethod.F(a.ReverseCredibility[top])} ({Objections(Profile(top), Candidate(i), a.ReverseConcordance[top])}) and σ(candidate, profile) {RankingMethod.F(a.Credibility[top])}."));
        }

        var incomparable = Enumerable.Range(0, p).Where(h => a.Relations[h] == ElectreTriRelation.Incomparable).Select(h => Profiles[h].Name).ToList();
        if (incomparable.Count > 0)
        {
            text.Append(Preconditions.Invariant($" Incomparable with {string.Join(", ", incomparable.Select(n => "'" + n + "'"))}."));
        }

        // Criterion by criterion against the profile that capped the pessimistic category (the top profile when none did).
        var against = Math.Min(hp + 1, p - 1);
        var b = Profile(against);
        var x = Candidate(i);
        var name = Profiles[against].Name;
        var concordance = a.Concordance[against];
        var contributions = new List<CriterionContribution>(Width);
        for (var j = 0; j < Width; j++)
        {
            var cr = Criteria[j];
            var gap = b[j] - x[j];
            var cj = Thresholds[j].Concordance(gap);
            var dj = Thresholds[j].Discordance(gap);
            var objection = dj >= 1 ? Preconditions.Invariant($", d 1: vetoes") : dj > concordance ? Preconditions.Invariant($", d {RankingMethod.F(dj)} > C {RankingMethod.F(concordance)}: weakens") : dj > 0 ? Preconditions.Invariant($", d {RankingMethod.F(dj)}") : "";
            contributions.Add(new CriterionContribution(cr.Name, Raw(x[j], j), Weight(j) * cj, Preconditions.Invariant(
                $"{cr.Kind} '{cr.Name}': '{a.Id}' has {RankingMethod.F(Raw(x[j], j))}, '{name}' has {RankingMethod.F(Raw(b[j], j))} ({Thresholds[j]}); c {RankingMethod.F(cj)} × weight {RankingMethod.F(Weight(j))}{objection}.")));
        }

        return new Explanation(ElectreTri.MethodName, text.ToString(), contributions);
    }

    /// <summary>"C 0.4, vetoed by 'g1' (d 1), weakened by 'g2' (d 0.6 &gt; C 0.4)": the concordance and the criteria with d_j &gt; C.</summary>
    private string Objections(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double concordance)
    {
        var parts = new List<string>();
        for (var j = 0; j < Width; j++)
        {
            var d = Thresholds[j].Discordance(y[j] - x[j]);
            if (d >= 1)
            {
                parts.Add(Preconditions.Invariant($"vetoed by '{Criteria[j].Name}' (d 1)"));
            }
            else if (d > concordance)
            {
                parts.Add(Preconditions.Invariant($"weakened by '{Criteria[j].Name}' (d {RankingMethod.F(d)} > C {RankingMethod.F(concordance)})"));
            }
        }

        return parts.Count == 0 ? Preconditions.Invariant($"C {RankingMethod.F(concordance)}") : Preconditions.Invariant($"C {RankingMethod.F(concordance)}, {string.Join(", ", parts)}");
    }

    private double Raw(double oriented, int j) => Criteria[j].Kind == CriterionKind.Benefit ? oriented : -oriented;
}
