using System.Text.RegularExpressions;
using Usm.Model.Improvement;
using Usm.Model.Serialization;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>
/// Values beyond the model's bounds (found by review, session 5) are read errors with a path, not exceptions.
/// </summary>
public class BoundedInputJsonTests
{
    [Fact]
    public void RiskLevelAboveTheBound_IsAReadError()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 1, 1))
            .Register(Usm.Model.Tests.Improvement.Samples.Threat("R-1"), "p")
            .Apply("R-1", new ClassifyRisk(new RiskAssessment(2, 3)), "p");
        var json = UsmJson.WriteRiskDatabase(db);
        var hostile = Regex.Replace(json, "\"effect\": 2\\b", "\"effect\": 2147483647");
        Assert.NotEqual(json, hostile);

        var result = UsmJson.ReadRiskDatabase(hostile, FixedClock.At(2026, 1, 2));

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.ToString().Contains("2147483647", StringComparison.Ordinal));
    }
}
