using System.Collections.Frozen;
using System.Text.Json;
using Usm.Model.Routines;

namespace Usm.Model.Serialization;

/// <summary>The written names of enumerations in the Usm.Model JSON and CSV formats (kebab-case, stable).</summary>
internal static class EnumNames
{
    public static readonly EnumTable<CallType> CallType = new(
        (Model.CallType.Wish, "wish"), (Model.CallType.ChangeRequest, "change-request"), (Model.CallType.Incident, "incident"),
        (Model.CallType.ServiceRequest, "service-request"), (Model.CallType.Risk, "risk"));

    public static readonly EnumTable<UsmProcess> Process = new(
        (UsmProcess.Agree, "agree"), (UsmProcess.Change, "change"), (UsmProcess.Recover, "recover"), (UsmProcess.Operate, "operate"), (UsmProcess.Improve, "improve"));

    public static readonly EnumTable<RoutineType> RoutineType = new(
        (Routines.RoutineType.Process, "process"), (Routines.RoutineType.Procedure, "procedure"), (Routines.RoutineType.WorkInstruction, "work-instruction"));

    public static readonly EnumTable<Dynamicity> Dynamicity = new((Routines.Dynamicity.Static, "static"), (Routines.Dynamicity.Dynamic, "dynamic"));

    public static readonly EnumTable<RaciRoles> Raci = new(
        (RaciRoles.Responsible, "responsible"), (RaciRoles.Accountable, "accountable"), (RaciRoles.Consulted, "consulted"), (RaciRoles.Informed, "informed"));
}

/// <summary>A two-way table between enum values and their written names.</summary>
internal sealed class EnumTable<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<T, string> _names;
    private readonly FrozenDictionary<T, JsonEncodedText> _encoded;
    private readonly FrozenDictionary<string, T> _values;

    public EnumTable(params (T Value, string Name)[] entries)
    {
        _names = entries.ToFrozenDictionary(e => e.Value, e => e.Name);
        _encoded = entries.ToFrozenDictionary(e => e.Value, e => JsonEncodedText.Encode(e.Name));
        _values = entries.ToFrozenDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        Names = [.. entries.Select(e => e.Name)];
    }

    public IReadOnlyList<string> Names { get; }

    public string Name(T value) => _names[value];

    /// <summary>Gets the written name, already encoded for a <see cref="Utf8JsonWriter"/> (the streaming writers' hot paths).</summary>
    public JsonEncodedText Encoded(T value) => _encoded[value];

    public T? Parse(string? text) => text is not null && _values.TryGetValue(text, out var value) ? value : null;

    /// <summary>Parses a required value, reporting a missing member or an unknown name at <paramref name="path"/>.</summary>
    public T? Read(string? text, string path, JsonReadContext ctx, string what)
    {
        if (text is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, path, $"The required member '{Last(path)}' is missing.");
            return null;
        }

        var value = Parse(text);
        if (value is null)
        {
            ctx.Error(ReadErrorCode.UnknownEnumValue, path, $"'{JsonReadContext.Shorten(text)}' is not {what} (expected one of {string.Join(", ", Names)}).");
        }

        return value;
    }

    private static string Last(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path[(dot + 1)..];
    }
}

/// <summary>The written names of the improvement model's enumerations.</summary>
internal static class ImprovementNames
{
    public static readonly EnumTable<Improvement.RiskPolarity> Polarity = new((Improvement.RiskPolarity.Threat, "threat"), (Improvement.RiskPolarity.Opportunity, "opportunity"));

    public static readonly EnumTable<Improvement.RiskStatus> Status = new(
        (Improvement.RiskStatus.Identified, "identified"), (Improvement.RiskStatus.Classified, "classified"), (Improvement.RiskStatus.KnownError, "known-error"),
        (Improvement.RiskStatus.MeasureSelected, "measure-selected"), (Improvement.RiskStatus.MeasureDeployed, "measure-deployed"), (Improvement.RiskStatus.Fulfilled, "fulfilled"),
        (Improvement.RiskStatus.Closed, "closed"), (Improvement.RiskStatus.Rejected, "rejected"), (Improvement.RiskStatus.Withdrawn, "withdrawn"));

    public static readonly EnumTable<Improvement.MeasureKind> MeasureKind = new((Improvement.MeasureKind.Mitigate, "mitigate"), (Improvement.MeasureKind.Foster, "foster"));

    public static readonly EnumTable<Improvement.RiskOriginKind> OriginKind = new(
        (Improvement.RiskOriginKind.ReportedByPerson, "reported-by-person"), (Improvement.RiskOriginKind.ClosedCall, "closed-call"), (Improvement.RiskOriginKind.ScanGap, "scan-gap"));

    public static readonly EnumTable<Improvement.EstimateKind> EstimateKind = new(
        (Improvement.EstimateKind.ProbabilityAndImpact, "probability-and-impact"), (Improvement.EstimateKind.ThreePoint, "three-point"));

    public static readonly EnumTable<Improvement.RiskEventKind> EventKind = new((Improvement.RiskEventKind.Registered, "registered"), (Improvement.RiskEventKind.CommandApplied, "command-applied"));

    public static readonly EnumTable<Resource> Resource = new((Model.Resource.People, "people"), (Model.Resource.Process, "process"), (Model.Resource.Technology, "technology"));

    public static readonly string[] CommandTypes =
        ["classify", "record-root-cause", "add-measure", "select-measure", "deploy-measure", "fulfil", "close", "reject", "withdraw", "update-details"];
}

/// <summary>Kebab-case tables built from enum member names (<c>ReportedByPerson</c> → <c>reported-by-person</c>).</summary>
internal static class KebabEnum<T>
    where T : struct, Enum
{
    public static EnumTable<T> Table { get; } = new([.. Enum.GetValues<T>().Select(v => (v, ToKebab(v.ToString())))]);

    private static string ToKebab(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
