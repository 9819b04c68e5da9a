using System.Reflection;
using System.Runtime.CompilerServices;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Architecture;

/// <summary>Reflection checks of the library's design rules (house style §4.21).</summary>
public class DesignRulesTests
{
    private static readonly Type[] s_publicTypes = [.. typeof(UsmProcess).Assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void PublicStructs_AreReadOnly()
    {
        var offenders = s_publicTypes
            .Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(IsReadOnlyAttribute), false))
            .Select(t => t.FullName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic()
    {
        var offenders = s_publicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicProperties_HaveNoPublicSetters()
    {
        var offenders = s_publicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => $"{p.DeclaringType!.FullName}.{p.Name}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicSignatures_ExposeNoListsOrArrays()
    {
        var offenders = new List<string>();
        foreach (var type in s_publicTypes)
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var p in type.GetProperties(flags))
            {
                Check(p.PropertyType, $"{type.FullName}.{p.Name}");
            }

            foreach (var f in type.GetFields(flags).Where(f => !type.IsEnum))
            {
                Check(f.FieldType, $"{type.FullName}.{f.Name}");
            }

            foreach (var m in type.GetMethods(flags).Where(m => !m.IsSpecialName))
            {
                Check(m.ReturnType, $"{type.FullName}.{m.Name} return");
                foreach (var prm in m.GetParameters().Where(x => !x.IsDefined(typeof(ParamArrayAttribute), false)))
                {
                    Check(prm.ParameterType, $"{type.FullName}.{m.Name}({prm.Name})");
                }
            }

            foreach (var c in type.GetConstructors())
            {
                foreach (var prm in c.GetParameters().Where(x => !x.IsDefined(typeof(ParamArrayAttribute), false)))
                {
                    Check(prm.ParameterType, $"{type.FullName}..ctor({prm.Name})");
                }
            }
        }

        Assert.Empty(offenders);

        void Check(Type t, string where)
        {
            var bare = t.IsByRef ? t.GetElementType()! : t;
            if (bare.IsArray || (bare.IsGenericType && bare.GetGenericTypeDefinition() == typeof(List<>)))
            {
                offenders.Add($"{where}: {bare}");
            }
        }
    }

    [Fact]
    public void PublicFields_AreConstantsOrReadOnly()
    {
        var offenders = s_publicTypes
            .Where(t => !t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsLiteral && !f.IsInitOnly)
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void OnlyTheSerializationNamespace_ReferencesSystemTextJson()
    {
        var src = RepositoryPaths.Combine("src", "Usm.Model");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(src, f).StartsWith("Serialization", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("System.Text.Json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f));
        Assert.Empty(offenders);
    }

    [Fact]
    public void CoreProject_ReferencesNodaTimeOnly()
    {
        var project = File.ReadAllText(RepositoryPaths.Combine("src", "Usm.Model", "Usm.Model.csproj"));
        var references = System.Text.RegularExpressions.Regex.Matches(project, "<PackageReference Include=\"([^\"]+)\"([^>]*)>")
            .Select(m => (Name: m.Groups[1].Value, Attributes: m.Groups[2].Value))
            .Where(r => !r.Attributes.Contains("PrivateAssets=\"all\"", StringComparison.Ordinal))
            .Select(r => r.Name);
        Assert.Equal(["NodaTime"], references);
    }
}
