using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The message of a "no estimate" refusal (Bradley–Terry, Plackett–Luce): the groups the data fall into, top first,
/// then the lists of candidates that explain why, each cut to its first five ids.
/// </summary>
internal static class NotEstimableText
{
    private const int Shown = 5;

    /// <summary>Builds the message.</summary>
    /// <param name="opening">The opening sentence, up to the colon before the groups.</param>
    /// <param name="groups">The groups, top first.</param>
    /// <param name="lists">Labelled lists of candidate ids; an empty list is left out.</param>
    /// <param name="advice">The closing sentence.</param>
    /// <returns>The message.</returns>
    internal static string Describe(string opening, ImmutableArray<ImmutableArray<string>> groups, ReadOnlySpan<(string Label, ImmutableArray<string> Ids)> lists, string advice)
    {
        var text = new StringBuilder(opening);
        text.AppendJoin(" | ", groups.Take(Shown).Select(g => "[" + string.Join(", ", g.Take(Shown)) + (g.Length > Shown ? Preconditions.Invariant($", … {g.Length - Shown} more") : string.Empty) + "]"));
        if (groups.Length > Shown)
        {
            text.Append(Preconditions.Invariant($" | … {groups.Length - Shown} more groups"));
        }

        text.Append('.');
        foreach (var (label, ids) in lists)
        {
            if (!ids.IsEmpty)
            {
                text.Append(label).AppendJoin(", ", ids.Take(Shown));
                text.Append(ids.Length > Shown ? Preconditions.Invariant($", … {ids.Length - Shown} more.") : ".");
            }
        }

        text.Append(advice);
        return text.ToString();
    }
}
