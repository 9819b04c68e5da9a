using System.Text;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;
using static Usm.Model.Tests.Serialization.RankingJsonTests;

namespace Usm.Model.Tests.Serialization;

public class SprintSelectionJsonTests
{
    // Five improvement items for a sprint of 10 effort points; the self-service portal needs the call register first.
    public static SprintSelectResult Sample() => SprintSelector.Select(
        [
            new SprintSelectItem("call-register", 6, 3, [Resource.Process]),
            new SprintSelectItem("self-service", 9, 4, [Resource.Technology]),
            new SprintSelectItem("backup-restore", 8, 5, [Resource.Technology], mustInclude: true),
            new SprintSelectItem("skills-matrix", 3, 2, [Resource.People]),
            new SprintSelectItem("cmdb-audit", 4, 12, [Resource.Process]),
        ],
        new SprintSelectOptions(10, [new SprintPrecedence("call-register", "self-service")], requireResourceCoverage: true));

    private static string Golden => File.ReadAllText(SerializationSamples.GoldenPath("sprint-selection.usm-model.json"));

    [Fact]
    public void WriteSprintSelection_Sample_MatchesGoldenFile() => SerializationSamples.AssertGolden("sprint-selection.usm-model.json", UsmJson.WriteSprintSelection(Sample()));

    [Fact]
    public void ReadSprintSelection_GoldenFile_GivesBackTheSample()
    {
        var result = UsmJson.ReadSprintSelection(Golden, ReaderOptions.Default.WithStrict(true));

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.True(Same(Sample(), result.Value));
    }

    [Fact]
    public void GeneratedSelections_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(SprintSelectArbitraries.Dag(), sprint =>
        {
            return new[] { false, true }.All(coverage =>
            {
                var result = SprintSelector.Select(sprint.Items, sprint.Options(coverage));
                var json = UsmJson.WriteSprintSelection(result);
                var back = UsmJson.ReadSprintSelection(json, ReaderOptions.Default.WithStrict(true));
                return back.IsSuccess && Same(result, back.Value) && UsmJson.WriteSprintSelection(back.Value) == json;
            });
        }), maxTest: 300);
    }

    [Fact]
    public void GeneratedFractionalSelections_RoundTripBothWays()
    {
        PropertyCheck.Run(Prop.ForAll(SprintSelectArbitraries.Fractional(), sprint =>
        {
            var result = SprintSelector.Select(sprint.Items, sprint.Options(workBudget: 50));
            var json = UsmJson.WriteSprintSelection(result);
            var back = UsmJson.ReadSprintSelection(json);
            return back.IsSuccess && Same(result, back.Value) && UsmJson.WriteSprintSelection(back.Value) == json;
        }), maxTest: 200);
    }

    [Theory]
    [InlineData("\"status\": \"optimal\"", "\"status\": \"perfect\"", ReadErrorCode.UnknownEnumValue, "$.sprint-selection.status")]
    [InlineData("\"item-id\": \"self-service\"", "\"item-id\": \"call-register\"", ReadErrorCode.DuplicateId, "$.sprint-selection.explanations[1].item-id")]
    [InlineData("\"capacity\": 10", "\"capacity\": -10", ReadErrorCode.NumberOutOfRange, "$.sprint-selection.capacity")]
    [InlineData("\"capacity\": 10", "\"capacity\": 1e400", ReadErrorCode.NumberOutOfRange, "$.sprint-selection.capacity")]
    [InlineData("\"coverage-required\": true", "\"coverage-required\": \"true\"", ReadErrorCode.WrongType, "$.sprint-selection.coverage-required")]
    [InlineData("\"selected-ids\": [\n      \"backup-restore\"", "\"selected-ids\": [\n      \"backup-rest0re\"", ReadErrorCode.DanglingReference, "$.sprint-selection.selected-ids[0]")]
    public void BrokenMembers_AreReportedAtTheirPaths(string find, string replace, ReadErrorCode code, string path)
    {
        var errors = UsmJson.ReadSprintSelection(Mutations.ReplaceFirst(Golden, find, replace)).Errors;

        Assert.Equal((code, path), (errors[0].Code, errors[0].Path));
    }

    [Fact]
    public void TamperedTotalEffort_IsReported()
    {
        var total = Sample().TotalEffort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Single(UsmJson.ReadSprintSelection(Mutations.ReplaceFirst(Golden, "\"total-effort\": " + total, "\"total-effort\": 99")).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, "$.sprint-selection.total-effort"), (error.Code, error.Path));
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        Mutations.EveryMutationEndsInAResult(Golden, stream => UsmJson.ReadSprintSelection(stream), (text, options) => UsmJson.ReadSprintSelection(text, options), maxTest: 500);
    }

    internal static bool Same(SprintSelectResult a, SprintSelectResult b) =>
        a.Status == b.Status && a.Method == b.Method && a.SelectedIds.SequenceEqual(b.SelectedIds) && a.TotalValue.Equals(b.TotalValue) && a.TotalEffort == b.TotalEffort
        && a.Capacity == b.Capacity && a.IsCoverageRequired == b.IsCoverageRequired && a.CoveredResources.SequenceEqual(b.CoveredResources)
        && a.InfeasibleItemIds.SequenceEqual(b.InfeasibleItemIds) && a.Reasons.SequenceEqual(b.Reasons) && a.WorkCells == b.WorkCells && a.ToString() == b.ToString()
        && a.Explanations.Length == b.Explanations.Length
        && a.Explanations.Zip(b.Explanations).All(p => p.First.ItemId == p.Second.ItemId && p.First.Decision == p.Second.Decision && p.First.Value.Equals(p.Second.Value)
            && p.First.Effort == p.Second.Effort && p.First.Ratio.Equals(p.Second.Ratio) && p.First.CapacityNeeded == p.Second.CapacityNeeded
            && p.First.CapacityShortfall == p.Second.CapacityShortfall && p.First.Displaced.SequenceEqual(p.Second.Displaced));
}
