using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Contracts;

namespace Mesh.Hosting.Resources;

/// <summary>
/// Binds a document strictly: apiVersion and kind must be the route's, the name a DNS-1123 label equal
/// to the URL's, every spec field known and of the right type. Each refusal names the field and value.
/// </summary>
public static class SpecBinder
{
    /// <summary>Checks the envelope of <paramref name="doc"/> against the route and binds its spec.</summary>
    public static TSpec Bind<TSpec>(ResourceDocument doc, string apiVersion, string kind, string routeName, string? routeNamespace = null)
        where TSpec : class, new()
    {
        if (doc.ApiVersion != apiVersion)
        {
            throw Invalid("apiVersion", doc.ApiVersion, $"apiVersion must be {apiVersion} for this endpoint, not '{doc.ApiVersion}'");
        }
        if (doc.Kind != kind)
        {
            throw Invalid("kind", doc.Kind, $"kind must be {kind} for this endpoint, not '{doc.Kind}'");
        }
        if (doc.Metadata.Name is { } name && name != routeName)
        {
            throw Invalid("metadata.name", name, $"metadata.name '{name}' differs from the name in the URL '{routeName}'");
        }
        if (DnsName.Check(routeName) is { } bad)
        {
            throw new MeshException(bad);
        }
        if (routeNamespace is not null && doc.Metadata.Namespace is { } ns && ns != routeNamespace)
        {
            throw Invalid("metadata.namespace", ns, $"metadata.namespace '{ns}' differs from the namespace in the URL '{routeNamespace}'");
        }
        if (doc.Spec is not { ValueKind: JsonValueKind.Object } spec)
        {
            return new TSpec();
        }
        // COMMON-8: the upstream CRD's fields that this platform does not act on are accepted and left out.
        var upstream = UpstreamFields.Of(apiVersion, kind);
        if (upstream.Count == 0)
        {
            return BindElement<TSpec>(spec, "spec");
        }
        var (kept, ignored) = UpstreamFields.Strip(JsonObject.Create(spec)!, typeof(TSpec), upstream);
        IgnoredFields.Report(ignored.Select(f => "spec." + f));
        return BindNode<TSpec>(kept, "spec");
    }

    /// <summary>Binds a JSON element, refusing unknown fields and wrong types with the field's path.</summary>
    public static T BindElement<T>(JsonElement element, string path)
    {
        try
        {
            return element.Deserialize<T>(ResourceReader.Json)
                ?? throw Invalid(path, "null", $"{path} must not be null");
        }
        catch (JsonException ex)
        {
            throw FromJson(ex, path, typeof(T));
        }
    }

    /// <summary>Binds a JSON node (see <see cref="BindElement{T}"/>).</summary>
    public static T BindNode<T>(JsonNode node, string path) => BindElement<T>(JsonSerializer.SerializeToElement(node), path);

    private static MeshException FromJson(JsonException ex, string root, Type bound)
    {
        var field = root + (ex.Path is { Length: > 1 } p ? p[1..] : "");
        // System.Text.Json names an unknown member as: The JSON property 'x' could not be mapped ...
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = ex.Message.Split('\'') is { Length: >= 2 } parts ? parts[1] : "?";
            var where = field.EndsWith("." + name, StringComparison.Ordinal) ? field : $"{field}.{name}";
            var segments = where.Split('.').Skip(1).Select(s => s.Split('[')[0]).ToList();
            var known = UpstreamFields.TypeAt(bound, segments.Take(segments.Count - 1)) is { } parent ? UpstreamFields.JsonNames(parent).ToList() : [];
            var nearest = Spelling.Nearest(name, known);
            return new MeshException(new MeshError(ErrorCodes.UnknownField,
                $"unknown field '{where}'" + (nearest is null ? "" : $"; did you mean {nearest}?"), ErrorKind.Invalid, where, null,
                nearest is null
                    ? $"remove it, or check its spelling and case against the resource's fields{(known.Count > 0 ? ": " + string.Join(", ", known.Order(StringComparer.Ordinal)) : "")}"
                    : $"write {nearest}, or remove the field"));
        }
        return new MeshException(new MeshError(ErrorCodes.InvalidField,
            $"{field} has the wrong type: {ex.Message.Split(". Path:")[0]}", ErrorKind.Invalid, field, null,
            "check the field's type (string, number, boolean, list or mapping)"));
    }

    private static MeshException Invalid(string field, string? value, string message) =>
        new(new MeshError(ErrorCodes.InvalidField, message, ErrorKind.Invalid, field, value));
}
