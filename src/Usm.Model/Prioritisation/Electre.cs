using System.Collections.Immutable;
using System.Numerics;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// ELECTRE I (Roy 1968): an outranking relation from concordance and discordance tests, and its kernel, the set of
/// candidates to choose from. It is a choice method, not a ranking: it says which candidates are worth a closer look.
/// </summary>
/// <remarks>
/// <para><b>Tests.</b> With the weights divided by their sum, the concordance c(a, b) = Σ w_j over the criteria on which a
/// is at least as good as b (more for a benefit, less for a cost; equal counts for both) measures the weight that
/// supports "a is at least as good as b". The discordance d(a, b) = max_j [g_j(b) − g_j(a)] / δ (the differences
/// oriented so that a positive one favours b; 0 when a is at least as good everywhere) measures the strongest
/// objection, with δ the largest range of any criterion (max − min over the candidates); when every criterion is
/// constant, δ = 0 and d = 0. A candidate a outranks another b when c(a, b) ≥ ĉ and d(a, b) ≤ d̂, each allowing 10⁻⁹ for rounding: a concordance
/// equal to ĉ in exact arithmetic reaches it even when the division by the weight sum rounds it down (weights 0.3 and 0.1
/// give 0.3 / 0.4 = 0.7499999999999999 in double precision), as in <see cref="ElectreTri"/>. Because one δ
/// scales every criterion, the criteria should share a scale (for example 0-10 ratings); this is the classical
/// definition (Roy, "Classement et choix en présence de points de vue multiples (la méthode ELECTRE)", RIRO 2(8), 1968;
/// as restated in methods.md). Some textbooks divide each gap by its own criterion's range instead; that variant is
/// not built.</para>
/// <para><b>Kernel.</b> A kernel is a set K of candidates such that no member of K outranks another (independence) and
/// every candidate outside K is outranked by some member of K (absorption). When the outranking graph has no cycle,
/// the kernel exists and is unique, and this is what <see cref="ElectreResult.Kernel"/> returns. With a cycle, a kernel
/// may not exist or may not be unique; like the classical method, the candidates on a cycle (each strongly connected
/// component of the graph) are then treated as one equivalent node, the kernel of that condensed, acyclic graph is
/// taken, and every candidate of a kernel node is returned. <see cref="ElectreResult.HasCycle"/> says when this
/// happened, and <see cref="ElectreResult.Cycles"/> lists the merged candidates: members of one cycle outrank one
/// another, and a candidate outside the kernel is then outranked by a member of a kernel node only through its own
/// node (some member of its cycle is outranked).</para>
/// <para><b>Cost.</b> O(m·n²) time for the n(n − 1) ordered pairs, O(n²) bits for the relation, O(n²) for the kernel;
/// at most <see cref="MaxCandidates"/> candidates. Concordance and discordance are recomputed on demand for a pair, in
/// O(m), rather than stored.</para>
/// <para><b>Order.</b> Every list of ids is in ordinal id order; nothing depends on the order of the candidates in the
/// set.</para>
/// </remarks>
public static class Electre
{
    /// <summary>The largest number of candidates <see cref="Kernel"/> accepts: the relation takes n² bits (12.5 MB at this size) and the tests n² pairs.</summary>
    public const int MaxCandidates = 10_000;

    /// <summary>The method name used in explanations and messages.</summary>
    internal const string MethodName = "ELECTRE I";

    /// <summary>Builds the ELECTRE I outranking relation and its kernel.</summary>
    /// <param name="candidates">The candidates; never changed. At most <see cref="MaxCandidates"/>; an empty set built with named columns gives an empty kernel (<see cref="CandidateSet.Empty"/> has no criteria, so it is refused as lacking them).</param>
    /// <param name="criteria">The criteria, each a benefit or a cost, with weights (divided by their sum).</param>
    /// <param name="concordanceThreshold">ĉ in [0, 1]: the least concordance for a to outrank b (0.5 to 1 in practice; higher is stricter).</param>
    /// <param name="discordanceThreshold">d̂ in [0, 1]: the largest discordance for a to outrank b (lower is stricter).</param>
    /// <returns>The relation, the kernel and explanations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> or <paramref name="criteria"/> is null, or <paramref name="criteria"/> holds null.</exception>
    /// <exception cref="ArgumentException">The criteria are empty, repeat a name, have no positive weight sum, or name a criterion the set lacks; or the set has more than <see cref="MaxCandidates"/> candidates.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is outside [0, 1] or NaN, or a criterion's range exceeds the largest double (the message names it).</exception>
    public static ElectreResult Kernel(CandidateSet candidates, IEnumerable<Criterion> criteria, double concordanceThreshold, double discordanceThreshold)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var (list, _) = CriteriaCheck.Weights(criteria, nameof(criteria));
        Preconditions.CheckInRange(concordanceThreshold, 0, 1);
        Preconditions.CheckInRange(discordanceThreshold, 0, 1);
        var n = candidates.Count;
        if (n > MaxCandidates)
        {
            throw new ArgumentException(Preconditions.Invariant($"{MethodName} compares every pair of candidates and accepts at most {MaxCandidates}, but the set has {n}. Narrow the set first, for example to its Pareto fronts."), nameof(candidates));
        }

        var m = list.Length;
        var rows = new double[n * m];
        var delta = 0.0;
        for (var j = 0; j < m; j++)
        {
            var c = list[j];
            var x = candidates.ColumnArray(c.Name, nameof(criteria), MethodName);
            var (min, max) = n == 0 ? (0.0, 0.0) : ColumnMath.MinMaxFinite(x.AsSpan(0, n));
            var range = max - min;
            if (double.IsPositiveInfinity(range))
            {
                throw new ArgumentOutOfRangeException(nameof(candidates), Preconditions.Invariant(
                    $"{MethodName} cannot scale criterion '{c.Name}': its range from {min} to {max} exceeds the largest double. Rescale the criterion."));
            }

            delta = Math.Max(delta, range);
            var sign = c.Kind == CriterionKind.Benefit ? 1.0 : -1.0;
            for (var i = 0; i < n; i++)
            {
                rows[(i * m) + j] = sign * x[i];
            }
        }

        var data = new ElectreData(candidates, list, rows, delta, concordanceThreshold, discordanceThreshold);
        var relation = new ulong[((long)n * n + 63) / 64];
        var weights = list.Select(c => c.Weight).ToArray();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                var (ab, ba) = ElectreData.OutranksBothWays(rows, weights, a, b, data);
                if (ab)
                {
                    Set(relation, ((long)a * n) + b);
                }

                if (ba)
                {
                    Set(relation, ((long)b * n) + a);
                }
            }
        }

        var graph = new OutrankingGraph(n, relation);
        var (component, componentCount) = graph.StronglyConnectedComponents();
        var kernelComponent = graph.KernelOfCondensation(component, componentCount);
        return new ElectreResult(data, graph, component, kernelComponent);
    }

    private static void Set(ulong[] bits, long index) => bits[index >> 6] |= 1UL << (int)(index & 63);
}

/// <summary>The oriented criterion values (costs negated, row by row) and the parameters of one ELECTRE I computation.</summary>
internal sealed class ElectreData(CandidateSet set, ImmutableArray<Criterion> criteria, double[] rows, double delta, double concordanceThreshold, double discordanceThreshold)
{
    private readonly double _total = criteria.Sum(c => c.Weight);

    private double Total => _total;

    public CandidateSet Set { get; } = set;

    public ImmutableArray<Criterion> Criteria { get; } = criteria;

    public double Delta { get; } = delta;

    public double ConcordanceThreshold { get; } = concordanceThreshold;

    public double DiscordanceThreshold { get; } = discordanceThreshold;

    public int Width => Criteria.Length;

    /// <summary>The oriented value of candidate i on criterion j (more is better).</summary>
    public double Value(int i, int j) => rows[(i * Width) + j];

    /// <summary>The concordance c(a, b): the weights on which a is at least as good, summed in criterion order, over the total (so that c = 1 exactly when a is at least as good everywhere).</summary>
    public double Concordance(int a, int b)
    {
        var sum = 0.0;
        for (var j = 0; j < Width; j++)
        {
            if (Value(a, j) >= Value(b, j))
            {
                sum += Criteria[j].Weight;
            }
        }

        return sum / _total;
    }

    /// <summary>The discordance d(a, b): the largest gap in b's favour over δ; 0 when there is none or δ = 0.</summary>
    public double Discordance(int a, int b)
    {
        var gap = 0.0;
        for (var j = 0; j < Width; j++)
        {
            gap = Math.Max(gap, Value(b, j) - Value(a, j));
        }

        return gap > 0 ? gap / Delta : 0;
    }

    /// <summary>The allowance for rounding in both tests: c ≥ ĉ − 10⁻⁹ and d ≤ d̂ + 10⁻⁹.</summary>
    internal const double ThresholdSlack = 1e-9;

    public bool Outranks(int a, int b) =>
        a != b && Passes(Concordance(a, b), Discordance(a, b), this);

    private static bool Passes(double concordance, double discordance, ElectreData data) =>
        concordance >= data.ConcordanceThreshold - ThresholdSlack && discordance <= data.DiscordanceThreshold + ThresholdSlack;

    /// <summary>Both directions of one pair in one pass; the same sums in the same order as <see cref="Concordance"/> and <see cref="Discordance"/>.</summary>
    public static (bool AOverB, bool BOverA) OutranksBothWays(double[] values, double[] weights, int a, int b, ElectreData data)
    {
        double cab = 0, cba = 0, gab = 0, gba = 0;
        var m = weights.Length;
        var rowA = values.AsSpan(a * m, m);
        var rowB = values.AsSpan(b * m, m);
        for (var j = 0; j < rowA.Length; j++)
        {
            var va = rowA[j];
            var vb = rowB[j];
            if (va >= vb)
            {
                cab += weights[j];
                if (va - vb > gba)
                {
                    gba = va - vb;
                }
            }

            if (vb >= va)
            {
                cba += weights[j];
                if (vb - va > gab)
                {
                    gab = vb - va;
                }
            }
        }

        var dab = gab > 0 ? gab / data.Delta : 0;
        var dba = gba > 0 ? gba / data.Delta : 0;
        return (Passes(cab / data.Total, dab, data), Passes(cba / data.Total, dba, data));
    }
}

/// <summary>The outranking relation as an n × n bit matrix, with its strongly connected components and the kernel of their condensation.</summary>
internal sealed class OutrankingGraph(int count, ulong[] bits)
{
    public int Count { get; } = count;

    public bool Edge(int a, int b)
    {
        var index = ((long)a * Count) + b;
        return (bits[index >> 6] & (1UL << (int)(index & 63))) != 0;
    }

    /// <summary>The first b ≥ <paramref name="from"/> with a → b, or <see cref="Count"/>.</summary>
    public int NextEdge(int a, int from)
    {
        if (from >= Count)
        {
            return Count;
        }

        var start = ((long)a * Count) + from;
        var end = ((long)a * Count) + Count;
        var word = start >> 6;
        var current = bits[word] & (ulong.MaxValue << (int)(start & 63));
        while (true)
        {
            if (current != 0)
            {
                var index = (word << 6) + BitOperations.TrailingZeroCount(current);
                return index < end ? (int)(index - ((long)a * Count)) : Count;
            }

            word++;
            if (word << 6 >= end)
            {
                return Count;
            }

            current = bits[word];
        }
    }

    /// <summary>The strongly connected components, numbered so that every edge between components goes from a higher number to a lower one (sinks first).</summary>
    public (int[] Component, int Count) StronglyConnectedComponents() => StronglyConnected.Components(Count, new Successors(this));

    /// <summary>
    /// The kernel of the condensed graph: taking components sources first (highest number first), a component joins
    /// the kernel unless a kernel component already has an edge into it; the kernel of an acyclic graph is unique.
    /// </summary>
    public bool[] KernelOfCondensation(int[] component, int componentCount)
    {
        var members = new List<int>[componentCount];
        for (var c = 0; c < componentCount; c++)
        {
            members[c] = [];
        }

        for (var v = 0; v < Count; v++)
        {
            members[component[v]].Add(v);
        }

        var inKernel = new bool[componentCount];
        var excluded = new bool[componentCount];
        for (var c = componentCount - 1; c >= 0; c--)
        {
            if (excluded[c])
            {
                continue;
            }

            inKernel[c] = true;
            foreach (var u in members[c])
            {
                for (var w = NextEdge(u, 0); w < Count; w = NextEdge(u, w + 1))
                {
                    if (component[w] != c)
                    {
                        excluded[component[w]] = true;
                    }
                }
            }
        }

        return inKernel;
    }

    private readonly struct Successors(OutrankingGraph graph) : ISuccessors
    {
        public int Next(int node, ref int cursor)
        {
            var w = graph.NextEdge(node, cursor);
            if (w >= graph.Count)
            {
                return -1;
            }

            cursor = w + 1;
            return w;
        }
    }
}
