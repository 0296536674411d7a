using Mesh.EventSourcing;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Publishing;
using Bus = Mesh.Contracts.Vpc;

namespace Mesh.Vpc.Tests;

/// <summary>IPAM-6a: a custom VPC's subnet with spec.default: true is announced as its VPC's default, so IPAM serves the VPC's pods from it.</summary>
[Trait("rule", "IPAM-6a")]
public sealed class DefaultSubnetAnnouncementTests
{
    private static Bus.SubnetAnnounced Announced(SubnetDefinition subnet) =>
        Assert.IsType<Bus.SubnetAnnounced>(Assert.Single(new TopologyContractMapper(TopologySettings.Default).Map(
            new RecordedEvent(7, "topology", 1, Guid.NewGuid(), "vpc.subnet-created.v1", "{}", new EventMetadata("test", Guid.NewGuid()), DateTimeOffset.UnixEpoch)
            { Data = new SubnetCreated(subnet) })));

    private static SubnetDefinition Subnet(string name, bool isDefault) =>
        new(name, "test-vpc2", "192.168.101.0/24", "192.168.101.1", ["192.168.101.1"], false, [], [], "ovn", false, [], "IPv4", isDefault);

    [Fact]
    public void The_default_flag_makes_the_announcement_the_vpcs_default()
    {
        Assert.True(Announced(Subnet("net193", true)).IsVpcDefault);
        Assert.False(Announced(Subnet("net194", false)).IsVpcDefault);
        Assert.Equal(7, Announced(Subnet("net193", true)).Generation);
    }
}
