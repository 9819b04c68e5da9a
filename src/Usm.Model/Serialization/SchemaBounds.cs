namespace Usm.Model.Serialization;

/// <summary>
/// One member's bounds in the published JSON Schemas: numeric (<c>minimum</c>, <c>maximum</c>,
/// <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>), array (<c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>)
/// and string (<c>minLength</c>, <c>pattern</c>) keywords. Each mirrors a check a reader makes.
/// </summary>
internal sealed record SchemaBound
{
    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public double? ExclusiveMinimum { get; init; }

    public double? ExclusiveMaximum { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    public int? MinLength { get; init; }

    public string? Pattern { get; init; }
}

/// <summary>
/// The bounds the readers enforce on single members, keyed like the exporter's enumeration table
/// (<c>"DtoType.member-name"</c>); a key ending in <c>[]</c> bounds the items of an array member, <c>[][]</c> the items
/// of its items. SchemaBoundsTests reads a sample document with each member set just outside, on and inside each
/// bound, so an entry that a reader does not enforce, or enforces elsewhere, fails there.
/// </summary>
/// <remarks>
/// Cross-member rules (minimum ≤ most likely ≤ maximum, ids that must exist, recorded values that must equal the
/// recomputed ones) cannot be stated per member and stay reader-only; docs/interchange.md lists them.
/// </remarks>
internal static class SchemaBounds
{
    // WorkflowMapper.RequiredId: "An id must not be empty or white space" (string.IsNullOrWhiteSpace).
    private static readonly SchemaBound s_id = new() { MinLength = 1, Pattern = @"\S" };

    // ResultMapper.Count: "Expected a count from 0 to 2147483647".
    private static readonly SchemaBound s_count = new() { Minimum = 0 };

    // AnalysisMapper.Multiplicity: "Expected a count of at least 1" (an optional count of identical records).
    private static readonly SchemaBound s_multiplicity = new() { Minimum = 1 };

    public static IReadOnlyDictionary<string, SchemaBound> Table { get; } = new Dictionary<string, SchemaBound>(StringComparer.Ordinal)
    {
        // Workflow (WorkflowMapper).
        ["WorkflowDto.id"] = s_id,
        ["StepDto.id"] = s_id,
        ["ActivityDto.id"] = s_id,
        ["ResponsibilityDto.profile-id"] = s_id,

        // Kano survey, pairwise comparisons, ranked ballots (AnalysisReader).
        ["KanoResponseDto.feature-id"] = s_id,
        ["KanoResponseDto.respondent-id"] = s_id,
        // CandidateIds: "At least one candidate is needed", then each id non-blank and not used by an earlier one.
        ["PairwiseProfileDto.candidates"] = new() { MinItems = 1, UniqueItems = true },
        ["PairwiseProfileDto.candidates[]"] = s_id,
        ["PairwiseComparisonDto.first"] = s_id,
        ["PairwiseComparisonDto.second"] = s_id,
        ["PairwiseComparisonDto.count"] = s_multiplicity,
        ["RankedBallotsDto.candidates"] = new() { MinItems = 1, UniqueItems = true },
        ["RankedBallotsDto.candidates[]"] = s_id,
        // BallotsFromDto: "A rank holds at least one candidate"; each id through RequiredId.
        ["BallotDto.ranks[]"] = new() { MinItems = 1 },
        ["BallotDto.ranks[][]"] = s_id,
        ["BallotDto.voters"] = s_multiplicity,
    };
}
