using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Ipam.Service.Handlers;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Ipam.Tests;

public sealed class ReplicaTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Mesh:Ipam:SnapshotEvery"] = "50" };
    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("ipamrep");
        _vhost = await TestVirtualHost.CreateAsync("ipamrep");
    }

    public async Task DisposeAsync()
    {
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    [Trait("rule", "IPAM-6")]
    [Trait("rule", "IPAM-4")]
    public async Task Two_replicas_give_253_distinct_addresses_of_a_24_then_IpNotEnough_and_a_fresh_replica_keeps_them_all()
    {
        var replicaA = await IpamHost.StartAsync(_db, _vhost, Settings);
        var replicaB = await IpamHost.StartAsync(_db, _vhost, Settings);
        var served = new[] { new Counter(), new Counter() };
        replicaA.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(served[0]);
        replicaB.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(served[1]);
        await using var clients = await ClientBus.StartAsync(_vhost.Url);
        await clients.Bus.Publish(ClientBus.Subnet("net24", "10.20.0.0/24", "10.20.0.1"));
        await Wait.ForPoolAsync(replicaA, "net24");

        var requestClients = Enumerable.Range(0, 16).Select(_ => clients.Client<AllocateIp>()).ToArray();
        var answers = await Task.WhenAll(Enumerable.Range(0, 253).Select(i =>
            clients.AllocateAsync(ClientBus.Pod($"uid-{i}", "net24"), requestClients[i % requestClients.Length])));

        Assert.All(answers, a => Assert.Null(a.No));
        var first = answers.Select(a => a.Ok!).ToDictionary(a => a.PodUid);
        Assert.Equal(253, first.Values.Select(a => a.IpAddress).Distinct().Count());
        Assert.Equal(253, first.Values.Select(a => a.MacAddress).Distinct().Count());
        Assert.DoesNotContain(first.Values, a => a.IpAddress is "10.20.0.0" or "10.20.0.1" or "10.20.0.255");
        Assert.True(served[0].Count > 0 && served[1].Count > 0, $"both replicas serve: {served[0].Count} and {served[1].Count}");

        var (_, refused) = await clients.AllocateAsync(ClientBus.Pod("uid-254", "net24"));
        Assert.Equal("IpNotEnough", refused!.Code);
        Assert.Contains("253 of 253", refused.Message);
        Assert.Equal("net24", refused.Value);
        Assert.Contains("add another subnet", refused.Remedy);

        var events = await _db.ScalarAsync<long>("SELECT count(*) FROM mesh_events WHERE type = 'ipam.ip-allocated.v1'");
        var transactions = await _db.ScalarAsync<long>("SELECT count(DISTINCT tx_id::text) FROM mesh_events WHERE type = 'ipam.ip-allocated.v1'");
        Assert.Equal(253, events);
        Assert.True(transactions < 253, $"group commit: {transactions} transactions for 253 allocations");
        Assert.True(await _db.ScalarAsync<long>("SELECT count(*) FROM mesh_snapshots WHERE stream_id = 'subnet-pool-net24'") == 1);

        await replicaA.DisposeAsync();
        await replicaB.DisposeAsync();
        await using var fresh = await IpamHost.StartAsync(_db, _vhost, Settings);
        var again = await Task.WhenAll(Enumerable.Range(0, 253).Select(i =>
            clients.AllocateAsync(ClientBus.Pod($"uid-{i}", "net24"), requestClients[i % requestClients.Length])));
        Assert.All(again, a => Assert.Equal(first[a.Ok!.PodUid], a.Ok));
        Assert.Equal(253, await _db.ScalarAsync<long>("SELECT count(*) FROM mesh_events WHERE type = 'ipam.ip-allocated.v1'"));
        Assert.Equal("IpNotEnough", (await clients.AllocateAsync(ClientBus.Pod("uid-255", "net24"))).No!.Code);

        var usage = await IpamHost.Http(fresh, IpamHost.Admin()).GetFromJsonAsync<SubnetUsage>("/api/v1/subnets/net24/usage");
        Assert.Equal("253", usage!.Families.Single().Used);
        Assert.Equal("0", usage.Families.Single().Free);
    }

    private sealed class Counter : IConsumeMessageObserver<AllocateIp>
    {
        private int _count;

        public int Count => _count;

        public Task PreConsume(ConsumeContext<AllocateIp> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<AllocateIp> context)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<AllocateIp> context, Exception exception) => Task.CompletedTask;
    }
}
