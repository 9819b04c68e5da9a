namespace Usm.Model.Serialization;

/// <summary>
/// One member's bounds in the published JSON Schemas: numeric (<c>minimum</c>, <c>maximum</c>,
/// <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>multipleOf</c>), array (<c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>)
/// and string (<c>minLength</c>, <c>pattern</c>) keywords. Each mirrors a check a reader makes.
/// </summary>
internal sealed record SchemaBound
{
    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public double? ExclusiveMinimum { get; init; }

    public double? ExclusiveMaximum { get; init; }

    public double? MultipleOf { get; init; }

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
    // WorkflowMapper.RequiredId: "An id must not be empty or white space" (string.IsNullOrWhiteSpace). The pattern
    // spells out char.IsWhiteSpace's characters instead of using \S, whose meaning differs between regular-expression
    // engines (ECMA-262's \s includes U+FEFF, which .NET accepts in an id, and leaves out U+0085, which .NET refuses).
    internal const string NotWhiteSpacePattern = @"[^\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

    private static readonly SchemaBound s_id = new() { MinLength = 1, Pattern = NotWhiteSpacePattern };

    // ResultMapper.Count: "Expected a count from 0 to 2147483647".
    private static readonly SchemaBound s_count = new() { Minimum = 0 };

    // AnalysisMapper.Multiplicity: "Expected a count of at least 1" (an optional count of identical records).
    private static readonly SchemaBound s_multiplicity = new() { Minimum = 1 };

    // A probability or share: Preconditions.CheckInRange(value, 0, 1) and the readers' "from 0 to 1" checks.
    private static readonly SchemaBound s_unit = new() { Minimum = 0, Maximum = 1 };

    // RiskAssessment: Preconditions.CheckInRange(level, 0, MaxLevel).
    private static readonly SchemaBound s_level = new() { Minimum = 0, Maximum = Improvement.RiskAssessment.MaxLevel };

    // QuantitativeEstimate.CheckAmount: "An impact amount must be from 0 to 1E+15 (QuantitativeEstimate.MaxAmount)".
    private static readonly SchemaBound s_amount = new() { Minimum = 0, Maximum = Improvement.QuantitativeEstimate.MaxAmount };

    private static readonly SchemaBound s_tolerance = new() { ExclusiveMinimum = 0, Maximum = 0.1 };

    private static readonly SchemaBound s_iterationCap = new() { Minimum = 1 };

    private static readonly SchemaBound s_workflowPattern = new() { Minimum = 1, Maximum = 8 };

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

        // Risk database (RiskDatabaseMapper: RequiredId, Ids, and Assessment's member checks, which mirror
        // RiskAssessment's levels 0 to MaxLevel and QuantitativeEstimate's probability 0 to 1 and amounts 0 to MaxAmount).
        ["RiskEventDto.actor-id"] = s_id,
        ["RiskEventDto.risk-id"] = s_id,
        ["RiskDto.id"] = s_id,
        ["RiskDto.service-ids[]"] = s_id,
        ["RiskDto.mic-ids[]"] = s_id,
        ["RiskDto.related-risk-ids[]"] = s_id,
        ["MeasureDto.id"] = s_id,
        ["RiskAssessmentDto.effect"] = s_level,
        ["RiskAssessmentDto.likelihood"] = s_level,
        ["EstimateDto.probability"] = s_unit,
        ["EstimateDto.impact"] = s_amount,
        ["EstimateDto.minimum"] = s_amount,
        ["EstimateDto.most-likely"] = s_amount,
        ["EstimateDto.maximum"] = s_amount,

        // Instrument and scan (AssessmentMapper): ids; an answer's level label non-blank, its percentage 0 to 100.
        ["InstrumentDto.id"] = s_id,
        ["InstrumentDto.version"] = s_id,
        ["InstrumentAreaDto.id"] = s_id,
        ["QuestionDto.id"] = s_id,
        ["ScanDto.id"] = s_id,
        ["RespondentDto.id"] = s_id,
        ["AnswerDto.respondent-id"] = s_id,
        ["AnswerDto.question-id"] = s_id,
        ["AnswerDto.level"] = s_id,
        ["AnswerDto.percent"] = new() { Minimum = 0, Maximum = 100 },
        // Question.CheckWeight: "A weight must be positive and at most 1E+06" (an area's and a question's weight).
        ["InstrumentAreaDto.weight"] = new() { ExclusiveMinimum = 0, Maximum = Assessment.Question.MaxWeight },
        ["QuestionDto.weight"] = new() { ExclusiveMinimum = 0, Maximum = Assessment.Question.MaxWeight },

        // USM's workflow patterns W1-W8: "Workflow pattern N does not exist (expected 1 to 8)" in ManagementSystemMapper
        // (patterns in use) and AssessmentMapper (an element of kind workflow-pattern).
        ["ManagementSystemDto.patterns-in-use[]"] = s_workflowPattern,
        ["UsmElementDto.pattern"] = s_workflowPattern,

        // Improvement programme (ProgrammeMapper): ids; Share (lambda, v) and Tau from 0 to 1; ScaleMaximum from 1 to
        // SimpleRiskMethod.MaxScaleLevels.
        ["ProgrammeDto.id"] = s_id,
        ["SprintDto.mechanism-name"] = s_id,
        ["SprintItemDto.risk-id"] = s_id,
        // A criterion's weight: Criterion's CheckInRange(weight, 0, double.MaxValue). A sprint: numbered 1, 2, … in
        // order, a capacity of at least 1 (ImprovementProgramme.PlanSprint), items of effort at least 1 (SprintItem).
        ["CriterionDto.weight"] = new() { Minimum = 0 },
        ["SprintDto.number"] = new() { Minimum = 1 },
        ["SprintDto.capacity"] = new() { Minimum = 1 },
        ["SprintItemDto.effort"] = new() { Minimum = 1 },
        ["RankingMethodDto.lambda"] = s_unit,
        ["RankingMethodDto.v"] = s_unit,
        ["RankingMethodDto.tau"] = s_unit,
        ["RankingMethodDto.max-likelihood"] = new() { Minimum = 1, Maximum = Prioritisation.SimpleRiskMethod.MaxScaleLevels },
        ["RankingMethodDto.max-impact"] = new() { Minimum = 1, Maximum = Prioritisation.SimpleRiskMethod.MaxScaleLevels },

        // Ranking (ResultMapper.CandidateFromDto, CheckItem).
        ["CandidateDto.id"] = s_id,
        // Candidate: "effort must be finite and not negative".
        ["CandidateDto.effort"] = new() { Minimum = 0 },
        ["RankedItemDto.id"] = s_id,

        // AHP result (ResultMapper.AhpFromDto): "An AHP result has at least one weight", "A weight must be above 0 and
        // at most 1", "The consistency threshold must be from 0 to 1", a non-negative iteration count, labels
        // non-blank and not used twice; RandomIndexFromDto: the table's name through RequiredId.
        ["AhpResultDto.weights"] = new() { MinItems = 1 },
        ["AhpResultDto.weights[]"] = new() { ExclusiveMinimum = 0, Maximum = 1 },
        ["AhpResultDto.consistency-threshold"] = s_unit,
        ["AhpResultDto.iterations"] = s_count,
        ["AhpResultDto.labels"] = new() { UniqueItems = true },
        ["AhpResultDto.labels[]"] = s_id,
        ["RandomIndexDto.name"] = s_id,

        // Borda count: counts through ResultMapper.Count; "Borda points are whole or half numbers from 0 to 10^15".
        ["BordaResultDto.total-voters"] = s_count,
        ["BordaStandingDto.id"] = s_id,
        ["BordaStandingDto.points"] = new() { Minimum = 0, Maximum = 1e15, MultipleOf = 0.5 },
        ["BordaStandingDto.rank"] = s_count,
        ["BordaStandingDto.position"] = s_count,
        ["BordaStandingDto.ranked-by"] = s_count,
        ["BordaStandingDto.first-preferences"] = s_count,

        // Schulze count: candidates non-blank and distinct; "A preference count is not negative"; counts.
        ["SchulzeResultDto.total-voters"] = s_count,
        ["SchulzeResultDto.candidates"] = new() { UniqueItems = true },
        ["SchulzeResultDto.candidates[]"] = s_id,
        ["SchulzeResultDto.preferences[][]"] = s_count,
        ["SchulzeStandingDto.id"] = s_id,
        ["SchulzeStandingDto.rank"] = s_count,
        ["SchulzeStandingDto.position"] = s_count,
        ["SchulzeStandingDto.wins"] = s_count,
        ["SchulzeStandingDto.losses"] = s_count,

        // Sprint selection (ResultMapper.SprintFromDto, ExplanationFromDto): counts and Long ("a count of at least 0");
        // "The resource is listed twice".
        ["SprintSelectionDto.capacity"] = s_count,
        ["SprintSelectionDto.total-effort"] = s_count,
        ["SprintSelectionDto.work-cells"] = s_count,
        ["SprintSelectionDto.covered-resources"] = new() { UniqueItems = true },
        ["SprintExplanationDto.item-id"] = s_id,
        ["SprintExplanationDto.effort"] = s_count,
        ["SprintExplanationDto.capacity-needed"] = s_count,
        ["SprintExplanationDto.capacity-shortfall"] = s_count,

        // AHP synthesis (ResultMapper.SynthesisFromDto).
        ["AhpCriterionWeightDto.id"] = s_id,
        ["AhpAlternativeDto.id"] = s_id,
        ["AhpAlternativeDto.rank"] = s_count,
        ["AhpAlternativeDto.position"] = s_count,
        ["AhpContributionDto.criterion-id"] = s_id,

        // Kano evaluation, Bradley–Terry and Plackett–Luce fits, ELECTRE (AnalysisResultMapper): counts through
        // ResultMapper.Count; "A threshold is from 0 to 1".
        ["KanoFeatureDto.feature-id"] = s_id,
        ["KanoFeatureDto.respondents"] = s_count,
        ["KanoFeatureDto.must-be"] = s_count,
        ["KanoFeatureDto.one-dimensional"] = s_count,
        ["KanoFeatureDto.attractive"] = s_count,
        ["KanoFeatureDto.indifferent"] = s_count,
        ["KanoFeatureDto.reverse"] = s_count,
        ["KanoFeatureDto.questionable"] = s_count,
        // AnalysisResultMapper.Tolerance and IterationCap, which mirror the options' constructors (tolerance from
        // double.Epsilon to 0.1, MaxIterations from 1).
        ["BradleyTerryOptionsDto.tolerance"] = s_tolerance,
        ["BradleyTerryOptionsDto.max-iterations"] = s_iterationCap,
        ["PlackettLuceOptionsDto.tolerance"] = s_tolerance,
        ["BradleyTerryResultDto.iterations"] = s_count,
        ["BradleyTerryStandingDto.id"] = s_id,
        ["BradleyTerryStandingDto.rank"] = s_count,
        ["BradleyTerryStandingDto.position"] = s_count,
        ["BradleyTerryStandingDto.wins"] = s_count,
        ["BradleyTerryStandingDto.losses"] = s_count,
        ["BradleyTerryStandingDto.ties"] = s_count,
        ["PlackettLuceOptionsDto.max-iterations"] = s_iterationCap,
        ["PlackettLuceResultDto.iterations"] = s_count,
        ["PlackettLuceStandingDto.id"] = s_id,
        ["PlackettLuceStandingDto.rank"] = s_count,
        ["PlackettLuceStandingDto.position"] = s_count,
        ["PlackettLuceStandingDto.ranked-by"] = s_count,
        ["ElectreResultDto.concordance-threshold"] = s_unit,
        ["ElectreResultDto.discordance-threshold"] = s_unit,
        ["ElectreOutrankingDto.id"] = s_id,
    };
}
