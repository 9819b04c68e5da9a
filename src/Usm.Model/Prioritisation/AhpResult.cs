using System.Collections.Immutable;
using System.Globalization;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>The outcome of <see cref="Ahp.Weigh"/> for one comparison matrix.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class AhpResult
{
    internal AhpResult(ImmutableArray<string> labels, double[] weights, AhpWeighting weighting, double lambdaMax, AhpRandomIndex table, double randomIndexValue, double threshold, int iterations, bool converged)
    {
        Labels = labels;
        Weights = [.. weights];
        Weighting = weighting;
        LambdaMax = lambdaMax;
        ConsistencyIndex = Ahp.ConsistencyIndex(lambdaMax, weights.Length);
        RandomIndex = table;
        RandomIndexValue = randomIndexValue;
        ConsistencyRatio = randomIndexValue > 0 ? ConsistencyIndex / randomIndexValue : 0;
        ConsistencyThreshold = threshold;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>Gets the weights, in matrix order; they are positive and sum to 1.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>Gets the matrix's labels (empty when it has none).</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>Gets the weighting method used.</summary>
    public AhpWeighting Weighting { get; }

    /// <summary>Gets the principal eigenvalue λmax (an estimate for the geometric-mean method).</summary>
    public double LambdaMax { get; }

    /// <summary>Gets the consistency index CI = (λmax − n)/(n − 1), clamped at 0.</summary>
    public double ConsistencyIndex { get; }

    /// <summary>Gets the random index table used.</summary>
    public AhpRandomIndex RandomIndex { get; }

    /// <summary>Gets RI(n) from <see cref="RandomIndex"/>.</summary>
    public double RandomIndexValue { get; }

    /// <summary>Gets the consistency ratio CR = CI / RI(n); 0 for n ≤ 2.</summary>
    public double ConsistencyRatio { get; }

    /// <summary>Gets the threshold the ratio was compared with.</summary>
    public double ConsistencyThreshold { get; }

    /// <summary>Gets whether <see cref="ConsistencyRatio"/> is at most <see cref="ConsistencyThreshold"/>.</summary>
    public bool IsConsistent => ConsistencyRatio <= ConsistencyThreshold;

    /// <summary>Gets the number of power iterations taken (0 for the geometric-mean method and for n = 1).</summary>
    public int Iterations { get; }

    /// <summary>Gets whether the power iteration met its tolerance within the iteration cap (always true for the geometric mean).</summary>
    public bool Converged { get; }

    /// <summary>Returns the weight of the element with <paramref name="label"/>.</summary>
    /// <param name="label">The label.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentException">No element has that label.</exception>
    public double WeightOf(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var index = Labels.IndexOf(label, StringComparer.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException(Preconditions.Invariant($"No element is labelled '{label}'."), nameof(label));
        }

        return Weights[index];
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = Weights.Select((w, i) => (Labels.IsEmpty ? i.ToString(CultureInfo.InvariantCulture) : Labels[i]) + "=" + w.ToString("0.000", CultureInfo.InvariantCulture));
        return Preconditions.Invariant($"[{string.Join(", ", parts)}] λmax={LambdaMax:0.000} CI={ConsistencyIndex:0.000} CR={ConsistencyRatio:0.000} ({RandomIndex.Name}){(IsConsistent ? string.Empty : " inconsistent")}");
    }
}
