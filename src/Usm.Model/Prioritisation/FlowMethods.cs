using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>
/// SAFe's weighted shortest job first: WSJF = (sum of the cost-of-delay components) / job size. SAFe's components
/// are user-business value, time criticality, and risk reduction and/or opportunity enablement, each on the modified
/// Fibonacci scale 1, 2, 3, 5, 8, 13, 20; job size is relative too.
/// </summary>
/// <remarks>Components must be ≥ 0 and job size &gt; 0; a zero or negative job size is rejected, naming the candidate.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WsjfMethod : RankingMethod
{
    internal WsjfMethod(IEnumerable<string> costOfDelayComponents, string? jobSizeCriterion)
    {
        CostOfDelayComponents = [.. CheckNames(costOfDelayComponents, nameof(costOfDelayComponents))];
        JobSizeCriterion = jobSizeCriterion is null ? null : Preconditions.CheckNotBlank(jobSizeCriterion);
    }

    /// <summary>Gets the criteria whose sum is the cost of delay.</summary>
    public ImmutableArray<string> CostOfDelayComponents { get; }

    /// <summary>Gets the job-size criterion, or null when each candidate's effort is the job size.</summary>
    public string? JobSizeCriterion { get; }

    /// <inheritdoc />
    public override string Name => "WSJF";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var n = set.Count;
        var cod = scores;
        Array.Clear(cod, 0, n);
        foreach (var component in CostOfDelayComponents)
        {
            var x = set.ColumnArray(component, "candidates", Name);
            for (var i = 0; i < n; i++)
            {
                if (x[i] < 0)
                {
                    throw BadValue(set, i, component, x[i], "cost-of-delay components ≥ 0");
                }
            }

            ColumnMath.AddScaled(x, cod, 1, 0);
        }

        var size = ColumnOrEffort(set, JobSizeCriterion);
        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                if (!(size[i] > 0))
                {
                    throw BadValue(set, i, JobSizeCriterion, size[i], "a positive job size");
                }

                cod[i] /= size[i];
            }
        }

        return new ScoreSheet(cod, null, null);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var contributions = new List<CriterionContribution>();
        var cod = 0.0;
        foreach (var component in CostOfDelayComponents)
        {
            var x = set.ColumnArray(component, "candidates", Name)[index];
            cod += x;
            contributions.Add(new(component, x, x, Preconditions.Invariant($"Cost-of-delay component '{component}' adds {F(x)}")));
        }

        var size = ColumnOrEffort(set, JobSizeCriterion)[index];
        contributions.Add(new(JobSizeCriterion ?? "effort", size, size, Preconditions.Invariant($"Job size {F(size)} divides the cost of delay")));
        return new Explanation(Name, Preconditions.Invariant($"WSJF {F(score)} = cost of delay {F(cod)} / job size {F(size)}."), contributions);
    }
}

/// <summary>Reinertsen's CD3, cost of delay divided by duration: CD3 = CoD / duration.</summary>
/// <remarks>
/// Sequencing by CD3 (Smith's rule, w/p descending) minimises the total cost of delay on one resource when CoD is a
/// rate (money per unit of time). CoD must be ≥ 0 and duration &gt; 0.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Cd3Method : RankingMethod
{
    internal Cd3Method(string costOfDelayCriterion, string? durationCriterion)
    {
        CostOfDelayCriterion = Preconditions.CheckNotBlank(costOfDelayCriterion);
        DurationCriterion = durationCriterion is null ? null : Preconditions.CheckNotBlank(durationCriterion);
    }

    /// <summary>Gets the cost-of-delay criterion.</summary>
    public string CostOfDelayCriterion { get; }

    /// <summary>Gets the duration criterion, or null when each candidate's effort is the duration.</summary>
    public string? DurationCriterion { get; }

    /// <inheritdoc />
    public override string Name => "CD3";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var cod = set.ColumnArray(CostOfDelayCriterion, "candidates", Name);
        var duration = ColumnOrEffort(set, DurationCriterion);
        var n = set.Count;
        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                if (cod[i] < 0)
                {
                    throw BadValue(set, i, CostOfDelayCriterion, cod[i], "a cost of delay ≥ 0");
                }

                if (!(duration[i] > 0))
                {
                    throw BadValue(set, i, DurationCriterion, duration[i], "a positive duration");
                }

                scores[i] = cod[i] / duration[i];
            }
        }

        return new ScoreSheet(scores, null, null);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var cod = set.ColumnArray(CostOfDelayCriterion, "candidates", Name)[index];
        var duration = ColumnOrEffort(set, DurationCriterion)[index];
        return new Explanation(Name, Preconditions.Invariant($"CD3 {F(score)} = cost of delay {F(cod)} / duration {F(duration)}."),
        [
            new(CostOfDelayCriterion, cod, cod, Preconditions.Invariant($"Cost of delay '{CostOfDelayCriterion}' = {F(cod)} per unit of time")),
            new(DurationCriterion ?? "effort", duration, duration, Preconditions.Invariant($"Duration {F(duration)} divides it")),
        ]);
    }
}

/// <summary>Intercom's RICE: reach × impact × confidence / effort.</summary>
/// <remarks>
/// Intercom's scales: impact 3 (massive), 2 (high), 1 (medium), 0.5 (low), 0.25 (minimal); confidence 100 %, 80 %,
/// 50 %, given here as the fraction 1.0, 0.8, 0.5; effort in person-months. Reach and impact must be ≥ 0,
/// confidence in [0, 1], effort &gt; 0.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class RiceMethod : RankingMethod
{
    internal RiceMethod(string reachCriterion, string impactCriterion, string confidenceCriterion, string? effortCriterion)
    {
        ReachCriterion = Preconditions.CheckNotBlank(reachCriterion);
        ImpactCriterion = Preconditions.CheckNotBlank(impactCriterion);
        ConfidenceCriterion = Preconditions.CheckNotBlank(confidenceCriterion);
        EffortCriterion = effortCriterion is null ? null : Preconditions.CheckNotBlank(effortCriterion);
    }

    /// <summary>Gets the reach criterion.</summary>
    public string ReachCriterion { get; }

    /// <summary>Gets the impact criterion.</summary>
    public string ImpactCriterion { get; }

    /// <summary>Gets the confidence criterion (a fraction in [0, 1]).</summary>
    public string ConfidenceCriterion { get; }

    /// <summary>Gets the effort criterion, or null when each candidate's effort is used.</summary>
    public string? EffortCriterion { get; }

    /// <inheritdoc />
    public override string Name => "RICE";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var reach = set.ColumnArray(ReachCriterion, "candidates", Name);
        var impact = set.ColumnArray(ImpactCriterion, "candidates", Name);
        var confidence = set.ColumnArray(ConfidenceCriterion, "candidates", Name);
        var effort = ColumnOrEffort(set, EffortCriterion);
        var n = set.Count;
        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                if (reach[i] < 0)
                {
                    throw BadValue(set, i, ReachCriterion, reach[i], "a reach ≥ 0");
                }

                if (impact[i] < 0)
                {
                    throw BadValue(set, i, ImpactCriterion, impact[i], "an impact ≥ 0");
                }

                if (!(confidence[i] >= 0 && confidence[i] <= 1))
                {
                    throw BadValue(set, i, ConfidenceCriterion, confidence[i], "a confidence in [0, 1] (80 % is 0.8)");
                }

                if (!(effort[i] > 0))
                {
                    throw BadValue(set, i, EffortCriterion, effort[i], "a positive effort");
                }

                scores[i] = reach[i] * impact[i] * confidence[i] / effort[i];
            }
        }

        return new ScoreSheet(scores, null, null);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var r = set.ColumnArray(ReachCriterion, "candidates", Name)[index];
        var i = set.ColumnArray(ImpactCriterion, "candidates", Name)[index];
        var c = set.ColumnArray(ConfidenceCriterion, "candidates", Name)[index];
        var e = ColumnOrEffort(set, EffortCriterion)[index];
        return new Explanation(Name, Preconditions.Invariant($"RICE {F(score)} = reach {F(r)} × impact {F(i)} × confidence {F(c)} / effort {F(e)}."),
        [
            new(ReachCriterion, r, r, Preconditions.Invariant($"Reach '{ReachCriterion}' = {F(r)} per period")),
            new(ImpactCriterion, i, i, Preconditions.Invariant($"Impact '{ImpactCriterion}' = {F(i)} per person reached")),
            new(ConfidenceCriterion, c, c, Preconditions.Invariant($"Confidence '{ConfidenceCriterion}' = {F(c * 100)} %, discounting the estimate")),
            new(EffortCriterion ?? "effort", e, e, Preconditions.Invariant($"Effort {F(e)} divides the total")),
        ]);
    }
}

/// <summary>How ICE combines impact, confidence and ease.</summary>
public enum IceConvention
{
    /// <summary>The average (I + C + E) / 3, as in Sean Ellis's original growth-hacking use.</summary>
    Average = 1,

    /// <summary>The product I × C × E, as many product teams use it; it punishes a single low factor harder.</summary>
    Product = 2,
}

/// <summary>ICE: impact, confidence and ease (each usually 1-10), averaged or multiplied by a named convention.</summary>
/// <remarks>The two conventions can order the same items differently; name the one you use. Values must be ≥ 0.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class IceMethod : RankingMethod
{
    internal IceMethod(string impactCriterion, string confidenceCriterion, string easeCriterion, IceConvention convention)
    {
        ImpactCriterion = Preconditions.CheckNotBlank(impactCriterion);
        ConfidenceCriterion = Preconditions.CheckNotBlank(confidenceCriterion);
        EaseCriterion = Preconditions.CheckNotBlank(easeCriterion);
        Convention = Preconditions.CheckDefined(convention);
    }

    /// <summary>Gets the impact criterion.</summary>
    public string ImpactCriterion { get; }

    /// <summary>Gets the confidence criterion.</summary>
    public string ConfidenceCriterion { get; }

    /// <summary>Gets the ease criterion.</summary>
    public string EaseCriterion { get; }

    /// <summary>Gets the convention.</summary>
    public IceConvention Convention { get; }

    /// <inheritdoc />
    public override string Name => Convention == IceConvention.Average ? "ICE (average)" : "ICE (product)";

    internal override ScoreSheet Evaluate(CandidateSet set, double[] scores)
    {
        var names = new[] { ImpactCriterion, ConfidenceCriterion, EaseCriterion };
        var columns = names.Select(c => set.ColumnArray(c, "candidates", Name)).ToArray();
        var n = set.Count;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                if (columns[j][i] < 0)
                {
                    throw BadValue(set, i, names[j], columns[j][i], "values ≥ 0");
                }
            }

            var (a, b, c) = (columns[0][i], columns[1][i], columns[2][i]);
            scores[i] = Convention == IceConvention.Average ? (a + b + c) / 3 : a * b * c;
        }

        return new ScoreSheet(scores, null, null);
    }

    internal override Explanation Explain(CandidateSet set, object? state, int index, double score, int? cls)
    {
        var i = set.ColumnArray(ImpactCriterion, "candidates", Name)[index];
        var c = set.ColumnArray(ConfidenceCriterion, "candidates", Name)[index];
        var e = set.ColumnArray(EaseCriterion, "candidates", Name)[index];
        var formula = Convention == IceConvention.Average
            ? Preconditions.Invariant($"({F(i)} + {F(c)} + {F(e)}) / 3")
            : Preconditions.Invariant($"{F(i)} × {F(c)} × {F(e)}");
        return new Explanation(Name, Preconditions.Invariant($"ICE {F(score)} = {formula} ({Convention} convention)."),
        [
            new(ImpactCriterion, i, i, Preconditions.Invariant($"Impact '{ImpactCriterion}' = {F(i)}")),
            new(ConfidenceCriterion, c, c, Preconditions.Invariant($"Confidence '{ConfidenceCriterion}' = {F(c)}")),
            new(EaseCriterion, e, e, Preconditions.Invariant($"Ease '{EaseCriterion}' = {F(e)}")),
        ]);
    }
}
