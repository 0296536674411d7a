using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

// SUB-9: deletion is a saga with IPAM (request -> IPAM closes the pool -> confirm or abort), so
// that no allocation is ever lost. Every step is idempotent. Also the usage status IPAM reports.
internal static class SubnetLifecycleRules
{
    public static Decision Request(Topology state, RequestSubnetDeletion c, TopologySettings settings)
    {
        if (!state.Subnets.TryGetValue(c.Name, out var subnet))
        {
            return TopologyErrors.SubnetNotFound("metadata.name", c.Name);
        }
        if (c.Name == settings.DefaultSubnet)
        {
            return TopologyErrors.Protected("subnet", c.Name);
        }
        if (subnet.Deleting)
        {
            return Decision.Nothing;
        }
        if (subnet.PendingChange is { } pending)
        {
            return TopologyErrors.SubnetBeingChanged(c.Name, pending.SagaId);
        }
        if (state.NatGateways.Values.FirstOrDefault(g => g.Subnet == c.Name) is { } gateway)
        {
            return TopologyErrors.SubnetInUse(c.Name, 1, [$"NAT gateway {gateway.Name} ({gateway.LanIp})"]);
        }
        // The usage IPAM last reported refuses early; IPAM's own answer in the saga is authoritative.
        if (subnet.Usage.UsingIPs > 0)
        {
            return TopologyErrors.SubnetInUse(c.Name, subnet.Usage.UsingIPs, []);
        }
        return Decision.Accept(new SubnetDeletionRequested(subnet.Definition, c.SagaId));
    }

    public static Decision Confirm(Topology state, ConfirmSubnetDeletion c)
    {
        if (!state.Subnets.TryGetValue(c.Name, out var subnet))
        {
            return Decision.Nothing;
        }
        if (!subnet.Deleting)
        {
            return new MeshError(VpcErrorCodes.SubnetDeletionNotRequested, $"subnet '{c.Name}' has no deletion in progress",
                ErrorKind.Conflict, "metadata.name", c.Name);
        }
        // An answer of another (earlier) saga settles nothing: only the running saga's answer counts.
        return OfOtherSaga(subnet, c.SagaId) ? Decision.Nothing : Decision.Accept(new SubnetDeleted(subnet.Definition, subnet.DeletionSaga));
    }

    public static Decision Abort(Topology state, AbortSubnetDeletion c) =>
        state.Subnets.TryGetValue(c.Name, out var subnet) && subnet.Deleting && !OfOtherSaga(subnet, c.SagaId)
            ? Decision.Accept(new SubnetDeletionAborted(c.Name, c.AllocatedCount, c.Holders.ToArray(), subnet.DeletionSaga))
            : Decision.Nothing;

    private static bool OfOtherSaga(SubnetState subnet, Guid sagaId) => sagaId != default && sagaId != subnet.DeletionSaga;

    // Usage reports for an unknown subnet are stale (it was deleted meanwhile): nothing to record.
    public static Decision RecordUsage(Topology state, RecordSubnetUsage c)
    {
        var u = c.Usage;
        if (u.V4AvailableIPs < 0 || u.V4UsingIPs < 0 || u.V6AvailableIPs < 0 || u.V6UsingIPs < 0)
        {
            return TopologyErrors.Invalid("usage", u.ToString(), "subnet usage numbers must not be negative");
        }
        // A report read at an older pool version than the one recorded is a late copy: recording it would roll the status back.
        return state.Subnets.TryGetValue(c.Name, out var subnet) && subnet.Usage != u && (c.PoolVersion == 0 || c.PoolVersion > subnet.UsagePoolVersion)
            ? Decision.Accept(new SubnetUsageChanged(c.Name, u, c.PoolVersion))
            : Decision.Nothing;
    }
}
