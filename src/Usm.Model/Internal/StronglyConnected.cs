namespace Usm.Model.Internal;

/// <summary>A directed graph's successors, read one at a time with a cursor.</summary>
internal interface ISuccessors
{
    /// <summary>The next successor of <paramref name="node"/> from <paramref name="cursor"/> on, moving the cursor past it; −1 when there is none.</summary>
    int Next(int node, ref int cursor);
}

/// <summary>Strongly connected components (Tarjan), shared by ELECTRE's outranking graph and the pairwise comparison graph.</summary>
internal static class StronglyConnected
{
    /// <summary>
    /// Tarjan's algorithm, iteratively (no recursion, so deep graphs cannot overflow the stack): the component of each
    /// of the <paramref name="count"/> nodes, numbered in the order they complete, so that every edge between two
    /// components goes from a higher number to a lower one (sinks first). Roots are taken in node order.
    /// </summary>
    public static (int[] Component, int Count) Components<TGraph>(int count, TGraph graph)
        where TGraph : struct, ISuccessors
    {
        var index = new int[count];
        Array.Fill(index, -1);
        var low = new int[count];
        var onStack = new bool[count];
        var component = new int[count];
        var stack = new int[count];
        var stackTop = 0;
        var callNode = new int[count];
        var callCursor = new int[count];
        var depth = 0;
        var next = 0;
        var components = 0;
        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            Visit(root);
            while (depth > 0)
            {
                var v = callNode[depth - 1];
                var w = graph.Next(v, ref callCursor[depth - 1]);
                if (w >= 0)
                {
                    if (index[w] < 0)
                    {
                        Visit(w);
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    int u;
                    do
                    {
                        u = stack[--stackTop];
                        onStack[u] = false;
                        component[u] = components;
                    }
                    while (u != v);
                    components++;
                }

                depth--;
                if (depth > 0)
                {
                    var parent = callNode[depth - 1];
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return (component, components);

        void Visit(int v)
        {
            index[v] = low[v] = next++;
            stack[stackTop++] = v;
            onStack[v] = true;
            callNode[depth] = v;
            callCursor[depth] = 0;
            depth++;
        }
    }
}
