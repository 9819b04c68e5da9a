using System.CommandLine;
using Usm.Cli.Output;

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
    public static string ReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: file not found.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }

    public static Stream OpenRead(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: file not found.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }

    public static void WriteAllText(string path, string text)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }
}
