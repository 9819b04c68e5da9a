using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

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

    /// <summary>Formats an interpolated string with the invariant culture.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
