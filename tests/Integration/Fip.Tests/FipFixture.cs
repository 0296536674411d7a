using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Vpc;
using Mesh.Fip.Service;
using Mesh.Hosting;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mesh.Fip.Tests;

// The fip service in process over a test database and vhost, with a world announced on the bus:
// external networks ext-a (172.35.0.0/24, the seeds' FIPs) and ext-b (a pool of two), VPCs reaching them
// through gateway nodes gw-a and gw-b, and vpc-none with no way out.
public class FipFixture : IAsyncLifetime
{
    public const string ExtA = "c9a831a0-6298-44c6-a664-2f362e60e419";
    public const string ExtB = "0b7d6a52-93c1-4f0e-8f3e-1d2c3b4a5f60";
    private readonly AuthOptions _auth = new();
    private long _generation = 100;

    public TestDatabase Db { get; private set; } = null!;
    public TestVirtualHost Vhost { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IBus Bus => App.Services.GetRequiredService<IBus>();

    /// <summary>Settings of this fixture's service beyond the test defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync("fip");
        Vhost = await TestVirtualHost.CreateAsync("fip");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Mesh:Postgres"] = Db.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = Vhost.Url;
        builder.Configuration["Mesh:Fip:DefaultQuota"] = "100";
        builder.Configuration["Mesh:Fip:ProjectQuotas:tight"] = "1";
        foreach (var (key, value) in Settings)
        {
            builder.Configuration[key] = value;
        }
        var mesh = builder.AddServiceDefaults("fip");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFip(mesh);
        App = builder.Build();
        App.MapServiceDefaults();
        App.MapFipApi();
        await App.StartAsync();
        Http = App.GetTestClient();
        await Eventually.TrueAsync(async () => (await Http.GetAsync("/health/ready")).IsSuccessStatusCode, "ready");
        await AnnounceWorldAsync();
    }

    private async Task AnnounceWorldAsync()
    {
        await Bus.Publish(new ExternalNetworkAnnounced(ExtA, "ext-a", "172.35.0.0/24", "172.35.0.1"));
        await Bus.Publish(new ExternalNetworkAnnounced(ExtB, "ext-b", "192.0.2.0/29", "192.0.2.1"));
        await Bus.Publish(new VpcAnnounced("vpc-a", ExtA, "172.35.0.160", "gw-a", [], "subnet-a"));
        await Bus.Publish(new VpcAnnounced("vpc-b", ExtB, null, "gw-b", [], "subnet-b"));
        await Bus.Publish(new VpcAnnounced("vpc-none", null, null, null, [], "subnet-n"));
        foreach (var (name, vpc, cidr) in new[] { ("subnet-a", "vpc-a", "10.1.0.0/16"), ("subnet-b", "vpc-b", "10.2.0.0/24"), ("subnet-n", "vpc-none", "10.3.0.0/24"), ("subnet-c", "vpc-a", "10.4.0.0/24") })
        {
            await Bus.Publish(new SubnetAnnounced(name, vpc, cidr, cidr.Replace("0/", "1/")[..^3], [], true, [], [], "ovn", "IPv4", false));
        }
        await Eventually.TrueAsync(async () => await Db.ScalarAsync<long>("SELECT count(*) FROM world_subnets") == 4
            && await Db.ScalarAsync<long>("SELECT count(*) FROM world_vpcs") == 3
            && await Db.ScalarAsync<long>("SELECT count(*) FROM world_external_networks") == 2, "the world announced");
        var admin = Admin();
        Ok(await SendAsync(HttpMethod.Put, "/apis/neutron.io/v1/fips/ext-a", admin, $$"""
            apiVersion: neutron.io/v1
            kind: Fip
            metadata: {name: ext-a}
            spec:
              externalNetworkID: {{ExtA}}
              ranges: ["172.35.0.10..172.35.0.60"]
              excludes: ["172.35.0.50"]
            """));
        Ok(await SendAsync(HttpMethod.Put, "/apis/neutron.io/v1/fips/ext-b", admin, $$"""
            {"apiVersion":"neutron.io/v1","kind":"Fip","metadata":{"name":"ext-b"},
             "spec":{"externalNetworkID":"{{ExtB}}","ranges":["192.0.2.2..192.0.2.3"]} }
            """));
    }

    public string Admin() => DevTokens.Mint(_auth, "root", "platform", MeshPrincipal.AdminRole);

    public string Member(string project) => DevTokens.Mint(_auth, $"user-{project}", project, "member");

    // IPAM gives a pod an address: the contract event, on the bus, node-scoped; returns its generation.
    public async Task<long> AllocatedAsync(string ip, string pod, string subnet = "subnet-a", string vpc = "vpc-a",
        string project = "proj-a", long? generation = null, bool wait = true)
    {
        var gen = generation ?? Interlocked.Increment(ref _generation);
        await Bus.Publish(new AddressAllocated("node-1", $"uid-{pod}", "default", pod, "eth0", subnet, vpc, ip, "00:00:00:00:00:01", project, gen));
        if (wait)
        {
            await Eventually.TrueAsync(async () => await Db.ScalarAsync<long>(
                $"SELECT count(*) FROM world_addresses WHERE ip = '{ip}' AND generation = {gen} AND NOT released") == 1, $"{ip} allocated");
        }
        return gen;
    }

    public Task ReleasedAsync(string ip, string pod, long generation, string subnet = "subnet-a", string vpc = "vpc-a", Guid? messageId = null) =>
        Bus.Publish(new AddressReleased("node-1", $"uid-{pod}", "eth0", subnet, vpc, ip, "PodDeleted", generation),
            c => c.MessageId = messageId ?? Guid.NewGuid());

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var yaml = !body.TrimStart().StartsWith('{');
            request.Content = new StringContent(body, Encoding.UTF8, yaml ? "application/yaml" : "application/json");
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await Http.SendAsync(request);
    }

    public static JsonElement Ok(HttpResponseMessage response)
    {
        var text = response.Content.ReadAsStringAsync().Result;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    // A refusal: the status and the stable code (COMMON-3); never a 500.
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {code}, got {(int)response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Vhost.DisposeAsync();
        await Db.DisposeAsync();
    }
}

[CollectionDefinition(nameof(FipFixture))]
public sealed class FipCollection : ICollectionFixture<FipFixture>;
