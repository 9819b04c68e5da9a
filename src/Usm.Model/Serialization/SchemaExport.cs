#if NET9_0_OR_GREATER
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Usm.Model.Serialization;

/// <summary>
/// Exports JSON Schemas from the live source-generated contract with <see cref="JsonSchemaExporter"/>, adding the
/// allowed enumeration names and the version and kind constants that the DTOs hold as plain strings.
/// </summary>
internal static class SchemaExport
{
    // Allowed values of members that the DTOs hold as strings, keyed by "DtoType.member-name".
    private static readonly Dictionary<string, IReadOnlyList<string>> s_enums = new(StringComparer.Ordinal)
    {
        ["WorkflowDto.trigger"] = EnumNames.CallType.Names,
        ["WorkflowDto.routine-type"] = EnumNames.RoutineType.Names,
        ["WorkflowDto.dynamicity"] = EnumNames.Dynamicity.Names,
        ["StepDto.process"] = EnumNames.Process.Names,
        ["ResponsibilityDto.roles"] = EnumNames.Raci.Names,
        ["RiskEventDto.kind"] = ImprovementNames.EventKind.Names,
        ["RiskEventDto.resulting-status"] = ImprovementNames.Status.Names,
        ["RiskDto.polarity"] = ImprovementNames.Polarity.Names,
        ["RiskDto.resources"] = ImprovementNames.Resource.Names,
        ["RiskOriginDto.kind"] = ImprovementNames.OriginKind.Names,
        ["RiskCommandDto.type"] = ImprovementNames.CommandTypes,
        ["RiskCommandDto.resources"] = ImprovementNames.Resource.Names,
        ["EstimateDto.kind"] = ImprovementNames.EstimateKind.Names,
        ["MeasureDto.kind"] = ImprovementNames.MeasureKind.Names,
        ["MeasureDto.trigger"] = EnumNames.CallType.Names,
        ["PartyDto.kind"] = KebabEnum<ManagementSystem.PartyKind>.Table.Names,
        ["RequesterDto.kind"] = KebabEnum<ManagementSystem.RequesterKind>.Table.Names,
        ["OrganisationUnitDto.kind"] = KebabEnum<ManagementSystem.OrganisationUnitKind>.Table.Names,
        ["OrganisationUnitDto.sub-domain"] = KebabEnum<ManagementSystem.TaskSubDomain>.Table.Names,
        ["AssignmentDto.verb"] = KebabEnum<ManagementSystem.ManagementVerb>.Table.Names,
        ["AssignmentDto.object-kind"] = KebabEnum<ManagementSystem.ManagedObjectKind>.Table.Names,
        ["ManagementSystemDto.separation-principles"] = KebabEnum<ManagementSystem.SeparationPrinciple>.Table.Names,
        ["TechnologyDto.strategy"] = KebabEnum<ManagementSystem.ToolingStrategy>.Table.Names,
        ["CallRegisterDto.call-type"] = EnumNames.CallType.Names,
        ["MirChangeDto.kind"] = KebabEnum<ManagementSystem.MirChangeKind>.Table.Names,
        ["MicDto.kind"] = KebabEnum<ManagementSystem.MicKind>.Table.Names,
        ["MetricDto.direction"] = KebabEnum<ManagementSystem.MetricDirection>.Table.Names,
        ["ContributionDto.kind"] = KebabEnum<ManagementSystem.ContributorKind>.Table.Names,
        ["AgreementDto.kind"] = KebabEnum<ManagementSystem.AgreementKind>.Table.Names,
        ["QuestionDto.maturity-criterion"] = AssessmentNames.MaturityLevel.Names,
        ["AnswerScaleDto.kind"] = AssessmentNames.ScaleKind.Names,
        ["UsmElementDto.kind"] = AssessmentNames.ElementKind.Names,
        ["UsmElementDto.prerequisite"] = AssessmentNames.Prerequisite.Names,
        ["UsmElementDto.resource"] = ImprovementNames.Resource.Names,
        ["UsmElementDto.process"] = EnumNames.Process.Names,
        ["ProgrammeDto.missing-resource-severity"] = ProgrammeNames.Severity.Names,
        ["MechanismDto.kind"] = ProgrammeNames.MechanismKinds,
        ["RankingMethodDto.kind"] = ProgrammeNames.MethodKinds,
        ["RankingMethodDto.normalisation"] = ProgrammeNames.Normalisation.Names,
        ["RankingMethodDto.convention"] = ProgrammeNames.Convention.Names,
        ["RankingMethodDto.formula"] = ProgrammeNames.SimpleRiskFormula.Names,
        ["CriterionDto.kind"] = ProgrammeNames.CriterionKind.Names,
        ["TieBreakerDto.kind"] = ProgrammeNames.TieBreakerKinds,
        ["SprintDto.status"] = ProgrammeNames.Status.Names,
        ["SprintDto.covered-resources"] = ImprovementNames.Resource.Names,
        ["SprintDto.outcomes"] = ProgrammeNames.Outcome.Names,
        ["FindingDto.severity"] = ProgrammeNames.Severity.Names,
        ["CandidateDto.polarity"] = ProgrammeNames.Polarity.Names,
        ["AhpResultDto.weighting"] = ResultMapper.Weighting.Names,
        ["BordaResultDto.partial-rule"] = ResultMapper.PartialRule.Names,
        ["SchulzeResultDto.strength"] = ResultMapper.Strength.Names,
        ["SprintSelectionDto.status"] = ResultMapper.SelectStatus.Names,
        ["SprintSelectionDto.method"] = ResultMapper.SelectMethod.Names,
        ["SprintSelectionDto.covered-resources"] = ImprovementNames.Resource.Names,
        ["SprintExplanationDto.decision"] = ResultMapper.Decision.Names,
        ["KanoResponseDto.functional"] = AnalysisMapper.Answer.Names,
        ["KanoResponseDto.dysfunctional"] = AnalysisMapper.Answer.Names,
        ["PairwiseComparisonDto.outcome"] = AnalysisMapper.Outcome.Names,
        ["KanoFeatureDto.category"] = AnalysisMapper.Category.Names,
        ["KanoFeatureDto.tied-categories"] = AnalysisMapper.Category.Names,
        ["PlackettLuceOptionsDto.unranked"] = AnalysisMapper.Unranked.Names,
    };

    // Members the readers require, keyed by DTO type name (the DTOs hold them as nullable so that a missing member
    // is reported with its path rather than failing the binding).
    private static readonly Dictionary<string, string[]> s_required = new(StringComparer.Ordinal)
    {
        ["WorkflowDocumentDto"] = ["format-version", "kind", "workflow"],
        ["WorkflowDto"] = ["id", "name", "trigger", "routine-type", "dynamicity", "steps"],
        ["StepDto"] = ["id", "process", "name"],
        ["ActivityDto"] = ["id", "name"],
        ["ResponsibilityDto"] = ["profile-id", "roles"],
        ["BranchDto"] = ["name", "steps"],
        ["RiskDatabaseDocumentDto"] = ["format-version", "kind", "risk-database"],
        ["RiskDatabaseDto"] = ["events"],
        ["RiskEventDto"] = ["sequence", "at", "actor-id", "kind", "risk-id", "resulting-status"],
        ["RiskDto"] = ["id", "title", "polarity", "origin", "resources", "category"],
        ["RiskOriginDto"] = ["kind"],
        ["RiskCommandDto"] = ["type"],
        ["RiskAssessmentDto"] = ["effect", "likelihood"],
        ["EstimateDto"] = ["kind"],
        ["MeasureDto"] = ["id", "title", "kind", "trigger", "business-case"],
        ["BusinessCaseDto"] = ["expected-result", "expected-benefit", "chance-of-success", "cost", "feasibility", "effort"],
        ["ManagementSystemDocumentDto"] = ["format-version", "kind", "management-system"],
        ["ManagementSystemDto"] = ["id", "name", "provider-id", "technology"],
        ["TechnologyDto"] = ["strategy", "sdc-tool"],
        ["MirChangeDto"] = ["kind", "mic-id", "at", "reason"],
        ["AgreementDto"] = ["id", "kind", "name", "provider-id", "counterparty-id", "validity"],
        ["InstrumentDocumentDto"] = ["format-version", "kind", "instrument"],
        ["ScanDocumentDto"] = ["format-version", "kind", "scan"],
        ["InstrumentDto"] = ["id", "version", "name", "areas"],
        ["InstrumentAreaDto"] = ["id", "name", "questions"],
        ["QuestionDto"] = ["id", "text", "scale", "element"],
        ["AnswerScaleDto"] = ["kind"],
        ["ScaleLevelDto"] = ["label", "score"],
        ["UsmElementDto"] = ["kind"],
        ["ScanDto"] = ["id", "date", "instrument"],
        ["RespondentDto"] = ["id", "role"],
        ["AnswerDto"] = ["respondent-id", "question-id"],
        ["ProgrammeDocumentDto"] = ["format-version", "kind", "improvement-programme"],
        ["ProgrammeDto"] = ["id", "name"],
        ["PrioritisationAgreementDto"] = ["agreed-on", "mechanism"],
        ["MechanismDto"] = ["kind"],
        ["RiskMatrixDto"] = ["effect-scale", "likelihood-scale", "priority-classes", "rows"],
        ["OrdinalScaleDto"] = ["name", "levels"],
        ["RankingMethodDto"] = ["kind"],
        ["CriterionDto"] = ["name", "kind", "weight"],
        ["TieBreakerDto"] = ["kind"],
        ["SprintDto"] = ["number", "period", "capacity", "status", "mechanism-name"],
        ["SprintItemDto"] = ["risk-id", "effort"],
        ["FindingDto"] = ["rule-id", "severity", "message", "path"],
        ["RankingDocumentDto"] = ["format-version", "kind", "ranking"],
        ["RankingDto"] = ["method", "complete", "candidates", "items"],
        ["CandidateDto"] = ["id", "values", "effort", "polarity"],
        ["RankedItemDto"] = ["id", "rank", "score", "explanation"],
        ["ExplanationDto"] = ["method", "summary", "contributions"],
        ["ContributionItemDto"] = ["criterion", "value", "contribution", "text"],
        ["AhpResultDocumentDto"] = ["format-version", "kind", "ahp-result"],
        ["AhpResultDto"] = ["weights", "weighting", "lambda-max", "consistency-index", "random-index", "random-index-value", "consistency-ratio", "consistency-threshold", "iterations", "converged"],
        ["RandomIndexDto"] = ["name", "values"],
        ["BordaResultDocumentDto"] = ["format-version", "kind", "borda-result"],
        ["BordaResultDto"] = ["partial-rule", "total-voters", "total-points", "standings"],
        ["BordaStandingDto"] = ["id", "points", "rank", "position", "ranked-by", "first-preferences"],
        ["SchulzeResultDocumentDto"] = ["format-version", "kind", "schulze-result"],
        ["SchulzeResultDto"] = ["strength", "total-voters", "candidates", "preferences", "path-strengths", "standings"],
        ["SchulzeStandingDto"] = ["id", "rank", "position", "wins", "losses"],
        ["SprintSelectionDocumentDto"] = ["format-version", "kind", "sprint-selection"],
        ["SprintSelectionDto"] = ["status", "method", "capacity", "coverage-required", "covered-resources", "selected-ids", "total-value", "total-effort", "work-cells", "explanations"],
        ["SprintExplanationDto"] = ["item-id", "decision", "value", "effort", "capacity-needed", "capacity-shortfall"],
        ["AhpSynthesisDocumentDto"] = ["format-version", "kind", "ahp-synthesis"],
        ["AhpSynthesisDto"] = ["criteria", "alternatives"],
        ["AhpCriterionWeightDto"] = ["id", "local-weight", "global-weight", "result"],
        ["AhpAlternativeDto"] = ["id", "priority", "rank", "position", "contributions"],
        ["AhpContributionDto"] = ["criterion-id", "criterion-weight", "local-priority", "contribution"],
        ["KanoSurveyDocumentDto"] = ["format-version", "kind", "kano-survey"],
        ["KanoSurveyDto"] = ["responses"],
        ["KanoResponseDto"] = ["feature-id", "respondent-id", "functional", "dysfunctional"],
        ["PairwiseComparisonsDocumentDto"] = ["format-version", "kind", "pairwise-comparisons"],
        ["PairwiseProfileDto"] = ["candidates", "comparisons"],
        ["PairwiseComparisonDto"] = ["first", "second", "outcome"],
        ["RankedBallotsDocumentDto"] = ["format-version", "kind", "ranked-ballots"],
        ["RankedBallotsDto"] = ["candidates", "ballots"],
        ["BallotDto"] = ["ranks"],
        ["KanoResultDocumentDto"] = ["format-version", "kind", "kano-result"],
        ["KanoResultDto"] = ["features", "ranked"],
        ["KanoFeatureDto"] = ["feature-id", "respondents", "must-be", "one-dimensional", "attractive", "indifferent", "reverse", "questionable", "category", "tied-categories"],
        ["BradleyTerryResultDocumentDto"] = ["format-version", "kind", "bradley-terry-result"],
        ["BradleyTerryResultDto"] = ["profile", "options", "iterations", "converged", "standings"],
        ["BradleyTerryOptionsDto"] = ["tolerance", "max-iterations", "virtual-ties"],
        ["BradleyTerryStandingDto"] = ["id", "strength", "rank", "position", "wins", "losses", "ties", "expected-wins"],
        ["PlackettLuceResultDocumentDto"] = ["format-version", "kind", "plackett-luce-result"],
        ["PlackettLuceResultDto"] = ["ballots", "options", "iterations", "converged", "log-likelihood", "standings"],
        ["PlackettLuceOptionsDto"] = ["tolerance", "max-iterations", "virtual-ties", "unranked"],
        ["PlackettLuceStandingDto"] = ["id", "worth", "rank", "position", "ranked-by", "chosen", "expected-choices", "first-choice-probability"],
        ["ElectreResultDocumentDto"] = ["format-version", "kind", "electre-result"],
        ["ElectreResultDto"] = ["candidates", "criteria", "concordance-threshold", "discordance-threshold", "discordance-scale", "kernel", "cycles", "relation"],
        ["ElectreOutrankingDto"] = ["id", "outranks"],
        ["ParetoResultDocumentDto"] = ["format-version", "kind", "pareto-result"],
        ["ParetoResultDto"] = ["candidates", "criteria", "fronts"],
    };

    // Applies the readers' bounds on the member (key), its items (key[]) and their items (key[][]).
    private static void ApplyBounds(JsonObject schema, string key)
    {
        for (var target = schema; target is not null; target = target["items"] as JsonObject, key += "[]")
        {
            if (SchemaBounds.Table.TryGetValue(key, out var bound))
            {
                Set(target, "minimum", bound.Minimum);
                Set(target, "exclusiveMinimum", bound.ExclusiveMinimum);
                Set(target, "maximum", bound.Maximum);
                Set(target, "exclusiveMaximum", bound.ExclusiveMaximum);
                Set(target, "multipleOf", bound.MultipleOf);
                Set(target, "minItems", bound.MinItems);
                Set(target, "maxItems", bound.MaxItems);
                if (bound.UniqueItems)
                {
                    target["uniqueItems"] = true;
                }

                Set(target, "minLength", bound.MinLength);
                if (bound.Pattern is not null)
                {
                    target["pattern"] = bound.Pattern;
                }
            }
        }

        static void Set(JsonObject target, string name, double? value)
        {
            if (value is { } v)
            {
                // Whole bounds are written as integers (0, not 0.0), so that they read naturally on integer members.
                target[name] = v == Math.Floor(v) && Math.Abs(v) < 1e15 ? JsonValue.Create((long)v) : JsonValue.Create(v);
            }
        }
    }

    public static string Export(UsmDocumentKind kind)
    {
        var typeInfo = UsmJson.TypeInfoOf(kind);
        var kindName = UsmJson.KindName(kind);
        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                if (node is not JsonObject schema)
                {
                    return node;
                }

                if (s_required.TryGetValue(context.TypeInfo.Type.Name, out var members) && schema["properties"] is not null)
                {
                    schema["required"] = new JsonArray([.. members.Select(m => (JsonNode?)JsonValue.Create(m))]);
                }

                if (context.PropertyInfo is not { } property)
                {
                    return schema;
                }

                if (s_required.TryGetValue(property.DeclaringType.Name, out var requiredMembers) && requiredMembers.Contains(property.Name)
                    && schema["type"] is JsonArray types && types.Count == 2)
                {
                    schema["type"] = types[0]!.GetValue<string>();
                }

                var key = property.DeclaringType.Name + "." + property.Name;
                ApplyBounds(schema, key);
                if (s_enums.TryGetValue(key, out var names))
                {
                    var values = new JsonArray([.. names.Select(n => (JsonNode?)JsonValue.Create(n))]);
                    if (schema["items"] is JsonObject items)
                    {
                        items["enum"] = values;
                    }
                    else if (schema["additionalProperties"] is JsonObject dictionaryValues)
                    {
                        // A map's values (a sprint's outcomes by risk id), not the map itself.
                        dictionaryValues["enum"] = values;
                    }
                    else
                    {
                        // An optional member may be null (the readers take null as absent), so its enum lists null too.
                        if (schema["type"] is JsonArray memberTypes && memberTypes.Any(t => t?.GetValue<string>() == "null"))
                        {
                            values.Add(null);
                        }

                        schema["enum"] = values;
                    }
                }
                else if (key.EndsWith("DocumentDto.format-version", StringComparison.Ordinal))
                {
                    schema["const"] = UsmJson.FormatVersion;
                }
                else if (key.EndsWith("DocumentDto.kind", StringComparison.Ordinal))
                {
                    schema["const"] = kindName;
                }

                return schema;
            },
        };
        var body = JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, options);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://usm-model.example/schema/{kindName}.v{UsmJson.FormatVersion}.schema.json",
            ["title"] = $"Usm.Model {kindName} document, format version {UsmJson.FormatVersion}",
        };
        foreach (var (name, value) in body.AsObject().ToList())
        {
            body.AsObject().Remove(name);
            root[name] = value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" }) + "\n";
    }
}
#endif
