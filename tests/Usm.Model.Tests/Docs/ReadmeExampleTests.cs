using Usm.Model.Assessment;
using Usm.Model.Improvement;
using Usm.Model.ManagementSystem;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Docs;

/// <summary>README.md's example: every line of its C# block appears verbatim here, and here it runs and is checked.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_RunsAndPrintsWhatItSays()
    {
        var output = new StringWriter();
        var console = output;

        // --- the README example (between the markers, each line verbatim in README.md) ---
        var system = SampleOrganisation.Create();
        console.WriteLine(system.Validate().Findings.Length);              // 0: the sample organisation is valid

        var baseline = SampleScans.Baseline.Score();
        console.WriteLine(ValueMaturityAssessment.Of(baseline).Strategy);  // OperationalExcellence

        var gaps = ScanGaps.Propose(baseline, GapTargets.Uniform(60));     // every question or area below 60 %
        var db = ScanGapRisks.Register(new RiskDatabase(NodaTime.SystemClock.Instance), gaps, actorId: "p-anna");
        console.WriteLine(db.OpenCount);                                   // 52 improvement risks, one per gap

        var items = gaps.Select(p => new SprintSelectItem(p.Id, p.Gap.Gap, 2 + p.AffectedResources.Length, p.AffectedResources)).ToList();
        var sprint = SprintSelector.Select(items, new SprintSelectOptions(capacity: 12, requireResourceCoverage: true));
        console.WriteLine($"{sprint.SelectedIds.Length} items, optimal: {sprint.IsOptimal}");  // 4 items, optimal: True
        // --- end of the README example ---

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("0", lines[0]);
        Assert.Equal("OperationalExcellence", lines[1]);
        Assert.Equal(gaps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[2]);
        Assert.Equal(lines[2], System.Text.RegularExpressions.Regex.Match(ReadmeBlock(), @"// (\d+) improvement risks").Groups[1].Value);
        Assert.Equal(lines[3], System.Text.RegularExpressions.Regex.Match(ReadmeBlock(), @"// (\d+ items, optimal: \w+)").Groups[1].Value);
        Assert.True(sprint.IsCoverageMet);
    }

    [Fact]
    public void ReadmeExample_MatchesThisFile()
    {
        var source = File.ReadAllText(RepositoryPaths.Combine("tests", "Usm.Model.Tests", "Docs", "ReadmeExampleTests.cs"));
        var start = source.IndexOf("// --- the README example", StringComparison.Ordinal);
        var end = source.IndexOf("// --- end of the README example", StringComparison.Ordinal);
        var tested = source[start..end].Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var block = ReadmeBlock().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("var console", StringComparison.Ordinal)).ToList();
        Assert.Equal(tested, block);
    }

    private static string ReadmeBlock()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
