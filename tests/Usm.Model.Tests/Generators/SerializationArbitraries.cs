using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.Routines;
using Usm.Model.Serialization;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Generators for serialization properties. Each case is built from one drawn seed with a seeded
/// <see cref="Random"/>, so cases are reproducible from the property's replay seed.
/// </summary>
internal static class SerializationArbitraries
{
    // Texts that exercise escaping: quotes, backslashes, control characters, non-ASCII letters and emoji.
    private static readonly string[] s_texts =
    [
        string.Empty, "Accept the incident", "Classify", "Wens aannemen", "Évaluer & clôturer", "quote \" and \\ backslash",
        "line\nbreak\ttab", "emoji 🚀", "comma, \"quoted\", text", "  padded  ", "<script>", "日本語",
    ];

    private static readonly string[] s_profiles = ["coordinator", "operator", "service-manager", "requester", "solution-team", "process-manager"];

    /// <summary>A workflow that USM-WIF can express: slug id, unique step ids, unique activity ids per step, distinct profiles per activity.</summary>
    public static Arbitrary<(Workflow Workflow, WifMetadata Metadata)> ExportableWorkflow() =>
        Gen.Choose(0, int.MaxValue).Select(seed => BuildWorkflow(new Random(seed))).ToArbitrary();

    /// <summary>A seed for document mutations.</summary>
    public static Arbitrary<int> MutationSeed() => Gen.Choose(0, int.MaxValue).ToArbitrary();

    public static (Workflow Workflow, WifMetadata Metadata) BuildWorkflow(Random random)
    {
        var stepNumber = 0;
        var routineType = (RoutineType)random.Next(1, 4);
        var trigger = (CallType)random.Next(1, 6);
        WorkflowStep NewStep()
        {
            stepNumber++;
            var activities = Enumerable.Range(1, random.Next(0, 4)).Select(a => NewActivity(random, a, routineType)).ToList();
            var catalogueKey = random.Next(3) == 0 ? ProcessStepCatalogue.Default.Steps[random.Next(ProcessStepCatalogue.Default.Steps.Length)].Key : null;
            return new WorkflowStep("s" + stepNumber, (UsmProcess)random.Next(1, 6), Text(random), activities, catalogueKey, Maybe(random));
        }

        var steps = Enumerable.Range(0, random.Next(0, 6)).Select(_ => NewStep()).ToList();
        var dynamic = random.Next(2) == 0;
        var branches = dynamic
            ? Enumerable.Range(0, random.Next(0, 3)).Select(_ => new WorkflowBranch(Text(random), Enumerable.Range(0, random.Next(0, 3)).Select(_ => NewStep()).ToList())).ToList()
            : [];
        var slug = string.Join("-", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Word(random)));
        var workflow = new Workflow(slug, Text(random), trigger, routineType, steps, dynamic ? Dynamicity.Dynamic : Dynamicity.Static, branches, Maybe(random));
        var metadata = new WifMetadata(
            random.Next(2) == 0 ? WifDocumentType.Workflow : WifDocumentType.WorkflowTemplate,
            Maybe(random),
            random.Next(2) == 0 ? "example-org:sdc-tool" : null,
            Maybe(random),
            Maybe(random),
            random.Next(2) == 0 ? "1.2.3" : null,
            random.Next(2) == 0 ? Instant.FromUnixTimeTicks(random.NextInt64(0, 4_000_000_000_0000000)) + Duration.FromNanoseconds(random.Next(0, 100)) : null,
            random.Next(2) == 0 ? Instant.FromUnixTimeMilliseconds(random.NextInt64(0, 4_000_000_000_000)) : null,
            random.Next(2) == 0 ? new WifPerson("p" + random.Next(100), Maybe(random), random.Next(2) == 0 ? "someone@example.org" : null) : null,
            random.Next(2) == 0 ? new WifPerson("p" + random.Next(100)) : null);
        return (workflow, metadata);
    }

    private static Activity NewActivity(Random random, int number, RoutineType routineType)
    {
        var responsibilities = routineType == RoutineType.Process
            ? []
            : s_profiles.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).Select(p => new Responsibility(p, (RaciRoles)random.Next(0, 16))).ToList();
        var how = routineType == RoutineType.WorkInstruction;
        return new Activity("a" + number, Text(random), responsibilities, how ? Maybe(random) : null, how ? Maybe(random) : null, Maybe(random));
    }

    private static string Text(Random random) => s_texts[random.Next(s_texts.Length)];

    private static string? Maybe(Random random) => random.Next(3) == 0 ? null : Text(random);

    private static string Word(Random random)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return new string([.. Enumerable.Range(0, random.Next(1, 8)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
    }
}
