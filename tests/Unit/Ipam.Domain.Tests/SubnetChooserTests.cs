using Mesh.Ipam.Domain.Choosing;

namespace Mesh.Ipam.Domain.Tests;

public class SubnetChooserTests
{
    private static readonly SubnetDirectory Directory = new(
        [
            new KnownSubnet("ovn-default", "ovn-cluster"),
            new KnownSubnet("team-a", "ovn-cluster", Namespaces: ["ns-a"]),
            new KnownSubnet("vpc-b-default", "vpc-b"),
            new KnownSubnet("subnet-secondary", "vpc-secondary", "kube-ovn-vpc-network.default.ovn"),
        ],
        [new KnownVpc("ovn-cluster", "ovn-default"), new KnownVpc("vpc-b", "vpc-b-default", ["ns-b"])]);

    private static SubnetChoice Choose(string ns, string? annotation = null, string provider = "ovn")
    {
        var annotations = annotation is null
            ? null
            : new Dictionary<string, string> { [SubnetChooser.LogicalSwitchAnnotation(provider)] = annotation };
        var error = SubnetChooser.TryChoose(Directory, ns, annotations, out var choice, provider);
        Assert.Null(error);
        return choice!;
    }

    [Fact]
    [Trait("rule", "IPAM-3")]
    public void The_logical_switch_annotation_wins_over_the_namespace_binding() =>
        Assert.Equal(new SubnetChoice("ovn-default", SubnetChoiceSource.Annotation), Choose("ns-a", "ovn-default"));

    [Fact]
    [Trait("rule", "IPAM-3")]
    public void A_subnet_bound_to_the_namespace_wins_over_the_vpc_default() =>
        Assert.Equal(new SubnetChoice("team-a", SubnetChoiceSource.Namespace), Choose("ns-a"));

    [Fact]
    [Trait("rule", "IPAM-3")]
    public void Otherwise_the_default_subnet_of_the_namespace_vpc_or_of_ovn_cluster_is_used()
    {
        Assert.Equal(new SubnetChoice("vpc-b-default", SubnetChoiceSource.VpcDefault), Choose("ns-b"));
        Assert.Equal(new SubnetChoice("ovn-default", SubnetChoiceSource.VpcDefault), Choose("anything"));
        Assert.Equal("ovn-default", SubnetChooser.TryChoose(SubnetDirectory.Initial, "x", null, out var initial) is null ? initial!.Subnet : null);
    }

    [Fact]
    [Trait("rule", "IPAM-3")]
    public void A_secondary_interface_uses_the_subnet_of_its_provider()
    {
        Assert.Equal("kube-ovn-vpc-network.default.ovn.kubernetes.io/logical_switch",
            SubnetChooser.LogicalSwitchAnnotation("kube-ovn-vpc-network.default.ovn"));
        Assert.Equal(new SubnetChoice("subnet-secondary", SubnetChoiceSource.Provider),
            Choose("default", provider: "kube-ovn-vpc-network.default.ovn"));
    }

    [Theory]
    [Trait("rule", "IPAM-3")]
    [InlineData("no-such-subnet", "ovn", IpamErrors.SubnetNotFoundCode)]
    [InlineData("subnet-secondary", "ovn", IpamErrors.ProviderMismatchCode)]
    [InlineData(null, "unknown.default.ovn", IpamErrors.SubnetNotFoundCode)]
    public void An_unknown_or_mismatched_subnet_is_refused(string? annotation, string provider, string code)
    {
        var annotations = annotation is null ? null : new Dictionary<string, string> { [SubnetChooser.LogicalSwitchAnnotation(provider)] = annotation };
        var error = SubnetChooser.TryChoose(Directory, "default", annotations, out var choice, provider);
        Assert.Equal(code, error?.Code);
        Assert.Null(choice);
    }

    [Fact]
    [Trait("rule", "IPAM-6a")]
    public void Every_subnet_the_pod_may_use_comes_in_a_stable_order_the_named_one_alone()
    {
        var directory = new SubnetDirectory(
            [
                new KnownSubnet("ovn-default", "ovn-cluster"),
                new KnownSubnet("m-b", "ovn-cluster", Namespaces: ["ns-m"]),
                new KnownSubnet("m-a", "ovn-cluster", Namespaces: ["ns-m"]),
                new KnownSubnet("c-z", "vpc-c"),
                new KnownSubnet("c-main", "vpc-c"),
                new KnownSubnet("c-bound", "vpc-c", Namespaces: ["ns-other"]),
                new KnownSubnet("c-a", "vpc-c"),
            ],
            [new KnownVpc("ovn-cluster", "ovn-default"), new KnownVpc("vpc-c", "c-main", ["ns-c"])]);
        IReadOnlyList<SubnetChoice> Order(string ns, string? named = null)
        {
            var annotations = named is null ? null : new Dictionary<string, string> { ["ovn.kubernetes.io/logical_switch"] = named };
            Assert.Null(SubnetChooser.TryChooseInOrder(directory, ns, annotations, out var choices));
            return choices;
        }

        Assert.Equal(["m-a", "m-b"], Order("ns-m").Select(c => c.Subnet));
        Assert.Equal(["c-main", "c-a", "c-z"], Order("ns-c").Select(c => c.Subnet));
        Assert.Equal([SubnetChoiceSource.VpcDefault, SubnetChoiceSource.VpcSpillOver, SubnetChoiceSource.VpcSpillOver], Order("ns-c").Select(c => c.Source));
        Assert.Equal(["m-b"], Order("ns-m", "m-b").Select(c => c.Subnet));
    }
}
