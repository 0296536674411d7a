using Mesh.Testing;

namespace Mesh.Vpc.Tests;

// A fresh database and vhost per test, the IPAM double bound first (so that nothing the vpc
// service publishes at start is missed), then the vpc service.
public abstract class BusTestBase : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;
    protected TestVirtualHost Vhost { get; private set; } = null!;
    protected IpamDouble Ipam { get; private set; } = null!;
    protected VpcHost Vpc { get; set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync("vpcbus");
        Vhost = await TestVirtualHost.CreateAsync("vpcbus");
        Ipam = await IpamDouble.StartAsync(Vhost);
        Vpc = await VpcHost.StartAsync(Db, Vhost, Settings);
    }

    public async Task DisposeAsync()
    {
        await Vpc.DisposeAsync();
        await Ipam.DisposeAsync();
        await Vhost.DisposeAsync();
        await Db.DisposeAsync();
    }

    protected static string Subnet(string name, string cidr) =>
        $"apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata:\n  name: {name}\nspec:\n  cidrBlock: {cidr}\n  natOutgoing: true\n";

    protected async Task<string> TopologyVersionAsync() =>
        (await Vpc.GetJsonAsync("/apis/kubeovn.io/v1/vpcs/ovn-cluster")).GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
}
