using System.Text.Json;
using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// Reads the `ipam: |-` block scalar of a network. The seed's SriovIBNetwork examples drop the
/// opening brace (`"type": "whereabouts", ... }`), so a body without one is read as an object;
/// the Whereabouts guide's `{"ipam": {...}}` wrapper is accepted too.
public static class IpamText
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static (WhereaboutsIpam? Ipam, MeshError? Error) Parse(string? text)
    {
        var body = text?.Trim() ?? "";
        if (body.Length == 0 || body == "{}")
        {
            return (null, null);
        }
        if (!body.StartsWith('{'))
        {
            body = "{" + body;
        }
        try
        {
            using var doc = JsonDocument.Parse(body, Options);
            var root = doc.RootElement;
            if (root.TryGetProperty("ipam", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                root = inner;
            }
            var exclude = root.TryGetProperty("exclude", out var ex) && ex.ValueKind == JsonValueKind.Array
                ? ex.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
                : null;
            return (new WhereaboutsIpam(Str(root, "type"), Str(root, "range"), Str(root, "gateway"), exclude), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, new MeshError(ErrorCodes.Malformed, $"spec.ipam '{text}' is not a JSON object: {e.Message}",
                ErrorKind.Malformed, "spec.ipam", text, "give a Whereabouts block such as { \"type\": \"whereabouts\", \"range\": \"192.168.100.0/24\" }"));
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
