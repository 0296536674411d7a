using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Contracts;
using Microsoft.AspNetCore.Http;

namespace Mesh.Hosting.Resources;

/// <summary>Reads custom-resource documents from request bodies or files, as JSON or YAML.</summary>
public static class ResourceReader
{
    /// <summary>JSON settings for resource documents and specs: Kubernetes field names, unknown fields refused.</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        return options;
    }

    /// <summary>The single document in the request body (JSON, or YAML by content type or by shape).</summary>
    public static async Task<ResourceDocument> ReadAsync(HttpRequest request, CancellationToken ct = default)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        var documents = Parse(text);
        return documents.Count switch
        {
            1 => documents[0],
            0 => throw new MeshException(new MeshError(ErrorCodes.Malformed, "the body is empty", ErrorKind.Malformed, "body", null,
                "send one document with apiVersion, kind, metadata and spec")),
            _ => throw new MeshException(new MeshError(ErrorCodes.Malformed, $"the body holds {documents.Count} documents; send one per request",
                ErrorKind.Malformed, "body", null, "use meshctl apply -f to send a multi-document file")),
        };
    }

    /// <summary>Every document of a JSON or (multi-document) YAML text.</summary>
    public static IReadOnlyList<ResourceDocument> Parse(string text)
    {
        var nodes = text.TrimStart().StartsWith('{') ? [ParseJson(text)] : YamlJson.ParseAll(text);
        return nodes.Select(ToDocument).ToArray();
    }

    /// <summary>
    /// A JSON text as a node; a text that is not JSON, names a key twice in one object or holds a U+0000 (which no
    /// field may hold: PostgreSQL stores no such character) is refused as <c>MalformedDocument</c>.
    /// </summary>
    public static JsonNode? ParseJson(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new MeshException(new MeshError(ErrorCodes.Malformed, $"the body is not valid JSON: {ex.Message}", ErrorKind.Malformed, "body", null,
                "send a JSON object or a YAML document"));
        }
        CheckText(node);
        return node;
    }

    private static void CheckText(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    NulFreeString.Check(key);
                    CheckText(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CheckText(item);
                }
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                NulFreeString.Check(text);
                break;
        }
    }

    private static ResourceDocument ToDocument(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw new MeshException(new MeshError(ErrorCodes.Malformed, "a document must be a mapping with apiVersion, kind, metadata and spec",
                ErrorKind.Malformed, "body"));
        }
        foreach (var (key, _) in obj)
        {
            if (key is not ("apiVersion" or "kind" or "metadata" or "spec" or "status"))
            {
                var nearest = Spelling.Nearest(key, ["apiVersion", "kind", "metadata", "spec", "status"]);
                throw new MeshException(new MeshError(ErrorCodes.UnknownField,
                    $"unknown top-level field '{key}'" + (nearest is null ? "" : $"; did you mean {nearest}?"), ErrorKind.Invalid, key, null,
                    "a document has only apiVersion, kind, metadata, spec and status"));
            }
        }
        var metadata = obj["metadata"] is { } meta ? SpecBinder.BindNode<ObjectMeta>(meta, "metadata") : new ObjectMeta();
        return new ResourceDocument
        {
            ApiVersion = Text(obj, "apiVersion"),
            Kind = Text(obj, "kind"),
            Metadata = Owned(metadata),
            Spec = obj["spec"] is { } spec ? JsonSerializer.SerializeToElement(spec) : null,
            Status = obj["status"] is { } status ? JsonSerializer.SerializeToElement(status) : null,
        };
    }

    // COMMON-8: what another API server owns is dropped: its field ownership and finalizers, kubectl's last applied
    // document, and its resourceVersion (which is not a version of ours: sent as the expected version, it would conflict).
    private static ObjectMeta Owned(ObjectMeta meta) => meta with
    {
        ResourceVersion = meta.IsForeign ? null : meta.ResourceVersion,
        Uid = null,
        CreationTimestamp = null,
        Generation = null,
        ManagedFields = null,
        Finalizers = null,
        OwnerReferences = null,
        SelfLink = null,
        GenerateName = null,
        DeletionTimestamp = null,
        DeletionGracePeriodSeconds = null,
        Annotations = meta.Annotations is { } a && a.ContainsKey(ObjectMeta.LastAppliedAnnotation)
            ? a.Where(kv => kv.Key != ObjectMeta.LastAppliedAnnotation).ToDictionary(kv => kv.Key, kv => kv.Value)
            : meta.Annotations,
    };

    private static string? Text(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => throw new MeshException(new MeshError(ErrorCodes.InvalidField, $"{name} must be a string, not {other.ToJsonString()}",
            ErrorKind.Invalid, name, other.ToJsonString())),
    };
}
