using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Core;

public class ProcessModelTests
{
    // Process codes, names and triggers: domain.md §3.1 (usm.gr knowledge base; De USM-methode 2017).
    [Theory]
    [InlineData(UsmProcess.Agree, "CTM", "Agree", "Afspreken", CallType.Wish)]
    [InlineData(UsmProcess.Change, "CHM", "Change", "Wijzigen", CallType.ChangeRequest)]
    [InlineData(UsmProcess.Recover, "INC", "Recover", "Herstellen", CallType.Incident)]
    [InlineData(UsmProcess.Operate, "OPS", "Operate", "Uitvoeren", CallType.ServiceRequest)]
    [InlineData(UsmProcess.Improve, "IMP", "Improve", "Verbeteren", CallType.Risk)]
    public void Info_HasCodesNamesAndTrigger(UsmProcess process, string code, string english, string dutch, CallType trigger)
    {
        var info = UsmProcesses.Info(process);
        Assert.Equal(code, info.Code);
        Assert.Equal(english, info.EnglishName);
        Assert.Equal(dutch, info.DutchName);
        Assert.Equal(trigger, info.Trigger);
        Assert.Equal(process, UsmProcesses.TriggeredProcess(trigger));
    }

    [Theory]
    [InlineData("RIM", UsmProcess.Improve)]
    [InlineData("rim", UsmProcess.Improve)]
    [InlineData("IMP", UsmProcess.Improve)]
    [InlineData("CTM", UsmProcess.Agree)]
    [InlineData(" Herstellen ", UsmProcess.Recover)]
    [InlineData("operations management", UsmProcess.Operate)]
    public void Parse_AcceptsCodesNamesAndLegacyRim(string text, UsmProcess expected) => Assert.Equal(expected, UsmProcesses.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("XYZ")]
    [InlineData("Risk")]
    public void Parse_UnknownText_ThrowsFormatExceptionNamingIt(string text)
    {
        var ex = Assert.Throws<FormatException>(() => UsmProcesses.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_UndefinedProcess_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => UsmProcesses.Info((UsmProcess)0));

    [Fact]
    public void TriggerMapping_IsABijection()
    {
        var callTypes = Gen.Elements(UsmProcesses.AllCallTypes.ToArray()).ToArbitrary();
        var processes = Gen.Elements(UsmProcesses.All.ToArray()).ToArbitrary();
        PropertyCheck.Run(Prop.ForAll(callTypes, c => UsmProcesses.TriggerOf(UsmProcesses.TriggeredProcess(c)) == c), maxTest: 200);
        PropertyCheck.Run(Prop.ForAll(processes, p => UsmProcesses.TriggeredProcess(UsmProcesses.TriggerOf(p)) == p), maxTest: 200);
        Assert.Equal(5, UsmProcesses.AllCallTypes.Select(UsmProcesses.TriggeredProcess).Distinct().Count());
    }

    // Hand-off graph: domain.md §4 (structural inference from the eight workflow templates).
    [Fact]
    public void HandOffGraph_HasTheDocumentedEdges()
    {
        Assert.Equal(
            [(UsmProcess.Agree, UsmProcess.Change), (UsmProcess.Change, UsmProcess.Operate), (UsmProcess.Recover, UsmProcess.Change),
             (UsmProcess.Recover, UsmProcess.Operate), (UsmProcess.Improve, UsmProcess.Agree), (UsmProcess.Improve, UsmProcess.Change),
             (UsmProcess.Improve, UsmProcess.Operate)],
            ProcessModel.Edges.ToArray());
        Assert.Empty(ProcessModel.HandOffTargets(UsmProcess.Operate));
    }

    [Fact]
    public void Patterns_EqualTheGraphsMaximalTriggerToOperatePaths()
    {
        var fromGraph = ProcessModel.MaximalPathsToOperate().Select(p => string.Join(">", p)).Order(StringComparer.Ordinal);
        var fromTable = WorkflowPattern.All.Select(p => string.Join(">", p.Processes)).Order(StringComparer.Ordinal);
        Assert.Equal(fromTable, fromGraph);
        Assert.Equal(8, WorkflowPattern.All.Length);
    }

    [Fact]
    public void RandomWalksThroughTheGraph_AlwaysFollowAPattern_AndReachEveryPattern()
    {
        // A walk starts at a random process, then takes random hand-offs until none is left.
        var walk = from start in Gen.Elements(UsmProcesses.All.ToArray())
                   from choices in Gen.ListOf(Gen.Choose(0, 2), 4)
                   select Walk(start, choices);
        var seen = new HashSet<int>();
        PropertyCheck.Run(Prop.ForAll(walk.ToArbitrary(), path =>
        {
            var pattern = WorkflowPattern.FromProcesses(path);
            if (pattern is not null)
            {
                seen.Add(pattern.Number);
            }

            return pattern is not null && pattern.Processes[0] == UsmProcesses.TriggeredProcess(pattern.Trigger);
        }), maxTest: 2000);
        Assert.Equal(Enumerable.Range(1, 8), seen.Order());

        static List<UsmProcess> Walk(UsmProcess start, List<int> choices)
        {
            var path = new List<UsmProcess> { start };
            var i = 0;
            while (ProcessModel.HandOffTargets(path[^1]) is { IsEmpty: false } next)
            {
                path.Add(next[choices[i++ % choices.Count] % next.Length]);
            }

            return path;
        }
    }

    // The eight patterns: domain.md §4 table (usmtools EN/NL templates; usm.gr reactive/proactive split).
    [Theory]
    [InlineData(1, CallType.Wish, WorkflowKind.Reactive, "Agree>Change>Operate")]
    [InlineData(2, CallType.ChangeRequest, WorkflowKind.Reactive, "Change>Operate")]
    [InlineData(3, CallType.Incident, WorkflowKind.Reactive, "Recover>Change>Operate")]
    [InlineData(4, CallType.Incident, WorkflowKind.Reactive, "Recover>Operate")]
    [InlineData(5, CallType.ServiceRequest, WorkflowKind.Reactive, "Operate")]
    [InlineData(6, CallType.Risk, WorkflowKind.Proactive, "Improve>Agree>Change>Operate")]
    [InlineData(7, CallType.Risk, WorkflowKind.Proactive, "Improve>Change>Operate")]
    [InlineData(8, CallType.Risk, WorkflowKind.Proactive, "Improve>Operate")]
    public void Pattern_HasTriggerKindAndSequence(int number, CallType trigger, WorkflowKind kind, string sequence)
    {
        var pattern = WorkflowPattern.FromNumber(number);
        Assert.Equal(trigger, pattern.Trigger);
        Assert.Equal(kind, pattern.Kind);
        Assert.Equal(sequence, string.Join(">", pattern.Processes));
        Assert.Equal("W" + number, pattern.Code);
        Assert.Same(pattern, WorkflowPattern.FromProcesses(pattern.Processes));
        Assert.Equal(UsmProcess.Operate, pattern.Processes[^1]);
    }

    [Theory]
    [InlineData(CallType.Wish, 6)]
    [InlineData(CallType.ChangeRequest, 7)]
    [InlineData(CallType.ServiceRequest, 8)]
    public void ForRiskMeasure_MapsTriggerToW6W7W8(CallType trigger, int expected) => Assert.Equal(expected, WorkflowPattern.ForRiskMeasure(trigger).Number);

    [Fact]
    public void ForRiskMeasure_IncidentOrRisk_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowPattern.ForRiskMeasure(CallType.Incident));
        Assert.Contains("Incident", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartedBy_GivesOneTwoOrThreePatterns()
    {
        Assert.Equal([3, 4], WorkflowPattern.StartedBy(CallType.Incident).Select(p => p.Number));
        Assert.Equal([6, 7, 8], WorkflowPattern.StartedBy(CallType.Risk).Select(p => p.Number));
        Assert.Equal([5], WorkflowPattern.StartedBy(CallType.ServiceRequest).Select(p => p.Number));
    }

    [Fact]
    public void FromNumber_OutOfRange_ThrowsNamingValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowPattern.FromNumber(9));
        Assert.Contains("9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultCatalogue_HasStepCountsPerProcessAndValidHandOffs()
    {
        var catalogue = Routines.ProcessStepCatalogue.Default;
        Assert.Equal([8, 9, 7, 6, 7], UsmProcesses.All.Select(p => catalogue.StepsOf(p).Length));
        Assert.True(catalogue.Find("recover.recover")!.IsForkPoint);
        Assert.True(catalogue.Find("improve.deploy")!.IsForkPoint);
        Assert.Equal([UsmProcess.Change], catalogue.Find("agree.realise")!.HandOffTargets.ToArray());
    }

    [Fact]
    public void CatalogueCreate_IllegalHandOff_ThrowsNamingStep()
    {
        var steps = Routines.ProcessStepCatalogue.Default.Steps
            .Select(s => s.Key == "change.deploy" ? new Routines.StandardStep(s.Key, s.Process, s.Order, s.EnglishName, s.DutchName, [UsmProcess.Agree]) : s);
        var ex = Assert.Throws<ArgumentException>(() => Routines.ProcessStepCatalogue.Create(steps));
        Assert.Contains("change.deploy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogueCreate_GapInOrder_ThrowsNamingProcess()
    {
        var steps = Routines.ProcessStepCatalogue.Default.Steps.Where(s => s.Key != "operate.plan");
        var ex = Assert.Throws<ArgumentException>(() => Routines.ProcessStepCatalogue.Create(steps));
        Assert.Contains("Operate", ex.Message, StringComparison.Ordinal);
    }
}
