using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Domain;

/// <summary>
/// The pure decider of one subnet pool: (state, command) -> events or a refusal. It never mutates
/// the state; the caller applies the returned events.
/// </summary>
public static partial class IpamDecider
{
    public static Decision Decide(SubnetPool state, IpamCommand command) => command switch
    {
        CreatePool c => Create(state, c),
        UpdatePool c => Update(state, c),
        AllocateIp c => Allocate(state, c),
        ReleaseIp c => Release(state, c),
        ReportLivePods c => ReportLivePods(state, c),
        ReclaimLeaks c => ReclaimLeaks(state, c),
        ReleaseNode c => ReleaseNode(state, c),
        RequestPoolDeletion c => RequestDeletion(state, c),
        ConfirmPoolDeletion c => ConfirmDeletion(state, c),
        AbortPoolDeletion c => AbortDeletion(state, c),
        _ => throw new ArgumentException($"unknown IPAM command {command.GetType().Name}", nameof(command)),
    };

    public static Decision Create(SubnetPool state, CreatePool c)
    {
        if (Stale(state, c.Generation))
        {
            return Decision.Nothing;
        }
        if (state.Exists)
        {
            // A repeated announcement is an update of the mutable fields, or nothing (COMMON-2).
            return Update(state, new UpdatePool(c.Subnet, c.Now, c.ExcludeIps ?? [], c.ProjectIds ?? [], c.Namespaces ?? [],
                c.Gateway, c.CidrBlock, c.Vpc, c.Provider, c.Generation));
        }
        if (PoolName(c.Subnet) is { } badName)
        {
            return badName;
        }
        if (DnsName.Check(c.Vpc, "vpc") is { } badVpc)
        {
            return badVpc;
        }
        var excludes = c.ExcludeIps ?? [];
        if (PoolSpecParser.TryParse(c.Subnet, c.CidrBlock, c.Gateway, excludes, out var v4, out var v6) is { } error)
        {
            return error;
        }
        return Decision.Accept(new PoolCreated(c.Subnet, c.Vpc, c.CidrBlock, PoolSpecParser.GatewayText(v4, v6), excludes,
            string.IsNullOrWhiteSpace(c.Provider) ? "ovn" : c.Provider, c.ProjectIds ?? [], c.Namespaces ?? [], c.Now, c.Generation));
    }

    // A copy of an announcement older than the one the pool last took (redelivered, or overtaken by a
    // newer one): applying it would roll the spec back, or bring a deleted pool back to life.
    private static bool Stale(SubnetPool state, long generation) => generation > 0 && generation <= state.Generation;

    public static Decision Update(SubnetPool state, UpdatePool c)
    {
        if (Stale(state, c.Generation))
        {
            return Decision.Nothing;
        }
        if (!state.Exists)
        {
            return IpamErrors.PoolNotFound(c.Subnet);
        }
        if (Changed(state.CidrBlock, c.CidrBlock))
        {
            return IpamErrors.ImmutableField("cidrBlock", state.CidrBlock, c.CidrBlock);
        }
        if (Changed(state.Vpc, c.Vpc))
        {
            return IpamErrors.ImmutableField("vpc", state.Vpc, c.Vpc);
        }
        if (Changed(state.Provider, c.Provider))
        {
            return IpamErrors.ImmutableField("provider", state.Provider, c.Provider);
        }
        var excludes = c.ExcludeIps ?? state.ExcludeIps;
        var gatewayText = c.Gateway ?? state.Gateway;
        if (PoolSpecParser.TryParse(c.Subnet, state.CidrBlock, gatewayText, excludes, out var v4, out var v6) is { } error)
        {
            return error;
        }
        var gateway = PoolSpecParser.GatewayText(v4, v6);
        if (gateway != state.Gateway && state.AllocationCount > 0)
        {
            return IpamErrors.ImmutableField("gateway", state.Gateway, gateway, $" while {state.AllocationCount} addresses are allocated");
        }
        foreach (var spec in new[] { v4, v6 }.OfType<FamilySpec>())
        {
            // A newly reserved address must not be one a pod holds: the exclude would silently orphan it.
            foreach (var r in spec.Reserved().Ranges)
            {
                if (FirstHeld(state, state.Family(spec.Family)!, r) is { } held)
                {
                    return IpamErrors.IpConflict("excludeIps", held.Address(spec.Family)!, held);
                }
            }
        }
        var projects = c.ProjectIds ?? state.ProjectIds;
        var namespaces = c.Namespaces ?? state.Namespaces;
        if (gateway == state.Gateway && excludes.SequenceEqual(state.ExcludeIps)
            && projects.SequenceEqual(state.ProjectIds) && namespaces.SequenceEqual(state.Namespaces))
        {
            return Decision.Nothing;
        }
        var updated = new PoolUpdated(c.Subnet, gateway, excludes, projects, namespaces, c.Now, c.Generation);
        return Decision.Accept([updated, .. WarningsAfterRespec(state, v4, v6, c.Now)]);
    }

    public static Decision RequestDeletion(SubnetPool state, RequestPoolDeletion c)
    {
        if (!state.Exists)
        {
            return state.Status == PoolStatus.Deleted ? Decision.Nothing : IpamErrors.PoolNotFound(c.Subnet);
        }
        if (state.AllocationCount > 0)
        {
            var holders = state.Allocations.OrderBy(a => a.AllocatedAt).Take(5);
            return IpamErrors.SubnetInUse(c.Subnet, state.AllocationCount, holders);
        }
        return state.Status == PoolStatus.Closing ? Decision.Nothing : Decision.Accept(new PoolDeletionRequested(c.Subnet, c.Now));
    }

    public static Decision ConfirmDeletion(SubnetPool state, ConfirmPoolDeletion c) => state.Status switch
    {
        PoolStatus.Deleted => Decision.Nothing,
        PoolStatus.Closing => Decision.Accept(new PoolDeleted(c.Subnet, c.Now)),
        PoolStatus.Open => IpamErrors.PoolNotClosing(c.Subnet),
        _ => IpamErrors.PoolNotFound(c.Subnet),
    };

    public static Decision AbortDeletion(SubnetPool state, AbortPoolDeletion c) => state.Status switch
    {
        PoolStatus.Open => Decision.Nothing,
        PoolStatus.Closing => Decision.Accept(new PoolDeletionAborted(c.Subnet, c.Now)),
        _ => IpamErrors.PoolNotFound(c.Subnet),
    };

    /// <summary>
    /// A subnet name is a DNS-1123 label; SR-IOV range pools are named sriov.&lt;ns&gt;.&lt;network&gt;, so a
    /// pool name is checked as a DNS-1123 subdomain: dot-separated labels, at most 253 characters.
    /// </summary>
    private static MeshError? PoolName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 253)
        {
            return DnsName.Check(string.IsNullOrEmpty(name) ? name : new string('x', 64), "subnet") is { } e
                ? e with { Value = name } : null;
        }
        return name.Split('.').Select(label => DnsName.Check(label, "subnet")).FirstOrDefault(e => e is not null) is { } bad
            ? bad with { Value = name, Message = bad.Message.Replace($"'{bad.Value}'", $"'{name}'") }
            : null;
    }

    private static bool Changed(string current, string? requested) =>
        requested is not null && !string.Equals(Canonical(current), Canonical(requested), StringComparison.OrdinalIgnoreCase);

    private static string Canonical(string s) => string.Join(',', s.Split(',', StringSplitOptions.TrimEntries));

    private static Allocation? FirstHeld(SubnetPool state, FamilyPool family, AddressRange range)
    {
        // Walk whichever side is smaller: the range (excludes are usually short) or the holders.
        if (range.Count <= (UInt128)family.Holders.Count)
        {
            for (var a = range.Start; ; a++)
            {
                if (state.HolderOf(family.Family, a) is { } holder)
                {
                    return holder;
                }
                if (a == range.End)
                {
                    return null;
                }
            }
        }
        foreach (var a in family.Holders.Keys.Where(range.Contains).Order())
        {
            return state.HolderOf(family.Family, a);
        }
        return null;
    }
}
