using System.Globalization;
using System.Runtime.CompilerServices;
using FsCheck;
using Microsoft.FSharp.Core;

namespace Usm.Model.Tests.TestHelpers;

/// <summary>
/// Runs FsCheck properties from xUnit facts. FsCheck.Xunit is not served by our package feed, so properties use
/// FsCheck 3's fluent API through this one helper.
/// </summary>
/// <remarks>
/// Every run is reproducible: the seed is derived from the test's name, so CI runs the same cases every time.
/// On failure FsCheck prints the seed pair; to replay it, set <c>USM_PROPERTY_REPLAY="seed,gamma"</c> or pass it as
/// <c>replay</c>. <c>USM_PROPERTY_RANDOM=1</c> draws a fresh seed instead (for exploratory runs).
/// </remarks>
internal static class PropertyCheck
{
    public const int DefaultMaxTest = 1000;

    public static void Run(Property property, int maxTest = DefaultMaxTest, string? replay = null, [CallerMemberName] string name = "")
    {
        var rnd = ParseReplay(replay ?? Environment.GetEnvironmentVariable("USM_PROPERTY_REPLAY"))
            ?? (Environment.GetEnvironmentVariable("USM_PROPERTY_RANDOM") == "1"
                ? new Rnd((ulong)Environment.TickCount64, 0x9E3779B97F4A7C15UL)
                : new Rnd(StableSeed(name), 0x9E3779B97F4A7C15UL));
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithName(name)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(rnd, FSharpOption<int>.None)));
        Check.One(config, property);
    }

    private static Rnd? ParseReplay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim('(', ')', ' ').Split(',');
        return new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    // FNV-1a over the test name: stable across runs and machines (string.GetHashCode is randomised per process).
    private static ulong StableSeed(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
