using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Fip;

namespace Mesh.Fip.Tests;

[Collection(nameof(FipFixture))]
public sealed class BusTests(FipFixture f)
{
    private async Task<T> AskAsync<TRequest, T>(TRequest request) where TRequest : class where T : class
    {
        var response = await f.Bus.CreateRequestClient<TRequest>().GetResponse<T, Rejected>(request);
        if (response.Is(out Response<T>? ok))
        {
            return ok!.Message;
        }
        Assert.True(response.Is(out Response<Rejected>? no));
        throw new Xunit.Sdk.XunitException($"rejected: {no!.Message}");
    }

    private async Task<Rejected> RejectedAsync<TRequest>(TRequest request) where TRequest : class
    {
        var response = await f.Bus.CreateRequestClient<TRequest>().GetResponse<DisassociationResult, Rejected>(request);
        return response.Is(out Response<Rejected>? no) ? no!.Message : throw new Xunit.Sdk.XunitException("accepted");
    }

    [Fact, Trait("rule", "FIP-3")]
    public async Task Every_association_kind_over_the_bus_and_their_removal()
    {
        await f.AllocatedAsync("10.1.2.11", "bus-pod-1");
        await f.AllocatedAsync("10.1.2.12", "bus-pod-2");
        var eip = await AskAsync<AllocateFip, FipAllocation>(new() { Project = "proj-bus", Name = "bus-eip", ExternalSubnet = "ext-a", IdempotencyKey = "k-bus-eip" });
        var again = await AskAsync<AllocateFip, FipAllocation>(new() { Project = "proj-bus", Name = "bus-eip", ExternalSubnet = "ext-a", IdempotencyKey = "k-bus-eip" });
        Assert.Equal(eip, again);
        await AskAsync<AllocateFip, FipAllocation>(new() { Project = "proj-bus", Name = "bus-nat", ExternalSubnet = FipFixture.ExtA, IdempotencyKey = "k-bus-nat" });

        var fip = await AskAsync<AssociateFip, FipRule>(new() { Project = "proj-bus", Kind = "eip", Name = "bus-fip", OvnEip = "bus-eip", IpName = "bus-pod-1.default" });
        Assert.Equal(("10.1.2.11", eip.V4Ip, "gw-a"), (fip.V4Ip, fip.V4Eip, fip.GatewayNode));
        var snat = await AskAsync<AssociateFip, FipRule>(new() { Project = "proj-bus", Kind = "snat", Name = "bus-snat", OvnEip = "bus-nat", V4IpCidr = "10.1.2.12" });
        Assert.Equal("snat", snat.Kind);
        var dnat = await AskAsync<AssociateFip, FipRule>(new()
        {
            Project = "proj-bus", Kind = "dnat", Name = "bus-dnat", OvnEip = "bus-nat", V4Ip = "10.1.2.12", Protocol = "tcp", ExternalPort = 8443, InternalPort = 443,
        });
        Assert.Equal(8443, dnat.ExternalPort);
        var conflict = await RejectedAsync(new AssociateFip
        {
            Project = "proj-bus", Kind = "dnat", Name = "bus-dnat-2", OvnEip = "bus-nat", V4Ip = "10.1.2.11", Protocol = "TCP", ExternalPort = 8443, InternalPort = 80,
        });
        Assert.Equal(("DnatPortConflict", 409), (conflict.Code, conflict.Status));
        var forbidden = await RejectedAsync(new AssociateFip { Project = "proj-other", Kind = "eip", Name = "bus-x", OvnEip = "bus-eip", V4Ip = "10.1.2.12" });
        Assert.Equal("Forbidden", forbidden.Code);

        foreach (var name in new[] { "bus-fip", "bus-snat", "bus-dnat" })
        {
            Assert.True((await AskAsync<DisassociateFip, DisassociationResult>(new() { Project = "proj-bus", Name = name })).Existed);
            Assert.False((await AskAsync<DisassociateFip, DisassociationResult>(new() { Project = "proj-bus", Name = name })).Existed);
        }
        var released = await AskAsync<ReleaseFip, FipReleaseResult>(new() { Project = "proj-bus", Name = "bus-eip" });
        Assert.True(released.Released);
        Assert.False((await AskAsync<ReleaseFip, FipReleaseResult>(new() { Project = "proj-bus", Name = "bus-eip" })).Released);
    }

    [Fact, Trait("rule", "FIP-2")]
    public async Task Quota_and_exhaustion_are_rejected_on_the_bus_with_their_codes()
    {
        await AskAsync<AllocateFip, FipAllocation>(new() { Project = "tight", Name = "bq-1", ExternalSubnet = "ext-b" });
        var quota = await RejectedAsync(new AllocateFip { Project = "tight", Name = "bq-2", ExternalSubnet = "ext-a" });
        Assert.Equal("QuotaExceeded", quota.Code);
        await AskAsync<AllocateFip, FipAllocation>(new() { Project = "proj-bq", Name = "bq-3", ExternalSubnet = "ext-b" });
        var empty = await RejectedAsync(new AllocateFip { Project = "proj-bq", Name = "bq-4", ExternalSubnet = "ext-b" });
        Assert.Equal("FipPoolExhausted", empty.Code);
        await AskAsync<ReleaseFip, FipReleaseResult>(new() { Project = "tight", Name = "bq-1" });
        await AskAsync<ReleaseFip, FipReleaseResult>(new() { Project = "proj-bq", Name = "bq-3" });
    }
}
