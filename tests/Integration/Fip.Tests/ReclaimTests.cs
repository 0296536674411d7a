using System.Text;
using System.Text.Json;
using Mesh.Contracts.Fip;
using Mesh.Testing;
using RabbitMQ.Client;
using static Mesh.Fip.Tests.FipFixture;

namespace Mesh.Fip.Tests;

[Collection(nameof(FipFixture))]
public sealed class ReclaimTests(FipFixture f)
{
    private readonly string _a = f.Member("proj-a");

    private Task<HttpResponseMessage> Put(string path, string body) => f.SendAsync(HttpMethod.Put, path, _a, body);

    private async Task<bool> ExistsAsync(string path) => (await f.SendAsync(HttpMethod.Get, path, _a)).IsSuccessStatusCode;

    private Task<long> RemovedAsync(string rule) => f.Db.ScalarAsync<long>(
        $"SELECT count(*) FROM mesh_events WHERE type = 'fip.fip-disassociated.v1' AND data->>'ruleId' = '{rule}' AND data->>'reason' = 'TargetReleased'");

    [Fact, Trait("rule", "FIP-6")]
    public async Task Releasing_the_address_removes_every_rule_on_it_and_the_fip_stays_even_when_delivered_twice()
    {
        var gen = await f.AllocatedAsync("10.1.3.11", "r-pod-1");
        Ok(await Put(Docs.Eips + "r6-eip", Docs.Eip("r6-eip")));
        Ok(await Put(Docs.Eips + "r6-nat", Docs.Eip("r6-nat")));
        Ok(await Put(Docs.Snats + "r6-snat", Docs.Snat("r6-snat", "r6-nat", cidr: "10.1.3.11")));
        Ok(await Put(Docs.Dnats + "r6-dnat", Docs.Dnat("r6-dnat", "r6-eip", "10.1.3.11", "22", "22")));

        await f.ReleasedAsync("10.1.3.11", "r-pod-1", gen);
        await f.ReleasedAsync("10.1.3.11", "r-pod-1", gen);
        await Eventually.TrueAsync(async () => !await ExistsAsync(Docs.Snats + "r6-snat") && !await ExistsAsync(Docs.Dnats + "r6-dnat"), "rules reclaimed");
        await Task.Delay(500);
        Assert.Equal(1, await RemovedAsync("r6-snat"));
        Assert.Equal(1, await RemovedAsync("r6-dnat"));
        var eip = Ok(await f.SendAsync(HttpMethod.Get, Docs.Eips + "r6-eip", _a));
        Assert.Equal("proj-a", eip.GetProperty("status").GetProperty("project").GetString());
        await ProblemAsync(await Put(Docs.Fips + "r6-fip", Docs.Fip("r6-fip", "r6-eip", "10.1.3.11")), 409, "TargetNotAllocated");
    }

    [Fact, Trait("rule", "FIP-6")]
    public async Task A_release_of_an_older_generation_arriving_after_a_newer_allocation_removes_nothing()
    {
        var old = await f.AllocatedAsync("10.1.3.21", "o-pod-old");
        var newer = await f.AllocatedAsync("10.1.3.21", "o-pod-new");
        Ok(await Put(Docs.Eips + "o-eip", Docs.Eip("o-eip")));
        Ok(await Put(Docs.Fips + "o-fip", Docs.Fip("o-fip", "o-eip", "10.1.3.21")));

        await f.ReleasedAsync("10.1.3.21", "o-pod-old", old);
        await Task.Delay(1000);
        Assert.True(await ExistsAsync(Docs.Fips + "o-fip"));
        Assert.Equal(0, await RemovedAsync("o-fip"));

        await f.ReleasedAsync("10.1.3.21", "o-pod-new", newer);
        await Eventually.TrueAsync(async () => !await ExistsAsync(Docs.Fips + "o-fip"), "the newer release reclaims");
        Assert.True(await ExistsAsync(Docs.Eips + "o-eip"));
    }

    [Fact, Trait("rule", "FIP-6")]
    public async Task A_release_delivered_before_its_allocation_keeps_the_address_released()
    {
        await f.ReleasedAsync("10.1.3.31", "e-pod-1", 9_000);
        await Eventually.TrueAsync(async () => await f.Db.ScalarAsync<long>("SELECT count(*) FROM world_addresses WHERE ip = '10.1.3.31'") == 1, "release seen");
        await f.AllocatedAsync("10.1.3.31", "e-pod-1", generation: 9_000, wait: false);
        await Task.Delay(500);
        Ok(await Put(Docs.Eips + "e-eip", Docs.Eip("e-eip")));
        await ProblemAsync(await Put(Docs.Fips + "e-fip", Docs.Fip("e-fip", "e-eip", "10.1.3.31")), 409, "TargetNotAllocated");
    }

    [Fact, Trait("rule", "FIP-3")]
    public async Task Rule_events_go_to_the_gateway_node_so_the_nat_programmer_can_rebuild_from_history()
    {
        var factory = new ConnectionFactory { Uri = new Uri(f.Vhost.Url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = "Mesh.Contracts.Fip:" + nameof(FipRuleAdded);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
        await channel.QueueDeclareAsync("nat-gw-a", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync("nat-gw-a", exchange, "node.gw-a");
        await channel.QueueDeclareAsync("nat-gw-b", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync("nat-gw-b", exchange, "node.gw-b");

        await f.AllocatedAsync("10.1.3.41", "n-pod-1");
        Ok(await Put(Docs.Eips + "n-eip", Docs.Eip("n-eip")));
        Ok(await Put(Docs.Fips + "n-fip", Docs.Fip("n-fip", "n-eip", "10.1.3.41")));

        JsonElement? added = null;
        await Eventually.TrueAsync(async () =>
        {
            while (await channel.BasicGetAsync("nat-gw-a", true) is { } m)
            {
                var body = JsonDocument.Parse(Encoding.UTF8.GetString(m.Body.Span)).RootElement;
                var message = body.TryGetProperty("message", out var env) ? env : body;
                if (message.GetProperty("ruleId").GetString() == "n-fip")
                {
                    added = message.Clone();
                }
            }
            return added is not null;
        }, "FipRuleAdded on node.gw-a");
        Assert.Equal(("eip", "10.1.3.41", "gw-a"), (added!.Value.GetProperty("kind").GetString(),
            added.Value.GetProperty("internalIp").GetString(), added.Value.GetProperty("node").GetString()));
        Assert.Equal(0u, await channel.MessageCountAsync("nat-gw-b"));
    }

    [Fact, Trait("rule", "POOL-1")]
    public async Task The_same_address_in_an_SRIOV_pool_is_another_address_its_release_leaves_the_overlay_pods_rules()
    {
        // Seed 001: the overlay net192 and the underlay ibnics both hold 192.168.100.x; here subnet-a and an SR-IOV pool.
        const string underlay = "sriov.mlxnics.10-1-8-0-24";
        var gen = await f.AllocatedAsync("10.1.8.41", "u-overlay");
        Ok(await Put(Docs.Eips + "u-eip", Docs.Eip("u-eip", ip: "172.35.0.57")));
        Ok(await Put(Docs.Fips + "u-fip", Docs.Fip("u-fip", "u-eip", "10.1.8.41")));
        var vf = await f.AllocatedAsync("10.1.8.41", "u-vf", subnet: underlay, vpc: "sriov", generation: gen + 1000);
        Assert.Equal(2, await f.Db.ScalarAsync<long>("SELECT count(*) FROM world_addresses WHERE ip = '10.1.8.41' AND NOT released"));

        // While both hold it, a rule by address resolves to the one whose VPC reaches the floating IP's network.
        Ok(await Put(Docs.Eips + "u-eip2", Docs.Eip("u-eip2", ip: "172.35.0.58")));
        var dnat = Ok(await Put(Docs.Dnats + "u-dnat", Docs.Dnat("u-dnat", "u-eip2", "10.1.8.41", "22", "22")));
        Assert.Equal("vpc-a", dnat.GetProperty("status").GetProperty("vpc").GetString());

        await f.ReleasedAsync("10.1.8.41", "u-vf", vf, subnet: underlay, vpc: "sriov");
        await Eventually.TrueAsync(async () => await f.Db.ScalarAsync<long>(
            $"SELECT count(*) FROM world_addresses WHERE ip = '10.1.8.41' AND subnet = '{underlay}' AND released") == 1, "the underlay release recorded");
        await Task.Delay(500);
        Assert.True(await ExistsAsync(Docs.Fips + "u-fip"));
        Assert.True(await ExistsAsync(Docs.Dnats + "u-dnat"));
        Assert.Equal(0, await RemovedAsync("u-fip"));

        await f.ReleasedAsync("10.1.8.41", "u-overlay", gen);
        await Eventually.TrueAsync(async () => !await ExistsAsync(Docs.Fips + "u-fip") && !await ExistsAsync(Docs.Dnats + "u-dnat"), "the overlay release reclaims");
    }
}
