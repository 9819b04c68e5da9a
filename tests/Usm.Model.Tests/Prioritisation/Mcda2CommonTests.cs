using FsCheck.Fluent;
using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>What EDAS, CODAS, COPRAS and ARAS share with every ranking method: Top is the prefix of Rank, every item is explained.</summary>
public class Mcda2CommonTests
{
    public static TheoryData<string> Kinds() => ["edas", "codas", "copras", "aras"];

    private static RankingMethod Method(string kind, Criterion[] criteria) => kind switch
    {
        "edas" => RankingMethod.Edas(criteria),
        "codas" => RankingMethod.Codas(criteria),
        "copras" => RankingMethod.Copras(criteria),
        _ => RankingMethod.Aras(criteria),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Property_Top_IsThePrefixOfRank_WithTheSameScoresAndExplanations(string kind)
    {
        PropertyCheck.Run(Prop.ForAll(Mcda2Arbitraries.Cases(), c =>
        {
            var method = Method(kind, c.Criteria);
            var full = Prioritiser.Rank(c.Set, method);
            var k = Math.Max(1, c.Candidates.Length / 2);
            var top = Prioritiser.Top(c.Set, method, k);
            return top.Items.Select(i => (i.Id, i.Score, i.Explanation.ToString()))
                .SequenceEqual(full.Items.Take(k).Select(i => (i.Id, i.Score, i.Explanation.ToString())));
        }), 200, name: "Top_" + kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryItem_IsExplained_OneContributionPerCriterion_NamedAfterTheMethod(string kind)
    {
        var set = WeightedProductTests.Matrix([[3, 2, 7], [5, 7, 1], [4, 4, 4]], "value", "effort", "reach");
        Criterion[] criteria = [Criterion.Benefit("value", 2), Criterion.Cost("effort", 1), Criterion.Benefit("reach", 1)];
        var ranking = Prioritiser.Rank(set, Method(kind, criteria));

        Assert.All(ranking.Items, i =>
        {
            Assert.Equal(ranking.MethodName, i.Explanation.Method);
            Assert.StartsWith(ranking.MethodName + " ", i.Explanation.Summary, StringComparison.Ordinal);
            Assert.Equal(["value", "effort", "reach"], i.Explanation.Contributions.Select(x => x.Criterion).ToArray());
            Assert.DoesNotContain("NaN", i.Explanation.ToString(), StringComparison.Ordinal);
        });
    }
}
