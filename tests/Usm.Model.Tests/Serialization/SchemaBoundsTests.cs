using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Usm.Model.Serialization;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>
/// Keeps the schemas' bounds (SchemaBounds.Table) honest: every bound is one the library's own reader enforces at that
/// member, and every bound reaches the schema of every kind that holds its DTO.
/// </summary>
public class SchemaBoundsTests
{
    private static readonly FixedClock s_clock = FixedClock.At(2027, 1, 1);

    // Recorded-versus-recomputed and ordering rules: a value on or inside a bound may still be refused for these
    // cross-member reasons, because the sample's other members were computed from the original value.
    private static readonly string[] s_crossMemberReasons =
    [
        "differs from", // a recorded result that the rest of the document recomputes differently
        "must sum to 1", // AHP weights, a rule over all items
        "No voter prefers a candidate to itself", // the diagonal of the Schulze preferences
        "The fit runs at least one iteration", // more than one candidate: at least one iteration
        "does not follow rank", // ranks follow positions
        "listed in rank order", // positions follow the order of the list
        "is out of sequence", // sprints are numbered 1, 2, … in the order of the list
    ];

    // Members whose bound the reader checks only in one variant of their object: the sample object is first turned
    // into that variant (for example a WASPAS method, which is the one that reads 'lambda').
    private static readonly Dictionary<string, Action<JsonObject>> s_variants = new(StringComparer.Ordinal)
    {
        ["RankingMethodDto.lambda"] = m => m["kind"] = "waspas",
        ["RankingMethodDto.v"] = m => m["kind"] = "vikor",
        ["RankingMethodDto.tau"] = m => m["kind"] = "codas",
        ["RankingMethodDto.max-likelihood"] = SimpleRisk,
        ["RankingMethodDto.max-impact"] = SimpleRisk,
        ["UsmElementDto.pattern"] = e => e["kind"] = "workflow-pattern",
    };

    private static readonly (UsmDocumentKind Kind, string File)[] s_samples =
    [
        (UsmDocumentKind.Workflow, "incident-recovery.usm-model.json"),
        (UsmDocumentKind.RiskDatabase, "risk-database.usm-model.json"),
        (UsmDocumentKind.ManagementSystem, "sample-organisation.usm-model.json"),
        (UsmDocumentKind.Instrument, "baseline-instrument.usm-model.json"),
        (UsmDocumentKind.Scan, "baseline-scan.usm-model.json"),
        (UsmDocumentKind.ImprovementProgramme, "improvement-programme.usm-model.json"),
        (UsmDocumentKind.Ranking, "ranking.usm-model.json"),
        (UsmDocumentKind.AhpResult, "ahp-result.usm-model.json"),
        (UsmDocumentKind.BordaResult, "borda-result.usm-model.json"),
        (UsmDocumentKind.SchulzeResult, "schulze-result.usm-model.json"),
        (UsmDocumentKind.SprintSelection, "sprint-selection.usm-model.json"),
        (UsmDocumentKind.AhpSynthesis, "ahp-synthesis.usm-model.json"),
        (UsmDocumentKind.KanoSurvey, "kano-survey.usm-model.json"),
        (UsmDocumentKind.PairwiseComparisons, "pairwise-comparisons.usm-model.json"),
        (UsmDocumentKind.RankedBallots, "ranked-ballots.usm-model.json"),
        (UsmDocumentKind.KanoResult, "kano-result.usm-model.json"),
        (UsmDocumentKind.BradleyTerryResult, "bradley-terry-result.usm-model.json"),
        (UsmDocumentKind.PlackettLuceResult, "plackett-luce-result.usm-model.json"),
        (UsmDocumentKind.ElectreResult, "electre-result.usm-model.json"),
        (UsmDocumentKind.ParetoResult, "pareto-result.usm-model.json"),
    ];

    private static readonly Lazy<Dictionary<string, List<Site>>> s_sites = new(FindSites);

    public static TheoryData<string> Keys() => [.. SchemaBounds.Table.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EverySample_IsAccepted()
    {
        foreach (var (kind, file) in s_samples)
        {
            var errors = Read(kind, File.ReadAllText(SerializationSamples.GoldenPath(file)));
            Assert.True(errors.IsEmpty, $"{file}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void EveryDocumentKind_HasASample() =>
        Assert.Equal(Enum.GetValues<UsmDocumentKind>().Order(), s_samples.Select(s => s.Kind).Order());

    // The ids' pattern matches a string of one character exactly when string.IsNullOrWhiteSpace (the readers' check)
    // is false for it, under .NET's and ECMA-262's regular expressions alike: the class is spelled out, so it does
    // not depend on an engine's idea of \s (ECMA-262 counts U+FEFF as white space, .NET does not; .NET counts U+0085).
    [Fact]
    public void IdPattern_IsExactlyNotWhiteSpace_InEveryEngine()
    {
        var pattern = SchemaBounds.NotWhiteSpacePattern;
        Assert.DoesNotContain(@"\s", pattern, StringComparison.OrdinalIgnoreCase);
        foreach (var options in new[] { RegexOptions.None, RegexOptions.ECMAScript })
        {
            var regex = new Regex(pattern, options);
            for (var c = 0; c <= char.MaxValue; c++)
            {
                var one = ((char)c).ToString();
                Assert.True(regex.IsMatch(one) == !string.IsNullOrWhiteSpace(one), $"U+{c:X4} ({options}): the pattern and the readers disagree.");
            }
        }

        // An id of one U+FEFF is one the readers accept (here a candidate, everywhere it is named), so the schema must
        // accept it too.
        var text = File.ReadAllText(SerializationSamples.GoldenPath("pairwise-comparisons.usm-model.json")).Replace("\"backup\"", "\"\\uFEFF\"", StringComparison.Ordinal);
        Assert.Contains("\\uFEFF", text, StringComparison.Ordinal);
        Assert.Empty(Read(UsmDocumentKind.PairwiseComparisons, text));
        Assert.Matches(pattern, "\uFEFF");
    }

    // The law: just outside a bound the reader refuses the document at that member; on an inclusive bound and just
    // inside it the reader raises nothing at that member (or only a named cross-member reason).
    [Theory]
    [MemberData(nameof(Keys))]
    public void Bound_IsEnforcedByTheReaderAtThatMember(string key)
    {
        var bound = SchemaBounds.Table[key];
        var depth = 0;
        var memberKey = key;
        while (memberKey.EndsWith("[]", StringComparison.Ordinal))
        {
            memberKey = memberKey[..^2];
            depth++;
        }

        Assert.True(s_sites.Value.TryGetValue(memberKey, out var sites), $"No sample document holds {memberKey}.");
        foreach (var site in sites)
        {
            Check(key, bound, site, depth);
        }
    }

    // Checks one bound in one kind's sample.
    private static void Check(string key, SchemaBound bound, Site site, int depth)
    {
        var isInteger = IsInteger(site.MemberType, depth);

        // Just outside and just inside: one for integers, a step of multipleOf where one is set, else a small step
        // that still changes a large double.
        double Delta(double at) => isInteger ? 1 : bound.MultipleOf ?? Math.Max(0.001, Math.Abs(at) * 1e-9);
        var cases = new List<(string What, Func<JsonNode?, JsonNode?> Change, bool Outside)>();
        if (bound.Minimum is { } min)
        {
            cases.Add(($"{Num(min - Delta(min))} below minimum {Num(min)}", _ => Number(min - Delta(min), isInteger), true));
            cases.Add(($"{Num(min)} on minimum", _ => Number(min, isInteger), false));
            cases.Add(($"{Num(min + Delta(min))} above minimum", _ => Number(min + Delta(min), isInteger), false));
        }

        if (bound.ExclusiveMinimum is { } xmin)
        {
            cases.Add(($"{Num(xmin)} on exclusive minimum", _ => Number(xmin, isInteger), true));
            cases.Add(($"{Num(xmin + Delta(xmin))} above exclusive minimum", _ => Number(xmin + Delta(xmin), isInteger), false));
        }

        if (bound.Maximum is { } max)
        {
            cases.Add(($"{Num(max + Delta(max))} above maximum {Num(max)}", _ => Number(max + Delta(max), isInteger), true));
            cases.Add(($"{Num(max)} on maximum", _ => Number(max, isInteger), false));
            cases.Add(($"{Num(max - Delta(max))} below maximum", _ => Number(max - Delta(max), isInteger), false));
        }

        if (bound.ExclusiveMaximum is { } xmax)
        {
            cases.Add(($"{Num(xmax)} on exclusive maximum", _ => Number(xmax, isInteger), true));
            cases.Add(($"{Num(xmax - Delta(xmax))} below exclusive maximum", _ => Number(xmax - Delta(xmax), isInteger), false));
        }

        if (bound.MultipleOf is { } step)
        {
            var from = bound.Minimum ?? 0;
            cases.Add(($"{Num(from + (step / 2))}, not a multiple of {Num(step)}", _ => Number(from + (step / 2), isInteger), true));
        }

        if (bound.MinItems is { } minItems)
        {
            cases.Add(($"{minItems - 1} item(s), below minItems {minItems}", a => Resize(a, minItems - 1), true));
            cases.Add(($"{minItems} item(s), on minItems", a => Resize(a, minItems), false));
        }

        if (bound.MaxItems is { } maxItems)
        {
            cases.Add(($"{maxItems + 1} item(s), above maxItems {maxItems}", a => Resize(a, maxItems + 1), true));
            cases.Add(($"{maxItems} item(s), on maxItems", a => Resize(a, maxItems), false));
        }

        if (bound.UniqueItems)
        {
            cases.Add(("the first item repeated at the end", a => Repeat(a), true));
        }

        if (bound.MinLength is { } minLength)
        {
            cases.Add(($"a string of {minLength - 1} character(s)", _ => JsonValue.Create(new string('x', minLength - 1)), true));
        }

        if (bound.Pattern is { } pattern)
        {
            Assert.False(Regex.IsMatch(" ", pattern), $"The test's outside value for pattern {pattern} is ' ': extend the test for this pattern.");
            cases.Add(($"' ', not matching {pattern}", _ => JsonValue.Create(" "), true));
            // Inside the pattern is the sample's own value, which EverySample_IsAccepted covers.
        }

        Assert.NotEmpty(cases);
        var target = site.Path + string.Concat(Enumerable.Repeat("[0]", depth));
        foreach (var (what, change, outside) in cases)
        {
            var document = JsonNode.Parse(File.ReadAllText(SerializationSamples.GoldenPath(site.File)))!;
            if (s_variants.TryGetValue(key.TrimEnd('[', ']'), out var variant))
            {
                variant(Navigate(document, site.Parent).AsObject());
            }

            Replace(document, site, depth, change);
            var errors = Read(site.Kind, document.ToJsonString());
            var atMember = errors.Where(e => e.Path == target || e.Path.StartsWith(target + "[", StringComparison.Ordinal)).ToList();
            if (outside)
            {
                Assert.True(atMember.Count > 0, $"{key} = {what} in {site.File}: expected an error at {target}, but the reader gave {(errors.IsEmpty ? "none" : string.Join("; ", errors))}.");
            }
            else
            {
                var unexplained = atMember.Where(e => !s_crossMemberReasons.Any(r => e.Message.Contains(r, StringComparison.Ordinal))).ToList();
                Assert.True(unexplained.Count == 0, $"{key} = {what} in {site.File}: expected no bound error at {target}, but found {string.Join("; ", unexplained)}.");
            }
        }
    }

#if NET9_0_OR_GREATER
    // Every bound reaches the schema of every kind whose contract holds its DTO, and every key names a real member.
    [Fact]
    public void EveryBound_ReachesTheSchemaOfEveryKindHoldingItsDto()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<UsmDocumentKind>())
        {
            var schema = JsonNode.Parse(UsmJson.GetSchema(kind))!;
            CheckSchema(schema, schema, UsmJson.TypeInfoOf(kind), kind, reached, []);
        }

        var unreached = SchemaBounds.Table.Keys.Where(k => !reached.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unreached.Count == 0, "Keys that name no member of any contract: " + string.Join(", ", unreached));
    }

    // An enumeration of names sits on a string schema, never on the array or map that holds the strings (a map's
    // "enum" would refuse every map, as the improvement programme's sprint outcomes once did); an optional member's
    // enum lists null, which the readers take as absent.
    [Fact]
    public void EveryEnum_SitsOnAStringSchema()
    {
        foreach (var kind in Enum.GetValues<UsmDocumentKind>())
        {
            Walk(JsonNode.Parse(UsmJson.GetSchema(kind))!, kind.ToString());
        }

        static void Walk(JsonNode? node, string at)
        {
            if (node is JsonObject o)
            {
                if (o["enum"] is not null && o["type"] is { } type)
                {
                    var types = type is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
                    Assert.True(types.Contains("string") && !types.Contains("object") && !types.Contains("array"), $"{at}: an enum on a schema of type {type.ToJsonString()}.");
                    Assert.True(!types.Contains("null") || o["enum"]!.AsArray().Any(v => v is null), $"{at}: the member may be null, but its enum leaves null out.");
                }

                foreach (var (name, child) in o)
                {
                    Walk(child, at + "/" + name);
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], at + "/" + i.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private static void CheckSchema(JsonNode root, JsonNode node, JsonTypeInfo info, UsmDocumentKind kind, HashSet<string> reached, HashSet<Type> visiting)
    {
        node = Resolve(root, node);
        info = Underlying(info);
        if (node is not JsonObject || !visiting.Add(info.Type))
        {
            return;
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    var key = info.Type.Name + "." + property.Name;
                    var member = node["properties"]![property.Name]!;
                    for (var (at, k) = (member, key); at is JsonObject; at = Keyword(root, at, "items"), k += "[]")
                    {
                        if (SchemaBounds.Table.TryGetValue(k, out var bound))
                        {
                            AssertKeywords(root, at, bound, $"{kind}: {k}");
                            reached.Add(k);
                        }
                    }

                    CheckSchema(root, member, info.Options.GetTypeInfo(property.PropertyType), kind, reached, visiting);
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                CheckSchema(root, node["items"]!, info.Options.GetTypeInfo(ShapeChecker.ElementTypeOf(info)), kind, reached, visiting);
                break;
            case JsonTypeInfoKind.Dictionary:
                CheckSchema(root, node["additionalProperties"]!, info.Options.GetTypeInfo(ShapeChecker.ElementTypeOf(info)), kind, reached, visiting);
                break;
        }

        visiting.Remove(info.Type);
    }

    private static JsonNode Resolve(JsonNode root, JsonNode node)
    {
        if (node is JsonObject o && o["$ref"] is { } reference)
        {
            var target = root;
            foreach (var part in reference.GetValue<string>().TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                target = target[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!;
            }

            return target;
        }

        return node;
    }

    // A keyword of a schema, or of the schema its $ref names (2020-12 allows keywords beside $ref).
    private static JsonNode? Keyword(JsonNode root, JsonNode schema, string keyword) => schema[keyword] ?? Resolve(root, schema)[keyword];

    private static void AssertKeywords(JsonNode root, JsonNode at, SchemaBound bound, string where)
    {
        var schema = new JsonObject();
        foreach (var name in new[] { "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minItems", "maxItems", "minLength", "uniqueItems", "pattern", "multipleOf" })
        {
            schema[name] = Keyword(root, at, name)?.DeepClone();
        }

        Expect("minimum", bound.Minimum);
        Expect("exclusiveMinimum", bound.ExclusiveMinimum);
        Expect("maximum", bound.Maximum);
        Expect("exclusiveMaximum", bound.ExclusiveMaximum);
        Expect("minItems", bound.MinItems);
        Expect("maxItems", bound.MaxItems);
        Expect("minLength", bound.MinLength);
        Expect("multipleOf", bound.MultipleOf);
        Assert.True(!bound.UniqueItems || schema["uniqueItems"]?.GetValue<bool>() == true, $"{where}: uniqueItems is missing.");
        Assert.True(bound.Pattern is null || schema["pattern"]?.GetValue<string>() == bound.Pattern, $"{where}: pattern {bound.Pattern} is missing.");

        void Expect(string keyword, double? value)
        {
            if (value is { } v)
            {
                Assert.True(schema[keyword] is JsonValue written && written.GetValue<double>() == v, $"{where}: {keyword} {Num(v)} is missing (found {schema[keyword]?.ToJsonString() ?? "nothing"}).");
            }
        }
    }
#endif

    private static ImmutableArray<ReadError> Read(UsmDocumentKind kind, string json) => kind switch
    {
        UsmDocumentKind.Workflow => UsmJson.ReadWorkflow(json).Errors,
        UsmDocumentKind.RiskDatabase => UsmJson.ReadRiskDatabase(json, s_clock).Errors,
        UsmDocumentKind.ManagementSystem => UsmJson.ReadManagementSystem(json).Errors,
        UsmDocumentKind.Instrument => UsmJson.ReadInstrument(json).Errors,
        UsmDocumentKind.Scan => UsmJson.ReadScan(json).Errors,
        UsmDocumentKind.ImprovementProgramme => UsmJson.ReadImprovementProgramme(json).Errors,
        UsmDocumentKind.Ranking => UsmJson.ReadRanking(json).Errors,
        UsmDocumentKind.AhpResult => UsmJson.ReadAhpResult(json).Errors,
        UsmDocumentKind.BordaResult => UsmJson.ReadBordaResult(json).Errors,
        UsmDocumentKind.SchulzeResult => UsmJson.ReadSchulzeResult(json).Errors,
        UsmDocumentKind.SprintSelection => UsmJson.ReadSprintSelection(json).Errors,
        UsmDocumentKind.AhpSynthesis => UsmJson.ReadAhpSynthesis(json).Errors,
        UsmDocumentKind.KanoSurvey => UsmJson.ReadKanoSurvey(json).Errors,
        UsmDocumentKind.PairwiseComparisons => UsmJson.ReadPairwiseComparisons(json).Errors,
        UsmDocumentKind.RankedBallots => UsmJson.ReadRankedBallots(json).Errors,
        UsmDocumentKind.KanoResult => UsmJson.ReadKanoResult(json).Errors,
        UsmDocumentKind.BradleyTerryResult => UsmJson.ReadBradleyTerryResult(json).Errors,
        UsmDocumentKind.PlackettLuceResult => UsmJson.ReadPlackettLuceResult(json).Errors,
        UsmDocumentKind.ElectreResult => UsmJson.ReadElectreResult(json).Errors,
        UsmDocumentKind.ParetoResult => UsmJson.ReadParetoResult(json).Errors,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Add the reader of this kind."),
    };

    // Where each "DtoType.member" first occurs in each kind's sample, preferring an occurrence where the member is present.
    private sealed record Site(UsmDocumentKind Kind, string File, ImmutableArray<object> Parent, string Member, JsonTypeInfo MemberType)
    {
        public string Path => JsonPaths.Member(Parent.Aggregate("$", (p, s) => s is int i ? JsonPaths.Index(p, i) : JsonPaths.Member(p, (string)s)), Member);
    }

    private static Dictionary<string, List<Site>> FindSites()
    {
        var all = new Dictionary<string, List<Site>>(StringComparer.Ordinal);
        foreach (var (kind, file) in s_samples)
        {
            var present = new Dictionary<string, Site>(StringComparer.Ordinal);
            var absent = new Dictionary<string, Site>(StringComparer.Ordinal);
            var document = JsonNode.Parse(File.ReadAllText(SerializationSamples.GoldenPath(file)));
            Walk(document, UsmJson.TypeInfoOf(kind), []);

            void Walk(JsonNode? node, JsonTypeInfo info, ImmutableArray<object> at)
            {
                info = Underlying(info);
                switch (info.Kind)
                {
                    case JsonTypeInfoKind.Object when node is JsonObject obj:
                        foreach (var property in info.Properties)
                        {
                            var key = info.Type.Name + "." + property.Name;
                            var memberInfo = info.Options.GetTypeInfo(property.PropertyType);
                            var site = new Site(kind, file, at, property.Name, memberInfo);
                            if (obj[property.Name] is { } value)
                            {
                                present.TryAdd(key, site);
                                Walk(value, memberInfo, at.Add(property.Name));
                            }
                            else
                            {
                                absent.TryAdd(key, site);
                            }
                        }

                        break;
                    case JsonTypeInfoKind.Enumerable when node is JsonArray array:
                        var itemInfo = info.Options.GetTypeInfo(ShapeChecker.ElementTypeOf(info));
                        for (var i = 0; i < array.Count; i++)
                        {
                            Walk(array[i], itemInfo, at.Add(i));
                        }

                        break;
                    case JsonTypeInfoKind.Dictionary when node is JsonObject map:
                        var valueInfo = info.Options.GetTypeInfo(ShapeChecker.ElementTypeOf(info));
                        foreach (var (name, value) in map)
                        {
                            Walk(value, valueInfo, at.Add(name));
                        }

                        break;
                }
            }

            foreach (var (key, site) in absent)
            {
                present.TryAdd(key, site);
            }

            foreach (var (key, site) in present)
            {
                (all.TryGetValue(key, out var list) ? list : all[key] = []).Add(site);
            }
        }

        return all;
    }

    private static JsonTypeInfo Underlying(JsonTypeInfo info) =>
        Nullable.GetUnderlyingType(info.Type) is { } underlying ? info.Options.GetTypeInfo(underlying) : info;

    private static bool IsInteger(JsonTypeInfo info, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            info = info.Options.GetTypeInfo(ShapeChecker.ElementTypeOf(Underlying(info)));
        }

        var type = Underlying(info).Type;
        return type == typeof(int) || type == typeof(long);
    }

    private static JsonNode Navigate(JsonNode document, ImmutableArray<object> at) =>
        at.Aggregate(document, (node, s) => s is int i ? node[i]! : node[(string)s]!);

    // Replaces the member (depth 0) or the first item at that depth with change(current value); an absent or empty
    // array on the way is given one item first.
    private static void Replace(JsonNode document, Site site, int depth, Func<JsonNode?, JsonNode?> change)
    {
        var obj = Navigate(document, site.Parent).AsObject();
        if (depth == 0)
        {
            obj[site.Member] = change(obj[site.Member]?.DeepClone());
            return;
        }

        if (obj[site.Member] is not JsonArray array)
        {
            obj[site.Member] = array = [];
        }

        for (var d = 1; d <= depth; d++)
        {
            if (array.Count == 0)
            {
                array.Add(d < depth ? new JsonArray() : change(null));
            }

            if (d < depth)
            {
                array = array[0]!.AsArray();
            }
        }

        array[0] = change(array[0]?.DeepClone());
    }

    private static void SimpleRisk(JsonObject method)
    {
        method["kind"] = "simplerisk";
        method["formula"] = "classic";
        method["likelihood-criterion"] = "likelihood";
        method["impact-criterion"] = "expected-value";
    }

    private static JsonNode Number(double value, bool isInteger) => isInteger ? JsonValue.Create((long)value) : JsonValue.Create(value);

    // The sample's items (or, where it has none, one placeholder string), cut or padded by repeating the last one.
    private static List<JsonNode?> ItemsOf(JsonNode? current) =>
        current is JsonArray { Count: > 0 } array ? [.. array.Select(n => n?.DeepClone())] : [JsonValue.Create("placeholder")];

    private static JsonArray Resize(JsonNode? current, int count)
    {
        var items = ItemsOf(current);
        while (items.Count < count)
        {
            items.Add(items[^1]?.DeepClone());
        }

        return [.. items.Take(count)];
    }

    private static JsonArray Repeat(JsonNode? current)
    {
        var items = ItemsOf(current);
        items.Add(items[0]?.DeepClone());
        return [.. items];
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
