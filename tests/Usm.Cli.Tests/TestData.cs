using Usm.Cli.Demo;
using Usm.Model.ManagementSystem;
using Usm.Model.Serialization;

namespace Usm.Cli.Tests;

/// <summary>
/// The sample input files in <c>tests/Usm.Cli.Tests/Data</c>, generated from the sample organisation and the demo with
/// the library's writers. <see cref="DataFilesTests"/> checks that the committed files match; run the tests with
/// <c>USM_UPDATE_DATA=1</c> to rewrite them after a deliberate change.
/// </summary>
internal static class TestData
{
    public static string Folder => RepositoryPaths.Combine("tests", "Usm.Cli.Tests", "Data");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Malformed on purpose: the JSON ends inside an open object (the reader reports line 5, column 1).</summary>
    public const string Malformed = "{\n  \"format-version\": 1,\n  \"kind\": \"workflow\",\n  \"workflow\": {\n";

    public static IReadOnlyDictionary<string, string> Generate()
    {
        var scenario = DemoScenario.Run();
        var system = SampleOrganisation.Create();
        var routine = system.Routines.OrderBy(r => r.Id, StringComparer.Ordinal).First();
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["system.json"] = UsmJson.WriteManagementSystem(system),
            ["system-flawed.json"] = UsmJson.WriteManagementSystem(SampleOrganisation.CreateFlawed()),
            ["risk-database.json"] = UsmJson.WriteRiskDatabase(scenario.Database),
            ["register.csv"] = DemoArtefacts.RegisterCsv(scenario),
            ["routine.json"] = UsmJson.WriteWorkflow(routine),
            ["routine" + UsmWif.WorkflowFileExtension] = UsmWif.Export(routine),
            ["malformed.json"] = Malformed,
            ["scan-baseline.json"] = UsmJson.WriteScan(Usm.Model.Assessment.SampleScans.Baseline),
            ["scan-interim.json"] = UsmJson.WriteScan(Usm.Model.Assessment.SampleScans.Interim),
        };
    }
}

/// <summary>The committed sample files are what the library's writers produce today, and they read back cleanly.</summary>
public class DataFilesTests
{
    [Fact]
    public void CommittedDataFiles_MatchTheGenerator()
    {
        var update = Environment.GetEnvironmentVariable("USM_UPDATE_DATA") == "1";
        foreach (var (name, text) in TestData.Generate())
        {
            var path = TestData.PathOf(name);
            if (update)
            {
                File.WriteAllText(path, text);
            }

            Assert.True(File.Exists(path), $"{path} is missing; run the tests with USM_UPDATE_DATA=1.");
            Assert.True(text == File.ReadAllText(path), $"{path} differs from the generator; run the tests with USM_UPDATE_DATA=1 if the change is deliberate.");
        }
    }
}
