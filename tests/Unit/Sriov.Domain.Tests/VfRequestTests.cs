using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-8")]
public sealed class VfRequestTests
{
    private static readonly Scenario S = Manual.RuncIb;
    private readonly SriovNode node = Given.ReadyNode(S);
    private readonly SriovConfig config = Given.ConfigFor(S);

    private Decision Allocate(AllocateVfs pod) => VfAllocator.Decide(node, pod, config, SriovSettings.Default);

    [Fact]
    public void A_pod_requesting_another_resource_than_the_network_is_refused_with_the_manual_rule()
    {
        var pod = Manual.Pod(S, "uid-1") with { Requests = new Dictionary<string, int> { ["ecnf.io/othernics"] = 1 } };

        var error = Then.Rejected(Allocate(pod), SriovErrorCodes.ResourceNameMismatch);

        Assert.Equal("ecnf.io/othernics", error.Value);
        Assert.Contains("ecnf.io/mlxnics", error.Message);
    }

    [Fact]
    public void A_pod_attaching_without_requesting_the_resource_is_refused() =>
        Then.Rejected(Allocate(Manual.Pod(S, "uid-1") with { Requests = new Dictionary<string, int>() }), SriovErrorCodes.ResourceNameMismatch);

    [Fact]
    public void A_pod_outside_the_network_namespace_is_refused()
    {
        var error = Then.Rejected(Allocate(Manual.Pod(S, "uid-1", ns: "default")), SriovErrorCodes.NetworkNamespaceMismatch);

        Assert.Equal(("metadata.namespace", "default"), (error.Field, error.Value));
    }

    [Fact]
    public void A_network_annotation_naming_no_SR_IOV_network_is_refused()
    {
        var pod = Manual.Pod(S, "uid-1") with { Annotations = new Dictionary<string, string> { ["k8s.v1.cni.cncf.io/networks"] = "eks-managed/missing" } };

        Then.Rejected(Allocate(pod), ErrorCodes.NotFound);
    }

    [Fact]
    public void A_pod_without_SR_IOV_requests_or_networks_gets_nothing() =>
        Then.Nothing(Allocate(Manual.Pod(S, "uid-1") with { Annotations = new Dictionary<string, string>(), Requests = new Dictionary<string, int>() }));

    [Fact]
    public void Other_networks_in_the_annotation_are_left_to_their_owners_and_keep_their_interface_position()
    {
        var pod = Manual.Pod(S, "uid-1") with { Annotations = new Dictionary<string, string> { ["k8s.v1.cni.cncf.io/networks"] = "eks-managed/kube-ovn, eks-managed/ibnics" } };

        var vf = Assert.Single(Then.Single<VfsAllocated>(Allocate(pod)).Vfs);

        Assert.Equal(("ibnics", "net2"), (vf.Network!.Name, vf.Interface));
    }

    [Fact]
    public void A_request_for_2_VFs_gives_2_and_attaches_the_first_to_the_network()
    {
        var vfs = Then.Single<VfsAllocated>(Allocate(Manual.Pod(S, "uid-1", count: 2))).Vfs;

        Assert.Equal(["0000:71:00.1", "0000:71:00.2"], vfs.Select(v => v.VfPciAddress));
        Assert.Equal(("net1", (string?)null), (vfs[0].Interface, vfs[1].Interface));
    }

    [Fact]
    public void The_allocation_carries_the_network_and_its_ipam_range_for_the_IPAM_service()
    {
        var vf = Assert.Single(Then.Single<VfsAllocated>(Allocate(Manual.Pod(S, "uid-1"))).Vfs);

        Assert.Equal(new NetworkRef("eks-managed", "ibnics"), vf.Network);
        Assert.Equal(("192.168.100.0/24", "192.168.100.1"), (vf.IpamRange, vf.Ipam!.Gateway));
    }

    [Fact]
    public void The_JSON_form_of_the_network_annotation_is_understood()
    {
        var pod = Manual.Pod(S, "uid-1") with
        {
            Annotations = new Dictionary<string, string> { ["k8s.v1.cni.cncf.io/networks"] = "[{\"name\":\"ibnics\",\"namespace\":\"eks-managed\",\"interface\":\"ib1\"}]" },
        };

        Assert.Equal("ib1", Assert.Single(Then.Single<VfsAllocated>(Allocate(pod)).Vfs).Interface);
    }
}
