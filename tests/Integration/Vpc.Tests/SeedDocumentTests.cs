using System.Net;

namespace Mesh.Vpc.Tests;

// The seeds' YAML documents (examples/vpc), sent over HTTP as they stand.
public sealed class SeedDocumentTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    private VpcHost Host => fx.Host;

    [Fact]
    [Trait("rule", "VPC-1")]
    public async Task The_default_vpc_and_subnet_exist_from_the_first_start_and_cannot_be_deleted()
    {
        var vpc = await Host.GetJsonAsync("/apis/kubeovn.io/v1/vpcs/ovn-cluster");
        Assert.True(vpc.GetProperty("status").GetProperty("default").GetBoolean());
        var subnet = await Host.GetJsonAsync("/apis/kubeovn.io/v1/subnets/ovn-default");
        Assert.Equal("10.16.0.0/16", subnet.GetProperty("spec").GetProperty("cidrBlock").GetString());
        Assert.Equal("10.16.0.1", subnet.GetProperty("spec").GetProperty("gateway").GetString());
        await Problems.AssertAsync(await Host.DeleteAsync("/apis/kubeovn.io/v1/subnets/ovn-default"), HttpStatusCode.Conflict, "ProtectedResource");
        await Problems.AssertAsync(await Host.DeleteAsync("/apis/kubeovn.io/v1/vpcs/ovn-cluster"), HttpStatusCode.Conflict, "ProtectedResource");
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    [Trait("rule", "SUB-1")]
    public async Task Seed_000_external_network_test_vpc2_and_net192_are_accepted_with_status()
    {
        foreach (var file in new[] { "external-network.yaml", "test-vpc2.yaml", "net192.yaml" })
        {
            var (path, name) = ApiFixture.Route(file);
            var doc = await Problems.OkAsync(await Host.PutAsync($"{path}/{name}", VpcHost.Example(file)));
            Assert.Equal(name, doc.GetProperty("metadata").GetProperty("name").GetString());
            Assert.False(string.IsNullOrEmpty(doc.GetProperty("metadata").GetProperty("resourceVersion").GetString()));
        }
        var vpc = await Host.GetJsonAsync("/apis/kubeovn.io/v1/vpcs/test-vpc2");
        Assert.Equal("172.110.0.160", vpc.GetProperty("spec").GetProperty("externalGatewayIp").GetString());
        var net192 = await Host.GetJsonAsync("/apis/kubeovn.io/v1/subnets/net192");
        Assert.Equal("test-vpc2", net192.GetProperty("spec").GetProperty("vpc").GetString());
        Assert.Equal("192.168.100.1", net192.GetProperty("spec").GetProperty("gateway").GetString());
        var ready = net192.GetProperty("status").GetProperty("conditions")[0];
        Assert.Equal(("Ready", "True"), (ready.GetProperty("type").GetString(), ready.GetProperty("status").GetString()));
        Assert.Equal(0, net192.GetProperty("status").GetProperty("v4usingIPs").GetDouble());
    }

    [Fact]
    [Trait("rule", "SUB-1")]
    [Trait("rule", "RT-5")]
    public async Task Seed_004_vpc_secondary_subnet_secondary_and_vpc_nat_gw_are_accepted()
    {
        await fx.ApplySeedsAsync();
        var subnet = await Host.GetJsonAsync("/apis/kubeovn.io/v1/subnets/subnet-secondary");
        Assert.Equal("kube-ovn-vpc-network.default.ovn", subnet.GetProperty("spec").GetProperty("provider").GetString());
        var gateway = await Host.GetJsonAsync("/apis/kubeovn.io/v1/vpc-nat-gateways/vpc-nat-gw");
        Assert.Equal("10.100.0.254", gateway.GetProperty("spec").GetProperty("lanIp").GetString());
        var vpc = await Host.GetJsonAsync("/apis/kubeovn.io/v1/vpcs/vpc-secondary");
        Assert.Equal("vpc-nat-gw", vpc.GetProperty("status").GetProperty("natGateway").GetString());
    }

    [Fact]
    public async Task Applying_an_unchanged_document_again_changes_nothing()
    {
        await fx.ApplySeedsAsync();
        var before = (await Host.GetJsonAsync("/apis/kubeovn.io/v1/subnets/net192")).GetProperty("metadata").GetProperty("resourceVersion").GetString();
        var again = await Problems.OkAsync(await Host.PutAsync("/apis/kubeovn.io/v1/subnets/net192", VpcHost.Example("net192.yaml")), HttpStatusCode.OK);
        Assert.Equal(before, again.GetProperty("metadata").GetProperty("resourceVersion").GetString());
    }

    [Fact]
    [Trait("rule", "VPC-4")]
    public async Task A_vpc_that_still_has_subnets_cannot_be_deleted()
    {
        await fx.ApplySeedsAsync();
        var problem = await Problems.AssertAsync(await Host.DeleteAsync("/apis/kubeovn.io/v1/vpcs/test-vpc2"), HttpStatusCode.Conflict, "VpcInUse");
        Assert.Contains("net192", problem.GetProperty("detail").GetString());
    }
}
