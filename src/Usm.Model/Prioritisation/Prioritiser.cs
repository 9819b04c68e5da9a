using System.Buffers;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The one entry point of prioritisation: rank a <see cref="CandidateSet"/> by a <see cref="RankingMethod"/>, fully
/// or only the first k.
/// </summary>
/// <remarks>
/// <para>Order: class (risk matrix and MoSCoW only, higher first), then score (higher first), then the caller's secondary key
/// (<see cref="RankingOptions.SecondaryKey"/>), then id (ordinal ascending). The order is total, so the result never
/// depends on the order of the input, and the same input always gives the same output.</para>
/// <para>Cost: scoring is one or a few passes over the columns; a full ranking adds a bucket or radix sort of the n
/// scores (O(n)); top-k adds a histogram of the scores and one pass that keeps only the candidates at or above the k-th
/// score's bucket, then sorts those (O(n + k) in practice; a heap, O(n log k), when ties crowd the boundary). Only the
/// result's arrays are allocated.</para>
/// </remarks>
public static class Prioritiser
{
    /// <summary>Ranks every candidate.</summary>
    /// <param name="candidates">The candidates; never changed.</param>
    /// <param name="method">The method.</param>
    /// <param name="options">The options, or null for <see cref="RankingOptions.Default"/>.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> or <paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException">The set is empty, or lacks a criterion the method or the secondary key names.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside what the method accepts (the message names the candidate and criterion), or a candidate's values give no defined score (NaN, from an overflow to infinity meeting a zero; the message names the candidate).</exception>
    public static Ranking Rank(CandidateSet candidates, RankingMethod method, RankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var (sheet, comparer, opts) = Prepare(candidates, method, options, new double[candidates.Count]);
        var order = RankOrder.Full(sheet.Scores, sheet.Classes, candidates.Count, comparer);
        return new Ranking(candidates, method, opts, sheet.State, order, sheet.Scores, sheet.Classes, byPosition: false);
    }

    /// <summary>Ranks only the first <paramref name="k"/> candidates: the same items, in the same order, as the first k of <see cref="Rank"/>, much more cheaply.</summary>
    /// <param name="candidates">The candidates; never changed.</param>
    /// <param name="method">The method.</param>
    /// <param name="k">How many items to keep, at least 1; more than the set's size keeps all.</param>
    /// <param name="options">The options, or null for <see cref="RankingOptions.Default"/>.</param>
    /// <returns>The ranking of the first k items.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> or <paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1, a value is outside what the method accepts, or a candidate's values give no defined score (as for <see cref="Rank"/>).</exception>
    /// <exception cref="ArgumentException">The set is empty, or lacks a criterion the method or the secondary key names.</exception>
    public static Ranking Top(CandidateSet candidates, RankingMethod method, int k, RankingOptions? options = null)
    {
        Preconditions.CheckInRange(k, 1, int.MaxValue);
        ArgumentNullException.ThrowIfNull(candidates);
        var n = candidates.Count;
        if (k >= n)
        {
            return Rank(candidates, method, options);
        }

        // Only the k results are kept: the n scores live in a pooled buffer while the heap selects.
        var buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var (sheet, comparer, opts) = Prepare(candidates, method, options, buffer);
            var order = RankOrder.Top(sheet.Scores, sheet.Classes, n, k, comparer);
            var scores = new double[k];
            var classes = sheet.Classes is null ? null : new int[k];
            for (var p = 0; p < k; p++)
            {
                scores[p] = sheet.Scores[order[p]];
                if (classes is not null)
                {
                    classes[p] = sheet.Classes![order[p]];
                }
            }

            return new Ranking(candidates, method, opts, sheet.State, order, scores, classes, byPosition: true);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    internal static (ScoreSheet Sheet, RankComparer Comparer, RankingOptions Options) Prepare(CandidateSet candidates, RankingMethod method, RankingOptions? options, double[] scores)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(method);
        options ??= RankingOptions.Default;
        if (!(candidates.Count > 0))
        {
            throw new ArgumentException(Preconditions.Invariant($"{method.Name} needs at least one candidate, but the set is empty."), nameof(candidates));
        }
        var key = options.SecondaryKey;
        var secondary = key.UsesEffort ? candidates.EffortArray
            : key.Criterion is not null ? candidates.ColumnArray(key.Criterion, nameof(options), "The secondary key")
            : null;
        var sheet = method.Evaluate(candidates, scores);

        // Finite values can still give an undefined score (RICE or ICE: an infinite product times a zero confidence or
        // ease). A NaN compares with nothing, so the order would no longer be total; refuse it by name.
        var nan = ColumnMath.IndexOfNaN(sheet.Scores.AsSpan(0, candidates.Count));
        if (nan >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(candidates), double.NaN, Preconditions.Invariant(
                $"Candidate '{candidates.IdArray[nan]}' has no defined {method.Name} score: its values overflow to infinity and meet a zero (∞ × 0 or ∞ − ∞). Scale the criteria down."));
        }

        return (sheet, new RankComparer(sheet.Scores, sheet.Classes, secondary, key.HigherFirst, candidates.IdArray), options);
    }
}
