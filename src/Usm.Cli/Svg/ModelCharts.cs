using Usm.Model.Improvement;

namespace Usm.Cli.Svg;

/// <summary>Draws the charts from the library's model types.</summary>
internal static class ModelCharts
{
    /// <summary>The heat map of the open, classified risks by their inherent assessment.</summary>
    public static string HeatMap(RiskDatabase database, RiskMatrix matrix, string title)
    {
        var effects = matrix.EffectScale.Levels;
        var likelihoods = matrix.LikelihoodScale.Levels;
        var cells = new HeatCell[likelihoods.Length, effects.Length];
        for (var l = 0; l < likelihoods.Length; l++)
        {
            for (var e = 0; e < effects.Length; e++)
            {
                cells[l, e] = new HeatCell(0, matrix.ClassOf(e, l) + 1);
            }
        }

        foreach (var risk in database.OpenRisks)
        {
            if (risk.Inherent is { } a)
            {
                var cell = cells[a.Likelihood, a.Effect];
                cells[a.Likelihood, a.Effect] = cell with { Count = cell.Count + 1 };
            }
        }

        // The matrix's classes run from the lowest priority (index 0) upwards; the chart numbers them from the most
        // urgent (1) down, so reverse both the cells' classes and the legend.
        var classCount = matrix.PriorityClasses.Count;
        for (var l = 0; l < likelihoods.Length; l++)
        {
            for (var e = 0; e < effects.Length; e++)
            {
                cells[l, e] = cells[l, e] with { PriorityClass = classCount - cells[l, e].PriorityClass + 1 };
            }
        }

        return Charts.HeatMap(title, effects, likelihoods, cells, matrix.PriorityClasses.Levels.Reverse().ToList());
    }

    /// <summary>The burn-up of the programme's sprints with the database's exposure at each sprint's end.</summary>
    public static string BurnUp(ImprovementProgramme programme, RiskDatabase database, string title)
    {
        var burnUp = programme.BurnUp();
        var exposure = programme.ExposureTrend(database).ToDictionary(p => p.SprintNumber, p => p.Exposure);
        var sprints = new List<BurnUpSprint>();
        var previousPlanned = 0;
        var previousDone = 0;
        foreach (var point in burnUp)
        {
            sprints.Add(new BurnUpSprint("Sprint " + point.SprintNumber, point.CumulativePlanned - previousPlanned, point.CumulativeDone - previousDone,
                exposure.GetValueOrDefault(point.SprintNumber)));
            previousPlanned = point.CumulativePlanned;
            previousDone = point.CumulativeDone;
        }

        return Charts.BurnUp(title, sprints);
    }
}
