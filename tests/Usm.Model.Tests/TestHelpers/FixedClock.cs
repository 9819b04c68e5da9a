using NodaTime;

namespace Usm.Model.Tests.TestHelpers;

/// <summary>A settable clock for tests (NodaTime.Testing's FakeClock is not served by our feed).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant Now { get; private set; } = now;

    public static FixedClock At(int year, int month, int day) => new(Instant.FromUtc(year, month, day, 9, 0));

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration by) => Now += by;
}
