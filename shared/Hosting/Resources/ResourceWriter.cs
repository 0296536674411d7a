using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Contracts;
using Microsoft.AspNetCore.Http;

namespace Mesh.Hosting.Resources;

/// <summary>Answers in the custom-resource shape, with <c>status</c> filled in.</summary>
public static class ResourceWriter
{
    /// <summary>The document for one resource.</summary>
    public static JsonObject Document(string apiVersion, string kind, ObjectMeta metadata, object? spec, object? status)
    {
        var doc = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = JsonSerializer.SerializeToNode(metadata, ResourceReader.Json),
        };
        if (spec is not null)
        {
            doc["spec"] = JsonSerializer.SerializeToNode(spec, spec.GetType(), ResourceReader.Json);
        }
        if (status is not null)
        {
            doc["status"] = JsonSerializer.SerializeToNode(status, status.GetType(), ResourceReader.Json);
        }
        return doc;
    }

    /// <summary>
    /// Marks a document as the state at a past time (<c>meshctl get --as-of</c>, SRE-2): annotations
    /// <c>mesh.io/as-of</c> and <c>mesh.io/as-of-version</c> (the stream version it was folded to).
    /// </summary>
    public static JsonObject AsOf(JsonObject document, DateTimeOffset at, long version)
    {
        var metadata = document["metadata"] as JsonObject ?? [];
        var annotations = metadata["annotations"] as JsonObject ?? [];
        annotations["mesh.io/as-of"] = at.ToString("O");
        annotations["mesh.io/as-of-version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        metadata["annotations"] = annotations;
        document["metadata"] = metadata;
        return document;
    }

    /// <summary>
    /// The answer to <c>GET ...?asOf=</c> (SRE-2): <paramref name="document"/>, the resource folded from its events up to
    /// <paramref name="at"/>, marked by <see cref="AsOf"/>; a 404 when it is null (the resource did not exist then, or was deleted by then).
    /// </summary>
    public static IResult AsOfAnswer(string kind, string name, DateTimeOffset at, JsonObject? document, long version) =>
        document is null ? MeshProblems.Problem(NotFoundAsOf(kind, name, at)) : TypedResults.Ok(AsOf(document, at, version));

    /// <summary>The refusal of an as-of read of a resource that did not exist at <paramref name="at"/> (SRE-2).</summary>
    public static MeshError NotFoundAsOf(string kind, string name, DateTimeOffset at) => new(ErrorCodes.NotFound,
        $"{kind} '{name}' did not exist at {at:O}", ErrorKind.NotFound, "asOf", at.ToString("O"),
        "pick a later time, or read the stream's history (meshctl history)");

    /// <summary>A Kubernetes-style list (<c>kind: XList</c>, <c>items</c>).</summary>
    public static JsonObject List(string apiVersion, string kind, IEnumerable<JsonObject> items) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind + "List",
        ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray(items.Cast<JsonNode>().ToArray()),
    };
}
