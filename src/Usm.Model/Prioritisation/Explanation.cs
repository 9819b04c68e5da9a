using System.Collections.Immutable;
using System.Text;
using Usm.Model.Internal;

namespace Usm.Model.Prioritisation;

/// <summary>One criterion's part in an item's score, in the method's own terms.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CriterionContribution
{
    /// <summary>Creates a contribution.</summary>
    /// <param name="criterion">The criterion (or input) name, for example <c>reach</c> or <c>effort</c>.</param>
    /// <param name="value">The candidate's raw value.</param>
    /// <param name="contribution">The criterion's part in the score, in the method's terms (a weighted normalised value, a factor, a distance term).</param>
    /// <param name="text">A sentence that explains the contribution.</param>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> or <paramref name="text"/> is null.</exception>
    public CriterionContribution(string criterion, double value, double contribution, string text)
    {
        Criterion = Preconditions.CheckNotNull(criterion);
        Value = value;
        Contribution = contribution;
        Text = Preconditions.CheckNotNull(text);
    }

    /// <summary>Gets the criterion (or input) name.</summary>
    public string Criterion { get; }

    /// <summary>Gets the candidate's raw value.</summary>
    public double Value { get; }

    /// <summary>Gets the criterion's part in the score, in the method's terms.</summary>
    public double Contribution { get; }

    /// <summary>Gets a sentence that explains the contribution.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>Why an item got its score: a summary and each criterion's contribution, in the method's own terms.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Explanation
{
    /// <summary>Creates an explanation.</summary>
    /// <param name="method">The method's name.</param>
    /// <param name="summary">A sentence that states the score and how it was formed.</param>
    /// <param name="contributions">The contributions.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="contributions"/> holds null.</exception>
    public Explanation(string method, string summary, IEnumerable<CriterionContribution> contributions)
    {
        Method = Preconditions.CheckNotNull(method);
        Summary = Preconditions.CheckNotNull(summary);
        ArgumentNullException.ThrowIfNull(contributions);
        Contributions = [.. contributions];
        var nullAt = Contributions.IndexOf(null!);
        if (nullAt >= 0)
        {
            throw new ArgumentNullException(nameof(contributions), Preconditions.Invariant($"Contribution {nullAt} is null."));
        }
    }

    /// <summary>Gets the method's name.</summary>
    public string Method { get; }

    /// <summary>Gets a sentence that states the score and how it was formed.</summary>
    public string Summary { get; }

    /// <summary>Gets each criterion's contribution.</summary>
    public ImmutableArray<CriterionContribution> Contributions { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder(Summary);
        foreach (var c in Contributions)
        {
            text.AppendLine().Append("  - ").Append(c.Text);
        }

        return text.ToString();
    }
}
