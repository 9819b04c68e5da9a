using System.Collections.Immutable;
using NodaTime;
using Usm.Model.ManagementSystem;

namespace Usm.Model.Assessment;

/// <summary>
/// Three scans of the sample organisation (<see cref="SampleOrganisation"/>, the Rivermouth Shared Service Centre) on
/// the default instrument <see cref="UsmInstruments.Baseline"/>: the baseline before the improvement initiative, an
/// interim scan six months later and a follow-up after a year. Used by the CLI demo, the samples and the docs.
/// </summary>
/// <remarks>
/// The answers are fictional and fully deterministic: each area has a starting level per scan, and each respondent's
/// answer deviates from it by a fixed amount derived from the respondent and question ids (no random numbers). The
/// baseline is weakest in the improvement loop, the workflows and the prerequisites, so its scan gaps are a realistic
/// register of improvements to start with.
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class SampleScans
{
    /// <summary>The id of <see cref="Baseline"/>.</summary>
    public const string BaselineId = "rivermouth-baseline-2026-03";

    /// <summary>The id of <see cref="Interim"/>.</summary>
    public const string InterimId = "rivermouth-interim-2026-09";

    /// <summary>The id of <see cref="FollowUp"/>.</summary>
    public const string FollowUpId = "rivermouth-followup-2027-03";

    // Area level (0-4 on the five-level scale) per scan: baseline, interim, follow-up.
    private static readonly ImmutableDictionary<string, (double Baseline, double Interim, double FollowUp)> s_levels =
        new Dictionary<string, (double, double, double)>(StringComparer.Ordinal)
        {
            ["prerequisites"] = (1.5, 2.6, 3.4),
            ["people"] = (2.2, 2.8, 3.3),
            ["process"] = (1.7, 2.4, 3.2),
            ["technology"] = (2.6, 3.0, 3.5),
            ["services"] = (2.1, 2.6, 3.1),
            ["processes"] = (1.9, 2.5, 3.2),
            ["workflows"] = (1.4, 2.3, 3.0),
            ["improvement"] = (0.8, 2.2, 3.1),
            ["value"] = (1.6, 2.1, 2.7),
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Gets the baseline scan, taken on 2 March 2026 by six respondents.</summary>
    public static Scan Baseline { get; } = Create(BaselineId, new LocalDate(2026, 3, 2), l => l.Baseline);

    /// <summary>Gets the interim scan, taken on 1 September 2026 with the same instrument and respondents.</summary>
    public static Scan Interim { get; } = Create(InterimId, new LocalDate(2026, 9, 1), l => l.Interim);

    /// <summary>Gets the follow-up scan, taken on 1 March 2027 with the same instrument and respondents.</summary>
    public static Scan FollowUp { get; } = Create(FollowUpId, new LocalDate(2027, 3, 1), l => l.FollowUp);

    /// <summary>Gets the three scans in date order.</summary>
    public static ImmutableArray<Scan> All { get; } = [Baseline, Interim, FollowUp];

    private static Scan Create(string id, LocalDate date, Func<(double Baseline, double Interim, double FollowUp), double> pick)
    {
        var organisation = SampleOrganisation.Create();
        var respondents = organisation.People
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Take(6)
            .Select(p => new Respondent(p.Id, p.ProfileIds.IsEmpty ? "staff" : p.ProfileIds[0]))
            .ToImmutableArray();
        var instrument = UsmInstruments.Baseline;
        var answers = new List<Answer>();
        foreach (var area in instrument.Areas)
        {
            var level = pick(s_levels[area.Id]);
            foreach (var question in area.Questions)
            {
                foreach (var respondent in respondents)
                {
                    var deviation = Deviation(respondent.Id, question.Id);
                    answers.Add(new Answer(respondent.Id, question.Id, Value(question.Scale, level + deviation)));
                }
            }
        }

        return new Scan(id, instrument, date, respondents, answers);
    }

    private static AnswerValue Value(AnswerScale scale, double level)
    {
        var clamped = Math.Clamp(level, 0, 4);
        return scale.Kind switch
        {
            AnswerScaleKind.YesNo => AnswerValue.FromBoolean(clamped >= 2),
            AnswerScaleKind.Percentage => AnswerValue.Percent(Math.Round(clamped * 25)),
            _ => AnswerValue.Level(scale.Levels[(int)Math.Round(clamped * (scale.Levels.Length - 1) / 4, MidpointRounding.AwayFromZero)].Label),
        };
    }

    // A fixed deviation in {-1, -0.5, 0, 0, 0.5, 1} from the ids (FNV-1a), so respondents disagree a little.
    private static double Deviation(string respondentId, string questionId)
    {
        var hash = 2166136261u;
        foreach (var c in respondentId + "|" + questionId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (hash % 6) switch
        {
            0 => -1,
            1 => -0.5,
            2 or 3 => 0,
            4 => 0.5,
            _ => 1,
        };
    }
}
