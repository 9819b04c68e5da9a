using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Usm.Model.Prioritisation;

namespace Usm.Cli.Inputs;

/// <summary>
/// The ranking methods the commands accept by name, and the options that parameterise them. Each method reads named
/// criteria of the <see cref="Register"/>'s candidates; <c>--map ROLE=CRITERION</c> points a role at another criterion
/// (for example a CSV column).
/// </summary>
internal static class MethodOptions
{
    public static readonly ImmutableArray<string> Names =
        ["risk-matrix", "emv", "saw", "topsis", "wsjf", "cd3", "rice", "ice-average", "ice-product", "ahp",
         "simplerisk-classic", "simplerisk-cvss", "simplerisk-dread", "simplerisk-owasp", "simplerisk-contributing",
         "wpm", "waspas", "vikor", "promethee",
         "edas", "codas", "copras", "aras", "mabac", "multimoora"];

    /// <summary>The roles and the criterion each reads by default.</summary>
    public static readonly ImmutableSortedDictionary<string, string> DefaultRoles = new Dictionary<string, string>
    {
        ["effect"] = RiskCandidates.Effect,
        ["likelihood"] = RiskCandidates.Likelihood,
        ["probability"] = RiskCandidates.Probability,
        ["impact"] = RiskCandidates.Impact,
        ["value"] = RiskCandidates.ExpectedValue,
        ["reach"] = Register.ResourcesCriterion,
        ["confidence"] = RiskCandidates.Probability,
        ["ease"] = Register.EaseCriterion,
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public const string DefaultCriteria = "expected-value=2,likelihood=1,cost:effort=1";

    public const string DefaultComponents = "effect,likelihood";

    public static readonly Option<string[]> Map = new("--map")
    {
        Description = "Point a method's role at another criterion or CSV column, ROLE=CRITERION (roles: " + string.Join(", ", DefaultRoles.Keys) + "). Repeatable.",
        HelpName = "ROLE=CRITERION",
        AllowMultipleArgumentsPerToken = false,
        Recursive = true,
    };

    public static readonly Option<string> Criteria = new("--criteria")
    {
        Description = "Weighted criteria for saw, topsis, wpm, waspas, vikor, promethee, edas, codas, copras, aras, mabac and multimoora: NAME=WEIGHT, with a 'cost:' prefix for criteria where lower is better.",
        HelpName = "LIST",
        DefaultValueFactory = _ => DefaultCriteria,
        Recursive = true,
    };

    public static readonly Option<string> Components = new("--components")
    {
        Description = "Cost-of-delay components for wsjf (summed, then divided by effort).",
        HelpName = "LIST",
        DefaultValueFactory = _ => DefaultComponents,
        Recursive = true,
    };

    /// <summary>The fewest levels a risk-matrix scale may have on the command line.</summary>
    public const int MinLevels = 2;

    /// <summary>The most levels a risk-matrix scale may have on the command line (the class table has levels × levels cells).</summary>
    public const int MaxLevels = 100;

    /// <summary>The most priority classes of a risk matrix on the command line.</summary>
    public const int MaxClasses = 100;

    public static readonly Option<int> EffectLevels = new("--effect-levels")
    {
        Description = "Number of effect levels of the risk matrix's scale (the impact scale of the simplerisk methods), 2 to 100 (default 5).",
        HelpName = "N",
        DefaultValueFactory = _ => 5,
        CustomParser = r => ParseRules.WholeNumber(r, 5, MinLevels, MaxLevels) ?? 5,
        Recursive = true,
    };

    public static readonly Option<int> LikelihoodLevels = new("--likelihood-levels")
    {
        Description = "Number of likelihood levels of the risk matrix's and the simplerisk methods' scale, 2 to 100 (default 5).",
        HelpName = "N",
        DefaultValueFactory = _ => 5,
        CustomParser = r => ParseRules.WholeNumber(r, 5, MinLevels, MaxLevels) ?? 5,
        Recursive = true,
    };

    public static readonly Option<int?> Classes = new("--classes")
    {
        Description = "Number of priority classes of the risk matrix (default: the standard 5 × 5 table with 4 classes; other scales: 4 classes spread evenly over effect + likelihood); 1 to 100.",
        HelpName = "N",
        CustomParser = r => ParseRules.WholeNumber(r, null, 1, MaxClasses),
        Recursive = true,
    };

    public const string DefaultAhpCriteria = "expected-value,likelihood,cost:effort";

    public const string DefaultJudgements = "3,5,3";

    public static readonly Option<string> AhpCriteria = new("--ahp-criteria")
    {
        Description = "Criteria for ahp, in the order of the judgements; a 'cost:' prefix marks lower-is-better.",
        HelpName = "LIST",
        DefaultValueFactory = _ => DefaultAhpCriteria,
        Recursive = true,
    };

    public static readonly Option<string> Judgements = new("--judgements")
    {
        Description = "Saaty judgements for ahp, the upper triangle row by row (1/9..9, fractions allowed): for criteria a,b,c give a:b,a:c,b:c.",
        HelpName = "LIST",
        DefaultValueFactory = _ => DefaultJudgements,
        Recursive = true,
    };

    public static readonly Option<double> WaspasLambda = Fraction("--waspas-lambda", "λ", 0.5,
        "WASPAS's λ, the share of the weighted sum in the blend with the weighted product, 0 to 1 (default 0.5); only waspas reads it.");

    public static readonly Option<double> VikorV = Fraction("--vikor-v", "V", 0.5,
        "VIKOR's v, the weight of the strategy of the majority of criteria (group utility) against the individual regret, 0 to 1 (default 0.5); only vikor reads it.");

    public static readonly Option<double> CodasTau = Fraction("--codas-tau", "τ", 0.02,
        "CODAS's threshold τ: the taxicab distance counts for pairs whose Euclidean distances differ by at least τ, 0 to 1 (default 0.02); only codas reads it.");

    /// <summary>A method parameter from 0 to 1 with its default.</summary>
    private static Option<double> Fraction(string name, string helpName, double fallback, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => fallback,
        CustomParser = r => ParseRules.Fraction(r, fallback),
        Recursive = true,
    };

    /// <summary>The label a method is shown under: its library name, or for ahp what it really is.</summary>
    public static string Label(string name, RankingMethod method) => method.Name;

    public static void AddTo(Command command)
    {
        command.Options.Add(AhpCriteria);
        command.Options.Add(Judgements);
        command.Options.Add(Map);
        command.Options.Add(Criteria);
        command.Options.Add(Components);
        command.Options.Add(EffectLevels);
        command.Options.Add(LikelihoodLevels);
        command.Options.Add(Classes);
        command.Options.Add(WaspasLambda);
        command.Options.Add(VikorV);
        command.Options.Add(CodasTau);
    }

    /// <summary>Builds the named method from the command line's options.</summary>
    public static RankingMethod Create(string name, ParseResult parse)
    {
        var roles = Roles(parse.GetValue(Map) ?? []);
        string Role(string role) => roles[role];
        try
        {
            return name.ToLowerInvariant() switch
            {
                "risk-matrix" => RiskMatrix(Role("effect"), Role("likelihood"), parse.GetValue(EffectLevels), parse.GetValue(LikelihoodLevels), parse.GetValue(Classes)),
                "emv" => RankingMethod.ExpectedValue(Role("probability"), Role("impact")),
                "saw" => RankingMethod.WeightedSum(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                "topsis" => RankingMethod.Topsis(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                "wpm" => RankingMethod.WeightedProduct(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                "waspas" => RankingMethod.Waspas(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria), parse.GetValue(WaspasLambda)),
                "vikor" => RankingMethod.Vikor(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria), parse.GetValue(VikorV)),
                "promethee" => RankingMethod.Promethee(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                "wsjf" => RankingMethod.Wsjf(ParseList(parse.GetValue(Components) ?? DefaultComponents, "--components")),
                "cd3" => RankingMethod.Cd3(Role("value")),
                "rice" => RankingMethod.Rice(Role("reach"), Role("impact"), Role("confidence")),
                "ice-average" => RankingMethod.Ice(Role("impact"), Role("confidence"), Role("ease"), IceConvention.Average),
                "ice-product" => RankingMethod.Ice(Role("impact"), Role("confidence"), Role("ease"), IceConvention.Product),
                "simplerisk-classic" => SimpleRisk(SimpleRiskFormula.Classic, Role("likelihood"), Role("effect"), parse),
                "simplerisk-cvss" => SimpleRisk(SimpleRiskFormula.Cvss, Role("likelihood"), Role("effect"), parse),
                "simplerisk-dread" => SimpleRisk(SimpleRiskFormula.Dread, Role("likelihood"), Role("effect"), parse),
                "simplerisk-owasp" => SimpleRisk(SimpleRiskFormula.Owasp, Role("likelihood"), Role("effect"), parse),
                "simplerisk-contributing" => SimpleRisk(SimpleRiskFormula.ContributingRisk, Role("likelihood"), Role("effect"), parse),
                "ahp" => AhpWeighted(parse.GetValue(AhpCriteria) ?? DefaultAhpCriteria, parse.GetValue(Judgements) ?? DefaultJudgements),
                "edas" => RankingMethod.Edas(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                "codas" => RankingMethod.Codas(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria), parse.GetValue(CodasTau)),
                "copras" => RankingMethod.Copras(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                "aras" => RankingMethod.Aras(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                "mabac" => RankingMethod.Mabac(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                "multimoora" => RankingMethod.Multimoora(ParseCriteria(parse.GetValue(Criteria) ?? DefaultCriteria)),
                _ => throw new CliException($"Unknown method '{name}': use one of {string.Join(", ", Names)}."),
            };
        }
        catch (ArgumentException e)
        {
            throw new CliException($"method '{name}': {CliException.Reason(e)}");
        }
    }

    /// <summary>Ranks the register, turning the library's complaints about values into a one-line user error.</summary>
    public static Ranking Rank(Register register, RankingMethod method, int? top = null)
    {
        if (register.ColumnCriteria is { } columns && ReadCriteria(method).Where(c => !columns.Contains(c)).ToList() is { Count: > 0 } missing)
        {
            throw new CliException($"{register.Path}: {method.Name} reads {Quoted(missing)}, but the register has no column for {(missing.Count == 1 ? "it" : "them")} (every risk would score 0); add the column{(missing.Count == 1 ? string.Empty : "s")} or point the method elsewhere with --map or --criteria.");
        }

        try
        {
            return top is { } k && k < register.Candidates.Count
                ? Prioritiser.Top(register.Candidates, method, k)
                : Prioritiser.Rank(register.Candidates, method);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{register.Path}: {method.Name} cannot rank this register: {CliException.Reason(e)}");
        }
    }

    /// <summary>
    /// The criteria a method reads, from the parameters each method exposes; <c>effort</c> stands for the candidates'
    /// effort, which the ratio methods divide by when no job-size, duration or effort criterion is named.
    /// </summary>
    public static IReadOnlyList<string> ReadCriteria(RankingMethod method)
    {
        IEnumerable<string?> names = method switch
        {
            RiskMatrixMethod m => [m.EffectCriterion, m.LikelihoodCriterion, m.WithinClassCriterion],
            ExpectedValueMethod m => [m.ProbabilityCriterion, m.ImpactCriterion],
            WeightedSumMethod m => m.Criteria.Select(c => (string?)c.Name),
            TopsisMethod m => m.Criteria.Select(c => (string?)c.Name),
            WeightedProductMethod m => m.Criteria.Select(c => (string?)c.Name),
            WaspasMethod m => m.Criteria.Select(c => (string?)c.Name),
            VikorMethod m => m.Criteria.Select(c => (string?)c.Name),
            PrometheeMethod m => m.Criteria.Select(c => (string?)c.Name),
            WsjfMethod m => [.. m.CostOfDelayComponents.Select(c => (string?)c), m.JobSizeCriterion ?? Register.EffortCriterion],
            Cd3Method m => [m.CostOfDelayCriterion, m.DurationCriterion ?? Register.EffortCriterion],
            RiceMethod m => [m.ReachCriterion, m.ImpactCriterion, m.ConfidenceCriterion, m.EffortCriterion ?? Register.EffortCriterion],
            IceMethod m => [m.ImpactCriterion, m.ConfidenceCriterion, m.EaseCriterion],
            SimpleRiskMethod m => [m.LikelihoodCriterion, m.ImpactCriterion],
            EdasMethod m => m.Criteria.Select(c => (string?)c.Name),
            CodasMethod m => m.Criteria.Select(c => (string?)c.Name),
            CoprasMethod m => m.Criteria.Select(c => (string?)c.Name),
            ArasMethod m => m.Criteria.Select(c => (string?)c.Name),
            _ => [],
        };
        return names.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>
    /// AHP in ratings mode (<see cref="RankingMethod.AhpWeightedSum"/>): the criteria's weights come from a pairwise
    /// comparison matrix (principal eigenvector; Saaty's consistency ratio must be at most 0.1); the risks are then
    /// scored by the weighted sum of their max-normalised values, because a register holds values, not pairwise
    /// judgements of its risks.
    /// </summary>
    private static WeightedSumMethod AhpWeighted(string criteriaText, string judgementsText)
    {
        var names = ParseList(criteriaText, "--ahp-criteria");
        if (names.Count < 2)
        {
            throw new CliException("--ahp-criteria: name at least two criteria.");
        }

        var judgements = ParseList(judgementsText, "--judgements").Select(Judgement).ToList();
        var expected = names.Count * (names.Count - 1) / 2;
        if (judgements.Count != expected)
        {
            throw new CliException($"--judgements: {names.Count} criteria need {expected} judgements (the upper triangle), not {judgements.Count}.");
        }

        var labels = names.Select(n => n.StartsWith("cost:", StringComparison.Ordinal) ? n["cost:".Length..] : n).ToList();
        var result = Ahp.Weigh(AhpMatrix.FromUpperTriangle(names.Count, judgements, labels));
        if (!result.IsConsistent)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--judgements {judgementsText}: the consistency ratio is {result.ConsistencyRatio:0.###}, above {result.ConsistencyThreshold:0.##}; revise the judgements."));
        }

        return RankingMethod.AhpWeightedSum(result, costCriteria: labels.Where((_, i) => names[i].StartsWith("cost:", StringComparison.Ordinal)));
    }

    private static double Judgement(string text)
    {
        var parts = text.Split('/', 2);
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && b != 0
                ? a / b
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : throw new CliException($"--judgements: '{text}' is not a number or a fraction such as 1/3.");
    }

    /// <summary>
    /// One of SimpleRisk's formulas on the register's levels: likelihood from the <c>likelihood</c> role, impact from the
    /// <c>effect</c> role (USM's effect level is SimpleRisk's impact level), scales from the risk matrix's level options.
    /// </summary>
    private static SimpleRiskMethod SimpleRisk(SimpleRiskFormula formula, string likelihood, string effect, ParseResult parse) =>
        RankingMethod.SimpleRisk(formula, likelihood, effect, parse.GetValue(LikelihoodLevels), parse.GetValue(EffectLevels));

    private static RiskMatrixMethod RiskMatrix(string effect, string likelihood, int effectLevels, int likelihoodLevels, int? classes)
    {
        if (effectLevels < 2 || likelihoodLevels < 2)
        {
            throw new CliException($"The risk matrix needs at least 2 levels per scale (got {effectLevels} × {likelihoodLevels}).");
        }

        if (classes is null && effectLevels == 5 && likelihoodLevels == 5)
        {
            return RankingMethod.RiskMatrix(effect, likelihood);
        }

        var c = classes ?? 4;
        if (c < 1)
        {
            throw new CliException($"--classes must be at least 1 (got {c}).");
        }

        var span = effectLevels + likelihoodLevels - 2;
        var table = Enumerable.Range(0, effectLevels)
            .Select(e => Enumerable.Range(0, likelihoodLevels).Select(l => 1 + ((e + l) * (c - 1) / span)).ToImmutableArray())
            .ToImmutableArray();
        return RankingMethod.RiskMatrix(effect, likelihood, table);
    }

    private static ImmutableSortedDictionary<string, string> Roles(string[] mappings)
    {
        var roles = DefaultRoles.ToBuilder();
        foreach (var mapping in mappings)
        {
            var parts = mapping.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0 || !roles.ContainsKey(parts[0]))
            {
                throw new CliException($"--map '{mapping}': expected ROLE=CRITERION with a role among {string.Join(", ", DefaultRoles.Keys)}.");
            }

            roles[parts[0]] = parts[1];
        }

        return roles.ToImmutable();
    }

    private static List<Criterion> ParseCriteria(string text)
    {
        var criteria = new List<Criterion>();
        foreach (var item in ParseList(text, "--criteria"))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new CliException($"--criteria '{item}': expected NAME=WEIGHT or cost:NAME=WEIGHT.");
            }

            criteria.Add(parts[0].StartsWith("cost:", StringComparison.Ordinal)
                ? Criterion.Cost(parts[0]["cost:".Length..], weight)
                : Criterion.Benefit(parts[0], weight));
        }

        return criteria;
    }

    public static List<string> ParseList(string text, string option)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return items.Count > 0 ? items : throw new CliException($"{option}: the list is empty.");
    }
}
