using System.Text;

namespace Usm.Cli;

/// <summary>
/// The files one command writes, put in place together: each is written in full to a temporary file in its target's
/// folder (so on the same file system) and flushed to disk, and only when every one of them is written are they
/// renamed over their targets. A failure before the renames (a folder that cannot be created, a directory in the way,
/// a full disk) deletes the temporary files and leaves every old file as it was.
/// </summary>
/// <remarks>
/// <para>Each rename replaces one file in one step, so a reader never sees a half-written file. The renames of several
/// files are not one step together: a crash or power cut between two renames leaves the files renamed so far new, the
/// others old, and the temporary files of the others behind (named <c>.usm-….tmp</c>, safe to delete). A rename that
/// fails although the checks before it passed (rare: the folder's permissions changed meanwhile) stops the batch; the
/// error names that file and the files already replaced.</para>
/// <para>A target that is a symbolic link is written through the link: the file the link points to is replaced, and
/// the link stays. A replaced file gets the permissions of a new file, not those of the file it replaces. A target in
/// Unix's <c>/dev</c>, <c>/proc</c> or <c>/sys</c> (such as <c>/dev/null</c> or <c>/dev/stdout</c>; <c>/dev/shm</c>
/// excepted) is refused: a rename would replace the device.</para>
/// </remarks>
internal sealed class OutputFiles
{
    private const string TempPrefix = ".usm-";

    private const string TempSuffix = ".tmp";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // In the order added; a later file for the same target replaces the earlier one (demo --out DIR --svg DIR).
    private readonly List<(string Shown, string Target, string Text)> _files = [];

    // Unix's folders of devices and kernel files. .NET does not tell a device from a file, and a rename over /dev/null
    // (as root) would replace the device; /dev/shm holds ordinary files.
    private static readonly string[] SystemFolders = ["/dev/", "/proc/", "/sys/"];

    private static bool IsSystemPath(string realPath) =>
        !OperatingSystem.IsWindows()
        && SystemFolders.Any(f => realPath.StartsWith(f, StringComparison.Ordinal))
        && !realPath.StartsWith("/dev/shm/", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="name"/> is the name of one of this class's temporary files.</summary>
    public static bool IsTemporary(string name) =>
        name.StartsWith(TempPrefix, StringComparison.Ordinal) && name.EndsWith(TempSuffix, StringComparison.Ordinal);

    /// <summary>Writes one file, as a batch of one.</summary>
    public static void Write(string path, string text)
    {
        var files = new OutputFiles();
        files.Add(path, text);
        files.Commit();
    }

    /// <summary>Adds a file to write; <paramref name="path"/> is named in errors as given.</summary>
    public void Add(string path, string text)
    {
        if (path.Length == 0)
        {
            throw new CliUsageException("an output file name is empty.");
        }

        var target = Files.RealPath(path);
        if (IsSystemPath(target))
        {
            throw new CliException($"{path}: is a device or system path ({target}); outputs are replaced by renaming, which would put an ordinary file in its place: write to an ordinary file.");
        }

        _files.RemoveAll(f => string.Equals(f.Target, target, StringComparison.Ordinal));
        _files.Add((path, target, text));
    }

    /// <summary>Writes every file added, all or none (see the remarks on the class).</summary>
    /// <exception cref="CliException">A file cannot be written; the message names it. No old file has changed then, unless the message says so.</exception>
    public void Commit() => Commit(beforeRename: null);

    /// <summary>As <see cref="Commit()"/>; <paramref name="beforeRename"/> runs before each rename with the target's path (tests use it to make a rename fail).</summary>
    internal void Commit(Action<string>? beforeRename)
    {
        var created = new List<string>();
        var temps = new List<string?>();
        try
        {
            foreach (var (shown, target, _) in _files)
            {
                if (Directory.Exists(target))
                {
                    throw new CliException($"{shown}: is a directory, not a file; no file was written.");
                }
            }

            foreach (var (shown, target, text) in _files)
            {
                var folder = Path.GetDirectoryName(target) ?? target;
                Guarded(shown, () => CreateFolder(folder, created));
                var temp = Path.Combine(folder, TempPrefix + Path.GetRandomFileName() + TempSuffix);
                temps.Add(temp); // before it exists, so that a write that fails half-way is cleaned up too
                Guarded(shown, () => WriteTemporary(temp, text));
            }
        }
        catch
        {
            Clean(temps, created);
            throw;
        }

        var replaced = new List<string>();
        for (var i = 0; i < _files.Count; i++)
        {
            try
            {
                beforeRename?.Invoke(_files[i].Target);
                File.Move(temps[i]!, _files[i].Target, overwrite: true);
                temps[i] = null;
                replaced.Add(_files[i].Shown);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Clean(temps, []);
                var done = replaced.Count == 0 ? "no file was changed" : "already replaced: " + string.Join(", ", replaced);
                throw new CliException($"{_files[i].Shown}: {e.Message} ({done}; the others are unchanged).");
            }
        }
    }

    private static void Guarded(string shown, Action step)
    {
        try
        {
            step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{shown}: {e.Message} (no file was written).");
        }
    }

    // Creates the folder and its missing parents, remembering the ones it created (the deepest last).
    private static void CreateFolder(string folder, List<string> created)
    {
        var missing = new Stack<string>();
        for (var f = folder; f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f))
        {
            missing.Push(f);
        }

        Directory.CreateDirectory(folder);
        created.AddRange(missing);
    }

    // Written in full and flushed to the disk before it is renamed: a crash never leaves a half-written target.
    private static void WriteTemporary(string temp, string text)
    {
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(Utf8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }

    // Best effort: a temporary that cannot be deleted is left behind rather than hiding the error that matters.
    private static void Clean(List<string?> temps, List<string> created)
    {
        foreach (var temp in temps.OfType<string>())
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Named .usm-….tmp: recognisable and safe to delete by hand.
            }
        }

        for (var i = created.Count - 1; i >= 0; i--)
        {
            try
            {
                if (!Directory.EnumerateFileSystemEntries(created[i]).Any())
                {
                    Directory.Delete(created[i]);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be removed stays, empty.
            }
        }
    }
}
