using System.Text.Json;

namespace Mesh.Sriov.Domain;

/// Reads the Multus annotation `k8s.v1.cni.cncf.io/networks`: `ns/name[@if], name, ...` or the
/// JSON list form `[{"name": ..., "namespace": ..., "interface": ...}]`. A name without a
/// namespace is in the pod's namespace.
public static class PodNetworks
{
    public const string Annotation = "k8s.v1.cni.cncf.io/networks";
    public const string KataSriovAnnotation = "io.katacontainers.config.runtime.enable_sriov";

    public static IReadOnlyList<(NetworkRef Network, string? Interface)> Parse(string? value, string podNamespace)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return [];
        }
        return text.StartsWith('[') ? ParseJson(text, podNamespace) : ParseList(text, podNamespace);
    }

    private static List<(NetworkRef, string?)> ParseList(string text, string podNamespace) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry =>
            {
                var at = entry.Split('@', 2);
                var parts = at[0].Split('/', 2);
                var network = parts.Length == 2 ? new NetworkRef(parts[0], parts[1]) : new NetworkRef(podNamespace, parts[0]);
                return (network, at.Length == 2 ? at[1] : null);
            })
            .ToList();

    private static List<(NetworkRef, string?)> ParseJson(string text, string podNamespace)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("name", out _))
                .Select(e => (new NetworkRef(Str(e, "namespace") ?? podNamespace, Str(e, "name") ?? ""), Str(e, "interface")))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
