using System.Text.Json;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-7")]
public sealed class NetworkAttachmentDefinitionTests
{
    private static readonly SriovConfig WithPolicy = Given.Config(new PolicyApplied(Manual.Valid(Manual.Policy(Manual.RuncIb))));

    private static NetworkAttachmentDefinitionRendered Render(SriovNetworkResource network) =>
        Then.Has<NetworkAttachmentDefinitionRendered>(SriovConfigDecider.Decide(WithPolicy, new ApplyNetwork(network), SriovSettings.Default));

    [Theory]
    [InlineData(SriovNetworkKind.SriovIBNetwork, "ib-sriov")]
    [InlineData(SriovNetworkKind.SriovNetwork, "sriov")]
    public void Creating_a_network_renders_a_NAD_of_the_same_name_and_namespace(SriovNetworkKind kind, string cni)
    {
        var network = Manual.Network(Manual.RuncIb) with { Kind = kind };

        var nad = Render(network);

        Assert.Equal(("ibnics", "eks-managed"), (nad.Name, nad.Namespace));
        Assert.Equal("ecnf.io/mlxnics", nad.Annotations["k8s.v1.cni.cncf.io/resourceName"]);
        var config = JsonDocument.Parse(nad.Config).RootElement;
        Assert.Equal((cni, "ibnics"), (config.GetProperty("type").GetString(), config.GetProperty("name").GetString()));
        Assert.Equal("192.168.100.0/24", config.GetProperty("ipam").GetProperty("range").GetString());
    }

    [Fact]
    public void An_ethernet_NAD_carries_the_VF_settings()
    {
        var network = Manual.Network(Manual.RuncEth) with
        {
            Spec = Manual.Network(Manual.RuncEth).Spec with { Vlan = 100, SpoofChk = OnOff.FromString("on"), MaxTxRate = 1000, Capabilities = new(Ips: true) },
        };

        var config = JsonDocument.Parse(Render(network).Config).RootElement;

        Assert.Equal((100, "on", 1000), (config.GetProperty("vlan").GetInt32(), config.GetProperty("spoofchk").GetString(), config.GetProperty("max_tx_rate").GetInt32()));
        Assert.True(config.GetProperty("capabilities").GetProperty("ips").GetBoolean());
    }

    [Fact]
    public void With_a_network_namespace_the_NAD_lives_there()
    {
        var network = Manual.Network(Manual.RuncEth) with { Spec = Manual.Network(Manual.RuncEth).Spec with { NetworkNamespace = "team-a" } };

        Assert.Equal("team-a", Render(network).Namespace);
    }

    [Fact]
    public void Deleting_a_network_deletes_its_NAD_and_a_second_delete_appends_nothing()
    {
        var config = Given.Config(new PolicyApplied(Manual.Valid(Manual.Policy(Manual.RuncIb))), new NetworkApplied(Manual.ValidNetwork(Manual.Network(Manual.RuncIb))));
        var command = new DeleteNetwork(SriovNetworkKind.SriovIBNetwork, Manual.Ns, "ibnics");

        var decision = SriovConfigDecider.Decide(config, command);
        Assert.Equal(new NetworkAttachmentDefinitionDeleted("ibnics", Manual.Ns), Then.Has<NetworkAttachmentDefinitionDeleted>(decision));
        config.Apply(decision.Events[0]);

        Then.Nothing(SriovConfigDecider.Decide(config, command));
    }

    [Fact]
    public void Reapplying_an_unchanged_network_appends_nothing()
    {
        var config = Given.Config(new PolicyApplied(Manual.Valid(Manual.Policy(Manual.RuncIb))), new NetworkApplied(Manual.ValidNetwork(Manual.Network(Manual.RuncIb))));

        Then.Nothing(SriovConfigDecider.Decide(config, new ApplyNetwork(Manual.Network(Manual.RuncIb)), SriovSettings.Default));
    }
}
