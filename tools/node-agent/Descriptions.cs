using System.Text.Json;
using Mesh.Hosting.Resources;

namespace Mesh.NodeAgent;

/// <summary>Node description files (YAML or JSON; the same field names the services use).</summary>
public static class Descriptions
{
    public static NodeDescription Load(string path)
    {
        var node = YamlJson.ParseAll(File.ReadAllText(path)).FirstOrDefault()
            ?? throw new InvalidOperationException($"{path} is empty");
        return node.Deserialize<NodeDescription>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{path} is not a node description");
    }

    public static string ToYaml(NodeDescription description) =>
        JsonSerializer.Serialize(description, new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true }) + "\n";
}
