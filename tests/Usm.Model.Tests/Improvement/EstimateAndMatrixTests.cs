using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Improvement;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

public class EstimateAndMatrixTests
{
    [Fact]
    public void ThreePoint_UsesThePertMean_PublishedExample()
    {
        // Worked example from "PERT Formula", pmpandsdlc.blogspot.com (2010-02), http://pmpandsdlc.blogspot.com/2010/02:
        // optimistic 10, most likely 12, pessimistic 26 days → (26 + 4×12 + 10) / 6 = 84 / 6 = 14 days.
        var estimate = QuantitativeEstimate.FromThreePoint(10, 12, 26);
        Assert.Equal(14, estimate.Impact, 12);
        Assert.Equal(14, estimate.ExpectedValue, 12);
        Assert.Equal(16.0 / 6, estimate.StandardDeviation, 12);

        // Second published example (activity E, optimistic 91, most likely 100, pessimistic 115 → 606 / 6 = 101 days),
        // https://api17195.sec3.dev/consider-the-following-work-breakdown-structure-tex-begin-array-ccccc-multicolumn-4-58115425
        Assert.Equal(101, QuantitativeEstimate.FromThreePoint(91, 100, 115).Impact, 12);
    }

    [Fact]
    public void SignedExpectedValue_IsNegativeForThreats_AndPositiveForOpportunities()
    {
        var estimate = QuantitativeEstimate.FromProbabilityAndImpact(0.25, 4000);
        Assert.Equal(1000, estimate.ExpectedValue);
        Assert.Equal(-1000, estimate.SignedExpectedValue(RiskPolarity.Threat));
        Assert.Equal(1000, estimate.SignedExpectedValue(RiskPolarity.Opportunity));
        Assert.Equal(-7, QuantitativeEstimate.FromThreePoint(10, 12, 26, 0.5).SignedExpectedValue(RiskPolarity.Threat), 9);
        Assert.Equal(0, new RiskAssessment(1, 1).SignedExpectedValue(RiskPolarity.Threat));
    }

    [Fact]
    public void BadEstimates_NameTheValue()
    {
        var p = Assert.Throws<ArgumentOutOfRangeException>(() => QuantitativeEstimate.FromProbabilityAndImpact(1.2, 10));
        Assert.Equal("probability", p.ParamName);
        Assert.Contains("1.2", p.Message, StringComparison.Ordinal);
        Assert.Equal("impact", Assert.Throws<ArgumentOutOfRangeException>(() => QuantitativeEstimate.FromProbabilityAndImpact(0.1, -5)).ParamName);
        Assert.Equal("impact", Assert.Throws<ArgumentOutOfRangeException>(() => QuantitativeEstimate.FromProbabilityAndImpact(0.1, double.NaN)).ParamName);
        var order = Assert.Throws<ArgumentOutOfRangeException>(() => QuantitativeEstimate.FromThreePoint(5, 4, 9));
        Assert.Equal("mostLikely", order.ParamName);
        Assert.Contains("4", order.Message, StringComparison.Ordinal);
        Assert.Equal("maximum", Assert.Throws<ArgumentOutOfRangeException>(() => QuantitativeEstimate.FromThreePoint(1, 4, 3)).ParamName);
        Assert.Equal("effect", Assert.Throws<ArgumentOutOfRangeException>(() => new RiskAssessment(-1, 0)).ParamName);
    }

    [Fact]
    public void Amounts_AreBounded_SoThatExposureStaysFinite()
    {
        // The largest amount is accepted, and a database full of it keeps a finite exposure.
        var top = QuantitativeEstimate.FromThreePoint(QuantitativeEstimate.MaxAmount, QuantitativeEstimate.MaxAmount, QuantitativeEstimate.MaxAmount);
        Assert.Equal(QuantitativeEstimate.MaxAmount, top.ExpectedValue);
        Assert.True(double.IsFinite(top.ExpectedValue * int.MaxValue));

        // One step above it is refused, naming the parameter and the value.
        var above = Math.BitIncrement(QuantitativeEstimate.MaxAmount);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => QuantitativeEstimate.FromProbabilityAndImpact(0.5, above));
        Assert.Equal("impact", error.ParamName);
        Assert.Contains("but was 1000000000000000.1", error.Message, StringComparison.Ordinal);
        Assert.Equal("maximum", Assert.Throws<ArgumentOutOfRangeException>(() => QuantitativeEstimate.FromThreePoint(1, 2, 1e308)).ParamName);
    }

    [Fact]
    public void OrdinalScale_RejectsBadLevels_AndFindsLevelsByName()
    {
        Assert.Equal(3, Samples.Likelihoods.IndexOf("Likely"));
        Assert.Equal("Severe", Samples.Effects.NameOf(3));
        Assert.Contains("'Often'", Assert.Throws<ArgumentException>(() => Samples.Likelihoods.IndexOf("Often")).Message, StringComparison.Ordinal);
        Assert.Contains("'Low'", Assert.Throws<ArgumentException>(() => new OrdinalScale("S", ["Low", "Low"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("levels", () => new OrdinalScale("S", ["Only"]));
    }

    [Fact]
    public void Matrix_ClassifiesAssessments()
    {
        Assert.Equal("Low", Samples.Matrix.ClassNameOf(new RiskAssessment(0, 0)));
        Assert.Equal("Critical", Samples.Matrix.ClassNameOf(new RiskAssessment(3, 4)));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Samples.Matrix.Classify(new RiskAssessment(4, 0)));
        Assert.Equal("effect", ex.ParamName);
        Assert.Contains("Level 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_FromNames_RejectsANonMonotoneTable_NamingTheCells()
    {
        var effects = new OrdinalScale("Effect", ["Low", "High"]);
        var likelihoods = new OrdinalScale("Likelihood", ["Rare", "Often"]);
        var classes = new OrdinalScale("Priority", ["P3", "P2", "P1"]);
        var ok = new RiskMatrix(effects, likelihoods, classes, [["P3", "P2"], ["P2", "P1"]]);
        Assert.Equal(2, ok.ClassOf(1, 1));

        var ex = Assert.Throws<ArgumentException>(() => new RiskMatrix(effects, likelihoods, classes, [["P3", "P1"], ["P2", "P2"]]));
        Assert.Contains("cell (effect 'High', likelihood 'Often') has class 'P2', lower than class 'P1' of cell (effect 'Low', likelihood 'Often')", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'P9'", Assert.Throws<ArgumentException>(() => new RiskMatrix(effects, likelihoods, classes, [["P3", "P9"], ["P2", "P1"]])).Message, StringComparison.Ordinal);
        Assert.Contains("needs 2 rows", Assert.Throws<ArgumentException>(() => new RiskMatrix(effects, likelihoods, classes, [["P3", "P2"]])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyMonotoneMatrix_IsAccepted()
    {
        PropertyCheck.Run(Prop.ForAll(ImprovementArbitraries.MonotoneMatrices(), m =>
        {
            var matrix = m.Build();
            for (var e = 0; e < m.Cells.Length; e++)
            {
                for (var l = 0; l < m.Cells[e].Length; l++)
                {
                    if (matrix.ClassOf(e, l) != m.Cells[e][l])
                    {
                        return false;
                    }
                }
            }

            return true;
        }), maxTest: 500);
    }

    [Fact]
    public void SwappingTwoOrderedCellsWithDifferentClasses_IsRejected_NamingASwappedCell()
    {
        PropertyCheck.Run(Prop.ForAll(ImprovementArbitraries.BrokenMatrices(), b =>
        {
            var ex = Assert.Throws<ArgumentException>(() => b.Matrix.Build());
            return ex.Message.Contains(ImprovementArbitraries.CellLabel(b.Low), StringComparison.Ordinal)
                || ex.Message.Contains(ImprovementArbitraries.CellLabel(b.High), StringComparison.Ordinal);
        }), maxTest: 500);
    }
}
