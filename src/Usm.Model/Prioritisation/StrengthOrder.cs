using System.Collections.Immutable;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The order of fitted strengths (Bradley–Terry strengths, Plackett–Luce worths): higher first, compared by their
/// logarithms rounded to 9 decimals so that strengths agreeing to about 9 significant digits share a rank, then by id
/// (ordinal).
/// </summary>
internal static class StrengthOrder
{
    /// <summary>Orders the candidates by strength.</summary>
    /// <param name="strength">The strength of each candidate, positive.</param>
    /// <param name="ids">The candidate ids, by the same index.</param>
    /// <param name="positionOf">Receives each candidate's 0-based position in the order.</param>
    /// <param name="ranks">Receives each candidate's 1-based rank (equal rounded strengths share the first rank of their run).</param>
    /// <returns>The candidate indices, in order.</returns>
    internal static int[] Of(double[] strength, ImmutableArray<string> ids, out int[] positionOf, out int[] ranks)
    {
        var n = strength.Length;
        var keys = strength.Select(s => Math.Round(Math.Log(s), 9)).ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(i => keys[i]).ThenBy(i => ids[i], StringComparer.Ordinal).ToArray();
        positionOf = new int[n];
        ranks = new int[n];
        for (var p = 0; p < n; p++)
        {
            var i = order[p];
            positionOf[i] = p;
            ranks[i] = p > 0 && keys[order[p - 1]] == keys[i] ? ranks[order[p - 1]] : p + 1;
        }

        return order;
    }
}
