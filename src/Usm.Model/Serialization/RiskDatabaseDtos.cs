using NodaTime;

namespace Usm.Model.Serialization;

// The risk database is written as its event log: replaying the log rebuilds the database exactly.
internal sealed class RiskDatabaseDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public RiskDatabaseDto? RiskDatabase { get; set; }
}

internal sealed class RiskDatabaseDto
{
    public List<RiskEventDto?>? Events { get; set; }
}

internal sealed class RiskEventDto
{
    public int? Sequence { get; set; }

    public Instant? At { get; set; }

    public string? ActorId { get; set; }

    public string? Kind { get; set; }

    public string? RiskId { get; set; }

    public RiskDto? Risk { get; set; }

    public RiskCommandDto? Command { get; set; }

    public string? ResultingStatus { get; set; }
}

internal sealed class RiskDto
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Polarity { get; set; }

    public RiskOriginDto? Origin { get; set; }

    public List<string?>? Resources { get; set; }

    public string? Category { get; set; }

    public List<string?>? ServiceIds { get; set; }

    public List<string?>? MicIds { get; set; }

    public List<string?>? RelatedRiskIds { get; set; }
}

internal sealed class RiskOriginDto
{
    public string? Kind { get; set; }

    public string? PersonId { get; set; }

    public string? CallId { get; set; }

    public string? ScanId { get; set; }

    public string? ScanItemId { get; set; }
}

internal sealed class RiskCommandDto
{
    public string? Type { get; set; }

    public RiskAssessmentDto? Inherent { get; set; }

    public string? RootCause { get; set; }

    public MeasureDto? Measure { get; set; }

    public RiskAssessmentDto? ExpectedResidual { get; set; }

    public string? RaisedCallId { get; set; }

    public RiskAssessmentDto? Residual { get; set; }

    public string? Reason { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public List<string?>? Resources { get; set; }

    public List<string?>? ServiceIds { get; set; }

    public List<string?>? MicIds { get; set; }

    public List<string?>? RelatedRiskIds { get; set; }
}

internal sealed class RiskAssessmentDto
{
    public int? Effect { get; set; }

    public int? Likelihood { get; set; }

    public EstimateDto? Estimate { get; set; }
}

internal sealed class EstimateDto
{
    public string? Kind { get; set; }

    public double? Probability { get; set; }

    public double? Impact { get; set; }

    public double? Minimum { get; set; }

    public double? MostLikely { get; set; }

    public double? Maximum { get; set; }
}

internal sealed class MeasureDto
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Kind { get; set; }

    public string? Trigger { get; set; }

    public BusinessCaseDto? BusinessCase { get; set; }
}

internal sealed class BusinessCaseDto
{
    public string? ExpectedResult { get; set; }

    public double? ExpectedBenefit { get; set; }

    public double? ChanceOfSuccess { get; set; }

    public double? Cost { get; set; }

    public double? Feasibility { get; set; }

    public int? Effort { get; set; }
}
