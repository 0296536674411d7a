using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Fip.Domain.Commands;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Events;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Domain.State;

namespace Mesh.Fip.Domain.Deciders;

// FIP-2 allocate and FIP-7 release.
public static class AllocationDecider
{
    public static Decision Decide(FipPoolState state, AllocateFip command, FipSettings settings)
    {
        if (state.Pool is null || !state.Matches(command.Pool))
        {
            return FipErrors.PoolNotFound(command.Pool);
        }
        if (DnsName.Check(command.Name) is { } badName)
        {
            return badName;
        }
        IpAddress? requested = null;
        if (command.Address is not null)
        {
            if (!IpAddress.TryParse(command.Address, IpFamily.V4, out var a))
            {
                return FipErrors.InvalidIp("v4Ip", command.Address);
            }
            requested = a;
        }
        if (state.FipForKey(command.IdempotencyKey) is { } earlier)
        {
            var live = state.Fip(earlier);
            var same = earlier == command.Name && (live is null || (live.Project == command.Project
                && (requested is null || live.Address == requested.Value.ToString())));
            return same ? Decision.Nothing : FipErrors.IdempotencyKeyReused(command.IdempotencyKey, earlier);
        }
        if (state.Fip(command.Name) is { } existing)
        {
            return FipErrors.FipAlreadyExists(existing.Name, existing.Project, existing.Address);
        }
        if (requested is { } wanted && !state.Allocatable.Contains(wanted.Value))
        {
            return FipErrors.AddressNotInPool("v4Ip", command.Address!, state.Pool.Name, state.Allocatable.Format(IpFamily.V4));
        }

        var quota = settings.QuotaFor(command.Project);
        var held = state.HeldBy(command.Project) + command.HeldInOtherPools;
        if (held >= quota)
        {
            return FipErrors.QuotaExceeded(command.Project, quota, held);
        }

        IpAddress address;
        if (requested is { } specific)
        {
            if (state.FipAt(specific) is { } holder)
            {
                return FipErrors.AddressInUse("v4Ip", holder.Address, holder.Name, holder.Project);
            }
            address = specific;
        }
        else if (state.FreeRanges().Lowest() is { } lowest)
        {
            address = new IpAddress(IpFamily.V4, lowest);
        }
        else
        {
            return FipErrors.FipPoolExhausted(state.Pool.Name, state.Allocatable.Count);
        }
        return Decision.Accept(new FipAllocated(command.Name, command.Project, address.ToString(), command.IdempotencyKey));
    }

    public static Decision Decide(FipPoolState state, ReleaseFip command)
    {
        var fip = state.Fip(command.Name);
        if (fip is null)
        {
            return state.WasReleased(command.Name) ? Decision.Nothing : FipErrors.FipNotFound(command.Name);
        }
        if (fip.Project != command.Project && !command.Admin)
        {
            return FipErrors.Forbidden(fip.Name, fip.Project, command.Project);
        }
        var rules = state.RulesOf(fip.Name).OrderBy(r => r.RuleId, StringComparer.Ordinal).ToList();
        if (rules.Count > 0 && !command.Cascade)
        {
            return FipErrors.FipHasRules(fip.Name, [.. rules.Select(r => r.RuleId)]);
        }
        var events = rules.Select(r => (object)FipDisassociated.Of(r, DisassociationReason.FipReleased)).ToList();
        events.Add(new FipReleased(fip.Name, fip.Project, fip.Address));
        return Decision.Accept(events);
    }
}
