using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Generators for the EDAS, CODAS, COPRAS and ARAS properties: the multi-criteria cases of <see cref="VikorArbitraries"/>
/// (1-4 criteria, 1-25 candidates, positive values, small integers or reals), with a τ, a signed variant for EDAS, a
/// shuffle and a scaling constant.
/// </summary>
internal static class Mcda2Arbitraries
{
    public static Arbitrary<McdaCase> Cases() => VikorArbitraries.Cases().ToArbitrary();

    /// <summary>A case, a benefit criterion's index (or −1 if none), and a positive constant: a power of two or any real in [0.001, 1000].</summary>
    public static Arbitrary<(McdaCase Case, double Constant, bool PowerOfTwo)> CaseAndScale() => VikorArbitraries.CaseAndScale();

    /// <summary>A case and a permutation of its candidates.</summary>
    public static Arbitrary<(McdaCase Case, Candidate[] Shuffled)> CaseAndShuffle() => VikorArbitraries.CaseAndShuffle();

    /// <summary>A τ for CODAS: 0, the paper's 0.01, 0.02 and 0.05, larger ones, or any value in [0, 1].</summary>
    public static Gen<double> Taus() =>
        Gen.OneOf(Gen.Elements(0.0, 0.01, 0.02, 0.05, 0.1, 0.3, 1.0), Gen.Choose(0, 1000).Select(v => v / 1000.0));

    /// <summary>A case and a τ.</summary>
    public static Arbitrary<(McdaCase Case, double Tau)> CaseAndTau() =>
        (from c in VikorArbitraries.Cases()
         from tau in Taus()
         select (c, tau)).ToArbitrary();

    /// <summary>A case, a permutation of its candidates, and a τ.</summary>
    public static Arbitrary<(McdaCase Case, Candidate[] Shuffled, double Tau)> CaseShuffleAndTau() =>
        (from input in VikorArbitraries.CaseAndShuffle().Generator
         from tau in Taus()
         select (input.Case, input.Shuffled, tau)).ToArbitrary();

    /// <summary>Cases whose values are integers in [−6, 6], so negative averages, zero averages and constant columns all occur (for EDAS).</summary>
    public static Arbitrary<McdaCase> SignedCases() =>
        (from m in Gen.Choose(1, 3)
         from kinds in Gen.ArrayOf(Gen.Elements(CriterionKind.Benefit, CriterionKind.Cost), m)
         from weights in Gen.ArrayOf(Gen.Choose(0, 5), m)
         from n in Gen.Choose(1, 12)
         from rows in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(-6, 6).Select(v => (double)v), m), n)
         select new McdaCase(
             [.. kinds.Select((k, j) => new Criterion(Name(j), k, j == 0 ? weights[j] + 1 : weights[j]))],
             [.. rows.Select((row, i) => new Candidate("c" + i.ToString(CultureInfo.InvariantCulture), row.Select((v, j) => KeyValuePair.Create(Name(j), v))))]))
        .ToArbitrary();

    /// <summary>A candidate that is best on every criterion of a case: the maximum of each benefit column, the minimum of each cost column.</summary>
    public static Candidate Dominating(McdaCase c, string id = "best") =>
        new(id, c.Criteria.Select(k => KeyValuePair.Create(k.Name,
            k.Kind == CriterionKind.Benefit ? c.Candidates.Max(x => x.Values[k.Name]) : c.Candidates.Min(x => x.Values[k.Name]))));

    private static string Name(int j) => "k" + j.ToString(CultureInfo.InvariantCulture);
}
