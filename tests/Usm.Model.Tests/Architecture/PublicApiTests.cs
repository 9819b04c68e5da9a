using System.Reflection;
using System.Text;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Architecture;

/// <summary>
/// The public API snapshot: a sorted listing of every public type and member, committed as one file per namespace
/// under <c>tests/Usm.Model.Tests/PublicApi/</c> (for example <c>Usm.Model.Routines.api.txt</c>) and compared on every
/// run, so that an unintended API change fails the build. One file per namespace keeps parallel work from colliding.
/// After an intended change, run the tests once with <c>USM_UPDATE_API=1</c> and commit the files.
/// </summary>
public class PublicApiTests
{
    private static readonly string s_snapshotDirectory = RepositoryPaths.Combine("tests", "Usm.Model.Tests", "PublicApi");

    /// <summary>
    /// Members that exist only in the net10.0 build of the library (they need .NET 9 or later). The snapshot records the
    /// net10.0 surface; the net8.0 run expects exactly the snapshot without these lines.
    /// </summary>
    private static readonly string[] s_net9OrLaterOnly =
    [
        "Usm.Model.Serialization.UsmJson::static System.String GetSchema(Usm.Model.Serialization.UsmDocumentKind kind)",
    ];

    [Fact]
    public void PublicApi_MatchesCommittedSnapshot()
    {
        var actual = PublicApiListing.GenerateByNamespace(typeof(UsmProcess).Assembly);
#if NET9_0_OR_GREATER
        if (Environment.GetEnvironmentVariable("USM_UPDATE_API") == "1")
        {
            Directory.CreateDirectory(s_snapshotDirectory);
            foreach (var stale in Directory.GetFiles(s_snapshotDirectory, "*.api.txt"))
            {
                File.Delete(stale);
            }

            foreach (var (ns, text) in actual)
            {
                File.WriteAllText(Path.Combine(s_snapshotDirectory, ns + ".api.txt"), text);
            }
        }
#endif

        var problems = new List<string>();
        var committed = Directory.Exists(s_snapshotDirectory)
            ? Directory.GetFiles(s_snapshotDirectory, "*.api.txt").Select(f => Path.GetFileName(f)[..^".api.txt".Length]).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var stale in committed.Where(ns => !actual.ContainsKey(ns)).Order(StringComparer.Ordinal))
        {
            problems.Add($"- namespace {stale} (snapshot file exists, namespace is gone)");
        }

        foreach (var (ns, text) in actual)
        {
            var path = Path.Combine(s_snapshotDirectory, ns + ".api.txt");
            var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
#if !NET9_0_OR_GREATER
            expected = string.Concat(expected.Split('\n').Where(l => !s_net9OrLaterOnly.Contains(l, StringComparer.Ordinal)).Select(l => l + "\n"))[..^1];
#endif
            if (expected == text)
            {
                continue;
            }

            var expectedLines = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var actualLines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(expectedLines.Except(actualLines).Order(StringComparer.Ordinal).Select(l => "- " + l));
            problems.AddRange(actualLines.Except(expectedLines).Order(StringComparer.Ordinal).Select(l => "+ " + l));
        }

#if NET9_0_OR_GREATER
        // Keep the list of newer-runtime members honest: each must be in the net10.0 surface.
        var all = actual.Values.SelectMany(t => t.Split('\n')).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(s_net9OrLaterOnly.Where(l => !all.Contains(l)).Select(l => "? listed as net9-or-later only, but not in the API: " + l));
#endif

        Assert.True(problems.Count == 0, "The public API differs from the committed snapshot (rerun with USM_UPDATE_API=1 if intended):\n"
            + string.Join("\n", problems.Take(200)));
    }
}

/// <summary>Builds the sorted text listing of an assembly's public surface.</summary>
internal static class PublicApiListing
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static SortedDictionary<string, string> GenerateByNamespace(Assembly assembly)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in assembly.GetExportedTypes().GroupBy(t => t.Namespace ?? "global"))
        {
            result[group.Key] = Generate(group);
        }

        return result;
    }

    public static string Generate(IEnumerable<Type> types)
    {
        var lines = new List<string>();
        foreach (var type in types)
        {
            var typeName = Name(type);
            lines.Add($"{Kind(type)} {typeName}{BaseList(type)}");
            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type))
                {
                    var value = Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture);
                    lines.Add($"{typeName}.{name} = {value}");
                }

                continue;
            }

            foreach (var member in type.GetMembers(Declared))
            {
                var text = Member(member);
                if (text is not null)
                {
                    lines.Add($"{typeName}::{text}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines) + "\n";
    }

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : typeof(Delegate).IsAssignableFrom(t) ? "delegate"
        : t.IsAbstract && t.IsSealed ? "static class" : t.IsAbstract ? "abstract class" : t.IsSealed ? "sealed class" : "class";

    private static string BaseList(Type t)
    {
        var parts = new List<string>();
        if (t.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            parts.Add(Name(b));
        }

        parts.AddRange(t.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        return parts.Count == 0 ? string.Empty : " : " + string.Join(", ", parts);
    }

    private static string? Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $".ctor({Parameters(c.GetParameters())})",
        MethodInfo m when m.IsSpecialName && !m.Name.StartsWith("op_", StringComparison.Ordinal) => null,
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}{Generics(m)}({Parameters(m.GetParameters())})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? "set; " : string.Empty)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static readonly " : "readonly ")}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type => null, // nested types are listed on their own
        _ => member.ToString(),
    };

    private static string Generics(MethodInfo m) => m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(p =>
    {
        var prefix = p.IsDefined(typeof(ParamArrayAttribute), false) ? "params " : p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty;
        var type = p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
        var optional = p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "null") : string.Empty;
        return $"{prefix}{Name(type)} {p.Name}{optional}";
    }));

    private static string Name(Type t)
    {
        if (t.IsGenericParameter)
        {
            return t.Name;
        }

        if (t.IsArray)
        {
            return Name(t.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(t) is { } inner)
        {
            return Name(inner) + "?";
        }

        var name = t.IsNested ? Name(t.DeclaringType!) + "." + t.Name : (t.Namespace is null ? t.Name : t.Namespace + "." + t.Name);
        if (!t.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var bare = tick < 0 ? name : name[..tick];
        var sb = new StringBuilder(bare).Append('<');
        sb.AppendJoin(", ", t.GetGenericArguments().Select(Name));
        return sb.Append('>').ToString();
    }
}
