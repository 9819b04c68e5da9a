using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>
/// Thrown when two scans taken with different instruments, or different versions of one instrument, are compared.
/// The message names both scans, instrument ids and versions.
/// </summary>
public sealed class InstrumentMismatchException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="first">The first scan.</param>
    /// <param name="second">The second scan.</param>
    /// <param name="paramName">The parameter that holds the mismatching scan.</param>
    /// <exception cref="ArgumentNullException">A scan is null.</exception>
    public InstrumentMismatchException(Scan first, Scan second, string? paramName = null)
        : base(
            Describe(Preconditions.CheckNotNull(first), Preconditions.CheckNotNull(second)),
            paramName)
    {
        FirstInstrument = first.Instrument.Key;
        SecondInstrument = second.Instrument.Key;
    }

    private static string Describe(Scan first, Scan second) => first.Instrument.IsSameVersionAs(second.Instrument)
        ? Preconditions.Invariant($"Scan '{first.Id}' and scan '{second.Id}' both use instrument '{first.Instrument.Id}' version '{first.Instrument.Version}', but the two instruments differ in content (name, areas or questions); an instrument whose content changes needs a new version, and scans compare only when taken with the same instrument.")
        : Preconditions.Invariant($"Scan '{first.Id}' uses instrument '{first.Instrument.Id}' version '{first.Instrument.Version}', but scan '{second.Id}' uses instrument '{second.Instrument.Id}' version '{second.Instrument.Version}'; scans compare only when taken with the same instrument id and version (versions are compared ordinally, so \"1.0\" and \"1.0.0\" differ).");

    /// <summary>Gets the first scan's instrument as "id version".</summary>
    public string FirstInstrument { get; }

    /// <summary>Gets the second scan's instrument as "id version".</summary>
    public string SecondInstrument { get; }
}

/// <summary>The change of one score between two scans.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ScoreChange
{
    internal ScoreChange(string id, double? before, double? after)
    {
        Id = id;
        Before = before;
        After = after;
    }

    /// <summary>Gets the id of the question or area; "overall" for the overall score.</summary>
    public string Id { get; }

    /// <summary>Gets the earlier score, or null when it had none.</summary>
    public double? Before { get; }

    /// <summary>Gets the later score, or null when it has none.</summary>
    public double? After { get; }

    /// <summary>Gets the change in percentage points (later minus earlier), or null when either score is missing.</summary>
    public double? Delta => Before is { } b && After is { } a ? a - b : null;

    /// <inheritdoc />
    public override string ToString() => Delta is { } d ? Preconditions.Invariant($"{Id}: {Before:0.##} → {After:0.##} ({d:+0.##;-0.##;0})") : Id + ": not comparable";
}

/// <summary>The comparison of two scans taken with the same instrument and version, scored with the same options.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ScanComparison
{
    private ScanComparison(ScanResult from, ScanResult to)
    {
        From = from;
        To = to;
        Questions = [.. from.Questions.Zip(to.Questions, (x, y) => new ScoreChange(x.QuestionId, x.Score, y.Score))];
        Areas = [.. from.Areas.Zip(to.Areas, (x, y) => new ScoreChange(x.AreaId, x.Score, y.Score))];
        Overall = new ScoreChange("overall", from.Overall, to.Overall);
    }

    /// <summary>Gets the earlier result.</summary>
    public ScanResult From { get; }

    /// <summary>Gets the later result.</summary>
    public ScanResult To { get; }

    /// <summary>Gets the change per question, in instrument order.</summary>
    public ImmutableArray<ScoreChange> Questions { get; }

    /// <summary>Gets the change per area, in instrument order.</summary>
    public ImmutableArray<ScoreChange> Areas { get; }

    /// <summary>Gets the change of the overall score.</summary>
    public ScoreChange Overall { get; }

    /// <summary>Compares two scans.</summary>
    /// <param name="from">The earlier scan (for example the baseline).</param>
    /// <param name="to">The later scan.</param>
    /// <param name="options">The scoring options for both; null for <see cref="ScoringOptions.Default"/>.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">A scan is null.</exception>
    /// <exception cref="InstrumentMismatchException">The scans use different instruments or instrument versions, or instruments with the same id and version but different content.</exception>
    /// <exception cref="ArgumentException"><paramref name="to"/> is dated before <paramref name="from"/> (scans of the same date may be compared either way).</exception>
    public static ScanComparison Compare(Scan from, Scan to, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        CheckSameInstrument(from, to, nameof(to));
        CheckOrder(from, to);
        options ??= ScoringOptions.Default;
        return new ScanComparison(from.Score(options), to.Score(options));
    }

    /// <summary>Compares two scored scans.</summary>
    /// <param name="from">The earlier result.</param>
    /// <param name="to">The later result.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">A result is null.</exception>
    /// <exception cref="InstrumentMismatchException">The scans use different instruments or instrument versions, or instruments with the same id and version but different content.</exception>
    /// <exception cref="ArgumentException">The results were scored with different options, or <paramref name="to"/> is dated before <paramref name="from"/>.</exception>
    public static ScanComparison Compare(ScanResult from, ScanResult to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        CheckSameInstrument(from.Scan, to.Scan, nameof(to));
        CheckOrder(from.Scan, to.Scan);
        Preconditions.CheckArgument(from.Options.Equals(to.Options), nameof(to), Preconditions.Invariant($"Scan '{from.ScanId}' was scored with ({from.Options}) but scan '{to.ScanId}' with ({to.Options}); score both with the same options."));
        return new ScanComparison(from, to);
    }

    // A comparison reads from the earlier scan to the later one: its deltas are "later − earlier", so a pair passed the
    // wrong way round would report a decline as progress. Scans of one date (two teams, say) compare either way.
    private static void CheckOrder(Scan from, Scan to) =>
        Preconditions.CheckArgument(to.Date >= from.Date, nameof(to), Preconditions.Invariant(
            $"Scan '{to.Id}' ({to.Date:yyyy-MM-dd}) is dated before scan '{from.Id}' ({from.Date:yyyy-MM-dd}); pass the earlier scan first."));

    /// <summary>Gets one question's change.</summary>
    /// <param name="questionId">The question id.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questionId"/> is null.</exception>
    /// <exception cref="ArgumentException">The instrument has no such question.</exception>
    public ScoreChange Question(string questionId)
    {
        ArgumentNullException.ThrowIfNull(questionId);
        return Questions.FirstOrDefault(q => q.Id == questionId)
            ?? throw new ArgumentException(Preconditions.Invariant($"Instrument '{From.Instrument.Key}' has no question '{questionId}'."), nameof(questionId));
    }

    /// <summary>Gets one area's change.</summary>
    /// <param name="areaId">The area id.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="areaId"/> is null.</exception>
    /// <exception cref="ArgumentException">The instrument has no such area.</exception>
    public ScoreChange Area(string areaId)
    {
        ArgumentNullException.ThrowIfNull(areaId);
        return Areas.FirstOrDefault(a => a.Id == areaId)
            ?? throw new ArgumentException(Preconditions.Invariant($"Instrument '{From.Instrument.Key}' has no area '{areaId}'."), nameof(areaId));
    }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"'{From.ScanId}' → '{To.ScanId}': {Overall}");

    internal static void CheckSameInstrument(Scan first, Scan second, string paramName)
    {
        if (!first.Instrument.IsSameVersionAs(second.Instrument) || !first.Instrument.Equals(second.Instrument))
        {
            throw new InstrumentMismatchException(first, second, paramName);
        }
    }
}

/// <summary>One point of a trend: a scan's score on one question, area or overall.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class TrendPoint
{
    internal TrendPoint(string scanId, LocalDate date, double? score)
    {
        ScanId = scanId;
        Date = date;
        Score = score;
    }

    /// <summary>Gets the scan's id.</summary>
    public string ScanId { get; }

    /// <summary>Gets the scan's date.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the score, or null when the scan has none for this item.</summary>
    public double? Score { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Date:uuuu-MM-dd} {ScanId}: {(Score is { } s ? s.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "-")}");
}

/// <summary>
/// A baseline scan followed by interim scans, all taken with the same instrument and version and scored with the same
/// options: the measurements of one improvement initiative.
/// </summary>
/// <remarks>
/// Scans are kept in date order; scans on the same date are ordered by id (ordinal). The earliest scan is the
/// baseline; <see cref="Add(Scan)"/> accepts only scans that come after it, so the baseline never changes. Adding returns a
/// new series.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ScanSeries
{
    private ScanSeries(ImmutableArray<ScanResult> results, ScoringOptions options)
    {
        Results = results;
        Options = options;
    }

    /// <summary>Gets the scored scans, baseline first.</summary>
    public ImmutableArray<ScanResult> Results { get; }

    /// <summary>Gets the scoring options every scan in the series is scored with.</summary>
    public ScoringOptions Options { get; }

    /// <summary>Gets the baseline (the earliest scan).</summary>
    public ScanResult Baseline => Results[0];

    /// <summary>Gets the latest scan.</summary>
    public ScanResult Latest => Results[^1];

    /// <summary>Gets the instrument all scans share.</summary>
    public Instrument Instrument => Baseline.Instrument;

    /// <summary>Starts a series with its baseline.</summary>
    /// <param name="baseline">The baseline scan.</param>
    /// <param name="options">The scoring options; null for <see cref="ScoringOptions.Default"/>.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/> is null.</exception>
    public static ScanSeries StartWith(Scan baseline, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        options ??= ScoringOptions.Default;
        return new ScanSeries([baseline.Score(options)], options);
    }

    /// <summary>Builds a series from scans in any order.</summary>
    /// <param name="scans">The scans; at least one, ids unique.</param>
    /// <param name="options">The scoring options; null for <see cref="ScoringOptions.Default"/>.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scans"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">There are no scans, or a scan id repeats.</exception>
    /// <exception cref="InstrumentMismatchException">The scans do not share one instrument id and version.</exception>
    public static ScanSeries Of(IEnumerable<Scan> scans, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scans);
        var list = scans.ToList();
        Preconditions.CheckArgument(list.Count > 0, nameof(scans), "A scan series needs at least one scan.");
        Preconditions.CheckNoNulls(list, nameof(scans), "A scan series cannot hold a null scan.");
        var series = StartWith(Ordered(list)[0], options);
        foreach (var scan in Ordered(list).Skip(1))
        {
            series = series.Add(scan, nameof(scans));
        }

        return series;
    }

    /// <summary>Returns a series with one more scan.</summary>
    /// <param name="scan">The scan.</param>
    /// <returns>A new series; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scan"/> is null.</exception>
    /// <exception cref="ArgumentException">The series already holds a scan with that id, or the scan would come before the baseline (an earlier date, or the same date and an ordinally smaller id): adding never replaces the baseline.</exception>
    /// <exception cref="InstrumentMismatchException">The scan uses another instrument or instrument version than the baseline.</exception>
    public ScanSeries Add(Scan scan) => Add(scan, nameof(scan));

    /// <summary>Compares the baseline with the latest scan.</summary>
    /// <returns>The comparison (all deltas zero while the series holds only the baseline).</returns>
    public ScanComparison ProgressSinceBaseline() => ScanComparison.Compare(Baseline, Latest);

    /// <summary>Gets the overall score of every scan, in series order.</summary>
    /// <returns>The trend.</returns>
    public ImmutableArray<TrendPoint> OverallTrend() => [.. Results.Select(r => new TrendPoint(r.ScanId, r.Date, r.Overall))];

    /// <summary>Gets one area's score in every scan, in series order.</summary>
    /// <param name="areaId">The area id.</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentException">The instrument has no such area.</exception>
    public ImmutableArray<TrendPoint> AreaTrend(string areaId) => [.. Results.Select(r => new TrendPoint(r.ScanId, r.Date, r.Area(areaId).Score))];

    /// <summary>Gets one question's score in every scan, in series order.</summary>
    /// <param name="questionId">The question id.</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentException">The instrument has no such question.</exception>
    public ImmutableArray<TrendPoint> QuestionTrend(string questionId) => [.. Results.Select(r => new TrendPoint(r.ScanId, r.Date, r.Question(questionId).Score))];

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{Instrument.Key}: {Results.Length} scans from {Baseline.Date:uuuu-MM-dd} to {Latest.Date:uuuu-MM-dd}");

    private static List<Scan> Ordered(List<Scan> scans) => [.. scans.OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal)];

    private ScanSeries Add(Scan scan, string paramName)
    {
        ArgumentNullException.ThrowIfNull(scan, paramName);
        ScanComparison.CheckSameInstrument(Baseline.Scan, scan, paramName);
        Preconditions.CheckArgument(Results.All(r => r.ScanId != scan.Id), paramName, Preconditions.Invariant($"The series already holds a scan with id '{scan.Id}'."));
        var beforeBaseline = scan.Date < Baseline.Date || (scan.Date == Baseline.Date && string.CompareOrdinal(scan.Id, Baseline.ScanId) < 0);
        Preconditions.CheckArgument(!beforeBaseline, paramName, Preconditions.Invariant($"Scan '{scan.Id}' of {scan.Date:uuuu-MM-dd} would come before the baseline '{Baseline.ScanId}' of {Baseline.Date:uuuu-MM-dd}; a later scan cannot replace the baseline. Build the series with Of to choose the earliest scan as baseline."));
        var result = scan.Score(Options);
        var ordered = Results.Add(result).Sort((x, y) =>
        {
            var byDate = x.Date.CompareTo(y.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(x.ScanId, y.ScanId);
        });
        return new ScanSeries(ordered, Options);
    }
}
