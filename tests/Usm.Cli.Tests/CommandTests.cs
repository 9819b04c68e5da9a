using System.Text.Json;
using Usm.Model.Serialization;

namespace Usm.Cli.Tests;

/// <summary>validate, prioritise, plan-sprint, compare, convert and schema on the sample files in Data/.</summary>
public class CommandTests
{
    private static string D(string name) => TestData.PathOf(name);

    private static JsonElement Section(string json, string titleStart)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("title").GetString()!.StartsWith(titleStart, StringComparison.Ordinal)).Clone();
    }

    // validate

    [Theory]
    [InlineData("system.json")]
    [InlineData("routine.json")]
    [InlineData("routine.workflow.json")]
    [InlineData("risk-database.json")]
    [InlineData("register.csv")]
    [InlineData("scan-baseline.json")]
    public void Validate_CleanFiles_ExitZero(string name)
    {
        var run = CliRunner.InProcess("validate", D(name));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("findings", run.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Validate_FlawedSystem_ExitOne_ListsEveryFlawedRule()
    {
        var run = CliRunner.InProcess("validate", D("system-flawed.json"), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var rules = Section(run.Out, "Findings").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("rule").GetString()).ToHashSet();
        foreach (var rule in Usm.Model.ManagementSystem.SampleOrganisation.FlawedRuleIds)
        {
            Assert.Contains(rule, rules);
        }
    }

    [Fact]
    public void Validate_MalformedJson_ExitTwo_OneLineWithLineAndColumn()
    {
        var run = CliRunner.InProcess("validate", D("malformed.json"));
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("usm: " + D("malformed.json") + ": line ", line, StringComparison.Ordinal);
        Assert.Contains("column", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReadErrors_AllListedWithFormatJson_AndPathNamed()
    {
        var folder = Directory.CreateTempSubdirectory("usm-cli-").FullName;
        var file = Path.Combine(folder, "bad.json");
        // Two bad values in a workflow document: the reader reports both, with JSON paths.
        var text = File.ReadAllText(D("routine.json")).Replace("\"trigger\": \"", "\"trigger\": \"x-", StringComparison.Ordinal).Replace("\"id\": \"", "\"id\": 7, \"x\": \"", StringComparison.Ordinal);
        File.WriteAllText(file, text);
        var run = CliRunner.InProcess("validate", file, "--format", "json");
        Assert.Equal(2, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(file, doc.RootElement.GetProperty("file").GetString());
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count >= 2, run.Out);
        Assert.All(errors, e => Assert.StartsWith("$", e.GetProperty("path").GetString(), StringComparison.Ordinal));
        Assert.Contains("more; --format json lists them all", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DraftStyleWif_WithoutVersion_IsReadAsWif()
    {
        var golden = RepositoryPaths.Combine("tests", "Usm.Model.Tests", "Serialization", "Golden", "draft-style.workflow-template.json");
        var run = CliRunner.InProcess("validate", golden, "--format", "json");
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.Contains("USM-WIF workflow", run.Out, StringComparison.Ordinal);
        var imported = UsmWif.Import(File.ReadAllText(golden)).Value;
        Assert.Equal(imported.Findings.Findings.Length + imported.Conformance.Findings.Length, Section(run.Out, "Findings").GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Validate_MissingFile_ExitTwo()
    {
        var run = CliRunner.InProcess("validate", "no/such/file.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("usm: no/such/file.json: file not found.", run.Error.Trim());
    }

    [Fact]
    public void Validate_RealProcess_FlawedSystem_ExitOne()
    {
        var run = CliRunner.Process("validate", D("system-flawed.json"), "--format", "csv");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("severity,rule,source,path,message", run.Out, StringComparison.Ordinal);
    }

    // prioritise

    [Theory]
    [InlineData("risk-matrix")]
    [InlineData("emv")]
    [InlineData("saw")]
    [InlineData("topsis")]
    [InlineData("wsjf")]
    [InlineData("cd3")]
    [InlineData("rice")]
    [InlineData("ice-average")]
    [InlineData("ice-product")]
    [InlineData("ahp")]
    [InlineData("simplerisk-classic")]
    [InlineData("simplerisk-cvss")]
    [InlineData("simplerisk-dread")]
    [InlineData("simplerisk-owasp")]
    [InlineData("simplerisk-contributing")]
    [InlineData("wpm")]
    [InlineData("waspas")]
    [InlineData("vikor")]
    [InlineData("promethee")]
    [InlineData("edas")]
    [InlineData("codas")]
    [InlineData("copras")]
    [InlineData("aras")]
    [InlineData("mabac")]
    [InlineData("multimoora")]
    public void Prioritise_EveryMethod_OnBothRegisterFormats_GivesTheSameRanking(string method)
    {
        var json = CliRunner.InProcess("prioritise", D("risk-database.json"), "--method", method, "--format", "json");
        var csv = CliRunner.InProcess("prioritise", D("register.csv"), "--method", method, "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.True(csv.ExitCode == 0, csv.Error);
        var a = Section(json.Out, "Ranking").GetProperty("rows").EnumerateArray().ToList();
        var b = Section(csv.Out, "Ranking").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(44, a.Count);
        Assert.Equal(a.Select(r => r.GetProperty("id").GetString()), b.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(1, a[0].GetProperty("rank").GetInt32());
        Assert.All(a, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("explanation").GetString())));
    }

    [Fact]
    public void Prioritise_Emv_Top3_ScoresAreProbabilityTimesImpact()
    {
        var run = CliRunner.InProcess("prioritise", D("risk-database.json"), "--method", "emv", "--top", "3", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,id,score,class,explanation", lines[0]);
        Assert.Equal(4, lines.Length);
        // R-lop-01: p = 0.66, impact 60,000 (the demo's rule: 0.3 + 0.6 × gap/100, 1,000 per point of a 60-point gap).
        Assert.StartsWith("1,R-lop-01,39600,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Prioritise_Markdown_AndTable()
    {
        var md = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "risk-matrix", "--format", "markdown");
        Assert.Equal(0, md.ExitCode);
        Assert.Contains("| rank | id | score | class | explanation |", md.Out, StringComparison.Ordinal);
        var table = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "risk-matrix");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("R-lop-01", table.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("saw")]
    [InlineData("topsis")]
    [InlineData("ahp")]
    [InlineData("wpm")]
    [InlineData("vikor")]
    [InlineData("promethee")]
    public void Prioritise_Top_IsThePrefixOfTheFullRanking(string method)
    {
        var full = CliRunner.InProcess("prioritise", D("register.csv"), "--method", method, "--format", "csv");
        var top = CliRunner.InProcess("prioritise", D("register.csv"), "--method", method, "--top", "5", "--format", "csv");
        Assert.True(top.ExitCode == 0, top.Error);
        var fullRows = full.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[..6];
        Assert.Equal(fullRows.Select(l => l.Split(',')[1]), top.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[1]));
    }

    [Fact]
    public void Prioritise_NewMultiCriteriaMethods_UseTheCriteriaOption_AndNameTheirMethod()
    {
        foreach (var (method, name) in new[] { ("wpm", "WPM"), ("waspas", "WASPAS"), ("vikor", "VIKOR"), ("promethee", "PROMETHEE II"), ("mabac", "MABAC") })
        {
            var run = CliRunner.InProcess("prioritise", D("register.csv"), "--method", method, "--criteria", "likelihood=1,cost:effort=3", "--top", "1", "--format", "markdown");
            Assert.True(run.ExitCode == 0, method + ": " + run.Error);
            Assert.Contains($"prioritised with {name}", run.Out, StringComparison.Ordinal);
            Assert.Contains("'effort'", run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("'expected-value'", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Prioritise_EdasCodasCoprasAras_UseTheCriteriaOption_AndNameTheirMethod()
    {
        foreach (var (method, name) in new[] { ("edas", "EDAS"), ("codas", "CODAS"), ("copras", "COPRAS"), ("aras", "ARAS") })
        {
            var run = CliRunner.InProcess("prioritise", D("register.csv"), "--method", method, "--criteria", "likelihood=1,cost:effort=3", "--top", "1", "--format", "markdown");
            Assert.True(run.ExitCode == 0, method + ": " + run.Error);
            Assert.Contains($"prioritised with {name}", run.Out, StringComparison.Ordinal);
            Assert.Contains("'effort'", run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("'expected-value'", run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("waspas", "--waspas-lambda", "0.8", "= 0.8 × ", "0.5 × ")]
    [InlineData("vikor", "--vikor-v", "0.25", "= v 0.25 × ", "v 0.5 × ")]
    [InlineData("codas", "--codas-tau", "0.3", "at least τ = 0.3, else", "τ = 0.02, else")]
    public void Prioritise_MethodParameterOptions_ReachTheMethod(string method, string option, string value, string expected, string standard)
    {
        var tuned = CliRunner.InProcess("prioritise", D("register.csv"), "--method", method, option, value, "--top", "1", "--format", "csv");
        Assert.True(tuned.ExitCode == 0, tuned.Error);
        Assert.Contains(expected, tuned.Out, StringComparison.Ordinal);

        var plain = CliRunner.InProcess("prioritise", D("register.csv"), "--method", method, "--top", "1", "--format", "csv");
        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Contains(standard, plain.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(expected, plain.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--waspas-lambda", "1.5")]
    [InlineData("--vikor-v", "-0.1")]
    [InlineData("--codas-tau", "NaN")]
    [InlineData("--codas-tau", "0,05")]
    public void Prioritise_MethodParameterOutsideZeroToOne_IsAUsageErrorNamingTheOption(string option, string value)
    {
        var run = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "saw", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option} '{value}': use a number from 0 to 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prioritise_Multimoora_ExplainsTheThreePartRanks_AndReadsTheCriteriaOption()
    {
        var run = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "multimoora", "--criteria", "likelihood=1,cost:effort=3", "--top", "1", "--format", "markdown");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("prioritised with MULTIMOORA", run.Out, StringComparison.Ordinal);
        // Three risks share the best likelihood and effort, so they tie in every part and none dominates another.
        Assert.Contains("generally dominates 40 of the other 43 candidates", run.Out, StringComparison.Ordinal);
        Assert.Contains("part ranks 1, 1, 1 of 44", run.Out, StringComparison.Ordinal);

        var unknown = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "multimoora", "--criteria", "likelihood=1,cost:no-such-column=3");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("no-such-column", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prioritise_Ahp_IsSawWithTheEigenvectorWeights()
    {
        // Judgements 3,5,3 over expected-value, likelihood, effort give weights of about 0.637, 0.258, 0.105.
        var weights = Usm.Model.Prioritisation.Ahp.Weigh(Usm.Model.Prioritisation.AhpMatrix.FromUpperTriangle(3, [3, 5, 3])).Weights;
        var saw = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "saw", "--format", "csv",
            "--criteria", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"expected-value={weights[0]:R},likelihood={weights[1]:R},cost:effort={weights[2]:R}"));
        var ahp = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "ahp", "--format", "csv");
        Assert.Equal(0, ahp.ExitCode);
        Assert.Equal(saw.Out, ahp.Out);
    }

    [Fact]
    public void Prioritise_Ahp_InconsistentJudgements_ExitTwo_NamesTheRatio()
    {
        var run = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "ahp", "--judgements", "9,1/9,9");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usm: --judgements 9,1/9,9: the consistency ratio is ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prioritise_UnknownMethod_ExitTwo_NamesIt()
    {
        var run = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "astrology");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usm: Unknown method 'astrology': use one of risk-matrix,", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prioritise_ValueTheMethodRefuses_IsOneLine_WithoutTheExceptionsSuffixes()
    {
        // CD3 divides by effort, so a zero effort is refused; the library's message names the candidate and the value,
        // and the CLI prints it without ArgumentException's "(Parameter ...)" and "Actual value was ..." additions.
        var table = Usm.Model.Serialization.UsmCsv.ReadTable(File.ReadAllText(D("register.csv"))).Value;
        var effort = table.ColumnIndex("effort");
        var rows = table.Rows.Select((row, i) => row.Select((cell, c) => c == effort && i == 0 ? "0" : cell));
        var file = Path.Combine(Path.GetTempPath(), "usm-zero-effort-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(file, Usm.Model.Serialization.UsmCsv.WriteTable(new Usm.Model.Serialization.CsvTable(table.Header, rows)));
        try
        {
            var run = CliRunner.InProcess("prioritise", file, "--method", "cd3");
            Assert.Equal(2, run.ExitCode);
            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("usm: " + file + ": ", lines[0], StringComparison.Ordinal);
            Assert.Contains("'" + table.Rows[0][0] + "'", lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain("(Parameter", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Prioritise_SimpleRisk_ScoresTheNormalisedFormula()
    {
        // R-lop-01 has likelihood 5 and effect 3: Classic (5 · 3) + 2 · 3 = 21 of 35 → 6; Contributing Risk
        // (5 · 3) + 2 · 5 = 25 of 35 → 7.142857….
        var classic = CliRunner.InProcess("prioritise", D("risk-database.json"), "--method", "simplerisk-classic", "--top", "1", "--format", "csv");
        var contributing = CliRunner.InProcess("prioritise", D("risk-database.json"), "--method", "simplerisk-contributing", "--top", "1", "--format", "csv");

        Assert.True(classic.ExitCode == 0, classic.Error);
        Assert.StartsWith("1,R-lop-01,6,,\"SimpleRisk Classic: S = (L × I) + 2 × I = (5 × 3) + 2 × 3 = 21;", classic.Out.Split("\r\n")[1], StringComparison.Ordinal);
        Assert.StartsWith("1,R-lop-01,7.142857142857143,,\"SimpleRisk Contributing Risk:", contributing.Out.Split("\r\n")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Prioritise_SimpleRisk_LevelOffTheScale_ExitTwo_NamesTheRisk()
    {
        var run = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "simplerisk-dread", "--likelihood-levels", "3");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usm: " + D("register.csv"), run.Error, StringComparison.Ordinal);
        Assert.Contains("'R-agr-01' has likelihood = 4; SimpleRisk DREAD needs a whole likelihood level from 1 to 3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prioritise_MissingCriterion_ExitTwo_NamesTheFile()
    {
        var run = CliRunner.InProcess("prioritise", D("register.csv"), "--method", "rice", "--map", "reach=customers");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("customers", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("usm: " + D("register.csv"), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prioritise_RiskMatrix_OtherScale_UsesItsClasses()
    {
        var run = CliRunner.InProcess("prioritise", D("risk-database.json"), "--method", "risk-matrix", "--effect-levels", "6", "--classes", "3", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var classes = Section(run.Out, "Ranking").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("class").GetInt32()).ToList();
        Assert.All(classes, c => Assert.InRange(c, 1, 3));
        Assert.Equal(classes.OrderByDescending(c => c), classes);
    }

    [Fact]
    public void Prioritise_RealProcess_MissingFile_ExitTwo()
    {
        var run = CliRunner.Process("prioritise", "missing.csv", "--method", "emv");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("usm: missing.csv: file not found.", run.Error.Trim());
    }

    // plan-sprint

    [Fact]
    public void PlanSprint_Json_SelectsWithinCapacity()
    {
        var run = CliRunner.InProcess("plan-sprint", D("risk-database.json"), "--capacity", "20", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var rows = Section(run.Out, "Decisions").GetProperty("rows").EnumerateArray().ToList();
        var chosen = rows.Where(r => r.GetProperty("decision").GetString() == "Chosen").ToList();
        Assert.NotEmpty(chosen);
        Assert.True(chosen.Sum(r => r.GetProperty("effort").GetInt32()) <= 20);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("why").GetString())));
    }

    [Fact]
    public void PrioritiseAndPlanSprint_Document_WritesResultsThatReadBack()
    {
        // --document writes the library's own result documents: a top-3 ranking (read back by ranking again and
        // checking every item) and a sprint selection, also when the plan is infeasible (exit 1).
        var folder = Path.Combine(Path.GetTempPath(), "usm-document-" + Guid.NewGuid().ToString("N"));
        try
        {
            var rankingFile = Path.Combine(folder, "ranking.json");
            var ranked = CliRunner.InProcess("prioritise", D("risk-database.json"), "--method", "emv", "--top", "3", "--document", rankingFile);
            Assert.True(ranked.ExitCode == 0, ranked.Error);
            var ranking = UsmJson.ReadRanking(File.ReadAllText(rankingFile));
            Assert.True(ranking.IsSuccess, string.Join("; ", ranking.Errors));
            Assert.Equal(3, ranking.Value.Count);
            Assert.Equal("R-lop-01", ranking.Value.Items[0].Id);

            var planFile = Path.Combine(folder, "plan.json");
            var planned = CliRunner.InProcess("plan-sprint", D("risk-database.json"), "--capacity", "5", "--must", "R-lop-01", "--document", planFile);
            Assert.Equal(1, planned.ExitCode);
            var plan = UsmJson.ReadSprintSelection(File.ReadAllText(planFile));
            Assert.True(plan.IsSuccess, string.Join("; ", plan.Errors));
            Assert.False(plan.Value.IsFeasible);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void PlanSprint_TooLarge_SaysWhichCapacity()
    {
        // Found by review (session 5): the reason named prerequisites and must-include risks even when there were none.
        var plain = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "3", "--format", "csv").Out;
        var withMust = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "12", "--must", "R-lop-01", "--format", "csv").Out;

        Assert.Contains("R-lop-03,TooLarge,39600,8,4950,larger than the whole capacity", plain, StringComparison.Ordinal);
        Assert.Contains("R-lop-03,TooLarge,39600,8,4950,larger than the capacity left after the must-include risks", withMust, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSprint_InfeasibleCoverage_ExitOne_WithTheReason()
    {
        // Capacity 2 cannot cover people, process and technology together.
        var run = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "2", "--require-coverage");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("usm: no feasible plan: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSprint_MustIncludeBeyondCapacity_ExitOne()
    {
        var run = CliRunner.InProcess("plan-sprint", D("risk-database.json"), "--capacity", "5", "--must", "R-lop-01", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("usm: no feasible plan: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("Infeasible", Section(run.Out, "Plan").GetProperty("rows")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void PlanSprint_MustUnknownRisk_ExitTwo()
    {
        var run = CliRunner.InProcess("plan-sprint", D("risk-database.json"), "--capacity", "5", "--must", "R-nope");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'R-nope'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSprint_NegativeCapacity_ExitTwo_NamesTheValue()
    {
        var run = CliRunner.InProcess("plan-sprint", D("register.csv"), "--capacity", "-5");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("usm: --capacity -5: the capacity must be zero or more.", run.Error.Trim());
    }

    [Fact]
    public void PlanSprint_RealProcess_Csv()
    {
        var run = CliRunner.Process("plan-sprint", D("register.csv"), "--capacity", "24", "--method", "cd3", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("id,decision,value,effort,value/effort,why", run.Out, StringComparison.Ordinal);
    }

    // compare

    [Fact]
    public void Compare_CorrelationMatrices_AreSymmetricWithUnitDiagonal()
    {
        var run = CliRunner.InProcess("compare", D("risk-database.json"), "--methods", "risk-matrix,emv,topsis", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        foreach (var title in new[] { "Spearman", "Kendall" })
        {
            var rows = Section(run.Out, title).GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(3, rows.Count);
            var names = rows.Select(r => r.GetProperty("method").GetString()!).ToList();
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(1.0, rows[i].GetProperty(names[i]).GetDouble(), 9);
                for (var j = 0; j < 3; j++)
                {
                    Assert.Equal(rows[i].GetProperty(names[j]).GetDouble(), rows[j].GetProperty(names[i]).GetDouble(), 9);
                }
            }
        }

        Assert.Equal(6, Section(run.Out, "Rank-reversal").GetProperty("rows").GetArrayLength());
        Assert.Equal(44, Section(run.Out, "Ranks").GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Compare_SameMethodTwice_ExitTwo()
    {
        var run = CliRunner.InProcess("compare", D("register.csv"), "--methods", "emv,EMV");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("usm: --methods: 'emv' is named twice.", run.Error.Trim());
    }

    [Fact]
    public void Compare_OneMethod_ExitTwo()
    {
        var run = CliRunner.InProcess("compare", D("register.csv"), "--methods", "emv");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at least two methods", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RealProcess_Markdown()
    {
        var run = CliRunner.Process("compare", D("register.csv"), "--methods", "emv,cd3", "--format", "markdown");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("## Spearman's rho", run.Out, StringComparison.Ordinal);
    }

    // convert

    [Fact]
    public void Convert_RegisterCsv_ToDatabaseJson_AndBack_KeepsTheRisks()
    {
        var folder = Directory.CreateTempSubdirectory("usm-cli-").FullName;
        var json = Path.Combine(folder, "db.json");
        var csv = Path.Combine(folder, "back.csv");
        Assert.Equal(0, CliRunner.InProcess("convert", D("register.csv"), json).ExitCode);
        var db = UsmJson.ReadRiskDatabase(File.ReadAllText(json), NodaTime.SystemClock.Instance);
        Assert.True(db.IsSuccess, db.ToString());
        Assert.Equal(44, db.Value.Count);
        Assert.Equal(0, CliRunner.InProcess("convert", json, csv).ExitCode);
        var original = RiskRegisterCsv.Import(File.ReadAllText(D("register.csv"))).Value;
        var back = RiskRegisterCsv.Import(File.ReadAllText(csv)).Value;
        Assert.Equal(original.Select(r => (r.Id, r.Title, r.Polarity)), back.Select(r => (r.Id, r.Title, r.Polarity)));
    }

    [Fact]
    public void Convert_Wif_ToLibraryJson_AndBack()
    {
        var folder = Directory.CreateTempSubdirectory("usm-cli-").FullName;
        var json = Path.Combine(folder, "w.json");
        var wif = Path.Combine(folder, "w" + UsmWif.WorkflowFileExtension);
        Assert.Equal(0, CliRunner.InProcess("convert", D("routine.workflow.json"), json).ExitCode);
        Assert.Equal(File.ReadAllText(D("routine.json")), File.ReadAllText(json));
        Assert.Equal(0, CliRunner.InProcess("convert", json, wif).ExitCode);
        Assert.True(UsmWif.Import(File.ReadAllText(wif)).IsSuccess);
    }

    [Theory]
    [InlineData("system.json", "out.csv")]
    [InlineData("register.csv", "out.txt")]
    [InlineData("routine.json", "out.csv")]
    public void Convert_UnknownCombination_ExitTwo(string input, string output)
    {
        var folder = Directory.CreateTempSubdirectory("usm-cli-").FullName;
        var run = CliRunner.InProcess("convert", D(input), Path.Combine(folder, output));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usm: cannot convert ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, output)));
    }

    [Fact]
    public void Convert_RealProcess()
    {
        var folder = Directory.CreateTempSubdirectory("usm-cli-").FullName;
        var run = CliRunner.Process("convert", D("risk-database.json"), Path.Combine(folder, "r.csv"));
        Assert.Equal(0, run.ExitCode);
        Assert.True(RiskRegisterCsv.Import(File.ReadAllText(Path.Combine(folder, "r.csv"))).IsSuccess);
    }

    // schema

    [Theory]
    [InlineData("management-system")]
    [InlineData("risk-database")]
    [InlineData("workflow")]
    [InlineData("scan")]
    [InlineData("instrument")]
    [InlineData("improvement-programme")]
    [InlineData("ranking")]
    [InlineData("ahp-result")]
    [InlineData("ahp-synthesis")]
    [InlineData("borda-result")]
    [InlineData("schulze-result")]
    [InlineData("sprint-selection")]
    public void Schema_PrintsTheLibrarySchema(string kind)
    {
        var run = CliRunner.InProcess("schema", "--kind", kind);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
        var expected = UsmJson.GetSchema(FileCommands.SchemaKinds[kind]);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("docs", "schema", kind + ".schema.json")).Trim(), expected.Trim());
        Assert.Equal(expected.Trim(), run.Out.Trim());
    }

    [Fact]
    public void Schema_ListsEveryDocumentKindOfTheLibrary_UnderItsSchemaFileName()
    {
        Assert.Equal(Enum.GetValues<UsmDocumentKind>().Order(), FileCommands.SchemaKinds.Values.Order());
        var files = Directory.GetFiles(RepositoryPaths.Combine("docs", "schema"), "*.schema.json").Select(f => Path.GetFileName(f)[..^".schema.json".Length]);
        Assert.Equal(files.Order(StringComparer.Ordinal), FileCommands.SchemaKinds.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_UnknownKind_ExitTwo()
    {
        Assert.Equal(2, CliRunner.InProcess("schema", "--kind", "spreadsheet").ExitCode);
    }

    [Fact]
    public void Schema_RealProcess()
    {
        var run = CliRunner.Process("schema", "--kind", "workflow");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }
}
