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

    /// <summary>
    /// FNV-1a (64-bit) over a string's UTF-16 code units, each fed as two bytes, low byte first: a hash that is the same
    /// in every process and on every platform (unlike <see cref="string.GetHashCode()"/>, which is randomised per
    /// process). Offset basis 14695981039346656037, prime 1099511628211 (Fowler, Noll and Vo; IETF draft
    /// draft-eastlake-fnv).
    /// </summary>
    public static ulong Fnv1a64(string text)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ (byte)c) * 1099511628211UL;
                hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
            }

            return hash;
        }
    }
}
