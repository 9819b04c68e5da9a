namespace Usm.Model.Serialization;

// Inputs and results of the preference analyses: Kano surveys, pairwise comparisons (Bradley–Terry, Elo), ranked
// ballots (Plackett–Luce) and ELECTRE I.
internal sealed class KanoSurveyDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public KanoSurveyDto? KanoSurvey { get; set; }
}

internal sealed class KanoSurveyDto
{
    public List<KanoResponseDto?>? Responses { get; set; }
}

internal sealed class KanoResponseDto
{
    public string? FeatureId { get; set; }

    public string? RespondentId { get; set; }

    public string? Functional { get; set; }

    public string? Dysfunctional { get; set; }
}

internal sealed class PairwiseComparisonsDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public PairwiseProfileDto? PairwiseComparisons { get; set; }
}

internal sealed class PairwiseProfileDto
{
    public List<string?>? Candidates { get; set; }

    public List<PairwiseComparisonDto?>? Comparisons { get; set; }
}

internal sealed class PairwiseComparisonDto
{
    public string? First { get; set; }

    public string? Second { get; set; }

    public string? Outcome { get; set; }

    public int? Count { get; set; }
}

internal sealed class RankedBallotsDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public RankedBallotsDto? RankedBallots { get; set; }
}

internal sealed class RankedBallotsDto
{
    public List<string?>? Candidates { get; set; }

    public List<BallotDto?>? Ballots { get; set; }
}

internal sealed class BallotDto
{
    public List<List<string?>?>? Ranks { get; set; }

    public int? Voters { get; set; }
}

internal sealed class KanoResultDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public KanoResultDto? KanoResult { get; set; }
}

internal sealed class KanoResultDto
{
    public List<KanoFeatureDto?>? Features { get; set; }

    public List<string?>? Ranked { get; set; }
}

internal sealed class KanoFeatureDto
{
    public string? FeatureId { get; set; }

    public int? Respondents { get; set; }

    public int? MustBe { get; set; }

    public int? OneDimensional { get; set; }

    public int? Attractive { get; set; }

    public int? Indifferent { get; set; }

    public int? Reverse { get; set; }

    public int? Questionable { get; set; }

    public string? Category { get; set; }

    public List<string?>? TiedCategories { get; set; }

    public double? Better { get; set; }

    public double? Worse { get; set; }
}

internal sealed class BradleyTerryResultDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public BradleyTerryResultDto? BradleyTerryResult { get; set; }
}

internal sealed class BradleyTerryResultDto
{
    public PairwiseProfileDto? Profile { get; set; }

    public BradleyTerryOptionsDto? Options { get; set; }

    public int? Iterations { get; set; }

    public bool? Converged { get; set; }

    public List<BradleyTerryStandingDto?>? Standings { get; set; }
}

internal sealed class BradleyTerryOptionsDto
{
    public double? Tolerance { get; set; }

    public int? MaxIterations { get; set; }

    public double? VirtualTies { get; set; }
}

internal sealed class PlackettLuceOptionsDto
{
    public double? Tolerance { get; set; }

    public int? MaxIterations { get; set; }

    public double? VirtualTies { get; set; }

    public string? Unranked { get; set; }
}

internal sealed class BradleyTerryStandingDto
{
    public string? Id { get; set; }

    public double? Strength { get; set; }

    public int? Rank { get; set; }

    public int? Position { get; set; }

    public int? Wins { get; set; }

    public int? Losses { get; set; }

    public int? Ties { get; set; }

    public double? ExpectedWins { get; set; }
}

internal sealed class PlackettLuceResultDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public PlackettLuceResultDto? PlackettLuceResult { get; set; }
}

internal sealed class PlackettLuceResultDto
{
    public RankedBallotsDto? Ballots { get; set; }

    public PlackettLuceOptionsDto? Options { get; set; }

    public int? Iterations { get; set; }

    public bool? Converged { get; set; }

    public double? LogLikelihood { get; set; }

    public List<PlackettLuceStandingDto?>? Standings { get; set; }
}

internal sealed class PlackettLuceStandingDto
{
    public string? Id { get; set; }

    public double? Worth { get; set; }

    public int? Rank { get; set; }

    public int? Position { get; set; }

    public int? RankedBy { get; set; }

    public double? Chosen { get; set; }

    public double? ExpectedChoices { get; set; }

    public double? FirstChoiceProbability { get; set; }
}

internal sealed class ElectreResultDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public ElectreResultDto? ElectreResult { get; set; }
}

internal sealed class ElectreResultDto
{
    public List<CandidateDto?>? Candidates { get; set; }

    public List<CriterionDto?>? Criteria { get; set; }

    public double? ConcordanceThreshold { get; set; }

    public double? DiscordanceThreshold { get; set; }

    public double? DiscordanceScale { get; set; }

    public List<string?>? Kernel { get; set; }

    public List<List<string?>?>? Cycles { get; set; }

    public List<ElectreOutrankingDto?>? Relation { get; set; }
}

internal sealed class ElectreOutrankingDto
{
    public string? Id { get; set; }

    public List<string?>? Outranks { get; set; }
}

internal sealed class ParetoResultDocumentDto
{
    public int? FormatVersion { get; set; }

    public string? Kind { get; set; }

    public ParetoResultDto? ParetoResult { get; set; }
}

internal sealed class ParetoResultDto
{
    public List<CandidateDto?>? Candidates { get; set; }

    public List<CriterionDto?>? Criteria { get; set; }

    public List<List<string?>?>? Fronts { get; set; }
}
