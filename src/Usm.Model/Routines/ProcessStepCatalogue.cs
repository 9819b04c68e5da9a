using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Routines;

/// <summary>A standard step of one process, as data: its key, position, names and hand-off targets.</summary>
/// <remarks>Equality is structural.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class StandardStep : IEquatable<StandardStep>
{
    /// <summary>Creates a standard step.</summary>
    /// <param name="key">A key unique within the catalogue, for example <c>agree.negotiate</c>.</param>
    /// <param name="process">The process the step belongs to.</param>
    /// <param name="order">The 1-based position within the process.</param>
    /// <param name="englishName">The English name.</param>
    /// <param name="dutchName">The Dutch name.</param>
    /// <param name="handOffTargets">The processes this step hands work off to; two or more make it a fork point.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> or a name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="process"/> is undefined or <paramref name="order"/> is below 1.</exception>
    public StandardStep(string key, UsmProcess process, int order, string englishName, string dutchName, IEnumerable<UsmProcess>? handOffTargets = null)
    {
        Key = Preconditions.CheckNotBlank(key);
        Process = Preconditions.CheckDefined(process);
        Order = Preconditions.CheckInRange(order, 1, int.MaxValue);
        EnglishName = Preconditions.CheckNotBlank(englishName);
        DutchName = Preconditions.CheckNotBlank(dutchName);
        HandOffTargets = handOffTargets is null ? [] : [.. handOffTargets.Select(p => Preconditions.CheckDefined(p, nameof(handOffTargets)))];
    }

    /// <summary>Gets the key.</summary>
    public string Key { get; }

    /// <summary>Gets the process.</summary>
    public UsmProcess Process { get; }

    /// <summary>Gets the 1-based position within the process.</summary>
    public int Order { get; }

    /// <summary>Gets the English name.</summary>
    public string EnglishName { get; }

    /// <summary>Gets the Dutch name.</summary>
    public string DutchName { get; }

    /// <summary>Gets the processes this step hands off to (empty when it hands off to none).</summary>
    public ImmutableArray<UsmProcess> HandOffTargets { get; }

    /// <summary>Gets whether the path through the processes is chosen at this step (two or more hand-off targets).</summary>
    public bool IsForkPoint => HandOffTargets.Length > 1;

    /// <inheritdoc />
    public bool Equals(StandardStep? other) =>
        other is not null && Key == other.Key && Process == other.Process && Order == other.Order
        && EnglishName == other.EnglishName && DutchName == other.DutchName && Hashing.SequenceEqual(HandOffTargets, other.HandOffTargets);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StandardStep other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Process, Order, EnglishName, DutchName, Hashing.Sequence(HandOffTargets));

    /// <inheritdoc />
    public override string ToString() => $"{Process} {Order}. {EnglishName}";
}

/// <summary>
/// The standard steps of each of the five processes, as replaceable data. <see cref="Default"/> holds a catalogue
/// written for this library after the step lists in USM coach material; organisations may supply their own through
/// <see cref="Create"/>.
/// </summary>
/// <remarks>
/// A catalogue is valid when keys are unique, every process has at least one step, each process's orders run
/// 1, 2, …, n without gaps, and every hand-off target is allowed by <see cref="ProcessModel"/>.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ProcessStepCatalogue
{
    private readonly ImmutableDictionary<UsmProcess, ImmutableArray<StandardStep>> _byProcess;
    private readonly ImmutableDictionary<string, StandardStep> _byKey;

    private ProcessStepCatalogue(ImmutableArray<StandardStep> steps)
    {
        Steps = steps;
        _byProcess = steps.GroupBy(s => s.Process).ToImmutableDictionary(g => g.Key, g => g.OrderBy(s => s.Order).ToImmutableArray());
        _byKey = steps.ToImmutableDictionary(s => s.Key, StringComparer.Ordinal);
    }

    /// <summary>Gets the default catalogue: Agree 8 steps, Change 9, Recover 7, Operate 6, Improve 7.</summary>
    public static ProcessStepCatalogue Default { get; } = Create(DefaultSteps());

    /// <summary>Gets every step, ordered by process then position.</summary>
    public ImmutableArray<StandardStep> Steps { get; }

    /// <summary>Creates a validated catalogue.</summary>
    /// <param name="steps">The steps of all five processes.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">The steps do not form a valid catalogue; the message names the offending key or process.</exception>
    public static ProcessStepCatalogue Create(IEnumerable<StandardStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in list)
        {
            Preconditions.CheckElementNotNull(step, nameof(steps), "A catalogue cannot hold a null step.");
            Preconditions.CheckArgument(keys.Add(step.Key), nameof(steps), Preconditions.Invariant($"Duplicate step key '{step.Key}'."));
            foreach (var target in step.HandOffTargets)
            {
                Preconditions.CheckArgument(ProcessModel.CanHandOff(step.Process, target), nameof(steps), Preconditions.Invariant($"Step '{step.Key}' hands off from {step.Process} to {target}, which the process model does not allow."));
            }
        }

        foreach (var process in UsmProcesses.All)
        {
            var orders = list.Where(s => s.Process == process).Select(s => s.Order).Order().ToList();
            Preconditions.CheckArgument(orders.Count > 0, nameof(steps), Preconditions.Invariant($"Process {process} has no steps."));
            for (var i = 0; i < orders.Count; i++)
            {
                Preconditions.CheckArgument(orders[i] == i + 1, nameof(steps), Preconditions.Invariant($"Process {process} steps must be numbered 1 to {orders.Count} without gaps or repeats; found order {orders[i]} at position {i + 1}."));
            }
        }

        return new ProcessStepCatalogue([.. list.OrderBy(s => s.Process).ThenBy(s => s.Order)]);
    }

    /// <summary>Gets the steps of one process, in order.</summary>
    /// <param name="process">The process.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="process"/> is undefined.</exception>
    public ImmutableArray<StandardStep> StepsOf(UsmProcess process) => _byProcess[Preconditions.CheckDefined(process)];

    /// <summary>Finds a step by key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The step, or null when no step has that key.</returns>
    public StandardStep? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var step) ? step : null;

    private static IEnumerable<StandardStep> DefaultSteps()
    {
        // Step lists after the USM coach workflow templates (domain.md §3.3); names are this library's own wording.
        // Every process opens by accepting and classifying the call and closes by reviewing the delivery with the
        // requester and evaluating (one risk is filed per improvement found). Change alone updates the MIR.
        const UsmProcess A = UsmProcess.Agree, C = UsmProcess.Change, R = UsmProcess.Recover, O = UsmProcess.Operate, I = UsmProcess.Improve;
        return
        [
            new("agree.accept", A, 1, "Accept the wish", "Wens aannemen"),
            new("agree.classify", A, 2, "Classify", "Classificeren"),
            new("agree.specify", A, 3, "Specify the service", "Service specificeren"),
            new("agree.offer", A, 4, "Draft the offer", "Offerte opstellen"),
            new("agree.negotiate", A, 5, "Negotiate", "Onderhandelen"),
            new("agree.realise", A, 6, "Realise through a change request", "Realiseren", [C]),
            new("agree.review", A, 7, "Review the delivery and give feedback", "Oplevering toetsen en terugkoppelen"),
            new("agree.close", A, 8, "Evaluate and close", "Evalueren en afsluiten"),

            new("change.accept", C, 1, "Accept the change request", "Wijzigingsverzoek aannemen"),
            new("change.classify", C, 2, "Classify", "Classificeren"),
            new("change.plan", C, 3, "Plan and approve", "Plannen en accorderen"),
            new("change.prepare", C, 4, "Prepare the change", "Wijziging voorbereiden"),
            new("change.test", C, 5, "Test and release", "Testen en vrijgeven"),
            new("change.deploy", C, 6, "Deploy through a service request", "Implementeren", [O]),
            new("change.review", C, 7, "Review the delivery and give feedback", "Oplevering toetsen en terugkoppelen"),
            new("change.update-mir", C, 8, "Update the managed infrastructure register", "Beheerd infrastructuurregister bijwerken"),
            new("change.close", C, 9, "Evaluate and close", "Evalueren en afsluiten"),

            new("recover.accept", R, 1, "Accept the incident", "Incident aannemen"),
            new("recover.classify", R, 2, "Classify", "Classificeren"),
            new("recover.analyse", R, 3, "Analyse", "Analyseren"),
            new("recover.prepare", R, 4, "Prepare the recovery", "Herstel voorbereiden"),
            new("recover.recover", R, 5, "Recover through a change or a service request", "Herstellen", [C, O]),
            new("recover.review", R, 6, "Review the delivery and give feedback", "Oplevering toetsen en terugkoppelen"),
            new("recover.close", R, 7, "Evaluate and close", "Evalueren en afsluiten"),

            new("operate.accept", O, 1, "Accept the service request", "Serviceverzoek aannemen"),
            new("operate.classify", O, 2, "Classify", "Classificeren"),
            new("operate.plan", O, 3, "Plan the work", "Werkzaamheden plannen"),
            new("operate.execute", O, 4, "Carry out the work", "Werkzaamheden uitvoeren"),
            new("operate.review", O, 5, "Review the delivery and give feedback", "Oplevering toetsen en terugkoppelen"),
            new("operate.close", O, 6, "Evaluate and close", "Evalueren en afsluiten"),

            new("improve.identify", I, 1, "Identify the risk", "Risico identificeren"),
            new("improve.classify", I, 2, "Classify", "Classificeren"),
            new("improve.cause", I, 3, "Determine the cause", "Oorzaak vaststellen"),
            new("improve.select", I, 4, "Select a measure", "Maatregel selecteren"),
            new("improve.deploy", I, 5, "Deploy the measure through a wish, change request or service request", "Maatregel doorvoeren", [A, C, O]),
            new("improve.review", I, 6, "Review the delivery and give feedback", "Oplevering toetsen en terugkoppelen"),
            new("improve.close", I, 7, "Evaluate and close", "Evalueren en afsluiten"),
        ];
    }
}
