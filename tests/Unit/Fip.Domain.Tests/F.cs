namespace Mesh.Fip.Domain.Tests;

// Fixtures: one external network 172.35.0.0/24 (the seed's FIP addresses 172.35.0.18 and .20).
internal static class F
{
    public const string ExtNet = "6f1c1e0a-2b4e-4c5d-9a57-3f0c2d9b8e11";
    public const string OtherNet = "0b7d6a52-93c1-4f0e-8f3e-1d2c3b4a5f60";
    public const string PoolName = "ext-net";
    public const string ProjectA = "proj-a";
    public const string ProjectB = "proj-b";

    public static readonly RuleScope Scope = new("gw-node-1");

    public static DefinePool DefinePool(string[]? ranges = null, string[]? excludes = null) =>
        new(ExtNet, PoolName, "172.35.0.0/24", "172.35.0.1",
            ranges ?? ["172.35.0.10..172.35.0.20"], excludes ?? ["172.35.0.15"]);

    public static PoolDefined Pool(string[]? ranges = null, string[]? excludes = null)
    {
        var c = DefinePool(ranges, excludes);
        return new PoolDefined(new PoolSpec(c.ExternalNetworkId, c.Name, c.Cidr, c.Gateway, c.Ranges, c.Excludes));
    }

    public static FipAllocated Allocated(string name, string address, string project = ProjectA) =>
        new(name, project, address, $"key-{name}");

    public static AllocateFip Allocate(string name, string? address = null, string project = ProjectA) =>
        new($"key-{name}", project, PoolName, name, address);

    public static AllocatedTarget Target(string ip, long generation = 1, string owner = "pod-uid-1", string? ext = ExtNet) =>
        new(ip, "subnet-a", "vpc-a", ext, owner, generation, Scope);

    public static SubnetTarget Subnet(string cidr, string? ext = ExtNet) => new("subnet-a", cidr, "vpc-a", ext, Scope);

    public static FipAssociated Eip(string rule, string fip, string fipAddress, string ip, long gen = 1, string owner = "pod-uid-1") =>
        new(new NatRule(rule, RuleKind.Eip, fip, fipAddress, ProjectA, ip, null, "subnet-a", "vpc-a", null, null, null,
            owner, gen, Scope));

    public static FipAssociated Snat(string rule, string fip, string fipAddress, string ip, long gen = 1, string owner = "pod-uid-1") =>
        new(new NatRule(rule, RuleKind.Snat, fip, fipAddress, ProjectA, ip, null, "subnet-a", "vpc-a", null, null, null,
            owner, gen, Scope));

    public static FipAssociated SnatCidr(string rule, string fip, string fipAddress, string cidr) =>
        new(new NatRule(rule, RuleKind.Snat, fip, fipAddress, ProjectA, null, cidr, "subnet-a", "vpc-a", null, null, null,
            null, 0, Scope));

    public static FipAssociated Dnat(string rule, string fip, string fipAddress, string ip, int ext, int inner,
        string protocol = "tcp", long gen = 1, string owner = "pod-uid-1") =>
        new(new NatRule(rule, RuleKind.Dnat, fip, fipAddress, ProjectA, ip, null, "subnet-a", "vpc-a", protocol, ext, inner,
            owner, gen, Scope));

    public static ReleaseTarget Released(string ip, long gen = 1, string owner = "pod-uid-1", string subnet = "subnet-a") =>
        new(ip, owner, new Guid($"00000000-0000-0000-0000-{gen:D12}"), gen, subnet);
}
