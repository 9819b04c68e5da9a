using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Usm.Cli.Inputs;
using Usm.Cli.Output;
using Usm.Model.Improvement;
using Usm.Model.Improvement.Simulation;

namespace Usm.Cli;

/// <summary>
/// <c>usm simulate</c>: a Monte Carlo simulation of a register's quantitative estimates
/// (<see cref="RiskSimulation.Run(IEnumerable{Risk}, RiskSimulationOptions?)"/>).
/// </summary>
internal static class SimulateCommand
{
    /// <summary>The percentiles every row shows; all of them are among the library's default kept levels.</summary>
    private static readonly (string Column, double Level)[] Percentiles = [("P5", 0.05), ("P10", 0.1), ("P50", 0.5), ("P90", 0.9), ("P95", 0.95)];

    public static Command Create(CliEnvironment env)
    {
        var register = new Argument<string>("REGISTER")
        {
            Description = "A risk register CSV or a risk-database JSON (told apart by content).",
        }.FileName();
        var iterations = new Option<int>("--iterations")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"The number of iterations, 1 to {RiskSimulationOptions.MaxIterations} (default {RiskSimulationOptions.DefaultIterations})."),
            HelpName = "N",
            DefaultValueFactory = _ => RiskSimulationOptions.DefaultIterations,
            CustomParser = r => ParseRules.WholeNumber(r, RiskSimulationOptions.DefaultIterations, 1, RiskSimulationOptions.MaxIterations) ?? RiskSimulationOptions.DefaultIterations,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"The seed, a whole number from 0 to {ulong.MaxValue} (default {RiskSimulationOptions.DefaultSeed}); the same seed gives the same output."),
            HelpName = "S",
            DefaultValueFactory = _ => RiskSimulationOptions.DefaultSeed,
            CustomParser = Seed,
        };
        var residual = new Option<bool>("--residual")
        {
            Description = "Draw each risk from its residual assessment's estimate where it has one (after the selected measure), else from its inherent one.",
        };
        var missing = new Option<MissingEstimatePolicy>("--missing")
        {
            Description = "What to do with an open risk without a quantitative estimate: skip (leave it out and list it; the default) or refuse (exit 2, naming it).",
            HelpName = "skip|refuse",
            DefaultValueFactory = _ => MissingEstimatePolicy.Skip,
            CustomParser = Missing,
        };
        var thresholds = new Option<double[]>("--threshold")
        {
            Description = "A loss amount (0 or more); the report gives the probability of a net loss greater than it. Repeatable.",
            HelpName = "X",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = Thresholds,
        };
        var command = new Command("simulate", "Simulate the open risks' quantitative estimates (Monte Carlo): the spread of the net value, the chance of a loss, and which risks make the range wide.");
        command.Arguments.Add(register);
        command.Options.Add(iterations);
        command.Options.Add(seed);
        command.Options.Add(residual);
        command.Options.Add(missing);
        command.Options.Add(thresholds);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(register);
            var policy = parse.GetValue(missing);
            var options = new RiskSimulationOptions(
                iterations: parse.GetValue(iterations),
                seed: parse.GetValue(seed),
                missingEstimates: policy,
                assessment: parse.GetValue(residual) ? SimulatedAssessment.Residual : SimulatedAssessment.Inherent);
            var loaded = env.WithProgress($"Loading {path}...", () => Register.Load(path, CliClock.For(parse, env)));
            var risks = loaded.SimulationRisks();
            var withoutEstimate = risks.Where(r => EstimateOf(r, options.Assessment) is null).ToList();
            if (policy == MissingEstimatePolicy.Refuse && withoutEstimate.Count > 0)
            {
                throw new CliException($"{path}: --missing refuse: risk '{withoutEstimate[0].Id}' has no quantitative estimate{WhereEstimatesAre(loaded)}; give it one, or leave it out with --missing skip.");
            }

            if (withoutEstimate.Count == risks.Count)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{path}: none of the {risks.Count} open risks has a quantitative estimate{WhereEstimatesAre(loaded)}, so there is nothing to simulate."));
            }

            RiskSimulationResult result;
            try
            {
                result = env.WithProgress(string.Create(CultureInfo.InvariantCulture, $"Simulating {risks.Count - withoutEstimate.Count} risks, {options.Iterations} iterations..."), () => RiskSimulation.Run(risks, options));
            }
            catch (ArgumentException e)
            {
                throw new CliException($"{path}: cannot simulate the register: {CliException.Reason(e)}");
            }

            var report = Build(path, loaded, result, parse.GetValue(thresholds) ?? []);
            Commands.Render(parse, report, env);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static QuantitativeEstimate? EstimateOf(Risk risk, SimulatedAssessment assessment) =>
        assessment == SimulatedAssessment.Residual && risk.Residual?.Estimate is { } residual ? residual : risk.Inherent?.Estimate;

    private static string WhereEstimatesAre(Register register) => register.Kind == InputKind.RegisterCsv
        ? $" (a CSV register gives one in the columns {Register.ProbabilityColumn} and {Register.ImpactColumn}, or {string.Join(", ", Register.ThreePointColumns)})"
        : " (its assessment has no estimate)";

    private static Report Build(string path, Register register, RiskSimulationResult result, IReadOnlyList<double> thresholds)
    {
        var residual = result.Options.Assessment == SimulatedAssessment.Residual;
        var report = new Report(string.Create(CultureInfo.InvariantCulture,
            $"{path}: Monte Carlo simulation, {result.Iterations} iterations, seed {result.Seed}, {(residual ? "residual" : "inherent")} estimates"));

        var ordered = result.Risks.OrderByDescending(r => r.VarianceShare).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var table = report.AddTable(
            "Simulated values: the net value, threats and opportunities apart, then each risk (largest share of the variance first) and the risks left out",
            ["scope", "id", "occurrence share", "mean", "expected value", "standard deviation", .. Percentiles.Select(p => p.Column), "variance share"],
            primary: true);
        var threats = result.Risks.Where(r => r.Polarity == RiskPolarity.Threat).ToList();
        var opportunities = result.Risks.Where(r => r.Polarity == RiskPolarity.Opportunity).ToList();
        AddRow(table, "net", null, null, result.Net, result.ExpectedValue, result.Risks.Sum(r => r.VarianceShare));
        AddRow(table, "threats", null, null, result.Threats, threats.Sum(r => r.ExpectedValue), threats.Sum(r => r.VarianceShare));
        AddRow(table, "opportunities", null, null, result.Opportunities, opportunities.Sum(r => r.ExpectedValue), opportunities.Sum(r => r.VarianceShare));
        foreach (var risk in ordered)
        {
            AddRow(table, risk.Polarity == RiskPolarity.Threat ? "threat" : "opportunity", risk.Id, risk.OccurrenceShare, risk.Summary, risk.ExpectedValue, risk.VarianceShare);
        }

        foreach (var (reason, ids) in new (string, IEnumerable<string>)[] { ("skipped: no estimate", result.SkippedWithoutEstimate), ("skipped: not open", register.EndedIds) })
        {
            foreach (var id in ids)
            {
                table.Add([reason, id, .. Enumerable.Repeat<object?>(null, table.Columns.Count - 2)]);
            }
        }

        var facts = new List<(string, object?)>
        {
            ("iterations", result.Iterations),
            ("seed", result.Seed.ToString(CultureInfo.InvariantCulture)),
            ("estimates", residual ? "residual where recorded, else inherent" : "inherent"),
            ("risks simulated", result.Risks.Length),
            ("threats, opportunities", string.Create(CultureInfo.InvariantCulture, $"{threats.Count}, {opportunities.Count}")),
            ("expected value (exact)", result.ExpectedValue),
            ("model standard deviation (exact)", result.ModelStandardDeviation),
            ("simulated mean", result.Net.Mean),
            ("standard error of the mean", result.Net.StandardError),
            ("smallest net value", result.Net.Minimum),
            ("largest net value", result.Net.Maximum),
            ("probability of a net loss (below 0)", result.ProbabilityBelow(0)),
        };
        foreach (var amount in thresholds)
        {
            facts.Add(($"probability of a net loss above {amount.ToString("R", CultureInfo.InvariantCulture)}", result.ProbabilityOfLossGreaterThan(amount)));
        }

        facts.Add(("skipped: no estimate", result.SkippedWithoutEstimate.Length));
        facts.Add(("skipped: not open", register.EndedIds.Count));
        report.AddFacts("Portfolio", facts);

        report.AddText("Explanation", result.Explanation);
        var notes = new List<string>
        {
            "Shares are fractions of the iterations (occurrence) or of the summed variance (contribution); percentiles are Hyndman and Fan's definition 7.",
        };
        if (register.Kind == InputKind.RegisterCsv)
        {
            notes.Add($"A CSV register's estimates come from its {Register.ProbabilityColumn} and {Register.ImpactColumn} columns (a single amount) or {string.Join(", ", Register.ThreePointColumns)} (a three-point impact, drawn from Beta-PERT).");
            if (residual)
            {
                notes.Add("A CSV register holds no residual estimates, so --residual draws every risk from its inherent estimate.");
            }
        }

        report.AddText("Notes", notes);
        return report;
    }

    private static void AddRow(ReportTable table, string scope, string? id, double? occurrence, SimulationSummary summary, double expected, double variance) =>
        table.Add([scope, id, occurrence, summary.Mean, expected, summary.StandardDeviation, .. Percentiles.Select(p => (object?)summary.Percentile(p.Level)), variance]);

    private static ulong Seed(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return RiskSimulationOptions.DefaultSeed;
        }

        var text = result.Tokens[^1].Value;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"--seed '{text}': use a whole number from 0 to {ulong.MaxValue}."));
        return RiskSimulationOptions.DefaultSeed;
    }

    private static MissingEstimatePolicy Missing(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "skip" : result.Tokens[^1].Value;
        switch (text)
        {
            case "skip":
                return MissingEstimatePolicy.Skip;
            case "refuse":
                return MissingEstimatePolicy.Refuse;
            default:
                result.AddError($"--missing '{text}': use skip or refuse.");
                return MissingEstimatePolicy.Skip;
        }
    }

    private static double[] Thresholds(ArgumentResult result)
    {
        var amounts = new List<double>();
        foreach (var token in result.Tokens)
        {
            if (!double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount < 0)
            {
                result.AddError($"--threshold '{token.Value}': use a loss amount, a number of 0 or more (a '.' for decimals).");
                continue;
            }

            if (!amounts.Contains(amount))
            {
                // -0 equals 0; keep it as 0, so that the report does not show "above -0".
                amounts.Add(amount == 0 ? 0 : amount);
            }
        }

        return [.. amounts];
    }
}
