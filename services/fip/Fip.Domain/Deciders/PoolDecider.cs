using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Fip.Domain.Commands;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Events;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Domain.State;

namespace Mesh.Fip.Domain.Deciders;

// FIP-1: defining and changing an external network's pool.
public static class PoolDecider
{
    public static Decision Decide(FipPoolState state, DefinePool command)
    {
        if (DnsName.Check(command.Name) is { } badName)
        {
            return badName;
        }
        if (!Guid.TryParse(command.ExternalNetworkId, out _))
        {
            return FipErrors.InvalidExternalNetworkId(command.ExternalNetworkId);
        }
        if (!IpPrefix.TryParseNormalised(command.Cidr, out var cidr, out var hostBits) || cidr.Family != IpFamily.V4)
        {
            return FipErrors.InvalidCidr("cidr", command.Cidr);
        }
        if (hostBits)
        {
            return FipErrors.InvalidCidr("cidr", command.Cidr, cidr.ToString());
        }
        if (!IpAddress.TryParse(command.Gateway, IpFamily.V4, out var gateway))
        {
            return FipErrors.InvalidIp("gateway", command.Gateway);
        }
        if (!cidr.Contains(gateway) || (cidr.Length < 31 && (gateway == cidr.First || gateway == cidr.Last)))
        {
            return FipErrors.InvalidRange("gateway", command.Gateway, $"is not a host address of {cidr}");
        }
        if ((CheckEntries("ranges", command.Ranges, cidr) ?? CheckEntries("excludes", command.Excludes, cidr)) is { } badEntry)
        {
            return badEntry;
        }

        var spec = new PoolSpec(command.ExternalNetworkId, command.Name, cidr.ToString(), gateway.ToString(),
            [.. command.Ranges.Select(r => r.Trim())], [.. command.Excludes.Select(r => r.Trim())]);
        if (state.Pool is null)
        {
            return Decision.Accept(new PoolDefined(spec));
        }
        if (state.Pool.SameAs(spec))
        {
            return Decision.Nothing;
        }
        if (Immutable(state.Pool, spec) is { } immutable)
        {
            return immutable;
        }
        var allocatable = PoolAddresses.Allocatable(spec);
        var stranded = state.Fips.FirstOrDefault(f => IpAddress.TryParse(f.Address, out var a) && !allocatable.Contains(a.Value));
        if (stranded is not null)
        {
            return FipErrors.AddressInUse("ranges", stranded.Address, stranded.Name, stranded.Project);
        }
        return Decision.Accept(new PoolRangesChanged(spec.Ranges, spec.Excludes));
    }

    private static MeshError? CheckEntries(string field, IReadOnlyList<string> entries, IpPrefix cidr)
    {
        foreach (var entry in entries)
        {
            if (!IpRange.TryParseWithCidr(entry?.Trim(), out var range, out _))
            {
                return FipErrors.InvalidRange(field, entry, "is not an address, a range a..b or a CIDR");
            }
            if (!cidr.Contains(range.Start) || !cidr.Contains(range.End))
            {
                return FipErrors.InvalidRange(field, entry, $"lies outside the external network's CIDR {cidr}");
            }
        }
        return null;
    }

    private static MeshError? Immutable(PoolSpec current, PoolSpec requested) =>
        current.ExternalNetworkId != requested.ExternalNetworkId
            ? FipErrors.ImmutableField("externalNetworkID", current.ExternalNetworkId, requested.ExternalNetworkId)
            : current.Name != requested.Name ? FipErrors.ImmutableField("metadata.name", current.Name, requested.Name)
            : current.Cidr != requested.Cidr ? FipErrors.ImmutableField("cidr", current.Cidr, requested.Cidr)
            : current.Gateway != requested.Gateway ? FipErrors.ImmutableField("gateway", current.Gateway, requested.Gateway)
            : null;
}
