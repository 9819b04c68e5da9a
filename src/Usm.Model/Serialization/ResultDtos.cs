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
