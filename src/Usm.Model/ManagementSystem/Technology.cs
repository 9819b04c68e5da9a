using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.ManagementSystem;

/// <summary>The tooling strategy: one integrated tool, or an SDC tool integrated with specialist tools.</summary>
public enum ToolingStrategy
{
    /// <summary>ERP: one integrated tool that also supports technical operations.</summary>
    Erp = 1,

    /// <summary>Best-of-breed: the SDC tool is integrated with specialist tools.</summary>
    BestOfBreed = 2,
}

/// <summary>What a mechanisation tool is for.</summary>
public enum ToolPurpose
{
    /// <summary>Monitoring of infrastructure and services.</summary>
    Monitoring = 1,

    /// <summary>Knowledge management (for example, a knowledge base of known solutions).</summary>
    Knowledge = 2,

    /// <summary>Reporting.</summary>
    Reporting = 3,

    /// <summary>Project and portfolio management (PPM).</summary>
    PortfolioManagement = 4,

    /// <summary>Communication with customers, users and staff.</summary>
    Communication = 5,

    /// <summary>Domain-specific system management.</summary>
    SystemManagement = 6,

    /// <summary>Any other purpose.</summary>
    Other = 7,
}

/// <summary>The kind of a non-automated tool.</summary>
public enum NonAutomatedToolKind
{
    /// <summary>A template.</summary>
    Template = 1,

    /// <summary>A document.</summary>
    Document = 2,

    /// <summary>A form.</summary>
    Form = 3,

    /// <summary>A scheme or chart.</summary>
    Scheme = 4,
}

/// <summary>A call register in the SDC tool's workflow administration: the register for one call type and the routines it runs.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CallRegister : IEquatable<CallRegister>
{
    /// <summary>Creates a call register.</summary>
    /// <param name="callType">The call type registered here.</param>
    /// <param name="routineIds">The ids of the routines (workflows) this register runs.</param>
    /// <param name="name">An optional name, for example "Register of incidents".</param>
    /// <exception cref="ArgumentException"><paramref name="routineIds"/> holds a blank id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="callType"/> is undefined.</exception>
    public CallRegister(CallType callType, IEnumerable<string>? routineIds = null, string? name = null)
    {
        CallType = Preconditions.CheckDefined(callType);
        RoutineIds = Ids.From(routineIds, nameof(routineIds));
        Name = name;
    }

    /// <summary>Gets the call type.</summary>
    public CallType CallType { get; }

    /// <summary>Gets the routine ids.</summary>
    public ImmutableArray<string> RoutineIds { get; }

    /// <summary>Gets the name, if any.</summary>
    public string? Name { get; }

    /// <inheritdoc />
    public bool Equals(CallRegister? other) => other is not null && CallType == other.CallType && Name == other.Name && Hashing.SequenceEqual(RoutineIds, other.RoutineIds);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CallRegister other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CallType, Name, Hashing.Sequence(RoutineIds));

    /// <inheritdoc />
    public override string ToString() => $"{CallType} register ({RoutineIds.Length} routines)";
}

/// <summary>
/// The service delivery coordination (SDC) tool: the top of USM's tool pyramid. It holds the workflow administration
/// (one call register per call type, with its routines) and the managed infrastructure register.
/// </summary>
/// <remarks>Equality compares every property; registers compare in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SdcTool : IEquatable<SdcTool>
{
    /// <summary>Creates an SDC tool.</summary>
    /// <param name="name">The product or instance name.</param>
    /// <param name="registers">The call registers.</param>
    /// <param name="mir">The managed infrastructure register, or null when the tool has none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null, or <paramref name="registers"/> holds null.</exception>
    public SdcTool(string name, IEnumerable<CallRegister>? registers, ManagedInfrastructureRegister? mir)
    {
        Name = Preconditions.CheckNotNull(name);
        Registers = Ids.Items(registers, nameof(registers));
        Mir = mir;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the call registers.</summary>
    public ImmutableArray<CallRegister> Registers { get; }

    /// <summary>Gets the MIR, or null.</summary>
    public ManagedInfrastructureRegister? Mir { get; }

    /// <summary>Finds the register for a call type (the first, if several).</summary>
    /// <param name="callType">The call type.</param>
    /// <returns>The register, or null.</returns>
    public CallRegister? RegisterFor(CallType callType) => Registers.FirstOrDefault(r => r.CallType == callType);

    /// <summary>Returns a copy with another MIR.</summary>
    /// <param name="mir">The register, or null.</param>
    /// <returns>A new tool; this one is unchanged.</returns>
    public SdcTool WithMir(ManagedInfrastructureRegister? mir) => new(Name, Registers, mir);

    /// <summary>Returns a copy with other call registers.</summary>
    /// <param name="registers">The registers.</param>
    /// <returns>A new tool; this one is unchanged.</returns>
    public SdcTool WithRegisters(IEnumerable<CallRegister> registers) => new(Name, registers, Mir);

    /// <inheritdoc />
    public bool Equals(SdcTool? other) => other is not null && Name == other.Name && Hashing.SequenceEqual(Registers, other.Registers) && Equals(Mir, other.Mir);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SdcTool other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Hashing.Sequence(Registers), Mir);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Registers.Length} registers, {(Mir is null ? "no MIR" : Mir.ToString())})";
}

/// <summary>A mechanisation tool (monitoring, knowledge, reporting, ...).</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class MechanisationTool : IEquatable<MechanisationTool>
{
    /// <summary>Creates a tool.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="purpose">What it is for.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purpose"/> is undefined.</exception>
    public MechanisationTool(string id, string name, ToolPurpose purpose)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Purpose = Preconditions.CheckDefined(purpose);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the purpose.</summary>
    public ToolPurpose Purpose { get; }

    /// <inheritdoc />
    public bool Equals(MechanisationTool? other) => other is not null && Id == other.Id && Name == other.Name && Purpose == other.Purpose;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MechanisationTool other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Purpose);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name}, {Purpose})";
}

/// <summary>A non-automated tool: a template, document, form or scheme.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class NonAutomatedTool : IEquatable<NonAutomatedTool>
{
    /// <summary>Creates a tool.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="kind">Template, document, form or scheme.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public NonAutomatedTool(string id, string name, NonAutomatedToolKind kind)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Kind = Preconditions.CheckDefined(kind);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the kind.</summary>
    public NonAutomatedToolKind Kind { get; }

    /// <inheritdoc />
    public bool Equals(NonAutomatedTool? other) => other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NonAutomatedTool other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name}, {Kind})";
}

/// <summary>The technology of a service management system: the SDC tool, mechanisation and non-automated tools, and the tooling strategy.</summary>
/// <remarks>Equality compares every property; lists compare in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Technology : IEquatable<Technology>
{
    /// <summary>Creates the technology component.</summary>
    /// <param name="sdcTool">The SDC tool.</param>
    /// <param name="strategy">ERP or best-of-breed.</param>
    /// <param name="mechanisationTools">The mechanisation tools.</param>
    /// <param name="nonAutomatedTools">The non-automated tools.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sdcTool"/> is null, or a list holds null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strategy"/> is undefined.</exception>
    public Technology(SdcTool sdcTool, ToolingStrategy strategy, IEnumerable<MechanisationTool>? mechanisationTools = null, IEnumerable<NonAutomatedTool>? nonAutomatedTools = null)
    {
        SdcTool = Preconditions.CheckNotNull(sdcTool);
        Strategy = Preconditions.CheckDefined(strategy);
        MechanisationTools = Ids.Items(mechanisationTools, nameof(mechanisationTools));
        NonAutomatedTools = Ids.Items(nonAutomatedTools, nameof(nonAutomatedTools));
    }

    /// <summary>Gets the SDC tool.</summary>
    public SdcTool SdcTool { get; }

    /// <summary>Gets the tooling strategy.</summary>
    public ToolingStrategy Strategy { get; }

    /// <summary>Gets the mechanisation tools.</summary>
    public ImmutableArray<MechanisationTool> MechanisationTools { get; }

    /// <summary>Gets the non-automated tools.</summary>
    public ImmutableArray<NonAutomatedTool> NonAutomatedTools { get; }

    /// <summary>Returns a copy with another SDC tool.</summary>
    /// <param name="sdcTool">The tool.</param>
    /// <returns>A new technology component; this one is unchanged.</returns>
    public Technology WithSdcTool(SdcTool sdcTool) => new(sdcTool, Strategy, MechanisationTools, NonAutomatedTools);

    /// <inheritdoc />
    public bool Equals(Technology? other) =>
        other is not null
        && SdcTool.Equals(other.SdcTool)
        && Strategy == other.Strategy
        && Hashing.SequenceEqual(MechanisationTools, other.MechanisationTools)
        && Hashing.SequenceEqual(NonAutomatedTools, other.NonAutomatedTools);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Technology other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SdcTool, Strategy, Hashing.Sequence(MechanisationTools), Hashing.Sequence(NonAutomatedTools));

    /// <inheritdoc />
    public override string ToString() => $"{SdcTool.Name} ({Strategy}, {MechanisationTools.Length} mechanisation tools, {NonAutomatedTools.Length} non-automated tools)";
}
