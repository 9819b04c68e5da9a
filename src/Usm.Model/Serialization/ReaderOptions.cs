using Usm.Model.Improvement;
using Usm.Model.Internal;

namespace Usm.Model.Serialization;

/// <summary>
/// Settings for every reader in this namespace: strict or tolerant handling of unknown members, and limits that keep
/// hostile input from exhausting memory or stack.
/// </summary>
/// <remarks>
/// The defaults (<see cref="Default"/>) are tolerant (unknown members are ignored, as USM-WIF's must-ignore rule
/// asks), a depth of 64, 16 MiB per document, 10,000 items per collection and 1 MiB per string. Change one setting
/// with the <c>With…</c> methods; each returns a new instance.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ReaderOptions : IEquatable<ReaderOptions>
{
    /// <summary>The highest depth that can be configured; readers walk documents recursively up to this depth.</summary>
    public const int MaxConfigurableDepth = 1000;

    /// <summary>Creates reader options.</summary>
    /// <param name="strict">Whether unknown members are errors (true) or ignored (false).</param>
    /// <param name="maxDepth">The deepest nesting of objects and arrays, 1 to <see cref="MaxConfigurableDepth"/>.</param>
    /// <param name="maxDocumentBytes">The largest document, in UTF-8 bytes, at least 1.</param>
    /// <param name="maxCollectionItems">The most items in one array, object or table, at least 1.</param>
    /// <param name="maxStringLength">The longest string or member name, at least 1: for JSON in UTF-8 bytes as written (escapes included), for a CSV field in UTF-16 code units after unquoting.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is outside its range.</exception>
    public ReaderOptions(bool strict = false, int maxDepth = 64, long maxDocumentBytes = 16 * 1024 * 1024, int maxCollectionItems = 10_000, int maxStringLength = 1024 * 1024)
    {
        Strict = strict;
        MaxDepth = Preconditions.CheckInRange(maxDepth, 1, MaxConfigurableDepth);
        if (maxDocumentBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDocumentBytes), maxDocumentBytes, Preconditions.Invariant($"The document size limit must be at least 1 byte, but was {maxDocumentBytes}."));
        }

        MaxDocumentBytes = maxDocumentBytes;
        MaxCollectionItems = Preconditions.CheckInRange(maxCollectionItems, 1, int.MaxValue);
        MaxStringLength = Preconditions.CheckInRange(maxStringLength, 1, int.MaxValue);
    }

    /// <summary>Gets the default options: tolerant, depth 64, 16 MiB, 10,000 items, 1 MiB strings.</summary>
    public static ReaderOptions Default { get; } = new();

    /// <summary>Gets whether unknown members are errors (<see cref="ReadErrorCode.UnknownMember"/>). The default is false.</summary>
    public bool Strict { get; }

    /// <summary>Gets the deepest allowed nesting of objects and arrays. The default is 64.</summary>
    public int MaxDepth { get; }

    /// <summary>Gets the largest allowed document in UTF-8 bytes. The default is 16 MiB.</summary>
    public long MaxDocumentBytes { get; }

    /// <summary>Gets the most items allowed in one array, object or table. The default is 10,000.</summary>
    public int MaxCollectionItems { get; }

    /// <summary>
    /// Gets the longest allowed string or member name. The default is 1 MiB. JSON readers count UTF-8 bytes as written
    /// (escapes included); the CSV reader counts a field's UTF-16 code units after unquoting (the text it has decoded).
    /// </summary>
    public int MaxStringLength { get; }

    /// <summary>
    /// Gets the caller's lookup of custom prioritisation mechanisms by name, or null (the default). An improvement
    /// programme whose agreed mechanism is written as kind <c>custom</c> reads back only when this returns a mechanism
    /// of that name.
    /// </summary>
    public Func<string, IPrioritisationMechanism?>? MechanismResolver { get; private set; }

    /// <summary>
    /// Returns a copy that resolves custom prioritisation mechanisms by name. The reader calls
    /// <paramref name="resolver"/> with the written name; it returns the mechanism, or null when it does not know
    /// the name. An exception thrown by the resolver is not caught: it propagates to the reader's caller.
    /// </summary>
    /// <param name="resolver">The lookup, or null to resolve none.</param>
    /// <returns>New options.</returns>
    /// <example>
    /// <code>
    /// var board = new BallotMechanism(ballots);
    /// var options = ReaderOptions.Default.WithMechanismResolver(name => name == board.Name ? board : null);
    /// var programme = UsmJson.ReadImprovementProgramme(json, options);
    /// </code>
    /// </example>
    public ReaderOptions WithMechanismResolver(Func<string, IPrioritisationMechanism?>? resolver) =>
        new(Strict, MaxDepth, MaxDocumentBytes, MaxCollectionItems, MaxStringLength) { MechanismResolver = resolver };

    /// <summary>Returns a copy with another strictness.</summary>
    /// <param name="strict">Whether unknown members are errors.</param>
    /// <returns>New options.</returns>
    public ReaderOptions WithStrict(bool strict) => new(strict, MaxDepth, MaxDocumentBytes, MaxCollectionItems, MaxStringLength) { MechanismResolver = MechanismResolver };

    /// <summary>Returns a copy with another depth limit.</summary>
    /// <param name="maxDepth">The limit.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is outside 1 to <see cref="MaxConfigurableDepth"/>.</exception>
    public ReaderOptions WithMaxDepth(int maxDepth) => new(Strict, maxDepth, MaxDocumentBytes, MaxCollectionItems, MaxStringLength) { MechanismResolver = MechanismResolver };

    /// <summary>Returns a copy with another document size limit.</summary>
    /// <param name="maxDocumentBytes">The limit in bytes.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDocumentBytes"/> is below 1.</exception>
    public ReaderOptions WithMaxDocumentBytes(long maxDocumentBytes) => new(Strict, MaxDepth, maxDocumentBytes, MaxCollectionItems, MaxStringLength) { MechanismResolver = MechanismResolver };

    /// <summary>Returns a copy with another collection size limit.</summary>
    /// <param name="maxCollectionItems">The limit.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCollectionItems"/> is below 1.</exception>
    public ReaderOptions WithMaxCollectionItems(int maxCollectionItems) => new(Strict, MaxDepth, MaxDocumentBytes, maxCollectionItems, MaxStringLength) { MechanismResolver = MechanismResolver };

    /// <summary>Returns a copy with another string length limit.</summary>
    /// <param name="maxStringLength">The limit in UTF-8 bytes.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxStringLength"/> is below 1.</exception>
    public ReaderOptions WithMaxStringLength(int maxStringLength) => new(Strict, MaxDepth, MaxDocumentBytes, MaxCollectionItems, maxStringLength) { MechanismResolver = MechanismResolver };

    /// <inheritdoc />
    public bool Equals(ReaderOptions? other) =>
        other is not null && Strict == other.Strict && MaxDepth == other.MaxDepth && MaxDocumentBytes == other.MaxDocumentBytes
        && MaxCollectionItems == other.MaxCollectionItems && MaxStringLength == other.MaxStringLength && Equals(MechanismResolver, other.MechanismResolver);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReaderOptions other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Strict, MaxDepth, MaxDocumentBytes, MaxCollectionItems, MaxStringLength, MechanismResolver);

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"strict={Strict}, depth={MaxDepth}, bytes={MaxDocumentBytes}, items={MaxCollectionItems}, string={MaxStringLength}{(MechanismResolver is null ? string.Empty : ", mechanism resolver")}");
}
