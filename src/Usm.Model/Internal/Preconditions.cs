using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Usm.Model.Internal;

/// <summary>
/// Argument and state checks used throughout the library. Each check returns its argument so that it can be used
/// inline (in field initialisers and base-constructor calls). Messages are culture-invariant and name the bad value.
/// </summary>
/// <remarks>This replaces Ardalis.GuardClauses, which our package feed does not serve; see README.md.</remarks>
internal static class Preconditions
{
    /// <summary>Throws <see cref="ArgumentNullException"/> if <paramref name="value"/> is null; otherwise returns it.</summary>
    public static T CheckNotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }

    /// <summary>Throws if <paramref name="value"/> is null, empty or white space; otherwise returns it.</summary>
    public static string CheckNotBlank([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(Invariant($"Value must not be empty or white space, but was '{value}'."), paramName);
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> is in [min, max].</summary>
    public static int CheckInRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, Invariant($"Value should be in range [{min}-{max}], but was {value}."));
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> is in [min, max]; NaN is rejected.</summary>
    public static double CheckInRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, Invariant($"Value should be in range [{min}-{max}], but was {value}."));
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if <paramref name="value"/> is negative.</summary>
    public static int CheckNonNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, Invariant($"Value must not be negative, but was {value}."));
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if <paramref name="value"/> is NaN or infinite.</summary>
    public static double CheckFinite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, Invariant($"Value must be a finite number, but was {value}."));
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if <paramref name="value"/> is not a defined member of its enum.</summary>
    public static TEnum CheckDefined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, Invariant($"Value {value} is not a defined {typeof(TEnum).Name}."));
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with <paramref name="message"/> if <paramref name="condition"/> is false.</summary>
    public static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> with <paramref name="message"/> if <paramref name="condition"/> is false.</summary>
    public static void CheckState([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>
    /// The same error reported against the caller's own parameter: a batch operation (for example registering a list of
    /// risks) calls a per-item operation whose exception names that operation's parameter.
    /// </summary>
    /// <param name="error">The per-item error.</param>
    /// <param name="paramName">The batch operation's parameter.</param>
    /// <returns>An <see cref="ArgumentException"/> with the same message (without the old parameter suffix), naming <paramref name="paramName"/>, with <paramref name="error"/> as its inner exception.</returns>
    public static ArgumentException ForParameter(ArgumentException error, string paramName) =>
        new(OwnMessage(error), paramName, error);

    /// <summary>
    /// The message an argument exception was created with: without the " (Parameter '…')" suffix and the "Actual value
    /// was …" line the BCL appends, for reporting it elsewhere (a read error's path, another parameter).
    /// </summary>
    public static string OwnMessage(ArgumentException error)
    {
        var message = error.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="value"/> is in the ISO calendar; otherwise returns it.
    /// NodaTime cannot compare dates of different calendars, so the library accepts ISO dates only.
    /// </summary>
    public static LocalDate CheckIso(LocalDate value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(Invariant($"Dates must be in the ISO calendar, but {value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} is in the {value.Calendar.Id} calendar."), paramName);
        }

        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is not null and its dates are in the ISO calendar; otherwise returns it.</summary>
    public static DateInterval CheckIso([NotNull] DateInterval? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        CheckIso(value.Start, paramName);
        return value;
    }

    /// <summary>Throws <see cref="ArgumentNullException"/> naming <paramref name="paramName"/> if any item of <paramref name="items"/> is null.</summary>
    /// <param name="items">The items, already copied (so enumerating them twice is safe).</param>
    /// <param name="paramName">The parameter the items came from.</param>
    /// <param name="message">The message, naming the owner (for example "Area 'A' has a null question.").</param>
    public static void CheckNoNulls<T>(IEnumerable<T?> items, string paramName, string message)
    {
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ArgumentNullException(paramName, message);
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentNullException"/> (an <see cref="ArgumentException"/>) with <paramref name="message"/> if <paramref name="item"/> is null.</summary>
    public static void CheckElementNotNull([NotNull] object? item, string paramName, string message)
    {
        if (item is null)
        {
            throw new ArgumentNullException(paramName, message);
        }
    }

    /// <summary>Formats an interpolated string with the invariant culture.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
