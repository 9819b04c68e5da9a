using System.Xml.Linq;
using Usm.Cli.Svg;

namespace Usm.Cli.Tests;

public class SvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void HeatMap_IsWellFormed_AndCellsCarryTheModelsCounts()
    {
        var cells = new HeatCell[2, 3];
        cells[0, 0] = new HeatCell(4, 3);
        cells[0, 2] = new HeatCell(1, 2);
        cells[1, 1] = new HeatCell(7, 2);
        cells[1, 2] = new HeatCell(2, 1);
        var text = Charts.HeatMap("Risks <&> heat map", ["minor", "moderate", "major"], ["unlikely", "likely"], cells, ["high", "medium", "low"]);

        var doc = XDocument.Parse(text); // throws if not well-formed
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        var rects = doc.Descendants(Svg + "rect").Where(r => r.Attribute("data-cell") is not null).ToList();
        Assert.Equal(6, rects.Count);
        var byCell = rects.Select(r => r.Attribute("data-cell")!.Value.Split('|')).ToDictionary(p => (p[0], p[1]), p => (int.Parse(p[2]), int.Parse(p[3])));
        Assert.Equal((4, 3), byCell[("unlikely", "minor")]);
        Assert.Equal((7, 2), byCell[("likely", "moderate")]);
        Assert.Equal((2, 1), byCell[("likely", "major")]);
        Assert.Equal((0, 0), byCell[("unlikely", "moderate")]);
        Assert.Equal(14, byCell.Values.Sum(v => v.Item1));
        Assert.Contains(doc.Descendants(Svg + "title"), t => t.Value == "Risks <&> heat map");
    }

    [Fact]
    public void HeatMap_SameClass_SameColour_HigherClass_Differs()
    {
        Assert.Equal(Charts.ClassColour(2, 3), Charts.ClassColour(2, 3));
        Assert.NotEqual(Charts.ClassColour(1, 3), Charts.ClassColour(3, 3));
    }

    [Fact]
    public void BurnUp_SeriesAreCumulative_AndMatchTheSprints()
    {
        var text = Charts.BurnUp("Improvement sprints", [new("S1", 10, 8, -5000), new("S2", 12, 12, -3000.5), new("S3", 8, 4, -1000)]);
        var doc = XDocument.Parse(text);
        var series = doc.Descendants(Svg + "polyline").Select(p => p.Attribute("data-series")!.Value).ToList();
        Assert.Contains("planned 10;22;30", series);
        Assert.Contains("done 8;20;24", series);
        Assert.Contains("exposure -5000;-3000.5;-1000", series);
        Assert.All(doc.Descendants(Svg + "polyline"), p => Assert.Equal(3, p.Attribute("points")!.Value.Split(' ').Length));
    }
}

public class ModelChartsTests
{
    private static readonly System.Xml.Linq.XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void HeatMap_CountsOpenClassifiedRisksPerCell_AndColoursByTheMatrix()
    {
        var effects = new Usm.Model.Improvement.OrdinalScale("Effect", ["Minor", "Major"]);
        var likelihoods = new Usm.Model.Improvement.OrdinalScale("Likelihood", ["Rare", "Likely"]);
        var classes = new Usm.Model.Improvement.OrdinalScale("Priority", ["Low", "High"]);
        var matrix = Usm.Model.Improvement.RiskMatrix.FromFunction(effects, likelihoods, classes, (e, l) => e + l >= 2 ? 1 : 0);
        var clock = new FixedClock(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0));
        var db = new Usm.Model.Improvement.RiskDatabase(clock);
        var n = 0;
        foreach (var (e, l) in new[] { (1, 1), (1, 1), (0, 1), (0, 0) })
        {
            var id = "R-" + ++n;
            db = db.Register(new Usm.Model.Improvement.Risk(id, "risk " + id, "", Usm.Model.Improvement.RiskPolarity.Threat,
                    Usm.Model.Improvement.RiskOrigin.ReportedBy("p-1"), [Usm.Model.Resource.Process], "ops"), "p-1")
                .Apply(id, new Usm.Model.Improvement.ClassifyRisk(new Usm.Model.Improvement.RiskAssessment(e, l)), "p-1");
        }

        db = db.Apply("R-4", new Usm.Model.Improvement.RejectRisk("duplicate"), "p-1"); // closed risks are not counted
        var doc = System.Xml.Linq.XDocument.Parse(Usm.Cli.Svg.ModelCharts.HeatMap(db, matrix, "heat"));
        var cells = doc.Descendants(Svg + "rect").Select(r => r.Attribute("data-cell")?.Value).OfType<string>()
            .Select(v => v.Split('|')).ToDictionary(p => (p[0], p[1]), p => (int.Parse(p[2]), int.Parse(p[3])));
        Assert.Equal((2, 1), cells[("Likely", "Major")]);  // class High, drawn as the most urgent (1)
        Assert.Equal((1, 2), cells[("Likely", "Minor")]);
        Assert.Equal((0, 2), cells[("Rare", "Minor")]);
        Assert.Equal(3, cells.Values.Sum(v => v.Item1));
    }
}

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock(NodaTime.Instant now) : NodaTime.IClock
{
    public NodaTime.Instant GetCurrentInstant() => now;
}
