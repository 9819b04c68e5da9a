using System.CommandLine;
using Usm.Cli.Inputs;
using Usm.Cli.Output;
using Usm.Model.Assessment;
using Usm.Model.Serialization;

namespace Usm.Cli;

/// <summary><c>usm scan compare</c>: how the scores moved between two scans of the same instrument.</summary>
internal static class ScanCommand
{
    public static Command Create(CliEnvironment env)
    {
        var baseline = new Argument<string>("BASELINE") { Description = "The earlier scan (a scan JSON document, 'kind': 'scan')." }.FileName();
        var interim = new Argument<string>("INTERIM") { Description = "The later scan of the same instrument." }.FileName();
        var compare = new Command("compare", "Compare two scans: the overall score, each area and each question before and after, and the change in percentage points.");
        compare.Arguments.Add(baseline);
        compare.Arguments.Add(interim);
        compare.SetAction(parse =>
        {
            var from = Read(parse.GetRequiredValue(baseline));
            var to = Read(parse.GetRequiredValue(interim));
            ScanComparison comparison;
            try
            {
                comparison = env.WithProgress("Scoring and comparing the scans...", () => ScanComparison.Compare(from, to));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                throw new CliException($"{parse.GetRequiredValue(baseline)} and {parse.GetRequiredValue(interim)} cannot be compared: {CliException.Reason(e)}");
            }

            var report = new Report($"Scan '{from.Id}' ({from.Date:yyyy-MM-dd}) to '{to.Id}' ({to.Date:yyyy-MM-dd})");
            report.AddFacts("Overall",
                ("instrument", comparison.From.Instrument.Key),
                ("before %", comparison.Overall.Before),
                ("after %", comparison.Overall.After),
                ("change (points)", comparison.Overall.Delta),
                ("rating before", comparison.From.OverallRating?.ToString()),
                ("rating after", comparison.To.OverallRating?.ToString()),
                ("Value Maturity before", Level(ValueMaturityAssessment.Of(comparison.From))),
                ("Value Maturity after", Level(ValueMaturityAssessment.Of(comparison.To))));
            var areas = report.AddTable("Areas", ["area", "before %", "after %", "change"], primary: true);
            foreach (var a in comparison.Areas)
            {
                areas.Add(a.Id, a.Before, a.After, a.Delta);
            }

            var questions = report.AddTable("Questions (largest change first, then by id)", ["question", "before %", "after %", "change"]);
            foreach (var q in comparison.Questions.OrderByDescending(q => Math.Abs(q.Delta ?? 0)).ThenBy(q => q.Id, StringComparer.Ordinal))
            {
                questions.Add(q.Id, q.Before, q.After, q.Delta);
            }

            Commands.Render(parse, report, env);
            return ExitCodes.Ok;
        });

        var scan = new Command("scan", "Work with assessment scans (see 'usm scan compare --help').");
        scan.Subcommands.Add(compare);
        return scan;
    }

    private static string Level(ValueMaturityAssessment assessment) =>
        assessment.Level is { } level ? $"level {(int)level} ({level})" : "below level 1";

    private static Scan Read(string path)
    {
        var (text, _) = InputFiles.ReadAndDetect(path, InputKind.Scan);
        return InputFiles.Unwrap(path, UsmJson.ReadScan(text));
    }
}
