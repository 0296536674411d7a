using System.Text.Json;

namespace Mesh.Hosting.Resources;

/// <summary>A document in the custom-resource shape: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, <c>spec</c>, <c>status</c>.</summary>
public sealed record ResourceDocument
{
    /// <summary>e.g. <c>kubeovn.io/v1</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>e.g. <c>Subnet</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Name, namespace, labels, annotations, version.</summary>
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The desired state, bound strictly by the owning service.</summary>
    public JsonElement? Spec { get; init; }

    /// <summary>The observed state (ignored on input).</summary>
    public JsonElement? Status { get; init; }
}
