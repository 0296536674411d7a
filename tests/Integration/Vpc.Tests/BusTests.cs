using System.Net;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Vpc;
using Mesh.Testing;

namespace Mesh.Vpc.Tests;

// Events for every change (issue 3 item 5), and usage status kept current from IPAM.
public sealed class BusTests : BusTestBase
{
    [Fact]
    [Trait("rule", "VPC-1")]
    [Trait("rule", "SUB-1")]
    public async Task Creating_a_subnet_publishes_SubnetAnnounced_with_every_default_filled_in()
    {
        await Eventually.TrueAsync(() => Ipam.State.All<SubnetAnnounced>().Any(s => s.Name == "ovn-default" && s.IsVpcDefault), "ovn-default announced");
        await Problems.OkAsync(await Vpc.PutAsync("/apis/kubeovn.io/v1/subnets/web", Subnet("web", "10.40.0.0/24")), HttpStatusCode.Created);

        await Eventually.TrueAsync(() => Ipam.State.All<SubnetAnnounced>().Any(s => s.Name == "web"), "web announced");
        var web = Ipam.State.All<SubnetAnnounced>().Single(s => s.Name == "web");
        Assert.Equal(("ovn-cluster", "10.40.0.0/24", "10.40.0.1", "ovn", "IPv4"), (web.Vpc, web.CidrBlock, web.Gateway, web.Provider, web.Protocol));
        Assert.Contains("10.40.0.1", web.ExcludeIps);
        Assert.False(web.IsVpcDefault);
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    [Trait("rule", "RT-5")]
    public async Task External_networks_vpcs_and_nat_gateways_are_announced()
    {
        foreach (var file in ApiFixture.SeedFiles)
        {
            var (path, name) = ApiFixture.Route(file);
            await Problems.OkAsync(await Vpc.PutAsync($"{path}/{name}", VpcHost.Example(file)));
        }
        await Eventually.TrueAsync(() => Ipam.State.All<NatGatewayAnnounced>().Any(g => g.Name == "vpc-nat-gw"), "NAT gateway announced");
        Assert.Contains(Ipam.State.All<ExternalNetworkAnnounced>(), n => n.Id == "c9a831a0-6298-44c6-a664-2f362e60e419" && n.Cidr == "172.110.0.0/24");
        Assert.Contains(Ipam.State.All<VpcAnnounced>(), v => v.Name == "test-vpc2" && v.ExternalGatewayIp == "172.110.0.160");
        Assert.Contains(Ipam.State.All<SubnetAnnounced>(), s => s.Name == "subnet-secondary" && s.Provider == "kube-ovn-vpc-network.default.ovn");
    }

    [Fact]
    [Trait("rule", "SUB-9")]
    public async Task SubnetUsageChanged_from_ipam_updates_the_status_and_a_used_subnet_is_refused_at_once()
    {
        await Problems.OkAsync(await Vpc.PutAsync("/apis/kubeovn.io/v1/subnets/busy", Subnet("busy", "10.41.0.0/24")));
        await Ipam.PublishAsync(new SubnetUsageChanged("busy", "250", "3", "0", "0"));

        await Eventually.TrueAsync(async () =>
            (await Vpc.GetJsonAsync("/apis/kubeovn.io/v1/subnets/busy")).GetProperty("status").GetProperty("v4usingIPs").GetDouble() == 3, "usage in status");
        var status = (await Vpc.GetJsonAsync("/apis/kubeovn.io/v1/subnets/busy")).GetProperty("status");
        Assert.Equal(250, status.GetProperty("v4availableIPs").GetDouble());

        var problem = await Problems.AssertAsync(await Vpc.DeleteAsync("/apis/kubeovn.io/v1/subnets/busy"), HttpStatusCode.Conflict, "SubnetInUse");
        Assert.Contains("3", problem.GetProperty("detail").GetString());
        Assert.Empty(Ipam.State.All<SubnetDeletionRequested>());
    }
}
