using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Improvement;

namespace Usm.Model.Tests.Generators;

/// <summary>How a generated risk is estimated.</summary>
internal enum SimEstimateKind
{
    None,
    Single,
    ThreePoint,
}

/// <summary>One generated risk: polarity, estimate, and whether it is ended (rejected).</summary>
internal sealed record SimRiskSpec(string Id, RiskPolarity Polarity, SimEstimateKind Kind, double Probability, double A, double M, double B, bool Ended)
{
    public Risk Build()
    {
        var risk = new Risk(Id, "Risk " + Id, string.Empty, Polarity, RiskOrigin.ReportedBy("p-1"), [Resource.Process], "operational");
        risk = Kind switch
        {
            SimEstimateKind.None => risk,
            SimEstimateKind.Single => risk.Apply(new ClassifyRisk(new RiskAssessment(1, 1, QuantitativeEstimate.FromProbabilityAndImpact(Probability, M)))),
            _ => risk.Apply(new ClassifyRisk(new RiskAssessment(1, 1, QuantitativeEstimate.FromThreePoint(A, M, B, Probability)))),
        };
        return Ended ? risk.Apply(new RejectRisk("out of scope")) : risk;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id} {Polarity} {Kind} p={Probability} ({A}, {M}, {B}){(Ended ? " ended" : string.Empty)}");
}

/// <summary>A generated simulation case: risks with unique ids, a seed, a small iteration count, a shuffle and an extra unrelated risk.</summary>
internal sealed record SimCase(SimRiskSpec[] Risks, ulong Seed, int Iterations, int[] Shuffle, SimRiskSpec Extra)
{
    public Risk[] Built => [.. Risks.Select(r => r.Build())];

    public Risk[] Shuffled => [.. Shuffle.Select(i => Risks[i].Build())];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"seed {Seed}, {Iterations} iterations, extra {Extra}, risks: {string.Join("; ", Risks.Select(r => r.ToString()))}");
}

/// <summary>
/// Generators for the risk simulation: 0-8 risks (ids "r00".., unique), threats and opportunities, without an estimate,
/// with a single amount or a three-point estimate (amounts 0 to 10⁶, some with a = b or m at an end), probabilities
/// including 0 and 1, some rejected; 1-300 iterations; any seed.
/// </summary>
internal static class RiskSimulationArbitraries
{
    public static Arbitrary<SimCase> Cases(bool threatsOnly = false, bool estimatedOnly = false) =>
        (from n in Gen.Choose(0, 8)
         from risks in Gen.ArrayOf(Spec(threatsOnly, estimatedOnly), n)
         from seed in Gen.Choose(0, int.MaxValue)
         from high in Gen.Choose(0, 3)
         from iterations in Gen.Choose(1, 300)
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
         from extra in Spec(threatsOnly, estimatedOnly: true)
         select Build(risks, ((ulong)high << 62) | (uint)seed, iterations, keys, extra)).ToArbitrary();

    /// <summary>Three-point ranges (a ≤ m ≤ b), some degenerate, with amounts up to 10⁶ or tiny.</summary>
    public static Arbitrary<(double A, double M, double B)> Ranges() => Range().ToArbitrary();

    private static Gen<(double A, double M, double B)> Range() =>
        from scale in Gen.Elements(1e-3, 1.0, 1000.0, 1e6)
        from raw in Gen.ArrayOf(Gen.Choose(0, 1000), 3)
        from shape in Gen.Choose(0, 5)
        select Order(raw, scale, shape);

    private static (double, double, double) Order(int[] raw, double scale, int shape)
    {
        var v = raw.Select(x => x * scale / 1000).Order().ToArray();
        return shape switch
        {
            0 => (v[0], v[0], v[0]), // a = m = b
            1 => (v[0], v[0], v[2]), // mode at the minimum
            2 => (v[0], v[2], v[2]), // mode at the maximum
            _ => (v[0], v[1], v[2]),
        };
    }

    private static Gen<SimRiskSpec> Spec(bool threatsOnly, bool estimatedOnly) =>
        from polarity in threatsOnly ? Gen.Constant(RiskPolarity.Threat) : Gen.Elements(RiskPolarity.Threat, RiskPolarity.Opportunity)
        from kind in estimatedOnly ? Gen.Elements(SimEstimateKind.Single, SimEstimateKind.ThreePoint) : Gen.Frequency((1, Gen.Constant(SimEstimateKind.None)), (3, Gen.Constant(SimEstimateKind.Single)), (5, Gen.Constant(SimEstimateKind.ThreePoint)))
        from probability in Gen.Frequency((1, Gen.Constant(0.0)), (2, Gen.Constant(1.0)), (6, Gen.Choose(1, 999).Select(x => x / 1000.0)))
        from range in Range()
        from ended in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new SimRiskSpec(string.Empty, polarity, kind, probability, range.A, range.M, range.B, ended);

    private static SimCase Build(SimRiskSpec[] risks, ulong seed, int iterations, int[] keys, SimRiskSpec extra)
    {
        var named = risks.Select((r, i) => r with { Id = "r" + i.ToString("D2", CultureInfo.InvariantCulture) }).ToArray();
        var shuffle = Enumerable.Range(0, named.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
        return new SimCase(named, seed, iterations, shuffle, extra with { Id = "x-extra", Ended = false });
    }
}
