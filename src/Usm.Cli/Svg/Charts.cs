using System.Globalization;

namespace Usm.Cli.Svg;

/// <summary>A heat-map cell: how many risks sit there and the priority class the matrix gives it (1 = highest).</summary>
internal readonly record struct HeatCell(int Count, int PriorityClass);

/// <summary>One sprint on the burn-up chart.</summary>
internal readonly record struct BurnUpSprint(string Name, double PlannedEffort, double DoneEffort, double Exposure);

/// <summary>The two pictures the CLI draws: the risk heat map and the sprint burn-up.</summary>
internal static class Charts
{
    // A diverging ramp (ColorBrewer RdYlGn) from the most urgent class (red) to the least (green).
    private static readonly string[] s_classColours = ["#d73027", "#fc8d59", "#fee08b", "#d9ef8b", "#91cf60", "#1a9850"];

    /// <summary>The fill for a priority class out of <paramref name="classCount"/> classes (1 = most urgent).</summary>
    public static string ClassColour(int priorityClass, int classCount)
    {
        if (classCount <= 1)
        {
            return s_classColours[0];
        }

        var index = (int)Math.Round((priorityClass - 1) * (double)(s_classColours.Length - 1) / (classCount - 1));
        return s_classColours[Math.Clamp(index, 0, s_classColours.Length - 1)];
    }

    /// <summary>Black or white text, whichever contrasts more with the fill (relative luminance, WCAG 2).</summary>
    public static string TextOn(string fill)
    {
        static double Channel(string hex, int at)
        {
            var v = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(fill, 1)) + (0.7152 * Channel(fill, 3)) + (0.0722 * Channel(fill, 5));
        return luminance > 0.179 ? "#1a1a1a" : "#ffffff";
    }

    /// <summary>
    /// Effect (x) × likelihood (y, highest at the top) with the count of open risks per cell, coloured by priority class.
    /// <paramref name="cells"/> is indexed [likelihood, effect], both from the lowest level.
    /// </summary>
    public static string HeatMap(string title, IReadOnlyList<string> effectLevels, IReadOnlyList<string> likelihoodLevels, HeatCell[,] cells, IReadOnlyList<string> classNames)
    {
        const double cell = 96, left = 150, top = 70;
        var width = left + (cell * effectLevels.Count) + 190;
        var height = top + (cell * likelihoodLevels.Count) + 80;
        var svg = new SvgDocument(width, height, title);
        svg.Text(24, 36, title, 20, bold: true);
        for (var li = 0; li < likelihoodLevels.Count; li++)
        {
            var y = top + (cell * (likelihoodLevels.Count - 1 - li));
            svg.Text(left - 10, y + (cell / 2) + 4, likelihoodLevels[li], 12, "end");
            for (var ei = 0; ei < effectLevels.Count; ei++)
            {
                var x = left + (cell * ei);
                var c = cells[li, ei];
                svg.Rect(x + 2, y + 2, cell - 4, cell - 4, ClassColour(c.PriorityClass, classNames.Count), "#ffffff",
                    "cell", string.Create(CultureInfo.InvariantCulture, $"{likelihoodLevels[li]}|{effectLevels[ei]}|{c.Count}|{c.PriorityClass}"));
                var fill = ClassColour(c.PriorityClass, classNames.Count);
                svg.Text(x + (cell / 2), y + (cell / 2) + 10, c.Count.ToString(CultureInfo.InvariantCulture), 28, "middle", TextOn(fill), bold: true);
            }
        }

        for (var ei = 0; ei < effectLevels.Count; ei++)
        {
            svg.Text(left + (cell * ei) + (cell / 2), top + (cell * likelihoodLevels.Count) + 22, effectLevels[ei], 12, "middle");
        }

        svg.Text(left + (cell * effectLevels.Count / 2), top + (cell * likelihoodLevels.Count) + 52, "effect →", 14, "middle", bold: true);
        svg.Text(40, top + (cell * likelihoodLevels.Count / 2), "likelihood →", 14, "middle", bold: true, rotate: -90);

        var legendX = left + (cell * effectLevels.Count) + 30;
        svg.Text(legendX, top + 4, "priority class", 13, bold: true);
        for (var k = 0; k < classNames.Count; k++)
        {
            svg.Rect(legendX, top + 16 + (k * 26), 18, 18, ClassColour(k + 1, classNames.Count));
            svg.Text(legendX + 26, top + 30 + (k * 26), classNames[k], 12);
        }

        return svg.ToString();
    }

    /// <summary>
    /// Planned versus done effort, cumulative over sprints (bars and lines), with the open exposure on a second axis.
    /// </summary>
    public static string BurnUp(string title, IReadOnlyList<BurnUpSprint> sprints)
    {
        const double left = 80, top = 70, plotW = 560, plotH = 300;
        var svg = new SvgDocument(left + plotW + 200, top + plotH + 90, title);
        svg.Text(24, 36, title, 20, bold: true);
        double cumPlanned = 0, cumDone = 0;
        var planned = new List<(double, double)>();
        var done = new List<(double, double)>();
        var exposure = new List<(double, double)>();
        var cumulative = sprints.Select(s => (cumPlanned += s.PlannedEffort, cumDone += s.DoneEffort)).ToList();
        var maxEffort = Math.Max(1, cumulative.Count == 0 ? 1 : cumulative.Max(c => Math.Max(c.Item1, c.Item2)));
        var maxExposure = Math.Max(1, sprints.Count == 0 ? 1 : sprints.Max(s => Math.Abs(s.Exposure)));

        for (var g = 0; g <= 4; g++)
        {
            var y = top + plotH - (plotH * g / 4);
            svg.Line(left, y, left + plotW, y, "#e5e5e5");
            svg.Text(left - 8, y + 4, Axis(maxEffort * g / 4), 11, "end", "#555555");
            svg.Text(left + plotW + 8, y + 4, Axis(maxExposure * g / 4), 11, "start", "#8c510a");
        }

        svg.Line(left, top + plotH, left + plotW, top + plotH, "#333333");
        svg.Line(left, top, left, top + plotH, "#333333");

        // Sprints sit in equal slots; each slot shows the cumulative planned (outlined) and done (filled) effort as
        // bars, so that a programme with a single sprint is still readable, and the lines join the slots' values.
        var slot = sprints.Count == 0 ? plotW : plotW / sprints.Count;
        var bar = Math.Min(36, slot / 4);
        for (var i = 0; i < sprints.Count; i++)
        {
            var x = left + (slot * i) + (slot / 2);
            var plannedY = top + plotH - (plotH * cumulative[i].Item1 / maxEffort);
            var doneY = top + plotH - (plotH * cumulative[i].Item2 / maxEffort);
            var exposureY = top + plotH - (plotH * Math.Abs(sprints[i].Exposure) / maxExposure);
            planned.Add((x, plannedY));
            done.Add((x, doneY));
            exposure.Add((x, exposureY));
            svg.Rect(x - bar - 2, plannedY, bar, top + plotH - plannedY, "#d1e5f0", "#2166ac");
            svg.Rect(x + 2, doneY, bar, top + plotH - doneY, "#1b7837");
            svg.Text(x - (bar / 2) - 2, plannedY - 6, Axis(cumulative[i].Item1), 11, "middle", "#2166ac");
            svg.Text(x + (bar / 2) + 2, doneY - 6, Axis(cumulative[i].Item2), 11, "middle", "#1b7837");
            svg.Circle(x, exposureY, 5, "#8c510a");
            svg.Text(x + 8, exposureY - 8, Axis(sprints[i].Exposure), 11, "start", "#8c510a");
            svg.Text(x, top + plotH + 20, sprints[i].Name, 11, "middle");
        }

        svg.Polyline(planned, "#2166ac", 2, "series", "planned " + string.Join(";", cumulative.Select(c => SvgDocument.N(c.Item1))), dash: "8 5");
        svg.Polyline(done, "#1b7837", 2, "series", "done " + string.Join(";", cumulative.Select(c => SvgDocument.N(c.Item2))));
        svg.Polyline(exposure, "#8c510a", 2, "series", "exposure " + string.Join(";", sprints.Select(s => SvgDocument.N(s.Exposure))));

        svg.Text(left + (plotW / 2), top + plotH + 50, "sprint", 13, "middle", bold: true);
        svg.Text(24, top + (plotH / 2), "cumulative effort", 13, "middle", bold: true, rotate: -90);
        var legendY = top + plotH + 72;
        svg.Rect(left, legendY - 12, 14, 14, "#d1e5f0", "#2166ac").Text(left + 20, legendY, "planned effort (cumulative)", 12);
        svg.Rect(left + 220, legendY - 12, 14, 14, "#1b7837").Text(left + 240, legendY, "done effort (cumulative)", 12);
        svg.Circle(left + 447, legendY - 5, 5, "#8c510a").Text(left + 458, legendY, "open exposure at sprint end (right axis)", 12);
        return svg.ToString();
    }

    /// <summary>Axis and label numbers: whole numbers with thousands separators from 100 up, two decimals below.</summary>
    private static string Axis(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture) : SvgDocument.N(value);
}
