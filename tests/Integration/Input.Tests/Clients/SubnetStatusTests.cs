using System.Globalization;
using System.Text.Json;
using Mesh.Ipam.Tests;
using Mesh.Testing;

namespace Mesh.Input.Tests.Clients;

/// <summary>
/// A subnet's status (VPC service) agrees with its pool (IPAM service) from the subnet's creation on, and after every
/// change: the two services cannot silently disagree about how many addresses are free (issue 25, item 3).
/// </summary>
[Collection(PythonCollection.Name)]
public sealed class SubnetStatusTests(PythonWorld world)
{
    private async Task<(double Available, double Using)> StatusAsync(string subnet)
    {
        var response = await world.Mesh.SendAsync("vpc", HttpMethod.Get, $"/apis/kubeovn.io/v1/subnets/{subnet}", null, Who.Admin);
        var status = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("status");
        return (status.TryGetProperty("v4availableIPs", out var a) ? a.GetDouble() : -1, status.TryGetProperty("v4usingIPs", out var u) ? u.GetDouble() : -1);
    }

    private async Task<(double Free, double Used)> PoolAsync(string subnet)
    {
        var response = await world.Mesh.SendAsync("ipam", HttpMethod.Get, $"/api/v1/subnets/{subnet}/usage", null, Who.Admin);
        var v4 = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("families")[0];
        return (double.Parse(v4.GetProperty("free").GetString()!, CultureInfo.InvariantCulture), double.Parse(v4.GetProperty("used").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_fresh_24_shows_253_available_before_its_first_allocation_and_follows_every_change()
    {
        var put = await world.Mesh.SendAsync("vpc", HttpMethod.Put, "/apis/kubeovn.io/v1/subnets/fresh-24",
            CatalogueWorld.Subnet("fresh-24", "  cidrBlock: 10.253.0.0/24"), Who.Admin);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () => await StatusAsync("fresh-24") == (253, 0), "status 253 available, 0 in use, with no allocation");

        var allocated = await world.Mesh.SendAsync("ipam", HttpMethod.Post, "/api/v1/allocations",
            JsonSerializer.Serialize(ClientBus.Pod("fresh-1", "fresh-24"), JsonSerializerOptions.Web), Who.Admin);
        Assert.True(allocated.IsSuccessStatusCode, await allocated.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () => await StatusAsync("fresh-24") == (252, 1), "status 252 available, 1 in use");

        // An edit that excludes addresses changes what is available at once.
        put = await world.Mesh.SendAsync("vpc", HttpMethod.Put, "/apis/kubeovn.io/v1/subnets/fresh-24",
            CatalogueWorld.Subnet("fresh-24", "  cidrBlock: 10.253.0.0/24\n  excludeIps: [10.253.0.200..10.253.0.209]"), Who.Admin);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () => (await StatusAsync("fresh-24")).Available == (await PoolAsync("fresh-24")).Free
            && (await PoolAsync("fresh-24")).Free == 242, "status follows the excluded range");
    }

    [Fact]
    public async Task The_default_subnet_shows_what_its_pool_has_free()
    {
        await Eventually.TrueAsync(async () =>
        {
            var (available, used) = await StatusAsync("ovn-default");
            var pool = await PoolAsync("ovn-default");
            return available > 0 && available == pool.Free && used == pool.Used;
        }, "ovn-default's status equals its pool");
    }
}
