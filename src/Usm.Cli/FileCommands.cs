using System.CommandLine;
using NodaTime.Text;
using Usm.Cli.Inputs;
using Usm.Cli.Output;
using Usm.Model;
using Usm.Model.Conformance;
using Usm.Model.Improvement;
using Usm.Model.Serialization;

namespace Usm.Cli;

/// <summary><c>usm validate</c>, <c>usm convert</c> and <c>usm schema</c>: working with the interchange files.</summary>
internal static class FileCommands
{
    public static Command Validate(CliEnvironment env)
    {
        var file = new Argument<string>("FILE") { Description = "A management-system JSON, a USM-WIF workflow, a library workflow JSON, a risk-database JSON, a risk register CSV, a scan or an instrument JSON." }.FileName();
        var command = new Command("validate", "Read a file and report its validation and conformance findings. Exit code 0: no findings; 1: findings; 2: the file cannot be read.");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            var (text, kind) = env.WithProgress($"Reading {path}...", () => InputFiles.ReadAndDetect(path));
            var findings = new List<(string Source, Finding Finding)>();
            var facts = new List<(string, object?)> { ("file", path), ("kind", InputFiles.Name(kind)) };
            switch (kind)
            {
                case InputKind.ManagementSystem:
                    var system = InputFiles.Unwrap(path, UsmJson.ReadManagementSystem(text));
                    findings.AddRange(system.Validate().Findings.Select(f => ("system", f)));
                    var options = new ConformanceOptions(system.Profiles.Select(p => p.Id));
                    foreach (var routine in system.Routines)
                    {
                        findings.AddRange(ConformanceChecker.Check(routine, options).Findings.Select(f => ("routine " + routine.Id, f)));
                    }

                    facts.Add(("organisation", system.Name));
                    facts.Add(("routines checked", system.Routines.Length));
                    break;
                case InputKind.Wif:
                    var imported = InputFiles.Unwrap(path, UsmWif.Import(text));
                    findings.AddRange(imported.Findings.Findings.Select(f => ("import", f)));
                    findings.AddRange(imported.Conformance.Findings.Select(f => ("workflow " + imported.Workflow.Id, f)));
                    facts.Add(("workflow", imported.Workflow.Id));
                    break;
                case InputKind.Workflow:
                    var workflow = InputFiles.Unwrap(path, UsmJson.ReadWorkflow(text));
                    findings.AddRange(ConformanceChecker.Check(workflow).Findings.Select(f => ("workflow " + workflow.Id, f)));
                    facts.Add(("workflow", workflow.Id));
                    break;
                case InputKind.RiskDatabase:
                    var database = InputFiles.Unwrap(path, UsmJson.ReadRiskDatabase(text, CliClock.For(parse, env)));
                    facts.Add(("risks", database.Count));
                    break;
                case InputKind.Scan:
                    var scan = InputFiles.Unwrap(path, UsmJson.ReadScan(text));
                    facts.Add(("scan", $"{scan.Id} ({scan.Date:yyyy-MM-dd})"));
                    break;
                case InputKind.Instrument:
                    var instrument = InputFiles.Unwrap(path, UsmJson.ReadInstrument(text));
                    facts.Add(("instrument", instrument.Key));
                    break;
                default:
                    var risks = InputFiles.Unwrap(path, RiskRegisterCsv.Import(text));
                    facts.Add(("risks", risks.Count));
                    break;
            }

            facts.Add(("findings", findings.Count));
            facts.Add(("errors", findings.Count(f => f.Finding.Severity == FindingSeverity.Error)));
            var report = new Report($"Validation of {path}");
            report.AddFacts("Summary", facts);
            var table = report.AddTable("Findings", ["severity", "rule", "source", "path", "message"], primary: true);
            foreach (var (source, f) in findings)
            {
                table.Add(f.Severity.ToString(), f.RuleId, source, f.Path, f.Message);
            }

            Commands.Render(parse, report, env);
            return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    public static Command Convert(CliEnvironment env)
    {
        var input = new Argument<string>("IN") { Description = "The file to convert: a risk register CSV, a risk-database JSON, a USM-WIF workflow or a library workflow JSON." }.FileName();
        var output = new Argument<string>("OUT") { Description = "The file to write; its extension picks the format: .csv, .workflow.json (USM-WIF) or .json (the library's format)." }.FileName();
        var command = new Command("convert", "Convert a risk register CSV to and from a risk-database JSON, or a USM-WIF workflow to and from the library's workflow JSON.");
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(CliClock.NowOption);
        command.SetAction(parse =>
        {
            var inPath = parse.GetRequiredValue(input);
            var outPath = parse.GetRequiredValue(output);
            var clock = CliClock.For(parse, env);
            var fixedAt = clock.Fixed; // a malformed SOURCE_DATE_EPOCH is refused before anything is read or written
            Files.CheckNotSame(inPath, outPath, "OUT");
            var (text, kind) = InputFiles.ReadAndDetect(inPath);
            var target = TargetOf(outPath);
            if (target == InputKind.Workflow && kind is InputKind.RegisterCsv or InputKind.RiskDatabase)
            {
                target = InputKind.RiskDatabase; // a .json for a register is the risk database
            }

            string written;
            int items;
            var notes = new List<string>();
            switch (kind, target)
            {
                case (InputKind.RegisterCsv, InputKind.RiskDatabase):
                    var risks = InputFiles.Unwrap(inPath, RiskRegisterCsv.Import(text));
                    // Related risks first: a row may relate to a risk further down (an export sorts rows by id).
                    // RegisterAll reads the clock once: every risk is registered at the same instant.
                    var database = new RiskDatabase(clock).RegisterAll(risks, ConvertActor);

                    written = UsmJson.WriteRiskDatabase(database);
                    items = risks.Count;
                    var at = database.LastChanged is { } last ? InstantPattern.ExtendedIso.Format(last) : "-";
                    var source = fixedAt?.Source ?? $"the current time; --now or {CliClock.SourceDateEpoch} fixes it";
                    notes.Add($"Each risk is registered at {at} ({source}) by actor '{ConvertActor}'; the CSV's state columns are not events and are not carried over.");
                    break;
                case (InputKind.RiskDatabase, InputKind.RegisterCsv):
                    var read = InputFiles.Unwrap(inPath, UsmJson.ReadRiskDatabase(text, clock));
                    written = RiskRegisterCsv.Export(read.Risks);
                    items = read.Count;
                    notes.Add("The CSV holds each risk's identity and current state; the event history stays in the JSON.");
                    break;
                case (InputKind.Wif, InputKind.Workflow):
                    var imported = InputFiles.Unwrap(inPath, UsmWif.Import(text));
                    written = UsmJson.WriteWorkflow(imported.Workflow);
                    items = imported.Workflow.AllSteps.Count();
                    notes.Add($"Import findings: {imported.Findings.Findings.Length}; conformance findings: {imported.Conformance.Findings.Length} (see 'usm validate').");
                    break;
                case (InputKind.Workflow, InputKind.Wif):
                    var workflow = InputFiles.Unwrap(inPath, UsmJson.ReadWorkflow(text));
                    written = UsmWif.Export(workflow);
                    items = workflow.AllSteps.Count();
                    break;
                default:
                    throw new CliException($"cannot convert {inPath} ({InputFiles.Name(kind)}) to {outPath} ({(target == InputKind.Unknown ? "unknown extension" : InputFiles.Name(target))}): use CSV ↔ risk-database JSON (.csv/.json) or USM-WIF ↔ library workflow JSON (.workflow.json/.json).");
            }

            OutputFiles.Write(outPath, written);
            var report = new Report($"Converted {inPath} to {outPath}");
            report.AddFacts("Conversion", ("from", InputFiles.Name(kind)), ("to", InputFiles.Name(target)), (kind is InputKind.Wif or InputKind.Workflow ? "steps" : "risks", items), ("characters written", written.Length));
            if (notes.Count > 0)
            {
                report.AddText(string.Empty, notes);
            }

            Commands.Render(parse, report, env);
            return ExitCodes.Ok;
        });
        return command;
    }

    public const string ConvertActor = "usm-convert";

    private static InputKind TargetOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.EndsWith(UsmWif.WorkflowFileExtension, StringComparison.Ordinal) ? InputKind.Wif
            : name.EndsWith(".csv", StringComparison.Ordinal) ? InputKind.RegisterCsv
            : name.EndsWith(".json", StringComparison.Ordinal) ? InputKind.Workflow
            : InputKind.Unknown;
    }

    /// <summary>The schema kinds by their document name (the <c>kind</c> member of each document).</summary>
    public static readonly IReadOnlyDictionary<string, UsmDocumentKind> SchemaKinds = new SortedDictionary<string, UsmDocumentKind>(StringComparer.Ordinal)
    {
        ["management-system"] = UsmDocumentKind.ManagementSystem,
        ["risk-database"] = UsmDocumentKind.RiskDatabase,
        ["workflow"] = UsmDocumentKind.Workflow,
        ["scan"] = UsmDocumentKind.Scan,
        ["instrument"] = UsmDocumentKind.Instrument,
        ["improvement-programme"] = UsmDocumentKind.ImprovementProgramme,
        ["ranking"] = UsmDocumentKind.Ranking,
        ["ahp-result"] = UsmDocumentKind.AhpResult,
        ["ahp-synthesis"] = UsmDocumentKind.AhpSynthesis,
        ["borda-result"] = UsmDocumentKind.BordaResult,
        ["schulze-result"] = UsmDocumentKind.SchulzeResult,
        ["sprint-selection"] = UsmDocumentKind.SprintSelection,
        ["kano-survey"] = UsmDocumentKind.KanoSurvey,
        ["pairwise-comparisons"] = UsmDocumentKind.PairwiseComparisons,
        ["ranked-ballots"] = UsmDocumentKind.RankedBallots,
        ["kano-result"] = UsmDocumentKind.KanoResult,
        ["bradley-terry-result"] = UsmDocumentKind.BradleyTerryResult,
        ["plackett-luce-result"] = UsmDocumentKind.PlackettLuceResult,
        ["electre-result"] = UsmDocumentKind.ElectreResult,
        ["pareto-result"] = UsmDocumentKind.ParetoResult,
    };

    public static Command Schema(CliEnvironment env)
    {
        var kind = new Option<string>("--kind")
        {
            Description = "The document kind: " + string.Join(", ", SchemaKinds.Keys) + " (default management-system).",
            HelpName = "K",
            DefaultValueFactory = _ => "management-system",
        };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of one of the library's document kinds. The schema is JSON whatever --format says.");
        command.Options.Add(kind);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(kind) ?? "management-system";
            var documentKind = SchemaKinds.TryGetValue(name, out var k) ? k
                : throw new CliException($"--kind '{name}': use one of {string.Join(", ", SchemaKinds.Keys)}.");
            env.Out.WriteLine(UsmJson.GetSchema(documentKind));
            return ExitCodes.Ok;
        });
        return command;
    }
}
