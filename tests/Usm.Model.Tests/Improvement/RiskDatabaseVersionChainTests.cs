using NodaTime;
using Usm.Model.Improvement;

namespace Usm.Model.Tests.Improvement;

/// <summary>
/// Earlier versions of the risk database are reached through parent and jump pointers rather than a list of all
/// versions; every version, its events and the time-travel queries must still be exactly those of the change history.
/// </summary>
public class RiskDatabaseVersionChainTests
{
    [Fact]
    public void EveryEarlierVersion_IsTheOneEachChangeReturned()
    {
        // 300 changes cover many shapes of the jump-pointer chain (its pattern repeats at 2^k − 1).
        var clock = new SteppingClock();
        var versions = new List<RiskDatabase> { new(clock) };
        for (var i = 0; i < 300; i++)
        {
            var db = versions[^1];
            var id = "R-" + (i / 2).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            versions.Add(i % 2 == 0
                ? db.Register(Samples.Threat(id), "p")
                : db.Apply(id, new RejectRisk("duplicate"), "p"));
        }

        var last = versions[^1];
        Assert.Equal(300, last.Version);
        for (var k = 0; k <= 300; k++)
        {
            Assert.Same(versions[k], last.AfterEvent(k));
            Assert.Equal(k, versions[k].Version);
            Assert.Same(versions[k], last.AsOf(clock.Start + Duration.FromMinutes(k)));

            // Each intermediate version reaches its own ancestors too.
            Assert.Same(versions[k / 2], versions[k].AfterEvent(k / 2));
        }

        Assert.Equal(Enumerable.Range(1, 300), last.Events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 150), versions[150].Events.Select(e => e.Sequence));
        for (var k = 1; k <= 300; k++)
        {
            Assert.Same(versions[k].Events[^1], last.Events[k - 1]);
        }

        Assert.Equal(last.Events, RiskDatabase.Replay(clock, last.Events).Events);
    }

    /// <summary>A clock that moves one minute forward per reading, starting at the version-1 instant.</summary>
    private sealed class SteppingClock : IClock
    {
        private int _readings;

        public Instant Start { get; } = Instant.FromUtc(2026, 3, 2, 9, 0);

        public Instant GetCurrentInstant() => Start + Duration.FromMinutes(++_readings);
    }
}
