namespace Usm.Model.Serialization;

/// <summary>
/// The only exception the readers in this namespace throw. It signals a programmer error, never bad input: a null
/// argument, or a stream that cannot be read from. Problems in the document itself are returned as
/// <see cref="ReadError"/>s in a <see cref="ReadResult{T}"/>.
/// </summary>
/// <remarks>It derives from <see cref="ArgumentException"/>, so a generic argument handler still catches it.</remarks>
public sealed class ReadException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public ReadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ReadException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the argument at fault.</summary>
    /// <param name="message">The message.</param>
    /// <param name="paramName">The name of the argument at fault.</param>
    public ReadException(string? message, string? paramName)
        : base(message, paramName)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReadException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
