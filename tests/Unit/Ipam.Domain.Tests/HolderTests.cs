using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class HolderTests
{
    [Fact]
    [Trait("rule", "IPAM-13")]
    public void The_holder_of_an_address_is_its_pod_interface_node_and_time()
    {
        var scenario = WithPool("10.16.0.0/24,fd00::/120");
        scenario.Allocate(Alloc("uid-7", node: "node3", now: T0.AddMinutes(3)));
        foreach (var address in new[] { "10.16.0.2", "fd00::2", "FD00:0::2" })
        {
            var holder = scenario.State.HolderOf(address)!;
            Assert.Equal(("uid-7", "eth0", "node3", T0.AddMinutes(3)), (holder.Owner.PodUid, holder.Owner.Interface, holder.Node, holder.AllocatedAt));
        }
    }

    [Fact]
    [Trait("rule", "IPAM-13")]
    public void Free_reserved_and_foreign_addresses_have_no_holder()
    {
        var state = WithPool().State;
        Assert.Null(state.HolderOf("10.16.0.2"));
        Assert.Null(state.HolderOf("10.16.0.1"));
        Assert.Null(state.HolderOf("192.168.0.1"));
        Assert.Null(state.HolderOf("not-an-ip"));
    }

    [Fact]
    [Trait("rule", "IPAM-13")]
    public void Replaying_the_events_rebuilds_the_same_holders()
    {
        var history = new List<object>();
        var fresh = new Scenario();
        history.AddRange(fresh.Accept(new Commands.CreatePool(Subnet, "10.16.0.0/24", T0)));
        history.AddRange(fresh.Accept(Alloc("a")));
        history.AddRange(fresh.Accept(Alloc("b")));
        history.AddRange(fresh.Accept(Release("a")));
        var replayed = Pools.SubnetPool.Replay(Subnet, history);
        Assert.Equal("b", replayed.HolderOf("10.16.0.3")!.Owner.PodUid);
        Assert.Null(replayed.HolderOf("10.16.0.2"));
        Assert.Equal(fresh.State.Version, replayed.Version);
    }
}
