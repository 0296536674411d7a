using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Hosting.Resources;

namespace Mesh.Gpu.Service.Api;

/// <summary>Request bodies and resource envelopes, refused with a code and field path, never a 500.</summary>
public static class Bodies
{
    public const string Group = "gpu.mesh.io";
    public const string ApiVersion = "gpu.mesh.io/v1";

    /// <summary>A plain JSON (or YAML) body bound strictly; numbers in <c>requests</c> are read as quantities.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct) => Bind<T>(await ReadObjectAsync(request, ct));

    /// <summary>Binds <paramref name="obj"/> strictly (unknown fields refused), quantities read as text.</summary>
    public static T Bind<T>(JsonObject obj) => SpecBinder.BindNode<T>(obj, "body");

    /// <summary>The body as a JSON object (JSON or YAML), numbers in <c>requests</c> turned into quantities.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        var node = text.TrimStart().StartsWith('{') ? ResourceReader.ParseJson(text) : YamlJson.ParseAll(text).FirstOrDefault();
        if (node is not JsonObject obj)
        {
            throw new MeshException(new MeshError(ErrorCodes.Malformed, "the body must be a JSON object", ErrorKind.Malformed, "body"));
        }
        QuantitiesAsText(obj["requests"]);
        QuantitiesAsText(obj["pod"]?["requests"]);
        return obj;
    }

    /// <summary>The envelope of a node-named document (node names may be DNS subdomains such as 192.168.0.10).</summary>
    public static void CheckEnvelope(ResourceDocument doc, string kind, string name)
    {
        if (doc.ApiVersion != ApiVersion)
        {
            throw Invalid("apiVersion", doc.ApiVersion, $"apiVersion must be {ApiVersion}");
        }
        if (doc.Kind != kind)
        {
            throw Invalid("kind", doc.Kind, $"kind must be {kind} for this endpoint");
        }
        if (doc.Metadata.Name is { } named && named != name)
        {
            throw Invalid("metadata.name", named, $"metadata.name differs from the name in the URL '{name}'");
        }
    }

    public static T Spec<T>(ResourceDocument doc) where T : class, new() =>
        doc.Spec is { ValueKind: JsonValueKind.Object } spec ? SpecBinder.BindElement<T>(spec, "spec") : new T();

    private static void QuantitiesAsText(JsonNode? requests)
    {
        if (requests is not JsonObject map)
        {
            return;
        }
        foreach (var (key, value) in map.ToList())
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                map[key] = v.ToJsonString();
            }
        }
    }

    private static MeshException Invalid(string field, string? value, string message) =>
        new(new MeshError(ErrorCodes.InvalidField, message, ErrorKind.Invalid, field, value));
}
