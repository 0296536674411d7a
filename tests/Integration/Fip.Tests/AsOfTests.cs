using System.Text.Json;
using Mesh.Testing;
using static Mesh.Fip.Tests.FipFixture;

namespace Mesh.Fip.Tests;

// SRE-2: pools, floating IPs and rules as they were at a past time, folded from the pool streams up to then,
// with the same access rules as a plain GET; 404 before they existed, and still shown once released.
[Collection(nameof(FipFixture))]
public sealed class AsOfTests(FipFixture f)
{
    private Task<HttpResponseMessage> Get(string path, string token, DateTimeOffset? at = null) =>
        f.SendAsync(HttpMethod.Get, at is { } t ? AsOf.Query(path, t) : path, token);

    private static JsonElement OkAsOf(HttpResponseMessage response, DateTimeOffset at)
    {
        var doc = Ok(response);
        var annotations = doc.GetProperty("metadata").GetProperty("annotations");
        Assert.Equal(at, DateTimeOffset.Parse(annotations.GetProperty("mesh.io/as-of").GetString()!));
        Assert.True(long.Parse(annotations.GetProperty("mesh.io/as-of-version").GetString()!) > 0);
        return doc;
    }

    private static void NotAsOf(JsonElement doc) => Assert.False(doc.GetProperty("metadata").TryGetProperty("annotations", out _));

    [Fact, Trait("rule", "SRE-2")]
    public async Task A_pool_as_of_a_past_time_has_the_ranges_and_use_of_then()
    {
        const string path = "/apis/neutron.io/v1/fips/asof-pool";
        var admin = f.Admin();
        string Pool(string last) => $$"""
            {"apiVersion":"neutron.io/v1","kind":"Fip","metadata":{"name":"asof-pool"},
             "spec":{"externalNetworkID":"5f0c3c1e-7a4e-4d2b-9c61-0e2f6a7b8c90","cidr":"198.51.100.0/24","gateway":"198.51.100.1","ranges":["198.51.100.10..198.51.100.{{last}}"]} }
            """;
        var beforePool = await AsOf.MomentAsync();
        Ok(await f.SendAsync(HttpMethod.Put, path, admin, Pool("20")));
        var then = await AsOf.MomentAsync();
        Ok(await f.SendAsync(HttpMethod.Put, path, admin, Pool("30")));
        Ok(await f.SendAsync(HttpMethod.Put, Docs.Eips + "asof-pool-eip", f.Member("proj-asof"), Docs.Eip("asof-pool-eip", pool: "asof-pool")));

        var now = Ok(await Get(path, admin));
        Assert.Equal("198.51.100.10..198.51.100.30", now.GetProperty("spec").GetProperty("ranges")[0].GetString());
        Assert.Equal("1", now.GetProperty("status").GetProperty("usedCount").GetString());
        NotAsOf(now);

        var old = OkAsOf(await Get(path, admin, then), then);
        Assert.Equal("198.51.100.10..198.51.100.20", old.GetProperty("spec").GetProperty("ranges")[0].GetString());
        Assert.Equal(("11", "0"), (old.GetProperty("status").GetProperty("availableCount").GetString(), old.GetProperty("status").GetProperty("usedCount").GetString()));
        Assert.Empty(old.GetProperty("status").GetProperty("used").EnumerateArray());
        var byId = OkAsOf(await Get("/apis/neutron.io/v1/fips/5f0c3c1e-7a4e-4d2b-9c61-0e2f6a7b8c90", f.Member("viewer"), then), then);
        Assert.False(byId.GetProperty("status").TryGetProperty("used", out var used) && used.ValueKind != JsonValueKind.Null);

        await ProblemAsync(await Get(path, admin, beforePool), 404, "NotFound");
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "asof-pool-eip", f.Member("proj-asof")));
    }

    [Fact, Trait("rule", "SRE-2")]
    public async Task An_ovn_eip_as_of_a_past_time_has_its_rules_of_then_and_is_shown_once_released_to_its_project_only()
    {
        var owner = f.Member("proj-asof");
        var beforeEip = await AsOf.MomentAsync();
        Ok(await f.SendAsync(HttpMethod.Put, Docs.Eips + "asof-eip", owner, Docs.Eip("asof-eip", ip: "172.35.0.45")));
        var unused = await AsOf.MomentAsync();
        await f.AllocatedAsync("10.1.0.201", "asof-pod-eip", project: "proj-asof");
        Ok(await f.SendAsync(HttpMethod.Put, Docs.Fips + "asof-eip-fip", owner, Docs.Fip("asof-eip-fip", "asof-eip", "10.1.0.201")));
        var associated = await AsOf.MomentAsync();
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "asof-eip?cascade=true", owner));
        await ProblemAsync(await Get(Docs.Eips + "asof-eip", owner), 404, "FipNotFound");

        var first = OkAsOf(await Get(Docs.Eips + "asof-eip", owner, unused), unused);
        Assert.Equal(("172.35.0.45", "", "proj-asof"), (first.GetProperty("status").GetProperty("v4Ip").GetString(),
            first.GetProperty("status").GetProperty("nat").GetString(), first.GetProperty("status").GetProperty("project").GetString()));
        Assert.Equal("ext-a", first.GetProperty("spec").GetProperty("externalSubnet").GetString());
        var second = OkAsOf(await Get(Docs.Eips + "asof-eip", owner, associated), associated);
        Assert.Equal("fip", second.GetProperty("status").GetProperty("nat").GetString());

        await ProblemAsync(await Get(Docs.Eips + "asof-eip", owner, beforeEip), 404, "NotFound");
        await ProblemAsync(await Get(Docs.Eips + "asof-eip", f.Member("proj-x"), associated), 403, "Forbidden");
        Ok(await Get(Docs.Eips + "asof-eip", f.Admin(), associated));
    }

    public static TheoryData<string, string, string> Rules => new()
    {
        { Docs.Fips, "asof-fip", "10.1.0.202" },
        { Docs.Snats, "asof-snat", "10.1.0.203" },
        { Docs.Dnats, "asof-dnat", "10.1.0.204" },
    };

    [Theory, Trait("rule", "SRE-2")]
    [MemberData(nameof(Rules))]
    public async Task A_rule_as_of_a_past_time_is_shown_once_removed_under_its_own_kind_and_project_only(string plural, string name, string ip)
    {
        var owner = f.Member("proj-asof");
        var eip = name + "-eip";
        Ok(await f.SendAsync(HttpMethod.Put, Docs.Eips + eip, owner, Docs.Eip(eip)));
        await f.AllocatedAsync(ip, name + "-pod", project: "proj-asof");
        var beforeRule = await AsOf.MomentAsync();
        var body = plural == Docs.Fips ? Docs.Fip(name, eip, ip) : plural == Docs.Snats ? Docs.Snat(name, eip, cidr: ip) : Docs.Dnat(name, eip, ip, "8080", "80");
        var created = Ok(await f.SendAsync(HttpMethod.Put, plural + name, owner, body));
        NotAsOf(created);
        var then = await AsOf.MomentAsync();
        Ok(await f.SendAsync(HttpMethod.Delete, plural + name, owner));
        await ProblemAsync(await Get(plural + name, owner), 404, "NotFound");

        var old = OkAsOf(await Get(plural + name, owner, then), then);
        Assert.Equal(created.GetProperty("kind").GetString(), old.GetProperty("kind").GetString());
        Assert.Equal(created.GetProperty("spec").GetRawText(), old.GetProperty("spec").GetRawText());
        Assert.Equal(created.GetProperty("status").GetRawText(), old.GetProperty("status").GetRawText());

        await ProblemAsync(await Get(plural + name, owner, beforeRule), 404, "NotFound");
        await ProblemAsync(await Get((plural == Docs.Dnats ? Docs.Fips : Docs.Dnats) + name, owner, then), 404, "NotFound");
        await ProblemAsync(await Get(plural + name, f.Member("proj-x"), then), 403, "Forbidden");
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Eips + eip, owner));
    }
}
