using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Mesh.Hosting;
using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>
/// POOL-2 with the real VPC and IPAM services as processes: a subnet edit is applied in both or refused with the
/// holder named, never left diverged, and an edit made while IPAM is down (kill -9) waits, visible as ChangePending,
/// until IPAM is back and applies it.
/// </summary>
[Trait("rule", "POOL-2")]
public sealed class SubnetChangeAgreementTests : IAsyncLifetime
{
    private const string Subnet = "/apis/kubeovn.io/v1/subnets/agree";
    private ServiceProcesses _mesh = null!;
    private readonly HttpClient _admin = new();

    public async Task InitializeAsync()
    {
        // The VPC service answers an edit after at most 2 s without IPAM's answer (202, ChangePending).
        _mesh = await ServiceProcesses.StartAsync(new Dictionary<string, string> { ["Mesh__Vpc__Saga__DeletionWait"] = "00:00:02" }, "ipam", "vpc");
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(new AuthOptions(), "sre", "platform", MeshPrincipal.AdminRole));
    }

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private static StringContent Spec(params string[] excludes) => new(
        $"{{\"apiVersion\":\"kubeovn.io/v1\",\"kind\":\"Subnet\",\"metadata\":{{\"name\":\"agree\"}},\"spec\":{{\"cidrBlock\":\"10.37.0.0/24\",\"excludeIps\":[{string.Join(",", excludes.Select(e => $"\"{e}\""))}]}}}}",
        Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> PutAsync(params string[] excludes) => _admin.PutAsync(_mesh.Urls["vpc"] + Subnet, Spec(excludes));

    private async Task<JsonNode> VpcSubnetAsync() => JsonNode.Parse(await _admin.GetStringAsync(_mesh.Urls["vpc"] + Subnet))!;

    private static string[] Excludes(JsonNode subnet) => [.. subnet["spec"]!["excludeIps"]!.AsArray().Select(e => e!.GetValue<string>())];

    private static bool Has(JsonNode subnet, string condition) =>
        subnet["status"]!["conditions"]!.AsArray().Any(c => c!["type"]!.GetValue<string>() == condition);

    // IPAM's own view of its pool: a static allocation of an excluded address is refused IpReserved.
    private async Task<(HttpStatusCode Status, string Body)> AllocateAsync(string uid, string ip)
    {
        var response = await _admin.PostAsJsonAsync(_mesh.Urls["ipam"] + "/api/v1/allocations",
            new { project = "p1", podUid = uid, podNamespace = "default", podName = uid, node = "node-a", subnet = "agree", ipAddress = ip });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task ReleaseAsync(string uid) =>
        Assert.True((await _admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, _mesh.Urls["ipam"] + $"/api/v1/allocations/{uid}"))).IsSuccessStatusCode);

    [Fact]
    public async Task An_edit_is_applied_in_both_or_refused_naming_the_holder_and_one_made_while_IPAM_is_down_waits_for_it()
    {
        Assert.Equal(HttpStatusCode.Created, (await PutAsync()).StatusCode);
        await Eventually.TrueAsync(async () => (await _admin.GetAsync(_mesh.Urls["ipam"] + "/api/v1/subnets/agree/usage")).IsSuccessStatusCode,
            "IPAM has the pool", TimeSpan.FromSeconds(60));
        Assert.True((await AllocateAsync("vm-held", "10.37.0.23")).Status == HttpStatusCode.OK);

        // Refused by IPAM: the VPC service answers with IPAM's reason and keeps the spec; IPAM keeps its pool.
        var refused = await PutAsync("10.37.0.20..10.37.0.29");
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("IpConflict", problem["code"]!.GetValue<string>());
        Assert.Contains("vm-held", problem["message"]!.GetValue<string>());
        var kept = await VpcSubnetAsync();
        Assert.DoesNotContain("10.37.0.20..10.37.0.29", Excludes(kept));
        Assert.True(Has(kept, "ChangeRefused"));
        Assert.Equal(HttpStatusCode.OK, (await AllocateAsync("vm-free", "10.37.0.25")).Status);

        // Applied in both.
        var applied = await PutAsync("10.37.0.30..10.37.0.39");
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("IpReserved", (await AllocateAsync("vm-x", "10.37.0.35")).Body);

        // IPAM killed in the middle: the edit waits, visible, and nothing else may change the subnet meanwhile.
        _mesh.Kill("ipam");
        var waiting = await PutAsync("10.37.0.30..10.37.0.39", "10.37.0.40..10.37.0.49");
        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        var pending = await VpcSubnetAsync();
        Assert.True(Has(pending, "ChangePending"));
        Assert.DoesNotContain("10.37.0.40..10.37.0.49", Excludes(pending));
        var other = await PutAsync("10.37.0.30..10.37.0.39", "10.37.0.50");
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("SubnetBeingChanged", await other.Content.ReadAsStringAsync());

        // IPAM back: the waiting request is taken from its queue, applied, and committed by the VPC service.
        _mesh.Start("ipam");
        await _mesh.WaitReadyAsync("ipam");
        await Eventually.TrueAsync(async () => Excludes(await VpcSubnetAsync()).Contains("10.37.0.40..10.37.0.49"), "the edit is committed", TimeSpan.FromSeconds(60));
        Assert.False(Has(await VpcSubnetAsync(), "ChangePending"));
        Assert.Contains("IpReserved", (await AllocateAsync("vm-y", "10.37.0.45")).Body);
        await ReleaseAsync("vm-free");
    }
}
