using System.Net;
using System.Text.Json;
using Mesh.Contracts.Vpc;
using Mesh.Testing;

namespace Mesh.Vpc.Tests;

/// <summary>POOL-2 over HTTP: a subnet edit IPAM applies too is answered with IPAM's agreement: applied, or refused and unchanged.</summary>
[Trait("rule", "POOL-2")]
public sealed class SubnetChangeApiTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    private const string Path = "/apis/kubeovn.io/v1/subnets/chg";

    private static string Subnet(params string[] excludes) =>
        "{\"apiVersion\":\"kubeovn.io/v1\",\"kind\":\"Subnet\",\"metadata\":{\"name\":\"chg\"},\"spec\":{\"cidrBlock\":\"10.36.0.0/24\",\"excludeIps\":["
        + string.Join(",", excludes.Select(e => $"\"{e}\"")) + "]}}";

    private static string[] Excludes(JsonElement subnet) =>
        [.. subnet.GetProperty("spec").GetProperty("excludeIps").EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task An_accepted_change_is_applied_and_a_refused_one_leaves_the_subnet_as_it_was_with_ipams_reason()
    {
        await Problems.OkAsync(await fx.Host.PutAsync(Path, Subnet()));

        var applied = await Problems.OkAsync(await fx.Host.PutAsync(Path, Subnet("10.36.0.20..10.36.0.29")));
        Assert.Contains("10.36.0.20..10.36.0.29", Excludes(applied));
        Assert.Contains(fx.Ipam.State.All<SubnetChangeRequested>(), r => r.Name == "chg" && r.Subnet.ExcludeIps.Contains("10.36.0.20..10.36.0.29"));

        fx.Ipam.State.RefuseChangesWith = "IpConflict";
        var refused = await Problems.AssertAsync(await fx.Host.PutAsync(Path, Subnet("10.36.0.20..10.36.0.29", "10.36.0.77")), HttpStatusCode.Conflict, "IpConflict");
        Assert.Contains("default/web-0", refused.GetProperty("message").GetString());
        Assert.Equal("spec.excludeIps", refused.GetProperty("field").GetString());

        var now = await fx.Host.GetJsonAsync(Path);
        Assert.DoesNotContain("10.36.0.77", Excludes(now));
        Assert.Contains(now.GetProperty("status").GetProperty("conditions").EnumerateArray(),
            c => c.GetProperty("type").GetString() == "ChangeRefused" && c.GetProperty("reason").GetString() == "IpConflict");
        // Nothing announced the refused spec to anyone.
        Assert.DoesNotContain(fx.Ipam.State.All<SubnetAnnounced>(), a => a.Name == "chg" && a.ExcludeIps.Contains("10.36.0.77"));

        fx.Ipam.State.RefuseChangesWith = null;
        Assert.Contains("10.36.0.77", Excludes(await Problems.OkAsync(await fx.Host.PutAsync(Path, Subnet("10.36.0.20..10.36.0.29", "10.36.0.77")))));
        await Eventually.TrueAsync(() => fx.Ipam.State.All<SubnetAnnounced>().Any(a => a.Name == "chg" && a.ExcludeIps.Contains("10.36.0.77")), "the committed change is announced");
    }
}
