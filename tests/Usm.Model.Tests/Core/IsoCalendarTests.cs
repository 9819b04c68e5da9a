using NodaTime;
using Usm.Model.Assessment;
using Usm.Model.Improvement;
using Usm.Model.ManagementSystem;
using Usm.Model.Tests.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Core;

/// <summary>
/// Dates in another calendar are refused where they enter, naming the parameter and the date (found by review,
/// session 5: a Julian date leaked NodaTime's "Only values in the same calendar can be compared" from deep inside).
/// </summary>
public class IsoCalendarTests
{
    private static readonly LocalDate s_julian = new(2026, 1, 1, CalendarSystem.Julian);
    private static readonly DateInterval s_julianPeriod = new(s_julian, s_julian.PlusDays(9));
    private static readonly DateInterval s_isoPeriod = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 10));

    private static readonly Dictionary<string, (string Param, Action Act)> s_cases = new(StringComparer.Ordinal)
    {
        ["Agreement(validity)"] = ("validity", () => new Agreement("A", AgreementKind.ServiceAgreement, "n", "p", "c", ["s"], null, s_julianPeriod)),
        ["Agreement.WithValidity"] = ("validity", () => new Agreement("A", AgreementKind.ServiceAgreement, "n", "p", "c", ["s"], null, s_isoPeriod).WithValidity(s_julianPeriod)),
        ["AgreementQueries.Contains(outer)"] = ("outer", () => AgreementQueries.Contains(s_julianPeriod, s_isoPeriod)),
        ["AgreementQueries.Contains(inner)"] = ("inner", () => AgreementQueries.Contains(s_isoPeriod, s_julianPeriod)),
        ["AgreementQueries.LapsingWithin"] = ("date", () => AgreementQueries.LapsingWithin([], s_julian, 30)),
        ["Scan(date)"] = ("date", () => new Scan("S", SampleScans.Baseline.Instrument, s_julian, [], [])),
        ["CommunicationItem(date)"] = ("date", () => new CommunicationItem("all staff", "kick-off", "meeting", s_julian)),
        ["ImprovementProgramme.AgreeMechanism"] = ("agreedOn", () => new ImprovementProgramme("IP", "x").AgreeMechanism(new RiskMatrixPrioritisation(Samples.Matrix), s_julian)),
        ["ImprovementProgramme.PlanSprint"] = ("period", () => Agreed().PlanSprint(Database(), s_julianPeriod, 10, [new SprintItem("R-1", 3)])),
        ["ImprovementProgramme.PlanSprintByPriority"] = ("period", () => Agreed().PlanSprintByPriority(Database(), s_julianPeriod, 10)),
    };

    public static IEnumerable<object[]> Cases => s_cases.Select(c => new object[] { c.Key, c.Value.Param });

    [Theory]
    [MemberData(nameof(Cases))]
    public void ANonIsoDate_IsRefusedWhereItEnters(string member, string parameter)
    {
        var ex = Assert.Throws<ArgumentException>(s_cases[member].Act);

        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("ISO calendar, but 2026-01-01 is in the Julian calendar", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIsoDate_ConvertedFromAnotherCalendar_IsAccepted()
    {
        var agreement = new Agreement("A", AgreementKind.ServiceAgreement, "n", "p", "c", ["s"], null, new DateInterval(s_julian.WithCalendar(CalendarSystem.Iso), new LocalDate(2026, 12, 31)));

        Assert.Equal(new LocalDate(2026, 1, 14), agreement.Validity.Start);
    }

    private static ImprovementProgramme Agreed() =>
        new ImprovementProgramme("IP", "x").AgreeMechanism(new RiskMatrixPrioritisation(Samples.Matrix), new LocalDate(2025, 1, 1));

    private static RiskDatabase Database()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 1, 1)).Register(Samples.Threat("R-1"), "p");
        foreach (var command in Samples.MainLine().Take(3))
        {
            db = db.Apply("R-1", command, "p");
        }

        return db;
    }
}
