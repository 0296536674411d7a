using System.Net;
using Mesh.Testing;

namespace Mesh.Vpc.Tests;

/// <summary>
/// Seed 000's Vpc names the external network c9a831a0-…: with Mesh:Vpc:DefaultExternalNetwork set (as ./mesh up sets it)
/// the seed applies as written; without it, the refusal says how to register the network (issue 25, item 4).
/// </summary>
public sealed class DefaultExternalNetworkTests
{
    [Fact]
    [Trait("rule", "VPC-2")]
    public async Task With_the_default_external_network_configured_seed_000s_vpc_applies_as_written()
    {
        await using var db = await TestDatabase.CreateAsync("vpcdefext");
        await using var vhost = await TestVirtualHost.CreateAsync("vpcdefext");
        await using var host = await VpcHost.StartAsync(db, vhost, new Dictionary<string, string?>
        {
            ["Mesh:Vpc:DefaultExternalNetwork:Name"] = "external-net",
            ["Mesh:Vpc:DefaultExternalNetwork:Id"] = "C9A831A0-6298-44c6-a664-2f362e60e419",
            ["Mesh:Vpc:DefaultExternalNetwork:Cidr"] = "172.110.0.0/24",
            ["Mesh:Vpc:DefaultExternalNetwork:Gateway"] = "172.110.0.1",
        });
        var network = await host.GetJsonAsync("/apis/network.mesh.io/v1/externalnetworks/external-net");
        Assert.Equal("c9a831a0-6298-44c6-a664-2f362e60e419", network.GetProperty("spec").GetProperty("id").GetString());
        await Problems.OkAsync(await host.PutAsync("/apis/kubeovn.io/v1/vpcs/test-vpc2", VpcHost.Example("test-vpc2.yaml")));
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    public async Task Without_it_the_refusal_names_the_ExternalNetwork_document_and_meshctl_apply()
    {
        await using var db = await TestDatabase.CreateAsync("vpcnoext");
        await using var vhost = await TestVirtualHost.CreateAsync("vpcnoext");
        await using var host = await VpcHost.StartAsync(db, vhost);
        var problem = await Problems.AssertAsync(await host.PutAsync("/apis/kubeovn.io/v1/vpcs/test-vpc2", VpcHost.Example("test-vpc2.yaml")),
            HttpStatusCode.NotFound, "ExternalNetworkNotFound");
        var remedy = problem.GetProperty("remedy").GetString()!;
        Assert.Contains("ExternalNetwork", remedy);
        Assert.Contains("meshctl apply -f examples/vpc/external-network.yaml", remedy);
        Assert.DoesNotContain("page", remedy);
    }

    [Fact]
    public async Task A_default_external_network_without_its_cidr_stops_the_service_at_start()
    {
        await using var db = await TestDatabase.CreateAsync("vpcbadext");
        await using var vhost = await TestVirtualHost.CreateAsync("vpcbadext");
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => VpcHost.StartAsync(db, vhost,
            new Dictionary<string, string?> { ["Mesh:Vpc:DefaultExternalNetwork:Id"] = "c9a831a0-6298-44c6-a664-2f362e60e419" }));
        Assert.Contains("Mesh:Vpc:DefaultExternalNetwork", refused.Message);
    }
}
