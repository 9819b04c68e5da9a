using Usm.Model.Assessment;

namespace Usm.Model.Tests.Assessment;

public class SampleScansTests
{
    [Fact]
    public void SampleScans_AreComplete_AndUseTheDefaultInstrument()
    {
        Assert.Equal([SampleScans.BaselineId, SampleScans.InterimId, SampleScans.FollowUpId], SampleScans.All.Select(s => s.Id));
        foreach (var scan in SampleScans.All)
        {
            Assert.Same(UsmInstruments.Baseline, scan.Instrument);
            Assert.Equal(6, scan.Respondents.Length);
            Assert.Equal(1.0, scan.Score().Coverage, 6);
        }
    }

    [Fact]
    public void SampleScans_ShowProgress_OverallAndInTheImprovementLoop()
    {
        var series = ScanSeries.Of(SampleScans.All);
        var overall = series.Results.Select(r => r.Overall!.Value).ToList();
        Assert.True(overall[0] < overall[1] && overall[1] < overall[2], string.Join(", ", overall));
        Assert.True(series.Baseline.Area("improvement").Score < series.Latest.Area("improvement").Score);
    }

    [Fact]
    public void Baseline_HasGaps_InTheImprovementLoop()
    {
        var gaps = ScanGaps.Find(SampleScans.Baseline.Score());
        Assert.Contains(gaps, g => g.Id == "improvement");
        Assert.True(gaps.Length >= 5, gaps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SampleScans_AreDeterministic()
    {
        Assert.Equal(SampleScans.Baseline.Score().Overall, SampleScans.Baseline.Score().Overall);
        Assert.Equal(SampleScans.Baseline.Answers, SampleScans.Baseline.Answers);
    }
}
