using Mesh.Addressing;

namespace Mesh.Fip.Domain.Tests;

[Trait("rule", "FIP-1")]
public class PoolSpecs
{
    [Fact]
    public void Defining_a_pool_records_its_external_network_ranges_and_excludes()
    {
        var decision = Spec.Given().When(F.DefinePool());

        var defined = Assert.IsType<PoolDefined>(Assert.Single(decision.Events));
        Assert.Equal(F.ExtNet, defined.Pool.ExternalNetworkId);
        Assert.Equal("172.35.0.0/24", defined.Pool.Cidr);
        Assert.Equal(["172.35.0.10..172.35.0.20"], defined.Pool.Ranges);
        Assert.Equal(["172.35.0.15"], defined.Pool.Excludes);
    }

    [Fact]
    public void Defining_the_same_pool_twice_appends_nothing() =>
        Spec.Given(F.Pool()).When(F.DefinePool()).ThenNothing();

    [Fact]
    public void Free_addresses_are_listed_as_ranges_without_excludes_and_allocated_ones()
    {
        var state = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.12"));

        Assert.Equal("172.35.0.10..172.35.0.11,172.35.0.13..172.35.0.14,172.35.0.16..172.35.0.20",
            state.FreeRanges().Format(IpFamily.V4));
        Assert.Equal((UInt128)9, state.FreeRanges().Count);
    }

    [Fact]
    public void A_pool_without_ranges_offers_its_whole_cidr_but_network_broadcast_and_gateway()
    {
        var state = Spec.Given(F.Pool(ranges: [], excludes: []));

        Assert.Equal("172.35.0.2..172.35.0.254", state.FreeRanges().Format(IpFamily.V4));
    }

    [Fact]
    public void A_large_pool_lists_its_free_addresses_compactly()
    {
        var state = Spec.Given(new PoolDefined(new PoolSpec(F.ExtNet, "big", "10.0.0.0/8", "10.0.0.1", [], ["10.1.0.0/16"])));

        Assert.Equal(2, state.FreeRanges().RangeCount);
        Assert.Equal((UInt128)((1UL << 24) - 3 - 65536), state.FreeRanges().Count);
    }

    [Fact]
    public void Ranges_given_as_cidrs_are_accepted()
    {
        var state = Spec.Given().Applied(Spec.Given().When(F.DefinePool(ranges: ["172.35.0.16/30"], excludes: [])));

        Assert.Equal("172.35.0.16..172.35.0.19", state.FreeRanges().Format(IpFamily.V4));
    }

    [Fact]
    public void A_cidr_with_host_bits_is_refused_with_the_network_in_the_message()
    {
        var error = Spec.Given().When(F.DefinePool() with { Cidr = "172.35.0.7/24" }).ThenRejected(FipErrorCodes.InvalidCidr);

        Assert.Contains("172.35.0.0/24", error.Message);
        Assert.Equal("cidr", error.Field);
    }

    [Fact]
    public void A_range_outside_the_cidr_is_refused() =>
        Spec.Given().When(F.DefinePool(ranges: ["172.36.0.1..172.36.0.9"])).ThenRejected(FipErrorCodes.InvalidRange);

    [Fact]
    public void A_malformed_exclude_is_refused() =>
        Spec.Given().When(F.DefinePool(excludes: ["172.35.0.9..172.35.0.2"])).ThenRejected(FipErrorCodes.InvalidRange);

    [Fact]
    public void A_gateway_outside_the_cidr_is_refused() =>
        Spec.Given().When(F.DefinePool() with { Gateway = "10.0.0.1" }).ThenRejected(FipErrorCodes.InvalidRange);

    [Fact]
    public void A_pool_name_that_is_not_a_dns_label_is_refused() =>
        Spec.Given().When(F.DefinePool() with { Name = "Ext_Net" }).ThenRejected(ErrorCodes.InvalidName);

    [Fact]
    public void An_external_network_id_that_is_not_a_uuid_is_refused() =>
        Spec.Given().When(F.DefinePool() with { ExternalNetworkId = "ext" }).ThenRejected(FipErrorCodes.InvalidExternalNetworkId);

    [Fact]
    public void The_cidr_of_a_defined_pool_cannot_change() =>
        Spec.Given(F.Pool()).When(F.DefinePool() with { Cidr = "172.35.0.0/23" }).ThenRejected(FipErrorCodes.ImmutableField);

    [Fact]
    public void Ranges_can_grow_while_addresses_are_allocated()
    {
        var state = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.18"));

        var decision = state.When(F.DefinePool(ranges: ["172.35.0.10..172.35.0.30"]));

        var changed = Assert.IsType<PoolRangesChanged>(Assert.Single(decision.Events));
        Assert.Equal(["172.35.0.10..172.35.0.30"], changed.Ranges);
        Assert.True(state.Applied(decision).FreeRanges().Contains(IpAddress.Parse("172.35.0.30").Value));
    }

    [Fact]
    public void Ranges_cannot_shrink_past_an_allocated_address_and_the_holder_is_named()
    {
        var error = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.18"))
            .When(F.DefinePool(ranges: ["172.35.0.10..172.35.0.14"]))
            .ThenRejected(FipErrorCodes.AddressInUse);

        Assert.Contains("eip-a", error.Message);
    }
}
