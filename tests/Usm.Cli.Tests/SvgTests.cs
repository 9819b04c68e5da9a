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
