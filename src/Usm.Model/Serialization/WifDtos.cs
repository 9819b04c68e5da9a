using System.Text.Json.Serialization;
using NodaTime;

namespace Usm.Model.Serialization;

// Data-transfer shapes for writing USM-WIF 1.0.0. Member order here is the order in exported files (readers must
// not depend on it). Members prefixed x-usm-model- are this library's extensions; other readers ignore them
// (must-ignore), and they let a workflow round-trip without loss.
internal sealed class WifWorkflowDto
{
    [JsonPropertyName("usm-wif-version")]
    public string UsmWifVersion { get; set; } = UsmWif.Version;

    [JsonPropertyName("type")]
    public string Type { get; set; } = "workflow";

    [JsonPropertyName("source-system-type")]
    public string? SourceSystemType { get; set; }

    [JsonPropertyName("source-system-version")]
    public string? SourceSystemVersion { get; set; }

    [JsonPropertyName("source-system-instance")]
    public string? SourceSystemInstance { get; set; }

    [JsonPropertyName("context")]
    public string? Context { get; set; }

    [JsonPropertyName("slug")]
    public string? Slug { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("workflow-version")]
    public string? WorkflowVersion { get; set; }

    [JsonPropertyName("created-at")]
    public Instant? CreatedAt { get; set; }

    [JsonPropertyName("created-by")]
    public WifPersonDto? CreatedBy { get; set; }

    [JsonPropertyName("modified-at")]
    public Instant? ModifiedAt { get; set; }

    [JsonPropertyName("modified-by")]
    public WifPersonDto? ModifiedBy { get; set; }

    [JsonPropertyName("process")]
    public string Process { get; set; } = string.Empty;

    [JsonPropertyName("dynamicity")]
    public string Dynamicity { get; set; } = "static";

    [JsonPropertyName("x-usm-model-routine-type")]
    public string RoutineType { get; set; } = "process";

    [JsonPropertyName("profiles")]
    public List<WifProfileDto>? Profiles { get; set; }

    [JsonPropertyName("steps")]
    public List<WifStepDto> Steps { get; set; } = [];

    [JsonPropertyName("x-usm-model-branches")]
    public List<WifBranchDto>? Branches { get; set; }
}

internal sealed class WifPersonDto
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }
}

internal sealed class WifProfileDto
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

internal sealed class WifStepDto
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("sort-index")]
    public int SortIndex { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("process")]
    public string Process { get; set; } = string.Empty;

    [JsonPropertyName("x-usm-model-catalogue-key")]
    public string? CatalogueKey { get; set; }

    [JsonPropertyName("activities")]
    public List<WifActivityDto> Activities { get; set; } = [];
}

internal sealed class WifActivityDto
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("sort-index")]
    public int SortIndex { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("responsibilities")]
    public Dictionary<string, List<string>> Responsibilities { get; set; } = [];

    [JsonPropertyName("x-usm-model-tool")]
    public string? Tool { get; set; }

    [JsonPropertyName("x-usm-model-instruction")]
    public string? Instruction { get; set; }
}

internal sealed class WifBranchDto
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("steps")]
    public List<string> Steps { get; set; } = [];
}
