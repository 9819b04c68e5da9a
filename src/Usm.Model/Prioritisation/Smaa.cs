using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// SMAA-2, stochastic multicriteria acceptability analysis (Lahdelma and Salminen, "SMAA-2: Stochastic Multicriteria
/// Acceptability Analysis for Group Decision Making", Operations Research 49(3), 2001): when the weights of a weighted
/// method are unknown or only partly known, sample weight vectors, rank the candidates with each, and report how often
/// each candidate gets each rank.
/// </summary>
/// <remarks>
/// <para>Per candidate i the result gives the rank acceptability indices bᵢʳ (the share of samples that rank it r-th),
/// the holistic acceptability aᵢʰ = Σᵣ αᵣ · bᵢʳ with the linear meta-weights αᵣ = (n − r) / (n − 1) (1 for rank 1,
/// 0 for the last; 1 when there is one candidate), the central weight vector wᵢᶜ (the mean of the sampled weight
/// vectors that rank it first; absent when none does) and the confidence factor pᵢᶜ (whether it is first when ranked
/// with its central weights).</para>
/// <para>Criterion values are taken as exact: they are not sampled. So the confidence factor, which SMAA defines as a
/// probability over uncertain values, is 0 or 1 here.</para>
/// <para>Every sampled ranking is a ranking of <see cref="Prioritiser.Rank"/>: exact ties are broken by the ranking
/// options' secondary key, then by ordinal id, so each sample gives every candidate exactly one rank and every rank
/// exactly one candidate. The shares are then exact counts over the samples: every candidate's indices sum to 1 over
/// the ranks and every rank's indices sum to 1 over the candidates. The tie-break favours the candidate with the lower
/// id where scores are equal (for example two candidates with identical values).</para>
/// <para>Cost: one ranking per sample (the method's own scoring and allocations, then a sort of n indexes into a reused
/// buffer), plus one ranking at the agreed weights and one per candidate that is ever first (for its confidence
/// factor). Memory: n × (tracked ranks) counters and n × m central weight sums.</para>
/// </remarks>
public static class Smaa
{
    /// <summary>The most rank counters an analysis keeps (candidates × tracked ranks): 50,000,000, about 200 MB.</summary>
    public const long MaxRankCells = 50_000_000;

    /// <summary>Runs an SMAA-2 analysis.</summary>
    /// <param name="candidates">The candidates; never changed. Their values are taken as exact.</param>
    /// <param name="criteria">The criteria with their kinds and agreed weights. The agreed weights give the reference ranking (<see cref="SmaaResult.Reference"/>); the samples replace them.</param>
    /// <param name="method">Builds the weighted method from criteria, for example <c>c =&gt; RankingMethod.Topsis(c)</c>. It is called once per sample with the criteria re-weighted (same names and kinds, in the same order, weights summing to 1).</param>
    /// <param name="options">The options, or null for <see cref="SmaaOptions.Default"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/>, <paramref name="criteria"/> or <paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException">The criteria are empty, hold null, repeat a name or have no positive weight sum; the weight information names a criterion that is not among them, or its ranking leaves one out, or its upper bounds sum to less than 1, or no weight vector meets it (fewer than about 1 in <see cref="SmaaWeights.MaxDrawsPerSample"/> draws do); the method factory returns null; the counters would exceed <see cref="MaxRankCells"/>; or the set is empty or lacks a criterion the method needs (as for <see cref="Prioritiser.Rank"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside what the method accepts (as for <see cref="Prioritiser.Rank"/>).</exception>
    public static SmaaResult Analyse(CandidateSet candidates, IEnumerable<Criterion> criteria, Func<ImmutableArray<Criterion>, RankingMethod> method, SmaaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(method);
        options ??= SmaaOptions.Default;
        var (list, agreed) = CriteriaCheck.Weights(criteria, nameof(criteria));
        var sampler = new SmaaSampler(list, options.Weights, nameof(options));
        var reference = Prioritiser.Rank(candidates, Build(method, list), options.Ranking);

        var n = candidates.Count;
        var m = list.Length;
        var tracked = Math.Min(n, options.MaxRank ?? n);
        if ((long)n * tracked > MaxRankCells)
        {
            throw new ArgumentException(Preconditions.Invariant(
                $"Tracking {tracked} ranks of {n} candidates needs {(long)n * tracked} counters, more than {MaxRankCells}; pass a smaller maxRank in the options."), nameof(options));
        }

        var counts = new int[n * tracked];
        var holistic = new long[n];
        var firsts = new int[n];
        var centralSums = new double[n * m];
        var weights = new double[m];
        var scores = new double[n];
        var order = new int[n];
        var referenceOrder = reference.Order.ToArray();
        var sameAsReference = 0;
        var rng = new Xoshiro256StarStar(options.Seed);
        for (var s = 0; s < options.Samples; s++)
        {
            sampler.Next(rng, weights);
            RankInto(candidates, method, list, weights, options.Ranking, scores, order);
            if (order.AsSpan().SequenceEqual(referenceOrder))
            {
                sameAsReference++;
            }

            for (var p = 0; p < n; p++)
            {
                var i = order[p];
                if (p < tracked)
                {
                    counts[(i * tracked) + p]++;
                }

                holistic[i] += n - 1 - p;
            }

            var top = order[0];
            firsts[top]++;
            var sums = centralSums.AsSpan(top * m, m);
            for (var j = 0; j < m; j++)
            {
                sums[j] += weights[j];
            }
        }

        var results = new SmaaCandidate[n];
        for (var i = 0; i < n; i++)
        {
            ImmutableArray<double>? central = null;
            string? winner = null;
            if (firsts[i] > 0)
            {
                var mean = new double[m];
                for (var j = 0; j < m; j++)
                {
                    mean[j] = centralSums[(i * m) + j] / firsts[i];
                }

                // The confidence factor with exact values: is the candidate first when ranked with its central weights?
                RankInto(candidates, method, list, mean, options.Ranking, scores, order);
                winner = candidates.IdArray[order[0]];
                central = ImmutableCollectionsMarshal.AsImmutableArray(mean);
            }

            results[i] = new SmaaCandidate(
                candidates.IdArray[i],
                reference.RankOf(candidates.IdArray[i]),
                ImmutableArray.Create(counts, i * tracked, tracked),
                n,
                options.Samples,
                holistic[i],
                central,
                winner);
        }

        // Order: holistic acceptability (exact, from the integer sums), then first-rank count, then ordinal id.
        Array.Sort(results, static (a, b) =>
            a.HolisticSum != b.HolisticSum ? b.HolisticSum.CompareTo(a.HolisticSum)
            : a.FirstCount != b.FirstCount ? b.FirstCount.CompareTo(a.FirstCount)
            : string.CompareOrdinal(a.Id, b.Id));
        return new SmaaResult(candidates, reference, list, agreed, options, sameAsReference, ImmutableCollectionsMarshal.AsImmutableArray(results));
    }

    /// <summary>Ranks the candidates with the method built from the criteria at the given weights, into a reused order buffer.</summary>
    private static void RankInto(CandidateSet candidates, Func<ImmutableArray<Criterion>, RankingMethod> method, ImmutableArray<Criterion> criteria, double[] weights, RankingOptions options, double[] scores, int[] order)
    {
        var reweighted = new Criterion[criteria.Length];
        for (var j = 0; j < reweighted.Length; j++)
        {
            reweighted[j] = new Criterion(criteria[j].Name, criteria[j].Kind, weights[j]);
        }

        var built = Build(method, ImmutableCollectionsMarshal.AsImmutableArray(reweighted));
        var (sheet, comparer, _) = Prioritiser.Prepare(candidates, built, options, scores);
        RankOrder.Full(sheet.Scores, sheet.Classes, candidates.Count, comparer, order);
    }

    private static RankingMethod Build(Func<ImmutableArray<Criterion>, RankingMethod> method, ImmutableArray<Criterion> criteria) =>
        method(criteria) ?? throw new ArgumentException("The method factory returned null; it must build a ranking method from the criteria it is given.", nameof(method));
}

/// <summary>Draws weight vectors for <see cref="Smaa"/> under the weight information; see <see cref="SmaaWeights"/>.</summary>
internal sealed class SmaaSampler
{
    private readonly int[]? _ranking;
    private readonly double[]? _low;
    private readonly double[]? _high;
    private readonly double[] _uniforms;
    private readonly SmaaWeights _information;
    private readonly string _paramName;
    private long _draws;
    private long _accepted;

    public SmaaSampler(ImmutableArray<Criterion> criteria, SmaaWeights information, string paramName)
    {
        ArgumentNullException.ThrowIfNull(information, paramName);
        _information = information;
        var m = criteria.Length;
        _uniforms = new double[Math.Max(m - 1, 0)];
        var index = new Dictionary<string, int>(m, StringComparer.Ordinal);
        for (var j = 0; j < m; j++)
        {
            index.Add(criteria[j].Name, j);
        }

        var names = string.Join(", ", criteria.Select(c => c.Name));
        if (!information.Ranking.IsEmpty)
        {
            _ranking = new int[m];
            var k = 0;
            foreach (var name in information.Ranking)
            {
                if (!index.TryGetValue(name, out var j))
                {
                    throw new ArgumentException(Preconditions.Invariant($"The weight ranking names criterion '{name}', which is not among the criteria ({names})."), paramName);
                }

                _ranking[k++] = j;
            }

            if (k < m)
            {
                var missing = criteria.First(c => !information.Ranking.Contains(c.Name, StringComparer.Ordinal)).Name;
                throw new ArgumentException(Preconditions.Invariant($"The weight ranking leaves out criterion '{missing}'; a ranking must list every criterion ({names})."), paramName);
            }
        }

        if (!information.Bounds.IsEmpty)
        {
            _low = new double[m];
            _high = new double[m];
            Array.Fill(_high, 1.0);
            foreach (var bound in information.Bounds)
            {
                if (!index.TryGetValue(bound.Criterion, out var j))
                {
                    throw new ArgumentException(Preconditions.Invariant($"The weight bound '{bound}' names a criterion that is not among the criteria ({names})."), paramName);
                }

                _low[j] = bound.Low;
                _high[j] = bound.High;
            }

            var highs = _high.Sum();
            if (highs < 1)
            {
                throw new ArgumentException(Preconditions.Invariant($"The upper weight bounds sum to {highs}, less than 1, so no normalised weight vector meets them: {string.Join(", ", information.Bounds)}."), paramName);
            }
        }

        _paramName = paramName;
    }

    /// <summary>Writes the next weight vector (m weights summing to 1) into <paramref name="weights"/>.</summary>
    public void Next(Xoshiro256StarStar rng, double[] weights)
    {
        while (true)
        {
            _draws++;
            Uniform(rng, weights);
            if (_ranking is not null)
            {
                ApplyRanking(weights);
            }

            if (_low is null || Within(weights))
            {
                _accepted++;
                return;
            }

            if (_draws >= SmaaWeights.MaxDrawsPerSample * (_accepted + 1))
            {
                throw new ArgumentException(Preconditions.Invariant(
                    $"Only {_accepted} of {_draws} weight vectors drawn met the weight information ({_information}): the weights it allows are an empty or tiny part (below about 1 in {SmaaWeights.MaxDrawsPerSample}) of all normalised weight vectors. Widen the bounds, or check that they agree with the ranking."), _paramName);
            }
        }
    }

    /// <summary>A weight vector uniform on the simplex: the gaps between 0, m − 1 sorted uniform numbers and 1.</summary>
    private void Uniform(Xoshiro256StarStar rng, double[] weights)
    {
        var u = _uniforms;
        for (var k = 0; k < u.Length; k++)
        {
            // Insertion into the sorted prefix; m is a handful.
            var x = rng.NextDouble();
            var q = k - 1;
            while (q >= 0 && u[q] > x)
            {
                u[q + 1] = u[q];
                q--;
            }

            u[q + 1] = x;
        }

        // Every u is a multiple of 2⁻⁵³ in [0, 1), so each gap is exact and the weights sum to exactly 1.
        var previous = 0.0;
        for (var k = 0; k < u.Length; k++)
        {
            weights[k] = u[k] - previous;
            previous = u[k];
        }

        weights[^1] = 1 - previous;
    }

    /// <summary>Sorts the weights in decreasing order and gives the k-th largest to the k-th criterion of the ranking.</summary>
    private void ApplyRanking(double[] weights)
    {
        Span<double> sorted = weights.Length <= 64 ? stackalloc double[weights.Length] : new double[weights.Length];
        weights.CopyTo(sorted);
        sorted.Sort();
        for (var k = 0; k < _ranking!.Length; k++)
        {
            weights[_ranking[k]] = sorted[sorted.Length - 1 - k];
        }
    }

    private bool Within(double[] weights)
    {
        for (var j = 0; j < weights.Length; j++)
        {
            if (weights[j] < _low![j] || weights[j] > _high![j])
            {
                return false;
            }
        }

        return true;
    }
}
