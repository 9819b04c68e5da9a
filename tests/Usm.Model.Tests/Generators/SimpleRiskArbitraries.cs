using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for the SimpleRisk formulas: a formula, scale sizes, levels within them, and candidate sets of levels.</summary>
internal static class SimpleRiskArbitraries
{
    public static readonly SimpleRiskFormula[] Formulas = Enum.GetValues<SimpleRiskFormula>();

    /// <summary>A formula and scale maxima from 1 to 12, sometimes up to the library's limit.</summary>
    public static Gen<SimpleRiskMethod> Methods() =>
        from formula in Gen.Elements(Formulas)
        from maxL in Gen.OneOf(Gen.Choose(1, 12), Gen.Choose(1, SimpleRiskMethod.MaxScaleLevels))
        from maxI in Gen.OneOf(Gen.Choose(1, 12), Gen.Choose(1, SimpleRiskMethod.MaxScaleLevels))
        select RankingMethod.SimpleRisk(formula, "likelihood", "impact", maxL, maxI);

    /// <summary>A method and one pair of levels on its scales.</summary>
    public static Arbitrary<(SimpleRiskMethod Method, int L, int I)> MethodAndLevels() =>
        (from method in Methods()
         from l in Gen.Choose(1, method.MaxLikelihood)
         from i in Gen.Choose(1, method.MaxImpact)
         select (method, l, i)).ToArbitrary();

    /// <summary>A method on small scales (so ties are common), candidates with levels on them, and a shuffled copy.</summary>
    public static Arbitrary<(SimpleRiskMethod Method, Candidate[] Original, Candidate[] Shuffled)> MethodCandidatesAndShuffle() =>
        (from formula in Gen.Elements(Formulas)
         from maxL in Gen.Choose(1, 6)
         from maxI in Gen.Choose(1, 6)
         from n in Gen.Choose(1, 30)
         from levels in Gen.ArrayOf(Gen.Zip(Gen.Choose(1, maxL), Gen.Choose(1, maxI)), n)
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
         let candidates = levels.Select((p, k) => new Candidate(
             "r" + k.ToString(System.Globalization.CultureInfo.InvariantCulture),
             [KeyValuePair.Create("likelihood", (double)p.Item1), KeyValuePair.Create("impact", (double)p.Item2)])).ToArray()
         select (RankingMethod.SimpleRisk(formula, "likelihood", "impact", maxL, maxI), candidates,
             candidates.Zip(keys).OrderBy(p => p.Second).ThenBy(p => p.First.Id, StringComparer.Ordinal).Select(p => p.First).ToArray()))
        .ToArbitrary();
}
