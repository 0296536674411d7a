using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mesh.Contracts.Sriov;
using Mesh.Hosting;
using Mesh.Ipam.Service;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Sriov.Tests;

/// The manual's runc+ETH scenario with the real IPAM service in process (its own database, the same
/// vhost): the network's range becomes an IPAM pool and the VF's address comes from it.
public sealed class RealIpamTests : SriovTestBase
{
    private TestDatabase _ipamDb = null!;
    private WebApplication _ipam = null!;

    protected override bool UsesRealIpam => true;

    protected override async Task StartIpamAsync()
    {
        _ipamDb = await TestDatabase.CreateAsync("sriovipam");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Mesh:Postgres"] = _ipamDb.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = Vhost.Url;
        var mesh = builder.AddServiceDefaults("ipam");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddIpam(mesh);
        _ipam = builder.Build();
        _ipam.MapServiceDefaults();
        _ipam.MapIpamApi();
        await _ipam.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _ipam.DisposeAsync();
        await _ipamDb.DisposeAsync();
    }

    [Fact]
    [Trait("rule", "SRIOV-6")]
    [Trait("rule", "SRIOV-10")]
    public async Task The_VF_gets_its_address_from_the_networks_range_in_the_IPAM_service()
    {
        await ConfigureAsync("policy-runc-eth.yaml", "sriovnetworks", "nics");
        JsonNode? granted = null;
        var last = "";
        for (var attempt = 0; attempt < 40 && granted is null; attempt++)
        {
            var response = await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", "uid-1"));
            last = await response.Content.ReadAsStringAsync();
            granted = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(last) : null;
            await Task.Delay(granted is null ? 250 : 0);
        }
        Assert.True(granted is not null, "the IPAM service has the pool and grants an address: " + last);
        var vf = granted!["vfs"]![0]!;
        var ip = IPAddress.Parse(vf["ipAddress"]!.GetValue<string>());
        Assert.True(IPNetwork.Parse("192.168.100.0/24").Contains(ip), $"{ip} is in the network's range");
        Assert.False(IPNetwork.Parse("192.168.100.0/26").Contains(ip), $"{ip} is not excluded");
        Assert.Equal("0000:71:00.1", vf["vfPciAddress"]!.GetValue<string>());

        var second = await JsonAsync(await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", "uid-2", "pod-2")));
        Assert.NotEqual(ip.ToString(), second["vfs"]![0]!["ipAddress"]!.GetValue<string>());
        await JsonAsync(await Admin.DeleteAsync("/api/v1/vf-allocations/uid-1"));
    }
}
