using NodaTime;

namespace Usm.Model.Serialization;

// Improvement programmes with their sprints and agreed mechanism, and prioritisation results (rankings).
internal sealed class ProgrammeDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public ProgrammeDto? ImprovementProgramme { get; set; }
}

internal sealed class ProgrammeDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? BaselineScanId { get; set; }

    public List<string?>? SoundingBoardMemberIds { get; set; }

    public string? MissingResourceSeverity { get; set; }

    public PrioritisationAgreementDto? Agreement { get; set; }

    public List<SprintDto?>? Sprints { get; set; }
}

internal sealed class PrioritisationAgreementDto
{
    public LocalDate? AgreedOn { get; set; }

    public MechanismDto? Mechanism { get; set; }
}

internal sealed class MechanismDto
{
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public RiskMatrixDto? Matrix { get; set; }

    public RankingMethodDto? Method { get; set; }

    public RankingOptionsDto? Options { get; set; }
}

internal sealed class RiskMatrixDto
{
    public OrdinalScaleDto? EffectScale { get; set; }

    public OrdinalScaleDto? LikelihoodScale { get; set; }

    public OrdinalScaleDto? PriorityClasses { get; set; }

    public List<List<string?>?>? Rows { get; set; }
}

internal sealed class OrdinalScaleDto
{
    public string? Name { get; set; }

    public List<string?>? Levels { get; set; }
}

internal sealed class RankingMethodDto
{
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public List<CriterionDto?>? Criteria { get; set; }

    public string? Normalisation { get; set; }

    public string? ProbabilityCriterion { get; set; }

    public string? ImpactCriterion { get; set; }

    public string? EffectCriterion { get; set; }

    public string? LikelihoodCriterion { get; set; }

    public List<List<int>?>? ClassTable { get; set; }

    public string? WithinClassCriterion { get; set; }

    public string? ReachCriterion { get; set; }

    public string? ConfidenceCriterion { get; set; }

    public string? EaseCriterion { get; set; }

    public string? EffortCriterion { get; set; }

    public string? Convention { get; set; }

    public List<string?>? CostOfDelayComponents { get; set; }

    public string? JobSizeCriterion { get; set; }

    public string? CostOfDelayCriterion { get; set; }

    public string? DurationCriterion { get; set; }

    public string? Formula { get; set; }

    public int? MaxLikelihood { get; set; }

    public int? MaxImpact { get; set; }

    public string? CategoryCriterion { get; set; }

    public string? WithinCategoryCriterion { get; set; }

    public double? Lambda { get; set; }

    public double? V { get; set; }

    public List<PreferenceFunctionDto?>? PreferenceFunctions { get; set; }

    public List<SpotisBoundsDto?>? Bounds { get; set; }

    public double? Tau { get; set; }
}

internal sealed class SpotisBoundsDto
{
    public string? Criterion { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }
}

internal sealed class PreferenceFunctionDto
{
    public string? Criterion { get; set; }

    public string? Shape { get; set; }

    public double? Indifference { get; set; }

    public double? Preference { get; set; }

    public double? Sigma { get; set; }
}

internal sealed class CriterionDto
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public double? Weight { get; set; }
}

internal sealed class RankingOptionsDto
{
    public TieBreakerDto? SecondaryKey { get; set; }
}

internal sealed class TieBreakerDto
{
    public string? Kind { get; set; }

    public string? Criterion { get; set; }

    public bool? HigherFirst { get; set; }
}

internal sealed class SprintDto
{
    public int? Number { get; set; }

    public DateInterval? Period { get; set; }

    public int? Capacity { get; set; }

    public string? Status { get; set; }

    public string? MechanismName { get; set; }

    public List<SprintItemDto?>? Items { get; set; }

    public List<string?>? CoveredResources { get; set; }

    public Dictionary<string, string?>? Outcomes { get; set; }

    public string? CancelReason { get; set; }

    public List<FindingDto?>? Findings { get; set; }
}

internal sealed class SprintItemDto
{
    public string? RiskId { get; set; }

    public int? Effort { get; set; }
}

internal sealed class FindingDto
{
    public string? RuleId { get; set; }

    public string? Severity { get; set; }

    public string? Message { get; set; }

    public string? Path { get; set; }

    public string? SubjectId { get; set; }
}

internal sealed class RankingDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public RankingDto? Ranking { get; set; }
}

internal sealed class RankingDto
{
    public RankingMethodDto? Method { get; set; }

    public RankingOptionsDto? Options { get; set; }

    public bool? Complete { get; set; }

    public List<CandidateDto?>? Candidates { get; set; }

    public List<RankedItemDto?>? Items { get; set; }
}

internal sealed class CandidateDto
{
    public string? Id { get; set; }

    public Dictionary<string, double>? Values { get; set; }

    public double? Effort { get; set; }

    public string? Polarity { get; set; }
}

internal sealed class RankedItemDto
{
    public string? Id { get; set; }

    public int? Rank { get; set; }

    public double? Score { get; set; }

    public int? Class { get; set; }

    public ExplanationDto? Explanation { get; set; }
}

internal sealed class ExplanationDto
{
    public string? Method { get; set; }

    public string? Summary { get; set; }

    public List<ContributionItemDto?>? Contributions { get; set; }
}

internal sealed class ContributionItemDto
{
    public string? Criterion { get; set; }

    public double? Value { get; set; }

    public double? Contribution { get; set; }

    public string? Text { get; set; }
}
