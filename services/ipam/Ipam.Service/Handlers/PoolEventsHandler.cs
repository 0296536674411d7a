using Mesh.Contracts;
using Mesh.Contracts.Sriov;
using Mesh.Contracts.Vpc;
using Mesh.EventSourcing;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;
using Mesh.Ipam.Service.Directory;

namespace Mesh.Ipam.Service.Handlers;

/// <summary>
/// Pools from the VPC and SR-IOV services' events (IPAM-1) and NAT-gateway LAN addresses. Every step
/// is idempotent by the domain's rules (a repeated announcement decides nothing), so duplicates and
/// redeliveries after a restart are harmless.
/// </summary>
public sealed class PoolEventsHandler(
    PoolWriter pools, EventStore store, SubnetDirectoryCache directory, UsageTracker usage, TimeProvider clock, ILogger<PoolEventsHandler> logger)
{
    public const string NatGatewayInterface = "lan";
    public const string NatGatewayNode = "vpc-nat-gw";
    public const string SriovVpc = "sriov";

    public static string NatGatewayOwner(string name) => "natgw:" + name;

    public async Task SubnetAnnouncedAsync(SubnetAnnounced m, EventMetadata meta, CancellationToken ct)
    {
        var provider = string.IsNullOrWhiteSpace(m.Provider) ? "ovn" : m.Provider;
        await SubmitAsync(m.Name, new CreatePool(m.Name, m.CidrBlock, clock.GetUtcNow(), m.Vpc, m.Gateway, m.ExcludeIps ?? [], provider,
            m.ProjectIds ?? [], m.Namespaces ?? [], m.Generation), meta.For(nameof(CreatePool)), ct);
        // The subnet's status is right from its creation (and after an edit), not from its first allocation.
        usage.Touch(m.Name);
        if (m.IsVpcDefault)
        {
            await RecordVpcAsync(m.Vpc, stored => new VpcRecorded(m.Vpc, stored?.Namespaces ?? [], m.Name), meta, ct);
        }
        directory.Invalidate();
    }

    public static string ChangeAnswerStream(Guid sagaId) => $"subnet-change-{sagaId:N}";

    /// <summary>
    /// POOL-2: apply a subnet change the VPC service has not committed yet, and answer once (a stored event of
    /// its own stream, published through the log). A crash between applying and answering is repaired by the
    /// redelivered request: applying the same spec again decides nothing, and the answer is written then.
    /// </summary>
    public async Task SubnetChangeRequestedAsync(SubnetChangeRequested m, EventMetadata meta, CancellationToken ct)
    {
        if (await store.StreamVersionAsync(ChangeAnswerStream(m.SagaId), ct) > 0)
        {
            return;
        }
        var s = m.Subnet;
        var provider = string.IsNullOrWhiteSpace(s.Provider) ? "ovn" : s.Provider;
        var error = await SubmitAsync(s.Name, new CreatePool(s.Name, s.CidrBlock, clock.GetUtcNow(), s.Vpc, s.Gateway, s.ExcludeIps ?? [], provider,
            s.ProjectIds ?? [], s.Namespaces ?? [], s.Generation), meta.For(nameof(SubnetChangeRequested)), ct);
        var answer = new PoolChangeAnswered(s.Name, m.SagaId, error is null, error?.Code, error?.Message, error?.Field, error?.Value, error?.Remedy);
        try
        {
            await store.AppendAsync(ChangeAnswerStream(m.SagaId), ExpectedVersion.NoStream, [answer], meta.For(nameof(SubnetChangeRequested)), ct);
        }
        catch (ConcurrencyException)
        {
            // A concurrent copy of the same request answered first.
        }
        usage.Touch(s.Name);
        directory.Invalidate();
    }

    public async Task VpcAnnouncedAsync(VpcAnnounced m, EventMetadata meta, CancellationToken ct)
    {
        await RecordVpcAsync(m.Name, stored => new VpcRecorded(m.Name, m.Namespaces ?? [], m.DefaultSubnet ?? stored?.DefaultSubnet), meta, ct);
        directory.Invalidate();
    }

    public async Task SriovRangeAnnouncedAsync(SriovIpRangeAnnounced m, EventMetadata meta, CancellationToken ct)
    {
        var pool = m.PoolOrDefault;
        await SubmitAsync(pool, new CreatePool(pool, m.Range, clock.GetUtcNow(), SriovVpc, m.Gateway, m.Exclude ?? [],
            m.ProviderOrDefault, Generation: m.Generation), meta.For(nameof(CreatePool)), ct);
        directory.Invalidate();
    }

    /// <summary>The network is gone: its pool is deleted if empty; one still holding addresses stays (and is logged).</summary>
    public async Task SriovRangeRemovedAsync(SriovIpRangeRemoved m, EventMetadata meta, CancellationToken ct)
    {
        var pool = m.PoolOrDefault;
        if (await SubmitAsync(pool, new RequestPoolDeletion(pool, clock.GetUtcNow()), meta.For(nameof(RequestPoolDeletion)), ct) is null)
        {
            await SubmitAsync(pool, new ConfirmPoolDeletion(pool, clock.GetUtcNow()), meta.For(nameof(ConfirmPoolDeletion)), ct);
        }
        directory.Invalidate();
    }

    /// <summary>The gateway's LAN address is a static allocation owned by (natgw:&lt;name&gt;, lan).</summary>
    public async Task NatGatewayAnnouncedAsync(NatGatewayAnnounced m, EventMetadata meta, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(m.LanIp) || string.IsNullOrWhiteSpace(m.Subnet))
        {
            return;
        }
        var owner = NatGatewayOwner(m.Name);
        var (held, project) = await pools.QueryAsync(m.Subnet, s =>
            (s.AllocationOf(owner, NatGatewayInterface)?.IpAddress, s.ProjectIds.FirstOrDefault() ?? "system"), ct);
        if (held is not null && held != m.LanIp)
        {
            await SubmitAsync(m.Subnet, new ReleaseIp(m.Subnet, owner, clock.GetUtcNow(), NatGatewayInterface, ReleaseReasons.InterfaceRemoved),
                meta.For(nameof(ReleaseIp), "NatGatewayChanged"), ct);
        }
        var error = await SubmitAsync(m.Subnet, new AllocateIp(m.Subnet, owner, "kube-system", "vpc-nat-gw-" + m.Name, NatGatewayNode, project,
            clock.GetUtcNow(), NatGatewayInterface, IpAddress: m.LanIp), meta.For(nameof(AllocateIp), "NatGatewayAnnounced"), ct);
        if (error?.Code == IpamErrors.PoolNotFoundCode)
        {
            // The subnet's announcement is on its way on another queue: let the bus redeliver.
            throw new InvalidOperationException($"NAT gateway {m.Name}: {error.Message}");
        }
    }

    public Task NatGatewayRemovedAsync(NatGatewayRemoved m, EventMetadata meta, CancellationToken ct) =>
        SubmitAsync(m.Subnet, new ReleaseIp(m.Subnet, NatGatewayOwner(m.Name), clock.GetUtcNow(), NatGatewayInterface, ReleaseReasons.PodDeleted),
            meta.For(nameof(ReleaseIp), "NatGatewayRemoved"), ct);

    private async Task<MeshError?> SubmitAsync(string subnet, IpamCommand command, EventMetadata meta, CancellationToken ct)
    {
        var outcome = await pools.SubmitAsync(subnet, command, meta, ct);
        if (outcome.Decision.Error is { } error)
        {
            logger.LogWarning("{Command} for pool {Subnet} refused: {Error}", command.GetType().Name, subnet, error);
        }
        return outcome.Decision.Error;
    }

    // A VPC's record merges two announcements that arrive on different queues, concurrently: its namespaces
    // (VpcAnnounced) and its default subnet (a SubnetAnnounced with IsVpcDefault). Each merge reads the record
    // at a stream version and appends expecting that version, so that neither overwrites the other (a lost
    // update left a custom VPC with no default or no namespaces; seen in the spill-over test).
    private async Task RecordVpcAsync(string vpc, Func<VpcRecorded?, VpcRecorded> merge, EventMetadata meta, CancellationToken ct)
    {
        var stream = "ipam-vpc-" + vpc;
        for (var attempt = 1; ; attempt++)
        {
            var version = await store.StreamVersionAsync(stream, ct);
            var stored = await directory.StoredVpcAsync(vpc, ct);
            var next = merge(stored);
            if (stored is not null && stored.DefaultSubnet == next.DefaultSubnet && stored.Namespaces.SequenceEqual(next.Namespaces))
            {
                return;
            }
            try
            {
                await store.AppendAsync(stream, version, [next], meta.For(nameof(VpcAnnounced)), ct);
                return;
            }
            catch (ConcurrencyException) when (attempt < 10)
            {
                // Another announcement of this VPC was recorded meanwhile: merge into it.
            }
        }
    }
}
