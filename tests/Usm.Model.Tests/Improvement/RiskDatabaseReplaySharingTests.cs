using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>
/// <see cref="RiskDatabase.Replay"/> keeps a replayed event as it is when it records exactly the event the change
/// makes (events are immutable), and makes its own otherwise, as before.
/// </summary>
public class RiskDatabaseReplaySharingTests
{
    private static readonly Instant s_at = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void MatchingEvents_AreKept_AsTheSameInstances()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2)).Register(Samples.Threat("R-1"), "p").Register(Samples.Threat("R-2"), "p")
            .Apply("R-1", new ClassifyRisk(Samples.Assessment()), "q");

        var replayed = RiskDatabase.Replay(FixedClock.At(2030, 1, 1), db.Events);

        Assert.All(Enumerable.Range(0, 3), i => Assert.Same(db.Events[i], replayed.Events[i]));
    }

    [Fact]
    public void AWrongResultingStatus_IsReplacedByTheReplayedOne()
    {
        var risk = Samples.Threat("R-1");
        var recorded = new RiskDatabaseEvent(1, s_at, "p", RiskEventKind.Registered, "R-1", risk, null, RiskStatus.Closed);

        var replayed = RiskDatabase.Replay(FixedClock.At(2030, 1, 1), [recorded]).Events[0];

        Assert.NotSame(recorded, replayed);
        Assert.Equal(RiskStatus.Identified, replayed.ResultingStatus);
        Assert.Same(risk, replayed.Registered);
    }

    [Fact]
    public void ARegistrationNamingAnotherId_IsReplayedUnderTheRisksId()
    {
        var recorded = new RiskDatabaseEvent(1, s_at, "p", RiskEventKind.Registered, "R-9", Samples.Threat("R-1"), null, RiskStatus.Identified);

        var replayed = RiskDatabase.Replay(FixedClock.At(2030, 1, 1), [recorded]).Events[0];

        Assert.NotSame(recorded, replayed);
        Assert.Equal("R-1", replayed.RiskId);
    }
}
