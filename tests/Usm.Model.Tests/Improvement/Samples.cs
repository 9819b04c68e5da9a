using Usm.Model.Improvement;

namespace Usm.Model.Tests.Improvement;

/// <summary>Small, readable fixtures for the improvement tests.</summary>
internal static class Samples
{
    public static OrdinalScale Effects { get; } = new("Effect", ["Minor", "Moderate", "Major", "Severe"]);

    public static OrdinalScale Likelihoods { get; } = new("Likelihood", ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]);

    public static OrdinalScale Classes { get; } = new("Priority", ["Low", "Medium", "High", "Critical"]);

    // Class = (effect + likelihood) bucketed: monotone by construction.
    public static RiskMatrix Matrix { get; } = RiskMatrix.FromFunction(Effects, Likelihoods, Classes, (e, l) => Math.Min(3, (e + l) / 2));

    public static Risk Threat(string id = "R-1", string category = "operational", Resource[]? resources = null, string[]? services = null) =>
        new(id, "Backups untested", "Nobody restores a backup", RiskPolarity.Threat, RiskOrigin.ReportedBy("p-ann"), resources ?? [Resource.Technology], category, services ?? ["svc-mail"], ["mic-nas"]);

    public static Risk Opportunity(string id = "R-2") =>
        new(id, "Self-service password reset", "Cuts calls", RiskPolarity.Opportunity, RiskOrigin.FromScanGap("scan-0", "Q7"), [Resource.Process, Resource.People], "strategic", ["svc-desk"]);

    public static BusinessCase Case(double benefit = 1000, double chance = 0.8, double cost = 100, int effort = 3, string result = "restore verified monthly") =>
        new(result, benefit, chance, cost, 0.9, effort);

    public static Measure Mitigation(string id = "M-1", CallType trigger = CallType.ChangeRequest, int effort = 3, double benefit = 1000) =>
        new(id, "Monthly restore test", MeasureKind.Mitigate, Case(benefit: benefit, effort: effort), trigger);

    public static Measure Fostering(string id = "M-1", CallType trigger = CallType.Wish) =>
        new(id, "Offer self-service", MeasureKind.Foster, Case(), trigger);

    public static RiskAssessment Assessment(int effect = 2, int likelihood = 3, double probability = 0.5, double impact = 2000) =>
        new(effect, likelihood, QuantitativeEstimate.FromProbabilityAndImpact(probability, impact));

    /// <summary>The commands that lead a threat from Identified to each later main-line status.</summary>
    public static IReadOnlyList<RiskCommand> MainLine(Measure? measure = null) =>
    [
        new ClassifyRisk(Assessment()),
        new RecordRootCause("no restore procedure"),
        new AddMeasure(measure ?? Mitigation()),
        new SelectMeasure(new RiskAssessment(1, 1)),
        new DeployMeasure("CR-42"),
        new FulfilRisk(),
        new CloseRisk(new RiskAssessment(1, 0)),
    ];

    /// <summary>A threat moved along the main line to <paramref name="status"/>, or ended by reject/withdraw.</summary>
    public static Risk ThreatAt(RiskStatus status, string id = "R-1")
    {
        var risk = Threat(id);
        switch (status)
        {
            case RiskStatus.Rejected:
                return risk.Apply(new RejectRisk("duplicate of R-0"));
            case RiskStatus.Withdrawn:
                return risk.Apply(new WithdrawRisk("reporter withdrew it"));
        }

        foreach (var command in MainLine())
        {
            if (risk.Status == status)
            {
                break;
            }

            risk = risk.Apply(command);
        }

        return risk;
    }
}
