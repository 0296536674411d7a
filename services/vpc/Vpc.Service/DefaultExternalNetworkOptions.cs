namespace Mesh.Vpc.Service;

/// <summary>
/// An external network registered at start (section <c>Mesh:Vpc:DefaultExternalNetwork</c>), the one the seeds' VPCs name
/// (seed 000: external-net, c9a831a0-6298-44c6-a664-2f362e60e419). Off unless set: <c>./mesh up</c> sets it on one machine;
/// in production the external networks are the SDN's and are registered with ExternalNetwork documents.
/// </summary>
public sealed record DefaultExternalNetworkOptions
{
    public const string Section = "Mesh:Vpc:DefaultExternalNetwork";

    public string? Name { get; init; }
    public string? Id { get; init; }
    public string? Cidr { get; init; }
    public string? Gateway { get; init; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Id);

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem() =>
        !IsSet && (Name ?? Cidr ?? Gateway) is not null ? $"{Section}:Id is required when any of its fields is set"
        : IsSet && (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Cidr)) ? $"{Section} needs Name and Cidr beside Id"
        : null;
}
