using Usm.Model.Prioritisation;
using Usm.Model.Tests.Generators;

namespace Usm.Model.Tests.Prioritisation;

/// <summary>The laws that EDAS, CODAS, COPRAS and ARAS share, checked by each method's property tests.</summary>
internal static class Mcda2Laws
{
    /// <summary>Ranking a permutation of the candidates gives every candidate the very same score, and the same order.</summary>
    public static bool InputOrderIndependent(RankingMethod method, McdaCase c, Candidate[] shuffled)
    {
        var a = Prioritiser.Rank(c.Set, method);
        var b = Prioritiser.Rank(new CandidateSet(shuffled), method);
        return a.Ids.SequenceEqual(b.Ids) && a.Items.Select(i => i.Score).SequenceEqual(b.Items.Select(i => i.Score));
    }

    /// <summary>
    /// Multiplying a benefit column (a cost column when there is none) by a positive constant: bit-identical scores for
    /// a power of two; otherwise scores equal to within <paramref name="tolerance"/> and the order kept wherever two
    /// scores differ by more than it.
    /// </summary>
    public static bool ScaleInvariant(RankingMethod method, McdaCase c, double k, bool powerOfTwo, double tolerance = 1e-9)
    {
        var benefit = Array.FindIndex(c.Criteria, x => x.Kind == CriterionKind.Benefit);
        var name = benefit >= 0 ? c.Criteria[benefit].Name : c.Criteria[0].Name;
        var before = Prioritiser.Rank(c.Set, method);
        var after = Prioritiser.Rank(new CandidateSet(c.Candidates.Select(x => x.WithValue(name, x.Values[name] * k))), method);
        if (powerOfTwo)
        {
            return before.Ids.SequenceEqual(after.Ids) && before.Items.Select(i => i.Score).SequenceEqual(after.Items.Select(i => i.Score));
        }

        var close = c.Candidates.All(x => Math.Abs(before.Find(x.Id)!.Score - after.Find(x.Id)!.Score) <= tolerance);
        var ordered = c.Candidates.All(a => c.Candidates.All(b =>
            before.Find(a.Id)!.Score - before.Find(b.Id)!.Score <= tolerance || after.RankOf(a.Id) < after.RankOf(b.Id)));
        return close && ordered;
    }

    /// <summary>The score of a candidate added that is best on every criterion, and whether no other candidate scores above it.</summary>
    public static (double Score, bool First) Dominating(RankingMethod method, McdaCase c)
    {
        var ranking = Prioritiser.Rank(c.Set.With(Mcda2Arbitraries.Dominating(c)), method);
        var best = ranking.Find("best")!.Score;
        return (best, ranking.Items.All(i => i.Score <= best));
    }
}
