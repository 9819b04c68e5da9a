using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for the JSON round trips of the preference analyses' results.</summary>
internal static class AnalysisJsonArbitraries
{
    private static readonly (double Concordance, double Discordance)[] s_thresholds = [(0.5, 0.5), (0.7, 0.3), (1, 0), (0.6, 1), (0, 1), (0.75, 0.25)];

    /// <summary>An ELECTRE I case: 1 to 12 candidates on 1 to 4 criteria (small integers make ties and cycles common) and one of six threshold pairs.</summary>
    public static Arbitrary<(McdaCase Case, double Concordance, double Discordance)> ElectreCases() =>
        (from c in VikorArbitraries.Cases(1, 12)
         from t in Gen.Elements(s_thresholds)
         select (c, t.Concordance, t.Discordance)).ToArbitrary();

    /// <summary>Any pairwise profile with one of three Bradley–Terry settings: no virtual ties (only for connected profiles), a few, or many.</summary>
    public static Arbitrary<(PairwiseProfile Profile, BradleyTerryOptions Options)> BradleyTerryCases() =>
        (from profile in PairwiseArbitraries.AnyProfile().Generator
         from ties in Gen.Elements(0.0, 0.5, 3.0)
         select (profile, new BradleyTerryOptions(virtualTies: ties == 0 && !profile.IsStronglyConnected ? 1 : ties))).ToArbitrary();
}
