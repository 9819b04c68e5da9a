using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Usm.Model.Internal;

namespace Usm.Model;

/// <summary>
/// Lookups for the five USM processes and the five call types: codes, names, and the trigger mapping between call
/// types and processes (a bijection).
/// </summary>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class UsmProcesses
{
    private static readonly ProcessInfo[] s_infos =
    [
        new(UsmProcess.Agree, "CTM", "Contract management", "Agree", "Afspreken", CallType.Wish),
        new(UsmProcess.Change, "CHM", "Change management", "Change", "Wijzigen", CallType.ChangeRequest),
        new(UsmProcess.Recover, "INC", "Incident management", "Recover", "Herstellen", CallType.Incident),
        new(UsmProcess.Operate, "OPS", "Operations management", "Operate", "Uitvoeren", CallType.ServiceRequest),
        new(UsmProcess.Improve, "IMP", "Improvement management", "Improve", "Verbeteren", CallType.Risk),
    ];

    /// <summary>Gets the five processes in their canonical order: Agree, Change, Recover, Operate, Improve.</summary>
    public static ImmutableArray<UsmProcess> All { get; } =
        [UsmProcess.Agree, UsmProcess.Change, UsmProcess.Recover, UsmProcess.Operate, UsmProcess.Improve];

    /// <summary>Gets the five call types in their canonical order: wish, change request, incident, service request, risk.</summary>
    public static ImmutableArray<CallType> AllCallTypes { get; } =
        [CallType.Wish, CallType.ChangeRequest, CallType.Incident, CallType.ServiceRequest, CallType.Risk];

    /// <summary>Gets the descriptive data of a process.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The process's codes, names, trigger and hand-offs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="process"/> is not a defined process.</exception>
    public static ProcessInfo Info(UsmProcess process) => s_infos[(int)Preconditions.CheckDefined(process) - 1];

    /// <summary>Gets the process a call type triggers.</summary>
    /// <param name="callType">The call type.</param>
    /// <returns>The triggered process; each call type triggers exactly one process and each process has exactly one trigger.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="callType"/> is not a defined call type.</exception>
    public static UsmProcess TriggeredProcess(CallType callType) => Preconditions.CheckDefined(callType) switch
    {
        CallType.Wish => UsmProcess.Agree,
        CallType.ChangeRequest => UsmProcess.Change,
        CallType.Incident => UsmProcess.Recover,
        CallType.ServiceRequest => UsmProcess.Operate,
        _ => UsmProcess.Improve,
    };

    /// <summary>Gets the call type that triggers a process (the inverse of <see cref="TriggeredProcess"/>).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The triggering call type.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="process"/> is not a defined process.</exception>
    public static CallType TriggerOf(UsmProcess process) => Info(process).Trigger;

    /// <summary>Gets the three-letter code of a process (CTM, CHM, INC, OPS, IMP).</summary>
    /// <param name="process">The process.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="process"/> is not a defined process.</exception>
    public static string Code(UsmProcess process) => Info(process).Code;

    /// <summary>
    /// Parses a process from its code, its English or Dutch verb name, or its noun name, ignoring case. The legacy code
    /// RIM (the risk process of the 2017 book) parses as <see cref="UsmProcess.Improve"/>.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The process.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> names no process.</exception>
    public static UsmProcess Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var process)
            ? process
            : throw new FormatException(Preconditions.Invariant($"'{text}' is not a USM process code or name (expected one of CTM, CHM, INC, OPS, IMP, RIM, or a process name)."));
    }

    /// <summary>Tries to parse a process from a code or name; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text to parse; may be null.</param>
    /// <param name="process">The parsed process, or <c>default</c> when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a process.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out UsmProcess process)
    {
        process = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (string.Equals(trimmed, "RIM", StringComparison.OrdinalIgnoreCase))
        {
            process = UsmProcess.Improve;
            return true;
        }

        foreach (var info in s_infos)
        {
            if (string.Equals(trimmed, info.Code, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, info.EnglishName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, info.DutchName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, info.NounName, StringComparison.OrdinalIgnoreCase))
            {
                process = info.Process;
                return true;
            }
        }

        return false;
    }
}
