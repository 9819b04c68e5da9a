using Usm.Model.Improvement;
using Usm.Model.Improvement.Simulation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>The example of docs/risk-simulation.md, compiled, run and checked; its lines must match the page.</summary>
public class RiskSimulationDocsExampleTests
{
    [Fact]
    public void DocsExample_RunsAndPrintsWhatItSays()
    {
        var console = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        // --- begin docs example ---
        static Risk Classified(string id, RiskPolarity polarity, QuantitativeEstimate estimate) =>
            new Risk(id, "Risk " + id, "", polarity, RiskOrigin.ReportedBy("p-ann"), [Resource.Technology], "operational")
                .Apply(new ClassifyRisk(new RiskAssessment(2, 2, estimate)));

        Risk[] risks =
        [
            Classified("RSK-1", RiskPolarity.Threat, QuantitativeEstimate.FromThreePoint(2_000, 5_000, 40_000, probability: 0.3)),
            Classified("RSK-2", RiskPolarity.Threat, QuantitativeEstimate.FromProbabilityAndImpact(0.1, 25_000)),
            Classified("RSK-3", RiskPolarity.Opportunity, QuantitativeEstimate.FromThreePoint(3_000, 6_000, 8_000, probability: 0.7)),
        ];

        // 10,000 iterations, seed 2000 (the defaults); a RiskDatabase can be passed instead of the list.
        RiskSimulationResult mc = RiskSimulation.Run(risks);
        console.WriteLine(Math.Round(mc.ExpectedValue));                  // -1517 (the exposure: -3100 - 2500 + 4083)
        console.WriteLine(mc.Net);                                        // mean -1534, sd 9878, P10 -18616, P50 0, P90 6629, min -52213, max 7959
        console.WriteLine(mc.ProbabilityOfLossGreaterThan(10_000));       // 0.1725 (a net loss above 10,000 in 17 % of the iterations)
        console.WriteLine(mc.Percentile(0.05));                           // -24612.800475358294 (one iteration in twenty loses more)
        console.WriteLine(mc["RSK-1"]);                                   // RSK-1 (Threat): occurred 29.61 %, mean -3078 (EV -3100), P10 -12019, P90 0, variance share 33.79 %
        // --- end docs example ---

        DocsExample.AssertPrintsItsComments(console.ToString(), ExampleLines(), exact: false);
    }

    [Fact]
    public void DocsExample_MatchesThePage()
    {
        DocsExample.AssertMatchesPage("risk-simulation.md", ExampleLines());
    }

    private static string[] ExampleLines() => DocsExample.Lines("Improvement/RiskSimulationDocsExampleTests.cs");
}
