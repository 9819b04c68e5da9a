using System.Collections.Immutable;

namespace Usm.Model;

/// <summary>Descriptive data for one of the five USM processes: its codes, names, trigger and hand-offs.</summary>
/// <remarks>
/// Instances are immutable and come only from <see cref="UsmProcesses"/>; equality is reference equality, and there
/// is exactly one instance per process.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ProcessInfo
{
    internal ProcessInfo(UsmProcess process, string code, string nounName, string englishName, string dutchName, CallType trigger)
    {
        Process = process;
        Code = code;
        NounName = nounName;
        EnglishName = englishName;
        DutchName = dutchName;
        Trigger = trigger;
    }

    /// <summary>Gets the process.</summary>
    public UsmProcess Process { get; }

    /// <summary>Gets the three-letter code: CTM, CHM, INC, OPS or IMP.</summary>
    public string Code { get; }

    /// <summary>Gets the noun-form name, for example "Contract management".</summary>
    public string NounName { get; }

    /// <summary>Gets the English verb name, for example "Agree".</summary>
    public string EnglishName { get; }

    /// <summary>Gets the Dutch verb name, for example "Afspreken".</summary>
    public string DutchName { get; }

    /// <summary>Gets the call type that triggers this process.</summary>
    public CallType Trigger { get; }

    /// <summary>Gets the processes this process may hand off to, in enum order.</summary>
    public ImmutableArray<UsmProcess> HandOffTargets => ProcessModel.HandOffTargets(Process);

    /// <inheritdoc />
    public override string ToString() => $"{EnglishName} ({Code})";
}
