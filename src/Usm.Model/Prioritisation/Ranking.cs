using System.Collections;
using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>One ranked candidate: its id, rank, score, class (risk matrix and MoSCoW only) and explanation.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RankedItem
{
    private readonly Ranking _ranking;
    private readonly int _index;
    private Explanation? _explanation;

    internal RankedItem(Ranking ranking, int index, int position)
    {
        _ranking = ranking;
        _index = index;
        Rank = position + 1;
    }

    /// <summary>Gets the candidate's id.</summary>
    public string Id => _ranking.Candidates.IdArray[_index];

    /// <summary>Gets the rank: 1 for the first item. Ranks are distinct; ties are broken as <see cref="RankingOptions"/> describes.</summary>
    public int Rank { get; }

    /// <summary>Gets the score in the method's own unit (higher ranks first); for the risk matrix, the within-class score.</summary>
    public double Score => _ranking.ScoreAt(Rank - 1);

    /// <summary>Gets the class (higher first): the risk class for the risk matrix, 5 − category code for MoSCoW (see <see cref="MoscowMethod.CategoryFromClass"/>); null for methods without classes.</summary>
    public int? Class => _ranking.ClassAt(Rank - 1);

    /// <summary>Gets the explanation, computed on first access.</summary>
    public Explanation Explanation => _explanation ??= _ranking.Method.Explain(_ranking.Candidates, _ranking.State, _index, Score, Class);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Rank}. {Id} ({Score})");
}

/// <summary>
/// The result of a ranking: the candidates in rank order with their scores and explanations, the method, and lookup
/// by id. A result of <see cref="Prioritiser.Top"/> holds only the first k items.
/// </summary>
/// <remarks>Items are built on access from compact arrays, so a ranking of a million candidates costs a few arrays, not a million objects.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Ranking
{
    private readonly int[] _order;
    private readonly double[] _scores;
    private readonly int[]? _classes;
    private readonly bool _byPosition;
    private int[]? _positions;

    internal Ranking(CandidateSet candidates, RankingMethod method, RankingOptions options, object? state, int[] order, double[] scores, int[]? classes, bool byPosition)
    {
        Candidates = candidates;
        Method = method;
        Options = options;
        State = state;
        _order = order;
        _scores = scores;
        _classes = classes;
        _byPosition = byPosition;
        Items = new ItemList(this);
    }

    /// <summary>Gets the ranked candidate set.</summary>
    public CandidateSet Candidates { get; }

    /// <summary>Gets the method.</summary>
    public RankingMethod Method { get; }

    /// <summary>Gets the method's name.</summary>
    public string MethodName => Method.Name;

    /// <summary>Gets the options.</summary>
    public RankingOptions Options { get; }

    /// <summary>Gets the number of ranked items (k for a top-k result).</summary>
    public int Count => _order.Length;

    /// <summary>Gets whether every candidate is ranked (false for a top-k result with k below the set's size).</summary>
    public bool IsComplete => _order.Length == Candidates.Count;

    /// <summary>Gets the items in rank order.</summary>
    public IReadOnlyList<RankedItem> Items { get; }

    /// <summary>Gets the ids in rank order.</summary>
    public ImmutableArray<string> Ids => [.. _order.Select(i => Candidates.IdArray[i])];

    internal object? State { get; }

    internal ReadOnlySpan<int> Order => _order;

    /// <summary>The score at a position (scores are held by candidate index for a full ranking, by position for top-k).</summary>
    internal double ScoreAt(int position) => _scores[_byPosition ? position : _order[position]];

    /// <summary>The class at a position, or null.</summary>
    internal int? ClassAt(int position) => _classes is null ? null : _classes[_byPosition ? position : _order[position]];

    /// <summary>Gets the item at a position (0 is rank 1).</summary>
    /// <param name="position">The position, from 0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is out of range.</exception>
    public RankedItem this[int position] => new(this, _order[Preconditions.CheckInRange(position, 0, Count - 1)], position);

    /// <summary>Finds a candidate's item by id.</summary>
    /// <param name="id">The id (ordinal).</param>
    /// <returns>The item, or null when the id is unknown or (for a top-k result) not among the first k.</returns>
    public RankedItem? Find(string id)
    {
        var index = Candidates.IndexOf(id);
        if (index < 0)
        {
            return null;
        }

        var position = Positions()[index];
        return position < 0 ? null : new RankedItem(this, index, position);
    }

    /// <summary>Gets a candidate's rank by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The rank, 1 for the first.</returns>
    /// <exception cref="KeyNotFoundException">The id is unknown or not among the ranked items.</exception>
    public int RankOf(string id) => Find(id)?.Rank ?? throw new KeyNotFoundException(Preconditions.Invariant($"The ranking has no item '{id}'."));

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{MethodName} ranking of {Count} of {Candidates.Count} candidates");

    private int[] Positions()
    {
        if (_positions is null)
        {
            var positions = new int[Candidates.Count];
            Array.Fill(positions, -1);
            for (var p = 0; p < _order.Length; p++)
            {
                positions[_order[p]] = p;
            }

            _positions = positions;
        }

        return _positions;
    }

    private sealed class ItemList(Ranking ranking) : IReadOnlyList<RankedItem>
    {
        public int Count => ranking.Count;

        public RankedItem this[int index] => ranking[index];

        public IEnumerator<RankedItem> GetEnumerator()
        {
            for (var p = 0; p < ranking.Count; p++)
            {
                yield return ranking[p];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
