using System.Collections.Immutable;

namespace Usm.Model.Internal;

/// <summary>Hash helpers for structural equality over immutable collections.</summary>
internal static class Hashing
{
    /// <summary>Combines the hashes of a sequence's elements, in order.</summary>
    public static int Sequence<T>(ImmutableArray<T> items)
    {
        var hash = new HashCode();
        if (!items.IsDefault)
        {
            foreach (var item in items)
            {
                hash.Add(item);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two immutable arrays element by element (a default array equals an empty one).</summary>
    public static bool SequenceEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right)
    {
        var l = left.IsDefault ? [] : left;
        var r = right.IsDefault ? [] : right;
        return l.SequenceEqual(r);
    }
}
