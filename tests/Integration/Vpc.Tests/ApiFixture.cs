using Mesh.Testing;

namespace Mesh.Vpc.Tests;

// One vpc service (database, vhost, host) shared by a test class whose tests use distinct names.
public sealed class ApiFixture : IAsyncLifetime
{
    public static readonly string[] SeedFiles =
        ["external-network.yaml", "test-vpc2.yaml", "net192.yaml", "vpc-secondary.yaml", "subnet-secondary.yaml", "vpc-nat-gw.yaml"];

    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;

    public VpcHost Host { get; private set; } = null!;

    /// <summary>POOL-2: subnet changes are agreed with IPAM; this double accepts them (or refuses, as told).</summary>
    public IpamDouble Ipam { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("vpcapi");
        _vhost = await TestVirtualHost.CreateAsync("vpcapi");
        Ipam = await IpamDouble.StartAsync(_vhost);
        Host = await VpcHost.StartAsync(_db, _vhost);
    }

    // The seeds' documents, applied as they stand, in order (apply semantics: repeats change nothing).
    public async Task ApplySeedsAsync()
    {
        foreach (var file in SeedFiles)
        {
            var (plural, name) = Route(file);
            await Problems.OkAsync(await Host.PutAsync($"{plural}/{name}", VpcHost.Example(file)));
        }
    }

    public static (string Path, string Name) Route(string file) => file switch
    {
        "external-network.yaml" => ("/apis/network.mesh.io/v1/externalnetworks", "external-net"),
        "test-vpc2.yaml" => ("/apis/kubeovn.io/v1/vpcs", "test-vpc2"),
        "vpc-secondary.yaml" => ("/apis/kubeovn.io/v1/vpcs", "vpc-secondary"),
        "vpc-nat-gw.yaml" => ("/apis/kubeovn.io/v1/vpc-nat-gateways", "vpc-nat-gw"),
        _ => ("/apis/kubeovn.io/v1/subnets", Path.GetFileNameWithoutExtension(file)),
    };

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Ipam.DisposeAsync();
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }
}
