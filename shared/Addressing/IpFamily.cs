namespace Mesh.Addressing;

public enum IpFamily
{
    V4,
    V6,
}

public static class IpFamilies
{
    /// <summary>"IPv4" or "IPv6", the spelling of Kube-OVN's protocol field and of our messages.</summary>
    public static string Name(this IpFamily family) => family == IpFamily.V4 ? "IPv4" : "IPv6";

    public static IpFamily? FromName(string? name) => name switch
    {
        "IPv4" => IpFamily.V4,
        "IPv6" => IpFamily.V6,
        _ => null,
    };
}
