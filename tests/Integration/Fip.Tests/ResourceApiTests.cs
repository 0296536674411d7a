using System.Net;
using System.Text.Json;
using static Mesh.Fip.Tests.FipFixture;

namespace Mesh.Fip.Tests;

[Collection(nameof(FipFixture))]
public sealed class ResourceApiTests(FipFixture f)
{
    private Task<HttpResponseMessage> Put(string path, string token, string body) => f.SendAsync(HttpMethod.Put, path, token, body);

    [Fact, Trait("rule", "FIP-1")]
    public async Task The_pool_shows_its_free_addresses_and_only_an_admin_writes_it()
    {
        var pool = Ok(await f.SendAsync(HttpMethod.Get, "/apis/neutron.io/v1/fips/ext-a", f.Member("viewer")));
        Assert.Equal(ExtA, pool.GetProperty("status").GetProperty("externalNetworkID").GetString());
        Assert.Equal("172.35.0.0/24", pool.GetProperty("spec").GetProperty("cidr").GetString());
        Assert.Contains("172.35.0.60", pool.GetProperty("status").GetProperty("available").EnumerateArray().Select(a => a.GetString()!).Last());
        var list = Ok(await f.SendAsync(HttpMethod.Get, "/apis/neutron.io/v1/fips", f.Member("viewer")));
        Assert.Equal("FipList", list.GetProperty("kind").GetString());

        var body = $$"""{"apiVersion":"neutron.io/v1","kind":"Fip","metadata":{"name":"ext-a"},"spec":{"externalNetworkID":"{{ExtA}}"} }""";
        await ProblemAsync(await Put("/apis/neutron.io/v1/fips/ext-a", f.Member("proj-a"), body), 403, "Forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.SendAsync(HttpMethod.Put, "/apis/neutron.io/v1/fips/ext-a", null, body)).StatusCode);
        await ProblemAsync(await f.SendAsync(HttpMethod.Get, "/apis/neutron.io/v1/fips/nope", f.Admin()), 404, "NotFound");
    }

    [Fact, Trait("rule", "FIP-1")]
    public async Task Bad_pool_documents_get_specific_codes()
    {
        var admin = f.Admin();
        await ProblemAsync(await Put("/apis/neutron.io/v1/fips/p1", admin,
            """{"apiVersion":"neutron.io/v1","kind":"Fip","metadata":{"name":"p1"},"spec":{"externalNetworkID":"not-a-uuid","cidr":"10.9.0.0/24","gateway":"10.9.0.1"}}"""),
            422, "InvalidExternalNetworkId");
        await ProblemAsync(await Put("/apis/neutron.io/v1/fips/p1", admin,
            """{"apiVersion":"neutron.io/v1","kind":"Fip","metadata":{"name":"p1"},"spec":{"externalNetworkId":"x"}}"""), 422, "UnknownField");
        await ProblemAsync(await Put("/apis/neutron.io/v1/fips/p1", admin, "{\"apiVersion\": "), 400, "MalformedDocument");
        await ProblemAsync(await Put("/apis/neutron.io/v1/fips/ext-a", admin,
            $$"""{"apiVersion":"neutron.io/v1","kind":"Fip","metadata":{"name":"ext-a"},"spec":{"externalNetworkID":"{{ExtA}}","ranges":["172.35.1.5"]} }"""),
            422, "InvalidRange");
    }

    [Fact, Trait("rule", "FIP-2")]
    public async Task An_ovn_eip_is_allocated_to_the_callers_project_and_shown_only_to_it()
    {
        var eip = Ok(await Put(Docs.Eips + "r-eip-1", f.Member("proj-r"), Docs.Eip("r-eip-1", ip: "172.35.0.30")));
        Assert.Equal("172.35.0.30", eip.GetProperty("status").GetProperty("v4Ip").GetString());
        Assert.Equal("proj-r", eip.GetProperty("status").GetProperty("project").GetString());
        Ok(await Put(Docs.Eips + "r-eip-1", f.Member("proj-r"), Docs.Eip("r-eip-1", ip: "172.35.0.30")));

        await ProblemAsync(await f.SendAsync(HttpMethod.Get, Docs.Eips + "r-eip-1", f.Member("proj-x")), 403, "Forbidden");
        await ProblemAsync(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "r-eip-1", f.Member("proj-x")), 403, "Forbidden");
        await ProblemAsync(await Put(Docs.Eips + "r-eip-2", f.Member("proj-x"), Docs.Eip("r-eip-2", ip: "172.35.0.30")), 409, "AddressInUse");
        await ProblemAsync(await Put(Docs.Eips + "r-eip-2", f.Member("proj-x"), Docs.Eip("r-eip-2", ip: "172.35.0.50")), 422, "AddressNotInPool");
        await ProblemAsync(await Put(Docs.Eips + "r-eip-2", f.Member("proj-x"), Docs.Eip("r-eip-2", pool: "nowhere")), 404, "PoolNotFound");
        await ProblemAsync(await Put(Docs.Eips + "Bad_Name", f.Member("proj-x"), Docs.Eip("Bad_Name")), 422, "InvalidName");

        var mine = Ok(await f.SendAsync(HttpMethod.Get, Docs.Eips, f.Member("proj-x")));
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("metadata").GetProperty("name").GetString() == "r-eip-1");
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "r-eip-1", f.Member("proj-r")));
        await ProblemAsync(await f.SendAsync(HttpMethod.Get, Docs.Eips + "r-eip-1", f.Member("proj-r")), 404, "FipNotFound");
    }

    [Fact, Trait("rule", "FIP-2")]
    public async Task Over_the_quota_is_QuotaExceeded_and_an_empty_pool_is_FipPoolExhausted()
    {
        var tight = f.Member("tight");
        Ok(await Put(Docs.Eips + "t-eip-1", tight, Docs.Eip("t-eip-1", pool: "ext-b")));
        var problem = await ProblemAsync(await Put(Docs.Eips + "t-eip-2", tight, Docs.Eip("t-eip-2")), 409, "QuotaExceeded");
        Assert.Equal("tight", problem.GetProperty("value").GetString());

        Ok(await Put(Docs.Eips + "t-eip-3", f.Member("proj-q"), Docs.Eip("t-eip-3", pool: "ext-b")));
        await ProblemAsync(await Put(Docs.Eips + "t-eip-4", f.Member("proj-q"), Docs.Eip("t-eip-4", pool: "ext-b")), 409, "FipPoolExhausted");
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "t-eip-1", tight));
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "t-eip-3", f.Member("proj-q")));
    }

    [Fact, Trait("rule", "FIP-3")]
    public async Task Every_association_kind_over_http_is_resource_shaped_and_removed_by_delete()
    {
        var a = f.Member("proj-a");
        await f.AllocatedAsync("10.1.0.11", "h-pod-1");
        await f.AllocatedAsync("10.1.0.12", "h-pod-2");
        await f.AllocatedAsync("10.1.0.13", "h-pod-3");
        Ok(await Put(Docs.Eips + "h-eip", a, Docs.Eip("h-eip")));
        Ok(await Put(Docs.Eips + "h-snat", a, Docs.Eip("h-snat")));
        Ok(await Put(Docs.Eips + "h-dnat", a, Docs.Eip("h-dnat")));

        var fip = Ok(await Put(Docs.Fips + "h-fip", a, Docs.Fip("h-fip", "h-eip", "10.1.0.11")));
        Assert.Equal("10.1.0.11", fip.GetProperty("status").GetProperty("v4Ip").GetString());
        Assert.Equal("gw-a", fip.GetProperty("status").GetProperty("gatewayNode").GetString());
        Assert.Equal("vpc-a", fip.GetProperty("status").GetProperty("vpc").GetString());
        var snat = Ok(await Put(Docs.Snats + "h-snat-pod", a, Docs.Snat("h-snat-pod", "h-snat", cidr: "10.1.0.12")));
        Assert.Equal("10.1.0.12", snat.GetProperty("status").GetProperty("v4IpCidr").GetString());
        var dnat = Ok(await Put(Docs.Dnats + "h-dnat-ssh", a, Docs.Dnat("h-dnat-ssh", "h-dnat", "10.1.0.13", "2222", "\"22\"")));
        Assert.Equal("2222", dnat.GetProperty("spec").GetProperty("externalPort").GetString());
        Assert.Equal("fip", Ok(await f.SendAsync(HttpMethod.Get, Docs.Eips + "h-eip", a)).GetProperty("status").GetProperty("nat").GetString());

        var list = Ok(await f.SendAsync(HttpMethod.Get, Docs.Dnats, a));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("metadata").GetProperty("name").GetString() == "h-dnat-ssh");
        await ProblemAsync(await f.SendAsync(HttpMethod.Get, Docs.Fips + "h-dnat-ssh", a), 404, "NotFound");
        foreach (var path in new[] { Docs.Fips + "h-fip", Docs.Snats + "h-snat-pod", Docs.Dnats + "h-dnat-ssh" })
        {
            Ok(await f.SendAsync(HttpMethod.Delete, path, a));
            await ProblemAsync(await f.SendAsync(HttpMethod.Get, path, a), 404, "NotFound");
        }
    }
}
