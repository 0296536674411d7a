namespace Mesh.Fip.Tests;

// Documents of the kinds under test, as users write them.
internal static class Docs
{
    public static string Eip(string name, string pool = "ext-a", string? ip = null) =>
        $$"""{"apiVersion":"kubeovn.io/v1","kind":"OvnEip","metadata":{"name":"{{name}}"},"spec":{"externalSubnet":"{{pool}}"{{(ip is null ? "" : $",\"v4Ip\":\"{ip}\"")}},"type":"nat"} }""";

    public static string Fip(string name, string eip, string ip) =>
        $$"""{"apiVersion":"kubeovn.io/v1","kind":"OvnFip","metadata":{"name":"{{name}}"},"spec":{"ovnEip":"{{eip}}","v4Ip":"{{ip}}"} }""";

    public static string Snat(string name, string eip, string? cidr = null, string? subnet = null) =>
        $$"""{"apiVersion":"kubeovn.io/v1","kind":"OvnSnatRule","metadata":{"name":"{{name}}"},"spec":{"ovnEip":"{{eip}}"{{(cidr is null ? "" : $",\"v4IpCidr\":\"{cidr}\"")}}{{(subnet is null ? "" : $",\"vpcSubnet\":\"{subnet}\"")}} } }""";

    public static string Dnat(string name, string eip, string ip, string ext, string inner, string protocol = "tcp") => $"""
        apiVersion: kubeovn.io/v1
        kind: OvnDnatRule
        metadata:
          name: {name}
        spec:
          ovnEip: {eip}
          v4Ip: {ip}
          protocol: {protocol}
          externalPort: {ext}
          internalPort: {inner}
        """;

    public const string Eips = "/apis/kubeovn.io/v1/ovn-eips/";
    public const string Fips = "/apis/kubeovn.io/v1/ovn-fips/";
    public const string Snats = "/apis/kubeovn.io/v1/ovn-snat-rules/";
    public const string Dnats = "/apis/kubeovn.io/v1/ovn-dnat-rules/";
}
