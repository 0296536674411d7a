using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Mesh.Deployment.Tests;

/// <summary>YAML documents as plain trees (maps, lists, strings), with small accessors for assertions.</summary>
public static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of a (multi-document) YAML file; merge keys (<c>&lt;&lt;: *anchor</c>) resolved.</summary>
    public static IReadOnlyList<object?> LoadAll(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var docs = new List<object?>();
        while (parser.Accept<DocumentStart>(out _))
        {
            docs.Add(Deserializer.Deserialize<object?>(parser));
        }
        return docs;
    }

    /// <summary>The value at a dotted path (<c>spec.template.metadata.labels</c>), or null.</summary>
    public static object? At(this object? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (node is not Dictionary<object, object> map || !map.TryGetValue(part, out node))
            {
                return null;
            }
        }
        return node;
    }

    public static string? Str(this object? node, string path) => node.At(path) as string;

    public static Dictionary<object, object> Map(this object? node, string path) =>
        node.At(path) as Dictionary<object, object> ?? [];

    public static List<object> List(this object? node, string path) => node.At(path) as List<object> ?? [];

    /// <summary>A map of strings (labels, selectors, environment).</summary>
    public static Dictionary<string, string> Strings(this object? node, string path) =>
        node.Map(path).ToDictionary(kv => (string)kv.Key, kv => kv.Value as string ?? "");

    /// <summary>Whether every pair of <paramref name="selector"/> is in <paramref name="labels"/> (and the selector is not empty).</summary>
    public static bool Selects(this IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);
}
