using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model;

/// <summary>
/// One of the eight USM workflow patterns (W1 to W8): the sequence of process blocks that one kind of call sets off.
/// Because the process model is non-redundant, these eight are the only possible workflows.
/// </summary>
/// <remarks>
/// <para>The numbering and names follow the USM coach templates (usmtools); the process sequences agree with the
/// <see cref="ProcessModel"/> hand-off graph.</para>
/// <para>Instances come only from the static members; there is exactly one instance per pattern, so equality is
/// reference equality. Patterns are ordered by <see cref="Number"/>.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WorkflowPattern : IComparable<WorkflowPattern>
{
    private WorkflowPattern(int number, string englishName, string dutchName, CallType trigger, WorkflowKind kind, params UsmProcess[] processes)
    {
        Number = number;
        EnglishName = englishName;
        DutchName = dutchName;
        Trigger = trigger;
        Kind = kind;
        Processes = [.. processes];
    }

    /// <summary>Gets W1, changes to agreements: a wish runs Agree → Change → Operate.</summary>
    public static WorkflowPattern W1 { get; } = new(1, "Changes to agreements", "Aanpassing van de overeenkomst", CallType.Wish, WorkflowKind.Reactive, UsmProcess.Agree, UsmProcess.Change, UsmProcess.Operate);

    /// <summary>Gets W2, changes to managed resources: a change request runs Change → Operate.</summary>
    public static WorkflowPattern W2 { get; } = new(2, "Changes to managed resources", "Wijziging van beheerde infrastructuur", CallType.ChangeRequest, WorkflowKind.Reactive, UsmProcess.Change, UsmProcess.Operate);

    /// <summary>Gets W3, an incident whose recovery changes managed resources: Recover → Change → Operate.</summary>
    public static WorkflowPattern W3 { get; } = new(3, "Incident with changes to managed resources", "Incident met een wijziging van beheerde infrastructuur", CallType.Incident, WorkflowKind.Reactive, UsmProcess.Recover, UsmProcess.Change, UsmProcess.Operate);

    /// <summary>Gets W4, an incident recovered without changing managed resources: Recover → Operate.</summary>
    public static WorkflowPattern W4 { get; } = new(4, "Incident without changes to managed resources", "Incident zonder wijziging van beheerde infrastructuur", CallType.Incident, WorkflowKind.Reactive, UsmProcess.Recover, UsmProcess.Operate);

    /// <summary>Gets W5, operate: a service request runs Operate alone.</summary>
    public static WorkflowPattern W5 { get; } = new(5, "Operate", "Uitvoeren", CallType.ServiceRequest, WorkflowKind.Reactive, UsmProcess.Operate);

    /// <summary>Gets W6, a risk handled by changing agreements: Improve → Agree → Change → Operate.</summary>
    public static WorkflowPattern W6 { get; } = new(6, "Risks with changes to agreements", "Risico's met een aanpassing van de overeenkomst", CallType.Risk, WorkflowKind.Proactive, UsmProcess.Improve, UsmProcess.Agree, UsmProcess.Change, UsmProcess.Operate);

    /// <summary>Gets W7, a risk handled by changing managed resources: Improve → Change → Operate.</summary>
    public static WorkflowPattern W7 { get; } = new(7, "Risks with changes to managed resources", "Risico's met een wijziging van beheerde infrastructuur", CallType.Risk, WorkflowKind.Proactive, UsmProcess.Improve, UsmProcess.Change, UsmProcess.Operate);

    /// <summary>Gets W8, a risk that operations can handle: Improve → Operate.</summary>
    public static WorkflowPattern W8 { get; } = new(8, "Risks that can be handled by operations", "Risico's afgehandeld door Uitvoeren", CallType.Risk, WorkflowKind.Proactive, UsmProcess.Improve, UsmProcess.Operate);

    /// <summary>Gets the eight patterns, ordered by number.</summary>
    public static ImmutableArray<WorkflowPattern> All { get; } = [W1, W2, W3, W4, W5, W6, W7, W8];

    /// <summary>Gets the pattern number, 1 to 8.</summary>
    public int Number { get; }

    /// <summary>Gets the short code, "W1" to "W8".</summary>
    public string Code => "W" + (char)('0' + Number);

    /// <summary>Gets the English name.</summary>
    public string EnglishName { get; }

    /// <summary>Gets the Dutch name.</summary>
    public string DutchName { get; }

    /// <summary>Gets the call type that starts this pattern.</summary>
    public CallType Trigger { get; }

    /// <summary>Gets whether the pattern is reactive (W1-W5) or proactive (W6-W8).</summary>
    public WorkflowKind Kind { get; }

    /// <summary>Gets the process sequence; the first is the trigger's process and the last is always Operate.</summary>
    public ImmutableArray<UsmProcess> Processes { get; }

    /// <summary>Gets the pattern with the given number.</summary>
    /// <param name="number">The number, 1 to 8.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is outside 1 to 8.</exception>
    public static WorkflowPattern FromNumber(int number) => All[Preconditions.CheckInRange(number, 1, 8) - 1];

    /// <summary>Finds the pattern whose process sequence equals <paramref name="processes"/>.</summary>
    /// <param name="processes">A process sequence.</param>
    /// <returns>The matching pattern, or <see langword="null"/> when the sequence is none of the eight.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="processes"/> is null.</exception>
    public static WorkflowPattern? FromProcesses(IEnumerable<UsmProcess> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var sequence = processes as IReadOnlyList<UsmProcess> ?? [.. processes];
        foreach (var pattern in All)
        {
            if (pattern.Processes.SequenceEqual(sequence))
            {
                return pattern;
            }
        }

        return null;
    }

    /// <summary>Gets the patterns a call type can start.</summary>
    /// <param name="trigger">The call type.</param>
    /// <returns>One pattern for a wish, change request or service request; two for an incident (W3, W4); three for a risk (W6-W8).</returns>
    public static ImmutableArray<WorkflowPattern> StartedBy(CallType trigger)
    {
        Preconditions.CheckDefined(trigger);
        return [.. All.Where(p => p.Trigger == trigger)];
    }

    /// <summary>
    /// Gets the pattern a risk runs once its measure's trigger is known: a wish gives W6, a change request W7, and a
    /// service request W8.
    /// </summary>
    /// <param name="measureTrigger">The call type the deployed measure raises.</param>
    /// <returns>W6, W7 or W8.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="measureTrigger"/> is not a wish, change request or service request.</exception>
    public static WorkflowPattern ForRiskMeasure(CallType measureTrigger) => measureTrigger switch
    {
        CallType.Wish => W6,
        CallType.ChangeRequest => W7,
        CallType.ServiceRequest => W8,
        _ => throw new ArgumentOutOfRangeException(nameof(measureTrigger), measureTrigger, Preconditions.Invariant($"A risk's measure is deployed by a wish, a change request or a service request, not by {measureTrigger}.")),
    };

    /// <inheritdoc />
    public int CompareTo(WorkflowPattern? other) => other is null ? 1 : Number.CompareTo(other.Number);

    /// <summary>Compares two patterns by number.</summary>
    /// <param name="left">The first pattern.</param>
    /// <param name="right">The second pattern.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> has the lower number.</returns>
    public static bool operator <(WorkflowPattern? left, WorkflowPattern? right) => Comparer<WorkflowPattern>.Default.Compare(left, right) < 0;

    /// <summary>Compares two patterns by number.</summary>
    /// <param name="left">The first pattern.</param>
    /// <param name="right">The second pattern.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> has the higher number.</returns>
    public static bool operator >(WorkflowPattern? left, WorkflowPattern? right) => Comparer<WorkflowPattern>.Default.Compare(left, right) > 0;

    /// <summary>Compares two patterns by number.</summary>
    /// <param name="left">The first pattern.</param>
    /// <param name="right">The second pattern.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not have the higher number.</returns>
    public static bool operator <=(WorkflowPattern? left, WorkflowPattern? right) => Comparer<WorkflowPattern>.Default.Compare(left, right) <= 0;

    /// <summary>Compares two patterns by number.</summary>
    /// <param name="left">The first pattern.</param>
    /// <param name="right">The second pattern.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not have the lower number.</returns>
    public static bool operator >=(WorkflowPattern? left, WorkflowPattern? right) => Comparer<WorkflowPattern>.Default.Compare(left, right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Code} {EnglishName} ({string.Join(" → ", Processes)})";
}
