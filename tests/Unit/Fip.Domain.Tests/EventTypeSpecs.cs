using System.Reflection;

namespace Mesh.Fip.Domain.Tests;

public class EventTypeSpecs
{
    [Fact]
    [Trait("rule", "COMMON-4")]
    public void Every_stored_event_has_a_unique_versioned_type_name()
    {
        var eventTypes = typeof(FipAllocated).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FipAllocated).Namespace && t.IsPublic && !t.IsAbstract
                && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
                && t != typeof(FipEventTypes));

        Assert.All(eventTypes, t => Assert.Matches(@"^fip\.[a-z-]+\.v\d+$", FipEventTypes.Names[t]));
        Assert.Equal(FipEventTypes.Names.Count, FipEventTypes.Names.Values.Distinct().Count());
        Assert.Equal("fip-pool-ext-net", FipEventTypes.StreamId("ext-net"));
    }

    [Fact]
    [Trait("rule", "FIP-3")]
    public void Rule_events_carry_the_gateway_scope_for_the_nat_programmer()
    {
        var rule = F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5").Rule;

        Assert.Equal(F.Scope, FipDisassociated.Of(rule, DisassociationReason.Requested).Scope);
        Assert.Equal("node/gw-node-1", rule.Scope.Target);
    }
}
