using NodaTime;
using Usm.Model.ManagementSystem;

namespace Usm.Model.Tests.ManagementSystem;

/// <summary>
/// Horizons that reach past the last ISO date end there instead of overflowing (found by review, session 5:
/// <c>LapsingWithin(…, int.MaxValue)</c> threw an undocumented <see cref="OverflowException"/>).
/// </summary>
public class AgreementHorizonTests
{
    private static Agreement A(string id, LocalDate end) =>
        new(id, AgreementKind.ServiceAgreement, id, "p", "c", ["s"], null, new DateInterval(new LocalDate(2026, 1, 1), end));

    [Fact]
    public void LapsingWithin_TheLargestHorizon_ReachesTheLastDate()
    {
        var last = A("last", LocalDate.MaxIsoValue);
        var soon = A("soon", new LocalDate(2026, 6, 30));
        var past = A("past", new LocalDate(2026, 5, 31));

        var result = AgreementQueries.LapsingWithin([last, soon, past], new LocalDate(2026, 6, 1), int.MaxValue);

        Assert.Equal(["soon", "last"], result.Select(a => a.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public void LapsingWithin_FromNearTheLastDate_NeverOverflows(int days)
    {
        var date = LocalDate.MaxIsoValue.PlusDays(-3);
        var result = AgreementQueries.LapsingWithin([A("last", LocalDate.MaxIsoValue), A("near", date)], date, days);

        Assert.Equal(days >= 3 ? ["near", "last"] : ["near"], result.Select(a => a.Id).ToArray());
    }

    [Fact]
    public void System_AgreementsLapsingWithin_TheLargestHorizon_ReturnsEveryAgreementNotYetEnded()
    {
        var system = SampleOrganisation.Create();
        var date = new LocalDate(2026, 1, 1);

        var result = system.AgreementsLapsingWithin(date, int.MaxValue);

        Assert.Equal(system.Agreements.Where(a => a.Validity.End >= date).Select(a => a.Id).Order(StringComparer.Ordinal), result.Select(a => a.Id).Order(StringComparer.Ordinal));
    }
}
