using System.Collections.Immutable;

namespace Usm.Model.Conformance;

/// <summary>The rule definitions, one field per rule; <see cref="ConformanceChecker.Rules"/> exposes them.</summary>
/// <remarks>docs/conformance-rules.md lists the same rules; a test keeps the two in step.</remarks>
internal static class RuleCatalogue
{
    public static readonly ConformanceRule EmptyTrunk = new(
        "USM-WF-001", FindingSeverity.Error, RuleSource.Proposal, "The workflow has trunk steps",
        "A workflow needs at least one trunk step; without one no path can start at the trigger's process. Suppresses the other path rules.");

    public static readonly ConformanceRule StartsAtTrigger = new(
        "USM-WF-002", FindingSeverity.Error, RuleSource.Fact, "The first process matches the trigger",
        "The first step belongs to the process the workflow's call type triggers (wish → Agree, change request → Change, incident → Recover, service request → Operate, risk → Improve).");

    public static readonly ConformanceRule ContiguousBlocks = new(
        "USM-WF-003", FindingSeverity.Error, RuleSource.Fact, "Process blocks are contiguous; no process repeats",
        "On every path each process forms one contiguous block: a workflow is a chain of non-overlapping chunks of separate processes.");

    public static readonly ConformanceRule HandOffFollowsGraph = new(
        "USM-WF-004", FindingSeverity.Error, RuleSource.Coach, "Every hand-off follows the process model",
        "Each change of process along a path is an edge of the hand-off graph: Improve → Agree, Change, Operate; Agree → Change; Recover → Change, Operate; Change → Operate.");

    public static readonly ConformanceRule EndsInOperate = new(
        "USM-WF-005", FindingSeverity.Error, RuleSource.Coach, "Every path ends in Operate",
        "Every path ends in Operate, so that together with USM-WF-002 to USM-WF-004 it is one of the eight workflow patterns.");

    public static readonly ConformanceRule DynamicityMatchesBranches = new(
        "USM-WF-006", FindingSeverity.Error, RuleSource.Coach, "Dynamicity agrees with the branches",
        "A static workflow has no branches; a dynamic workflow forks into at least two branches. Suppresses USM-WF-012.");

    public static readonly ConformanceRule UniqueStepIds = new(
        "USM-WF-007", FindingSeverity.Error, RuleSource.Proposal, "Step ids are unique",
        "No two steps of the workflow (trunk and branches) share an id.");

    public static readonly ConformanceRule KnownCatalogueStep = new(
        "USM-WF-008", FindingSeverity.Warning, RuleSource.Coach, "Catalogue keys name known steps",
        "A step that names a catalogue key names one the step catalogue holds. Such a step is left out of USM-WF-010 to USM-WF-012.");

    public static readonly ConformanceRule CatalogueStepInOwnProcess = new(
        "USM-WF-009", FindingSeverity.Warning, RuleSource.Coach, "A step implements a standard step of its own process",
        "A step's catalogue key names a standard step of the step's own process. Such a step is left out of USM-WF-010 to USM-WF-012.");

    public static readonly ConformanceRule CatalogueOrder = new(
        "USM-WF-010", FindingSeverity.Warning, RuleSource.Coach, "Steps within a process block follow the catalogue order",
        "Within one process block, the steps that implement standard steps appear in the catalogue's order, each at most once.");

    public static readonly ConformanceRule HandOffStep = new(
        "USM-WF-011", FindingSeverity.Warning, RuleSource.Coach, "A hand-off is made by the catalogue's hand-off step",
        "When a block hands off to the next process and the catalogue has a step of the block's process that hands off there (for example Agree's realise step to Change), a block that implements catalogue steps includes one such step.");

    public static readonly ConformanceRule ForkAtForkPoint = new(
        "USM-WF-012", FindingSeverity.Warning, RuleSource.Coach, "A dynamic workflow forks at a fork point",
        "The last trunk step of a workflow with branches, when it implements a catalogue step, implements a fork point (a step with two or more hand-off targets, such as Recover's recover step or Improve's deploy step).");

    public static readonly ConformanceRule ProcessHasNoPeople = new(
        "USM-RT-001", FindingSeverity.Error, RuleSource.Fact, "A process-level routine names no profiles",
        "A process states what happens, never who: in a routine of type process no activity carries responsibilities (process requirement 1).");

    public static readonly ConformanceRule HowOnlyInWorkInstruction = new(
        "USM-RT-002", FindingSeverity.Error, RuleSource.Fact, "Only a work instruction says how",
        "Tools and instruction texts belong to work instructions: in a process or a procedure no activity carries a tool or an instruction.");

    public static readonly ConformanceRule StepHasActivities = new(
        "USM-RT-003", FindingSeverity.Warning, RuleSource.Proposal, "A procedure step has activities",
        "In a procedure or work instruction every step holds at least one activity, because responsibilities are assigned per activity.");

    public static readonly ConformanceRule ActivityHasProfiles = new(
        "USM-RT-004", FindingSeverity.Error, RuleSource.Fact, "A procedure activity names who performs it",
        "A procedure adds who to the process: in a procedure or work instruction every activity carries at least one responsibility. Suppresses USM-RT-005 and USM-RT-006 on that activity.");

    public static readonly ConformanceRule OneAccountable = new(
        "USM-RT-005", FindingSeverity.Error, RuleSource.Proposal, "Exactly one Accountable per activity",
        "In a procedure or work instruction each activity has exactly one profile that is Accountable (the RACI convention).");

    public static readonly ConformanceRule SomeResponsible = new(
        "USM-RT-006", FindingSeverity.Error, RuleSource.Proposal, "At least one Responsible per activity",
        "In a procedure or work instruction each activity has at least one profile that is Responsible (the RACI convention).");

    public static readonly ConformanceRule ResponsibilityHasRole = new(
        "USM-RT-007", FindingSeverity.Warning, RuleSource.Proposal, "Every listed profile holds a RACI role",
        "A responsibility with no R, A, C or I says nothing; it is probably an unfinished entry.");

    public static readonly ConformanceRule ProfileListedOnce = new(
        "USM-RT-008", FindingSeverity.Error, RuleSource.Proposal, "A profile is listed once per activity",
        "Each profile appears at most once in an activity's responsibilities; combine its roles into one entry.");

    public static readonly ConformanceRule KnownProfile = new(
        "USM-RT-009", FindingSeverity.Error, RuleSource.Proposal, "Responsibilities name known profiles",
        "When the organisation's profile ids are given, every profile an activity of a procedure or work instruction names is one of them.");

    public static readonly ConformanceRule WorkInstructionSaysHow = new(
        "USM-RT-010", FindingSeverity.Error, RuleSource.Fact, "A work instruction says how",
        "A work instruction adds how to the procedure: each of its activities carries an instruction text (a tool is optional).");

    public static readonly ConformanceRule UniqueActivityIds = new(
        "USM-RT-011", FindingSeverity.Error, RuleSource.Proposal, "Activity ids are unique",
        "No two activities of the workflow (trunk and branches) share an id.");

    public static ImmutableArray<ConformanceRule> All { get; } =
    [
        EmptyTrunk, StartsAtTrigger, ContiguousBlocks, HandOffFollowsGraph, EndsInOperate, DynamicityMatchesBranches,
        UniqueStepIds, KnownCatalogueStep, CatalogueStepInOwnProcess, CatalogueOrder, HandOffStep, ForkAtForkPoint,
        ProcessHasNoPeople, HowOnlyInWorkInstruction, StepHasActivities, ActivityHasProfiles, OneAccountable,
        SomeResponsible, ResponsibilityHasRole, ProfileListedOnce, KnownProfile, WorkInstructionSaysHow, UniqueActivityIds,
    ];
}
