using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Usm.Model.Internal;
using Usm.Model.Routines;

namespace Usm.Model.Serialization;

/// <summary>
/// Import and export of USM-WIF 1.0.0, the USM Workflow Interchange Format (a USM-coach draft, © 2021 SURVUZ
/// Foundation): workflows and workflow templates mapped to <see cref="Workflow"/>.
/// </summary>
/// <remarks>
/// <para>Import is tolerant in the ways the draft asks: unknown members are ignored (unless
/// <see cref="ReaderOptions.Strict"/>), member order is insignificant, templates may omit any member, and the draft's
/// own quirks are absorbed and reported as findings: <c>sort-index</c> written as a string (USM-WIF-001),
/// <c>steps</c> written as an object (USM-WIF-002), the version under the name <c>format-version</c> (USM-WIF-004).
/// Workflows (type <c>workflow</c>) must have <c>slug</c>, <c>name</c> and <c>usm-wif-version</c> "1.0.0".</para>
/// <para>Import never throws for bad input; see <see cref="ReadResult{T}"/>. The only exception is
/// <see cref="ReadException"/>, for a null argument or an unreadable stream.</para>
/// <para>Export writes <c>usm-wif-version</c> "1.0.0" and this library's extension members (prefixed
/// <c>x-usm-model-</c>) for what USM-WIF cannot express: routine type, branches of a dynamic workflow, catalogue keys,
/// tools and instructions.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static partial class UsmWif
{
    /// <summary>The only USM-WIF version this library reads and writes: "1.0.0".</summary>
    public const string Version = "1.0.0";

    /// <summary>The file extension of a workflow document.</summary>
    public const string WorkflowFileExtension = ".workflow.json";

    /// <summary>The file extension of a workflow template document.</summary>
    public const string TemplateFileExtension = ".workflow-template.json";

    /// <summary>Gets whether a text is a valid USM-WIF slug: ASCII letters and digits in groups joined by single dashes.</summary>
    /// <param name="slug">The text.</param>
    /// <returns>Whether it is a slug.</returns>
    public static bool IsSlug(string? slug) => slug is not null && SlugRegex().IsMatch(slug);

    /// <summary>Imports a USM-WIF document from text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The imported workflow with metadata and findings, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<WifImportResult> Import(string json, ReaderOptions? options = null)
    {
        if (json is null)
        {
            throw new ReadException("The document text is null.", nameof(json));
        }

        options ??= ReaderOptions.Default;
        var errors = new List<ReadError>();
        using var document = JsonInput.Parse(json, options, errors);
        return document is null ? ReadResult<WifImportResult>.Failure(errors) : WifReader.Read(document.RootElement, options);
    }

    /// <summary>Imports a USM-WIF document from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The imported workflow with metadata and findings, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<WifImportResult> Import(Stream utf8Json, ReaderOptions? options = null)
    {
        if (utf8Json is null)
        {
            throw new ReadException("The stream is null.", nameof(utf8Json));
        }

        options ??= ReaderOptions.Default;
        var errors = new List<ReadError>();
        using var document = JsonInput.Parse(utf8Json, options, errors);
        return document is null ? ReadResult<WifImportResult>.Failure(errors) : WifReader.Read(document.RootElement, options);
    }

    /// <summary>Exports a workflow as a USM-WIF 1.0.0 document (indented, LF line ends).</summary>
    /// <param name="workflow">The workflow; its id becomes the slug.</param>
    /// <param name="metadata">The metadata, or null for a plain workflow document.</param>
    /// <param name="profiles">Profiles to declare, or null to declare none. When given, every responsibility must name one of them.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workflow"/> is null, or <paramref name="profiles"/> holds null.</exception>
    /// <exception cref="ArgumentException">The workflow cannot be expressed in USM-WIF: its id is not a slug, two steps
    /// share an id, two activities of one step share an id, one activity lists a profile twice, a profile is declared
    /// twice, or a responsibility names an undeclared profile. The message names the offending value.</exception>
    public static string Export(Workflow workflow, WifMetadata? metadata = null, IEnumerable<WifProfile>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        metadata ??= WifMetadata.Empty;
        var declared = profiles?.ToList();
        var dto = WifWriter.ToDto(workflow, metadata, declared);
        return JsonSerializer.Serialize(dto, UsmJsonContext.Writer.WifWorkflowDto);
    }

    [GeneratedRegex("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}

/// <summary>Maps a workflow to the USM-WIF writing shape, checking what USM-WIF cannot express.</summary>
internal static class WifWriter
{
    public static WifWorkflowDto ToDto(Workflow workflow, WifMetadata metadata, List<WifProfile>? profiles)
    {
        Preconditions.CheckArgument(UsmWif.IsSlug(workflow.Id), nameof(workflow), $"Workflow id '{workflow.Id}' is not a USM-WIF slug (letters and digits joined by single dashes).");
        HashSet<string>? profileIds = null;
        if (profiles is not null)
        {
            profileIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var profile in profiles)
            {
                Preconditions.CheckArgument(profile is not null, nameof(profiles), "The profiles cannot hold null.");
                Preconditions.CheckArgument(profileIds.Add(profile.Id), nameof(profiles), $"Profile '{profile.Id}' is declared twice.");
            }
        }

        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        var steps = new List<WifStepDto>();
        foreach (var step in workflow.AllSteps)
        {
            Preconditions.CheckArgument(stepIds.Add(step.Id), nameof(workflow), $"Workflow '{workflow.Id}' has two steps with id '{step.Id}'; USM-WIF needs step ids unique within the workflow.");
            steps.Add(ToDto(step, steps.Count, profileIds));
        }

        return new WifWorkflowDto
        {
            Type = metadata.DocumentType == WifDocumentType.WorkflowTemplate ? "workflow-template" : "workflow",
            SourceSystemType = metadata.SourceSystemType,
            SourceSystemVersion = metadata.SourceSystemVersion,
            SourceSystemInstance = metadata.SourceSystemInstance,
            Context = metadata.Context,
            Slug = workflow.Id,
            Name = workflow.Name,
            Description = workflow.Description,
            WorkflowVersion = metadata.WorkflowVersion,
            CreatedAt = metadata.CreatedAt,
            CreatedBy = ToDto(metadata.CreatedBy),
            ModifiedAt = metadata.ModifiedAt,
            ModifiedBy = ToDto(metadata.ModifiedBy),
            Process = WifNames.Process(UsmProcesses.TriggeredProcess(workflow.Trigger)),
            Dynamicity = workflow.Dynamicity == Dynamicity.Dynamic ? "dynamic" : "static",
            RoutineType = WifNames.RoutineType(workflow.RoutineType),
            Profiles = profiles?.Select(p => new WifProfileDto { Id = p.Id, Name = p.Name }).ToList(),
            Steps = steps,
            Branches = workflow.Branches.IsEmpty ? null : [.. workflow.Branches.Select(b => new WifBranchDto { Name = b.Name, Steps = [.. b.Steps.Select(s => s.Id)] })],
        };
    }

    private static WifPersonDto? ToDto(WifPerson? person) => person is null ? null : new WifPersonDto { Id = person.Id, Name = person.Name, Email = person.Email };

    private static WifStepDto ToDto(WorkflowStep step, int sortIndex, HashSet<string>? profileIds)
    {
        var activityIds = new HashSet<string>(StringComparer.Ordinal);
        var activities = new List<WifActivityDto>();
        foreach (var activity in step.Activities)
        {
            Preconditions.CheckArgument(activityIds.Add(activity.Id), "workflow", $"Step '{step.Id}' has two activities with id '{activity.Id}'.");
            var responsibilities = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var r in activity.Responsibilities)
            {
                Preconditions.CheckArgument(!responsibilities.ContainsKey(r.ProfileId), "workflow", $"Activity '{activity.Id}' lists profile '{r.ProfileId}' twice.");
                Preconditions.CheckArgument(profileIds is null || profileIds.Contains(r.ProfileId), "profiles", $"Activity '{activity.Id}' names profile '{r.ProfileId}', which is not declared.");
                responsibilities.Add(r.ProfileId, WifNames.Raci(r.Roles));
            }

            activities.Add(new WifActivityDto
            {
                Id = activity.Id,
                SortIndex = activities.Count,
                Name = activity.Name,
                Description = activity.Description,
                Responsibilities = responsibilities,
                Tool = activity.Tool,
                Instruction = activity.Instruction,
            });
        }

        return new WifStepDto
        {
            Id = step.Id,
            SortIndex = sortIndex,
            Name = step.Name,
            Description = step.Description,
            Process = WifNames.Process(step.Process),
            CatalogueKey = step.CatalogueKey,
            Activities = activities,
        };
    }
}

/// <summary>The USM-WIF spellings of enumerations.</summary>
internal static class WifNames
{
    public static string Process(UsmProcess process) => process switch
    {
        UsmProcess.Agree => "agree",
        UsmProcess.Change => "change",
        UsmProcess.Recover => "recover",
        UsmProcess.Operate => "operate",
        _ => "improve",
    };

    public static string RoutineType(RoutineType type) => type switch
    {
        Routines.RoutineType.Procedure => "procedure",
        Routines.RoutineType.WorkInstruction => "work-instruction",
        _ => "process",
    };

    public static RoutineType? ParseRoutineType(string text) => text switch
    {
        "process" => Routines.RoutineType.Process,
        "procedure" => Routines.RoutineType.Procedure,
        "work-instruction" => Routines.RoutineType.WorkInstruction,
        _ => null,
    };

    public static List<string> Raci(RaciRoles roles)
    {
        var letters = new List<string>(4);
        if ((roles & RaciRoles.Responsible) != 0)
        {
            letters.Add("R");
        }

        if ((roles & RaciRoles.Accountable) != 0)
        {
            letters.Add("A");
        }

        if ((roles & RaciRoles.Consulted) != 0)
        {
            letters.Add("C");
        }

        if ((roles & RaciRoles.Informed) != 0)
        {
            letters.Add("I");
        }

        return letters;
    }

    /// <summary>Parses one RACI entry: a letter (R, A, C, I) or a word (responsible, …), ignoring case.</summary>
    public static RaciRoles? ParseRaci(string text) => text.Trim().ToUpperInvariant() switch
    {
        "R" or "RESPONSIBLE" => RaciRoles.Responsible,
        "A" or "ACCOUNTABLE" => RaciRoles.Accountable,
        "C" or "CONSULTED" => RaciRoles.Consulted,
        "I" or "INFORMED" => RaciRoles.Informed,
        _ => null,
    };

    /// <summary>Parses a process name as USM-WIF writes it (agree, change, …); codes and Dutch names are accepted too.</summary>
    public static UsmProcess? ParseProcess(string text) => UsmProcesses.TryParse(text, out var p) ? p : null;

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
