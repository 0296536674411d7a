using System.Net;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Vpc;
using Mesh.Testing;

namespace Mesh.Vpc.Tests;

// SUB-9: DELETE asks IPAM (SubnetDeletionRequested); IPAM prepares (the subnet goes) or refuses
// (SubnetInUse, the subnet stays). Here IPAM is a double on the bus.
[Trait("rule", "SUB-9")]
public sealed class DeletionSagaTests : BusTestBase
{
    private const string Subnets = "/apis/kubeovn.io/v1/subnets";

    [Fact]
    public async Task An_empty_subnet_is_deleted_when_ipam_prepares_and_SubnetRemoved_is_published()
    {
        Ipam.State.Answer = IpamAnswer.Prepare;
        await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/empty", Subnet("empty", "10.50.0.0/24")));

        var deleted = await Problems.OkAsync(await Vpc.DeleteAsync($"{Subnets}/empty"), HttpStatusCode.OK);
        Assert.Equal("Success", deleted.GetProperty("status").GetString());
        await Problems.AssertAsync(await Vpc.GetAsync($"{Subnets}/empty"), HttpStatusCode.NotFound, "SubnetNotFound");

        var request = Assert.Single(Ipam.State.All<SubnetDeletionRequested>(), r => r.Name == "empty");
        await Eventually.TrueAsync(() => Ipam.State.All<SubnetRemoved>().Any(r => r.Name == "empty"), "SubnetRemoved");
        Assert.Equal(request.SagaId, Ipam.State.All<SubnetRemoved>().Single(r => r.Name == "empty").SagaId);
        // The CIDR is free again.
        await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/again", Subnet("again", "10.50.0.0/24")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_subnet_in_use_is_refused_with_SubnetInUse_naming_count_and_holders_and_stays()
    {
        Ipam.State.Answer = IpamAnswer.Refuse;
        await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/used", Subnet("used", "10.51.0.0/24")));

        var problem = await Problems.AssertAsync(await Vpc.DeleteAsync($"{Subnets}/used"), HttpStatusCode.Conflict, "SubnetInUse");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("2 allocated", detail);
        Assert.Contains("default/web-0", detail);

        var subnet = await Vpc.GetJsonAsync($"{Subnets}/used");
        var conditions = subnet.GetProperty("status").GetProperty("conditions").EnumerateArray()
            .ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("True", conditions["Ready"]);
        Assert.Equal("True", conditions["DeletionRefused"]);
        await Eventually.TrueAsync(() => Ipam.State.All<Mesh.Contracts.Vpc.SubnetDeletionAborted>().Any(a => a.Name == "used"), "aborted published");
        // Usable again: an update is accepted.
        await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/used", Subnet("used", "10.51.0.0/24").Replace("natOutgoing: true", "natOutgoing: false")),
            HttpStatusCode.OK);
    }

    [Fact]
    public async Task Duplicate_and_stale_answers_change_nothing()
    {
        Ipam.State.Answer = IpamAnswer.Refuse;
        Ipam.State.Duplicates = 3;
        await Problems.OkAsync(await Vpc.PutAsync($"{Subnets}/dup", Subnet("dup", "10.52.0.0/24")));
        await Problems.AssertAsync(await Vpc.DeleteAsync($"{Subnets}/dup"), HttpStatusCode.Conflict, "SubnetInUse");
        var refused = Ipam.State.All<SubnetDeletionRequested>().Single(r => r.Name == "dup");
        await Task.Delay(500);
        var version = await TopologyVersionAsync();

        // The refused saga's answers again, and a Prepared for it: the subnet stays, nothing is recorded.
        await Ipam.PublishAsync(new SubnetDeletionRefused("dup", refused.SagaId, 2, ["default/web-0"]));
        await Ipam.PublishAsync(new SubnetDeletionPrepared("dup", refused.SagaId));
        await Task.Delay(1000);
        Assert.Equal(version, await TopologyVersionAsync());
        await Problems.OkAsync(await Vpc.GetAsync($"{Subnets}/dup"), HttpStatusCode.OK);

        // A second saga, prepared three times: deleted once.
        Ipam.State.Answer = IpamAnswer.Prepare;
        await Problems.OkAsync(await Vpc.DeleteAsync($"{Subnets}/dup"), HttpStatusCode.OK);
        await Task.Delay(1000);
        var after = await TopologyVersionAsync();
        await Ipam.PublishAsync(new SubnetDeletionPrepared("dup", refused.SagaId));
        await Ipam.PublishAsync(new SubnetDeletionRefused("dup", refused.SagaId, 1, []));
        await Task.Delay(1000);
        Assert.Equal(after, await TopologyVersionAsync());
        Assert.Single(Ipam.State.All<SubnetRemoved>(), r => r.Name == "dup");
    }
}
