using System.CommandLine;
using System.Globalization;
using Usm.Cli.Inputs;
using Usm.Cli.Output;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;

namespace Usm.Cli;

/// <summary><c>usm prioritise</c>, <c>usm plan-sprint</c> and <c>usm compare</c>: ranking a register.</summary>
internal static class RankingCommands
{
    private static Argument<string> RegisterArgument() => new Argument<string>("REGISTER")
    {
        Description = "A risk register CSV or a risk-database JSON (told apart by content).",
    }.FileName();

    private static Option<string> MethodOption(string defaultMethod) => new("--method")
    {
        Description = $"The ranking method: {string.Join(", ", MethodOptions.Names)} (default {defaultMethod}).",
        HelpName = "M",
        DefaultValueFactory = _ => defaultMethod,
    };

    private static Option<string?> DocumentOption(string kind, string reader) => new Option<string?>("--document")
    {
        Description = $"Also write the result as a Usm.Model JSON document of kind '{kind}' to FILE, which UsmJson.{reader} reads back.",
        HelpName = "FILE",
    }.FileName();

    public static Command Prioritise(CliEnvironment env)
    {
        var register = RegisterArgument();
        var method = new Option<string>("--method")
        {
            Description = $"The ranking method: {string.Join(", ", MethodOptions.Names)}.",
            HelpName = "M",
            Required = true,
        };
        var top = new Option<int?>("--top") { Description = "Show only the first K of the ranking (equal scores are ordered by id, as in the full ranking).", HelpName = "K", CustomParser = r => ParseRules.WholeNumber(r, null) };
        var document = DocumentOption("ranking", "ReadRanking");
        var command = new Command("prioritise", "Rank the open risks of a register with one method; each row has its rank, score and explanation.");
        command.Arguments.Add(register);
        command.Options.Add(method);
        command.Options.Add(top);
        command.Options.Add(document);
        MethodOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(register);
            var k = parse.GetValue(top);
            if (k is < 1)
            {
                throw new CliException($"--top {k}: K must be at least 1.");
            }

            CheckDocument(path, parse.GetValue(document));

            var m = MethodOptions.Create(parse.GetRequiredValue(method), parse);
            var label = MethodOptions.Label(parse.GetRequiredValue(method), m);
            var loaded = env.WithProgress($"Loading {path}...", () => Register.Load(path, CliClock.For(parse, env)));
            var ranking = env.WithProgress($"Ranking {loaded.Candidates.Count} risks with {label}...", () => MethodOptions.Rank(loaded, m, k));
            var report = new Report($"{path}: prioritised with {label}");
            var table = report.AddTable($"Ranking ({ranking.Count} of {loaded.Candidates.Count} open risks)", ["rank", "id", "score", "class", "explanation"], primary: true);
            foreach (var item in ranking.Items)
            {
                table.Add(item.Rank, item.Id, item.Score, item.Class, item.Explanation.ToString());
            }

            report.AddText(string.Empty, "Ranks are distinct: equal scores get consecutive ranks, in order of id (ordinal).");
            if (parse.GetValue(document) is { } file)
            {
                OutputFiles.Write(file, WriteDocument(path, file, () => UsmJson.WriteRanking(ranking)));
            }

            Commands.Render(parse, report, env);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command PlanSprint(CliEnvironment env)
    {
        var register = RegisterArgument();
        var method = MethodOption("emv");
        var capacity = new Option<int>("--capacity") { Description = "The sprint's capacity, in the same units as the risks' effort.", HelpName = "N", Required = true, CustomParser = r => ParseRules.WholeNumber(r, 0) ?? 0 };
        var coverage = new Option<bool>("--require-coverage") { Description = "Require the plan to cover people, process and technology together (exit code 1 when no plan within capacity can)." };
        var must = new Option<string?>("--must") { Description = "Risks the plan must include, comma-separated.", HelpName = "IDS" };
        var document = DocumentOption("sprint-selection", "ReadSprintSelection");
        var selector = new Option<string>("--selector")
        {
            Description = "How the sprint is chosen: score (the default: the most --method score within capacity) or promethee-v (PROMETHEE V: the best set by the PROMETHEE II net flows over --criteria).",
            HelpName = "score|promethee-v",
            DefaultValueFactory = _ => ScoreSelector,
            CustomParser = r => ParseRules.OneOf(r, ScoreSelector, [ScoreSelector, PrometheeVSelector]),
        };
        var flowValue = new Option<string>("--promethee-value")
        {
            Description = "How --selector promethee-v turns a net flow into a value: net-flow (the default, Brans and Mareschal's), shift-by-minimum or shift-by-one; only promethee-v reads it.",
            HelpName = "net-flow|shift-by-minimum|shift-by-one",
            DefaultValueFactory = _ => "net-flow",
            CustomParser = r => ParseRules.OneOf(r, "net-flow", [.. FlowValues.Keys]),
        };
        var command = new Command("plan-sprint", "Choose the open risks to address in the next sprint: the most value (the method's score) within capacity, exactly where feasible, with an explanation per risk.");
        command.Arguments.Add(register);
        command.Options.Add(capacity);
        command.Options.Add(method);
        command.Options.Add(coverage);
        command.Options.Add(must);
        command.Options.Add(document);
        command.Options.Add(selector);
        command.Options.Add(flowValue);
        MethodOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(register);
            var n = parse.GetValue(capacity);
            if (n < 0)
            {
                throw new CliException($"--capacity {n}: the capacity must be zero or more.");
            }

            if (parse.GetValue(selector) == PrometheeVSelector)
            {
                return PlanPrometheeV(parse, env, path, n, parse.GetResult(method) is { Implicit: false } ? parse.GetValue(method) : null, parse.GetValue(coverage), parse.GetValue(must), parse.GetValue(document), FlowValues[parse.GetValue(flowValue) ?? "net-flow"]);
            }

            CheckDocument(path, parse.GetValue(document));

            var m = MethodOptions.Create(parse.GetValue(method) ?? "emv", parse);
            var loaded = env.WithProgress($"Loading {path}...", () => Register.Load(path, CliClock.For(parse, env)));
            var ranking = MethodOptions.Rank(loaded, m);
            var mustIds = parse.GetValue(must) is { } list ? MethodOptions.ParseList(list, "--must") : [];
            foreach (var id in mustIds.Where(id => loaded.Candidates.IndexOf(id) < 0))
            {
                throw new CliException($"--must: '{id}' is not an open risk of {path}.");
            }

            var options = new SprintSelectOptions(n, requireResourceCoverage: parse.GetValue(coverage));
            SprintSelectResult result;
            try
            {
                // SprintSelectItem refuses an infinite value (RICE or ICE overflowing), SprintSelector a sum that overflows.
                var items = ranking.Items.Select(i => new SprintSelectItem(i.Id, i.Score, WholeEffort(loaded, i.Id), loaded.ResourcesOf(i.Id), mustIds.Contains(i.Id))).ToList();
                result = env.WithProgress($"Planning a sprint of capacity {n}...", () => SprintSelector.Select(items, options));
            }
            catch (ArgumentException e)
            {
                throw new CliException($"{path}: cannot plan a sprint with the {m.Name} scores as values: {CliException.Reason(e)}");
            }

            var report = new Report($"{path}: sprint plan, capacity {n}, value = {MethodOptions.Label(parse.GetValue(method) ?? "emv", m)} score");
            var table = report.AddTable("Decisions (selected first, then by value per effort)", ["id", "decision", "value", "effort", "value/effort", "why"], primary: true);
            foreach (var e in result.Explanations.OrderByDescending(e => e.IsSelected).ThenByDescending(e => e.Ratio).ThenBy(e => e.ItemId, StringComparer.Ordinal))
            {
                table.Add(e.ItemId, e.Decision.ToString(), e.Value, e.Effort, e.Ratio, Why(e, mustIds.Count > 0));
            }

            report.AddFacts("Plan",
                ("status", result.Status.ToString()),
                ("method", result.Method.ToString()),
                ("optimal", result.IsOptimal),
                ("selected", string.Join(", ", result.SelectedIds)),
                ("total effort", string.Create(CultureInfo.InvariantCulture, $"{result.TotalEffort} of {result.Capacity}")),
                ("total value", result.TotalValue),
                ("resources covered", string.Join(", ", result.CoveredResources)),
                ("coverage", result.IsCoverageRequired ? (result.IsCoverageMet ? "required, met" : "required, not met") : "not required"));
            if (!result.Reasons.IsEmpty)
            {
                report.AddText("Reasons", result.Reasons);
            }

            if (parse.GetValue(document) is { } file)
            {
                OutputFiles.Write(file, WriteDocument(path, file, () => UsmJson.WriteSprintSelection(result)));
            }

            Commands.Render(parse, report, env);
            // A plan that misses a required coverage is reported like an infeasible one: the constraint asked for cannot be met.
            if (!result.IsFeasible || (result.IsCoverageRequired && !result.IsCoverageMet))
            {
                env.Error.WriteLine("usm: no feasible plan: " + (result.Reasons.IsEmpty ? "the constraints cannot all be met." : string.Join("; ", result.Reasons)));
                return ExitCodes.Findings;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private const string ScoreSelector = "score";

    private const string PrometheeVSelector = "promethee-v";

    private static readonly IReadOnlyDictionary<string, PrometheeVValue> FlowValues = new Dictionary<string, PrometheeVValue>(StringComparer.Ordinal)
    {
        ["net-flow"] = PrometheeVValue.NetFlow,
        ["shift-by-minimum"] = PrometheeVValue.ShiftByMinimum,
        ["shift-by-one"] = PrometheeVValue.ShiftByOne,
    };

    /// <summary>
    /// <c>plan-sprint --selector promethee-v</c>: PROMETHEE V (<see cref="PrometheeV.Select(CandidateSet, PrometheeMethod, IReadOnlyList{PrometheeVItem}, SprintSelectOptions, PrometheeVValue)"/>)
    /// over the PROMETHEE II net flows of <c>--criteria</c>, with the same capacity, coverage and must-include rules and
    /// the same report shape as the score selector.
    /// </summary>
    private static int PlanPrometheeV(ParseResult parse, CliEnvironment env, string path, int n, string? methodName, bool coverage, string? must, string? document, PrometheeVValue value)
    {
        if (methodName is not null && !string.Equals(methodName, "promethee", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"--selector promethee-v chooses by PROMETHEE net flows; --method {methodName} cannot be used with it (leave --method out, or give --method promethee).");
        }

        if (document is not null)
        {
            throw new CliUsageException("--document is not offered with --selector promethee-v: a sprint-selection document records the selector's own values, not PROMETHEE V's net flows.");
        }

        var m = (PrometheeMethod)MethodOptions.Create("promethee", parse);
        var loaded = env.WithProgress($"Loading {path}...", () => Register.Load(path, CliClock.For(parse, env)));
        // As for every method on a CSV register: a criterion without a column would be 0 for every risk.
        if (loaded.ColumnCriteria is { } columns && MethodOptions.ReadCriteria(m).Where(c => !columns.Contains(c)).ToList() is { Count: > 0 } missing)
        {
            throw new CliException($"{path}: {m.Name} reads {string.Join(", ", missing.Select(c => $"'{c}'"))}, but the register has no column for {(missing.Count == 1 ? "it" : "them")} (every risk would score 0); add the column{(missing.Count == 1 ? string.Empty : "s")} or point the method elsewhere with --criteria.");
        }

        var mustIds = must is { } list ? MethodOptions.ParseList(list, "--must") : [];
        foreach (var id in mustIds.Where(id => loaded.Candidates.IndexOf(id) < 0))
        {
            throw new CliException($"--must: '{id}' is not an open risk of {path}.");
        }

        var options = new SprintSelectOptions(n, requireResourceCoverage: coverage);
        PrometheeVResult result;
        try
        {
            var items = loaded.Candidates.Ids.Select(id => new PrometheeVItem(id, WholeEffort(loaded, id), loaded.ResourcesOf(id), mustIds.Contains(id))).ToList();
            result = env.WithProgress($"Planning a sprint of capacity {n} by PROMETHEE V...", () => PrometheeV.Select(loaded.Candidates, m, items, options, value));
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{path}: cannot plan a sprint by PROMETHEE V: {CliException.Reason(e)}");
        }

        var report = new Report(string.Create(CultureInfo.InvariantCulture, $"{path}: sprint plan, capacity {n}, PROMETHEE V over the {m.Name} net flows, value = {FlowValues.Single(v => v.Value == value).Key}"));
        var table = report.AddTable("Decisions (selected first, then by PROMETHEE II rank)", ["id", "decision", "net flow", "rank", "value", "effort", "why"], primary: true);
        foreach (var e in result.Explanations.OrderByDescending(e => e.IsSelected).ThenBy(e => e.Rank).ThenBy(e => e.ItemId, StringComparer.Ordinal))
        {
            // The summary repeats φ, rank, value and effort before "; in: …" or "; out: …"; the columns already show them.
            var cut = e.Summary.IndexOf("; ", StringComparison.Ordinal);
            table.Add(e.ItemId, e.Decision.ToString(), e.NetFlow, e.Rank, e.Value, e.Effort, cut >= 0 ? e.Summary[(cut + 2)..] : e.Summary);
        }

        var selection = result.Selection;
        report.AddFacts("Plan",
            ("status", result.Status.ToString()),
            ("method", "PROMETHEE V, " + selection.Method.ToString()),
            ("optimal", result.IsOptimal ? "yes" : "not proven optimal"),
            ("selected", string.Join(", ", result.SelectedIds)),
            ("total effort", string.Create(CultureInfo.InvariantCulture, $"{result.TotalEffort} of {selection.Capacity}")),
            ("objective", result.Objective),
            ("net flow total", result.NetFlowTotal),
            ("value mapping", result.ValueMapping.ToString()),
            ("negative flows taken", result.ValueClampedIds.IsEmpty ? "none" : string.Join(", ", result.ValueClampedIds)),
            ("resources covered", string.Join(", ", selection.CoveredResources)),
            ("coverage", selection.IsCoverageRequired ? (selection.IsCoverageMet ? "required, met" : "required, not met") : "not required"));
        if (!result.Reasons.IsEmpty)
        {
            report.AddText("Reasons", result.Reasons);
        }

        Commands.Render(parse, report, env);
        if (!result.IsFeasible || (selection.IsCoverageRequired && !selection.IsCoverageMet))
        {
            env.Error.WriteLine("usm: no feasible plan: " + (result.Reasons.IsEmpty ? "the constraints cannot all be met." : string.Join("; ", result.Reasons)));
            return ExitCodes.Findings;
        }

        return ExitCodes.Ok;
    }

    public static Command Compare(CliEnvironment env)
    {
        var register = RegisterArgument();
        var methods = new Option<string>("--methods")
        {
            Description = $"Two or more methods, comma-separated: {string.Join(", ", MethodOptions.Names)}.",
            HelpName = "M1,M2[,...]",
            Required = true,
        };
        var command = new Command("compare", "Rank a register with several methods: the rankings side by side, Spearman's rho and Kendall's tau-b between each pair, and a rank-reversal probe per method.");
        command.Arguments.Add(register);
        command.Options.Add(methods);
        MethodOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(register);
            var names = MethodOptions.ParseList(parse.GetRequiredValue(methods), "--methods");
            if (names.Count < 2)
            {
                throw new CliException($"--methods {string.Join(",", names)}: name at least two methods to compare.");
            }

            if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                throw new CliException($"--methods: '{repeated.Key}' is named twice.");
            }

            var methodsBuilt = names.Select(name => MethodOptions.Create(name, parse)).ToList();
            var labels = names.Select((name, i) => MethodOptions.Label(name, methodsBuilt[i])).ToList();
            var built = methodsBuilt;
            var loaded = env.WithProgress($"Loading {path}...", () => Register.Load(path, CliClock.For(parse, env)));
            if (loaded.Candidates.Count < 2)
            {
                throw new CliException($"{path}: the register has {loaded.Candidates.Count} open risk; compare needs at least two open risks to compare rankings.");
            }

            var rankings = env.WithProgress($"Ranking {loaded.Candidates.Count} risks {built.Count} ways...", () => built.Select(m => MethodOptions.Rank(loaded, m)).ToList());
            var report = new Report($"{path}: {string.Join(" vs ", labels)}");

            var side = report.AddTable($"Ranks (ordered by {labels[0]})", ["id", .. labels], primary: true);
            foreach (var item in rankings[0].Items)
            {
                side.Add([item.Id, .. rankings.Select(r => (object?)r.RankOf(item.Id))]);
            }

            foreach (var (title, measure) in new (string, Func<Ranking, Ranking, double>)[] { ("Spearman's rho", RankCorrelation.Spearman), ("Kendall's tau-b", RankCorrelation.KendallTauB) })
            {
                var matrix = report.AddTable(title + " (1 = same order, -1 = reversed)", ["method", .. labels]);
                for (var i = 0; i < rankings.Count; i++)
                {
                    var row = i;
                    matrix.Add([labels[i], .. rankings.Select(r => (object?)measure(rankings[row], r))]);
                }
            }

            // Removing an alternative should not reorder the others; methods that normalise by the column (SAW, TOPSIS) can.
            var probes = report.AddTable("Rank-reversal probe: remove the best and the worst risk, rank again, count the pairs of the others that flip", ["method", "removed", "pairs that flip", "example"]);
            for (var i = 0; i < built.Count && loaded.Candidates.Count >= 3; i++)
            {
                foreach (var removed in new[] { rankings[i].Items[0].Id, rankings[i].Items[^1].Id })
                {
                    var probe = RankReversal.ProbeRemoval(loaded.Candidates, built[i], removed);
                    var example = probe.FlippedPairs.IsEmpty ? "-" : $"{probe.FlippedPairs[0].RankedHigherBefore} was above {probe.FlippedPairs[0].RankedHigherAfter}, now below";
                    probes.Add(labels[i], removed, probe.FlippedPairs.Length, example);
                }
            }

            Commands.Render(parse, report, env);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Refuses a <c>--document</c> file that is the register itself, before anything is read or written.</summary>
    private static void CheckDocument(string register, string? document)
    {
        if (document is not null)
        {
            Files.CheckNotSame(register, document, "--document");
        }
    }

    /// <summary>Writes a result document, turning the library's refusal (a score JSON cannot hold) into an input error.</summary>
    private static string WriteDocument(string register, string file, Func<string> write)
    {
        try
        {
            return write();
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{register}: cannot write the document {file}: {CliException.Reason(e)}");
        }
    }

    private static int WholeEffort(Register register, string id)
    {
        var effort = register.Candidates[register.Candidates.IndexOf(id)].Effort;
        if (effort < 0 || effort != Math.Floor(effort) || effort > int.MaxValue)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{register.Path}: risk '{id}' has effort {effort}; sprint planning needs a whole number of zero or more."));
        }

        return (int)effort;
    }

    // The CLI gives no prerequisites, so TooLarge means larger than the capacity the must-include risks leave.
    private static string Why(SprintSelectExplanation e, bool anyMust) => e.IsSelected
        ? e.Decision == SprintSelectDecision.MustInclude ? "must be included" : "selected"
        : e.Decision == SprintSelectDecision.TooLarge
            ? anyMust ? "larger than the capacity left after the must-include risks" : "larger than the whole capacity"
            : e.CapacityShortfall > 0
                ? string.Create(CultureInfo.InvariantCulture, $"needs {e.CapacityShortfall} more capacity than is left{(e.Displaced.IsEmpty ? string.Empty : "; would displace " + string.Join(", ", e.Displaced))}")
                : e.Displaced.IsEmpty ? "left out" : "would displace " + string.Join(", ", e.Displaced);
}
