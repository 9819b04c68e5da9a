using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using Usm.Cli.Output;
using Usm.Model.Serialization;

namespace Usm.Cli;

/// <summary>The tool's commands. Each one builds a <see cref="Report"/> and renders it in the chosen format.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All(CliEnvironment env)
    {
        yield return DemoCommand.Create(env);
        yield return ModelCommand.Create(env);
        yield return FileCommands.Validate(env);
        yield return RankingCommands.Prioritise(env);
        yield return RankingCommands.PlanSprint(env);
        yield return RankingCommands.Compare(env);
        yield return SimulateCommand.Create(env);
        yield return ScanCommand.Create(env);
        yield return FileCommands.Convert(env);
        yield return FileCommands.Schema(env);
    }

    /// <summary>Renders <paramref name="report"/> in the format chosen on the command line.</summary>
    public static void Render(ParseResult parse, Report report, CliEnvironment env) =>
        ReportRenderer.Write(report, parse.GetValue(Program.FormatOption), env);
}

/// <summary>File access that turns I/O failures into one-line user errors naming the file.</summary>
internal static class Files
{
    /// <summary>The most bytes an input file may hold: the library readers' document limit.</summary>
    public static long MaxInputBytes => ReaderOptions.Default.MaxDocumentBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a UTF-8 text file of at most <see cref="MaxInputBytes"/> bytes (reading stops one byte past the limit, so a
    /// device or pipe that never ends is refused too), skipping a UTF-8 byte order mark. Invalid UTF-8 is refused with
    /// its byte offset, never replaced.
    /// </summary>
    public static string ReadAllText(string path) => ReadAllText(path, MaxInputBytes);

    internal static string ReadAllText(string path, long limit)
    {
        if (path.Length == 0)
        {
            throw new CliUsageException("an input file name is empty.");
        }

        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a directory, not a file.");
        }

        byte[] bytes;
        int count;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            (bytes, count) = ReadAtMost(stream, limit + 1);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: file not found.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {e.Message}");
        }

        if (count > limit)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{path}: the file is larger than the limit of {limit} bytes."));
        }

        return Decode(path, bytes.AsSpan(0, count));
    }

    /// <summary>Decodes UTF-8 strictly, after a byte order mark if there is one; UTF-16 and UTF-32 marks are named.</summary>
    internal static string Decode(string path, ReadOnlySpan<byte> bytes)
    {
        var skip = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (skip == 0 && (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])))
        {
            throw new CliException($"{path}: the file is UTF-16 or UTF-32 (it starts with that byte order mark); save it as UTF-8.");
        }

        try
        {
            return StrictUtf8.GetString(bytes[skip..]);
        }
        catch (DecoderFallbackException e)
        {
            var offset = skip + Math.Max(e.Index, 0);
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{path}: not valid UTF-8 (byte offset {offset}); save the file as UTF-8."));
        }
    }

    // Reads until the end of the stream or until `most` bytes are in; never more than `most` bytes of memory.
    private static (byte[] Buffer, int Count) ReadAtMost(Stream stream, long most)
    {
        var cap = (int)Math.Min(most, Array.MaxLength);
        var initial = stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length - stream.Position, 0) + 1, cap) : Math.Min(64 * 1024, cap);
        var buffer = new byte[Math.Max(initial, 1)];
        var count = 0;
        while (count < cap)
        {
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, cap));
            }

            var read = stream.Read(buffer, count, buffer.Length - count);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        return (buffer, count);
    }

    /// <summary>
    /// Refuses an output file that is the input file, before anything is written: the two are compared by their
    /// <see cref="RealPath"/>, so a symbolic link anywhere on either path (a linked folder, a linked file) is seen through.
    /// </summary>
    public static void CheckNotSame(string input, string output, string what)
    {
        if (string.Equals(RealPath(input), RealPath(output), StringComparison.Ordinal))
        {
            throw new CliUsageException($"{what} {output} is the input file {input}; write to another file.");
        }
    }

    /// <summary>The most symbolic links <see cref="RealPath"/> follows for one path (Linux's own limit is 40).</summary>
    public const int MaxSymbolicLinks = 40;

    /// <summary>
    /// The absolute path of <paramref name="path"/> with every symbolic link on the way resolved: the path is walked
    /// from its root one name at a time, and a name that is a link is replaced by the real path of its target (which
    /// may hold links itself). <c>..</c> is applied after the link before it is resolved, as the operating system does,
    /// so <c>a/link/../x</c> is the <c>x</c> beside the link's target. The names after the first one that does not
    /// exist are kept as written. Letter case is kept as written: on a case-insensitive file system two spellings of
    /// one file are not recognised as the same, and neither are two hard links to one file.
    /// </summary>
    /// <exception cref="CliException">More than <see cref="MaxSymbolicLinks"/> links (a loop).</exception>
    public static string RealPath(string path)
    {
        var hops = 0;
        var absolute = Path.IsPathFullyQualified(path) ? path : Path.Join(Directory.GetCurrentDirectory(), path);
        return Walk(path, absolute, ref hops);
    }

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    private static string Walk(string shown, string absolute, ref int hops)
    {
        var root = Path.GetPathRoot(absolute) ?? string.Empty;
        var current = root;
        foreach (var name in absolute[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (name == ".")
            {
                continue;
            }

            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, name);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++hops > MaxSymbolicLinks)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{shown}: more than {MaxSymbolicLinks} symbolic links on the way (a loop?)."));
            }

            // A relative link is relative to the folder that holds it, which is `current` (already real).
            current = Walk(shown, Path.IsPathFullyQualified(target) ? target : Path.Join(current, target), ref hops);
        }

        return current;
    }

    // The text of a symbolic link (or junction), or null for anything else: a file, a folder, a missing or unreadable name.
    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// Checks the parser applies to arguments and options, so that a bad value is a usage error that names the option,
/// in words rather than .NET type names.
/// </summary>
internal static class ParseRules
{
    /// <summary>Refuses an empty file name given for <paramref name="argument"/>.</summary>
    public static Argument<string> FileName(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError($"{argument.Name}: the file name is empty.");
            }
        });
        return argument;
    }

    /// <summary>Refuses an empty file or folder name given for <paramref name="option"/>.</summary>
    public static Option<string?> FileName(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError($"{option.Name}: the file name is empty.");
            }
        });
        return option;
    }

    /// <summary>Takes one of <paramref name="allowed"/> (exactly as written); anything else is a usage error naming the option and the choices.</summary>
    public static string OneOf(ArgumentResult result, string fallback, IReadOnlyList<string> allowed)
    {
        if (result.Tokens.Count == 0)
        {
            return fallback;
        }

        var text = result.Tokens[^1].Value;
        if (allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        var name = (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
        result.AddError($"{name} '{text}': use {string.Join(", ", allowed.Take(allowed.Count - 1))} or {allowed[^1]}.");
        return fallback;
    }

    /// <summary>Parses a number from 0 to 1 (invariant culture); anything else is a usage error naming the option.</summary>
    public static double Fraction(ArgumentResult result, double fallback)
    {
        if (result.Tokens.Count == 0)
        {
            return fallback;
        }

        var text = result.Tokens[^1].Value;
        var name = (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0 && value <= 1))
        {
            result.AddError($"{name} '{text}': use a number from 0 to 1 (a '.' for decimals).");
            return fallback;
        }

        return value;
    }

    /// <summary>Parses a whole number from <paramref name="min"/> to <paramref name="max"/>; anything else is a usage error naming the option.</summary>
    public static int? WholeNumber(ArgumentResult result, int? fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (result.Tokens.Count == 0)
        {
            return fallback;
        }

        var text = result.Tokens[^1].Value;
        var name = (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name} '{text}': expected a whole number.");
            return fallback;
        }

        if (value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} {value}: use a whole number from {min} to {max}."));
            return fallback;
        }

        return value;
    }
}
