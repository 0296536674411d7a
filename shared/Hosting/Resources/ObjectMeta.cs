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
}
