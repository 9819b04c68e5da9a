using Usm.Model.Internal;

namespace Usm.Model.Improvement;

/// <summary>The check every <see cref="IPrioritisationMechanism"/> makes of the open risks it is given.</summary>
internal static class OpenRiskList
{
    /// <summary>
    /// Checks that the list holds no null, only open risks and no id twice, and returns the ids in list order; each
    /// error names the risk (or the null's position) and <paramref name="paramName"/>.
    /// </summary>
    public static string[] Ids(IReadOnlyList<Risk> openRisks, string paramName)
    {
        ArgumentNullException.ThrowIfNull(openRisks, paramName);
        var ids = new string[openRisks.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            var risk = openRisks[i] ?? throw new ArgumentNullException(paramName, Preconditions.Invariant($"Risk {i} of the list is null."));
            Preconditions.CheckArgument(risk.IsOpen, paramName, Preconditions.Invariant($"Risk '{risk.Id}' is {risk.Status}, not open."));
            Preconditions.CheckArgument(seen.Add(risk.Id), paramName, Preconditions.Invariant($"Risk '{risk.Id}' appears twice in the list."));
            ids[i] = risk.Id;
        }

        return ids;
    }
}
