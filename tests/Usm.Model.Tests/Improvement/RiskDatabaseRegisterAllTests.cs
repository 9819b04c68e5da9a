using FsCheck.Fluent;
using Usm.Model.Improvement;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>
/// <see cref="RiskDatabase.RegisterAll"/>: several risks at once, each after the risks of the list it relates to
/// (found by review, session 5: an exported register, sorted by id, could not be registered again one by one).
/// </summary>
public class RiskDatabaseRegisterAllTests
{
    private static readonly FixedClock s_clock = FixedClock.At(2026, 3, 1);

    private static Risk Reported(string id, params string[] related) =>
        new(id, "T " + id, string.Empty, RiskPolarity.Threat, RiskOrigin.ReportedBy("p1"), [Resource.People], "c", [], [], related);

    private static string[] RegisteredOrder(RiskDatabase db) => [.. db.Events.Select(e => e.RiskId)];

    [Fact]
    public void RelatedRisksComeFirst_AndTheGivenOrderIsKeptOtherwise()
    {
        // Law: for random acyclic relations listed in a random order, RegisterAll registers every risk, each after the
        // risks of the list it names; when the list already has that property, the order is the list's own.
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            var created = new List<Risk>();
            for (var i = 0; i < random.Next(1, 25); i++)
            {
                var related = created.Where(_ => random.Next(4) == 0).Select(r => r.Id).ToArray();
                created.Add(Reported("R-" + random.Next(100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + "-" + i, related));
            }

            var given = created.OrderBy(_ => random.Next()).ToList();
            var db = new RiskDatabase(s_clock).RegisterAll(given, "a");
            var order = RegisteredOrder(db);
            var position = order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var relatedFirst = given.All(r => r.RelatedRiskIds.All(id => position[id] < position[r.Id]));
            var alreadyOrdered = given.Select((r, i) => r.RelatedRiskIds.All(id => given.FindIndex(g => g.Id == id) < i)).All(ok => ok);
            return db.Count == given.Count && relatedFirst && (!alreadyOrdered || order.SequenceEqual(given.Select(r => r.Id)));
        }), maxTest: 500);
    }

    [Fact]
    public void RelationsToRisksAlreadyRegistered_AreFine()
    {
        var db = new RiskDatabase(s_clock).Register(Reported("R-0"), "a");

        var after = db.RegisterAll([Reported("R-2", "R-0", "R-1"), Reported("R-1", "R-0")], "a");

        Assert.Equal(["R-0", "R-1", "R-2"], RegisteredOrder(after));
        Assert.Equal(1, db.Count); // the old version is unchanged
    }

    [Fact]
    public void ACycle_FailsNamingTheRelation_AndRegistersNothing()
    {
        var db = new RiskDatabase(s_clock);

        // The walk starts at R-1 and follows R-1 → R-2 → R-3; R-3 → R-1 would close the cycle, so R-3 comes first and
        // its relation to R-1, not yet registered, is refused.
        var ex = Assert.Throws<ArgumentException>(() => db.RegisterAll([Reported("R-1", "R-2"), Reported("R-2", "R-3"), Reported("R-3", "R-1")], "a"));

        Assert.Contains("'R-3'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'R-1'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("risks", ex.ParamName);
        Assert.DoesNotContain("(Parameter 'risk')", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Count);
    }

    [Fact]
    public void AnUnknownRelatedId_OrADuplicate_FailsAsRegisterDoes()
    {
        var db = new RiskDatabase(s_clock);

        var unknown = Assert.Throws<ArgumentException>(() => db.RegisterAll([Reported("R-1", "R-9")], "a"));
        Assert.Contains("'R-9'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("risks", unknown.ParamName);
        var twice = Assert.Throws<ArgumentException>(() => db.RegisterAll([Reported("R-1"), Reported("R-1")], "a"));
        Assert.Contains("'R-1'", twice.Message, StringComparison.Ordinal);
        Assert.Equal("risks", twice.ParamName);
        Assert.Equal("risks", Assert.Throws<ArgumentNullException>(() => db.RegisterAll([Reported("R-1"), null!], "a")).ParamName);
        Assert.Equal("actorId", Assert.Throws<ArgumentException>(() => db.RegisterAll([], " ")).ParamName);
        Assert.Same(db, db.RegisterAll([], "a"));
    }

    [Fact]
    public void ALongChainOfRelations_DoesNotOverflowTheStack()
    {
        // 9,000 risks, each related to the next: the walk goes 9,000 deep, so it must not recurse on the call stack.
        const int N = 9_000;
        static string Id(int i) => "R-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        var risks = Enumerable.Range(0, N).Select(i => i + 1 < N ? Reported(Id(i), Id(i + 1)) : Reported(Id(i))).ToList();

        var db = new RiskDatabase(s_clock).RegisterAll(risks, "a");

        Assert.Equal(risks.Select(r => r.Id).Reverse(), RegisteredOrder(db));
    }
}
