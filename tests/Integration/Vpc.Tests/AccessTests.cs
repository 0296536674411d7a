using System.Net;
using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Vpc.Tests;

// Reads need a valid token, writes the admin role (COMMON-5); members see shared subnets and their own.
public sealed class AccessTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    private const string Subnets = "/apis/kubeovn.io/v1/subnets";

    private static string Subnet(string name, string cidr, string projects) =>
        $"{{\"apiVersion\":\"kubeovn.io/v1\",\"kind\":\"Subnet\",\"metadata\":{{\"name\":\"{name}\"}},\"spec\":{{\"cidrBlock\":\"{cidr}\",\"projectIDs\":[{projects}]}}}}";

    [Fact]
    public async Task A_request_without_a_token_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.Host.SendAsync(HttpMethod.Get, Subnets, null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await fx.Host.SendAsync(HttpMethod.Put, $"{Subnets}/anon", Subnet("anon", "10.30.0.0/24", ""), null)).StatusCode);
    }

    [Fact]
    [Trait("rule", "COMMON-5")]
    public async Task A_member_may_read_but_not_write_topology()
    {
        var member = VpcHost.Member("proj-a");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/mine", Subnet("mine", "10.31.0.0/24", "\"proj-a\""), member),
            HttpStatusCode.Forbidden, "Forbidden");
        await Problems.AssertAsync(await fx.Host.DeleteAsync($"{Subnets}/ovn-default", member), HttpStatusCode.Forbidden, "Forbidden");
        await Problems.AssertAsync(await fx.Host.GetAsync($"{Subnets}/mine"), HttpStatusCode.NotFound, "SubnetNotFound");
        await Problems.OkAsync(await fx.Host.GetAsync("/apis/kubeovn.io/v1/vpcs/ovn-cluster", member));
    }

    [Fact]
    [Trait("rule", "SUB-10")]
    public async Task A_member_lists_shared_subnets_and_those_of_its_project_only()
    {
        await Problems.OkAsync(await fx.Host.PutAsync($"{Subnets}/net-a", Subnet("net-a", "10.32.0.0/24", "\"proj-a\"")));
        await Problems.OkAsync(await fx.Host.PutAsync($"{Subnets}/net-b", Subnet("net-b", "10.33.0.0/24", "\"proj-b\"")));
        await Problems.OkAsync(await fx.Host.PutAsync($"{Subnets}/net-shared", Subnet("net-shared", "10.34.0.0/24", "")));

        var seen = Names(await fx.Host.GetJsonAsync(Subnets, VpcHost.Member("proj-a")));
        Assert.Contains("net-a", seen);
        Assert.Contains("net-shared", seen);
        Assert.Contains("ovn-default", seen);
        Assert.DoesNotContain("net-b", seen);
        await Problems.AssertAsync(await fx.Host.GetAsync($"{Subnets}/net-b", VpcHost.Member("proj-a")), HttpStatusCode.Forbidden, "Forbidden");

        var all = Names(await fx.Host.GetJsonAsync(Subnets));
        Assert.Contains("net-b", all);
    }

    [Fact]
    [Trait("rule", "SUB-10")]
    [Trait("rule", "SRE-2")]
    public async Task A_member_may_not_read_another_projects_subnet_as_of_a_past_time_either()
    {
        var before = await AsOf.MomentAsync();
        await Problems.OkAsync(await fx.Host.PutAsync($"{Subnets}/net-asof", Subnet("net-asof", "10.36.0.0/24", "\"proj-b\"")));
        var then = await AsOf.MomentAsync();

        await Problems.AssertAsync(await fx.Host.GetAsync(AsOf.Query($"{Subnets}/net-asof", then), VpcHost.Member("proj-a")), HttpStatusCode.Forbidden, "Forbidden");
        var seen = await Problems.OkAsync(await fx.Host.GetAsync(AsOf.Query($"{Subnets}/net-asof", then), VpcHost.Member("proj-b")));
        Assert.NotNull(seen.GetProperty("metadata").GetProperty("annotations").GetProperty("mesh.io/as-of").GetString());
        await Problems.AssertAsync(await fx.Host.GetAsync(AsOf.Query($"{Subnets}/net-asof", before), VpcHost.Member("proj-b")), HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task A_stale_resourceVersion_is_a_409_VersionConflict_and_changes_nothing()
    {
        var created = await Problems.OkAsync(await fx.Host.PutAsync($"{Subnets}/versioned", Subnet("versioned", "10.35.0.0/24", "")));
        var version = created.GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
        var updated = await Problems.OkAsync(await fx.Host.PutAsync($"{Subnets}/versioned", Subnet("versioned", "10.35.0.0/24", "\"p1\""),
            ifMatch: $"\"{version}\""), HttpStatusCode.OK);
        Assert.NotEqual(version, updated.GetProperty("metadata").GetProperty("resourceVersion").GetString());

        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/versioned", Subnet("versioned", "10.35.0.0/24", "\"p2\""), ifMatch: version),
            HttpStatusCode.Conflict, "VersionConflict");
        var inBody = Subnet("versioned", "10.35.0.0/24", "\"p2\"").Replace("\"name\":\"versioned\"", $"\"name\":\"versioned\",\"resourceVersion\":\"{version}\"");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/versioned", inBody), HttpStatusCode.Conflict, "VersionConflict");
        var stored = await fx.Host.GetJsonAsync($"{Subnets}/versioned");
        Assert.Equal("p1", stored.GetProperty("spec").GetProperty("projectIDs")[0].GetString());
    }

    private static List<string> Names(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()!).ToList();
}
