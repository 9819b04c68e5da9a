using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Improvement programmes for the serialization properties, grown by random operations: sprints planned over a
/// fixed risk database, started, completed with random outcomes or cancelled, with the baseline, the severity and
/// the agreed mechanism (risk matrix or any ranking method) changing between sprints.
/// </summary>
internal static class ProgrammeSerializationArbitraries
{
    private static readonly OrdinalScale s_effects = new("effect", ["minor", "moderate", "major", "severe"]);
    private static readonly OrdinalScale s_likelihoods = new("likelihood", ["rare", "possible", "likely"]);
    private static readonly OrdinalScale s_classes = new("priority", ["low", "medium", "high"]);

    public static RiskMatrix Matrix { get; } = RiskMatrix.FromFunction(s_effects, s_likelihoods, s_classes, (e, l) => Math.Min(2, (e + l) / 2));

    /// <summary>A risk database of eight open risks with varied resources, registered on a fixed clock.</summary>
    public static RiskDatabase Database()
    {
        var database = new RiskDatabase(FixedClock.At(2026, 1, 5));
        Resource[][] resources = [[Resource.People], [Resource.Process], [Resource.Technology], [Resource.People, Resource.Process], [Resource.Process, Resource.Technology], [Resource.People, Resource.Technology], [Resource.People, Resource.Process, Resource.Technology], [Resource.Technology]];
        for (var i = 0; i < resources.Length; i++)
        {
            database = database.Register(new Risk("R-" + (i + 1), "Risk " + (i + 1), string.Empty, i % 3 == 0 ? RiskPolarity.Opportunity : RiskPolarity.Threat, RiskOrigin.ReportedBy("p-" + i), resources[i], "operational"), "p-coach");
        }

        return database;
    }

    public static Arbitrary<ImprovementProgramme> Programmes() => Gen.Choose(0, int.MaxValue).Select(seed => Build(new Random(seed), Database())).ToArbitrary();

    public static IPrioritisationMechanism RandomMechanism(Random random)
    {
        if (random.Next(3) == 0)
        {
            return new RiskMatrixPrioritisation(Matrix);
        }

        var methods = RankingArbitraries.Methods()
            .Append(RankingMethod.ExpectedValue("probability", "impact"))
            .Append(RankingMethod.Rice("a", "b", "c", random.Next(2) == 0 ? null : "d"))
            .Append(RankingMethod.Cd3("a", "b"))
            .Append(RankingMethod.RiskMatrix("effect", "likelihood", RiskMatrixMethod.StandardFiveByFive, "c"))
            .Append(RankingMethod.SimpleRisk((SimpleRiskFormula)new[] { 1, 2, 3, 4, 6 }[random.Next(5)], "likelihood", "effect", random.Next(1, 8), random.Next(1, 8)))
            .ToArray();
        var key = random.Next(4) switch
        {
            0 => TieBreaker.None,
            1 => TieBreaker.LowerEffortFirst,
            2 => TieBreaker.ByCriterion("b", random.Next(2) == 0),
            _ => null,
        };
        return new RankingMechanism(methods[random.Next(methods.Length)], key is null ? null : new RankingOptions(key));
    }

    public static ImprovementProgramme Build(Random random, RiskDatabase database)
    {
        var programme = new ImprovementProgramme("ip-" + random.Next(100), "Programme \"" + random.Next(100) + "\"", random.Next(3) == 0 ? "scan-0" : null, random.Next(2) == 0 ? ["p-7", "p-3"] : null, (FindingSeverity)random.Next(1, 4));
        var start = new LocalDate(2026, 2, 2);
        programme = programme.AgreeMechanism(RandomMechanism(random), start.PlusDays(-random.Next(0, 30)));
        var sprints = random.Next(0, 6);
        for (var n = 1; n <= sprints; n++)
        {
            if (random.Next(4) == 0)
            {
                programme = programme.WithBaselineScan("scan-" + n);
            }

            if (random.Next(4) == 0)
            {
                programme = programme.WithMissingResourceSeverity((FindingSeverity)random.Next(1, 4));
            }

            if (random.Next(4) == 0)
            {
                programme = programme.AgreeMechanism(RandomMechanism(random), start);
            }

            var items = database.OpenRisks.Where(_ => random.Next(3) == 0).Select(r => new SprintItem(r.Id, random.Next(1, 8))).ToList();
            var period = new DateInterval(start, start.PlusDays(random.Next(6, 20)));
            programme = programme.PlanSprint(database, period, items.Sum(i => i.Effort) + random.Next(1, 10), items);
            start = period.End.PlusDays(random.Next(1, 4));
        }

        // Then move sprints along: complete or cancel some, leave one active at most.
        for (var n = 1; n <= sprints; n++)
        {
            switch (random.Next(4))
            {
                case 0 when !programme.Sprints.Any(s => s.Status == SprintStatus.Active):
                    var outcomes = programme.Sprint(n).Items.Select(i => KeyValuePair.Create(i.RiskId, (SprintItemOutcome)random.Next(1, 4)));
                    programme = programme.StartSprint(n).CompleteSprint(n, outcomes, database);
                    break;
                case 1:
                    programme = programme.CancelSprint(n, "reason " + n);
                    break;
                case 2 when !programme.Sprints.Any(s => s.Status == SprintStatus.Active):
                    programme = programme.StartSprint(n);
                    break;
            }
        }

        return programme;
    }
}
