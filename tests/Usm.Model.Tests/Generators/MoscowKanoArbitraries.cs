using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Usm.Model.Prioritisation;

namespace Usm.Model.Tests.Generators;

/// <summary>One random MoSCoW timebox plan: items (unique ids, any category, small whole or fractional efforts), a capacity and a shuffled copy of the items.</summary>
internal sealed record MoscowCase(MoscowItem[] Items, double Capacity, MoscowItem[] Shuffled)
{
    /// <summary>The same items as candidates with a category code (and a within-category value) for the ranking method.</summary>
    public Candidate[] Candidates(MoscowItem[] items, double[] within) =>
        [.. items.Select((x, k) => new Candidate(x.Id, [KeyValuePair.Create("moscow", (double)(int)x.Category), KeyValuePair.Create("value", within[k % within.Length])], x.Effort))];
}

/// <summary>One random Kano survey: features answered by some of the respondents, each with any pair of answers, and a shuffled copy of the responses.</summary>
internal sealed record KanoCase(KanoResponse[] Responses, KanoResponse[] Shuffled);

/// <summary>Generators for MoSCoW plans and Kano surveys.</summary>
internal static class MoscowKanoArbitraries
{
    private static readonly MoscowCategory[] s_categories = Enum.GetValues<MoscowCategory>();
    private static readonly KanoAnswer[] s_answers = Enum.GetValues<KanoAnswer>();

    /// <summary>0 to 25 items, efforts 0-8 (sometimes halves), capacity 1-60: fitting, tight and overfull plans all occur.</summary>
    public static Arbitrary<MoscowCase> Plans() =>
        (from n in Gen.Choose(0, 25)
         from categories in Gen.ArrayOf(Gen.Elements(s_categories), n)
         from efforts in Gen.ArrayOf(Gen.OneOf(Gen.Choose(0, 8).Select(e => (double)e), Gen.Choose(0, 16).Select(e => e / 2.0)), n)
         from capacity in Gen.OneOf(Gen.Choose(1, 60).Select(c => (double)c), Gen.Choose(1, 40).Select(c => c + 0.5))
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
         let items = categories.Select((c, k) => new MoscowItem("i" + k.ToString("D2", CultureInfo.InvariantCulture), c, efforts[k])).ToArray()
         select new MoscowCase(items, capacity, Shuffle(items, keys)))
        .ToArbitrary();

    /// <summary>Plans whose efforts and capacity are inexact fractions (sevenths, tenths), so sums carry rounding.</summary>
    public static Arbitrary<MoscowCase> FractionalPlans() =>
        (from n in Gen.Choose(1, 25)
         from categories in Gen.ArrayOf(Gen.Elements(s_categories), n)
         from efforts in Gen.ArrayOf(Gen.OneOf(Gen.Choose(0, 100).Select(e => e / 7.0), Gen.Choose(0, 100).Select(e => e / 10.0)), n)
         from capacity in Gen.Choose(1, 600).Select(c => c / 10.0)
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
         let items = categories.Select((c, k) => new MoscowItem("i" + k.ToString("D2", CultureInfo.InvariantCulture), c, efforts[k])).ToArray()
         select new MoscowCase(items, capacity, Shuffle(items, keys)))
        .ToArbitrary();

    /// <summary>Plans with a within-category value per item (small integers, so ties inside a category are common).</summary>
    public static Arbitrary<(MoscowCase Plan, double[] Within)> PlansWithValues() =>
        (from plan in Plans().Generator
         from within in Gen.ArrayOf(Gen.Choose(0, 5).Select(v => (double)v), Math.Max(plan.Items.Length, 1))
         select (plan, within))
        .ToArbitrary();

    /// <summary>1 to 6 features and 1 to 15 respondents; each respondent answers each feature with probability 3/4; any answers.</summary>
    public static Arbitrary<KanoCase> Surveys() =>
        (from features in Gen.Choose(1, 6)
         from respondents in Gen.Choose(1, 15)
         from cells in Gen.ArrayOf(
             Gen.Zip(Gen.Choose(0, 3), Gen.Zip(Gen.Elements(s_answers), Gen.Elements(s_answers))),
             features * respondents)
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), features * respondents)
         let responses = cells
             .Select((c, k) => (c, k))
             .Where(x => x.c.Item1 > 0)
             .Select(x => new KanoResponse(
                 "F" + (x.k / respondents).ToString(CultureInfo.InvariantCulture),
                 "r" + (x.k % respondents).ToString("D2", CultureInfo.InvariantCulture),
                 x.c.Item2.Item1,
                 x.c.Item2.Item2))
             .ToArray()
         select new KanoCase(responses, Shuffle(responses, keys)))
        .ToArbitrary();

    /// <summary>Surveys skewed towards one answer pattern per feature, so ties and clear winners both occur often.</summary>
    public static Arbitrary<KanoCase> SkewedSurveys() =>
        (from respondents in Gen.Choose(1, 8)
         from pattern in Gen.ArrayOf(Gen.Zip(Gen.Elements(s_answers), Gen.Elements(s_answers)), 2)
         from picks in Gen.ArrayOf(Gen.Choose(0, 1), respondents)
         let responses = picks.Select((p, k) => new KanoResponse("F", "r" + k.ToString(CultureInfo.InvariantCulture), pattern[p].Item1, pattern[p].Item2)).ToArray()
         select new KanoCase(responses, [.. Enumerable.Reverse(responses)]))
        .ToArbitrary();

    private static T[] Shuffle<T>(T[] items, int[] keys) =>
        [.. items.Select((x, k) => (x, key: keys[k % Math.Max(keys.Length, 1)], k)).OrderBy(p => p.key).ThenBy(p => p.k).Select(p => p.x)];
}
