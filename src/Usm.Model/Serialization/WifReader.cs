using System.Collections.Frozen;
using System.Text.Json;
using NodaTime;
using Usm.Model.Routines;

namespace Usm.Model.Serialization;

/// <summary>Walks a parsed USM-WIF document and builds the workflow, collecting every error before building anything.</summary>
internal static class WifReader
{
    private static readonly FrozenSet<string> s_workflowMembers = FrozenSet.ToFrozenSet(
    [
        "usm-wif-version", "format-version", "type", "source-system-type", "source-system-version", "source-system-instance", "context", "slug",
        "name", "description", "workflow-version", "created-at", "created-by", "modified-at", "modified-by", "process", "dynamicity", "profiles",
        "steps", "x-usm-model-routine-type", "x-usm-model-branches",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_stepMembers = FrozenSet.ToFrozenSet(
        ["id", "sort-index", "name", "description", "process", "activities", "x-usm-model-catalogue-key"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_activityMembers = FrozenSet.ToFrozenSet(
        ["id", "sort-index", "name", "description", "responsibilities", "x-usm-model-tool", "x-usm-model-instruction"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_personMembers = FrozenSet.ToFrozenSet(["id", "name", "email"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_profileMembers = FrozenSet.ToFrozenSet(["id", "name"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_branchMembers = FrozenSet.ToFrozenSet(["name", "steps"], StringComparer.Ordinal);

    public static ReadResult<WifImportResult> Read(JsonElement root, ReaderOptions options)
    {
        var ctx = new JsonReadContext(options);
        if (!ctx.IsObject(root, "$"))
        {
            return ReadResult<WifImportResult>.Failure(ctx.Errors);
        }

        const string P = "$";
        ctx.CheckMembers(root, P, s_workflowMembers);

        var documentType = WifDocumentType.Workflow;
        var typeText = ctx.String(root, P, "type");
        if (typeText is not null)
        {
            switch (typeText)
            {
                case "workflow":
                    break;
                case "workflow-template":
                    documentType = WifDocumentType.WorkflowTemplate;
                    break;
                default:
                    ctx.Error(ReadErrorCode.UnknownEnumValue, "$.type", $"'{JsonReadContext.Shorten(typeText)}' is not a USM-WIF document type (expected workflow or workflow-template).");
                    break;
            }
        }
        else
        {
            ctx.Note("$.type", "USM-WIF-010", FindingSeverity.Info, "The document names no type; it is read as a workflow.");
        }

        var isTemplate = documentType == WifDocumentType.WorkflowTemplate;
        ReadVersion(ctx, root, isTemplate);

        var slug = ctx.String(root, P, "slug", required: !isTemplate);
        if (slug is not null && !UsmWif.IsSlug(slug))
        {
            ctx.Error(ReadErrorCode.InvalidValue, "$.slug", $"'{JsonReadContext.Shorten(slug)}' is not a slug: use letters and digits joined by single dashes, with no dash at either end.");
        }

        var name = ctx.String(root, P, "name", required: !isTemplate);
        var description = ctx.String(root, P, "description");
        var process = ReadProcess(ctx, root, P);
        var dynamicity = Dynamicity.Static;
        var dynamicityText = ctx.String(root, P, "dynamicity");
        if (dynamicityText is not null)
        {
            if (string.Equals(dynamicityText, "dynamic", StringComparison.OrdinalIgnoreCase))
            {
                dynamicity = Dynamicity.Dynamic;
            }
            else if (!string.Equals(dynamicityText, "static", StringComparison.OrdinalIgnoreCase))
            {
                ctx.Error(ReadErrorCode.UnknownEnumValue, "$.dynamicity", $"'{JsonReadContext.Shorten(dynamicityText)}' is not a dynamicity (expected static or dynamic).");
            }
        }

        RoutineType? routineType = null;
        var routineText = ctx.String(root, P, "x-usm-model-routine-type");
        if (routineText is not null)
        {
            routineType = WifNames.ParseRoutineType(routineText);
            if (routineType is null)
            {
                ctx.Error(ReadErrorCode.UnknownEnumValue, "$.x-usm-model-routine-type", $"'{JsonReadContext.Shorten(routineText)}' is not a routine type (expected process, procedure or work-instruction).");
            }
        }

        var metadata = new WifMetadata(
            documentType,
            ctx.String(root, P, "context"),
            ctx.String(root, P, "source-system-type"),
            ctx.String(root, P, "source-system-version"),
            ctx.String(root, P, "source-system-instance"),
            ctx.String(root, P, "workflow-version"),
            ReadInstant(ctx, root, "created-at"),
            ReadInstant(ctx, root, "modified-at"),
            ReadPerson(ctx, root, "created-by"),
            ReadPerson(ctx, root, "modified-by"));

        var profiles = ReadProfiles(ctx, root);
        var steps = ReadSteps(ctx, root, process, profiles);
        var branches = ReadBranches(ctx, root, steps);

        if (ctx.HasErrors)
        {
            return ReadResult<WifImportResult>.Failure(ctx.Errors);
        }

        var trigger = process ?? (steps.Count > 0 ? steps[0].Step.Process : null);
        if (trigger is null)
        {
            ctx.Note("$.process", "USM-WIF-008", FindingSeverity.Warning, "The template names no process and has no steps; its trigger is taken to be a wish (Agree).");
        }

        var id = slug;
        if (id is null)
        {
            id = "workflow-template";
            ctx.Note("$.slug", "USM-WIF-009", FindingSeverity.Info, "The template has no slug; the workflow id 'workflow-template' is used.");
        }

        var inBranch = branches.SelectMany(b => b.StepIds).ToHashSet(StringComparer.Ordinal);
        var byId = steps.ToDictionary(s => s.Step.Id, s => s.Step, StringComparer.Ordinal);
        var trunk = steps.Where(s => !inBranch.Contains(s.Step.Id)).Select(s => s.Step).ToList();
        var modelBranches = branches.Select(b => new WorkflowBranch(b.Name, b.StepIds.Select(sid => byId[sid]))).ToList();
        var allActivities = steps.SelectMany(s => s.Step.Activities).ToList();
        var inferred = allActivities.Any(a => a.Tool is not null || a.Instruction is not null) ? RoutineType.WorkInstruction
            : allActivities.Any(a => !a.Responsibilities.IsEmpty) ? RoutineType.Procedure
            : RoutineType.Process;
        var workflow = new Workflow(
            id,
            name ?? string.Empty,
            UsmProcesses.TriggerOf(trigger ?? UsmProcess.Agree),
            routineType ?? inferred,
            trunk,
            dynamicity,
            modelBranches,
            description);
        var findings = new FindingReport(ctx.Notes.Select(n => new Finding(n.RuleId, n.Severity, n.Message, JsonPaths.ToFindingPath(n.Path))));
        return ReadResult<WifImportResult>.Success(new WifImportResult(workflow, metadata, profiles ?? [], findings, Conformance.ConformanceChecker.Check(workflow)));
    }

    private static void ReadVersion(JsonReadContext ctx, JsonElement root, bool isTemplate)
    {
        var path = "$.usm-wif-version";
        var version = ctx.String(root, "$", "usm-wif-version");
        if (version is null && JsonReadContext.TryMember(root, "format-version", out _))
        {
            path = "$.format-version";
            version = ctx.String(root, "$", "format-version");
            if (version is not null)
            {
                ctx.Note(path, "USM-WIF-004", FindingSeverity.Warning, "The version is given as 'format-version'; USM-WIF names it 'usm-wif-version'.");
            }
        }

        if (version is null)
        {
            if (isTemplate)
            {
                ctx.Note("$.usm-wif-version", "USM-WIF-005", FindingSeverity.Warning, "The template gives no usm-wif-version; it is read as 1.0.0.");
            }
            else if (!ctx.Errors.Any(e => e.Path == path))
            {
                ctx.Error(ReadErrorCode.MissingMember, "$.usm-wif-version", "The required member 'usm-wif-version' is missing.");
            }

            return;
        }

        if (version != UsmWif.Version)
        {
            ctx.Error(ReadErrorCode.UnsupportedVersion, path, $"USM-WIF version '{JsonReadContext.Shorten(version)}' is not supported; this reader reads 1.0.0 only.");
        }
    }

    private static UsmProcess? ReadProcess(JsonReadContext ctx, JsonElement obj, string path)
    {
        var text = ctx.String(obj, path, "process");
        if (text is null)
        {
            return null;
        }

        var process = WifNames.ParseProcess(text);
        if (process is null)
        {
            ctx.Error(ReadErrorCode.UnknownEnumValue, JsonPaths.Member(path, "process"), $"'{JsonReadContext.Shorten(text)}' is not a USM process (expected agree, change, recover, operate or improve).");
        }

        return process;
    }

    private static Instant? ReadInstant(JsonReadContext ctx, JsonElement root, string name)
    {
        var text = ctx.String(root, "$", name);
        if (text is null)
        {
            return null;
        }

        var result = NodaTimeText.ParseInstant(text);
        if (result.Success)
        {
            return result.Value;
        }

        ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member("$", name), $"'{JsonReadContext.Shorten(text)}' is not an ISO 8601 date and time such as 2021-05-01T10:00:00.000Z.");
        return null;
    }

    private static WifPerson? ReadPerson(JsonReadContext ctx, JsonElement root, string name)
    {
        if (!JsonReadContext.TryMember(root, name, out var value))
        {
            return null;
        }

        var path = JsonPaths.Member("$", name);
        if (!ctx.IsObject(value, path))
        {
            return null;
        }

        ctx.CheckMembers(value, path, s_personMembers);
        var id = ctx.String(value, path, "id", required: true);
        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(path, "id"), "A person's id must not be blank.");
            return null;
        }

        var personName = ctx.String(value, path, "name");
        var email = ctx.String(value, path, "email");
        return id is null ? null : new WifPerson(id, personName, email);
    }

    private static List<WifProfile>? ReadProfiles(JsonReadContext ctx, JsonElement root)
    {
        if (!JsonReadContext.TryMember(root, "profiles", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            ctx.Error(ReadErrorCode.WrongType, "$.profiles", $"Expected an array but found {JsonReadContext.Describe(value)}.");
            return null;
        }

        var profiles = new List<WifProfile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = JsonPaths.Index("$.profiles", index++);
            if (!ctx.IsObject(item, path))
            {
                continue;
            }

            ctx.CheckMembers(item, path, s_profileMembers);
            var id = ctx.String(item, path, "id", required: true);
            var name = ctx.String(item, path, "name");
            if (id is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(path, "id"), "A profile id must not be blank.");
            }
            else if (!seen.Add(id))
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(path, "id"), $"Profile id '{JsonReadContext.Shorten(id)}' is declared twice.");
            }
            else
            {
                profiles.Add(new WifProfile(id, name));
            }
        }

        return profiles;
    }

    private static List<(WorkflowStep Step, string Path)> ReadSteps(JsonReadContext ctx, JsonElement root, UsmProcess? workflowProcess, List<WifProfile>? profiles)
    {
        var result = new List<(WorkflowStep Step, string Path)>();
        if (!JsonReadContext.TryMember(root, "steps", out var value))
        {
            return result;
        }

        var items = new List<(JsonElement Element, string Path, string? Key)>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                items.Add((item, JsonPaths.Index("$.steps", i++), null));
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            ctx.Note("$.steps", "USM-WIF-002", FindingSeverity.Warning, "'steps' is written as an object (as in the draft's example); its member values are read as the steps.");
            foreach (var member in value.EnumerateObject())
            {
                items.Add((member.Value, JsonPaths.Member("$.steps", member.Name), member.Name));
            }
        }
        else
        {
            ctx.Error(ReadErrorCode.WrongType, "$.steps", $"Expected an array of steps but found {JsonReadContext.Describe(value)}.");
            return result;
        }

        var profileIds = profiles?.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var read = new List<(WorkflowStep? Step, string Path, int? SortIndex)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, path, key) in items)
        {
            if (!ctx.IsObject(element, path))
            {
                continue;
            }

            ctx.CheckMembers(element, path, s_stepMembers);
            var id = ctx.String(element, path, "id") ?? key;
            if (id is null)
            {
                id = "step-" + WifNames.Invariant(read.Count + 1);
                ctx.Note(path, "USM-WIF-006", FindingSeverity.Info, $"The step has no id; '{id}' is used.");
            }
            else if (string.IsNullOrWhiteSpace(id))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(path, "id"), "A step id must not be blank.");
            }
            else if (!ids.Add(id))
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(path, "id"), $"Step id '{JsonReadContext.Shorten(id)}' is used by an earlier step; step ids must be unique within the workflow.");
            }

            var sortIndex = ctx.NonNegativeInteger(element, path, "sort-index", "USM-WIF-001");
            var name = ctx.String(element, path, "name") ?? string.Empty;
            var description = ctx.String(element, path, "description");
            var catalogueKey = ctx.String(element, path, "x-usm-model-catalogue-key");
            var process = ReadProcess(ctx, element, path) ?? workflowProcess;
            if (process is null && !JsonReadContext.TryMember(element, "process", out _))
            {
                ctx.Error(ReadErrorCode.MissingMember, JsonPaths.Member(path, "process"), "The step names no process, and neither does the workflow.");
            }

            var activities = ReadActivities(ctx, element, path, profileIds);
            var ok = process is not null && activities is not null && !string.IsNullOrWhiteSpace(id);
            read.Add((ok ? new WorkflowStep(id, process!.Value, name, activities, catalogueKey, description) : null, path, sortIndex));
        }

        foreach (var entry in Order(ctx, read, "$.steps", r => r.SortIndex))
        {
            if (entry.Step is not null)
            {
                result.Add((entry.Step, entry.Path));
            }
        }

        return result;
    }

    private static List<Activity>? ReadActivities(JsonReadContext ctx, JsonElement step, string stepPath, HashSet<string>? profileIds)
    {
        if (!JsonReadContext.TryMember(step, "activities", out var value))
        {
            return [];
        }

        var arrayPath = JsonPaths.Member(stepPath, "activities");
        if (value.ValueKind != JsonValueKind.Array)
        {
            ctx.Error(ReadErrorCode.WrongType, arrayPath, $"Expected an array of activities but found {JsonReadContext.Describe(value)}.");
            return null;
        }

        var read = new List<(Activity? Activity, string Path, int? SortIndex)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        var failed = false;
        foreach (var element in value.EnumerateArray())
        {
            var path = JsonPaths.Index(arrayPath, index++);
            if (!ctx.IsObject(element, path))
            {
                failed = true;
                continue;
            }

            ctx.CheckMembers(element, path, s_activityMembers);
            var id = ctx.String(element, path, "id");
            if (id is null)
            {
                id = "activity-" + WifNames.Invariant(index);
                ctx.Note(path, "USM-WIF-006", FindingSeverity.Info, $"The activity has no id; '{id}' is used.");
            }
            else if (string.IsNullOrWhiteSpace(id))
            {
                ctx.Error(ReadErrorCode.InvalidValue, JsonPaths.Member(path, "id"), "An activity id must not be blank.");
                failed = true;
            }
            else if (!ids.Add(id))
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(path, "id"), $"Activity id '{JsonReadContext.Shorten(id)}' is used by an earlier activity of this step.");
            }

            var sortIndex = ctx.NonNegativeInteger(element, path, "sort-index", "USM-WIF-001");
            var description = ctx.String(element, path, "description");

            // The draft's example gives activities a 'name' its text does not define; it is used when present.
            var name = ctx.String(element, path, "name") ?? description ?? string.Empty;
            var responsibilities = ReadResponsibilities(ctx, element, path, profileIds);
            var tool = ctx.String(element, path, "x-usm-model-tool");
            var instruction = ctx.String(element, path, "x-usm-model-instruction");
            if (responsibilities is null || string.IsNullOrWhiteSpace(id))
            {
                failed = true;
                read.Add((null, path, sortIndex));
                continue;
            }

            read.Add((new Activity(id, name, responsibilities, tool, instruction, description), path, sortIndex));
        }

        var ordered = Order(ctx, read, arrayPath, r => r.SortIndex).Select(r => r.Activity).ToList();
        return failed || ordered.Any(a => a is null) ? null : ordered.OfType<Activity>().ToList();
    }

    private static List<Responsibility>? ReadResponsibilities(JsonReadContext ctx, JsonElement activity, string activityPath, HashSet<string>? profileIds)
    {
        if (!JsonReadContext.TryMember(activity, "responsibilities", out var value))
        {
            return [];
        }

        var path = JsonPaths.Member(activityPath, "responsibilities");
        if (!ctx.IsObject(value, path))
        {
            return null;
        }

        var result = new List<Responsibility>();
        var ok = true;
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPaths.Member(path, member.Name);
            if (string.IsNullOrWhiteSpace(member.Name))
            {
                ctx.Error(ReadErrorCode.InvalidValue, at, "A profile id must not be blank.");
                ok = false;
                continue;
            }

            if (profileIds is not null && !profileIds.Contains(member.Name))
            {
                ctx.Error(ReadErrorCode.DanglingReference, at, $"Profile '{JsonReadContext.Shorten(member.Name)}' is not among the document's profiles.");
                ok = false;
            }

            var roles = RaciRoles.None;
            var entries = new List<(JsonElement Value, string Path)>();
            if (member.Value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var entry in member.Value.EnumerateArray())
                {
                    entries.Add((entry, JsonPaths.Index(at, i++)));
                }
            }
            else if (member.Value.ValueKind == JsonValueKind.String)
            {
                // Tolerated: a single string of letters such as "RA".
                var text = member.Value.GetString()!;
                if (text.Length > 0 && text.All(char.IsAsciiLetter) && text.Length <= 4 && text.All(c => WifNames.ParseRaci(c.ToString()) is not null))
                {
                    foreach (var c in text)
                    {
                        roles |= WifNames.ParseRaci(c.ToString())!.Value;
                    }
                }
                else
                {
                    entries.Add((member.Value, at));
                }
            }
            else
            {
                ctx.Error(ReadErrorCode.WrongType, at, $"Expected a list of RACI letters but found {JsonReadContext.Describe(member.Value)}.");
                ok = false;
                continue;
            }

            foreach (var (entry, entryPath) in entries)
            {
                if (entry.ValueKind != JsonValueKind.String)
                {
                    ctx.Error(ReadErrorCode.WrongType, entryPath, $"Expected a RACI letter but found {JsonReadContext.Describe(entry)}.");
                    ok = false;
                    continue;
                }

                var text = entry.GetString()!;
                var role = WifNames.ParseRaci(text);
                if (role is null)
                {
                    ctx.Error(ReadErrorCode.UnknownEnumValue, entryPath, $"'{JsonReadContext.Shorten(text)}' is not a RACI role (expected R, A, C or I).");
                    ok = false;
                    continue;
                }

                roles |= role.Value;
            }

            if (ok)
            {
                result.Add(new Responsibility(member.Name, roles));
            }
        }

        return ok ? result : null;
    }

    private static List<(string Name, List<string> StepIds)> ReadBranches(JsonReadContext ctx, JsonElement root, List<(WorkflowStep Step, string Path)> steps)
    {
        var result = new List<(string Name, List<string> StepIds)>();
        if (!JsonReadContext.TryMember(root, "x-usm-model-branches", out var value))
        {
            return result;
        }

        const string P = "$.x-usm-model-branches";
        if (value.ValueKind != JsonValueKind.Array)
        {
            ctx.Error(ReadErrorCode.WrongType, P, $"Expected an array of branches but found {JsonReadContext.Describe(value)}.");
            return result;
        }

        var known = steps.Select(s => s.Step.Id).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = JsonPaths.Index(P, index++);
            if (!ctx.IsObject(item, path))
            {
                continue;
            }

            ctx.CheckMembers(item, path, s_branchMembers);
            var name = ctx.String(item, path, "name") ?? string.Empty;
            var ids = new List<string>();
            if (JsonReadContext.TryMember(item, "steps", out var list))
            {
                var stepsPath = JsonPaths.Member(path, "steps");
                if (list.ValueKind != JsonValueKind.Array)
                {
                    ctx.Error(ReadErrorCode.WrongType, stepsPath, $"Expected an array of step ids but found {JsonReadContext.Describe(list)}.");
                    continue;
                }

                var i = 0;
                foreach (var entry in list.EnumerateArray())
                {
                    var at = JsonPaths.Index(stepsPath, i++);
                    if (entry.ValueKind != JsonValueKind.String)
                    {
                        ctx.Error(ReadErrorCode.WrongType, at, $"Expected a step id but found {JsonReadContext.Describe(entry)}.");
                        continue;
                    }

                    var id = entry.GetString()!;
                    if (!known.Contains(id))
                    {
                        ctx.Error(ReadErrorCode.DanglingReference, at, $"Step '{JsonReadContext.Shorten(id)}' does not exist in this workflow.");
                    }
                    else if (!used.Add(id))
                    {
                        ctx.Error(ReadErrorCode.DuplicateId, at, $"Step '{JsonReadContext.Shorten(id)}' is already part of a branch.");
                    }
                    else
                    {
                        ids.Add(id);
                    }
                }
            }

            result.Add((name, ids));
        }

        return result;
    }

    // Items are ordered by sort-index when every item has one (ties keep document order); otherwise document order.
    private static IEnumerable<T> Order<T>(JsonReadContext ctx, List<T> items, string path, Func<T, int?> sortIndex)
    {
        var withIndex = items.Count(i => sortIndex(i) is not null);
        if (withIndex == items.Count)
        {
            return items.Select((item, position) => (item, position)).OrderBy(x => sortIndex(x.item)!.Value).ThenBy(x => x.position).Select(x => x.item);
        }

        if (withIndex > 0)
        {
            ctx.Note(path, "USM-WIF-007", FindingSeverity.Warning, "Only some items have a sort-index; document order is used for all.");
        }

        return items;
    }
}
