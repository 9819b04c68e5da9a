using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Usm.Model.Internal;

namespace Usm.Model.Serialization;

/// <summary>
/// The outcome of reading a document: either the value, or every error found. A failed result never carries a
/// partly built value.
/// </summary>
/// <typeparam name="T">The type of value read.</typeparam>
/// <remarks>
/// Readers return failures as values; hostile or broken input never makes a reader throw. Errors keep the order in
/// which the reader found them, which is deterministic for a given input.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe if <typeparamref name="T"/> is.</threadsafety>
public sealed class ReadResult<T>
    where T : class
{
    private readonly T? _value;

    private ReadResult(T? value, ImmutableArray<ReadError> errors)
    {
        _value = value;
        Errors = errors;
    }

    /// <summary>Gets whether reading succeeded.</summary>
    [MemberNotNullWhen(true, nameof(ValueOrNull))]
    public bool IsSuccess => _value is not null;

    /// <summary>Gets the value, or null when reading failed.</summary>
    public T? ValueOrNull => _value;

    /// <summary>Gets the value.</summary>
    /// <exception cref="InvalidOperationException">Reading failed; the message lists the first errors.</exception>
    public T Value => _value ?? throw new InvalidOperationException("The document could not be read:" + Environment.NewLine
        + string.Join(Environment.NewLine, Errors.Take(10)));

    /// <summary>Gets the errors; empty when reading succeeded.</summary>
    public ImmutableArray<ReadError> Errors { get; }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static ReadResult<T> Success(T value) => new(Preconditions.CheckNotNull(value), []);

    /// <summary>Creates a failed result.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static ReadResult<T> Failure(IEnumerable<ReadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ImmutableArray<ReadError> list = [.. errors];
        Preconditions.CheckArgument(!list.IsEmpty, nameof(errors), "A failed result needs at least one error.");
        Preconditions.CheckArgument(list.All(e => e is not null), nameof(errors), "A failed result cannot hold a null error.");
        return new(null, list);
    }

    /// <summary>Gets the value when reading succeeded.</summary>
    /// <param name="value">The value, or null.</param>
    /// <returns>Whether reading succeeded.</returns>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = _value;
        return value is not null;
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success: {_value}" : Preconditions.Invariant($"Failure: {Errors.Length} error(s), first: {Errors[0]}");
}
