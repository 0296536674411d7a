using System.Text.Json;

namespace Mesh.Hosting.Resources;

/// <summary>Kubernetes object metadata, as users already write it.</summary>
public sealed record ObjectMeta
{
    /// <summary>The resource name (COMMON-1: a DNS-1123 label).</summary>
    public string? Name { get; init; }

    /// <summary>The namespace of a namespaced kind.</summary>
    public string? Namespace { get; init; }

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Annotations.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The stream version the document was read at; sent back, it is the expected version of an update.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Set by the server.</summary>
    public string? Uid { get; init; }

    /// <summary>Set by the server.</summary>
    public DateTimeOffset? CreationTimestamp { get; init; }

    /// <summary>Set by the server: how many times the spec changed.</summary>
    public long? Generation { get; init; }

    // Server-owned fields of a document exported from a cluster (COMMON-8): accepted, never stored or echoed.

    /// <summary>Another API server's field ownership (ignored).</summary>
    public JsonElement? ManagedFields { get; init; }

    /// <summary>Another API server's finalizers (ignored).</summary>
    public IReadOnlyList<string>? Finalizers { get; init; }

    /// <summary>Another API server's owner references (ignored).</summary>
    public JsonElement? OwnerReferences { get; init; }

    /// <summary>Set by another API server (ignored).</summary>
    public string? SelfLink { get; init; }

    /// <summary>Set by another API server (ignored).</summary>
    public string? GenerateName { get; init; }

    /// <summary>Set by another API server (ignored).</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>Set by another API server (ignored).</summary>
    public long? DeletionGracePeriodSeconds { get; init; }

    /// <summary>The annotation kubectl keeps its last applied document in (ignored on input).</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>Whether the document was exported from another system (it carries that system's uid or field ownership).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsForeign => Uid is not null || ManagedFields is not null;
}
