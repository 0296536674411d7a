using System.Net;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Vpc;
using Mesh.Testing;

namespace Mesh.Vpc.Tests;

// SUB-9 survives either service restarting mid-saga: its state is the stream.
[Trait("rule", "SUB-9")]
public sealed class SagaRestartTests : BusTestBase
{
    private const string Subnets = "/apis/kubeovn.io/v1/subnets";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mesh:Vpc:Saga:DeletionWait"] = "00:00:00.500",
        ["Mesh:Vpc:Saga:RepublishInterval"] = "00:00:01",
    };

    [Fact]
    public async Task A_new_vpc_host_completes_a_saga_whose_answer_arrived_while_it_was_down()
    {
        Ipam.State.Answer = IpamAnswer.Hold;
        await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/midway", Subnet("midway", "10.60.0.0/24")));

        var pending = await Problems.OkAsync(await Vpc.DeleteAsync($"{Subnets}/midway"), HttpStatusCode.Accepted);
        Assert.Contains(pending.GetProperty("status").GetProperty("conditions").EnumerateArray(),
            c => c.GetProperty("type").GetString() == "Deleting" && c.GetProperty("status").GetString() == "True");
        await Eventually.TrueAsync(() => Ipam.State.All<SubnetDeletionRequested>().Any(r => r.Name == "midway"), "request reached IPAM");
        var saga = Ipam.State.All<SubnetDeletionRequested>().First(r => r.Name == "midway").SagaId;

        await Vpc.DisposeAsync();
        await Ipam.PublishAsync(new SubnetDeletionPrepared("midway", saga));
        await Task.Delay(300);
        Vpc = await VpcHost.StartAsync(Db, Vhost, Settings);

        await Eventually.TrueAsync(async () => (await Vpc.GetAsync($"{Subnets}/midway")).StatusCode == HttpStatusCode.NotFound, "deleted by the new host");
        await Eventually.TrueAsync(() => Ipam.State.All<SubnetRemoved>().Any(r => r.Name == "midway" && r.SagaId == saga), "SubnetRemoved with the saga id");
    }

    [Fact]
    public async Task A_request_ipam_lost_is_asked_again_with_the_same_saga_id_until_answered()
    {
        Ipam.State.Answer = IpamAnswer.Hold;
        await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/lost", Subnet("lost", "10.61.0.0/24")));
        await Problems.OkAsync(await Vpc.DeleteAsync($"{Subnets}/lost"), HttpStatusCode.Accepted);
        // The first request must have reached (and been ignored by) IPAM before it starts answering,
        // otherwise that first request is simply answered and nothing proves the re-publish.
        await Eventually.TrueAsync(() => Ipam.State.All<SubnetDeletionRequested>().Any(r => r.Name == "lost"), "first request reached IPAM");

        Ipam.State.Answer = IpamAnswer.Prepare;
        await Eventually.TrueAsync(async () => (await Vpc.GetAsync($"{Subnets}/lost")).StatusCode == HttpStatusCode.NotFound, "deleted after a re-publish");
        var requests = Ipam.State.All<SubnetDeletionRequested>().Where(r => r.Name == "lost").ToArray();
        Assert.True(requests.Length >= 2);
        Assert.Single(requests.Select(r => r.SagaId).Distinct());
    }

    [Fact]
    [Trait("rule", "POOL-2")]
    public async Task A_subnet_change_ipam_left_unanswered_is_asked_again_as_first_published_until_answered()
    {
        await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/asked", Subnet("asked", "10.62.0.0/24")));
        Ipam.State.HoldChanges = true;
        var pending = await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/asked",
            Subnet("asked", "10.62.0.0/24") + "  excludeIps: [10.62.0.9]\n"), HttpStatusCode.Accepted);
        Assert.Contains(pending.GetProperty("status").GetProperty("conditions").EnumerateArray(), c => c.GetProperty("type").GetString() == "ChangePending");
        await Eventually.TrueAsync(() => Ipam.State.All<SubnetChangeRequested>().Any(r => r.Name == "asked"), "first request reached IPAM");

        Ipam.State.HoldChanges = false;
        await Eventually.TrueAsync(async () => (await Vpc.GetJsonAsync($"{Subnets}/asked")).GetProperty("spec").GetProperty("excludeIps").EnumerateArray()
            .Any(e => e.GetString() == "10.62.0.9"), "committed after a re-publish");
        var requests = Ipam.State.All<SubnetChangeRequested>().Where(r => r.Name == "asked").ToArray();
        Assert.True(requests.Length >= 2);
        Assert.Single(requests.Select(r => (r.SagaId, r.Subnet.Generation)).Distinct());
    }

    [Fact]
    [Trait("rule", "VPC-1")]
    public async Task Two_replicas_and_a_restart_bootstrap_the_default_topology_once()
    {
        await using var second = await VpcHost.StartAsync(Db, Vhost, Settings);
        await Vpc.DisposeAsync();
        Vpc = await VpcHost.StartAsync(Db, Vhost, Settings);
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM mesh_events WHERE stream_id = 'topology'"));
        Assert.Equal("2", await TopologyVersionAsync());
    }
}
