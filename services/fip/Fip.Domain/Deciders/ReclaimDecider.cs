using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Fip.Domain.Commands;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Events;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Domain.State;

namespace Mesh.Fip.Domain.Deciders;

// Removing rules: on request, and FIP-6 when IPAM releases the internal address.
public static class ReclaimDecider
{
    public static Decision Decide(FipPoolState state, Disassociate command)
    {
        var rule = state.Rule(command.RuleId);
        if (rule is null)
        {
            return Decision.Nothing;
        }
        return rule.Project != command.Project && !command.Admin
            ? FipErrors.Forbidden(rule.RuleId, rule.Project, command.Project)
            : Decision.Accept(FipDisassociated.Of(rule, DisassociationReason.Requested));
    }

    // Safe to receive twice and in any order with associations: rules of this allocation or an older
    // one go; the release is remembered unless a newer allocation of the address is already known.
    public static Decision Decide(FipPoolState state, ReleaseTarget command)
    {
        var ip = IpAddress.Canonical(command.Ip, IpFamily.V4);
        if (ip is null)
        {
            return FipErrors.InvalidIp("ip", command.Ip);
        }
        if (state.Pool is null)
        {
            return Decision.Nothing;
        }
        var lease = state.Lease(command.Subnet, ip);
        var stale = lease is not null && (lease.Generation > command.Generation
            || (lease.Generation == command.Generation && lease.Released));
        var events = state.RulesOn(command.Subnet, ip)
            .Where(r => r.Generation <= command.Generation)
            .OrderBy(r => r.RuleId, StringComparer.Ordinal)
            .Select(r => (object)FipDisassociated.Of(r, DisassociationReason.TargetReleased))
            .ToList();
        if (!stale)
        {
            events.Add(new TargetReleaseRecorded(ip, command.PodUid, command.Generation, command.EventId, command.Subnet));
        }
        return events.Count == 0 ? Decision.Nothing : Decision.Accept(events);
    }
}
