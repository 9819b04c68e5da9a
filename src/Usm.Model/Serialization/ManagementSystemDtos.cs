using NodaTime;

namespace Usm.Model.Serialization;

// The service management system with all its parts, including the MIR as its full change history.
internal sealed class ManagementSystemDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public ManagementSystemDto? ManagementSystem { get; set; }
}

internal sealed class ManagementSystemDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ProviderId { get; set; }

    public List<string?>? Disciplines { get; set; }

    public List<string?>? ScopeTeamIds { get; set; }

    public List<PartyDto?>? Parties { get; set; }

    public List<ProviderLinkDto?>? Links { get; set; }

    public List<ServiceUserDto?>? Users { get; set; }

    public List<RequesterDto?>? Requesters { get; set; }

    public List<OrganisationUnitDto?>? Units { get; set; }

    public List<ProfileDto?>? Profiles { get; set; }

    public List<PersonDto?>? People { get; set; }

    public List<string?>? SeparationPrinciples { get; set; }

    public List<WorkflowDto?>? Routines { get; set; }

    public List<int>? PatternsInUse { get; set; }

    public TechnologyDto? Technology { get; set; }

    public List<ServiceDto?>? Services { get; set; }

    public List<AgreementDto?>? Agreements { get; set; }
}

internal sealed class PartyDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Description { get; set; }
}

internal sealed class ProviderLinkDto
{
    public string? ProviderId { get; set; }

    public List<string?>? CustomerIds { get; set; }

    public List<string?>? SupplierIds { get; set; }

    public List<string?>? PartnerIds { get; set; }
}

internal sealed class ServiceUserDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? CustomerId { get; set; }
}

internal sealed class RequesterDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? ReferenceId { get; set; }
}

internal sealed class OrganisationUnitDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? ParentId { get; set; }

    public string? Discipline { get; set; }

    public string? SubDomain { get; set; }
}

internal sealed class ProfileDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? UnitId { get; set; }

    public List<string?>? Authorities { get; set; }

    public List<string?>? Responsibilities { get; set; }

    public List<AssignmentDto?>? Assignments { get; set; }
}

internal sealed class AssignmentDto
{
    public string? Verb { get; set; }

    public string? ObjectKind { get; set; }

    public string? ObjectId { get; set; }
}

internal sealed class PersonDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? UnitId { get; set; }

    public List<string?>? ProfileIds { get; set; }

    public string? Email { get; set; }
}

internal sealed class TechnologyDto
{
    public string? Strategy { get; set; }

    public SdcToolDto? SdcTool { get; set; }

    public List<ToolDto?>? MechanisationTools { get; set; }

    public List<ToolDto?>? NonAutomatedTools { get; set; }
}

internal sealed class SdcToolDto
{
    public string? Name { get; set; }

    public List<CallRegisterDto?>? Registers { get; set; }

    public MirDto? Mir { get; set; }
}

internal sealed class CallRegisterDto
{
    public string? CallType { get; set; }

    public string? Name { get; set; }

    public List<string?>? RoutineIds { get; set; }
}

internal sealed class ToolDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }
}

internal sealed class MirDto
{
    public List<MirChangeDto?>? History { get; set; }
}

internal sealed class MirChangeDto
{
    public string? Kind { get; set; }

    public string? MicId { get; set; }

    public Instant? At { get; set; }

    public string? Reason { get; set; }

    public string? ChangeId { get; set; }

    public MicDto? State { get; set; }
}

internal sealed class MicDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? OwnerTeamId { get; set; }

    public Dictionary<string, string?>? Attributes { get; set; }

    public List<MicRelationDto?>? Relations { get; set; }
}

internal sealed class MicRelationDto
{
    public string? Kind { get; set; }

    public string? TargetMicId { get; set; }
}

internal sealed class ServiceDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ProviderId { get; set; }

    public string? Discipline { get; set; }

    public List<string?>? Goods { get; set; }

    public List<string?>? Actions { get; set; }

    public string? Support { get; set; }

    public List<string?>? Functionality { get; set; }

    public List<MetricDto?>? Functioning { get; set; }

    public List<string?>? ComponentServiceIds { get; set; }

    public List<ContributionDto?>? Contributions { get; set; }

    public List<string?>? MicIds { get; set; }
}

internal sealed class MetricDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Unit { get; set; }

    public string? Direction { get; set; }
}

internal sealed class ContributionDto
{
    public string? ContributorId { get; set; }

    public string? Kind { get; set; }

    public string? Description { get; set; }
}

internal sealed class AgreementDto
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? ProviderId { get; set; }

    public string? CounterpartyId { get; set; }

    public List<string?>? CoveredServiceIds { get; set; }

    public List<ServiceLevelDto?>? ServiceLevels { get; set; }

    public DateInterval? Validity { get; set; }
}

internal sealed class ServiceLevelDto
{
    public string? ServiceId { get; set; }

    public string? MetricId { get; set; }

    public double? Target { get; set; }
}
