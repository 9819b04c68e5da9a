using System.CommandLine;
using System.Globalization;
using Usm.Cli.Demo;
using Usm.Cli.Output;
using Usm.Cli.Svg;
using Usm.Model;
using Usm.Model.Assessment;

namespace Usm.Cli;

/// <summary>The <c>usm demo</c> command: the whole USM loop on the sample organisation.</summary>
internal static class DemoCommand
{
    public static readonly Option<string?> OutOption = new Option<string?>("--out")
    {
        Description = "Also write the artefacts (JSON, CSV, SVG, Markdown report) to this folder.",
        HelpName = "DIR",
    }.FileName();

    public static readonly Option<string?> SvgOption = new Option<string?>("--svg")
    {
        Description = "Write only the pictures (heatmap.svg: risk heat map; burnup.svg: sprint burn-up with exposure) to this folder.",
        HelpName = "DIR",
    }.FileName();

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("demo", "Run the whole USM loop on the sample organisation that ships with the library: validate, readiness, baseline scan, gaps as risks, prioritise two ways, plan the next sprint.");
        command.Options.Add(OutOption);
        command.Options.Add(SvgOption);
        command.SetAction(parse =>
        {
            var scenario = env.WithProgress("Running the USM loop on the sample organisation...", DemoScenario.Run);
            var report = BuildReport(scenario);
            Commands.Render(parse, report, env);
            // Both folders' files are put in place together, after all of them are written (OutputFiles).
            var files = new OutputFiles();
            var written = new List<(string Folder, IReadOnlyList<string> Names)>();
            if (parse.GetValue(OutOption) is { } folder)
            {
                written.Add((folder, DemoArtefacts.Add(files, folder, scenario, report)));
            }

            if (parse.GetValue(SvgOption) is { } svgFolder)
            {
                written.Add((svgFolder, DemoArtefacts.AddSvg(files, svgFolder, scenario)));
            }

            files.Commit();
            foreach (var (into, names) in written)
            {
                env.Error.WriteLine($"usm: wrote {names.Count} files to {into}: {string.Join(", ", names)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Report BuildReport(DemoScenario s)
    {
        var report = new Report($"USM demo: {s.System.Name}");
        report.AddText(string.Empty,
            "The USM loop on the sample organisation that ships with the library (Usm.Model.ManagementSystem.SampleOrganisation).",
            "Steps: 1 validate the system, 2 check readiness, 3 baseline scan, 4 scan gaps as risks, 5 prioritise two ways, 6 plan the next sprint.");

        // 1
        var errors = s.SystemFindings.Findings.Count(f => f.Severity == FindingSeverity.Error);
        var nonconforming = s.RoutineChecks.Count(c => !c.Report.IsConforming);
        report.AddFacts("1. The service management system",
            ("organisation", s.System.Name),
            ("disciplines", string.Join(", ", s.System.Disciplines)),
            ("services / agreements / people", $"{s.System.Services.Length} / {s.System.Agreements.Length} / {s.System.People.Length}"),
            ("managed infrastructure components", s.System.Mir?.Count ?? 0),
            ("validation findings (USM-SMS-*)", s.SystemFindings.Findings.Length),
            ("of which errors", errors),
            ("routines checked for conformance", s.RoutineChecks.Length),
            ("routines with conformance errors", nonconforming),
            ("patterns covered by a conforming routine", string.Join(" ", s.RoutineChecks.Where(c => c.Report.IsConforming).SelectMany(c => c.Routine.Patterns).Distinct().OrderBy(p => p.Number).Select(p => p.Code))));

        // 2
        var readiness = report.AddTable("2. Readiness: the 10 prerequisites", ["#", "prerequisite", "status", "reason"]);
        foreach (var r in s.Readiness.Results)
        {
            readiness.Add((int)r.Prerequisite, r.Prerequisite.ToString(), r.Status.ToString(), string.Join(" ", r.Reasons));
        }

        report.AddText(string.Empty, $"Ready to start: {(s.Readiness.IsReady ? "yes" : "no")} ({s.Readiness.Count(ReadinessStatus.Satisfied)} of 10 satisfied).");

        // 3
        var areas = report.AddTable($"3. Baseline scan '{s.Baseline.ScanId}' ({s.Baseline.Date:yyyy-MM-dd}, instrument {s.Baseline.Instrument.Key})", ["area", "score %", "rating"]);
        foreach (var a in s.Baseline.Areas)
        {
            areas.Add(a.Area.Name, a.Score, a.Rating?.ToString());
        }

        areas.Add("overall", s.Baseline.Overall, s.Baseline.OverallRating?.ToString());
        report.AddText(string.Empty,
            $"Value Maturity: {(s.Maturity.Level is { } level ? $"level {(int)level} ({level})" : "below level 1")}; derived strategy: {s.Maturity.Strategy}.");

        // 4
        var risks = report.AddTable($"4. Scan gaps registered as improvement risks ({s.Database.Count} in the risk database)", ["risk", "title", "resources", "effect", "likelihood", "class", "expected value", "effort"], primary: true);
        foreach (var r in s.Database.Risks.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            risks.Add(r.Id, r.Title.Length <= 60 ? r.Title : r.Title[..57] + "...", string.Join("+", r.Resources), DemoScenario.Effects.NameOf(r.Inherent!.Effect), DemoScenario.Likelihoods.NameOf(r.Inherent.Likelihood),
                s.Matrix.ClassNameOf(r.Inherent), r.SignedExpectedValue, r.Effort);
        }

        // 5
        var second = s.SecondRanking.ToDictionary(p => p.RiskId, StringComparer.Ordinal);
        var ranks = report.AddTable($"5. Prioritised two ways: the agreed mechanism ({s.Programme.Agreement!.Mechanism.Name}, agreed {s.Programme.Agreement.AgreedOn:yyyy-MM-dd}) and {s.SecondMethodName}", ["risk", "agreed rank", "agreed score", s.SecondMethodName + " rank", "difference"]);
        foreach (var p in s.AgreedRanking)
        {
            var o = second[p.RiskId];
            ranks.Add(p.RiskId, p.Rank, p.Score, o.Rank, o.Rank - p.Rank);
        }

        report.AddText(string.Empty, string.Create(CultureInfo.InvariantCulture,
            $"Agreement between the two rankings: Spearman's rho = {s.Spearman:0.000}, Kendall's tau-b = {s.KendallTauB:0.000} (1 = identical order, -1 = reversed)."));

        // 6
        var sel = s.Selection;
        var plan = report.AddTable($"6. The next improvement sprint ({DemoScenario.SprintPeriod.Start:yyyy-MM-dd} to {DemoScenario.SprintPeriod.End:yyyy-MM-dd}, capacity {sel.Capacity})", ["risk", "decision", "value", "effort", "value/effort", "why"]);
        // All chosen items, then the eight best left out by value per effort (the full list is in --format json).
        var chosen = sel.Explanations.Where(e => e.IsSelected).OrderBy(e => e.ItemId, StringComparer.Ordinal);
        var leftOut = sel.Explanations.Where(e => !e.IsSelected).OrderByDescending(e => e.Ratio).ThenBy(e => e.ItemId, StringComparer.Ordinal).ToList();
        foreach (var e in chosen.Concat(leftOut.Take(8)))
        {
            plan.Add(e.ItemId, e.Decision.ToString(), e.Value, e.Effort, e.Ratio, Why(e));
        }

        var sprint = s.Programme.Sprint(1);
        report.AddText(string.Empty,
            string.Create(CultureInfo.InvariantCulture, $"Selected {sel.SelectedIds.Length} improvements ({Math.Max(0, leftOut.Count - 8)} more left out are not listed), effort {sel.TotalEffort} of {sel.Capacity}, value {sel.TotalValue:0}; method {sel.Method}, optimal: {(sel.IsOptimal ? "yes" : "no")}."),
            $"Resources covered: {string.Join(", ", sel.CoveredResources)} (people, process and technology required together: {(sel.IsCoverageMet ? "met" : "not met")}).",
            sprint.Findings.Findings.IsEmpty ? "The planned sprint has no findings." : "Sprint findings: " + string.Join("; ", sprint.Findings.Findings.Select(f => f.RuleId + " " + f.Message)));
        return report;
    }

    private static string Why(Usm.Model.Prioritisation.SprintSelectExplanation e) => e.IsSelected
        ? "selected"
        : e.CapacityShortfall > 0
            ? string.Create(CultureInfo.InvariantCulture, $"needs {e.CapacityShortfall} more capacity than is left{(e.Displaced.IsEmpty ? string.Empty : "; would displace " + string.Join(", ", e.Displaced))}")
            : e.Displaced.IsEmpty ? "left out" : "would displace " + string.Join(", ", e.Displaced);

    public static void AddProcessModel(Report report)
    {
        var processes = report.AddTable("The 5 processes", ["process", "code", "Dutch", "triggered by", "hands off to"]);
        foreach (var process in UsmProcesses.All)
        {
            var info = UsmProcesses.Info(process);
            var targets = info.HandOffTargets.IsEmpty ? "-" : string.Join(", ", info.HandOffTargets);
            processes.Add(info.EnglishName, info.Code, info.DutchName, Words(info.Trigger), targets);
        }

        var patterns = report.AddTable("The 8 workflow patterns", ["pattern", "name", "trigger", "kind", "process sequence"]);
        foreach (var pattern in WorkflowPattern.All)
        {
            patterns.Add(pattern.Code, pattern.EnglishName, Words(pattern.Trigger), pattern.Kind.ToString(), string.Join(" → ", pattern.Processes));
        }
    }

    public static string Words(CallType callType) => callType switch
    {
        CallType.ChangeRequest => "change request",
        CallType.ServiceRequest => "service request",
        _ => callType.ToString().ToLowerInvariant(),
    };
}
