using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model;

/// <summary>
/// The hand-off graph of the USM process model: which process may pass work to which. The graph is acyclic and ends
/// in <see cref="UsmProcess.Operate"/>, the process that carries out work in production.
/// </summary>
/// <remarks>
/// The edges are: Improve → Agree, Change, Operate; Agree → Change; Recover → Change, Operate; Change → Operate;
/// Operate → none. The maximal paths from a trigger process to Operate are exactly the eight
/// <see cref="WorkflowPattern"/>s.
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class ProcessModel
{
    private static readonly ImmutableArray<UsmProcess>[] s_targets =
    [
        [UsmProcess.Change], // Agree
        [UsmProcess.Operate], // Change
        [UsmProcess.Change, UsmProcess.Operate], // Recover
        [], // Operate
        [UsmProcess.Agree, UsmProcess.Change, UsmProcess.Operate], // Improve
    ];

    /// <summary>Gets the processes that <paramref name="from"/> may hand off to.</summary>
    /// <param name="from">The process handing off.</param>
    /// <returns>The hand-off targets, in enum order; empty for Operate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is not a defined process.</exception>
    public static ImmutableArray<UsmProcess> HandOffTargets(UsmProcess from) => s_targets[(int)Preconditions.CheckDefined(from) - 1];

    /// <summary>Returns whether <paramref name="from"/> may hand off to <paramref name="to"/>.</summary>
    /// <param name="from">The process handing off.</param>
    /// <param name="to">The receiving process.</param>
    /// <returns><see langword="true"/> when the edge is in the hand-off graph.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Either process is not defined.</exception>
    public static bool CanHandOff(UsmProcess from, UsmProcess to)
    {
        Preconditions.CheckDefined(to);
        return HandOffTargets(from).Contains(to);
    }

    /// <summary>Gets every hand-off edge of the graph, ordered by source then target.</summary>
    public static ImmutableArray<(UsmProcess From, UsmProcess To)> Edges { get; } =
        [.. UsmProcesses.All.SelectMany(f => HandOffTargets(f).Select(t => (f, t))).OrderBy(e => e.f).ThenBy(e => e.t)];

    /// <summary>
    /// Enumerates every maximal path through the hand-off graph that starts at a trigger process (any process) and
    /// ends in <see cref="UsmProcess.Operate"/>. The result is computed from the graph, not from the pattern table, so
    /// it can be compared with <see cref="WorkflowPattern.All"/>.
    /// </summary>
    /// <returns>The paths, ordered by start process then lexicographically.</returns>
    public static ImmutableArray<ImmutableArray<UsmProcess>> MaximalPathsToOperate()
    {
        var result = ImmutableArray.CreateBuilder<ImmutableArray<UsmProcess>>();
        foreach (var start in UsmProcesses.All)
        {
            Walk([start], result);
        }

        return result.ToImmutable();

        static void Walk(ImmutableArray<UsmProcess> path, ImmutableArray<ImmutableArray<UsmProcess>>.Builder into)
        {
            var last = path[^1];
            var next = HandOffTargets(last);
            if (next.IsEmpty)
            {
                if (last == UsmProcess.Operate)
                {
                    into.Add(path);
                }

                return;
            }

            foreach (var target in next)
            {
                Walk(path.Add(target), into);
            }
        }
    }
}
