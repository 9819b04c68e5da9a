using System.Numerics;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>How a Borda count treats candidates a partial ballot leaves unranked.</summary>
public enum BordaPartialRule
{
    /// <summary>
    /// Unranked candidates share the points of the positions left over, as if tied at the bottom: each gets half a point
    /// per other unranked candidate. Every ballot then hands out exactly n(n−1)/2 points.
    /// </summary>
    ShareRemaining = 1,

    /// <summary>Unranked candidates get no points; ranked candidates still score a point for each unranked one.</summary>
    UnrankedScoreZero,
}

/// <summary>How the Schulze method measures the strength of a pairwise defeat.</summary>
public enum SchulzeStrength
{
    /// <summary>The number of voters who prefer the winner of the pair, d[a,b] (Schulze's usual choice).</summary>
    WinningVotes = 1,

    /// <summary>The margin d[a,b] − d[b,a].</summary>
    Margin,
}

/// <summary>
/// Counts the sounding-board group's ballots by the Borda count or the Schulze method. Both are pure functions of the
/// candidate list and the multiset of ballots: reordering the ballots never changes a result.
/// </summary>
/// <remarks>
/// <para><b>Validation.</b> Candidates must be non-empty, unique and not blank. A ballot naming an id that is not a
/// candidate is rejected with an <see cref="ArgumentException"/> naming the ballot's 0-based index and the id. The total
/// number of voters must fit in an <see cref="int"/>.</para>
/// <para><b>Borda.</b> On each ballot a candidate scores one point per candidate ranked below it and half a point per
/// other candidate tied with it (the averaged-ranks convention: tied candidates share the points of the positions they
/// span). Unranked candidates follow the <see cref="BordaPartialRule"/>. Points are multiplied by the ballot's voters.
/// With complete ballots, or with <see cref="BordaPartialRule.ShareRemaining"/>, the points of all candidates sum to
/// voters·n(n−1)/2.</para>
/// <para><b>Schulze.</b> d[a,b] is the number of voters who rank a strictly above b (a ranked candidate is above every
/// unranked one; unranked candidates are not compared). A link a→b has strength d[a,b] (or the margin) when
/// d[a,b] &gt; d[b,a], else 0; p[a,b] is the strength of the strongest path, the widest path computed in O(n³). a beats
/// b when p[a,b] &gt; p[b,a]; this relation is transitive (Schulze 2011). The ranking peels off, round by round, the
/// candidates no remaining candidate beats; each round is one rank, so ties are kept. Within a rank the order is by
/// ordinal id; this is the library's deterministic tie-break (Schulze's own tie-breaking by a random ballot is not used).</para>
/// </remarks>
public static class BallotCount
{
    /// <summary>Counts ballots by the Borda count.</summary>
    /// <param name="candidates">The candidate ids.</param>
    /// <param name="ballots">The ballots.</param>
    /// <param name="partialRule">How unranked candidates score.</param>
    /// <returns>The points and ranking.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a ballot is null.</exception>
    /// <exception cref="ArgumentException">The candidates are empty, blank or repeated, or a ballot names an unknown candidate (the message names the ballot index and id).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partialRule"/> is undefined.</exception>
    public static BordaResult Borda(IEnumerable<string> candidates, IEnumerable<Ballot> ballots, BordaPartialRule partialRule = BordaPartialRule.ShareRemaining)
    {
        Preconditions.CheckDefined(partialRule);
        var profile = BallotProfile.Create(candidates, ballots);
        var n = profile.Candidates.Length;
        var halfPoints = new long[n];
        var rankedBy = new long[n];
        var firstPreferences = new long[n];
        var ranked = new bool[n];
        var entries = profile.Entries;
        var tiers = profile.Tiers;
        for (var k = 0; k < profile.BallotCount; k++)
        {
            long voters = profile.Voters[k];
            int from = profile.Start[k], to = profile.Start[k + 1];
            var unranked = n - (to - from);

            // Walk the ballot from its last rank up: 'below' counts the candidates under the current rank.
            var below = unranked;
            var end = to;
            while (end > from)
            {
                var begin = end - 1;
                while (begin > from && tiers[begin - 1] == tiers[end - 1])
                {
                    begin--;
                }

                // Twice the points, 2·below + (size − 1), so that half points stay exact in integers.
                var size = end - begin;
                var twice = (2L * below) + size - 1;
                for (var e = begin; e < end; e++)
                {
                    halfPoints[entries[e]] += twice * voters;
                    rankedBy[entries[e]] += voters;
                    if (tiers[e] == 0)
                    {
                        firstPreferences[entries[e]] += voters;
                    }
                }

                below += size;
                end = begin;
            }

            if (unranked > 0 && partialRule == BordaPartialRule.ShareRemaining)
            {
                var twice = (long)unranked - 1;
                Array.Clear(ranked);
                for (var e = from; e < to; e++)
                {
                    ranked[entries[e]] = true;
                }

                for (var c = 0; c < n; c++)
                {
                    if (!ranked[c])
                    {
                        halfPoints[c] += twice * voters;
                    }
                }
            }
        }

        return new BordaResult(profile.Candidates, halfPoints, rankedBy, firstPreferences, profile.TotalVoters, partialRule);
    }

    /// <summary>Counts ballots by the Schulze method.</summary>
    /// <param name="candidates">The candidate ids.</param>
    /// <param name="ballots">The ballots.</param>
    /// <param name="strength">How the strength of a link is measured.</param>
    /// <returns>The pairwise preferences, path strengths and ranking.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a ballot is null.</exception>
    /// <exception cref="ArgumentException">The candidates are empty, blank or repeated, or a ballot names an unknown candidate (the message names the ballot index and id).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strength"/> is undefined.</exception>
    public static SchulzeResult Schulze(IEnumerable<string> candidates, IEnumerable<Ballot> ballots, SchulzeStrength strength = SchulzeStrength.WinningVotes)
    {
        Preconditions.CheckDefined(strength);
        return SchulzeOf(PairwisePreferences(candidates, ballots), strength);
    }

    /// <summary>The Schulze method on given pairwise preferences (also used to rebuild a result read from a document).</summary>
    internal static SchulzeResult SchulzeOf(BallotPreferences preferences, SchulzeStrength strength)
    {
        var n = preferences.Candidates.Length;
        var d = preferences.Matrix;
        var p = new int[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (a != b)
                {
                    var forward = d[(a * n) + b];
                    var backward = d[(b * n) + a];
                    p[(a * n) + b] = forward > backward ? (strength == SchulzeStrength.WinningVotes ? forward : forward - backward) : 0;
                }
            }
        }

        // Widest paths (Floyd-Warshall with max-min); values only shrink or stay, so no overflow.
        for (var k = 0; k < n; k++)
        {
            var rowK = p.AsSpan(k * n, n);
            for (var a = 0; a < n; a++)
            {
                if (a == k)
                {
                    continue;
                }

                var ak = p[(a * n) + k];
                if (ak == 0)
                {
                    continue;
                }

                var rowA = p.AsSpan(a * n, n);
                for (var b = 0; b < n; b++)
                {
                    var via = Math.Min(ak, rowK[b]);
                    if (via > rowA[b] && b != a)
                    {
                        rowA[b] = via;
                    }
                }
            }
        }

        return new SchulzeResult(preferences, p, strength);
    }

    /// <summary>
    /// Builds the pairwise preference matrix alone: d[a,b] = the number of voters who rank a strictly above b. This is
    /// the first step of the Schulze method and useful on its own (for example to find a Condorcet winner).
    /// </summary>
    /// <param name="candidates">The candidate ids.</param>
    /// <param name="ballots">The ballots.</param>
    /// <returns>The preferences.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a ballot is null.</exception>
    /// <exception cref="ArgumentException">The candidates are empty, blank or repeated, or a ballot names an unknown candidate.</exception>
    public static BallotPreferences PairwisePreferences(IEnumerable<string> candidates, IEnumerable<Ballot> ballots)
    {
        var profile = BallotProfile.Create(candidates, ballots);
        var n = profile.Candidates.Length;
        var d = new int[n * n];
        var position = new int[n];
        var width = Vector<int>.Count;
        var entries = profile.Entries;
        var tiers = profile.Tiers;
        for (var k = 0; k < profile.BallotCount; k++)
        {
            int from = profile.Start[k], to = profile.Start[k + 1];

            // position[c]: the rank index, or the number of ranks for unranked candidates (tied at the bottom).
            Array.Fill(position, profile.TierCounts[k]);
            for (var e = from; e < to; e++)
            {
                position[entries[e]] = tiers[e];
            }

            var count = profile.Voters[k];
            var voters = new Vector<int>(count);
            for (var e = from; e < to; e++)
            {
                var a = entries[e];
                var pa = position[a];
                var threshold = new Vector<int>(pa);
                var row = d.AsSpan(a * n, n);
                var b = 0;

                // Total voters fit in an int (checked by the profile), so these additions cannot overflow.
                unchecked
                {
                    for (; b <= n - width; b += width)
                    {
                        var below = Vector.GreaterThan(new Vector<int>(position.AsSpan(b, width)), threshold);
                        (new Vector<int>(row.Slice(b, width)) + Vector.BitwiseAnd(below, voters)).CopyTo(row.Slice(b, width));
                    }

                    for (; b < n; b++)
                    {
                        if (position[b] > pa)
                        {
                            row[b] += count;
                        }
                    }
                }
            }
        }

        return new BallotPreferences(profile.Candidates, d, profile.TotalVoters);
    }
}
