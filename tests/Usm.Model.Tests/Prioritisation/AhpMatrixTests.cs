using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Prioritisation;

public class AhpMatrixTests
{
    [Fact]
    public void Create_ValidMatrix_KeepsCellsAndLabels()
    {
        double[][] rows = [[1, 3, 0.2], [1.0 / 3, 1, 0.5], [5, 2, 1]];
        var m = AhpMatrix.Create(rows, ["a", "b", "c"]);
        Assert.Equal(3, m.Size);
        Assert.Equal(3, m[0, 1]);
        Assert.Equal(0.2, m[0, 2]);
        Assert.Equal(["a", "b", "c"], m.Labels.ToArray());
        Assert.Equal(rows.Select(r => r.ToList()), m.ToRows().Select(r => r.ToList()));
        Assert.Equal("b", m.LabelOf(1));
        Assert.Equal(1, m.Cells[4]);

        // The caller's arrays are copied, not kept.
        rows[0][1] = 7;
        Assert.Equal(3, m[0, 1]);
    }

    [Fact]
    public void Create_RoundedReciprocals_AreAcceptedWithinTolerance()
    {
        var m = AhpMatrix.Create([[1, 3], [0.333, 1]]);
        Assert.Equal(0.333, m[1, 0]);
        Assert.Throws<ArgumentException>(() => AhpMatrix.Create([[1, 7], [0.14, 1]]));
        Assert.Equal(0.14, AhpMatrix.Create([[1, 7], [0.14, 1]], tolerance: 0.05)[1, 0]);
    }

    [Fact]
    public void Create_NonReciprocal_ThrowsNamingCellAndValues()
    {
        var ex = Assert.Throws<ArgumentException>(() => AhpMatrix.Create([[1, 3, 1], [1.0 / 3, 1, 4], [1, 0.5, 1]], ["cost", "risk", "value"]));
        Assert.Equal("rows", ex.ParamName);
        Assert.Contains("Cell (1,2)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'risk' vs 'value'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("is 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cell (2,1) is 0.5", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_NonPositiveOrNonFinite_ThrowsNamingCell(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => AhpMatrix.Create([[1, bad], [1, 1]]));
        Assert.Contains("Cell (0,1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OffScale_ThrowsUnlessUnrestricted()
    {
        var ex = Assert.Throws<ArgumentException>(() => AhpMatrix.Create([[1, 12], [1.0 / 12, 1]]));
        Assert.Contains("Saaty's scale", ex.Message, StringComparison.Ordinal);
        Assert.Equal(12, AhpMatrix.Create([[1, 12], [1.0 / 12, 1]], restrictToSaatyScale: false)[0, 1]);
    }

    [Fact]
    public void Create_BadShapeOrDiagonal_Throws()
    {
        Assert.Throws<ArgumentException>(() => AhpMatrix.Create([]));
        Assert.Contains("Row 1", Assert.Throws<ArgumentException>(() => AhpMatrix.Create([[1, 2], [0.5]])).Message, StringComparison.Ordinal);
        Assert.Contains("diagonal", Assert.Throws<ArgumentException>(() => AhpMatrix.Create([[2, 1], [1, 1]])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => AhpMatrix.Create([[1]], tolerance: -1));
    }

    [Fact]
    public void Labels_MustBeUniqueNonBlankAndOnePerElement()
    {
        Assert.Contains("'a' appears twice", Assert.Throws<ArgumentException>(() => AhpMatrix.FromUpperTriangle(2, [2], ["a", "a"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AhpMatrix.FromUpperTriangle(2, [2], ["a"]));
        Assert.Throws<ArgumentException>(() => AhpMatrix.FromUpperTriangle(2, [2], ["a", " "]));
    }

    [Fact]
    public void FromUpperTriangle_FillsExactReciprocals()
    {
        var m = AhpMatrix.FromUpperTriangle(3, [2, 4, 3]);
        Assert.Equal(1, m[1, 1]);
        Assert.Equal(0.5, m[1, 0]);
        Assert.Equal(0.25, m[2, 0]);
        Assert.Equal(1.0 / 3, m[2, 1]);
        Assert.Contains("needs 3 judgements", Assert.Throws<ArgumentException>(() => AhpMatrix.FromUpperTriangle(3, [2, 4])).Message, StringComparison.Ordinal);
        Assert.Contains("Cell (1,2)", Assert.Throws<ArgumentException>(() => AhpMatrix.FromUpperTriangle(3, [2, 4, -3])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromWeights_BuildsRatios_AndRejectsBadWeightsByIndex()
    {
        var m = AhpMatrix.FromWeights([2, 1, 4]);
        Assert.Equal(2, m[0, 1]);
        Assert.Equal(0.25, m[1, 2]);
        Assert.Contains("Weight 1", Assert.Throws<ArgumentException>(() => AhpMatrix.FromWeights([2, 0, 4])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsStructural()
    {
        var a = AhpMatrix.FromUpperTriangle(2, [3], ["x", "y"]);
        var b = AhpMatrix.Create([[1, 3], [1.0 / 3, 1]], ["x", "y"]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.WithLabels(["y", "x"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2, 0]);
    }
}
