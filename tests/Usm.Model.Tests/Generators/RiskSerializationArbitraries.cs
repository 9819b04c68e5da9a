using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Generators;

/// <summary>Risk databases built by random legal command sequences, for serialization properties.</summary>
internal static class RiskSerializationArbitraries
{
    private static readonly string[] s_texts = ["Backup fails", "Tape, disk and \"cloud\"", "Nachtelijke back-up", "Line\nbreak", " padded ", "Évaluer", "=SUM(A1)"];

    public static Arbitrary<RiskDatabase> Database() => Gen.Choose(0, int.MaxValue).Select(seed => BuildDatabase(new Random(seed))).ToArbitrary();

    public static RiskDatabase BuildDatabase(Random random)
    {
        var clock = FixedClock.At(2026, 3, 1);
        var db = new RiskDatabase(clock);
        var ids = new List<string>();
        var steps = random.Next(0, 40);
        for (var i = 0; i < steps; i++)
        {
            clock.Advance(Duration.FromMinutes(random.Next(0, 3000)) + Duration.FromNanoseconds(random.Next(0, 1000)));
            if (ids.Count == 0 || random.Next(4) == 0)
            {
                var id = "R-" + (ids.Count + 1);
                db = db.Register(NewRisk(random, id, ids), "actor-" + random.Next(5));
                ids.Add(id);
                continue;
            }

            var riskId = ids[random.Next(ids.Count)];
            var command = NewCommand(random, db.Get(riskId));
            if (command.IsLegalFrom(db.Get(riskId).Status))
            {
                try
                {
                    db = db.Apply(riskId, command, "actor-" + random.Next(5));
                }
                catch (InvalidRiskTransitionException)
                {
                    // A guard refused it (for example no measure yet); try another command next time.
                }
            }
        }

        return db;
    }

    public static Risk NewRisk(Random random, string id, IReadOnlyList<string>? registered = null)
    {
        var related = registered is { Count: > 0 } && random.Next(3) == 0 ? [registered[random.Next(registered.Count)]] : Array.Empty<string>();
        var polarity = random.Next(2) == 0 ? RiskPolarity.Threat : RiskPolarity.Opportunity;
        var origin = random.Next(3) switch
        {
            0 => RiskOrigin.ReportedBy("p" + random.Next(9)),
            1 => RiskOrigin.FromClosedCall("C-" + random.Next(99)),
            _ => RiskOrigin.FromScanGap("scan-1", "q" + random.Next(20)),
        };
        var resources = new[] { Resource.People, Resource.Process, Resource.Technology }.Where(_ => random.Next(2) == 0).DefaultIfEmpty(Resource.Process);
        return new Risk(id, Text(random), random.Next(3) == 0 ? string.Empty : Text(random), polarity, origin, resources, random.Next(2) == 0 ? "operational" : "strategic",
            Enumerable.Range(0, random.Next(0, 3)).Select(i => "svc-" + i), Enumerable.Range(0, random.Next(0, 3)).Select(i => "mic-" + i), related);
    }

    private static RiskCommand NewCommand(Random random, Risk risk)
    {
        // Mostly follow the lifecycle so that generated logs reach every status; sometimes pick any command.
        var choice = random.Next(10) < 7
            ? risk.Status switch
            {
                RiskStatus.Identified => 0,
                RiskStatus.Classified => 2,
                RiskStatus.KnownError => risk.Measures.IsEmpty || random.Next(2) == 0 ? 3 : 5,
                RiskStatus.MeasureSelected => 6,
                RiskStatus.MeasureDeployed => 7,
                RiskStatus.Fulfilled => 8,
                _ => random.Next(12),
            }
            : random.Next(12);
        switch (choice)
        {
            case 0:
            case 1:
                return new ClassifyRisk(Assessment(random));
            case 2:
                return new RecordRootCause(Text(random).Trim() is { Length: > 0 } t ? t : "cause");
            case 3:
            case 4:
                var trigger = new[] { CallType.Wish, CallType.ChangeRequest, CallType.ServiceRequest }[random.Next(3)];
                var business = new BusinessCase("result " + random.Next(9), random.Next(0, 100_000) / 10.0, random.Next(0, 101) / 100.0, random.Next(0, 50_000), random.Next(0, 101) / 100.0, random.Next(1, 40));
                return new AddMeasure(new Measure("M-" + random.Next(1000), Text(random).Trim() is { Length: > 0 } m ? m : "measure", Measure.KindFor(risk.Polarity), business, trigger));
            case 5:
                return new SelectMeasure(random.Next(2) == 0 ? Assessment(random) : null);
            case 6:
                return new DeployMeasure(random.Next(2) == 0 ? "C-" + random.Next(99) : null);
            case 7:
                return new FulfilRisk();
            case 8:
                return new CloseRisk(Assessment(random));
            case 9:
                return random.Next(2) == 0 ? new RejectRisk("not worth it") : new WithdrawRisk("duplicate");
            default:
                return new UpdateRiskDetails(
                    random.Next(2) == 0 ? "renamed " + random.Next(9) : null,
                    random.Next(2) == 0 ? Text(random) : null,
                    random.Next(3) == 0 ? "tactical" : null,
                    random.Next(3) == 0 ? [Resource.Technology] : null,
                    random.Next(3) == 0 ? ["svc-9"] : null,
                    random.Next(3) == 0 ? [] : null);
        }
    }

    private static RiskAssessment Assessment(Random random)
    {
        var estimate = random.Next(3) switch
        {
            0 => null,
            1 => QuantitativeEstimate.FromProbabilityAndImpact(random.Next(0, 101) / 100.0, random.Next(0, 1_000_000) / 7.0),
            _ => QuantitativeEstimate.FromThreePoint(100, 250.5, 1000 + random.Next(0, 1000), random.Next(1, 101) / 100.0),
        };
        return new RiskAssessment(random.Next(0, 5), random.Next(0, 5), estimate);
    }

    private static string Text(Random random) => s_texts[random.Next(s_texts.Length)];
}
