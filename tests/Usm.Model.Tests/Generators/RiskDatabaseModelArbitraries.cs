using FsCheck;
using FsCheck.Fluent;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for the risk database's reference-model properties: scripts of changes on any version, old or new.</summary>
internal static class RiskDatabaseModelArbitraries
{
    /// <summary>
    /// Scripts of up to about 60 steps; a quarter of the steps act on a random earlier version (a branch), some on the
    /// version before the latest (nesting forks), and some repeat their change several times on the same version (a
    /// what-if loop).
    /// </summary>
    public static Arbitrary<ModelStep[]> Scripts() =>
        (from steps in Gen.ArrayOf(
             from source in Gen.Frequency((6, Gen.Constant(-1)), (2, Gen.Choose(0, 1000)), (1, Gen.Constant(-2)))
             from kind in Gen.Frequency((3, Gen.Constant(-1)), (2, Gen.Choose(0, 10)), (4, Gen.Constant(11)))
             from target in Gen.Choose(0, 1000)
             from minutes in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 300)))
             from probe in Gen.Choose(-3, 1000)
             from repeat in Gen.Frequency((5, Gen.Constant(1)), (1, Gen.Choose(2, 6)))
             select new ModelStep(source, kind, target, minutes, probe, repeat))
         select steps).ToArbitrary();
}

/// <summary>
/// One step of a script: act on the latest version (<see cref="Source"/> -1), the one before it (-2) or an earlier
/// one; register (<see cref="Kind"/> negative) or apply a command, <see cref="Repeat"/> times on that same version;
/// then, when <see cref="Probe"/> is not negative, query a random version, so that versions are read both before and
/// after others are made from them.
/// </summary>
internal sealed record ModelStep(int Source, int Kind, int Target, int Minutes, int Probe, int Repeat);
