namespace Mesh.Ipam.Domain.Pools;

/// <summary>IPAM-4: an address belongs to (pod uid, interface), never to a pod name.</summary>
public readonly record struct AllocationOwner(string PodUid, string Interface)
{
    public const string PrimaryInterface = "eth0";

    public override string ToString() => $"{PodUid}/{Interface}";

    /// <summary>The owner written as <c>uid/interface</c> (its <see cref="ToString"/>).</summary>
    public static AllocationOwner Parse(string text) =>
        text.LastIndexOf('/') is var slash and > 0 ? new(text[..slash], text[(slash + 1)..]) : new(text, PrimaryInterface);
}
