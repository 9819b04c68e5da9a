namespace Usm.Model.Routines;

/// <summary>
/// The three kinds of routine. All are derived from the process logic; each adds one resource to the one before.
/// </summary>
public enum RoutineType
{
    /// <summary>A process-level routine: only what happens, never who or how (process design requirement 1).</summary>
    Process = 1,

    /// <summary>A procedure: the process plus who performs each activity (profiles with RACI).</summary>
    Procedure = 2,

    /// <summary>A work instruction: the procedure plus how the operator performs it (tool and instruction text).</summary>
    WorkInstruction = 3,
}

/// <summary>Whether a workflow's path through the processes is fixed or chosen at a fork step (USM-WIF <c>dynamicity</c>).</summary>
public enum Dynamicity
{
    /// <summary>The path through the processes is fixed in advance.</summary>
    Static = 1,

    /// <summary>The path is chosen at a fork step; each branch is one possible continuation.</summary>
    Dynamic = 2,
}

/// <summary>The RACI letters a profile holds for an activity. Several may be combined.</summary>
[Flags]
public enum RaciRoles
{
    /// <summary>No role.</summary>
    None = 0,

    /// <summary>Responsible: does the work.</summary>
    Responsible = 1,

    /// <summary>Accountable: answers for the result; exactly one per activity in a procedure (a PROPOSAL of this library, checked by the conformance rules, not a USM fact).</summary>
    Accountable = 2,

    /// <summary>Consulted: gives input before or during the work.</summary>
    Consulted = 4,

    /// <summary>Informed: is told of the outcome.</summary>
    Informed = 8,
}
