using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The result of <see cref="Electre.Kernel"/>: the outranking relation (queryable per pair, with its concordance and
/// discordance), the kernel, the cycles merged to find it, and an explanation per candidate.
/// </summary>
/// <remarks>
/// When <see cref="HasCycle"/> is false the kernel is the unique set that is independent (no member outranks another)
/// and absorbing (every other candidate is outranked by a member). When it is true, see <see cref="Electre"/>: each
/// cycle is treated as one node, and a kernel node brings all its members into <see cref="Kernel"/>.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ElectreResult
{
    private readonly ElectreData _data;
    private readonly OutrankingGraph _graph;
    private readonly int[] _component;
    private readonly bool[] _kernelComponent;

    internal ElectreResult(ElectreData data, OutrankingGraph graph, int[] component, bool[] kernelComponent)
    {
        _data = data;
        _graph = graph;
        _component = component;
        _kernelComponent = kernelComponent;
        var ids = data.Set.IdArray;
        Kernel = [.. Enumerable.Range(0, graph.Count).Where(i => kernelComponent[component[i]]).Select(i => ids[i]).Order(StringComparer.Ordinal)];
        var sizes = new int[kernelComponent.Length];
        foreach (var c in component)
        {
            sizes[c]++;
        }

        Cycles = [.. Enumerable.Range(0, graph.Count)
            .Where(i => sizes[component[i]] > 1)
            .GroupBy(i => component[i])
            .Select(g => g.Select(i => ids[i]).Order(StringComparer.Ordinal).ToImmutableArray())
            .OrderBy(g => g[0], StringComparer.Ordinal)];
        var pairs = 0L;
        for (var a = 0; a < graph.Count; a++)
        {
            for (var b = graph.NextEdge(a, 0); b < graph.Count; b = graph.NextEdge(a, b + 1))
            {
                pairs++;
            }
        }

        OutrankingCount = pairs;
    }

    /// <summary>Gets the candidates.</summary>
    public CandidateSet Candidates => _data.Set;

    /// <summary>Gets the criteria.</summary>
    public ImmutableArray<Criterion> Criteria => _data.Criteria;

    /// <summary>Gets the concordance threshold ĉ.</summary>
    public double ConcordanceThreshold => _data.ConcordanceThreshold;

    /// <summary>Gets the discordance threshold d̂.</summary>
    public double DiscordanceThreshold => _data.DiscordanceThreshold;

    /// <summary>Gets δ, the largest range of any criterion, which scales every discordance (0 when every criterion is constant).</summary>
    public double DiscordanceScale => _data.Delta;

    /// <summary>Gets the kernel's ids, in ordinal order: the candidates to choose from.</summary>
    public ImmutableArray<string> Kernel { get; }

    /// <summary>Gets whether the outranking graph has a cycle (then the kernel is that of the graph with each cycle merged into one node).</summary>
    public bool HasCycle => !Cycles.IsEmpty;

    /// <summary>Gets the candidates on cycles: each strongly connected group of two or more, ids in ordinal order, groups ordered by their first id.</summary>
    public ImmutableArray<ImmutableArray<string>> Cycles { get; }

    /// <summary>Gets the number of ordered pairs (a, b) in which a outranks b.</summary>
    public long OutrankingCount { get; }

    /// <summary>Gets whether a candidate is in the kernel.</summary>
    /// <param name="id">The id.</param>
    /// <returns>True for a kernel member.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public bool IsInKernel(string id) => _kernelComponent[_component[IndexOf(id)]];

    /// <summary>Gets whether one candidate outranks another: c(a, b) ≥ ĉ and d(a, b) ≤ d̂ (never a candidate itself).</summary>
    /// <param name="first">The outranking candidate's id (a).</param>
    /// <param name="second">The outranked candidate's id (b).</param>
    /// <returns>True when a outranks b.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has one of the ids.</exception>
    public bool Outranks(string first, string second) => _graph.Edge(IndexOf(first), IndexOf(second));

    /// <summary>Gets the concordance c(a, b): the share of the weight on which a is at least as good as b, in [0, 1].</summary>
    /// <param name="first">a's id.</param>
    /// <param name="second">b's id.</param>
    /// <returns>c(a, b).</returns>
    /// <exception cref="KeyNotFoundException">No candidate has one of the ids.</exception>
    public double Concordance(string first, string second) => _data.Concordance(IndexOf(first), IndexOf(second));

    /// <summary>Gets the discordance d(a, b): b's largest advantage over a on any criterion, divided by δ, in [0, 1].</summary>
    /// <param name="first">a's id.</param>
    /// <param name="second">b's id.</param>
    /// <returns>d(a, b).</returns>
    /// <exception cref="KeyNotFoundException">No candidate has one of the ids.</exception>
    public double Discordance(string first, string second) => _data.Discordance(IndexOf(first), IndexOf(second));

    /// <summary>Gets the candidates that outrank a candidate, in ordinal order.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The ids of every a with a outranking it.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public ImmutableArray<string> OutrankedBy(string id)
    {
        var b = IndexOf(id);
        return [.. Enumerable.Range(0, _graph.Count).Where(a => _graph.Edge(a, b)).Select(a => _data.Set.IdArray[a]).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Explains a candidate's place: for one outside the kernel, the kernel members that outrank it with their c and d,
    /// and criterion by criterion against the first of them; for a kernel member, why no kernel member excludes it.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that id.</exception>
    public Explanation Explain(string id)
    {
        var b = IndexOf(id);
        var ids = _data.Set.IdArray;
        var n = _graph.Count;
        var kernelOutrankers = Enumerable.Range(0, n).Where(a => _graph.Edge(a, b) && _kernelComponent[_component[a]]).OrderBy(a => ids[a], StringComparer.Ordinal).ToList();
        var cycle = Cycles.FirstOrDefault(c => c.Contains(id, StringComparer.Ordinal));
        var summary = new StringBuilder();
        if (_kernelComponent[_component[b]])
        {
            summary.Append(Preconditions.Invariant($"'{id}' is in the ELECTRE I kernel (ĉ {RankingMethod.F(ConcordanceThreshold)}, d̂ {RankingMethod.F(DiscordanceThreshold)}): "));
            summary.Append(cycle.IsDefault
                ? "no kernel member outranks it."
                : Preconditions.Invariant($"it is on the cycle [{string.Join(", ", cycle)}], whose members outrank one another and enter the kernel together, and no candidate outside the cycle in the kernel outranks it."));
            var others = OutrankedBy(id);
            if (!others.IsEmpty)
            {
                summary.Append(Preconditions.Invariant($" It is outranked by {string.Join(", ", others)}, {(cycle.IsDefault ? "none of them in the kernel" : "each outside the kernel or on its own cycle")}."));
            }
        }
        else if (kernelOutrankers.Count > 0)
        {
            summary.Append(Preconditions.Invariant($"'{id}' is outside the ELECTRE I kernel: outranked by kernel member(s) "));
            summary.AppendJoin("; ", kernelOutrankers.Select(a => Preconditions.Invariant(
                $"'{ids[a]}' (c {RankingMethod.F(_data.Concordance(a, b))} ≥ ĉ {RankingMethod.F(ConcordanceThreshold)}, d {RankingMethod.F(_data.Discordance(a, b))} ≤ d̂ {RankingMethod.F(DiscordanceThreshold)})")));
            summary.Append('.');
        }
        else
        {
            // Only possible with a cycle: a kernel member outranks another member of this candidate's cycle.
            var (a, via) = Enumerable.Range(0, n)
                .Where(a => _kernelComponent[_component[a]])
                .SelectMany(a => Enumerable.Range(0, n).Where(v => _component[v] == _component[b] && _graph.Edge(a, v)).Select(v => (a, v)))
                .OrderBy(p => ids[p.a], StringComparer.Ordinal).ThenBy(p => ids[p.v], StringComparer.Ordinal)
                .First();
            summary.Append(Preconditions.Invariant(
                $"'{id}' is outside the ELECTRE I kernel through its cycle [{string.Join(", ", cycle)}]: kernel member '{ids[a]}' outranks '{ids[via]}' (c {RankingMethod.F(_data.Concordance(a, via))}, d {RankingMethod.F(_data.Discordance(a, via))}), and the cycle's members are treated as one."));
        }

        var against = kernelOutrankers.Count > 0 && !_kernelComponent[_component[b]] ? kernelOutrankers[0] : -1;
        var contributions = new List<CriterionContribution>(_data.Width);
        for (var j = 0; j < _data.Width; j++)
        {
            var c = _data.Criteria[j];
            var x = Raw(b, j);
            if (against < 0)
            {
                contributions.Add(new CriterionContribution(c.Name, x, 0, Preconditions.Invariant($"{c.Kind} '{c.Name}' = {RankingMethod.F(x)}.")));
                continue;
            }

            var y = Raw(against, j);
            var gap = _data.Value(b, j) - _data.Value(against, j);
            var weight = c.Weight / _data.Criteria.Sum(k => k.Weight);
            contributions.Add(gap <= 0
                ? new CriterionContribution(c.Name, x, weight, Preconditions.Invariant(
                    $"{c.Kind} '{c.Name}': '{ids[against]}' has {RankingMethod.F(y)}, '{id}' has {RankingMethod.F(x)}; concordant with '{ids[against]}' outranking it (weight {RankingMethod.F(weight)})."))
                : new CriterionContribution(c.Name, x, -gap / _data.Delta, Preconditions.Invariant(
                    $"{c.Kind} '{c.Name}': '{ids[against]}' has {RankingMethod.F(y)}, '{id}' has {RankingMethod.F(x)}; discordant: '{id}' is better by {RankingMethod.F(gap)}, {RankingMethod.F(gap / _data.Delta)} of δ {RankingMethod.F(_data.Delta)}.")));
        }

        return new Explanation(Electre.MethodName, summary.ToString(), contributions);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Preconditions.Invariant($"ELECTRE I kernel of {Kernel.Length} of {_graph.Count} candidates (ĉ {ConcordanceThreshold}, d̂ {DiscordanceThreshold}){(HasCycle ? ", with cycles merged" : "")}: {string.Join(", ", Kernel.Take(ParetoFront.IdsShown))}{(Kernel.Length > ParetoFront.IdsShown ? ", …" : "")}");

    private double Raw(int i, int j) => _data.Criteria[j].Kind == CriterionKind.Benefit ? _data.Value(i, j) : -_data.Value(i, j);

    private int IndexOf(string id)
    {
        var index = _data.Set.IndexOf(id);
        return index >= 0 ? index : throw new KeyNotFoundException(Preconditions.Invariant($"The ELECTRE I result has no candidate '{id}'."));
    }
}
