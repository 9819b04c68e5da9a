using System.Text.Json.Nodes;

namespace Usm.Model.Tests.Generators;

/// <summary>
/// Mutations of valid risk database documents that keep the JSON well formed but change its meaning: values replaced
/// by other values (of the same or another type, legal or not), members removed, unknown or duplicate members added,
/// events swapped. They reach the checks behind the syntax, where the reader's fast and diagnostic paths must agree.
/// </summary>
internal static class RiskJsonMutationArbitraries
{
    private static readonly string[] s_strings =
        ["", " ", "R-1", "R-2", "R-999", "threat", "menace", "people", "money", "registered", "command-applied", "identified", "classified",
         "closed", "fulfil", "close", "update-details", "classify", "scan-gap", "closed-call", "three-point", "probability-and-impact",
         "2026-03-01T09:00:00Z", "2026-03-01T09:00:00+02:00", "yesterday", "mitigate", "foster", "wish", "x"];

    private static readonly JsonNode?[] s_values =
        [null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1), JsonValue.Create(2), JsonValue.Create(1.5), JsonValue.Create(1e300),
         JsonValue.Create(true), new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create("R-1")), new JsonArray((JsonNode?)null)];

    /// <summary>Applies one to four value-level mutations to a document, reproducibly from <paramref name="random"/>.</summary>
    public static string Mutate(string json, Random random)
    {
        var root = JsonNode.Parse(json)!;
        var duplicate = false;
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var nodes = Descendants(root).ToList();
            var node = nodes[random.Next(nodes.Count)];
            switch (random.Next(6))
            {
                case 0 or 1:
                    Replace(node, random.Next(3) == 0 ? s_values[random.Next(s_values.Length)]?.DeepClone() : JsonValue.Create(s_strings[random.Next(s_strings.Length)]));
                    break;
                case 2:
                    if (node.Parent is JsonObject parent)
                    {
                        parent.Remove(node.GetPropertyName());
                    }

                    break;
                case 3:
                    if (node is JsonObject obj && !obj.ContainsKey("extra"))
                    {
                        obj["extra"] = random.Next(2) == 0 ? "unknown" : new JsonObject { ["deep"] = new JsonArray(1, 2) };
                    }

                    break;
                case 4:
                    if (node is JsonArray { Count: >= 2 } array)
                    {
                        var a = random.Next(array.Count);
                        var b = random.Next(array.Count);
                        var first = array[a]?.DeepClone();
                        array[a] = array[b]?.DeepClone();
                        array[b] = first;
                    }

                    break;
                default:
                    duplicate = true;
                    break;
            }
        }

        var text = root.ToJsonString();
        if (duplicate)
        {
            // A member written twice (JsonNode cannot hold that, so it is done in the text).
            var at = text.IndexOf("\"risk-id\":", random.Next(Math.Max(1, text.Length)), StringComparison.Ordinal);
            if (at > 0)
            {
                text = text[..at] + "\"risk-id\":\"R-1\"," + text[at..];
            }
        }

        return text;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                foreach (var d in Descendants(child))
                {
                    yield return d;
                }
            }
        }
    }

    private static void Replace(JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = value;
                break;
        }
    }
}
