using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Assessment;

/// <summary>How far a prerequisite is satisfied.</summary>
/// <remarks>
/// <see cref="NotSatisfied"/> &lt; <see cref="PartlySatisfied"/> &lt; <see cref="Satisfied"/>; <see cref="Unknown"/>
/// means no evidence was supplied. There is no member with the value 0.
/// </remarks>
public enum ReadinessStatus
{
    /// <summary>The evidence shows the prerequisite does not hold.</summary>
    NotSatisfied = 1,

    /// <summary>Some of the evidence holds, or a scan rates it P or L.</summary>
    PartlySatisfied = 2,

    /// <summary>All of the evidence holds.</summary>
    Satisfied = 3,

    /// <summary>No evidence was supplied either way.</summary>
    Unknown = 4,
}

/// <summary>
/// Facts about the organisation that the caller supplies as evidence for the readiness check. Each fact is
/// <see langword="true"/>, <see langword="false"/>, or <see langword="null"/> when not known.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ReadinessFacts
{
    /// <summary>Creates facts; leave a parameter null when it is not known.</summary>
    /// <param name="managementCommitment">Management has stated the scope, rationale and approach (prerequisite 1).</param>
    /// <param name="staffTrained">The people who design and run the new routines have been trained (3).</param>
    /// <param name="projectLeaderAppointed">An internal project leader is appointed (4).</param>
    /// <param name="steeringGroupFormed">A steering group is formed (4).</param>
    /// <param name="resourcesAllocated">Time and budget are set aside (4).</param>
    /// <param name="sdcToolWithWorkflowAdministration">An SDC tool with workflow administration is in use (5).</param>
    /// <param name="managedInfrastructureRegister">A managed infrastructure register (MIR) exists (5).</param>
    /// <param name="riskDatabase">A risk database exists (6, 7).</param>
    /// <param name="registeredImprovements">The number of improvements registered as risks (7).</param>
    /// <param name="prioritisationMechanismAgreed">A prioritisation mechanism is agreed (8).</param>
    /// <param name="communicationPlan">A communication plan exists (9).</param>
    /// <param name="soundingBoardOfStaff">A sounding-board group of staff exists (10).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="registeredImprovements"/> is negative.</exception>
    public ReadinessFacts(
        bool? managementCommitment = null,
        bool? staffTrained = null,
        bool? projectLeaderAppointed = null,
        bool? steeringGroupFormed = null,
        bool? resourcesAllocated = null,
        bool? sdcToolWithWorkflowAdministration = null,
        bool? managedInfrastructureRegister = null,
        bool? riskDatabase = null,
        int? registeredImprovements = null,
        bool? prioritisationMechanismAgreed = null,
        bool? communicationPlan = null,
        bool? soundingBoardOfStaff = null)
    {
        ManagementCommitment = managementCommitment;
        StaffTrained = staffTrained;
        ProjectLeaderAppointed = projectLeaderAppointed;
        SteeringGroupFormed = steeringGroupFormed;
        ResourcesAllocated = resourcesAllocated;
        SdcToolWithWorkflowAdministration = sdcToolWithWorkflowAdministration;
        ManagedInfrastructureRegister = managedInfrastructureRegister;
        RiskDatabase = riskDatabase;
        RegisteredImprovements = registeredImprovements is { } n ? Preconditions.CheckNonNegative(n, nameof(registeredImprovements)) : null;
        PrioritisationMechanismAgreed = prioritisationMechanismAgreed;
        CommunicationPlan = communicationPlan;
        SoundingBoardOfStaff = soundingBoardOfStaff;
    }

    /// <summary>Gets facts with nothing known.</summary>
    public static ReadinessFacts None { get; } = new();

    /// <summary>Gets whether management has stated scope, rationale and approach.</summary>
    public bool? ManagementCommitment { get; }

    /// <summary>Gets whether the people involved are trained.</summary>
    public bool? StaffTrained { get; }

    /// <summary>Gets whether an internal project leader is appointed.</summary>
    public bool? ProjectLeaderAppointed { get; }

    /// <summary>Gets whether a steering group is formed.</summary>
    public bool? SteeringGroupFormed { get; }

    /// <summary>Gets whether time and budget are set aside.</summary>
    public bool? ResourcesAllocated { get; }

    /// <summary>Gets whether an SDC tool with workflow administration is in use.</summary>
    public bool? SdcToolWithWorkflowAdministration { get; }

    /// <summary>Gets whether a managed infrastructure register exists.</summary>
    public bool? ManagedInfrastructureRegister { get; }

    /// <summary>Gets whether a risk database exists.</summary>
    public bool? RiskDatabase { get; }

    /// <summary>Gets the number of improvements registered as risks.</summary>
    public int? RegisteredImprovements { get; }

    /// <summary>Gets whether a prioritisation mechanism is agreed.</summary>
    public bool? PrioritisationMechanismAgreed { get; }

    /// <summary>Gets whether a communication plan exists.</summary>
    public bool? CommunicationPlan { get; }

    /// <summary>Gets whether a sounding-board group of staff exists.</summary>
    public bool? SoundingBoardOfStaff { get; }
}

/// <summary>The readiness of one prerequisite, with the evidence behind it.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PrerequisiteResult
{
    internal PrerequisiteResult(Prerequisite prerequisite, ReadinessStatus status, ReadinessStatus? factStatus, ReadinessStatus? scanStatus, double? scanScore, ImmutableArray<string> reasons)
    {
        Prerequisite = prerequisite;
        Status = status;
        FactStatus = factStatus;
        ScanStatus = scanStatus;
        ScanScore = scanScore;
        Reasons = reasons;
    }

    /// <summary>Gets the prerequisite.</summary>
    public Prerequisite Prerequisite { get; }

    /// <summary>Gets the status: the lower of <see cref="FactStatus"/> and <see cref="ScanStatus"/>, or unknown when neither exists.</summary>
    public ReadinessStatus Status { get; }

    /// <summary>Gets what the supplied facts (and the deployment) say, or null when they say nothing.</summary>
    public ReadinessStatus? FactStatus { get; }

    /// <summary>Gets what the baseline scan's answers say, or null when the scan has no scored question on this prerequisite.</summary>
    public ReadinessStatus? ScanStatus { get; }

    /// <summary>Gets the weighted mean score of the scan's questions on this prerequisite, or null.</summary>
    public double? ScanScore { get; }

    /// <summary>Gets the evidence and reasons, one sentence each.</summary>
    public ImmutableArray<string> Reasons { get; }

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{(int)Prerequisite,2} {Prerequisite}: {Status}");
}

/// <summary>The readiness of all ten prerequisites.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ReadinessReport
{
    internal ReadinessReport(ImmutableArray<PrerequisiteResult> results) => Results = results;

    /// <summary>Gets one result per prerequisite, in prerequisite order.</summary>
    public ImmutableArray<PrerequisiteResult> Results { get; }

    /// <summary>Gets whether every prerequisite is satisfied: only then may the improvement initiative start.</summary>
    public bool IsReady => Results.All(r => r.Status == ReadinessStatus.Satisfied);

    /// <summary>Gets the result of one prerequisite.</summary>
    /// <param name="prerequisite">The prerequisite.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prerequisite"/> is undefined.</exception>
    public PrerequisiteResult this[Prerequisite prerequisite] => Results[(int)Preconditions.CheckDefined(prerequisite) - 1];

    /// <summary>Counts the prerequisites with a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(ReadinessStatus status) => Results.Count(r => r.Status == status);

    /// <summary>Returns a readable multi-line report.</summary>
    /// <returns>The report.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Preconditions.Invariant($"Readiness: {(IsReady ? "ready" : "not ready")} ({Count(ReadinessStatus.Satisfied)} of 10 satisfied, {Count(ReadinessStatus.PartlySatisfied)} partly, {Count(ReadinessStatus.NotSatisfied)} not, {Count(ReadinessStatus.Unknown)} unknown)"));
        foreach (var r in Results)
        {
            text.AppendLine().Append(r);
            foreach (var reason in r.Reasons)
            {
                text.AppendLine().Append("    - ").Append(reason);
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Checks the ten prerequisites for starting a USM improvement initiative from explicit evidence: facts the caller
/// supplies, a deployment, and the answers of a baseline scan.
/// </summary>
/// <remarks>
/// <para>Facts: all facts of a prerequisite true gives satisfied, all false not satisfied, a mix (or true with some
/// unknown) partly satisfied. A deployment fills in facts the caller left unknown: its project leader, steering group,
/// communication plan and sounding board. Prerequisite 2 is satisfied by supplying a baseline scan with answers.</para>
/// <para>Scan: the weighted mean score of the baseline's questions that probe the prerequisite, rated F gives
/// satisfied, L or P partly satisfied, N not satisfied.</para>
/// <para>The status is the lower of the two when both exist, and unknown when neither does.</para>
/// </remarks>
public static class ReadinessCheck
{
    /// <summary>Evaluates the ten prerequisites.</summary>
    /// <param name="facts">The facts; null for <see cref="ReadinessFacts.None"/>.</param>
    /// <param name="baseline">The baseline scan, if taken.</param>
    /// <param name="deployment">The deployment, if set up.</param>
    /// <param name="options">How to score the baseline; null for <see cref="ScoringOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    public static ReadinessReport Evaluate(ReadinessFacts? facts = null, Scan? baseline = null, Deployment? deployment = null, ScoringOptions? options = null)
    {
        facts ??= ReadinessFacts.None;
        var result = baseline?.Score(options ?? ScoringOptions.Default);
        var results = ImmutableArray.CreateBuilder<PrerequisiteResult>(10);
        foreach (var prerequisite in Enum.GetValues<Prerequisite>())
        {
            var reasons = new List<string>();
            var evidence = Evidence(prerequisite, facts, baseline, deployment, reasons);
            var factStatus = FromFacts(evidence, reasons);
            var (scanStatus, scanScore) = FromScan(prerequisite, result, reasons);
            ReadinessStatus status;
            if (factStatus is null && scanStatus is null)
            {
                status = ReadinessStatus.Unknown;
                reasons.Add("No evidence was supplied.");
            }
            else
            {
                status = (ReadinessStatus)Math.Min((int)(factStatus ?? ReadinessStatus.Satisfied), (int)(scanStatus ?? ReadinessStatus.Satisfied));
            }

            results.Add(new PrerequisiteResult(prerequisite, status, factStatus, scanStatus, scanScore, [.. reasons]));
        }

        return new ReadinessReport(results.MoveToImmutable());
    }

    private static List<(string Label, bool? Value)> Evidence(Prerequisite prerequisite, ReadinessFacts f, Scan? baseline, Deployment? d, List<string> reasons)
    {
        bool? FromDeployment(bool? fact, Func<Deployment, bool> derive, Func<Deployment, string> describe)
        {
            if (fact is not null || d is null)
            {
                return fact;
            }

            reasons.Add(describe(d));
            return derive(d);
        }

        return prerequisite switch
        {
            Prerequisite.ManagementCommitment => [("management has stated scope, rationale and approach", f.ManagementCommitment)],
            Prerequisite.BaselineScan => [BaselineEvidence(baseline, reasons)],
            Prerequisite.Training => [("the people involved are trained in the method", f.StaffTrained)],
            Prerequisite.StructureAndResources =>
            [
                ("an internal project leader is appointed", FromDeployment(f.ProjectLeaderAppointed, _ => true, x => Preconditions.Invariant($"The deployment names '{x.ProjectLeader.PersonId}' as internal project leader."))),
                ("a steering group is formed", FromDeployment(f.SteeringGroupFormed, x => !x.SteeringGroup.IsEmpty, x => Preconditions.Invariant($"The deployment's steering group has {x.SteeringGroup.Length} members."))),
                ("time and budget are set aside", f.ResourcesAllocated),
            ],
            Prerequisite.ManagementTools =>
            [
                ("an SDC tool with workflow administration is in use", f.SdcToolWithWorkflowAdministration),
                ("a managed infrastructure register (MIR) exists", f.ManagedInfrastructureRegister),
            ],
            Prerequisite.ImprovementsAsRisks => [("a risk database exists", f.RiskDatabase)],
            Prerequisite.ImprovementInventory =>
            [
                ("a risk database exists", f.RiskDatabase),
                (f.RegisteredImprovements is { } n ? Preconditions.Invariant($"improvements are registered as risks ({n} registered)") : "improvements are registered as risks", f.RegisteredImprovements is { } count ? count > 0 : null),
            ],
            Prerequisite.ImprovementSprints => [("a prioritisation mechanism is agreed before the first sprint", f.PrioritisationMechanismAgreed)],
            Prerequisite.Communication => [("a communication plan exists", FromDeployment(f.CommunicationPlan, x => !x.CommunicationPlan.IsEmpty, x => Preconditions.Invariant($"The deployment's communication plan has {x.CommunicationPlan.Length} entries.")))],
            _ => [("a sounding-board group of staff exists", FromDeployment(f.SoundingBoardOfStaff, x => !x.SoundingBoard.IsEmpty, x => Preconditions.Invariant($"The deployment's sounding-board group has {x.SoundingBoard.Length} staff members.")))],
        };
    }

    private static (string, bool?) BaselineEvidence(Scan? baseline, List<string> reasons)
    {
        if (baseline is null)
        {
            return ("a baseline scan has been taken", false);
        }

        reasons.Add(Preconditions.Invariant($"Baseline scan '{baseline.Id}' was taken on {baseline.Date:uuuu-MM-dd} with {baseline.Instrument.Key}; interim scans must use the same instrument and version."));
        return ("the baseline scan holds answers", !baseline.Answers.IsEmpty);
    }

    private static ReadinessStatus? FromFacts(List<(string Label, bool? Value)> evidence, List<string> reasons)
    {
        foreach (var (label, value) in evidence)
        {
            reasons.Add(value switch
            {
                true => "Yes: " + label + ".",
                false => "No: " + label + " does not hold.",
                null => "Not known whether " + label + ".",
            });
        }

        var known = evidence.Where(e => e.Value is not null).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        if (known.All(e => e.Value == false))
        {
            return ReadinessStatus.NotSatisfied;
        }

        return known.Count == evidence.Count && known.All(e => e.Value == true) ? ReadinessStatus.Satisfied : ReadinessStatus.PartlySatisfied;
    }

    private static (ReadinessStatus?, double?) FromScan(Prerequisite prerequisite, ScanResult? result, List<string> reasons)
    {
        if (result is null)
        {
            return (null, null);
        }

        var element = UsmElement.For(prerequisite);
        var scored = result.Questions.Where(q => q.Question.Element.Equals(element) && q.Score is not null).ToList();
        if (scored.Count == 0)
        {
            return (null, null);
        }

        var score = ScanScorer.Aggregate([.. scored.Select(q => (q.Score!.Value, q.Question.Weight))], ScoreAggregation.WeightedMean);
        var rating = AchievementRatings.Rate(score);
        var status = rating switch
        {
            AchievementRating.FullyAchieved => ReadinessStatus.Satisfied,
            AchievementRating.NotAchieved => ReadinessStatus.NotSatisfied,
            _ => ReadinessStatus.PartlySatisfied,
        };
        reasons.Add(Preconditions.Invariant($"Scan '{result.ScanId}' scores {string.Join(", ", scored.Select(q => q.QuestionId))} at {score:0.#} % ({AchievementRatings.Letter(rating)})."));
        return (status, score);
    }
}
