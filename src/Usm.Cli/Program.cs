using System.CommandLine;
using Usm.Cli.Output;

namespace Usm.Cli;

/// <summary>The <c>usm</c> command-line tool.</summary>
public static class Program
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code: 0 success, 1 findings, 2 a usage or input error, 128 + the signal's number when a termination signal stopped the writing of output files.</returns>
    public static int Main(string[] args) => Run(args, CliEnvironment.FromProcess());

    /// <summary>Runs the tool against the given writers (in-process tests use this).</summary>
    internal static int Run(string[] args, CliEnvironment env)
    {
        var root = BuildRoot(env);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var error in parse.Errors)
            {
                env.Error.WriteLine("usm: " + error.Message);
            }

            env.Error.WriteLine(UsageHint);
            return ExitCodes.UsageOrInputError;
        }

        try
        {
            return parse.Invoke(config);
        }
        catch (CliException e)
        {
            var message = e.Message;
            if (e is Inputs.CliReadException read && parse.GetValue(FormatOption) == OutputFormat.Json)
            {
                try
                {
                    env.Out.WriteLine(ReportRenderer.ReadErrorsToJson(read.File, read.Errors));
                }
                catch (CliException failed)
                {
                    message += "; " + failed.Message;
                }
            }

            env.Error.WriteLine("usm: " + message);
            if (e is CliInterruptedException interrupted)
            {
                return interrupted.ExitCode;
            }

            if (e is CliUsageException)
            {
                env.Error.WriteLine(UsageHint);
            }

            return ExitCodes.UsageOrInputError;
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            // The last line of defence: the commands turn the errors they expect into CliException; anything else the
            // library or the runtime refuses is still one line, never a stack trace.
            env.Error.WriteLine("usm: " + CliException.Reason(e));
            return ExitCodes.UsageOrInputError;
        }
    }

    private const string UsageHint = "Run 'usm --help' for usage.";

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    internal static readonly Option<OutputFormat> FormatOption = new("--format")
    {
        Description = "Output format: table (default), json, csv or markdown.",
        HelpName = "table|json|csv|markdown",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "table" : result.Tokens[0].Value;
            if (Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(text, out _))
            {
                return format;
            }

            result.AddError($"Unknown format '{text}': use table, json, csv or markdown.");
            return OutputFormat.Table;
        },
    };

    private static RootCommand BuildRoot(CliEnvironment env)
    {
        var root = new RootCommand("usm: the USM method (Unified Service Management) as a typed model. Start with 'usm demo'.");
        root.Options.Add(FormatOption);
        foreach (var command in Commands.All(env))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
