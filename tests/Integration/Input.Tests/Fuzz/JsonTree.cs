using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Hosting.Resources;

namespace Mesh.Input.Tests.Fuzz;

/// <summary>A document as a JSON tree, and the edits the mutator makes at a place in it (container and key or index).</summary>
public static class JsonTree
{
    public static JsonNode? Parse(string text)
    {
        try
        {
            return text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : YamlJson.ParseAll(text).FirstOrDefault();
        }
        catch (Exception e) when (e is JsonException or Mesh.Hosting.MeshException)
        {
            return null;
        }
    }

    public static void Set(JsonNode parent, string key, JsonNode? value)
    {
        switch (parent)
        {
            case JsonObject o:
                o[key] = value;
                break;
            case JsonArray a when int.TryParse(key, out var i) && i < a.Count:
                a[i] = value;
                break;
        }
    }

    public static void Remove(JsonNode parent, string key)
    {
        switch (parent)
        {
            case JsonObject o:
                o.Remove(key);
                break;
            case JsonArray a when int.TryParse(key, out var i) && i < a.Count:
                a.RemoveAt(i);
                break;
        }
    }

    public static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 40 ? text[..40] + $"...({text.Length} chars)" : text;
    }
}
