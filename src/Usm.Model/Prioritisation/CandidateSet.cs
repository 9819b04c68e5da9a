using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// The candidates a ranking method reads, stored by column: one array of doubles per criterion, plus the efforts and
/// polarities, so that a method scores a million candidates in a few tight passes without touching an object per item.
/// </summary>
/// <remarks>
/// <para>Build a set from <see cref="Candidate"/> objects (<see cref="CandidateSet(IEnumerable{Candidate})"/>) or
/// directly from columns (<see cref="FromColumns"/>). Either way every candidate has a value for every criterion
/// (a missing or extra criterion is a mismatched dimension and throws), ids are unique (ordinal), and every value is
/// finite. Criterion names are held in ordinal order.</para>
/// <para>The set never keeps a reference to a caller's array: inputs are copied, so later changes to them do not
/// reach the set.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CandidateSet
{
    private readonly string[] _ids;
    private readonly string[] _criteria;
    private readonly double[][] _columns;
    private readonly double[] _effort;
    private readonly CandidatePolarity[] _polarity;
    private readonly Dictionary<string, int> _criterionIndex;
    private readonly Dictionary<string, int> _idIndex;

    /// <summary>Creates a set from candidates.</summary>
    /// <param name="candidates">The candidates; their order is kept as the set's index order but never affects a ranking.</param>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">An id repeats, or a candidate lacks a criterion another candidate has (the message names both).</exception>
    public CandidateSet(IEnumerable<Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates as IReadOnlyList<Candidate> ?? [.. candidates];
        var n = list.Count;
        _ids = new string[n];
        _effort = new double[n];
        _polarity = new CandidatePolarity[n];
        _criteria = n == 0 ? [] : [.. Preconditions.CheckNotNull(list[0], nameof(candidates)).Values.Keys];
        _criterionIndex = Index(_criteria);
        _columns = new double[_criteria.Length][];
        for (var j = 0; j < _criteria.Length; j++)
        {
            _columns[j] = new double[n];
        }

        for (var i = 0; i < n; i++)
        {
            var candidate = list[i];
            if (!(candidate is not null))
            {
                throw new ArgumentNullException(nameof(candidates), Preconditions.Invariant($"The candidate at index {i} is null."));
            }
            if (candidate.Values.Count != _criteria.Length)
            {
                var extra = candidate.Values.Keys.FirstOrDefault(k => !_criterionIndex.ContainsKey(k));
                var missing = _criteria.FirstOrDefault(c => !candidate.Values.ContainsKey(c));
                throw new ArgumentException(
                    extra is not null
                        ? Preconditions.Invariant($"Candidate '{candidate.Id}' has criterion '{extra}', which candidate '{_ids[0]}' lacks; every candidate needs the same criteria.")
                        : Preconditions.Invariant($"Candidate '{candidate.Id}' lacks criterion '{missing}'; every candidate needs the same criteria."),
                    nameof(candidates));
            }

            var j = 0;
            foreach (var (name, value) in candidate.Values)
            {
                if (!string.Equals(name, _criteria[j], StringComparison.Ordinal))
                {
                    var missing = _criteria.First(c => !candidate.Values.ContainsKey(c));
                    throw new ArgumentException(Preconditions.Invariant($"Candidate '{candidate.Id}' lacks criterion '{missing}'; every candidate needs the same criteria."), nameof(candidates));
                }

                _columns[j][i] = value;
                j++;
            }

            _ids[i] = candidate.Id;
            _effort[i] = candidate.Effort;
            _polarity[i] = candidate.Polarity;
        }

        _idIndex = IndexIds(_ids, nameof(candidates));
    }

    private CandidateSet(string[] ids, string[] criteria, double[][] columns, double[] effort, CandidatePolarity[] polarity, string paramName)
    {
        _ids = ids;
        _criteria = criteria;
        _columns = columns;
        _effort = effort;
        _polarity = polarity;
        _criterionIndex = Index(criteria);
        _idIndex = IndexIds(ids, paramName);
    }

    /// <summary>Gets the empty set.</summary>
    public static CandidateSet Empty { get; } = new([]);

    /// <summary>Gets the number of candidates.</summary>
    public int Count => _ids.Length;

    /// <summary>Gets the ids, in the set's index order.</summary>
    public ImmutableArray<string> Ids => ImmutableCollectionsMarshal.AsImmutableArray(_ids);

    /// <summary>Gets the criterion names, in ordinal order.</summary>
    public ImmutableArray<string> CriterionNames => ImmutableCollectionsMarshal.AsImmutableArray(_criteria);

    /// <summary>Gets the efforts, in the set's index order.</summary>
    public ReadOnlySpan<double> Efforts => _effort;

    /// <summary>Gets the candidate at an index (built on demand from the columns).</summary>
    /// <param name="index">The index, from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public Candidate this[int index]
    {
        get
        {
            Preconditions.CheckInRange(index, 0, Count - 1);
            var values = new KeyValuePair<string, double>[_criteria.Length];
            for (var j = 0; j < values.Length; j++)
            {
                values[j] = new(_criteria[j], _columns[j][index]);
            }

            return new Candidate(_ids[index], values, _effort[index], _polarity[index]);
        }
    }

    /// <summary>Gets every candidate, in the set's index order.</summary>
    public IEnumerable<Candidate> Candidates
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }
    }

    /// <summary>
    /// Creates a set from columns: the ids, one column of values per criterion, and optionally the efforts and
    /// polarities (default 0 and <see cref="CandidatePolarity.Opportunity"/>). Every column is copied.
    /// </summary>
    /// <param name="ids">The ids.</param>
    /// <param name="criteria">One column per criterion, each as long as <paramref name="ids"/>.</param>
    /// <param name="efforts">The efforts, or null for all 0.</param>
    /// <param name="polarities">The polarities, or null for all opportunities.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException">An argument, an id or a column is null.</exception>
    /// <exception cref="ArgumentException">A column's length differs from the number of ids, an id is blank or repeats, or a criterion name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value or an effort is NaN or infinite, an effort is negative, or a polarity is undefined (the message names the item and criterion).</exception>
    public static CandidateSet FromColumns(IReadOnlyList<string> ids, IEnumerable<KeyValuePair<string, IReadOnlyList<double>>> criteria, IReadOnlyList<double>? efforts = null, IReadOnlyList<CandidatePolarity>? polarities = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(criteria);
        var n = ids.Count;
        var idArray = new string[n];
        for (var i = 0; i < n; i++)
        {
            var id = ids[i];
            if (!(!string.IsNullOrWhiteSpace(id)))
            {
                throw new ArgumentException(Preconditions.Invariant($"The id at index {i} is null or blank."), nameof(ids));
            }
            idArray[i] = id;
        }

        var columns = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, column) in criteria)
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(criteria), "A criterion name is null or blank.");
            if (!(column is not null))
            {
                throw new ArgumentNullException(nameof(criteria), Preconditions.Invariant($"The column of criterion '{name}' is null."));
            }
            if (!(!columns.ContainsKey(name)))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{name}' is given twice."), nameof(criteria));
            }
            if (!(column.Count == n))
            {
                throw new ArgumentException(Preconditions.Invariant($"Criterion '{name}' has {column.Count} values but there are {n} ids."), nameof(criteria));
            }
            var copy = Copy(column);
            for (var i = 0; i < copy.Length; i++)
            {
                if (!double.IsFinite(copy[i]))
                {
                    throw new ArgumentOutOfRangeException(nameof(criteria), copy[i], Preconditions.Invariant($"Candidate '{idArray[i]}' has a non-finite value {copy[i]} for criterion '{name}'."));
                }
            }

            columns.Add(name, copy);
        }

        double[] effortArray;
        if (efforts is null)
        {
            effortArray = new double[n];
        }
        else
        {
            if (!(efforts.Count == n))
            {
                throw new ArgumentException(Preconditions.Invariant($"There are {efforts.Count} efforts but {n} ids."), nameof(efforts));
            }
            effortArray = Copy(efforts);
            for (var i = 0; i < n; i++)
            {
                if (!double.IsFinite(effortArray[i]) || effortArray[i] < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(efforts), effortArray[i], Preconditions.Invariant($"Candidate '{idArray[i]}' has effort {effortArray[i]}; effort must be finite and not negative."));
                }
            }
        }

        var polarityArray = new CandidatePolarity[n];
        if (polarities is null)
        {
            Array.Fill(polarityArray, CandidatePolarity.Opportunity);
        }
        else
        {
            if (!(polarities.Count == n))
            {
                throw new ArgumentException(Preconditions.Invariant($"There are {polarities.Count} polarities but {n} ids."), nameof(polarities));
            }
            for (var i = 0; i < n; i++)
            {
                var p = polarities[i];
                if (p is not CandidatePolarity.Threat and not CandidatePolarity.Opportunity)
                {
                    throw new ArgumentOutOfRangeException(nameof(polarities), p, Preconditions.Invariant($"Candidate '{idArray[i]}' has an undefined polarity {p}."));
                }

                polarityArray[i] = p;
            }
        }

        return new CandidateSet(idArray, [.. columns.Keys], [.. columns.Values], effortArray, polarityArray, nameof(ids));
    }

    /// <summary>Gets whether the set has a criterion.</summary>
    /// <param name="criterion">The criterion name.</param>
    /// <returns>True if every candidate has a value for it.</returns>
    public bool HasCriterion(string criterion) => criterion is not null && _criterionIndex.ContainsKey(criterion);

    /// <summary>Gets the values of one criterion, in the set's index order.</summary>
    /// <param name="criterion">The criterion name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">The set has no such criterion.</exception>
    public ReadOnlySpan<double> Column(string criterion) => ColumnArray(criterion, nameof(criterion), "the caller");

    /// <summary>Gets the index of a candidate by id (ordinal), or -1.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index, or -1 when no candidate has that id.</returns>
    public int IndexOf(string id) => id is not null && _idIndex.TryGetValue(id, out var i) ? i : -1;

    /// <summary>Gets the polarity of the candidate at an index.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The polarity.</returns>
    public CandidatePolarity PolarityAt(int index) => _polarity[Preconditions.CheckInRange(index, 0, Count - 1)];

    /// <summary>Returns a set without one candidate (for example to probe for rank reversal).</summary>
    /// <param name="id">The id to remove.</param>
    /// <returns>A new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">No candidate has that id.</exception>
    public CandidateSet Without(string id)
    {
        var index = IndexOf(id);
        if (!(index >= 0))
        {
            throw new ArgumentException(Preconditions.Invariant($"The candidate set has no candidate '{id}'."), nameof(id));
        }
        return new CandidateSet(
            Remove(_ids, index),
            _criteria,
            [.. _columns.Select(c => Remove(c, index))],
            Remove(_effort, index),
            Remove(_polarity, index),
            nameof(id));
    }

    /// <summary>Returns a set with one more candidate appended.</summary>
    /// <param name="candidate">The candidate; it must have exactly this set's criteria.</param>
    /// <returns>A new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidate"/> is null.</exception>
    /// <exception cref="ArgumentException">Its id is taken, or its criteria differ from the set's.</exception>
    public CandidateSet With(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!(IndexOf(candidate.Id) < 0))
        {
            throw new ArgumentException(Preconditions.Invariant($"The candidate set already has a candidate '{candidate.Id}'."), nameof(candidate));
        }
        if (Count == 0)
        {
            return new CandidateSet([candidate]);
        }

        var columns = new double[_criteria.Length][];
        for (var j = 0; j < _criteria.Length; j++)
        {
            if (!candidate.Values.TryGetValue(_criteria[j], out var value))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate '{candidate.Id}' lacks criterion '{_criteria[j]}'; every candidate needs the same criteria."), nameof(candidate));
            }

            columns[j] = [.. _columns[j], value];
        }

        var extra = candidate.Values.Keys.FirstOrDefault(k => !_criterionIndex.ContainsKey(k));
        if (!(extra is null))
        {
            throw new ArgumentException(Preconditions.Invariant($"Candidate '{candidate.Id}' has criterion '{extra}', which the set lacks."), nameof(candidate));
        }
        return new CandidateSet([.. _ids, candidate.Id], _criteria, columns, [.. _effort, candidate.Effort], [.. _polarity, candidate.Polarity], nameof(candidate));
    }

    // Internal, zero-copy access for the methods (they never write to these arrays).
    internal string[] IdArray => _ids;

    internal double[] EffortArray => _effort;

    internal CandidatePolarity[] PolarityArray => _polarity;

    internal double[] ColumnArray(string criterion, string paramName, string methodName)
    {
        ArgumentNullException.ThrowIfNull(criterion, paramName);
        if (_criterionIndex.TryGetValue(criterion, out var j))
        {
            return _columns[j];
        }

        throw new ArgumentException(
            _criteria.Length == 0
                ? Preconditions.Invariant($"{methodName} needs criterion '{criterion}', which the candidate set lacks (it has no criteria; an empty set has criteria only when built from named columns).")
                : Preconditions.Invariant($"{methodName} needs criterion '{criterion}', which the candidate set lacks (it has: {string.Join(", ", _criteria)})."),
            paramName);
    }

    private static double[] Copy(IReadOnlyList<double> source)
    {
        if (source is double[] array)
        {
            return (double[])array.Clone();
        }

        var copy = new double[source.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = source[i];
        }

        return copy;
    }

    private static T[] Remove<T>(T[] source, int index)
    {
        var result = new T[source.Length - 1];
        Array.Copy(source, 0, result, 0, index);
        Array.Copy(source, index + 1, result, index, source.Length - index - 1);
        return result;
    }

    private static Dictionary<string, int> Index(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var j = 0; j < names.Length; j++)
        {
            index.Add(names[j], j);
        }

        return index;
    }

    private static Dictionary<string, int> IndexIds(string[] ids, string paramName)
    {
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!index.TryAdd(ids[i], i))
            {
                throw new ArgumentException(Preconditions.Invariant($"Candidate id '{ids[i]}' occurs more than once."), paramName);
            }
        }

        return index;
    }
}
