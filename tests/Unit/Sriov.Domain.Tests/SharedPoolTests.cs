using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

/// <summary>
/// POOL-1 on a physical network: the seed's ibnics and nics (both mlxnics, both 192.168.100.0/24) share one
/// IPAM pool, so no address is given to both; an overlapping but different range on it is refused.
/// </summary>
[Trait("rule", "POOL-1")]
public sealed class SharedPoolTests
{
    private const string Pool = "sriov.mlxnics.192-168-100-0-24";

    private static readonly SriovNetworkNodePolicy OtherPolicy = Manual.Valid(Manual.Policy(Manual.RuncEth, "node-policy-20") is var p
        ? p with { Spec = p.Spec with { ResourceName = "othernics" } } : p);

    private static readonly SriovNetworkResource IbNics = Manual.Network(Manual.RuncIb);
    private static readonly SriovNetworkResource Nics = Manual.Network(Manual.RuncEth);

    private static SriovConfig Config(params object[] events) =>
        Given.Config([new PolicyApplied(Manual.Valid(Manual.Policy(Manual.RuncIb))), new PolicyApplied(OtherPolicy), .. events]);

    private static Decision Apply(SriovConfig state, SriovNetworkResource network) =>
        SriovConfigDecider.Decide(state, new ApplyNetwork(network), SriovSettings.Default);

    private static SriovConfig Applied(SriovConfig state, Decision decision)
    {
        Assert.False(decision.IsRejected, decision.Error?.Message);
        foreach (var e in decision.Events)
        {
            state.Apply(e);
        }
        return state;
    }

    private static SriovNetworkResource WithRange(SriovNetworkResource n, string range, string? gateway = null, params string[] exclude) =>
        n with { Spec = n.Spec with { Ipam = new WhereaboutsIpam("whereabouts", range, gateway, exclude) } };

    [Fact]
    public void The_seeds_ibnics_and_nics_share_one_pool_named_by_physical_network_and_range()
    {
        var state = Config();
        var first = Then.Has<NetworkPoolDefined>(Apply(state, IbNics));
        Assert.Equal(Pool, first.Pool);
        Assert.Equal(["eks-managed/ibnics"], first.Networks);
        Assert.Equal("mlxnics.sriov", first.Provider);
        state = Applied(state, Apply(state, IbNics));

        var second = Then.Has<NetworkPoolDefined>(Apply(state, Nics));
        Assert.Equal(Pool, second.Pool);
        Assert.Equal(["eks-managed/ibnics", "eks-managed/nics"], second.Networks);
        Assert.Equal(["192.168.100.0/26"], second.Exclude);
        Assert.Equal("192.168.100.1", second.Gateway);
        Assert.Equal(NetworkPools.PoolOf(IbNics), NetworkPools.PoolOf(Nics));
    }

    [Theory]
    [InlineData("192.168.100.0/25")]
    [InlineData("192.168.0.0/16")]
    [InlineData("192.168.100.128/26")]
    public void An_overlapping_different_range_on_the_same_physical_network_is_refused_naming_the_other_network(string range)
    {
        var state = Config();
        state = Applied(state, Apply(state, IbNics));

        var error = Then.Rejected(Apply(state, WithRange(Nics, range)), ErrorCodes.CidrConflict);

        Assert.Equal("spec.ipam.range", error.Field);
        Assert.Contains("eks-managed/ibnics", error.Message);
        Assert.Contains("192.168.100.0/24", error.Remedy);
    }

    [Fact]
    public void The_same_range_on_another_physical_network_is_another_pool()
    {
        var state = Config();
        state = Applied(state, Apply(state, IbNics));
        var other = Nics with { Spec = Nics.Spec with { ResourceName = "othernics" } };

        var pool = Then.Has<NetworkPoolDefined>(Apply(state, other));

        Assert.Equal("sriov.othernics.192-168-100-0-24", pool.Pool);
        Assert.Equal(["eks-managed/nics"], pool.Networks);
    }

    [Fact]
    public void A_different_gateway_for_a_shared_pool_is_refused()
    {
        var state = Config();
        state = Applied(state, Apply(state, IbNics));

        var error = Then.Rejected(Apply(state, WithRange(Nics, "192.168.100.0/24", "192.168.100.254", "192.168.100.0/26")), ErrorCodes.CidrConflict);

        Assert.Equal("spec.ipam.gateway", error.Field);
        Assert.Contains("use gateway 192.168.100.1", error.Remedy);
    }

    [Fact]
    public void The_pool_reserves_the_union_of_its_networks_excludes()
    {
        var state = Config();
        state = Applied(state, Apply(state, IbNics));

        var pool = Then.Has<NetworkPoolDefined>(Apply(state, WithRange(Nics, "192.168.100.0/24", "192.168.100.1", "192.168.100.200/29")));

        Assert.Equal(["192.168.100.0/26", "192.168.100.200/29"], pool.Exclude);
    }

    [Fact]
    public void Deleting_one_network_keeps_the_shared_pool_and_deleting_the_last_closes_it()
    {
        var state = Config();
        state = Applied(state, Apply(state, IbNics));
        state = Applied(state, Apply(state, Nics));

        var first = SriovConfigDecider.Decide(state, new DeleteNetwork(Nics.Kind, Nics.Namespace, Nics.Name));
        Assert.DoesNotContain(first.Events, e => e is NetworkPoolClosed);
        Assert.Equal(["eks-managed/ibnics"], Then.Has<NetworkPoolDefined>(first).Networks);
        state = Applied(state, first);

        var last = SriovConfigDecider.Decide(state, new DeleteNetwork(IbNics.Kind, IbNics.Namespace, IbNics.Name));
        Assert.Equal(Pool, Then.Has<NetworkPoolClosed>(last).Pool);
    }

    [Fact]
    public void Moving_a_network_to_another_range_leaves_the_shared_pool_and_defines_the_new_one()
    {
        var state = Config();
        state = Applied(state, Apply(state, IbNics));
        state = Applied(state, Apply(state, Nics));

        var moved = Apply(state, WithRange(Nics, "192.168.101.0/24", "192.168.101.1"));

        var pools = moved.Events.OfType<NetworkPoolDefined>().ToDictionary(p => p.Pool);
        Assert.Equal(["eks-managed/ibnics"], pools[Pool].Networks);
        Assert.Equal(["eks-managed/nics"], pools["sriov.mlxnics.192-168-101-0-24"].Networks);
        Assert.DoesNotContain(moved.Events, e => e is NetworkPoolClosed);
    }

    [Fact]
    public void Applying_the_same_network_again_changes_no_pool() =>
        Then.Nothing(Apply(Applied(Config(), Apply(Config(), IbNics)), IbNics));
}
