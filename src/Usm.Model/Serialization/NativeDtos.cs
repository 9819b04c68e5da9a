namespace Usm.Model.Serialization;

// Data-transfer shapes of the Usm.Model JSON format. Property names come from the kebab-case naming policy
// (FormatVersion → format-version); member order here is the order in written files. Every member is nullable so
// that a missing member is reported by validation with its path instead of failing the binding.
internal sealed class WorkflowDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public WorkflowDto? Workflow { get; set; }
}

internal sealed class WorkflowDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Trigger { get; set; }

    public string? RoutineType { get; set; }

    public string? Dynamicity { get; set; }

    public List<StepDto?>? Steps { get; set; }

    public List<BranchDto?>? Branches { get; set; }
}

internal sealed class StepDto
{
    public string? Id { get; set; }

    public string? Process { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? CatalogueKey { get; set; }

    public List<ActivityDto?>? Activities { get; set; }
}

internal sealed class ActivityDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public List<ResponsibilityDto?>? Responsibilities { get; set; }

    public string? Tool { get; set; }

    public string? Instruction { get; set; }
}

internal sealed class ResponsibilityDto
{
    public string? ProfileId { get; set; }

    public List<string?>? Roles { get; set; }
}

internal sealed class BranchDto
{
    public string? Name { get; set; }

    public List<StepDto?>? Steps { get; set; }
}
