namespace Usm.Model.Assessment;

/// <summary>
/// The ten prerequisites that must hold before a USM improvement initiative starts (seed document "Hoe voer je USM
/// in", usm-portal). The numbering follows that document.
/// </summary>
/// <remarks>There is no member with the value 0, so <c>default(Prerequisite)</c> is not a prerequisite.</remarks>
public enum Prerequisite
{
    /// <summary>1. Management is visibly committed: scope, rationale and approach are stated.</summary>
    ManagementCommitment = 1,

    /// <summary>2. A baseline scan of the starting situation exists, and progress is measured with the same technique.</summary>
    BaselineScan = 2,

    /// <summary>3. The people involved are trained: knowledge of the method is present.</summary>
    Training = 3,

    /// <summary>4. The initiative has a structure (an internal project leader, a steering group) and resources.</summary>
    StructureAndResources = 4,

    /// <summary>5. Management tools are in place: an SDC tool with workflow administration and a MIR.</summary>
    ManagementTools = 5,

    /// <summary>6. Improvements are managed as positive and negative risks in a risk database.</summary>
    ImprovementsAsRisks = 6,

    /// <summary>7. An inventory of improvements exists: the improvements are registered as risks.</summary>
    ImprovementInventory = 7,

    /// <summary>8. Work proceeds in small improvement sprints chosen by an agreed prioritisation mechanism.</summary>
    ImprovementSprints = 8,

    /// <summary>9. The initiative is communicated: a communication plan exists.</summary>
    Communication = 9,

    /// <summary>10. All staff are involved, for example through a sounding-board group of staff, not managers.</summary>
    StaffInvolvement = 10,
}

/// <summary>The kind of USM element a question probes.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum UsmElementKind
{
    /// <summary>One of the ten deployment prerequisites.</summary>
    Prerequisite = 1,

    /// <summary>One of the three essential resources: people, process or technology.</summary>
    Resource = 2,

    /// <summary>One of the five processes.</summary>
    Process = 3,

    /// <summary>One of the eight workflow patterns.</summary>
    WorkflowPattern = 4,

    /// <summary>The services the organisation delivers (specification, catalogue, agreements).</summary>
    Services = 5,
}
