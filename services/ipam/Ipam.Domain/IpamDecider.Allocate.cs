using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Ipam.Domain.Addressing;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Domain;

public static partial class IpamDecider
{
    public static Decision Allocate(SubnetPool state, AllocateIp c)
    {
        if (!state.Exists)
        {
            return IpamErrors.PoolNotFound(c.Subnet);
        }
        if (state.Status == PoolStatus.Closing)
        {
            return IpamErrors.SubnetClosing(c.Subnet);
        }
        if (MissingField(c) is { } missing)
        {
            return IpamErrors.Missing(missing);
        }
        var iface = string.IsNullOrWhiteSpace(c.Interface) ? AllocationOwner.PrimaryInterface : c.Interface;
        if (!string.IsNullOrWhiteSpace(c.Provider) && c.Provider != state.Provider)
        {
            return IpamErrors.ProviderMismatch(c.Subnet, state.Provider, c.Provider);
        }
        if (state.ProjectIds.Count > 0 && !state.ProjectIds.Contains(c.Project))
        {
            return IpamErrors.Forbidden(c.Subnet, c.Project);
        }
        var mac = c.MacAddress is null ? null : MacAddress.Normalise(c.MacAddress);
        if (c.MacAddress is not null && mac is null)
        {
            return IpamErrors.InvalidMac(c.MacAddress);
        }
        if (ParseStatic(state, c.IpAddress, out var statics) is { } badStatic)
        {
            return badStatic;
        }
        if (state.AllocationOf(c.PodUid, iface) is { } existing)
        {
            return SameOwnerAgain(existing, c, statics, mac);
        }
        if (mac is not null && state.HolderOfMac(mac) is { } macHolder)
        {
            return IpamErrors.MacConflict(mac, macHolder);
        }

        var memory = c.StickyKey is null ? null : state.StickyMemory(c.StickyKey, iface);
        var chosen = new Dictionary<IpFamily, UInt128>();
        foreach (var family in state.Families)
        {
            var error = statics.TryGetValue(family.Family, out var wanted)
                ? CheckStatic(state, family, wanted, memory, c)
                : PickFree(state, family, memory, c, out wanted);
            if (error is not null)
            {
                return error;
            }
            chosen[family.Family] = wanted;
        }

        mac ??= memory is not null && state.HolderOfMac(memory.Mac) is null ? memory.Mac : NewMac(state, c.RandomBytes);
        string? Text(IpFamily f) => chosen.TryGetValue(f, out var a) ? new IpAddress(f, a).ToString() : null;
        var allocated = new IpAllocated(c.Subnet, c.PodUid, iface, c.PodNamespace, c.PodName, c.Node,
            state.Provider, c.Project, Text(IpFamily.V4), Text(IpFamily.V6), mac, c.StickyKey, statics.Count > 0, c.Now);
        var warnings = state.Families.SelectMany(f =>
            Crossings(state, f, f.Usage.Used + 1, f.Usage.Total, c.Now));
        return Decision.Accept([allocated, .. warnings]);
    }

    private static string? MissingField(AllocateIp c) =>
        string.IsNullOrWhiteSpace(c.PodUid) ? "podUid"
        : string.IsNullOrWhiteSpace(c.PodNamespace) ? "podNamespace"
        : string.IsNullOrWhiteSpace(c.PodName) ? "podName"
        : string.IsNullOrWhiteSpace(c.Node) ? "node"
        : string.IsNullOrWhiteSpace(c.Project) ? "project"
        : null;

    /// <summary>IPAM-4 / COMMON-2: the same owner gets the same answer and no new event.</summary>
    private static Decision SameOwnerAgain(Allocation existing, AllocateIp c, Dictionary<IpFamily, UInt128> statics, string? mac)
    {
        foreach (var (family, wanted) in statics)
        {
            if (existing.Address(family) != new IpAddress(family, wanted).ToString())
            {
                return IpamErrors.OwnerHoldsOther(existing.Owner, c.IpAddress!, existing);
            }
        }
        if (mac is not null && !string.Equals(mac, existing.Mac, StringComparison.OrdinalIgnoreCase))
        {
            return IpamErrors.ImmutableField("macAddress", existing.Mac, mac, $" for {existing.Owner} while it holds {existing.IpAddress}");
        }
        return Decision.Nothing;
    }

    private static MeshError? ParseStatic(SubnetPool state, string? text, out Dictionary<IpFamily, UInt128> statics)
    {
        statics = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IpAddress.TryParseHost(part, out var address))
            {
                return IpamErrors.InvalidIp("ipAddress", part, "not an IP address");
            }
            var (family, value) = (address.Family, address.Value);
            if (!statics.TryAdd(family, value))
            {
                return IpamErrors.InvalidIp("ipAddress", text, $"more than one {family.Name()} address");
            }
            if (state.Family(family) is not { } pool || !pool.Cidr.Contains(address))
            {
                return IpamErrors.IpOutOfRange("ipAddress", part, state.Subnet, state.CidrBlock);
            }
        }
        return null;
    }

    /// <summary>IPAM-5: in the CIDR (checked when parsed), not reserved, not held, not cooling down.</summary>
    private static MeshError? CheckStatic(SubnetPool state, FamilyPool family, UInt128 wanted, Allocation? memory, AllocateIp c)
    {
        var text = new IpAddress(family.Family, wanted).ToString();
        if (family.IsReserved(wanted))
        {
            return IpamErrors.IpReserved("ipAddress", text, state.Subnet, family.Spec.ReservedBecause(wanted));
        }
        if (state.HolderOf(family.Family, wanted) is { } holder)
        {
            return IpamErrors.IpConflict("ipAddress", text, holder);
        }
        // The same sticky workload coming back is not the stranger that quarantine protects against.
        var returning = memory?.Address(family.Family) == text;
        return !returning && family.InQuarantine(wanted, c.Now, c.Quarantine, out var until)
            ? IpamErrors.IpQuarantined(text, until)
            : null;
    }

    private static MeshError? PickFree(SubnetPool state, FamilyPool family, Allocation? memory, AllocateIp c, out UInt128 picked)
    {
        // IPAM-10: a sticky key gets its previous address back while it is free, quarantine or not.
        if (memory?.Address(family.Family) is { } previous && IpAddress.TryParse(previous, out var before)
            && family.Free.Contains(before.Value))
        {
            picked = before.Value;
            return null;
        }
        foreach (var candidate in family.Free.Ascending())
        {
            if (!family.InQuarantine(candidate, c.Now, c.Quarantine, out _))
            {
                picked = candidate;
                return null;
            }
        }
        picked = default;
        var cooling = family.ReleasedAt.Count(p => family.InQuarantine(p.Key, c.Now, c.Quarantine, out _) && family.Free.Contains(p.Key));
        return IpamErrors.IpNotEnough(state.Subnet, state.Vpc, family.Cidr, family.Usage, cooling);
    }

    /// <summary>IPAM-7: Kube-OVN style 00:00:00:xx:xx:xx from the caller's random bytes, unique in the subnet.</summary>
    private static string NewMac(SubnetPool state, byte[]? random)
    {
        var bytes = random ?? [];
        var suffix = 0;
        for (var i = 0; i + 3 <= bytes.Length; i += 3)
        {
            suffix = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
            if (suffix != 0 && state.HolderOfMac(MacAddress.Generated(suffix)) is null)
            {
                return MacAddress.Generated(suffix);
            }
        }
        // Every random candidate collided (or none was given): probe on deterministically.
        for (var n = 0; n < 1 << 24; n++)
        {
            suffix = (suffix + 1) & 0xFFFFFF;
            if (suffix != 0 && state.HolderOfMac(MacAddress.Generated(suffix)) is null)
            {
                return MacAddress.Generated(suffix);
            }
        }
        throw new InvalidOperationException("no free MAC suffix: a subnet cannot hold 2^24 allocations");
    }
}
