using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>One candidate's VIKOR measures: group utility S, individual regret R and the compromise index Q.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class VikorCandidate
{
    internal VikorCandidate(string id, int position, double s, double r, double q)
    {
        Id = id;
        Position = position;
        S = s;
        R = r;
        Q = q;
    }

    /// <summary>Gets the candidate's id.</summary>
    public string Id { get; }

    /// <summary>Gets the 1-based position by Q (ascending; equal Q by id, ordinal).</summary>
    public int Position { get; }

    /// <summary>Gets the group utility S = Σⱼ wⱼ (f*ⱼ − fⱼ) / (f*ⱼ − f⁻ⱼ), in [0, 1]; lower is better.</summary>
    public double S { get; }

    /// <summary>Gets the individual regret R = maxⱼ wⱼ (f*ⱼ − fⱼ) / (f*ⱼ − f⁻ⱼ), in [0, 1]; lower is better.</summary>
    public double R { get; }

    /// <summary>Gets the compromise index Q, in [0, 1]; lower is better.</summary>
    public double Q { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"{Position}. {Id}: Q {RankingMethod.F(Q)}, S {RankingMethod.F(S)}, R {RankingMethod.F(R)}");
}

/// <summary>
/// VIKOR's compromise analysis of a candidate set (<see cref="VikorMethod.Compromise"/>): the candidates ordered by Q,
/// the two conditions for proposing the first as the compromise solution, and the compromise set.
/// </summary>
/// <remarks>
/// <para>With A(1) and A(2) the first and second candidates by Q and n the number of candidates (Opricovic and Tzeng
/// 2004): C1, acceptable advantage, holds when Q(A(2)) − Q(A(1)) ≥ DQ = 1 / (n − 1); C2, acceptable stability in
/// decision making, holds when A(1) is also best (smallest, ties included) by S or by R.</para>
/// <para>The compromise set: A(1) alone when both hold; A(1) and A(2) when only C2 fails; when C1 fails, A(1), ...,
/// A(M) with M the largest position for which Q(A(M)) − Q(A(1)) &lt; DQ. A single candidate is its own compromise (DQ
/// is undefined there and reported as 0; both conditions hold).</para>
/// <para>Order: Q ascending, equal Q by id (ordinal), the same order as <see cref="Prioritiser.Rank"/> gives with this
/// method and no secondary key. Comparisons use the computed doubles as they are.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class VikorCompromise
{
    private readonly Dictionary<string, VikorCandidate> _byId;

    internal VikorCompromise(VikorMethod method, string[] ids, double[] s, double[] r, double[] q)
    {
        Method = method;
        var n = ids.Length;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byQ = q[a].CompareTo(q[b]);
            return byQ != 0 ? byQ : string.CompareOrdinal(ids[a], ids[b]);
        });
        Candidates = [.. order.Select((i, p) => new VikorCandidate(ids[i], p + 1, s[i], r[i], q[i]))];
        _byId = Candidates.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var first = Candidates[0];
        if (n == 1)
        {
            AdvantageThreshold = 0;
            HasAcceptableAdvantage = true;
            HasAcceptableStability = true;
            CompromiseSet = [first.Id];
            return;
        }

        AdvantageThreshold = 1.0 / (n - 1);
        HasAcceptableAdvantage = Candidates[1].Q - first.Q >= AdvantageThreshold;
        HasAcceptableStability = first.S == s.Min() || first.R == r.Min();
        if (!HasAcceptableAdvantage)
        {
            CompromiseSet = [.. Candidates.TakeWhile(c => c.Q - first.Q < AdvantageThreshold).Select(c => c.Id)];
        }
        else
        {
            CompromiseSet = HasAcceptableStability ? [first.Id] : [first.Id, Candidates[1].Id];
        }
    }

    /// <summary>Gets the method (its criteria and v).</summary>
    public VikorMethod Method { get; }

    /// <summary>Gets every candidate's S, R and Q, ordered by Q ascending (equal Q by id, ordinal).</summary>
    public ImmutableArray<VikorCandidate> Candidates { get; }

    /// <summary>Gets DQ = 1 / (n − 1), the advantage the first candidate needs over the second (0 for a single candidate).</summary>
    public double AdvantageThreshold { get; }

    /// <summary>Gets whether C1, acceptable advantage, holds: Q(A(2)) − Q(A(1)) ≥ DQ.</summary>
    public bool HasAcceptableAdvantage { get; }

    /// <summary>Gets whether C2, acceptable stability, holds: the first by Q is also best by S or by R.</summary>
    public bool HasAcceptableStability { get; }

    /// <summary>Gets whether both conditions hold, so that the first candidate by Q is the single compromise solution.</summary>
    public bool IsSingleSolution => HasAcceptableAdvantage && HasAcceptableStability;

    /// <summary>Gets the ids of the compromise set, in Q order: the first candidate alone when both conditions hold; otherwise the candidates the conditions cannot separate from it.</summary>
    public ImmutableArray<string> CompromiseSet { get; }

    /// <summary>Finds a candidate's measures by id.</summary>
    /// <param name="id">The candidate's id.</param>
    /// <returns>The measures, or null if no candidate has the id.</returns>
    public VikorCandidate? Find(string id) => id is not null && _byId.TryGetValue(id, out var c) ? c : null;

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"VIKOR compromise [{string.Join(", ", CompromiseSet)}] (C1 acceptable advantage {(HasAcceptableAdvantage ? "holds" : "fails")}, C2 acceptable stability {(HasAcceptableStability ? "holds" : "fails")}; DQ {RankingMethod.F(AdvantageThreshold)})");
}
