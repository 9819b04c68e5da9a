namespace Usm.Model.Serialization;

// Computed prioritisation results: AHP weights, ballot counts and sprint selections.
internal sealed class AhpResultDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public AhpResultDto? AhpResult { get; set; }
}

internal sealed class AhpResultDto
{
    public List<string?>? Labels { get; set; }

    public List<double>? Weights { get; set; }

    public string? Weighting { get; set; }

    public double? LambdaMax { get; set; }

    public double? ConsistencyIndex { get; set; }

    public RandomIndexDto? RandomIndex { get; set; }

    public double? RandomIndexValue { get; set; }

    public double? ConsistencyRatio { get; set; }

    public double? ConsistencyThreshold { get; set; }

    public int? Iterations { get; set; }

    public bool? Converged { get; set; }
}

internal sealed class RandomIndexDto
{
    public string? Name { get; set; }

    public List<double>? Values { get; set; }
}

internal sealed class BordaResultDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public BordaResultDto? BordaResult { get; set; }
}

internal sealed class BordaResultDto
{
    public string? PartialRule { get; set; }

    public int? TotalVoters { get; set; }

    public double? TotalPoints { get; set; }

    public List<BordaStandingDto?>? Standings { get; set; }
}

internal sealed class BordaStandingDto
{
    public string? Id { get; set; }

    public double? Points { get; set; }

    public int? Rank { get; set; }

    public int? Position { get; set; }

    public int? RankedBy { get; set; }

    public int? FirstPreferences { get; set; }
}

internal sealed class SchulzeResultDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public SchulzeResultDto? SchulzeResult { get; set; }
}

internal sealed class SchulzeResultDto
{
    public string? Strength { get; set; }

    public int? TotalVoters { get; set; }

    public List<string?>? Candidates { get; set; }

    public List<List<int>?>? Preferences { get; set; }

    public List<List<int>?>? PathStrengths { get; set; }

    public List<SchulzeStandingDto?>? Standings { get; set; }
}

internal sealed class SchulzeStandingDto
{
    public string? Id { get; set; }

    public int? Rank { get; set; }

    public int? Position { get; set; }

    public int? Wins { get; set; }

    public int? Losses { get; set; }
}

internal sealed class SprintSelectionDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public SprintSelectionDto? SprintSelection { get; set; }
}

internal sealed class SprintSelectionDto
{
    public string? Status { get; set; }

    public string? Method { get; set; }

    public int? Capacity { get; set; }

    public bool? CoverageRequired { get; set; }

    public List<string?>? CoveredResources { get; set; }

    public List<string?>? SelectedIds { get; set; }

    public double? TotalValue { get; set; }

    public long? TotalEffort { get; set; }

    public List<string?>? InfeasibleItemIds { get; set; }

    public List<string?>? Reasons { get; set; }

    public long? WorkCells { get; set; }

    public List<SprintExplanationDto?>? Explanations { get; set; }
}

internal sealed class SprintExplanationDto
{
    public string? ItemId { get; set; }

    public string? Decision { get; set; }

    public double? Value { get; set; }

    public int? Effort { get; set; }

    public long? CapacityNeeded { get; set; }

    public long? CapacityShortfall { get; set; }

    public List<string?>? Displaced { get; set; }
}

internal sealed class AhpSynthesisDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public AhpSynthesisDto? AhpSynthesis { get; set; }
}

internal sealed class AhpSynthesisDto
{
    public List<AhpCriterionWeightDto?>? Criteria { get; set; }

    public List<AhpAlternativeDto?>? Alternatives { get; set; }
}

internal sealed class AhpCriterionWeightDto
{
    public string? Id { get; set; }

    public string? ParentId { get; set; }

    public double? LocalWeight { get; set; }

    public double? GlobalWeight { get; set; }

    public AhpResultDto? Result { get; set; }
}

internal sealed class AhpAlternativeDto
{
    public string? Id { get; set; }

    public double? Priority { get; set; }

    public int? Rank { get; set; }

    public int? Position { get; set; }

    public List<AhpContributionDto?>? Contributions { get; set; }
}

internal sealed class AhpContributionDto
{
    public string? CriterionId { get; set; }

    public double? CriterionWeight { get; set; }

    public double? LocalPriority { get; set; }

    public double? Contribution { get; set; }
}
